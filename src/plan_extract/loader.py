"""Bytes from disk or stdin -> decoded text: encodings, HTML, binary files.

Encoding detection is a strict cascade rather than a general-purpose detector: a BOM decides; then
strict UTF-8; then UTF-16 without BOM (NUL bytes at every other position); then GB18030 against
Big5. Those two accept much of each other's byte sequences, so both readings are scored by the share
of common Chinese characters (Simplified and Traditional forms) and the better one wins. It is
deterministic, needs no further dependency and is tested on one-line inputs, where statistical
detectors are least sure.
"""

from __future__ import annotations

import codecs
import os
import sys
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator

import regex

from .errors import InputError

SAMPLE = 64 * 1024


@dataclass(frozen=True)
class Document:
    name: str  # the path as given ("-" for stdin)
    text: str  # decoded text; for HTML, the extracted text
    encoding: str
    html: bool = False


_MAGIC = [
    (b"%PDF", "PDF"), (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive or Office document"), (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"), (b"Rar!", "RAR archive"), (b"\x7fELF", "executable"),
    (b"\xd0\xcf\x11\xe0", "Office document"), (b"RIFF", "media file"), (b"BM", None), (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"), (b"OggS", "media file"), (b"ID3", "MP3 audio"), (b"\x00\x00\x01\x00", "icon"),
]

# Frequent characters of Chinese prose, in Simplified form; their Traditional forms are added by OpenCC.
_COMMON = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而"
    "方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好"
    "应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向"
    "道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特"
    "件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队"
    "南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风"
    "切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许"
    "步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列"
    "习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派"
    "层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙网络据设务为与会时们这个来说对过还后数据发"
    "展字规划建设推进实施提升服务平台企业基站覆盖用户比重增长目标全省城市智慧政府创新网络工业互联宽带光纤亿元"
)


@cache
def _common_chars() -> frozenset[str]:
    from .view import _table  # noqa: F401  (OpenCC is loaded there)
    import opencc

    traditional = opencc.OpenCC("s2t").convert(_COMMON)
    return frozenset(_COMMON + traditional) - frozenset("\n ")


def _score(text: str) -> float:
    common = _common_chars()
    hits = sum(1 for c in text if c in common)
    return (hits - text.count("\ufffd")) / max(len(text), 1)


def _binary_kind(data: bytes) -> str | None:
    return next((kind for magic, kind in _MAGIC if kind and data.startswith(magic)), None)


def _utf16_without_bom(data: bytes) -> str | None:
    head = data[:4096]
    if len(head) < 4:
        return None
    even = head[0::2].count(0) / (len(head) / 2)
    odd = head[1::2].count(0) / (len(head) / 2)
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def _html_charset(data: bytes) -> str | None:
    m = regex.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", data[:2048], regex.I)
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    if name in ("gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936"):
        return "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _decode(data: bytes, name: str, encoding: str | None) -> tuple[str, str]:
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"unknown encoding '{encoding}'", name) from None
        return data.decode(encoding, errors="replace"), encoding
    kind = _binary_kind(data)
    if kind:
        raise InputError(f"binary file ({kind}), skipped", name)
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                       (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), codec
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    if b"\x00" in data[:8192]:
        raise InputError("binary file, skipped", name)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _html_charset(data)
    candidates = [declared] if declared else []
    # UTF-8 stays a candidate: a mostly UTF-8 file with a few broken bytes keeps its text (with U+FFFD)
    candidates += [c for c in ("utf-8", "gb18030", "big5") if c != declared]
    sample = data[:SAMPLE]
    best = max(candidates, key=lambda c: (_score(sample.decode(c, errors="replace")), c == declared))
    return data.decode(best, errors="replace"), best


_HTML_HINT = regex.compile(r"^\s*(?:<!doctype\s+html|<html|<head|<body)|<(?:p|div|br|td|tr|li|span|table|h[1-6])\b[^>]*>",
                           regex.I)


def looks_like_html(text: str) -> bool:
    head = text[:4096]
    if regex.match(r"\s*(?:<!doctype\s+html|<html|<head|<body)", head, regex.I):
        return True
    return len(_HTML_HINT.findall(head)) >= 3


def decode(data: bytes, name: str, encoding: str | None = None) -> Document:
    text, used = _decode(data, name, encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    is_html = name.lower().endswith((".html", ".htm", ".xhtml")) or looks_like_html(text)
    if is_html:
        text = html_to_text(text)
    return Document(name, text, used, is_html)


def read_document(path: str, encoding: str | None = None) -> Document:
    if path == "-":
        return decode(sys.stdin.buffer.read(), path, encoding)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    except IsADirectoryError:
        raise InputError("is a directory", path) from None
    except PermissionError:
        raise InputError("permission denied", path) from None
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", path) from None
    return decode(data, path, encoding)


def iter_input_paths(paths: list[str]) -> Iterator[str]:
    """Files as given; a directory's regular files recursively, sorted, hidden ones skipped."""
    for p in paths:
        if p != "-" and os.path.isdir(p):
            for root, dirs, files in os.walk(p):  # os.walk does not follow directory links
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    full = os.path.join(root, f)
                    if not f.startswith(".") and os.path.isfile(full):
                        yield full
        else:
            yield p


# ---- HTML -> text ---------------------------------------------------------------------------------

_DROP = {"script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form",
         "select", "button", "iframe", "head", "object", "canvas"}
_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table",
          "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "hr", "title", "main", "figure", "figcaption",
          "caption", "thead", "tbody", "tfoot", "address"}


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.drop = 0
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        elif tag in _DROP:
            self.drop += 1
        if tag in _BLOCK:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
            self.parts.append("\n")
        elif tag in _DROP:
            self.drop = max(0, self.drop - 1)
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title or not self.drop:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Visible text of a page, one block per line; scripts, styles and navigation dropped."""
    parser = _Text()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts).replace("\xa0", " ")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return regex.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"
