"""Numerals to values, exactly or not at all: Arabic, Chinese (formal, financial and colloquial) and
mixed (12万3千, 4万2000, 2.5万亿). A string the reading below does not cover gives None, never a guess:
two numerals side by side (十一十二), a repeated multiplier (10万万, 一亿亿), 百 with no digit (百十一).

The reading, from the highest unit down: a numeral is `left 亿 right` or `left 万 right`, split at the
last 亿 (else 万); `left` is any numeral without that unit (so 六万亿 = 6e12 and 3千万亿 = 3e15), `right`
is below the unit. A lone digit after a unit is the next place down, as people say it: 四万五 = 45000,
三百六 = 360, 一亿二 = 1.2e8, 1万8 = 18000; 零 marks a gap: 三万零十 = 30010, 一千零十五 = 1015.
Arabic digits may stand for every place below the last one written (1百01 = 101, 四千230 = 4230,
100万三千 = 1003000) and after a Chinese 点 (一百点123). A decimal before 万/亿 takes nothing below it
(10.1万零100 is not read).
"""

from __future__ import annotations

import math
import re

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
          "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
SMALL = {"十": 10, "百": 100, "千": 1000, "拾": 10, "佰": 100, "仟": 1000}
BIG = (("亿", 10**8), ("万", 10**4))
_BIG = dict(BIG)
ZERO = "零〇"
# Every character a Chinese numeral is written with (Simplified: the search view folds Traditional).
CHARS = "".join(DIGITS) + "".join(SMALL) + "万亿廿卅"
_ARABIC = re.compile(r"([0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)([十百千拾佰仟]?)")
_PLAIN = re.compile(r"[0-9]{1,300}(?:\.[0-9]+)?")
_TAIL = re.compile(r"(.*[十百千拾佰仟])([0-9]+)")
_DIGIT_RUN = re.compile(r"[0-9][0-9.,]|[^0-9十百千]")
_TO_CHINESE = str.maketrans("0123456789", "零一二三四五六七八九")
_MULTIPLIER = re.compile(r"[十百千]?万?亿?")
# 七八亿, 三五千, 十五六: two numerals side by side that give an estimate (d and d+1, or 三五).
_PAIRS = {(a, b) for a in range(1, 9) for b in [a + 1]} | {(3, 5)}
_PLAN_NAME = re.compile(r"十[一二三四五]五")  # 十四五 is a five-year plan, not 14 to 15


def parse_numeral(s: str) -> float | None:
    """四万五 -> 45000, 七点五万 -> 75000, 12万3千 -> 123000, 二点六万亿 -> 2.6e12; None if not a numeral."""
    if _PLAIN.fullmatch(s):
        return float(s)  # the common case: 1331.2
    s = s.replace("廿", "二十").replace("卅", "三十")
    try:
        if "点" in s:
            whole, _, frac = s.partition("点")
            digits = frac.rstrip("万亿")
            scale = multiplier(frac[len(digits):]) if len(digits) < len(frac) else 1
            if not digits or scale is None or not whole:
                return None
            if not digits.isdigit():  # 一百点123: Arabic digits after a Chinese 点 (cn2an's smart mode)
                if any(c not in DIGITS for c in digits):
                    return None
                digits = "".join(str(DIGITS[c]) for c in digits)
            w = _value(whole)
            if w is None or isinstance(w, float) and not w.is_integer():
                return None
            v = (w + float("0." + digits)) * scale
        else:
            v = _value(s)
        v = None if v is None else float(v)
    except (OverflowError, ValueError):  # 309 digits; int() refuses over 4300
        return None
    return v if v is not None and math.isfinite(v) else None


def multiplier(s: str) -> float | None:
    """千万 -> 1e7, 万亿 -> 1e12; None for 万万, 亿万 (not one multiplier) and ''."""
    if not s or not _MULTIPLIER.fullmatch(s):
        return None
    v = 1
    for c in s:
        v *= SMALL.get(c) or _BIG[c]
    return float(v)


def parse_estimate(s: str) -> tuple[float, float] | None:
    """七八亿 -> (7e8, 8e8), 十五六 -> (15, 16), 二三十 -> (20, 30): the numeral with each of the pair."""
    if _PLAN_NAME.fullmatch(s) or "点" in s:
        return None  # 十四五; 一二点三 is no estimate with decimals
    pairs = [i for i in range(len(s) - 1)
             if s[i] in DIGITS and s[i + 1] in DIGITS and (DIGITS[s[i]], DIGITS[s[i + 1]]) in _PAIRS]
    if len(pairs) != 1:
        return None
    i = pairs[0]
    low, high = parse_numeral(s[:i + 1] + s[i + 2:]), parse_numeral(s[:i] + s[i + 1:])
    return None if low is None or high is None or low >= high else (low, high)


def _value(s: str) -> int | float | None:
    for unit, mag in BIG:
        i = s.rfind(unit)
        if i < 0:
            continue
        left, right = s[:i], s[i + 1:]
        if not left or unit in left:
            return None  # 万 alone, 10万万, 一亿亿
        lv = _value(left)
        rv = _below(right, mag, isinstance(lv, int) and lv % 10 == 0)
        if lv is None or rv is None or rv and isinstance(lv, float) and not lv.is_integer():
            return None  # 10.1万零100: a decimal's places below the unit are not written
        return lv * mag + rv
    return _section(s)


def _below(s: str, mag: int, round_left: bool = False) -> int | None:
    """The part after 万 or 亿: below it, integer. `round_left`: the unit's own place is empty (十万)."""
    if not s:
        return 0
    if s[0] in ZERO:  # 三万零十, 一亿零四万; 十万零三千 (the 万 place is the gap)
        rest = s[1:]
        if rest[:1] in ("百", "千", "佰", "仟"):
            rest = "一" + rest  # 一万零百一十一 = 10111: the 一 of 一百 left out after 零 (cn2an)
        v = _value(rest) if rest else None
        return v if isinstance(v, int) and 0 < v < (mag if round_left else mag // 10) else None
    if len(s) == 1 and (s in DIGITS or s.isdigit()):  # 四万五 = 45000, 1万8 = 18000
        return (DIGITS[s] if s in DIGITS else int(s)) * mag // 10
    v = _value(s)
    return v if isinstance(v, int) and 0 < v < mag else None


def _section(s: str) -> int | float | None:
    """A numeral below 万: 1331.2, 3千, 一千零十五, 三百六 (= 360), 十五."""
    if not s:
        return None
    t = _TAIL.fullmatch(s) if s[-1].isdigit() else None
    if t is not None and len(t[2]) == len(str(SMALL[t[1][-1]])) - 1:
        # 1百01, 四千230: every place below the last one written in Arabic digits (3千5 stays 3500)
        head = _section(t[1])
        return head + int(t[2]) if isinstance(head, int) else None
    if s[0].isdigit():
        m = _ARABIC.fullmatch(s)
        if m is None:  # 5千3百, 3千5: single digits between places read as Chinese ones
            return None if _DIGIT_RUN.search(s) else _section(s.translate(_TO_CHINESE))
        n = float(m.group(1).replace(",", "")) if "." in m.group(1) else int(m.group(1).replace(",", ""))
        return n * SMALL[m.group(2)] if m.group(2) else n
    if s in ZERO:
        return 0
    if len(s) > 1 and s[0] not in ZERO and any(c in ZERO for c in s) and all(c in DIGITS for c in s):
        return int("".join(str(DIGITS[c]) for c in s))  # 一〇五 = 105: digit by digit (a year has its 年)
    value, last, pending, zero = 0, 10_000, None, False
    for i, c in enumerate(s):
        if c in ZERO:
            if i == 0 or pending is not None or zero:
                return None  # 二〇二五, 零零: a year or a code, not a value
            zero = True
        elif c in DIGITS:
            if pending is not None:
                return None  # 十四五, 一二: two numerals side by side
            pending = DIGITS[c]
        elif c in SMALL:
            mag = SMALL[c]
            if mag >= last:
                return None  # 十一十二, 三十十
            if pending is None:
                if mag != 10 or not (i == 0 or zero or last == 100):
                    return None  # 百十一, 千五: no digit before 百/千
                pending = 1  # 十五, 一千零十五, 一百十五
            value += pending * mag
            last, pending, zero = mag, None, False
        else:
            return None
    if pending is not None:
        # 一百零五, 二十五: units; 三百六, 两千三: the place after the last one (colloquial)
        value += pending if zero or last <= 10 or last == 10_000 else pending * last // 10
    elif zero:
        return None  # 一百零
    return value


def share(numerator: str, denominator: str) -> float | None:
    """三分之一 -> 33.33… (a percentage): a share of a whole in fewer than 100 parts, less than the whole.
    五百万分之一 (a rate per million) is not read."""
    n, d = parse_numeral(numerator), parse_numeral(denominator)
    if n is None or d is None or not (d.is_integer() and 2 <= d < 100 and 0 < n < d):
        return None
    return n / d * 100
