"""DOCX -> Document: body paragraphs and tables in document order (python-docx).

One line per paragraph; a table row is one line with its cells separated by tabs (a cell's own
paragraphs joined with nothing between), so the table stage reads it like any other table. Page
headers and footers live in other parts of the file and are not read. The archive is checked
before it is parsed: a .doc renamed .docx, a zip that is no Word file, or one that would
unpack to more than MAX_UNPACKED bytes (a zip bomb) is refused with one line.
"""

from __future__ import annotations

import zipfile

from ..errors import InputError

MAX_UNPACKED = 200 * 1024 * 1024  # bytes of XML and media we agree to unpack
MAX_RATIO = 200  # a deflated XML part rarely shrinks more than ~20x; bombs shrink ~1000x
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def load_docx(source, name: str):
    """Document of a .docx path (or a binary file object)."""
    from . import Document

    try:
        with zipfile.ZipFile(source) as z:
            _check_archive(z, name)
            doc = _open(z, name)
    except zipfile.BadZipFile:
        raise InputError("corrupt or truncated DOCX (not a valid zip archive), skipped", name) from None
    except (OSError, EOFError, ValueError) as e:
        raise InputError(f"cannot read DOCX: {e}", name) from None
    lines = []
    for block in _blocks(doc):
        lines.append(block)
    text = "\n".join(line for line in lines if line.strip())
    return Document(name, text + "\n" if text else "", "docx")


def refuse_doc(name: str) -> InputError:
    return InputError("Word 97-2003 .doc file: not supported, save it as .docx (or PDF)", name)


def _check_archive(z: zipfile.ZipFile, name: str) -> None:
    infos = z.infolist()
    names = {i.filename for i in infos}
    if "word/document.xml" not in names:
        raise InputError("ZIP archive without word/document.xml: not a DOCX file, skipped", name)
    total = 0
    for i in infos:  # sizes from the archive's directory: zipfile never inflates past them
        total += i.file_size
        if total > MAX_UNPACKED:
            raise InputError(f"DOCX would unpack to over {MAX_UNPACKED >> 20} MB (a zip bomb?), skipped", name)
        if i.file_size > 1 << 20 and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            raise InputError(f"DOCX part {i.filename} inflates {i.file_size // max(i.compress_size, 1)}x "
                             "(a zip bomb?), skipped", name)


def _open(z: zipfile.ZipFile, name: str):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        # python-docx reads the parts it needs through the ZipFile already checked above
        return docx.Document(z.fp if z.fp is not None else z.filename)
    except (PackageNotFoundError, KeyError, ValueError) as e:
        raise InputError(f"not a readable DOCX ({e}), skipped", name) from None
    except Exception as e:  # lxml's XMLSyntaxError and friends: a damaged part
        raise InputError(f"corrupt DOCX ({type(e).__name__}), skipped", name) from None


def _blocks(doc):
    """Lines of the body in order: paragraphs, and table rows as tab-separated cells."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for item in doc.iter_inner_content():
        if isinstance(item, Paragraph):
            yield _clean(item.text)
        elif isinstance(item, Table):
            yield from _table_lines(item)


def _table_lines(table):
    """One line per row, one cell per grid column: a merged cell's text once, in its first column
    (gridSpan) and its first row (vMerge), the columns and rows it also covers as empty cells, so
    that values line up with their header as in an HTML table."""
    from docx.table import _Cell

    for tr in table._tbl.tr_lst:
        cells = [""] * (tr.grid_before or 0)
        inner = []
        for tc in tr.tc_lst:
            cell = _Cell(tc, table)
            if tc.vMerge != "continue":
                cells.append("".join(_clean(p.text) for p in cell.paragraphs))
                inner += cell.tables
            else:
                cells.append("")
            cells += [""] * ((tc.grid_span or 1) - 1)
        yield "\t".join(cells)
        for t in inner:  # nested tables: their rows follow
            yield from _table_lines(t)


def _clean(s: str) -> str:
    return s.replace("\t", " ").replace("\r", " ").replace("\n", " ").replace("\v", " ")
