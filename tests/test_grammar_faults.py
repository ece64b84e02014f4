"""Regressions of issue 12 items 1-4 at their grammar and record cause, and signs in real sentences."""

from __future__ import annotations

import json
import math
import subprocess
import sys

import pytest

from plan_extract import extract
from plan_extract.grammar import scan
from plan_extract.view import search_view


@pytest.mark.parametrize("text", [
    "建成5G基站" + "一亿" * 39 + "个",  # raised OverflowError
    "建成5G基站" + "一億" * 200 + "个",
    "建成5G基站1" + "亿" * 60 + "个",
    "建成5G基站" + "9" * 309 + "个",  # gave inf
    "建成5G基站" + "9" * 5000 + "个",  # past int()'s digit limit
    "5G用户普及率达到百分之" + "9" * 400,
    "5G用户普及率达到" + "9" * 400 + "成",
    "5G用户普及率达到" + "九" * 400 + "成",
    "软件业务收入" + "9" * 300 + "万亿元",
])
def test_huge_numbers_are_not_rows(text):
    rows = extract(text)
    assert all(math.isfinite(r.value) and (r.value_max is None or math.isfinite(r.value_max)) for r in rows)
    assert all(text[r.start:r.end] == r.raw for r in rows)


@pytest.mark.parametrize("text", ["5G基站253至0个", "5G用户普及率40%-30%", "软件业务收入5万-2万元", "5G基站五到三个",
                                  "5G用户普及率百分之四十到三十"])
def test_reversed_ranges_are_not_read(text):
    """Either end of a reversed range may be the typo: no value rather than a guess."""
    assert [(q.value, q.value_max) for q in scan(search_view(text)) if q.value_max is not None] == []
    assert all(r.value_max is None or r.value <= r.value_max for r in extract(text))


@pytest.mark.parametrize("text", ["1億億\ud800", "到2025年，全省5G基站达到1万个\ud800。", "\udcff建成5G基站3万个",
                                  "建成5G基站3万个\ud83d\ude00"])
def test_lone_surrogates_give_json_safe_records(text):
    rows = extract(text, name="doc\udcff")
    for r in rows:
        assert text[r.start:r.end] == r.raw
        json.loads(r.model_dump_json())
    assert all("\ufffd" in r.doc for r in rows)


def test_command_line_survives_a_huge_numeral(tmp_path):
    bad = tmp_path / "a.txt"
    bad.write_text("建成5G基站" + "一亿" * 39 + "个。\n" + "9" * 309 + "成", encoding="utf-8")
    good = tmp_path / "b.txt"
    good.write_text("到2025年，全省5G基站达到3万个。", encoding="utf-8")
    out = tmp_path / "out.csv"
    proc = subprocess.run([sys.executable, "-m", "plan_extract", "extract", str(bad), str(good), "-f", "csv",
                           "-o", str(out)], capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 0 and "Traceback" not in proc.stderr
    body = out.read_text(encoding="utf-8")
    assert "30000" in body and ",inf," not in body and "nan" not in body.lower()


@pytest.mark.parametrize("text,value,indicator", [
    ("2023年，全省软件业务收入同比增长-3.8%。", -3.8, "软件业务收入同比增长"),
    ("2023年，全省软件業務收入同比增長－3.8％。", -3.8, "软件业务收入同比增长"),
    ("2023年，全省软件业务收入同比负增长2.1%。", -2.1, "软件业务收入同比负增长"),
    ("2023年，全省軟件業務收入負增長2.1%。", -2.1, "软件业务收入负增长"),
    ("2023年，工业增加值增速为−2.5%。", -2.5, "工业增加值增速"),
    # 下降 is in the indicator's name: the value is the figure as written.
    ("2023年，全省软件业务收入同比下降2.1%。", 2.1, "软件业务收入同比下降"),
    ("2023年，全省軟件業務收入同比下降2.1%。", 2.1, "软件业务收入同比下降"),
])
def test_signs_in_sentences(text, value, indicator):
    (r,) = extract(text)
    assert (r.value, r.indicator) == (value, indicator)
    assert text[r.start:r.end] == r.raw


@pytest.mark.parametrize("text", ["5G基站3-5个", "表3-5个", "10G-PON端口3个", "30%-40%", "A-3个"])
def test_a_dash_after_a_number_or_letter_is_no_sign(text):
    assert all(q.value >= 0 for q in scan(search_view(text)))


def test_a_range_never_crosses_a_line_break():
    # a figure at a line end, then a page-number line (— 4 —) or a list dash: two lines, not a range
    from plan_extract import extract

    for text in ("全市5G网络覆盖率达到100%\n— 4 —\n到2025年，5G基站达到3万个。",
                 "全市5G基站达到3万个\n- 12 -\n光纤用户占比达到95%。"):
        rows = extract(text)
        assert all(r.value_max is None and "\n" not in r.raw for r in rows), rows
        assert len(rows) == 2
