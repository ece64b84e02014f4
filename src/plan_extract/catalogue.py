"""The catalogue of canonical indicators: TOML data beside the rules, validated by pydantic.

Each entry has a stable id, a Simplified name, the unit family its values take and the wordings that
name it. Wordings are compared after `normalise`: Simplified characters, regional vocabulary mapped to
the mainland word (數位 -> 数字, 寬頻 -> 宽带, 基地台 -> 基站), harmless scope and verb words around the
head noun left out. A user file (`--indicators FILE`) adds entries and synonyms to the bundled ones.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import RuleError
from .grammar import UNIT_NAMES
from .lexicon import alternation, lexicon

UnitFamily = Literal["count", "percent", "money", "length", "area", "data", "energy", "time", "times", "number"]


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$")
    name: str = Field(min_length=1)
    unit: UnitFamily
    category: str = Field(min_length=1)
    wordings: list[str] = Field(min_length=1)
    examples: list[str] = Field(min_length=1)  # phrases (any script, place names allowed) that name it
    counter_examples: list[str] = []  # phrases that must not get this id
    growth_of: str | None = None  # the id of the indicator whose rate of change this is
    description: str = ""


class CatalogueFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    synonyms: dict[str, str] = {}  # regional word -> mainland word, both compared in Simplified
    indicator: list[Entry] = []


@dataclass
class Catalogue:
    entries: list[Entry]
    synonyms: dict[str, str]
    sources: dict[str, str] = field(default_factory=dict)  # id -> file
    _index: dict[str, Entry] = field(default_factory=dict)
    _syn: re.Pattern | None = None
    memo: dict = field(default_factory=dict)  # per-name results of the row stage (canon)

    def __post_init__(self):
        self._syn = re.compile(alternation(self.synonyms)) if self.synonyms else None
        for e in self.entries:
            for w in [e.name, *e.wordings]:
                self._index.setdefault(self.key(w), e)

    def remember(self, key, value) -> None:
        if len(self.memo) > 200_000:  # bounded: a long run meets ever new phrases
            self.memo.clear()
        self.memo[key] = value

    def growth(self, id_: str | None) -> "Entry | None":
        """The entry that is the rate of change of `id_` (软件业务收入增速 of 软件业务收入), if listed."""
        return next((e for e in self.entries if e.growth_of == id_), None) if id_ else None

    def by_id(self, id_: str) -> Entry | None:
        return next((e for e in self.entries if e.id == id_), None)

    def simplify(self, phrase: str, fold: bool = True) -> str:
        """Simplified characters and mainland vocabulary; with `fold` (for comparing) also no quotes,
        brackets or spaces and letters in one case. Without it, a name as it is shown."""
        from .view import to_simplified

        s = to_simplified(phrase)
        s = _NOISE.sub("", s).casefold() if fold else s
        return self._syn.sub(lambda m: self.synonyms[m.group()], s) if self._syn else s

    def key(self, phrase: str) -> str:
        """The lookup key: the simplified phrase without the scope, verb and count words around it."""
        s = _inner().sub("", self.simplify(phrase))  # 同比, 比上年: the measure's reference, not the indicator
        for _ in range(3):  # 全省累计建成 -> several prefix words in a row
            t = _prefix().sub("", s, count=1)
            if t == s or not t:
                break
            s = t
        t = _suffix().sub("", s, count=1)
        return t or s

    def lookup(self, phrase: str) -> Entry | None:
        return self._index.get(self.key(phrase))


_NOISE = re.compile(r"[\s“”\"'‘’「」『』《》()（）]")


@cache
def _prefix() -> re.Pattern:
    return re.compile(f"^(?:{alternation(w.casefold() for w in lexicon()['catalogue']['harmless_prefixes'])})")


@cache
def _inner() -> re.Pattern:
    return re.compile(alternation(lexicon()["catalogue"]["harmless_inner"]))


@cache
def _suffix() -> re.Pattern:
    return re.compile(f"(?:{alternation(lexicon()['catalogue']['harmless_suffixes'])})$")


@cache
def unit_family(unit: str) -> str:
    """The family of a row's unit: count for measure words and bare numbers of things."""
    units = lexicon()["units"]
    for fam in ("percent", "points", "money", "length", "area", "data", "energy", "time", "times"):
        if unit in units[fam] or unit in {UNIT_NAMES.get(u, u) for u in units[fam]}:  # (新台币: 新台币元)
            return "percent" if fam == "points" else fam
    return "count"


def fits(entry: Entry, unit: str) -> bool:
    fam = unit_family(unit)
    return fam == entry.unit or entry.unit == "number" and unit == "" or entry.unit == "count" and unit == ""


def default_catalogue_dir() -> Path:
    """The bundled catalogue: inside the installed package, or indicators/ at the top of a checkout."""
    packaged = resources.files("plan_extract").joinpath("indicators")
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "indicators"


@cache
def default_catalogue() -> Catalogue:
    return load_catalogue()


def load_catalogue(extra: str | Path | None = None) -> Catalogue:
    """The bundled catalogue, extended by a user's file (or directory of files) when given. A user entry
    with a bundled id adds its wordings to it. Raises RuleError listing every problem as
    `path: id: field: message`."""
    problems: list[str] = []
    files = sorted(default_catalogue_dir().glob("*.toml"))
    if extra is not None:
        extra = Path(extra)
        if extra.is_dir():
            files += sorted(extra.glob("*.toml"))
        elif extra.is_file():
            files.append(extra)
        else:
            raise RuleError([f"{extra}: no such indicator file"])
    entries: dict[str, Entry] = {}
    sources: dict[str, str] = {}
    synonyms: dict[str, str] = {}
    for path in files:
        parsed = _load_file(path, problems)
        if parsed is None:
            continue
        synonyms.update(parsed.synonyms)
        for e in parsed.indicator:
            if e.id in entries:
                if sources[e.id] == str(path):
                    problems.append(f"{path}: {e.id}: id: duplicate")
                else:  # an extension: more wordings for a known indicator
                    old = entries[e.id]
                    entries[e.id] = old.model_copy(update={"wordings": old.wordings + e.wordings})
                continue
            entries[e.id] = e
            sources[e.id] = str(path)
    if problems:
        raise RuleError(problems)
    from .view import to_simplified

    synonyms = {to_simplified(k): to_simplified(v) for k, v in synonyms.items()}
    return Catalogue(list(entries.values()), synonyms, sources)


def _load_file(path: Path, problems: list[str]) -> CatalogueFile | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        problems.append(f"{path}: cannot read: {e}")
        return None
    except tomllib.TOMLDecodeError as e:
        problems.append(f"{path}: TOML syntax: {e}")
        return None
    try:
        return CatalogueFile.model_validate(data)
    except ValidationError as e:
        raw = data.get("indicator") if isinstance(data.get("indicator"), list) else []
        for err in e.errors():
            loc = list(err["loc"])
            eid = "-"
            if len(loc) >= 2 and loc[0] == "indicator" and isinstance(loc[1], int):
                item = raw[loc[1]] if loc[1] < len(raw) else {}
                eid = item.get("id", f"indicator #{loc[1] + 1}") if isinstance(item, dict) else f"indicator #{loc[1] + 1}"
                loc = loc[2:]
            problems.append(f"{path}: {eid}: {'.'.join(str(x) for x in loc) or '-'}: {err['msg']}")
        return None
