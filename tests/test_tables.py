"""Indicator tables in text and HTML: one row per value cell, exact spans, no row for — / empty."""

from __future__ import annotations

import opencc
import pytest

from plan_extract import extract, spaced, tables
from plan_extract.load import decode


def rows(text: str, name: str = "plan.txt"):
    doc = decode(text.encode("utf-8"), name)
    recs = [r for r in extract(doc.text, name) if r.rule == "TABLE"]
    assert all(doc.text[r.start:r.end] == r.raw for r in recs)
    return [(r.indicator, r.value, r.unit, r.comparator, r.kind, r.year, r.raw, r.attribute, r.cumulative)
            for r in recs]


NATIONAL = """表1 "十四五"数字经济发展主要指标
指标                                   | 2020年 | 2025年 | 属性
数字经济核心产业增加值占GDP比重（%）      | 7.8    | 10     | 预期性
IPv6活跃用户数（亿户）                    | 4.6    | 8      | 预期性
千兆宽带用户数（万户）                    | 640    | 6000   | 预期性
软件和信息技术服务业规模（万亿元）         | 8.16   | 14     | 预期性
"""
NATIONAL_ROWS = [
    ("数字经济核心产业增加值占GDP比重", 7.8, "%", "=", "actual", 2020, "7.8", "expected", False),
    ("数字经济核心产业增加值占GDP比重", 10, "%", "=", "target", 2025, "10", "expected", False),
    ("IPv6活跃用户数", 460000000, "户", "=", "actual", 2020, "4.6", "expected", False),
    ("IPv6活跃用户数", 800000000, "户", "=", "target", 2025, "8", "expected", False),
    ("千兆宽带用户数", 6400000, "户", "=", "actual", 2020, "640", "expected", False),
    ("千兆宽带用户数", 60000000, "户", "=", "target", 2025, "6000", "expected", False),
    ("软件和信息技术服务业规模", 8.16e12, "元", "=", "actual", 2020, "8.16", "expected", False),
    ("软件和信息技术服务业规模", 14e12, "元", "=", "target", 2025, "14", "expected", False),
]


def test_pipe_table_of_the_national_plan():
    assert rows(NATIONAL) == NATIONAL_ROWS


@pytest.mark.parametrize("sep", ["\t", "  ", " | ", "\u3000"])
def test_any_cell_separator_reads_the_same(sep):
    text = "\n".join(sep.join(c.strip() for c in line.split("|")) for line in NATIONAL.splitlines()) + "\n"
    assert rows(text) == NATIONAL_ROWS


def test_traditional_table_gives_simplified_indicators():
    text = ("指標\t2020年\t2025年\t屬性\n"
            "數字經濟核心產業增加值（億元）\t4000\t8000\t預期性\n"
            "5G基站數（萬個）\t1.5\t8\t約束性\n")
    assert rows(text) == [
        ("数字经济核心产业增加值", 4e11, "元", "=", "actual", 2020, "4000", "expected", False),
        ("数字经济核心产业增加值", 8e11, "元", "=", "target", 2025, "8000", "expected", False),
        ("5G基站数", 15000, "个", "=", "actual", 2020, "1.5", "binding", False),
        ("5G基站数", 80000, "个", "=", "target", 2025, "8", "binding", False),
    ]


def test_cells_as_they_occur():
    text = ("序号\t指标名称\t单位\t基期（2020年）\t2025年目标\t2035年\t指标属性\n"
            "1\t5G用户普及率*\t%\t30\t>60\t≥95\t预期性\n"
            "2\t城市千兆光网覆盖率\t%\t—\t＞50\t/\t约束性\n"
            "3\t数据中心机架数①\t万架\t\t60以上\t\t预期性\n"
            "4\t累计新增工业互联网平台\t个\t/\t[10]\t\t预期性\n")
    assert rows(text) == [
        ("5G用户普及率", 30, "%", "=", "actual", 2020, "30", "expected", False),
        ("5G用户普及率", 60, "%", ">", "target", 2025, "60", "expected", False),
        ("5G用户普及率", 95, "%", ">=", "target", 2035, "95", "expected", False),
        ("城市千兆光网覆盖率", 50, "%", ">", "target", 2025, "50", "binding", False),
        ("数据中心机架数", 600000, "架", ">=", "target", 2025, "60", "expected", False),
        ("累计新增工业互联网平台", 10, "个", "=", "target", 2025, "10", "expected", True),
    ]


def test_growth_column_is_a_percentage_target_and_base_target_labels_take_the_plan_period():
    text = ("湖北省数字经济发展“十四五”规划主要指标\n"
            "指标\t基期值\t目标值\t年均增速\t属性\n"
            "数字经济增加值（万亿元）\t2.0\t3.5\t12%\t预期性\n")
    assert rows(text) == [
        ("数字经济增加值", 2e12, "元", "=", "actual", 2020, "2.0", "expected", False),
        ("数字经济增加值", 3.5e12, "元", "=", "target", 2025, "3.5", "expected", False),
        ("数字经济增加值年均增速", 12, "%", "=", "target", 2025, "12%", "expected", False),
    ]


def test_row_numbers_header_years_and_prose_around_are_not_table_values():
    text = ("到2025年，全省5G基站数量达到8万个。\n"
            "序号  指标  2020年  2025年\n"
            "1  5G基站数（万个）  1.5  8\n"
            "2  数据中心数（个）  12  20\n"
            "\n"
            "截至2020年底，共有企业300家。\n")
    recs = extract(decode(text.encode(), "p.txt").text)
    assert [(r.rule == "TABLE", r.value) for r in recs] == [
        (False, 80000), (True, 15000), (True, 80000), (True, 12), (True, 20), (False, 300)]


def test_a_line_with_years_but_no_table_below_is_prose():
    text = "2020年  2025年\n到2025年，全省5G基站数量达到8万个。\n"
    assert rows(text) == []
    assert [r.value for r in extract(text)] == [80000]


def test_html_table_with_paragraphs_inside_cells():
    page = ("<html><head><title>數位福建規劃</title></head><body><p>主要指標</p><table>"
            "<tr><th><p>序號</p></th><th>指標</th><th>2020年</th><th>2025年</th><th>屬性</th></tr>"
            "<tr><td>1</td><td><p>5G基站數</p><p>（萬個）</p></td><td>5.2</td><td>15</td><td>預期性</td></tr>"
            "<tr>\n\t<td>2</td>\n\t<td>軟件業務收入（億元）</td><td>—</td><td>3000以上</td><td>約束性</td></tr>"
            "</table></body></html>")
    assert rows(page, "page.html") == [
        ("5G基站数", 52000, "个", "=", "actual", 2020, "5.2", "expected", False),
        ("5G基站数", 150000, "个", "=", "target", 2025, "15", "expected", False),
        ("软件业务收入", 3e11, "元", ">=", "target", 2025, "3000", "binding", False),
    ]


def test_a_table_inside_hard_wrapped_prose_keeps_its_rows():
    body = ("到2025年，全省数字经济核心产业增加值占地区生产总值比重达到\n10%，千兆宽带用户数达到500万户，工业互联网平台应用普及率达\n"
            "到45%以上，培育数字经济领军企业超过100家，建成省级工业互联\n网平台30个以上，数字化转型服务商不少于200家，电子商务交易额\n"
            "达到1.5万亿元，全省5G基站数量达到8万个，数据中心标准机架数\n达到12万架。\n")
    table = "指標\t2020年\t2025年\t屬性\n5G基站數（萬個）\t1.5\t8\t約束性\n數據中心數（個）\t12\t20\t預期性\n"
    text = body + table
    recs = extract(text)
    assert all(text[r.start:r.end] == r.raw for r in recs)
    assert [(r.indicator, r.value, r.kind, r.year) for r in recs if r.rule == "TABLE"] == [
        ("5G基站数", 15000, "actual", 2020), ("5G基站数", 80000, "target", 2025),
        ("数据中心数", 12, "actual", 2020), ("数据中心数", 20, "target", 2025)]
    assert ("工业互联网平台应用普及率", 45) in [(r.indicator, r.value) for r in recs]  # prose still unwrapped


def test_wrapped_indicator_names_in_a_text_table():
    text = ("指標      2020年    2025年    屬性\n"
            "軟件和信息技術服務業\n"
            "規模（萬億元）      8.16      14        預期性\n"
            "千兆寬帶用戶數      640       6000      預期性\n"
            "（萬戶）\n"
            "工業互聯網平台應用普及率（%）    14.7    45    預期性\n")
    assert [r[:3] for r in rows(text)] == [
        ("软件和信息技术服务业规模", 8.16e12, "元"), ("软件和信息技术服务业规模", 14e12, "元"),
        ("千兆宽带用户数", 6400000, "户"), ("千兆宽带用户数", 60000000, "户"),
        ("工业互联网平台应用普及率", 14.7, "%"), ("工业互联网平台应用普及率", 45, "%")]


def test_period_labels_in_parentheses_and_a_growth_column_named_by_its_period():
    text = ("表2 數字經濟主要指標\n"
            "指標\t2020年（基期）\t2025年（目標）\t2021-2025年年均增速\t屬性\n"
            "數字經濟增加值（億元）\t1200\t2000\t≥10.8%\t預期性\n")
    assert rows(text) == [
        ("数字经济增加值", 1.2e11, "元", "=", "actual", 2020, "1200", "expected", False),
        ("数字经济增加值", 2e11, "元", "=", "target", 2025, "2000", "expected", False),
        ("数字经济增加值年均增速", 10.8, "%", ">=", "target", 2025, "10.8%", "expected", False),
    ]


def test_parentheses_that_are_not_a_unit_stay_in_the_name():
    text = ("指标\t2020年\t2025年\n"
            "新增上云企业（累计）（万家）\t1.2\t5\n"
            "每万人拥有5G基站数（个/万人）\t10\t26\n"
            "工业互联网标识解析节点（累计）\t3\t8\n")
    assert [r[:3] for r in rows(text)] == [
        ("新增上云企业(累计)", 12000, "家"), ("新增上云企业(累计)", 50000, "家"),  # width folded, as in prose
        ("每万人拥有5G基站数", 10, "个/万人"), ("每万人拥有5G基站数", 26, "个/万人"),
        ("工业互联网标识解析节点(累计)", 3, ""), ("工业互联网标识解析节点(累计)", 8, "")]


@pytest.mark.parametrize("second", ["\t基期值\t目标值\t", "\t（基期）\t（目標）\t"])
def test_a_second_header_line_names_the_kinds(second):
    text = ("指标\t2019年\t2022年\t属性\n" + second + "\n"
            "5G基站数（万个）\t1.5\t8\t约束性\n")
    assert [r[:6] for r in rows(text)] == [("5G基站数", 15000, "个", "=", "actual", 2019),
                                           ("5G基站数", 80000, "个", "=", "target", 2022)]


def test_a_second_header_line_overrides_the_column_order_guess():
    text = ("指标\t2021年\t2025年\t属性\n"
            "\t（目標）\t（目標）\t\n"
            "5G基站数（万个）\t3\t8\t约束性\n")
    assert [r[4:6] for r in rows(text)] == [("target", 2021), ("target", 2025)]


def test_republic_era_years_and_a_target_column_beside_achieved_years():
    # a Taiwan performance table: 111-114年 achieved, 114年目標值 the target, 達成情形 a remark
    text = ("數位發展部　發布日期：115-03-20\n"
            "績效指標\t單位\t112年\t114年\t114年目標值\t達成情形\n"
            "數位學習平臺註冊人數\t萬人\t301\t428\t400\t超前\n")
    assert [r[:6] for r in rows(text)] == [
        ("数位学习平台注册人数", 3010000, "人", "=", "actual", 2023),
        ("数位学习平台注册人数", 4280000, "人", "=", "actual", 2025),
        ("数位学习平台注册人数", 4000000, "人", "=", "target", 2025),
    ]


S2T = opencc.OpenCC("s2t").convert
# Prose as PDF text extractors give it (spaces around numbers), with header words, years and several
# numbers on a line: none of it is a table whose cells single spaces separate.
SPACED_PROSE = [
    "指标 2020 年 2025 年\n到 2025 年，全省 5G 基站数量达到 8 万个，比 2020 年增加 6 万个。\n"
    "数据中心机架数 2020 年 3 万架 2025 年 12\n",
    "主要指标 2020 年完成情况 2025 年目标\n数字经济规模 1386 2500\n",  # header words and others: no header
    "项目 2023 年 目标 投资额 12 30\n全省重点项目 120 个 2025 年 目标 300 个\n",
    "“十四五”时期主要指标 2020 年基数 4260 个，2025 年 15000 个\n5G 基站 4260 15000\n",
    "指标名称 2020 年 2025 年 属性\n软件业务收入年均增长 12% 以上，5G 用户 1200 2000\n",  # clause punctuation
    "指标名称 2020 年 2025 年 属性\n全省数字经济核心产业增加值占地区生产总值比重由 2020 年的 7.8 提高到 10\n",
]


@pytest.mark.parametrize("text", SPACED_PROSE + [S2T(t) for t in SPACED_PROSE])
def test_prose_with_years_and_numbers_between_single_spaces_stays_prose(text, monkeypatch):
    got = extract(text)
    assert not [r for r in got if r.rule == "TABLE"]
    monkeypatch.setattr(tables, "find_values", lambda *a, **k: ([], []))  # without the table stage: the same rows
    monkeypatch.setattr(tables, "may_hold_table", lambda *a: False)
    assert extract(text) == got


def test_a_single_spaced_table_in_hard_wrapped_pdf_text_keeps_its_rows_and_the_prose_its_own():
    body = ("到 2025 年，全省数字经济核心产业增加值占地区生产总值比重达到 10%，千兆宽带用户数达到\n"
            "500 万户，工业互联网平台应用普及率达到 45%以上，培育数字经济领军企业超过 100 家，建成\n"
            "省级工业互联网平台 30 个以上，数字化转型服务商不少于 200 家，全省 5G 基站数量达到 8\n"
            "万个，数据中心标准机架数达到 12 万架。主要指标见下表。\n")
    table = "表 1 主要指标\n指标 2020 年 2025 年 属性\n5G 基站数（万个） 1.5 8 约束性\n数据中心数（个） 12 20 预期性\n"
    text = body + table
    recs = extract(text)
    assert all(text[r.start:r.end] == r.raw for r in recs)
    assert [(r.indicator, r.value, r.kind, r.year, r.attribute) for r in recs if r.rule == "TABLE"] == [
        ("5G基站数", 15000, "actual", 2020, "binding"), ("5G基站数", 80000, "target", 2025, "binding"),
        ("数据中心数", 12, "actual", 2020, "expected"), ("数据中心数", 20, "target", 2025, "expected")]
    assert {("千兆宽带用户数", 5000000), ("5G基站", 80000)} <= {(r.indicator, r.value) for r in recs}


def test_cells_inside_a_single_spaced_line_are_joined_where_a_space_stands_inside_one():
    line = "规模 （亿元） （2020 年） 2025 年目标 > 90 90 以上 [ 10 ] 5.5 % 60 预期性"
    assert [line[a:b] for a, b in spaced.tokens(line, 0, len(line))] == [
        "规模 （亿元）", "（2020 年）", "2025 年目标", "> 90", "90 以上", "[ 10 ]", "5.5 %", "60", "预期性"]


def test_running_header_lines_are_counted_once_per_text():
    # a line repeated whole elsewhere is page furniture; the count is kept per text, so a long text
    # is not searched again for every table line (that made long PDF texts quadratic)
    import re

    from plan_extract import spaced
    from plan_extract.view import search_view

    text = search_view("某市数字经济发展规划（2026—2028年）\n正文一行\n— 2 —\n  某市数字经济发展规划（2026—2028年）\t\n"
                       "数字经济规模（亿元） 1386 2500 预期性\n")
    for m in re.finditer(r"[^\n]+", text):
        line = m.group().strip()
        old = len(line) >= 6 and len(re.findall(rf"^[ \t\f\u3000]*{re.escape(line)}[ \t\r\u3000]*$", text, re.M)) >= 2
        assert spaced.is_page_furniture(text, *m.span()) == (old or bool(spaced._PAGE_NUMBER.match(text, *m.span())))
    assert spaced.is_page_furniture(text, 0, text.index("\n"))


@pytest.mark.parametrize("published, kind", [("2026-01-16", "actual"), ("2024-03-02", "target")])
def test_a_lone_year_column_before_the_pages_date_holds_what_was_achieved(published, kind):
    text = (f"发布时间：{published}\n　　全省信息通信业平稳运行。\n\n附：全省信息通信业主要指标\n"
            "指标名称　单位　2025年　同比增长（%）\n电信业务收入　亿元　212.6　2.3\n移动电话用户　万户　3402　1.1\n")
    got = {(r[0], r[4], r[5]) for r in rows(text, "news.txt") if r[2] != "%"}
    assert got == {("电信业务收入", kind, 2025), ("移动电话用户", kind, 2025)}


def test_bare_year_headers_of_a_series_hold_what_was_achieved():
    text = ("表1　住戶使用資訊科技主要指標（2021-2025年）\n"
            "　　　　　　　　　　　　2021　　2022　　2023　　2024　　2025\n"
            "擁有電腦的住戶比例（%）　　84.3　　83.0　　81.9　　80.8　　79.6\n"
            "互聯網使用者（千人）　　　588.6　　597.2　　609.8　　619.0　　634.0\n")
    got = rows(text, "macau.txt")
    assert [(r[0], r[1], r[2], r[4], r[5]) for r in got[:2]] == [
        ("拥有电脑的住户比例", 84.3, "%", "actual", 2021), ("拥有电脑的住户比例", 83.0, "%", "actual", 2022)]
    assert ("互联网使用者", 634000.0, "人", "actual", 2025) in [(r[0], r[1], r[2], r[4], r[5]) for r in got]
    assert len(got) == 10
