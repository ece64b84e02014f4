"""Documents written blind for issue 8 (tests/holdout_docs/, see its README), scored against their
hand gold with the project's own scorer (plan_extract.evaluate, held equal to tests/gold/score.py by
test_evaluate.py): each batch stays above a floor just under its score today."""

from pathlib import Path

import pytest

from plan_extract import extract
from plan_extract.evaluate import parse_gold, score

HOLDOUT = Path(__file__).resolve().parent / "holdout_docs"
# strict F1 floors (today: A 0.939, B 0.898, C 0.889, D 0.888, E 0.911, K 0.908, L 0.890, M 0.903, N
# 0.910, O 0.803, P 0.858, Q 0.790, R 0.825, S 0.836, T 0.817, U 0.771, V 0.806, W 0.775, X 0.827, Y
# 0.762, Z 0.788, AA 0.611, BB 0.837, CC 0.849, DD 0.804, EE 0.846, FF 0.921, GG 0.851, HH 0.802)
FLOORS = {"A": 0.91, "B": 0.87, "C": 0.86, "D": 0.86, "E": 0.89, "K": 0.88, "L": 0.86, "M": 0.87,
          "N": 0.88, "O": 0.78, "P": 0.83, "Q": 0.76, "R": 0.80, "S": 0.81, "T": 0.79, "U": 0.74,
          "V": 0.78, "W": 0.75, "X": 0.80, "Y": 0.73, "Z": 0.76, "AA": 0.58, "BB": 0.81, "CC": 0.82,
          "DD": 0.78, "EE": 0.82, "FF": 0.89, "GG": 0.82, "HH": 0.77}


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
