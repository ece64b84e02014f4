"""Hard-wrapped text (plain text extracted from PDF): sentences broken at line ends still match, and
every offset still points into the original text."""

import glob
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from plan_extract import extract
from plan_extract.unwrap import remove, soft_breaks

ROOT = Path(__file__).resolve().parents[1]

WRAPPED = """\
合肥市新型基础设施建设三年行动计划
一、发展基础
截至2022年底，全市累计建成5G基站1.6万个，千兆光网覆盖家庭
超过300万户，数据中心标准机架达到3.2万架，工业互联网标识解析
二级节点8个，服务企业超过5000家。
二、主要目标
到2025年，全市5G基站总数达到3万个以上，每万人拥有5G基站数达
到30个，数据中心标准机架规模达到6万架，培育省级工业互联网平台
50个，推动规模以上工业企业上云率超过80%。
"""

TRADITIONAL = """\
臺中市智慧城市推動計畫
截至去年底，全市已建置5G基地台約4,200座，光纖
寬頻用戶數達到85萬戶，免費無線上網熱點增至1,350
個。市府計畫於2026年前再新增5G基地台2,000座，
並將光纖寬頻覆蓋率提高至95%以上。
"""


def rows(text):
    out = extract(text)
    assert all(text[r.start:r.end] == r.raw for r in out)
    return [(r.raw, r.value, r.unit, r.comparator, r.kind, r.year) for r in out]


def test_a_wrapped_plan_gives_every_row():
    got = rows(WRAPPED)
    assert ("300万户", 3000000, "户", ">", "actual", 2022) in got
    assert ("30个", 30, "个", "=", "target", 2025) in got  # 达\n到30个: the verb is split
    assert ("50个", 50, "个", "=", "target", 2025) in got  # 解析\n二级节点 / 平台\n50个
    assert ("8个", 8, "个", "=", "actual", 2022) in got
    # the same text unwrapped by hand gives the same rows, values and kinds
    joined = WRAPPED.replace("家庭\n", "家庭").replace("解析\n", "解析").replace("数达\n", "数达").replace("平台\n", "平台")
    assert [r[1:] for r in rows(joined)] == [r[1:] for r in got]


def test_headings_and_list_items_are_not_joined():
    breaks = soft_breaks(WRAPPED)
    for p in breaks:
        assert not WRAPPED[p + 1:].startswith(("一、", "二、")), WRAPPED[p - 5:p + 5]
    assert WRAPPED.index("\n") not in breaks  # the title line


def test_traditional_and_crlf():
    for text in (TRADITIONAL, TRADITIONAL.replace("\n", "\r\n")):
        got = rows(text)
        assert ("1,350\n個" if "\r" not in text else "1,350\r\n個") in [r[0] for r in got]
        assert any(r[1] == 1350 and r[2] == "个" for r in got)
        assert any(r[1] == 2000 and r[4] == "target" and r[5] == 2026 for r in got)
        assert any(r[1] == 95 and r[3] == ">=" and r[4] == "target" for r in got)


def test_ordinary_pages_are_left_as_they_are():
    for f in sorted(glob.glob(str(ROOT / "seeds" / "*.txt"))):
        assert soft_breaks(Path(f).read_text(encoding="utf-8")) == [], f


def _rewrap(text, width):
    out = []
    for line in text.split("\n"):
        out += [line[i:i + width] for i in range(0, len(line), width)] if len(line) > width else [line]
    return "\n".join(out)


@pytest.mark.parametrize("width", [24, 31, 40])
def test_rewrapped_documents_lose_no_row_and_invent_no_value(width):
    key = lambda r: (r.value, r.unit, r.comparator, r.kind, r.year, r.indicator)
    for f in sorted(glob.glob(str(ROOT / "seeds" / "*.txt")) + glob.glob(str(ROOT / "tests" / "docs" / "*.txt"))):
        text = Path(f).read_text(encoding="utf-8")
        before = Counter(map(key, extract(text)))
        wrapped = _rewrap(text, width)
        after_rows = extract(wrapped)
        assert all(wrapped[r.start:r.end] == r.raw for r in after_rows)
        after = Counter(map(key, after_rows))
        assert not before - after, (f, width)
        # a headline joined to its next line may stop looking like a headline and repeat a body fact
        assert {k[:2] for k in after - before} <= {k[:2] for k in before}, (f, width)


def test_remove_maps_offsets_back():
    text = "ab\ncd\r\nef"
    joined, index = remove(text, [2, 5, 6])
    assert joined == "abcdef"
    assert [text[i] for i in index[:-1]] == list(joined) and index[-1] == len(text)


SHORT = """\
今年以来我县数字乡村建设提速
2023-08-25  来源：县融媒体中心  作者：李明
今年以来，我县新建5G基站126个，行政村5G网络通达率由去年底的72%提升至9
1%。全县农村电商网络零售额达到8.6亿元，同比增长23.5%，计划年底前突破15亿元
，培育电商示范村30个。
"""


def test_a_short_text_with_a_number_cut_in_two_or_a_line_opening_with_a_comma():
    got = rows(SHORT)
    assert ("9\n1%", 91, "%", "=") == got[[r[0] for r in got].index("9\n1%")][:4]
    assert any(r[1] == 1.5e9 and r[2] == "元" for r in got)
    assert any(r[1] == 30 and r[2] == "个" for r in got)


def test_titles_and_bylines_are_not_joined():
    breaks = soft_breaks(SHORT)
    assert SHORT.index("\n") not in breaks  # the title
    byline_end = SHORT.index("\n", SHORT.index("来源"))
    assert byline_end not in breaks
    # a first line that is prose (a dateline opening the report) does join its continuation
    text = "新华社福州3月5日电 记者从福建省数字福建建设领导小组办公室获悉，截\n至2024年底，福建数字经济规模突破3万亿元，占比超过50%。\n"
    assert [(r[1], r[4], r[5]) for r in rows(text)][:1] == [(3e12, "actual", 2024)]



def line_by_line(text):
    """soft_breaks as first written, every line looked at in turn: the reference for the quick one."""
    from plan_extract import unwrap as u

    breaks = [m.start() for m in re.finditer(r"\n(?= ?\S)", text)]
    ends = [b - 1 - (b > 1 and text[b - 1] == "\r") for b in breaks]
    if not any(e >= 0 and text[e] not in "。！？!?；;：:" for e in ends):
        return []
    widths = sorted(n for n in map(len, text.split("\n")) if n)
    full = max(u.MIN_WIDTH, u.FULL * widths[int(0.9 * (len(widths) - 1))])
    first = text.find("\n", len(text) - len(text.lstrip()))
    if u._CLAUSE.search(text, 0, first):
        first = -1
    eligible = []
    for b, e in zip(breaks, ends):
        start = text.rfind("\n", 0, b) + 1
        if (b == first or e < 0 or e - start + 1 < full or u._COLUMNS.search(text, start, e)
                or u._OPENS.match(text, b + 1 + (text[b + 1] == " "))):
            continue
        open_ = (text[e] not in "。！？!?；;：:" or text[b + 1] in "，。、；：！？,.;:!?%％）)」』”’"
                 or text[e].isdigit() and text[b + 1].isdigit())
        eligible.append(([b - 1, b] if e == b - 2 else [b], open_))
    wrapped = sum(o for _, o in eligible) >= u.MIN_OPEN_LINES
    return [p for cut, o in eligible if o or wrapped for p in cut]


# empty, short and full lines, which may end closed (。：) and open with closing punctuation (，)
_LINE = st.one_of(st.just(""), st.text(alphabet="数据1。，", max_size=6),
                  st.text(alphabet="数据中心1。，：a ", min_size=16, max_size=24))


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.tuples(_LINE, st.sampled_from(["\n", "\r\n", "\n\n", "\n "])), max_size=8))
@example([("", "\r\n"), ("数据中心数据中心数据中心数据中心。", "\n"), ("，数据", "\n")])  # open only at its start
def test_the_quick_soft_breaks_are_those_of_the_line_by_line_reading(lines):
    text = "".join(line + end for line, end in lines)
    assert soft_breaks(text) == line_by_line(text)
