"""The peer-style number corpus (tests/corpus/numbers_peers.toml): every form, Simplified and
Traditional, in an indicator sentence through the command line gives one row with its value, unit and
comparator; the should-not forms give none. The scanner reads each form alone too."""

from __future__ import annotations

from pathlib import Path

import pytest

from peer_forms import S2T, load, run
from plan_extract.grammar import scan
from plan_extract.view import search_view

ROWS, NOTS = load()


def test_command_line_reads_every_peer_form(tmp_path: Path):
    cases, wrong, missing, extra = run(tmp_path)
    assert len(cases) >= 200
    assert (wrong, missing, extra) == ([], [], [])


@pytest.mark.parametrize("family,form,value,value_max,unit,comparator,subject", ROWS,
                         ids=[f"{r[0]}:{r[1]}" for r in ROWS])
def test_scanner_reads_the_peer_form(family, form, value, value_max, unit, comparator, subject):
    for text in dict.fromkeys([form, S2T(form)]):
        found = list(scan(search_view(text)))
        assert len(found) == 1, (text, found)
        q = found[0]
        assert (q.value, q.value_max) == (pytest.approx(value), pytest.approx(value_max)), text
        assert (q.unit, q.comparator) == (unit, comparator), text


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
