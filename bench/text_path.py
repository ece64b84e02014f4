"""The text path alone: plan_extract.extract in process over the seeds and test documents (each
text --times times), CPU time, best of --repeat.

    python bench/text_path.py [CHECKOUT ...] [--rounds 3]

Each checkout (a directory with src/plan_extract; default: this one) runs in a fresh process, the
checkouts one after another and that --rounds times, so that they share the machine's minutes (a
shared machine drifts by ±15 %); the best round of each is printed. The texts are this checkout's.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(HERE / "bench"))
import run  # noqa: E402  (bench/run.py: cpu_best)


def texts() -> list[str]:
    files = sorted(HERE.glob("seeds/*.txt")) + sorted(HERE.glob("tests/docs/*.txt"))
    return [f.read_text(encoding="utf-8") for f in files]


def measure(checkout: str, times: int, repeat: int) -> float:
    """Characters per second of CPU time, in this process, with the code of `checkout`."""
    sys.path.insert(0, str(Path(checkout).resolve() / "src"))
    from plan_extract import extract

    big = texts() * times
    extract(big[0])  # rules, lexicon and catalogue loaded before the clock starts
    return sum(map(len, big)) / run.cpu_best(lambda: [extract(text) for text in big], repeat)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("checkouts", nargs="*", default=[str(HERE)])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--times", type=int, default=30)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--one", help=argparse.SUPPRESS)  # a child: measure this checkout and print
    args = ap.parse_args()
    if args.one:
        print(measure(args.one, args.times, args.repeat))
        return
    runs: dict[str, list[float]] = {c: [] for c in args.checkouts}
    for _ in range(args.rounds):
        for c in args.checkouts:
            out = subprocess.run([sys.executable, __file__, "--one", c, "--times", str(args.times),
                                  "--repeat", str(args.repeat)], capture_output=True, text=True, check=True)
            runs[c].append(float(out.stdout))
    for c, r in runs.items():
        print(f"{c}: {max(r) / 1e6:.2f} M chars/s (best of {len(r)} rounds: "
              + ", ".join(f"{x / 1e6:.2f}" for x in r) + ")")


if __name__ == "__main__":
    main()
