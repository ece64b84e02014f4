"""plan-extract on a Dask cluster: throughput against `--jobs`, on bench/run.py's corpus.

    python bench/cluster.py [--docs 2000] [--workers 2] [--sizes 1,8,32,128]

Starts a LocalCluster of N worker processes (one thread each) and prints, on the same corpus:
`extract -j 1` and `-j N` (the local baseline); `extract --scheduler` to JSON Lines and to Parquet;
the library path (`extract_bag(...).count()` and `to_dataframe(...).to_parquet()`, written by the
workers) for several partition sizes (documents per task); the cost of one empty task; and the
cluster's start-up. Needs the dask extra.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import best, build_corpus, cli, print_rows, run_cli  # noqa: E402  (the same corpus as bench/run.py)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--sizes", default="1,8,32,128,512")
    ap.add_argument("--work", type=Path, default=None)
    a = ap.parse_args()

    from distributed import Client, LocalCluster

    from plan_extract.dask import extract_bag, partition_size_for, to_dataframe

    work = a.work or Path(tempfile.mkdtemp(prefix="plan-extract-cluster-"))
    corpus = work / "corpus"
    chars = build_corpus(corpus, a.docs)
    os.sync()
    n = a.workers
    out = work / "out.jsonl"
    rows: list[tuple[str, str]] = [("corpus", f"{a.docs} documents, {chars:,} characters")]

    def rate(seconds: float) -> str:
        return f"{seconds:.2f} s, {chars / seconds:,.0f} chars/s"

    local = {}
    for jobs in (1, n):
        local[jobs], slow = best(lambda: run_cli(cli() + ["extract", str(corpus), "-f", "jsonl", "-o", str(out), "-j", str(jobs)]))
        rows.append((f"extract -j {jobs}", f"{rate(local[jobs])} (slowest {slow:.2f} s)"))
    n_rows = sum(1 for _ in out.open(encoding="utf-8"))
    expected = out.read_bytes()

    t = time.perf_counter()
    cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0")
    client = Client(cluster)
    rows.append((f"LocalCluster start ({n} workers)", f"{time.perf_counter() - t:.2f} s"))
    addr = cluster.scheduler_address

    # warm the workers (imports, rule compilation) as a long-running cluster would be
    extract_bag(str(corpus), partition_size=a.docs).count().compute()

    wall, slow = best(lambda: run_cli(cli() + ["extract", str(corpus), "-f", "jsonl", "-o", str(out), "--scheduler", addr]))
    same = "same bytes as -j 1" if out.read_bytes() == expected else "OUTPUT DIFFERS from -j 1"
    rows.append((f"extract --scheduler (jsonl, {partition_size_for(a.docs, n)}/task)",
                 f"{rate(wall)} (slowest {slow:.2f} s), {wall / local[n]:.2f}x the time of -j {n}; {n_rows:,} rows, {same}"))
    pq = work / "out.parquet"
    wall_pq, _ = best(lambda: run_cli(cli() + ["extract", str(corpus), "-f", "parquet", "-o", str(pq), "--scheduler", addr]))
    wall_pq_local, _ = best(lambda: run_cli(cli() + ["extract", str(corpus), "-f", "parquet", "-o", str(pq), "-j", str(n)]))
    rows.append(("extract -f parquet --scheduler", f"{rate(wall_pq)}; -j {n}: {rate(wall_pq_local)}"))

    for size in map(int, a.sizes.split(",")):
        bag = extract_bag(str(corpus), partition_size=size)
        wall, slow = best(lambda: bag.count().compute())
        rows.append((f"extract_bag().count(), {size}/task", f"{rate(wall)} (slowest {slow:.2f} s), "
                                                            f"{-(-a.docs // size)} tasks, {wall / local[n]:.2f}x -j {n}"))
    dataset = work / "dataset"
    wall, _ = best(lambda: to_dataframe(extract_bag(str(corpus))).to_parquet(dataset, write_index=False, overwrite=True))
    rows.append((f"to_dataframe().to_parquet() by the workers", rate(wall)))

    import dask.bag as db

    tasks = 2000
    wall, _ = best(lambda: client.gather(client.map(len, [[i] for i in range(tasks)], pure=False)))
    rows.append(("one empty task, client.map (the CLI's way)", f"{wall / tasks * 1000:.2f} ms ({tasks} tasks in {wall:.2f} s)"))
    empty = db.from_sequence(range(tasks), npartitions=tasks).map_partitions(lambda part: [len(part)])
    wall, _ = best(lambda: empty.sum().compute())
    rows.append(("one empty task, in a bag", f"{wall / tasks * 1000:.2f} ms ({tasks} tasks in {wall:.2f} s)"))

    client.close()
    cluster.close()
    print_rows(rows)
    if not a.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
