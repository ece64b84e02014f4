"""Prints the share of the peer-style number corpus (tests/corpus/numbers_peers.toml) read right
through the command line, the misses by family, and the should-not forms read."""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from peer_forms import run  # noqa: E402

with tempfile.TemporaryDirectory() as tmp:
    cases, wrong, missing, extra = run(Path(tmp))
n = len(cases)
print(f"peer forms: {n}  right: {n - len(wrong) - len(missing)} ({(n - len(wrong) - len(missing)) / n:.1%})  "
      f"wrong value: {len(wrong)}  nothing: {len(missing)}  should-not read: {len(extra)}")
bad = Counter(f for f, *_ in wrong + missing)
for fam, k in sorted(bad.items()):
    print(f"  {fam}: {k} missed")
if "-v" in sys.argv:
    for w in wrong:
        print("WRONG", w)
    for w in missing:
        print("NONE ", w)
    for w in extra:
        print("EXTRA", w)
