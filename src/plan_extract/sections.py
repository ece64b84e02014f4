"""Section headings as kind cues: a plan's review section (一、发展基础) reports actuals, its target
section (二、发展目标) plans. A heading's cue lasts until the next heading of the same or a higher
level (第一章 > 一、, 01 on a line of its own (一图读懂) or a 【…】 box title on its own line > （一） > 1. or
a lead-in line ending in a colon (主要目标是：) > a —— bullet > a bare line between blank lines that names a review or a goal (a news page's
今年预算与目标)); a nested heading without a cue of its own keeps its parent's.

Headings are found at a line start, or after a sentence end (a page saved as one line).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from .lexicon import alternation, lexicon

_NUM = "[一二三四五六七八九十]{1,3}"
_LEVELS = (  # the numbered headings' openers, highest level first
    rf"第{_NUM}[章篇部]",
    rf"{_NUM}[、．]|0[1-9][ \t\u3000]*\n|【(?=[^】\n]{{2,24}}】[ \t\u3000]*\n)",
    rf"[（(]{_NUM}[）)]",
    r"[0-9]{1,2}[、．.](?![0-9])|——",
)
_HEADING = re.compile(  # after a line or sentence end: a character class the regex engine skips to
    r"[\n。！？!?][ \t\u3000]*(?:" + "|".join(f"(?P<l{i}>{p})" for i, p in enumerate(_LEVELS, 1))
    # a lead-in (l6) ends its line with a colon (…。主要目标是：), its list below it
    + r"|(?P<l6>)(?=[^。！？!?\n：:]{2,40}[：:][ \t\u3000]*\n)"
    # a bare line (l5) opens after a blank line, where no numbered heading does
    + r"|(?P<l5>\n)(?![ \t\u3000]*(?:" + "|".join(_LEVELS) + r")))[ \t\u3000]*"
    r"(?P<title>[^。；！？!?\s，,：:]{2,24})",
)


_BLANK_AFTER = re.compile(r"[ \t\u3000]*\n[ \t\u3000]*\n")


@cache
def _words() -> tuple[re.Pattern, re.Pattern]:
    ctx = lexicon()["context"]
    return re.compile(alternation(ctx["review_sections"])), re.compile(alternation(ctx["target_sections"]))


@cache
def _asking() -> re.Pattern:
    """What makes a line ask: a question word in it (…数目为何，以及…预计开支；及) or a question mark at
    its end."""
    words = lexicon()["context"]["question_words"]
    # one character class first, which the regex engine skips to (an alternation is tried everywhere)
    firsts = "".join(sorted({w[0] for w in words}))
    rest = "|".join(f"(?<={re.escape(w[0])}){re.escape(w[1:])}" for w in words)
    return re.compile(rf"[{re.escape(firsts)}？?](?:{rest}|(?<=[？?])(?=[ \t\u3000]*(?:\n|\Z)))")


@lru_cache(maxsize=2)  # asked by the sections and by the cues of one text
def questions(view: str) -> list[tuple[int, int]]:
    """The spans of the lines that ask (a legislator's questions before the answer): their words are no
    kind cue (（三）政府会否就…订立具体目标？ plans nothing)."""
    spans: list[tuple[int, int]] = []
    for m in _asking().finditer(view):
        if spans and m.start() < spans[-1][1]:
            continue  # another mark on a line already found
        end = view.find("\n", m.end())
        spans.append((view.rfind("\n", 0, m.start()) + 1, len(view) if end < 0 else end))
    return spans


@dataclass
class Sections:
    starts: list[int]  # where the section cue in force changes
    kinds: list[tuple[str | None, str, int]]  # (kind or None, the heading's words, the section's start)
    items: list[int]  # where the innermost numbered item ((一), 1.) in force begins, else -1

    def at(self, pos: int) -> tuple[str | None, str, int]:
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.kinds[i] if i >= 0 else (None, "", 0)

    def item(self, pos: int) -> int:
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.items[i] if i >= 0 else -1


def sections(view: str) -> Sections:
    review, target = _words()
    asked = questions(view)
    stack: list[tuple[int, str | None, str, int]] = []  # (level, kind, words, start)
    starts, kinds, items = [], [], []
    for m in _HEADING.finditer("\n" + view):  # the text's start is a line start; offsets are one off
        bare, lead = m.group("l5") is not None, m.group("l6") is not None
        if bare and not _BLANK_AFTER.match(view, m.end() - 1):
            continue  # a bare line is a heading only between blank lines, with a cue (今年预算与目标)
        # (a lead-in sits between a numbered item and the —— bullets it introduces)
        level = 5 if bare else 3.5 if lead else next(i for i, g in enumerate(("l1", "l2", "l3", "l4"), 1) if m.group(g))
        title = view[m.start("title") - 1:view.find("\n", m.start("title") - 1)] if lead else m.group("title")
        kind = "actual" if review.search(title) else "target" if target.search(title) else None
        if kind and inside(asked, m.end() - 1):
            kind = None  # a question's item, not a section's heading
        if (bare or lead) and not kind:
            continue
        while stack and stack[-1][0] >= level:
            stack.pop()
        start = m.start()  # the heading starts after the line or sentence end (one off in "\n" + view)
        if lead:  # (its whole line leads in: 到2028年，…。主要目标是： dates the list)
            start = max(view.rfind("\n", 0, start) + 1, starts[-1] + 1 if starts else 0)
        stack.append((level, kind, title.strip(), start))
        cue = next(((k, w, s) for _, k, w, s in reversed(stack) if k), (None, "", start))
        starts.append(start)
        kinds.append(cue)
        items.append(next((s for lv, _, _, s in reversed(stack) if lv in (3, 4)), -1))
    return Sections(starts, kinds, items)


def inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Is `pos` inside one of the sorted, disjoint `spans` (ends included)?"""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and pos <= spans[i][1]
