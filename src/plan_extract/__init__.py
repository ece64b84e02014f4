"""plan-extract: quantitative indicators from Chinese planning documents, as clean records.

    >>> from plan_extract import extract
    >>> [(r.indicator, r.value, r.unit, r.kind, r.year) for r in extract("到2025年，累计建成5G基站3.5万个。")]
    [('5G基站', 35000.0, '个', 'target', 2025)]
"""

from __future__ import annotations

from .catalogue import load_catalogue
from .errors import InputError, PlanExtractError, RuleError
from .records import DocumentInfo, Record
from .rules import CompiledRule, load_rules

__all__ = ["extract", "load_rules", "load_catalogue", "Record", "DocumentInfo", "PlanExtractError", "InputError", "RuleError"]
__version__ = "0.1.0"

_default_rules: list[CompiledRule] | None = None


def default_rules() -> list[CompiledRule]:
    """The bundled rule set, loaded and compiled once per process."""
    global _default_rules
    if _default_rules is None:
        _default_rules = load_rules()
    return _default_rules


def extract(text: str, name: str = "<text>", rules: list[CompiledRule] | None = None,
            keep_duplicates: bool = False, catalogue=None) -> list[Record]:
    """Every indicator in `text`, in order of position. `text[r.start:r.end] == r.raw` for each.
    `catalogue` (from `load_catalogue(FILE)`) replaces the bundled indicator catalogue."""
    from .engine import extract_text

    records, _ = extract_text(text, name, default_rules() if rules is None else rules, keep_duplicates,
                              catalogue=catalogue)
    return records
