"""Rows saved by `extract` (-f json, jsonl, csv or tsv) read back as records, so that `pivot --rows`
can tabulate a run that was saved, filtered or corrected by hand without reading the documents again."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import get_args

from pydantic import ValidationError

from .export.formulas import TRIGGERS
from .records import RECORD_FIELDS, Record


# What an empty cell stood for: null where the field may be null, else the empty text or false.
_EMPTY = {name: None if type(None) in get_args(f.annotation) else False if f.annotation is bool else ""
          for name, f in Record.model_fields.items()}


class RowsError(ValueError):
    """A file that is not rows saved by `extract`; the message names the file, row and field."""


def read_rows(path: Path | str, text: str | None = None) -> list[dict]:
    """The rows (validated records, as dicts) in `path` (or in `text`, read from `path` when None). The format follows the
    content: a JSON array, JSON Lines, else CSV or TSV with the header `extract` writes."""
    name = str(path)
    if text is None:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as e:
            raise RowsError(f"{name}: cannot read rows: {e}") from None
    text = text.lstrip("\ufeff")
    head = text.lstrip()[:1]
    if head == "[":
        items = _json_array(name, text)
    elif head == "{":
        items = _json_lines(name, text)
    else:
        items = _table(name, text)
    return [_record(name, where, item) for where, item in items]


def _json_array(name: str, text: str) -> list[tuple[str, dict]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise RowsError(f"{name}: not JSON rows: {e}") from None
    if not isinstance(data, list):
        raise RowsError(f"{name}: not rows saved by extract")
    return [(f"row {i}", item) for i, item in enumerate(data, 1)]


def _json_lines(name: str, text: str) -> list[tuple[str, dict]]:
    items = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                items.append((f"line {n}", json.loads(line)))
            except json.JSONDecodeError as e:
                raise RowsError(f"{name}: line {n}: not JSON: {e.msg}") from None
    return items


def _table(name: str, text: str) -> list[tuple[str, dict]]:
    first = text.split("\n", 1)[0]
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter="\t" if "\t" in first else ",")
    missing = [f for f in ("indicator", "value", "unit", "kind", "raw") if f not in (reader.fieldnames or [])]
    if missing:
        raise RowsError(f"{name}: not rows saved by extract: no column {', '.join(missing)}")
    return [(f"line {n}", {k: _cell(k, v) for k, v in row.items() if k in RECORD_FIELDS})
            for n, row in enumerate(reader, 2)]


def _cell(field: str, value: str | None):
    """A CSV cell as the JSON value `extract` had: empty is null, the formula guard's apostrophe goes."""
    if value is None or value == "":
        return _EMPTY.get(field)
    if value.startswith("'") and value[1:].startswith(TRIGGERS):
        return value[1:]
    return value


def _record(name: str, where: str, item) -> dict:
    if not isinstance(item, dict):
        raise RowsError(f"{name}: {where}: not an object")
    try:
        return Record.model_validate(item).model_dump()
    except ValidationError as e:
        err = e.errors()[0]
        field = ".".join(str(p) for p in err["loc"]) or "row"
        raise RowsError(f"{name}: {where}: field {field}: {err['msg']}") from None
