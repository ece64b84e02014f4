"""Documents written blind for issue 8 (tests/holdout_docs/, see its README), scored against their
hand gold with the project's own scorer (plan_extract.evaluate, held equal to tests/gold/score.py by
test_evaluate.py): each batch stays above a floor just under its score today."""

from pathlib import Path

import pytest

from plan_extract import extract
from plan_extract.evaluate import parse_gold, score

HOLDOUT = Path(__file__).resolve().parent / "holdout_docs"
# strict F1 floors (today: A 0.952, B 0.902, C 0.915, D 0.885, E 0.916, K 0.902, L 0.875, M 0.894, N
# 0.909, O 0.807, P 0.852, Q 0.777, R 0.819, S 0.828, T 0.815, U 0.762, V 0.796, W 0.760, X 0.825, Y
# 0.757, Z 0.792, AA 0.592, BB 0.840, CC 0.846)
FLOORS = {"A": 0.93, "B": 0.87, "C": 0.88, "D": 0.86, "E": 0.89, "K": 0.87, "L": 0.85, "M": 0.87,
          "N": 0.88, "O": 0.78, "P": 0.82, "Q": 0.75, "R": 0.79, "S": 0.80, "T": 0.79, "U": 0.73,
          "V": 0.76, "W": 0.72, "X": 0.80, "Y": 0.72, "Z": 0.76, "AA": 0.56, "BB": 0.81, "CC": 0.82}


@pytest.mark.parametrize("batch", sorted(FLOORS))
def test_blind_batch_scores_above_its_floor(batch):
    folder = HOLDOUT / batch
    gold = parse_gold((folder / "gold.jsonl").read_text(encoding="utf-8"), str(folder / "gold.jsonl"))
    records = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for r in extract(text, path.name):
            assert text[r.start:r.end] == r.raw
            records.append(r.model_dump())
    figures = score(gold, records).figures
    assert figures["f1"] >= 0.90, figures
    assert figures["strict_f1"] >= FLOORS[batch], figures
