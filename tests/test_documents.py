"""Documents composed for the tests (a provincial plan, a Traditional news report, a city news
report) with every row they must give: the context layer on phrasings the seeds do not have."""

from pathlib import Path

import pytest

from plan_extract import extract
from plan_extract.context import doc_facts
from plan_extract.view import search_view

DOCS = Path(__file__).parent / "docs"

# raw, value, unit, comparator, kind, year, indicator
EXPECTED = {
    "jiangxi_plan.txt": [
        ("8000亿元", 8e11, "元", "=", "actual", 2020, "数字经济规模"),
        ("1.5万个", 15000, "个", "=", "actual", 2020, "5G基站"),
        ("1200万户", 1.2e7, "户", "=", "actual", 2020, "光纤宽带用户"),
        ("18.6%", 18.6, "%", "=", "actual", 2020, "电子信息产业营业收入同比增长"),
        ("15%", 15, "%", ">=", "target", 2025, "数字经济增加值年均增长"),
        ("10%", 10, "%", "=", "target", 2025, "数字经济核心产业增加值占GDP比重"),
        ("5万个", 50000, "个", "=", "target", 2025, "新建5G基站"),
        ("300万户", 3e6, "户", ">", "target", 2025, "千兆光网用户数"),
        ("50家", 50, "家", ">=", "target", 2025, "省级工业互联网平台"),
        ("10万家", 1e5, "家", ">", "target", 2025, "上云企业"),
        ("12万架", 1.2e5, "架", "=", "target", 2025, "在用标准机架数"),
        ("100%", 100, "%", "=", "target", 2025, "政务服务事项网上可办率"),
        ("85%", 85, "%", "=", "actual", 2020, "赣服通政务服务事项接入率"),
        ("98%", 98, "%", ">=", "target", 2025, "赣服通政务服务事项接入率"),
    ],
    "guangdong_news_trad.txt": [
        ("25.6萬座", 256000, "座", "=", "actual", 2023, "5G基站"),
        ("7800萬戶", 7.8e7, "户", "=", "actual", 2023, "5G用户"),
        ("35.2%", 35.2, "%", "=", "actual", 2023, "5G用户同比增长"),
        ("1050億元", 1.05e11, "元", "=", "actual", 2023, "电信业务收入"),
        ("6.8%", 6.8, "%", "=", "actual", 2023, "电信业务收入比上年同期增长"),
        ("1500萬戶", 1.5e7, "户", ">", "target", 2025, "千兆宽带用户"),
        ("35萬座", 350000, "座", ">", "target", 2025, "5G基站"),
        ("10萬座", 100000, "座", ">=", "target", 2025, "5G基站"),
    ],
    "hangzhou_news.txt": [
        ("99.8%", 99.8, "%", "=", "actual", 2023, "政务服务事项网上可办率"),
        ("95.6%", 95.6, "%", "=", "actual", 2023, "一网通办率"),
        ("3.1个百分点", 3.1, "百分点", "=", "actual", 2023, "一网通办率较上年提高"),
        ("268个", 268, "个", "=", "actual", 2023, "城市大脑累计上线应用场景"),
        ("4000个", 4000, "个", ">", "actual", 2023, "公共数据开放数据集"),
        ("30个", 30, "个", "~", "target", 2024, "新增数字化改革重大应用"),
        ("1800万", 1.8e7, "人", ">", "target", 2024, "浙里办注册用户"),
    ],
}

EXPECTED["gansu_news.txt"] = [
    ("5000亿元", 5e11, "元", ">", "target", 2025, "数字经济规模"),
    ("12%", 12, "%", ">=", "target", 2025, "数字经济规模年均增长"),
    ("6%", 6, "%", "=", "target", 2025, "数字经济核心产业增加值占GDP比重"),
    ("5万个", 5e4, "个", "=", "target", 2025, "5G基站"),
    ("60%", 60, "%", "=", "target", 2025, "行政村5G通达率"),
    ("10个", 10, "个", ">=", "target", 2025, "省级数字经济产业园区"),
    ("3600亿元", 3.6e11, "元", "=", "actual", 2022, "数字经济规模"),
    ("11.2%", 11.2, "%", "=", "actual", 2022, "数字经济规模同比增长"),
    ("2.4万个", 2.4e4, "个", "=", "actual", 2022, "5G基站"),
    ("300万户", 3e6, "户", ">", "actual", 2022, "千兆光网覆盖家庭"),
]

EXPECTED["jiangsu_news.txt"] = [
    ("5.8万亿元", 5.8e12, "元", ">", "actual", 2022, "数字经济规模"),
    ("11%", 11, "%", "~", "actual", 2022, "数字经济核心产业增加值占地区生产总值比重"),
    ("1.6个百分点", 1.6, "百分点", "=", "actual", 2022, "数字经济核心产业增加值占地区生产总值比重比2020年提高"),
    ("1.38万亿元", 1.38e12, "元", "=", "actual", 2022, "软件和信息技术服务业业务收入"),
    ("11.3%", 11.3, "%", "=", "actual", 2022, "软件和信息技术服务业业务收入同比增长"),
    ("21.3万个", 2.13e5, "个", "=", "actual", 2023, "5G基站"),
    ("5200万户", 5.2e7, "户", "=", "actual", 2023, "5G用户数"),
    ("50万架", 5e5, "架", "~", "actual", 2023, "在用数据中心标准机架"),
    ("13%", 13, "%", ">", "target", 2025, "数字经济核心产业增加值占GDP比重"),
    ("25万个", 2.5e5, "个", ">=", "target", 2025, "5G基站"),
    ("100家", 100, "家", "~", "target", 2025, "省级工业互联网标杆工厂"),
    ("2万家", 2e4, "家", ">=", "target", 2025, "规上工业企业开展智能化改造"),
]

FACTS = {
    "jiangsu_news.txt": ("江苏", None, "2023-09-18"),
    "gansu_news.txt": ("甘肃", "甘肃省数字经济创新发展三年行动方案(2023—2025年)", "2023-06-12"),
    "jiangxi_plan.txt": ("江西", "江西省数字经济发展“十四五”规划", "2022-03-15"),
    "guangdong_news_trad.txt": ("广东", None, "2023-08-10"),
    "hangzhou_news.txt": ("杭州", None, "2024-01-18"),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_rows(name):
    text = (DOCS / name).read_text(encoding="utf-8")
    got = [(r.raw, r.value, r.unit, r.comparator, r.kind, r.year, r.indicator) for r in extract(text, name)]
    assert got == [(raw, pytest.approx(v), *rest) for raw, v, *rest in EXPECTED[name]]


@pytest.mark.parametrize("name", sorted(FACTS))
def test_document_facts(name):
    view = search_view((DOCS / name).read_text(encoding="utf-8"))
    facts = doc_facts(view)
    assert (facts.region, facts.plan, facts.published) == FACTS[name]


def test_row_about_another_city_names_it():
    text = (DOCS / "guangdong_news_trad.txt").read_text(encoding="utf-8")
    rows = {r.raw: r.region for r in extract(text)}
    assert rows["10萬座"] == "深圳"
    assert rows["35萬座"] == "广东"


def test_headline_repeating_a_body_figure_is_one_row():
    text = "今年全省拟新建5G基站5万个\n记者获悉，为打通信息大动脉，今年全省拟新建5G基站5万个，实现城区室外全覆盖。"
    rows = extract(text)
    assert [(r.value, r.start) for r in rows] == [(50000, text.rindex("5万个"))]
    marked = extract(text, keep_duplicates=True)
    assert [r.duplicate for r in marked] == [True, False]


def test_from_to_gives_an_actual_and_a_target():
    text = "到2025年，全省5G基站从2020年的1.2万个增加到8万个。"
    rows = [(r.value, r.kind, r.year) for r in extract(text)]
    assert rows == [(12000, "actual", 2020), (80000, "target", 2025)]


def test_enumeration_keeps_its_own_subject():
    rows = extract("已有7个二级节点、25个企业节点接入顶级节点。")
    assert [(r.value, r.indicator) for r in rows] == [(7, "二级节点"), (25, "企业节点")]


@pytest.mark.parametrize("text", [
    "以走访、座谈等形式调研了29个市级部门、8家企业",
    "从总体形势、保障措施9个方面系统谋划",
    "经市政府第32次常务会审议通过",
    "上一篇：江苏全省城镇年均新增就业145万人居全国第一",
    "新建5G基站的工作稳步推进。\n上一篇：江苏全省城镇年均新增就业145万人居全国第一\n下一篇：全市新建5G基站2万个",
    "全市加快数字政府建设。\n浏览次数：1.2万\n阅读量: 3.5万",
])
def test_noise_is_not_a_row(text):
    assert extract(text) == []


# Phrasings of the same families the seeds use, each with the rows it must give:
# sentence -> [(raw, value, unit, comparator, indicator)]
VARIANTS = {
    "5G基站总数达到10万个，每万人拥有5G基站数达到25个。": [
        ("10万个", 1e5, "个", "=", "5G基站"), ("25个", 25, "个", "=", "每万人拥有5G基站数")],
    "数字经济规模突破1万亿元，占GDP比重提高到45%。": [
        ("1万亿元", 1e12, "元", ">", "数字经济规模"), ("45%", 45, "%", "=", "数字经济规模占GDP比重")],
    "规模以上工业企业关键工序数控化率达到65%。": [("65%", 65, "%", "=", "规模以上工业企业关键工序数控化率")],
    "全省电子信息制造业营业收入达到6500亿元，同比增长12.3%。": [
        ("6500亿元", 6.5e11, "元", "=", "电子信息制造业营业收入"),
        ("12.3%", 12.3, "%", "=", "电子信息制造业营业收入同比增长")],
    "全省数据中心标准机架达到15万架，算力规模达到3EFLOPS。": [
        ("15万架", 1.5e5, "架", "=", "数据中心标准机架"), ("3EFLOPS", 3, "EFLOPS", "=", "算力规模")],
    "互联网普及率达到72.3%，比上年提高2.1个百分点。": [
        ("72.3%", 72.3, "%", "=", "互联网普及率"), ("2.1个百分点", 2.1, "百分点", "=", "互联网普及率比上年提高")],
    "預計到2025年，全市新能源汽車充電樁將超過5萬個。": [("5萬個", 5e4, "个", ">", "新能源汽车充电桩")],
    "全年完成电信业务总量2300亿元，增长25%。": [
        ("2300亿元", 2.3e11, "元", "=", "电信业务总量"), ("25%", 25, "%", "=", "电信业务总量增长")],
    "软件业务收入同比增长15.6%，高于全国平均水平1.3个百分点。": [
        ("15.6%", 15.6, "%", "=", "软件业务收入同比增长"), ("1.3个百分点", 1.3, "百分点", ">", "软件业务收入同比增长")],
    "力争到2025年，培育省级以上专精特新“小巨人”企业500家。": [("500家", 500, "家", "=", "省级以上专精特新小巨人企业")],
    "2022年全市实现数字经济核心产业增加值1050亿元，比上年增长8.5%，占全市GDP的比重为9.1%。": [
        ("1050亿元", 1.05e11, "元", "=", "数字经济核心产业增加值"),
        ("8.5%", 8.5, "%", "=", "数字经济核心产业增加值比上年增长"), ("9.1%", 9.1, "%", "=", "数字经济核心产业增加值占全市GDP的比重")],
    "一网通办率达到90%以上，平均办理时间压缩至3个工作日以内。": [
        ("90%", 90, "%", ">=", "一网通办率"), ("3个工作日", 3, "工作日", "<=", "平均办理时间")],
}


VARIANTS.update({
    "主要指标：5G基站：3.5万个；数字经济规模：1.2万亿元。": [
        ("3.5万个", 3.5e4, "个", "=", "5G基站"), ("1.2万亿元", 1.2e12, "元", "=", "数字经济规模")],
    "共签约数字经济项目120个、总投资850亿元。": [
        ("120个", 120, "个", "=", "签约数字经济项目"), ("850亿元", 8.5e10, "元", "=", "签约数字经济项目总投资")],
    "建成国家级工业互联网平台3个、省级平台25个和企业级平台180个。": [
        ("3个", 3, "个", "=", "国家级工业互联网平台"), ("25个", 25, "个", "=", "省级平台"),
        ("180个", 180, "个", "=", "企业级平台")],
    "数据共享平台总数达到12个。": [("12个", 12, "个", "=", "数据共享平台总数")],
    "省政府发布3项地方标准。": [("3项", 3, "项", "=", "地方标准")],
    "举办各类培训活动50余场。": [("50余场", 50, "场", ">", "各类培训活动")],
    "先后获得国家级荣誉12项。": [("12项", 12, "项", "=", "国家级荣誉")],
})


@pytest.mark.parametrize("sentence", list(VARIANTS))
def test_variant_phrasings(sentence):
    got = [(r.raw, r.value, r.unit, r.comparator, r.indicator) for r in extract(sentence)]
    assert got == [(raw, pytest.approx(v), *rest) for raw, v, *rest in VARIANTS[sentence]]


def test_years_and_kinds_in_a_review_and_a_plan():
    text = ("截至2023年底，全省累计建成5G基站6.2万个。2022年全市实现数字经济核心产业增加值1050亿元。"
            "数字经济增加值由2020年的1.2万亿元增长到2025年的2万亿元。")
    assert [(r.value, r.kind, r.year) for r in extract(text)] == [
        (62000, "actual", 2023), (1.05e11, "actual", 2022), (1.2e12, "actual", 2020), (2e12, "target", 2025)]


def test_long_documents_are_read_in_segments_with_offsets_into_the_whole_text():
    from plan_extract.engine import segments

    text = ("到2025年，建成5G基站3万个。\n" * 50)
    spans = list(segments(text, size=100))
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(b == c for (_, b), (c, _) in zip(spans, spans[1:]))  # contiguous
    assert all(text[b - 1] == "\n" for _, b in spans[:-1])  # cut at line ends


def test_from_to_in_a_review_of_past_years_gives_two_actuals():
    text = "2022-01-15 来源：四川日报\n我省数字经济规模从2015年的0.76万亿元增长到2020年的1.6万亿元。"
    assert [(r.value, r.kind, r.year) for r in extract(text)] == [(7.6e11, "actual", 2015), (1.6e12, "actual", 2020)]


def test_html_page_rows_and_facts():
    from plan_extract.load import read_document

    doc = read_document(str(DOCS / "sichuan_page.html"))
    rows = extract(doc.text, "sichuan_page.html")
    assert all(doc.text[r.start:r.end] == r.raw for r in rows)
    assert [(r.raw, r.kind, r.year, r.indicator) for r in rows] == [
        ("0.76万亿元", "actual", 2015, "数字经济规模"),
        ("1.6万亿元", "actual", 2020, "数字经济规模"),
        ("3.9万个", "actual", 2020, "5G基站"),
        ("92.5%", "actual", 2020, "固定宽带家庭普及率"),
        ("2.5万亿元", "target", 2025, "数字经济总量"),
        ("10%", "target", 2025, "数字经济核心产业增加值占地区生产总值比重"),
        ("12万个", "target", 2025, "5G基站"),
        ("10个", "target", 2025, "数字经济特色园区"),
        ("100个", "target", 2025, "数字化转型典型场景"),
    ]
    assert {(r.region, r.plan, r.published) for r in rows} == {("四川", "四川省“十四五”数字经济发展规划", "2022-01-15")}


@pytest.mark.parametrize("lead", ["（下称《方案》）", "(以下简称“方案”)", "（简称《方案》）"])
def test_the_plan_is_the_title_a_document_abbreviates(lead):
    text = f"某市召开发布会\n会上介绍了《数字中国建设整体布局规划》。\n近日，《杭州市数字政府建设方案》{lead}印发。"
    assert doc_facts(search_view(text)).plan == "杭州市数字政府建设方案"


def test_traditional_news_paragraph():
    text = ("據新華社報道，截至2023年底，上海市累計建成5G基站7.2萬個，每萬人擁有5G基站數達到29個，居全國第一；"
            "全市千兆光網覆蓋家庭超過960萬戶。按照規劃，到2025年，上海將建成5G基站9萬個以上，算力規模超過18EFLOPS。")
    assert [(r.raw, r.comparator, r.kind, r.year, r.indicator, r.region) for r in extract(text)] == [
        ("7.2萬個", "=", "actual", 2023, "5G基站", "上海"),
        ("29個", "=", "actual", 2023, "每万人拥有5G基站数", "上海"),
        ("960萬戶", ">", "actual", 2023, "千兆光网覆盖家庭", "上海"),
        ("9萬個", ">=", "target", 2025, "5G基站", "上海"),
        ("18EFLOPS", ">", "target", 2025, "算力规模", "上海"),
    ]


def test_a_headline_without_cues_merges_with_its_body_mention():
    text = "《数字福建规划》（以下简称《规划》）解读\n福建5G基站突破7.5万个\n记者获悉，截至2022年底，全省累计建成5G基站突破7.5万个，实现乡镇全覆盖。"
    rows = extract(text)
    assert [(r.value, r.kind, r.year, r.start) for r in rows] == [(75000, "actual", 2022, text.rindex("7.5万个"))]


@pytest.mark.parametrize("text,expected", [
    ("到“十四五”末，全省5G基站达到10万个。", [(1e5, "target", 2025)]),
    ("2022-03-15 发布\n“十三五”期间，全省累计建成5G基站3万个。\n“十四五”时期，全省数字经济规模年均增长10%以上。",
     [(3e4, "actual", 2020), (10, "target", 2025)]),
    ("《“十四五”数字经济发展规划》提出，5G基站达到5万个。", [(5e4, "target", 2025)]),
])
def test_five_year_plan_periods_date_their_figures(text, expected):
    assert [(r.value, r.kind, r.year) for r in extract(text)] == expected
