"""DOCX input: paragraphs and tables in order, headers and footers left out, bad files refused."""

from __future__ import annotations

import zipfile

import pytest

from makedocs import make_docx
from plan_extract import default_rules
from plan_extract.batch import process
from plan_extract.errors import InputError
from plan_extract.load import read_document

TABLE = [["序号", "指标", "2020年", "2025年", "属性"],
         ["1", "5G基站数（万个）", "1.2", "8", "预期性"],
         ["2", "城市家庭千兆光纤网络覆盖率（%）*", "—", "≥95", "约束性"],
         ["3", "數據中心標準機架數（萬架）", "", "[12]", "預期性"]]


def test_docx_prose_and_table(tmp_path):
    path = tmp_path / "plan.docx"
    path.write_bytes(make_docx([("p", "数字辽宁发展规划（2021-2025年）"),
                                ("p", "到2025年，全省5G基站数量达到8万个，千兆宽带用户数达到500万户。"),
                                ("p", "表1 主要指标"), ("table", TABLE)]))
    result = process(str(path), default_rules())
    doc = read_document(str(path))
    assert result.error is None and doc.encoding == "docx"
    assert "— 1 —" not in doc.text  # the footer part is not read
    assert all(doc.text[r["start"]:r["end"]] == r["raw"] for r in result.rows)
    got = [(r["indicator"], r["value"], r["unit"], r["comparator"], r["kind"], r["year"], r["attribute"],
            r["cumulative"], r["page"]) for r in result.rows]
    assert got == [
        ("5G基站", 80000, "个", "=", "target", 2025, None, False, None),
        ("千兆宽带用户数", 5000000, "户", "=", "target", 2025, None, False, None),
        ("5G基站数", 12000, "个", "=", "actual", 2020, "expected", False, None),
        ("5G基站数", 80000, "个", "=", "target", 2025, "expected", False, None),
        ("城市家庭千兆光纤网络覆盖率", 95, "%", ">=", "target", 2025, "binding", False, None),
        ("数据中心标准机架数", 120000, "架", "=", "target", 2025, "expected", True, None),
    ]


def test_a_doc_renamed_docx_is_refused_by_name(tmp_path):
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000)
    with pytest.raises(InputError) as err:
        read_document(str(path))
    assert str(err.value) == f"{path}: Word 97-2003 .doc file: not supported, save it as .docx (or PDF)"


def test_a_zip_bomb_named_docx_is_refused_without_unpacking(tmp_path, monkeypatch):
    from plan_extract.load import docx

    monkeypatch.setattr(docx, "MAX_UNPACKED", 8 << 20)  # the bound, scaled down to keep the test fast
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<" + b" " * (12 << 20))
    assert path.stat().st_size < 1 << 20
    with pytest.raises(InputError, match=r"bomb.docx: DOCX would unpack to over 8 MB \(a zip bomb\?\), skipped"):
        read_document(str(path))


def test_a_part_that_shrank_a_thousandfold_is_a_bomb_even_under_the_bound(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<" + b" " * (4 << 20))
    with pytest.raises(InputError, match=r"a zip bomb\?"):
        read_document(str(path))


@pytest.mark.parametrize("data,reason", [
    (b"PK\x03\x04" + b"garbage" * 20, "corrupt or truncated DOCX (not a valid zip archive), skipped"),
])
def test_broken_docx(tmp_path, data, reason):
    path = tmp_path / "b.docx"
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_document(str(path))
    assert str(err.value) == f"{path}: {reason}"


def test_a_zip_that_is_no_word_file(tmp_path):
    path = tmp_path / "x.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(InputError, match="x.docx: ZIP archive without word/document.xml: not a DOCX file"):
        read_document(str(path))


def test_truncated_docx(tmp_path):
    data = make_docx([("p", "到2025年，全省5G基站数量达到8万个。")])
    path = tmp_path / "t.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match="t.docx: corrupt or truncated DOCX"):
        read_document(str(path))
