"""Rule files: TOML data validated by pydantic, patterns compiled once with the `regex` module.

A rule is tried around one quantity at a time: the engine hands it the sentence with the quantity
replaced by a placeholder, and `{QUANTITY}` in the pattern stands for that placeholder (with the
comparator words around it). Other `{NAME}` blocks come from data/zh.toml [blocks].
"""

from __future__ import annotations

import re
import tomllib
import warnings
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable, Literal

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import RuleError
from .lexicon import alternation
from .pattern_ends import last_chars
from .patterns import PLACEHOLDER, PatternError, compile_pattern, expand, literal_chars
from .rule_values import check_values, never_matching, template_fields

__all__ = ["PLACEHOLDER", "CompiledRule", "Rule", "Example", "compile_pattern", "load_rules", "load_rule_set",
           "default_rules_dir", "order_key"]
Kind = Literal["target", "actual"]


class Example(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    value: float
    unit: str | None = None
    comparator: Literal["=", ">", ">=", "<", "<=", "~"] | None = None
    indicator: str | None = None
    kind: Kind | None = None
    year: int | None = None


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$")
    indicator: str = Field(min_length=1)
    category: str = Field(min_length=1)
    pattern: str
    description: str = ""
    priority: int = 0  # higher is tried first (see order_key)
    units: list[str] = []
    keywords: list[str] = []
    kind: Kind | None = None
    general: bool = False
    examples: list[Example] = Field(min_length=1)
    counter_examples: list[str] = []

    @field_validator("pattern")
    @classmethod
    def _has_quantity(cls, v: str) -> str:
        if "{QUANTITY}" not in v:
            raise ValueError("must contain {QUANTITY}")
        return v


def order_key(rule: "CompiledRule"):
    """The order rules are tried in, first match wins: specific rules before general ones, then higher
    `priority` first, then by id. Neither file names nor the order of files decides; two rules that
    both match one example are caught by the whole-set example check (checks.py)."""
    return (rule.rule.general, -rule.rule.priority, rule.rule.id)


@dataclass(frozen=True)
class CompiledRule:
    rule: Rule
    regex: regex.Pattern
    source: str  # the file it came from
    fields: tuple[str, ...]  # named groups the indicator template uses
    ends_at_quantity: bool  # every alternative ends with {QUANTITY}: one anchored attempt suffices
    tail: regex.Pattern | None  # what may follow the quantity, for the alternatives that go on
    keywords: re.Pattern | None  # one of the rule's keywords, when it has some
    bundled: bool = False  # shipped and tested with the package: matched without the per-call timeout
    to_end: regex.Pattern | None = None  # for a search around one quantity (see _to_end)
    before: frozenset[str] | None = None  # what a match can have right before its quantity (see _before)

    @property
    def id(self) -> str:
        return self.rule.id


def _top_level(pattern: str):
    """Yields (index, character) for the characters outside groups and character classes."""
    return ((i, c) for i, c, depth in literal_chars(pattern) if depth == 0 and c not in "()")


def top_level_alternatives(pattern: str) -> list[str]:
    """Splits a pattern at the | that are outside groups and character classes."""
    cuts = [i for i, c in _top_level(pattern) if c == "|"]
    return [pattern[a + 1:b] for a, b in zip([-1] + cuts, cuts + [len(pattern)])]


def _tails(pattern: str) -> tuple[bool, regex.Pattern | None]:
    """Whether every alternative ends with {QUANTITY}; and, for those that go on after it, a forward
    pattern of what follows the quantity: when it does not match there, those alternatives cannot
    match at all, and one anchored attempt at the quantity is enough."""
    tails = []
    for alt in top_level_alternatives(pattern):
        if alt.endswith("{QUANTITY}"):
            continue
        at = [i for i, c in _top_level(alt) if alt.startswith("{QUANTITY}", i)]
        if not at:  # {QUANTITY} inside a group: no cheap test, always search
            return False, None
        tails.append(alt[at[-1] + len("{QUANTITY}"):])
    if not tails:
        return True, None
    try:
        return False, compile_pattern("|".join(f"(?:{t})" for t in tails), reverse=False)
    except PatternError:
        return False, None


# A group of global inline flags, (?i) or (?V1): it must stay at the pattern's start, unwrapped.
_GLOBAL_FLAGS = re.compile(r"\(\?[a-zA-Z0-9-]+\)")


def _to_end(pattern: str) -> regex.Pattern | None:
    """The pattern with a lazy run of characters other than the placeholder after it, matched at the
    end of a window that holds the placeholder once: the same first match as a reverse search (its
    end at the window's end, then one character before, and so on), but it stops at the quantity,
    left of which no match can hold the placeholder. Most windows have no match at all, and the
    search would try every position before the quantity too."""
    if _GLOBAL_FLAGS.search(pattern):
        return None
    try:
        return compile_pattern(f"(?:{pattern})[^{PLACEHOLDER}]*?")
    except PatternError:
        return None


def _before(pattern: str) -> frozenset[str] | None:
    """The characters that can stand right before the quantity in a match: the last characters of
    what each alternative has before its {QUANTITY}, read from the `re` parse tree (pattern_ends).
    None when that cannot be told: an alternative with nothing before its quantity, or with the
    quantity inside a group, or syntax the `re` module reads otherwise or not at all."""
    chars: set[str] = set()
    for alt in top_level_alternatives(pattern):
        at = [i for i, c in _top_level(alt) if alt.startswith("{QUANTITY}", i)]
        if not at:
            return None
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")  # a FutureWarning: a class `regex` may read as a set
                last = last_chars(re.compile(expand(alt[:at[-1]])[0]))
        except (re.error, PatternError, Warning):
            return None
        if last is None:
            return None
        chars |= last
    return frozenset(chars)


def default_rules_dir() -> Path:
    """The bundled rules: inside the installed package, or rules/ at the top of a checkout."""
    packaged = resources.files("plan_extract").joinpath("rules")
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "rules"


def load_rules(directory: str | Path | None = None, add: Iterable[str | Path] = ()) -> list[CompiledRule]:
    """The rule set: every *.toml in `directory` (default: the bundled rules) and in each `add`
    directory, in the order they are tried (order_key).

    Raises RuleError listing every problem as `path: rule id: field: message`.
    """
    rules, problems = load_rule_set(directory, add)
    if problems:
        raise RuleError(problems)
    return rules


def load_rule_set(directory: str | Path | None = None,
                  add: Iterable[str | Path] = ()) -> tuple[list[CompiledRule], list[str]]:
    """The rules that load, and one line per problem of those that do not (all of them, not the first)."""
    sources = [(Path(directory) if directory is not None else default_rules_dir(), directory is None)]
    sources += [(Path(d), False) for d in add]
    problems: list[str] = []
    compiled: list[CompiledRule] = []
    seen: dict[str, str] = {}
    for folder, bundled in sources:
        if folder.is_file() and folder.suffix == ".toml":  # one rule file is a rule set too
            files = [folder]
        elif not folder.is_dir():
            problems.append(f"{folder}: not a directory of rule files")
            continue
        else:
            files = sorted(folder.glob("*.toml"))
        if not files:
            problems.append(f"{folder}: no *.toml rule files")
        for path in files:
            for item in _load_file(path, problems, bundled):
                if item.id in seen:
                    problems.append(f"{path}: {item.id}: id: duplicate, first defined in {seen[item.id]}")
                    continue
                seen[item.id] = str(path)
                compiled.append(item)
    return sorted(compiled, key=order_key), problems


def _load_file(path: Path, problems: list[str], bundled: bool) -> list[CompiledRule]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        problems.append(f"{path}: cannot read: {e}")
        return []
    except tomllib.TOMLDecodeError as e:
        problems.append(f"{path}: TOML syntax: {e}")
        return []
    except RecursionError:
        problems.append(f"{path}: TOML syntax: nested too deep")
        return []
    extra = sorted(set(data) - {"rule"})
    if extra:
        problems.append(f"{path}: -: {extra[0]}: unknown key (a rule file holds [[rule]] tables)")
    raw_rules = data.get("rule")
    if not isinstance(raw_rules, list) or not raw_rules:
        problems.append(f"{path}: -: rule: no [[rule]] tables")
        return []
    out = []
    for n, raw in enumerate(raw_rules):
        rid = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else f"rule #{n + 1}"
        errors: list[tuple[str, str]] = []
        try:
            rule = Rule.model_validate(raw)
        except ValidationError as e:
            for err in e.errors():
                field = "".join(f"[{x}]" if isinstance(x, int) else f".{x}" for x in err["loc"]).lstrip(".") or "-"
                problems.append(f"{path}: {rid}: {field}: {err['msg']}")
            continue
        item = _compile(rule, str(path), bundled, errors)
        problems += [f"{path}: {rid}: {field}: {msg}" for field, msg in errors]
        if item is not None and not errors:
            out.append(item)
    return out


def _compile(rule: Rule, source: str, bundled: bool, errors: list[tuple[str, str]]) -> CompiledRule | None:
    """Compiles one validated rule; appends (field, message) for everything that cannot work."""
    errors += [("pattern", m) for m in never_matching(rule.pattern, "pattern")]
    for field, message in check_values(rule):
        errors.append((field, message))
    try:
        fields = template_fields(rule.indicator)
    except ValueError as e:
        errors.append(("indicator", str(e)))
        fields = ()
    try:
        pattern = compile_pattern(rule.pattern)
    except PatternError as e:
        errors.append(("pattern", str(e)))
        return None
    for f in fields:
        if f not in pattern.groupindex:
            errors.append(("indicator", f"names group '{f}' that the pattern does not define"))
    if errors:
        return None
    ends, tail = _tails(rule.pattern)
    keywords = re.compile(alternation(rule.keywords)) if rule.keywords else None
    return CompiledRule(rule, pattern, source, fields, ends, tail, keywords, bundled, None if ends else _to_end(rule.pattern),
                        _before(rule.pattern) if bundled else None)
