"""The documents written for the context layer, scored against their gold with the project's scorer;
and every seed flattened to one line (a page saved without line breaks) keeps its rows."""

import importlib.util
import json
from collections import Counter
from pathlib import Path

from plan_extract import extract

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "context_docs.jsonl"


def _scorer():
    spec = importlib.util.spec_from_file_location("score", ROOT / "tests" / "gold" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    return score


def test_context_documents_score_above_the_floor():
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    preds = []
    for name in sorted({g["doc"] for g in gold}):
        text = (ROOT / "tests" / "context_docs" / name).read_text(encoding="utf-8")
        for r in extract(text, name):
            assert text[r.start:r.end] == r.raw
            preds.append(r.model_dump())
    out, _, _ = _scorer().score(gold, preds)
    assert out["f1"] >= 0.95, out
    assert out["strict_f1"] >= 0.90, out


def test_seeds_flattened_to_one_line_keep_their_rows():
    # the same offsets: each line break becomes a space
    fact = lambda r: (r.value, r.unit, r.comparator, r.kind, r.indicator)
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        flat = text.replace("\n", " ")
        normal, flattened = extract(text, path.name), extract(flat, path.name)
        assert normal, path
        assert all(flat[r.start:r.end] == r.raw for r in flattened)
        assert Counter(map(fact, flattened)) == Counter(map(fact, normal)), path.name
