"""The records plan-extract produces. Field names are a contract: other tools read them."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

Comparator = Literal["=", ">", ">=", "<", "<=", "~"]
# A lone surrogate (a str built by hand, a file name decoded with surrogateescape) cannot be written
# as UTF-8: it becomes U+FFFD in a record, so that every export works. A quantity's raw never has one.
_SURROGATE = re.compile("[\ud800-\udfff]")


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
    page: int | None = None  # PDF: the 1-based page the figure stands on
    attribute: Literal["binding", "expected"] | None = None  # a table's 属性 column: 约束性 / 预期性
    cumulative: bool = False  # a table cell in brackets, [10]: a total over the plan period
    duplicate: bool = False

    @model_validator(mode="after")
    def _no_surrogates(self) -> "Record":
        if _SURROGATE.search(f"{self.doc}{self.sentence}{self.indicator}{self.region}{self.plan}{self.published}"):
            for name in ("doc", "region", "plan", "indicator", "sentence", "published"):
                v = getattr(self, name)
                if v is not None:
                    setattr(self, name, _SURROGATE.sub("\ufffd", v))
        return self


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
