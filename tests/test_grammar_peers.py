"""The peer number corpora (tests/corpus/numbers_peers.toml, peer-style forms; numbers_peer_suites.toml,
the forms of the peers' own test suites): every form, Simplified and Traditional, in an indicator
sentence through the command line gives one row with its value, unit and comparator; the should-not
forms give none. The scanner reads each form alone too."""

from __future__ import annotations

from pathlib import Path

import pytest

from peer_forms import CORPORA, S2T, load, run
from plan_extract.grammar import scan
from plan_extract.view import search_view

LOADED = {name: load(path) for name, path in CORPORA.items()}
ROWS = [r for name in CORPORA for r in LOADED[name][0]]
NOTS = [line for name in CORPORA for fam, line in LOADED[name][1] if fam == "should-not"]


@pytest.mark.parametrize("name", CORPORA)
def test_command_line_reads_every_peer_form(tmp_path: Path, name: str):
    cases, wrong, missing, extra, n_not = run(tmp_path, CORPORA[name])
    assert len(cases) >= 200 and n_not >= 30
    assert (wrong, missing, extra) == ([], [], [])


@pytest.mark.parametrize("row", ROWS, ids=[f"{r.family}:{r.form}" for r in ROWS])
def test_scanner_reads_the_peer_form(row):
    for text in dict.fromkeys([row.form, S2T(row.form)]):
        found = list(scan(search_view(text)))
        assert len(found) == 1, (text, found)
        q = found[0]
        assert (q.value, q.value_max) == (pytest.approx(row.value), pytest.approx(row.value_max)), text
        assert (q.unit, q.comparator) == (row.unit, row.comparator), text


@pytest.mark.parametrize("text", NOTS)
def test_scanner_reads_no_peer_should_not(text):
    for variant in dict.fromkeys([text, S2T(text)]):
        assert [variant[q.start:q.end] for q in scan(search_view(variant))] == [], variant


@pytest.mark.parametrize("text,values", [
    ("3万 5万元", [3e4, 5e4]), ("9千万 5000万元", [9e7, 5e7]), ("1亿 5亿元", [1e8, 5e8]), ("2亿 3000元", [2e8, 3000]),
    ("3萬 5萬元", [3e4, 5e4]), ("3千 5千个", [3000, 5000]), ("12万 3千个", [123000]), ("1億 2000萬元", [1.2e8]),
])
def test_spaced_numbers_join_only_a_lower_place(text, values):
    """12万 3千 is one value; 3万 5万 (two table cells) stay two."""
    assert [q.value for q in scan(search_view(text))] == values
