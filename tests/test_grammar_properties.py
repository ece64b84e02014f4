"""Property tests for the number grammar (hypothesis).

1. Round trips: numbers are generated, written in every form the grammar claims to read (Arabic, with
   commas, full-width, 万/亿 multipliers, Chinese numerals formal and colloquial, 点 decimals,
   percentages, 成, ranges, mixed 12万3千, 〇 digit strings, fractions, signed range ends), and must read back as the same value. The renderer here is
   written independently of numerals.py.
2. Robustness: random and adversarial texts (numbers, multipliers, ranges, comparators, surrogates,
   NULs, huge repeats) through plan_extract.extract: no exception, every row traceable, finite,
   value <= value_max, and its JSON dump works.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plan_extract import extract
from plan_extract.grammar import scan
from plan_extract.view import search_view

DIG = "零一二三四五六七八九"
FAST = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def cn_section(n: int, two: bool, short_ten: bool) -> str:
    """n < 10000 in formal Chinese: 1015 -> 一千零一十五, 10 -> 十 (short_ten) or 一十."""
    out, zero = [], False
    for place, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // place % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        ch = "两" if two and d == 2 and name in ("百", "千") else DIG[d]
        out.append(ch + name)
    s = "".join(out) or "零"
    if short_ten and s.startswith("一十"):
        s = s[1:]
    return s


def cn(n: int, two: bool = False, short_ten: bool = True) -> str:
    """Any non-negative integer in formal Chinese (亿 groups recurse: 六万亿)."""
    if n < 10_000:
        return cn_section(n, two, short_ten)
    if n < 10**8:
        high, low, unit, size = n // 10_000, n % 10_000, "万", 10_000
    else:
        high, low, unit, size = n // 10**8, n % 10**8, "亿", 10**8
    s = cn(high, two, short_ten) + unit
    if low:
        s += ("零" if low < size // 10 else "") + cn(low, two, short_ten=False)
    return s


TRAD = str.maketrans("万亿两点个", "萬億兩點個")


def read(text: str):
    found = list(scan(search_view(text)))
    assert len(found) == 1, (text, found)
    q = found[0]
    assert text[q.outer_start:q.outer_end] == text, text
    return q


def close(a, b):
    return a == pytest.approx(b, rel=1e-9, abs=1e-9)


integers = st.integers(min_value=0, max_value=10**13)


@FAST
@given(integers)
def test_arabic_forms(n):
    if len(str(n)) == 11 and str(n)[1] in "3456789":
        return  # eleven digits starting 13-19 read as a mobile phone number, on purpose
    for text in (f"{n}个", f"{n:,}个", f"{n}个".translate(str.maketrans("0123456789", "０１２３４５６７８９"))):
        assert close(read(text).value, n), text


@FAST
@given(st.integers(min_value=2, max_value=10**13), st.booleans(), st.booleans(), st.booleans())  # 一个: an article
def test_chinese_formal(n, two, short_ten, traditional):
    text = cn(n, two, short_ten) + "个"
    text = text.translate(TRAD) if traditional else text
    assert close(read(text).value, n), text


@FAST
@given(st.integers(min_value=1, max_value=9), st.integers(min_value=1, max_value=9),
       st.sampled_from([(100, "百"), (1000, "千"), (10_000, "万"), (10**8, "亿")]))
def test_chinese_colloquial_tail(a, b, place):
    """四万五 = 45000, 三百六 = 360: a lone digit after a place is the next place down."""
    size, name = place
    text = DIG[a] + name + DIG[b] + "个"
    text = text.translate(TRAD) if a % 2 else text  # Traditional for half of them
    assert close(read(text).value, a * size + b * size // 10), text


@FAST
@given(st.integers(min_value=0, max_value=9999), st.integers(min_value=1, max_value=99),
       st.sampled_from(["", "万", "亿", "万亿"]), st.booleans())
def test_chinese_decimals(whole, frac, mult, traditional):
    frac_digits = f"{frac:02d}".rstrip("0")
    text = cn(whole) + "点" + "".join(DIG[int(c)] for c in frac_digits) + mult + "元"
    text = text.translate(TRAD) if traditional else text
    scale = {"": 1, "万": 1e4, "亿": 1e8, "万亿": 1e12}[mult]
    assert close(read(text).value, float(f"{whole}.{frac_digits}") * scale), text


@FAST
@given(st.integers(min_value=1, max_value=99_999), st.integers(min_value=0, max_value=3),
       st.sampled_from([("万", 1e4), ("亿", 1e8), ("万亿", 1e12), ("千万", 1e7), ("百万", 1e6)]), st.booleans())
def test_arabic_with_multiplier(mantissa, decimals, mult, traditional):
    x = mantissa / 10**decimals
    num = f"{x:.{decimals}f}"
    word = mult[0].translate(str.maketrans("万亿", "萬億")) if traditional else mult[0]
    text = f"{num}{word}元"
    assert close(read(text).value, float(num) * mult[1]), text


@FAST
@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=10, max_value=9999),
       st.integers(min_value=0, max_value=9999), st.booleans())
def test_mixed(high, low, mid, with_yi):
    """12万3千, 4万2000, 1万800, 1亿2000万: one value. (1万8 is colloquial: 18000, in the corpus.)"""
    if with_yi:
        text, value = f"{high}亿{mid}万{low}个" if mid else f"{high}亿{low}个", high * 10**8 + mid * 10**4 + low
        if mid and mid < 10 or not mid and low < 10:
            return
    else:
        text, value = f"{high}万{low}个", high * 10_000 + low
    if low % 1000 == 0 and low // 1000 < 10:
        text = text.replace(f"{low}个", f"{low // 1000}千个")
    assert close(read(text).value, value), text


@FAST
@given(st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False), st.booleans())
def test_percentages(x, chinese):
    x = x.normalize() if x == x.to_integral() else x
    if chinese:
        whole, _, frac = f"{x:f}".partition(".")
        text = "百分之" + cn(int(whole)) + ("点" + "".join(DIG[int(c)] for c in frac.rstrip("0")) if frac.rstrip("0") else "")
    else:
        text = f"{x:f}%"
    q = read(text)
    assert q.unit == "%" and close(q.value, float(x)), text


@FAST
@given(st.integers(min_value=0, max_value=100))
def test_cheng(tenths10):
    """两成 = 20%, 7.5成 = 75%, 十成 = 100%."""
    v = tenths10 / 10
    if tenths10 % 10 == 0:
        text = ("两" if tenths10 == 20 else cn(tenths10 // 10)) + "成"
    else:
        text = f"{v:g}成" if tenths10 % 2 else cn(tenths10 // 10) + "点" + DIG[tenths10 % 10] + "成"
    q = read(text)
    assert q.unit == "%" and close(q.value, tenths10 * 1.0), text


@FAST
@given(st.integers(min_value=0, max_value=9999), st.integers(min_value=0, max_value=9999),
       st.sampled_from(["-", "–", "—", "~", "～", "至", "到"]), st.sampled_from(["", "万", "亿"]),
       st.booleans(), st.booleans())
def test_ranges(a, b, dash, mult, chinese, both):
    """a-b with the multiplier on both ends or once at the end (三到五万): lower <= upper, never reversed."""
    lo, hi = sorted((a, b))
    if lo == hi:
        return
    w = cn if chinese else str
    if mult and not both and lo * 10 > hi:
        return  # 6000到2万 reads 6000-20000 on purpose: the shared multiplier would reverse it
    if chinese and not mult and lo < 10 and hi in [d * p for d in range(1, 10) for p in (100, 1000)]:
        return  # 三到五千 = 3000-5000: 千/百 after one digit is shared too
    text = f"{w(lo)}{mult if both else ''}{dash}{w(hi)}{mult}个"
    scale = {"": 1, "万": 1e4, "亿": 1e8}[mult]
    q = read(text)
    assert (q.value, q.value_max) == (pytest.approx(lo * scale), pytest.approx(hi * scale)), text
    reversed_text = f"{w(hi)}{mult if both else ''}{dash}{w(lo)}{mult}个"
    assert [x for x in scan(search_view(reversed_text)) if x.value_max is not None and x.value > x.value_max] == []


@FAST
@given(st.integers(min_value=1, max_value=10**8), st.booleans())
def test_zero_digit_strings(n, traditional):
    """一〇五 = 105: a digit-by-digit numeral with a 〇 (or 零) reads positionally before a unit."""
    digits = "".join("〇" if c == "0" else DIG[int(c)] for c in str(n))
    if "〇" not in digits:
        digits += "〇"
        n *= 10
    text = (digits + "个").translate(TRAD) if traditional else digits + "个"
    assert close(read(text).value, n), text


@FAST
@given(st.integers(min_value=2, max_value=99), st.integers(min_value=1, max_value=98), st.booleans(), st.booleans())
def test_fractions(den, num, traditional, arabic):
    """三分之一 = 33.33…%, 4分之3 = 75%: a share of fewer than 100 parts; 一百分之一 (百分之一 is the
    form) and up are not read."""
    if num >= den:
        return
    text = f"{den}分之{num}" if arabic else f"{cn(den)}分之{cn(num)}"
    text = text.translate(TRAD) if traditional else text
    q = read(text)
    assert q.unit == "%" and close(q.value, num / den * 100), text


@FAST
@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=9999),
       st.sampled_from(["%", "个百分点"]), st.sampled_from(["-", "−", "负"]), st.sampled_from(["至", "到", "~"]))
def test_signed_ranges(a, b, unit, sign, dash):
    """-3%至-1%: each end keeps its own sign; the lower end is never above the upper."""
    lo, hi = sorted((a, b))
    if lo == hi:
        return
    u1 = "%" if unit == "%" else ""
    q = read(f"{sign}{hi}{u1}{dash}{sign}{lo}{unit}")
    assert (q.value, q.value_max) == (pytest.approx(-hi), pytest.approx(-lo))
    q = read(f"{sign}{lo}{u1}{dash}{hi}{unit}")
    assert (q.value, q.value_max) == (pytest.approx(-lo), pytest.approx(hi))


@FAST
@given(st.integers(min_value=1, max_value=99), st.integers(min_value=2, max_value=99),
       st.integers(min_value=1, max_value=98), st.booleans(), st.sampled_from(["倍", "个百分点", "小时"]))
def test_mixed_numbers(whole, den, num, arabic, unit):
    """一又二分之一倍 = 1.5倍: a whole and a fraction of one, with the unit after it."""
    if num >= den:
        return
    w = str if arabic else cn
    q = read(f"{w(whole)}又{w(den)}分之{w(num)}{unit}")
    assert close(q.value, whole + num / den), (whole, den, num)


FIN = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")


@FAST
@given(st.integers(min_value=1, max_value=9999), st.sampled_from([("万", 10**4), ("亿", 10**8)]),
       st.integers(min_value=100, max_value=9999), st.booleans(), st.booleans())
def test_arabic_then_chinese_places(high, mult, low, arabic_tail, traditional):
    """100万三千 = 1003000, 200亿零四千230: Chinese places after an Arabic number's multiplier, and
    Arabic digits for every place below the last Chinese one."""
    name, size = mult
    tail = cn(low)
    if arabic_tail and low >= 1000 and low % 1000:
        tail = cn(low // 1000) + "千" + f"{low % 1000:03d}"  # 四千230, 四千005
    if low < size // 10:
        tail = "零" + tail  # 一亿零四千: the gap below the unit
    text = f"{high}{name}{tail}个"
    text = text.translate(TRAD) if traditional else text
    assert close(read(text).value, high * size + low), text


@FAST
@given(st.integers(min_value=1, max_value=9), st.sampled_from([(10, "十"), (100, "百"), (1000, "千")]),
       st.integers(min_value=0, max_value=999))
def test_arabic_digits_below_a_place(d, place, low):
    """1百01 = 101, 3千230 = 3230: every place below the last written in Arabic digits, at full width;
    a shorter tail is the colloquial next place down (3千5 = 3500). (四千230 after 万/亿: above.)"""
    size, name = place
    width = len(str(size)) - 1
    low %= size
    head = str(d) + name
    assert close(read(f"{head}{low:0{width}d}个").value, d * size + low)
    if width > 1 and low % 10:
        assert close(read(f"{head}{low % 10}个").value, d * size + low % 10 * size // 10)


@FAST
@given(st.integers(min_value=0, max_value=9999), st.integers(min_value=1, max_value=99_999), st.booleans())
def test_arabic_digits_after_a_chinese_point(whole, frac, traditional):
    """一百点123 = 100.123 (cn2an's smart form)."""
    text = f"{cn(whole)}点{frac}个"
    text = text.translate(TRAD) if traditional else text
    assert close(read(text).value, float(f"{whole}.{frac}")), text


@FAST
@given(st.integers(min_value=0, max_value=9), st.booleans())
def test_cheng_and_a_half(tenths, traditional):
    """三成半 = 35%, 半成 = 5%."""
    text = (cn(tenths) + "成半" if tenths else "半成")
    q = read(text.translate(TRAD) if traditional else text)
    assert q.unit == "%" and close(q.value, tenths * 10 + 5), text


@FAST
@given(st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False).filter(lambda x: x > 0))
def test_negative_chinese_percentages(x):
    """百分之负六十五点二八 = -65.28%."""
    whole, _, frac = f"{x:f}".partition(".")
    frac = frac.rstrip("0")
    text = "百分之负" + cn(int(whole)) + ("点" + "".join(DIG[int(c)] for c in frac) if frac else "")
    q = read(text)
    assert q.unit == "%" and close(q.value, -float(x)), text


@FAST
@given(st.integers(min_value=1, max_value=99_999), st.integers(min_value=0, max_value=9),
       st.integers(min_value=0, max_value=9), st.booleans(), st.booleans())
def test_financial_yuan_jiao_fen(yuan, jiao, fen, formal_yuan, traditional):
    """壹拾壹元壹角壹分 = 11.11, 玖仟陆佰陆拾伍圆壹角捌分 = 9665.18: financial numerals, 圆 for 元."""
    if not jiao and not fen:
        return
    text = cn(yuan).translate(FIN) + ("圆" if formal_yuan else "元")
    text += (DIG[jiao].translate(FIN) + "角" if jiao else "零") + (DIG[fen].translate(FIN) + "分" if fen else "")
    if not fen:
        text = text.removesuffix("零")
    text = text.translate(str.maketrans("万亿圆贰陆", "萬億圓貳陸")) if traditional else text
    q = read(text)
    assert q.unit == "元" and close(q.value, yuan + jiao / 10 + fen / 100), text


# Fragments an adversarial text is built from: numbers of every kind, multipliers, ranges,
# comparators, units, words rules look for, and things that break naive code.
FRAGMENTS = st.sampled_from([
    "5G基站", "到2025年，", "全省", "达到", "超过", "近", "约", "以上", "左右", "余", "多", "不低于", "同比增长",
    "负增长", "下降", "-", "−", "~", "至", "到", "—", "%", "％", "个", "万", "亿", "万亿", "千", "百", "十",
    "兆", "元", "成", "百分之", "千分之", "点", "零", "〇", "一", "两", "兩", "萬", "億", "點", "几", "数",
    "七八", "十五六", "三十几", "个亿", "1", "12", "3.5", "0", "１２", ",", "，", "。", "\n", " ", "\u3000",
    "\ud800", "\udfff", "\x00", "\ufeff", "😀", "第", "年", "月", "软件业务收入", "普及率", "用户",
    "9" * 400, "一亿" * 40, "万" * 50, "百分之" + "9" * 320, "9" * 320 + "成", "1億億",
    "圆", "角", "分", "壹", "玖", "佰", "半", "（含）", "以上", "幺", "又", "分之", "欧元", "个月", "负的", "百分百", "012",
])


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(FRAGMENTS | st.text(max_size=4), max_size=40))
def test_adversarial_texts(parts):
    text = "".join(parts)
    for r in extract(text):
        assert text[r.start:r.end] == r.raw
        assert math.isfinite(r.value)
        assert r.value_max is None or math.isfinite(r.value_max) and r.value <= r.value_max
        r.model_dump_json()


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789.,万亿千百十零一二两三四五六七八九点几多余到至-~%成个元负圆角分壹佰半又幺（含）以上的"), max_size=30))
def test_number_soup(text):
    """Only number characters: the scanner never raises and never yields a reversed or infinite value."""
    for q in scan(search_view(text)):
        assert math.isfinite(q.value) and q.start < q.end
        assert q.value_max is None or q.value <= q.value_max
