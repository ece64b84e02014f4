"""The analyst's table: one line per (region, indicator, measure), one column per year and kind.

Rows group by catalogue id when they have one (whatever their wording), else by their indicator
phrase. A cell holds every distinct figure its rows give; two documents that disagree make a cell
with two figures, marked as a conflict, never one silently chosen. Each figure keeps its sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .catalogue import Catalogue, default_catalogue

CMP_TEXT = {"=": "", ">": ">", ">=": ">=", "<": "<", "<=": "<=", "~": "~"}
KIND_ORDER = {"actual": 0, "target": 1}


@dataclass
class Figure:
    value: float
    value_max: float | None
    unit: str
    comparator: str
    sources: list[dict] = field(default_factory=list)  # {row, doc, start, end, sentence}

    @property
    def text(self) -> str:
        v = number_text(self.value) + (f"-{number_text(self.value_max)}" if self.value_max is not None else "")
        return f"{CMP_TEXT.get(self.comparator, self.comparator)}{v} {self.unit}".strip()


@dataclass
class Line:
    region: str | None
    indicator_id: str | None
    indicator: str
    measure: str | None
    reference: str | None
    cells: dict[str, list[Figure]] = field(default_factory=dict)

    def conflicts(self) -> int:
        return sum(1 for figs in self.cells.values() if len(figs) > 1)


def _unit_key(unit: str) -> str:
    from .catalogue import unit_family

    return "count" if unit and unit_family(unit) == "count" else unit


def number_text(v: float) -> str:
    return str(int(v)) if float(v).is_integer() and abs(v) < 1e16 else f"{v:g}"


def column(year: int | None, kind: str) -> str:
    return f"{year if year is not None else 'undated'} {kind}"


def _column_key(col: str):
    year, kind = col.split(" ", 1)
    return (year == "undated", year, KIND_ORDER.get(kind, 2))


def pivot(rows, catalogue: Catalogue | None = None) -> tuple[list[Line], list[str]]:
    """(lines, columns) from record dicts, in their order; `rows` may be any iterable. Duplicate
    mentions (duplicate=true) are left out; each row's position in the input is its source `row`."""
    lines: dict[tuple, Line] = {}
    catalogue = catalogue or default_catalogue()
    for n, r in enumerate(rows):
        if r.get("duplicate"):
            continue
        iid = r.get("indicator_id")
        entry = catalogue.by_id(iid) if iid else None
        # uncatalogued rows group by their words in mainland vocabulary (宽频用户 with 宽带用户)
        name = catalogue.simplify(r["indicator"]) if catalogue is not None else r["indicator"]
        key = (r.get("region"), iid or name, r.get("measure"), r.get("reference"))
        line = lines.get(key)
        if line is None:
            line = lines[key] = Line(r.get("region"), iid, entry.name if entry else r["indicator"],
                                     r.get("measure"), r.get("reference"))
        figs = line.cells.setdefault(column(r.get("year"), r["kind"]), [])
        # 12个 and 12座 of one indicator agree: measure words differ, the count is the same
        same = next((f for f in figs if (f.value, f.value_max, _unit_key(f.unit), f.comparator) ==
                     (r["value"], r.get("value_max"), _unit_key(r["unit"]), r["comparator"])), None)
        if same is None:
            same = Figure(r["value"], r.get("value_max"), r["unit"], r["comparator"])
            figs.append(same)
        same.sources.append({"row": n, "doc": r["doc"], "start": r["start"], "end": r["end"],
                             "sentence": r.get("sentence", "")})
    columns = sorted({c for line in lines.values() for c in line.cells}, key=_column_key)
    ordered = sorted(lines.values(), key=lambda l: (l.region or "", l.indicator_id or "~", l.indicator,
                                                    l.measure or "", l.reference or ""))
    return ordered, columns


KEY_FIELDS = ["region", "indicator_id", "indicator", "measure", "reference"]


def flat(line: Line, columns: list[str]) -> dict:
    """A line as a flat row for the text formats: each cell its figures' text, ` | ` between
    disagreeing figures, and how many cells disagree."""
    row = {f: getattr(line, f) for f in KEY_FIELDS}
    for c in columns:
        row[c] = " | ".join(f.text for f in line.cells.get(c, []))
    row["conflicts"] = line.conflicts()
    return row


def nested(line: Line) -> dict:
    """A line for JSON: every figure with its value, unit, comparator and sources."""
    return {**{f: getattr(line, f) for f in KEY_FIELDS},
            "cells": {c: [{"text": f.text, "value": f.value, "value_max": f.value_max, "unit": f.unit,
                           "comparator": f.comparator, "sources": f.sources} for f in figs]
                      for c, figs in line.cells.items()},
            "conflicts": line.conflicts()}
