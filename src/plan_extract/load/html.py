"""HTML -> visible text: block elements become line breaks; scripts, styles and navigation are dropped."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .text import SAMPLE

_HTML_START = re.compile(r"\s*(?:<!doctype\s+html|<html|<head|<body|<\?xml[^>]*>\s*<(?:!doctype\s+)?html)", re.I)
_HTML_TAG = re.compile(
    r"</?(?:p|div|br|td|th|tr|li|ul|ol|table|span|a|img|h[1-6]|strong|b|font|meta|title|section|article)\b[^<>]{0,300}>",
    re.I,
)


def looks_like_html(text: str) -> bool:
    head = text[:SAMPLE]
    if _HTML_START.match(head):
        return True
    # Several tags, and not a few stray ones in a long plain text (HTML parsing joins its lines).
    tags = len(_HTML_TAG.findall(head))
    return tags >= 3 and tags * 5 >= head.count("\n")


# ---- HTML -> text ---------------------------------------------------------------------------------

_DROP = {"script", "style", "noscript", "template", "svg", "head", "nav", "header", "footer", "aside",
         "form", "select", "button", "iframe", "object", "canvas"}
# Blocks break the line before and after (so paragraphs end up separated by a blank line); list
# items, table rows and <br> only start a new line.
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table", "ul", "ol", "dl",
          "blockquote", "pre", "hr", "main", "figure", "figcaption", "caption", "address", "center", "body"}
_LINE = {"br", "li", "tr", "dt", "dd"}
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
# A source line break is a space in HTML, except between two Chinese characters, where a space
# would split a word ("基站\n3万个" is one phrase).
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t\r\f]*\n\s*(?=[{_CJK}])")
_SPACES = re.compile(r"[ \r\f\v\xa0]+")  # tabs are kept: they separate table cells


_TAB = re.compile(r" *\t *")


class _TextParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.dropping: list[str] = []  # open elements whose content is dropped
        self.in_title = self.pre = 0
        self.cell = 0  # inside a <td>/<th>: its paragraphs stay on the row's line
        self.row_has_cell = False
        # Cells spanning several columns or rows: each grid column it covers past the first gets an
        # empty cell, so that the row's values line up with the header (tables.py reads by column).
        self.col = 0
        self.spans: dict[int, int] = {}  # grid column -> rows still covered by a rowspan above
        self.pending_span = 1

    def _cell_sep(self):
        self.parts.append("\t" if self.row_has_cell else "")
        self.row_has_cell = True

    def _skip_spanned(self):
        while self.spans.get(self.col, 0) > 0:
            self.spans[self.col] -= 1
            self._cell_sep()
            self.col += 1

    def handle_starttag(self, tag, attrs):
        if tag == "body":  # a <head> left open must not swallow the page
            self.dropping = [t for t in self.dropping if t != "head"]
        if tag in _DROP:
            self.dropping.append(tag)
        elif tag == "title":
            self.in_title += 1
        elif tag == "pre":
            self.pre += 1
        if tag in ("td", "th") and not self.dropping:
            a = dict(attrs)
            self._skip_spanned()
            colspan, rowspan = _span(a.get("colspan")), _span(a.get("rowspan"))
            for k in range(colspan):
                if rowspan > 1:
                    self.spans[self.col + k] = rowspan - 1
            self.pending_span = colspan
        self._break(tag, start=True)

    def handle_startendtag(self, tag, attrs):  # <br/>, <svg .../>: no content to drop
        self._break(tag, start=True)

    def handle_endtag(self, tag):
        if tag in self.dropping:  # close it, and whatever was left open inside it
            while self.dropping.pop() != tag:
                pass
        elif tag == "title":
            self.in_title = max(0, self.in_title - 1)
        elif tag == "pre":
            self.pre = max(0, self.pre - 1)
        self._break(tag, start=False)

    def _break(self, tag, start):
        if self.dropping:
            return
        if tag in ("td", "th"):  # one table row, one line: cells separated by tabs (tables.py reads them)
            if start:
                self.parts.append("\t" if self.row_has_cell else " ")
                self.row_has_cell, self.cell = True, self.cell + 1
                self.col += 1
            else:
                self.cell = max(0, self.cell - 1)
                for _ in range(self.pending_span - 1):
                    self._cell_sep()
                    self.col += 1
                self.pending_span = 1
            return
        if tag == "tr" and not start and self.row_has_cell:
            self._skip_spanned()  # rowspans from above on the row's right end
        if tag == "table":
            self.spans = {}
        if tag in ("tr", "table"):
            self.row_has_cell, self.cell, self.col, self.pending_span = False, 0, 0, 1
        elif self.cell:
            if tag in _BLOCK or (start and tag in _LINE):
                self.parts.append(" ")
            return
        if tag in _BLOCK or (start and tag in _LINE):
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title and all(t == "head" for t in self.dropping):  # not an <svg><title>
            self.title.append(data)
        elif not self.dropping:
            if not self.pre:
                data = _CJK_BREAK.sub("", data).replace("\n", " ")
            self.parts.append(data.replace("\t", " "))


def _span(value) -> int:
    try:
        return min(max(int(str(value).strip()), 1), 50)  # bounded: a span of 10**6 is no table
    except (TypeError, ValueError):
        return 1


def html_to_text(markup: str) -> str:
    """Visible text of a page: the title first, then one block per line; scripts, styles and
    navigation dropped; runs of blank lines reduced to one."""
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    title = " ".join("".join(parser.title).split())
    lines = [_TAB.sub("\t", _SPACES.sub(" ", line)).strip(" ") for line in "".join(parser.parts).split("\n")]
    lines = [line if line.strip() else "" for line in lines]
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    text = "\n\n".join(part for part in (title, body) if part)
    return text + "\n" if text else ""
