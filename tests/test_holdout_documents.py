"""Documents written blind for issue 8 (tests/holdout_docs/, see its README), scored against their
hand gold with the project's own scorer (plan_extract.evaluate, held equal to tests/gold/score.py by
test_evaluate.py): each batch stays above a floor just under its score today."""

from pathlib import Path

import pytest

from plan_extract import extract
from plan_extract.evaluate import parse_gold, score

HOLDOUT = Path(__file__).resolve().parent / "holdout_docs"
# strict F1 floors (today: A 0.964, B 0.882, C 0.902, D 0.881, E 0.908, K 0.876, L 0.857, M 0.863,
# N 0.878, O 0.786, P 0.837, Q 0.744, R 0.765, S 0.811, T 0.777, U 0.740)
FLOORS = {"A": 0.93, "B": 0.85, "C": 0.87, "D": 0.85, "E": 0.88, "K": 0.84, "L": 0.83, "M": 0.83,
          "N": 0.85, "O": 0.76, "P": 0.81, "Q": 0.71, "R": 0.74, "S": 0.78, "T": 0.75, "U": 0.71}


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
