"""CSV and TSV opened by a real spreadsheet program (LibreOffice Calc, headless): no cell is read as a
formula, numbers stay numbers, and every text cell shows its value (behind the apostrophe that
defuses a formula-like text). tests/system-packages.sh installs LibreOffice; without it the test
is skipped locally and fails in CI."""

import io
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from plan_extract.export import Format, writer
from plan_extract.export.formulas import _PLAIN_NUMBER, TRIGGERS, defuse
from plan_extract.records import RECORD_FIELDS

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
if SOFFICE is None:
    if os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) is required in CI: run tests/system-packages.sh", pytrace=False)
    pytest.skip("LibreOffice (soffice) is not installed", allow_module_level=True)

TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def _text(p) -> str:
    """A paragraph's text, with the spaces and tabs ODF stores as elements."""
    out = [p.text or ""]
    for child in p:
        if child.tag == TEXT + "s":
            out.append(" " * int(child.get(TEXT + "c", "1")))
        elif child.tag == TEXT + "tab":
            out.append("\t")
        else:
            out.append(_text(child))
        out.append(child.tail or "")
    return "".join(out)


def open_in_calc(path: Path, tmp_path: Path, separator: str) -> list[list[tuple]]:
    """Each row's cells as (formula or None, value type, shown text), as Calc reads the file."""
    profile = tmp_path / "lo-profile"
    filter_options = f"CSV Text - txt - csv (StarCalc):{ord(separator)},34,76"
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--infilter=" + filter_options,
                    "--convert-to", "fods", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    root = ET.parse(path.with_suffix(".fods")).getroot()
    rows = []
    for row in root.iter(TABLE + "table-row"):
        cells = []
        for c in row.findall(TABLE + "table-cell"):
            n = min(int(c.get(TABLE + "number-columns-repeated", "1")), len(RECORD_FIELDS))
            shown = "\n".join(_text(p) for p in c.findall(TEXT + "p"))
            cells += [(c.get(TABLE + "formula"), c.get(OFFICE + "value-type"), shown)] * n
        rows.append(cells[:len(RECORD_FIELDS)])
    return rows


HOSTILE = ['=HYPERLINK("http://example.com/x","点击")', "=1+1", "+1+2", "-2+3", "@SUM(1,2)", "=", ">=", "<=",
           "~", "\t=1+1", "\r=1+1", "-", "'=1", "-3", "+5", "普通文本", "5G基站"]


def rows_for_test():
    base = dict.fromkeys(RECORD_FIELDS, "x")
    base.update(value=1.0, value_max=None, year=2025, start=0, end=1, duplicate=False)
    out = []
    for i, text in enumerate(HOSTILE):
        out.append({**base, "doc": text, "indicator": text, "sentence": text, "comparator": text,
                    "value": [-3.5, -1e6, 0.0, 2.5e-3, 95.0, -0.25][i % 6], "value_max": -1.0 if i % 2 else None})
    return out


@pytest.mark.parametrize("fmt,separator", [(Format.csv, ","), (Format.tsv, "\t")])
def test_no_cell_is_a_formula_and_values_show_as_written(tmp_path, fmt, separator):
    rows = rows_for_test()
    buf = io.StringIO(newline="")
    w = writer(buf, fmt, RECORD_FIELDS)
    for r in rows:
        w.write(r)
    w.close()
    path = tmp_path / f"rows.{fmt.value}"
    path.write_text(buf.getvalue(), encoding="utf-8", newline="")
    got = open_in_calc(path, tmp_path, separator)
    assert [c[2] for c in got[0]] == RECORD_FIELDS
    assert len(got) >= len(rows) + 1
    for row, cells in zip(rows, got[1:]):
        for field, (formula, vtype, shown) in zip(RECORD_FIELDS, cells):
            assert formula is None, (field, row[field], formula)
            value = row[field]
            if isinstance(value, float) or field in ("year", "start", "end"):
                assert vtype == "float" and float(shown.replace(",", "")) == pytest.approx(value), (field, value, shown)
            elif value is None:
                assert shown == ""
            elif isinstance(value, bool):
                assert shown.lower() == str(value).lower()
            else:
                if fmt == Format.tsv:
                    value = " ".join(value.split())  # TSV cells carry no tabs or line breaks
                expected = defuse(value)
                assert expected == value or (expected == "'" + value and value.startswith(TRIGGERS))
                if _PLAIN_NUMBER.fullmatch(value):  # text that is a number is read as one: no formula
                    assert vtype in ("float", "percentage") and formula is None
                    continue
                # a carriage return in a cell is a line break there
                assert vtype == "string" and shown == expected.replace("\r", "\n"), (field, value, shown)


def test_a_document_whose_sentences_look_like_formulas(tmp_path):
    """End to end: the command's own CSV of a hostile document, opened in Calc."""
    doc = tmp_path / "=cmd.txt"
    doc.write_text('=HYPERLINK("http://example.com","x")，到2025年全市5G基站达到3万个。\n'
                   "@SUM(1)到2025年光纤接入宽带用户占比达到95%。\n"
                   "-2+3，2020年全市5G基站數達到1.2萬個。\n", encoding="utf-8")
    out = tmp_path / "rows.csv"
    r = subprocess.run([sys.executable, "-m", "plan_extract", "extract", str(doc), "-o", str(out)],
                       capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr
    got = open_in_calc(out, tmp_path, ",")
    assert len(got) >= 4
    sentences = [cells[RECORD_FIELDS.index("sentence")][2] for cells in got[1:4]]
    assert [s[:3] for s in sentences] == ["'=H", "'@S", "'-2"]
    assert all(f is None for cells in got for f, _, _ in cells)
    assert {cells[RECORD_FIELDS.index("value")][1] for cells in got[1:4]} == {"float"}
