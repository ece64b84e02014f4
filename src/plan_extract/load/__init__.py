"""Load: bytes from disk or stdin -> a Document (name, text). One entry point, a member per format.

`read_document` reads a file and hands its bytes to `decode`, which picks the member: text in any
encoding (load/text.py), HTML pages (load/html.py). Every member returns the same Document, whose
`text` is what offsets refer to: `text[start:end] == raw` for every record.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import Iterator

from ..errors import InputError
from .html import html_to_text, looks_like_html
from .text import SAMPLE, decode_bytes, forced_codec

__all__ = ["Document", "decode", "read_document", "iter_input_paths", "html_to_text", "looks_like_html", "SAMPLE"]


@dataclass(frozen=True)
class Document:
    name: str  # the path as given by the user ("-" for stdin)
    text: str  # decoded text; for HTML, the extracted text
    encoding: str  # codec actually used, e.g. "utf-8", "utf-8-sig", "utf-16", "gb18030", "big5"
    html: bool = False  # True when the text was extracted from HTML


def decode(data: bytes, name: str, encoding: str | None = None) -> Document:
    """Decode `data` (the content of `name`); InputError for binary data or an unknown `encoding`."""
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


def read_document(path: str, encoding: str | None = None) -> Document:
    """Read a file ("-": stdin) and decode it; every failure is an InputError naming the path."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as fh:
                data = fh.read()
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


