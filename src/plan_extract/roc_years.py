"""Republic-era years (民國113年 = 2024), as Taiwan's government documents date themselves.

A three-digit year is read as such only in a document that names the era or Taiwan's institutions
(zh.toml context.roc_markers); elsewhere 110年 is a duration or an anniversary, and is dropped."""

from __future__ import annotations

import re
from functools import cache

from .lexicon import lexicon

# the look-behind after the literal 1: the engine skips ahead to each 1 instead of trying every position
_ROC_DATE = re.compile(r"(1(?<![0-9]1)[01][0-9])\s*[年/.-]\s*([0-9]{1,2})\s*[月/.-]\s*([0-9]{1,2})(?![0-9])")


@cache
def _markers() -> tuple[str, ...]:
    return tuple(lexicon()["context"]["roc_markers"])


def _offset() -> int:
    return lexicon()["context"]["roc_offset"]


def uses_roc_years(view: str) -> bool:
    # plain substring tests: several times faster than one alternation over a long text
    return any(w in view for w in _markers())


def gregorian(digits: str) -> int:
    """The year a matched year's digits name: four digits as written, three digits by the era."""
    return int(digits) + (_offset() if len(digits) == 3 else 0)


def roc_year_ok(m: re.Match, roc: bool | None) -> bool:
    """False for a three-digit year in a document that does not (or not yet known to) date by the era."""
    if roc:
        return True
    for group in ("dy", "ay", "py"):
        if m.group(group) is not None and len(m.group(group)) == 3:
            return False
    return True


def roc_date(head: str) -> str | None:
    """The page's date written by the era (發布日期：114年6月18日), as an ISO date."""
    m = _ROC_DATE.search(head)
    if m is None or not (1 <= int(m[2]) <= 12 and 1 <= int(m[3]) <= 31):
        return None
    return f"{gregorian(m[1])}-{int(m[2]):02d}-{int(m[3]):02d}"
