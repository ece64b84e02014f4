"""The number grammar: one regex pass over the search view finds every quantity candidate.

A candidate is a number (Arabic, Chinese numeral or mixed: 2.5万, 七点五万, 12万3千) with its
multiplier, unit and comparators, normalised to a value (numerals.py reads the numerals). Things that
look like numbers but are not values (dates, years, phone numbers, 5G, IPv6, ordinals) are consumed by
a `skip` branch of the same regex, so the pass never yields them.

Ranges (三到五万, 30%-40%) have value <= value_max; a reversed one (253至0个) is not read, since
either end may be the typo. Estimates (七八亿, 三十几万) are ranges with comparator `~`. A value that
is not a finite number is never yielded.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import re

from .lexicon import alternation, lexicon
from .numerals import CHARS, DIGITS, multiplier, parse_estimate, parse_numeral, share


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
    return parse_numeral(s) if s and not s[0].isdigit() else None


@cache
def _compiled() -> Grammar:
    lx = lexicon()
    cmp_before = lx["comparators"]["before"]
    cmp_inside = lx["comparators"]["inside"]
    cmp_unit_inside = lx["comparators"]["inside_before_unit"]
    cmp_after = lx["comparators"]["after"]
    refs = lx["comparators"]["relative_references"]
    relative_verbs = lx["comparators"]["relative_verbs"]
    units = lx["units"]
    letter_units = set(units["letter_units"])
    all_units = [u for key, group in units.items() if key not in ("letter_units", "unit_not_before") for u in group]
    numbers = lx["numbers"]
    mult_chars = "".join(numbers["multipliers"])
    money_mults = numbers["money_multipliers"]
    money = units["money"]
    vague = numbers["vague_prefixes"]
    dash = alternation(numbers["range_dashes"])
    minus2 = alternation(numbers["minus_signs"] + ["负"])  # the upper end's own sign: -3%至-1%

    letter_alt = alternation(letter_units)
    # 1 200項, 2 870 000名, 1 300 PFLOPS: Hong Kong's space between thousands, read only where a multiplier,
    # a unit or a Chinese word follows, at once or after one space (3 000 家, 7 860 家 in text from a PDF); not
    # before another space or a number (215 420 预期性 are two table cells)
    arabic = (rf"(?:[0-9]{{1,3}}(?:\x20[0-9]{{3}})+(?![0-9])(?=\x20?(?:[\u3400-\u9fff%]|(?:{letter_alt})(?![A-Za-z])))"
              r"|[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)")
    digits = "".join(DIGITS)
    # 千 and 百 end a number only when they do not start a unit (千瓦, 千米, 百分点).
    not_unit = r"(?!(?<=[千百])[瓦米克分])"
    chinese = rf"[{CHARS}]+(?:点(?:[{digits}]+|[0-9]+)[万亿]*)?{not_unit}"  # 一百点123: cn2an's smart form
    # 12万3千, 4万2000, 1亿2000万: one value, not two (the digits after 万 must not start a name: 5G).
    # 12万 3千, 1亿 2000万: a space inside only before digits with a lower multiplier of their own
    # (3万 5万 are two cells of a table).
    spaced = (r"(?:(?<=千)\x20(?=[0-9]+百(?![千万亿]))|(?<=万)\x20(?=[0-9]+[千百](?![万亿]))"
              r"|(?<=亿)\x20(?=[0-9]+[千百]?[千百万](?!亿)))")
    # 100万三千, 200亿零四千230: Chinese places after an Arabic number's multiplier (a digit and its place,
    # so 3万一个 stays 3万).
    cn_tail = rf"[零〇]?[{digits.replace('零', '').replace('〇', '')}][十百千拾佰仟][{CHARS}]*[0-9]*{not_unit}"
    # 1萬2,486家 (Taiwan): the digits after 万 may group their thousands too
    # 6兆1,450億元 (Taiwan): 兆 is 万亿 before the 亿 that ends the number
    number = (rf"{arabic}(?:(?:[{mult_chars}]|兆(?=[0-9,]+亿))+(?:{spaced}?[零〇]?(?:[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]+)(?![0-9.,A-Za-z])"
              rf"|{cn_tail}))*|{chinese}")
    mult = rf"[{mult_chars}]+{not_unit}"
    unit_alt = alternation(all_units)
    money_alt = alternation(money)
    relative = "(?:" + alternation(relative_verbs) + ")(?:" + alternation(refs) + ")"
    core = rf"""
    (?P<skip>
        [0-9]{{4}}\s*[-/.年]\s*[0-9]{{1,2}}\s*[-/.月]\s*[0-9]{{1,2}}\s*[日号]?   # 2021-11-02, 2022年3月4日
      | [0-9]{{4}}\s*(?:[-—–~～至到]\s*[0-9]{{4}}\s*)?年(?:度|代)?              # 2025年, 2023-2025年
      | [0-9]{{1,2}}\s*(?:月份?|日|号)                                       # 3月, 30日
      | [0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?                               # 11:22:56
      | [0-9]{{1,2}}\s*[时点]\s*[0-9]{{1,2}}\s*分                                # 10点30分: a time of day
      | 0[0-9]{{2,3}}-[0-9]{{7,8}}(?![0-9]) | 1[3-9][0-9]{{9}}(?![0-9])                     # phone numbers
      | [0-9]+(?:\.[0-9]+)?(?!(?:{letter_alt})(?![A-Za-z0-9\-+]))[A-Za-z][A-Za-z0-9\-+]*  # 5G, 10G-PON
      | 0[0-9]+(?![0-9.])                                                     # 012: a code
      | [0-9]{{12,}}[A-Za-z][0-9A-Za-z]*                                      # 11220000013544357T: a code
    )
  | (?:
        百分(?:之\s?(?P<pneg>负)?|(?=百))(?P<pct>{arabic}|{chinese})(?:[ \t]*(?:{dash})[ \t]*(?:百分之)?(?P<pct2>{arabic}|{chinese}))?
      | 千分之\s?(?P<pmil>{arabic}|{chinese})
      | (?P<vague>{alternation(vague)})(?:(?P<vmult>[十百千]?万?亿?)(?<![数几上])|(?=个[万亿]))  # 几个亿
      | (?P<jpre>[{CHARS}]*[十百千万亿])几(?P<jsuf>[十百千万亿]*)             # 三十几万, 十几亿
      | (?:(?<=翻)|(?<=翻了))(?P<fan>[一二两三四五])番                                     # 翻一番 = 2倍, 翻两番 = 4倍
      | (?P<ratio>{arabic})[ \t]*[:：][ \t]*1(?![0-9.:：])                          # 车桩比2.4:1: 2.4 to one
      | (?P<num>{number}|半(?=成))                                             # 半成 = 5%
        (?:分之(?P<fnum>{chinese}|[0-9]+(?![0-9.]))                             # 三分之一, 4分之3: a share
         | 又(?P<mden>{chinese}|[0-9]+)分之(?P<mnum>{chinese}|[0-9]+(?![0-9.]))     # 一又二分之一倍 = 1.5倍
         | (?P<mult1>{mult})?
        (?:(?P<runit>%)?[ \t]*(?:{dash})[ \t]*(?P<neg2>{minus2})?(?P<num2>{number}))?
        (?P<cheng>成(?P<chengtail>[{digits}半](?![{CHARS}成]))?(?![为功立本员果效熟都绩交型就长不群品]))?)  # 两成, 九成五 = 95%
    )
    (?P<inside1>{alternation(cmp_inside)}|(?:{alternation(cmp_unit_inside)})(?=\s?(?:[万亿]|{unit_alt})))?
    \s?(?:(?P<mmult>{alternation(money_mults)})(?=\s?(?:{money_alt}))|(?P<ge>个(?=[万亿]))?(?P<mult>{mult}))?
    (?P<inside2>{alternation(cmp_inside)})?
    (?P<half>个半(?=\s?(?:{unit_alt})))?                                    # 两个半小时 = 2.5小时
    \s?(?P<unit>{unit_alt})?
    (?P<after>{alternation(cmp_after)})?
    """
    # The comparator before a number, matched backwards from it (the pattern ends where the number starts).
    prefix = rf"(?:(?P<rel>{relative})|(?P<before>{alternation(cmp_before)}))\s*$"
    # Where a quantity can start: a cheap pass that the full grammar then only tries at these places.
    # (a Chinese numeral starts with a digit or 十; a lone 一 is an article, 万/千 alone are words)
    # The pattern starts with one character class: then the regex engine skips ahead to the next
    # character of it in C (an alternation of classes would be tried at every position, 3x slower);
    # the branches after it look back at that character. What comes before a trigger (第, a name's
    # letters) is checked by scan().
    other_digits = digits.replace("一", "")
    vague_first = "".join(sorted({w[0] for w in vague}))
    assert all(len(w) == 1 for w in vague), "vague_prefixes: one character each (the trigger looks back at one)"
    trigger = (rf"[0-9{other_digits}十拾廿卅一百千万负超近逾半{vague_first}]"
               rf"(?:(?<=[0-9])(?![0-9]{{3}}年)[0-9]*|"  # 2025年 is a year: no candidate (2023-2025年: the skip branch)
               rf"(?<=[百千])分[之百]|(?<=半)(?=成)|(?<=[{other_digits}十拾廿卅])[{CHARS}]*"
               rf"|(?<=一)(?:[{CHARS}点]+|(?=成|倍|番|又|个半|个[万亿]|个百分点|\s*(?:{dash})\s*[{CHARS}0-9]))"
               rf"|(?<=负)一|(?<=[{vague_first}])(?=[十百千万亿]|个[万亿])"
               rf"|(?<=[超近逾])(?=[百千万])"  # 超千家, 近万人: a round number
               rf"|(?<=[百千万])(?=[余多]|[{other_digits}][^{CHARS}点]))")  # 千余家, 约千五家
    negative = alternation(numbers["negative_before"])
    core_re = re.compile(core, re.VERBOSE)
    assert core_re.groupindex["skip"] == 1  # scan() tests it by number
    return Grammar(
        re.compile(trigger),  # stdlib re: several times faster than regex on these patterns
        core_re,
        re.compile(prefix),
        {**cmp_before, **cmp_inside, **cmp_unit_inside, **cmp_after},
        money_mults,
        letter_units,
        frozenset(numbers["minus_signs"]),
        re.compile(rf"(?:{negative})\s*$"),
        frozenset(w[-1] for w in numbers["negative_before"]) | {" "},
        {u: tuple(words) for u, words in units["unit_not_before"].items()},
        frozenset(w[-1] for w in [*cmp_before, *(a + r for a in relative_verbs for r in refs)]),
        {k: v for k, v in lx["comparators"]["after_times"].items()},
        tuple(core_re.groupindex[name] for name in _GROUPS),  # by number: faster than by name
        relative_verbs,
        re.compile(alternation(cmp_after)),
        re.compile(alternation([u for u in money if u not in ("元", "圆", "人民币")])),
    )


class Grammar(NamedTuple):
    trigger: re.Pattern
    core: re.Pattern
    prefix: re.Pattern
    cmp_map: dict[str, str]
    money_mults: dict[str, float]
    letter_units: set[str]
    minus: frozenset[str]
    negative: re.Pattern
    negative_ends: frozenset[str]  # the last characters of the negative words: a cheap test first
    unit_not_before: dict[str, tuple[str, ...]]
    prefix_ends: frozenset[str]  # the last characters of the prefix's words: a cheap test first
    after_times: dict[str, str]  # 2.5倍多: after 倍 only (3个多功能厅 is no comparator)
    group_numbers: tuple[int, ...]  # _GROUPS
    relative_verbs: dict[str, str]  # 高于 -> >
    after: re.Pattern  # the comparator words after a quantity
    currency: re.Pattern  # a currency other than 元 (元 and 人民币 are one)


_DIMES = tuple("0123456789零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖")
_JIAO_FEN = re.compile(r"(?:([0-9零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖])角"
                       r"|零(?=[0-9一二两三四五六七八九壹贰叁肆伍陆柒捌玖]分))(?:([0-9零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖])分)?")
_ROUND = re.compile(r"[百千万亿]+|[百千万][一二两三四五六七八九]")  # 超千家; 近千五家 = about 1500
# A number right after these is an ordinal (第123场), part of a name (IPv6, rmzk001, the 0 of 2.0), or
# the tail of a numeral that did not read (百十一, 点零).
_NOT_AFTER = frozenset("第.0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_NOT_AFTER_CHINESE = frozenset("十百千万亿点番幺")  # before a Chinese numeral only: 站点3000个 is a count; 三番五次; 幺八九 is a code
# What a minus sign must not follow to be a sign: then it is a dash or a hyphen (3-5, A-3, 30%-40%).
_NOT_BEFORE_SIGN = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ%‰)）]】") | set(CHARS)


def scan(view: str, pos: int = 0, endpos: int | None = None):
    """Yields every Quantity in view[pos:endpos]."""
    g = _compiled()
    end = len(view) if endpos is None else endpos
    done = pos  # the grammar has consumed the text up to here
    for t in g.trigger.finditer(view, pos, end):
        p = t.start()
        if view[p] in "超近逾负":  # the round number after the comparator; 负一
            p += 1
        if p < done or p > pos and (view[p - 1] in _NOT_AFTER or
                                     view[p - 1] in _NOT_AFTER_CHINESE and not view[p].isdigit()):
            continue
        m = g.core.match(view, p, end)
        if m is None:
            continue
        done = m.end()
        if m.group(1) is not None:
            continue  # the skip group: dates, years, phone numbers, 5G (a third of the candidates)
        groups = m.group(*g.group_numbers)  # one call: this runs for every candidate
        if not _measured(groups):
            continue  # a bare number
        q = _quantity(m, groups, _prefix(view, max(pos, p - 16), p, g), view, g, pos)
        if q is not None:
            done = max(done, q.end)  # (12元3角4分: the 角 and 分 are the amount's)
            yield q


def _prefix(view: str, lo: int, p: int, g: Grammar):
    """The comparator words that end right before the number (spaces between), if any: most
    numbers follow a character that ends no comparator, and then the search is not run."""
    k = p
    while k > lo and view[k - 1].isspace():
        k -= 1
    if k == lo or view[k - 1] not in g.prefix_ends:
        return None
    m = g.prefix.search(view, lo, p)
    if m is not None and m.group("before") == "约" and in_word_about(view, m.start()):
        return None  # 签约58个, 节约3万吨: a word's 约, not about
    return m


def in_word_about(text: str, at: int) -> bool:
    """Is the 约 at `at` part of a word (签约, 节约), not "about"?"""
    return at > 0 and text[at - 1] in lexicon()["comparators"]["about_in_words"]


def _measured(groups) -> bool:
    """A bare number (2522, list numbers) is not an indicator value: it needs a unit or a multiplier."""
    (unit, mult, ge, pct, pct2, pmil, cheng, chengtail, vague, vmult, jpre, jsuf, num, mult1, runit, num2,
     mmult, inside1, inside2, after, fnum, fan, half, pneg, mden, mnum, ratio) = groups
    if unit or mult or mult1 or mmult or pct or pmil or cheng or fnum or fan or ratio:
        return True
    text = (num or "") + (num2 or "") + (jpre or "") + (jsuf or "")
    return "万" in text or "亿" in text


def _shared(e1: str, e2: str, v2: float) -> float | None:
    """三到五万: the multiplier written once at the end belongs to both ends, when that reads as a range
    (一百五十到二百万 = 1.5e6-2e6); 6000到2万 stays 6000-2e4."""
    tail = len(e2.rstrip("万亿"))
    m = e2[tail:]
    if not m and len(e2) == 2 and e2[1] in "百千" and (e2[0].isdigit() or e2[0] in DIGITS):
        m = e2[1]  # 三到五千
    if not m or any(c in e1 for c in ("万亿" if m[0] in "万亿" else "十百千万亿")):
        return None
    v1 = parse_numeral(e1 + m)
    return v1 if v1 is not None and v1 <= v2 else None


_GROUPS = ("unit", "mult", "ge", "pct", "pct2", "pmil", "cheng", "chengtail", "vague", "vmult", "jpre",
           "jsuf", "num", "mult1", "runit", "num2", "mmult", "inside1", "inside2", "after", "fnum", "fan", "half", "pneg",
           "mden", "mnum", "ratio")


def _quantity(m, groups, pm, view, gr: Grammar, pos: int) -> Quantity | None:
    """The quantity of a core match `m` and the comparator match `pm` before it (or None)."""
    (unit, tail, ge, pct, pct2, pmil, cheng, chengtail, vague, vmult, jpre, jsuf, num, mult1, runit, num2,
     mmult, inside1, inside2, after, fnum, fan, half, pneg, mden, mnum, ratio) = groups
    unit = unit or ""
    tail = tail or ""
    value_max = None
    approximate = estimate = False
    if ge and not (num or jpre or vague):
        return None
    if half and (num is None or num2 is not None or tail or mult1 or not (num[0].isdigit() or num[-1] in DIGITS)):
        return None  # 两个半小时 after a plain count only
    if pct is not None:
        if tail:
            return None
        value = 100.0 if pct == "百" else parse_numeral(pct)
        if pneg and value is not None:
            if pct2 is not None:
                return None
            value = -value  # 百分之负六十五点二八
        if pct2 is not None:
            value_max = 100.0 if pct2 == "百" else parse_numeral(pct2)
            if value_max is None:
                return None
        unit, start = "%", m.start()
    elif pmil is not None:
        if tail:
            return None
        value, unit, start = parse_numeral(pmil), "‰", m.start()
    elif fnum is not None or fan is not None:
        if tail or unit or fan is not None and m.start() - pos < 1 + (view[m.start() - 1] == "了"):
            return None  # 三分之一万, 翻一番个: not a share; the 翻 outside the scanned span
        if fan is not None:
            start = m.start() - (2 if view[m.start() - 1] == "了" else 1)  # the raw starts at 翻
            value, unit = 2.0 ** DIGITS[fan], "倍"
        else:  # 4分之3 too; the Arabic 3/4 is not read (a date, a page)
            value, unit, start = share(fnum, num), "%", m.start()
    elif ratio is not None:
        if unit or tail or mmult or ge or half:
            return None  # 2:1个: not a ratio's figure
        value, start = parse_numeral(ratio.replace(" ", "")), m.start()
    elif mden is not None:
        fraction = share(mnum, mden)  # 又: a whole and a fraction of one (not a share: 一又二分之一倍 = 1.5倍)
        whole = parse_numeral(num)
        if not unit or tail or fraction is None or whole is None:
            return None
        value, start = whole + fraction / 100, m.start()
    elif vague is not None:
        if not unit:
            return None
        value = multiplier((vmult or "") + tail)
        approximate, start = True, m.start("vague")
    elif jpre is not None:
        pre, suf = jpre, jsuf + tail
        if not suf and pre[-1] != "十":
            return None  # 一百几: 101-109 or 110-190, not said
        value, value_max = parse_numeral(pre + "一" + suf), parse_numeral(pre + "九" + suf)
        estimate, start = True, m.start("jpre")
    elif cheng is not None:
        if mult1 or runit:
            return None
        # 六成人口: the 成 (with 多 or 以上 right after it) ends the quantity; what follows is no unit
        cheng_end = m.end("inside1") if inside1 and m.start("inside1") == m.end("cheng") else m.end("cheng")
        inside1 = inside1 if cheng_end > m.end("cheng") else None
        inside2 = tail = None
        after = after if after and m.start("after") == cheng_end else None
        value, value_max, estimate = _tenths(num, num2)
        if chengtail:
            if value_max is not None or value is None or value % 10 or value >= 100:
                return None
            value += 5 if chengtail == "半" else DIGITS[chengtail]  # 三成半 = 35%
        unit, start = "%", m.start("num")
    else:
        start = m.start("num")
        if " " in num:
            num = num.replace(" ", "")  # 12万 3千
        if "兆" in num:
            num = num.replace("兆", "万")  # 6兆1,450 (亿元) = 6万1,450亿
        e1 = num + (mult1 or "")
        if num2 is not None:
            if runit and unit not in ("", "%"):
                return None
            if runit:
                unit = "%"
            e2 = num2 + tail
            value_max = parse_numeral(e2)
            value = parse_numeral(e1)
            if value_max is not None:
                value = _shared(e1, e2, value_max) or value
                if m.group("neg2"):
                    value_max = -value_max
        else:
            if mult1 and tail:
                return None  # 3万 亿: two multipliers
            e1 += tail
            value = parse_numeral(e1)
            if value is None and not num[0].isdigit():
                pair = parse_estimate(e1)
                if pair is not None:
                    (value, value_max), estimate = pair, True
            if value is None and (inside1 or pm is not None and (pm.group("rel") or gr.cmp_map[pm.group("before")] != "=")) \
                    and _ROUND.fullmatch(num):
                value = parse_numeral("一" + num)  # 超千家 = more than 1000, 超百亿元; not 达到万三
            if num in ("一", "零", "〇") and not (ge or half) and view[start - 1:start] != "负" and unit not in ("个百分点", "倍"):
                return None  # 一个, 一批: an article, not a count; 零件, 零距离
    if value is None or value_max is None and estimate:
        return None
    if half:
        if not value.is_integer() or value_max is not None:
            return None  # 2.5个半: not a count and a half
        value += 0.5
    if mmult:
        scale = gr.money_mults[mmult]
        value, value_max = value * scale, None if value_max is None else value_max * scale
    if unit in gr.unit_not_before and view.startswith(gr.unit_not_before[unit], m.end("unit")):
        return None  # 两位数增长
    if unit == "分" and not view[start].isdigit():
        return None  # 十分明显: very, not a score
    if view.startswith("分之", m.end()):
        return None  # 五百万分之一: a fraction's denominator
    if unit in gr.letter_units:
        nxt = view[m.end("unit"): m.end("unit") + 1]
        if nxt and (nxt.isascii() and nxt.isalnum() or nxt in "-+"):
            return None
    comparator = "="
    if pm is not None and pm.group("rel"):
        rel = pm.group("rel")
        comparator = next(c for verb, c in gr.relative_verbs.items() if rel.startswith(verb))
    elif pm is not None:
        comparator = gr.cmp_map[pm.group("before")]
    for word in (inside1, inside2, after):
        if word:
            comparator = gr.cmp_map[word]
    times_after = unit == "倍" and not after and next((w for w in gr.after_times if view.startswith(w, m.end())), None)
    if approximate and comparator == "=":
        comparator = ">"
    outer_start = pm.start() if pm is not None else start
    # A sign: -3.8% (the minus is part of the raw span), 负3.8%, 负增长2.1%.
    # A sign written on the number is its own (-5%至5%); a word (负增长3%至5%) negates the whole range.
    if start > pos and view[start - 1] in gr.minus and (start - 1 == pos or view[start - 2] not in _NOT_BEFORE_SIGN):
        start = outer_start = min(outer_start, start - 1)
        value = -value
    elif outer_start > pos and view[outer_start - 1] in gr.negative_ends and \
            gr.negative.search(view, max(pos, outer_start - 8), outer_start):
        if view[outer_start - 1] == "负" and outer_start == start:
            start = outer_start = start - 1  # 负3.8%: the sign is the number's
            value = -value
        else:
            value, value_max = _negate(value, value_max)
    if value_max is not None:
        if value_max == value and estimate is False:
            value_max = None
        elif value_max < value:
            return None  # 253至0个, 40%-30%: reversed, so not a range we can read
        else:
            comparator = "~" if estimate else ">="
    if not math.isfinite(value) or value_max is not None and not math.isfinite(value_max):
        return None
    end = m.start("after") if after else cheng_end if cheng is not None else m.end()
    if unit in ("元", "圆") and value_max is None and end == m.end("unit") and view.startswith(_DIMES, end) \
            and value.is_integer():
        j = _JIAO_FEN.match(view, end)  # 3元5角 = 3.5元, 3元5角2分 = 3.52元
        if j is not None:
            value = math.copysign(abs(value) + _digit(j[1] or "0") / 10 + _digit(j[2] or "0") / 100, value)
            end = j.end()
    if unit == "元" and end == m.end("unit"):
        c = gr.currency.match(view, end)
        if c is not None:
            unit, end = c[0], c.end()  # 三万元欧元: the currency named after 元 is the unit
    while view[end - 1].isspace():  # the optional spaces before a unit that was not there
        end -= 1
    outer_end = m.end("after") if after else end
    if not after and view.startswith(("（含）", "(含)"), end):  # 50万元（含）以上: the bound included
        a = gr.after.match(view, end + 3)
        if a is not None:
            comparator, outer_end = gr.cmp_map[a[0]], a.end()
    if times_after:
        comparator, outer_end = gr.after_times[times_after], outer_end + len(times_after)
    if unit == "个" and (_POINTS_NEXT.match(view, end) or
                        _POINTS_LATER.match(view, end) and _CHANGED.search(view, max(0, start - 3), start)):
        unit = "百分点"  # 分别提高0.9个和1.6个百分点, 提高2个、…提高3.5个百分点: the later figure's unit
    unit = UNIT_NAMES.get(unit, unit)
    return Quantity(start, end, outer_start, outer_end, _round(value), unit, comparator,
                    None if value_max is None else _round(value_max), approximate)


def _digit(c: str) -> int:
    return int(c) if c.isdigit() else DIGITS[c]


def _negate(value, value_max):
    return (-value, None) if value_max is None else (-value_max, -value)


def _tenths(a: str, b: str | None):
    """两成 = 20%, 7.5成 = 75%, 三到四成 = 30%-40%, 三四成 = about 30%-40%; 十成 at most."""
    estimate = False
    if a == "半":
        return (5.0, None, False) if b is None else (None, None, False)  # 半成 = 5%
    if b is None:
        v, w = parse_numeral(a), None
        if v is None:
            pair = parse_estimate(a)
            if pair is None:
                return None, None, False
            (v, w), estimate = pair, True
    else:
        v, w = parse_numeral(a), parse_numeral(b)
    if v is None or v > 10 or w is not None and w > 10 or b is not None and w is None:
        return None, None, False
    return v * 10, None if w is None else w * 10, estimate


_POINTS_NEXT = re.compile(r"\s*(?:和|与|及|、|或)\s*[0-9.零一二两三四五六七八九十]+\s*个百分点")
_POINTS_LATER = re.compile(r"\s*[、，,；;][^0-9，。；;,、]{0,16}?[0-9.]+\s*个百分点")
_CHANGED = re.compile(r"(?:提高|提升|上升|下降|增长|加快|回落|降低|增加|减少|高出|高于|低于)\s*$")
# one name per unit, so rows group by it: a currency by its one name (港币 and 港元 are one money)
UNIT_NAMES = {"个百分点": "百分点", "个工作日": "工作日", "圆": "元", "港币": "港元", "澳门币": "澳门元", "新台币": "新台币元",
              "美金": "美元"}


def _round(v: float) -> float:
    """4.44 * 1e8 is 444000000.00000006 in binary floating point: 12 significant digits drop that
    noise (a few units in the last place), but never written digits (1234567890123元, 3.14159265358979)."""
    if v.is_integer() and -_EXACT < v < _EXACT:
        return v  # the common case; a product's error is a fraction of a unit here, so no noise is whole
    r = float(f"{v:.12g}")
    return r if abs(r - v) <= 4 * math.ulp(v) else v


_EXACT = float(2**50)
