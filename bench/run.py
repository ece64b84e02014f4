"""plan-extract benchmark: builds a corpus from the seeds and prints measured figures.

    python bench/run.py [--docs 2000] [--work DIR]

Measures, in one run: end-to-end throughput of `plan-extract extract DIR -f jsonl -o FILE` on one
core (characters per second) beside the regex floor (one compiled pass finding every number in the
same texts); cold start of the command beside `python -c pass`; peak memory (max RSS) for the corpus
and for a corpus ten times larger; the cost of one 1 MB document against 100 documents of 10 KB;
and the speed-up of --jobs on this machine's cores.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
PLACES = ["辽宁", "山东", "湖北", "福建", "江西", "广东", "浙江", "四川", "河南", "陕西", "滨州", "杭州", "成都"]
NUMBER_FLOOR = re.compile(r"[0-9０-９]+(?:[.,][0-9]+)*|[零〇一二两三四五六七八九十百千万亿]+")


def cli() -> list[str]:
    exe = Path(sys.executable).with_name("plan-extract")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "plan_extract"]


def vary(text: str, rnd: random.Random) -> str:
    """The seed with its numbers, years and places changed (same phrasings, other figures)."""
    text = re.sub(r"(?<![0-9])(20[12][0-9])(?=年)", lambda m: str(int(m.group(1)) + rnd.randint(-2, 3)), text)
    text = re.sub(r"(?<![0-9.])([1-9][0-9]{0,3})(\.[0-9]+)?(?=[万亿个座家项户%％])",
                  lambda m: str(rnd.randint(1, 9999)) + (m.group(2) or ""), text)
    for place in PLACES[:5]:
        text = text.replace(place, rnd.choice(PLACES))
    return text


def build_corpus(directory: Path, n_docs: int, seed: int = 7) -> int:
    import opencc

    rnd = random.Random(seed)
    s2t = opencc.OpenCC("s2t").convert
    seeds = [p.read_text(encoding="utf-8") for p in SEEDS]
    directory.mkdir(parents=True, exist_ok=True)
    chars = 0
    for i in range(n_docs):
        if i % 500 == 499:  # a few long documents: 1 MB compilations
            text = "\n".join(vary(rnd.choice(seeds), rnd) for _ in range(1_000_000 // 7000 // 3 * 3))
        else:
            text = vary(seeds[i % len(seeds)], rnd)
        if i % 10 == 3:  # some Traditional ones
            text = s2t(text)
        (directory / f"doc{i:05d}.txt").write_text(text, encoding="utf-8")
        chars += len(text)
    return chars


def run_cli(args: list[str]) -> tuple[float, int]:
    """Wall time and the child's max RSS in KB (ru_maxrss of the waited child)."""
    t = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.execv(args[0], args)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - t
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed with {status}")
    return wall, usage.ru_maxrss


def floor_pass(directory: Path) -> tuple[float, int]:
    t = time.perf_counter()
    n = 0
    for p in sorted(directory.iterdir()):
        text = p.read_text(encoding="utf-8")
        n += sum(1 for _ in NUMBER_FLOOR.finditer(text))
    return time.perf_counter() - t, n


def times_of(args: list[str], runs: int = 9) -> tuple[float, float]:
    """(best, median) wall time of a command."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times)


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def parallel_ceiling(workers: int, n: int = 20_000_000) -> float:
    """Speed-up of `workers` processes over one on a pure-Python loop: what this machine allows."""
    import multiprocessing as mp

    t = time.perf_counter()
    for _ in range(workers):
        _spin(n // workers)
    serial = time.perf_counter() - t
    with mp.get_context("fork").Pool(workers) as pool:
        t = time.perf_counter()
        pool.map(_spin, [n // workers] * workers)
        parallel = time.perf_counter() - t
    return serial / parallel


def in_process_cost(texts: list[str], repeat: int = 3) -> float:
    """Best of `repeat` runs, after a warm-up (rule compilation, first allocations)."""
    from plan_extract import extract

    extract(texts[0][:5000])
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        for text in texts:
            extract(text)
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--work", type=Path, default=None)
    a = ap.parse_args()
    work = a.work or Path(tempfile.mkdtemp(prefix="plan-extract-bench-"))
    small, large = work / "corpus", work / "corpus10x"
    rows: list[tuple[str, str]] = []

    chars = build_corpus(small, a.docs)
    os.sync()  # the corpus just written must not be flushed to disk during the timings
    out = work / "out.jsonl"
    # best of three: this is a shared virtual machine, and the slowest runs measure its neighbours
    runs = [run_cli(cli() + ["extract", str(small), "-f", "jsonl", "-o", str(out), "-j", "1"]) for _ in range(3)]
    wall, rss = min(runs)
    floor, numbers = min(floor_pass(small) for _ in range(3))
    n_rows = sum(1 for _ in out.open(encoding="utf-8"))
    rows += [
        ("corpus", f"{a.docs} documents, {chars:,} characters, {numbers:,} number tokens"),
        ("extract -f jsonl -j 1", f"{wall:.2f} s, {chars / wall:,.0f} chars/s, {n_rows:,} rows "
                                  f"(best of 3; slowest {max(runs)[0]:.2f} s)"),
        ("regex floor (read + one number pass)", f"{floor:.2f} s, {chars / floor:,.0f} chars/s"),
        ("pipeline / floor", f"{wall / floor:.1f}x the floor's time"),
        ("peak RSS, corpus", f"{rss / 1024:.0f} MB"),
    ]

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    wall_j = min(run_cli(cli() + ["extract", str(small), "-f", "jsonl", "-o", str(out), "-j", str(cores)])[0]
                 for _ in range(3))
    rows.append((f"extract -j {cores}", f"{wall_j:.2f} s, speed-up {wall / wall_j:.2f}x on {cores} cores "
                                        f"(a pure-Python loop in {cores} processes: {parallel_ceiling(cores):.2f}x)"))

    large.mkdir(exist_ok=True)
    for i in range(10):
        for p in small.iterdir():
            dst = large / f"{i}_{p.name}"
            if not dst.exists():
                os.link(p, dst)
    os.sync()
    wall10, rss10 = run_cli(cli() + ["extract", str(large), "-f", "jsonl", "-o", str(out), "-j", "1"])
    wall10_j, _ = run_cli(cli() + ["extract", str(large), "-f", "jsonl", "-o", str(out), "-j", str(cores)])
    rows += [
        ("extract 10x corpus -j 1", f"{wall10:.2f} s, {chars * 10 / wall10:,.0f} chars/s"),
        ("peak RSS, 10x corpus", f"{rss10 / 1024:.0f} MB ({rss10 / rss:.2f}x the corpus)"),
        (f"extract 10x corpus -j {cores}", f"{wall10_j:.2f} s, speed-up {wall10 / wall10_j:.2f}x"),
    ]

    one = work / "one.txt"
    one.write_text(SEEDS[0].read_text(encoding="utf-8")[:2000], encoding="utf-8")
    start, start_median = times_of(cli() + ["extract", str(one)])
    bare, _ = times_of([sys.executable, "-c", "pass"])
    rows.append(("cold start: extract one small file",
                 f"{start * 1000:.0f} ms best, {start_median * 1000:.0f} ms median (python -c pass: {bare * 1000:.0f} ms)"))

    seeds = [p.read_text(encoding="utf-8") for p in SEEDS]
    rnd = random.Random(1)
    big = ""
    while len(big) < 1_000_000:
        big += vary(rnd.choice(seeds), rnd) + "\n"
    big = big[:1_000_000]
    smalls = [big[i * 10_000:(i + 1) * 10_000] for i in range(100)]
    t_big = in_process_cost([big])
    t_small = in_process_cost(smalls)
    rows.append(("scaling: 1 MB document vs 100 x 10 KB",
                 f"{t_big:.2f} s vs {t_small:.2f} s ({t_big / t_small:.2f}x per character)"))

    print_rows(rows)
    if not a.work:
        shutil.rmtree(work, ignore_errors=True)


def best(fn, runs: int = 3) -> tuple[float, float]:
    """(best, slowest) wall time of `fn()` over `runs` runs: the machine is shared."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times), max(times)


def cpu_best(fn, runs: int = 3) -> float:
    """Least CPU time of `fn()` over `runs` runs (the in-process benchmarks: other processes' load
    stays out of it)."""
    times = []
    for _ in range(runs):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return min(times)


def print_rows(rows: list[tuple[str, str]]) -> None:
    """The machine, then one `label  figure` line per measurement (the other bench scripts too)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    width = max(len(k) for k, _ in rows)
    print(f"machine: {platform.machine()}, {cores} cores, {platform.python_implementation()} {platform.python_version()}, {platform.platform()}")
    for k, v in rows:
        print(f"{k.ljust(width)}  {v}")


if __name__ == "__main__":
    main()
