"""pattern_ends: the characters a pattern's matches end with, used to skip searches that cannot succeed."""

import random
import re

import pytest

from plan_extract import context
from plan_extract.lexicon import lexicon
from plan_extract.pattern_ends import first_chars, last_chars, with_first_chars


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


@pytest.mark.parametrize("pattern, starts", [
    (r"ab|c", "ac"),
    (r"(?<![0-9])a|(?<=x)b", "ab"),  # a look-behind takes no character
    (r"(?:民国)?[0-9]年", "民0123456789"),  # an optional first item: the one after may start the match
    (r"(?P<y>(?:19|20)[0-9]{2})年", "12"),
])
def test_first_chars(pattern, starts):
    assert first_chars(re.compile(pattern)) == frozenset(starts)


@pytest.mark.parametrize("pattern", [r"a?", r"\wa", r"[^b]a", r"(?i)a"])
def test_first_chars_unknown_or_empty_gives_none_and_the_pattern_stays(pattern):
    assert first_chars(re.compile(pattern)) is None
    assert with_first_chars(re.compile(pattern)).pattern == pattern


def test_the_year_pattern_behind_its_first_characters_finds_the_same_matches():
    plain = re.compile(lexicon()["context"]["year"])
    guarded = context._patterns()["year"]
    assert guarded.pattern != plain.pattern  # the look-ahead is in use
    words = ["从", "自", "到", "至", "截至", "截止", "民国", "今年", "本年度", "当年", "去年", "上年", "前年", "明年",
             "年底前", "年底", "年末", "年内", "以来", "起", "比", "较", "2019", "2025", "113", "5", "1", "年", "月",
             " ", "-", "～", "多", "几", "数", "十", "五", "两", "零", "."]
    rnd = random.Random(11)
    for _ in range(5000):
        s = "".join(rnd.choice(words) for _ in range(rnd.randint(0, 14)))
        a, b = rnd.randint(0, len(s)), rnd.randint(0, len(s))
        assert [(m.span(), m.lastgroup, m.groups()) for m in guarded.finditer(s)] == \
            [(m.span(), m.lastgroup, m.groups()) for m in plain.finditer(s)], s
        m1, m2 = guarded.search(s, a, b), plain.search(s, a, b)
        assert (m1 and (m1.span(), m1.groups())) == (m2 and (m2.span(), m2.groups())), (s, a, b)


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


def _plain(guarded: re.Pattern) -> re.Pattern:
    """The pattern without the look-ahead with_first_chars put in front of it."""
    assert guarded.pattern.startswith("(?=[")
    return re.compile(guarded.pattern[guarded.pattern.index("])(?:") + 5:-1], guarded.flags)


@pytest.mark.parametrize("name", ["year", "recent", "strip_right", "bound_inside"])
def test_the_guarded_lexicon_patterns_find_what_the_plain_ones_find(name):
    guarded = context._patterns()[name]
    plain = _plain(guarded)
    assert with_first_chars(plain).pattern == guarded.pattern
    chars = sorted(first_chars(plain)) + list("5G基站数量不低于于的年底超过中心，2025去来以三内")
    rnd = random.Random(name)
    for _ in range(4000):
        s = "".join(rnd.choice(chars) for _ in range(rnd.randint(0, 10)))
        assert plain.sub("", s, count=1) == guarded.sub("", s, count=1), s
        a = rnd.randint(0, len(s))
        m1, m2 = plain.search(s, a), guarded.search(s, a)
        assert (m1 and (m1.span(), m1.groups())) == (m2 and (m2.span(), m2.groups())), (s, a)
