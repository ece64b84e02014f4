"""The context corpus (tests/corpus/context.toml): per family of phrasings, in Simplified and
Traditional Chinese, the rows each text must give (the value "none" asks for an empty attribute);
`pytest -k FAMILY` runs one family."""

import tomllib
from pathlib import Path

import pytest

from plan_extract import extract

CASES = tomllib.loads((Path(__file__).parent / "corpus" / "context.toml").read_text(encoding="utf-8"))["case"]


@pytest.mark.parametrize("case", CASES, ids=[f"{c['family']}-{i}" for i, c in enumerate(CASES)])
def test_context_case(case):
    text = case["text"]
    rows = extract(text, "case.txt")
    assert all(text[r.start:r.end] == r.raw for r in rows)
    if not case["rows"]:
        assert rows == [], [(r.raw, r.indicator) for r in rows]
        return
    by_raw = {}
    for r in rows:
        by_raw.setdefault(r.raw, r)
    for want in case["rows"]:
        assert want["raw"] in by_raw, (want, [(r.raw, r.indicator) for r in rows])
        got = by_raw[want["raw"]]
        for key, value in want.items():
            if key == "value":
                assert got.value == pytest.approx(value), (key, want, got)
            elif key.endswith("_has"):  # indicator_has: a word (or words) the attribute must contain
                for word in [value] if isinstance(value, str) else value:
                    assert word in getattr(got, key[:-4]), (key, want, got.model_dump(include={"raw", key[:-4]}))
            elif value == "none":  # TOML has no null: the attribute is left empty
                assert getattr(got, key) is None, (key, want, got.model_dump(include={"raw", key, "cue"}))
            else:
                assert getattr(got, key) == value, (key, want, got.model_dump(include={"raw", key, "cue"}))
    if case.get("only"):
        assert sorted(by_raw) == sorted(w["raw"] for w in case["rows"]), [r.raw for r in rows]


def test_every_family_has_simplified_and_traditional_cases():
    from plan_extract.view import to_simplified

    families = {}
    for c in CASES:
        han = "".join(ch for ch in c["text"] if "\u4e00" <= ch <= "\u9fff")
        families.setdefault(c["family"], set()).add("traditional" if to_simplified(han) != han else "simplified")
    assert all(v == {"simplified", "traditional"} for v in families.values()), families
