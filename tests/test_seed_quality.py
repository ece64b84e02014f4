"""The seed documents scored against the hand annotation, with a floor so quality never silently drops."""

import importlib.util
import json
from pathlib import Path

from plan_extract import extract

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "seeds.jsonl"


def _score():
    spec = importlib.util.spec_from_file_location("score", ROOT / "tests" / "gold" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    preds = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for r in extract(text, str(path)):
            assert text[r.start:r.end] == r.raw
            preds.append(r.model_dump())
    out, _, _ = score.score(gold, preds)
    return out


def test_seed_scores_stay_above_the_floor():
    out = _score()
    assert out["f1"] >= 0.95, out
    assert out["strict_f1"] >= 0.90, out
    for name, accuracy in out["attr_accuracy"].items():
        assert accuracy >= 0.90, (name, out)
