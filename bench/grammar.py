"""The number grammar alone: scan() throughput over the benchmark corpus (CPU time, best of N).

    python bench/grammar.py [--docs 300] [--repeat 5]

Prints characters per second of CPU time for the trigger pass, trigger + core regex, and the whole
scan() (candidates normalised to values), on the same corpus bench/run.py builds from the seeds.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # noqa: E402  (bench/run.py: the corpus builder)


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    from plan_extract.grammar import _compiled, scan
    from plan_extract.view import search_view

    with tempfile.TemporaryDirectory() as tmp:
        run.build_corpus(Path(tmp), args.docs)
        views = [search_view(p.read_text(encoding="utf-8")) for p in sorted(Path(tmp).iterdir())]
    chars = sum(map(len, views))
    g = _compiled()
    found = sum(1 for v in views for _ in scan(v))
    rows = [
        ("trigger pass", lambda: [1 for v in views for _ in g.trigger.finditer(v)]),
        ("trigger + core regex", lambda: [g.core.match(v, t.start()) for v in views for t in g.trigger.finditer(v)]),
        ("scan (values)", lambda: [q for v in views for q in scan(v)]),
    ]
    print(f"corpus                  {len(views)} documents, {chars:,} characters, {found:,} quantities")
    for name, fn in rows:
        s = best(fn, args.repeat)
        print(f"{name:<23} {s * 1000:7.1f} ms CPU, {chars / s:,.0f} chars/s (best of {args.repeat})")


if __name__ == "__main__":
    main()
