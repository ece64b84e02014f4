"""Documents written blind for issue 8 (tests/holdout_docs/, see its README), scored against their
hand gold with the project's own scorer (plan_extract.evaluate, held equal to tests/gold/score.py by
test_evaluate.py): each batch stays above a floor just under its score today."""

from pathlib import Path

import pytest

from plan_extract import extract
from plan_extract.evaluate import parse_gold, score

HOLDOUT = Path(__file__).resolve().parent / "holdout_docs"
# strict F1 floors (today: A 0.927, B 0.894, C 0.880, D 0.878, E 0.891, K 0.888, L 0.877, M 0.888, N 0.906, O
# 0.836, P 0.895, Q 0.807, R 0.855, S 0.861, T 0.838, U 0.792, V 0.819, W 0.794, X 0.842, Y 0.772, Z 0.807, AA
# 0.621, BB 0.829, CC 0.843, DD 0.847, EE 0.878, FF 0.936, GG 0.892, HH 0.864, II 0.864, JJ 0.857, KK 0.847,
# LL 0.869, MM 0.893, NN 0.910, OO 0.845, PP 0.836, QQ 0.840, RR 0.877, SS 0.874, TT 0.846, UU 0.892, VV
# 0.885, WW 0.922, XX 0.880, YY 0.863, ZZ 0.867, AB 0.905, AC 0.859, AD 0.899)
FLOORS = {"A": 0.90, "B": 0.86, "C": 0.85, "D": 0.85, "E": 0.86, "K": 0.86, "L": 0.85, "M": 0.86, "N": 0.87,
          "O": 0.80, "P": 0.86, "Q": 0.78, "R": 0.82, "S": 0.83, "T": 0.80, "U": 0.76, "V": 0.78, "W": 0.75,
          "X": 0.80, "Y": 0.74, "Z": 0.76, "AA": 0.59, "BB": 0.80, "CC": 0.80, "DD": 0.81, "EE": 0.84, "FF": 0.90,
          "GG": 0.86, "HH": 0.83, "II": 0.83, "JJ": 0.82, "KK": 0.80, "LL": 0.84, "MM": 0.85, "NN": 0.88,
          "OO": 0.81, "PP": 0.80, "QQ": 0.78, "RR": 0.85, "SS": 0.84, "TT": 0.80, "UU": 0.86, "VV": 0.84,
          "WW": 0.89, "XX": 0.85, "YY": 0.83, "ZZ": 0.84, "AB": 0.88, "AC": 0.83, "AD": 0.87}


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
