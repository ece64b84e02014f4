"""A rule tried around a quantity: the anchored match that stops at the quantity (CompiledRule.to_end)
finds what a reverse search over the whole window finds, for every bundled rule that searches."""

from hypothesis import given, settings
from hypothesis import strategies as st

from plan_extract import default_rules
from plan_extract.rules import PLACEHOLDER, load_rules

SEARCHING = [r for r in default_rules() if r.to_end is not None]


def found(rule, m):
    """What the engine takes from a match: nothing unless it holds the quantity, else its fields."""
    if m is None or PLACEHOLDER not in m.group():
        return None
    return [m.span(f) for f in rule.fields]


def test_the_rules_that_go_on_past_their_quantity_search_with_a_stop():
    assert len(SEARCHING) >= 5
    assert all(not r.ends_at_quantity for r in SEARCHING)


@settings(max_examples=600, deadline=None)
@given(st.data())
def test_the_stopping_match_is_the_search(data):
    rule = data.draw(st.sampled_from(SEARCHING))
    text = data.draw(st.sampled_from([e.text for e in rule.rule.examples] + rule.rule.counter_examples))
    a, i, j, b = sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=4, max_size=4)))
    noise = data.draw(st.text(alphabet="，的和建成企业平台 2", max_size=3))
    window = noise + text[a:i] + PLACEHOLDER + text[j:b] + noise
    assert found(rule, rule.to_end.match(window)) == found(rule, rule.regex.search(window))


def test_a_pattern_with_global_flags_keeps_the_search(tmp_path):
    (tmp_path / "r.toml").write_text('''[[rule]]
id = "X-FLAGS"
indicator = "{noun}"
category = "general"
pattern = \'\'\'(?i){QUANTITY}(?P<noun>[a-z]+)\'\'\'
examples = [{ text = "建成5个Node", value = 5, unit = "个", indicator = "Node" }]
''', encoding="utf-8")
    (rule,) = load_rules(tmp_path)
    assert rule.to_end is None and rule.tail is not None


def test_a_text_that_holds_the_placeholder_character_itself_reads_as_with_the_search():
    import dataclasses

    from plan_extract import extract

    plain = [dataclasses.replace(r, to_end=None) for r in default_rules()]
    for text in ("今年新建3座\ue000智慧图书馆，建成50家左右互联网医院\ue000。",
                 "建成\ue0005个数据中心，培育10所數字化示範學校", "\ue000\ue000现有六个国家级平台"):
        assert extract(text) == extract(text, rules=plain)
