"""Scores records against a hand annotation (the JSON Lines format of tests/gold/seeds.jsonl).

One gold line per annotated number, matched to records by document file name and overlapping span:

    {"doc": "plan.txt", "start": 12, "end": 17, "text": "3.5万个", "value": 35000, "unit": "个",
     "comparator": "=", "kind": "target", "years": [2025], "keys": ["5G", "基站"],
     "status": "required", "fact": "f1"}

`status` is `required` (a row must give it), `optional` (a row may give it: neither counted right
nor wrong), `noise` (a number no row may give: `value` and the attributes are not needed) or
`document` (facts about the document, not scored). Mentions of one fact share `fact`: finding one
of them finds the fact, a second one is neutral. `years` lists the acceptable years (null: none),
`keys` the words the indicator must contain (in Simplified Chinese).

The figures are those of tests/gold/score.py, with the same keys and tolerances: precision over the
rows that fall on annotated or unannotated numbers, recall over the required facts, and strict F1
counting a fact only when unit, comparator, kind, year and indicator are right as well.
"""

from __future__ import annotations

import collections
import json
import math
from dataclasses import dataclass, field
from pathlib import PurePath

from .errors import InputError
from .view import to_simplified

STATUSES = ("required", "optional", "noise", "document")
ATTRIBUTES = ("unit", "comparator", "kind", "year", "indicator")

_UNIT_CLASS = {u.lower(): cls for cls, units in {
    "pct": ["%", "％", "percent", "百分比"],
    "pp": ["百分点", "个百分点", "個百分點", "百分點", "pp"],
    "cny": ["元", "亿元", "億元", "万元", "萬元", "cny", "yuan", "人民币"],
    "km": ["公里", "km", "千米"],
    "bw": ["t", "tbps", "tb/s", "tbit/s"],
}.items() for u in units}

_CMP = {"=": "=", "==": "=", "eq": "=", ">": ">", "gt": ">", ">=": ">=", "≥": ">=", "ge": ">=",
        "~": "~", "≈": "~", "approx": "~", "about": "~", "<": "<", "lt": "<", "<=": "<=", "≤": "<=",
        "le": "<=", "": "=", None: "="}
# 近 is annotated ~ and read as < or <= ; 超过/突破 annotated > and read as >= : both count as right
_CMP_NEAR = ({">", ">="}, {"<", "<="}, {"~", "<="}, {"~", "<"})


def unit_class(unit) -> str:
    u = (unit or "").strip().lower()
    return _UNIT_CLASS.get(u, "count") if u else "none"


def comparator_ok(pred, gold: str) -> bool:
    p = _CMP.get(pred if pred is None else str(pred).strip().lower(), str(pred))
    return p == gold or {gold, p} in _CMP_NEAR


def same_value(a, b) -> bool:
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)
    except (TypeError, ValueError):
        return False


def doc_key(doc) -> str:
    """Documents are matched by file name: `seeds/plan.txt` is the gold's `plan.txt`."""
    return PurePath(str(doc or "")).name


# ---------------------------------------------------------------------------------------------
# reading the gold

_NEEDS = {
    "noise": {"doc": str, "start": int, "end": int},
    "document": {"doc": str},
}
_NEEDS["required"] = _NEEDS["optional"] = {
    **_NEEDS["noise"], "value": (int, float), "unit": str, "comparator": str, "kind": str,
    "years": list, "keys": list, "fact": (str, int)}


def parse_gold(text: str, path: str) -> list[dict]:
    """The gold lines of `text` (the content of `path`); InputError listing every bad line, one
    `path:line: what is wrong` each."""
    rows, problems = [], []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        problem = None
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            problem = f"not JSON ({e.msg} at column {e.colno})"
        else:
            problem = _check(row)
        if problem:
            problems.append(f"{path}:{n}: {problem}")
        else:
            rows.append({**row, "doc": doc_key(row["doc"])})
    if problems:
        raise InputError("\n".join(problems))
    return rows


def _check(row) -> str | None:
    if not isinstance(row, dict):
        return "not a JSON object"
    status = row.get("status")
    if status not in STATUSES:
        return f"status: {status!r} is not one of {', '.join(STATUSES)}"
    for key, types in _NEEDS[status].items():
        if key not in row:
            return f"{key}: missing (needed for status {status})"
        v = row[key]
        if not isinstance(v, types) or isinstance(v, bool):
            return f"{key}: {v!r} is not {_type_name(types)}"
    if status == "document":
        return None
    if not 0 <= row["start"] < row["end"]:
        return f"start, end: {row['start']}..{row['end']} is not a span"
    if status != "noise":
        if row["kind"] not in ("target", "actual"):
            return f"kind: {row['kind']!r} is not target or actual"
        if row["comparator"] not in _CMP:
            return f"comparator: {row['comparator']!r} is not one of = > >= < <= ~"
        if not all(y is None or isinstance(y, int) and not isinstance(y, bool) for y in row["years"]):
            return "years: each must be a year or null"
        if not all(isinstance(k, str) for k in row["keys"]):
            return "keys: each must be a string"
    return None


def _type_name(types) -> str:
    names = {str: "a string", int: "an integer", float: "a number", list: "a list"}
    return " or ".join(names[t] for t in (types if isinstance(types, tuple) else (types,)))


# ---------------------------------------------------------------------------------------------
# scoring

@dataclass
class Score:
    figures: dict  # precision, recall, f1, strict_f1, counts, attribute accuracy
    false_rows: list = field(default_factory=list)  # (why, record): rows that count against precision
    wrong_attributes: list = field(default_factory=list)  # (attributes, record, gold): found, not strict
    misses: list = field(default_factory=list)  # gold lines of required facts no row found


def score(gold: list[dict], records: list[dict], docs: set[str] | None = None) -> Score:
    """Scores `records` (dicts with doc, start, end, value, unit, comparator, kind, year, indicator)
    on the gold documents (only those named in `docs`, when given)."""
    names = {g["doc"] for g in gold}
    if docs is not None:
        names &= docs
    by_doc = collections.defaultdict(list)
    for g in gold:
        if g["status"] in ("required", "optional", "noise"):
            by_doc[g["doc"]].append(g)
    required = {(g["doc"], g["fact"]) for d in names for g in by_doc[d] if g["status"] == "required"}
    found, strict, used = set(), set(), set()
    tp = fp = neutral = attr_n = 0
    attr = collections.Counter()
    result = Score({})
    for p in records:
        doc = doc_key(p.get("doc"))
        if doc not in names:
            continue
        try:
            ps, pe = int(p["start"]), int(p["end"])
        except (KeyError, TypeError, ValueError):
            fp += 1
            result.false_rows.append(("no-span", p))
            continue
        overlapping = [g for g in by_doc[doc] if ps < g["end"] and g["start"] < pe]
        hit = next((g for g in overlapping if g["status"] != "noise" and same_value(p.get("value"), g["value"])), None)
        if hit is None:
            fp += 1
            why = ("noise" if any(g["status"] == "noise" for g in overlapping)
                   else "wrong-value" if overlapping else "unannotated")
            result.false_rows.append((why, p))
            continue
        if hit["status"] == "optional":
            neutral += 1
            continue
        if (doc, hit["start"]) in used:
            fp += 1
            result.false_rows.append(("duplicate", p))
            continue
        used.add((doc, hit["start"]))
        fact = (doc, hit["fact"])
        if fact in found:
            neutral += 1
        else:
            found.add(fact)
            tp += 1
        attr_n += 1
        checks = _attributes(p, hit)
        attr.update(k for k, ok in checks.items() if ok)
        if all(checks.values()):
            strict.add(fact)
        else:
            result.wrong_attributes.append(([k for k, ok in checks.items() if not ok], p, hit))
    P = tp / (tp + fp) if tp + fp else 0.0
    R = len(found) / len(required) if required else 0.0
    sP = len(strict) / (tp + fp) if tp + fp else 0.0
    sR = len(strict) / len(required) if required else 0.0
    result.figures = {
        "docs": len(names), "required_facts": len(required), "found": len(found), "strict_found": len(strict),
        "tp": tp, "fp": fp, "neutral": neutral,
        "precision": round(P, 4), "recall": round(R, 4), "f1": round(_f1(P, R), 4), "strict_f1": round(_f1(sP, sR), 4),
        "attr_accuracy": {k: round(attr[k] / attr_n, 4) if attr_n else 0.0 for k in ATTRIBUTES},
    }
    result.misses = [g for d in sorted(names) for g in by_doc[d]
                     if g["status"] == "required" and (d, g["fact"]) not in found]
    return result


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _attributes(p: dict, g: dict) -> dict[str, bool]:
    indicator = to_simplified(str(p.get("indicator") or ""))
    return {
        "unit": unit_class(p.get("unit")) == unit_class(g["unit"]),
        "comparator": comparator_ok(p.get("comparator"), g["comparator"]),
        "kind": str(p.get("kind", "")).lower() == g["kind"],
        "year": p.get("year") in g["years"] if p.get("year") is not None else None in g["years"],
        "indicator": bool(indicator) and all(k in indicator for k in g["keys"]),
    }


def evaluate(gold: list[dict], records: list[dict], docs: list[str]) -> dict:
    """Overall and per-document figures, the misses and the false rows, as one JSON-ready dict.
    `docs` are the evaluated documents' file names (those both annotated and given)."""
    overall = score(gold, records, set(docs))
    out = dict(overall.figures)
    out["documents"] = {d: score(gold, records, {d}).figures for d in docs}
    out["misses"] = [{k: g.get(k) for k in ("doc", "start", "end", "text", "value", "unit", "kind", "years", "keys")}
                     for g in overall.misses]
    out["false_rows"] = [{"why": why, **_brief(p)} for why, p in overall.false_rows]
    out["wrong_attributes"] = [{"attributes": attrs, **_brief(p),
                                "gold": {k: g[k] for k in ("value", "unit", "comparator", "kind", "years", "keys")}}
                               for attrs, p, g in overall.wrong_attributes]
    return out


def _brief(p: dict) -> dict:
    keys = ("doc", "start", "end", "raw", "value", "unit", "comparator", "kind", "year", "indicator", "rule")
    return {k: p.get(k) for k in keys}


def report(result: dict) -> str:
    """The figures as text: one line per document, the overall line, then the misses, the false
    rows and the rows found with a wrong attribute."""
    def line(label, f):
        return (f"{label}  P={f['precision']:.3f} R={f['recall']:.3f} F1={f['f1']:.3f} "
                f"strictF1={f['strict_f1']:.3f}  found {f['found']}/{f['required_facts']}, "
                f"strict {f['strict_found']}, false {f['fp']}")
    width = max([len(d) for d in result["documents"]] + [7])
    out = [line(d.ljust(width), f) for d, f in result["documents"].items()]
    out.append(line("overall".ljust(width), result))
    out.append("attribute accuracy: " + ", ".join(f"{k} {v:.3f}" for k, v in result["attr_accuracy"].items()))
    for g in result["misses"]:
        out.append(f"MISSED  {g['doc']} {g['start']}-{g['end']} {g['text']} value={_num(g['value'])} "
                   f"keys={','.join(g['keys'])}")
    for p in result["false_rows"]:
        out.append(f"FALSE   {doc_key(p['doc'])} {p['start']}-{p['end']} {p['raw']} ({p['why']}) "
                   f"{p['indicator']} {_num(p['value'])}{p['unit'] or ''} rule={p['rule']}")
    for p in result["wrong_attributes"]:
        g = p["gold"]
        want = {"unit": g["unit"], "comparator": g["comparator"], "kind": g["kind"], "year": g["years"],
                "indicator": "+".join(g["keys"])}
        out.append(f"WRONG   {doc_key(p['doc'])} {p['start']}-{p['end']} {p['raw']} "
                   + "; ".join(f"{a}: {p.get(a)} (gold {want[a]!s})" for a in p["attributes"]))
    return "\n".join(out)


def _num(v) -> str:
    return f"{v:g}" if isinstance(v, (int, float)) else str(v)
