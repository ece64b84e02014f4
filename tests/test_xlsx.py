"""The workbook: read back with openpyxl (typed cells, frozen headers, filters, references from the
pivot to the rows) and opened by LibreOffice headless as a spreadsheet user opens it."""

import os
import shutil
import subprocess
import sys

import pytest

openpyxl = pytest.importorskip("openpyxl")

from plan_extract.export.xlsx import XlsxWriter  # noqa: E402
from plan_extract.records import RECORD_FIELDS  # noqa: E402

A = "截至2020年，福建省5G基站达到3.2万个，光纤接入用户占比达到95%，高于全国平均水平2个百分点。\n"
B = "截至2020年底，福建5G基站总数3.5万个。\n"


def run(*args):
    return subprocess.run([sys.executable, "-m", "plan_extract", *map(str, args)], capture_output=True, timeout=120)


@pytest.fixture
def book(tmp_path):
    for name, text in (("a.txt", A), ("b.txt", B)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out.xlsx"
    r = run("extract", tmp_path / "a.txt", tmp_path / "b.txt", "-f", "xlsx", "-o", out)
    assert r.returncode == 0, r.stderr
    return out


def test_sheets_typed_cells_frozen_headers_and_filters(book):
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames == ["rows", "pivot", "documents"]
    rows = wb["rows"]
    header = [c.value for c in rows[1]]
    assert header == RECORD_FIELDS
    assert rows.freeze_panes == "A2" and rows.auto_filter.ref
    values = [rows.cell(r, header.index("value") + 1).value for r in range(2, rows.max_row + 1)]
    assert 32000 in values and all(isinstance(v, (int, float)) for v in values)
    docs = wb["documents"]
    assert [c.value for c in docs[1]][:2] == ["doc", "region"] and docs.max_row == 3
    assert wb["pivot"].freeze_panes and wb["pivot"].auto_filter.ref


def test_every_pivot_figure_references_its_row_and_sentence(book):
    wb = openpyxl.load_workbook(book)
    rows, pv = wb["rows"], wb["pivot"]
    header = [c.value for c in pv[1]]
    rh = [c.value for c in rows[1]]
    col = header.index("2020 actual") + 1
    seen = 0
    for r in range(2, pv.max_row + 1):
        cell = pv.cell(r, col)
        if cell.value is None:
            continue
        seen += 1
        note = cell.comment.text
        ref = note.split(":", 1)[0]  # rows!A5
        src = int(ref.split("!A")[1])
        sentence = rows.cell(src, rh.index("sentence") + 1).value
        assert sentence[:20] in note
        if isinstance(cell.value, str):  # the two documents disagree: both figures, as text
            assert " | " in cell.value and pv.cell(r, header.index("conflicts") + 1).value == 1
        else:
            assert rows.cell(src, rh.index("value") + 1).value == cell.value
    assert seen >= 3


def test_text_never_becomes_a_formula(tmp_path):
    path = tmp_path / "f.xlsx"
    w = XlsxWriter(path, RECORD_FIELDS)
    evil = '=HYPERLINK("http://example.com","x")'
    w.write({"doc": "=1+1", "region": "+A1", "indicator": evil, "indicator_id": None, "value": 3.0, "unit": "个",
             "comparator": "=", "kind": "actual", "year": 2020, "start": 0, "end": 1, "sentence": "-2+3",
             "raw": "@SUM(A1)", "measure": "stock"})
    w.close()
    ws = openpyxl.load_workbook(path)["rows"]
    cells = {c.value: c for c in ws[2] if c.value is not None}
    for text in ("=1+1", "+A1", evil, "-2+3", "@SUM(A1)"):
        assert cells[text].data_type == "s", text


def test_a_workbook_needs_a_file(tmp_path):
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    r = run("pivot", tmp_path / "a.txt", "-f", "xlsx")
    assert r.returncode == 2 and len(r.stderr.decode().strip().splitlines()) == 1 and not r.stdout
    r = run("rules", "list", "-f", "xlsx")
    assert r.returncode == 2 and b"Traceback" not in r.stderr


def test_libreoffice_opens_it(book, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("soffice missing: tests/system-packages.sh installs LibreOffice Calc")
        pytest.skip("LibreOffice not installed")
    profile = (tmp_path / "lo-profile").as_uri()
    r = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "csv",
                        "--outdir", str(tmp_path / "csv"), str(book)], capture_output=True, timeout=180)
    out = tmp_path / "csv" / "out.csv"
    assert r.returncode == 0 and out.exists(), r.stderr
    text = out.read_text(encoding="utf-8", errors="replace")
    assert "32000" in text and "INF-5G-BASE-STATIONS" in text  # the rows sheet, as Calc reads it
