"""Every bundled rule's examples and counter-examples, one test each, with the rule id in the test id
(`pytest -k INF-5G-BASE-STATIONS` runs one rule's cases). Each runs against the WHOLE rule set, as
Duckling's corpus test does: an example must be won by its own rule, not by one tried before it."""

import pytest

from plan_extract import default_rules
from plan_extract.checks import check_counter_example, check_example

RULES = default_rules()
EXAMPLES = [(r, i) for r in RULES for i in range(len(r.rule.examples))]
COUNTERS = [(r, i) for r in RULES for i in range(len(r.rule.counter_examples))]


@pytest.mark.parametrize("rule,i", EXAMPLES, ids=[f"{r.id}-example{i}" for r, i in EXAMPLES])
def test_example(rule, i):
    problem = check_example(rule, i, RULES)
    assert problem is None, f"{rule.rule.examples[i].text}: {problem}"


@pytest.mark.parametrize("rule,i", COUNTERS, ids=[f"{r.id}-counter{i}" for r, i in COUNTERS])
def test_counter_example(rule, i):
    problem = check_counter_example(rule, i, RULES)
    assert problem is None, f"{rule.rule.counter_examples[i]}: {problem}"


def test_every_rule_has_examples_and_the_catalogue_covers_the_named_indicators():
    ids = {r.id for r in RULES}
    assert all(r.rule.examples for r in RULES)
    for needed in ("INF-5G-BASE-STATIONS", "INF-BASE-STATIONS", "RATE-COVERAGE", "RATE-SHARE", "RATE-GROWTH",
                   "ECO-MONEY", "CNT-PLATFORMS", "CNT-ENTERPRISES", "CNT-PROJECTS", "CNT-SERVICES",
                   "CNT-HOUSEHOLDS", "INF-FIBER-CABLE", "INF-BANDWIDTH", "INF-RACKS", "GEN-PHRASE-QUANTITY"):
        assert needed in ids


def test_order_is_general_last_then_priority_then_id():
    keys = [(r.rule.general, -r.rule.priority, r.id) for r in RULES]
    assert keys == sorted(keys)


def test_bundled_patterns_show_no_internals():
    """The quantity's placeholder and the phrase character classes are named blocks, not written out."""
    for r in RULES:
        assert "\\uE000" not in r.rule.pattern and "\ue000" not in r.rule.pattern, r.id
