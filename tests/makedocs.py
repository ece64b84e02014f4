"""Builds the PDF and DOCX documents the tests and benchmarks read (reportlab, python-docx).

A PDF page has a running header and a page number footer (— n —); paragraphs are wrapped at the
right margin by measured width, so sentences break mid-line as in published plans; tables are
drawn as ruled grids and break across pages like any other content.
"""

from __future__ import annotations

import io

PAGE_W, PAGE_H = 595.0, 842.0
LEFT, RIGHT, TOP, BOTTOM = 72.0, 523.0, 770.0, 80.0
FONT, SIZE, LEADING = "STSong-Light", 10.5, 18.0


def _font():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def wrap(text: str, width: float = RIGHT - LEFT) -> list[str]:
    """Lines of a paragraph broken where the next character would pass the right margin."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    _font()
    lines, cur, w = [], "", 0.0
    for ch in text:
        cw = stringWidth(ch, FONT, SIZE)
        if w + cw > width and cur:
            lines.append(cur)
            cur, w = "", 0.0
        cur += ch
        w += cw
    if cur:
        lines.append(cur)
    return lines


def make_pdf(blocks, header: str | None = "数字辽宁发展规划", footer: bool = True) -> bytes:
    """A PDF of `blocks`: ("p", text) a paragraph; ("h", text) a heading line; ("table", rows, xs)
    a ruled table whose cells start at xs, header row repeated after a page break when the block
    has a 4th item True; ("page",) a page break; ("scan",) a page holding only an image."""
    from reportlab.pdfgen import canvas

    _font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(PAGE_W, PAGE_H))
    state = {"page": 1, "y": TOP}

    def furniture():
        c.setFont(FONT, 9)
        if header:
            c.drawCentredString(PAGE_W / 2, PAGE_H - 40, header)
        if footer:
            c.drawCentredString(PAGE_W / 2, 40, f"— {state['page']} —")
        c.setFont(FONT, SIZE)

    def new_page():
        c.showPage()
        state["page"] += 1
        state["y"] = TOP
        furniture()

    def line(text, x=LEFT):
        if state["y"] < BOTTOM:
            new_page()
        c.drawString(x, state["y"], text)
        state["y"] -= LEADING

    furniture()
    for block in blocks:
        kind = block[0]
        if kind == "p":
            for part in wrap(block[1]):
                line(part)
        elif kind == "h":
            line(block[1])
        elif kind == "page":
            new_page()
        elif kind == "scan":
            new_page()
            c.drawImage(_image_reader(), LEFT, 300, 400, 300)
            new_page()
        elif kind == "table":
            rows, xs = block[1], block[2]
            repeat = len(block) > 3 and block[3]
            for i, row in enumerate(rows):
                if state["y"] < BOTTOM:
                    new_page()
                    if repeat:
                        _row(c, rows[0], xs, state)
                _row(c, row, xs, state)
    c.showPage()
    c.save()
    return buf.getvalue()


def _row(c, row, xs, state):
    """One table row; a cell with line breaks takes several lines (the row grows to fit)."""
    y = state["y"]
    height = max(cell.count("\n") + 1 for cell in row)
    for x, cell in zip(xs, row):
        for k, part in enumerate(cell.split("\n")):
            if part:
                c.drawString(x + 3, y - k * LEADING, part)
    bottom = y - (height - 1) * LEADING - 5
    c.line(xs[0], bottom, RIGHT, bottom)
    c.line(xs[0], y + LEADING - 5, RIGHT, y + LEADING - 5)
    for x in xs:
        c.line(x, bottom, x, y + LEADING - 5)
    state["y"] -= height * LEADING


def _image_reader():
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    img = Image.new("L", (200, 150), 255)
    for i in range(0, 200, 7):  # a few dark strokes, as a scanned page has
        for j in range(40, 110):
            img.putpixel((i, j), 0)
    return ImageReader(img)


def make_docx(blocks) -> bytes:
    """A DOCX of ("p", text) paragraphs and ("table", rows) tables, with a page header and footer."""
    import docx

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "数字辽宁发展规划"
    d.sections[0].footer.paragraphs[0].text = "— 1 —"
    for block in blocks:
        if block[0] in ("p", "h"):
            d.add_paragraph(block[1])
        elif block[0] == "table":
            rows = block[1]
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    t.cell(i, j).text = cell
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()
