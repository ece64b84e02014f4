"""Spreadsheet formula injection (OWASP "CSV injection"): a CSV/TSV cell whose text starts with
= + - @ (or a tab or carriage return, which some importers strip before looking) is run as a formula
by Excel, LibreOffice and others. Such text cells get a leading apostrophe, OWASP's recommended
prefix: every spreadsheet then reads the cell as text (LibreOffice shows the apostrophe, and so does
Excel when it opens a CSV). Numbers are never touched: -3 stays a number, and a text that is a plain
number ("-3", "+5") is no formula either.
"""

from __future__ import annotations

import re
from typing import Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?%?")


def defuse(value: Any) -> Any:
    """The cell value to write: `value` itself unless it is text a spreadsheet would evaluate."""
    if isinstance(value, str) and value.startswith(TRIGGERS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value
