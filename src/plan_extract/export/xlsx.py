"""An Excel workbook (XlsxWriter): a "rows" sheet, a "pivot" sheet and a "documents" sheet.

Numbers are typed numeric cells; every text is written as a string (a value starting with = stays
text, never a formula). Each sheet has a frozen header and an autofilter. A pivot figure carries a
comment naming the rows-sheet row(s) and source sentence it comes from, and links to the first.
Written to a file path (a workbook is a zip, not a stream).
"""

from __future__ import annotations

from pathlib import Path

from ..pivot import KEY_FIELDS, pivot

WIDTHS = {"sentence": 80, "doc": 30, "indicator": 28, "plan": 30, "raw": 14}


class XlsxWriter:
    """Rows are kept (the pivot needs them all) and written at close."""

    def __init__(self, path: str | Path, fields: list[str], catalogue=None, first: str = "rows"):
        self.path, self.fields, self.catalogue, self.first = str(path), fields, catalogue, first
        self.rows: list[dict] = []
        self.documents: list[dict] = []
        self.count = 0

    def write(self, row: dict) -> None:
        self.rows.append(row)
        self.count += 1

    def document(self, info: dict) -> None:
        self.documents.append(info)

    def close(self) -> None:
        import xlsxwriter

        wb = xlsxwriter.Workbook(self.path, {"strings_to_formulas": False, "strings_to_urls": False,
                                             "strings_to_numbers": False})
        head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        conflict = wb.add_format({"bg_color": "#F8CBAD"})
        sheets = {name: wb.add_worksheet(name) for name in ("rows", "pivot", "documents")}
        self._table(sheets["rows"], self.fields, self.rows, head)
        self._pivot(wb, sheets["pivot"], head, conflict)
        from ..records import DOCUMENT_FIELDS

        self._table(sheets["documents"], DOCUMENT_FIELDS, self.documents, head)
        sheets[self.first].activate()
        wb.close()

    @staticmethod
    def _table(ws, fields: list[str], rows: list[dict], head) -> None:
        for c, f in enumerate(fields):
            ws.write_string(0, c, f, head)
            ws.set_column(c, c, WIDTHS.get(f, 12))
        for r, row in enumerate(rows, start=1):
            for c, f in enumerate(fields):
                _cell(ws, r, c, row.get(f))
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, max(len(rows), 1), max(len(fields) - 1, 0))

    def _pivot(self, wb, ws, head, conflict) -> None:
        # with --documents the rows are documents: the pivot sheet stays an empty table
        lines, columns = pivot(self.rows if "indicator" in self.fields else [], self.catalogue)
        fields = KEY_FIELDS + ["unit"] + columns + ["conflicts"]
        for c, f in enumerate(fields):
            ws.write_string(0, c, f, head)
            ws.set_column(c, c, 16 if c >= len(KEY_FIELDS) else WIDTHS.get(f, 14))
        formats: dict[str, object] = {}
        for r, line in enumerate(lines, start=1):
            for c, f in enumerate(KEY_FIELDS):
                _cell(ws, r, c, getattr(line, f))
            units = sorted({fig.unit for figs in line.cells.values() for fig in figs})
            _cell(ws, r, len(KEY_FIELDS), " / ".join(units))
            for c, col in enumerate(columns, start=len(KEY_FIELDS) + 1):
                figs = line.cells.get(col)
                if figs:
                    self._figures(wb, ws, r, c, figs, formats, conflict)
            ws.write_number(r, len(fields) - 1, line.conflicts())
        ws.freeze_panes(1, len(KEY_FIELDS))
        ws.autofilter(0, 0, max(len(lines), 1), len(fields) - 1)

    @staticmethod
    def _figures(wb, ws, r: int, c: int, figs, formats: dict, conflict) -> None:
        sources = [s for f in figs for s in f.sources]
        note = "\n".join(f"rows!A{s['row'] + 2}: {s['doc']} [{s['start']}:{s['end']}] {s['sentence'][:200]}"
                         for s in sources[:10])
        if len(figs) > 1:  # disagreeing documents: all figures shown, highlighted
            ws.write_string(r, c, " | ".join(f.text for f in figs), conflict)
        else:
            f = figs[0]
            if f.value_max is not None:
                ws.write_string(r, c, f.text)
            else:
                # typed number; comparator and unit shown by the number format, not stored as text
                prefix = {"=": ""}.get(f.comparator, f.comparator)
                code = (f'"{prefix}"' if prefix else "") + "General" + (f' "{_quote(f.unit)}"' if f.unit else "")
                if code not in formats:
                    formats[code] = wb.add_format({"num_format": code})
                ws.write_number(r, c, f.value, formats[code])
        ws.write_comment(r, c, note, {"x_scale": 3, "y_scale": 2})


def _quote(s: str) -> str:
    return s.replace('"', "")


def _cell(ws, r: int, c: int, value) -> None:
    """Numbers typed; everything else written as a string (never a formula, URL or number)."""
    if value is None or value == "":
        return
    if isinstance(value, bool):
        ws.write_boolean(r, c, value)
    elif isinstance(value, (int, float)):
        ws.write_number(r, c, value)
    else:
        ws.write_string(r, c, str(value))
