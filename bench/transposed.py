"""What the transposed-table reader costs on text without such tables: prints the speed of its
pre-check on the bundled documents (seeds, tests/docs, tests/holdout_docs) that hold none, the time
of the table stage over all of them with and without the reader, and of `extract()` over them with
the reader on and off, in alternating runs (CPU time, best of --runs).

    python bench/transposed.py [--runs 5] [--repeat 20]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from plan_extract import extract, tables, transposed
from plan_extract.view import search_view

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
import run  # noqa: E402  (bench/run.py: cpu_best)


def documents() -> list[str]:
    paths = sorted(ROOT.glob("seeds/*.txt")) + sorted(ROOT.glob("tests/docs/*.txt")) + \
        sorted(ROOT.glob("tests/holdout_docs/**/*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--repeat", type=int, default=20, help="the documents joined this many times for the pre-check")
    args = ap.parse_args()
    docs = documents()
    views = [search_view(d) for d in docs]
    chars = sum(map(len, docs))
    cells = sum(len(transposed.find_values(d, v)[0]) for d, v in zip(docs, views))
    print(f"documents: {len(docs)}, {chars:,} characters; transposed table cells in them: {cells}")
    prose = "\n".join(d for d in docs if not transposed.may_hold(d)) * args.repeat
    pre = run.cpu_best(lambda: transposed.may_hold(prose), args.runs)
    print(f"pre-check on the documents without such a table, joined x{args.repeat} ({len(prose):,} characters): "
          f"{pre * 1e3:.2f} ms, {len(prose) / pre / 1e6:.0f} M chars/s")
    grid = run.cpu_best(lambda: [tables._grid_values(d, v, (), None, 0) for d, v in zip(docs, views)], args.runs)
    both = run.cpu_best(lambda: [tables.find_values(d, v) for d, v in zip(docs, views)], args.runs)
    print(f"table stage per document, without / with the transposed reader: {grid * 1e3:.2f} ms / {both * 1e3:.2f} ms")

    on_times, off_times = [], []
    real = transposed.may_hold
    for _ in range(args.runs):  # alternating, so that load on the machine falls on both alike
        on_times.append(run.cpu_best(lambda: [extract(d, "d.txt") for d in docs], 1))
        transposed.may_hold = lambda _text: False
        try:
            off_times.append(run.cpu_best(lambda: [extract(d, "d.txt") for d in docs], 1))
        finally:
            transposed.may_hold = real
    on, off = min(on_times), min(off_times)
    print(f"extract() over the documents, best of {args.runs}: reader on {on * 1e3:.1f} ms, off {off * 1e3:.1f} ms "
          f"({(on / off - 1) * 100:+.1f} %); all runs on {', '.join(f'{t * 1e3:.0f}' for t in on_times)}; "
          f"off {', '.join(f'{t * 1e3:.0f}' for t in off_times)}")


if __name__ == "__main__":
    main()
