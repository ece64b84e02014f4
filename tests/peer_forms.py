"""The peer number corpora run through the command line: shared by tests/test_grammar_peers.py and
bench/peers.py. tests/corpus/numbers_peers.toml holds forms written in the style of other number
parsers' test suites; tests/corpus/numbers_peer_suites.toml the forms of those suites themselves."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import NamedTuple

import opencc

CORPORA = {"peer-style": Path(__file__).parent / "corpus" / "numbers_peers.toml",
           "peer suites": Path(__file__).parent / "corpus" / "numbers_peer_suites.toml"}
CORPUS = CORPORA["peer-style"]
SUBJECT = {"%": "5G用户普及率", "百分点": "5G用户普及率比上年提高", "‰": "人口自然增长率", "元": "软件业务收入",
           "美元": "软件业务收入", "人": "5G用户", "家": "5G基站", "倍": "软件业务收入增长"}
COMPARATOR_WORDS = ("近", "超", "约")
S2T = opencc.OpenCC("s2t").convert


class Row(NamedTuple):
    family: str
    form: str
    value: float
    value_max: float | None
    unit: str
    comparator: str
    subject: str | None
    link: str | None = None


def decisions(path: Path = CORPUS) -> tuple[int, int]:
    """(rows, rejected forms) that carry a note: where this project decided otherwise than a peer."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return (sum("note" in r for fam in data["family"] for r in fam["rows"]),
            sum("note" in r for fam in data["family"] for r in fam.get("not", [])))


def load(path: Path = CORPUS):
    """(rows, nots): the forms with their values, and the (family, line) pairs that must give no row."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    rows, nots = [], []
    for fam in data["family"]:
        for r in fam["rows"]:
            m = r.get("m")
            rows.append(Row(fam["name"], r["f"], float(r["v"]), None if m is None else float(m), r.get("u", "个"),
                            r.get("c", ">=" if m is not None else "="), r.get("s"), r.get("link")))
        # a form rejected within a family stands in the family's indicator sentence
        nots += [(fam["name"], sentence(n["f"], "个", None)) for n in fam.get("not", [])]
    nots += [("should-not", f"到2025年，{t}。") for t in data["should_not"]["forms"]]
    return rows, nots


def sentence(form: str, unit: str, subject: str | None, link: str | None = None) -> str:
    subject = subject or SUBJECT.get(unit, "5G基站")
    if link is None:
        link = "" if form.startswith(COMPARATOR_WORDS) or unit in ("百分点", "倍") or subject.endswith("收入") and \
            form.startswith(("增长", "翻", "实现")) else "达到"
    return f"到2025年，全省{subject}{link}{form}。"


def run(tmp: Path, corpus: Path = CORPUS):
    """Returns (cases, wrong, missing, extra): each case is (family, sentence, expected); wrong and
    missing list the cases read with another value or not at all; extra the (family, should-not
    line, raws) read."""
    rows, nots = load(corpus)
    cases = []
    for r in rows:
        for text in dict.fromkeys([r.form, S2T(r.form)]):
            cases.append((r.family, sentence(text, r.unit, r.subject, r.link), (r.value, r.value_max, r.unit, r.comparator)))
    not_cases = [(fam, v) for fam, line in nots for v in dict.fromkeys([line, S2T(line)])]
    lines = [c[1] for c in cases] + [line for _, line in not_cases]
    doc = tmp / "peers.txt"
    doc.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "plan_extract", "extract", str(doc), "-f", "json",
                          "--keep-duplicates"], capture_output=True, text=True, encoding="utf-8", check=True).stdout
    records = json.loads(out)
    text = doc.read_text(encoding="utf-8")
    assert all(text[r["start"]:r["end"]] == r["raw"] for r in records)
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    by_line: dict[int, list] = {}
    for r in records:
        by_line.setdefault(max(i for i, s in enumerate(starts) if s <= r["start"]), []).append(r)
    wrong, missing = [], []
    for i, (fam, line, (v, m, u, c)) in enumerate(cases):
        got = by_line.get(i, [])
        if not got:
            missing.append((fam, line))
        elif len(got) != 1 or not _close(got[0]["value"], v) or not _close(got[0]["value_max"], m) \
                or (got[0]["unit"], got[0]["comparator"]) != (u, c):
            wrong.append((fam, line, [(r["raw"], r["value"], r["value_max"], r["unit"], r["comparator"]) for r in got]))
    extra = [(fam, line, [r["raw"] for r in by_line[i]])
             for i, (fam, line) in enumerate(not_cases, len(cases)) if i in by_line]
    return cases, wrong, missing, extra, len(not_cases)


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))
