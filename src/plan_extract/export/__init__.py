"""Export: records (or document rows) -> an output format. One entry point, a member per format.

`writer(out, fmt, fields)` returns the member's writer; every writer takes rows one at a time
(`write`) and finishes with `close`, so the streaming formats keep memory flat however many
documents go through.
"""

from __future__ import annotations

import enum
from typing import IO


class Format(str, enum.Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    table = "table"
    xlsx = "xlsx"  # a path to write to (export/xlsx.py)
    parquet = "parquet"  # needs pyarrow (the dask extra) and a path to write to


# The one table of output file extensions: `-o FILE` without -f takes its format from here.
# A new format adds its member to Format and its extensions here.
EXTENSIONS: dict[str, Format] = {
    ".json": Format.json,
    ".jsonl": Format.jsonl,
    ".ndjson": Format.jsonl,
    ".csv": Format.csv,
    ".tsv": Format.tsv,
    ".xlsx": Format.xlsx,
    ".parquet": Format.parquet,
}


def format_for_output(name: str, fmt: Format | None) -> Format:
    """The format to write to file `name`: `fmt` when given, else the one its extension names.
    ValueError (a usage error) for an extension that contradicts `fmt`, or none known and no `fmt`."""
    ext = "." + name.rsplit(".", 1)[1].lower() if "." in name.rsplit("/", 1)[-1] else ""
    implied = EXTENSIONS.get(ext)
    if fmt is None:
        if implied is None:
            known = " ".join(sorted(EXTENSIONS))
            raise ValueError(f"{name}: cannot tell the output format from the extension "
                             f"(known: {known}); give one with -f")
        return implied
    if implied is not None and implied != fmt:
        raise ValueError(f"{name}: -f {fmt.value} contradicts the extension {ext} ({implied.value})")
    return fmt


def writer(out: IO[str], fmt: Format, fields: list[str], bom: bool = False, title: str = ""):
    """The writer of `fmt`: `.write(row)` for each row (a dict, or for JSON formats a line of JSON
    already encoded), then `.close()`. For parquet `out` is a path (a file, or a directory for a
    dataset) and the writer also has `.abort()`."""
    if fmt == Format.xlsx:  # a workbook is a zip file: export.xlsx.XlsxWriter takes a path
        from ..errors import PlanExtractError

        raise PlanExtractError("xlsx is written to a file: use extract or pivot with -o FILE.xlsx")
    if fmt == Format.parquet:
        from .parquet import ParquetWriter

        return ParquetWriter(out, fields)
    if fmt in (Format.json, Format.jsonl):
        from .json import JsonWriter

        return JsonWriter(out, lines=fmt == Format.jsonl)
    if fmt in (Format.csv, Format.tsv):
        from .csv import CsvWriter

        return CsvWriter(out, fields, tabs=fmt == Format.tsv, bom=bom)
    from .table import TableWriter

    return TableWriter(out, fields, title)
