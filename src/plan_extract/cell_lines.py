"""Indicator tables whose every cell is a line of its own, as a PDF's text gives a table without its
layout (类别 / 指标 / 单位 / 2025年 / 基期值 / 2030年 / 目标值 / 属性, then 信息基础设施 / 5G基站总数 / 个 /
8960 / 16000 / 预期性 …).

The header is the run of lines that are all header labels (a year and its 基期值 below it one
column); a row is as many lines as the header has columns besides 类别 and 序号, and ends with its
attribute (预期性, 约束性), so a category's name on lines before a row's is no part of it. The
labels, the value grammar, the units and the settling of kinds are tables.py's.
"""

from __future__ import annotations

import re

from . import tables

# on the view: a header's first cells, each alone on its line (类别 / 指标 / 单位 / 2025年)
_PRE = re.compile(r"(?:^|\n)[ \u3000]*(?:指标|指标名称)[ \u3000]*\n(?:[ \u3000]*\S{1,6}[ \u3000]*\n){1,3}?"
                  r"[ \u3000]*(?:19|20)[0-9]{2}[ \u3000]*年")
_ROW_LIMIT = 12  # lines a row and the category before it may take


def may_hold(view: str) -> bool:
    return ("指标\n" in view or "指标名称\n" in view) and _PRE.search(view) is not None


def find_values(text: str, view: str, plan_years: tuple[int, ...] = (), ref_year: int | None = None,
                report_year: int | None = None):
    """The values of the tables in the view, and the line spans they cover."""
    values: list[tables.TableValue] = []
    covered: list[tuple[int, int]] = []
    for m in _PRE.finditer(view):
        start = m.start() + (view[m.start()] == "\n")
        found, lines = _table(text, view, start, plan_years, ref_year, report_year)
        values += found
        covered += lines
    return values, covered


def _lines(view: str, pos: int):
    """(start, end) of each line from `pos`, trimmed of spaces."""
    while pos < len(view):
        end = view.find("\n", pos)
        end = len(view) if end < 0 else end
        yield tables._trim(view, pos, end)
        pos = end + 1


def _table(text, view, start, plan_years, ref_year, report_year):
    lines = _lines(view, start)
    raw: list[tables.Column] = []
    header: list[tuple[int, int]] = []
    line = None
    for line in lines:  # the header: a label a line, a year's 基期值 joining the year above it
        labels = tables._labels(view, [line])
        grown = tables._wrapped(raw, labels) if raw else labels
        if grown is None or not labels or labels[0].role == "other" or labels[0].role == "skip" and not labels[0].label:
            break
        raw = grown
        header.append(line)
    if not any(c.role == "period" for c in raw) or not any(c.role == "indicator" for c in raw) \
            or not any(c.role == "attribute" for c in raw):
        return [], []
    years, unit = tables._title(view, start, plan_years)
    columns = tables._settle(raw, years, ref_year, bool(plan_years), report_year)
    cells = [j for j, c in enumerate(columns) if c.role != "skip"]  # 类别, 序号: not on every row
    values, covered, pending = [], list(header), []
    while line is not None and line[0] < line[1] and len(pending) < _ROW_LIMIT:
        pending.append(line)
        if view[line[0]:line[1]].rstrip(tables._FOOTNOTE) in tables.ATTRIBUTES:
            row_lines = pending[-len(cells):]
            row: list[tuple[int, int] | None] = [None] * len(columns)
            for j, cell in zip(cells, row_lines):
                row[j] = cell
            found = tables._row_values(text, view, row, columns, (row_lines[0][0], row_lines[-1][1]), unit=unit) \
                if len(row_lines) == len(cells) else None
            if found is None:
                break
            values += found
            covered += pending
            pending = []
        line = next(lines, None)
    return values, covered
