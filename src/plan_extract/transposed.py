"""Indicator tables laid out the other way round: the periods down the first column, one indicator
per other column (its unit in the header), as Hong Kong, Macau and Taiwan statistics releases and
government answers print them.

    年份        登記用戶數目    佔人口比例
    2023年底    2 870 000      約43%

Each value cell gives one row: its column's header is the indicator, its row's period the year.
The cells, the value grammar and the units are tables.py's; this module only reads the layout. It
works on the search view (二○二五年 is already 2025年 there), so every span is the text's own.
"""

from __future__ import annotations

import calendar
import re

from . import tables
from .roc_years import gregorian

# A header line: a period label as its first cell, then a cell boundary. On the text (either
# script, the full-width space unfolded), so the engine can ask before building the view. Searched
# from the line break before it: a literal first character lets the regex engine skip ahead, twice
# as fast as `(?m)^` (tried at every position); the text's first line is matched on its own.
_LINE = r"[ \t|｜\u3000]*(?:年份|年[別别]|(?:[财財]政|[会會][计計]|[学學])?年度?|[财財]年|[时時][间間]|日期|期[间間]|[时時]期|季度|月份)" \
        r"[ \u3000]*(?:\t|[|｜]|\u3000| {2})"
_HEAD = re.compile("\n" + _LINE)
_FIRST = re.compile(_LINE)
_LABELS = ("年份", "年别", "年度", "年", "财政年度", "财年", "会计年度", "学年", "学年度", "时间", "日期", "期间", "时期", "季度", "月份")
_SEPARATORS = ("\t", "|", "｜", "\u3000", "  ")
# A label saying a row or column holds an aim or a projection, not a statistic.
_AIM = r"目标|预计|预期|预测|估计"
# A remark on a row's figures that leaves its kind to its date: a revised estimate for a fiscal year
# already over is its statistic.
_REMARK = r"修订预算|预算|临时数字|临时|初步数字|初步|暂定数字|暂定|修订"
_AIM_COLUMN = re.compile(rf"^(?:{_AIM})(?:值|数字?)?(?=\S{{2}})|[（(](?:{_AIM})(?:值|数字?)?[)）]$")
# A period cell (on the view): 2023年, 2023年底, 2023, 2025-26年度 (a fiscal year: its first year),
# 2024年6月, 2024年上半年, 113年 (the Republic era), 2025年目标, 2025年（预计）, 目标（2025年）, or a bare 目标.
_PERIOD = re.compile(
    rf"^(?:(?P<pre>{_AIM})(?:值|数字?)?\s*)?[（(]?\s*"
    rf"(?:(?P<y>(?:19|20)[0-9]{{2}})|(?P<roc>1[01][0-9])(?=\s*(?:[-/至]\s*[0-9]{{2,3}}\s*)?年))"
    rf"(?:\s*年?\s*[-–—/至]\s*(?P<y2>(?:19|20)[0-9]{{2}}|1[01][0-9]|[0-9]{{2}}))?"
    rf"\s*(?:年度?)?\s*(?:(?P<m>[0-9]{{1,2}})\s*月份?|(?P<h>上半年|下半年)|第?(?P<q>[一二三四1-4])季度?)?"
    rf"\s*(?:底|末|初)?\s*[)）]?\s*(?:[（(]?\s*(?P<post>{_AIM})(?:值|数字?)?\s*[)）]?)?"
    rf"(?:[（(](?:截至(?P<m2>[0-9]{{1,2}})月底?|{_REMARK})[)）])?\s*[{tables._FOOTNOTE}]*$"
    rf"|^(?P<bare>{_AIM})(?:值|数字?)?$"
    # (a quarter or a month alone, under a row or a title that gave its year: 第二季, 10月)
    rf"|^(?:第?(?P<q2>[一二三四1-4])季度?|(?P<m3>[0-9]{{1,2}})月份?)$")
TITLE_YEAR = re.compile(r"((?:19|20)[0-9]{2})\s*年")  # (crosstab's too)
_QUARTER = {"一": 3, "二": 6, "三": 9, "四": 12, "1": 3, "2": 6, "3": 9, "4": 12}
# A column that holds no indicator: notes, sources, row numbers.
_SKIP = re.compile(r"^(?:备注|说明|注|附注|资料来源|数据来源|来源|序号|编号)$")
# Clause punctuation: a header cell holding it is a sentence, not an indicator name.
_CLAUSE = re.compile(r"[，。；！？,;!?：:]")
# A cell that gives no figure: empty, a dash, not applicable, not available.
_EMPTY = re.compile(r"^(?:[-—–/／…·.*＊]*|N/?A|n/?a|不适用|不详|暂无|无|未有数字|没有数字|[(（]\S{0,8}[)）])$")
# The unit written after a cell's number (287萬個, 120億港元, 300個以上), then a comparator.
_TAIL = re.compile(rf"\s*(?P<u>[^\W\d_]{{1,6}}?)\s*(?P<after>以上|以下|以内|左右)?\s*[{tables._FOOTNOTE}]*$")


def may_hold(text: str) -> bool:
    """A cheap test first (most prose has no cell separator), then a search for a header line."""
    return any(sep in text for sep in _SEPARATORS) and next(heads(text, _FIRST, _HEAD), None) is not None


def heads(text: str, first: re.Pattern, head: re.Pattern):
    """The starts of the lines that may be a table's header: `first` matched at the text's start,
    `head` (which opens with the line break) after it."""
    if first.match(text):
        yield 0
    for m in head.finditer(text):
        yield m.start() + 1


def read_tables(starts, read) -> tuple[list[tables.TableValue], list[tuple[int, int]]]:
    """The values and covered lines of the tables `read(start)` finds at the header starts, a table's
    own lines never read again as another's header."""
    values: list[tables.TableValue] = []
    covered: list[tuple[int, int]] = []
    done = 0
    for start in starts:
        if start < done:
            continue
        found = read(start)
        if found is not None:
            values += found[0]
            covered += found[1]
            done = found[1][-1][1]
    return values, covered


def find_values(text: str, view: str, plan_years: tuple[int, ...] = (), published: str | None = None,
                ref_year: int | None = None) -> tuple[list[tables.TableValue], list[tuple[int, int]]]:
    """The value cells of every transposed table in the text, and the lines they cover."""
    return read_tables(heads(text, _FIRST, _HEAD), lambda start: _table(text, view, start, plan_years, published, ref_year))


def line_at(view: str, pos: int) -> tuple[int, int]:
    end = view.find("\n", pos)
    return pos, len(view) if end < 0 else end


def header(text: str, view: str, start: int, plan_years: tuple[int, ...] = ()):
    """(the header's cells' words, its lines, where the lines under it start) for the header line at
    `start` whose cells may hold line breaks (總電力容量⏎（兆瓦）<tab>總樓面面積⏎（萬平方米）): each line
    under it that holds no figure and starts no row goes on with the last cell above."""
    head = line_at(view, start)
    labels = [re.sub(r"\s+", "", view[a:b]) for a, b in tables.split_cells(text, *head)]
    covered = [head]
    pos = head[1] + 1
    while pos < len(view):
        line = line_at(view, pos)
        cells = tables.split_cells(text, *line)
        if not view[line[0]:line[1]].strip() or _period(view, *cells[0], plan_years) is not None \
                or any(tables._value(view, a, b) for a, b in cells) \
                or tables._MD_RULE.match(view[line[0]:line[1]]) or tables._NOTE.match(view, *line):
            break
        labels[-1] += re.sub(r"\s+", "", view[cells[0][0]:cells[0][1]])
        labels += [re.sub(r"\s+", "", view[a:b]) for a, b in cells[1:]]
        covered.append(line)
        pos = line[1] + 1
    return labels, covered, pos


def _table(text, view, start, plan_years, published, ref_year):
    """The values and lines of the table whose header starts at `start`; None when the header names
    no indicator or no line under it starts with a period."""
    labels, covered, pos = header(text, view, start, plan_years)
    columns = _columns(labels)
    if columns is None:
        return None
    plan_years, title_unit = tables._title(view, start, plan_years)  # 表1 …（2021-2025年）（單位：萬戶）
    subject = _subject(view, start, next((c[0] for c in columns if c), ""))
    title = view[view.rfind("\n", 0, max(0, start - 1)) + 1:start]  # (2025年電子支付交易情況 | 季度 …)
    year_before = int(named[-1]) if (named := TITLE_YEAR.findall(title)) else None
    values, rows = [], 0
    while pos < len(view):
        line = line_at(view, pos)
        pos = line[1] + 1
        if not rows and view[line[0]:line[1]].strip() and tables._MD_RULE.match(view[line[0]:line[1]]):
            covered.append(line)  # |---|---| under the header
            continue
        if rows and tables._NOTE.match(view, *line):  # 註：… under the table: never a row, and its end
            covered.append(line)
            break
        cells = tables.split_cells(text, *line)
        period = _period(view, *cells[0], plan_years, year_before) if len(cells) > 1 else None
        found = [_cell(view, *cell) for cell in cells[1:]] if period is not None else []
        if period is None or any(v is None and not _EMPTY.match(view[a:b].strip()) for v, (a, b) in zip(found, cells[1:])):
            break  # a line of prose, or text in a cell (a timeline of events): not this layout
        rows += 1
        covered.append(line)
        if len(cells) != len(columns):  # a cell missing or one too many: which one cannot be told
            continue
        year, end, aim = period
        year_before = year
        for v, col in zip(found, columns[1:]):
            if col is None or v is None:
                continue
            name, col_unit, col_aim = col
            if subject and subject not in name:
                name = subject + name
            s, e, value, cmp, cumulative, unit = v
            scale = 1.0  # a percentage as written; else the header's unit, the cell's, the title's
            if unit != "%" and (col_unit or unit is None and title_unit):
                scale, unit = col_unit or title_unit
            target = aim or col_aim or _after(end, year, published, ref_year)
            values.append(tables.TableValue(s, e, float(f"{value * scale:.12g}"), unit or "", cmp,
                                            "target" if target else "actual", year, name, None, cumulative, line))
    return (values, covered) if rows else None


# What a table above its header is of: its title's (表一：本港数据中心主要数字（2022至2024年）), else the
# programme in quotes that opens the paragraph introducing it (（一）「智方便」自2020年推出以来，…载列如下：;
# （一）数字办自2021年起推行「长者数码外展计划」，…)
_TITLED = re.compile(r"^[ \t\u3000]*表\s*[0-9一二三四五六七八九十]+[：:\s\u3000]+(?:(?:本|全)(?:港|澳|市|省|县|区)|香港|澳门|台湾)?"
                     r"(?P<s>[^\s（(：:，。]{2,12}?)(?:的)?(?:主要|有关|相关)?(?:数字|数据|指标|统计|情况|概况)")
_OPENED = re.compile(r"^[ \t\u3000]*(?:[（(][一二三四五六七八九十]+[)）]|[0-9]+[.、．])?[ \t\u3000]*"
                     r"(?:[^，。；「“『\n]{0,24}?(?:推行|推出|设立|开展|实施|成立|启动)的?)?[「“『](?P<s>[^」”』\n]{1,20})[」”』]")


# or the programme, unquoted, at a clause's start in the line that introduces it (數碼港培育計劃於2005年推出，
# 過去三個財政年度的申請及獲批數目如下：; 過去三個財政年度，數碼港培育計劃資助的…表列如下：)
_INTRODUCED = re.compile(r"(?:^|(?<=[，,；;\s]))(?P<s>[\u4e00-\u9fff]{2,10}?(?:计划|计画|基金))(?!书)"
                         r"(?=[^：:]*(?:如下|下表)[：:]$)")


# a rate column (年增率, 成长率, 增长率) after a level's
_RATE = re.compile(r"^(?:年|按年|同比)?(?:增长|成长|增)(?:率|幅)$|^增速$")
# a title naming the measure of the first column (表1　资讯服务业营业额 | 年别 | 营业额（亿元）): whose it is
_TITLE_OF = re.compile(r"^[ \t\u3000]*表\s*[0-9一二三四五六七八九十]+[：:\s\u3000]+(?P<t>[^\s（(：:，。]{3,24})")


def _subject(view: str, header: int, first: str = "") -> str:
    """What the table is of, when the lines right above its header say so, else ""."""
    above = view[max(0, header - 600):header].rstrip()
    line = above[above.rfind("\n") + 1:]
    if m := _TITLED.match(line):
        return m.group("s")
    if first and (m := _TITLE_OF.match(line)) and m.group("t").endswith(first) and len(m.group("t")) >= len(first) + 2:
        return m.group("t")[:-len(first)]
    if line.endswith(("：", ":")) and (m := _OPENED.match(line) or _INTRODUCED.search(line)):
        return m.group("s")
    return ""


def _columns(cells: list[str]):
    """The header's columns from its cells' words: None for the period column and for columns naming
    no indicator, else (indicator, unit from its parentheses or None, labelled as an aim); None when
    the line is not such a header (its first cell no period label, a year across it, a sentence in a cell)."""
    if len(cells) < 2 or re.sub(r"\s+", "", cells[0]) not in _LABELS:
        return None
    out: list = [None]
    for cell in cells[1:]:
        label = re.sub(r"\s+", "", cell).rstrip(tables._FOOTNOTE)
        if not label or _SKIP.match(label):
            out.append(None)
            continue
        if _CLAUSE.search(label) or len(label) > 40 or tables._PERIOD.match(label) or \
                _PERIOD.match(label) or tables._VALUE.match(label):
            return None  # years across the header (the usual layout), a sentence, a number
        unit = None
        if (m := tables._PAREN_UNIT.search(label)) and m.start() > 0 and \
                (unit := tables._unit(m.group("u"))) is not None:
            label = label[:m.start()]  # 數據中心樓面面積（萬平方米）
        aim = _AIM_COLUMN.search(label)
        if aim:  # 目標用戶數, 用戶數（預計）: the indicator without the label
            label = label[:aim.start()] + label[aim.end():]
        if not tables._HAN.search(label):
            return None
        name = tables.to_simplified(label)
        if (tables._CHANGE.match(name) or _RATE.match(name)) and out[-1] is not None:
            # 用户人数 | 按年变幅, 营业额 | 年增率: that column's change
            name = out[-1][0] + name
        out.append((name, unit, aim is not None))
    return out if any(out) else None


def _period(view: str, a: int, b: int, plan_years: tuple[int, ...], year_before: int | None = None):
    """(year, the period's last day as YYYY-MM-DD, labelled as an aim) of a row's first cell, else None;
    a quarter or a month alone is of `year_before` (the row's above, or the title's)."""
    m = _PERIOD.match(re.sub(r"\s+", "", view[a:b]))
    if m is None:
        return None
    if m.group("bare"):  # 目標 alone: the last year of the plan the title or the document names
        return (plan_years[-1] if plan_years else None), None, True
    if m.group("q2") or m.group("m3"):
        if year_before is None:
            return None
        year, aim = year_before, False
        month = _QUARTER[m.group("q2")] if m.group("q2") else int(m.group("m3"))
    else:
        year = gregorian(m.group("y") or m.group("roc"))
        aim = bool(m.group("pre") or m.group("post"))
        if y2 := m.group("y2"):  # 2025-26年度: the fiscal year from April, named by its first year
            second = gregorian(y2) if len(y2) != 2 else year // 100 * 100 + int(y2)
            if second != year + 1:
                return None  # 2021-2025年: a plan period, not one row's period
            return year, f"{second}-03-31", aim
        if m.group("m") or m.group("m2"):  # 2024年6月, 2025年（截至5月）
            month = int(m.group("m") or m.group("m2"))
        else:
            month = 6 if m.group("h") == "上半年" else _QUARTER[m.group("q")] if m.group("q") else 12
    if not 1 <= month <= 12:
        return None
    return year, f"{year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}", aim


def _after(end: str | None, year: int | None, published: str | None, ref_year: int | None) -> bool:
    """Does the period end after the page's date (a projection)? Without a date: a statistic."""
    if end is None:
        return True
    if published:
        return end > published
    return ref_year is not None and year is not None and year > ref_year


def _cell(view: str, a: int, b: int):
    """(start, end, value, comparator, cumulative, unit) of a value cell: the number as tables.py reads
    it, or followed by a unit of its own (287萬個, 120億港元); unit "%" for a percentage, None when
    the cell gives none."""
    if (v := tables._value(view, a, b)) is not None:
        s, e, value, cmp, cumulative, pct = v
        return s, e, value, cmp, cumulative, "%" if pct else None
    for p in range(max(a + 1, b - 10), b):
        t = _TAIL.match(view, p, b)
        if t is None or (u := tables._unit(t.group("u"))) is None or u[0] != 1 or not u[1]:
            continue
        if (v := tables._value(view, a, p)) is not None and not v[5]:
            s, e, value, cmp, cumulative, _pct = v
            return s, e, value, tables._CMP[t.group("after")] if t.group("after") else cmp, cumulative, u[1]
    return None
