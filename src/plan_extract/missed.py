"""Missed numbers: quantities the number grammar finds in a document that gave no row, so that a
reviewer sees what the rules skipped. Titles, short quotes and boilerplate (blocked spans) are left
out, as the engine leaves them out."""

from __future__ import annotations

from dataclasses import dataclass

from .context import layout
from .grammar import scan
from .view import search_view


@dataclass(frozen=True)
class Missed:
    start: int  # text[start:end] == raw
    end: int
    raw: str
    value: float
    unit: str


def missed_numbers(text: str, spans: list[tuple[int, int]]) -> list[Missed]:
    """The quantities of `text` that overlap none of `spans` (the rows' start, end), in order."""
    view = search_view(text)
    lay = layout(view)
    taken = sorted(spans)
    out, i = [], 0
    for q in scan(view):
        if lay.is_blocked(q.start, q.end):
            continue
        while i < len(taken) and taken[i][1] <= q.start:  # quantities come in order of position
            i += 1
        j = i
        while j < len(taken) and taken[j][0] < q.end and taken[j][1] <= q.start:
            j += 1
        if j < len(taken) and taken[j][0] < q.end:
            continue  # a row's span covers (part of) it
        out.append(Missed(q.start, q.end, text[q.start:q.end], q.value, q.unit))
    return out
