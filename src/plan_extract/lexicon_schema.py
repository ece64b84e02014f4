"""The schema of data/zh.toml: one pydantic model per section, unknown keys refused (extra="forbid").

A new word list is a new field in its section's model; the test suite validates the shipped file
(tests/test_lexicon.py). The schema is checked by the tests, not at every start, to keep start-up fast.
"""

from __future__ import annotations

from typing import Annotated, Literal

import regex
from pydantic import AfterValidator, BaseModel, ConfigDict, Field


def _compiles(pattern: str) -> str:
    try:
        regex.compile(pattern)
    except regex.error as e:
        raise ValueError(f"not a valid regex: {e}") from None
    return pattern


def _nonempty_words(words: list[str]) -> list[str]:
    if any(not w for w in words):
        raise ValueError("empty word")
    if len(set(words)) != len(words):
        raise ValueError("duplicate word: " + ", ".join(sorted({w for w in words if words.count(w) > 1})))
    return words


Regex = Annotated[str, AfterValidator(_compiles)]
Words = Annotated[list[str], AfterValidator(_nonempty_words)]
Comparator = Literal["=", ">", ">=", "<", "<=", "~"]
BlockName = Annotated[str, Field(pattern=r"^[A-Z][A-Z_]*$")]


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Numbers(Section):
    multipliers: dict[str, float]
    money_multipliers: dict[str, float]
    vague_prefixes: Words
    range_dashes: Words
    minus_signs: Words
    negative_before: Words


class Comparators(Section):
    before: dict[str, Comparator]
    inside: dict[str, Comparator]
    inside_before_unit: dict[str, Comparator]
    after_times: dict[str, Comparator]
    after: dict[str, Comparator]
    relative_verbs: dict[str, Comparator]
    relative_references: Words
    about_in_words: str


class Units(Section):
    percent: Words
    points: Words
    money: Words
    length: Words
    area: Words
    data: Words
    energy: Words
    time: Words
    times: Words
    measure: Words
    unit_not_before: dict[str, Words]
    implied: dict[str, Words]
    letter_units: Words


class Indicator(Section):
    strip_left: Regex
    strip_right: Regex
    stop_after: Regex
    noise_nouns: Regex
    process_verbs: Regex
    count_actors: Words
    count_actions: Regex
    bad_end: Regex
    # the context layer's noise and naming data (context.py)
    noun_bad_start: Regex
    structure_nouns: Regex
    noise_units: Words
    penalty_words: Regex
    hours_nouns: Regex
    paired_count: Regex
    joining_verbs: Regex
    bare_verbs: Regex
    campaign_verbs: Regex
    slogan_after: Regex
    determiner: Regex
    anecdote: Regex
    stretch_units: Words
    stretch_before: Regex
    respectively_skip: Words
    level_references: Words
    share_heads: Words
    item_heads: Words
    owned_measures: Words
    compound_names: Words
    admin_all: Regex
    admin_scope: Regex
    routine_before: Regex
    incentive_class: Regex
    incentive_class_after: Regex
    class_nouns: Regex
    threshold_before: Regex
    threshold_after: Regex
    size_class: Regex
    rank_before: Regex
    rank_units: Words
    ranked_scope: Regex
    subsidy_cap: Regex
    subsidy_rate: Regex
    bare_names: Words


class Context(Section):
    from_words: Words
    to_words: Words
    relative_baselines: dict[str, int]
    plan_words: Words
    report_titles: Words
    yearly_reports: Words
    target: Words
    actual: Words
    not_after: dict[str, str]
    not_before: dict[str, Words]
    year: Regex
    now: Regex
    recent: Regex
    year_parts: dict[str, int]
    continuation_openers: Words
    five_year_plans: dict[str, int]
    roc_offset: int
    roc_markers: Words
    five_year_plan: Regex
    # section headings and comparators apart from the figure (sections.py, context.py)
    review_sections: Words
    target_sections: Words
    question_words: Words
    aspect_words: Words
    approx_before: Regex
    over_before: Regex
    reviewed_year: Regex
    bound_opening: dict[str, Comparator]


class Places(Section):
    provinces: Words
    cities: Words
    prefectures: Words
    not_places: Words
    not_in_names: Regex
    currencies: dict[str, str]
    home_words: dict[str, Words]


class CatalogueWords(Section):
    """What the indicator catalogue's matching leaves out around a name (canon.py, catalogue.py)."""
    fragment_nouns: Words
    fragment: Regex
    harmless_inner: Words
    harmless_prefixes: Words
    harmless_suffixes: Words
    not_districts: Words
    defined_names: dict[str, Regex]


class Lexicon(Section):
    numbers: Numbers
    comparators: Comparators
    units: Units
    # rule-pattern building blocks, {NAME} in a rule; {QUANTITY} is the engine's and cannot be redefined
    blocks: dict[BlockName, Regex]
    indicator: Indicator
    context: Context
    places: Places
    catalogue: CatalogueWords


def validate(data: dict) -> Lexicon:
    """The data file as a Lexicon; pydantic's ValidationError lists every problem."""
    lexicon = Lexicon.model_validate(data)
    if "QUANTITY" in lexicon.blocks:
        raise ValueError("blocks: QUANTITY is defined by the engine")
    return lexicon


def problems(data: dict, path: str) -> list[str]:
    """One line per problem of the data file, `path: section.key: message`; empty when it is valid."""
    from pydantic import ValidationError

    try:
        validate(data)
    except ValidationError as e:
        return [f"{path}: {'.'.join(str(x) for x in err['loc']) or '-'}: {err['msg']}" for err in e.errors()]
    except ValueError as e:
        return [f"{path}: {e}"]
    return []
