"""Tables of categories by indicators: the categories (industries, firm sizes, districts) down the
first column, one indicator per other column, one year for the whole table (its title's), as
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
         r"地区|地區|区域|區域|县（市、区）|縣（市、區）|县市区|縣市區|县区|縣區|区县|區縣|市州|地市)(?:别|別)?)"
         r"[ \u3000]*(?:\t|[|｜]|\u3000| {2})")
_HEAD = re.compile("\n" + _LINE)
_FIRST = re.compile(_LINE)
# the row of the whole (总体, 合计): its figures are the indicator's own, without a category
_WHOLE = re.compile(r"^(?:总体|總體|整体|整體|合计|合計|总计|總計|全部|全市|全省|全区|全區|全港|全澳)$")
_YEAR = re.compile(r"((?:19|20)[0-9]{2})\s*年")
_PLACES = re.compile(r"地区|区域|县|区县|市州|地市")  # (on the view)


def may_hold(text: str) -> bool:
    return any(sep in text for sep in transposed._SEPARATORS) and next(transposed.heads(text, _FIRST, _HEAD), None) is not None


def find_values(text: str, view: str, report_year: int | None = None):
    """The value cells of every such table in the text, and the lines they cover."""
    return transposed.read_tables(transposed.heads(text, _FIRST, _HEAD), lambda start: _table(text, view, start, report_year))


def _table(text, view, start, report_year):
    head = transposed.line_at(view, start)
    cells = tables.split_cells(text, *head)
    if len(cells) < 3:
        return None
    labels = [re.sub(r"\s+", "", view[a:b]) for a, b in cells[1:]]
    if any(not tables._HAN.search(x) or tables._PERIOD.match(x) for x in labels):
        return None  # years across the header: the usual layout, tables.py's
    covered = [head]
    pos = head[1] + 1
    nxt = transposed.line_at(view, pos)
    if len(tables.split_cells(text, *nxt)) == 1 and view[nxt[0]:nxt[1]].strip() and \
            tables._value(view, *nxt) is None:
        labels[-1] += view[nxt[0]:nxt[1]].strip()  # the last header cell wrapped onto a line of its own
        covered.append(nxt)
        pos = nxt[1] + 1
    columns = _labels(labels)
    if columns is None:
        return None
    places = _PLACES.search(view, *cells[0]) is not None  # 县（市、区） | 5G基站: each row a district's
    _years, title_unit = tables._title(view, start, ())
    title = view[max(0, start - 160):start]
    named = _YEAR.findall(title[title.rfind("表"):] if "表" in title else title[-80:])  # 表一：2025年按行業…
    year = int(named[-1]) if named else report_year
    values, rows = [], 0
    while pos < len(view):
        line = transposed.line_at(view, pos)
        pos = line[1] + 1
        row = tables.split_cells(text, *line)
        if len(row) != len(columns) + 1:
            break
        category = re.sub(r"\s+", "", view[row[0][0]:row[0][1]])
        found = [transposed._cell(view, a, b) for a, b in row[1:]]
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
            if unit != "%" and (col_unit or unit is None and title_unit):
                scale, unit = col_unit or title_unit
            values.append(tables.TableValue(s, e, float(f"{value * scale:.12g}"), unit or "", cmp, "actual", year,
                                            prefix + name, None, cumulative, line, region))
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
