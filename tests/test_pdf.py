"""PDF input: prose read as from text, indicator tables over pages, headers and footers dropped,
bad files refused one line each. The PDFs are built here (reportlab, its built-in CJK font)."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytest.importorskip("reportlab")

from makedocs import make_pdf, wrap  # noqa: E402
from plan_extract import default_rules  # noqa: E402
from plan_extract.batch import process  # noqa: E402
from plan_extract.errors import InputError  # noqa: E402
from plan_extract.load import read_document  # noqa: E402

PROSE = [
    "数字辽宁发展规划（2021-2025年）",
    "截至2020年底，全省累计建成5G基站2.5万座，光纤接入宽带用户占比达到95.94%，数字经济核心产业增加值占地区"
    "生产总值比重达到7.8%。到 2025 年，全省5G基站数量达到8万个，千兆宽带用户数达到500万户，工业互联网平台"
    "应用普及率达到45%以上，培育数字经济领军企业超过100家。",
    "到2025年，全省数据中心标准机架数达到12万架左右，软件和信息技术服务业营业收入突破2000亿元，电子商务交易额"
    "达到1.5万亿元，建成省级工业互联网平台30个以上，数字化转型服务商不少于200家。",
]
PROSE_TRAD = [
    "數位遼寧發展規劃（2021-2025年）",
    "截至2020年底，全省累計建成5G基站2.5萬座，光纖接入寬帶用戶佔比達到95.94%。到2025年，全省5G基站數量達到8萬個，"
    "千兆寬帶用戶數達到500萬戶，工業互聯網平台應用普及率達到45%以上，培育數字經濟領軍企業超過100家。",
]


def rows(path):
    result = process(str(path), default_rules())
    assert result.error is None, result.error
    return result


def key(r):
    return (r["indicator"], r["value"], r["unit"], r["comparator"], r["kind"], r["year"], r["raw"])


@pytest.mark.parametrize("paragraphs", [PROSE, PROSE_TRAD], ids=["simplified", "traditional"])
def test_prose_in_a_pdf_gives_the_rows_of_the_same_prose_in_text(tmp_path, paragraphs):
    assert any(len(wrap(p)) > 1 for p in paragraphs)  # sentences do break at the right margin
    pdf, txt = tmp_path / "plan.pdf", tmp_path / "plan.txt"
    pdf.write_bytes(make_pdf([("p", p) for p in paragraphs], header=None))  # one page: no running header to tell
    txt.write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
    from_pdf, from_txt = rows(pdf).rows, rows(txt).rows
    assert from_txt and [key(r) for r in from_pdf] == [key(r) for r in from_txt]
    text = read_document(str(pdf)).text
    assert text == txt.read_text(encoding="utf-8")  # lines joined without inserting anything
    assert {r["page"] for r in from_pdf} == {1}


def test_a_sentence_broken_across_two_pages_still_matches_and_carries_the_page_it_starts_on(tmp_path):
    filler = [("h", f"第{i}节") for i in range(37)]  # fill page 1 up to the sentence
    sentence = "到2025年，全省5G基站数量达到8万个，千兆宽带用户数达到500万户，工业互联网平台应用普及率达到45%以上。"
    path = tmp_path / "p.pdf"
    path.write_bytes(make_pdf(filler + [("p", sentence * 2)]))
    doc = read_document(str(path))
    assert len(doc.pages) == 2 and sentence * 2 in doc.text
    got = [(r["indicator"], r["value"], r["page"]) for r in rows(path).rows]
    # the second 8万个 lies on page 2; duplicates of one fact keep the first mention's page
    assert ("5G基站", 80000, 1) in got and len(got) == 3
    for r in rows(path).rows:
        assert doc.text[r["start"]:r["end"]] == r["raw"]


HEADER = ["序号", "指标", "单位", "2020年", "2025年", "属性"]
XS = [72, 105, 300, 345, 400, 460]


def _table_rows(n):
    out = [HEADER]
    for i in range(1, n + 1):
        out.append([str(i), f"第{i}类平台数量（万个）", "", f"{i}.5", "—" if i % 10 == 0 else f"≥{i * 2}", "约束性" if i % 2 else "预期性"])
    return out


def expected_rows(n, page_of):
    out = []
    for i in range(1, n + 1):
        attr = "binding" if i % 2 else "expected"
        out.append((f"第{i}类平台数量", (i + 0.5) * 10000, "个", "=", "actual", 2020, attr, page_of(i)))
        if i % 10:
            out.append((f"第{i}类平台数量", i * 2 * 10000, "个", ">=", "target", 2025, attr, page_of(i)))
    return out


@pytest.mark.parametrize("repeat_header", [True, False], ids=["header-repeated", "header-once"])
def test_multi_page_indicator_table(tmp_path, repeat_header):
    path = tmp_path / "t.pdf"
    blocks = [("h", "表1 “十四五”时期数字经济发展主要指标"), ("table", _table_rows(70), XS, repeat_header),
              ("p", "到2025年，全省5G基站数量达到8万个。")]
    path.write_bytes(make_pdf(blocks))
    result = rows(path)
    doc = read_document(str(path))
    table = [r for r in result.rows if r["rule"] == "TABLE"]
    assert all(doc.text[r["start"]:r["end"]] == r["raw"] for r in result.rows)
    # the page each row number is drawn on, read from the page starts
    page_of = {}
    for line_start in [0] + [i + 1 for i, c in enumerate(doc.text) if c == "\n"]:
        first = doc.text[line_start:doc.text.find("\t", line_start)] if "\t" in doc.text[line_start:line_start + 8] else ""
        if first.isdigit():
            page_of[int(first)] = sum(1 for s in doc.pages if s <= line_start)
    assert len(set(page_of.values())) >= 2  # the table does run over pages
    got = [(r["indicator"], r["value"], r["unit"], r["comparator"], r["kind"], r["year"], r["attribute"], r["page"])
           for r in table]
    assert got == expected_rows(70, page_of.get)
    prose = [r for r in result.rows if r["rule"] != "TABLE"]
    assert [(r["value"], r["kind"], r["year"]) for r in prose] == [(80000, "target", 2025)]
    assert prose[0]["page"] == len(doc.pages)


def test_headers_footers_and_page_numbers_are_never_rows(tmp_path):
    path = tmp_path / "h.pdf"
    body = [("p", PROSE[1]), ("page",), ("p", PROSE[2]), ("page",), ("h", "三、保障措施")]
    path.write_bytes(make_pdf(body, header="全省建成5G基站8万个三年行动方案"))
    text = read_document(str(path)).text
    assert "行动方案" not in text and "—" not in text
    recs = rows(path).rows
    assert 80000 in [r["value"] for r in recs]
    assert all("行动方案" not in r["sentence"] for r in recs)
    assert [r["page"] for r in recs] == sorted(r["page"] for r in recs) and recs[-1]["page"] == 2


def test_page_number_styles(tmp_path):
    from plan_extract.load.pdf import _PAGE_NUMBER

    for s in ["— 12 —", "- 3 -", "12", "第 3 页", "3/20", "第3页 共20页", "－ 5 －"]:
        assert _PAGE_NUMBER.match(s), s
    for s in ["2025年", "— 附件 —", "5G基站8万个"]:
        assert not _PAGE_NUMBER.match(s), s


def test_a_scanned_page_is_reported_and_the_others_are_read(tmp_path):
    path = tmp_path / "s.pdf"
    path.write_bytes(make_pdf([("p", PROSE[1]), ("scan",), ("p", PROSE[2])]))
    result = rows(path)
    assert result.notice == f"{path}: page 2: no text layer: scanned? (its figures are not read)"
    assert {r["page"] for r in result.rows} == {1, 3}


def test_bad_pdfs_are_one_line_each_and_cost_only_themselves(tmp_path):
    import io

    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    good = make_pdf([("p", PROSE[1])])
    (tmp_path / "a_good.pdf").write_bytes(good)
    (tmp_path / "truncated.pdf").write_bytes(good[: len(good) // 2])
    (tmp_path / "corrupt.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    c.drawString(72, 700, "hello")
    c.showPage()
    c.save()
    (tmp_path / "encrypted.pdf").write_bytes(buf.getvalue())
    (tmp_path / "scanned.pdf").write_bytes(make_pdf([("scan",)], header=None, footer=False))
    r = subprocess.run([sys.executable, "-m", "plan_extract", "extract", str(tmp_path), "-f", "jsonl"],
                       capture_output=True, timeout=60)
    assert r.returncode == 1
    err = r.stderr.decode().splitlines()
    assert f"{tmp_path / 'truncated.pdf'}: corrupt or truncated PDF (data format error), skipped" in err
    assert f"{tmp_path / 'corrupt.pdf'}: corrupt or truncated PDF (data format error), skipped" in err
    assert f"{tmp_path / 'encrypted.pdf'}: encrypted PDF (password required), skipped" in err
    assert f"{tmp_path / 'scanned.pdf'}: no text layer: scanned?" in err
    assert "Traceback" not in r.stderr.decode()
    assert len(r.stdout.decode().splitlines()) == len(rows(tmp_path / "a_good.pdf").rows) > 0


def test_text_command_prints_the_text_offsets_refer_to(tmp_path):
    import json

    path = tmp_path / "p.pdf"
    path.write_bytes(make_pdf([("p", PROSE[1]), ("table", _table_rows(3), XS)]))
    text = subprocess.run([sys.executable, "-m", "plan_extract", "text", str(path)], capture_output=True,
                          timeout=60).stdout.decode("utf-8")
    recs = json.loads(subprocess.run([sys.executable, "-m", "plan_extract", "extract", str(path)],
                                     capture_output=True, timeout=60).stdout)
    assert text == read_document(str(path)).text and len(recs) > 6
    assert all(text[r["start"]:r["end"]] == r["raw"] for r in recs)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/status")
def test_two_thousand_pages_in_bounded_memory(tmp_path):
    from reportlab.pdfgen import canvas

    import makedocs

    makedocs._font()
    path = tmp_path / "long.pdf"
    c = canvas.Canvas(str(path))
    for i in range(2000):
        c.setFont(makedocs.FONT, 10.5)
        c.drawString(72, 700, f"第{i + 1}节：到2025年，全省新建5G基站{i + 1}个。")
        c.showPage()
    c.save()
    # VmHWM, not ru_maxrss: on Linux a child inherits its parent's ru_maxrss across fork and exec
    code = ("from plan_extract.load import read_document\n"
            f"d = read_document({str(path)!r})\n"
            "print(len(d.pages), [int(l.split()[1]) // 1024 for l in open('/proc/self/status') if l.startswith('VmHWM')][0])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120, text=True)
    pages, peak_mb = map(int, out.stdout.split())
    assert pages == 2000
    assert peak_mb < 150, f"peak RSS {peak_mb} MB reading 2000 pages"


def test_pdf_bytes_on_stdin_are_read_as_pdf(tmp_path):
    data = make_pdf([("p", PROSE[1])])
    r = subprocess.run([sys.executable, "-m", "plan_extract", "extract", "-", "-f", "jsonl"], input=data,
                       capture_output=True, timeout=60)
    assert r.returncode == 0 and b"80000" in r.stdout


def test_error_is_an_input_error_not_a_traceback(tmp_path):
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF-1.4\n%%EOF\n")
    with pytest.raises(InputError, match="x.pdf: corrupt or truncated PDF"):
        read_document(str(path))


def test_indicator_names_wrapped_in_their_cell(tmp_path):
    table = [["指标", "2020年", "2025年", "属性"],
             ["软件和信息技术服务业\n规模（万亿元）", "8.16", "14", "预期性"],  # values beside the first line
             ["工业互联网平台应用\n普及率（%）", "\n14.7", "\n45", "\n预期性"],  # values beside the last line
             ["IPv6活跃用户数（亿户）", "4.6", "8", "约束性"]]
    path = tmp_path / "w.pdf"
    path.write_bytes(make_pdf([("h", "主要指标"), ("table", table, [72, 230, 330, 420])]))
    got = [(r["indicator"], r["value"], r["unit"], r["kind"], r["year"], r["attribute"]) for r in rows(path).rows]
    assert got == [("软件和信息技术服务业规模", 8.16e12, "元", "actual", 2020, "expected"),
                   ("软件和信息技术服务业规模", 14e12, "元", "target", 2025, "expected"),
                   ("工业互联网平台应用普及率", 14.7, "%", "actual", 2020, "expected"),
                   ("工业互联网平台应用普及率", 45, "%", "target", 2025, "expected"),
                   ("IPv6活跃用户数", 4.6e8, "户", "actual", 2020, "binding"),
                   ("IPv6活跃用户数", 8e8, "户", "target", 2025, "binding")]


def test_traditional_table_with_open_cells(tmp_path):
    table = [["序號", "指標", "單位", "2020年", "2025年", "屬性"],
             ["1", "城市千兆光網覆蓋率", "%", "—", "＞50", "約束性"],
             ["2", "數據中心機架數①", "萬架", "", "60以上", "預期性"],
             ["3", "新增上雲企業*", "萬家", "/", "[3]", "預期性"]]
    path = tmp_path / "t.pdf"
    path.write_bytes(make_pdf([("h", "數位福建規劃主要指標"), ("table", table, [72, 105, 300, 345, 400, 460])]))
    got = [(r["indicator"], r["value"], r["unit"], r["comparator"], r["kind"], r["year"], r["attribute"],
            r["cumulative"], r["page"]) for r in rows(path).rows]
    assert got == [("城市千兆光网覆盖率", 50, "%", ">", "target", 2025, "binding", False, 1),
                   ("数据中心机架数", 600000, "架", ">=", "target", 2025, "expected", False, 1),
                   ("新增上云企业", 30000, "家", "=", "target", 2025, "expected", True, 1)]
