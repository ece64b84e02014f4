"""The records plan-extract produces. Field names are a contract: other tools read them."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict

Comparator = Literal["=", ">", ">=", "<", "<=", "~"]
# A lone surrogate (a str built by hand, a file name decoded with surrogateescape) cannot be written
# as UTF-8: it becomes U+FFFD in a record's text fields, so that every export works. A quantity's raw
# never has one. Checked once per document (has_surrogates), not per record: a validator costs 5 %.
_SURROGATE = re.compile("[\ud800-\udfff]")
_TEXT_FIELDS = ("doc", "region", "plan", "indicator", "sentence", "published")


def has_surrogates(s: str) -> bool:
    # UTF-8 encoding in C refuses a lone surrogate: 3x faster than searching for one; in pieces, so
    # that a long document is not held a second time as bytes
    try:
        for i in range(0, len(s), 1 << 16):
            s[i:i + (1 << 16)].encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def without_surrogates(record: "Record") -> "Record":
    return record.model_copy(update={f: _SURROGATE.sub("\ufffd", getattr(record, f)) for f in _TEXT_FIELDS
                                     if getattr(record, f) is not None})


class Record(BaseModel):
    """One indicator mention. `text[start:end] == raw` in the decoded document."""

    model_config = ConfigDict(extra="forbid")
    doc: str
    region: str | None
    plan: str | None
    indicator: str
    indicator_id: str | None
    category: str
    value: float
    value_max: float | None
    unit: str
    comparator: Comparator
    kind: Literal["target", "actual"]
    year: int | None
    raw: str
    start: int
    end: int
    sentence: str
    rule: str
    published: str | None
    cue: str | None = None  # the words that decided kind and year (到2025年, 截至2022年底, 发展基础)
    page: int | None = None  # PDF: the 1-based page the figure stands on
    attribute: Literal["binding", "expected"] | None = None  # a table's 属性 column: 约束性 / 预期性
    cumulative: bool = False  # a table cell in brackets, [10]: a total over the plan period
    # stock (a level), increment (new over a period) or difference (from `reference`, e.g. 全国)
    measure: Literal["stock", "increment", "difference"] | None = None
    reference: str | None = None
    duplicate: bool = False

class DocumentInfo(BaseModel):
    """One row per document: what the context layer found about it."""

    model_config = ConfigDict(extra="forbid")
    doc: str
    region: str | None
    plan: str | None
    published: str | None
    encoding: str
    html: bool
    characters: int
    records: int
    pages: int | None = None  # PDF: its page count


RECORD_FIELDS = list(Record.model_fields)
DOCUMENT_FIELDS = list(DocumentInfo.model_fields)
