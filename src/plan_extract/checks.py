"""Runs a rule set's own examples and counter-examples (Duckling's corpus test, per rule)."""

from __future__ import annotations

import math

from .engine import extract_text
from .errors import PlanExtractError
from .rules import CompiledRule

# An example must not take longer than this (a catastrophic pattern is reported, not waited for).
TIME_LIMIT = 10.0


def _run(rule: CompiledRule, text: str):
    try:
        records, _ = extract_text(text, "<example>", [rule], time_limit=TIME_LIMIT)
    except PlanExtractError as e:
        return None, e.message
    return records, None


def check_example(rule: CompiledRule, index: int) -> str | None:
    """None when the example holds, else what went wrong."""
    ex = rule.rule.examples[index]
    records, error = _run(rule, ex.text)
    if error:
        return error
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
    records, error = _run(rule, text)
    if error:
        return error
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
