"""plan_extract.loader: bytes from disk/stdin -> text. Every input is built in tmp_path."""

import codecs
import io
import os
import sys
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plan_extract import load as loader
from plan_extract.errors import InputError
from plan_extract.load import Document, decode, html_to_text, iter_input_paths, read_document

SIMPLIFIED = "到2025年，累计建成5G基站3.5万个，光纤接入宽带用户占比95.94%。"
TRADITIONAL = "國際在線山東頻道消息：山東省政府新聞辦公室舉辦主題系列新聞發佈會，介紹2022年山東省數字變革創新工作情況。"
SIMPLIFIED_LONG = (
    "近日，辽宁省政府办公厅印发通知，发布《数字辽宁发展规划（2.0版）》。规划提出，到2025年，"
    "全省数字经济核心产业增加值占地区生产总值比重达到10%，建成5G基站10万个以上，"
    "千兆光纤网络覆盖所有城市家庭，工业互联网平台连接设备数量超过500万台。\n"
) * 20
TRADITIONAL_LONG = (
    "數字政府建設是推進政府治理體系和治理能力現代化的重要途徑。省政務辦、省經信廳、省發改委等部門"
    "相關負責人就《湖北省數字政府建設總體規劃（2020-2022年）》進行了解讀，到2022年底，"
    "全省政務服務事項網上可辦率達到95%以上。\n"
) * 20
SHORT_SIMPLIFIED = ["新建5G基站6万个", "5G用户普及率达到56%", "数字经济占比", "宽带用户", "建设规划"]
SHORT_TRADITIONAL = ["建成5G基站5萬個", "今年全省擬新建5G基站5萬個", "數字經濟佔比", "寬頻用戶", "建設規劃",
                     "郵箱", "編輯", "遼寧省瀋陽市"]  # the first two need the level-1 characters, not only the top list


def write(tmp_path, name, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


# ---- Unicode --------------------------------------------------------------------------------------

@pytest.mark.parametrize("data,encoding", [
    (SIMPLIFIED.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), "utf-8-sig"),
    (codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), "utf-16"),
    (codecs.BOM_UTF32_LE + SIMPLIFIED.encode("utf-32-le"), "utf-32"),
    (codecs.BOM_UTF32_BE + SIMPLIFIED.encode("utf-32-be"), "utf-32"),
    (SIMPLIFIED.encode("utf-16-le"), "utf-16-le"),
    (SIMPLIFIED.encode("utf-16-be"), "utf-16-be"),
])
def test_unicode_files_are_decoded_without_bom_in_text(tmp_path, data, encoding):
    doc = read_document(write(tmp_path, "a.txt", data))
    assert doc == Document(str(tmp_path / "a.txt"), SIMPLIFIED, encoding, False)


def test_utf16_without_bom_from_word_with_line_breaks(tmp_path):
    text = "第一章 总体要求\r\n到2025年，建成5G基站3.5万个。\r\n" * 50
    doc = read_document(write(tmp_path, "word.txt", text.encode("utf-16-le")))
    assert (doc.encoding, doc.text) == ("utf-16-le", text)


# ---- GB18030 against Big5 -------------------------------------------------------------------------

@pytest.mark.parametrize("text,encoding", [
    (SIMPLIFIED, "gb18030"), (TRADITIONAL, "big5"), (TRADITIONAL, "gb18030"),
    (SIMPLIFIED_LONG, "gb18030"), (TRADITIONAL_LONG, "big5"), (TRADITIONAL_LONG, "gb18030"),
    *[(t, "gb18030") for t in SHORT_SIMPLIFIED], *[(t, "big5") for t in SHORT_TRADITIONAL],
])
def test_gb18030_and_big5_are_told_apart(tmp_path, text, encoding):
    doc = read_document(write(tmp_path, "legacy.txt", text.encode(encoding)))
    assert (doc.encoding, doc.text) == (encoding, text)


def test_detection_uses_a_sample_but_decodes_the_whole_file(tmp_path):
    text = TRADITIONAL_LONG * 40  # well over the 64 KB sample
    assert len(text.encode("big5")) > 2 * loader.SAMPLE
    doc = read_document(write(tmp_path, "big.txt", text.encode("big5")))
    assert (doc.encoding, doc.text) == ("big5", text)


def test_large_file_decodes_in_linear_time():
    data = SIMPLIFIED_LONG.encode("gb18030") * (8_000_000 // len(SIMPLIFIED_LONG.encode("gb18030")))
    start = time.perf_counter()
    doc = decode(data, "big.txt")
    assert time.perf_counter() - start < 3  # about 0.05 s; a quadratic step would take minutes
    assert doc.encoding == "gb18030" and len(doc.text) == len(data.decode("gb18030"))


# ---- forced encoding, broken bytes ----------------------------------------------------------------

def test_forced_encoding_is_used_even_when_detection_would_differ(tmp_path):
    path = write(tmp_path, "a.txt", TRADITIONAL.encode("big5"))
    assert read_document(path, encoding="big5").text == TRADITIONAL
    forced = read_document(path, encoding="GBK")
    assert forced.encoding == "gbk" and forced.text == TRADITIONAL.encode("big5").decode("gbk", "replace")
    assert forced.text != TRADITIONAL


def test_forced_encoding_replaces_what_it_cannot_decode():
    doc = decode("数字".encode("utf-8") + b"\xff", "a.txt", encoding="utf-8")
    assert doc.text == "数字\ufffd"


@pytest.mark.parametrize("name", ["xyz", "rot13", "base64"])
def test_unknown_encoding_is_an_input_error(name):
    with pytest.raises(InputError) as err:
        decode(b"abc", "a.txt", encoding=name)
    assert str(err.value) == f"a.txt: unknown encoding '{name}'"
    with pytest.raises(InputError):
        decode(b"", "a.txt", encoding=name)


def test_invalid_bytes_become_replacement_characters_and_the_rest_is_kept():
    data = "累计建成5G基站3.5万个".encode("utf-8") + b"\xff\xfe\xfa" + "，光纤用户占比95%。".encode("utf-8")
    doc = decode(data, "a.txt")
    assert doc.encoding == "utf-8"
    assert doc.text == "累计建成5G基站3.5万个\ufffd\ufffd\ufffd，光纤用户占比95%。"


def test_replacement_characters_and_mojibake_in_input_are_kept():
    text = "已有\ufffd字符与乱码ÃƒÂ©鍦ㄥ笀"
    assert decode(text.encode("utf-8"), "a.txt").text == text


def test_big5_with_a_broken_byte_is_still_big5():
    data = TRADITIONAL.encode("big5") + b"\xff" + TRADITIONAL.encode("big5")
    doc = decode(data, "a.txt")
    assert doc.encoding == "big5" and doc.text == TRADITIONAL + "\ufffd" + TRADITIONAL


# ---- binary and empty files -----------------------------------------------------------------------

@pytest.mark.parametrize("data,kind", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
    (b"GIF89a\x01\x00\x01\x00", "GIF image"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive or Office document"),
    (b"\x1f\x8b\x08\x00", "gzip archive"),
    (b"\x7fELF\x02\x01\x01", "ELF executable"),
])
def test_binary_files_are_refused_naming_the_kind(tmp_path, data, kind):
    path = write(tmp_path, "scan.txt", data)
    with pytest.raises(InputError) as err:
        read_document(path)
    assert str(err.value) == f"{path}: binary file ({kind}), skipped"


def test_magic_bytes_win_over_a_forced_encoding():
    with pytest.raises(InputError, match=r"a.pdf: corrupt or truncated PDF"):  # read as a PDF, not as latin-1
        decode(b"%PDF-1.4\n", "a.pdf", encoding="latin-1")


def test_a_truncated_pdf_named_txt_is_read_as_pdf_and_refused(tmp_path):
    path = write(tmp_path, "scan.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n")
    with pytest.raises(InputError, match=r"scan.txt: corrupt or truncated PDF \(.+\), skipped$"):
        read_document(path)


@pytest.mark.parametrize("data", [
    b"abc\x00\x01\x02\x03" * 10,
    bytes(range(256)) * 4,
    b"\x01\x00\x02\x00\x03\x00\x04\x00" * 100,  # NULs at odd positions, but control characters as UTF-16
])
def test_nul_bytes_make_an_unnamed_binary_file(tmp_path, data):
    with pytest.raises(InputError) as err:
        read_document(write(tmp_path, "blob.dat", data))
    assert err.value.message == "binary file, skipped"


def test_text_that_merely_starts_like_a_magic_number_is_text():
    assert decode("ID3 是一个标签格式".encode(), "a.txt").text == "ID3 是一个标签格式"


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n ", "\u3000\n".encode("utf-8"), codecs.BOM_UTF8])
def test_empty_or_blank_file_gives_empty_text(tmp_path, data):
    doc = read_document(write(tmp_path, "empty.txt", data))
    assert doc.text == "" and not doc.html


# ---- HTML -----------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>山东省数字变革创新</title>
<style>p {{ color: red }}</style>
<script>var x = "<p>不要</p>"; if (a < b) {{}}</script></head>
<body><nav><a href="/">首页</a> &gt; 新闻</nav>
<h1>工作情况</h1>
<p>到2025年，累计建成5G基站3.5万个&nbsp;&nbsp;，光纤接入&amp;宽带
用户占比95.94%。</p>
<p>第一行<br>第二行<br/>第三行</p>
<table><tr><th>指标</th><th>目标</th></tr><tr><td>5G基站</td><td>3.5万个</td></tr></table>
<p>&#x4e00;&#20108;&lt;三&gt;</p>
<footer>版权所有 &copy; 2023</footer></body></html>
"""
PAGE_TEXT = ("山东省数字变革创新\n\n工作情况\n\n到2025年，累计建成5G基站3.5万个 ，光纤接入&宽带用户占比95.94%。\n\n"
             "第一行\n第二行\n第三行\n\n指标\t目标\n5G基站\t3.5万个\n\n一二<三>\n")  # table cells: tabs


def test_html_page_becomes_plain_text(tmp_path):
    doc = read_document(write(tmp_path, "news.html", PAGE.format(charset="utf-8").encode("utf-8")))
    assert (doc.html, doc.encoding) == (True, "utf-8")
    assert doc.text == PAGE_TEXT


@pytest.mark.parametrize("charset", ["gbk", "gb2312", "GBK"])
def test_meta_charset_gbk_page_is_decoded_as_gb18030(tmp_path, charset):
    doc = read_document(write(tmp_path, "news.htm", PAGE.format(charset=charset).encode("gbk")))
    assert (doc.html, doc.encoding, doc.text) == (True, "gb18030", PAGE_TEXT)


def test_meta_charset_big5_is_honoured_where_detection_alone_would_hesitate(tmp_path):
    # "監督" alone reads as two plausible GB characters too; the declaration settles it.
    page = '<html><head><meta charset="big5"><title>監督</title></head><body><p>監督</p></body></html>'
    doc = read_document(write(tmp_path, "tw.html", page.encode("big5")))
    assert (doc.html, doc.encoding, doc.text) == (True, "big5", "監督\n\n監督\n")


def test_http_equiv_charset_and_a_utf8_page_that_declares_gbk(tmp_path):
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=GB2312"></head>'
            "<body><p>新建5G基站6万个</p></body></html>")
    assert decode(page.encode("gbk"), "a.html").encoding == "gb18030"
    # the declaration only matters when the bytes are not UTF-8
    assert decode(page.encode("utf-8"), "a.html") == Document("a.html", "新建5G基站6万个\n", "utf-8", True)


def test_txt_file_carrying_html_is_read_as_html(tmp_path):
    data = "<div><p>建成5G基站5万个</p><p>千兆宽带</p><br/><p>三</p></div>".encode("utf-8")
    doc = read_document(write(tmp_path, "saved.txt", data))
    assert doc.html and doc.text == "建成5G基站5万个\n\n千兆宽带\n\n三\n"


def test_doctype_alone_makes_html():
    assert decode(b"  <!doctype html><p>x</p>", "a.txt").html


def test_chinese_text_with_stray_angle_brackets_is_not_html():
    text = "占比<5%的县不超过3个，增长率>10%。\n用<br>换行的说明只出现一次。\n" + "正文。\n" * 30
    doc = decode(text.encode("utf-8"), "plain.txt")
    assert not doc.html and doc.text == text


def test_html_to_text_drops_page_furniture():
    markup = ("<header>登录</header><aside>广告</aside><form><button>搜索</button><select><option>a"
              "</option></select></form><noscript>请启用</noscript><iframe>x</iframe><template>t</template>"
              "<svg><title>图标</title><text>svg</text></svg><article><p>正文一</p></article>")
    assert html_to_text(markup) == "正文一\n"


def test_html_to_text_title_is_first_line_and_blank_lines_collapse():
    markup = "<body><p>甲  \t 乙</p><br><br><br><br><div></div><p> 丙 </p><title>标题</title></body>"
    assert html_to_text(markup) == "标题\n\n甲 乙\n\n丙\n"


def test_html_to_text_unclosed_head_does_not_swallow_body():
    assert html_to_text("<html><head><title>T</title><body><p>正文</p>") == "T\n\n正文\n"


def test_html_to_text_line_breaks_in_source_and_pre():
    assert html_to_text("<p>建成5G基站\n   3.5万个, and\nmore</p><pre>a  b\nc</pre>") == \
        "建成5G基站 3.5万个, and more\n\na b\nc\n"
    assert html_to_text("<p>数字\n经济</p>") == "数字经济\n"


def test_html_to_text_list_items_and_entities():
    assert html_to_text("<ul><li>一</li><li>A&amp;B&nbsp;C</li></ul><p>&#x4e00;&#20108;&hellip;</p>") == \
        "一\nA&B C\n\n一二…\n"
    assert html_to_text("") == ""


# ---- reading files --------------------------------------------------------------------------------

def test_missing_file_and_directory_are_input_errors(tmp_path):
    missing = str(tmp_path / "nope.txt")
    with pytest.raises(InputError) as err:
        read_document(missing)
    assert str(err.value) == f"{missing}: no such file"
    with pytest.raises(InputError) as err:
        read_document(str(tmp_path))
    assert str(err.value) == f"{tmp_path}: is a directory"
    with pytest.raises(InputError, match="no such file"):
        read_document(str(tmp_path / "nope.txt" / "below"))


def test_permission_denied_is_an_input_error(tmp_path, monkeypatch):
    path = write(tmp_path, "secret.txt", b"x")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(loader, "open", denied, raising=False)
    with pytest.raises(InputError) as err:
        read_document(path)
    assert str(err.value) == f"{path}: permission denied"


def test_other_os_errors_never_escape(tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(loader, "open", broken, raising=False)
    with pytest.raises(InputError, match="cannot read: Input/output error"):
        read_document(str(tmp_path / "a.txt"))


def test_stdin_is_read_as_bytes(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TRADITIONAL.encode("big5"))))
    assert read_document("-") == Document("-", TRADITIONAL, "big5", False)


# ---- directories ----------------------------------------------------------------------------------

def test_directories_are_walked_sorted_without_hidden_entries(tmp_path):
    for rel in ("b.txt", "a/z.html", "a/b/c.txt", ".hidden.txt", ".git/config", "a/.cache/x.txt", "c/.x"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(b"x")
    missing = str(tmp_path / "missing.txt")
    got = list(iter_input_paths(["-", str(tmp_path), missing, str(tmp_path / "b.txt")]))
    assert got == ["-", str(tmp_path / "a" / "b" / "c.txt"), str(tmp_path / "a" / "z.html"),
                   str(tmp_path / "b.txt"), missing, str(tmp_path / "b.txt")]


def test_directory_symlink_loops_are_not_followed(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_bytes(b"x")
    os.symlink(tmp_path, tmp_path / "d" / "loop")
    os.symlink(tmp_path / "d" / "a.txt", tmp_path / "link.txt")
    assert list(iter_input_paths([str(tmp_path)])) == [str(tmp_path / "d" / "a.txt"), str(tmp_path / "link.txt")]


def test_empty_directory_yields_nothing(tmp_path):
    assert list(iter_input_paths([str(tmp_path)])) == []


# ---- robustness -----------------------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from(["a.txt", "a.html"]))
def test_any_bytes_give_text_or_an_input_error(data, name):
    try:
        doc = decode(data, name)
    except InputError as err:
        assert err.path == name and "skipped" in err.message
        return
    assert isinstance(doc.text, str) and doc.encoding
    assert doc.text == "" or doc.text.strip()
