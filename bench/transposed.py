"""What the transposed-table reader costs on text without such tables: prints the time of its
pre-check and of the table stage with and without it over the bundled documents (seeds, tests/docs,
tests/holdout_docs), and of `extract()` over the same documents with the reader on and off, in
alternating runs (CPU time, best of --runs).

    python bench/transposed.py [--runs 5] [--repeat 20]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from plan_extract import extract, tables, transposed
from plan_extract.view import search_view

ROOT = Path(__file__).resolve().parents[1]


def documents() -> list[str]:
    paths = sorted(ROOT.glob("seeds/*.txt")) + sorted(ROOT.glob("tests/docs/*.txt")) + \
        sorted(ROOT.glob("tests/holdout_docs/**/*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def best(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--repeat", type=int, default=20, help="the documents joined this many times for the stage timings")
    args = ap.parse_args()
    docs = documents()
    text = "\n".join(docs) * args.repeat
    view = search_view(text)
    chars = len(text)
    print(f"documents: {len(docs)}, {sum(map(len, docs)):,} characters; stage text: {chars:,} characters "
          f"(x{args.repeat}); transposed tables found in it: {len(transposed.find_values(text, view)[0])} cells")
    pre = best(args.runs, lambda: transposed.may_hold(text))
    print(f"pre-check (transposed.may_hold)       {pre * 1e3:8.2f} ms  {chars / pre / 1e6:8.1f} M chars/s")
    full = best(args.runs, lambda: transposed.find_values(text, view))
    print(f"transposed.find_values                {full * 1e3:8.2f} ms  {chars / full / 1e6:8.1f} M chars/s")
    grid = best(args.runs, lambda: tables._grid_values(text, view, (), None, 0))
    both = best(args.runs, lambda: tables.find_values(text, view))
    print(f"table stage without / with the hook   {grid * 1e3:8.2f} ms / {both * 1e3:.2f} ms")

    on_times, off_times = [], []
    real = transposed.may_hold
    for _ in range(args.runs):  # alternating, so that load on the machine falls on both alike
        on_times.append(best(1, lambda: [extract(d, "d.txt") for d in docs]))
        transposed.may_hold = lambda _text: False
        try:
            off_times.append(best(1, lambda: [extract(d, "d.txt") for d in docs]))
        finally:
            transposed.may_hold = real
    on, off = min(on_times), min(off_times)
    print(f"extract() over the documents: reader on {on * 1e3:.1f} ms, off {off * 1e3:.1f} ms "
          f"({(on / off - 1) * 100:+.1f} %; runs on {', '.join(f'{t * 1e3:.0f}' for t in on_times)}; "
          f"off {', '.join(f'{t * 1e3:.0f}' for t in off_times)})")


if __name__ == "__main__":
    main()
