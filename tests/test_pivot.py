"""The pivot: one line per (region, indicator, measure), one column per year and kind, conflicting
figures visible, in every text format."""

import csv
import io
import json
import subprocess
import sys

import pytest

from plan_extract import extract
from plan_extract.catalogue import default_catalogue
from plan_extract.pivot import flat, pivot

A = "截至2020年，福建省5G基站达到3.2万个。到2025年，全省5G基站达到10万个，新建5G基站6万个。截至2022年底，福建數位經濟增加值已達2.6萬億元。\n"
B = "截至2020年底，福建5G基站总数3.5万个。2022年，福建数字经济规模达到2.6万亿元。\n"


def records(text, name):
    return [r.model_dump() for r in extract(text, name=name)]


def test_lines_group_by_id_and_measure_and_show_conflicts():
    lines, columns = pivot(records(A, "a.txt") + records(B, "b.txt"), default_catalogue())
    assert columns == ["2020 actual", "2022 actual", "2025 target"]
    by = {(l.region, l.indicator_id, l.measure): l for l in lines}
    stock = by[("福建", "INF-5G-BASE-STATIONS", "stock")]
    assert [f.value for f in stock.cells["2020 actual"]] == [32000, 35000]  # two documents disagree
    assert stock.conflicts() == 1 and " | " in flat(stock, columns)["2020 actual"]
    assert [f.value for f in stock.cells["2025 target"]] == [100000]
    assert [f.value for f in by[("福建", "INF-5G-BASE-STATIONS", "increment")].cells["2025 target"]] == [60000]
    value = by[("福建", "ECO-DIGITAL-ECONOMY-VALUE", "stock")]  # 數位經濟增加值 and 数字经济规模 agree
    fig, = value.cells["2022 actual"]
    assert value.indicator == "数字经济增加值" and value.conflicts() == 0
    assert sorted(s["doc"] for s in fig.sources) == ["a.txt", "b.txt"]


def run(*args):
    return subprocess.run([sys.executable, "-m", "plan_extract", *map(str, args)], capture_output=True, timeout=120)


@pytest.fixture
def docs(tmp_path):
    for name, text in (("a.txt", A), ("b.txt", B)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "jsonl", "table"])
def test_every_format(docs, fmt):
    r = run("pivot", docs / "a.txt", docs / "b.txt", "-f", fmt)
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode("utf-8")
    if fmt in ("csv", "tsv"):
        table = list(csv.DictReader(io.StringIO(out), delimiter="," if fmt == "csv" else "\t"))
        row = next(t for t in table if t["indicator_id"] == "INF-5G-BASE-STATIONS" and t["measure"] == "stock")
        assert row["2020 actual"] == "32000 个 | 35000 个" and row["conflicts"] == "1"
        assert row["2025 target"] == "100000 个"
    elif fmt in ("json", "jsonl"):
        lines = json.loads(out) if fmt == "json" else [json.loads(l) for l in out.splitlines()]
        line = next(l for l in lines if l["indicator_id"] == "INF-5G-BASE-STATIONS" and l["measure"] == "increment")
        assert line["cells"]["2025 target"][0]["value"] == 60000
        assert line["cells"]["2025 target"][0]["sources"][0]["doc"].endswith("a.txt")
    else:
        assert "2020 actual" in out and "数字经济增加值" in out


def test_bad_input_costs_only_itself(docs):
    (docs / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    r = run("pivot", docs / "a.txt", docs / "bad.txt", "-f", "csv")
    assert r.returncode == 1 and b"Traceback" not in r.stderr and b"bad.txt" in r.stderr
    assert "100000 个" in r.stdout.decode()


def test_measure_words_do_not_make_a_conflict():
    rows = records("截至2020年，福建省5G基站达到3.2万个。\n", "a.txt") + records("截至2020年，福建5G基站3.2万座。\n", "b.txt")
    lines, _ = pivot(rows, default_catalogue())
    line, = lines
    fig, = line.cells["2020 actual"]
    assert line.conflicts() == 0 and len(fig.sources) == 2


def test_pivot_takes_added_rules_and_refuses_an_unknown_encoding(docs):
    root = __import__("pathlib").Path(__file__).resolve().parents[1]
    (docs / "poles.txt").write_text("全市多功能智能杆达到800根。\n", encoding="utf-8")
    r = run("pivot", docs / "poles.txt", "--add-rules", root / "examples" / "rules", "-f", "csv")
    assert r.returncode == 0 and "多功能智能杆" in r.stdout.decode()
    r = run("pivot", docs / "a.txt", "-e", "no-such-codec")
    assert r.returncode == 2 and b"Traceback" not in r.stderr


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "tsv"])
def test_pivot_of_saved_rows_equals_pivot_of_documents(tmp_path, fmt):
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    saved = tmp_path / f"rows.{fmt}"
    assert run("extract", tmp_path / "a.txt", tmp_path / "b.txt", "-o", saved).returncode == 0
    direct = run("pivot", tmp_path / "a.txt", tmp_path / "b.txt", "-f", "csv")
    again = run("pivot", "--rows", saved, "-f", "csv")
    assert again.returncode == 0, again.stderr
    assert again.stdout == direct.stdout and b"INF-5G-BASE-STATIONS" in again.stdout


def test_pivot_reads_rows_corrected_by_hand(tmp_path):
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    saved = tmp_path / "rows.csv"
    run("extract", tmp_path / "a.txt", "-o", saved)
    table = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8"))))
    assert any(r["comparator"] == "'=" for r in table)  # the formula guard, undone on reading
    kept = [r for r in table if r["raw"] != "6万个"]
    kept[0]["value"] = "33000"
    with saved.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(table[0]))
        w.writeheader()
        w.writerows(kept)
    out = run("pivot", "--rows", saved, "-f", "jsonl")
    lines = [json.loads(l) for l in out.stdout.decode().splitlines()]
    assert out.returncode == 0 and not any(l["measure"] == "increment" for l in lines)
    assert any("33000" in json.dumps(l) for l in lines)


def test_pivot_rows_errors_name_the_file_and_keep_the_others(tmp_path):
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    good = tmp_path / "good.jsonl"
    run("extract", tmp_path / "a.txt", "-o", good)
    bad_json = tmp_path / "bad.json"
    bad_json.write_text('[{"doc": "x"', encoding="utf-8")
    no_field = tmp_path / "short.jsonl"
    row = json.loads(good.read_text(encoding="utf-8").splitlines()[0])
    del row["kind"]
    no_field.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    out = run("pivot", "--rows", bad_json, no_field, other, tmp_path / "missing.json", good, "-f", "jsonl")
    err = out.stderr.decode().splitlines()
    assert out.returncode == 1 and "Traceback" not in out.stderr.decode()
    assert any(l.startswith(f"{bad_json}: not JSON rows") for l in err)
    assert any(l.startswith(f"{no_field}: line 1: field kind:") for l in err)
    assert any(l.startswith(f"{other}: not rows saved by extract: no column") for l in err)
    assert any(l.startswith(f"{tmp_path / 'missing.json'}: cannot read rows") for l in err)
    assert b"INF-5G-BASE-STATIONS" in out.stdout  # the good file's rows are still tabulated


def test_uncatalogued_names_group_across_vocabularies_but_keep_their_words():
    a = records("截至2024年底，寬頻服務家居滲透率達到96%。\n", "tw.txt")
    b = records("截至2025年底，宽带服务家居渗透率达到97%。\n", "cn.txt")
    assert [(r["indicator"], r["indicator_id"]) for r in a + b] == [("宽频服务家居渗透率", None), ("宽带服务家居渗透率", None)]
    lines, columns = pivot(a + b, default_catalogue())
    (line,) = lines  # one line: the words differ by vocabulary only
    assert [f.value for c in columns for f in line.cells.get(c, [])] == [96, 97]
