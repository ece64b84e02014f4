"""The context layer: what a quantity measures, whether it is a target or an actual, and when.

Everything here reads the search view (Simplified, same offsets as the text). Cue words and year
expressions are found in one pass each per document; each quantity then looks at the cues nearest
to it: in its own sentence first, then earlier in its paragraph, then earlier in the document.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

import regex

from .roc_years import gregorian, roc_date, roc_year_ok, uses_roc_years
from . import furniture
from .grammar import in_word_about, scan
from .lexicon import alternation, lexicon
from .numerals import parse_numeral
from .pattern_ends import last_chars, with_first_chars
from .plan_title import first_line_plan
from .sections import Sections, inside, questions, sections
from .view import JOINED

_SENTENCE_END = re.compile(r"[。！？!?\n]")
# a clause with its enumeration (、) kept whole; a comma between thousands (1,031亿元) is none
# (one class, then the thousands comma ruled out behind it: the engine skips ahead to the class, where
# an alternation of the class and two comma branches was tried at every position, 2.5x slower)
_CLAUSE_BREAK = re.compile(r"[，。；：;:！？!?\n,](?<!(?<=[0-9]),(?=[0-9]{3}(?![0-9])))")
_NEWLINE = re.compile("\n")
_ENUMERATION = re.compile("、")  # with _CLAUSE_BREAK: the items of a clause (Layout.item_ends)
_TITLE = re.compile(r"《[^《》\n]{1,80}》")
_SHORT_QUOTE = re.compile(r"[“「\"][^”」\"\n]{1,12}[”」\"]")
_CN_DAY = "[0-9]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"  # 8, 十一, 二十八: a month or day
_DATE = re.compile(rf"((?:19|20)[0-9]{{2}})\s*(?:年\s*({_CN_DAY})\s*月\s*({_CN_DAY})(?=\s*[日号])|年\s*([0-9]{{1,2}})\s*月\s*([0-9]{{1,2}})(?![0-9])"
                   r"|([-/.])\s*([0-9]{1,2})\s*\6\s*([0-9]{1,2}))")  # 2025年1-10月 is a stretch
_DATE_LINE = re.compile(r"^[ \t\u3000]*(中华民国|民国)?\s*((?:19|20)[0-9]{2}|1[01][0-9])\s*年\s*([0-9]{1,2})\s*月"
                        r"(?:\s*([0-9]{1,2})\s*日)?[ \t\u3000]*$", re.M)
_DAY_FIRST = re.compile(r"(?<![0-9/.-])(3[01]|[12][0-9]|0?[1-9])/(1[0-2]|0?[1-9])/((?:19|20)[0-9]{2})(?![0-9/])")
_MONTH_AS_OF = re.compile(r"((?:19|20)[0-9]{2})\s*年\s*[0-9]{1,2}\s*月(?:底|末|份|中旬|上旬|下旬)?(?![0-9]{1,2}日)")
_LEADING_NAME = re.compile(r"[「“《]([^」”》]{1,16})[」”》]")
_QUOTES = re.compile(r"[“”\"「」‘’'《》\s]")
_FROM_TO = re.compile(r"(?:从(?!业|事)|由(?!于))[^从由]*[0-9零一二两三四五六七八九十百千万亿][^从由]*$")  # (从业人员: no from)
_COMPARED = re.compile(r"(?<=..)(?:较|比|相比)\s*(?:[0-9]{4}\s*年|1[01][0-9]\s*年|去年|上年|前年)(?:底|末)?(?:同期)?(?:的.*)?$")
_DISPOSAL = re.compile(r"^.*(?:把|将|(?<=[前后底内])让)(?=[^把将让]{2})")
_INNER_VERB = re.compile(r"(?<=.)实现(?=.)")
# the next count (部门31项服务), or the next figure cut at its thousands comma (部门共超过1|,000个系统)
_NEXT_COUNT = re.compile(r"(?:[0-9][0-9,.]*|[零一二两三四五六七八九十百千]+)(?:万|亿)?[个项家类件种座户名]"
                         r"|(?:共|合计|共计)?(?:超过|逾|约|近|达)?(?<![A-Za-z0-9])[0-9]+$")
_LAST_ITEM = re.compile(r"以及|[和及与]")  # joins a list's last item
_NUMBERING = r"[（(][一二三四五六七八九十0-9]{1,2}[)）]"  # (一), （2）: an item's number
_WORK_REPORT = re.compile(r"((?:19|20)[0-9]{2})\s*年[^\n。，]{0,20}?政府工作报告")
_MEMBERS_OF = re.compile(r"[\u4e00-\u9fff]{2,12}?分别")  # 三家…企业全年分别
_REMARK = re.compile(r"[（(](?![A-Za-z][A-Za-z0-9+\-&]{0,9}[）)])[^（）()]*[）)]")
# 10人或以上的企业, 200人以下之中小企業, 資本額1億元以下或…未滿200人的中小企業: a class's bound
_OR_BOUND_OF = re.compile(r"或以[上下]的|以[上下]之|以[上下]或[^，。；,;]{0,20}?[之的](?:中小)?(?:企业|公司|机构|商户|场所)")
_THEN_OF = re.compile(r"(?:以上|以下)?的")  # 少于10名的场所: a class, not a count
_CLASS_UNIT = re.compile(r"(?:元|bps|[0-9.]+[MG])$")
_CLASS_ENDINGS = ("元", "bps", "M", "G")
_ROUND_THE_CLOCK = ("7×", "7*", "7x", "7X", "7╳")
_NEAR = 100  # characters: a cue this close still speaks for a figure with 累计 of its own
_YEAR_TAIL = re.compile(r"(?:底前|底|末|前)?")
_SPACE_NEXT_TO_HAN = re.compile(r"(?<=[\u3400-\u9fff]) +| +(?=[\u3400-\u9fff])|(?<=[0-9]) (?=[0-9]{3}(?![0-9]))")
_ASOF_MONTH = re.compile(rf"(?:截至|截止)(?:到)?\s*({_CN_DAY})\s*月(?:底|末|份|中旬|上旬|下旬)?")
# 1-10月, not after a digit or 年 (the look-behind after the 1: the engine skips ahead to each 1)
_MONTH_STRETCH = re.compile(r"1(?<![0-9年]1)\s*[-—–~～至]\s*([0-9]{1,2})\s*月(?:份)?(?=[，,])")
_SEMICOLON = re.compile(r"[；;]")
_COMMA = re.compile(r"[，,]")
_REGION_SCOPE = re.compile(r"全(?:市|省|区|县|国|港|澳|台|镇)")
_MONTH = re.compile(r"(上个?月|本月)(?:底|末|初|中旬)?")
# 全年 not said of a named year (2025年全年, 今年全年)
_WHOLE_YEAR = re.compile(r"(?<![0-9〇零一二三四五六七八九十年今去明上本当])全年(?!度)")
_DAY = re.compile(r"([1-9][0-9]?)月[0-9]{1,2}日")
_SPACED_AFTER = re.compile(r"[ \t]+(及以上|以上|及以下|以下|以内|之内|左右|上下)")
_RELATIVE = frozenset(("thisyear", "lastyear", "yearbefore"))
_RELATIVE_YEARS = {"thisyear": 0, "lastyear": -1, "yearbefore": -2, "nextyear": 1}
_STATUS_NOW = frozenset(("已", "已经", "现已", "已有", "现有"))
_BASE = re.compile(r"(?:从|由|自|[(（])\s*$")  # (（去年底为4800家）: a base in brackets)
# …约为112年的3.6倍, 较2020年的…, 比2024年底的…: the year of what the figure is compared with
_BASE_OF = re.compile(r"(?:较|比|为|是)\s*$")
_OF_AFTER = re.compile(r"\s*(?:年度?)?(?:底|末|同期|全年)?的")
_COMPARED_WITH = re.compile(r"\s*(?:年度?)?(?:底|末|同期|全年)?(?:比较|相比|对比)")
_TOWARDS = re.compile(r"(?:距|离|距离|对照|对标)\s*$")
# 2027年前 (by 2027), not 114年前三季 / 2025年前10个月 (the year's first quarters or months)
_BEFORE_YEAR = re.compile(r"前(?!后|夕|期|半|[一二三四0-9]季|[一二三四五六七八九十两0-9]{1,2}个?月)")
_DIGIT = re.compile(r"[0-9零一二两三四五六七八九十百千]")
_SCOPE = "全我本该各今年新这此其"  # 全市, 我省, 本县, 该区 …: a scope, not a place's name
_NOT_A_NAME = re.compile(f"[{_SCOPE}]")
_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
_ABBREVIATED = re.compile(r"\s*[(（]\s*(?:以下简称|以下称|下称|简称)")


def _flat(pattern: str) -> str:
    """The pattern without a non-capturing group around the whole of it: searched for, an alternation
    whose every branch starts with a literal lets the re module skip ahead to their first characters
    (a group around it, or a character class among the branches, makes it try every position)."""
    if not (pattern.startswith("(?:") and pattern.endswith(")")):
        return pattern
    depth, i = 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 1
        elif c == "[":  # a class, to its closing bracket (a ] right after [ or [^ is a literal)
            i += 2 if pattern.startswith("[^", i) else 1
            i += pattern.startswith("]", i)
            while i < len(pattern) and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return pattern[3:-1] if i == len(pattern) - 1 else pattern
        i += 1
    return pattern


@cache
def known_places() -> list[str]:
    """Provinces, cities, and the prefectures whose name ends in 城 (晋城, 运城): named outright, since
    城市 is a word and no place's 市 (覆盖城市社区)."""
    places = lexicon()["places"]
    return places["provinces"] + places["cities"] + [p for p in places["prefectures"] if p.endswith("城")]


@cache
def _patterns() -> dict[str, regex.Pattern]:
    lx = lexicon()
    ind, ctx, places = lx["indicator"], lx["context"], lx["places"]
    place_names = places["provinces"] + places["cities"]
    return {
        # the data's patterns strip one word; these strip every word in a row, in one pass
        "strip_left": re.compile(f"^(?:{ind['strip_left'].removeprefix('^')})+"),
        "strip_right": with_first_chars(re.compile(  # searched at every position: a look-ahead first
            f"(?:{ind['strip_right'].removesuffix('$')}|{alternation(lx['comparators']['before'])})+$"
        )),
        "stop_after": re.compile(_flat(ind["stop_after"])),
        "noise_nouns": re.compile(ind["noise_nouns"]),
        "hours_nouns": re.compile(ind["hours_nouns"]),
        "paired": re.compile(ind["paired_count"]),
        "bare_verb": re.compile(ind["bare_verbs"]),
        "campaign_verb": re.compile(ind["campaign_verbs"]),
        "slogan_after": re.compile(ind["slogan_after"]),
        "joined_by": re.compile(f"(?:{ind['joining_verbs']})(?:了)?(?:约|近|超过|逾)?$"),
        "determiner": re.compile(ind["determiner"]),
        "anecdote": re.compile(ind["anecdote"]),
        "stretch_before": re.compile(ind["stretch_before"]),
        "process_or_penalty": re.compile(f"{_flat(ind['process_verbs'])}|{_flat(ind['penalty_words'])}"),
        "structure_or_population": re.compile(f"{ind['structure_nouns']}|{ind['admin_all']}"),
        "admin_scope": re.compile(ind["admin_scope"]),
        "routine_before": re.compile(ind["routine_before"]),
        "incentive_class": re.compile(ind["incentive_class"]),
        "incentive_class_after": re.compile(ind["incentive_class_after"]),
        "class_nouns": re.compile(ind["class_nouns"]),
        "purpose": re.compile(lx["blocks"]["PURPOSE"] + "(?:[^的]{1,12}的)?"),
        "threshold_before": re.compile(ind["threshold_before"]),
        "threshold_after": re.compile(ind["threshold_after"]),
        "size_class": re.compile(ind["size_class"]),
        "rank_before": re.compile(ind["rank_before"]),
        "ranked_scope": re.compile(ind["ranked_scope"]),
        "subsidy_cap": re.compile(ind["subsidy_cap"]),
        "subsidy_rate": re.compile(ind["subsidy_rate"]),
        "process": re.compile(ind["process_verbs"]),
        "bad_end": re.compile(ind["bad_end"]),
        "noun_bad_start": re.compile(ind["noun_bad_start"]),
        "approx_before": re.compile(ctx["approx_before"]),
        "over_before": re.compile(ctx["over_before"]),
        "reviewed_year": re.compile(ctx["reviewed_year"]),
        "bound_opening": re.compile(rf"({alternation(ctx['bound_opening'])})[^0-9，。；,;]{{1,12}}$"),
        "bound_inside": with_first_chars(re.compile(rf"(?<=.)(?<!不)(?:{alternation(ctx['bound_opening'])}).+$")),
        "kind": re.compile(alternation(ctx["target"] + ctx["actual"])),
        "year": with_first_chars(re.compile(ctx["year"])),  # its branches open with look-behinds
        "now": re.compile(ctx["now"]),
        "recent": with_first_chars(re.compile(ctx["recent"])),  # a branch opens with a look-behind
        "year_part": re.compile(alternation(ctx["year_parts"])),
        "five_year_plan": re.compile(ctx["five_year_plan"]),
        "place": regex.compile(
            # (便利市民, 要素市场: 市民 is the people of a place, 市场 a market, not the end of a name)
            rf"(?P<known>{alternation(known_places())})|(?<![\p{{Han}}0-9])(?!年)\p{{Han}}{{2,3}}?(?=省|市(?![民场值])|自治区)(?<!城(?=市))"
        ),
        "not_in_names": re.compile(places["not_in_names"]),
        "prefecture": re.compile(alternation(places["prefectures"])),
        "place_hint": re.compile(f"{alternation(place_names)}|省|市|州|县"),
        # what a place opening a clause (place_prefix) needs: a name, or two characters that are
        # no scope word's before its 省, 市, 自治区, 州 or 县 (全市 and 我省 have none); each branch
        # opens with a literal, which the engine skips ahead to
        "place_name": re.compile("|".join([alternation(place_names)] + [
            f"{m}(?<=[^{_SCOPE}]{{2}}{m})" for m in ("自治区", "省", "市", "州", "县")])),
        # (覆盖城市社区, 非六都县市: 城市 and 县市 are words, unless the 城 ends a prefecture's name: 晋城市)
        "place_prefix": regex.compile(
            rf"^(?:数字|智慧)?(?P<p>{alternation(known_places())}"
            r"|\p{Han}{2,3}?(?=省|市(?![场值])|自治区|州|县)(?<!城(?=市))(?!县市(?!场)))"
        ),
    }


@cache
def not_places() -> frozenset[str]:
    return frozenset(lexicon()["places"]["not_places"])


@dataclass
class DocFacts:
    region: str | None
    plan: str | None
    published: str | None
    ref_year: int | None  # the year 今年 and 目前 mean: the document's date
    plan_years: tuple[int, ...]
    roc: bool | None = None  # dates by the Republic era (113年 = 2024); None: not looked up yet
    report: bool = False  # the document reports on its plan (…规划中期评估报告): figures are actuals by default
    report_year: int | None = None  # the year a yearly report is about (2025年…统计公报, published in 2026)

    @property
    def default_kind(self) -> str:
        return "target" if self.plan and not self.report else "actual"

    @property
    def now_year(self) -> int | None:
        """The first year not yet past: the document's, or its plan's first when the plan is written
        before its period (a “十五五” plan of December 2025: 至2025年末 and “十四五”时期 report)."""
        years = [y for y in (self.ref_year, min(self.plan_years, default=None)) if y is not None]
        return max(years, default=None)


@dataclass
class Layout:
    """Sentence and paragraph boundaries, and spans whose numbers are never indicators."""

    sentence_starts: list[int]
    paragraph_starts: list[int]
    clause_starts: list[int]  # after a clause break (，；。 …), an enumeration (、) kept whole
    blocked: list[tuple[int, int]]
    length: int
    item_ends: list[int] = field(default_factory=list)  # after a clause break or an enumeration's 、
    para_places: dict[int, str | None] = field(default_factory=dict)  # paragraph_region's, found once each
    _blocked_starts: list[int] = field(default_factory=list)

    def __post_init__(self):
        self._blocked_starts = [s for s, _ in self.blocked]

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        end = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else self.length
        return self.sentence_starts[i], end

    def paragraph_start(self, pos: int) -> int:
        return self.paragraph_starts[bisect.bisect_right(self.paragraph_starts, pos) - 1]

    def clause_start(self, pos: int) -> int:
        return self.clause_starts[bisect.bisect_right(self.clause_starts, pos) - 1]

    def is_blocked(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._blocked_starts, start) - 1
        return i >= 0 and self.blocked[i][1] >= end

    def item_breaks(self, lo: int, hi: int) -> list[int]:
        """The ends (the position after) of the clause breaks and 、 that stand in view[lo:hi]."""
        return self.item_ends[bisect.bisect_right(self.item_ends, lo):bisect.bisect_right(self.item_ends, hi)]


_ITEM = re.compile(rf"[ \t\u3000]*(?:{_NUMBERING}|[0-9]{{1,2}}[.、．](?![0-9])|[①-⑳]|[-•·■●▪])")


_LIST_REACH = 60  # items looked back over: a list, not a page of lines


def list_intro(view: str, para: int) -> int:
    """Where the paragraph's passage starts: a list's item ((2)…, 2., ②) goes on with the line that
    introduces the list with a colon (今年将重点推动：¶ (1)… ¶ (2)…), whose cues speak for all its items."""
    if not _ITEM.match(view, para):
        return para
    start = para
    for _ in range(_LIST_REACH):
        if start <= 0:
            break
        prev = view.rfind("\n", 0, start - 1) + 1
        line = view[prev:start - 1].rstrip(" \t\u3000")
        if not _ITEM.match(view, prev):
            return prev if line.endswith(("：", ":")) else para
        start = prev
    return para


def layout(view: str) -> Layout:
    end = re.Match.end  # mapped in C: no bytecode per break
    sentence_starts = [0, *map(end, _SENTENCE_END.finditer(view))]
    clause_starts = [0, *map(end, _CLAUSE_BREAK.finditer(view))]
    paragraph_starts = [0, *map(end, _NEWLINE.finditer(view))]
    blocked = [m.span() for m in _TITLE.finditer(view)] + [m.span() for m in _SHORT_QUOTE.finditer(view)]
    blocked += furniture.spans(view)
    blocked.sort()
    merged: list[tuple[int, int]] = []
    for s, e in blocked:  # merged so that one bisect finds the span covering a position
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    # the clause breaks with the enumeration commas (、) among them, as row_region and is_noise read clauses
    item_ends = sorted(clause_starts[1:] + list(map(end, _ENUMERATION.finditer(view))))
    return Layout(sentence_starts, paragraph_starts, clause_starts, merged, len(view), item_ends)


# ---- document facts -----------------------------------------------------------------------------


def _in_prose(view: str, date: re.Match) -> bool:
    """A date a sentence quotes: words of its line before it, none of them a label (发布时间：), and the
    sentence going on after it (…于2023年6月1日生效至今，…), unlike a masthead's (无障碍阅读　2025年11月18日 星期二)."""
    line = view[view.rfind("\n", 0, date.start()) + 1:date.start()]
    end = view.find("\n", date.end())
    return len(_CJK.findall(line)) >= 8 and not _LABEL_END.search(line) \
        and _PROSE_MARK.search(view, date.end(), end if end >= 0 else len(view)) is not None


_CJK = re.compile(r"[\u4e00-\u9fff]")
_LABEL_END = re.compile(r"[：:]\s*$|[日时]间\s*$")
_PROSE_MARK = re.compile(r"[，,。；;]")  # (the view writes a full-width comma as ",")


def doc_facts(view: str) -> DocFacts:
    head = view[:800]
    date = _DATE.search(head)
    if (date is None or _in_prose(view, date)) and len(view) > 800:
        # a page that dates itself in its footer (责任编辑：… 2025-11-19; a press release's 2025年12月10日（星期三）),
        # not by a date its text quotes (发牌制度于2023年6月1日生效)
        date = next(reversed(list(_DATE.finditer(view, max(800, len(view) - 400)))), None) or date
    published = f"{date[1]}-{_day(date[2] or date[4] or date[7]):02d}-{_day(date[3] or date[5] or date[8]):02d}" \
        if date else None
    if published is None and (dmy := _DAY_FIRST.search(head)):  # 發佈日期：20/11/2025 (Macau, Hong Kong)
        published = f"{dmy[3]}-{int(dmy[2]):02d}-{int(dmy[1]):02d}"
    roc = None  # looked up only when a three-digit year needs it: most texts have none
    if published is None and (line := _DATE_LINE.search(head)):
        # a report's own line of date (中華民國115年3月), before any date its text quotes (114年1月17日…函)
        year = int(line[2])
        if line[1] or year < 1000:
            year = gregorian(line[2])
        if 1 <= int(line[3]) <= 12:
            published = f"{year}-{int(line[3]):02d}" + (f"-{int(line[4]):02d}" if line[4] else "")
    if published is None and (era_date := roc_date(head)) and (roc := uses_roc_years(view)):
        published = era_date  # 發布日期：114年6月18日
    plan = _main_plan(view)
    plan_years = tuple(int(y) for y in _YEAR.findall(plan or ""))
    for name, end in lexicon()["context"]["five_year_plans"].items():
        if name in (plan or ""):  # 《“十四五”数字经济发展规划》 runs 2021-2025
            plan_years += (end - 4, end)
    if not plan_years and (work := _WORK_REPORT.search(view, 0, 400)):
        plan_years = (int(work[1]),)  # 2026年…政府工作报告: its goals are that year's, its review the year before
    region = _region(view, plan)
    ref_year = int(published[:4]) if published else _as_of_year(view)
    report = any(_in_title(view, m) for m in _report_title().finditer(view, 0, 400))  # in the headline
    year_report = _year_report().search(view, 0, 400)
    return DocFacts(region, plan, published, ref_year, plan_years, roc, report and plan is not None,
                    gregorian(year_report.group(1)) if year_report else None)


@cache
def _year_report() -> re.Pattern:
    names = alternation(lexicon()["context"]["yearly_reports"])
    return re.compile(rf"((?:19|20)[0-9]{{2}}|1[01][0-9])\s*年度?[^\n。，]{{0,40}}?(?:{names})")  # 114年度…: Taiwan's


@cache
def _report_title() -> re.Pattern:
    return re.compile(alternation(lexicon()["context"]["report_titles"]))


def _in_title(view: str, m: re.Match) -> bool:
    """Is the match in a title line, not in prose (…将工作进展情况报送市数据局 in a notice's first lines)?"""
    return _PROSE_MARK.search(view, view.rfind("\n", 0, m.start()) + 1, m.start()) is None


def _as_of_year(view: str) -> int | None:
    """A page without a date that reports as of a month (截至2025年11月, 2025年10月底) is that year's:
    a dateline (新华社北京10月9日电) names the day and leaves the year to such a mention."""
    years = []
    for m in _MONTH_AS_OF.finditer(view):
        before = view[max(0, m.start(1) - 2):m.start(1)].rstrip()
        if before.endswith(("到", "至")) and not before.endswith(("截至", "截止")) or view.startswith("前", m.end()):
            continue  # 到2025年12月, 2025年6月前: a deadline dates nothing
        years.append(int(m.group(1)))
    return max(years) if years else None


def _main_plan(view: str) -> str | None:
    """The plan the document is about: the title it abbreviates (以下简称), else one in its headline."""
    titles = [m for m in _TITLE.finditer(view) if any(w in m.group() for w in lexicon()["context"]["plan_words"])]
    for m in titles:
        if _ABBREVIATED.match(view, m.end()):
            return m.group()[1:-1].strip()
    headline_end = view.find("\n", view.find("\n", 1) + 1)
    for m in titles:
        # in the headline, or the plan the notice issues (a government site's chrome above it:
        # …办公室关于印发《…三年行动计划（2026—2028年）》的通知)
        if m.start() < max(headline_end, 200) or view.endswith("关于印发", max(0, m.start() - 4), m.start()):
            return m.group()[1:-1].strip()
    return first_line_plan(view)


def _region(view: str, plan: str | None) -> str | None:
    pats = _patterns()
    if plan:
        m = pats["place_prefix"].search(plan)
        if m and m.group("p") not in not_places():
            return m.group("p")
    found = filed = None
    for m in pats["place"].finditer(view, 0, min(len(view), 1500)):
        name = m.group()
        if name + view[m.end(): m.end() + 1] in not_places() or name in not_places():
            continue
        if not m.group("known") and (_NOT_A_NAME.search(name) or pats["not_in_names"].search(name)):
            continue
        if filed and name not in lexicon()["places"]["provinces"]:
            continue  # (a report filed from the capital is about the province it names, not a city in passing)
        if name in ("中国", "全国"):
            continue
        if filed is None and _DATELINE.match(view, m.end()):
            filed = m  # (新华社北京1月29日电: where the report was filed; a place it names after is what it is about)
            continue
        found = m
        break
    # a city named earlier in the page's head (遵义网, 来源：绍兴日报) that the lists above lack
    first = filed or found
    head = pats["prefecture"].search(view, 0, min(len(view), _HEAD, first.start() if first else _HEAD))
    found = found or filed
    if head or found:
        return (head or found).group()
    # a page that names no place, but its own (本港, 财政司司长; 本澳, 澳门元: a budget speech, a release)
    return next((place for place, words in lexicon()["places"]["home_words"].items() if any(w in view for w in words)), None)


_HEAD = 600  # a page's masthead, headline and source line
_DATELINE = re.compile(r"(?:[0-9一二三四五六七八九十]{1,3}月)?[0-9一二三四五六七八九十]{1,3}日[电電]")


def row_region(view: str, pos: int, sent: tuple[int, int], default: str | None, lay: Layout) -> str | None:
    """A clause that begins with another place (其中，深圳市5G基站...) puts its row in that place."""
    hint = _patterns()["place_hint"]
    lo = max(sent[0], pos - 40)
    back = max(sent[0], pos - _PLACE_BACK)
    if not hint.search(view, lo, pos):  # most rows: no place word near, no clause to find
        return paragraph_region(view, pos, lay) or default
    breaks = lay.item_breaks(lo, pos)
    start = breaks[-1] if breaks else sent[0]
    if hint.search(view, start, pos):
        place = _clause_place(view[start:pos])
        if place:
            return place
    # 杭州5G基站…4.6万个，每万人拥有5G基站37个 / 合肥方面，去年…: a clause that opens with a place
    # (a news report quoting several cities) keeps it for the clauses after it in the sentence
    if start > back and hint.search(view, back, start):
        ends = lay.item_breaks(back, start - 1)
        for a, b in zip(reversed([back] + ends), reversed(ends + [start])):
            if not hint.search(view, a, b):
                continue
            place = _clause_place(view[a:b], light=True)
            if place and view[a - 1:a] == "、":
                break  # the last of places listed (济南、青岛、潍坊分别新增…，累计达到58家): the total is no one place's
            if place:
                return place
    return paragraph_region(view, pos, lay) or default


def paragraph_region(view: str, pos: int, lay: Layout) -> str | None:
    """The place a paragraph opens with (浙江是…, 广东省工业和信息化厅介绍，…), or else the heading line
    right above it (浙江：核心产业增加值再上台阶): a report on several places speaks of that one there."""
    para = lay.paragraph_start(pos)
    if para not in lay.para_places:
        place = _line_place(view, para)
        end = para - 1
        while end > 0 and view[end - 1] in " \t\u3000\r\n":  # the heading above, past blank lines
            end -= 1
        head = view.rfind("\n", 0, end) + 1
        if place is None and 0 < end - head <= _HEADING and view[end - 1] not in "。；，.;,":
            place = _line_place(view, head)
        lay.para_places[para] = place
    return lay.para_places[para]


_HEADING = 40  # a heading line's length at most


def _line_place(view: str, start: int) -> str | None:
    end = _CLAUSE_BREAK.search(view, start, start + 40)
    line = view[start:end.start() if end else start + 40]
    if m := _named_heading().match(line):  # 高雄：智慧港口
        return m.group("p")
    place = _clause_place(line)
    return place if place in _named() else None  # (not 建立省…专班 nor 以县市来看: names only)


@cache
def _named() -> frozenset[str]:
    places = lexicon()["places"]
    return frozenset(places["provinces"] + places["cities"] + places["prefectures"])


@cache
def _named_heading() -> re.Pattern:
    return re.compile(rf"[ \t\u3000]*(?P<p>{alternation(_named())})(?:省|市|县|自治区)?(?:[：:]|$)")


_PLACE_BACK = 80  # how far back a place opening an earlier clause still names a row (a bounded look)


def _clause_place(clause: str, light: bool = False) -> str | None:
    # The trims below only cut the clause's ends, and drop its quotes and spaces and a 实现 inside:
    # a clause in which, so bared, no place name can stand cannot open with one (most clauses the
    # hint lets through only say 全市), and the trims are not run.
    bare = clause if light else _QUOTES.sub("", clause)
    if "实现" not in bare and not _patterns()["place_name"].search(bare):
        return None
    return _opening_place(clause, light)


def _opening_place(clause: str, light: bool = False) -> str | None:
    # light: only the leading words trimmed (据了解, 全市 …), without the figure-aware trims
    pats = _patterns()
    s = pats["strip_left"].sub("", clause.strip(), count=1) if light else clean_indicator(clause)
    m = pats["place_prefix"].match(s)
    if m and m.group("p") not in not_places() and not _NOT_A_NAME.search(m.group("p")) and \
            not pats["not_in_names"].search(m.group("p")):
        return m.group("p")
    return None


# ---- indicator names ----------------------------------------------------------------------------


def bare_verb(name: str) -> bool:
    return _patterns()["bare_verb"].match(name) is not None


# A name in quotes (「智方便」, “算力券”): a programme, platform or campaign; a period (“十四五”), a
# structure (“1+3+N”) or a list of slogans (“稳中有进、进中提质”) is none
# (a remark in brackets at its end is no part of the name: 「…推动方案（114-117年）」)
_QUOTED = re.compile(r"[「“『]([^」”』「“『，。；;,、\n（(]{2,24})(?:[（(][^」”』（(\n]{1,16}[)）])?[」”』]")
# (a structure is no programme: “1+3+N”, “5G+工业互联网”, “12345”, nor a year's survey: 「114年数位经济产业调查」;
# 「产学研1+计划」, 「5G企业专网补助计画」 are)
_NOT_PROGRAMME = re.compile(r"^(?:十[一二三四五六七八九]五|[0-9]{2,4}年|[0-9][0-9A-Za-z]*(?:[+＋]|$)|[一二三四五六七八九十]+$)")


def of_programme(view: str, q_start: int, sent_start: int, indicator: str) -> str:
    """The name with the programme its sentence is about in front, when it lacks it: 「智方便」登记用户
    已超过340万人 (登记用户 -> 智方便登记用户), 此外，「科技券」计划自推出以来已批出约4.6万宗申请. Not a
    campaign's slogan: one a policy verb leads to in its clause (开展数据中心“提质增量”行动, 机关运行
    “一网协同”) or that names an action, a project or one of a list (“四名”行动, “三医一张网”等)."""
    if indicator.startswith(("占", "相当于")):
        return indicator  # a share: join_shares names it after the level it is a share of
    start = max(sent_start, view.rfind(";", sent_start, q_start) + 1)  # the statement's own (not past ；)
    m = last_match(_QUOTED, view, start, q_start)
    if m is None and (fund := _UNQUOTED_PROGRAMME.search(view, start, q_start)) is not None:
        # 創科基金共批出逾4 600個項目，涉及資助總額約128億港元: a fund or scheme unquoted, the sentence's subject
        name = fund.group("abbr") or fund.group("p")
        named = fund.group("p") in indicator or name in indicator or indicator in name
        return indicator if named else name + indicator
    if m is None and (named := _named_before(view, start, q_start)) is not None:
        return indicator if named in indicator or indicator in named else named + indicator
    if m is None:
        # none in the sentence: the one programme its paragraph opens with, if no other is named since
        # (（一）「智方便」自2020年推出以來，登記用戶持續增加。…登記用戶已超過340萬名)
        reach = max(0, sent_start - _PARAGRAPH_REACH)  # (a paragraph, not a page saved as one line)
        para = view.rfind("\n", reach, sent_start) + 1
        first = _SENTENCE_END.search(view, para, sent_start) if para or not reach else None
        if first is None or not _QUOTE_OPEN.search(view, para, first.end()) or \
                len({q.group(1) for q in _QUOTED.finditer(view, para, q_start)}) != 1:
            return indicator
        m = _QUOTED.search(view, para, first.end())
        opening = _OPENS_PARAGRAPH.fullmatch(view, para, m.start()) if m else None
        if opening is None or not programme_named(view, m, para, launched=opening.group("launch") is not None):
            return indicator
    elif not programme_named(view, m, start):
        return indicator
    name = m.group(1)
    return indicator if name in indicator or indicator in name else name + indicator


_PARAGRAPH_REACH = 3000
# a clause whose subject is a programme named before by its kind alone (截至11月底，計劃共批出42個項目; 该基金已资助…)
_ANAPHOR = re.compile(r"(?:^|(?<=[，,；;]))(?:该|此|本|有关|相关)?(?P<kind>计划|计画|基金|券|平台|系统|专区)"
                      r"(?=共|累计|已|自|至今|目前|现已|现时|去年|今年|推出|上线|以来|批出|批核|接获|收到|录取)")


def _named_before(view: str, start: int, q_start: int) -> str | None:
    """The programme a clause names by its kind alone (计划, 该基金): the last quoted one of that kind in the
    paragraph before (政府於2023年推出「新型工業化資助計劃」，…。截至2025年11月底，計劃共批出42個項目)."""
    ref = _ANAPHOR.search(view, start, q_start)
    if ref is None:
        return None
    para = view.rfind("\n", max(0, start - _PARAGRAPH_REACH), start) + 1
    kind = ref.group("kind")
    return next((q.group(1) for q in reversed(list(_QUOTED.finditer(view, para, ref.start())))
                 if q.group(1).endswith(kind)), None)


# a fund, scheme, voucher or computing centre named at its clause's start before what it did (科学技术发展基金
# （科技基金）去年共资助…; （一）創科基金自1999年成立以來…; 數碼港人工智能超算中心自2024年12月啟用以來)
_UNQUOTED_PROGRAMME = re.compile(r"(?:^|(?<=[，,；;）)\u3000。！？\n]))(?P<p>(?!该|此|本)(?:[\u4e00-\u9fff]{1,10}(?:基金|计划|计画|券)|[\u4e00-\u9fff]{0,10}(?:超算中心|智算中心|算力中心)))"
                                 r"(?:[（(](?P<abbr>[\u4e00-\u9fff]{2,8})[）)])?(?=共|累计|已|去年|今年|至今|自|于|首阶段|现时|目前)")
_QUOTE_OPEN = re.compile("[「“『]")  # (most paragraphs open with no quote: one quick look)
# the paragraph is about the quote: it opens it (（一）「智方便」自…), or what launched it does
# (金管局於2018年推出的快速支付系統「轉數快」)
_OPENS_PARAGRAPH = re.compile(rf"[\s\u3000]*(?:{_NUMBERING}[\s\u3000]*)?"
                              r"(?P<launch>[^，。；,;「“『]{0,20}(?:推出|推行|设立|建设|开发|上线|启用)的[^，。；,;「“『]{0,8})?")
# a quote a report speaks of is its topic, not its figures' (國發會今天報告「AI新十大建設」推動進度指出，…)
_REPORTED = re.compile("报告|指出|表示|介绍|宣布|说明|透露")


_CLASS_OF_FIRMS = re.compile(r"(?:企业|公司|工厂)(?!版|号|端|账户|帐户)")


def programme_named(view: str, m: re.Match, start: int, launched: bool = False) -> bool:
    """Is the quote `m` a programme, platform or campaign its clause is about (not a period, a structure,
    a slogan a policy verb leads to, a report's topic, nor the name of what a figure before it counts)?
    One `launched` (…推出的快速支付系統「轉數快」，…) is a programme whatever follows it."""
    if _NOT_PROGRAMME.match(m.group(1)) or _CLASS_OF_FIRMS.match(view, m.end()):
        return False  # (专精特新“小巨人”企业, “链主”企业: a class of firms)
    before = view[start:m.start()]
    lead = before[max((b.end() for b in _CLAUSE_BREAK.finditer(before)), default=0):]
    # 行政院核定「…推动方案」，预计4年投入…; 至于「科技券」，…: what the clause launches or is about
    launched = launched or _LAUNCHED.search(lead) is not None or _TOPIC.search(lead) is not None
    pats = _patterns()
    # 设有28个「一户通」自助服务站: the quote names what a figure right before it counts (a year is no
    # figure: 114年「中小企業數位轉型補助計畫」共受理3,420件申請; 预留100亿元推行「…」 counts nothing)
    # (推出的30億元「人工智能資助計劃」: money before it is its size, not a count of it)
    counted = _COUNTED.search(lead) is not None and not _SIZED.search(lead)
    return not (counted or pats["campaign_verb"].search(lead) or _REPORTED.search(lead)
                or not launched and pats["slogan_after"].match(view, m.end()))


def subject_before(window: str, end: int) -> str | None:
    """The noun phrase that opens the clause ending at `end` (the subject before a verb: 創科基金共批出…),
    when the clause holds nothing else."""
    start = max((b.end() for b in _CLAUSE_BREAK.finditer(window, 0, end)), default=0)
    lead = window[start:end]
    if not lead or any(ch.isdigit() for ch in lead):
        return None
    subject = clean_indicator(lead)
    # (an agency that acts is no owner of what it counts: 省政府发布3项地方标准)
    ok = 2 <= len(subject) <= 10 and subject in lead.replace(" ", "") and not _NOT_SUBJECT.search(lead) \
        and not _AGENCY.search(subject)
    return subject if ok else None


# (推出的30亿元「…」, 推出为期三年、总额30亿元的「…」: launched, with its size between)
_SIZE = r"[0-9][万亿]*(?:港|澳门|美|欧)?元的?"  # (30亿元的: a programme's size before its name)
_LAUNCHED = re.compile(rf"(?:推出|推行|设立|成立|核定|核准|批准|预留)了?(?:[^，。；]{{0,16}}?{_SIZE})?$")
_TOPIC = re.compile("^(?:就|至于|关于|对于|在[^，。；]*下的)")
_AGENCY = re.compile("(?:政府|局|署|部|厅|委|办|处|委员会)$")
_NOT_SUBJECT = re.compile("[在已将把对向为于从由给让被]|每年|每月|当中|其中|截至|截止|年底|年末|首[一二两三四五六七八九十]?[轮批期]")


def last_match(pattern: re.Pattern, text: str, start: int, end: int) -> re.Match | None:
    """The last of the pattern's matches in text[start:end]."""
    found = None
    for found in pattern.finditer(text, start, end):
        pass
    return found


def strip_left(name: str) -> str:
    """The name without the time, place words, verbs and connectives it starts with (已开通5G基站)."""
    return _patterns()["strip_left"].sub("", name, count=1) or name


_IN_WHOLE = re.compile(r"(?:工业|企业|其|当)中(?![央国心小])")


def clean_indicator(phrase: str) -> str:
    """Trims an indicator phrase to the noun phrase: no time, place, verbs or connectives around it."""
    pats = _patterns()
    s = _QUOTES.sub("", phrase)
    if "(" in s or "（" in s:
        s = _REMARK.sub("", s)  # 业务总量(按2020年不变价格计算): the remark says how, the name stays
    if "从" in s or "由" in s:  # the two patterns below need their words: most phrases have neither
        s = _FROM_TO.sub("", s)  # 从30%提高到
    if "较" in s or "比" in s:  # 热点数目较2022年的6,800个增加约: the subject before the comparison
        s = _COMPARED.sub("", s)
    s = _cut_at_quantities(s)
    s = pats["strip_left"].sub("", s, count=1)
    if _may_end_in(s, _strip_right_ends()):  # most phrases end in their noun: the search cannot succeed
        s = pats["strip_right"].sub("", s, count=1)
    if s.endswith("占"):  # 有使用云端服务的企业(约)占52.3%: that part's share, 占比
        s = pats["strip_right"].sub("", s[:-1], count=1) + "占比"
    if "实现" in s:
        s = _INNER_VERB.sub("", s)  # 软件业实现营业收入 -> 软件业营业收入
    # 会在2027年前把主要服务的网上办理比率(提升至): what 把 / 将 takes is the name; a 将 before the
    # verb (5G基站将达到) is gone with the verb already
    if "把" in s or "将" in s or "让" in s:  # (…119年前让数位经济规模成长至)
        s = _DISPOSAL.sub("", s)
    if "于" in s or "超过" in s:  # 时延不高于理论时延(1.2倍): the bound's reference is no part of the name
        s = pats["bound_inside"].sub("", s)
    longest = 32 if JOINED in s else 24  # (规模以上信息传输﹑软件和信息技术服务业企业营业收入)
    if len(s) > longest:  # a longer phrase has prose before the name: cut after its 工业中 / 其中 if it has one
        cut = _IN_WHOLE.search(s, 0, len(s) - 4)
        s = s[cut.end():] if cut and len(s) - cut.end() <= longest else s[-longest:]
    return s


@cache
def _strip_right_ends() -> frozenset[str] | None:
    return last_chars(_patterns()["strip_right"])


def _may_end_in(s: str, ends: frozenset[str] | None) -> bool:
    """Can a pattern whose matches end with one of `ends` (None: any) match at the end of s? ($ also
    matches before a last \n.)"""
    return ends is None or s[-1:] in ends or s.endswith("\n") and s[-2:-1] in ends


@lru_cache(maxsize=4096)  # (names repeat across rows)
def defined(name: str, kept: bool = True) -> str:
    """The name with a statistics release's definition shown by what it defines, the definition kept in
    brackets (1000Mbps及以上接入速率的用户 -> 千兆宽带用户（1000Mbps及以上接入速率的用户）), or not."""
    if not _DIGIT.search(name):  # (every definition holds a figure)
        return name
    for shown, definition in _defined():
        if shown not in name:
            name = definition.sub(lambda m: f"{shown}（{m.group().lstrip('在为')}）" if kept else shown, name)
    return name


@cache
def _defined() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((name, re.compile(p)) for name, p in lexicon()["catalogue"]["defined_names"].items())


def _in_definition(s: str, pos: int, lo: int = 0, hi: int | None = None) -> bool:
    """Is `pos` inside a definition (1000Mbps及以上接入速率的用户) found in s[lo:hi]?"""
    hi = len(s) if hi is None else hi
    return any(m.start() <= pos < m.end() for _, d in _defined() for m in d.finditer(s, lo, hi))


def _cut_at_quantities(s: str) -> str:
    """A phrase that runs over another figure keeps only its own part: the subject before a figure
    that ends it (5G用户达到7800万户，同比增长…), the words after one inside it (省级平台25个和企业级平台);
    not a definition's figure (接入速率在1000Mbps及以上的…用户)."""
    if not _DIGIT.search(s):
        return s
    last = None
    for last in scan(s):  # the phrase comes from the search view already
        pass
    if last is None:  # an index's value without a unit (数字经济发展指数达到86.5): the name before it
        bare = _BARE_VALUE.search(s)
        return s[:bare.start()] if bare else s
    if _in_definition(s, last.start):
        return s
    if _CLASS_UNIT.search(s, 0, last.end) and _patterns()["class_nouns"].match(s, last.end):
        return s  # 营收超十亿元企业: the amount names a class, it is part of the name
    if last.outer_end >= len(s) - 1:
        return _OWN_SHARE.sub("", s[: last.outer_start])  # 乡村站点占15%(86个): the 占 is the share's
    return s[last.outer_end:].lstrip("、")  # (5G基站1200个、千兆端口: the next item of the list)


_OWN_SHARE = re.compile(r"约?占$")
_BARE_VALUE = re.compile(r"(?:达到|达|为|降至|降到|提高到|提高至|提升至|升至|增至)约?[0-9]+(?:\.[0-9]+)?$")


def clean_noun(noun: str) -> str:
    """A noun phrase right of a quantity ends before the next verb (文化馆具备服务能力 -> 文化馆)."""
    s = _QUOTES.sub("", noun)
    # 3幅专作数据中心用途的用地: a purpose clause is the name's, its verb no end; without its 的 the
    # noun is still to come (12个用于数据中心|的地块)
    if purpose := _patterns()["purpose"].match(s):
        rest = clean_noun(s[purpose.end():]) if purpose.group().endswith("的") else ""
        return purpose.group() + rest if rest else ""
    # a name in quotes may hold anything, a count too (28个「一户通」自助服务站)
    quoted = _LEADING_NAME.match(noun)
    if quoted is None and _patterns()["noun_bad_start"].match(s):
        return ""
    count = _NEXT_COUNT.search(s, len(quoted.group(1)) if quoted else 0)
    if count:  # 部门31项服务: the noun ends where the next count begins (乡村及13个…: and its 及)
        s = s[: count.start()].removesuffix("以及").rstrip("及和与并")
    m = _patterns()["stop_after"].search(s, 1)
    if m:
        s = s[: m.start()]
    s = s.rstrip("的等")
    if s.endswith("中") and not s.endswith(_IN_WORDS):  # 52个公共泊车场中，…: the set counted, not its inside
        s = s[:-1].removesuffix("之")
    return s


# a structure's formula (“1+3+N”, 1+14+N): its parts spelled out after it are no figures
_FORMULA = re.compile(r"(?<![0-9.])([0-9一二三四五六七八九十]{1,2})\s*\+\s*([0-9一二三四五六七八九十]{1,2}|[NnX])"
                      r"(?:\s*\+\s*([0-9一二三四五六七八九十]{1,2}|[NnX]))?(?![0-9.%])")


def _spells_formula(view: str, sent_start: int, q_start: int, q_end: int, value: float) -> bool:
    """A count written before its noun (1个市级政务云, 3大应用体系) whose value is a part of a formula
    its sentence gave before it."""
    if not "\u4e00" <= view[q_end:q_end + 1] <= "\u9fff":
        return False
    for m in _FORMULA.finditer(view, sent_start, q_start):
        if value in {parse_numeral(g) for g in m.groups() if g and g not in "NnX"}:
            return True
    return False


def _incentive_bound(view: str, left: int, q_start: int, q_end: int, right: int, pats) -> bool:
    """Is the figure the bound of the class an incentive clause (对…的企业) names? A bound is said as one:
    a threshold word before it (超过, 突破, 达到) or 以上/以下 after it, and the class's 的 after that."""
    before = pats["incentive_class"].match(view, left, q_start)
    after = pats["incentive_class_after"].match(view, q_end, right)
    return bool(before and after and (before.group("bound") or after.group().startswith(("以", "及"))))


_IN_WORDS = ("其中", "集中", "高中", "初中", "空中", "心中", "华中", "居中", "适中")


def _recaps_list(view: str, clause: int, q_start: int, q_end: int, value: float) -> bool:
    """A count right after a list of as many items, with their noun after it, names them again
    (哈尔滨、大庆、齐齐哈尔3个城市, 银行、信用参考及医疗三个范畴): it measures nothing (国家级、省级企业2家 does)."""
    if not 2 <= value <= 12 or not value.is_integer() or not "\u4e00" <= view[q_end:q_end + 1] <= "\u9fff" \
            or view.rfind("、", clause, q_start) < 0:
        return False
    items = view[clause:q_start].split("、")
    items[-1:] = _LAST_ITEM.split(items[-1], maxsplit=1)
    return all(items) and len(items) == value


_RANKED = re.compile(r"依次|依序|分别|为|是")
_FULL_MARKS = ("满分", "满分为", "总分", "总分为")


@cache
def _durations() -> tuple[str, ...]:
    return tuple(lexicon()["units"]["time"])


def _in_speech(view: str, pos: int) -> bool:
    """Is `pos` inside a quoted sentence (“…，…。”), as a speaker's words are, not a quoted name?"""
    para = view.rfind("\n", 0, pos) + 1
    opened = max(view.rfind("“", para, pos), view.rfind("「", para, pos))
    if opened < 0 or _QUOTE_CLOSE.search(view, opened, pos):
        return False
    close = _QUOTE_CLOSE.search(view, pos)
    return close is not None and any(mark in view[opened:close.start()] for mark in "，。,")


_QUOTE_CLOSE = re.compile("[”」]")


_SESSION_AFTER = re.compile(r"[一二三四五六七八九十]+(?:中全会|中|次(?:全体)?会议)|全国人大|人大|政协|全会")


def is_noise(view: str, q_start: int, q_end: int, sent: tuple[int, int], lay: Layout,
             value: float | None = None) -> bool:
    """Numbers about the text or its making (调研了29个部门, 9个方面, 两种模式), penalties (罚款5万元),
    frequencies (700兆赫), service hours (24小时自助服务) and a count (`value`) naming a list again."""
    pats = _patterns()
    k = bisect.bisect_right(lay.item_ends, q_end)  # the first clause break or 、 after the figure
    right = lay.item_ends[k] - 1 if k < len(lay.item_ends) and lay.item_ends[k] <= sent[1] else sent[1]
    # the clause, enumeration included (调研了…、29个部门、8家企业): a plan's 组织开展 elsewhere in the
    # sentence does not make its figures noise
    left = lay.clause_start(q_start)
    if pats["process_or_penalty"].search(view, left, right):
        return True
    if value is not None and _recaps_list(view, left, q_start, q_end, value):
        return True
    # 一家企业…, 该村…, 公司今年…: one firm's own figure, unless the region's scope comes back (…，全市…)
    anecdote = pats["anecdote"].search(view, sent[0], q_start)
    if anecdote and not _REGION_SCOPE.search(view, anecdote.end(), q_start):
        return True
    raw = view[q_start:q_end]
    if raw.endswith(_noise_units()):
        return True
    if raw.endswith("届") and _SESSION_AFTER.match(view, q_end):
        return True  # 党的二十大和二十届二中、三中全会: a congress's term, no count
    if raw.endswith(_durations()) and _in_speech(view, q_start):
        return True  # “现在平台提前72小时就能发出预警。”: a speaker's story, not a measure
    if raw.endswith("P") and "算力" not in view[sent[0]:sent[1]]:
        return True  # 5000P is computing power's shorthand (PFlops); 1080P a video's resolution
    if raw.endswith("元") and pats["subsidy_cap"].search(view, left, q_start):
        return True  # 单个项目最高补助1000万元: a scheme's cap
    if raw.endswith("%") and (pats["subsidy_rate"].match(view, q_end, right)
                              or pats["subsidy_cap"].search(view, left, q_start)):
        return True  # 按不超过10%的比例给予补助, 给予租金减免50%: a scheme's rate
    if raw.endswith(_stretch_units()) and pats["stretch_before"].search(view, max(left, q_start - 3), q_start):
        return True  # 过去六个月, 今年前8个月: a stretch of time, not a measured figure
    if raw.endswith("小时") and (pats["hours_nouns"].match(view, q_end, right) or view[q_start - 2:q_start] in _ROUND_THE_CLOCK):
        return True  # 24小时人工值守, 7×24小时
    if raw.endswith("分") and (view[max(left, q_start - 4):q_start].endswith(_FULL_MARKS)
                               or view.startswith("为满分", q_end)):
        return True  # 满分10分, 以10分为满分: the scale, not a score
    if raw.endswith(tuple(lexicon()["indicator"]["rank_units"])) and \
            pats["rank_before"].search(view, max(left, q_start - 4), q_start):
        return True  # 居全省第3位, 位次前移2位: a rank
    if raw.endswith(measure_words()) and pats["ranked_scope"].search(view, max(left, q_start - 8), q_start) \
            and _RANKED.search(view, q_end, right):
        return True  # 前三类数位工具依序为…, 最多的五个地点依次为…: the members a ranking names
    if value is not None and view.find("+", sent[0], q_start) >= 0 and _spells_formula(view, sent[0], q_start, q_end, value):
        return True  # 构建“1+3+N”格局，即1个核心区、3个产业带: the parts of a structure
    if view.startswith(("对", "凡"), left) and _incentive_bound(view, left, q_start, q_end, right, pats):
        return True  # 对年营业收入首次突破10亿元的软件企业，给予…: the class a reward is for
    if raw[-1:].isascii() and raw[-1:].isalpha() and \
            _in_definition(view, q_start, max(left, q_start - 8), min(sent[1], q_end + 24)):
        return True  # 1000Mbps及以上接入速率的用户: the figure defines a name (a speed, with a letter unit)
    if raw.endswith("次") and not raw.endswith("人次") and pats["routine_before"].search(view, max(left, q_start - 16), q_start):
        return True  # 每季度召开1次调度会: a routine's frequency
    if raw.endswith("个") and pats["admin_scope"].match(view, q_end, sent[1]):
        return True  # 全市16个县（市、区）城区已全部…: the units a statement covers
    if q_end == right:
        return False  # nothing follows the figure in its clause
    if pats["structure_or_population"].match(view, q_end, right):
        return True
    if raw.endswith(measure_words()) and (pats["determiner"].match(view, q_end, right)
                                           or _MEMBERS_OF.match(view, q_end, right)):
        # 三家基础电信企业的移动电话用户总数达18.1亿户, 三家基础电信企业全年分别完成…: the count says whose figures
        return True
    if raw.endswith(("户", "人")) and pats["size_class"].match(view, q_end, right):
        return True  # 20户以上自然村: the villages a statement covers, by their size
    if raw.endswith(_CLASS_ENDINGS) and pats["class_nouns"].match(view, q_end, right):
        return True  # 营收超百亿元企业, 1Gbps以上用户: a class's name
    if not raw.endswith("%") and _OR_BOUND_OF.match(view, q_end, right):
        return True  # 僱員人數10人或以上的企業: a class's bound
    if not raw.endswith("%") and pats["threshold_after"].match(view, q_end, right) and \
            pats["threshold_before"].search(view, max(left, q_start - 3), q_start) and \
            not (raw.endswith(measure_words()) and not _THEN_OF.match(view, q_end, right)):
        # 年销售额超过100万元的有126个, 在职员工少于10名的场所: a class's bound; 逾4 600個項目 counts them
        return True
    if view.startswith("以下", q_end) and raw.endswith(measure_words()) and pats["threshold_after"].match(view, q_end, right):
        return True  # 6班以下偏远学校, 50人以下小微企业: a size class (nobody plans "100家以下企业")
    if pats["noise_nouns"].match(view, q_end, right):
        # 9个部门的120项服务: the departments that offer counted services are a count themselves, and so
        # are the ones a platform connects (已连接26个部门)
        return not pats["paired"].match(view, q_end, right) and not pats["joined_by"].search(view, left, q_start)
    return False


def outer_comparator(view: str, q_start: int, clause_start: int, comparator: str, q_end: int | None = None) -> str:
    """The comparator of a figure whose comparator words stand apart from it: 约为102% (~),
    不高于理论时延1.2倍 (<=: the bound opens the clause and names its reference), 90% 以上 (text
    from a PDF, a space between the figure and its comparator)."""
    if comparator != "=":
        return comparator
    pats = _patterns()
    if q_end is not None and view[q_end:q_end + 1] == " ":
        m = _SPACED_AFTER.match(view, q_end)
        if m:
            return lexicon()["comparators"]["after"][m.group(1)]
    before = view[max(clause_start, q_start - 7):q_start]  # 约新台币5.1兆元: a currency word between
    if "约" in before and (m := pats["approx_before"].search(before)) and \
            not (m.group().startswith("约") and in_word_about(before, m.start())):
        return "~"
    if pats["over_before"].search(before):
        return ">"  # 逾新臺幣1,500億元, 突破新台币6兆元
    if "分别" in view[clause_start:q_start] and (listed := _LIST_SO_FAR.fullmatch(
            view, view.rfind("分别", clause_start, q_start), q_start)) is not None:
        # 分別約為210萬、268萬及315萬名, 分别突破4.2亿元和8000万元: every member is approximate, or over;
        # 分别控制在20毫秒、18毫秒、22毫秒以内: every member within the bound the last one states
        if word := listed.group("w") or listed.group("w2"):
            return _LIST_COMPARATORS[word]
        if q_end is not None and (rest := _LIST_REST.match(view, q_end)):
            return lexicon()["comparators"]["after"][rest.group(1)]
    if "约占" in view[clause_start:q_start] and view[q_start - 1:q_start] == "的":
        return "~"  # 约占本澳成年居民的79%: the share the clause opens with 约占 is approximate
    clause = view[clause_start:q_start]
    if "于" in clause or "超过" in clause:
        m = pats["bound_opening"].search(clause)
        if m:
            return lexicon()["context"]["bound_opening"][m.group(1)]
    return comparator


# 分别 (约为, 突破 …) and the list up to the figure: members and their separators only
_LIST_MEMBER = r"(?:[^，。；,;、及和与]|(?<=[0-9]),(?=[0-9])){1,12}"
_LIST_SO_FAR = re.compile(rf"分别(?P<w>约|突破|超过|逾)?(?:为|是|达到|达|控制在|保持在)?(?P<w2>约)?(?:{_LIST_MEMBER}(?:、|及|和|与))*")
# …and the members after the figure, to the comparator after the last (…、22毫秒以内)
_LIST_REST = re.compile(rf"(?:(?:、|及|和|与){_LIST_MEMBER}?)+?(以内|以下|以上|左右)(?=[，。；,;]|$)")
_LIST_COMPARATORS = {"约": "~", "突破": ">", "超过": ">", "逾": ">"}


def close_spaces(window: str) -> str:
    """A rule's window without the spaces next to a Chinese character: text from a
    PDF spaces words apart (占 GDP 比重 34%); spaces between two Latin words stay (10G PON).
    A space between thousands (由约3 600个增至…) goes too: the figure reads as one word."""
    return _SPACE_NEXT_TO_HAN.sub("", window)


def bad_phrase(name: str) -> bool:
    return not name or bool(_patterns()["bad_end"].search(name))


def is_total(name: str) -> bool:
    """A name that is only a total (总规模, 合计, 将数目增至): the total of what the sentence counted before."""
    return name in _bare_names() or _TOTAL_CHANGED.sub("", name) in _bare_names()


_TOTAL_CHANGED = re.compile(r"(?<=..)(?:增至|增加到|提高到|提升到|增|达到|达)$")


@cache
def _stretch_units() -> tuple[str, ...]:
    return tuple(lexicon()["indicator"]["stretch_units"])


@cache
def measure_words() -> tuple[str, ...]:
    return tuple(lexicon()["units"]["measure"])


@cache
def _noise_units() -> tuple[str, ...]:
    return tuple(lexicon()["indicator"]["noise_units"])


@cache
def _aspect_words() -> frozenset[str]:
    return frozenset(lexicon()["context"]["aspect_words"])


def is_aspect(cue: str) -> bool:
    """累计 and its like: how a figure counts, in a review or a goal alike."""
    return cue in _aspect_words()


@cache
def _bare_names() -> frozenset[str]:
    return frozenset(lexicon()["indicator"]["bare_names"])


# ---- target or actual, and the year -------------------------------------------------------------


@dataclass
class Cues:
    kind: list[tuple[int, str, str]]  # (position, "target" | "actual" [+ "_strong"], the cue's words)
    years: list[tuple[int, str, int | None, str]]  # (position, type, year, the expression's words)
    sections: Sections | None = None
    semicolons: list[int] = field(default_factory=list)  # ； ends a statement inside a sentence
    openers: list[int] = field(default_factory=list)  # paragraphs that go on with the one before (其中，…)
    view: str = ""
    whole_years: list[int] = field(default_factory=list)  # where 全年 is said of no named year
    _kind_pos: list[int] = field(default_factory=list)
    _year_pos: list[int] = field(default_factory=list)

    def __post_init__(self):
        self._kind_pos = [p for p, _, _ in self.kind]
        self._year_pos = [p for p, _, _, _ in self.years]


@cache
def _cue_words() -> tuple[dict[str, str], dict[str, str], dict[str, tuple[str, ...]]]:
    ctx = lexicon()["context"]
    kinds = {**{w: "actual" for w in ctx["actual"]}, **{w: "target" for w in ctx["target"]}}
    return kinds, ctx["not_after"], {w: tuple(v) for w, v in ctx["not_before"].items()}


_DIRECTIVE = re.compile("要求|将|计划|力争|确保|争取|目标|部署")  # (会议要求，年内新增…: the new year's goal)


def cues(view: str, lay: Layout, facts: DocFacts) -> Cues:
    pats = _patterns()
    kinds, not_after, not_before = _cue_words()
    ref = facts.now_year
    looks_back = facts.report_year is not None and facts.ref_year is not None and facts.report_year < facts.ref_year
    kind, years = [], []
    for m in pats["kind"].finditer(view):
        word, start = m.group(), m.start()
        if start and view[start - 1] in not_after.get(word, ""):
            continue
        if view.startswith(not_before.get(word, ()), m.end()) or lay.is_blocked(start, m.end()):
            continue
        if word == "年内" and looks_back and not _DIRECTIVE.search(view, max(0, start - 8), start):
            continue  # 年内 in a report on a year past (公布2025年主要发展数据, 2026-02): during that year
        if word == "年内" and ref and (y := _YEAR.fullmatch(view, max(0, start - 4), start)) and int(y.group()) < ref:
            continue  # 2025年内 on a page of 2026: during a year past
        # 截至 and …以来 (今年以来, 2018年以来) date a report: as strong as a deadline
        kind.append((start, "actual_strong" if word in ("截至", "截止", "以来") else kinds[word], word))
    for m in _year_matches(view, pats["year"]):
        if lay.is_blocked(m.start(), m.end()):
            continue
        if not roc_year_ok(m, facts.roc):
            if facts.roc is None:
                facts.roc = uses_roc_years(view)
            if not roc_year_ok(m, facts.roc):
                continue
        words = _year_words(view, m)
        if m.group("deadline"):  # 到2028年; 2026—2028年，每年…: a span's figures run to its end
            y = gregorian(m.group("dy") or m.group("sy"))
            years.append((m.start(), "deadline", y, words))
            # 提升至114年的98.7% in a report of 2026: an end point already passed reports
            kind.append((m.start(), "actual_strong" if ref and y < ref else "target_strong", words))
        elif m.group("asof"):
            years.append((m.start(), "asof", gregorian(m.group("ay")), words))
        elif m.group("plain") or m.group("fiscal"):
            y = gregorian(m.group("py") or m.group("fy"))  # 2024-25年度, 二○二四至二五年度: the year it opens
            # 从2022年的320万户提高到800万户: a baseline's year dates the baseline, never a target
            base = _BASE.search(view, max(0, m.start() - 3), m.start()) or \
                _BASE_OF.search(view, max(0, m.start() - 3), m.start()) and _OF_AFTER.match(view, m.end()) or \
                _COMPARED_WITH.match(view, m.end())  # 与疫情前的2019年比较，…: the year compared with
            years.append((m.start(), "base" if base else "plain", y, words))
            if view.startswith(("底前", "年底前"), m.end()):  # 2022年底前: a deadline
                kind.append((m.start(), "target_strong", words))
            elif _BEFORE_YEAR.match(view, m.end()) and not base and (ref is None or y >= ref):
                years[-1] = (m.start(), "deadline", y, words)  # 会在2027年前: a deadline still to come
                kind.append((m.start(), "target_strong", words))
            elif ref and m.group("fiscal") and (y == ref or y == ref - 1 and _early_in_year(facts)):
                # 在2026至27年度内…提升至: the budget year under way plans (2025-26年度 on a page of February 2026)
                kind.append((m.start(), "target", words))
            elif ref and y < ref and not base:  # a past year's figures are actuals (a baseline's say nothing)
                kind.append((m.start(), "actual", words))
            # 2027年为攻坚阶段，…达到: a year still to come plans (距2025年目标 measures against it)
            elif ref and y > ref and not base and m.group("plain") and \
                    not _TOWARDS.search(view, max(0, m.start() - 3), m.start()):
                kind.append((m.start(), "target", words))
        elif m.group("within"):  # 5年内: a deadline counted from the page's year
            w = m.group("wn") or m.group("wf")  # 5年内, 未来两年
            n = int(w) if w.isdigit() else _small_numeral(w)
            # a page from January to September counts its own year as the first (未来三年 in 2026-02: to
            # 2028); one from its last quarter counts from the next (未来两年 in 2025-11: to 2027)
            first = 1 if facts.published and int(facts.published[5:7]) < 10 else 0
            y = ref + n - first if ref and n else None
            if y and facts.plan_years and max(facts.plan_years) == y - 1:
                y -= 1  # 3年内 in a plan for 2026-2028 counts its own three years
            years.append((m.start(), "deadline", y, words))
            # (未来五年 plans as 未来 always did: a weak cue, beyond its paragraph of no weight)
            kind.append((m.start(), "target" if m.group("wf") else "target_strong", words))
        elif m.lastgroup in _RELATIVE and view[m.start() - 1:m.start()] == "是":
            continue  # 是前年的2.5倍: a comparison's base, which dates nothing
        elif m.lastgroup in _RELATIVE and (_BASE.search(view, max(0, m.start() - 3), m.start())
                                           or view.startswith("同期", m.end())):
            years.append((m.start(), "base_" + m.lastgroup, None, words))  # 由去年底的72%
        else:
            years.append((m.start(), m.lastgroup, None, words))
            if m.lastgroup == "nextyear":  # 明年预留…: a year still to come plans
                kind.append((m.start(), "target", words))
    for m in pats["now"].finditer(view):
        if not lay.is_blocked(m.start(), m.end()):  # 由目前的42.5%提升至65%: a baseline's now
            base = _BASE.search(view, max(0, m.start() - 3), m.start())
            years.append((m.start(), "base_now" if base else "now", None, m.group()))
    for m in pats["recent"].finditer(view):  # 近一年，全市新增…: a report, whatever was planned before
        if not lay.is_blocked(m.start(), m.end()):
            years.append((m.start(), "recent", None, m.group()))
            kind.append((m.start(), "actual", m.group()))
    for m in _MONTH.finditer(view):  # 截至上月底: the month before the page's date
        if not lay.is_blocked(m.start(), m.end()):
            last = m.group(1) != "本月"
            years.append((m.start(), "lastmonth" if last else "thismonth", None, m.group()))
            if last:  # 上月底，全市…: a month past reports, whatever was planned in the sentence before
                kind.append((m.start(), "actual", m.group()))
    for m in _MONTH_STRETCH.finditer(view):  # 1-10月，收入累计…: the months up to the latest such month
        if not lay.is_blocked(m.start(), m.end()) and 1 <= int(m.group(1)) <= 12:
            years.append((m.start(), f"month{int(m.group(1))}", None, m.group()))
    parts = lexicon()["context"]["year_parts"]
    for m in pats["year_part"].finditer(view):  # 上半年，全市…: the latest such part of a year
        if view[m.start() - 1:m.start()] != "年" and not lay.is_blocked(m.start(), m.end()):
            years.append((m.start(), f"month{parts[m.group()]}", None, m.group()))
    if facts.published:  # 在10月24日举办的…上, 9月15日，…: a day without its year is of the page's latest such month
        for m in _DAY.finditer(view):
            if (m.start() == 0 or view[m.start() - 1] not in "0123456789年月") and 1 <= int(m.group(1)) <= 12 \
                    and not lay.is_blocked(m.start(), m.end()):
                years.append((m.start(), f"month{int(m.group(1))}", None, m.group()))
    for m in _ASOF_MONTH.finditer(view):  # 截至6月底, 截至九月底 without a year: the latest such month
        if not lay.is_blocked(m.start(), m.end()) and 1 <= _day(m.group(1)) <= 12:
            years.append((m.start(), f"month{_day(m.group(1))}", None, m.group()))
    periods = lexicon()["context"]["five_year_plans"]
    for m in pats["five_year_plan"].finditer(view):  # starts with 十, which the engine can skip to
        lead = view[max(0, m.start() - 3):m.start()].rstrip("“\"「")  # (the period in quotes)
        to = lead.endswith(("到", "至"))
        if lay.is_blocked(m.start(), m.end()) or not (to or m.group("end")):
            continue  # a bare 十四五 names the plan, it dates nothing
        y = periods[m.group("name")]
        words = m.group()
        if m.group("end") == "以来":  # “十四五”以来: a review since the period began, dated by nothing
            years.append((m.start(), "since", y if ref and y < ref else None, words))  # (or by its end, if past)
            kind.append((m.start(), "actual", words))
            continue
        if to or m.group("end") in ("末", "期末", "时期末"):
            years.append((m.start(), "deadline", y, words))  # 到“十四五”末
            kind.append((m.start(), "actual_strong" if ref and y < ref else "target_strong", words))
        elif view.startswith("的", m.end()) and lead.endswith(("是", "比", "较", "于")):
            years.append((m.start(), "base_plain", y, words))  # 是“十三五”时期的1.4倍: a base, it dates no other figure
        else:
            years.append((m.start(), "plain", y, words))  # “十三五”期间: as of the period's end
            if ref:  # a period that has ended reports; the current or a coming one plans
                kind.append((m.start(), "actual" if y < ref else "target", words))
    if asked := questions(view):
        kind = [k for k in kind if not inside(asked, k[0])]
    kind.sort()
    years.sort(key=lambda y: y[0])
    semis = [m.start() for m in _SEMICOLON.finditer(view)] if "；" in view or ";" in view else []
    openers = _opener_ends(view) if "看" in view or "其中" in view else []
    whole = [m.start() for m in _WHOLE_YEAR.finditer(view)] if "全年" in view else []
    return Cues(kind, years, sections(view), semis, openers, view, whole)


def _day(s: str) -> int:
    """8 or 十一 as a number (a month or a day)."""
    return int(s) if s.isdigit() else _small_numeral(s) or 0


def _small_numeral(s: str) -> int | None:
    from .grammar import parse_chinese

    v = parse_chinese(s)
    return int(v) if v else None


def _year_words(view: str, m) -> str:
    """The year expression as a reader sees it: 截至2022年底, 到2025年, 2022年底前."""
    tail = _YEAR_TAIL.match(view, m.end(), m.end() + 2).end() - m.end()
    return view[m.start():m.end() + tail].strip()


def _year_matches(view: str, pattern: re.Pattern):
    """The year pattern's matches, found by trying it only around each 年 (every year expression has
    one): the same matches as pattern.finditer(view), several times faster on long texts."""
    done = 0
    p = view.find("年")
    while p >= 0:
        if p >= done:
            m = pattern.search(view, max(p - 14, done), p + 8)
            if m is not None and m.end() > p:
                done = m.end()
                yield m
        p = view.find("年", p + 1)


def decide_kind(c: Cues, pos: int, sent: tuple[int, int], default: str) -> str:
    return decide_kind_cue(c, pos, sent, default)[0]


def decide_kind_cue(c: Cues, pos: int, sent: tuple[int, int], default: str,
                    para: int | None = None) -> tuple[str, str | None]:
    """The kind and the words that decided it: the strong cue nearest before the quantity in its
    sentence, else the nearest weak one, else the first cue after it in the sentence, else the
    section's heading (发展基础, 发展目标), else the last cue before it in the section or document."""
    i = bisect.bisect_left(c._kind_pos, pos)
    whole = sent
    if c.semicolons:  # 2026年前…达到800万户；2023年已完成…: a deadline in the statement before is not this one's
        k = bisect.bisect_left(c.semicolons, pos) - 1
        if k >= 0 and c.semicolons[k] > sent[0]:
            own = bisect.bisect_left(c._kind_pos, c.semicolons[k])
            # a statement after ； keeps the cues before it only when they open the sentence
            # (到2025年，A达到X；B达到Y), not when they belong to a clause of their own
            # (…，已超额完成“十四五”末1.2万个的目标任务；每万人拥有5G基站数32个)
            opening = _COMMA.search(c.view, sent[0], c.semicolons[k]) if c.view else None  # (not 包括：)
            timed = any(c.kind[x][2] not in _aspect_words() for x in range(own, i))  # not 累计 alone
            if timed or own > 0 and opening and c.kind[own - 1][0] > opening.start():
                sent = (c.semicolons[k], sent[1])
    j = i
    while j > 0 and c.kind[j - 1][0] >= sent[0]:
        j -= 1
    in_sentence = c.kind[j:i]
    strong = [(p, k, w) for p, k, w in in_sentence if k.endswith("_strong")]
    if strong:
        # (截至9月底预算执行率已提升至81.3%，预计年底可达90%: a forecast in a clause of its own)
        at, near, words = in_sentence[-1]
        if strong[-1][1] == "actual_strong" and near == "target" and c.view is not None \
                and _CLAUSE_BREAK.search(c.view, strong[-1][0], at) and not _CLAUSE_BREAK.search(c.view, at, pos):
            return near, words
        return strong[-1][1].removesuffix("_strong"), strong[-1][2]
    aspect = _aspect_words()
    own_aspect = None  # 累计 says how a figure counts, in a review or a goal alike: it decides nothing
    if in_sentence:
        if in_sentence[-1][2] not in aspect:
            return in_sentence[-1][1], in_sentence[-1][2]
        # a timed cue in the statement, else one opening its sentence (2022年，…；累计建成5G基站2.4万个)
        timed = [cue for cue in in_sentence if cue[2] not in aspect]
        if not timed and whole != sent and c.view:
            comma = _COMMA.search(c.view, whole[0], pos)
            end = bisect.bisect_left(c._kind_pos, comma.start()) if comma else 0
            timed = [cue for cue in c.kind[bisect.bisect_left(c._kind_pos, whole[0]):end] if cue[2] not in aspect]
        if timed:
            return timed[-1][1].removesuffix("_strong"), timed[-1][2]
        own_aspect = in_sentence[-1]
    # a cue after the figure speaks for it, unless a year opens a new statement between them
    # (2024年底…达到1250万户，2025年将新增…)
    if i < len(c.kind) and c.kind[i][0] < sent[1] and not _year_between(c, pos, c.kind[i][0]) and \
            not _figure_between(c.view, pos, c.kind[i][0]) and not _semicolon_between(c, pos, c.kind[i][0]) and \
            c.kind[i][2] not in aspect and (own_aspect is None or c.kind[i][1].endswith("_strong")) and \
            not (c.sections and c.sections.at(c.kind[i][0])[2] != c.sections.at(pos)[2]):  # (not past a heading)
        return c.kind[i][1].removesuffix("_strong"), c.kind[i][2]
    section_kind, heading, _ = c.sections.at(pos) if c.sections else (None, "", 0)
    if section_kind:
        return section_kind, heading
    k = i - 1
    while k >= 0 and c.kind[k][2] in aspect:
        k -= 1
    # with 累计 of its own, a figure follows only a cue close by: a strong one in its paragraph, any within
    # a few short lines (一图读懂: 2025年 ⏎ 5G基站累计建成2.9万个)
    near = own_aspect is None or pos - c.kind[k][0] < _NEAR if k >= 0 else False
    if k >= 0 and not near and para and c.view and _ASPECT_OPENS.match(c.view, para):
        # (…2025年，全市…累计达到8,415个。¶ 数字政府建设方面，…累计上线服务事项1,862项: the review goes on)
        near = c.kind[k][1].startswith("actual") and c.kind[k][0] >= c.view.rfind("\n", 0, para - 1) + 1
    if k >= 0 and (near or c.kind[k][1].endswith("_strong") and (para is None or c.kind[k][0] >= para)):
        prev_pos, prev_kind, prev_words = c.kind[k]
        # a report's figure is not planned by a weak word in an earlier paragraph (…並計劃推出諮詢。
        # ¶ 九月份用量約為15.6萬太字節); a plan's goals do follow their paragraph of 计划/目标
        if default == "actual" and para is not None and prev_pos < para and not prev_kind.endswith("_strong"):
            return default, None
        # nor a plan's tasks by a review's year before their heading (2025年，…。¶ 一、… 新开放数据集180个)
        if default == "target" and prev_kind == "actual" and c.sections \
                and c.sections.at(prev_pos)[2] != c.sections.at(pos)[2]:
            return default, None
        return prev_kind.removesuffix("_strong"), prev_words
    # 累计 alone: a review's figure in a report, a goal's in a plan (三年累计开放500个)
    return default, own_aspect[2] if own_aspect is not None else None


def _section_as_of(c: Cues, j: int, pos: int) -> bool:
    """截至10月末 opening a bulletin's section dates the section's later paragraphs too."""
    typ = c.years[j][1]
    if not (typ in ("asof", "thismonth", "lastmonth") or typ.startswith("month")) or not c.sections:
        return False
    return c.sections.at(c.years[j][0])[2] == c.sections.at(pos)[2] > 0


def _semicolon_between(c: Cues, a: int, b: int) -> bool:
    """…按年增长28%；邮电局预计明年将再扩容: a cue in the next statement is that statement's."""
    return _between(c.semicolons, a + 1, b)


def _figure_between(view: str | None, a: int, b: int) -> bool:
    """Is there another figure after the clause of the figure at `a` and before the cue at `b`
    (其中营业收入超亿元企业214家，超10亿元企业23家，3家企业…有望突破百亿元: the cue is the 3家's)?"""
    if not view:
        return False
    first = _CLAUSE_BREAK.search(view, a, b)  # (not 5,000's comma)
    return first is not None and _A_FIGURE.search(view, first.end(), b) is not None


# digits that are a figure: not a name (5G, 10G-PON) nor a year (2025年)
_A_FIGURE = re.compile(r"(?<![A-Za-z0-9.])[0-9][0-9,.]*(?![0-9,.])(?![A-Za-z年月日])")
_COUNTED = re.compile(_A_FIGURE.pattern + r"[^0-9]{0,3}$")
_SIZED = re.compile(_SIZE + "$")


def _year_between(c: Cues, a: int, b: int) -> bool:
    k = bisect.bisect_right(c._year_pos, a)
    # (明年 opens a statement of its own even as the cue: 比率为78%，数发部规划明年提高至85%)
    return k < len(c.years) and (c.years[k][0] < b and c.years[k][1] in ("plain", "deadline", "asof")
                                 or c.years[k][0] <= b and c.years[k][1] == "nextyear")


def decide_year(c: Cues, pos: int, para: int, kind: str, facts: DocFacts) -> int | None:
    return decide_year_cue(c, pos, para, kind, facts)[0]


def decide_year_cue(c: Cues, pos: int, para: int, kind: str, facts: DocFacts,
                    sent_start: int = 0) -> tuple[int | None, str | None]:
    """The nearest year expression before the quantity: in its paragraph for an actual (or in its
    review section: 一、发展基础 … 截至2022年底 … sets the as-of date of the section); for a target
    also earlier paragraphs (a plan sets its deadline once: 到2025年 ... and the goals follow)."""
    lower = para
    j = bisect.bisect_left(c._year_pos, pos) - 1
    if kind == "actual" and c.sections:
        section_kind, heading, start = c.sections.at(pos)
        if section_kind == "actual":
            lower = min(lower, start)
            if _patterns()["reviewed_year"].search(heading) and not _YEAR.search(heading) and (j < 0 or c.years[j][0] < start):
                return reviewed_year(facts), heading  # 【数读·郑州算力这一年】 on a January page: last year
    k = bisect.bisect_left(c.semicolons, pos) - 1
    statement = max(sent_start, c.semicolons[k] if k >= 0 else 0)
    while j >= 0 and c.years[j][1].startswith("base") and (kind == "target" or c.years[j][0] < statement
                                                          or _TO_POINT.search(c.view, c.years[j][0], pos)
                                                          or ")" in c.view[c.years[j][0]:pos]):
        j -= 1  # a baseline's year dates its own figure only (由2022年的…, 由去年底的…, 去年同期…；, （去年底为…）), not
        # what follows the end point it rose to (由2024年的4 469间增至4 694间，按年增加约5%)
    # an actual is never dated by a deadline still to come (到2025年底 in the sentence before)
    # nor dated after the page's own date
    while kind == "actual" and j >= 0 and (c.years[j][1] == "deadline" and (
            facts.ref_year is None or c.years[j][2] >= facts.ref_year) or facts.ref_year is not None
            and c.years[j][2] is not None and c.years[j][2] > facts.ref_year):
        j -= 1
    if kind == "target":  # a review's year in an earlier passage (2023年，全市… / 截至2022年底), or a 去年 in an
        # earlier sentence (回顾去年，…。预计全年…), sets no deadline
        while j >= 0 and (c.years[j][0] < para and _past_cue(c, j, facts)
                          or c.years[j][0] < sent_start and c.years[j][1] == "lastyear"):
            j -= 1
        if j < 0 and facts.ref_year and sent_start and _between(c.whole_years, sent_start, pos):
            return facts.ref_year, "全年"  # 预计全年网络零售额将突破650亿元, no year before: the year under way
        # a deadline set in another section (二、工作目标 … 到2024年底) ends at that section; the plan's
        # period dates the rest (三、重点任务)
        # and one in another numbered item ((三)…到2027年底 … (四)…2.3万个) is that item's own
        if j >= 0 and facts.plan_years and c.years[j][0] < para and c.sections and (
                c.sections.at(c.years[j][0])[2] != c.sections.at(pos)[2]
                or c.sections.item(c.years[j][0]) not in (-1, c.sections.item(pos))):
            return max(facts.plan_years), None
    if j >= 0 and (c.years[j][0] >= lower or kind == "target" or _section_as_of(c, j, pos)):
        year = _resolve(c, j, para, facts)
        if kind == "target" and c.years[j][1] == "sameyear" and year and facts.ref_year and year < facts.ref_year:
            year = facts.ref_year  # 年内新增… in a 2025 summary published in 2026: this year's goal
        elif kind == "actual" and c.years[j][3] in ("年末", "年底") and year == facts.ref_year and \
                not facts.report_year and facts.published and facts.published[5:7] != "12" and \
                _OPENS_CLAUSE.search(c.view, max(0, c.years[j][0] - 12), c.years[j][0]):
            year -= 1  # 年末全市共有… on a page of March 2026: the end of 2025, the latest year-end past
        return year, c.years[j][3]
    if kind == "actual" and _early_in_year(facts) and _between(c.whole_years, para, pos):
        # a paragraph on the whole year (全年出口主要由…带动) after one that dated a history (2024年回升至…):
        # the year the page looks back on, not the last one its history named
        return reviewed_year(facts), "全年"
    if j >= 0 and kind == "actual" and (_continues(c, para) or _reports_on(c, j) and facts.default_kind == "actual"):
        # a paragraph that breaks the one before down (从区域看，…; 其中，…) keeps its date; a report's
        # 截至2025年12月底 (截至今年六月底, 目前) dates the paragraphs after it until another date
        return _resolve(c, j, para, facts), c.years[j][3]
    if kind == "target" and facts.plan_years:
        return max(facts.plan_years), None
    if kind == "actual" and facts.report_year:  # 2025年…统计公报: its figures are that year's
        return facts.report_year, None
    if kind == "actual" and facts.plan_years and c.sections and c.sections.at(pos)[0] == "actual":
        # a plan's review (一、发展基础 … 近年来) without a date reports the year before its period
        return facts.plan_years[0] - 1, None
    return None, None


_TO_POINT = re.compile(r"(?:增|提高|提升|上升|增长|增加|扩大|下降|降低|减少|降|减|升)(?:至|到)")


def _between(positions: list[int], a: int, b: int) -> bool:
    """Is one of the sorted positions in [a, b)?"""
    i = bisect.bisect_left(positions, a)
    return i < len(positions) and positions[i] < b


def _as_of(typ: str) -> bool:
    return typ in ("asof", "thisyear", "now", "thismonth", "lastmonth") or typ.startswith("month")


_OPENS_CLAUSE = re.compile(rf"(?:^|[，。；：:！？!?,;\n])[\s\u3000]*(?:{_NUMBERING}|[一二三四五六七八九十]{{1,2}}、)?"
                           r"[\s\u3000]*(?:在|于|截至|截止)?$")


def _reports_on(c: Cues, j: int) -> bool:
    """A report's date that holds for the paragraphs after it: an as-of date, and the past year a news
    report is about (2025年，园区… / 去年，… ¶ 企业梯队持续壮大。…达到36家), said in a sentence (not in a
    headline or a table's header: 指标名称 2020 年 2025 年 属性)."""
    pos, typ, _, _ = c.years[j]
    if _as_of(typ):
        return True
    if typ not in ("plain", "lastyear", "fiscal"):
        return False
    # the time a passage is about opens its clause (2025年，… / 去年全市…); one inside a clause dates
    # an event (已於2024年推出「數據開放計劃」)
    if not _OPENS_CLAUSE.search(c.view, max(0, pos - 12), pos):
        return False
    line_end = c.view.find("\n", pos)
    return _CLAUSE_BREAK.search(c.view, c.view.rfind("\n", 0, pos) + 1, line_end if line_end >= 0 else len(c.view)) is not None


def _continues(c: Cues, para: int) -> bool:
    k = bisect.bisect_left(c.openers, para)
    return k < len(c.openers) and c.openers[k] <= para + 4  # the paragraph opens with one


# 数字政府建设方面，…: a paragraph that takes up another side of what the one before reviewed or planned
_ASPECT_OPENS = re.compile(r"[ \t\u3000]*(?:在)?[\u4e00-\u9fff]{2,12}方面[，,]")


@cache
def _openers() -> re.Pattern:
    return re.compile(alternation(lexicon()["context"]["continuation_openers"]))


def _opener_ends(view: str) -> list[int]:
    """Where the continuation openers that open a line (after spaces) end. The words are searched
    for, which the engine skips ahead to, and their line's start checked: a (^|\n) in front of
    them would have it try every position."""
    return [m.end() for m in _openers().finditer(view)
            if not view[view.rfind("\n", 0, m.start()) + 1:m.start()].strip(" \t\u3000")]


def _past_cue(c: Cues, j: int, facts: DocFacts) -> bool:
    """Is year cue j one that reports (as of, since, a past year, a review section) rather than one
    that sets a deadline?"""
    pos, typ, year, _ = c.years[j]
    if typ in ("asof", "since", "now") or typ.startswith("base"):
        return True
    ref = facts.now_year
    if typ == "plain" and year is not None and ref is not None and year < ref:
        return True
    return bool(c.sections) and c.sections.at(pos)[0] == "actual"


def status_now(c: Cues, pos: int, sent_start: int, kind_cue: str | None) -> bool:
    """已 in the figure's own sentence, dated only by a 去年 in a sentence before (去年，…。平台已接入42个
    部门): the status is as of the page, not of last year."""
    own = c.kind[bisect.bisect_left(c._kind_pos, sent_start):bisect.bisect_left(c._kind_pos, pos)]
    if kind_cue not in _STATUS_NOW or not any(cue[2] in _STATUS_NOW for cue in own):
        return False
    j = bisect.bisect_left(c._year_pos, pos) - 1
    return j >= 0 and c.years[j][0] < sent_start and c.years[j][1] in ("lastyear", "yearbefore")


def status_year(kind_cue: str | None, facts: DocFacts) -> int | None:
    """An actual whose cue is a status verb (已, 现已) and that no year dates is as of the page's date:
    on a page of January to March, the year just ended (the status a page then reports is that year's)."""
    if kind_cue in _STATUS_NOW and facts.ref_year is not None:
        return reviewed_year(facts)
    return None


def page_year(c: Cues, pos: int, facts: DocFacts) -> int | None:
    """The year a dated page's undated report speaks of: the last one it reported as of before
    (截至10月底, 今年), or last year on a page of January to March that looks back on it (去年全市…);
    a year in passing (较2022年的) is no such date; else the page's own."""
    last = bisect.bisect_left(c._year_pos, pos) - 1
    review = _early_in_year(facts)
    for j in range(last, max(-1, last - _DATES_BACK), -1):  # (bounded: a page saved as one line)
        typ = c.years[j][1]
        if _as_of(typ) and typ != "now" or review and typ == "lastyear":
            year = _resolve(c, j, 0, facts)
            if year is not None and (facts.ref_year is None or year <= facts.ref_year):
                return year
    return facts.ref_year


_DATES_BACK = 64


@cache
def _span_of_years() -> re.Pattern:
    """A cue that names a stretch of years, not one (“十五五”, 未来三年, 近五年)."""
    return re.compile(f"{alternation(lexicon()['context']['five_year_plans'])}|^(?:未来|近|今后)")


def _resolve(c: Cues, j: int, lower: int, facts: DocFacts):
    _, typ, year, words = c.years[j]
    typ = typ.removeprefix("base_")
    if typ in ("deadline", "asof", "plain", "base"):
        return year
    if typ == "thisyear" and facts.report_year and words.startswith("本年"):
        return facts.report_year  # 本年度 in 114年度施政绩效报告, published in 115: the year reported on
    if typ == "since" and year is not None:
        return year  # “十四五”以来 after the period: through its last year
    if typ == "since" and not facts.published:
        return None  # “十四五”以来, 2018年以来: as of the page's date (or of its review section's year)
    if typ == "sameyear":  # 2022年…年底前, 今年…年内: the year named just before, else the document's year
        k = j - 1
        if facts.plan is None and c.view and words.startswith("年内"):
            # a report's 年内 is the page's year unless its sentence names one
            # (…力争到2027年…。同时，…计划年内开工项目20个)
            lower = max(lower, max(c.view.rfind(e, 0, c.years[j][0]) for e in "。！？\n") + 1)
        while k >= 0 and c.years[k][0] >= lower:
            if _span_of_years().search(c.years[k][3]):
                k -= 1  # (围绕“十五五”规划编制，…计划年内开工: a period names no one year)
                continue
            if c.years[k][2] is not None:
                return c.years[k][2]
            if c.years[k][1] in _RELATIVE_YEARS and facts.ref_year is not None:
                return facts.ref_year + _RELATIVE_YEARS[c.years[k][1]]
            k -= 1
        return facts.report_year or facts.ref_year  # 年末 in a yearly report: the end of its year
    if typ in ("lastmonth", "thismonth") or typ.startswith("month"):  # needs the page's month
        if facts.published is None:
            return None
        y, month = int(facts.published[:4]), int(facts.published[5:7])
        if typ.startswith("month"):  # 截至6月底: this year's June, or last year's if June is still to come
            return y if int(typ[5:]) <= month else y - 1
        return y - 1 if typ == "lastmonth" and month == 1 else y
    ref = facts.ref_year
    if ref is None:
        return None
    if typ in ("recent", "since"):  # 一、2024年工作回顾 / 过去一年, 五年来: the year its review section names
        pos = c.years[j][0]
        section = c.sections.at(pos)[2] if c.sections else 0
        named = _YEAR.search(c.sections.at(pos)[1] or "") if c.sections else None
        if named and int(named.group()) <= ref:
            return int(named.group())
        k = j - 1
        if facts.report_year and facts.report_year <= ref:
            return facts.report_year  # 过去一年 in a 2025年工作总结
        if k >= 0 and c.years[k][1] in ("plain", "asof") and c.years[k][2] is not None and \
                c.years[k][2] <= ref and (c.years[k][0] >= lower or c.sections and c.years[k][0] >= section > 0):
            return c.years[k][2]
        return reviewed_year(facts) if _patterns()["reviewed_year"].match(c.years[j][3]) else ref
    if typ == "now":  # 目前 as 已 (status_year), unless set against a 去年 before it (去年新增…，目前已涵盖…)
        k = j - 1
        while k >= 0 and c.years[k][0] >= lower and c.years[k][1] != "lastyear":
            k -= 1
        return ref if k >= 0 and c.years[k][0] >= lower else reviewed_year(facts)
    return ref + _RELATIVE_YEARS[typ]


def reviewed_year(facts: DocFacts) -> int | None:
    """The year a page looks back on (过去一年, a box on 这一年): on a page of January to March the
    year just ended, else the page's own."""
    if facts.ref_year is not None and _early_in_year(facts):
        return facts.ref_year - 1
    return facts.ref_year


def _early_in_year(facts: DocFacts) -> bool:
    """Is the page of January to March (when the year just ended is what a page looks back on)?"""
    return facts.published is not None and facts.published[5:7] in ("01", "02", "03")
