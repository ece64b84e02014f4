"""Prints, for each peer number corpus (tests/corpus/numbers_peers.toml, the peer-style forms;
tests/corpus/numbers_peer_suites.toml, the forms of the peers' own test suites), the share of its
sentences read right through the command line, the share per family, and the should-not lines read.

    python bench/peers.py [-v]      (-v: every miss)
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from peer_forms import CORPORA, decisions, run  # noqa: E402

for name, path in CORPORA.items():
    with tempfile.TemporaryDirectory() as tmp:
        cases, wrong, missing, extra, n_not = run(Path(tmp), path)
    n = len(cases)
    right = n - len(wrong) - len(missing)
    print(f"{name} ({path.name}): {n} sentences  right: {right} ({right / n:.1%})  wrong value: {len(wrong)}  "
          f"nothing: {len(missing)}  should-not read: {len(extra)} of {n_not}")
    rows_noted, nots_noted = decisions(path)
    if rows_noted or nots_noted:
        print(f"  where the project decided otherwise than a peer (a note in the corpus): {rows_noted} forms "
              f"read with another value or unit, {nots_noted} forms a peer reads that give no row")
    total = Counter(f for f, *_ in cases)
    bad = Counter(f for f, *_ in wrong + missing)
    extras = Counter(f for f, *_ in extra)
    for fam in total:
        print(f"  {fam:<14} {total[fam] - bad[fam]:>3}/{total[fam]:<3} right"
              + (f", {extras[fam]} should-not read" if extras[fam] else ""))
    if extras["should-not"]:
        print(f"  {'should-not':<14} {extras['should-not']} read")
    if "-v" in sys.argv:
        for w in wrong:
            print("  WRONG", w)
        for w in missing:
            print("  NONE ", w)
        for w in extra:
            print("  EXTRA", w)
