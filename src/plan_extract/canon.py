"""After context: a row's canonical indicator, its place and what kind of quantity it is.

- The indicator name loses a place at its front (福建数字经济增加值 -> 数字经济增加值, region 福建); a
  district or county at the start of the row's clause (包河区, 蜀山区) is the row's region.
- The catalogue gives the row an `indicator_id` when the name is one of its wordings and the unit fits.
- `measure`: stock (a level: 累计, 总数, 达到, or nothing said), increment (新建, 新增, 增长 ...) or
  difference (高于全国2个百分点), with the `reference` it is measured against when one is named.
Works on the search view, whatever rule found the row.
"""

from __future__ import annotations

import re
from functools import cache

import regex

from .baseline import CHANGE_VERBS, is_share, lacks_share_noun, says_change, subject_of, without_change
from .catalogue import Catalogue, default_catalogue, fits, unit_family
from .context import _CLAUSE_BREAK, defined, known_places, last_match, strip_left
from .lexicon import alternation, lexicon
from .records import Record
from .view import JOINED



@cache
def _places() -> tuple[regex.Pattern, frozenset[str], tuple[str, ...]]:
    pl = lexicon()["places"]
    # (覆盖城市社区, 非六都县市占: 城市 and 县市 are words, not a place's 市; 晋城市 is one, 平江县市场 too)
    known = alternation(known_places())
    pattern = regex.compile(
        rf"(?:其中|另外|此外|同时)?(?P<p>(?P<k>{known})(?:省|市|自治区|特别行政区)?"
        rf"|\p{{Han}}{{2,3}}(?:(?<!城)市|区|县(?!市(?!场))|旗))(?!级|际|域|城|场|民|内|外|委|政府|长|属)"
    )
    return pattern, frozenset(pl["not_places"]), tuple(lexicon()["catalogue"]["not_districts"])


_NOT_OWN = "全我本该各外占每"  # 全省, 各区县, 占全市: a scope, not a name


def split_place(name: str) -> tuple[list[str], str]:
    """The places at the front of a phrase (合肥市蜀山区软件业务收入 -> [合肥, 蜀山区]) and the rest."""
    pattern, not_places, not_districts = _places()
    found = []
    for _ in range(2):
        m = pattern.match(name)
        if not m or m.end() >= len(name):
            break
        p = m.group("p")
        if p in not_places or p.endswith(not_districts) or len(p) > 2 and (p[-2] in _NOT_OWN or p[0] in _NOT_OWN):
            break
        found.append(m.group("k") or (p[:-1] if p.endswith(("省", "市")) else p))
        name = name[m.end():]
    return found, name


@cache
def _provinces() -> frozenset[str]:
    return frozenset(lexicon()["places"]["provinces"])


_CURRENCY = re.compile(r"(?:达到|达|为|约|超过|突破)?(?:新台币|人民币|港币|港元|澳门元|美元|欧元|HK\$|US\$|MOP\$|NT\$|RMB)$")
# a currency sign before the figure (HK$28.6亿): the unit when the figure has none of its own, or 元
_SIGN = re.compile(r"(HK|US|MOP|NT)\$$")
_SIGN_UNITS = {"HK": "港元", "US": "美元", "MOP": "澳门元", "NT": "新台币元"}
_TRAILING_MEASURE = re.compile(
    r"(?<=.)(?:(?:较|比)(?:去年|上年|年初|上月)(?:同期|底|末)?|同比)?(?:新增|净增)$|(?<=..)(?:将|已)?(?:增至|增加到|增长到|提高到|提升到|(?<![大激倍年])增)$")
_MEASURE_VERB = re.compile(r"^(?:新建并开通|建成并开通|建成开通|新建设|新建|新增|新开通|累计建成|累计|已建成|建成)")


@cache
def _measure_patterns() -> dict:
    refs = alternation(lexicon()["comparators"]["relative_references"])
    ref = rf"(?P<ref>{refs}|[0-9]{{4}}\s*年(?:底|末)?)"
    return {
        # 高于全国2个百分点, 比全国平均水平高2个百分点, 较2020年提高5个百分点
        "difference": regex.compile(  # regex: the two alternatives share the group name
            rf"(?:高于|低于|超出|超过|领先|落后|多于|少于|优于)\s*{ref}(?:平均水平|平均|水平)?[^，。；]{{0,4}}$"
            rf"|(?:比|较)\s*{ref}(?:平均水平|平均|水平)?(?:高出|高|低|多|少|提高|提升|增长|增加|下降|减少|降低)了?\s*(?:达到|达|约|近|超过)?$"
        ),
        "stock": re.compile(r"累计|总数|总量|总规模|共有|现有|保有|存量|增长到|增加到|提高到|提升到|增至|提高至|提升至|达到了?$"),
        # written with shared first characters: the re module tries a plain alternation word by word
        "increment": re.compile(r"新(?:建设?|增|开通|部署|培育|认定|上云|发展)|净增|再建设|增(?:加|长)了?|增(?:速|幅)|提(?:高|升)了?"),
        # (按年上升 in Hong Kong and Macau, 年增 / 年減 / 年成长 in Taiwan: against the same period a year before;
        # 月增: against the month before)
        "same_period": re.compile(r"(?:同比|比上年同期|较上年同期|比去年同期|较去年同期|环比|按年|按季)\s*(?:增长|增加|提高|提升|上升|下降|减少|降低|上涨|下跌|增|减)"
                                  r"|(?:^|(?<=[\u4e00-\u9fff]))(?<![上本当每去前今明])[年月](?:增|减|成长)(?!加|长|至|到)"),
    }


_DIFFERENCE_HINT = re.compile("[高低超领落多少优比较同环按]|[年月][增减成]")


def measure(view: str, pos: int, sent: tuple[int, int], indicator: str, start: int | None = None) -> tuple[str, str | None]:
    """(measure, reference) of the quantity at `pos`, from the words of its clause before it (from
    `start`); a cue that is part of the indicator's own name (数字经济增加值年均增速) does not count."""
    if start is None:
        start = max((m.end() for m in _CLAUSE_BREAK.finditer(view, sent[0], pos)), default=sent[0])
    clause = view[start:pos]
    pats = _measure_patterns()
    if _DIFFERENCE_HINT.search(clause):  # most clauses have none of these: two searches saved
        m = pats["difference"].search(clause)
        if m:
            return "difference", m.group("ref")
        m = pats["same_period"].search(clause)
        if m:  # 同比增长12%: a difference from the same period a year before
            return "difference", "上期" if m.group().startswith(("环比", "按季", "月")) else "上年同期"
    own = indicator.replace(" ", "")
    for cue in pats["stock"].finditer(clause):
        if cue.group() not in own or cue.group().startswith("累计"):
            return "stock", None
    for cue in pats["increment"].finditer(clause):  # (…增加值: a name; 5G用户比上年末增加: a change)
        if cue.group() not in own or cue.group().startswith(("新", "净")) or own.endswith(cue.group()):
            return "increment", None
    return "stock", None


def finish(fields: dict, view: str, pos: int, sent: tuple[int, int], catalogue: Catalogue | None = None,
           start: int | None = None) -> dict:
    """A record's fields with its place taken out of the indicator, its catalogue id, measure and
    reference (a dict, updated in place: the record is built once, after this). `start` is where the
    quantity's clause begins, when the caller knows it."""
    catalogue = catalogue or default_catalogue()
    fields["indicator"] = fields["indicator"].replace(JOINED, "、")  # (信息传输、软件和信息技术服务业)
    found = fields["indicator"]
    if "$" in found and fields["unit"] in ("", "元") and (sign := _SIGN.search(found)):
        fields["unit"] = _SIGN_UNITS[sign.group(1)]
    name = _place_out(catalogue, fields)
    if fields["unit"] in ("%", "百分点"):
        # 占移动电话用户总数的63.2%(，较上年末提高6.8个百分点): the share is measured so, as in 占…比重达到
        change = _REFERENCED_CHANGE.search(name)
        share = name[:change.start()] if change else name
        if lacks_share_noun(share):
            name = share + "比重" + name[len(share):]
    if start is None:
        start = max((m.end() for m in _CLAUSE_BREAK.finditer(view, sent[0], pos)), default=sent[0])
    if _DISTRICT_HINT.search(view, start, pos):  # districts: context knows cities and provinces
        clause_places, _ = split_place(view[start:pos])
        if clause_places and clause_places[-1][-1] in "区县旗":
            fields["region"] = clause_places[-1]
    fields["measure"], fields["reference"] = measure(view, pos, sent, found, start)
    entry, shown = _entry(catalogue, defined(name, kept=False))
    if entry is not None and fits(entry, fields["unit"]):
        fields["indicator_id"] = entry.id
        name = shown if defined(name) == name else name
    elif entry is not None:  # a catalogued name with a unit it never takes: not that indicator
        fields["indicator_id"] = None
    elif fields["reference"] and _GROWTH.search(name):
        # 5G用户同比增长20%, 一网通办率较上年提高5个百分点: the change of a catalogued indicator from
        # its reference; the % or points unit and the measure say it is a change, not a level
        entry, shown = _entry(catalogue, _GROWTH.sub("", name))
        if entry is not None and (fits(entry, fields["unit"]) or unit_family(fields["unit"]) == "percent"):
            rate = catalogue.growth(entry.id) if unit_family(fields["unit"]) == "percent" else None
            fields["indicator_id"] = (rate or entry).id
    if (new := last_match(_NEW_COUNT, view, start, pos)) and new.group() not in name:
        # 全年新建4862个 (of 5G基站): what was new is its own indicator, 新建5G基站; not a total (5G基站总数达到
        # 6850个，今年以来新建912个: 新建5G基站)
        name = new.group() + _TOTAL_TAIL.sub("", name)
    fields["indicator"] = defined(name)
    if not fields["unit"]:
        fields["unit"] = implied_unit(name)
    return fields


_NEW_COUNT = re.compile(r"新建|新增|新开通|净增")
_TOTAL_TAIL = re.compile(r"(?<=..)(?:总数|总量|总规模)$")
_COUNT_WORD = re.compile(r"(?:数目|数量|总数|数)$")


def implied_unit(name: str) -> str:
    """The measure word a bare count or its change implies by what it counts (智方便登记用户 -> 人), else
    no unit."""
    noun = _COUNT_WORD.sub("", without_change(name))  # (…用户较2024年底增加约48万: a change of the count)
    return next((unit for unit, ends in _implied() if noun.endswith(ends)), "")


@cache
def _implied() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((unit, tuple(ends)) for unit, ends in lexicon()["units"]["implied"].items())


_GROWTH = re.compile(r"(?<=.)(?:(?:比|较)(?:上年|去年|[0-9]{4}年(?:底|末)?)(?:同期)?|同比|环比)?(?:增长|增速|增幅|提高|提升|增加|下降|减少|降低)$")


_DISTRICT_HINT = re.compile("[区县旗]")


def _place_out(catalogue: Catalogue, fields: dict) -> str:
    """The indicator name without a place in front, which becomes the row's region."""
    name, place, rest = _names(catalogue, fields["indicator"])
    # 山东省晨星工厂 in a 滨州 document is a province's title, not the row's place
    if place and not (fields["region"] and place != fields["region"] and place in _provinces()):
        name, fields["region"] = strip_left(rest), place  # 哈尔滨市已开通5G-A基站: what is left after it too
    return name


def finish_table(fields: dict, catalogue: Catalogue | None = None) -> dict:
    """An indicator table cell's fields: its place out of the name and its catalogue id, as for prose;
    a bracketed cell ([10], a total over the plan period) or a row named 新增… is an increment, any
    other cell a level. The table's own wording stays the name (the table has no sentence to say it)."""
    catalogue = catalogue or default_catalogue()
    fields["indicator"] = fields["indicator"].replace(JOINED, "、")
    name = _place_out(catalogue, fields)
    entry, _ = _entry(catalogue, defined(name, kept=False))
    if entry is not None and fits(entry, fields["unit"]):
        fields["indicator_id"] = entry.id
    fields["indicator"] = defined(name)
    if not fields["unit"]:
        fields["unit"] = implied_unit(name)
    new = fields.get("cumulative") or NEW_WORDS.match(name) is not None
    fields["measure"], fields["reference"] = ("increment" if new else "stock"), None
    return fields


NEW_WORDS = re.compile(r"新建|新增|新开通|净增")  # (engine: a total of what was new is a level)


def _names(catalogue: Catalogue, indicator: str) -> tuple[str, str | None, str]:
    """(the name without a currency word or measure verb at its end and in mainland vocabulary, the
    place in front of it, the name without it); names repeat across rows, so each is worked out once."""
    hit = catalogue.memo.get(("names", indicator))
    if hit is None:
        # 数字经济规模达到新台币 (5.6兆元), 宽带用户较去年新增 (12万户): the measure field says the rest
        # the document's own words stay (寬頻用戶 -> 宽频用户, in Simplified script only): the catalogue id
        # and the pivot's key group them with the mainland wording
        name = _TRAILING_MEASURE.sub("", _CURRENCY.sub("", indicator)) or indicator
        places, rest = split_place(name)  # names come from the search view: already Simplified
        hit = (name, places[-1], rest) if places and rest else (name, None, name)
        catalogue.remember(("names", indicator), hit)
    return hit


def _entry(catalogue: Catalogue, name: str):
    """(the catalogue entry the name is a wording of, the name to show: without a measure verb the
    `measure` field now carries)."""
    hit = catalogue.memo.get(("entry", name))
    if hit is None:
        entry, shown = catalogue.lookup(name), name
        if entry is not None:
            bare = _MEASURE_VERB.sub("", shown)
            if bare != shown and catalogue.lookup(bare) is entry:
                shown = bare
        hit = (entry, shown)
        catalogue.remember(("entry", name), hit)
    return hit


def join_shares(records: list[Record], catalogue: Catalogue | None = None) -> list[Record]:
    """`数字经济增加值达2.6万亿元，占全省地区生产总值比重超49%`: a share named only by what it is a share
    of (占…比重) belongs to the level stated last before it in the sentence and takes its name in front
    (with the catalogue's id when the joined name is catalogued)."""
    catalogue = catalogue or default_catalogue()
    out = list(records)
    for i, r in enumerate(out):
        if i == 0 or r.indicator_id:
            continue
        prev = out[i - 1]
        if prev.sentence != r.sentence or prev.doc != r.doc:
            continue
        if _BARE_CHANGE.fullmatch(r.indicator) and unit_family(r.unit) == "percent":
            # 软件业营业收入4500亿元，年增8%: the change of the figure before it
            ref = r.reference or ("上年同期" if r.indicator.startswith(("年", "同比")) else None)
            rate = catalogue.growth(prev.indicator_id)
            # (…同比增长4.3%，增速高于全国1.1个百分点: the growth's own gap, its rate named as the text does,
            # 软件业务收入增速; 年增8%: the figure before's growth)
            if r.indicator in ("增速", "增幅") and says_change(prev.indicator):
                name = subject_of(prev.indicator) + r.indicator
            else:
                # (…1,782億元，年減1.6%; 年增8%: the page's own word for the yearly change)
                change = r.indicator[-2:] if r.indicator.endswith(_PERIOD_CHANGES) else "增长"
                name = prev.indicator if _ENDS_IN_CHANGE.search(prev.indicator) else prev.indicator + change
                if change != "增长" and prev.indicator.endswith(_PERIOD_CHANGES) and not prev.indicator.endswith(change):
                    name = prev.indicator[:-2] + change  # (…812亿元，月增3.4%，年增16.2%: the level's, each against its own)
            out[i] = r.model_copy(update={"indicator": name,
                                          "indicator_id": rate.id if rate else prev.indicator_id,
                                          "measure": "difference" if ref else "increment", "reference": ref})
            continue
        share = _WHOLE.sub("占", r.indicator, count=1)
        # 比重为28.5%，低于全国平均水平10个百分点 / 比全国平均水平高8.2个百分点: the figure before, compared
        if r.measure == "difference" and (_COMPARISON.match(r.indicator) or share.startswith("占") and prev.indicator.endswith(share)):
            out[i] = r.model_copy(update={"indicator": prev.indicator, "indicator_id": prev.indicator_id})
            continue
        before = [p for p in reversed(out[:i]) if p.sentence == r.sentence]
        # the figure whose growth was said last (…增加值增长18.2%，…)
        grown = next((p for p in before if says_change(p.indicator) and p.unit == "%"), None)
        if grown is not None and r.unit == "百分点" and _ABOVE.match(r.indicator):
            # (…，高于全市规模以上工业9.5个百分点: the growth's gap to a reference the text names)
            out[i] = r.model_copy(update={"indicator": subject_of(grown.indicator) + "增速" + r.indicator})
            continue
        if not _SHARE_OPENS.match(r.indicator):
            continue
        # the share of the level stated last before it in the sentence (集成电路产业营业收入1675.3亿元，
        # 增长13.6%，占…的比重为43.4%; 曾使用互联网的有64.7万人，占该年龄组人口的93.5%)
        # (nor a change: 较2020年增加…亿元; a level before a change of it: 5G用户98.6万户，按季增加4.1万户，占…)
        levels = [p for p in before if p.measure != "difference" and unit_family(p.unit) not in ("percent", "times")]
        level = next((p for p in levels if p.measure == "stock"), levels[0] if levels else None)
        # …or the growing figure's (核心产业增加值增长14.5%，占…比重达到5.2%; …增长18.2%，高于全市规模以上工业
        # 9.5个百分点，占…的比重为9.6%)
        if level is not None:
            name = level.indicator
        elif grown is not None and not is_share(grown.indicator):
            name = subject_of(grown.indicator)
        else:
            continue
        joined = name + share
        entry = catalogue.lookup(joined)
        if entry is not None and fits(entry, r.unit):
            out[i] = r.model_copy(update={"indicator": joined, "indicator_id": entry.id})
        elif level is None or not is_fragment(level.indicator, level.raw, level.sentence, level.unit):
            out[i] = r.model_copy(update={"indicator": name + r.indicator})
    return out


_BARE_CHANGE = re.compile(r"(?:[(（][A-Za-z0-9+\-]+[)）])?(?:年增长?|年增幅|年减|月增|月减|同比(?:增长|增加|增幅)?|按年(?:增长|上升|增加)|增长|增速|增幅)")
_COMPARISON = re.compile(r"^(?:比|较|高于|低于|超出|领先|落后)")
_ABOVE = re.compile(r"(?:高于|低于|快于|慢于)(?!.*(?:比重|占比))")
# a share's name without its subject (占…比重, 相当于…的, 在电信业务收入中的占比)
_SHARE_OPENS = re.compile(r"占|相当于|在[^，。；0-9]{1,12}中的?(?:占比|比重|比例|份额)")
_ENDS_IN_CHANGE = re.compile(r"(?:增长|增速|增幅|[年月][增减])$")
_PERIOD_CHANGES = ("年增", "年减", "月增", "月减")  # (Taiwan's change on the year and on the month)
_WHOLE = re.compile(r"^占(?:全省|全市|全区|全县|全国|本省|本市)")


def resolve(phrase: str, catalogue: Catalogue | None = None):
    """The catalogue entry a phrase names (any script, a place in front allowed), or None."""
    catalogue = catalogue or default_catalogue()
    simple = catalogue.simplify(phrase)
    places, rest = split_place(simple)
    return catalogue.lookup(rest if places and rest else simple)


def check_catalogue(catalogue: Catalogue) -> list[str]:
    """One line per failure: a wording or example that does not resolve to its own entry, a counter
    example that does."""
    problems = []
    for e in catalogue.entries:
        src = catalogue.sources.get(e.id, "-")
        for field_, phrases in (("wordings", e.wordings), ("examples", e.examples)):
            for i, p in enumerate(phrases):
                got = resolve(p, catalogue)
                if got is not e:
                    problems.append(f"{src}: {e.id}: {field_}[{i}]: {p!r} resolves to {got.id if got else 'nothing'}")
        if e.growth_of is not None and catalogue.by_id(e.growth_of) is None:
            problems.append(f"{src}: {e.id}: growth_of: no indicator {e.growth_of!r}")
        for i, p in enumerate(e.counter_examples):
            if resolve(p, catalogue) is e:
                problems.append(f"{src}: {e.id}: counter_examples[{i}]: {p!r} resolves to it")
    return problems


@cache
def _fragment() -> tuple[frozenset[str], re.Pattern]:
    cat = lexicon()["catalogue"]
    return frozenset(cat["fragment_nouns"]), re.compile(cat["fragment"])


def is_generic(noun: str) -> bool:
    """A bare generic noun (企业, 项目, 平台): a name only with what it is of."""
    return noun in _fragment()[0]


def is_fragment(indicator: str, raw: str = "", sentence: str = "", unit: str = "") -> bool:
    """A phrase that begins with a particle or ends with a verb (了信息化相关政策…, 已经连续举办), or a
    bare generic noun that is the subject of what follows the figure (五家企业入选…百强): what is left
    when a rule's capture missed the noun phrase. 共有企业300家 names its figure, bare as it is."""
    nouns, pattern = _fragment()
    if pattern.search(indicator) is not None:
        # 占比较上年提升: a change from its reference; 生产效率提升18.6%: a rate of change, what rose
        return _REFERENCED_CHANGE.search(indicator) is None \
            and not (unit_family(unit) in ("percent", "times") and _CHANGE_END.search(indicator))
    if indicator not in nouns:
        return False
    if not raw:
        return True
    from .view import to_simplified

    at = to_simplified(sentence).find(to_simplified(raw) + indicator)
    after = sentence[at + len(raw) + len(indicator):at + len(raw) + len(indicator) + 1] if at >= 0 else ""
    return bool(after) and _HAN.match(after) is not None


_HAN = re.compile(r"[\u3400-\u9fff]")
_REFERENCED_CHANGE = re.compile(
    r"(?<=.)(?:(?:比|较)(?:上年|上一年|去年|年初|上月|[0-9]{4}年|1[01][0-9]年)(?:底|末|同期)?|同比|环比|按年)"
    rf"(?:{CHANGE_VERBS}|降低)$")


_CHANGE_END = re.compile(rf"(?<=..)(?:{CHANGE_VERBS}|[年月][增减])$")


def drop_fragments(records: list[Record]) -> list[Record]:
    return [r for r in records if r.indicator_id is not None or not is_fragment(r.indicator, r.raw, r.sentence, r.unit)]
