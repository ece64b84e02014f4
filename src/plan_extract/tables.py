"""Indicator tables: a header naming years or periods, rows naming indicators -> one value per cell.

Tables reach this stage as lines of the document text whose cells are separated by tabs (PDF, DOCX
and HTML loaders write them so), `|`, or runs of spaces (tables pasted as text), or by single spaces
(text extracted from a PDF: `spaced.py` splits those rows from their right end). A PDF loader may
also give each cell's horizontal extent, so that a row with an empty cell still lines up with its
header. Works on the search view (Simplified, full-width folded, same length as the text): every
cell value keeps its exact span, `text[start:end] == raw`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cache

from . import spaced
from .lexicon import lexicon
from .roc_years import gregorian
from .view import to_simplified

# A cell boundary: a tab, a pipe, a full-width space, or a run of two or more spaces.
_SEP_STRICT = re.compile(r"[ \u3000]*(?:\t|\||｜)[ \u3000]*")  # (in a line that has tabs or pipes)
_SEP = re.compile(_SEP_STRICT.pattern + r"|\u3000+| {2,}")
_TAB_OR_PIPE = re.compile(r"[\t|｜]")
_MD_RULE = re.compile(r"^[\s|:\-—=+]+$")  # |---|---| under a header
_YEAR = r"(?:19|20)\d{2}"
# Period headers: 2020年, 2025年目标, 基期（2020年）, 目标值, 2035年远景, 现状值, 2024-25年度 (a fiscal
# year: its first year, as down the rows of a transposed table; 2024-25 alone too), 2025年首三季 and
# 2025（截至11月底） (what the year has done so far), 2025年9月 (a month's end, as a release's table compares it).
_PERIOD = re.compile(rf"^(?:(?P<y1>{_YEAR}|1[01][0-9](?=\s*年))(?:\s*[-–/]\s*(?:\d{{2}}|{_YEAR})(?=\s*年度|\s*$))?\s*年?度?\s*(?:底|末|(?P<sofar>首[一二三]季度?|前[一二三]季度?)|第?[一二三四1-4]季度?|(?:1[0-2]|0?[1-9])\s*月(?:底|末|份)?)?"
                     rf"(?:[（(](?P<asof>截至|截止)[^（）()]{{1,12}}[)）])?\s*[（(]?(?P<lab1>基期|基数|现状|实际|目标|预期|远景)?(?:值)?[)）]?"
                     rf"|(?P<lab2>基期|基准|现状|基数|实际|目标|预期目标|规划目标|远景目标|预期)(?:值|年)?"
                     rf"\s*(?:[（(]\s*(?P<y2>{_YEAR})\s*年?\s*[)）])?"
                     rf"|(?P<fy>十三五|十四五|十五五)(?:时期|期间|期末|末)?(?P<lab3>目标|预期目标|预期)?(?:值)?)$")
_GROWTH = re.compile(r"^\S{0,12}?(?P<name>(?:年均|年平均)(?:增速|增长率?|增幅))(?:[（(]\s*%\s*[)）])?$")
# A cumulative column (累计, “十四五”累计新增): a five-year total, a target of the plan's last year.
_CUMULATIVE = re.compile(r"^(?:十[三四五]五)?(?:期间|时期)?(?:五年)?(?:累计|合计)(?:值|新增|目标|完成)?$")
# A statistics table's value columns (表9 2025年电信业主要指标 | 指标 | 单位 | 绝对数 | 比上年增长（%）):
# the year's level, named by what it measures (增加值（亿元）) or not, and its growth over the year before;
# a monthly bulletin's level so far (本期累计, 1-10月) is of the year its title names too.
_STAT = re.compile(r"^(?:绝对数|绝对值|数值|总量|本年|全年|年末数|期末数|本期(?:累计|数)?|本月(?:累计)?|(?:1?[0-9][-—–至])?1?[0-9]月(?:累计)?|(?P<measure>增加值|营业收入|业务收入|收入|产值|业务量))$")
_CHANGE = re.compile(r"^(?:(?:比|较)(?:上年|去年)(?:末|底|同期)?|同比|(?=按年|变动|变幅|增减))(?P<name>(?:按年)?(?:增长|增速|增幅|增减|变动|变幅))(?:率|速度)?$")
# (年份 | 2022 | 2023, 财政年度 | 2021-22: the corner names the header's periods, the column the indicators)
_INDICATOR = re.compile(r"^(?:主要|绩效|关键|核心|具体)?指标(?:名称|项|内容)?$|^(?:名称|项目|年份|财政年度)$")
_UNIT = re.compile(r"^(?:计量)?单位$")
_ATTRIBUTE = re.compile(r"^(?:指标)?(?:属性|性质|类型)$")
_ITEM_HEADS = ("类别", "分类", "项目")  # (labels come from the view: Simplified)
_SKIP = re.compile(r"^(?:序号|编号|类别|分类|领域|一级指标|二级指标|维度|备注|说明|序|达成情形|达成情况|完成情况|进度评价|进展情况|评价)$")
ATTRIBUTES = {"约束性": "binding", "预期性": "expected", "约束": "binding", "预期": "expected"}

_FOOTNOTE = "*＊※①②③④⑤⑥⑦⑧⑨⑩¹²³⁴⁵⁶⁷⁸⁹"
# One value cell: comparator, [cumulative], number, multiplier, percent, 以上/以下/左右, footnote marks.
_VALUE = re.compile(
    rf"(?P<before>>=|<=|≥|≤|≧|≦|>|<|＞|＜|超过|逾|大于|不低于|不少于|高于|低于|不高于|不超过|约|达到)?\s*"
    rf"(?P<lb>\[)?\s*(?P<inner>>=|<=|≥|≤|>|<)?\s*(?P<sign>[+＋\-－−](?=[0-9]))?"
    rf"(?P<num>[0-9]{{1,3}}(?: [0-9]{{3}})+|[0-9][0-9,]*(?:\.[0-9]+)?)(?P<mult>万亿|万|亿|千)?\s*(?P<pct>%)?\s*(?(lb)\])\s*"
    rf"(?P<after>以上|以下|以内|左右)?\s*[{_FOOTNOTE}]*$")
_CMP = {">": ">", "＞": ">", "超过": ">", "逾": ">", "大于": ">", "高于": ">", ">=": ">=", "≥": ">=", "≧": ">=",
        "不低于": ">=", "不少于": ">=", "以上": ">=", "<": "<", "＜": "<", "低于": "<", "<=": "<=", "≤": "<=",
        "≦": "<=", "不高于": "<=", "不超过": "<=", "以下": "<=", "以内": "<=", "约": "~", "左右": "~", "达到": "="}
_MULT = {"": 1, "十": 10, "百": 100, "千": 1e3, "万": 1e4, "十万": 1e5, "百万": 1e6, "千万": 1e7, "亿": 1e8,
         "十亿": 1e9, "百亿": 1e10, "千亿": 1e11, "万亿": 1e12}
# The unit inside an indicator cell's last parentheses, or a unit column: 万个, 亿户, 万亿元, %, 个/万人.
_PAREN_UNIT = re.compile(r"[（(]\s*(?P<u>[^（）()]{1,12}?)\s*[)）]\s*[" + _FOOTNOTE + r"]*\s*$")
_UNIT_BODY = re.compile(r"^(?P<m>万亿|十万|百万|千万|十亿|百亿|千亿|万|亿|千|百|十)?(?P<u>%|‰|[^\d\s]{0,10})$")
_HAN = re.compile(r"[\u3400-\u9fff]")
_FIVE_YEAR = {"十三五": 2020, "十四五": 2025, "十五五": 2030}
# A note under a table (注：…, 资料来源：…): never a row, and it ends the table.
_NOTE = re.compile(r"[ \t\u3000]*(?:注|注释|说明|备注|资料来源|数据来源|来源)\s*[0-9①②③④⑤]*\s*[:：]")
# The unit a table's title gives all its cells: （单位：亿元）.
_TITLE_UNIT = re.compile(r"单位\s*[:：]\s*(?P<u>[^\s)）,，;；]{1,8})")


@dataclass
class Column:
    role: str  # period, growth, indicator, unit, attribute, skip, other
    label: str
    year: int | None = None
    kind: str | None = None
    x: tuple[float, float] | None = None
    dated: bool = False  # the header names the year (2020年), rather than the plan period giving it
    labelled: bool = False  # the header names the kind (基期, 目标)
    unit: tuple[float, str] | None = None  # a unit the header gives its column: 指标（%）, 2025年（亿元）
    stat: bool = False  # a statistics table's level (绝对数): of the year the title names


@dataclass
class TableValue:
    """One value cell of an indicator table, ready to become a Record."""

    start: int
    end: int
    value: float
    unit: str
    comparator: str
    kind: str
    year: int | None
    indicator: str
    attribute: str | None
    cumulative: bool
    row: tuple[int, int]  # the row's line span (the record's sentence)
    region: str | None = None  # a place the row is of (a table of districts), else the document's


@dataclass
class _Table:
    raw: list[Column]  # the header as written (merged over its lines), before the defaults
    columns: list[Column]
    unit: tuple[float, str] | None = None  # from the title: （单位：亿元）
    rows: int = 0
    spaced: bool = False  # cells separated by single spaces: rows are split by `spaced.row_cells`


def _merge(old: Column, new: Column) -> Column:
    """One column from two header lines (or a cell spanning several columns over the lines under
    it: 十四五 over 2025年 / 年均增速, 指标 over an empty cell): the year one names, the kind the other."""
    unit = new.unit or old.unit
    if old.role == new.role == "period":
        year = old.year if old.dated or not new.dated else new.year
        if not old.dated and not new.dated and new.labelled:  # 十四五 over 基期值: the plan period's base year
            year = None
        kind = new.kind if new.labelled or not old.labelled else old.kind
        return Column("period", old.label + new.label, year, kind, new.x or old.x, old.dated or new.dated,
                      old.labelled or new.labelled, unit)
    if not new.label or new.role == "other" and old.role != "other":
        keep = old
    elif not old.label or new.role in ("period", "growth") or old.role in ("skip", "other"):
        keep = new
    else:
        keep = old
    return replace(keep, x=keep.x or old.x or new.x, unit=unit)


def _splice(raw: list[Column], subs: list[Column], xs) -> list[Column] | None:
    """The header with a line of period cells only, fewer than its columns, set under the period
    cell spanning them: by position when the cells' extents are known, else under the one period
    column the header has. None when the line is no such thing."""
    if not subs or len(subs) >= len(raw) or any(c.role not in ("period", "growth", "cumulative") for c in subs):
        return None
    spanning = [j for j, c in enumerate(raw) if c.role == "period"]
    if len(spanning) > 1:  # a period cell not naming a year (十四五) is one that spans years
        spanning = [j for j in spanning if not raw[j].dated] or spanning
    under: dict[int, list[Column]] = {}
    if xs and all(xs) and all(raw[j].x for j in spanning):
        for c, (x0, x1) in zip(subs, xs):  # a spanning cell's text is narrower than its span: nearest
            c.x = (x0, x1)
            under.setdefault(min(spanning, key=lambda j: abs((x0 + x1) - sum(raw[j].x))), []).append(c)
    elif len(spanning) == 1:
        under[spanning[0]] = subs
    elif len(subs) == len(spanning):  # (2020年) (2025年) under 基期值 目标值: one each
        under = {j: [c] for j, c in zip(spanning, subs)}
    else:
        return None
    out = []
    for j, c in enumerate(raw):
        out += [_merge(c, sub) for sub in under[j]] if j in under else [c]
    return out


def _wrapped(raw: list[Column], line: list[Column]) -> list[Column] | None:
    """A header whose cells wrap onto lines of their own, as a PDF's text gives it (…单位 2025年 /
    基期值 / 2030年 / 目标值 / 属性): the header with the line's cells added, a kind (基期值) joining the
    year above it and a year beside a year making a column of its own. None for any other line."""
    if not line or any(c.role == "other" or c.role == "skip" and not c.label for c in line):
        return None
    out = list(raw)
    for c in line:
        last = out[-1]
        if c.role == "period" and not c.dated:
            if not (last.role == "period" and last.dated and not last.labelled and c.labelled):
                return None
            out[-1] = _merge(last, c)
        elif c.role == "period" and last.role == "period" and not (last.dated and last.labelled):
            return None  # 2025年 under 十四五: a year a cell above spans (_splice)
        else:
            out.append(c)
    return out


def _interleave(years: list[Column], labels: list[Column]) -> list[Column] | None:
    """A PDF header whose years sit alone on the upper line, over columns whose cells on the lower
    line (指标, 单位, 属性) are empty and so absent: the columns of both, in order on the page."""
    if not all(c.role in ("period", "growth", "cumulative") and c.x for c in years) or \
            not any(c.role == "indicator" for c in labels) or not all(c.x for c in labels) or \
            sum(c.role == "other" for c in labels) > 1:
        return None
    cols = list(labels)
    for y in years:
        if any(min(y.x[1], c.x[1]) > max(y.x[0], c.x[0]) for c in labels):
            return None  # a year over a labelled cell: not this layout
        cols.append(y)
    return sorted(cols, key=lambda c: c.x[0])


def _settle(raw: list[Column], plan_years: tuple[int, ...], ref_year: int | None = None,
            plan: bool = True, report_year: int | None = None) -> list[Column]:
    """The header's columns with what it leaves unsaid: the indicator column, and each period
    column's year and kind. `ref_year` is the page's year: a lone unlabelled column of a year before
    it (of it, outside a plan) holds what was achieved (主要指标完成情况 | 2025年, in a page of 2026).
    Outside a plan period, 目标值 | 实际值 of a yearly report (114年度施政绩效报告) are of its year."""
    cols = [replace(c) for c in raw]
    if not any(c.role == "indicator" for c in cols):
        first = next((c for c in cols if c.role in ("other", "skip") and c.label not in ("序号", "编号", "序")), None)
        if first is None or first.role == "skip" and first.label and first.label not in _ITEM_HEADS:
            first = next((c for c in cols if c.role == "other"), None)
        if first is not None:
            first.role = "indicator"
    periods = [c for c in cols if c.role == "period"]
    # A period column without a year: 基期 is the year before the plan period, 目标 its last year.
    start, end = (plan_years[0] - 1, plan_years[-1]) if plan_years else (None, None)
    for c in periods:
        if c.year is None and not c.stat:
            c.year = report_year if report_year and not plan_years else start if c.kind == "actual" else end
    # Without a label the first of several year columns is the base year, the others targets; beside a
    # column labelled as the target (114年目標值), unlabelled years up to its year are what was achieved.
    years = [c.year for c in periods if c.year]
    # three or more years one after another (2021 2022 2023 2024 2025) are a series of what was achieved
    series = len(years) >= 3 and years == list(range(years[0], years[0] + len(years)))
    target_year = max((c.year or 0 for c in periods if c.kind == "target" and c.labelled), default=None)
    # beside a column labelled as the base (2025年（现状） | 2026年 | 2027年), later years are goals
    base_year = max((c.year or 0 for c in periods if c.kind == "actual" and c.labelled), default=None)
    for i, c in enumerate(periods):
        if c.kind is None and target_year and c.year:
            c.kind = "actual" if c.year <= target_year else "target"
        elif c.kind is None:
            past = ref_year is not None and c.year is not None and (c.year < ref_year or not plan and c.year <= ref_year)
            later = c.year is not None and (base_year and c.year > base_year or ref_year is not None and c.year > ref_year)
            c.kind = "actual" if not later and (past or series or len(periods) > 1 and i == 0 and c.year != max(years or [0])) \
                else "target"
    return cols


def split_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cell spans of one line of the text (not the view: it folds the full-width space), trimmed;
    empty cells between separators kept (as empty spans)."""
    view = text
    cells = []
    pos = start
    line = view[start:end]
    if "\t" not in line and "|" not in line and "  " not in line and "\u3000" not in line and "｜" not in line:
        return [(start, end)]
    # a line that separates its cells by tabs or pipes spaces out words within them (指　　标)
    sep = _SEP_STRICT if "\t" in line or "|" in line or "｜" in line else _SEP
    for m in sep.finditer(view, start, end):
        cells.append((pos, m.start()))
        pos = m.end()
    cells.append((pos, end))
    if "|" in line or "｜" in line:  # | a | b |: the outer pipes open and close the row
        if cells and cells[0][0] == cells[0][1] and line.lstrip()[:1] in "|｜":
            cells = cells[1:]
        if cells and cells[-1][0] == cells[-1][1] and line.rstrip()[-1:] in "|｜":
            cells = cells[:-1]
    return [_trim(view, a, b) for a, b in cells]


def _header(view: str, cells: list[tuple[int, int]]) -> list[Column] | None:
    """The columns as the line names them when it is an indicator table's header (at least one
    period column and a column that can name indicators), else None; `_settle` completes them."""
    cols = _labels(view, cells)
    periods = [c for c in cols if c.role == "period"]
    if len(cols) < 2 or not periods or sum(c.role == "other" for c in cols) > 1:
        return None
    if len(cols) == len(cells) and any(c.role != "period" and _value(view, a, b) for c, (a, b) in zip(cols, cells)):
        return None  # (2024年第三季　121.9: a row of figures, not a header)
    if cols[0].role == "skip" and cols[0].label in _ITEM_HEADS and all(c.role != "skip" for c in cols[1:]):
        return cols  # 类别 | 2022年 | 2023年: the categories are what the rows measure
    if not any(c.role == "indicator" for c in cols) and not any(
            c.role == "other" or c.role == "skip" and not c.label for c in cols):
        return None
    return cols


def _spaced_header(view: str, line: tuple[int, int], cells: list[tuple[int, int]],
                   stacked: bool = False) -> list[Column] | None:
    """The columns of a header whose cells single spaces separate: every word a header label (no
    other text, unlike a header split at real cell boundaries: a prose line has many words), with
    an indicator column and a period column (or, `stacked`, the periods on the lines below: 指标 单位
    / 2025年 / 基期值 …, which `_wrapped` adds). None for a line whose cells `split_cells` finds."""
    if len(cells) > 1 and _header(view, cells) is not None:
        return None
    cols = _labels(view, spaced.tokens(view, *line))
    if len(cols) < 1 + (not stacked) or not (stacked or any(c.role == "period" for c in cols)) \
            or not any(c.role == "indicator" for c in cols) \
            or any(c.role == "other" or c.role == "skip" and not c.label for c in cols):
        return None
    return cols


def _spaced_row(view: str, line: tuple[int, int], columns: list[Column]):
    """A line of a table whose cells single spaces separate, lined up with its columns, or None."""
    return spaced.row_cells(view, *line, [(c.role, c.label) for c in columns],
                            is_value=lambda a, b: _VALUE.match(view, a, b) is not None,
                            is_unit=lambda a, b: (u := _unit(view[a:b])) is not None and u[1].split("/")[0] in _known_units(),
                            is_attribute=lambda a, b: view[a:b].rstrip(_FOOTNOTE) in ATTRIBUTES)


def _labels(view: str, cells: list[tuple[int, int]]) -> list[Column]:
    """What each cell of a line would be as a header cell."""
    cols = []
    for a, b in cells:
        label = re.sub(r"\s+", "", view[a:b])
        unit = None
        if (m := _PAREN_UNIT.search(label)) and m.start() > 0 and (unit := _unit(m.group("u"))) is not None:
            label = label[:m.start()]  # 指标（%）, 2025年（亿元）: a unit for the whole column
        if label[:1] in "(（" and label[-1:] in ")）":  # (基期) under 2020年
            label = label[1:-1]
        if m := _PERIOD.match(label):
            year = m.group("y1") or m.group("y2")
            lab = m.group("lab1") or m.group("lab2") or m.group("lab3") or ""
            fy = _FIVE_YEAR.get(m.group("fy") or "")
            cols.append(Column("period", label, gregorian(year) if year else fy,  # 113年: Republic era
                               "actual" if lab[:2] in ("基期", "基准", "现状", "基数", "实际") or m.group("sofar")
                               or m.group("asof") else
                               "target" if lab or fy else None, dated=bool(year), labelled=bool(lab)))
        elif _CUMULATIVE.match(re.sub("[“”\"]", "", label)):
            cols.append(Column("cumulative", label))
        elif _GROWTH.match(label):
            cols.append(Column("growth", label))
        elif _STAT.match(label):
            cols.append(Column("period", label, kind="actual", labelled=True, stat=True))
        elif _CHANGE.match(label):
            cols.append(Column("change", label))
        elif _INDICATOR.match(label):
            cols.append(Column("indicator", label))
        elif _UNIT.match(label):
            cols.append(Column("unit", label))
        elif _ATTRIBUTE.match(label):
            cols.append(Column("attribute", label))
        elif _SKIP.match(label) or not label:
            cols.append(Column("skip", label))
        else:
            cols.append(Column("other", label))
        cols[-1].unit = unit
    return cols


def _unit(text: str) -> tuple[float, str] | None:
    """(multiplier, unit) of 万个, 亿户, 万亿元, %, 个/万人; None when it reads as no unit."""
    t = re.sub(r"\s+", "", text).replace("％", "%")
    m = _UNIT_BODY.match(t)
    if m is None:
        return None
    u = m.group("u")
    head = u.split("/")[0]  # 个/万人, 元/人: the unit before the denominator is a known one
    if u and u not in ("%", "‰") and not any(head.endswith(k) for k in _known_units()):
        return None  # （累计）, （含5G）: not a unit
    return float(_MULT[m.group("m") or ""]), u


@cache
def _known_units() -> tuple[str, ...]:
    units = lexicon()["units"]
    return tuple(w for words in units.values() for w in words)


def _value(view: str, a: int, b: int):
    """(start, end, value, comparator, cumulative, percent) of a value cell, else None (—, /, text)."""
    m = _VALUE.match(view, a, b)
    if m is None:
        return None
    cmp = "="
    for g in ("before", "inner", "after"):
        if m.group(g):
            cmp = _CMP[m.group(g)]
    start = m.start("sign") if m.group("sign") else m.start("num")
    end = m.end("pct") if m.group("pct") else m.end("mult") if m.group("mult") else m.end("num")
    value = float(m.group("num").replace(",", "").replace(" ", "")) * _MULT[m.group("mult") or ""]  # 2 870 000
    if m.group("sign") and m.group("sign") not in "+＋":
        value = -value  # a change column's -5.2: signed as written, as the number grammar reads -3.8%
    return start, end, value, cmp, m.group("lb") is not None, bool(m.group("pct"))


def _title(view: str, before: int, plan_years: tuple[int, ...], unit=None):
    """(the period the table's title names (十四五, 2021-2025年), else the document's plan period;
    the unit it gives (单位：亿元), else `unit`)."""
    title = view[max(0, before - 160):before]
    if (m := _TITLE_UNIT.search(title, max(0, len(title) - 60))) and (u := _unit(m.group("u"))) is not None:
        unit = u
    if m := re.search(rf"({_YEAR})\s*[-—–~～至到]\s*({_YEAR})\s*年", title):
        return (int(m.group(1)), int(m.group(2))), unit
    for name, end in _FIVE_YEAR.items():
        if name in title:
            return (end - 4, end), unit
    return plan_years, unit


def _date_stats(columns: list[Column], view: str, header: int, year: int | None) -> None:
    """A statistics table's level columns hold the year its title (the line above the header) names,
    else `year` (the yearly report's, else the page's)."""
    if not any(c.stat for c in columns):
        return
    title = view[view.rfind("\n", 0, max(0, header - 1)) + 1:header]
    years = re.findall(rf"({_YEAR})\s*年", title)
    for c in columns:
        if c.stat:
            c.year = int(years[-1]) if years else year


def _assign(cells, xs, columns) -> list[tuple[int, int] | None]:
    """The row's cells lined up with the header's columns: by position when the loader gave each
    cell's extent, else by index (right-aligned when cells are missing: merged category cells
    sit on the left; an indented row's empty first cells dropped)."""
    n = len(columns)
    while len(cells) > n and cells[0][0] == cells[0][1]:
        cells = cells[1:]
    if xs is not None and all(c.x for c in columns) and all(x is not None for x in xs):
        out: list = [None] * n
        for cell, (x0, x1) in zip(cells, xs):
            # the column whose extent overlaps the cell most (centre distance breaks ties)
            best = max(range(n), key=lambda j: (min(x1, columns[j].x[1]) - max(x0, columns[j].x[0]),
                                                -abs((x0 + x1) - sum(columns[j].x))))
            if out[best] is None:
                out[best] = cell
            else:
                out[best] = (out[best][0], cell[1])
        return out
    if len(cells) >= n:
        return list(cells[:n])
    return [None] * (n - len(cells)) + list(cells)


# A line that may be a table header: a cell boundary next to a year or period word (or two bare years
# side by side: 2021　　2022). Tables are looked for only from the first such line, so that prose pays
# one regex search.
_HINT = re.compile(r"(?:[\t|｜\u3000]| {2})\s*(?:(?:19|20|１９|２０)\S{2}\s*(?:[-–/]\s*\d{2}\s*)?年|本期|1[01][0-9]年|基期|基準|基准|現狀|现状|目標|目标"
                   r"|預期|预期|年均|十[三四五]五|絕對[數值]|绝对[数值]|[年期]末[数數]|(?:比上年|同比)增[长長]|(?:19|20)\d{2}(?=(?:[\t|｜\u3000]| {2})\s*(?:19|20)\d{2}(?![\d.])))")
_SEPARATORS = ("\t", "|", "｜", "\u3000", "  ")
# A header whose cells single spaces separate (text extracted from a PDF): an indicator column's
# label, then a year or period word after a space. On the text (Traditional too), since it is
# searched before the view; first the space and what follows it, which most web text lacks (a
# literal first character lets the regex engine skip ahead), then the whole from before there.
_PERIOD_AFTER_SPACE = r" (?:(?:19|20|１９|２０)\d{2} ?年|基期|基[准準]|[现現][状狀]|目[标標]|[预預]期|十[三四五]五|[绝絕]对[数值]|絕對[數值]|[年期]末[数數])"
_SPACED_PRE = re.compile(_PERIOD_AFTER_SPACE)
_SPACED_HINT = re.compile(r"(?:指标|指標|名称|名稱|项目|項目)[^\n]{0,40}?" + _PERIOD_AFTER_SPACE)
# …and one whose period cells wrap onto lines of their own from the first (指标 单位 / 2025年 / 基期值 …)
_STACKED_HINT = re.compile(r"(?:(?:类别|類別|分类|分類|领域|領域|序号|序號|编号|編號|序) )*(?:指标|指標|名称|名稱)(?: \S{1,6}){0,3}\n(?:19|20|１９|２０)\d{2} ?年\n")


def _hint(text: str):
    """The first line that may be a header; a quick substring test first (most prose has no cell
    separator at all)."""
    return _HINT.search(text) if any(sep in text for sep in _SEPARATORS) else None


def _first_hint(text: str) -> int | None:
    """Where the first line that may be a header (of either kind) is."""
    pre = _SPACED_PRE.search(text)
    spaced_hint = _SPACED_HINT.search(text, max(0, pre.start() - 48)) if pre else None
    stacked = _STACKED_HINT.search(text) if any(w in text for w in ("指标", "指標", "名称", "名稱")) else None
    found = [m.start() for m in (_hint(text), spaced_hint, stacked) if m]
    return min(found) if found else None


def may_hold_table(text: str) -> bool:
    return _first_hint(text) is not None or transposed.may_hold(text) or listed.may_hold(text) \
        or crosstab.may_hold(text)


def find_values(text: str, view: str, plan_years: tuple[int, ...] = (),
                cell_x: dict[int, tuple[float, float]] | None = None, offset: int = 0,
                published: str | None = None,
                ref_year: int | None = None, report_year: int | None = None) -> tuple[list[TableValue], list[tuple[int, int]]]:
    """Every value cell of the indicator tables in the text, and the line spans the tables cover
    (prose rules skip them). `cell_x` maps a cell's offset (plus `offset`) to its extent on the page;
    `published` (YYYY-MM-DD) or `ref_year`, the page's date, tells a transposed table's statistics
    from its projections."""
    page_year = int(published[:4]) if published else ref_year
    values, covered = _grid_values(text, view, plan_years, cell_x, offset, page_year, report_year)
    if listed.may_hold(text):  # 千兆宽带用户数（万户）：2025年650，2030年1,200: one line per indicator
        more, lines = listed.find_values(view, plan_years, page_year)
        values, covered = _claim(values, covered, more, lines)
    if cell_lines.may_hold(view):  # 指标 / 单位 / 2025年 / … / 5G基站总数 / 个 / 8960 / …: a cell a line
        more, lines = cell_lines.find_values(text, view, plan_years, page_year, report_year)
        values, covered = _claim(values, covered, more, lines)
    if transposed.may_hold(text):  # periods down the rows: that reader claims its lines
        more, lines = transposed.find_values(text, view, plan_years, published, ref_year)
        values, covered = _claim(values, covered, more, lines)
    if crosstab.may_hold(text):  # categories down the rows, indicators across: that reader's lines
        more, lines = crosstab.find_values(text, view, report_year)
        values, covered = _claim(values, covered, more, lines)
    return values, covered


def _claim(values, covered, more, lines):
    """The values with another reader's (`more`) in place of those inside the lines it read."""
    if not lines:
        return values, covered
    starts = [a for a, _ in lines]
    inside = [v for v in values if (i := bisect.bisect_right(starts, v.start) - 1) >= 0 and v.start <= lines[i][1]]
    claimed = {id(v) for v in inside}
    return sorted([v for v in values if id(v) not in claimed] + more, key=lambda v: v.start), sorted(set(covered + lines))


def _grid_values(text: str, view: str, plan_years: tuple[int, ...], cell_x, offset: int,
                 ref_year: int | None = None, report_year: int | None = None):
    """The values and covered lines of the tables with periods across the header (the usual layout)."""
    def _settle_here(columns, years):
        return _settle(columns, years, ref_year, bool(plan_years), report_year)

    values: list[TableValue] = []
    covered: list[tuple[int, int]] = []
    table: _Table | None = None
    hint = _first_hint(text)  # on the text: the view folds the full-width space
    if hint is None:
        return values, covered
    pos = view.rfind("\n", 0, hint) + 1
    n = len(view)
    above = None  # the previous line's cells as header labels, when it was no table line
    last = None  # the previous row: (cells lined up, line, index of its first value)
    lone: list[tuple[int, int]] = []  # short lines since the previous row: a wrapped indicator name
    page_break = 0  # 1: the next line may be a running header (after a page number in a spaced table)
    while pos < n:
        end = view.find("\n", pos)
        end = n if end < 0 else end
        line = (pos, end)
        pos = end + 1
        if table is not None and _NOTE.match(view, *line):  # 注：… under the table: not a row
            covered.append(line)
            table, lone, above = None, [], None
            continue
        cells = split_cells(text, *line)
        stacked = end < n and _STACKED_HINT.match(text, line[0]) is not None
        if (stacked or _SPACED_HINT.search(text, *line)) and not _TAB_OR_PIPE.search(text, *line) and \
                (columns := _spaced_header(view, line, cells, stacked=stacked)) is not None:
            years, title_unit = _title(view, line[0], plan_years)
            table, last, lone, above = _Table(columns, _settle_here(columns, years), title_unit, spaced=True), None, [], None
            _date_stats(table.columns, view, line[0], report_year or ref_year)
            page_break = 0
            covered.append(line)
            continue
        if table is not None and table.spaced:
            if not view[line[0]:line[1]].strip():
                continue
            if view[line[0]:line[0] + 1] == "\f":  # pdftotext's page break: the page's first line
                page_break = 1
            row = _spaced_row(view, line, table.columns)
            # a row that opens with its number starts its name: lines before it are a category's
            prefix = [] if spaced.numbered(view, *line) else lone
            if row is not None and (found := _row_values(text, view, row, table.columns, line, prefix=prefix,
                                                         unit=table.unit)) is not None:
                covered += [line] + [_line_of(view, a) for a, _ in lone]
                last, lone, page_break = (row, line, len(values)), [], 0
                table.rows += 1
                values += found
                continue
            if spaced.is_page_furniture(view, *line) or page_break and spaced.is_running_header(view, *line):
                # a page break inside the table: its page number, the next page's running header
                page_break = 1 if spaced.is_page_furniture(view, *line) else 0
                covered.append(line)
                continue
            if not table.rows and (wrapped := _wrapped(table.raw, _labels(view, spaced.tokens(view, *line)))):
                table = _Table(wrapped, _settle_here(wrapped, _title(view, line[0], plan_years)[0]), table.unit, spaced=True)
                covered.append(line)  # 2025年 / 基期值 / 2030年 / 目标值 / 属性, a header cell per line
                continue
            if not table.rows and (spliced := _splice(table.raw, _labels(view, spaced.tokens(view, *line)), None)):
                table = _Table(spliced, _settle_here(spliced, _title(view, line[0], plan_years)[0]), table.unit, spaced=True)
                covered.append(line)  # (2020年) (2025年) under 基期值 目标值
                continue
            tail = spaced.tokens(view, *line)[-1]
            if _VALUE.match(view, *tail) or spaced.is_dash(view, *tail) or view[tail[0]:tail[1]] in ATTRIBUTES:
                lone = []  # a row that does not line up with the header (a cell missing): not read
                continue
            if spaced.is_heading(view, *line) or len(cells) > 1:  # the next section, or another table
                table, lone, above = None, [], None
            else:  # a wrapped indicator name (without its row number), or the end of the table
                cells = [spaced.name_part(view, *line)]
        if len(cells) < 2 or _MD_RULE.match(view[line[0]:line[1]] or "x"):
            if table is not None and _MD_RULE.match(view[line[0]:line[1]] or "x") and view[line[0]:line[1]].strip():
                covered.append(line)
                continue
            if table is not None and line[0] == line[1]:
                continue
            # (a category's name a word a line in a PDF's spaced table: 数字 / 基础 / 设施)
            if table is not None and len(cells) == 1 and _is_note(view, *cells[0]) and \
                    (len(lone) < 2 or table.spaced and len(lone) < 5 and cells[0][1] - cells[0][0] <= 4):
                # A cell's text wrapped onto a line of its own: the end of the previous row's
                # indicator when that one lacks its unit, else the start of the next row's.
                if last is not None and not lone and not _named_unit(view, last[0], table.columns):
                    row, row_line, first = last
                    found = _row_values(text, view, row, table.columns, row_line, suffix=cells[0],
                                        unit=table.unit)
                    if found is not None:
                        values[first:] = found
                        covered.append(line)
                        last = None
                        continue
                lone.append(cells[0])
                continue
            table, lone, above = None, [], None
            continue
        xs = [cell_x.get(offset + a) for a, _ in cells] if cell_x else None
        if table is not None and not table.rows and table.raw[-1].role == "period" and table.raw[-1].dated \
                and (labels := _labels(view, cells))[0].role == "period" and not labels[0].dated \
                and (wrapped := _wrapped(table.raw, labels)):
            # a spreadsheet's header cells with line breaks in them (2025年⏎（基期）<tab>2026年⏎目标): each
            # line goes on with the last cell of the line above
            table = _Table(wrapped, _settle_here(wrapped, _title(view, line[0], plan_years)[0]), table.unit)
            covered.append(line)
            continue
        if table is not None and not table.rows and (spliced := _splice(table.raw, _labels(view, cells), xs)):
            # years under a period cell that spans them (十四五 over 2020年 / 2025年), fewer cells than
            # the header's: they take its place
            years, _u = _title(view, line[0], plan_years)
            table = _Table(spliced, _settle_here(spliced, years), table.unit)
            covered.append(line)
            continue
        columns = _header(view, cells)
        if columns is None and table is not None and not table.rows and len(cells) == len(table.raw):
            labels = _labels(view, cells)  # 指标 / 单位 / 属性 under a line of years: the header's second line
            if any(c.role in ("indicator", "unit", "attribute") for c in labels) and \
                    all(c.role != "other" for c in labels):
                columns = labels
        if columns is not None:
            if xs:
                for c, x in zip(columns, xs):
                    c.x = x
            title_unit = None
            if table is not None and not table.rows and len(columns) == len(table.raw):
                # a second header line (2020年 / 基期值 in one cell, wrapped, or under cells spanning
                # several columns): it completes the first
                columns = [_merge(old, new) for old, new in zip(table.raw, columns)]
                title_unit = table.unit
            elif above is not None and len(above[0]) == len(columns):
                # the line above names the other columns (指标, 单位 over the years' empty cells)
                columns = [_merge(old, new) for old, new in zip(above[0], columns)]
                covered.append(above[1])
            years, title_unit = _title(view, (above[1] if above else line)[0], plan_years, title_unit)
            table, last, lone, above = _Table(columns, _settle_here(columns, years), title_unit), None, [], None
            _date_stats(table.columns, view, line[0], report_year or ref_year)
            covered.append(line)
            continue
        if table is None:
            labels = _labels(view, cells)
            if xs and all(xs):
                for c, x in zip(labels, xs):
                    c.x = x
                if above is not None and (columns := _interleave(above[0], labels)):
                    # the years alone on the line above, over columns whose own cells are empty
                    years, title_unit = _title(view, above[1][0], plan_years)
                    table, last, lone = _Table(columns, _settle_here(columns, years), title_unit), None, []
                    covered += [above[1], line]
                    above = None
                    continue
            above = (labels, line)
            continue
        row = _assign(cells, xs, table.columns)
        found = _row_values(text, view, row, table.columns, line, prefix=lone, unit=table.unit)
        if found is None:
            lone = []
            continue
        covered += [line] + [_line_of(view, a) for a, _ in lone]
        last, lone = (row, line, len(values)), []
        table.rows += 1
        values += found
    covered.sort()
    return values, covered


def _trim(view: str, a: int, b: int) -> tuple[int, int]:
    while a < b and view[a].isspace():
        a += 1
    while b > a and view[b - 1].isspace():
        b -= 1
    return a, b


def _line_of(view: str, pos: int) -> tuple[int, int]:
    end = view.find("\n", pos)
    return view.rfind("\n", 0, pos) + 1, len(view) if end < 0 else end


def _named_unit(view: str, row, columns) -> bool:
    """Does the row give its unit, in a unit cell or at the end of a cell in parentheses (its
    indicator is complete)?"""
    return any(cell and (c.role == "unit" and cell[0] < cell[1] or _PAREN_UNIT.search(view, *cell))
               for cell, c in zip(row, columns))


def _is_note(view: str, a: int, b: int) -> bool:
    return b - a <= 30 and _VALUE.match(view, a, b) is None


_QUALIFIER = re.compile(r"(?:及|或)?(?:以上|以下)$")


def of_whole(part: str, whole: str | None) -> str:
    """A part row named only by what sets it apart (互联网宽带接入用户 ⏎ 其中：1000Mbps及以上): that class
    of the row above (1000Mbps及以上互联网宽带接入用户)."""
    return part + whole if whole and _QUALIFIER.search(part) else part


def _parent_name(text: str, view: str, start: int) -> str | None:
    """The name cell of the nearest line above that is no part (其中…) of another: the whole a part
    row breaks down."""
    while start > 0:
        start = view.rfind("\n", 0, start - 1) + 1
        end = view.find("\n", start)
        a, b = split_cells(text, start, end if end >= 0 else len(view))[0]
        cell = re.sub(r"\s+", "", view[a:b])
        if cell and not cell.startswith(("其中", "#", "＃")):
            if (unit := _PAREN_UNIT.search(cell)) and unit.start() > 0:
                cell = cell[:unit.start()]  # (互联网宽带接入用户（万户）)
            return cell if _HAN.search(cell) else None
    return None


def _row_values(text, view, row, columns, line, prefix=(), suffix=None, unit=None) -> list[TableValue] | None:
    """The row's values; `prefix` (cell spans) and `suffix` (a cell span) are the parts of its
    indicator name that wrapped onto lines of their own."""
    ind = next((cell for cell, c in zip(row, columns) if c.role == "indicator" and cell), None)
    if ind is None:
        return None
    own = [view[ind[0]:ind[1]]] if _HAN.search(view, *ind) else []
    if not own and not (prefix and spaced.is_dash(view, *ind)):
        return None  # (新建数据中心电能利用效率 / （PUE） / — 1.32 ≤1.2: the name wrapped, no unit)
    parts = [view[a:b] for a, b in prefix] + own + ([view[suffix[0]:suffix[1]]] if suffix else [])
    name = re.sub(r"\s+", "", "".join(parts))
    # the unit: the row's unit column, else the cell's parentheses, else the indicator column's header,
    # else the table's title; a value column's header unit (2025年（%）) overrides the last two
    named = False
    scale, unit = unit or (1.0, "")
    ind_col = next(c for c in columns if c.role == "indicator")
    if ind_col.unit:
        scale, unit = ind_col.unit
    if m := _PAREN_UNIT.search(name):
        if (u := _unit(m.group("u"))) is not None:
            scale, unit = u
            name, named = name[:m.start()], True
    name = name.rstrip(_FOOTNOTE)
    # a row number inside the cell; a bulletin's mark of a part (#5G移动电话用户, 其中：)
    part = name.startswith("其中")
    name = re.sub(rf"^(?:\d{{1,3}}[.、．]|[（(]\d{{1,3}}[)）]|[#＃]|其中[:：]?)", "", name)
    if part and _QUALIFIER.search(name):  # (the line above looked up only then)
        name = of_whole(name, _parent_name(text, view, line[0]))
    if not _HAN.search(name):
        return None
    for cell, c in zip(row, columns):
        if c.role == "unit" and cell and (u := _unit(view[cell[0]:cell[1]])) is not None:
            scale, unit, named = *u, True
    attribute = None
    for cell, c in zip(row, columns):
        if c.role == "attribute" and cell:
            attribute = ATTRIBUTES.get(re.sub(r"\s+", "", view[cell[0]:cell[1]]).rstrip(_FOOTNOTE))
    periods = [c for c in columns if c.role == "period"]
    last_target = max((c.year for c in periods if c.kind == "target" and c.year), default=None)
    stat = next((c for c in periods if c.stat), None)
    if stat and (m := _STAT.match(stat.label)) and m.group("measure") and not name.endswith(m.group("measure")):
        name += m.group("measure")  # 数字产品制造业 under 增加值（亿元）
    out = []
    for cell, c in zip(row, columns):
        if c.role not in ("period", "growth", "cumulative", "change") or not cell or cell[0] == cell[1]:
            continue
        v = _value(view, *cell)
        if v is None:
            continue
        start, end, value, cmp, cumulative, pct = v
        if c.role == "change":  # 比上年增长（%）: the growth of the row's level, in its year
            level = stat or next((p for p in reversed(periods) if p.year), None)
            out.append(TableValue(start, end, value, "%", cmp, "actual", level.year if level else None,
                                  to_simplified(name + _CHANGE.match(c.label).group("name")), attribute, False, line))
            continue
        if c.role == "growth":
            out.append(TableValue(start, end, value, "%", cmp, "target", last_target,
                                  to_simplified(name + _GROWTH.match(c.label).group("name")), attribute,
                                  cumulative, line))
            continue
        u, s = ("%", 1.0) if pct else (unit, scale) if named or not c.unit else c.unit[::-1]
        kind, year = ("target", last_target) if c.role == "cumulative" else (c.kind, c.year)
        out.append(TableValue(start, end, float(f"{value * s:.12g}"), u, cmp, kind, year, to_simplified(name),
                              attribute, cumulative or c.role == "cumulative", line))
    return out


def row_text(text: str, a: int, b: int) -> str:
    """A table row as a reader sees it: its cells joined by " | " (empty cells at either end
    dropped, those inside kept so the columns still count)."""
    cells = [text[x:y] for x, y in split_cells(text, a, b)]
    while cells and not cells[0]:
        cells.pop(0)
    while cells and not cells[-1]:
        cells.pop()
    return " | ".join(" ".join(c.split()) for c in cells)


# Last: the transposed and listed layouts' readers are built from this module's pieces.
from . import cell_lines, crosstab, listed, transposed  # noqa: E402
