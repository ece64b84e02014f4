"""PDF -> Document: the text layer in reading order, page by page (pypdfium2; README: PDF, DOCX
and indicator tables, says why).

What the text is, since offsets refer to it:
- one line per PDF text line; page headers, footers and page numbers are left out;
- a line that runs from the left to the right margin without ending its sentence is joined to the
  next line (on the next page too) with nothing between, so a sentence broken at the edge reads whole;
- fragments PDFium reports as separate lines on one baseline (a table drawn cell by cell) are one line;
- a wide horizontal gap between two words (a table's column gap) is a tab; the loader also keeps
  each such cell's horizontal extent, so that a table row lines up with its header.
Pages are opened, read and closed one at a time: memory stays bounded for long documents.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from ..errors import InputError

# A gap wider than this many font sizes between two words on a line is a column gap (a space
# between words is about a quarter of one).
COLUMN_GAP = 1.0
# A line is full (its sentence goes on below) when it ends this close to the text's right margin
# (the 95th percentile of where lines end).
FULL_LINE = 0.92
# Headers and footers sit in this fraction of the page height at the top and bottom.
MARGIN = 0.09
# A margin line that repeats (digits aside) on this share of the pages is a running header or footer.
REPEATED = 0.3
_PAGE_NUMBER = re.compile(r"^[\s—\-–―~－·•]*(?:第\s*)?[0-9]{1,4}\s*(?:页)?\s*(?:(?:/|共)\s*[0-9]{1,4}\s*页?)?[\s—\-–―~－·•]*$")
_SENTENCE_END = set("。；！？：:;!?…」』”）)")


@dataclass
class _Line:
    text: str
    y: float
    right: float
    cells: list[tuple[int, float, float]]  # (offset in line, x0, x1) of each cell, for tab-separated lines
    left: float = 0.0
    size: float = 10.0  # font size


# Bounds on one file, so that a pathological PDF never holds up a batch.
MAX_PAGES = 10_000
TIME_BUDGET = 120.0  # seconds of reading per document


def load_pdf(source, name: str):
    """Document of a PDF file path (or its bytes); InputError naming the reason for a bad file."""
    import pypdfium2 as pdfium

    from . import Document

    try:
        pdf = pdfium.PdfDocument(source)
    except pdfium.PdfiumError as e:
        msg = str(e)
        if "password" in msg.lower():
            raise InputError("encrypted PDF (password required), skipped", name) from None
        raise InputError(f"corrupt or truncated PDF ({_reason(e)}), skipped", name) from None
    except (OSError, ValueError) as e:
        raise InputError(f"cannot read PDF: {e}", name) from None
    try:
        count = len(pdf)
        if count > MAX_PAGES:
            raise InputError(f"PDF of {count} pages (over {MAX_PAGES}): not read, skipped", name)
        pages, images = [], []
        began = time.monotonic()
        for i in range(count):
            # checked between pages: one pathological page costs at most this file, never the batch
            if i and time.monotonic() - began > TIME_BUDGET:
                raise InputError(f"PDF reading over {TIME_BUDGET:g} s at page {i + 1} of {count}, skipped", name)
            page = pdf[i]
            try:
                lines = _page_lines(page)
                pages.append((lines, page.get_height()))
                # only a page with no more text than its header and footer may be a scan
                images.append(len(lines) <= 3 and _has_images(page))
            finally:
                page.close()
    except pdfium.PdfiumError as e:
        raise InputError(f"corrupt or truncated PDF ({_reason(e)}), skipped", name) from None
    finally:
        pdf.close()
    skip = _furniture(pages)
    bodies = [[line for k, line in enumerate(lines) if (p, k) not in skip] for p, (lines, _h) in enumerate(pages)]
    scanned = [p + 1 for p, body in enumerate(bodies) if not body and images[p]]
    if not any(bodies):
        if scanned:
            raise InputError("no text layer: scanned?", name)
        return Document(name, "", "pdf", pages=(0,) * len(pages))
    text, starts, cell_x = _assemble(bodies)
    warnings = tuple(f"page {p}: no text layer: scanned? (its figures are not read)" for p in scanned)
    return Document(name, text, "pdf", pages=tuple(starts), cell_x=cell_x, warnings=warnings)


def _reason(e) -> str:
    msg = str(e)  # "Failed to load document (PDFium: Data format error)."
    return msg.split("PDFium: ")[-1].rstrip(").").lower() if "PDFium: " in msg else msg


def _has_images(page) -> bool:
    import pypdfium2.raw as raw

    return next(iter(page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=2)), None) is not None


def _page_lines(page) -> list[_Line]:
    import pypdfium2.raw as raw

    tp = page.get_textpage()
    try:
        text = tp.get_text_range()
        box = tp.get_charbox
        lines = []
        pos = 0
        for chunk in text.split("\r\n"):
            a, b = pos, pos + len(chunk)
            pos = b + 2
            if not chunk.strip():
                continue
            first, last = a, b - 1
            while text[first].isspace():
                first += 1
            while text[last].isspace():
                last -= 1
            # PDFium splits a line into rectangles at wide gaps: one rectangle, no column gap to look for
            if raw.FPDFText_CountRects(tp.raw, first, last + 1 - first) <= 1:
                b0 = box(first)
                lines.append(_Line(text[first:last + 1], b0[1], box(last)[2], [], b0[0],
                                   raw.FPDFText_GetFontSize(tp.raw, first)))
                continue
            out: list[str] = []
            spans: list[tuple[int, float, float]] = []
            cell_x0 = prev_x1 = None
            prev = first
            for i in range(first, last + 1):
                ch = text[i]
                if ch.isspace():
                    continue
                x0, _, x1, _ = box(i)
                if prev_x1 is not None:
                    size = max(raw.FPDFText_GetFontSize(tp.raw, i), 1.0)
                    if x0 - prev_x1 > COLUMN_GAP * size:  # a column gap, with or without a space in the text
                        spans.append((cell_off, cell_x0, prev_x1))
                        out.append("\t")
                        cell_x0 = None
                    else:
                        out.append(text[prev + 1:i])  # the spaces between, as PDFium wrote them
                if cell_x0 is None:
                    cell_x0, cell_off = x0, sum(map(len, out))
                out.append(ch)
                prev, prev_x1 = i, x1
            spans.append((cell_off, cell_x0, prev_x1))
            line = "".join(out)
            b0 = box(first)
            lines.append(_Line(line, b0[1], prev_x1, spans if len(spans) > 1 else [], b0[0],
                               raw.FPDFText_GetFontSize(tp.raw, first)))
        return _same_baseline(lines)
    finally:
        tp.close()


def _same_baseline(lines: list[_Line]) -> list[_Line]:
    """Fragments PDFium reports as separate lines although they share a baseline (a table drawn
    cell by cell, whose first cell wraps) become one line, left to right, cells apart."""
    groups: list[list[_Line]] = []
    for line in lines:
        g = next((g for g in groups[-8:] if abs(g[0].y - line.y) < 2.0
                  and all(line.left >= o.right or line.right <= o.left for o in g)), None)
        if g is None:
            groups.append([line])
        else:
            g.append(line)
    if len(groups) == len(lines):
        return lines
    out = []
    for g in groups:
        if len(g) == 1:
            out.append(g[0])
            continue
        g.sort(key=lambda x: x.left)
        text, cells = "", []
        for k, frag in enumerate(g):
            if k and frag.left - g[k - 1].right <= COLUMN_GAP * frag.size:  # one run of text, split
                text += frag.text
                continue
            if k:
                text += "\t"
            base = len(text)
            cells += [(base + off, x0, x1) for off, x0, x1 in frag.cells] or [(base, frag.left, frag.right)]
            text += frag.text
        out.append(_Line(text, g[0].y, g[-1].right, cells if len(cells) > 1 else [], g[0].left, g[0].size))
    return out


def _furniture(pages) -> set[tuple[int, int]]:
    """(page, line) of headers, footers and page numbers: a page's first or last line that reads as
    a page number, or a line in the top or bottom margin that repeats (digits aside) in the margin
    of at least REPEATED of the pages (a body line seldom starts that many pages)."""
    seen: dict[str, int] = {}
    band = []
    for p, (lines, height) in enumerate(pages):
        for k, line in enumerate(lines):
            edge = k == 0 or k == len(lines) - 1
            if edge or line.y < height * MARGIN or line.y > height * (1 - MARGIN):
                key = re.sub(r"[0-9]+", "#", line.text.replace(" ", ""))
                band.append((p, k, key, line))
                seen[key] = seen.get(key, 0) + 1
    out = set()
    need = max(2, REPEATED * len(pages))
    for p, k, key, line in band:
        in_margin = line.y < pages[p][1] * MARGIN or line.y > pages[p][1] * (1 - MARGIN)
        if _PAGE_NUMBER.match(line.text) or in_margin and seen[key] >= need and "\t" not in line.text:
            out.add((p, k))
    return out


def _assemble(bodies):
    parts: list[str] = []
    starts: list[int] = []
    cell_x: dict[int, tuple[float, float]] = {}
    length = 0
    prev: _Line | None = None
    plain = sorted(line.right for body in bodies for line in body if "\t" not in line.text)
    right = plain[int(0.95 * (len(plain) - 1))] if plain else 0.0  # the text's right margin
    lefts = sorted(line.left for body in bodies for line in body if "\t" not in line.text)
    left = lefts[int(0.05 * (len(lefts) - 1))] if lefts else 0.0
    for body in bodies:
        page_start = None
        for line in body:
            if prev is not None:
                if _joins(prev, left, right, line):
                    pass  # the sentence goes on: nothing between the two lines
                else:
                    parts.append("\n")
                    length += 1
            if page_start is None:
                page_start = length
            for off, x0, x1 in line.cells:
                cell_x[length + off] = (x0, x1)
            parts.append(line.text)
            length += len(line.text)
            prev = line
        starts.append(length if page_start is None else page_start)
    return "".join(parts) + "\n", starts, cell_x


def _joins(prev: _Line, left: float, right: float, line: _Line) -> bool:
    """A line that runs from the left margin (or a paragraph indent) to the right margin without
    ending its sentence goes on in `line`; a centred title does not."""
    if "\t" in prev.text or "\t" in line.text or not right or prev.left > left + 2.5 * prev.size:
        return False
    last, first = prev.text[-1], line.text[0]
    if last in _SENTENCE_END or last.isascii() and last.isalpha() and first.isascii() and first.isalpha():
        return False  # a sentence ends, or a Latin word ends (the line break is its space)
    return prev.right >= right * FULL_LINE
