"""The characters a match of a compiled `re` pattern can end with, read from its parse tree.

A pattern anchored at the end (words stripped from the end of a phrase, `(?:…)+$`) is searched by
trying it at every position of the string; when the string's last character ends none of its
matches, that search cannot succeed and need not run.
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
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        chars, can_be_empty = _sequence(P.parse(pattern.pattern, pattern.flags).data)
    except (_Unknown, re.error):
        return None
    return None if can_be_empty else frozenset(map(chr, chars))


def _sequence(items) -> tuple[set[int], bool]:
    chars: set[int] = set()
    for op, av in reversed(items):
        last, can_be_empty = _item(op, av)
        chars |= last
        if not can_be_empty:
            return chars, False
    return chars, True


def _item(op, av) -> tuple[set[int], bool]:
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
            last, can_be_empty = _sequence(alternative)
            chars |= last
            empty = empty or can_be_empty
        return chars, empty
    if op is C.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            raise _Unknown
        return _sequence(sub.data)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, _high, sub = av
        chars, can_be_empty = _sequence(sub.data)
        return chars, can_be_empty or low == 0
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):  # zero width: the character before decides
        return set(), True
    raise _Unknown
