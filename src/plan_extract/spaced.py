"""Indicator tables as PDF text extractors give them (pdftotext without -layout, copy-paste from a
viewer): cells separated by ONE space, with spaces inside cells too (5G 基站数, 2020 年, > 90).

Such a line has no cell boundary a splitter can trust, so a row is read from its right end: the
header says how many value cells a row ends with (one per period column), optionally followed by
an attribute (预期性); a unit cell may stand before the values; what is left at the left is the row
number or category cell, if the header has such a column, and the indicator name. A line that does
not end that way is no row. This module only splits lines into cell spans; `tables.py` reads them.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Callable

_TOKEN = re.compile(r"\S+")
_OPEN, _CLOSE = "（([［【", "）)]］】"
_GROUP = "（("  # a bracketed group after a word is part of its cell: 数字经济规模 （亿元）, 2020 年 （基期）
# A comparator or bracket standing alone before a number, a 以上/% or bracket alone after one.
_PREFIX = re.compile(r"(?:>=|<=|≥|≤|≧|≦|>|<|超过|大于|不低于|不少于|高于|低于|不高于|不超过|约|达到|\[)$")
_SUFFIX = re.compile(r"(?:以上|以下|以内|左右|%|‰|\]|[*※①②③④⑤⑥⑦⑧⑨⑩]+)$")
_DASH = re.compile(r"[—–\-/─－]+|…+")  # a value cell left empty
_ROW_NUMBER = re.compile(r"(?:\d{1,3}[.、]?|\(\d{1,3}\)|（\d{1,3}）)$")
_CATEGORY = re.compile(r"[\u3400-\u9fff]{2,12}$")
_CLAUSE = re.compile(r"[，。；;！？!?,]")  # an indicator name has none (the view folds ，to ,): prose
MAX_UNIT = 6  # characters of a unit cell: 个/万人, 万亿元
MAX_NAME = 40  # characters of an indicator name (with its unit); a longer left part is prose
# A page number line between a table's rows: — 4 —, - 4 -, 4, 第4页, 第4页 共20页, 4/20.
_PAGE_NUMBER = re.compile(r"\s*(?:[—–\-－]+\s*)?\d{1,4}(?:\s*[—–\-－]+)?\s*$|\s*第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?\s*$"
                          r"|\s*\d{1,4}\s*/\s*\d{1,4}\s*$")
_DOCUMENT = re.compile(r"(?:规划|计划|方案|纲要|意见|报告|白皮书)(?:[（(][^（）()]{0,16}[)）])?\s*$")
# A heading after the table (三、重点任务, （一）, 第三章): never a wrapped name.
_HEADING = re.compile(r"\s*(?:第[一二三四五六七八九十百0-9]{1,4}[章节部分篇]|[一二三四五六七八九十]{1,3}[、.]|[（(][一二三四五六七八九十]{1,3}[)）])")


def tokens(view: str, a: int, b: int) -> list[tuple[int, int]]:
    """The line's cell candidates: its words, joined again where a space stands inside one cell
    (inside brackets, 2020 年, > 90, 90 以上, 数字经济规模 （亿元）)."""
    out: list[list[int]] = []
    depth = 0  # brackets left open by the tokens so far
    for m in _TOKEN.finditer(view, a, b):
        s, e = m.span()
        t = m.group()
        prev = view[out[-1][0]:out[-1][1]] if out else ""
        if out and (depth > 0
                    or t[0] == "年" and prev[-1:].isdigit()
                    or t[0] in _GROUP and t[-1] in _CLOSE and prev[:1] not in _GROUP and not prev[-1:].isdigit()
                    or _SUFFIX.match(t) and prev[-1:] in "0123456789%]"
                    or _PREFIX.match(prev) and t[:1] in "0123456789["):
            out[-1][1] = e
        else:
            out.append([s, e])
        depth = max(0, depth + sum(t.count(c) for c in _OPEN) - sum(t.count(c) for c in _CLOSE))
    return [(s, e) for s, e in out]


def is_dash(view: str, a: int, b: int) -> bool:
    return _DASH.fullmatch(view, a, b) is not None


def row_cells(view: str, a: int, b: int, roles: list[tuple[str, str]],
              is_value: Callable[[int, int], bool], is_unit: Callable[[int, int], bool],
              is_attribute: Callable[[int, int], bool]) -> list[tuple[int, int] | None] | None:
    """The line's cells lined up with the header's columns (`roles`: (role, label) each), or None
    when the line is no row of this table: it must end with one value or dash per value column
    (at least one a value), and leave an indicator name with Han characters and no clause
    punctuation. A unit or attribute cell that is not there stays None."""
    toks = tokens(view, a, b)
    n = len(roles)
    out: list[tuple[int, int] | None] = [None] * n
    ind = next((j for j, (role, _) in enumerate(roles) if role == "indicator"), None)
    if ind is None:
        return None
    values = 0
    for j in range(n - 1, ind, -1):  # right to left, down to the indicator column
        role = roles[j][0]
        if not toks:
            return None
        tok = toks[-1]
        if role in ("period", "growth", "cumulative", "change"):
            if is_value(*tok):
                values += 1
            elif not is_dash(view, *tok):
                return None
        elif role == "attribute" and is_attribute(*tok) or role == "unit" and len(toks) > 1 and \
                tok[1] - tok[0] <= MAX_UNIT and is_unit(*tok) and not is_value(*tok):
            pass
        else:
            continue  # a unit, attribute or remark cell left empty
        out[j] = toks.pop()
    if not values or not toks:
        return None
    for j in range(ind):  # the columns left of the name: a row number, a category
        role, label = roles[j]
        if role != "skip" or len(toks) < 2:
            continue
        first = view[toks[0][0]:toks[0][1]]
        if label in ("序号", "编号", "序") and _ROW_NUMBER.match(first) or \
                label not in ("序号", "编号", "序", "备注", "说明") and _CATEGORY.match(first) and not view[a:a + 1].isspace():
            out[j] = toks.pop(0)
    if len(toks) > 1 and _ROW_NUMBER.match(view, *toks[0]):  # a row number without its column
        toks.pop(0)
    name = (toks[0][0], toks[-1][1])
    text = view[name[0]:name[1]]
    if _CLAUSE.search(text) or len(text) - text.count(" ") > MAX_NAME:
        return None
    out[ind] = name
    return out


def numbered(view: str, a: int, b: int) -> bool:
    """Does the line open with a row number (1 5G基站数 个 …)?"""
    m = _TOKEN.search(view, a, b)
    return m is not None and _ROW_NUMBER.fullmatch(m.group()) is not None


def name_part(view: str, a: int, b: int) -> tuple[int, int]:
    """A line that holds only part of an indicator name, without the row number before it."""
    toks = [m.span() for m in _TOKEN.finditer(view, a, b)]
    if len(toks) > 1 and _ROW_NUMBER.match(view, *toks[0]):
        toks.pop(0)
    return (toks[0][0], toks[-1][1]) if toks else (a, a)


def is_page_furniture(view: str, a: int, b: int) -> bool:
    """A page number line, or a line repeated whole elsewhere in the text (a running header)."""
    if _PAGE_NUMBER.match(view, a, b):
        return True
    line = view[a:b].strip()
    if len(line) < 6:
        return False
    return _line_counts(view)[line] >= 2


@lru_cache(maxsize=2)
def _line_counts(view: str) -> Counter:
    """How often each line (stripped) occurs in the text: counted once per text, not once per line
    asked about (a search of the whole text per line made long texts quadratic)."""
    return Counter(line.strip(" \t\r\f\u3000") for line in view.split("\n"))


def is_running_header(view: str, a: int, b: int) -> bool:
    """A page's first line that names a document (××省数字经济发展规划): a running header."""
    return b - a <= MAX_NAME and _DOCUMENT.search(view, a, b) is not None


def is_heading(view: str, a: int, b: int) -> bool:
    return _HEADING.match(view, a, b) is not None
