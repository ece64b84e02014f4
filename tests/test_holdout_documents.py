"""Documents written blind for issue 8 (tests/holdout_docs/, see its README), scored against their
hand gold with the project's own scorer (plan_extract.evaluate, held equal to tests/gold/score.py by
test_evaluate.py): each batch stays above a floor just under its score today."""

from pathlib import Path

import pytest

from plan_extract import extract
from plan_extract.evaluate import parse_gold, score

HOLDOUT = Path(__file__).resolve().parent / "holdout_docs"
# strict F1 floors (today: A 0.943, B 0.906, C 0.891, D 0.888, E 0.913, K 0.908, L 0.890, M 0.903, N
# 0.912, O 0.807, P 0.862, Q 0.790, R 0.830, S 0.836, T 0.819, U 0.773, V 0.806, W 0.779, X 0.827, Y
# 0.763, Z 0.791, AA 0.611, BB 0.839, CC 0.849, DD 0.804, EE 0.848, FF 0.921, GG 0.867, HH 0.834, II
# 0.832, JJ 0.795, KK 0.816, LL 0.839, MM 0.834, NN 0.869, OO 0.813)
FLOORS = {"A": 0.91, "B": 0.88, "C": 0.86, "D": 0.86, "E": 0.88, "K": 0.88, "L": 0.86, "M": 0.87, "N": 0.88,
          "O": 0.78, "P": 0.83, "Q": 0.76, "R": 0.80, "S": 0.81, "T": 0.79, "U": 0.74, "V": 0.78, "W": 0.75,
          "X": 0.80, "Y": 0.73, "Z": 0.76, "AA": 0.58, "BB": 0.81, "CC": 0.82, "DD": 0.77, "EE": 0.82,
          "FF": 0.89, "GG": 0.84, "HH": 0.80, "II": 0.80, "JJ": 0.76, "KK": 0.79, "LL": 0.81, "MM": 0.80,
          "NN": 0.84, "OO": 0.78}


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
