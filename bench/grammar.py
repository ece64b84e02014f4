"""The number grammar alone: scan() throughput over the benchmark corpus (CPU time, best of N).

    python bench/grammar.py [--docs 300] [--repeat 5] [--against CHECKOUT [--rounds 3]]

Prints characters per second of CPU time for the trigger pass, trigger + core regex, and the whole
scan() (candidates normalised to values), on the same corpus bench/run.py builds from the seeds.
--against runs the same measurement on another checkout's grammar (its src/ first on the path, e.g.
`git worktree add /tmp/base 18f650b`), alternating with this one's in separate processes, and prints
the two side by side (the range over the rounds): on a shared machine only alternating runs compare.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # noqa: E402  (bench/run.py: the corpus builder)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--against", type=Path, default=None)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    if args.against is not None:
        return side_by_side(args)
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
        s = run.cpu_best(fn, args.repeat)
        print(f"{name:<23} {s * 1000:7.1f} ms CPU, {chars / s:,.0f} chars/s (best of {args.repeat})")


def side_by_side(args) -> None:
    here = Path(__file__).resolve().parents[1]
    cmd = [sys.executable, __file__, "--docs", str(args.docs), "--repeat", str(args.repeat)]
    runs: dict[str, list[dict[str, str]]] = {"this": [], "against": []}
    for _ in range(args.rounds):
        for name, root in (("against", args.against.resolve()), ("this", here)):
            env = {**os.environ, "PYTHONPATH": str(root / "src")}
            out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
            runs[name].append({line[:23].strip(): line[23:].strip() for line in out.splitlines()})
    print(f"{'':<23} {str(args.against):<40} this checkout ({here.name})")
    for key in runs["this"][0]:
        cells = []
        for name in ("against", "this"):
            figures = [r[key] for r in runs[name]]
            if key == "corpus":
                cells.append(figures[0].split(", ", 1)[1])
            else:
                rates = sorted(float(f.split(", ")[1].split()[0].replace(",", "")) / 1e6 for f in figures)
                cells.append(f"{rates[0]:.1f}-{rates[-1]:.1f} M chars/s")
        print(f"{key:<23} {cells[0]:<40} {cells[1]}")


if __name__ == "__main__":
    main()
