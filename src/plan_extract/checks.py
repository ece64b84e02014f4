"""Runs a rule set's examples and counter-examples against the WHOLE set (Duckling's corpus test).

A rule whose example another rule takes never fires on that phrasing, so each example must be won by
its own rule: `example of A won by B` otherwise. A counter-example of A is a text A must find nothing
in; another rule may take it (5G用户普及率达到56% is no count of base stations, but it is a rate).
"""

from __future__ import annotations

import math

from .engine import extract_text
from .errors import PlanExtractError
from .rules import CompiledRule

# An example must not take longer than this (a catastrophic pattern is reported, not waited for).
TIME_LIMIT = 10.0


def _run(rules: list[CompiledRule], text: str):
    try:
        records, _ = extract_text(text, "<example>", rules, time_limit=TIME_LIMIT)
    except PlanExtractError as e:
        return None, e.message
    return records, None


def check_example(rule: CompiledRule, index: int, rules: list[CompiledRule] | None = None) -> str | None:
    """None when the example holds in the rule set `rules` (default: the rule alone), else what went wrong."""
    ex = rule.rule.examples[index]
    records, error = _run([rule] if rules is None else rules, ex.text)
    if error:
        return error
    hits = [r for r in records if math.isclose(r.value, ex.value, rel_tol=1e-9, abs_tol=1e-9)]
    if not hits:
        got = ", ".join(f"{r.raw}={r.value:g} ({r.rule})" for r in records) or "nothing"
        return f"expected value {ex.value:g}, got {got}"
    spans = sorted((r.start, r.end, r.raw) for r in records)
    for (a, b, raw), (c, d, raw2) in zip(spans, spans[1:]):
        if c < b:  # overlapping spans: one figure read twice
            return f"two rows for one figure: {raw} and {raw2}"
    own = [r for r in hits if r.rule == rule.id]
    if not own:
        return f"example of {rule.id} won by {hits[0].rule}"
    r = own[0]
    for name in ("unit", "comparator", "indicator", "kind", "year"):
        want = getattr(ex, name)
        if want is not None and getattr(r, name) != want:
            return f"expected {name} {want!r}, got {getattr(r, name)!r}"
    return None


def check_counter_example(rule: CompiledRule, index: int, rules: list[CompiledRule] | None = None) -> str | None:
    """None when the rule takes nothing in its counter-example (run in `rules`, default the rule alone)."""
    text = rule.rule.counter_examples[index]
    records, error = _run([rule] if rules is None else rules, text)
    if error:
        return error
    mine = [r for r in records if r.rule == rule.id]
    if mine:
        return "matched " + ", ".join(f"{r.raw} as {r.indicator}" for r in mine)
    return None


def check_rules(rules: list[CompiledRule]) -> list[str]:
    """One line per failing example, each run in the whole set: `path: rule id: examples.i: message`."""
    problems = []
    for rule in rules:
        for i, ex in enumerate(rule.rule.examples):
            msg = check_example(rule, i, rules)
            if msg:
                problems.append(f"{rule.source}: {rule.id}: examples[{i}]: {ex.text!r}: {msg}")
        for i, text in enumerate(rule.rule.counter_examples):
            msg = check_counter_example(rule, i, rules)
            if msg:
                problems.append(f"{rule.source}: {rule.id}: counter_examples[{i}]: {text!r}: {msg}")
    return problems
