"""Rule files: TOML data validated by pydantic, patterns compiled once with the `regex` module.

A rule is tried around one quantity at a time: the engine hands it the sentence with the quantity
replaced by a placeholder, and `{QUANTITY}` in the pattern stands for that placeholder (with the
comparator words around it). Other `{NAME}` blocks come from data/zh.toml [blocks].
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .errors import RuleError
from .lexicon import alternation, lexicon

PLACEHOLDER = "\ue000"
_BLOCK = regex.compile(r"\{([A-Z][A-Z_]*)\}")
_FIELD = regex.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
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

    @model_validator(mode="after")
    def _examples_have_keywords(self) -> "Rule":
        from .view import to_simplified

        for i, ex in enumerate(self.examples):
            if self.keywords and not any(k in to_simplified(ex.text) for k in self.keywords):
                raise ValueError(f"examples[{i}] contains none of the keywords, so the rule would never be tried on it")
        return self


class RuleFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rule: list[Rule] = Field(min_length=1)


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

    @property
    def id(self) -> str:
        return self.rule.id


@cache
def _blocks() -> dict[str, str]:
    return {**lexicon()["blocks"], "QUANTITY": PLACEHOLDER}


def compile_pattern(pattern: str, reverse: bool = True) -> regex.Pattern:
    """Expands {BLOCK}s and compiles (matching backwards by default: rules are anchored on their
    quantity); raises ValueError with a readable message."""
    blocks = _blocks()
    unknown = sorted({b for b in _BLOCK.findall(pattern) if b not in blocks})
    if unknown:
        raise ValueError("unknown block " + ", ".join("{%s}" % b for b in unknown))
    expanded = _BLOCK.sub(lambda m: f"(?:{blocks[m.group(1)]})", pattern)
    try:
        return regex.compile(expanded, regex.REVERSE if reverse else 0)
    except regex.error as e:
        raise ValueError(str(e)) from None


def _top_level(pattern: str):
    """Yields (index, character) for the characters outside groups and character classes."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif depth == 0:
            yield i, c
        i += 1


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
    except ValueError:
        return False, None


def default_rules_dir() -> Path:
    """The bundled rules: inside the installed package, or rules/ at the top of a checkout."""
    packaged = resources.files("plan_extract").joinpath("rules")
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "rules"


def load_rules(directory: str | Path | None = None) -> list[CompiledRule]:
    """Loads every *.toml in the directory (sorted); specific rules first, general ones last.

    Raises RuleError listing every problem as `path: rule id: field: message`.
    """
    bundled = directory is None
    directory = Path(directory) if directory is not None else default_rules_dir()
    if not directory.is_dir():
        raise RuleError([f"{directory}: not a directory of rule files"])
    files = sorted(directory.glob("*.toml"))
    if not files:
        raise RuleError([f"{directory}: no *.toml rule files"])
    problems: list[str] = []
    compiled: list[CompiledRule] = []
    seen: dict[str, str] = {}
    for path in files:
        for item in _load_file(path, problems, bundled):
            if item.id in seen:
                problems.append(f"{path}: {item.id}: id: duplicate, first defined in {seen[item.id]}")
                continue
            seen[item.id] = str(path)
            compiled.append(item)
    if problems:
        raise RuleError(problems)
    return sorted(compiled, key=lambda r: r.rule.general)  # stable: file order within each group


def _load_file(path: Path, problems: list[str], bundled: bool) -> list[CompiledRule]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        problems.append(f"{path}: cannot read: {e}")
        return []
    except tomllib.TOMLDecodeError as e:
        problems.append(f"{path}: TOML syntax: {e}")
        return []
    try:
        parsed = RuleFile.model_validate(data)
    except ValidationError as e:
        raw_rules = data.get("rule") if isinstance(data.get("rule"), list) else []
        for err in e.errors():
            loc = list(err["loc"])
            rid = "-"
            if len(loc) >= 2 and loc[0] == "rule" and isinstance(loc[1], int):
                raw = raw_rules[loc[1]] if loc[1] < len(raw_rules) else {}
                rid = raw.get("id", f"rule #{loc[1] + 1}") if isinstance(raw, dict) else f"rule #{loc[1] + 1}"
                loc = loc[2:]
            field = ".".join(str(x) for x in loc) or "-"
            problems.append(f"{path}: {rid}: {field}: {err['msg']}")
        return []
    out = []
    for rule in parsed.rule:
        try:
            pattern = compile_pattern(rule.pattern)
        except ValueError as e:
            problems.append(f"{path}: {rule.id}: pattern: {e}")
            continue
        fields = tuple(_FIELD.findall(rule.indicator))
        missing = [f for f in fields if f not in pattern.groupindex]
        if missing:
            problems.append(f"{path}: {rule.id}: indicator: names group '{missing[0]}' that the pattern does not define")
            continue
        ends, tail = _tails(rule.pattern)
        keywords = re.compile(alternation(rule.keywords)) if rule.keywords else None
        out.append(CompiledRule(rule, pattern, str(path), fields, ends, tail, keywords, bundled))
    return out
