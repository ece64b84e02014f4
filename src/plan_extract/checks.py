"""Runs a rule set's own examples and counter-examples (Duckling's corpus test, per rule)."""

from __future__ import annotations

import math

from .engine import extract_text
from .rules import CompiledRule


def check_example(rule: CompiledRule, index: int) -> str | None:
    """None when the example holds, else what went wrong."""
    ex = rule.rule.examples[index]
    records, _ = extract_text(ex.text, "<example>", [rule])
    hits = [r for r in records if math.isclose(r.value, ex.value, rel_tol=1e-9, abs_tol=1e-9)]
    if not hits:
        got = ", ".join(f"{r.raw}={r.value:g}" for r in records) or "nothing"
        return f"expected value {ex.value:g}, got {got}"
    r = hits[0]
    for name in ("unit", "comparator", "indicator", "kind", "year"):
        want = getattr(ex, name)
        if want is not None and getattr(r, name) != want:
            return f"expected {name} {want!r}, got {getattr(r, name)!r}"
    return None


def check_counter_example(rule: CompiledRule, index: int) -> str | None:
    text = rule.rule.counter_examples[index]
    records, _ = extract_text(text, "<counter-example>", [rule])
    if records:
        return "matched " + ", ".join(f"{r.raw} as {r.indicator}" for r in records)
    return None


def check_rules(rules: list[CompiledRule]) -> list[str]:
    """One line per failing example: `path: rule id: examples[i]: message`."""
    problems = []
    for rule in rules:
        for i, ex in enumerate(rule.rule.examples):
            msg = check_example(rule, i)
            if msg:
                problems.append(f"{rule.source}: {rule.id}: examples[{i}]: {ex.text!r}: {msg}")
        for i, text in enumerate(rule.rule.counter_examples):
            msg = check_counter_example(rule, i)
            if msg:
                problems.append(f"{rule.source}: {rule.id}: counter_examples[{i}]: {text!r}: {msg}")
    return problems
