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
    assert [(r.region, r.indicator, r.indicator_id) for r in out] == [
        ("福建", "数字经济增加值", "ECO-DIGITAL-ECONOMY-VALUE"),
        ("福建", "数字经济增加值占地区生产总值比重", "ECO-DIGITAL-ECONOMY-SHARE")]


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
