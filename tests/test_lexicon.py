"""The language data file is valid against its schema, and the schema refuses what it must."""

import copy

import pytest
from pydantic import ValidationError

from plan_extract.lexicon import lexicon
from plan_extract.lexicon_schema import validate
from plan_extract.patterns import compile_pattern


def test_the_shipped_data_file_is_valid():
    lx = validate(lexicon())
    assert {"PHRASE", "NOUN", "LINK", "GROWTH", "BUILD", "PHRASE_CHAR", "NOUN_CHAR", "CLAUSE_CHAR"} <= set(lx.blocks)


@pytest.mark.parametrize("name", sorted(lexicon()["blocks"]))
def test_every_block_compiles_inside_a_rule(name):
    compile_pattern("{%s}{QUANTITY}" % name)  # raises PatternError when the block breaks a pattern


@pytest.mark.parametrize("section,key,value,message", [
    ("units", "colours", ["红"], "Extra inputs are not permitted"),
    ("context", "year", "(?P<y", "not a valid regex"),
    ("comparators", "before", {"超过": "more"}, "Input should be"),
    ("places", "cities", ["杭州", "杭州"], "duplicate word: 杭州"),
    ("blocks", "lower", "x", "String should match pattern"),
])
def test_the_schema_refuses_bad_data(section, key, value, message):
    data = copy.deepcopy(lexicon())
    data[section][key] = value
    with pytest.raises(ValidationError) as e:
        validate(data)
    assert message in str(e.value)


def test_the_engine_placeholder_cannot_be_redefined():
    data = copy.deepcopy(lexicon())
    data["blocks"]["QUANTITY"] = "x"
    with pytest.raises(ValueError):
        validate(data)


def test_problems_are_one_line_each_naming_the_file_and_key():
    from plan_extract.lexicon_schema import problems

    assert problems(lexicon(), "zh.toml") == []
    data = copy.deepcopy(lexicon())
    data["units"]["colours"] = ["红"]
    data["context"]["year"] = "(?P<y"
    found = problems(data, "zh.toml")
    assert "zh.toml: units.colours: Extra inputs are not permitted" in found
    assert any(line.startswith("zh.toml: context.year: Value error, not a valid regex: ") for line in found)
    assert len(found) == 2


def test_from_and_to_words_are_data(monkeypatch):
    """A start and end point (由…提高至…) are read with zh.toml's words: a new wording is a data change."""
    from plan_extract import engine, extract
    from plan_extract.lexicon import lexicon

    text = "到2025年，全省5G基站自2020年的1.2万个增加到8万个。"
    before = [(r.value, r.kind, r.year) for r in extract(text)]
    assert (12000, "actual", 2020) not in before  # 自 is not a from word in the shipped data
    monkeypatch.setitem(lexicon()["context"], "from_words", [*lexicon()["context"]["from_words"], "自"])
    engine._from_to.cache_clear()
    try:
        assert (12000, "actual", 2020) in [(r.value, r.kind, r.year) for r in extract(text)]
    finally:
        monkeypatch.undo()
        engine._from_to.cache_clear()
