"""Command-line conventions (csvkit / sqlite-utils style) and the Python API's parity with the CLI."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

import plan_extract
from plan_extract import extract, extract_file

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def run(*args):
    """The command in this process (typer's runner), from the top of the checkout."""
    import os

    from typer.testing import CliRunner

    from plan_extract.cli import app

    args = [str(a) for a in args]
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        r = CliRunner().invoke(app, args)
    finally:
        os.chdir(cwd)
    if r.exception and not isinstance(r.exception, SystemExit):
        raise r.exception
    return subprocess.CompletedProcess(args, r.exit_code, r.stdout_bytes, r.stderr_bytes)


def run_command(*args):
    return subprocess.run([sys.executable, "-m", "plan_extract", *map(str, args)], capture_output=True,
                          cwd=ROOT, timeout=120)


def test_version():
    r = run_command("--version")
    assert r.returncode == 0 and r.stdout.decode().strip() == f"plan-extract {plan_extract.__version__}"


def test_unknown_encoding_is_a_usage_error_before_any_file_is_read(tmp_path):
    r = run("extract", tmp_path / "missing.txt", "--encoding", "klingon")
    err = r.stderr.decode()
    assert r.returncode == 2 and "unknown encoding 'klingon'" in err
    assert "missing.txt" not in err  # the file was never looked at


def test_document_table_shows_every_column():
    r = run("extract", "seeds/", "--documents", "-f", "table")
    header = r.stdout.decode().splitlines()[1]
    for column in ("doc", "region", "plan", "published", "encoding", "html", "characters", "records"):
        assert column in header
    assert "数字辽宁发展规划" in r.stdout.decode()


@pytest.mark.parametrize("fmt,notice", [("json", True), ("table", True), ("csv", False)])
def test_bom_with_a_format_it_does_not_apply_to_says_so(fmt, notice):
    r = run_command("extract", SEEDS[0], "--bom", "-f", fmt)
    assert r.returncode == 0
    assert ("--bom applies to csv and tsv only" in r.stderr.decode()) is notice
    assert r.stdout.startswith(b"\xef\xbb\xbf") is (fmt == "csv")


def test_quick_start_output_is_ignored_by_git():
    assert "indicators.csv" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()


def test_extract_file_gives_what_the_cli_prints(monkeypatch):
    cli_rows = [json.loads(line) for line in run("extract", "seeds/", "-f", "jsonl").stdout.decode().splitlines()]
    cli_docs = json.loads(run("extract", "seeds/", "--documents").stdout)
    monkeypatch.chdir(ROOT)
    rows, docs = [], []
    for seed in SEEDS:
        records, info = extract_file(f"seeds/{seed.name}")
        rows += [r.model_dump(mode="json") for r in records]
        docs.append(info.model_dump(mode="json"))
    assert rows == cli_rows and docs == cli_docs and len(docs) == 5


def test_extract_bytes_decodes_as_the_cli_does():
    text = "到2025年，全省5G基站達到8萬個。"
    want = [(r.value, r.raw, r.start) for r in extract(text)]
    for codec in ("utf-8", "utf-16", "big5", "gb18030"):
        assert [(r.value, r.raw, r.start) for r in extract(text.encode(codec))] == want, codec
    assert [r.value for r in extract(text.encode("big5"), encoding="big5")] == [80000]


@pytest.mark.parametrize("bad", [["到2025年"], 42, None])
def test_extract_refuses_what_is_not_text(bad):
    with pytest.raises(TypeError, match="str or bytes"):
        extract(bad)


def test_the_api_reaches_the_cli_options(tmp_path):
    p = tmp_path / "p.txt"
    p.write_bytes("全省5G基站達到8萬個。全省5G基站達到8萬個，今年新增1萬個。".encode("big5"))
    records, info = extract_file(p, encoding="big5", keep_duplicates=True, time_limit=5)
    assert info.encoding == "big5" and [r.duplicate for r in records].count(True) == 1
    from plan_extract import load_rules

    rules = load_rules(add=[ROOT / "examples" / "rules"])
    assert extract("全市多功能智能杆达到800根", rules=rules)[0].rule == "EX-SMART-POLES"


def test_every_command_that_reads_documents_takes_added_rules(tmp_path):
    doc = tmp_path / "d.txt"
    doc.write_text("全市多功能智能杆达到800根。", encoding="utf-8")
    r = run("explain", doc, "--add-rules", ROOT / "examples" / "rules")
    assert r.returncode == 0 and "EX-SMART-POLES" in r.stdout.decode(), r.stderr
    r = run("review", doc, "-o", tmp_path / "r.html", "--add-rules", ROOT / "examples" / "rules")
    assert r.returncode == 0 and "EX-SMART-POLES" in (tmp_path / "r.html").read_text(encoding="utf-8")
