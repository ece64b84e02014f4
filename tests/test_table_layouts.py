"""Indicator tables laid out as plans publish them: headers over two lines, cells spanning columns
or rows (HTML, DOCX, PDF), a 类别 column of merged cells, 序号, units in the title or the header,
notes under the table, readable row sentences; and the PDF reading bounds."""

from __future__ import annotations

import io

import opencc
import pytest

from plan_extract import extract
from plan_extract.load import decode, read_document
from plan_extract.view import to_simplified


def rows(text: str, name: str = "plan.txt", data: bytes | None = None):
    doc = decode(data if data is not None else text.encode("utf-8"), name)
    recs = [r for r in extract(doc.text, name) if r.rule == "TABLE"]
    assert all(doc.text[r.start:r.end] == r.raw for r in recs)
    return [(r.indicator, r.value, r.unit, r.kind, r.year, r.attribute, r.cumulative) for r in recs]


def in_script(text: str, script: str) -> str:
    """A Traditional test text as written, or in Simplified."""
    return text if script == "traditional" else to_simplified(text)


def trad(s: str) -> str:
    """The same table in Traditional characters (the words the tables use)."""
    for a, b in [("指标", "指標"), ("单位", "單位"), ("属性", "屬性"), ("基站数", "基站數"), ("万个", "萬個"),
                 ("预期性", "預期性"), ("约束性", "約束性"), ("千兆宽带用户", "千兆寬帶用戶"), ("万户", "萬戶"),
                 ("类别", "類別"), ("数字", "數字"), ("设施", "設施"), ("产业", "產業"), ("软件", "軟件"),
                 ("收入", "收入"), ("亿元", "億元"), ("年均增速", "年均增速"), ("注", "註"), ("为", "為"),
                 ("累计", "累計"), ("主要", "主要"), ("规模", "規模"), ("经济", "經濟"), ("增加值", "增加值"),
                 ("普及率", "普及率"), ("目标", "目標"), ("业务", "業務"), ("序号", "序號"), ("化", "化")]:
        s = s.replace(a, b)
    return s


BASE = [("5G基站数", 15000, "个", "actual", 2020, "expected", False),
        ("5G基站数", 80000, "个", "target", 2025, "expected", False),
        ("千兆宽带用户数", 6400000, "户", "actual", 2020, "binding", False),
        ("千兆宽带用户数", 60000000, "户", "target", 2025, "binding", False)]

TWO_LINE_HEADERS = {
    # the years alone above, the labels under them
    "years_above_labels": "\t\t2020年\t2025年\t\n指标\t单位\t基期值\t目标值\t属性\n",
    "years_above_empty_labels": "\t\t2020年\t2025年\t\n指标\t单位\t\t\t属性\n",
    # a period cell spanning the year columns, the others' cells empty under them (HTML rowspan made text)
    "period_spanning_with_empty_cells": "指标\t单位\t十四五\t\t属性\n\t\t2020年\t2025年\t\n",
    # the same with the line under holding only the years (a text table, a PDF)
    "period_spanning_years_only": "指标\t单位\t十四五\t属性\n2020年\t2025年\n",
    # a spreadsheet's header cells with line breaks in them: each line goes on with the last cell above
    "cells_with_line_breaks": "指标\t单位\t2020年\n（基期）\t2025年\n目标\t属性\n",
}
BODY = "5G基站数\t万个\t1.5\t8\t预期性\n千兆宽带用户数\t万户\t640\t6000\t约束性\n"


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("header", TWO_LINE_HEADERS.values(), ids=TWO_LINE_HEADERS.keys())
def test_headers_in_two_lines_give_each_value_column_its_year_and_kind(header, script):
    text = "表1 主要指标\n" + header + BODY
    assert rows(text if script == "simplified" else trad(text)) == BASE


def test_a_spanning_period_over_a_target_and_a_growth_column_after_a_base_year_column():
    for sep in ("\t", "  "):
        text = sep.join(["指标", "单位", "2020年", "十四五", "属性"]) + "\n" + sep.join(["2025年目标", "年均增速"]) + "\n" + \
            sep.join(["5G基站数", "万个", "1.5", "8", "12%", "预期性"]) + "\n"
        assert rows(text) == BASE[:2] + [("5G基站数年均增速", 12, "%", "target", 2025, "expected", False)]


HTML = """<html><body><p>表1 “十四五”主要指标</p><table>
<tr><th rowspan="2">类别</th><th rowspan="2">指标</th><th rowspan="2">单位</th><th colspan="2">十四五</th><th rowspan="2">属性</th></tr>
<tr><th>2020年</th><th>2025年</th></tr>
<tr><td rowspan="2">数字基础设施</td><td>5G基站数</td><td>万个</td><td>1.5</td><td>8</td><td>预期性</td></tr>
<tr><td>千兆宽带用户数</td><td>万户</td><td>640</td><td>6000</td><td>约束性</td></tr>
</table></body></html>"""


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_html_rowspan_and_colspan_line_up_with_the_header(script):
    html = HTML if script == "simplified" else trad(HTML)
    assert rows("", "plan.html", html.encode()) == BASE
    text = decode(html.encode(), "plan.html").text
    assert "\t\t\t2020年\t2025年\t\n" in text  # the cells the spans cover are empty cells


def _docx_merged(script: str) -> bytes:
    docx = pytest.importorskip("docx")
    t = trad if script == "traditional" else (lambda s: s)
    d = docx.Document()
    d.add_paragraph(t("表1 “十四五”数字经济主要指标"))
    grid = [["类别", "指标", "单位", "十四五", "", "属性"],
            ["", "", "", "2020年", "2025年", ""],
            ["数字基础设施", "5G基站数", "万个", "1.5", "8", "预期性"],
            ["", "千兆宽带用户数", "万户", "640", "6000", "约束性"]]
    table = d.add_table(rows=4, cols=6)
    for i, row in enumerate(grid):
        for j, cell in enumerate(row):
            if cell:
                table.cell(i, j).text = t(cell)
    for j in (0, 1, 2, 5):  # vMerge over the two header rows
        table.cell(0, j).merge(table.cell(1, j))
    table.cell(0, 3).merge(table.cell(0, 4))  # gridSpan: 十四五 over the two years
    table.cell(2, 0).merge(table.cell(3, 0))  # the 类别 cell over its rows
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_docx_merged_cells_line_up_with_the_header(script):
    data = _docx_merged(script)
    assert rows("", "plan.docx", data) == BASE
    lines = decode(data, "plan.docx").text.splitlines()
    assert sum(to_simplified(line).count("数字基础设施") for line in lines) == 1  # a merged cell's text once


def test_pdf_period_header_over_two_year_columns(tmp_path):
    pytest.importorskip("reportlab")
    from makedocs import make_pdf

    from plan_extract import default_rules
    from plan_extract.batch import process

    xs = [72, 240, 300, 360, 420, 480]
    table = [["指标", "单位", "十四五", "", "属性"], ["", "", "2020年", "2025年", ""],
             ["5G基站数", "万个", "1.5", "8", "预期性"], ["千兆宽带用户数", "万户", "640", "6000", "约束性"]]
    path = tmp_path / "plan.pdf"
    path.write_bytes(make_pdf([("h", "表1 “十四五”主要指标"), ("table", table, xs[:1] + xs[2:])]))
    doc = read_document(str(path))
    result = process(str(path), default_rules())
    got = [(r["indicator"], r["value"], r["unit"], r["kind"], r["year"], r["attribute"], r["cumulative"])
           for r in result.rows if r["rule"] == "TABLE"]
    assert got == BASE
    assert all(doc.text[r["start"]:r["end"]] == r["raw"] for r in result.rows)


MAIN = """表1 ××省“十四五”数字经济发展主要指标
类别\t序号\t指标\t单位\t2020年（基期）\t2025年（目标）\t年均增速\t属性
数字基础设施\t1\t5G基站数\t万个\t1.5\t8\t\t预期性
\t2\t千兆宽带用户数\t万户\t640\t6000\t\t约束性
数字产业化\t3\t软件业务收入\t亿元\t1000\t2000\t15%\t预期性
\t4\t新增数字化车间\t个\t/\t[100]\t\t预期性
注：[ ]内为5年累计数。
注2：软件业务收入按当年价格计算。
"""
MAIN_ROWS = BASE + [
    ("软件业务收入", 1e11, "元", "actual", 2020, "expected", False),
    ("软件业务收入", 2e11, "元", "target", 2025, "expected", False),
    ("软件业务收入年均增速", 15, "%", "target", 2025, "expected", False),
    ("新增数字化车间", 100, "个", "target", 2025, "expected", True)]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("sep", ["\t", " | ", "｜"])
def test_a_main_indicator_table_with_category_number_unit_growth_cumulative_and_notes(script, sep):
    text = MAIN.replace("\t", sep)
    text = text if script == "simplified" else trad(text)
    assert rows(text) == MAIN_ROWS


def test_notes_under_a_table_are_never_rows_nor_part_of_an_indicator():
    text = "指标\t2020年\t2025年\n数据中心机架数（万架）\t5\t10\n注：机架数按标准机架折算，2025年为20\n"
    got = rows(text)
    assert [g[0] for g in got] == ["数据中心机架数"] * 2 and [g[1] for g in got] == [50000, 100000]


@pytest.mark.parametrize("title", ["表2 主要指标（单位：亿元）", "表2 主要指标\n单位：亿元", "表2 主要指標（單位：億元）"])
def test_a_unit_in_the_table_title_applies_to_cells_without_their_own(title):
    text = title + "\n指标\t2020年\t2025年\n数字经济增加值\t4000\t8000\n5G基站数（万个）\t1.5\t8\n"
    got = rows(text)
    assert [(g[1], g[2]) for g in got] == [(4e11, "元"), (8e11, "元"), (15000, "个"), (80000, "个")]


def test_a_unit_in_the_header_applies_to_its_column():
    text = "指标（%）\t2020年\t2025年\n5G用户普及率\t40\t80\n"
    assert [(g[1], g[2]) for g in rows(text)] == [(40, "%"), (80, "%")]
    text = "指标\t2020年（亿元）\t2025年（亿元）\n数字经济增加值\t4000\t8000\n5G基站数（万个）\t1.5\t8\n"
    assert [(g[1], g[2]) for g in rows(text)] == [(4e11, "元"), (8e11, "元"), (15000, "个"), (80000, "个")]


def test_a_table_rows_sentence_is_readable_and_its_cells_traceable():
    text = "指标\t单位\t2020年\t2025年\t属性\n5G基站数\t万个\t1.5\t\t预期性\n"
    recs = [r for r in extract(text, "plan.txt") if r.rule == "TABLE"]
    assert [r.sentence for r in recs] == ["5G基站数 | 万个 | 1.5 |  | 预期性"]
    assert all("\t" not in r.sentence and text[r.start:r.end] == r.raw for r in recs)


def test_pdf_reading_is_bounded_in_pages_and_time(tmp_path, monkeypatch):
    pytest.importorskip("reportlab")
    from makedocs import make_pdf

    from plan_extract.errors import InputError
    from plan_extract.load import pdf

    path = tmp_path / "long.pdf"
    path.write_bytes(make_pdf([("p", "到2025年，全省5G基站达到8万个。"), ("page",), ("p", "第二页。")]))
    monkeypatch.setattr(pdf, "TIME_BUDGET", 0.0)
    with pytest.raises(InputError, match=r"PDF reading over 0 s at page 2 of 2, skipped"):
        read_document(str(path))
    from plan_extract import default_rules
    from plan_extract.batch import process

    result = process(str(path), default_rules())  # in a batch: one line naming the file, no rows
    assert not result.rows and str(path) in str(result.error) and "\n" not in str(result.error)
    monkeypatch.setattr(pdf, "TIME_BUDGET", 120.0)
    monkeypatch.setattr(pdf, "MAX_PAGES", 1)
    with pytest.raises(InputError, match=r"PDF of 2 pages \(over 1\): not read, skipped"):
        read_document(str(path))


@pytest.mark.parametrize("head", ["累计", "“十四五”累计", "十四五期间累计新增", "五年累计"])
def test_a_cumulative_column_is_a_cumulative_target_of_the_last_year(head):
    for t in ((lambda s: s), trad):
        text = t(f"指标\t单位\t2020年\t2025年\t{head}\t属性\n5G基站数\t万个\t1.5\t8\t[6.5]\t预期性\n")
        assert rows(text) == BASE[:2] + [("5G基站数", 65000, "个", "target", 2025, "expected", True)]


@pytest.mark.parametrize("lower", ["基期值\t目标值", "\t\t基期\t目标\t"])
def test_a_five_year_period_over_base_and_target_labels_takes_its_years_from_the_period(lower):
    for t in ((lambda s: s), trad):
        upper = "指标\t单位\t十四五\t属性" if lower.count("\t") == 1 else "指标\t单位\t十四五\t\t属性"
        assert rows(t(f"表1 主要指标\n{upper}\n{lower}\n{BODY}")) == BASE


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_pdf_years_alone_above_the_labels(tmp_path, script):
    pytest.importorskip("reportlab")
    from makedocs import make_pdf

    from plan_extract import default_rules
    from plan_extract.batch import process

    t = trad if script == "traditional" else (lambda s: s)
    table = [["", "", "2020年", "2025年", ""], ["指标", "单位", "", "", "属性"],
             ["5G基站数", "万个", "1.5", "8", "预期性"], ["千兆宽带用户数", "万户", "640", "6000", "约束性"]]
    table = [[t(c) for c in row] for row in table]
    path = tmp_path / "plan.pdf"
    path.write_bytes(make_pdf([("h", t("表1 主要指标")), ("table", table, [72, 240, 300, 360, 420])]))
    result = process(str(path), default_rules())
    got = [(r["indicator"], r["value"], r["unit"], r["kind"], r["year"], r["attribute"], r["cumulative"])
           for r in result.rows if r["rule"] == "TABLE"]
    assert got == BASE


# Tables in text extracted from a PDF (pdftotext without -layout, copy-paste from a viewer): cells
# separated by ONE space, with spaces inside cells too (5G 基站数, 2020 年, ≥ 12). Figures invented.
S2T = opencc.OpenCC("s2t").convert
SCRIPTS = {"simplified": lambda s: s, "traditional": S2T}


def full_rows(text: str):
    recs = [r for r in extract(text, "plan.txt") if r.rule == "TABLE"]
    assert all(text[r.start:r.end] == r.raw for r in recs)
    return [(r.indicator, r.value, r.unit, r.comparator, r.kind, r.year, r.raw, r.attribute, r.cumulative)
            for r in recs]


SPACED = """专栏 2 “十四五”数字化发展主要指标
类别 指标名称 2020 年 2025 年 属性
数字基础设施 5G 基站数（万个） 1.5 8 预期性
 千兆宽带用户数（万户） 640 6000 约束性
数字产业化 软件业务收入（亿元） 1000 2000 预期性
新增数字化车间（个） — [100] 预期性
四、保障措施
"""
SPACED_ROWS = BASE + [("软件业务收入", 1e11, "元", "actual", 2020, "expected", False),
                      ("软件业务收入", 2e11, "元", "target", 2025, "expected", False),
                      ("新增数字化车间", 100, "个", "target", 2025, "expected", True)]


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_table_whose_cells_single_spaces_separate(script):
    # a category cell only on the first row of its group: the next rows start with a space or the name
    assert rows(SCRIPTS[script](SPACED)) == SPACED_ROWS


@pytest.mark.parametrize("script", SCRIPTS)
def test_single_spaced_rows_with_a_number_and_a_unit_column_and_values_as_written(script):
    text = SCRIPTS[script]("表 3 主要指标\n"
                           "序号 指标 单位 2020年 2025年 属性\n"
                           "1 5G基站数 万个 1.2 8 预期性\n"
                           "2 工业互联网平台普及率 % 20 >45 预期性\n"
                           "3 数据中心机架数 万架 — ≥ 12 约束性\n"
                           "4 上云企业数 万家 1.5 5 以上 预期性\n"
                           "5 政务服务网办率 % 80 90以上\n"
                           "6 新增智能工厂 个 - [ 30 ] 预期性\n")
    assert full_rows(text) == [
        ("5G基站数", 12000, "个", "=", "actual", 2020, "1.2", "expected", False),
        ("5G基站数", 80000, "个", "=", "target", 2025, "8", "expected", False),
        ("工业互联网平台普及率", 20, "%", "=", "actual", 2020, "20", "expected", False),
        ("工业互联网平台普及率", 45, "%", ">", "target", 2025, "45", "expected", False),
        ("数据中心机架数", 120000, "架", ">=", "target", 2025, "12", "binding", False),
        ("上云企业数", 15000, "家", "=", "actual", 2020, "1.5", "expected", False),
        ("上云企业数", 50000, "家", ">=", "target", 2025, "5", "expected", False),
        ("政务服务网办率", 80, "%", "=", "actual", 2020, "80", None, False),  # no attribute cell
        ("政务服务网办率", 90, "%", ">=", "target", 2025, "90", None, False),
        ("新增智能工厂", 30, "个", "=", "target", 2025, "30", "expected", True)]


@pytest.mark.parametrize("script", SCRIPTS)
def test_single_spaced_base_and_target_headers_with_years_in_parentheses_and_a_growth_column(script):
    text = SCRIPTS[script]("附表 某市数字经济发展主要指标\n"
                           "领域 指标 基期值（2020 年） 目标值（2025 年） 年均增速 属性\n"
                           "数字产业化 软件业务收入（亿元） 320 600 13.4% 预期性\n"
                           "电子信息制造业营业收入（亿元） 1100 2000 以上 — 预期性\n")
    assert full_rows(text) == [
        ("软件业务收入", 3.2e10, "元", "=", "actual", 2020, "320", "expected", False),
        ("软件业务收入", 6e10, "元", "=", "target", 2025, "600", "expected", False),
        ("软件业务收入年均增速", 13.4, "%", "=", "target", 2025, "13.4%", "expected", False),
        ("电子信息制造业营业收入", 1.1e11, "元", "=", "actual", 2020, "1100", "expected", False),
        ("电子信息制造业营业收入", 2e11, "元", ">=", "target", 2025, "2000", "expected", False)]


SPACED_TWO_LINE_HEADERS = {
    "years_under_base_and_target": "指标 单位 基期值 目标值 属性\n（2020 年） （2025 年）\n",
    "years_under_a_five_year_period": "指标 单位 十四五 属性\n2020 年 2025 年\n",
}


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("header", SPACED_TWO_LINE_HEADERS.values(), ids=SPACED_TWO_LINE_HEADERS.keys())
def test_single_spaced_headers_in_two_lines(header, script):
    text = "表1 主要指标\n" + header + "5G基站数 万个 1.5 8 预期性\n千兆宽带用户数 万户 640 6000 约束性\n"
    assert rows(SCRIPTS[script](text)) == BASE


WRAPPED_HEADERS = {
    # pdftotext without -layout: a header cell's words on a line each, a merged category cell's text on
    # lines before its rows (no part of their names: each row opens with its number), a name wrapped
    # over lines before its values with a dash for its unit
    "periods_wrap_after_the_first": (
        "类别 序号 指标 单位 2025年\n基期值\n2030年\n目标值\n属性\n数字基础\n设施\n",
        "3 新建数据中心电能利用效率\n（PUE）\n— 1.32 ≤1.2 约束性\n注：带“≤”的为上限值。\n",
        [("新建数据中心电能利用效率(PUE)", 1.32, "", "=", "actual", 2025),
         ("新建数据中心电能利用效率(PUE)", 1.2, "", "<=", "target", 2030)]),
    # the first header line holds no period at all, a category's name takes a line a word
    "every_period_below_the_first_line": (
        "类别 序号 指标 单位\n2025年\n基期值\n2030年\n目标值\n属性\n数字\n基础\n设施\n",
        "3 数字经济核心产业增加值占地区\n生产总值比重 % 5.7 9 预期性\n注：2025年为初步核算数。\n",
        [("数字经济核心产业增加值占地区生产总值比重", 5.7, "%", "=", "actual", 2025),
         ("数字经济核心产业增加值占地区生产总值比重", 9, "%", "=", "target", 2030)]),
}


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("layout", WRAPPED_HEADERS.values(), ids=WRAPPED_HEADERS.keys())
def test_a_single_spaced_header_whose_cells_wrap_one_per_line_and_categories_on_lines_of_their_own(layout, script):
    header, last, want = layout
    text = SCRIPTS[script]("表1 主要指标\n" + header + "1 5G基站数 万个 1.5 8 预期性\n"
                           "2 千兆宽带用户数 万户 640 6000 约束性\n" + last)
    got = full_rows(text)
    assert [r[:6] for r in got[:4]] == [(n, v, u, "=", k, y + 5) for n, v, u, k, y, _a, _c in BASE]
    assert [r[:6] for r in got[4:]] == want


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_table_whose_every_cell_is_a_line_of_its_own(script):
    # pdftotext of a table without its layout: the header's cells, then each row's, a line each; a
    # category's name only before its group's first row
    text = SCRIPTS[script]("表1　主要指标\n类别\n指标\n单位\n2025年\n基期值\n2030年\n目标值\n属性\n"
                           "数字基础设施\n5G基站数\n万个\n1.5\n8\n预期性\n千兆宽带用户数\n万户\n640\n6000\n约束性\n"
                           "投资\n新型基础设施累计投资\n亿元\n[286]\n[500]\n预期性\n注：[ ]内为五年累计数。\n")
    got = rows(text)
    assert got[:4] == [(n, v, u, k, y + 5, a, c) for n, v, u, k, y, a, c in BASE]
    assert got[4:] == [("新型基础设施累计投资", 2.86e10, "元", "actual", 2025, "expected", True),
                       ("新型基础设施累计投资", 5e10, "元", "target", 2030, "expected", True)]


@pytest.mark.parametrize("script", SCRIPTS)
def test_columns_of_the_first_three_quarters_of_two_years(script):
    text = SCRIPTS[script]("表：智慧医疗主要指标\n"
                           "指标　　　　　　2024年首三季　　2025年首三季　　按年变动\n"
                           "平台登记居民（万人）　33.9　　41.2　　+21.6%\n")
    assert [r[:6] for r in full_rows(text)] == [
        ("平台登记居民", 339000, "人", "=", "actual", 2024), ("平台登记居民", 412000, "人", "=", "actual", 2025),
        ("平台登记居民按年变动", 21.6, "%", "=", "actual", 2025)]


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_single_spaced_statistics_table_of_levels_and_growth_takes_the_year_of_its_title(script):
    text = SCRIPTS[script]("表10 2025年邮电通信主要指标\n"
                           "指标 单位 绝对数 比上年增长（%）\n"
                           "电信业务总量 亿元 125.2 13.2\n"
                           "　#5G移动电话用户 万户 318.5 17.6\n"
                           "规模以上软件和信息技术服务业营\n业收入 亿元 143.6 12.9\n")
    assert [r[:6] for r in full_rows(text)] == [
        ("电信业务总量", 1.252e10, "元", "=", "actual", 2025), ("电信业务总量增长", 13.2, "%", "=", "actual", 2025),
        ("5G移动电话用户", 3185000, "户", "=", "actual", 2025), ("5G移动电话用户增长", 17.6, "%", "=", "actual", 2025),
        ("规模以上软件和信息技术服务业营业收入", 1.436e10, "元", "=", "actual", 2025),
        ("规模以上软件和信息技术服务业营业收入增长", 12.9, "%", "=", "actual", 2025)]


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("change", ["比上年末增长（%）", "较上年同期增长（%）"])
@pytest.mark.parametrize("level", ["年末数", "期末数"])
@pytest.mark.parametrize("sep", ["　", " "], ids=["full_width", "single_spaces"])
def test_a_statistics_tables_change_over_the_year_end_before_is_the_rows_growth(sep, level, change, script):
    text = SCRIPTS[script]("表8　2025年末通信用户情况\n"
                           + sep.join(["指标", "单位", level, change]) + "\n"
                           + sep.join(["移动电话用户", "万户", "438.6", "3.2"]) + "\n"
                           + "　#" + sep.join(["5G移动电话用户", "万户", "281.4", "17.2"]) + "\n")
    assert [r[:6] for r in full_rows(text)] == [
        ("移动电话用户", 4386000, "户", "=", "actual", 2025), ("移动电话用户增长", 3.2, "%", "=", "actual", 2025),
        ("5G移动电话用户", 2814000, "户", "=", "actual", 2025), ("5G移动电话用户增长", 17.2, "%", "=", "actual", 2025)]


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("level", ["本期累计", "1-10月"])
def test_a_monthly_bulletins_level_so_far_and_its_growth_are_of_the_year_its_title_names(level, script):
    text = SCRIPTS[script]("附表：2026年1—10月全省通信业主要指标\n"
                           f"指标名称\t单位\t{level}\t同比增长（%）\n"
                           "电信业务收入\t亿元\t712.4\t3.6\n"
                           "5G基站总数\t万个\t21.43\t—\n")
    assert [r[:6] for r in full_rows(text)] == [
        ("电信业务收入", 7.124e10, "元", "=", "actual", 2026), ("电信业务收入增长", 3.6, "%", "=", "actual", 2026),
        ("5G基站总数", 214300, "个", "=", "actual", 2026)]


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_change_column_with_signed_cells_is_the_rows_change_in_its_periods_year(script):
    # a statistics release: 按年变动（%） beside the quarter's level, its cells signed as written
    grid = SCRIPTS[script]("发布日期：2025-11-20\n主要电讯指标\n"
                           "　　　　　　　　2025年　　　　按年变动\n"
                           "　　　　　　　　第三季　　　　（%）\n"
                           "流动电话用户（万户）　　　　244.6　　　　+3.2\n"
                           "固定电话用户（万户）　　　　11.9　　　　-5.2\n")
    assert [r[:7] for r in full_rows(grid)] == [
        ("流动电话用户", 2446000, "户", "=", "actual", 2025, "244.6"),
        ("流动电话用户按年变动", 3.2, "%", "=", "actual", 2025, "+3.2"),
        ("固定电话用户", 119000, "户", "=", "actual", 2025, "11.9"),
        ("固定电话用户按年变动", -5.2, "%", "=", "actual", 2025, "-5.2")]
    # the periods down the rows: the change column is the change of the column before it
    down = SCRIPTS[script]("年份　每月平均活跃用户人数　按年变幅\n2022年　约95万　—\n2023年　约118万　+24%\n")
    assert [r[:7] for r in full_rows(down)][1:] == [
        ("每月平均活跃用户人数", 1180000, "人", "~", "actual", 2023, "118万" if script == "simplified" else "118萬"),
        ("每月平均活跃用户人数按年变幅", 24, "%", "=", "actual", 2023, "+24%")]


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("corner", ["", "类别"], ids=["empty", "category"])
def test_fiscal_years_across_the_header_over_rows_named_without_a_header_cell(corner, script):
    # a government answer's table: the years three fiscal years, each named by its first year; the
    # rows' column headed by nothing or by 类别 (what the rows measure)
    text = SCRIPTS[script]("（一）过去三个财政年度，两个机构培育计划录取的初创企业数目如下：\n\n"
                           + (corner or "　") + "　　　　　　　2022-23年度　2023-24年度　2024-25年度\n"
                           "科技园公司　　　　178　　　196　　　214\n"
                           "数码港　　　　　　162　　　171　　　189\n\n"
                           "　　从上表可见，录取数目均呈上升趋势。\n")
    assert [r[:6] for r in full_rows(text)] == [
        ("科技园公司", 178, "", "=", "actual", 2022), ("科技园公司", 196, "", "=", "actual", 2023),
        ("科技园公司", 214, "", "=", "actual", 2024), ("数码港", 162, "", "=", "actual", 2022),
        ("数码港", 171, "", "=", "actual", 2023), ("数码港", 189, "", "=", "actual", 2024)]


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("page_break", ["— 4 —\n××省数字经济发展规划\n", "- 4 -\n", "\f××省数字经济发展规划\n",
                                        "第 4 页 共 20 页\n"])
def test_a_page_break_and_wrapped_names_inside_a_single_spaced_table(page_break, script):
    text = SCRIPTS[script]("序号 指标 2020 年 2025 年 属性\n"
                           "1 5G 基站数（万个） 1.5 8 预期性\n"
                           "2 千兆宽带用户数 640 6000 约束性\n"
                           "（万户）\n"
                           + page_break +
                           "3 软件和信息技术服务业\n"
                           "规模（亿元） 500 900 预期性\n"
                           "三、重点任务\n"
                           "（一）加快建设新型基础设施\n")
    assert rows(text) == BASE + [("软件和信息技术服务业规模", 5e10, "元", "actual", 2020, "expected", False),
                                 ("软件和信息技术服务业规模", 9e10, "元", "target", 2025, "expected", False)]


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_single_spaced_row_that_does_not_line_up_gives_no_row_and_leaves_the_next_alone(script):
    text = SCRIPTS[script]("序号 指标名称 单位 2020 年 2022 年 2025 年 属性\n"
                           "1 每万人拥有 5G 基站数 个/万人 10 18 26 预期性\n"
                           "2 千兆宽带用户数 万户 300 1000 约束性\n"  # a value cell missing: which one?
                           "3 IPv6 活跃用户数（亿户） 0.5 0.8 1.2 预期性\n"
                           "4 千兆宽带用户 300 — 1000 约束性\n")  # no unit cell: 用户 is no unit
    assert [(g[0], g[1], g[2], g[4]) for g in rows(text)] == [
        ("每万人拥有5G基站数", 10, "个/万人", 2020), ("每万人拥有5G基站数", 18, "个/万人", 2022),
        ("每万人拥有5G基站数", 26, "个/万人", 2025), ("IPv6活跃用户数", 5e7, "户", 2020),
        ("IPv6活跃用户数", 8e7, "户", 2022), ("IPv6活跃用户数", 1.2e8, "户", 2025),
        ("千兆宽带用户", 300, "户", 2020), ("千兆宽带用户", 1000, "户", 2025)]


# Transposed tables (Hong Kong, Macau, Taiwan releases and answers): the periods down the first
# column, one indicator per other column. Figures invented; written in Traditional, the Simplified
# variant converted character by character.
T2S = opencc.OpenCC("t2s").convert
TRANSPOSED_SCRIPTS = {"traditional": lambda s: s, "simplified": T2S}


def cells(text: str):
    recs = [r for r in extract(text, "answer.txt") if r.rule == "TABLE"]
    assert all(text[r.start:r.end] == r.raw for r in recs)
    return [(r.indicator, r.value, r.unit, r.comparator, r.kind, r.year, r.raw) for r in recs]


USERS = "年份\t登記用戶數目\t佔人口比例\n2023年底\t2 870 000\t約43%\n2024年底\t3 260 000\t約49%\n二○二五年底\t3 710 000\t約55%\n"
USER_ROWS = [("登记用户数目", 2870000, "人", "=", "actual", 2023, "2 870 000"), ("占人口比例", 43, "%", "~", "actual", 2023, "43%"),
             ("登记用户数目", 3260000, "人", "=", "actual", 2024, "3 260 000"), ("占人口比例", 49, "%", "~", "actual", 2024, "49%")]


@pytest.mark.parametrize("script", TRANSPOSED_SCRIPTS)
@pytest.mark.parametrize("sep", ["\t", "  ", "\u3000\u3000", " | "])
def test_a_transposed_table_gives_one_row_per_cell_its_year_from_the_row(script, sep):
    # the page is dated March 2025: the end of 2025 is still ahead, so its row is a projection
    text = SCRIPTS_T(script)("發布日期：2025年3月1日\n\n" + USERS.replace("\t", sep))
    assert cells(text) == USER_ROWS + [("登记用户数目", 3710000, "人", "=", "target", 2025, "3 710 000"),
                                       ("占人口比例", 55, "%", "~", "target", 2025, "55%")]
    # dated after the end of 2025: every row is a statistic
    later = text.replace("2025年3月1日", "2026年1月20日")
    assert [r[4] for r in cells(later)] == ["actual"] * 6


def SCRIPTS_T(script):
    return TRANSPOSED_SCRIPTS[script]


DATA_CENTRES = ("年度　　數據中心樓面面積（萬平方米）　　平均上架率　　耗電量（億度）\n"
                "二○二三年　　78.6　　82%　　58.3\n二○二四年　　86.2　　85%　　64.7\n")


@pytest.mark.parametrize("script", TRANSPOSED_SCRIPTS)
def test_a_transposed_table_takes_each_columns_unit_from_its_header(script):
    got = cells(SCRIPTS_T(script)(DATA_CENTRES))
    assert got == [("数据中心楼面面积", 786000, "平方米", "=", "actual", 2023, "78.6"),
                   ("平均上架率", 82, "%", "=", "actual", 2023, "82%"),
                   ("耗电量", 5.83e9, "度", "=", "actual", 2023, "58.3"),
                   ("数据中心楼面面积", 862000, "平方米", "=", "actual", 2024, "86.2"),
                   ("平均上架率", 85, "%", "=", "actual", 2024, "85%"),
                   ("耗电量", 6.47e9, "度", "=", "actual", 2024, "64.7")]


@pytest.mark.parametrize("script", TRANSPOSED_SCRIPTS)
def test_cells_with_their_own_units_and_comparators(script):
    text = SCRIPTS_T(script)("時間\t公共Wi-Fi熱點\t智慧燈柱\t流動數據用量\n"
                             "2022年\t逾3 800個\t超過400支\t約120萬TB\n2023年\t4 200個以上\t約1 250支\t150萬TB\n")
    assert cells(text) == [("公共Wi-Fi热点", 3800, "个", ">", "actual", 2022, "3 800"),
                           ("智慧灯柱", 400, "支", ">", "actual", 2022, "400"),
                           ("流动数据用量", 1.2e6, "TB", "~", "actual", 2022, "120萬" if script == "traditional" else "120万"),
                           ("公共Wi-Fi热点", 4200, "个", ">=", "actual", 2023, "4 200"),
                           ("智慧灯柱", 1250, "支", "~", "actual", 2023, "1 250"),
                           ("流动数据用量", 1.5e6, "TB", "=", "actual", 2023, "150萬" if script == "traditional" else "150万")]


@pytest.mark.parametrize("script", TRANSPOSED_SCRIPTS)
@pytest.mark.parametrize("aim", ["2025年目標", "2025年（預計）", "目標（2025年）", "目標"])
def test_a_row_labelled_as_the_aim_is_a_target(aim, script):
    # the plan in the title names its last year, which a 目標 row without a year takes
    text = SCRIPTS_T(script)("《智慧城市藍圖2.0（2021-2025年）》\n發布日期：2024年5月2日\n"
                             f"年份\t電子政務服務（項）\t網上辦理比例\n2023年\t1 020\t88%\n{aim}\t1 300\t95%以上\n")
    assert cells(text) == [("电子政务服务", 1020, "项", "=", "actual", 2023, "1 020"),
                           ("网上办理比例", 88, "%", "=", "actual", 2023, "88%"),
                           ("电子政务服务", 1300, "项", "=", "target", 2025, "1 300"),
                           ("网上办理比例", 95, "%", ">=", "target", 2025, "95%")]


@pytest.mark.parametrize("script", TRANSPOSED_SCRIPTS)
def test_a_column_labelled_as_a_projection_is_a_target_of_each_row(script):
    text = SCRIPTS_T(script)("年度\t實際耗電量（億度）\t預計耗電量（億度）\n2024年\t64.7\t66\n")
    assert cells(text) == [("实际耗电量", 6.47e9, "度", "=", "actual", 2024, "64.7"),
                           ("耗电量", 6.6e9, "度", "=", "target", 2024, "66")]


@pytest.mark.parametrize("script", TRANSPOSED_SCRIPTS)
def test_fiscal_years_and_republic_era_years_down_the_rows(script):
    text = SCRIPTS_T(script)("年度\t寬頻用戶（萬戶）\n2023-24年度\t271\n二○二四至二五年度\t276\n")
    assert [(r[0], r[1], r[2], r[5]) for r in cells(text)] == [("宽频用户", 2710000, "户", 2023), ("宽频用户", 2760000, "户", 2024)]
    text = SCRIPTS_T(script)("年\t5G用戶數（萬戶）\t5G用戶占比\n112年\t980\t31%\n113年\t1 250\t39%\n")
    assert [(r[1], r[5]) for r in cells(text)] == [(9800000, 2023), (31, 2023), (12500000, 2024), (39, 2024)]


@pytest.mark.parametrize("script", TRANSPOSED_SCRIPTS)
@pytest.mark.parametrize("label", ["財政年度", "財年", "年度"])
def test_fiscal_years_written_bare_with_a_remark_that_leaves_the_kind_to_the_date(label, script):
    # dated July 2025: 2024-25 ended in March, a statistic even as a revised estimate; 2025-26 is ahead
    text = SCRIPTS_T(script)(f"2025年7月8日\n{label}  電子服務開支（億元）  網上申請宗數\n2023/24  12.5  約410萬宗\n"
                             "2024-25（修訂預算）  13.1  約455萬宗\n2025-26（預算）  14.2  —\n")
    got = cells(text)
    assert [(r[0], r[1], r[2], r[3], r[4], r[5]) for r in got] == [
        ("电子服务开支", 1.25e9, "元", "=", "actual", 2023), ("网上申请宗数", 4.1e6, "宗", "~", "actual", 2023),
        ("电子服务开支", 1.31e9, "元", "=", "actual", 2024), ("网上申请宗数", 4.55e6, "宗", "~", "actual", 2024),
        ("电子服务开支", 1.42e9, "元", "=", "target", 2025)]


@pytest.mark.parametrize("script", TRANSPOSED_SCRIPTS)
def test_month_and_part_year_periods_end_where_they_say(script):
    # dated mid-June 2025: up to May is over, the first half and the year are not
    text = SCRIPTS_T(script)("2025年6月15日\n| 日期 | 電子支付交易（萬筆） |\n|---|---|\n| 2024年12月 | 1 020 |\n"
                             "| 2025年（截至5月） | 5 380 |\n| 2025年上半年 | 6 400 |\n| 2025年 | 13 000 |\n")
    assert [(r[1], r[4], r[5]) for r in cells(text)] == [(1.02e7, "actual", 2024), (5.38e7, "actual", 2025),
                                                         (6.4e7, "target", 2025), (1.3e8, "target", 2025)]


@pytest.mark.parametrize("script", TRANSPOSED_SCRIPTS)
def test_a_note_under_a_transposed_table_is_no_row_and_ends_it(script):
    text = SCRIPTS_T(script)("年份\t登記用戶數目\n2023年底\t2 870 000\n2024年底\t3 260 000\n"
                             "註：2025年數字為3 710 000，屬臨時數字。\n2025年\t9 999\n")
    got = cells(text)
    assert [(r[1], r[5]) for r in got] == [(2870000, 2023), (3260000, 2024)]
    recs = extract(text, "answer.txt")
    assert not any(r.raw.replace(" ", "").startswith(("3710000", "9999")) and r.rule == "TABLE" for r in recs)
    assert not any("註" in r.sentence or "注：" in r.sentence for r in recs)


@pytest.mark.parametrize("script", TRANSPOSED_SCRIPTS)
def test_a_transposed_row_with_a_cell_missing_is_not_read_and_the_next_one_is(script):
    text = SCRIPTS_T(script)("年份  登記用戶數目  佔人口比例\n2023年底  約43%\n2024年底  3 260 000  約49%\n")
    assert [(r[1], r[5]) for r in cells(text)] == [(3260000, 2024), (49, 2024)]


PROSE_LOOKALIKES = {
    # a period label, a wide gap, then a sentence with years and numbers
    "label_then_sentence": "年份  報告顯示，2024年登記用戶達3 260 000，佔人口約49%。\n2025年  預計再增加約45萬。\n",
    # a timeline: periods down the rows, events in the cells
    "timeline": "年份\t事件\n2023年\t推出智方便，登記用戶逾100萬\n2024年\t登記用戶增至326萬\n",
    # a form line, then prose
    "form": "日期  年  月  日\n2024年底登記用戶數目為3 260 000。\n",
    # prose lines that start with a year
    "prose_years": "2023年底，登記用戶數目為2 870 000，約佔人口43%。\n2024年底  增至3 260 000，約佔人口49%。\n",
    # a header under which no line starts with a period
    "no_period_rows": "年份\t登記用戶數目\n本表數字由政府資訊科技總監辦公室提供\t3 260 000\n",
    # years across the header: the usual layout, whose first cell happens to say 年份
    "years_across": "年份\t2023年\t2024年\n5G用戶數（萬戶）\t287\t326\n",
}


@pytest.mark.parametrize("script", TRANSPOSED_SCRIPTS)
@pytest.mark.parametrize("name", PROSE_LOOKALIKES)
def test_prose_and_other_tables_are_never_read_as_transposed_tables(name, script):
    from plan_extract import transposed
    from plan_extract.view import search_view
    text = SCRIPTS_T(script)(PROSE_LOOKALIKES[name])
    assert transposed.find_values(text, search_view(text)) == ([], [])
    if name == "years_across":  # still read as the usual layout
        assert [(r[0], r[1], r[5]) for r in cells(text)] == [("5G用户数", 2870000, 2023), ("5G用户数", 3260000, 2024)]
    elif name != "timeline":  # the figures in prose lines are left to the prose rules
        assert cells(text) == []


@pytest.mark.parametrize("script", TRANSPOSED_SCRIPTS)
def test_a_transposed_html_table(script):
    html = SCRIPTS_T(script)("<html><body><p>發布日期：2025年6月30日</p><table><tr><th>年份</th><th>5G基站數目（個）</th>"
                             "<th>覆蓋率</th></tr><tr><td>2024年</td><td>8 600</td><td>95%</td></tr>"
                             "<tr><td>2025年</td><td>9 800</td><td>超過98%</td></tr></table></body></html>")
    got = rows("", "answer.html", html.encode())
    assert [(g[0], g[1], g[2], g[3], g[4]) for g in got] == [
        ("5G基站数目", 8600, "个", "actual", 2024), ("覆盖率", 95, "%", "actual", 2024),
        ("5G基站数目", 9800, "个", "target", 2025), ("覆盖率", 98, "%", "target", 2025)]


@pytest.mark.parametrize("script", TRANSPOSED_SCRIPTS)
def test_a_unit_in_the_title_of_a_transposed_table_applies_to_cells_without_their_own(script):
    text = SCRIPTS_T(script)("表3 流動通訊服務（單位：萬戶）\n年份\t流動寬頻用戶\t5G用戶（千戶）\t普及率\n"
                             "2023年\t1 850\t5 200\t246%\n2024年\t1 910\t6 450個\t251%\n")
    assert [(r[0], r[1], r[2]) for r in cells(text)] == [
        ("流动宽频用户", 1.85e7, "户"), ("5G用户", 5.2e6, "户"), ("普及率", 246, "%"),
        ("流动宽频用户", 1.91e7, "户"), ("5G用户", 6.45e6, "户"), ("普及率", 251, "%")]


@pytest.mark.parametrize("script", TRANSPOSED_SCRIPTS)
def test_a_transposed_table_right_under_a_usual_one_claims_its_lines(script):
    # without a blank line between them the usual reader would take 2023年 for an indicator
    text = SCRIPTS_T(script)("指標\t2020年\t2025年\n5G基站數（萬個）\t1.5\t8\n年份\t登記用戶數\t佔比\n2023年\t287\t43%\n2024年\t326\t49%\n")
    assert [(r[0], r[1], r[4], r[5]) for r in cells(text)] == [
        ("5G基站数", 15000, "actual", 2020), ("5G基站数", 80000, "target", 2025),
        ("登记用户数", 287, "actual", 2023), ("占比", 43, "actual", 2023),
        ("登记用户数", 326, "actual", 2024), ("占比", 49, "actual", 2024)]


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_transposed_tables_columns_are_of_what_its_title_names(script):
    text = SCRIPTS[script]("表一：本港数据中心主要数字（2022至2024年）\n"
                           "年份　数据中心数目（个）　总楼面面积（万平方米）\n"
                           "2022　58　78\n2023　63　86\n")
    assert [r[:2] + r[5:6] for r in full_rows(text)] == [
        ("数据中心数目", 58, 2022), ("数据中心总楼面面积", 780000, 2022),
        ("数据中心数目", 63, 2023), ("数据中心总楼面面积", 860000, 2023)]


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_transposed_tables_columns_are_of_the_programme_that_opens_its_introduction(script):
    text = ("（一）「智方便」自2020年12月推出以来，登记用户人数持续上升。过去三年年底的登记用户人数及按年增幅载列如下：\n\n"
            "年份　　　登记用户人数　　　按年增幅\n"
            "2023年　　约258万人　　　　　20%\n"
            "2024年　　约310万人　　　　　20%\n")
    assert [r[0] for r in full_rows(SCRIPTS[script](text))][:2] == ["智方便登记用户人数", "智方便登记用户人数按年增幅"]
    # an introduction that names no programme leaves the columns' names as they are
    plain = text.replace("「智方便」自2020年12月推出以来", "平台自2020年12月推出以来")
    assert [r[0] for r in full_rows(SCRIPTS[script](plain))][:2] == ["登记用户人数", "登记用户人数按年增幅"]


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_transposed_tables_columns_are_of_the_programme_its_introduction_says_was_launched(script):
    text = SCRIPTS[script]("（一）数字政策办公室（数字办）自二○二一年起推行「长者数码外展计划」，为长者提供数码培训。"
                           "过去三个财政年度计划的拨款及受惠长者人数表列如下：\n\n"
                           "年度　拨款（万港元）　受惠长者人数\n"
                           "2022-23　1,980　24,600\n"
                           "2023-24　2,150　28,900\n")
    assert [r[0] for r in full_rows(text)][:2] == ["长者数码外展计划拨款", "长者数码外展计划受惠长者人数"]


CROSS = ("表一：2025年按行业统计之企业资讯科技使用比例\n单位：%\n"
         "行业\t使用电脑\t使用互联网\t拥有网页或\n社交媒体专页\n"
         "总体\t89.3\t88.1\t64.7\n制造业\t86.5\t85.9\t52.4\n")
CROSS_PLACES = ("表2 2025年各县（市、区）信息通信主要指标\n"
                "县（市、区）\t5G基站（个）\t千兆宽带用户（万户）\n"
                "越城区\t3120\t18.6\n柯桥区\t2860\t15.2\n")


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_categories_down_the_rows_and_indicators_across_give_category_and_column_names(script):
    text = CROSS if script == "simplified" else opencc.OpenCC("s2t").convert(CROSS)
    got = [(r.indicator, r.value, r.unit, r.kind, r.year) for r in extract(text, "survey.txt") if r.rule == "TABLE"]
    assert got == [("使用电脑", 89.3, "%", "actual", 2025), ("使用互联网", 88.1, "%", "actual", 2025),
                   ("拥有网页或社交媒体专页", 64.7, "%", "actual", 2025),
                   ("制造业使用电脑", 86.5, "%", "actual", 2025), ("制造业使用互联网", 85.9, "%", "actual", 2025),
                   ("制造业拥有网页或社交媒体专页", 52.4, "%", "actual", 2025)]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_places_down_the_rows_become_the_rows_regions(script):
    text = CROSS_PLACES if script == "simplified" else opencc.OpenCC("s2t").convert(CROSS_PLACES)
    doc = decode(text.encode("utf-8"), "bulletin.txt")
    recs = [r for r in extract(doc.text, "bulletin.txt") if r.rule == "TABLE"]
    assert all(doc.text[r.start:r.end] == r.raw for r in recs)
    assert [(r.region, r.indicator, r.value, r.unit, r.year) for r in recs] == [
        ("越城区", "5G基站", 3120, "个", 2025), ("越城区", "千兆宽带用户", 186000, "户", 2025),
        ("柯桥区", "5G基站", 2860, "个", 2025), ("柯桥区", "千兆宽带用户", 152000, "户", 2025)]


@pytest.mark.parametrize("script", TRANSPOSED_SCRIPTS)
def test_a_transposed_header_whose_cells_hold_line_breaks_reads_each_unit_with_its_column(script):
    # a LegCo reply's table: 總電力容量⏎（兆瓦）<tab>總樓面面積⏎（萬平方米）, the units on the lines below
    text = SCRIPTS_T(script)("發布日期：2025年11月19日\n\n年份\t數據中心數目\t總電力容量\n（兆瓦）\t總樓面面積\n（萬平方米）\n"
                             "2023\t54\t890\t96.4\n2024\t58\t1,030\t108.7\n")
    assert cells(text) == [("数据中心数目", 54, "", "=", "actual", 2023, "54"), ("总电力容量", 890, "兆瓦", "=", "actual", 2023, "890"),
                           ("总楼面面积", 964000, "平方米", "=", "actual", 2023, "96.4"),
                           ("数据中心数目", 58, "", "=", "actual", 2024, "58"), ("总电力容量", 1030, "兆瓦", "=", "actual", 2024, "1,030"),
                           ("总楼面面积", 1087000, "平方米", "=", "actual", 2024, "108.7")]


BULLETIN = ("表9　2025年年末主要通信用户情况\n指标\t单位\t年末数\t比上年末\n增长（%）\n"
            "移动电话用户\t万户\t692.8\t2.6\n　其中：5G移动电话用户\t万户\t418.6\t17.5\n")
ROW_UNITS = ("附表：智慧交通主要指标（截至2025年9月底）\n指标　　数值　　按年变动\n"
             "即时到站电子站牌（个）　　418　　+63\n公共充电泊车位（个）　　2,940　　+21.5%\n")


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_bulletins_table_of_indicators_with_a_unit_column_and_a_wrapped_header(script):
    text = BULLETIN if script == "simplified" else opencc.OpenCC("s2t").convert(BULLETIN)
    got = [(r.indicator, r.value, r.unit, r.year) for r in extract(text, "bulletin.txt") if r.rule == "TABLE"]
    assert got == [("移动电话用户", 6928000, "户", 2025), ("移动电话用户增长", 2.6, "%", 2025),
                   ("5G移动电话用户", 4186000, "户", 2025), ("5G移动电话用户增长", 17.5, "%", 2025)]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_units_in_the_row_labels_of_a_table_of_indicators(script):
    text = ROW_UNITS if script == "simplified" else opencc.OpenCC("s2t").convert(ROW_UNITS)
    got = [(r.indicator, r.value, r.unit) for r in extract(text, "release.txt") if r.rule == "TABLE"]
    assert got == [("即时到站电子站牌", 418, "个"), ("即时到站电子站牌按年变动", 63, "个"),
                   ("公共充电泊车位", 2940, "个"), ("公共充电泊车位按年变动", 21.5, "%")]


@pytest.mark.parametrize("script", ["traditional", "simplified"])
def test_a_table_of_funding_schemes_by_measures_in_a_hong_kong_reply(script):
    # the schemes down the first column (資助計劃), the year in the line above (截至…), not a numbered title;
    # the table's 元 is the document's dollar, as its text's is
    text = ("香港特別行政區政府新聞公報\n創新及科技基金撥款約12億元。主要資助計劃的累計資助情況（截至2025年9月30日）表列如下：\n"
            "資助計劃\t獲批項目數目\t資助額（億元）\n企業支援計劃\t1 146\t37.8\n研究人才庫\t15 930\t64.2\n")
    got = {r.raw: r for r in extract(in_script(text, script), "hk.txt")}
    assert got["12億元" if script == "traditional" else "12亿元"].unit == "港元"
    assert (got["37.8"].indicator, got["37.8"].value, got["37.8"].unit, got["37.8"].year) == \
        ("企业支援计划资助额", 3.78e9, "港元", 2025)
    assert (got["15 930"].indicator, got["15 930"].value) == ("研究人才库获批项目数目", 15930)


@pytest.mark.parametrize("script", ["traditional", "simplified"])
def test_a_header_of_bare_years_or_fiscal_years_under_a_corner_that_names_them(script):
    # 年份 | 2022 | … | 2025（截至11月底）: years without 年, the last one so far; 財政年度 | 2021-22: fiscal years
    text = ("香港特別行政區政府新聞公報\n2025年12月10日\n表二：5G基站數目\n年份\t2022\t2023\t2025（截至11月底）\n"
            "5G基站數目（個）\t41,200\t52,800\t68,300\n\n表一：培育計劃\n財政年度\t2022-23\t2023-24\t2024-25\n"
            "獲錄取的初創企業（家）\t178\t195\t211\n")
    got = [(name, value, unit, kind, year) for name, value, unit, kind, year, *_ in rows(in_script(text, script), "hk.txt")]
    assert got == [("5G基站数目", 41200, "个", "actual", 2022), ("5G基站数目", 52800, "个", "actual", 2023),
                   ("5G基站数目", 68300, "个", "actual", 2025), ("获录取的初创企业", 178, "家", "actual", 2022),
                   ("获录取的初创企业", 195, "家", "actual", 2023), ("获录取的初创企业", 211, "家", "actual", 2024)]


@pytest.mark.parametrize("script", ["traditional", "simplified"])
def test_a_table_of_quarters_down_the_rows_takes_the_year_from_the_row_above_or_the_title(script):
    text = ("澳門經濟及科技發展局\n2026-02-12\n2025年電子支付交易情況\n季度\t交易筆數（億筆）\t按年變動\n"
            "第一季\t1.20\t+12.1%\n第二季\t1.23\t+11.8%\n\n智算中心的使用情況\n季度\t使用機構數目（個）\n"
            "2024年第四季\t33\n2025年第一季\t41\n第二季\t58\n")
    got = [(name, value, unit, year) for name, value, unit, kind, year, *_ in rows(in_script(text, script), "mo.txt")]
    assert got == [("交易笔数", 1.2e8, "笔", 2025), ("交易笔数按年变动", 12.1, "%", 2025),
                   ("交易笔数", 1.23e8, "笔", 2025), ("交易笔数按年变动", 11.8, "%", 2025),
                   ("使用机构数目", 33, "个", 2024), ("使用机构数目", 41, "个", 2025), ("使用机构数目", 58, "个", 2025)]


@pytest.mark.parametrize("script", ["traditional", "simplified"])
def test_a_tab_separated_header_spaced_out_within_its_cell_and_a_bare_change_column(script):
    # 指　　标 (full-width spaces inside the cell of a tab-separated line) is one cell; 變動（%） the change
    text = ("淄博市2025年国民经济和社会发展统计公报\n表10　2025年全市通信业主要指标\n\n指\u3000\u3000标\t单位\t绝对数\t比上年增长（%）\n"
            "移动电话用户\t万户\t583.4\t1.6\n\u3000其中：5G移动电话用户\t万户\t371.5\t14.1\n\n"
            "表一：资讯及通讯业主要统计指标\n\t2023年\t2024年\t变动（%）\n场所数目（间）\t1 139\t1 186\t4.1\n")
    text = to_simplified(text) if script == "simplified" else opencc.OpenCC("s2t").convert(text)
    got = [(name, value, unit, year) for name, value, unit, kind, year, *_ in rows(text, "b.txt")]
    assert got == [("移动电话用户", 5834000, "户", 2025), ("移动电话用户增长", 1.6, "%", 2025),
                   ("5G移动电话用户", 3715000, "户", 2025), ("5G移动电话用户增长", 14.1, "%", 2025),
                   ("场所数目", 1139, "间", 2023), ("场所数目", 1186, "间", 2024), ("场所数目变动", 4.1, "%", 2024)]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_years_beside_a_column_labelled_as_the_base_are_goals(script):
    # (2025年（现状） | 2026年 | 2027年 | 2028年: one base year, then the plan's yearly goals, not a series)
    text = in_script("發佈日期：2026-03-18\n分年度主要目標\n指標\t2025年（現狀）\t2026年\t2027年\t2028年\n"
                     "算力總規模（EFLOPS）\t2.8\t4\t6\t8\n智能算力佔比（%）\t45\t55\t65\t75\n", script)
    got = [(r[1], r[3], r[4]) for r in rows(text)]
    assert got[:4] == [(2.8, "actual", 2025), (4, "target", 2026), (6, "target", 2027), (8, "target", 2028)]
    assert got[4:] == [(45, "actual", 2025), (55, "target", 2026), (65, "target", 2027), (75, "target", 2028)]


def test_a_series_of_past_years_stays_what_was_achieved():
    text = "发布日期：2026-03-18\n指标\t2022年\t2023年\t2024年\t2025年\n5G基站（万个）\t1.1\t1.4\t1.6\t1.9\n"
    assert {r[3] for r in rows(text)} == {"actual"}


@pytest.mark.parametrize("script", TRANSPOSED_SCRIPTS)
def test_years_down_a_year_column_under_a_title_naming_the_measure(script):
    # (表1 資訊服務業營業額 | 年別 | 營業額（億元） | 年增率（%）: Republic years down the rows, the title's
    # subject for every column, the rate the level's before it)
    text = SCRIPTS_T(script)("發布日期：115-02-24\n表1　資訊服務業營業額\n年別\t營業額（億元）\t年增率（%）\n"
                             "110年\t5,420\t9.2\n114年\t8,126\t12.4\n資料來源：經濟部統計處。\n")
    assert [(r[0], r[1], r[5]) for r in cells(text)] == [
        ("资讯服务业营业额", 5.42e11, 2021), ("资讯服务业营业额年增率", 9.2, 2021),
        ("资讯服务业营业额", 8.126e11, 2025), ("资讯服务业营业额年增率", 12.4, 2025)]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_quarters_across_the_header_take_their_years(script):
    text = in_script("發布日期：2026/09/10\n通訊統計主要數字\n指標\t2025年第2季\t2026年第1季\t2026年第2季\t按年變動（%）\n"
                     "流動電話用戶（萬戶）\t213.6\t217.4\t218.7\t2.4\n", script)
    assert [(r[1], r[3], r[4]) for r in rows(text)][:3] == [(2136000, "actual", 2025), (2174000, "actual", 2026),
                                                             (2187000, "actual", 2026)]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("intro", ["數碼港培育計劃於2005年推出，過去三個財政年度的申請及獲批數目如下：",
                                   "過去三個財政年度，數碼港培育計劃資助的初創企業數目及申請數目表列如下："])
def test_the_programme_the_line_introducing_a_table_names_is_what_it_counts(script, intro):
    text = in_script("發布日期：2026-02-11\n　　" + intro + "\n\n財政年度\t申請數目\t獲批數目\n"
                     "2022-23\t1 024\t132\n2023-24\t1 186\t148\n", script)
    names = {r[0] for r in rows(text)}
    assert names == {"数码港培育计划申请数目", "数码港培育计划获批数目"}, names


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_month_ends_across_the_header_take_their_years(script):
    # a release's table set out with ideographic spaces, comparing a month's end with the year before's
    text = in_script("發佈日期：18/11/2025\n主要電訊統計指標\n"
                     "　　　　　　　　　　2024年9月　　2025年9月　　按年變動(%)\n"
                     "流動電話用戶（萬戶）　　　　226.6　　　233.8　　　3.2\n"
                     "互聯網用戶（萬戶）　　　　　19.2　　　　19.6　　　 2.1\n", script)
    assert [(r[1], r[3], r[4]) for r in rows(text)][:2] == [(2266000, "actual", 2024), (2338000, "actual", 2025)]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_line_of_a_quarter_and_its_figure_is_no_header_and_the_prose_after_it_is_read(script):
    text = in_script("5G用戶數目（萬戶）\n2024年第三季　121.9\n　　　　　第四季　128.4\n\n"
                     "　　2024年，有使用電腦的企業佔96.8%，有使用互聯網的佔95.9%。\n", script)
    assert {"96.8%", "95.9%"} <= {r.raw for r in extract(text, "release.txt")}


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("layout", ["bulletin", "years"])
def test_a_part_row_named_by_its_class_alone_is_that_class_of_the_row_above(script, layout):
    # 其中：1000Mbps及以上 under 互联网宽带接入用户: the users of that class, not a row named 1000Mbps及以上;
    # a part with a name of its own (其中：5G移动电话用户) keeps it
    text = {
        "bulletin": "表2　2025年邮电通信主要指标\n指标\t单位\t绝对数\t比上年增长（%）\n"
                    "互联网宽带接入用户\t万户\t196.3\t6.2\n　其中：1000Mbps及以上\t万户\t58.9\t42.5\n"
                    "移动电话用户\t万户\t512.4\t1.8\n　其中：5G移动电话用户\t万户\t321.6\t15.2\n",
        "years": "表1　主要指标\n指标\t2024年\t2025年\n互联网宽带接入用户（万户）\t185.2\t196.3\n"
                 "　其中：1000Mbps及以上（万户）\t41.3\t58.9\n移动电话用户（万户）\t503.3\t512.4\n",
    }[layout]
    got = {(name, value) for name, value, *_ in rows(text if script == "simplified" else S2T(text))}
    assert ("1000Mbps及以上互联网宽带接入用户", 589000) in got
    assert not any(name == "1000Mbps及以上" for name, _ in got)
    if layout == "bulletin":
        assert ("5G移动电话用户", 3216000) in got
