"""The real command, run as a user runs it: formats, stdin, output files, errors and exit codes."""

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
PLAN = "到2025年，累计建成5G基站3.5万个，光纤接入宽带用户占比达到95%。\n"


def run(*args, stdin: bytes | None = None, cwd=None):
    return subprocess.run([sys.executable, "-m", "plan_extract", *map(str, args)], input=stdin,
                          capture_output=True, cwd=cwd, timeout=120)


@pytest.fixture
def plan(tmp_path):
    p = tmp_path / "plan.txt"
    p.write_text(PLAN, encoding="utf-8")
    return p


def test_json_is_one_array_with_chinese_unescaped(plan):
    r = run("extract", plan)
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode("utf-8")
    assert "5G基站" in out and "\\u" not in out
    rows = json.loads(out)
    assert [(x["indicator"], x["value"], x["kind"], x["year"]) for x in rows] == [
        ("5G基站", 35000, "target", 2025), ("光纤接入宽带用户占比", 95, "target", 2025)]
    text = plan.read_text(encoding="utf-8")
    assert all(text[x["start"]:x["end"]] == x["raw"] for x in rows)


def test_jsonl_from_stdin():
    r = run("extract", "-", "-f", "jsonl", stdin=PLAN.encode("gb18030"))
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert [x["doc"] for x in rows] == ["-", "-"]
    assert rows[0]["value"] == 35000


@pytest.mark.parametrize("fmt,delimiter", [("csv", ","), ("tsv", "\t")])
def test_csv_and_tsv_have_a_header_and_parse_back(fmt, delimiter):
    r = run("extract", SEEDS, "-f", fmt)
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout.decode("utf-8"), newline=""), delimiter=delimiter))
    assert len(rows) > 50
    from plan_extract.records import RECORD_FIELDS

    assert list(rows[0]) == RECORD_FIELDS
    docs = [row["doc"] for row in rows]
    assert docs == sorted(docs)  # ordered by doc, then start
    for doc in set(docs):
        starts = [int(row["start"]) for row in rows if row["doc"] == doc]
        assert starts == sorted(starts)
    five_g = [row for row in rows if row["raw"] == "2.5万座"][0]
    assert (five_g["value"], five_g["unit"], five_g["indicator"]) == ("25000", "座", "5G基站")


def test_csv_quotes_sentences_with_commas_and_bom_option(plan):
    r = run("extract", plan, "-f", "csv", "--bom")
    data = r.stdout.decode("utf-8")
    assert data.startswith("\ufeffdoc,")
    rows = list(csv.DictReader(io.StringIO(data.lstrip("\ufeff"), newline="")))
    assert rows[0]["sentence"] == PLAN.strip()


def test_table_format(plan):
    r = run("extract", plan, "-f", "table")
    assert r.returncode == 0
    assert "5G基站" in r.stdout.decode("utf-8")


def test_output_file_is_written_and_replaced_atomically(plan, tmp_path):
    out = tmp_path / "out.csv"
    out.write_text("previous good output", encoding="utf-8")
    r = run("extract", plan, "-f", "csv", "-o", out)
    assert r.returncode == 0 and r.stdout == b""
    assert out.read_text(encoding="utf-8").startswith("doc,")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.csv")] == []


def test_failed_run_leaves_the_previous_output(tmp_path):
    out = tmp_path / "out.json"
    out.write_text("previous good output", encoding="utf-8")
    bad_rules = tmp_path / "rules"
    bad_rules.mkdir()
    (bad_rules / "a.toml").write_text("[[rule]]\nid = 'X'\n", encoding="utf-8")
    r = run("extract", SEEDS, "-o", out, "--rules", bad_rules)
    assert r.returncode == 1
    assert out.read_text(encoding="utf-8") == "previous good output"
    assert os.listdir(tmp_path) == sorted(["out.json", "rules"]) or set(os.listdir(tmp_path)) == {"out.json", "rules"}


def test_bad_inputs_do_not_cost_the_others(tmp_path, plan):
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    r = run("extract", tmp_path, tmp_path / "missing.txt", "-f", "jsonl")
    assert r.returncode == 1
    rows = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert {x["doc"] for x in rows} == {str(plan)}
    err = r.stderr.decode()
    assert f"{tmp_path / 'scan.pdf'}: corrupt or truncated PDF (" in err  # a truncated PDF
    assert f"{tmp_path / 'missing.txt'}: no such file" in err
    assert f"{tmp_path / 'empty.txt'}: empty document" in err
    assert "Traceback" not in err


def test_usage_error_exits_2(plan):
    assert run("extract", plan, "--format", "xml").returncode == 2
    assert run("extract").returncode == 2


def test_documents_rows(plan):
    r = run("extract", SEEDS, "--documents", "-f", "jsonl")
    rows = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert [(x["region"], x["published"]) for x in rows] == [
        ("辽宁", "2021-11-02"), ("山东", None), ("滨州", "2024-02-27"), ("湖北", None), ("福建", "2023-04-26")]
    assert rows[0]["plan"] == "数字辽宁发展规划(2.0版)"


def test_pipe_to_head_exits_quietly():
    p = subprocess.run(f"{sys.executable} -m plan_extract extract {SEEDS} -f jsonl -j 1 | head -n 1",
                       shell=True, capture_output=True, timeout=120)
    assert len(p.stdout.splitlines()) == 1
    assert b"Traceback" not in p.stderr and b"BrokenPipe" not in p.stderr


def test_jobs_give_the_same_output_as_serial(tmp_path):
    for i in range(6):
        for seed in sorted(SEEDS.glob("*.txt")):
            (tmp_path / f"{i}_{seed.name}").write_bytes(seed.read_bytes())
    serial = run("extract", tmp_path, "-f", "jsonl", "-j", "1")
    parallel = run("extract", tmp_path, "-f", "jsonl", "-j", "2")
    assert serial.returncode == parallel.returncode == 0
    assert serial.stdout == parallel.stdout and serial.stdout


def test_rules_list_and_check():
    r = run("rules", "list", "-f", "jsonl")
    rows = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert any(x["id"] == "INF-5G-BASE-STATIONS" and x["examples"] > 0 for x in rows)
    r = run("rules", "check")
    assert r.returncode == 0 and b"all hold" in r.stdout


def _rule(pattern="5G基站{LINK}{QUANTITY}", example="text = '新建5G基站6万个', value = 60000", extra=""):
    return (f"[[rule]]\nid = 'T-ONE'\nindicator = '5G基站'\ncategory = 'test'\npattern = '''{pattern}'''\n"
            f"examples = [{{ {example} }}]\n{extra}")


@pytest.mark.parametrize("content,message", [
    ("[[rule]\nid = 'x'", "TOML syntax"),
    (_rule(extra="colour = 'red'\n"), "T-ONE: colour: Extra inputs are not permitted"),
    (_rule(pattern="5G基站(?:{QUANTITY}"), "T-ONE: pattern: missing )"),
    (_rule(pattern="5G基站{NOPE}{QUANTITY}"), "T-ONE: pattern: unknown block {NOPE}"),
    (_rule(pattern="5G基站"), "T-ONE: pattern: Value error, must contain {QUANTITY}"),
    (_rule().replace("indicator = '5G基站'", "indicator = '{name}'"), "T-ONE: indicator: names group 'name'"),
    (_rule() + _rule(), "T-ONE: id: duplicate"),
    (_rule(example="text = '新建5G基站6万个', value = 7"), "T-ONE: examples[0]: '新建5G基站6万个': expected value 7, got 6万个=60000"),
])
def test_broken_rule_files_get_one_line_per_problem(tmp_path, content, message):
    (tmp_path / "mine.toml").write_text(content, encoding="utf-8")
    r = run("rules", "check", "--rules", tmp_path)
    err = r.stderr.decode()
    assert r.returncode == 1
    assert message in err, err
    assert err.startswith(str(tmp_path / "mine.toml") + ": ")
    assert "Traceback" not in err


def test_user_rule_set_is_used(tmp_path, plan):
    (tmp_path / "mine.toml").write_text(_rule(), encoding="utf-8")
    r = run("extract", plan, "--rules", tmp_path, "-f", "jsonl")
    rows = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert [(x["rule"], x["value"]) for x in rows] == [("T-ONE", 35000)]


def test_catastrophic_pattern_is_stopped_and_the_other_documents_go_on(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "slow.toml").write_text(_rule(pattern="c(?:a|aa)+\\s{QUANTITY}|5G基站{QUANTITY}"), encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a_slow.txt").write_text("，" + "a" * 60 + " 5个b", encoding="utf-8")
    (docs / "b_good.txt").write_text("新建5G基站6万个", encoding="utf-8")
    r = run("extract", docs, "--rules", rules, "--time-limit", "1", "-f", "jsonl", "-j", "1")
    assert r.returncode == 1
    assert "a_slow.txt: rule matching took over 1s" in r.stderr.decode()
    assert [json.loads(line)["value"] for line in r.stdout.decode().splitlines()] == [60000]


def test_installed_command_runs_outside_the_checkout(tmp_path, plan):
    exe = Path(sys.executable).with_name("plan-extract")
    if not exe.exists():
        pytest.skip("console script not installed in this environment")
    r = subprocess.run([str(exe), "extract", str(plan), "-f", "jsonl"], capture_output=True, cwd=tmp_path, timeout=60)
    assert r.returncode == 0 and b"5G" in r.stdout


def test_a_batch_streams_document_by_document(tmp_path):
    from plan_extract import default_rules
    from plan_extract.batch import run

    paths = []
    for i in range(3):
        p = tmp_path / f"{i}.txt"
        p.write_text(PLAN, encoding="utf-8")
        paths.append(str(p))
    paths.append(str(tmp_path / "missing.txt"))
    results = run(paths, default_rules(), None)
    first = next(results)  # a generator: the first document's rows come before the others are read
    assert first.path == paths[0] and len(first.rows) == 2
    rest = list(results)
    assert [r.error for r in rest] == [None, None, f"{paths[3]}: no such file"]


def test_no_progress_bar_or_chatter_when_stderr_is_not_a_terminal(tmp_path):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(PLAN, encoding="utf-8")
    r = run("extract", tmp_path, "-f", "jsonl")
    assert r.returncode == 0 and r.stderr == b""
    assert len(r.stdout.splitlines()) == 6


def test_a_large_document_keeps_every_row_traceable(tmp_path):
    seeds = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    big = tmp_path / "compilation.txt"
    big.write_text(seeds * 60, encoding="utf-8")  # about 2.5 million characters
    r = run("extract", big, "-f", "jsonl", "--keep-duplicates")
    assert r.returncode == 0
    text = big.read_text(encoding="utf-8")
    rows = [json.loads(line) for line in r.stdout.decode().splitlines()]
    per_copy = [0] * 60
    for x in rows:
        per_copy[x["start"] // len(seeds)] += 1
    assert min(per_copy) >= 50  # every copy of the seeds gives its rows, to the end of the document
    assert all(text[x["start"]:x["end"]] == x["raw"] for x in rows)
