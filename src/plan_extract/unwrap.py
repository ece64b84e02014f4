"""Hard-wrapped text: plain text extracted from a PDF, or typed with fixed-width lines, breaks its
sentences at every line end (承载业务系统 / 156个 on two lines). The engine matches on the text with
its soft line breaks removed and maps every offset back, so `text[start:end] == raw` still holds.

A text is wrapped when several of its full lines (as long as its longest lines, within a margin) end
without closing punctuation. In a wrapped text, a line break is soft when the line before it is full
and the next line is not empty, not indented and does not open a heading or a list item; an ordinary
page, one paragraph a line, each ending with its punctuation, is left as it is.
"""

from __future__ import annotations

import re
from array import array

_NL_BEFORE_TEXT = re.compile(r"\n(?= ?\S)")  # not before an empty or indented line (one space is a word gap)
_CLOSED = "。！？!?；;：:"
_CONTINUES = "，。、；：！？,.;:!?%％）)」』”’"  # closing punctuation, which never opens a line of its own
# A break before text whose line (the \r of \r\n aside) ends without closing punctuation.
_OPEN_END = re.compile(rf"\n(?:(?<=[^{_CLOSED}\r]\n)|(?<=[^{_CLOSED}]\r\n)|(?<=\A\r\n))(?= ?\S)")
# A break before a line that opens with closing punctuation.
_CONTINUED = re.compile(rf"\n(?=[{_CONTINUES}])")
# What opens a heading or a list item: 第一章, 一、, （一）, 1. 1、 (1), bullets.
_OPENS = re.compile(r"第[一二三四五六七八九十百0-9]{1,4}[章节条部篇]|[一二三四五六七八九十]{1,3}[、.．]"
                    r"|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}[、.．](?![0-9])|[•·●■◆▲★※【\\[-]")
_COLUMNS = re.compile(r"\S(?:  +|\t)\S")
_CLAUSE = re.compile(r"[，。；,;]")
MIN_WIDTH = 16  # a shorter "full line" is a list of short items, not wrapped prose
FULL = 0.75  # a full line is at least this share of the text's width (the 90th percentile of its lines)
MIN_OPEN_LINES = 2  # full lines left open that make a whole text wrapped (its closed full lines join too)


def _line_end(text: str, b: int) -> int:
    """The last character of the line that the break at `b` ends (before the \r of a \r\n)."""
    return b - 1 - (b > 1 and text[b - 1] == "\r")


def soft_breaks(text: str) -> list[int]:
    """Positions of the line-break characters (\n, and the \r of \r\n) inside wrapped
    paragraphs, in order; empty for a text whose lines all end where their paragraphs do."""
    # a line left open (a number cut in two, …提升至9 / 1%, among them), or one whose next line
    # starts with closing punctuation, is a wrap in any text; a full line that closes its sentence
    # only in a wrapped one. Most pages have no open line but their title and byline.
    open_ends = [m.start() for m in _OPEN_END.finditer(text)]
    if not open_ends:
        return []
    opened = sorted(set(open_ends).union(m.start() for m in _CONTINUED.finditer(text)))
    # a line shorter than MIN_WIDTH is never full: a title or a byline is the only open line of most pages
    opened = [b for b in opened if _line_end(text, b) - text.rfind("\n", 0, b) >= MIN_WIDTH]
    if not opened:
        return []
    widths = sorted(n for n in map(len, text.split("\n")) if n)
    full = max(MIN_WIDTH, FULL * widths[int(0.9 * (len(widths) - 1))])
    first = text.find("\n", len(text) - len(text.lstrip()))
    if _CLAUSE.search(text, 0, first):
        first = -1  # the first line is prose, not a title (which is never joined to what follows)

    def joins(b: int) -> bool:
        """Not a short line, a byline or row of cells, nor one with a heading or list item next."""
        start, e = text.rfind("\n", 0, b) + 1, _line_end(text, b)
        return not (b == first or e < 0 or e - start + 1 < full or _COLUMNS.search(text, start, e)
                    or _OPENS.match(text, b + 1 + (text[b + 1] == " ")))

    joined = [b for b in opened if joins(b)]
    if len(joined) >= MIN_OPEN_LINES:  # a wrapped text: its full lines join, closed or not
        joined = [m.start() for m in _NL_BEFORE_TEXT.finditer(text) if joins(m.start())]
    return [p for b in joined for p in ([b - 1, b] if _line_end(text, b) == b - 2 else [b])]


def remove(text: str, positions: list[int]) -> tuple[str, array]:
    """The text without the characters at `positions` (sorted), and for every position of the result
    (and its end) the position in `text`."""
    kept, index, prev = [], array("q"), 0
    for p in positions + [len(text)]:
        kept.append(text[prev:p])
        index.extend(range(prev, p))
        prev = p + 1
    index.append(len(text))
    return "".join(kept), index
