"""Values in a rule that can never work, found when the rule loads, each with its reason: a unit
the number grammar never gives, a keyword or pattern text the Simplified search view never contains,
an indicator template that cannot be filled."""

from __future__ import annotations

import string
from functools import cache
from typing import TYPE_CHECKING

from .lexicon import lexicon
from .patterns import literal_chars

if TYPE_CHECKING:
    from .rules import Rule


@cache
def grammar_units() -> frozenset[str]:
    """Every unit a quantity can carry: the [units] lists as the grammar names them."""
    from .grammar import UNIT_NAMES

    units = lexicon()["units"]
    return frozenset(UNIT_NAMES.get(u, u) for key, group in units.items() for u in group) | {"%"}


def _unit_problem(unit: str) -> str | None:
    known = grammar_units()
    if unit in known:
        return None
    from .grammar import UNIT_NAMES

    if unit in UNIT_NAMES:
        return f"'{unit}' is given as '{UNIT_NAMES[unit]}': write that"
    simple = _simplified(unit)
    if simple != unit and simple in known:
        return f"'{unit}' never occurs: quantities carry Simplified units, write '{simple}'"
    numbers = lexicon()["numbers"]
    for mult in sorted({**numbers["multipliers"], **numbers["money_multipliers"]}, key=len, reverse=True):
        if unit.startswith(mult) and unit[len(mult):] in known:
            return (f"'{unit}' carries the multiplier {mult}, which the grammar folds into the value "
                    f"(2万架 is 20000 架): write '{unit[len(mult):]}'")
    return f"'{unit}' is not a unit the number grammar knows (add it to [units] in data/zh.toml)"


def _simplified(text: str) -> str:
    from .view import to_simplified

    return to_simplified(text)


def check_values(rule: "Rule") -> list[tuple[str, str]]:
    """(field, message) for the units, keywords and examples that cannot work."""
    out = []
    for i, unit in enumerate(rule.units):
        problem = _unit_problem(unit)
        if problem:
            out.append((f"units[{i}]", problem))
    for i, word in enumerate(rule.keywords):
        simple = _simplified(word)
        if not word:
            out.append((f"keywords[{i}]", "empty keyword"))
        elif simple != word:
            out.append((f"keywords[{i}]", f"'{word}' never occurs: rules are tried on the Simplified, "
                        f"half-width view of the text, write '{simple}'"))
        elif any(c in "。!?\n" for c in word[:-1]):
            out.append((f"keywords[{i}]", f"'{word}' never occurs: rules are tried on one sentence at a time"))
    for i, ex in enumerate(rule.examples):
        if ex.unit is not None and rule.units and ex.unit not in rule.units:
            out.append((f"examples[{i}].unit", f"'{ex.unit}' is not one of the rule's units {rule.units}: "
                        "the rule is never tried on it"))
        if ex.kind is not None and rule.kind is not None and ex.kind != rule.kind:
            out.append((f"examples[{i}].kind", f"'{ex.kind}' can never hold: the rule sets kind '{rule.kind}'"))
    if rule.keywords and not out:
        for i, ex in enumerate(rule.examples):
            if not any(k in _simplified(ex.text) for k in rule.keywords):
                out.append((f"examples[{i}]", "contains none of the keywords, so the rule would never be tried on it"))
    return out


def never_matching(pattern: str, field: str) -> list[str]:
    """Characters outside character classes that the search view never contains (Traditional and
    full-width forms are folded before matching)."""
    bad = []
    for _, c, _ in literal_chars(pattern):
        if c != "\ue000" and _simplified(c) != c and c not in bad:
            bad.append(c)
    if not bad:
        return []
    fixes = ", ".join(f"{c} -> {_simplified(c) if _simplified(c) != ' ' else 'a space'}" for c in bad)
    return [f"never matches {''.join(bad)}: rules are tried on the Simplified, half-width view of the text ({fixes})"]


def template_fields(template: str) -> tuple[str, ...]:
    """The group names an indicator template uses; ValueError with a readable reason otherwise."""
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError as e:
        raise ValueError(f"not a template ({e}): write {{name}} for a named group, {{{{ and }}}} for braces") from None
    fields = []
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if not name.isidentifier():
            raise ValueError(f"{{{name}}} is not a group name: write {{name}} for a named group of the pattern")
        if spec or conversion:
            raise ValueError(f"{{{name}}} has a format spec or conversion: write {{{name}}} alone")
        fields.append(name)
    return tuple(dict.fromkeys(fields))
