"""The characters a match of a compiled `re` pattern can end with, or start with, read from its
parse tree.

A pattern anchored at the end (words stripped from the end of a phrase, `(?:…)+$`) is searched by
trying it at every position of the string; when the string's last character ends none of its
matches, that search cannot succeed and need not run. A pattern whose branches open with
look-behinds is tried in full at every position too (the engine skips ahead only to a literal or a
set of them): a look-ahead for its first characters in front lets it pass the others at once.
"""

from __future__ import annotations

import re
import re._constants as C
import re._parser as P


class _Unknown(Exception):
    pass


def last_chars(pattern: re.Pattern) -> frozenset[str] | None:
    """Every character a non-empty match can end with; None when the pattern is not simple enough
    to tell (classes with categories or negation, backreferences, flags inside) or can match empty."""
    return _end_chars(pattern, True)


def first_chars(pattern: re.Pattern) -> frozenset[str] | None:
    """Every character a non-empty match can start with; None as for last_chars."""
    return _end_chars(pattern, False)


def with_first_chars(pattern: re.Pattern) -> re.Pattern:
    """The pattern behind a look-ahead for the characters its matches start with: the same matches
    and groups. The pattern itself when they cannot be told."""
    first = first_chars(pattern)
    if not first:
        return pattern
    try:
        return re.compile(f"(?=[{''.join(map(re.escape, sorted(first)))}])(?:{pattern.pattern})", pattern.flags)
    except re.error:
        return pattern


def _end_chars(pattern: re.Pattern, last: bool) -> frozenset[str] | None:
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        chars, can_be_empty = _sequence(P.parse(pattern.pattern, pattern.flags).data, last)
    except (_Unknown, re.error):
        return None
    return None if can_be_empty else frozenset(map(chr, chars))


def _sequence(items, last: bool) -> tuple[set[int], bool]:
    chars: set[int] = set()
    for op, av in (reversed(items) if last else items):
        end, can_be_empty = _item(op, av, last)
        chars |= end
        if not can_be_empty:
            return chars, False
    return chars, True


def _item(op, av, last: bool) -> tuple[set[int], bool]:
    if op is C.LITERAL:
        return {av}, False
    if op is C.IN:
        chars: set[int] = set()
        for kind, value in av:
            if kind is C.LITERAL:
                chars.add(value)
            elif kind is C.RANGE and value[1] - value[0] < 4096:
                chars.update(range(value[0], value[1] + 1))
            else:
                raise _Unknown
        return chars, False
    if op is C.BRANCH:
        chars, empty = set(), False
        for alternative in av[1]:
            end, can_be_empty = _sequence(alternative, last)
            chars |= end
            empty = empty or can_be_empty
        return chars, empty
    if op is C.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            raise _Unknown
        return _sequence(sub.data, last)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, _high, sub = av
        chars, can_be_empty = _sequence(sub.data, last)
        return chars, can_be_empty or low == 0
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):  # zero width: the character next to it decides
        return set(), True
    raise _Unknown
