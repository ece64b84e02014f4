"""After context: canonical ids whatever the wording or rule, places out of indicator names,
districts as regions, and stock / increment / difference kept apart. Simplified and Traditional."""

import pytest

from plan_extract import extract
from plan_extract.view import to_simplified


def rows(text):
    out = extract(text, name="t")
    assert all(text[r.start:r.end] == r.raw for r in out)
    return [(r.region, r.indicator_id, r.value, r.measure, r.reference) for r in out]


def both(text):
    """The text and its Traditional form (OpenCC), which must give the same rows."""
    import opencc

    return [text, opencc.OpenCC("s2t").convert(text)]


@pytest.mark.parametrize("text", both("全省新增5G基站4万个，累计达到11万个。"))
def test_new_build_and_stock_are_one_indicator_two_measures(text):
    assert rows(text) == [(None, "INF-5G-BASE-STATIONS", 40000, "increment", None),
                          (None, "INF-5G-BASE-STATIONS", 110000, "stock", None)]


@pytest.mark.parametrize("text", both("今年全市新建并开通5G基站3000个，5G基站总数达到1.8万个。")
                         + both("2023年新开通千兆宽带用户12万户，千兆宽带用户总数达到60万户。"))
def test_variants_of_new_and_total(text):
    measures = [(m, iid) for _, iid, _, m, _ in rows(text)]
    assert [m for m, _ in measures] == ["increment", "stock"]
    assert measures[0][1] is not None and measures[0][1] == measures[1][1]


@pytest.mark.parametrize("text", both("截至2020年，光纤接入用户占比达到95%，高于全国平均水平2个百分点。")
                         + both("2022年数字经济增加值占地区生产总值比重为41%，比全国平均水平高1.5个百分点。"))
def test_a_difference_names_its_reference_and_keeps_the_indicator(text):
    (_, iid, _, m1, _), (_, iid2, _, m2, ref) = rows(text)
    assert (m1, m2) == ("stock", "difference") and ref.startswith("全国") and iid is not None and iid2 == iid


@pytest.mark.parametrize("text", both("2022年，合肥市软件业务收入达到850亿元，同比增长15%。"))
def test_growth_on_the_same_period_is_a_difference_from_it(text):
    assert rows(text)[-1][1:] == ("ECO-SOFTWARE-REVENUE-GROWTH", 15, "difference", "上年同期")


@pytest.mark.parametrize("text", both("2022年，福建数字经济增加值达2.6万亿元，占全省地区生产总值比重超49%。")
                         + ["2022年，福建數位經濟增加值達2.6萬億元，佔全省地區生產總值比重超49%。"])
def test_region_leaves_the_indicator_and_shares_take_their_subject(text):
    out = extract(text, name="t")
    words = "数位" if "數位" in text else "数字"  # the document's own words stay; the id groups them
    assert [(r.region, r.indicator, r.indicator_id) for r in out] == [
        ("福建", f"{words}经济增加值", "ECO-DIGITAL-ECONOMY-VALUE"),
        ("福建", f"{words}经济增加值占地区生产总值比重", "ECO-DIGITAL-ECONOMY-SHARE")]


@pytest.mark.parametrize("text", both("武汉顶级节点标识注册量约4.44亿。") + both("福建省政务服务事项全程网办比例超80%。"))
def test_a_place_in_front_of_the_name_is_the_region(text):
    out = extract(text, name="t")
    assert len(out) == 1 and out[0].region in ("武汉", "福建") and out[0].region not in out[0].indicator
    assert out[0].indicator_id in ("ECO-IDENTIFIER-REGISTRATIONS", "GOV-FULLY-ONLINE")


@pytest.mark.parametrize("text", both("截至2022年底，合肥市5G基站达到2万个，其中，包河区5G基站3000个，蜀山区5G基站2800个，巢湖市5G基站1200个。")
                         + both("长沙市千兆宽带用户达到80万户。其中，岳麓区千兆宽带用户15万户，浏阳市千兆宽带用户9万户。"))
def test_districts_and_counties_are_regions_of_their_own_rows(text):
    out = rows(text)
    regions = [r for r, *_ in out]
    assert len(set(regions)) == len(out) and len({iid for _, iid, *_ in out}) == 1 and out[0][1]
    assert any(to_simplified(r).endswith("区") for r in regions)


@pytest.mark.parametrize("text", ["截至2023年底，臺灣5G基地台數量達到3.2萬座。", "香港固網寬頻用戶達到290萬戶。",
                                  "數位經濟規模達到新台幣5.6兆元，占GDP比重約24%。"])
def test_taiwan_and_hong_kong_vocabulary_groups_with_the_mainland_wording(text):
    ids = [r.indicator_id for r in extract(text, name="t")]
    assert ids and all(ids), ids


def test_unknown_indicators_keep_their_phrase_and_no_id():
    out = extract("全市建成智慧停车泊位1.2万个。", name="t")
    assert [(r.indicator, r.indicator_id) for r in out] == [("智慧停车泊位", None)]


def test_a_catalogued_name_with_a_unit_it_never_takes_gets_no_id():
    out = extract("5G基站建设完成投资12亿元。", name="t")
    assert all(r.indicator_id != "INF-5G-BASE-STATIONS" for r in out)


@pytest.mark.parametrize("text,expected", [
    ("2022年，全省5G用户同比增长35%。", ("INF-5G-USERS", "difference", "上年同期")),
    ("2022年，全省软件业营业收入同比增长12%。", ("ECO-SOFTWARE-REVENUE-GROWTH", "difference", "上年同期")),
    ("網路零售額比上年增長11.2%。", ("ECO-ONLINE-RETAIL-GROWTH", "difference", "上年")),
    ("一網通辦率較上年提高3.1個百分點。", ("GOV-ONE-NETWORK", "difference", "上年")),
    ("数字经济核心产业增加值占地区生产总值比重比2020年提高1.6个百分点。", ("ECO-CORE-INDUSTRY-SHARE", "difference", "2020年")),
    ("全市固定宽带用户净增5万户。", ("INF-FIXED-BROADBAND-USERS", "increment", None)),
    ("寬頻方面，固網寬頻用戶較去年新增12萬戶。", ("INF-FIXED-BROADBAND-USERS", "increment", None)),
])
def test_a_change_from_a_named_reference_is_the_indicators_difference(text, expected):
    out = extract(text, name="t")
    assert [(r.indicator_id, r.measure, r.reference) for r in out] == [expected]
    assert not out[0].indicator.endswith(("新增", "净增"))


FRAGMENTS = ["从2018年起，福建已经连续举办五届数字中国建设峰会。",
             "五年来，峰会发布了数十项信息化相关政策或解读报告。",
             "全省共有数字领域国家高新技术企业五千零九十家，五家企业入选中国互联网综合实力百强企业。"]


@pytest.mark.parametrize("text", FRAGMENTS + both("目前，我省已建成以一个门户、一个系统、三个支撑为主体的全省一体化政务服务平台。"))
def test_no_row_is_named_by_a_fragment(text):
    from plan_extract.canon import is_fragment

    assert not any(is_fragment(r.indicator, r.raw, r.sentence) for r in extract(text, name="t"))


def test_repo_documents_have_no_fragment_rows_and_most_rows_have_an_id():
    from pathlib import Path

    from plan_extract.batch import process
    from plan_extract.canon import is_fragment
    from plan_extract.rules import load_rules

    root = Path(__file__).resolve().parents[1]
    rules = load_rules()
    for folder, floor in (("seeds", 0.6), ("tests/docs", 0.6), ("tests/docs_catalogue", 0.85)):
        rows = [r for p in sorted((root / folder).iterdir()) for r in process(str(p), rules).rows]
        assert not [r["indicator"] for r in rows if is_fragment(r["indicator"], r["raw"], r["sentence"], r["unit"])]
        assert sum(1 for r in rows if r["indicator_id"]) / len(rows) >= floor, folder


@pytest.mark.parametrize("phrase,places", [
    ("合肥市蜀山区软件业务收入", ["合肥", "蜀山区"]), ("巢湖市5G基站", ["巢湖"]), ("福建省5G基站", ["福建"]),
    ("各区县5G基站", []), ("工业园区企业", []), ("高新区企业", []), ("主城区5G覆盖率", []), ("城市宽带用户", []),
    ("县级以上城市家庭千兆光网接入率", []), ("互联网省际出口带宽", []), ("占全省地区生产总值比重", []),
])
def test_places_in_front_of_a_name(phrase, places):
    from plan_extract.canon import split_place

    assert split_place(phrase)[0] == places


@pytest.mark.parametrize("text", ["軟體業營業收入新台幣4500億元，年增8%。", "软件业营业收入4500亿元，同比增长8%。"])
def test_a_bare_change_is_the_change_of_the_figure_before(text):
    first, second = extract(text, name="t")
    assert first.indicator_id == "ECO-SOFTWARE-REVENUE" and second.indicator_id == "ECO-SOFTWARE-REVENUE-GROWTH"
    assert (second.measure, second.reference, second.value) == ("difference", "上年同期", 8)


def test_a_bare_noun_that_names_its_figure_stays():
    assert [(r.indicator, r.value) for r in extract("截至2020年底，共有企业300家。", name="t")] == [("企业", 300)]


@pytest.mark.parametrize("table", [
    "指标\t2020年\t2025年\n5G基站数（万个）\t1.5\t8\n上云企业（万家）\t—\t[5]\n數位經濟增加值（億元）\t2000\t3500\n",
    "指標\t2020年\t2025年\n5G基地台數（萬座）\t1.5\t8\n新增上雲企業（萬家）\t—\t5\n數位經濟規模（億元）\t2000\t3500\n",
])
def test_indicator_table_cells_get_ids_and_measures(table):
    out = [(r.indicator_id, r.year, r.measure) for r in extract(table, name="t") if r.rule == "TABLE"]
    assert out == [("INF-5G-BASE-STATIONS", 2020, "stock"), ("INF-5G-BASE-STATIONS", 2025, "stock"),
                   ("ECO-CLOUD-ENTERPRISES", 2025, "increment"),
                   ("ECO-DIGITAL-ECONOMY-VALUE", 2020, "stock"), ("ECO-DIGITAL-ECONOMY-VALUE", 2025, "stock")]
