"""Documents with their records, for the tools that show both side by side (review, explain):
read and extracted one at a time, in input order, a bad file reported and skipped."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from .batch import failure_line
from .rules import CompiledRule


@dataclass
class Annotated:
    path: str
    text: str = ""
    records: list[dict] = field(default_factory=list)  # duplicates included, marked duplicate=true
    facts: dict = field(default_factory=dict)  # region, plan, published: what the document says of itself
    error: str | None = None  # one line: `path: what is wrong`


def annotate(paths: list[str], rules: list[CompiledRule], encoding: str | None = None,
             time_limit: float | None = None) -> Iterator[Annotated]:
    from .engine import extract_text
    from .load import read_document

    for path in paths:
        try:
            doc = read_document(path, encoding)
            records, facts = extract_text(doc.text, path, rules, True, time_limit, doc.pages, doc.cell_x)
        except Exception as e:  # any failure costs this document only
            yield Annotated(path, error=failure_line(path, e))
            continue
        about = {"region": facts.region, "plan": facts.plan, "published": facts.published}
        yield Annotated(path, doc.text, [r.model_dump() for r in records], about)
