"""Indicator tables written as lines of text, one indicator per line, as plans print their main
indicators when the table is set as prose (or comes out of a PDF so):

    1.千兆宽带用户数（万户）：2025年650，2030年1,200，预期性

Each year's value gives one row: the line's name is the indicator, the bracket its unit, the year
its year, and its kind is settled as a table's year column's (a year before the page's, or the
first of several, holds what was achieved; a 基期/目标 label says it). A line is read only when
everything after its colon is such cells (two years at least) and an attribute: a sentence that
happens to hold a colon and years stays prose. The value grammar, the units and the settling of
kinds are tables.py's.
"""

from __future__ import annotations

import re

from . import tables
from .view import to_simplified

# on the view (Simplified, the full-width space kept): a row number, the name, its unit, the cells
_LINE = re.compile(r"^[ \t\u3000]*(?:\d{1,2}[.、．]|[（(]\d{1,2}[)）])?[ \u3000]*"
                   r"(?P<name>[^：:\n，。；,;（）()]{2,40}?)[ \u3000]*(?:[（(](?P<unit>[^（）()\n]{1,10})[)）])?"
                   r"[ \u3000]*[：:][ \u3000]*(?P<cells>(?:19|20)[0-9]{2}[ \u3000]*年[^\n]*)$", re.M)
# one cell: the year, a label, the value (tables' grammar reads it)
_CELL = re.compile(r"^(?P<y>(?:19|20)[0-9]{2})[ \u3000]*年(?:底|末)?[ \u3000]*(?P<lab>基期|现状|目标|预期)?值?[ \u3000]*(?P<v>.+)$")
_SPLIT = re.compile(r"[ \u3000]*(?:[，；;]|,(?![0-9]{3}(?![0-9])))[ \u3000]*")  # not 1,200's comma
_LABELS = {"基期": "actual", "现状": "actual", "目标": "target", "预期": "target"}
_PRE = re.compile(r"[：:][ \u3000]*(?:19|20)[0-9]{2}[ \u3000]*年")


def may_hold(text: str) -> bool:
    return _PRE.search(text) is not None


def find_values(view: str, plan_years: tuple[int, ...] = (), ref_year: int | None = None):
    """The values of the indicator lines in the view, and the line spans they cover."""
    values: list[tables.TableValue] = []
    lines: list[tuple[int, int]] = []
    for m in _LINE.finditer(view):
        found = _line_values(view, m, plan_years, ref_year)
        if found:
            values += found
            lines.append((m.start(), m.end()))
    return values, lines


def _line_values(view: str, m: re.Match, plan_years: tuple[int, ...], ref_year: int | None):
    name = m.group("name").strip()
    if not tables._HAN.search(name):
        return None
    scale, unit = 1.0, ""
    if m.group("unit"):
        u = tables._unit(m.group("unit"))
        if u is None:
            return None  # （累计）, （含5G）: a remark, not this layout
        scale, unit = u
    cells, attribute, pos = [], None, m.start("cells")
    for part in _SPLIT.split(m.group("cells").rstrip(" \u3000。；;")):
        a = view.index(part, pos)
        pos = a + len(part)
        if part.rstrip(tables._FOOTNOTE) in tables.ATTRIBUTES:
            attribute = tables.ATTRIBUTES[part.rstrip(tables._FOOTNOTE)]
            continue
        c = _CELL.match(part)
        if c is None or attribute is not None:
            return None
        v = tables._value(view, a + c.start("v"), a + len(part))
        if v is None:
            return None
        cells.append((int(c.group("y")), c.group("lab"), v))
    if len(cells) < 2:
        return None
    # the cells are a header and a row at once: tables.py settles each year's kind as for its columns
    columns = tables._settle([tables.Column("period", f"{year}年", year, _LABELS.get(label), dated=True,
                                            labelled=label is not None) for year, label, _ in cells],
                             plan_years, ref_year, bool(plan_years))
    out = []
    for col, (year, _, (start, end, value, cmp, cumulative, pct)) in zip(columns, cells):
        u, s = ("%", 1.0) if pct else (unit, scale)
        out.append(tables.TableValue(start, end, float(f"{value * s:.12g}"), u, cmp, col.kind, year,
                                     to_simplified(name), attribute, cumulative, (m.start(), m.end())))
    return out
