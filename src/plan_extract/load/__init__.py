"""Load: bytes from disk or stdin -> a Document (name, text). One entry point, a member per format.

`read_document` reads a file and hands its bytes to `decode`, which picks the member: text in any
encoding (load/text.py), HTML pages (load/html.py); PDF (load/pdf.py) and DOCX (load/docx.py) are
recognised by their magic number and read from the path, page by page. Every member returns the same Document, whose
`text` is what offsets refer to: `text[start:end] == raw` for every record.
"""

from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass, field
from typing import Iterator

from ..errors import InputError
from .html import html_to_text, looks_like_html
from .remote import is_url, read_url
from .text import SAMPLE, decode_bytes, forced_codec

__all__ = ["Document", "decode", "read_document", "iter_input_paths", "html_to_text", "looks_like_html", "SAMPLE"]


@dataclass(frozen=True)
class Document:
    name: str  # the path as given by the user ("-" for stdin)
    text: str  # decoded text; for HTML, the extracted text
    encoding: str  # codec actually used, e.g. "utf-8", "utf-8-sig", "utf-16", "gb18030", "big5"
    html: bool = False  # True when the text was extracted from HTML
    pages: tuple[int, ...] = ()  # PDF: the offset where each page's text starts (page n starts at pages[n-1])
    cell_x: dict[int, tuple[float, float]] | None = field(default=None, compare=False, repr=False)
    warnings: tuple[str, ...] = ()  # problems that cost part of the document (a scanned page)


def decode(data: bytes, name: str, encoding: str | None = None) -> Document:
    """Decode `data` (the content of `name`); InputError for binary data or an unknown `encoding`."""
    if data.startswith(b"%PDF-"):
        from .pdf import load_pdf

        return load_pdf(data, name)
    if data.startswith(b"PK\x03\x04") and _is_docx_name(name, data):
        from .docx import load_docx

        return load_docx(io.BytesIO(data), name)
    if data.startswith(_OLE) and name.lower().endswith((".doc", ".docx")):
        from .docx import refuse_doc

        raise refuse_doc(name)
    if not data:
        return Document(name, "", forced_codec(encoding, name) if encoding else "utf-8")
    text, codec = decode_bytes(data, name, encoding)
    text = text.removeprefix("\ufeff")
    html = name.lower().endswith((".html", ".htm", ".xhtml")) or looks_like_html(text)
    if html:
        text = html_to_text(text)
    if text.isspace():
        text = ""
    return Document(name, text, codec, html)


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _is_docx_name(name: str, data: bytes) -> bool:
    """A zip is read as DOCX when named so, or when its first member is a Word part."""
    return name.lower().endswith((".docx", ".docm")) or b"word/" in data[:4096] or b"[Content_Types].xml" in data[:64]


def read_document(path: str, encoding: str | None = None) -> Document:
    """Read a file ("-": stdin; a URL through fsspec) and decode it; every failure is an InputError
    naming the path."""
    if is_url(path):
        return decode(read_url(path), path, encoding)
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as fh:
                head = fh.read(4096)
                if head.startswith(b"%PDF-"):  # read from the file page by page, not all at once
                    from .pdf import load_pdf

                    return load_pdf(path, path)
                if head.startswith(b"PK\x03\x04") and _is_docx_name(path, head):
                    from .docx import load_docx

                    return load_docx(path, path)
                data = head + fh.read()
    except (FileNotFoundError, NotADirectoryError):
        raise InputError("no such file", path) from None
    except IsADirectoryError:
        raise InputError("is a directory", path) from None
    except PermissionError:
        raise InputError("is a directory" if os.path.isdir(path) else "permission denied", path) from None
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", path) from None
    except ValueError:  # embedded NUL in the path
        raise InputError("invalid path", path) from None
    return decode(data, path, encoding)


def iter_input_paths(paths: list[str], errors: list[str] | None = None) -> Iterator[str]:
    """Paths as given; for a directory, its regular files below it, sorted, hidden ones skipped.
    A directory that cannot be listed is added to `errors` as a one-line message naming it."""

    def unreadable(e: OSError) -> None:
        if errors is not None:
            errors.append(f"{e.filename}: cannot read directory ({e.strerror or e}), skipped")

    for p in paths:
        if p == "-" or not os.path.isdir(p):
            yield p
            continue
        found = []
        # does not descend into directory symlinks: no loops
        for root, dirs, files in os.walk(p, onerror=unreadable):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            found += [os.path.join(root, f) for f in files if not f.startswith(".")]
        yield from sorted(f for f in found if os.path.isfile(f))


