"""The search view: the text with full-width forms folded and Traditional characters made Simplified.

It has exactly the length of the text, character for character, so an offset found in the view is
an offset in the original text and `text[start:end]` is always the raw source span.
"""

from __future__ import annotations

import re
from functools import cache


@cache
def _table() -> list[int]:
    """A list indexed by code point (the BMP): str.translate looks it up without a failing dict
    lookup per unmapped character, which makes the view twice as fast; characters beyond the BMP
    raise IndexError, a LookupError, and are kept as they are."""
    table = list(range(0x10000))
    for c in range(0xFF01, 0xFF5F):  # full-width ASCII (％, １２３) -> ASCII
        table[c] = c - 0xFEE0
    table[0x3000] = 0x20  # ideographic space
    table[0x00A0] = 0x20
    for c in "\u2002\u2003\u2009\u200b\ufeff":
        table[ord(c)] = 0x20
    # OpenCC's Traditional->Simplified mapping, taken character by character so that the view keeps
    # the text's length. Phrase-level conversions (which can change lengths) are not needed to match
    # rules or to name indicators.
    import opencc

    chars = [chr(c) for c in range(0x3400, 0xA000)] + [chr(c) for c in range(0xF900, 0xFB00)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    if len(converted) == len(chars):
        for src, dst in zip(chars, converted):
            if src != dst and len(dst) == 1:
                table[ord(src)] = ord(dst)
    return table


# A year in Chinese digits (二〇二五年, 二○二五至二六年度, 二零二四年): the same year in Arabic digits in the
# view, four characters for four, so that dates, deadlines and ranges read it like 2025年.
# (a fiscal year may open a span: 二〇二二／二三至二〇二四／二五年度)
_CN_YEAR = re.compile(r"[一二][〇○零一二三四五六七八九]{3}(?:年|(?:至|/|／|-|—)[〇○零一二三四五六七八九]{2}(?:年|至|到))")
_CN_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")


# The characters of the table that Simplified text uses: full-width punctuation and odd spaces.
_COMMON = "，（）：；！？％\u3000\xa0"


@cache
def _uncommon() -> re.Pattern:
    """Any other character the table maps: Traditional ones, full-width digits and letters."""
    chars = "".join(chr(c) for c, to in enumerate(_table()) if to != c and chr(c) not in _COMMON)
    return re.compile(f"[{re.escape(chars)}]")


def search_view(text: str) -> str:
    if _uncommon().search(text) is None:
        # Simplified text (most pages): a few str.replace scans in C instead of str.translate, which
        # looks up every character in the table (10x slower). The same view.
        view = text
        for c in _COMMON:
            if c in view:
                view = view.replace(c, chr(_table()[ord(c)]))
    else:
        view = text.translate(_table())
    if "〇" in view or "○" in view or "零" in view:  # a year in Chinese digits has a zero (二〇二五)
        view = _CN_YEAR.sub(_arabic_year, view)
    if "、" in view:
        view = _join_compounds(view)
    assert len(view) == len(text)
    return view


# the 、 inside a name that holds one (信息传输、软件和信息技术服务业), which no list splits
JOINED = "\ufe51"


@cache
def _compounds() -> re.Pattern:
    from .lexicon import alternation, lexicon

    return re.compile(alternation(lexicon()["indicator"]["compound_names"]))


def _join_compounds(view: str) -> str:
    return _compounds().sub(lambda m: m.group().replace("、", JOINED), view)


def _arabic_year(m: re.Match) -> str:
    s = m.group()
    return s.translate(_CN_DIGITS) if s[1] in "〇○零" or s[2] in "〇○零" else s


def to_simplified(text: str) -> str:
    return text.translate(_table())
