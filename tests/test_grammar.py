"""The number grammar's corpus: surface forms -> value, unit, comparator (Duckling's corpus style)."""

import pytest

from plan_extract.grammar import parse_chinese, scan
from plan_extract.lexicon import lexicon
from plan_extract.view import search_view

# text, value, unit, comparator (value None: the text holds no value at all)
CORPUS = [
    ("1331.2万户", 13312000, "户", "="),
    ("12,345个", 12345, "个", "="),
    ("１２３４５个", 12345, "个", "="),
    ("9000 亿元", 9e11, "元", "="),
    ("2.5万座", 25000, "座", "="),
    ("8500億元", 8.5e11, "元", "="),
    ("1.4万亿元", 1.4e12, "元", "="),
    ("3千万人", 3e7, "人", "="),
    ("七点五万个", 75000, "个", "="),
    ("七點五萬個", 75000, "个", "="),
    ("二点六万亿元", 2.6e12, "元", "="),
    ("两千亿元", 2e11, "元", "="),
    ("兩千億元", 2e11, "元", "="),
    ("一千九百七十六个", 1976, "个", "="),
    ("五千零九十家", 5090, "家", "="),
    ("二十七个", 27, "个", "="),
    ("三万四千五百六十七个", 34567, "个", "="),
    ("〇点五个百分点", 0.5, "百分点", "="),
    ("95.94%", 95.94, "%", "="),
    ("95.94％", 95.94, "%", "="),
    ("百分之六十", 60, "%", "="),
    ("六成", 60, "%", "="),
    ("2个百分点", 2, "百分点", "="),
    ("2個百分點", 2, "百分点", "="),
    ("30余家", 30, "家", ">"),
    ("一千三百余项", 1300, "项", ">"),
    ("20多个", 20, "个", ">"),
    ("数十项", 10, "项", ">"),
    ("超过8500亿元", 8.5e11, "元", ">"),
    ("超過8500億元", 8.5e11, "元", ">"),
    ("突破25万个", 250000, "个", ">"),
    ("逾300家", 300, "家", ">"),
    ("近一点四万亿元", 1.4e12, "元", "~"),
    ("约4.44亿", 4.44e8, "", "~"),
    ("不低于90%", 90, "%", ">="),
    ("不少于50个", 50, "个", ">="),
    ("至少3个", 3, "个", ">="),
    ("30个以上", 30, "个", ">="),
    ("80%以上", 80, "%", ">="),
    ("1.3以下", None, None, None),
    ("5%以内", 5, "%", "<="),
    ("10%左右", 10, "%", "~"),
    ("1200個左右", 1200, "个", "~"),
    ("高于全国2个百分点", 2, "百分点", ">"),
    ("超千家", 1000, "家", ">"),
    ("近万人", 10000, "人", "~"),
    ("超百亿元", 1e10, "元", ">"),
    ("低于全国平均水平1.2个百分点", 1.2, "百分点", "<"),
    ("164.5万公里", 1645000, "公里", "="),
    ("100万千瓦", 1e6, "千瓦", "="),
    ("15T", 15, "T", "="),
    ("100Gbps", 100, "Gbps", "="),
    ("700兆赫", 700, "兆赫", "="),
    ("12.5兆元", 1.25e13, "元", "="),
    ("五至六个", 5, "个", ">="),
    ("30%-40%", 30, "%", ">="),
    ("站点3000个", 3000, "个", "="),  # 点 before a Chinese numeral ends a reading (点零); not before digits
    ("试点30个", 30, "个", "="),
    ("网点1.2万个", 12000, "个", "="),
    # not values
    ("5G基站", None, None, None),
    ("4G网络", None, None, None),
    ("IPv6", None, None, None),
    ("10G-PON", None, None, None),
    ("100M以上用户", None, None, None),
    ("“十四五”", None, None, None),
    ("第123场", None, None, None),
    ("第61位", None, None, None),
    ("2021-11-02", None, None, None),
    ("2025年", None, None, None),
    ("2023-2025年", None, None, None),
    ("3月4日", None, None, None),
    ("30日内", None, None, None),
    ("11:22:56", None, None, None),
    ("010-65363526", None, None, None),
    ("13912345678", None, None, None),
    ("rmzk001@163.com", None, None, None),
    ("“2522”战略", None, None, None),
    ("1、凡本网", None, None, None),
    ("一个门户", None, None, None),
    ("千家万户", None, None, None),
    ("千家企业", None, None, None),
    ("万物互联", None, None, None),
    ("二〇二五年", None, None, None),
    ("2.0版", None, None, None),
    ("二十多年", None, None, None),
]


@pytest.mark.parametrize("text,value,unit,comparator", CORPUS, ids=[c[0] for c in CORPUS])
def test_corpus(text, value, unit, comparator):
    found = list(scan(search_view(text)))
    if value is None:
        assert found == []
        return
    assert len(found) == 1, found
    q = found[0]
    assert q.value == pytest.approx(value)
    assert q.unit == unit
    assert q.comparator == comparator


def test_raw_span_is_the_number_and_unit():
    text = "全省软件业营业收入超过8500億元以上"
    (q,) = scan(search_view(text))
    assert text[q.start:q.end] == "8500億元"
    assert text[q.outer_start:q.outer_end] == "超过8500億元以上"


def test_range_has_upper_bound():
    (q,) = scan(search_view("建设5至8个示范区"))
    assert (q.value, q.value_max) == (5, 8)


@pytest.mark.parametrize("numeral,value", [
    ("七点五万", 75000), ("二点六万亿", 2.6e12), ("一千九百七十六", 1976), ("五千零九十", 5090),
    ("两千亿", 2e11), ("十五", 15), ("二十七", 27), ("一百零五", 105), ("十四五", None), ("二〇二五", 2025), ("一〇五", 105), ("〇五", None),
    ("万", None), ("一二", None),
])
def test_parse_chinese(numeral, value):
    assert parse_chinese(numeral) == value


def test_language_data_is_valid():
    import regex

    lx = lexicon()
    assert set(lx["comparators"]["before"].values()) <= {"=", ">", ">=", "<", "<=", "~"}
    for section in ("blocks", "indicator", "context"):
        for name, pattern in lx[section].items():
            if isinstance(pattern, str):
                regex.compile(pattern)  # raises on a bad pattern in the data file
    ctx = lx["context"]
    assert all(isinstance(w, str) and w for w in ctx["target"] + ctx["actual"])
    assert set(ctx["not_after"]) | set(ctx["not_before"]) <= set(ctx["target"] + ctx["actual"])


def test_view_keeps_length_and_simplifies():
    text = "國際在線山東頻道：５Ｇ基站１０.１萬個，佔比９５％"
    view = search_view(text)
    assert len(view) == len(text)
    assert view == "国际在线山东频道:5G基站10.1万个,占比95%"


def test_view_keeps_characters_beyond_the_bmp():
    text = "𠀀建成5G基站3万个😀"
    assert search_view(text) == text


def test_number_data_is_valid():
    lx = lexicon()
    numbers, comparators = lx["numbers"], lx["comparators"]
    assert set(numbers["multipliers"]) == set("十百千万亿拾佰仟")  # numerals.py reads exactly these (SMALL, BIG)
    assert all(isinstance(d, str) and d for d in numbers["range_dashes"] + numbers["negative_before"])
    assert all(len(c) == 1 for c in numbers["minus_signs"])
    cmps = {"=", ">", ">=", "<", "<=", "~"}
    for group in ("before", "inside", "inside_before_unit", "after"):
        assert set(comparators[group].values()) <= cmps, group
    units = lx["units"]
    measures = {u for key, group in units.items() if isinstance(group, list) for u in group}
    assert set(units["unit_not_before"]) <= measures


@pytest.mark.parametrize("text,value", [
    ("1234567890123元", 1234567890123), ("12,345,678,901,234元", 12345678901234),
    ("一千一百一十一万一千一百一十一亿一千一百一十一万一千一百一十一个", 1111111111111111),
    ("九千八百七十六万五千四百三十二亿九千八百七十六万五千四百三十二个", 9876543298765432),
    ("3.14159265358979个", 3.14159265358979), ("壹拾壹元壹角壹分", 11.11),
    ("4.44亿", 444000000), ("1.1亿元", 110000000), ("2.675万亿元", 2675000000000), ("0.1万个", 1000),
])
def test_values_keep_every_digit_and_lose_float_noise(text, value):
    """A value keeps every digit written (not 12 significant ones); 4.44 * 1e8 loses its binary noise."""
    assert [q.value for q in scan(search_view(text))] == [value]


@pytest.mark.parametrize("text,expected", [
    # the bound included: （含）以上, (含)以下
    ("50万元（含）以上", [(5e5, "元", ">=")]), ("30家(含)以下", [(30, "家", "<=")]), ("10個（含）以內", [(10, "个", "<=")]),
    ("50万元（含）", [(5e5, "元", "=")]),
    # a currency named after 元 is the unit, by its one name (港币: 港元); 人民币 is 元
    ("三万元欧元", [(3e4, "欧元", "=")]), ("5億元港幣", [(5e8, "港元", "=")]), ("100元人民币", [(100, "元", "=")]),
    # a parcel's 票, a fibre's 皮长公里, Taiwan's 瓩 (kilowatt)
    ("共验放跨境电商包裹1,380万票", [(1.38e7, "票", "=")]), ("光缆线路1.8万皮长公里", [(1.8e4, "皮长公里", "=")]),
    ("新增用電需求約220萬瓩", [(2.2e6, "瓩", "~")]), ("光纜線路1.8萬皮長公里", [(1.8e4, "皮长公里", "=")]),
    # financial places after Arabic digits
    ("9佰元", [(900, "元", "=")]), ("3仟万元", [(3e7, "元", "=")]), ("5拾个", [(50, "个", "=")]),
    # codes and what is no numeral: nothing
    ("012个", []), ("007家", []), ("幺二三个", []), ("幺八九個", []), ("一二点三个", []), ("七八點五個", []),
    ("10.1万零100个", []), ("达到万三", []), ("達到萬三人", []),
    # their neighbours that are numbers
    ("0.5个", [(0.5, "个", "=")]), ("10万零100个", [(100100, "个", "=")]), ("约万三人", [(13000, "人", "~")]),
    ("七八亿元", [(7e8, "元", "~")]),
])
def test_peer_families_and_their_neighbours(text, expected):
    """The forms of the peers' suites at their cause, on variants written here (Simplified and Traditional)."""
    assert [(q.value, q.unit, q.comparator) for q in scan(search_view(text))] == expected
