"""Prints how many rows the catalogue names: the share of rows with an indicator_id, per set of
documents, and the rows whose indicator is a fragment (should be none).

    python bench/catalogue.py [PATH...]      (default: seeds/, tests/docs/, tests/docs_catalogue/)
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from plan_extract.batch import process  # noqa: E402
from plan_extract.canon import is_fragment  # noqa: E402
from plan_extract.load import iter_input_paths  # noqa: E402
from plan_extract.rules import load_rules  # noqa: E402


def measure(path: str, rules) -> tuple[int, int, list[str], Counter]:
    rows = []
    for f in iter_input_paths([path]):
        rows += process(f, rules).rows
    named = [r for r in rows if r["indicator_id"]]
    fragments = [r["indicator"] for r in rows if is_fragment(r["indicator"], r["raw"], r["sentence"]) and not r["indicator_id"]]
    return len(rows), len(named), fragments, Counter(r["indicator"] for r in rows if not r["indicator_id"])


def main(argv: list[str]) -> None:
    rules = load_rules()
    paths = argv or [str(ROOT / "seeds"), str(ROOT / "tests" / "docs"), str(ROOT / "tests" / "docs_catalogue")]
    print(f"{'documents':44} {'rows':>5} {'with id':>8} {'share':>6} {'fragments':>9}")
    for p in paths:
        total, named, fragments, unknown = measure(p, rules)
        share = named / total if total else 0.0
        print(f"{p[-44:]:44} {total:5d} {named:8d} {share:6.1%} {len(fragments):9d}")
        if fragments:
            print("   fragments:", "、".join(fragments))
        print("   most frequent without an id:", "、".join(f"{k} ({v})" for k, v in unknown.most_common(8)))


if __name__ == "__main__":
    main(sys.argv[1:])
