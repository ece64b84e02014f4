"""Documents written blind for issue 8 (tests/holdout_docs/, see its README), scored against their
hand gold with the project's own scorer (plan_extract.evaluate, held equal to tests/gold/score.py by
test_evaluate.py): each batch stays above a floor just under its score today."""

from pathlib import Path

import pytest

from plan_extract import extract
from plan_extract.evaluate import parse_gold, score

HOLDOUT = Path(__file__).resolve().parent / "holdout_docs"
# strict F1 floors (today: A 0.927, B 0.894, C 0.880, D 0.875, E 0.891, K 0.888, L 0.875, M 0.888, N 0.902, O
# 0.834, P 0.887, Q 0.805, R 0.846, S 0.858, T 0.833, U 0.788, V 0.810, W 0.784, X 0.835, Y 0.770, Z 0.788, AA
# 0.621, BB 0.827, CC 0.832, DD 0.836, EE 0.874, FF 0.934, GG 0.892, HH 0.856, II 0.861, JJ 0.851, KK 0.835,
# LL 0.866, MM 0.884, NN 0.906, OO 0.845, PP 0.827, QQ 0.813, RR 0.876, SS 0.866, TT 0.826, UU 0.887, VV
# 0.875)
FLOORS = {"A": 0.90, "B": 0.86, "C": 0.85, "D": 0.85, "E": 0.86, "K": 0.86, "L": 0.85, "M": 0.86, "N": 0.87,
          "O": 0.80, "P": 0.86, "Q": 0.78, "R": 0.82, "S": 0.83, "T": 0.80, "U": 0.76, "V": 0.78, "W": 0.75,
          "X": 0.80, "Y": 0.74, "Z": 0.76, "AA": 0.59, "BB": 0.80, "CC": 0.80, "DD": 0.81, "EE": 0.84, "FF": 0.90,
          "GG": 0.86, "HH": 0.83, "II": 0.83, "JJ": 0.82, "KK": 0.80, "LL": 0.84, "MM": 0.85, "NN": 0.88,
          "OO": 0.81, "PP": 0.80, "QQ": 0.78, "RR": 0.85, "SS": 0.84, "TT": 0.80, "UU": 0.86, "VV": 0.84}


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
