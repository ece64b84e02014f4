"""Documents written blind for issue 8 (tests/holdout_docs/, see its README), scored against their
hand gold with the project's own scorer (plan_extract.evaluate, held equal to tests/gold/score.py by
test_evaluate.py): each batch stays above a floor just under its score today."""

from pathlib import Path

import pytest

from plan_extract import extract
from plan_extract.evaluate import parse_gold, score

HOLDOUT = Path(__file__).resolve().parent / "holdout_docs"
# strict F1 floors (today: A 0.964, B 0.886, C 0.908, D 0.883, E 0.913, K 0.896, L 0.866, M 0.877,
# N 0.886, O 0.796, P 0.841, Q 0.756, R 0.789, S 0.821, T 0.787, U 0.749, V 0.773, W 0.729)
FLOORS = {"A": 0.93, "B": 0.85, "C": 0.87, "D": 0.85, "E": 0.88, "K": 0.86, "L": 0.84, "M": 0.85,
          "N": 0.86, "O": 0.77, "P": 0.81, "Q": 0.73, "R": 0.76, "S": 0.79, "T": 0.76, "U": 0.72,
          "V": 0.74, "W": 0.70, "X": 0.76, "Y": 0.71}


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
