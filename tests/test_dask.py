"""plan_extract.dask and `extract --scheduler` on a real cluster (two worker processes, started once
for this module), and Parquet output: the same rows as a local run, bad documents reported, typed
columns."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("distributed")  # the test extra installs it; the default install does not
pa = pytest.importorskip("pyarrow")
import pandas as pd  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

from plan_extract.dask import _process, _rules, connect, errors, expand, extract_bag, to_dataframe  # noqa: E402
from plan_extract.errors import PlanExtractError  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

# Variants written for these tests, Simplified and Traditional, one HTML page.
DOCS = {
    "a_plan.txt": "到2025年，累计建成5G基站3.5万个，光纤接入宽带用户占比达到95%。\n截至2020年，全省已建成5G基站1.2万座。\n",
    "b_trad.txt": "到2025年，全市累計建成5G基站2.6萬個，數字經濟核心產業增加值佔GDP比重達到12%。\n",
    "c_news.html": "<html><head><title>新闻</title></head><body><p>截至目前，我市已开通5G基站8600个，"
                   "千兆光网覆盖率超过九成。</p></body></html>",
    "d_empty.txt": "",
    "e_none.txt": "本文没有任何指标。\n",
}


def run_cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "plan_extract", *map(str, args)], capture_output=True,
                          cwd=cwd, timeout=180)


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as lc, \
            Client(lc) as client:
        yield lc, client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seeds, the test documents, the variants above, and bad files: a binary, a missing one."""
    d = tmp_path_factory.mktemp("corpus")
    for p in sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "docs").iterdir()):
        shutil.copy(p, d / p.name)
    for name, text in DOCS.items():
        (d / name).write_text(text, encoding="utf-8")
    (d / "big5.txt").write_bytes(DOCS["b_trad.txt"].encode("big5"))
    (d / "x_image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    files = sorted(str(p) for p in d.iterdir())
    return d, files + [str(d / "missing.txt")]


def sort_rows(rows):
    return sorted(rows, key=lambda r: (r["doc"], r["start"]))


def test_bag_has_the_cli_rows_and_its_errors(cluster, corpus):
    _, files = corpus
    local = run_cli("extract", *files, "-f", "json")
    assert local.returncode == 1  # the bad files
    items = extract_bag(files, partition_size=3).compute()
    rows = [i for i in items if "error" not in i]
    assert len(rows) > 100
    assert sort_rows(rows) == sort_rows(json.loads(local.stdout))
    assert rows == json.loads(local.stdout)  # and already in the CLI's order
    failed = [i["error"] for i in items if "error" in i]
    lines = local.stderr.decode().splitlines()
    assert lines[-1] == "2 input(s) failed"
    assert failed == [x for x in lines[:-1] if not x.endswith("empty document, no rows")]
    assert any("binary file (PNG image)" in e for e in failed) and any("no such file" in e for e in failed)
    for r in rows:  # traceable: the span is the raw text in the decoded document
        if r["doc"].endswith((".txt",)) and not r["doc"].endswith("big5.txt"):
            assert Path(r["doc"]).read_text(encoding="utf-8")[r["start"]:r["end"]] == r["raw"]


def test_directories_globs_and_errors_of_a_bag(cluster, corpus):
    d, _ = corpus
    bag = extract_bag([d, str(d / "*_trad.txt"), str(d / "nothing-*.txt")], partition_size=4).persist()
    assert errors(bag).compute() == [f"{d / 'nothing-*.txt'}: no files found", f"{d / 'x_image.png'}: binary file (PNG image), skipped"]
    docs = {r["doc"] for r in bag.compute() if "error" not in r}
    assert str(d / "b_trad.txt") in docs and str(d / "big5.txt") in docs
    trad = [r for r in bag.compute() if r.get("doc") == str(d / "b_trad.txt")]
    assert [(r["indicator"], r["value"], r["year"]) for r in trad[:1]] == [("5G基站", 26000.0, 2025)]


def test_documents_rows(cluster, corpus):
    _, files = corpus
    local = run_cli("extract", *files, "--documents", "-f", "json")
    items = [i for i in extract_bag(files, documents=True).compute() if "error" not in i]
    assert items == json.loads(local.stdout)


def test_dataframe_schema_groupby_and_parquet(cluster, corpus, tmp_path):
    _, files = corpus
    ddf = to_dataframe(extract_bag(files, partition_size=5))
    dtypes = ddf.dtypes.to_dict()
    assert dtypes["value"] == "float64" and dtypes["value_max"] == "float64"
    assert dtypes["year"] == "Int64" and dtypes["start"] == "int64" and dtypes["end"] == "int64"
    assert dtypes["duplicate"] == "bool"
    assert all(isinstance(dtypes[f], pd.StringDtype) for f in ("doc", "region", "indicator", "raw", "unit"))
    df = ddf.compute()
    assert df.dtypes.to_dict() == dtypes  # the partitions hold what the meta says
    assert df["year"].isna().any() and df["value_max"].isna().any()
    best = ddf.groupby(["region", "indicator_id", "year"]).value.max().compute().sort_index()  # (sorted: a MultiIndex looked up unsorted warns)
    assert best.loc[("辽宁", "INF-5G-BASE-STATIONS")].max() >= 25000
    ddf.to_parquet(tmp_path / "pq", write_index=False)
    back = pd.read_parquet(tmp_path / "pq")
    assert back.dtypes.to_dict() == dtypes and len(back) == len(df)


def test_rule_set_is_compiled_once_per_worker(cluster, corpus, tmp_path):
    _, client = cluster
    _, files = corpus
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    n = extract_bag(files * 4, rules=rules, partition_size=2).count().compute()  # ~50 tasks
    assert n > 400
    loads = client.run(lambda: _rules.cache_info().misses)
    calls = client.run(lambda: _rules.cache_info().hits + _rules.cache_info().misses)
    assert sum(calls.values()) >= len(files) * 4 // 2
    # one load per worker for this directory, at most one more for the bundled rules of other tests
    assert all(m <= 2 for m in loads.values()), loads


def test_cli_scheduler_gives_the_local_output(cluster, corpus, tmp_path):
    lc, _ = cluster
    _, files = corpus
    for args in (["-f", "jsonl"], ["-f", "csv"], ["--documents", "-f", "tsv"]):
        local = run_cli("extract", *files, *args)
        remote = run_cli("extract", *files, *args, "--scheduler", lc.scheduler_address)
        assert remote.returncode == local.returncode == 1
        assert remote.stdout == local.stdout and remote.stderr == local.stderr
        assert len(local.stdout) > 1000
    remote = run_cli("extract", *files, "-f", "parquet", "-o", tmp_path / "rows.parquet", "--scheduler", lc.scheduler_address)
    assert remote.returncode == 1 and b"no such file" in remote.stderr
    local = run_cli("extract", *files, "-f", "parquet", "-o", tmp_path / "local", "-j", "1")
    a, b = pd.read_parquet(tmp_path / "rows.parquet"), pd.read_parquet(tmp_path / "local")
    pd.testing.assert_frame_equal(a, b)
    assert (tmp_path / "local" / "part.0.parquet").is_file()


def test_a_lost_partition_is_reported_per_document_and_the_run_goes_on(cluster, corpus, monkeypatch):
    import plan_extract.dask as pd_dask

    _, client = cluster
    _, files = corpus
    real = pd_dask._process_partition

    def flaky(paths, *args):  # sent by value: fails on the workers for one partition
        if any(p.endswith("a_plan.txt") for p in paths):
            raise RuntimeError("worker lost")
        return real(paths, *args)

    monkeypatch.setattr(pd_dask, "_process_partition", flaky)
    results = list(pd_dask.run_on(client, files, None, partition_size=2))
    assert [r.path for r in results] == files
    lost = [r for r in results if r.error and "worker failed" in r.error]
    assert [r.path for r in lost] == files[files.index(next(f for f in files if f.endswith("a_plan.txt"))) // 2 * 2:][:2]
    assert lost[0].error.endswith("worker failed: RuntimeError: worker lost")
    assert sum(len(r.rows) for r in results) > 100


def test_cli_relative_paths_name_docs_as_given(cluster, corpus):
    lc, _ = cluster
    d, _ = corpus
    local = run_cli("extract", ".", "-f", "jsonl", cwd=d)
    remote = run_cli("extract", ".", "-f", "jsonl", "--scheduler", lc.scheduler_address, cwd=d)
    assert remote.stdout == local.stdout and remote.stderr == local.stderr
    assert json.loads(remote.stdout.splitlines()[0])["doc"].startswith("./")


def test_a_worker_elsewhere_reads_relative_paths_from_the_clients_directory(corpus, tmp_path, monkeypatch):
    from plan_extract import default_rules

    d, _ = corpus
    monkeypatch.chdir(tmp_path)  # the worker's directory is not the client's
    for as_json in (False, True):
        r = _process("a_plan.txt", default_rules(), None, False, 60, as_json, str(d))
        rows = [json.loads(x) for x in r.rows] if as_json else r.rows
        assert r.path == "a_plan.txt" and {x["doc"] for x in rows} == {"a_plan.txt"} and len(rows) == 3
    r = _process("missing.txt", default_rules(), None, False, 60, False, str(d))
    assert r.error == "missing.txt: no such file"
    r = _process("d_empty.txt", default_rules(), None, False, 60, False, str(d))
    assert r.notice == "d_empty.txt: empty document, no rows"


def test_fsspec_urls_are_read_on_the_workers(cluster, corpus):
    d, _ = corpus
    files, problems = expand(f"file://{d}/a_*.txt")
    assert files == [f"file://{d}/a_plan.txt"] and problems == []
    rows = extract_bag(f"file://{d}/a_*.txt").compute()
    assert [(r["doc"], r["value"]) for r in rows] == [(files[0], 35000.0), (files[0], 95.0), (files[0], 12000.0)]


def test_unreachable_scheduler_is_one_error():
    with pytest.raises(PlanExtractError, match="tcp://127.0.0.1:9: cannot reach the scheduler"):
        connect("tcp://127.0.0.1:9", timeout=1)


def test_parquet_needs_an_output_path(corpus):
    r = run_cli("extract", ROOT / "seeds", "-f", "parquet")
    assert r.returncode == 2 and r.stdout == b""
    assert r.stderr.decode().strip() == "-f parquet writes to a file or directory: give -o FILE_OR_DIR"


def test_parquet_file_has_the_json_rows_and_typed_columns(corpus, tmp_path):
    d, files = corpus
    out = tmp_path / "rows.parquet"
    r = run_cli("extract", *files, "-f", "parquet", "-o", out)
    assert r.returncode == 1 and out.is_file()
    rows = json.loads(run_cli("extract", *files).stdout)
    table = pq.read_table(out)
    assert table.schema.field("year").type == pa.int64() and table.schema.field("value").type == pa.float64()
    back = table.to_pylist()
    assert back == rows
    assert [p.name for p in tmp_path.iterdir()] == ["rows.parquet"]  # no temporary file left
    empty = run_cli("extract", d / "e_none.txt", "-f", "parquet", "-o", tmp_path / "none.parquet")
    assert empty.returncode == 0 and pq.read_table(tmp_path / "none.parquet").num_rows == 0


BLOCK = ("import sys; sys.modules['distributed'] = None; sys.modules['pyarrow'] = None; "
         "from plan_extract.cli import main; sys.argv = ['plan-extract'] + sys.argv[1:]; main()")


@pytest.mark.parametrize("args", [["--scheduler", "tcp://127.0.0.1:8786"], ["-f", "parquet", "-o", "OUT"]])
def test_without_the_extra_one_line_says_what_to_install(args, tmp_path):
    args = [str(tmp_path / "x.parquet") if a == "OUT" else a for a in args]
    r = subprocess.run([sys.executable, "-c", BLOCK, "extract", str(ROOT / "seeds"), *args],
                       capture_output=True, timeout=60)
    lines = r.stderr.decode().splitlines()
    assert r.returncode == 2 and len(lines) == 1 and "pip install 'plan-extract[dask]'" in lines[0], r.stderr
    assert not os.listdir(tmp_path)


def test_a_bad_rule_set_is_one_error_on_the_client(tmp_path, corpus):
    from plan_extract.errors import RuleError

    (tmp_path / "bad.toml").write_text('[[rule]]\nid = "X-1"\nindicator = "x"\ncategory = "general"\n'
                                       'pattern = "(unclosed"\nexamples = [{ text = "x", value = 1 }]\n', encoding="utf-8")
    _, files = corpus
    with pytest.raises(RuleError, match="bad.toml: X-1: pattern"):
        extract_bag(files, rules=tmp_path)


def test_partition_size_follows_the_cluster():
    from plan_extract.dask import partition_size_for

    assert partition_size_for(2000, 2) == 125  # eight tasks per thread
    assert partition_size_for(10, 2) == 8 and partition_size_for(10**7, 400) == 128  # the bounds


def test_an_edited_rule_set_is_compiled_again(cluster, tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    seeds = str(ROOT / "seeds")
    before = extract_bag(seeds, rules=rules).compute()
    (rules / "counts.toml").unlink()  # the same directory, other rules: the workers must not reuse theirs
    after = extract_bag(seeds, rules=rules).compute()
    local = json.loads(run_cli("extract", seeds, "--rules", rules).stdout)
    assert after == local and after != before


def test_rule_catalogue_is_not_written_as_parquet():
    r = run_cli("rules", "list", "-f", "parquet")
    assert r.returncode == 2 and len(r.stderr.decode().splitlines()) == 1 and r.stdout == b""


def test_a_scheduler_without_workers_is_one_error():
    from distributed import LocalCluster

    from plan_extract.dask import cluster_results

    with LocalCluster(n_workers=0, processes=False, dashboard_address=":0") as empty:
        with pytest.raises(PlanExtractError, match="no worker has joined the scheduler in 0.5 s"):
            cluster_results(empty.scheduler_address, [str(ROOT / "seeds")], None, worker_timeout=0.5)


def test_added_rules_reach_the_workers(cluster, corpus, tmp_path):
    lc, _ = cluster
    d, _ = corpus
    poles = tmp_path / "poles.txt"
    poles.write_text("到2025年，全市建成多功能智能杆800根。\n", encoding="utf-8")
    extra = ROOT / "examples" / "rules"
    local = run_cli("extract", poles, d / "a_plan.txt", "--add-rules", extra, "-f", "jsonl")
    remote = run_cli("extract", poles, d / "a_plan.txt", "--add-rules", extra, "-f", "jsonl", "--scheduler", lc.scheduler_address)
    assert remote.returncode == local.returncode == 0 and remote.stdout == local.stdout
    rows = extract_bag([poles, d / "a_plan.txt"], add_rules=[extra]).compute()
    assert rows == [json.loads(line) for line in local.stdout.splitlines()]
    assert [r["rule"] for r in rows if r["doc"] == str(poles)] == ["EX-SMART-POLES"]


def test_a_users_catalogue_reaches_the_workers(cluster, corpus, tmp_path):
    lc, _ = cluster
    d, _ = corpus
    poles = tmp_path / "poles.txt"
    poles.write_text("到2025年，全市建成多功能智能杆800根。\n", encoding="utf-8")
    extra, indicators = ROOT / "examples" / "rules", ROOT / "examples" / "indicators.toml"
    args = ("extract", poles, d / "a_plan.txt", "--add-rules", extra, "--indicators", indicators, "-f", "jsonl")
    local = run_cli(*args)
    remote = run_cli(*args, "--scheduler", lc.scheduler_address)
    assert remote.returncode == local.returncode == 0 and remote.stdout == local.stdout
    rows = extract_bag([poles, d / "a_plan.txt"], add_rules=[extra], indicators=indicators).compute()
    assert rows == [json.loads(line) for line in local.stdout.splitlines()]
    assert [r["indicator_id"] for r in rows if r["doc"] == str(poles)] == ["EX-SMART-POLES"]


def test_parquet_dataset_rolls_over_parts_and_replaces_an_earlier_run(tmp_path, monkeypatch):
    from plan_extract.export import parquet
    from plan_extract.records import RECORD_FIELDS

    monkeypatch.setattr(parquet, "ROW_GROUP", 2)
    monkeypatch.setattr(parquet, "PART_ROWS", 4)
    rows = json.loads(run_cli("extract", ROOT / "seeds" / "000_3e12265064415db0.txt").stdout)
    out = tmp_path / "ds"
    for n in (len(rows), 3):  # a second, smaller run into the same directory
        w = parquet.ParquetWriter(out, RECORD_FIELDS)
        for r in rows[:n]:
            w.write(r)
        w.close()
        parts = sorted(p.name for p in out.iterdir())
        assert parts == [f"part.{i}.parquet" for i in range(len(parts))] and len(parts) == -(-n // 4)
        assert pd.read_parquet(out).to_dict("records")[0]["raw"] == rows[0]["raw"]
        assert len(pd.read_parquet(out)) == n
    w = parquet.ParquetWriter(tmp_path / "gone.parquet", RECORD_FIELDS)
    w.write(rows[0])
    w.abort()  # an interrupted run leaves nothing behind
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ds"]
