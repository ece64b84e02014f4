"""The review page: one self-contained HTML file (inline CSS and JS, no network) showing each
document's text with every row's span highlighted and coloured by kind, the row on hover or click,
a filterable table of the rows, and the numbers that gave no row marked faintly.

Documents are written as they come (`add`), each as JSON in its own inert <script> element, so
memory stays flat over a batch; the page parses a document's text only when it is shown. Every
piece of data reaches the page through JSON with <, > and & escaped, and is put into the DOM as
text, never as markup: a document containing </script> or <script>alert(1)</script> reads as text.
"""

from __future__ import annotations

import html
import json
from importlib import resources
from typing import IO

from ..missed import missed_numbers
from .explain import repeated_row

# Record fields left out of the page (every other one, such as a field added later, is passed through).
_DROP = {"duplicate"}


def _json(data) -> str:
    """JSON safe inside a <script> element: no </script>, <!--, or & entity can end or alter it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def document_data(name: str, text: str, records: list[dict], facts: dict | None = None) -> dict:
    """What the page knows of one document (its text goes separately): the rows, the repeated
    mentions of a row's figure (records marked duplicate) and the missed numbers."""
    rows = [{k: v for k, v in r.items() if k not in _DROP} for r in records if not r.get("duplicate")]
    repeats = [[r["start"], r["end"], repeated_row(r, rows)] for r in records if r.get("duplicate")]
    missed = missed_numbers(text, [(r["start"], r["end"]) for r in records])
    return {"name": name, "chars": len(text), "facts": facts or {}, "rows": rows, "repeats": repeats,
            "missed": [[m.start, m.end, m.value, m.unit] for m in missed]}


class ReviewWriter:
    """`add(name, text, records)` for each document (records as dicts, duplicates included and
    marked, to show repeated mentions), then `close()`; `error(line)` lists a file that failed."""

    def __init__(self, out: IO[str], title: str = "plan-extract review"):
        self.out, self.count, self.errors = out, 0, []
        page = resources.files(__package__).joinpath("review.html").read_text(encoding="utf-8")
        self._head, self._tail = page.split("<!--DOCUMENTS-->")
        self.out.write(self._head.replace("{{TITLE}}", html.escape(title)))

    def add(self, name: str, text: str, records: list[dict], facts: dict | None = None) -> None:
        """`facts`: what the document says of itself (region, plan, published), shown under its name."""
        meta = document_data(name, text, records, facts)
        n = self.count
        self.out.write(f'<script type="application/json" id="pe-meta-{n}">{_json(meta)}</script>\n'
                       f'<script type="application/json" id="pe-text-{n}">{_json(text)}</script>\n')
        self.count += 1

    def error(self, line: str) -> None:
        self.errors.append(line)

    def close(self) -> None:
        self.out.write(f'<script type="application/json" id="pe-errors">{_json(self.errors)}</script>\n')
        self.out.write(self._tail)
        self.out.flush()
