"""How a field's value is shown in a cell of a text table (CSV, TSV, terminal)."""

from __future__ import annotations

from typing import Any


def cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return int(value)  # 25000, not 25000.0, in a spreadsheet cell
    return value
