"""Missed numbers: what the grammar finds that gave no row, outside titles, short quotes and page
furniture; a row's span, or a repeated mention's, is never reported as missed."""

import pytest

from plan_extract import extract
from plan_extract.missed import missed_numbers


def _missed(text):
    rows = extract(text, "t.txt", keep_duplicates=True)
    found = missed_numbers(text, [(r.start, r.end) for r in rows])
    assert all(text[m.start:m.end] == m.raw for m in found)
    return [m.raw for m in found], [r.raw for r in rows]


@pytest.mark.parametrize("text,missed", [
    ("到2025年，累计建成5G基站3.5万个。另有12次会议。", ["12次"]),
    ("到2025年，累計建成5G基站3.5萬個。另有十二次會議。", ["十二次"]),
    ("到２０２５年，累计建成5G基站３.５万个，召开１２次会议。", ["１２次"]),
])
def test_numbers_without_a_row_are_reported(text, missed):
    got, rows = _missed(text)
    assert got == missed and len(rows) == 1


@pytest.mark.parametrize("text", [
    "印发《加快5G发展30条措施》，到2025年，累计建成5G基站3.5万个。",
    "印發《加快5G發展30條措施》，到2025年，累計建成5G基站3.5萬個。",
    "到2025年，累计建成5G基站3.5万个。\n阅读次数：1200次\n",
])
def test_titles_and_page_furniture_are_not_missed_numbers(text):
    got, rows = _missed(text)
    assert got == [] and rows == [rows[0]] and rows[0] in ("3.5万个", "3.5萬個")


def test_a_repeated_mention_is_not_a_missed_number():
    text = "全省擬新建5G基站5萬個\n今年全省擬新建5G基站5萬個，另有三個方面。\n"
    got, rows = _missed(text)
    assert rows == ["5萬個", "5萬個"] and got == ["三個"]
