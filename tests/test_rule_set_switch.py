"""The engine keeps the rules that accept each unit while the same rule set runs document after
document: another rule set, even one made of the same rules, must be read as itself."""

from plan_extract import default_rules, extract

SIMPLIFIED = "截至2024年底，全省累计建成5G基站8.6万个，5G用户普及率达到75%。"
TRADITIONAL = "截至2024年底，全省累計建成5G基站8.6萬個，5G用戶普及率達到75%。"


def test_a_smaller_rule_set_after_the_full_one_is_read_as_itself():
    full = default_rules()
    for text in (SIMPLIFIED, TRADITIONAL):
        first = extract(text, rules=full)
        assert "INF-5G-BASE-STATIONS" in {r.rule for r in first}
        without = [r for r in full if r.id != "INF-5G-BASE-STATIONS"]
        assert "INF-5G-BASE-STATIONS" not in {r.rule for r in extract(text, rules=without)}
        assert extract(text, rules=full) == first  # and back again


def test_the_same_rules_in_another_order_follow_that_order():
    full = default_rules()
    text = SIMPLIFIED
    base = {r.raw: r.rule for r in extract(text, rules=full)}
    # the general rules last in the bundled order: first, they win every figure they match
    general = [r for r in full if r.rule.general]
    reordered = general + [r for r in full if not r.rule.general]
    moved = {r.raw: r.rule for r in extract(text, rules=reordered)}
    assert any(moved[raw] != rule for raw, rule in base.items() if raw in moved)
