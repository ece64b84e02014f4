"""Numbers listed after 分别 that share the unit of the last one (分别提高8.6、7.2和6.5个百分点;
分别为3.2、4.5和6.1万户): each is a value with that unit and multiplier.

The number grammar yields no bare number, so the list's first members would be lost; they are
candidates here only when a figure with its unit closes the list and 分别 opens it, in one clause.
"""

from __future__ import annotations

import re

from .grammar import Quantity

# the members before the last figure, each a bare number and a list word, up to the figure
_MEMBERS = re.compile(r"(?:(?<![0-9.,])[0-9]+(?:\.[0-9]+)?(?:、|和|及|与|以及))+$")
_MEMBER = re.compile(r"([0-9]+(?:\.[0-9]+)?)(?:、|和|及|与|以及)")
_LEADING = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_CLAUSE_END = re.compile(r"[，。；：,;:！？!?\n]")
_LIST_ENDS = ("、", "和", "及", "与")  # (以及 ends in 及)
_LOOK = 48  # characters before the last figure: a list of numbers is short


def shared_unit_quantities(view: str, quantities: list[Quantity]) -> list[Quantity]:
    out = []
    for q in quantities:
        if not q.unit or q.outer_start != q.start or view[q.start - 1:q.start] not in _LIST_ENDS:
            continue
        lo = max(0, q.start - _LOOK)
        m = _MEMBERS.search(view, lo, q.start)
        if m is None:
            continue
        opened = view.rfind("分别", lo, m.start())
        if opened < 0 or _CLAUSE_END.search(view, opened, m.start()):
            continue
        lead = _LEADING.match(view, q.start)
        if lead is None or float(lead.group()) == 0:
            continue
        scale = q.value / float(lead.group())  # 6.1万户: the multiplier the members share
        for n in _MEMBER.finditer(view, m.start(), m.end()):
            value = float(n.group(1)) * scale
            out.append(Quantity(n.start(1), n.end(1), n.start(1), n.end(1), value, q.unit, "="))
    return out
