"""pattern_ends: the characters a pattern's matches end with, used to skip searches that cannot succeed."""

import random
import re

import pytest

from plan_extract import context
from plan_extract.pattern_ends import last_chars


@pytest.mark.parametrize("pattern, ends", [
    (r"ab|c", "bc"),
    (r"a(?=x)", "a"),  # a lookahead takes no character
    (r"x[a-c]?$", "xabc"),  # an optional last item: the one before may end the match
    (r"(?:达到|为)+$", "到为"),
    (r"[\w]x|y", "xy"),
])
def test_last_chars(pattern, ends):
    assert last_chars(re.compile(pattern)) == frozenset(ends)


@pytest.mark.parametrize("pattern", [r"a?", r"(?i)a", r"a\w", r"a[^b]", r"(a)\1"])
def test_unknown_or_empty_gives_none(pattern):
    assert last_chars(re.compile(pattern)) is None


def test_strip_right_skipped_only_when_it_cannot_match():
    """The precheck in clean_indicator never changes what the lexicon's strip_right removes."""
    pattern = context._patterns()["strip_right"]
    ends = context._strip_right_ends()
    assert ends  # the lexicon's pattern is readable: the precheck is in use
    words = list("达到了为的是有约将已要完成增至元美台币同比环比較较上年去内容服务企业5G基站數\n")
    rnd = random.Random(7)
    for _ in range(5000):
        s = "".join(rnd.choice(words) for _ in range(rnd.randint(0, 12)))
        skipped = not context._may_end_in(s, ends)
        assert not skipped or pattern.sub("", s, count=1) == s, s
