"""plan-extract: quantitative indicators from Chinese planning documents, as clean records.

    >>> from plan_extract import extract
    >>> [(r.indicator, r.value, r.unit, r.kind, r.year) for r in extract("到2025年，累计建成5G基站3.5万个。")]
    [('5G基站', 35000.0, '个', 'target', 2025)]
"""

from __future__ import annotations

import os

from .catalogue import load_catalogue
from .errors import InputError, PlanExtractError, RuleError
from .records import DocumentInfo, Record
from .rules import CompiledRule, load_rules

__all__ = ["extract", "extract_file", "load_rules", "default_rules", "load_catalogue", "Record", "DocumentInfo",
           "PlanExtractError", "InputError", "RuleError", "__version__"]
__version__ = "0.2.0"

# As the CLI's --time-limit: how long a user rule set may spend matching one document.
TIME_LIMIT = 60.0

_default_rules: list[CompiledRule] | None = None


def default_rules() -> list[CompiledRule]:
    """The bundled rule set, loaded and compiled once per process."""
    global _default_rules
    if _default_rules is None:
        _default_rules = load_rules()
    return _default_rules


def extract(text: str | bytes, name: str = "<text>", rules: list[CompiledRule] | None = None,
            keep_duplicates: bool = False, *, encoding: str | None = None,
            time_limit: float | None = TIME_LIMIT, catalogue=None) -> list[Record]:
    """Every indicator in `text`, in order of position. `text[r.start:r.end] == r.raw` for each.
    `catalogue` (from `load_catalogue(FILE)`) stands for the bundled indicator catalogue.

    `text` may be bytes: they are decoded as the CLI decodes a file (detection, or `encoding`; HTML
    pages become their visible text), and offsets then refer to that decoded text.
    """
    from .engine import extract_text

    if isinstance(text, (bytes, bytearray, memoryview)):
        from .load import decode

        text = decode(bytes(text), name, encoding).text
    elif not isinstance(text, str):
        raise TypeError(f"extract() takes the text as str or bytes, not {type(text).__name__}")
    records, _ = extract_text(text, name, default_rules() if rules is None else rules, keep_duplicates,
                              time_limit, catalogue=catalogue)
    return records


def extract_file(path: str | os.PathLike, rules: list[CompiledRule] | None = None, *,
                 encoding: str | None = None, keep_duplicates: bool = False,
                 time_limit: float | None = TIME_LIMIT) -> tuple[list[Record], DocumentInfo]:
    """Reads a file as the CLI does (encoding detection, HTML, "-" for stdin) and returns its records
    and its DocumentInfo (the row `--documents` prints). Raises InputError naming the path."""
    from .engine import extract_text
    from .load import read_document

    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"extract_file() takes a path, not {type(path).__name__}")
    name = os.fspath(path)
    doc = read_document(name, encoding)
    records, facts = extract_text(doc.text, name, default_rules() if rules is None else rules,
                                  keep_duplicates, time_limit)
    info = DocumentInfo(doc=name, region=facts.region, plan=facts.plan, published=facts.published,
                        encoding=doc.encoding, html=doc.html, characters=len(doc.text), records=len(records))
    return records, info
