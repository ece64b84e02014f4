"""CSV (RFC 4180, CRLF line ends) and TSV (no quoting: tabs and line breaks in a cell become spaces).
Text a spreadsheet would run as a formula is defused (export/formulas.py)."""

from __future__ import annotations

import csv
from typing import IO

from .cells import cell
from .formulas import defuse


class CsvWriter:
    def __init__(self, out: IO[str], fields: list[str], tabs: bool = False, bom: bool = False):
        self.out, self.fields, self.tabs, self.count = out, fields, tabs, 0
        if bom:
            out.write("\ufeff")
        self._csv = csv.DictWriter(out, fieldnames=fields, delimiter="\t" if tabs else ",",
                                   lineterminator="\n" if tabs else "\r\n",
                                   quoting=csv.QUOTE_MINIMAL, extrasaction="ignore")
        self._csv.writeheader()

    def write(self, row: dict) -> None:
        if self.tabs:
            row = {k: (" ".join(v.split()) if isinstance(v, str) else v) for k, v in row.items()}
        self._csv.writerow({k: defuse(cell(row.get(k))) for k in self.fields})
        self.count += 1

    def close(self) -> None:
        self.out.flush()
