"""Patterns and per-document indexes written for speed find exactly what their plain forms find."""

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from plan_extract import context as ctx


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="1年0-至月份，, ", max_size=14))
def test_the_month_stretch_with_its_literal_first_matches_as_the_plain_pattern(text):
    plain = re.compile(r"(?<![0-9年])1\s*[-—–~～至]\s*([0-9]{1,2})\s*月(?:份)?(?=[，,])")
    assert [m.span() + m.groups() for m in ctx._MONTH_STRETCH.finditer(text)] == \
        [m.span() + m.groups() for m in plain.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="数，、。\n;a", max_size=20), st.integers(0, 22), st.integers(0, 22))
def test_item_breaks_are_the_clause_breaks_and_enumeration_commas_in_a_span(view, lo, hi):
    lay = ctx.layout(view)
    found = [m.end() for m in re.compile(r"[，。；：、,;:！？!?\n]").finditer(view, lo, hi)]
    assert lay.item_breaks(lo, hi) == found


_CLAUSE = st.text(alphabet="全市我省本县新疆福建深圳数字智慧其中自治区州“”实现 5个企业，", max_size=14)


@settings(max_examples=800, deadline=None)
@given(_CLAUSE, st.booleans())
@example("深“圳", False)  # a name the trims put together
@example("其中深实现圳", False)
def test_a_clause_the_quick_look_passes_over_has_no_place_to_open_with(clause, light):
    # the quick look (no name, no two characters of a name before 省/市/…) never hides a place
    assert ctx._clause_place(clause, light) == ctx._opening_place(clause, light)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="其中具体看从区域分行业\n \t\u3000，。a", max_size=24))
@example("a\n\u3000 其中，具体看")
def test_opener_ends_are_those_of_the_line_anchored_pattern(view):
    from plan_extract.lexicon import alternation, lexicon

    anchored = re.compile(rf"(?:^|\n)[ \t\u3000]*(?:{alternation(lexicon()['context']['continuation_openers'])})")
    assert ctx._opener_ends(view) == [m.end() for m in anchored.finditer(view)]


def test_a_paragraph_programme_is_looked_for_only_within_reach():
    # a page saved as one line is no paragraph: its first quote does not name figures pages later,
    # and each figure's look-back stays bounded (no scan of the whole line per figure)
    opening = "「智方便」自2020年推出以來，登記用戶持續增加。"
    near = opening + "截至10月底，登記用戶已超過340萬名。"
    far = opening + "另外，全港流動用戶有所增加。" * 400 + "截至10月底，登記用戶已超過340萬名。"
    for view, named in ((near, True), (far, False)):
        q = view.rindex("340")
        sent = view.rindex("截至")
        assert ("智方便" in ctx.of_programme(view, q, sent, "登记用户")) is named


@pytest.mark.parametrize("text", ["2026年、2027年、2028年全市分别新建5G基站800个、850个、850个。",
                                  "2026年、2027年、2028年全市分別新建5G基站800個、850個、850個。"])
def test_equal_figures_of_different_years_in_one_sentence_are_all_rows(text):
    from plan_extract import extract

    assert [(r.value, r.year) for r in extract(text, "c.txt")] == [(800, 2026), (850, 2027), (850, 2028)]
