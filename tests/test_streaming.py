"""Long documents stream: records come out segment by segment, the duplicate check across segments
keeps only keys, and a document with many rows spools them to a file instead of holding them."""

import json
import os
import pickle
import subprocess
import sys
import textwrap

import pytest

from plan_extract import batch, engine
from plan_extract.rules import load_rules

RULES = load_rules()
LINE_S = "到{y}年，全市累计建成5G基站{n}万个，光纤接入宽带用户占比达到{p}%。\n"
LINE_T = "到{y}年，全市累計建成5G基站{n}萬個，光纖接入寬帶用戶佔比達到{p}%。\n"


def long_text(lines: int = 400) -> str:
    """Distinct figures on every line (no fact repeats), Simplified and Traditional lines alternating."""
    return "".join((LINE_S if i % 2 else LINE_T).format(y=2025 + i % 7, n=f"{i + 1}.5", p=f"{i // 10 + 5}.{i % 10}")
                   for i in range(lines))


def facts(records):
    return [(r.indicator, r.value, r.unit, r.kind, r.year, r.start, r.end, r.raw, r.duplicate) for r in records]


@pytest.fixture
def small_segments(monkeypatch):
    monkeypatch.setattr(engine, "SEGMENT", 2000)


def test_records_come_out_before_the_next_segment_is_read(small_segments, monkeypatch):
    calls = []
    real = engine._extract_segment
    monkeypatch.setattr(engine, "_extract_segment", lambda *a: calls.append(a[4]) or real(*a))
    text = long_text()
    it = iter(engine.DocumentRun(text, "long.txt", RULES))
    first = next(it)
    assert calls == [0] and text[first.start:first.end] == first.raw
    rest = list(it)
    assert len(calls) > 5 and len(rest) == 2 * 400 - 1


def test_segments_give_the_same_rows_as_one_pass(small_segments):
    text = long_text()
    segmented = list(engine.DocumentRun(text, "long.txt", RULES))
    engine.SEGMENT = 10_000_000
    whole = list(engine.DocumentRun(text, "long.txt", RULES))
    assert facts(segmented) == facts(whole)
    assert all(text[r.start:r.end] == r.raw for r in segmented)


@pytest.mark.parametrize("first,again", [(LINE_S, LINE_S), (LINE_S, LINE_T), (LINE_T, LINE_S)])
def test_a_fact_repeated_in_a_later_segment_is_one_row(small_segments, first, again):
    filler = long_text(120)
    text = first.format(y=2025, n="777", p="88.8") + filler + again.format(y=2025, n="777", p="88.8") + "\n"
    assert len(list(engine.segments(text, engine.SEGMENT))) >= 3
    rows = list(engine.DocumentRun(text, "x.txt", RULES))
    hits = [r for r in rows if r.value in (7_770_000, 88.8)]
    assert [(r.value, r.start < len(first)) for r in hits] == [(7_770_000, True), (88.8, True)]
    kept = list(engine.DocumentRun(text, "x.txt", RULES, keep_duplicates=True))
    assert [(r.value, r.duplicate) for r in kept if r.value in (7_770_000, 88.8)] == [
        (7_770_000, False), (88.8, False), (7_770_000, True), (88.8, True)]


def test_within_a_segment_the_longest_sentence_still_wins():
    text = "全市5G基站达到3万个\n到2025年，全市累计建成5G基站达到3万个，覆盖所有乡镇。\n"
    (r,) = engine.extract_text(text, "x.txt", RULES)[0]
    assert r.start > text.index("\n") and r.year == 2025


@pytest.mark.parametrize("as_json", [True, False])
def test_many_rows_spool_to_a_file_and_read_back_the_same(tmp_path, monkeypatch, small_segments, as_json):
    doc = tmp_path / "long.txt"
    doc.write_text(long_text(), encoding="utf-8")
    held = batch.process(str(doc), RULES, as_json=as_json)
    monkeypatch.setattr(batch, "SPILL_ROWS", 7)
    spool_dir = tmp_path / "spool"
    spool_dir.mkdir()
    spooled = batch.process(str(doc), RULES, as_json=as_json, spool_dir=str(spool_dir))
    assert isinstance(spooled.rows, batch.Spool) and len(os.listdir(spool_dir)) == 1
    rows = pickle.loads(pickle.dumps(spooled.rows))  # what a worker hands to the parent
    assert len(rows) == len(held.rows) == spooled.document["records"] == held.document["records"]
    assert list(rows) == held.rows
    assert os.listdir(spool_dir) == []  # read once, then removed


def test_a_failure_after_rows_were_spooled_costs_the_document_and_leaves_no_file(tmp_path, monkeypatch, small_segments):
    doc = tmp_path / "long.txt"
    doc.write_text(long_text(), encoding="utf-8")
    monkeypatch.setattr(batch, "SPILL_ROWS", 7)
    real = engine._extract_segment
    monkeypatch.setattr(engine, "_extract_segment",
                        lambda *a: real(*a) if a[4] < 10_000 else (_ for _ in ()).throw(ZeroDivisionError("bug")))
    r = batch.process(str(doc), RULES, spool_dir=str(tmp_path))
    assert r.error == f"{doc}: internal error (ZeroDivisionError: bug), document skipped" and r.rows == []
    assert sorted(os.listdir(tmp_path)) == ["long.txt"]


def test_command_output_is_the_same_with_spools_and_workers(tmp_path):
    for i in range(3):
        (tmp_path / f"long{i}.txt").write_text(long_text(200 + 50 * i), encoding="utf-8")
    (tmp_path / "short.txt").write_text(LINE_S.format(y=2030, n="9", p="99"), encoding="utf-8")
    inject = textwrap.dedent("""
        import sys, plan_extract.batch as b, plan_extract.engine as e
        b.SPILL_ROWS, e.SEGMENT = 5, 1500
        from plan_extract.cli import main
        sys.argv = ["plan-extract", *sys.argv[1:]]
        main()
    """)
    outs = {}
    for name, pre, jobs in [("plain", [], "1"), ("spooled", ["-c", inject], "2")]:
        for fmt in ("jsonl", "csv"):
            r = subprocess.run([sys.executable, *(pre or ["-m", "plan_extract"]), "extract", str(tmp_path),
                                "-f", fmt, "-j", jobs], capture_output=True, timeout=120)
            assert r.returncode == 0, r.stderr
            outs[name, fmt] = r.stdout
    assert outs["plain", "jsonl"] == outs["spooled", "jsonl"] and outs["plain", "csv"] == outs["spooled", "csv"]
    assert len(outs["plain", "jsonl"].splitlines()) == 2 * (200 + 250 + 300) + 2
    assert all(json.loads(x)["raw"] for x in outs["plain", "jsonl"].splitlines())
