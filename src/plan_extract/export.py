"""Writers for records and document rows: JSON, JSON Lines, CSV, TSV and a terminal table.

Every writer takes rows one at a time, so JSONL, CSV and TSV stream: memory stays flat however
many documents go through.
"""

from __future__ import annotations

import csv
import enum
import json
from typing import IO, Any


class Format(str, enum.Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    table = "table"


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return int(value)  # 25000, not 25000.0, in a spreadsheet cell
    return value


class Writer:
    def __init__(self, out: IO[str], fmt: Format, fields: list[str], bom: bool = False, title: str = ""):
        self.out, self.fmt, self.fields, self.title = out, fmt, fields, title
        self.count = 0
        self._rows: list[dict] = []
        if bom and fmt in (Format.csv, Format.tsv):
            out.write("\ufeff")
        if fmt in (Format.csv, Format.tsv):
            self._csv = csv.DictWriter(out, fieldnames=fields, delimiter="," if fmt == Format.csv else "\t",
                                       lineterminator="\r\n" if fmt == Format.csv else "\n",
                                       quoting=csv.QUOTE_MINIMAL, extrasaction="ignore")
            self._csv.writeheader()

    def write(self, row: dict | str) -> None:
        """A row as a dict, or (for JSON formats) already encoded as one line of JSON."""
        fmt = self.fmt
        if fmt in (Format.json, Format.jsonl):
            line = row if isinstance(row, str) else json.dumps(row, ensure_ascii=False)
            if fmt == Format.jsonl:
                self.out.write(line + "\n")
            else:
                self.out.write(("[\n  " if self.count == 0 else ",\n  ") + line)
        elif fmt in (Format.csv, Format.tsv):
            if fmt == Format.tsv:  # TSV has no quoting: tabs and line breaks inside a cell become spaces
                row = {k: (" ".join(v.split()) if isinstance(v, str) else v) for k, v in row.items()}
            self._csv.writerow({k: _cell(row.get(k)) for k in self.fields})
        else:
            self._rows.append(row)
        self.count += 1

    def close(self) -> None:
        if self.fmt == Format.json:
            self.out.write("[]\n" if self.count == 0 else "\n]\n")
        elif self.fmt == Format.table:
            self._table()
        self.out.flush()

    def _table(self) -> None:
        from rich.console import Console
        from rich.table import Table

        wide = {"sentence", "plan"}
        table = Table(title=self.title or None, show_lines=False)
        cols = [f for f in self.fields if f not in wide]
        for f in cols:
            table.add_column(f, overflow="fold")
        for row in self._rows:
            table.add_row(*(str(_cell(row.get(f))) for f in cols))
        Console(file=self.out, width=200 if not self.out.isatty() else None).print(table)
