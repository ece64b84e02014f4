"""Real input: encodings, HTML, binary and empty files, directories; and a property test that the
extractor never raises and every row is traceable, whatever it is fed."""

import codecs
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plan_extract import extract
from plan_extract.errors import InputError
from plan_extract.load import decode, html_to_text, iter_input_paths, read_document

SIMPLIFIED = "到2025年，累计建成5G基站3.5万个，光纤接入宽带用户占比95.94%。"
TRADITIONAL = "國際在線山東頻道消息：山東省政府新聞辦公室舉辦新聞發佈會，介紹2022年山東省數字變革創新工作情況。"


@pytest.mark.parametrize("data,encoding", [
    (SIMPLIFIED.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), "utf-8-sig"),
    (SIMPLIFIED.encode("utf-16"), "utf-16"),
    (codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), "utf-16"),
    (SIMPLIFIED.encode("utf-16-le"), "utf-16-le"),
    (SIMPLIFIED.encode("gb18030"), "gb18030"),
    (TRADITIONAL.encode("big5"), "big5"),
    (TRADITIONAL.encode("gb18030"), "gb18030"),
    ("建成5G基站5萬個".encode("big5"), "big5"),
    ("新建5G基站6万个".encode("gb18030"), "gb18030"),
])
def test_encodings_are_detected(data, encoding):
    doc = decode(data, "x.txt")
    assert doc.encoding == encoding
    assert doc.text in (SIMPLIFIED, TRADITIONAL, "建成5G基站5萬個", "新建5G基站6万个")


def test_forced_and_unknown_encoding():
    assert decode(TRADITIONAL.encode("big5"), "x", encoding="big5").text == TRADITIONAL
    with pytest.raises(InputError, match="x: unknown encoding 'klingon'"):
        decode(b"abc", "x", encoding="klingon")


def test_undecodable_bytes_are_kept_as_replacement_characters():
    doc = decode("5G基站5万个".encode("utf-8") + b"\xff\xfe\xfa" + "。".encode("utf-8"), "x.txt")
    rows = extract(doc.text)
    assert [r.value for r in rows] == [50000]


@pytest.mark.parametrize("data,kind", [
    (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
    (b"PK\x03\x04\x14\x00", "ZIP archive or Office document"),
])
def test_binary_files_are_refused_by_name(data, kind):
    with pytest.raises(InputError, match=f"scan.bin: binary file \\({kind}\\), skipped"):
        decode(data, "scan.bin")


def test_nul_bytes_make_a_binary_file():
    with pytest.raises(InputError, match="binary file, skipped"):
        decode(b"abc\x00\x01\x02\x03" * 10 + b"\xff\x00\x00\x00", "blob")


def test_empty_file_gives_no_rows(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    assert read_document(str(p)).text == ""
    assert extract("") == []


PAGE = """<!DOCTYPE html><html><head><meta charset="gbk"><title>数字福建</title>
<style>p {color: red}</style><script>var n = "5G基站99万个";</script></head>
<body><nav>首页 &gt; 新闻</nav><header>登录</header>
<p>累计建成5G基站<b>七点五万个</b>，&nbsp;实现所有乡镇全覆盖。</p><p>第二段<br>换行</p>
<table><tr><td>指标</td><td>数值</td></tr></table><footer>版权所有</footer></body></html>"""


def test_html_is_turned_into_text_with_blocks_on_their_own_lines():
    doc = decode(PAGE.encode("gb18030"), "page.html")
    assert doc.html and doc.encoding == "gb18030"
    assert doc.text == "数字福建\n\n累计建成5G基站七点五万个， 实现所有乡镇全覆盖。\n\n第二段\n换行\n\n指标\t数值\n"
    rows = extract(doc.text)
    assert [(r.value, r.raw) for r in rows] == [(75000, "七点五万个")]
    assert all(doc.text[r.start:r.end] == r.raw for r in rows)


def test_text_file_carrying_html_tags_is_read_as_html():
    doc = decode("<div><p>建成5G基站5万个</p><p>二</p><br/><p>三</p></div>".encode(), "page.txt")
    assert doc.html and doc.text.split() == ["建成5G基站5万个", "二", "三"]


def test_text_with_a_stray_angle_bracket_is_not_html():
    doc = decode("占比<5%，建成5G基站5万个".encode(), "plain.txt")
    assert not doc.html


def test_html_to_text_decodes_entities():
    assert html_to_text("<p>A&amp;B &#x4e00;&#20108;</p>") == "A&B 一二\n"


def test_directories_are_read_recursively_without_hidden_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for rel in ("a.txt", "b/c.html", ".hidden.txt", ".git/config"):
        (tmp_path / rel).write_text("x", encoding="utf-8")
    assert list(iter_input_paths([str(tmp_path), "-"])) == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "c.html"), "-"]


def test_missing_path_and_directory_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_document(str(tmp_path / "nope.txt"))
    with pytest.raises(InputError, match="is a directory"):
        read_document(str(tmp_path))


SEED_TEXT = "".join(p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parents[1] / "seeds").glob("*.txt")))


def _check(text):
    for r in extract(text):
        assert text[r.start:r.end] == r.raw


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_random_unicode_never_raises(text):
    _check(text)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_never_raise_and_rows_are_traceable(data):
    try:
        doc = decode(data, "random.bin")
    except InputError:
        return
    _check(doc.text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(SEED_TEXT) - 400), st.integers(50, 400),
       st.lists(st.tuples(st.integers(0, 399), st.sampled_from(list("0123456789万亿个%，。、年到超过以上左右百分之点零一二两〇\n<>&")))))
def test_mutated_seed_text_never_raises(start, length, edits):
    chunk = list(SEED_TEXT[start:start + length])
    for pos, ch in edits:
        if chunk:
            chunk[pos % len(chunk)] = ch
    _check("".join(chunk))


def test_a_year_in_chinese_digits_is_read_as_one_in_the_view():
    from plan_extract.view import search_view

    text = "二○二五年全年、二〇二五至二六年度、二零二四年底；一九九八年和二○二五件不是"
    view = search_view(text)
    assert len(view) == len(text)
    assert view.startswith("2025年全年、2025至26年度、2024年底;一九九八年和二○二五件")  # ； folds to ;


def test_the_view_keeps_a_compound_names_own_comma_from_list_commas():
    from plan_extract.view import JOINED, search_view

    text = "電子、信息傳輸、軟件和信息技術服務業、計算機、通信和其他電子設備製造業、電氣機械"
    view = search_view(text)
    assert len(view) == len(text)
    assert view == f"电子、信息传输{JOINED}软件和信息技术服务业、计算机{JOINED}通信和其他电子设备制造业、电气机械"
