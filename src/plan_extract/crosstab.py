"""Tables of categories by indicators: the categories (industries, firm sizes, districts, funding
schemes) down the first column, one indicator per other column, one year for the whole table (its title's), as
statistics releases print a survey's breakdowns.

    表一：2025年按行業統計之企業資訊科技使用比例
    單位：%
    行業        使用電腦    使用互聯網
    製造業      86.5        85.9

Each value cell gives one row: the category and the column's indicator make its name (制造业使用电脑;
a place as the category becomes the row's region, as in prose), the title its year. The cells, the
value grammar and the units are tables.py's, the column labels transposed.py's.
"""

from __future__ import annotations

import re

from . import tables, transposed

# A header line: a category label as its first cell, then a cell boundary (on the text, either script).
_LINE = (r"[ \t|｜\u3000]*(?:按?(?:行业|行業|产业|產業|类别|類別|分类|分類|员工人数|員工人數|企业规模|企業規模|"
         r"地区|地區|区域|區域|县（市、区）|縣（市、區）|县市区|縣市區|县区|縣區|区县|區縣|市州|地市|"
         r"指标|指標|指标名称|指標名稱|项目|項目|计划|計劃|计划名称|計劃名稱|资助计划|資助計劃|范畴|範疇|类型|類型)(?:别|別)?)"
         r"[ \u3000]*(?:\t|[|｜]|\u3000| {2})")
_HEAD = re.compile("\n" + _LINE)
_FIRST = re.compile(_LINE)
# the row of the whole (总体, 合计): its figures are the indicator's own, without a category
_WHOLE = re.compile(r"^(?:总体|總體|整体|整體|合计|合計|总计|總計|全部|全市|全省|全区|全區|全港|全澳)$")
_NUMBERED = re.compile(r"表\s*[0-9一二三四五六七八九十]")
_PLACES = re.compile(r"地区|区域|县|区县|市州|地市")  # (on the view)
_PART = re.compile(r"^(?:(?:其中|内)[：:]|[#＃])")  # (其中：5G用户, #5G用户: a part of the row above)
_UNIT_LABELS = ("单位", "單位", "计量单位", "計量單位")
_LEVEL = re.compile(r"^(?:年末数|期末数|年末值|绝对数|数值|总量|数量|本年|全年|本期累计|本期)$")  # (on the simplified label)


def may_hold(text: str) -> bool:
    return any(sep in text for sep in transposed._SEPARATORS) and next(transposed.heads(text, _FIRST, _HEAD), None) is not None


def find_values(text: str, view: str, report_year: int | None = None):
    """The value cells of every such table in the text, and the lines they cover."""
    return transposed.read_tables(transposed.heads(text, _FIRST, _HEAD), lambda start: _table(text, view, start, report_year))


def _table(text, view, start, report_year):
    (corner, *labels), covered, pos = transposed.header(text, view, start)
    if len(labels) < 2 or any(not tables._HAN.search(x) or tables._PERIOD.match(x) or transposed.TITLE_YEAR.search(x) for x in labels):
        return None  # years across the header: the usual layout, tables.py's
    # a unit column (单位 | 万户) gives each row's unit; a level's column (年末数) names no more than its row
    unit_at = next((j for j, x in enumerate(labels) if x in _UNIT_LABELS), None)
    columns = _labels([x for j, x in enumerate(labels) if j != unit_at])
    if columns is None:
        return None
    for j, (name, unit) in enumerate(columns):
        # 比上年增长（%）: the growth of the measure before it (增加值（亿元） | 比上年增长: 增加值增长), else of
        # the row's level, named as tables.py names it
        if change := tables._CHANGE.match(name):
            before = columns[j - 1][0] if j and not _LEVEL.match(columns[j - 1][0]) else ""
            columns[j] = (before + change.group("name"), unit)
    places = _PLACES.search(corner) is not None  # 县（市、区） | 5G基站: each row a district's
    _years, title_unit = tables._title(view, start, ())
    title = view[max(0, start - 160):start]
    numbered = [m.start() for m in _NUMBERED.finditer(title)]  # 表一：2025年按行業… (not 表列如下)
    named = transposed.TITLE_YEAR.findall(title[numbered[-1]:] if numbered else title[-80:])
    year = int(named[-1]) if named else report_year
    values, rows, last_whole = [], 0, None
    while pos < len(view):
        line = transposed.line_at(view, pos)
        pos = line[1] + 1
        indent = len(view[line[0]:line[1]]) - len(view[line[0]:line[1]].lstrip(" \u3000"))
        row = tables.split_cells(text, line[0] + indent, line[1])  # (　其中：5G移动电话用户, indented)
        if len(row) != len(labels) + 1:
            break
        cell = re.sub(r"\s+", "", view[row[0][0]:row[0][1]])
        category = _PART.sub("", cell)
        if category != cell:
            category = tables.of_whole(category, last_whole)  # (其中：1000Mbps及以上 under 互联网宽带接入用户)
        else:
            last_whole = category
        row_unit = tables._unit(view[row[unit_at + 1][0]:row[unit_at + 1][1]].strip()) if unit_at is not None else None
        if (m := tables._PAREN_UNIT.search(category)) and m.start() > 0 and (u := tables._unit(m.group("u"))):
            category, row_unit = category[:m.start()], row_unit or u  # 公共充电泊车位（个） | 2,940
        found = [transposed._cell(view, a, b) for j, (a, b) in enumerate(row[1:]) if j != unit_at]
        if not category or not tables._HAN.search(category) or any(v is None for v in found):
            break  # prose, or a line whose cells are no figures
        rows += 1
        covered.append(line)
        whole = _WHOLE.match(category) is not None
        prefix = "" if whole or places else tables.to_simplified(category)
        region = tables.to_simplified(category) if places and not whole else None
        for v, (name, col_unit) in zip(found, columns):
            s, e, value, cmp, cumulative, unit = v
            scale = 1.0
            if unit != "%" and (col_unit or unit is None and (row_unit or title_unit)):
                scale, unit = col_unit or row_unit or title_unit
            label = (prefix or name) if _LEVEL.match(name) else prefix + name
            values.append(tables.TableValue(s, e, float(f"{value * scale:.12g}"), unit or "", cmp, "actual", year,
                                            label, None, cumulative, line, region))
    return (values, covered) if rows >= 2 else None


def _labels(labels: list[str]):
    """(indicator, unit from its parentheses) per value column; None when a label is no name."""
    out = []
    for label in labels:
        label = label.rstrip(tables._FOOTNOTE)
        if not label or len(label) > 24 or transposed._CLAUSE.search(label):
            return None
        unit = None
        if (m := tables._PAREN_UNIT.search(label)) and m.start() > 0 and (unit := tables._unit(m.group("u"))) is not None:
            label = label[:m.start()]
        out.append((tables.to_simplified(label), unit))
    return out
