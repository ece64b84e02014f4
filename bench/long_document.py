"""Peak memory of one long document: prints the max RSS of `plan-extract extract FILE -f FORMAT -o OUT`
on a generated file of dense target lines (every line several distinct figures), for several sizes.

    python bench/long_document.py [--mb 15] [--formats jsonl,csv] [--keep-duplicates]

Memory that grows with the file size is what this shows; bounded streaming shows as a flat figure.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PLACES = ["辽宁", "山东", "湖北", "福建", "江西", "廣東", "浙江", "四川", "河南", "陕西", "滨州", "杭州", "成都"]
LINES = [
    "到{y}年，{p}累计建成5G基站{a}万个，光纤接入宽带用户占比达到{b}%，千兆宽带用户达到{c}万户。\n",
    "到{y}年，{p}數字經濟核心產業增加值佔GDP比重達到{b}%，5G基站數達到{a}萬個。\n",
    "{p}计划到{y}年建成数据中心机架{c}万架，工业互联网平台{a}个，上云企业{c}家。\n",
]


def make(path: Path, megabytes: float, seed: int = 1) -> int:
    rnd = random.Random(seed)
    size, lines = 0, []
    while size < megabytes * 1e6:
        line = rnd.choice(LINES).format(y=rnd.randint(2022, 2035), p=rnd.choice(PLACES),
                                        a=f"{rnd.randint(1, 999)}.{rnd.randint(0, 99)}",
                                        b=f"{rnd.randint(1, 99)}.{rnd.randint(0, 9)}", c=rnd.randint(10, 99999))
        lines.append(line)
        size += len(line.encode("utf-8"))
    path.write_text("".join(lines), encoding="utf-8")
    return size


def peak(args: list[str]) -> tuple[float, float, int]:
    """(peak RSS in MB, seconds, exit code) of one run in a fresh child process."""
    code = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)")
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True).stdout.split()
    kb = int(out[0]) / (1024 if sys.platform == "darwin" else 1)  # macOS reports bytes
    return kb / 1024, time.perf_counter() - t, int(out[1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=15)
    ap.add_argument("--formats", default="jsonl,csv")
    ap.add_argument("--keep-duplicates", action="store_true")
    a = ap.parse_args()
    exe = Path(sys.executable).with_name("plan-extract")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "plan_extract"]
    print(f"python {sys.version.split()[0]}; max RSS of the whole command, one process (-j 1)")
    with tempfile.TemporaryDirectory(prefix="plan-extract-long-") as tmp:
        for mb in sorted({1.0, a.mb / 3, a.mb}):
            doc = Path(tmp) / "long.txt"
            size = make(doc, mb)
            for fmt in a.formats.split(","):
                out = Path(tmp) / f"out.{fmt}"
                extra = ["--keep-duplicates"] if a.keep_duplicates else []
                rss, secs, rc = peak([*cmd, "extract", str(doc), "-j", "1", "-f", fmt, "-o", str(out), *extra])
                rows = sum(1 for _ in out.open(encoding="utf-8")) - (1 if fmt == "csv" else 0) if rc == 0 else 0
                print(f"{size / 1e6:6.1f} MB  {fmt:5s}  rows {rows:8d}  peak RSS {rss:7.0f} MB  {secs:5.1f} s  exit {rc}")


if __name__ == "__main__":
    main()
