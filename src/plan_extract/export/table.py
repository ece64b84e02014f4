"""A rich table for the terminal (collected, then printed at close)."""

from __future__ import annotations

from typing import IO

from .cells import cell

WIDE = {"sentence", "plan"}  # left out of record tables: they would make every row several lines high


class TableWriter:
    def __init__(self, out: IO[str], fields: list[str], title: str = ""):
        self.out, self.fields, self.title, self.count = out, fields, title, 0
        self._rows: list[dict] = []

    def write(self, row: dict) -> None:
        self._rows.append(row)
        self.count += 1

    def close(self) -> None:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=self.title or None, show_lines=False)
        # a document table has one row per document: every column fits
        cols = [f for f in self.fields if f not in WIDE] if "sentence" in self.fields else list(self.fields)
        for f in cols:
            table.add_column(f, overflow="fold")
        for row in self._rows:
            table.add_row(*(str(cell(row.get(f))) for f in cols))
        Console(file=self.out, width=200 if not self.out.isatty() else None).print(table)
        self.out.flush()
