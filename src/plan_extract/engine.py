"""The pipeline for one document: view -> quantity candidates -> rules around them -> records."""

from __future__ import annotations

import bisect
import heapq
import re
import time
from dataclasses import dataclass
from functools import cache

import regex

from . import actions, baseline, canon
from . import context as ctx
from . import respectively, tables, unwrap
from .catalogue import unit_family
from .errors import PlanExtractError
from .grammar import UNIT_NAMES, Quantity, scan
from .index_values import INDEX_WORDS, index_quantities
from .lexicon import alternation, lexicon
from .records import Record, has_surrogates, without_surrogates
from .roc_years import gregorian, uses_roc_years
from .rules import PLACEHOLDER, CompiledRule
from .shared_unit import shared_unit_quantities
from .view import search_view

_HAN = re.compile(r"[\u3400-\u9fff]")
# A line that reads as a headline: short, no sentence or clause punctuation.
_HEADLINE = re.compile(r"[^，。；！？,;!?]{1,40}")
# How far around a quantity a rule may look, within its sentence.
LOOK_BEFORE = 80
LOOK_AFTER = 40


_POINT_YEAR = r"(?:民国)?(?P<y>[0-9]{4}|(?<![0-9])1[01][0-9])"  # three digits: a Republic-era year (Taiwan)


@cache
def _from_to() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern, dict[str, int], regex.Pattern, re.Pattern]:
    """From zh.toml [context]: 从2020年的1.2万个增加到2025年的8万个, where the first quantity is the
    starting point (an actual) and the second the end point; a relative baseline (由目前的…) stands
    for a year counted from the page's."""
    lx = lexicon()["context"]
    frm, to, rel = alternation(lx["from_words"]), alternation(lx["to_words"]), lx["relative_baselines"]
    year = _POINT_YEAR
    return (regex.compile(rf"(?:{frm})\s*(?:{year}\s*年(?:底|末)?的?|(?P<rel>{alternation(rel)})(?:底|末)?的?)?\s*$"),
            regex.compile(rf"[^，。；]{{0,6}}?(?:{to})"),  # used with match()
            regex.compile(rf"(?:{frm})[^，。；]{{1,24}}?(?:{to})\s*(?:{year}\s*年(?:底|末)?的?)?\s*$"),
            rel,
            regex.compile(rf"(?:{to})(?:(?!{to}).)*$"),  # the last to word of an end point's phrase
            re.compile(frm))


@cache
def _earlier_base() -> regex.Pattern:
    """A base year the sentence gave before a from point without one (从2020年的, 较2020年, 由109年的)."""
    words = alternation(lexicon()["context"]["from_words"] + ["较", "比"])
    return regex.compile(rf"(?:{words}){_POINT_YEAR}\s*年")


@dataclass
class Match:
    rule: CompiledRule
    indicator: str


def extract_text(text: str, name: str, rules: list[CompiledRule], keep_duplicates: bool = False,
                 time_limit: float | None = None, pages: tuple[int, ...] = (),
                 cell_x: dict | None = None, catalogue=None) -> tuple[list[Record], ctx.DocFacts]:
    """Records of one document. Raises PlanExtractError when rule matching exceeds `time_limit` seconds."""
    run = DocumentRun(text, name, rules, keep_duplicates, time_limit, pages, cell_x, catalogue)
    records = list(run)
    return records, run.facts


class DocumentRun:
    """The records of one document, produced segment by segment, so that memory stays bounded
    however long the document is.

    A long document (a compilation) is read in segments of about SEGMENT characters cut at line ends,
    so that its search view and cue lists stay small; the document facts (`.facts`, set once the
    first segment is read) come from the first one. Indicator tables (tables.py) give their own
    records; prose rules skip the lines they cover. `pages` (a PDF's page starts) gives each record
    its page; `cell_x` the PDF's table cell extents. One fact, one row: within a segment the mention
    in the longest sentence stays (see _duplicates); across segments only keys are remembered, so a
    later segment's repeat of an earlier fact is the duplicate, even when its sentence is longer.
    """

    def __init__(self, text: str, name: str, rules: list[CompiledRule], keep_duplicates: bool = False,
                 time_limit: float | None = None, pages: tuple[int, ...] = (), cell_x: dict | None = None,
                 catalogue=None):
        self.text, self.name, self.rules, self.keep = text, name, rules, keep_duplicates
        self.time_limit, self.pages, self.cell_x, self.catalogue = time_limit, pages, cell_x, catalogue
        self.facts: ctx.DocFacts | None = None

    def __iter__(self):
        text, name, time_limit, catalogue, cell_x = self.text, self.name, self.time_limit, self.catalogue, self.cell_x
        deadline = None if time_limit is None else time.monotonic() + time_limit
        surrogates = has_surrogates(text) or has_surrogates(name)  # only a str built by hand or a file name
        seen_facts: set[int] = set()  # hashes of (indicator, value, unit, comparator) already out
        seen_in_body: set[int] = set()  # hashes of (value, unit) stated in a body sentence
        facts = None
        for a, b in list(segments(text, SEGMENT)) or [(0, 0)]:
            seg, index, found, covered, view = text[a:b], None, None, [], None
            soft = unwrap.soft_breaks(seg)
            if soft:  # hard-wrapped lines: matched joined, offsets mapped back through `index`
                found = []
                if tables.may_hold_table(seg):  # a table's rows are lines of their own: never joined
                    view = search_view(seg)
                    known = facts or ctx.doc_facts(view)
                    found, covered = tables.find_values(seg, view, known.plan_years, cell_x, a, known.published,
                                                        known.ref_year, known.report_year)
                    soft = [p for p in soft if not _touches(covered, p)]
                if soft:
                    seg, index = unwrap.remove(seg, soft)
                    view = None
            view = view or search_view(seg)
            lay = ctx.layout(view)
            facts = self.facts = facts or ctx.doc_facts(view)
            if found is None:
                found, covered = tables.find_values(seg, view, facts.plan_years, cell_x, a, facts.published,
                                                    facts.ref_year, facts.report_year)
            if covered:  # table lines are read by the table stage only
                _block(lay, covered if index is None else [_moved(soft, s, e) for s, e in covered])
            table_records = [table_record(text, v, a, name, facts, catalogue) for v in found]
            try:
                records = _extract_segment(text, seg, view, lay, a, index, name, self.rules, facts, deadline, catalogue)
            except TimeoutError:
                raise PlanExtractError(f"rule matching took over {time_limit:g}s (a catastrophic pattern?), "
                                       "document skipped", name) from None
            del seg, view, lay
            records = canon.drop_fragments(canon.join_shares(records, catalogue))
            dup = _duplicates(records)
            keys = [(hash(_fact_key(r)), not _HEADLINE.fullmatch(r.sentence), hash((r.value, r.unit))) for r in records]
            for r, (fact, body, amount) in zip(records, keys):
                if not dup.get(id(r)) and (fact in seen_facts or not body and amount in seen_in_body):
                    dup[id(r)] = True
            for fact, body, amount in keys:
                seen_facts.add(fact)
                if body:
                    seen_in_body.add(amount)
            out = [r.model_copy(update={"duplicate": True}) if dup.get(id(r)) else r
                   for r in records if self.keep or not dup.get(id(r))]
            if table_records:  # each cell is its own fact: no duplicate marking
                out = sorted(out + table_records, key=lambda r: r.start)
            if self.pages:
                for r in out:
                    r.page = bisect.bisect_right(self.pages, r.start)
            if surrogates:
                out = [without_surrogates(r) for r in out]
            yield from out


def _touches(spans: list[tuple[int, int]], p: int) -> bool:
    """Is the line break at `p` (or the \r of its \r\n) one that ends or opens a table line?"""
    i = bisect.bisect_right(spans, (p + 2, p + 2)) - 1
    return i >= 0 and spans[i][0] - 2 <= p <= spans[i][1] + 1


def _moved(removed: list[int], s: int, e: int) -> tuple[int, int]:
    """A span of the segment in the coordinates of the segment without the `removed` characters."""
    return s - bisect.bisect_left(removed, s), e - bisect.bisect_left(removed, e)


def _block(lay: ctx.Layout, spans: list[tuple[int, int]]) -> None:
    """Adds spans to the layout's blocked ones (kept merged: one bisect finds the covering span)."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted(lay.blocked + spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    lay.blocked = merged
    lay.__post_init__()


def table_record(text: str, v: tables.TableValue, offset: int, name: str, facts: ctx.DocFacts,
                 catalogue=None) -> Record:
    return Record.model_validate(canon.finish_table(dict(doc=name, region=v.region or facts.region, plan=facts.plan, indicator=v.indicator, indicator_id=None,
                  category="table", value=v.value, value_max=None, comparator=v.comparator,
                  unit=_currency(v.unit, facts.region),
                  kind=v.kind, year=v.year, raw=text[offset + v.start:offset + v.end], start=offset + v.start,
                  end=offset + v.end, sentence=tables.row_text(text, offset + v.row[0], offset + v.row[1]), rule="TABLE",
                  published=facts.published, attribute=v.attribute, cumulative=v.cumulative), catalogue))


SEGMENT = 1_000_000


def segments(text: str, size: int = SEGMENT):
    """(start, end) spans covering the text, cut after a line end (else a sentence end) near `size`."""
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = text.rfind("\n", start + size // 2, end)
            if cut < 0:
                cut = text.rfind("。", start + size // 2, end)
            end = cut + 1 if cut >= 0 else end
        yield start, end
        start = end


def _extract_segment(text, seg, view, lay, offset, index, name, rules, facts, deadline, catalogue=None) -> list[Record]:
    """`seg` is the segment's text starting at `offset`, with the characters that `index` maps around
    removed (soft line breaks), when there is an index."""
    cues = ctx.cues(view, lay, facts)
    default_kind = facts.default_kind
    records, pending = [], []
    by_unit = _rules_by_unit(rules)
    for q in _candidates(view):
        if lay.is_blocked(q.start, q.end):
            continue
        sent = lay.sentence(q.start)
        # a bundled rule whose phrase cannot end with the character before the quantity cannot match
        # (match_rules' `before` test): left out once for all the quantities after that character
        before = view[q.outer_start - 1] if q.outer_start > sent[0] else " "  # (a space may be closed up)
        here = by_unit.get((q.unit, before))
        if here is None:
            if q.unit not in by_unit:
                by_unit[q.unit] = [r for r in rules if not r.rule.units or q.unit in r.rule.units]
            here = by_unit[q.unit, before] = [r for r in by_unit[q.unit]
                                              if r.before is None or before == " " or before in r.before]
        match = match_rules(view, q, sent, here, deadline)
        if match is None or ctx.is_noise(view, q.start, q.end, sent, lay, q.value):
            continue
        kind, year, cue = _kind_and_year(view, q, sent, lay, cues, facts, match.rule, default_kind)
        clause = lay.clause_start(q.start)
        sentence = seg[sent[0]:sent[1]].strip()
        indicator = _name(view, q, sent, clause, match.indicator, pending, sentence)
        if not indicator:
            continue
        if q.unit == "人次" and not _PERSON_TIMES.search(indicator):
            indicator += "人次"  # 培训7,300余人次: a count of attendances, named so (培训人次)
        start, end = (q.start, q.end) if index is None else (index[q.start], index[q.end - 1] + 1)
        pending.append((dict(
            doc=name,
            region=ctx.row_region(view, q.start, sent, facts.region, lay),
            plan=facts.plan,
            indicator=indicator,
            indicator_id=match.rule.id if not match.rule.fields else None,
            category=match.rule.rule.category,
            value=q.value,
            value_max=q.value_max,
            unit=q.unit,  # as scanned, for the rows after to compare with; `money` is the row's
            money=_currency(q.unit, facts.region, view[max(0, q.outer_start - 4):q.outer_start]),
            comparator=ctx.outer_comparator(view, q.outer_start, clause, q.comparator, q.outer_end),
            kind=kind,
            year=year,
            raw=text[offset + start:offset + end],
            start=offset + start,
            end=offset + end,
            sentence=sentence,
            rule=match.rule.id,
            published=facts.published,
            cue=cue,
            total=ctx.is_total(match.indicator),
        ), q.start, sent, max(sent[0], clause)))
    named, paired = {}, []
    if "分别" in view:
        rows = [(pos, sent) for _, pos, sent, _ in pending]
        named = respectively.assign(view, rows)
        paired = respectively.after_levels(view, rows, named)
    for members, levels in paired:
        # each figure after a bare 分别 changes its level as the last one does (…交易金额按年增加)
        last, level = pending[members[-1]][0]["indicator"], pending[levels[-1]][0]["indicator"]
        # (…旅游总收入1,012.6亿元，两项指标分别比上年增长8.6%和10.3%: the words that stand for the levels go)
        last = respectively.without_reference(last, level)
        if last.startswith(level):
            for i, j in zip(members, levels):
                pending[i][0]["indicator"] = pending[j][0]["indicator"] + last[len(level):].replace("分别", "")
    names = []  # each row's name before canon.finish: a total's is that of the row before it
    for i, (fields, pos, sent, clause) in enumerate(pending):
        indicator, region, year = named.get(i, (None, None, None))
        if fields.pop("total"):  # named now that the row before is (分别…: each member's own name)
            indicator = canon.NEW_WORDS.sub("", names[-1])  # the total of what was new is a level
        if region and (not indicator or ctx.bare_verb(indicator)) and (before := _last_before(
                pending, i, lambda j, f: f["unit"] == fields["unit"] and j not in named)):
            # 醴陵市、攸县分别建成1046个、892个: what each place built is what the sentence counted before
            # (分别新增146个 after 新建5G基站1200个: 新增5G基站)
            new = indicator and canon.NEW_WORDS.match(indicator)
            indicator = indicator + canon.NEW_WORDS.sub("", before["indicator"], count=1) if new else before["indicator"]
        if indicator:  # (分别…: each member named as the list is, by the programme its sentence is about)
            fields["indicator"] = ctx.of_programme(view, pos, sent[0], indicator) if i in named else indicator
        names.append(fields["indicator"])
        if year:
            fields["year"] = year
        fields["unit"] = fields.pop("money")
        fields = canon.finish(fields, view, pos, sent, catalogue, clause)
        if region:
            fields["region"] = region
        records.append(Record.model_validate(fields))
    return records


def _currency(unit: str, region: str | None, before: str = "") -> str:
    """A bare 元 is in the money a word before it names (新臺幣1,024億元, 人民币), else, in a document of
    Hong Kong, Macau or Taiwan, in that place's own (预留10亿元: 港元; a table's 億元 too)."""
    if unit != "元":
        return unit
    if named := _CURRENCY_BEFORE.search(before):
        return UNIT_NAMES.get(named.group(), unit)  # (HK$5亿元, MOP$3亿: canon reads the sign)
    return _currencies().get(region, unit)


_CURRENCY_BEFORE = re.compile(r"[$＄]|人民币|新台币|港币|澳门币")


@cache
def _currencies() -> dict[str, str]:
    return lexicon()["places"]["currencies"]


def _name(view: str, q: Quantity, sent: tuple[int, int], clause: int, indicator: str, pending: list,
          sentence: str) -> str:
    """The row's indicator: the rule's name, or, when that name lacks a subject, the name the sentence gave
    before (a trend's subject, the figure before's, a part of it, its measure)."""
    indicator = baseline.own_change(indicator)
    if (mean := _MEAN_RATE.search(indicator)) and mean.start() >= 2 and unit_family(q.unit) not in ("percent", "times"):
        indicator = indicator[:mean.start()]  # 网络零售额年均增长10%以上，到期末达到380亿元: the level, not its rate
    # the figure before whose subject this one shares: not a share, unless this changes it in points
    # (用户780万，占总数33%，按年增加110万: the users)
    # (有应用人工智能技术的企业占11.7%，比2023年的6.5%: the share's own base is)
    prev = _last_before(pending, len(pending), lambda j, f: q.unit == "百分点" or not baseline.is_share(f["indicator"])
                        or f["unit"] == q.unit and not baseline.says_change(indicator), sentence)
    if (grant := _GRANT.fullmatch(indicator)) and unit_family(q.unit) == "money":
        indicator = _granted(view, q, sent, grant.group("v"))  # 我建议预留6亿元，推动…: what it is set aside for
    if _JOINS.match(indicator) and (host := _host_before(view, q, sent, pending, sentence)):
        return host + indicator  # 二级节点5个，接入企业2300余家: what they joined
    paid = _BENEFITS.fullmatch(indicator) and _last_before(
        pending, len(pending), lambda j, f: unit_family(f["unit"]) == "money", sentence)
    if paid:
        return ctx.strip_left(paid["indicator"]) + indicator  # 兑现扶持资金2.85亿元，惠及企业640余家: whom it reached
    if _ITS.match(indicator) and (before := _last_before(pending, len(pending), lambda j, f: True, sentence)):
        # 电子及电器产品占15.9%，其消费额按年上升18.7%: 其 is what the figure before was of
        return _SHARE_TAIL.sub("", before["indicator"]) + indicator[1:]
    if indicator.startswith(("出口", "进口")) and (part := _trade_part(view, q, indicator, pending)):
        return part  # 跨境电商进出口额38.6亿元…。其中，出口26.1亿元，进口12.5亿元: the total's parts
    if prev and prev["unit"] == q.unit and (parallel := _parallel_measure(indicator, prev["indicator"])):
        return parallel  # …制造业增加值增长12.7%，电气机械和器材制造业增长9.4%: the measure the clause before named
    if not prev and (named := _measure_named_before(view, sent, clause, indicator)):
        return named  # 發布資訊服務業營業額統計，114年11月營業額812億元: the measure the sentence named whose
    if (sibling := _sibling_measure(indicator, pending, sentence)) is not None:
        return sibling  # 聚合支付交易笔数为1.21亿笔…；交易金额为53.7亿澳门元: the same subject's other measure
    if prev and prev["unit"] == q.unit and _PAREN_BASE.search(view, max(sent[0], q.outer_start - 12), q.outer_start):
        return prev["indicator"]  # 上云企业达到5620家（去年底为4800家）: the same measure's base
    if ctx.is_total(indicator):  # 新增标准机架12万架，总规模达到26万架; 分别完成…26.9亿元，合计126.8亿元
        return prev["indicator"] if prev and prev["unit"] == q.unit else ""
    if canon.NEW_WORDS.match(indicator) and (total := _TOTAL_OPENS.match(view, clause, q.outer_start)):
        # 新增高新技术企业612家，总数达到4380家: the total of what was new is a level, 高新技术企业总数
        return canon.NEW_WORDS.sub("", indicator, count=1) + ("总数" if total.group(1) == "总数" else "")
    if q.unit == "%" and pending and view[q.outer_start - 1:q.outer_start] in ("（", "(") \
            and pending[-1][0]["sentence"] == sentence and view[q.outer_start - 2] == pending[-1][0]["unit"][-1:]:
        return pending[-1][0]["indicator"]  # 有311个（95%）符合…, 共1,318个(62%): the share of the count right before
    if indicator == "占比" and (subject := _clause_before(view, sent, clause)):
        return subject + indicator  # 付款方式以流动支付为主，占79.5%: the clause before without a figure
    if _BARE_COUNT.fullmatch(indicator):
        return ""  # (a count that is no row of its own names no share)
    if (part := _part_of_set(view, q, sent)) is not None:
        return part
    if q.unit == "%" and view[q.outer_start - 1:q.outer_start] in ("（", "(") and \
            (ranked := _ranked_category(view, q, sent, pending, sentence)) is not None:
        return ranked
    if prev and prev["unit"] == q.unit and q.unit in ctx.measure_words() and _THEN_PART.fullmatch(view, clause, q.outer_start) \
            and (what := _what_after(view, q, sent).removeprefix("已")):
        return f"{what}的{prev['indicator']}"  # 规上工业企业1200家，其中860家完成数字化改造: the part doing it
    if prev and prev["unit"] == q.unit and q.unit in ctx.measure_words() \
            and (rel := _PART_BEFORE.fullmatch(view, clause, q.outer_start)):
        return f"{rel.group('vp')}的{prev['indicator']}"  # 营业网点286处，其中设在农村的198处: those of the whole
    if indicator in _PART_WORDS and (part := _part_of_whole(view, q, sent, indicator, pending)):
        return part
    if prev and prev["unit"] == q.unit and view.startswith(("其中", "当中"), clause) \
            and _CATEGORY.fullmatch(indicator) and indicator not in prev["indicator"]:
        return indicator + prev["indicator"]  # “小巨人”企业达到47家，其中数字经济领域19家: that field's firms
    if indicator.endswith("占比") and q.unit in ctx.measure_words():
        # 热点增至936个，其中澳门半岛占512个，氹仔占341个: each part's count of the whole before 其中
        parts = view.rfind("其中", sent[0], q.outer_start)
        parts = parts if parts >= 0 else clause
        whole = _last_before(pending, len(pending), lambda j, f: pending[j][1] < parts and f["unit"] == q.unit
                             and not baseline.says_change(f["indicator"]), sentence)
        if whole:
            return indicator[:-2] + whole["indicator"]
    if indicator.startswith("拉动") and prev:
        # 电子信息制造业增加值增长18.6%，拉动规上工业增长1.3个百分点: what the figure before measured pulled
        level = _last_before(pending, len(pending), lambda j, f: unit_family(f["unit"]) != "percent", sentence)
        return baseline.subject_of((level or prev)["indicator"]) + indicator
    if indicator in ("增速", "增幅") and prev and unit_family(prev["unit"]) == "percent" and prev["unit"] != q.unit:
        # …同比增长13.8%，增速高于全省2.6个百分点: the growth rate of the figure before
        return baseline.subject_of(prev["indicator"]) + indicator
    if indicator in ("增速", "增幅") and q.unit == "%" and prev and unit_family(prev["unit"]) != "percent":
        # …用户约有41万，较2024年底增加约9万，增幅约为28%: the rate of the change just said
        return baseline.without_change(prev["indicator"]) + indicator
    lacks = baseline.lacks_subject(indicator)
    if lacks and clause > sent[0] and (subject := baseline.topic(view[sent[0]:clause], ctx.clean_indicator)):
        return subject
    if prev and prev["unit"] == q.unit and (level := baseline.of_level(indicator, prev["indicator"])):
        return level
    if prev and _AVERAGE.fullmatch(indicator) and unit_family(prev["unit"]) == unit_family(q.unit):
        return prev["indicator"] + indicator  # 累计入境旅客109.6万人次，日均约15.7万人次: its daily mean
    if prev and (part := baseline.scope(indicator)) and prev["unit"] == q.unit:
        # 全市新建5G基站1200个，其中城区新建980个: 城区5G基站
        return prev["indicator"] if prev["indicator"].startswith(part) else part + prev["indicator"]
    if prev and prev["unit"] == q.unit and canon.split_place(indicator + "的")[1] == "的":
        # …覆盖率均超过88%，其中青岛市达到92.6%: that place's (row_region names it), the other's place left out
        return canon.split_place(prev["indicator"])[1] or prev["indicator"]
    if prev and (lacks or prev["unit"] == q.unit and ctx.bare_verb(indicator)):
        # 累计达到1.9万个，比2022年底的1.2万个增加7000个: the subject's name; a rate of it keeps its words
        # (产值1.86兆元，较113年成长62.4% -> 产值较113年成长)
        if prev["unit"] == q.unit:
            # (…283.4万户，比上年末增加41.2万户: a change, named so as its rate would be)
            change = view[clause:q.outer_start].strip()
            if baseline.says_change(change) and baseline.lacks_subject(change) and \
                    not any(ch.isdigit() for ch in _YEARS.sub("", change)):  # (较2024年增加0.3次: a change)
                # (…1,618,432户，按季上升1.2%，按年上升4.5%: the level's, not the other rate's)
                level = prev if not baseline.lacks_subject(prev["indicator"]) else _last_before(
                    pending, len(pending), lambda j, f: not baseline.lacks_subject(f["indicator"]), sentence)
                return baseline.rate_of((level or prev)["indicator"], change)
            return prev["indicator"]
        # 产值达820亿元，年增11.5%，目标于119年达到1,500亿元 / 比去年全年的1452亿元: the level's name, not the rate's
        same = _last_before(pending, len(pending), lambda j, f: f["unit"] == q.unit, sentence)
        if same and baseline.is_time(indicator):
            return same["indicator"]
        if baseline.says_change(indicator) or baseline.is_bare_rate(indicator):
            return baseline.rate_of(prev["indicator"], indicator)
        return (same or prev)["indicator"]
    heads = respectively.item_heads()
    if prev and indicator.startswith(heads):
        head = next(h for h in heads if indicator.startswith(h))
        if prev["unit"] == "家" and prev["indicator"].endswith("企业") and indicator == head:
            # 规模以上软件和信息技术服务业企业47家，实现营业收入32.74亿元: the revenue of the firms counted
            return prev["indicator"].removesuffix("企业") + indicator
        if prev["indicator"].endswith(head) and prev["indicator"] != head:
            indicator = prev["indicator"] + indicator[len(head):]  # …营业收入32.74亿元，增长12.1%
    if not prev and (owner := _paragraph_owner(view, q, pending, indicator)):
        indicator = owner + indicator  # …共有25間電訊業營運機構，在職員工2,314名。全年收益為52.6億: the sector's
    elif prev and (owner := _owner(pending, sentence, indicator)):
        indicator = owner + indicator  # 全市软件企业实现利润总额…；从业人员平均人数21.6万人: the firms' staff
    indicator = actions.with_action(view, q.outer_end, sent[1], indicator, q.unit == "%")
    total = indicator.startswith("总")
    spent = None if total else _SPENT.search(view, max(sent[0], q.outer_start - 12), q.outer_start)
    if (total or spent) and (counted := _last_before(
            pending, len(pending), lambda j, f: f["unit"] in ctx.measure_words() and f["unit"] != q.unit, sentence)):
        if total:  # 本港共有逾70个数据中心，总楼面面积约105万平方米: the total of what the count counted
            return counted["indicator"] + indicator
        if counted["indicator"].endswith(("项目", "工程")) and not (
                spent.group("m").startswith("涉及") and ctx.of_programme(view, q.outer_start, sent[0], indicator) != indicator):
            # 实施…项目1035个，完成投资416亿元: theirs (a programme's, when its sentence names one: 创科基金…涉及资助总额)
            return counted["indicator"].removeprefix(spent.group("m")[:2]) + spent.group("m")  # (签约…项目, 签约金额)
    # the whole measured as the part is (总投资480亿元，其中…6个项目: no measure of the projects' count)
    if (whole := _whole_of_parts(view, q, sent, clause, pending, heads)) is not None:
        indicator = baseline.with_parent_measure(indicator, whole["indicator"], heads)
    return ctx.of_programme(view, q.outer_start, sent[0], indicator)


def _whole_of_parts(view: str, q: Quantity, sent: tuple[int, int], clause: int, pending: list,
                    heads: tuple[str, ...]) -> dict | None:
    """The row a 其中 list the figure is in breaks down: the last one before 其中 in its paragraph measured
    alike (…产值达6.52兆元，年增22.4%。其中，IC設計業1兆7,300億元…；晶圓代工3兆8,600億元). A later clause of
    the list is so only when the list's first part took the whole's measure (其中海外业务收入6.7亿元；研发投入…
    names its own)."""
    opens = view.rfind("其中", sent[0], q.outer_start)
    if opens < 0 or view[opens - 1:opens] not in _PART_OPENS:
        return None
    para = view.rfind("\n", 0, opens) + 1
    whole = first = None
    for fields, pos, *_ in reversed(pending):
        if pos < para:
            break
        if pos > opens:
            first = fields
        elif unit_family(fields["unit"]) == unit_family(q.unit):
            whole = fields
            break
    if whole is None or first is None or view.startswith("其中", clause):
        return whole
    head = next((h for h in heads if h in whole["indicator"]), None)
    return whole if head and first["indicator"].endswith(head) else None


_PART_OPENS = ("，", ",", "。", "；", ";", "：", "\n", "\u3000", " ")


@cache
def _owned() -> re.Pattern:
    return re.compile(alternation(lexicon()["indicator"]["owned_measures"]))


@cache
def _owned_tail() -> re.Pattern:
    return re.compile(f"(?:{_owned().pattern})$")


# what joins a platform, a node or a park counted right before (…二级节点5个，接入企业2300余家; 电商产业园26个，入驻企业…)
_JOINS = re.compile(r"(?:已|累计|共)?(?:接入|连接|入驻|接驳|入园)(?:的)?(?:企业|单位|机构|商户|部门|用户|商家)")
_HOSTS = re.compile(r"(?:平台|节点|园|基地|中心|网络|外网|系统|楼宇|孵化器)$")
_HOST_IN = re.compile(r"[^，。；,;0-9]{2,24}?(?:平台|节点|园区|产业园|基地|外网|孵化器)")
_BENEFITS = re.compile(r"(?:惠及|受惠|受益)(?:企业|商户|市场主体|经营主体|中小企业|群众|村民|农户|居民|学生)")


_GRANT = re.compile(r"(?:再|另|额外|合共)?(?P<v>预留|拨款|拨出|注资|编列|投入)")
_RECIPIENT = re.compile(r"(?:向(?P<r>[\u4e00-\u9fff]{2,12}?)(?:额外|再|另)?(?:拨款|注资|拨出)|为(?P<f>[\u4e00-\u9fff]{2,12}?)提供(?:合共|共)?(?:约)?)$")
# (…，餘下款項留待審議: a clause after the money that is no purpose of it)
_PURPOSE = re.compile(r"[，,]?(?:用于|用作|以|作为)?(?:在未来[^，。；,;]{1,6}|于[0-9]{4}[^，。；,;]{0,6})?"
                      r"(?P<p>(?:支持|支援|推动|推展|推行|推广|加强|优化|协助|资助|发展|建设|提升|扩展|开展|筹备|把|将(?!近))"
                      r"[^，。；,;]{2,22})")


def _granted(view: str, q: Quantity, sent: tuple[int, int], verb: str) -> str:
    """Money set aside or granted, named by whom it goes to (向数码港额外拨款3亿元) or what it is for
    (预留6亿元，推动各政策局及部门采用人工智能: 预留用于各政策局及部门采用人工智能)."""
    if to := _RECIPIENT.search(view, max(sent[0], q.outer_start - 24), q.outer_start):
        return (to.group("r") or to.group("f")) + verb  # (为研发院提供合共约12亿元拨款)
    purpose = _PURPOSE.match(view, q.outer_end, sent[1])
    what = ctx.clean_indicator(purpose.group("p")) if purpose and not purpose.group("p").startswith(verb) else ""
    return f"{verb}用于{what}" if len(what) >= 2 else verb


def _host_before(view: str, q: Quantity, sent: tuple[int, int], pending: list, sentence: str) -> str | None:
    """What the firms after 接入/入驻 joined: the platform or node counted before in the sentence (二级节点5个，
    接入企业2300余家), one a figure's name before holds (…二级节点标识注册量突破5亿条，接入企业312家), or one
    a clause before names without a figure (建成标识解析二级节点，已累计标识注册量4.3亿条，…接入企业860家)."""
    for fields, *_ in reversed(pending):
        if fields["sentence"] != sentence:
            break
        name = fields["indicator"]
        if _JOINS.match(name):
            return None
        if fields["unit"] in ("个", "家", "座", "所") and _HOSTS.search(name):
            return name
        if (inner := _HOST_IN.match(name)) and inner.end() < len(name):
            return inner.group()
    last = ctx.last_match(_HOST_IN, view, sent[0], q.outer_start)
    return ctx.strip_left(canon.split_place(ctx.clean_indicator(last.group()))[1]) if last else None


_ITS = re.compile(r"其(?![中余他次实])[\u4e00-\u9fff]{2}")
_SHARE_TAIL = re.compile(r"的?(?:占比|比重|比例)$")
_PERSON_TIMES = re.compile(r"人次|人数|次数|人流|量")
_TRADE = re.compile(r"进出口(额|总额|总值|值)?")
_PART_TRADE = re.compile(r"(出口|进口)(额|总额|总值|值)?")


def _trade_part(view: str, q: Quantity, name: str, pending: list) -> str | None:
    """出口 or 进口 after a 进出口 total in its paragraph: the total's part, named as it is."""
    para = view.rfind("\n", 0, q.start) + 1
    whole = next((f["indicator"] for f, pos, _, _ in reversed(pending) if pos >= para and "进出口" in f["indicator"]), None)
    if whole is None:
        return None
    w, m = _TRADE.search(whole), _PART_TRADE.match(name)
    return whole[:w.start()] + m.group(1) + (m.group(2) or w.group(1) or "") + name[m.end():]


_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")
_MEAN_RATE = re.compile(r"(?:年均|平均)(?:增长|增速|增幅)$")
_PAREN_BASE = re.compile(r"[(（](?:去年|上年|前年|(?:19|20)[0-9]{2}\s*年)(?:底|末|同期)?(?:为|是|:|：)?\s*$")


def _parallel_measure(name: str, before: str) -> str | None:
    """A subject without a measure after a clause that measured one like it (…制造业增加值增长12.7%，电气机械和
    器材制造业增长9.4%; 透过内地平台的消费额为10.0亿元…；本澳平台1.5亿元): the subject with that measure."""
    subject, other = baseline.without_change(name), baseline.without_change(before)
    m = _owned_tail().search(other)
    head = other[:m.start()].removesuffix("的") if m else ""
    if not head or len(subject) < 3 or subject[-1] != head[-1] or _owned().search(subject) or subject in head \
            or not _HAN_ONLY.fullmatch(subject):
        return None
    return subject + m.group() + name[len(subject):]


def _measure_named_before(view: str, sent: tuple[int, int], clause: int, name: str) -> str | None:
    """A bare measure (营业额) the sentence named before with its subject, in a clause without a figure
    (经济部统计处今天发布资讯服务业营业额统计，114年11月营业额…): that subject's."""
    if not 2 <= len(name) <= 4 or not _HAN_ONLY.fullmatch(name) or not _owned().fullmatch(name):
        return None
    at = view.rfind(name, sent[0], clause)
    head = _HEAD_BEFORE.search(view, sent[0], at) if at > sent[0] else None
    if head is None or any(ch.isdigit() for ch in view[head.start():at]):
        return None
    subject = canon.split_place(ctx.clean_indicator(_REPORTS.split(head.group())[-1]))[1]
    return subject + name if len(subject) >= 2 and subject != name else None


_HEAD_BEFORE = re.compile(r"[\u4e00-\u9fff]{2,12}$")
_REPORTS = re.compile(r"发布|公布|显示|表示|指出|介绍")  # (统计处今天发布|资讯服务业营业额统计)


# (…交易共1.12亿笔 or …交易笔数为1.21亿笔, then 交易金额: the count's subject, the amount's measure)
_COUNT_TAIL = re.compile(r"(?:笔数|宗数|次数|件数|数目|数量|量|人次|户数)?")
_AMOUNT_TAIL = re.compile(r"金额|额|总额|总值|规模")


def _sibling_measure(name: str, pending: list, sentence: str) -> str | None:
    """A bare measure (交易金额, or its change: 交易金额按年上升) after a level of the same subject measured
    otherwise in the sentence (聚合支付交易笔数): that subject with this measure (聚合支付交易金额)."""
    base = baseline.without_change(name)
    if not 2 <= len(base) <= 5 or not _HAN_ONLY.fullmatch(base):
        return None
    level = next((f for f, *_ in reversed(pending) if unit_family(f["unit"]) not in ("percent", "times")), None)
    if level is None or level["sentence"] != sentence:
        return None
    other = level["indicator"]
    if other.endswith(base):  # (…；交易金额为53.7亿澳门元，按年上升9.2%: that level's change)
        return other + name[len(base):] if len(other) > len(base) and len(name) > len(base) else None
    at = other.find(base[:2], 2)
    if at < 0 or not _COUNT_TAIL.fullmatch(other, at + 2) or not _AMOUNT_TAIL.fullmatch(base, 2):
        return None  # (新型工业化资助计划…，资助总额: a programme named by a verb, not a measure of its subject)
    return other[:at] + name


def _owner(pending: list, sentence: str, name: str) -> str | None:
    """Whose measure a name that is only a measure is: the owner of the sentence's first measure
    (软件企业利润总额 -> 软件企业), when the name does not name it already."""
    if not _owned().match(name):
        return None
    first = None
    for fields, *_ in reversed(pending):  # (the sentence's rows are the last ones)
        if fields["sentence"] != sentence:
            break
        first = fields["indicator"]
    m = _owned().search(first) if first else None
    owner = _OWNER_VERB.sub("", first[:m.start()]) if m else ""
    return owner if len(owner) >= 2 and owner not in name else None


def _paragraph_owner(view: str, q: Quantity, pending: list, name: str) -> str | None:
    """Whose measure a sentence that opens with a bare measure (全年收益為…) gives: the owner of the
    paragraph's establishments counted before (…共有25間電訊業營運機構), when it named them so."""
    if not _owned().match(name):
        return None
    para = view.rfind("\n", 0, q.start) + 1
    first = next((f["indicator"] for f, pos, *_ in pending if pos >= para), None)
    m = _ESTABLISHMENTS.search(first) if first else None
    return first[:m.start()] if m and m.start() >= 2 and first[:m.start()] not in name else None


_ESTABLISHMENTS = re.compile(r"(?:营运机构|场所)$")


# (园区内的山东云启公司去年实现营业收入: the company)
_OWNER_VERB = re.compile(r"^.*的|(?:去年|今年|上年|全年|前三季度|上半年)?(?:共|累计)?(?:完成|实现|投入|录得)?$")


_YEARS = re.compile(r"[0-9]{4}年")
_CATEGORY = re.compile(r"[\u4e00-\u9fff]{2,10}(?:领域|行业|产业|板块|类)")
_TOTAL_OPENS = re.compile(r"(总数|总量|总规模|累计)(?:达到|达|为|增至|增加到|超过|突破)*$")
_LAST_CLAUSE = re.compile(r"[^，,；;：:]*$")


def _clause_before(view: str, sent: tuple[int, int], clause: int) -> str | None:
    """The subject the clause right before says, when it holds no figure (付款方式以流动支付为主，占…)."""
    if clause <= sent[0] + 1:
        return None
    words = _LAST_CLAUSE.search(view, sent[0], clause - 1).group()
    if not words or next(iter(scan(words)), None) is not None:
        return None
    return ctx.clean_indicator(words) or None


# a count alone before a share in brackets (2,046个（41%）): the share is of what the count's row names
_BARE_COUNT = re.compile(r"(?:其中|当中)?(?:有|共|共有|约)?[0-9][0-9,.]*\s*[万亿]?[个家项间所名人户座条部台套]")
_AVERAGE = re.compile("[日月周人户]均|每[日天周月]平均|平均每[日天周月]")
# a set counted before a part of it (全澳52个公共泊车场中，已有48个…; 15个重点项目中，已完成的有11个)
# (…共提供逾5 800个数据集，当中约2 300个以API形式提供: the set, then 当中 or 其中)
_SET = re.compile(r"[0-9零一二两三四五六七八九十百千万,.]+\s*(?P<c>[个家所项间座条])(?P<set>[^，。；、0-9（）()的]{2,16}?)"
                  r"(?:中[，,](?:(?P<vp>[^，。；0-9]{1,12}?)的)?(?:已有|共有|有|其中)?|[，,](?:当中|其中)(?:约|有|共有|逾|超过)?)$")


# …or one the clause before names without a count (参与调查的商号中，有2,046间(41%)…)
# (国家级专精特新“小巨人”企业中，属于数字经济领域的有58家: what sets the part apart before its 的)
_SET_ALONE = re.compile(r"(?:^|(?<=[，；。的,;]))(?P<set>[^，。；、（）()的,;]{2,16}?)中[，,]"
                        r"(?:(?P<vp>[^，。；0-9]{1,12}?)的)?(?:已有|共有|有|其中)?$")


def _part_of_set(view: str, q: Quantity, sent: tuple[int, int]) -> str | None:
    """A part counted of a set the clause before counted, named by what sets it apart: 接入智慧泊车系统的公共泊车场."""
    lo = max(sent[0], q.outer_start - 40)
    m = _SET.search(view, lo, q.outer_start) if view.find("中", lo, q.outer_start) >= 0 else None
    if m is None and (alone := _SET_ALONE.search(view, lo, q.outer_start)):  # 参与调查的商号中，有2,046间
        what = alone.group("vp") or _what_after(view, q, sent).removeprefix("已")
        return f"{what}的{ctx.clean_indicator(alone.group('set'))}" if what else None
    if m is None or m.group("c") != q.unit:
        return None
    what = (m.group("vp") or _what_after(view, q, sent)).removeprefix("已")
    return f"{what}的{m.group('set')}" if what else None


# categories ranked with their shares in brackets (付款方式为流动支付（89.6%），其次为信用卡（37.2%）):
# what is divided (the words before the first 为) and each category
_RANK_HEAD = re.compile(r"(?P<head>[^，。；,;（）()]{2,30}?)(?:为|是)(?P<cat>[^，。；,;（）()为是]{1,16})[（(]约?[0-9.]+%[）)]")
_RANK_ORDER = re.compile(r"(?:依次|依序|分别)$")
_LEADS_CATEGORY = re.compile(r"^(?:[、，,]|以及|及|和|与|其次为|其次是|其次)+")


def _ranked_category(view: str, q: Quantity, sent: tuple[int, int], pending: list, sentence: str) -> str | None:
    """A category's share in brackets after the first of a ranking (…付款方式为流动支付（89.6%），其次为信用卡
    （37.2%）; 主要用途为餐饮（92.6%）、零售购物（85.3%）): what is divided 为 the category."""
    head = _RANK_HEAD.search(view, sent[0], q.outer_end + 1)
    if head is None or head.start("head") > q.outer_start:
        return None
    # the category runs from the bracket before (or the 为) to its own (资讯科技、数据分析及电脑（15%）)
    start = max(head.start("cat"), view.rfind("）", sent[0], q.outer_start - 1) + 1,
                view.rfind(")", sent[0], q.outer_start - 1) + 1)
    what = ctx._QUOTES.sub("", _LEADS_CATEGORY.sub("", view[start:q.outer_start - 1]))
    name = ctx.clean_indicator(_RANK_ORDER.sub("", head.group("head")))
    if not name or name == "其次" or not what or len(what) > 16 or not what.isalnum() and "、" not in what:
        return None
    if len(name) <= 4 and (before := _last_before(pending, len(pending), lambda j, f: pending[j][1] < head.start(), sentence)):
        name = _SHARE_TAIL.sub("", before["indicator"]) + name  # 使用流动支付的比例为88.4%，主要用途为…
    return f"{name}为{what}"


_PART_WORDS = ("当中", "其中", "其余", "余下", "剩余", "剩下")
_COUNTED = re.compile(r"[0-9][0-9,.]*\s*([个家项间所名条座台套])([\u4e00-\u9fff]{1,10})")
# the verb after a part's noun (当中221条乡村已完成…): what sets the part apart follows it
_PART_VERB = re.compile(r"(?:已经|已|将|正在|正|预计|计划|均|亦|可)+")


def _part_of_whole(view: str, q: Quantity, sent: tuple[int, int], word: str, pending: list) -> str | None:
    """A part named only 当中 / 其余 (…涵盖130项措施，截至2025年底，当中112项已经完成，其余18项正按计划推展;
    …初创企业211家，当中约四成从事人工智能相关业务): what sets it apart, of the whole counted before the
    当中 / 其中 nearest before it in its paragraph; a share of it when the part is a share."""
    para = view.rfind("\n", 0, q.start) + 1
    opens = max(view.rfind("当中", para, q.outer_start), view.rfind("其中", para, q.outer_start), para)
    share = unit_family(q.unit) == "percent"
    whole = next((f["indicator"] for f, pos, _, _ in reversed(pending) if para <= pos < opens and
                  (unit_family(f["unit"]) != "percent" if share else f["unit"] == q.unit)), None)
    if whole is None and not share:  # a whole that is no row of its own (涵盖130项措施)
        counted = [m for m in _COUNTED.finditer(view, para, opens) if m.group(1) == q.unit]
        whole = ctx.clean_noun(counted[-1].group(2)) if counted else None
    if not whole:
        return None
    if word not in ("当中", "其中"):
        return word + whole  # (其余18项正按计划推展: the rest, whatever is said of it)
    what = _what_after(view, q, sent)
    verb = _PART_VERB.search(what)
    vp = what[verb.end():] if verb and verb.start() <= 4 else what
    return f"{vp}的{whole}" + ("占比" if share else "") if vp else None


def _what_after(view: str, q: Quantity, sent: tuple[int, int]) -> str:
    """The words after a part's count, to the clause's end (…，已有48个接入智慧泊车系统)."""
    end = ctx._CLAUSE_BREAK.search(view, q.outer_end, sent[1])
    return ctx._QUOTES.sub("", ctx._REMARK.sub("", view[q.outer_end:end.start() if end else sent[1]]))[:16]


_THEN_PART = re.compile(r"(?:其中|当中)(?:约|有|共有|逾|超过|近)?")
_PART_BEFORE = re.compile(r"(?:其中|当中)(?P<vp>[^，。；、0-9的]{2,12})的(?:有|为|达|共)?(?:约|逾|超过|近)?")


# the investment words of a count of projects (…项目56个，1-10月累计完成投资71.8亿元)
# (批出约190个项目，涉及资助额约16亿元: what they involve)
_SPENT = re.compile(r"(?:^|[，,；;])[^，,；;]{0,6}?(?:累计)?(?P<m>(?:完成|计划|签约)?投资(?:额|总额)?|签约(?:金)?额"
                    r"|涉及(?:资助|投资)?(?:开支|金额|总额|款额|额))"
                    r"(?:达到|达|为|约|超过|逾|近)*$")


def _last_before(pending: list, end: int, accept, sentence: str | None = None) -> dict | None:
    """The fields of the last row before `end` in the same sentence (that of row `end`, or `sentence`)
    that `accept(index, fields)` takes."""
    sentence = sentence if sentence is not None else pending[end][0]["sentence"]
    for j in range(end - 1, -1, -1):
        fields = pending[j][0]
        if fields["sentence"] != sentence:
            return None
        if accept(j, fields):
            return fields
    return None


_BY_UNIT: dict[tuple[int, ...], tuple[tuple[CompiledRule, ...], dict]] = {}


def _rules_by_unit(rules: list[CompiledRule]) -> dict:
    """The rules that accept each unit (and, keyed (unit, character), those of them that can match
    after that character), filled as they come up and kept while the same rules run document after
    document (keyed by the rules' identities, which the kept tuple holds alive)."""
    key = tuple(map(id, rules))
    hit = _BY_UNIT.get(key)
    if hit is None:
        _BY_UNIT.clear()  # one rule set at a time: nothing piles up
        hit = _BY_UNIT[key] = (tuple(rules), {})
    return hit[1]


def _candidates(view: str):
    """The grammar's quantities, with the bare values of an index (指数, PUE) and of a list sharing its last
    figure's unit (分别提高8.6、7.2和6.5个百分点) merged in by position."""
    extra = index_quantities(view) if any(w in view for w in INDEX_WORDS) else []
    if "分别" in view:
        found = list(scan(view))
        extra = sorted(extra + shared_unit_quantities(view, found), key=lambda q: q.start)
        return heapq.merge(found, extra, key=lambda q: q.start) if extra else iter(found)
    if not extra:
        return scan(view)
    return heapq.merge(scan(view), extra, key=lambda q: q.start)


def match_rules(view: str, q: Quantity, sent: tuple[int, int], rules: list[CompiledRule],
                deadline: float | None = None) -> Match | None:
    """The first rule (in priority order) that matches around the quantity and names an indicator.
    `rules` are those that accept the quantity's unit."""
    ws = max(sent[0], q.outer_start - LOOK_BEFORE)
    we = min(sent[1], q.outer_end + LOOK_AFTER)
    window = view[ws:q.outer_start] + PLACEHOLDER + view[q.outer_end:we]
    ph = q.outer_start - ws
    if " " in window:  # text from a PDF: 占 GDP 比重 34%, 5G 基站 6.8 万个 match as written without spaces
        window = ctx.close_spaces(window)
        ph = window.index(PLACEHOLDER)
    once = window.count(PLACEHOLDER) == 1  # (a text may hold the character itself)
    for rule in rules:
        # a match has the quantity right after what its alternative has before it: a character none
        # ends with rules the rule out without a match (bundled rules, whose patterns `re` reads
        # alike; not when the quantity's words begin before its sentence, ph <= 0)
        if rule.before is not None and ph > 0 and window[ph - 1] not in rule.before:
            continue
        if rule.keywords is not None and rule.keywords.search(window) is None:
            continue
        # A user's pattern may backtrack catastrophically: it runs under the document's time limit.
        # The bundled patterns have bounded repeats and skip the timeout, which costs more than most matches.
        # The arguments go by position (string, pos, endpos, concurrent, partial, timeout): `regex`
        # reads a keyword argument at about the cost of a whole short match.
        timeout = None if deadline is None or rule.bundled else max(deadline - time.monotonic(), 1e-3)
        if rule.ends_at_quantity or rule.tail is not None and not rule.tail.match(window, ph + 1, None, None, False, timeout):
            # No alternative can go on past the quantity: the match ends right after it, and a
            # reverse pattern's match() is anchored there (at endpos).
            m = rule.regex.match(window, 0, ph + 1, None, False, timeout)
        elif rule.to_end is not None and once:
            m = rule.to_end.match(window, None, None, None, False, timeout)  # a search that stops at the quantity
        else:
            m = rule.regex.search(window, None, None, None, False, timeout)
        if m is None or PLACEHOLDER not in m.group():
            continue
        indicator = _indicator(rule, m, ph)
        if indicator:
            return Match(rule, indicator)
    return None


_CHANGE_WORD = re.compile(rf"(?:{baseline.CHANGE_VERBS})")


def _indicator(rule: CompiledRule, m, ph: int) -> str:
    """The rule's canonical name, or its template filled with the trimmed phrases it captured: a
    phrase left of the quantity loses time, place and verbs; one right of it ends before its verb."""
    if not rule.fields:
        return rule.rule.indicator
    # (a change word on its own, 提高 in 能源利用率提高11.4%, is kept: the cleaning takes it for a verb)
    values = {f: w if _CHANGE_WORD.fullmatch(w := m.group(f) or "") else
              (ctx.clean_noun if m.start(f) > ph else ctx.clean_indicator)(w) for f in rule.fields}
    name = rule.rule.indicator.format(**values)
    # (a count rule's generic noun after a verb it matched: 基金共批出78个项目)
    if name and (rule.rule.general or canon.is_generic(name) and not m.group().startswith(PLACEHOLDER)) \
            and all(m.start(f) > ph or not values[f] for f in rule.fields) \
            and (subject := ctx.subject_before(m.string, m.start())):
        name = subject + name  # 創科基金共批出逾4 600個項目: what the count is of, said before its verb
    if rule.rule.general and ctx.bad_phrase(name) or not _HAN.search(name):
        # 合计126.8亿元, 114年预估突破900亿元: a total's word or a time is taken away by the cleaning, but
        # says the row is named by the sentence before
        return next((w for f in rule.fields if (w := (m.group(f) or "").strip("，, ")) and
                     (ctx.is_total(w) or baseline.lacks_subject(w) or _BARE_COUNT.fullmatch(w))), "")
    return name


def _kind_and_year(view, q, sent, lay, cues, facts, rule, default_kind):
    """(kind, year, cue): the cue is the words that decided them, for a reviewer."""
    before = view[sent[0]:q.outer_start]
    from_, from_next, to_end, baselines, last_to, any_from = _from_to()
    # both patterns need a from word (从, 由), which most sentences lack: two searches saved
    span = any_from.search(before)
    m = from_.search(before) if span else None
    if m and from_next.match(view, q.outer_end, sent[1]):
        year = _written_year(m.group("y"), view, facts)
        if m.group("rel") and facts.ref_year is not None:
            year = facts.ref_year + baselines[m.group("rel")]
        elif year is None and (earlier := ctx.last_match(_earlier_base(), before, 0, m.start())):
            # 从2020年的0.35万个增加到4.18万个，普及率由78%提高到96%; 较2020年增加…，比重由36.1%提升至: that base
            year = _written_year(earlier.group("y"), view, facts)
        return "actual", year, m.group().strip() or None
    base = baseline.base_year(before, facts.ref_year)
    if base is not None:
        return "actual", base[0], base[1]
    para = ctx.list_intro(view, lay.paragraph_start(q.start))
    m = to_end.search(before) if span else None
    if m:  # the end point: its own year (到2025年的8万个) or the one in force before the 从 clause
        cue, at = None, sent[0] + m.start()  # the cues before the from phrase decide (将由去年的…提高到600亿元: 将, not 去年)
        year = _written_year(m.group("y"), view, facts)
        if year is None:
            year, cue = ctx.decide_year_cue(cues, at, para, "target", facts)
        to = last_to.search(m.group())
        to_words = to.group().strip() if to else None
        if year is None:  # no date for the end point: those, else the sentence's and passage's
            kind, kind_cue = ctx.decide_kind_cue(cues, at, sent, default_kind)
            return kind, ctx.status_year(kind_cue, facts) if kind == "actual" else None, _join(kind_cue, to_words)
        # a review's 从2015年…增长到2020年的 reached its end point before the document was written;
        # otherwise the sentence and passage decide (到2025年 … 提高到: a target; 今年以来 … 提升至: an actual)
        if facts.ref_year is not None and year < facts.ref_year:
            return "actual", year, _join(cue, to_words)
        # an end point in the page's own year is what the document is about (a report's 今年…由…增至: done)
        ahead = facts.ref_year is None or year > facts.ref_year
        # (an end point's own year still to come, 提升至116年的90%, is its cue)
        own = m.group("y") and ahead
        kind, kind_cue = ctx.decide_kind_cue(cues, q.start if own else at, sent, "target" if ahead else default_kind)
        return kind, year, _join(kind_cue or cue, to_words)
    if rule.rule.kind:
        kind, kind_cue = rule.rule.kind, None
    else:
        kind, kind_cue = ctx.decide_kind_cue(cues, q.start, sent, default_kind, para)
    year, year_cue = ctx.decide_year_cue(cues, q.start, para, kind, facts, sent[0])
    if kind == "target" and (kind_cue is None or ctx.is_aspect(kind_cue)) and not rule.rule.kind \
            and year is not None and facts.ref_year is not None and year < facts.ref_year:
        kind = "actual"  # a plan's review (2025年，全市…。公共数据平台累计归集数据14.7亿条): no aim, a year past
    if kind == "actual" and not rule.rule.kind and (year is None or ctx.status_now(cues, q.start, sent[0], kind_cue)):
        year = ctx.status_year(kind_cue, facts) or year
    if year is None and kind == "actual" and kind_cue and (dated := _YEAR_CUE.fullmatch(kind_cue)):
        year = int(dated.group(1))  # the year whose review made it an actual (2025年，… ¶ …方面，…) dates it
    if year is None and kind == "actual" and facts.published and facts.default_kind == "actual":
        year = ctx.page_year(cues, q.start, facts)  # an undated report's figure: as of the page's date
    return kind, year, _join(kind_cue, year_cue)


_YEAR_CUE = re.compile(r"((?:19|20)[0-9]{2})年")


def _written_year(digits: str | None, view: str, facts) -> int | None:
    """A from/to point's year: four digits as written, three by the Republic era where the document
    dates so (由111年的61%提升至113年的88%), else none."""
    if digits is None:
        return None
    if len(digits) == 3:
        if facts.roc is None:
            facts.roc = uses_roc_years(view)
        if not facts.roc:
            return None
    return gregorian(digits)


def _join(a: str | None, b: str | None) -> str | None:
    """The kind's and the year's words, once when one holds the other (截至 / 截至2022年底)."""
    if a and b:
        return b if a in b else a if b in a else f"{a}; {b}"
    return a or b or None


def _fact_key(r: Record) -> tuple:
    return (r.indicator, r.value, r.unit, r.comparator)


def _duplicates(records: list[Record]) -> dict[int, bool]:
    """{id(record): True} for the repeated mentions among `records`.

    A headline that repeats a body figure is one fact: the mention in the longest sentence stays
    (a headline has no room for the cues that make its kind and year, the body has)."""
    best: dict[tuple, Record] = {}
    for r in records:
        key = _fact_key(r)
        if key in best and best[key].sentence == r.sentence and best[key].year != r.year:
            key += (r.year,)  # (2027年、2028年分别新建850个、850个: one sentence's figures of two years)
        if key not in best or len(r.sentence) > len(best[key].sentence):
            best[key] = r
    kept = {id(r) for r in best.values()}
    # A headline may name the figure in other words (占GDP比重达11% / 占地区生产总值比重达11%左右):
    # a headline's figure that the body states again is the body's.
    headline = [_HEADLINE.fullmatch(r.sentence) is not None for r in records]
    in_body = {(r.value, r.unit) for r, h in zip(records, headline) if not h}
    kept -= {id(r) for r, h in zip(records, headline) if h and (r.value, r.unit) in in_body}
    return {id(r): True for r in records if id(r) not in kept}

