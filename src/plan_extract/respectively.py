"""分别: `A、B分别达到68.4%和89.2%` gives A the first figure and B the second.

The items before 分别 are indicators (关键工序数控化率、数字化研发设计工具普及率) or places (溧阳市、金坛区
上半年分别新增数字化改造项目486个、352个: one region per figure, the words after 分别 name them). Items
share the last one's head noun (固定宽带和移动宽带普及率 -> 固定宽带普及率, 移动宽带普及率; 制造业、服务业增加值)
or what it measures after its 的 (A集群和B集群的算力规模). A clause whose 分别 has
no items of its own (…，同比分别增长19%和27%) takes those of the 分别 before it in the sentence. Items and
figures pair only when their counts agree; otherwise the rules' names stand."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .canon import split_place
from .context import _CLAUSE_BREAK, clean_indicator, clean_noun
from .grammar import scan
from .lexicon import alternation, lexicon
from .numerals import parse_numeral

_LAST_AND = re.compile(r"(?<=.)(?:以及|和|(?<!普)及|与)(?=(?:[^和及与]|普及)+$)")
_YEAR = re.compile(r"^((?:19|20)[0-9]{2})年(?:底|末)?")
_BEFORE_YEAR = re.compile(r"^(?:截至|[^、]{0,12}?[于在])(?=(?:19|20)[0-9]{2}年)")
_COUNTED = re.compile(r"等?[两三四五六七八九十]+(?:大|个|项)?(?:领域|行业|产业|板块|类|方面)")
# how a list of items fared, said before the clause that measures them
_TREND_TAIL = re.compile(r"(?:发展势头|发展态势|增长势头|势头|表现|发展)?(?:良好|较好|强劲|向好|亮眼|突出|迅猛|较快)$"
                         r"|(?:保持|实现|呈现)(?:较快|快速|稳定|平稳|两位数)?(?:增长|发展)(?:态势)?$")
_CHANGE = re.compile(r"(?:同比|环比|比上年|较上年|比去年|较去年)?(?:增长|提高|提升|下降|增加|减少|降低)$")
_MOVES = re.compile(r"增长|提高|提升|下降|增加|减少|降低|上升|回落|按年|同比|环比")
# unnamed members counted in the subject (三家基础电信企业, 两所高校): the words after 分别 name their figures
_MEMBERS = re.compile(r"(?<![第前])([两三四五六七八九])(?:家|所|个|座|间)(?:[\u4e00-\u9fff]{2,10})?$")
_COUNTY = re.compile(r"[\u4e00-\u9fff]{1,3}(?:县|区|旗)")
_PLACES_COUNTED = re.compile(r"(?<=.)等?[两三四五六七八九十]+个?(?:市州|区县|县市区|城市|市|县|区|地)(?=.)")


@dataclass
class Group:
    items: list[str]
    of: str  # what the items are: "indicators", "places" or "years"
    words: str  # between 分别 and the first figure: 达到, 新增数字化改造项目, 增长
    name: str = ""  # the indicator years or places share (2023年、2024年全市数字经济规模; 红花岗区、汇川区数字经济规模)
    counted: bool = False  # the items are kinds counted (三大产业) and what of them is measured may follow 分别
    tail: str = ""  # the noun after the last figure (分别处理7 811宗、10 767宗及12 536宗网络安全事故)


@cache
def _ranked() -> re.Pattern:
    """排名前三的市州依次为 before the places a ranking lists (the rule GEN-RANKED-PLACES's words)."""
    return re.compile(r".{1,20}?" + lexicon()["blocks"]["RANKED"] + r"的[^、，]{0,4}?(?:依次|分别)?(?:为|是)")


@cache
def _ranked_after() -> re.Pattern:
    """Where listed items rank, after them (温岭、玉环、路桥网络零售额位居前三; the rule's RANKED_AFTER)."""
    return re.compile(lexicon()["blocks"]["RANKED_AFTER"] + "$")


@cache
def _skip() -> re.Pattern:
    """The words at the end of a subject, before 分别, that are no item (上半年, 同比, 2024年)."""
    words = lexicon()["indicator"]["respectively_skip"] + lexicon()["indicator"]["level_references"]
    return re.compile(rf"(?:[0-9]{{4}}年|{alternation(words)})*$")


@cache
def _share_heads() -> tuple[str, ...]:
    return tuple(lexicon()["indicator"]["share_heads"])


@cache
def item_heads() -> tuple[str, ...]:
    return tuple(lexicon()["indicator"]["item_heads"])


Named = tuple[str | None, str | None, int | None]


def _marks(view: str, rows: list[tuple[int, tuple[int, int]]]) -> dict[int, list[int]]:
    """Each 分别's position -> the rows in its clause after it."""
    by_mark: dict[int, list[int]] = {}
    for i, (pos, sent) in enumerate(rows):
        p = view.rfind("分别", sent[0], pos)
        if p >= 0 and not _CLAUSE_BREAK.search(view, p, pos):
            by_mark.setdefault(p, []).append(i)
    return by_mark


def assign(view: str, rows: list[tuple[int, tuple[int, int]]]) -> dict[int, Named]:
    """For rows given as (quantity start, sentence span): row index -> (indicator, region, year)
    for the rows that a 分别 list names (None: leave that field as it is)."""
    by_mark = _marks(view, rows)
    out: dict[int, Named] = {}
    previous, previous_at = None, -1
    for p in sorted(by_mark):
        members = by_mark[p]
        if len(members) < 2:
            continue
        sent = rows[members[0]][1]
        start = max((m.end() for m in _CLAUSE_BREAK.finditer(view, sent[0], p)), default=sent[0])
        subject, words = view[start:p].strip(), view[p + 2:rows[members[0]][0]]
        group = _group(subject, len(members), words)
        if start > sent[0]:  # 2023年、2024年，全市数字经济规模分别为…: the years stand in the clause before
            before = max((m.end() for m in _CLAUSE_BREAK.finditer(view, sent[0], start - 1)), default=sent[0])
            years = _group(view[before:start - 1].strip() + subject, len(members), words)
            if years is not None and years.of == "years":
                group = years
            elif group is None and "、" not in subject and "分别" not in view[before:start]:
                # 电子信息、软件、人工智能三大产业发展势头较好，营业收入分别增长…: the items went before
                items = _TREND_TAIL.sub("", view[before:start - 1].strip())
                # 5G基站数排名前三的市州依次为成都、绵阳和南充，分别达到…: the places ranked
                # …or ranked after them (温岭、玉环、路桥网络零售额位居前三，分别为…)
                head = _ranked().match(items)
                tail = None if head else _ranked_after().search(items)
                items = items[head.end():] if head else items[:tail.start()] if tail else items
                earlier = _group(items, len(members), words) if "、" in items else None
                if tail and earlier is not None and earlier.of != "places":
                    earlier = _named_places(items, len(members), words)  # (places no list knows)
                if (head or tail) and earlier is not None and earlier.of == "places":
                    group = earlier
                elif earlier is not None and earlier.of == "indicators":
                    measure = clean_indicator(subject)
                    group = Group([item + measure for item in earlier.items], "indicators", words)
        if group is None and previous is not None and len(previous.items) == len(members) and sent[0] <= previous_at:
            if _skip().search(subject).start() == 0:
                link = previous.words.strip() in ("为", "是", "达", "达到")  # (分别为…，同比分别增长…)
                group = Group(previous.items, previous.of, ("" if link else previous.words) + subject + words, previous.name)
            elif previous.of == "indicators" and "、" not in subject and clean_indicator(subject):
                # …营收分别为A、B，年增率分别为C、D: the same items, measured otherwise
                group = Group([item + clean_indicator(subject) for item in previous.items], "indicators", words)
            elif previous.of == "years" and "、" not in subject and (name := clean_indicator(subject)):
                # 2022年、2023年及2024年，宗数分别为A、B及C，金额分别为D、E及F: the same years
                # (…基金分别批出A、B及C个项目，涉及资助额分别约…: the same subject's amount)
                if subject.startswith("涉及") and previous.name and previous.name not in name:
                    name = clean_indicator(previous.name) + name.removeprefix("涉及")
                group = Group(previous.items, "years", words, name)
        if group is None:
            continue
        group.tail = _tail(view, rows[members[-1]][0], sent[1])
        previous, previous_at = group, p
        for k, i in enumerate(members):
            out[i] = _name_and_place(group, k)
    return out


def after_levels(view: str, rows: list[tuple[int, tuple[int, int]]], named: dict) -> list[tuple[list[int], list[int]]]:
    """A 分别 with no items of its own after as many figures in its sentence (交易宗数约24.6亿宗，交易金额约
    1,072亿元，分别按年增加11.3%及7.8%): (its rows, the figures before them), paired in order. `named`: the
    rows assign() named, which stay as they are."""
    out = []
    for p, members in _marks(view, rows).items():
        n, first = len(members), members[0]
        if n < 2 or first < n or any(i in named for i in members):
            continue
        start = max((m.end() for m in _CLAUSE_BREAK.finditer(view, rows[first][1][0], p)), default=rows[first][1][0])
        if _skip().search(view, start, p).start() != start:
            continue  # items of its own, unpaired
        levels = list(range(first - n, first))
        if rows[levels[0]][1] == rows[first][1] and view.find("分别", rows[first][1][0], p) < 0 \
                and all(_CLAUSE_BREAK.search(view, rows[j][0], p) for j in levels):
            out.append((members, levels))
    return out


def without_reference(name: str, level: str) -> str:
    """A change named after words that stand for the figures before (两项指标分别比上年增长): the last
    level's name in their place, as a change named after its level is."""
    m = _refers().match(name)
    return level + name[m.end():] if m else name


@cache
def _refers() -> re.Pattern:
    # (两项指标 less its 两项, which the number grammar reads as a count: 指标)
    words = lexicon()["indicator"]["level_references"] + ["指标"]
    return re.compile(rf"(?:{alternation(words)})(?=分别|比|较|同比|按年|均)")


# a span of years before as many figures (2021年至2023年，…分别为; 在2022/23至2024/25年度 (二〇二二／二三…)，…分别约为)
_SPAN = re.compile(r"^(?:在|于)?(?P<a>(?:19|20)[0-9]{2})(?:/[0-9]{2})?年?度?"
                   r"\s*(?:至|到|—|－|-|~|～)\s*(?P<b>(?:19|20)[0-9]{2})(?:/[0-9]{2})?年度?")


_FISCAL = re.compile(r"((?:19|20)[0-9]{2})\s*[-—–/／]\s*[0-9]{2}(?![0-9])")
_FISCAL_LIST = re.compile(rf"^(?:在|于)?(?:{_FISCAL.pattern}(?:年度)?\s*[、和及与]\s*)+{_FISCAL.pattern}\s*(?:财政)?(?:年度)?")


def _group(subject: str, n: int, words: str) -> Group | None:
    cut = _skip().search(subject).start()
    if not subject[:cut].endswith(("、", "和", "及", "与")):  # (2022年、2023年及2024年: the last year is an item)
        subject = subject[:cut]
    if (span := _SPAN.match(subject)) and (a := int(span.group("a"))) < (b := int(span.group("b"))) \
            and b - a + 1 == n:
        return Group([f"{y}年" for y in range(a, b + 1)], "years", words, subject[span.end():])
    if "、" not in subject and (members := _MEMBERS.search(subject)) and parse_numeral(members.group(1)) == n:
        return Group([""] * n, "members", words)  # 三家基础电信企业全年分别完成电信业务收入…: each firm's
    if (fiscal := _FISCAL_LIST.match(subject)) and len(years := _FISCAL.findall(fiscal.group())) == n:
        # 在2022-23、2023-24及2024-25年度，…分别批出A、B及C: each figure a fiscal year's (dated by its first)
        return Group([f"{y}年" for y in years], "years", words, subject[fiscal.end():].lstrip("，, "))
    items = [s for s in subject.split("、") if s]
    if len(items) == n - 1 or len(items) == 1 and n == 2:
        items = items[:-1] + _LAST_AND.split(items[-1], maxsplit=1)
    if len(items) != n or not all(items):
        return None
    first = _BEFORE_YEAR.sub("", items[0], count=1)  # 截至2022年底、2023年底…; HKCERT于2022年、2023年…
    if _YEAR.match(first) and _YEAR.match(items[-1]):  # 2023年、2024年全市数字经济规模分别为…
        items[0] = first
        m = _YEAR.match(items[-1])
        items, name = items[:-1] + [m.group()], items[-1][m.end():]
        if all(_YEAR.fullmatch(s) for s in items):
            return Group(items, "years", words, name)
        return None
    if all(_place(s) for s in items[:-1]):
        last = _PLACES_COUNTED.sub("", items[-1], count=1)  # 绵阳、宜宾、南充三市电信业务收入: no place 南充三
        if _place(last):
            return Group(items[:-1] + [last], "places", words)
        places, rest = split_place(last)  # 红花岗区、汇川区数字经济规模: the places share the name
        if not places and (m := _prefecture().match(last)) and m.end() < len(last):
            places, rest = [m.group(1)], last[m.end():]
        if places:
            return Group(items[:-1] + [_place(last[:len(last) - len(rest)])], "places", words, rest)
    # 固定宽带和移动宽带普及率, 制造业、服务业增加值: the last item's head noun is the others' too;
    # A集群和B集群的算力规模: so is what the last one measures after its 的
    # 数位内容、资安、电子商务四大领域营收: the items are counted (四大领域) before what they share (营收)
    counted = _COUNTED.search(items[-1], 1)
    if counted:  # 人工智能三大产业: the count is no part of the last item
        measure = items[-1][counted.end():]
        items = [s + measure for s in items[:-1]] + [items[-1][:counted.start()] + measure]
        if not measure:
            return Group(items, "indicators", words, counted=True)
    heads = _share_heads() + item_heads()
    head = next((h for h in heads if items[-1].endswith(h) and len(items[-1]) > len(h)), None)
    if "的" in items[-1][1:] and not any("的" in s for s in items[:-1]):
        measure = items[-1][items[-1].rindex("的"):]
        items = [s + measure for s in items[:-1]] + items[-1:]
    elif head:
        items = [s if s.endswith(heads) else s + head for s in items]
    return Group(items, "indicators", words)


def _named_places(subject: str, n: int, words: str) -> Group | None:
    """Ranked items that are places no list knows (温岭、玉环、路桥网络零售额): the first items all as long as
    a place's name, the last one that long a place, what follows it their measure."""
    items = subject.split("、")
    size = len(items[0])
    if len(items) != n or not 2 <= size <= 3 or any(len(s) != size for s in items[:-1]) or len(items[-1]) <= size + 1:
        return None
    return Group(items[:-1] + [items[-1][:size]], "places", words, items[-1][size:])


def _place(item: str) -> str | None:
    """The place an item is: a known one, or a county or district name (攸县, 炎陵县) among places."""
    places, rest = split_place(item + "的")  # split_place keeps a name that is all place
    if places and rest == "的":
        return places[-1]
    if (m := _prefecture().fullmatch(item)) is not None:
        return m.group(1)  # 绵阳, 宜宾市: a prefecture's name is a place in a list of places
    return item if _COUNTY.fullmatch(item) else None


@cache
def _prefecture() -> re.Pattern:
    return re.compile(rf"({alternation(lexicon()['places']['prefectures'])})(?:市|地区)?")


def _tail(view: str, last: int, end: int) -> str:
    """The noun right after the last figure of a list, to the end of its clause (…及12 536宗网络安全事故)."""
    end = b.start() if (b := _CLAUSE_BREAK.search(view, last, end)) else end
    q = next(scan(view, last, end), None)
    return clean_noun(view[q.outer_end:end]) if q is not None and q.start == last else ""


def _name_and_place(group: Group, k: int) -> Named:
    if group.of in ("places", "members"):  # the shared name, else the words after 分别: 新增数字化改造项目, 同比增长
        item = group.items[k]
        return clean_indicator(group.name + group.words + group.tail) or None, (_place(item) or item) if item else None, None
    change = _CHANGE.search(group.words.strip())
    change = change.group() if change else ""
    if group.of == "years":
        # (…基金分别批出612个、688个及745个项目: what the figures count, after the last one)
        own = clean_indicator(group.name)
        noun = group.tail if own and group.tail and group.tail not in own else ""
        name = own + noun + change or group.tail and clean_indicator(group.words + group.tail)
        return name or None, None, int(_YEAR.match(group.items[k]).group(1))
    # 软件、集成电路三大产业分别实现营收…, 中国移动、中国电信分别完成投资…: what the words after 分别 name is
    # measured of each item, or the noun after the last figure (运输署、税务局分别提供86项及65项电子服务)
    measure = "" if _MOVES.search(group.words) or "，" in group.words \
        else group.tail or clean_indicator(group.words.strip())
    item = clean_indicator(group.items[k]) or group.items[k]
    return item + (measure if measure not in item else "") + change, None, None
