"""Documents written blind for issue 8 (tests/holdout_docs/, see its README), scored against their
hand gold with the project's own scorer (plan_extract.evaluate, held equal to tests/gold/score.py by
test_evaluate.py): each batch stays above a floor just under its score today."""

from pathlib import Path

import pytest

from plan_extract import extract
from plan_extract.evaluate import parse_gold, score

HOLDOUT = Path(__file__).resolve().parent / "holdout_docs"
# strict F1 floors (today: A 0.964, B 0.902, C 0.917, D 0.890, E 0.918, K 0.911, L 0.884, M 0.903, N
# 0.903, O 0.801, P 0.852, Q 0.770, R 0.814, S 0.828, T 0.797, U 0.758, V 0.785, W 0.760, X 0.819, Y
# 0.755)
FLOORS = {"A": 0.93, "B": 0.87, "C": 0.88, "D": 0.86, "E": 0.89, "K": 0.88, "L": 0.85, "M": 0.87,
          "N": 0.87, "O": 0.77, "P": 0.82, "Q": 0.73, "R": 0.78, "S": 0.80, "T": 0.77, "U": 0.72,
          "V": 0.75, "W": 0.72, "X": 0.79, "Y": 0.72}


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
