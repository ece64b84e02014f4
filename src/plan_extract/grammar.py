"""The number grammar: one regex pass over the search view finds every quantity candidate.

A candidate is a number (Arabic, Chinese numeral or mixed: 2.5万, 七点五万, 二点六万亿) with its
multiplier, unit and comparators, normalised to a value. Things that look like numbers but are not
values (dates, years, phone numbers, 5G, IPv6, ordinals) are consumed by a `skip` branch of the same
regex, so the pass never yields them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import re

from .lexicon import alternation, lexicon

CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10**4, "亿": 10**8}


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int  # the number, multiplier and unit: text[start:end] is the record's `raw`
    end: int
    outer_start: int  # with the comparator words around it (超过 ... 以上)
    outer_end: int
    value: float
    unit: str
    comparator: str
    value_max: float | None = None
    approximate: bool = False  # 数十, 上千: an order of magnitude, not a count


def parse_chinese(s: str) -> float | None:
    """七点五万 -> 75000, 一千九百七十六 -> 1976, 两千亿 -> 2e11; None when not a well-formed numeral."""
    scale = 1
    while s and s[-1] in CN_BIG and "点" in s:  # trailing 万/亿 after a decimal: 二点六万亿
        scale *= CN_BIG[s[-1]]
        s = s[:-1]
    if "点" in s:
        whole, _, frac = s.partition("点")
        if not frac or any(c not in CN_DIGIT for c in frac):
            return None
        w = _chinese_integer(whole)
        if w is None:
            return None
        return (w + float("0." + "".join(str(CN_DIGIT[c]) for c in frac))) * scale
    value = _chinese_integer(s)
    return None if value is None else value * scale


def _chinese_integer(s: str) -> int | None:
    if not s or not any(c in CN_DIGIT or c == "十" for c in s):
        return None
    total = section = 0
    number: int | None = None
    prev = ""
    for i, c in enumerate(s):
        if c in CN_DIGIT:
            if prev in CN_DIGIT and prev not in "零〇":  # 十四五, 二〇二五: a name or a year, not a value
                return None
            number = CN_DIGIT[c]
        elif c in CN_SMALL:
            if number is None:
                if c != "十" or i != 0 and prev not in "零〇":
                    return None
                number = 1  # 十五 = 15
            section += number * CN_SMALL[c]
            number = None
        elif c in CN_BIG:
            if prev in CN_BIG:
                return None
            chunk = section + (number or 0)
            if c == "亿":
                total = (total + chunk) * CN_BIG[c]
            else:
                total += chunk * CN_BIG[c]
            section, number = 0, None
        else:
            return None
        prev = c
    return total + section + (number or 0)


def parse_arabic(s: str) -> float:
    return float(s.replace(",", "").replace(" ", ""))


@cache
def _compiled() -> Grammar:
    lx = lexicon()
    cmp_before = lx["comparators"]["before"]
    cmp_inside = lx["comparators"]["inside"]
    cmp_after = lx["comparators"]["after"]
    refs = lx["comparators"]["relative_references"]
    units = lx["units"]
    letter_units = set(units["letter_units"])
    all_units = [u for key, group in units.items() if key != "letter_units" for u in group]
    mults = lx["numbers"]["multipliers"]
    money_mults = lx["numbers"]["money_multipliers"]
    money = units["money"]
    vague = lx["numbers"]["vague_prefixes"]

    arabic = r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?"
    chinese = r"[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+[万亿]*)?"
    # 千 is a multiplier only when it does not start a unit (千瓦, 千米); 百 likewise (百分点).
    unit_alt = alternation(all_units)
    mult_alt = alternation(mults)
    money_alt = alternation(money)
    letter_alt = alternation(letter_units)
    relative = r"(?:高于|低于|超过|超出|领先|快于|慢于)(?:" + alternation(refs) + ")"
    core = rf"""
    (?P<skip>
        [0-9]{{4}}\s*[-/.年]\s*[0-9]{{1,2}}\s*[-/.月]\s*[0-9]{{1,2}}\s*[日号]?   # 2021-11-02, 2022年3月4日
      | [0-9]{{4}}\s*(?:[-—–~～至到]\s*[0-9]{{4}}\s*)?年(?:度|代)?              # 2025年, 2023-2025年
      | [0-9]{{1,2}}\s*(?:月份?|日|号)                                       # 3月, 30日
      | [0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?                               # 11:22:56
      | 0[0-9]{{2,3}}-[0-9]{{7,8}} | 1[3-9][0-9]{{9}}                          # phone numbers
      | [0-9]+(?:\.[0-9]+)?(?!(?:{letter_alt})(?![A-Za-z0-9\-+]))[A-Za-z][A-Za-z0-9\-+]*  # 5G, 10G-PON
    )
  | (?:
        百分之(?P<pct>{arabic}|{chinese}|百)
      | (?P<cheng>[一二三四五六七八九]|[0-9]+)成(?![为功立本员果效熟都绩交型就长])
      | (?P<vague>{alternation(vague)})(?P<vmult>十|百|千|万|十万|百万|千万|亿)
      | (?P<num>{arabic}|{chinese})
        (?:(?P<runit>%)?\s*(?:至|到|~|～|-|—|－)\s*(?P<num2>{arabic}|{chinese}))?
    )
    (?P<inside1>{alternation(cmp_inside)})?
    \s?(?:(?P<mmult>{alternation(money_mults)})(?=\s?(?:{money_alt}))|(?P<mult>{mult_alt})(?![瓦米克分]))?
    (?P<inside2>{alternation(cmp_inside)})?
    \s?(?P<unit>{unit_alt})?
    (?P<after>{alternation(cmp_after)})?
    """
    # The comparator before a number, matched backwards from it (the pattern ends where the number starts).
    prefix = rf"(?:(?P<rel>{relative})|(?P<before>{alternation(cmp_before)}))\s*$"
    # Where a quantity can start: a cheap pass that the full grammar then only tries at these places.
    # (a Chinese numeral starts with a digit or 十; a lone 一 is an article, 万/千 alone are words)
    # Every alternative starts with a character or a class, so that the regex engine can skip ahead
    # to them; what comes before a trigger (第, a name's letters) is checked by scan().
    trigger = (r"百分之|[0-9]+|[零〇二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*"
               r"|一[零〇一二两三四五六七八九十百千万亿点]+|[一二三四五六七八九]成"
               rf"|(?:{alternation(vague)})(?=[十百千万亿])"
               r"|[超近逾](?=[百千万])")  # 超千家, 近万人: a round number after a comparator
    return Grammar(
        re.compile(trigger),  # stdlib re: several times faster than regex on these patterns
        re.compile(core, re.VERBOSE),
        re.compile(prefix),
        {**cmp_before, **cmp_inside, **cmp_after},
        mults,
        money_mults,
        letter_units,
    )


class Grammar(NamedTuple):
    trigger: re.Pattern
    core: re.Pattern
    prefix: re.Pattern
    cmp_map: dict[str, str]
    mults: dict[str, float]
    money_mults: dict[str, float]
    letter_units: set[str]


_ROUND = re.compile(r"[百千万亿]+")
# A number right after these is an ordinal (第123场) or part of a name (IPv6, rmzk001, the 0 of 2.0).
_NOT_AFTER = frozenset("第.0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _number(s: str) -> float | None:
    if s[0].isdigit():
        return parse_arabic(s)
    return parse_chinese(s)


def scan(view: str, pos: int = 0, endpos: int | None = None):
    """Yields every Quantity in view[pos:endpos]."""
    g = _compiled()
    end = len(view) if endpos is None else endpos
    done = pos  # the grammar has consumed the text up to here
    for t in g.trigger.finditer(view, pos, end):
        p = t.start()
        if view[p] in "超近逾":  # the round number after the comparator
            p += 1
        if p < done or p > pos and view[p - 1] in _NOT_AFTER:
            continue
        m = g.core.match(view, p, end)
        if m is None:
            continue
        done = m.end()
        if m.group("skip") is not None:
            continue  # dates, years, phone numbers, 5G
        if m.group("unit") is m.group("mult") is m.group("mmult") is m.group("pct") is m.group("cheng") is None:
            continue  # a bare number (2522, list numbers) is not an indicator value
        q = _quantity(m, g.prefix.search(view, max(pos, p - 16), p), view, g)
        if q is not None:
            yield q


def _quantity(m, pm, view, gr: Grammar) -> Quantity | None:
    """The quantity of a core match `m` and the comparator match `pm` before it (or None)."""
    cmp_map, mults, money_mults, letter_units = gr.cmp_map, gr.mults, gr.money_mults, gr.letter_units
    g = m.group
    unit = g("unit") or ""
    value_max = None
    approximate = False
    if g("pct") is not None:
        value = 100.0 if g("pct") == "百" else _number(g("pct"))
        unit, start = "%", m.start("pct") - 3
    elif g("cheng") is not None:
        n = _number(g("cheng"))
        value = None if n is None else n * 10
        unit, start = "%", m.start("cheng")
    elif g("vague") is not None:
        if not unit:
            return None
        value = mults.get(g("vmult")) or parse_chinese(g("vmult"))
        approximate, start = True, m.start("vague")
    else:
        value = _number(g("num"))
        if value is None and pm is not None and _ROUND.fullmatch(g("num")):
            value = parse_chinese("一" + g("num"))  # 超千家 = more than 1000, 超百亿元
        start = m.start("num")
        if g("num2") is not None:
            value_max = _number(g("num2"))
            if value_max is None or (g("runit") and unit not in ("", "%")):
                return None
            if g("runit"):
                unit = "%"
    if value is None:
        return None
    raw_num = g("num") or ""
    scale = 1.0
    if g("mult"):
        if raw_num and not raw_num[0].isdigit():
            return None  # 三千万 is parsed inside the numeral; a second multiplier is not a number
        scale = mults[g("mult")]
    elif g("mmult"):
        scale = money_mults[g("mmult")]
    if raw_num == "一":
        return None  # 一个, 一批: an article, not a count
    if unit in letter_units:
        nxt = view[m.end("unit"): m.end("unit") + 1]
        if nxt and (nxt.isascii() and nxt.isalnum() or nxt in "-+"):
            return None
    comparator = "="
    if pm is not None and pm.group("rel"):
        comparator = ">" if pm.group("rel").startswith(("高于", "超过", "超出", "领先", "快于")) else "<"
    elif pm is not None:
        comparator = cmp_map[pm.group("before")]
    for name in ("inside1", "inside2", "after"):
        if g(name):
            comparator = cmp_map[g(name)]
    if approximate and comparator == "=":
        comparator = ">"
    if value_max is not None:
        comparator = ">="
        value_max = _round(value_max * scale)
    end = m.start("after") if g("after") else m.end()
    while view[end - 1].isspace():  # the optional spaces before a unit that was not there
        end -= 1
    outer_start = pm.start() if pm is not None else start
    outer_end = m.end("after") if g("after") else end
    unit = UNIT_NAMES.get(unit, unit)
    return Quantity(start, end, outer_start, outer_end, _round(value * scale), unit, comparator, value_max, approximate)


UNIT_NAMES = {"个百分点": "百分点", "个工作日": "工作日"}


def _round(v: float) -> float:
    return float(f"{v:.12g}")  # 4.44 * 1e8 is 444000000.00000006 in binary floating point
