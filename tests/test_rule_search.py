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


SCREENED = [r for r in default_rules() if r.before is not None]


def test_bundled_rules_that_end_their_phrase_before_the_quantity_are_screened_by_its_neighbour(tmp_path):
    assert len(SCREENED) >= 10
    (tmp_path / "r.toml").write_text('''[[rule]]
id = "X-USER"
indicator = "基站"
category = "general"
pattern = \'\'\'基站(?:达到|为){QUANTITY}\'\'\'
examples = [{ text = "基站达到5个", value = 5, unit = "个" }]
''', encoding="utf-8")
    (rule,) = load_rules(tmp_path)
    assert rule.before is None  # a user's pattern may use syntax the re module reads otherwise


@settings(max_examples=800, deadline=None)
@given(st.data())
def test_a_rule_screened_out_by_the_character_before_the_quantity_has_no_match_there(data):
    rule = data.draw(st.sampled_from(SCREENED))
    text = data.draw(st.sampled_from([e.text for e in rule.rule.examples] + rule.rule.counter_examples))
    a, i, j, b = sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=4, max_size=4)))
    last = data.draw(st.sampled_from(["", "达", "为", "的", "，", "约", "x", "5", "达到", "超过"]))
    window = text[a:i] + last + PLACEHOLDER + text[j:b]
    ph = window.index(PLACEHOLDER)
    if ph and window[ph - 1] in rule.before:
        return
    assert found(rule, rule.regex.search(window)) is None
    assert found(rule, rule.regex.match(window, 0, ph + 1)) is None
    if rule.to_end is not None:
        assert found(rule, rule.to_end.match(window)) is None


def test_a_comparator_before_a_line_break_reads_as_without_the_screens():
    import dataclasses

    from plan_extract import extract

    # 达到 ends the line before its figure: the quantity's words start before its sentence
    plain = [dataclasses.replace(r, to_end=None, before=None) for r in default_rules()]
    for text in ("每万人拥有5G基站数达到\n45个。\n专栏2", "全市数据中心超过\n3万架，", "规上企业达\n1200家和"):
        assert extract(text) == extract(text, rules=plain)


def test_mutated_documents_read_as_without_the_screens():
    import dataclasses
    import random
    from pathlib import Path

    from plan_extract import extract

    plain = [dataclasses.replace(r, to_end=None, before=None) for r in default_rules()]
    root = Path(__file__).resolve().parents[1]
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.glob("seeds/*.txt")) + sorted(root.glob("tests/docs/*.txt"))]
    words = ["全市", "其中，", "\ue000", " ", "\n", "、", "达到", "建成", "50家", "互联网医院", "的", "和", "约", "超过"]
    rnd = random.Random(3)
    for _ in range(30):
        t = list(rnd.choice(texts))
        for _ in range(rnd.randint(1, 10)):
            p = rnd.randint(0, len(t))
            if rnd.random() < 0.6:
                t[p:p] = list(rnd.choice(words))
            else:
                del t[p:p + rnd.randint(1, 4)]
        text = "".join(t)
        assert extract(text) == extract(text, rules=plain)
