"""A comparison base with 的 dates its figure: 较2020年的2,600个增加约1,200个, 比2019年的3.5万户翻了一番,
由上年的…增加…: the first figure is an actual of that year, and the clause's subject stated earlier
in the sentence names it and the change that follows."""

from __future__ import annotations

import regex

from .roc_years import gregorian

_REL = {"去年": -1, "上年": -1, "前年": -2}
# the verbs a change is said with (增长, 大增, 扩容 …); the patterns below and canon's add their own
CHANGE_VERBS = "增长|成长|提高|提升|上升|增加|下降|减少|回落|缩短|大增|激增|扩容"
# the kinds of rate a name may be alone (覆盖率达到82.6%): a rate of what the clause before counted
_RATE_KINDS = "覆盖率|普及率|渗透率|使用率|利用率|上架率|完成率|达标率|网办率|可办率|满意率|通达率|接通率|开通率|联网率|接入率|办结率|执行率|应用率|达成率"
# a part of a year named without its year (1-9月, 前三季度): a time, not a subject
_PART_OF_YEAR = (r"(?:(?:[0-9]{1,2}\s*[-—–~～至到]\s*)?[0-9]{1,2}月份?|前[一二三]季度|[一二三四]季度|上半年|下半年"
                 r"|首[一二三]季度?|首[0-9一二三四五六七八九十]{1,2}个月)")
# right before the figure: 较2022年底的 / 比上年同期的 / 由去年的 / 较2023-24年度的 (a fiscal year: the one it opens)
# / 较113年的
_BASE_BEFORE = regex.compile(
    r"(?:较|比|相比|与|由|从)\s*(?:(?P<y>(?:19|20)[0-9]{2})\s*(?:年(?:底|末|初)?|(?:至|[-—–/／])\s*[0-9]{2}\s*(?:财政)?年度)"
    r"|(?P<roc>1[01][0-9])\s*年(?:底|末|初)?"  # 较113年的: the Republic era
    r"|(?P<rel>去年|上年|前年)(?:底|末)?)"
    r"(?:同期|全年)?的\s*$")
# a name that is only the comparison (比2022年底, 比上年末净增) or the change (翻了一番, 增加): the subject is elsewhere
_NO_SUBJECT = regex.compile(
    r"^(?:按(?:不变|可比)价格计算)?(?:(?:较|比|相比|与|是)\s*(?:[0-9]{4}\s*(?:(?:至|[-—–/／])\s*[0-9]{2}\s*(?:财政)?)?年|1[01][0-9]\s*年|去年|上年|上一年|前一年|一年前|前年|年初|上月|上季度)"
    r"(?:底|末|初|度)?(?:同期|全年)?(?:的|净增|新增|增加|增长|成长|上升|提高|提升|下降|减少|下跌|回落)?"
    r"|按[年季月](?:上升|增加|增长|下降|减少)?|翻了?一番|翻番|增加|增长|成长|提高|提升|减少|下降|新增|首度|首次"
    r"|分阶段|分步|逐步|逐年"  # (预计2026年年底前分阶段提升至…: how it will rise, not what)
    # (较一期下降, 比全国平均水平低: a comparison with anything named, and no subject)
    r"|(?:较|比(?![重例率]))[^，。；0-9]{1,8}?(?:的|高|低|多|少|下降|降低|减少|提高|提升|上升|增加)?)$")


def base_year(before: str, ref_year: int | None) -> tuple[int | None, str] | None:
    """(year, words) when the text before a figure makes it a comparison's base, else None."""
    if not before.rstrip().endswith("的"):  # most figures: no regex search at all
        return None
    m = _BASE_BEFORE.search(before, max(0, len(before) - 16))
    if m is None:
        return None
    if m.group("y") or m.group("roc"):
        return gregorian(m.group("y") or m.group("roc")), m.group().strip()
    return (ref_year + _REL[m.group("rel")] if ref_year is not None else None), m.group().strip()


# 增速比去年同期加快, 较上年分别提高, 比一季度提高, 增速快于城市, 年增长: how something changed, against what
# (按上年不变价计算比上年增长, “十四五”期间年均增长, 按年实质增长, 按年扩容, 增速比城市高出, 增速比上半年
# [提高: the rule's own verb], 是扩容前的)
_ONLY_CHANGE = regex.compile(
    rf"^(?:录得|首度|首次|可望|可|将)?(?:按(?:上一?年)?(?:不变|可比|现)价(?:格)?计算)?(?:十[一二三四五]五(?:期间|时期|以来)|{_PART_OF_YEAR})?"
    rf"(?:增速|增幅|占比|比重|{_RATE_KINDS})?(?:分别)?(?:(?:较|比|相比|快于|慢于|高于|低于)[^，。；]{{0,16}}?)?(?:分别)?(?:同比|环比|年均|按年|按季|年)?"
    r"(?:亦|也|则|均)?(?:实质|名义)?(?:分别)?(?:大幅|小幅|轻微|略|稳步|持续|明显|快速)?"
    rf"(?:{CHANGE_VERBS}|加快|放缓|下跌|微升|微跌|回升)$"
    r"|^(?:增速|增幅)(?:快于|慢于|高于|低于|比|较|相比)[^，。；]{0,16}$|^是[^，。；]{1,12}$")
# the change words at the end of a subject's own rate (信息消费规模同比增长), left out when a rate of that
# rate is named (增速比去年同期加快 -> 信息消费规模增速比去年同期加快)
_RATE_WORDS = regex.compile(r"(?:同比|环比|按年|按季|按月|较上年|比上年|年均)?(?:亦|也|则|均)?(?:大幅|小幅|轻微|略)?"
                            r"(?:增长|成长|提高|提升|上升|下降|减少|增加|下跌|微升|微跌|回升)$")


def subject_of(indicator: str) -> str:
    return _RATE_WORDS.sub("", indicator) or indicator


def without_change(name: str) -> str:
    """A change's name without its change words, against whatever it is compared with (…用户较2024年底增加
    -> …用户)."""
    return _CHANGE_TAIL.sub("", name)


_CHANGE_TAIL = regex.compile(rf"(?<=.)(?:(?:比|较)[^比较]{{0,8}}?|同比|环比|按年|按季)?(?:净增|新增|降低|{CHANGE_VERBS})$")


def with_parent_measure(indicator: str, parent: str, heads: tuple[str, ...]) -> str:
    """A part named after 其中 without the measure its whole was named by (…制造业增加值增长12.3%，其中
    光电子器件制造业增长18.6%) is measured so too: 光电子器件制造业增加值增长."""
    own = subject_of(indicator)
    head = next((h for h in heads if h in parent), None)
    if head is None or any(h in own for h in heads):
        return indicator
    # 进出口额…，其中出口318.5亿元: 出口额, the words the two share said once; a part of the measure
    # (出口 of 进出口额) is still the whole's subject's: 跨境电商进出口额 -> 跨境电商出口额
    overlap = next((k for k in range(min(len(own), len(head) - 1), 1, -1) if own.endswith(head[:k])), 0)
    subject = _COMPOUND_MEASURE.sub("", parent[:parent.index(head)]) if overlap else ""
    return subject + own + head[overlap:] + indicator[len(own):]


_COMPOUND_MEASURE = regex.compile(r"进$")  # 进|出口额: the whole's measure, not its subject


def rate_of(subject: str, change: str) -> str:
    """The name of a subject's change (产值 + 较113年成长); 录得 (recorded) and 分别 are no part of it, and
    words the two share are said once (…转型覆盖率 + 覆盖率比去年同期提高)."""
    own, change = subject_of(subject), change.removeprefix("录得").removeprefix("分别")
    overlap = next((k for k in range(min(len(own), len(change)), 1, -1) if own.endswith(change[:k])), 0)
    return own + change[overlap:]


# a name that is only a time (第三季末, 10月份当月新增): the subject is named before it
_ONLY_TIME = regex.compile(rf"^(?:第[一二三四]季度?末?|[一二三四]季度末|{_PART_OF_YEAR}(?:末|底)?|当月|本月|当季|期末|季末|年末"
                           # a deadline or a forecast's year (目标于119年提高至, 目标在2026年年底前, 预估114年可望成长)
                           r"|(?:目标|预估|预计|计划|力争|争取)?(?:于|在|到|至)?(?:(?:19|20)[0-9]{2}|1[01][0-9])年(?:年底|底|末|内)?(?:前|或之前)?"
                           r"(?:目标|预估|预计|可望|有望|将)?)+"
                           r"(?:累计)?(?:新增|增加|净增|减少|完成|实现|成长|增长|提高|提升|突破|达到)?$")


# a share (占比, 占全省的比重): a figure after it without a name of its own is not the share's
_SHARE = regex.compile(r"占(?!地面|用|有|领)")
# …and one named by its whole without a share noun (5G用户占移动电话用户总数; not a comparison 占比较上年)
_SHARE_OF_WHOLE = regex.compile(_SHARE.pattern + r"[^占比较]+(?<![重例额率])$")


# …or any rate of an action alone (核准率, 下架率, 进驻率, 涵盖率), but a rate that is its own subject (失业率)
_ONLY_RATE = regex.compile(rf"^(?:{_RATE_KINDS}|(?!失业|出生|死亡|汇|利|税)\p{{Han}}{{2}}率)$")


def lacks_subject(indicator: str) -> bool:
    return any(p.match(indicator) is not None for p in (_NO_SUBJECT, _ONLY_CHANGE, _ONLY_TIME, _ONLY_RATE))


def own_change(indicator: str) -> str:
    """A change named after the change said before it (按季上升1.2%，按年上升: 按季上升按年上升) is its own
    change alone, whose subject is the level before both."""
    m = _TWO_RATES.match(indicator)
    return m.group(1) if m else indicator


_RATE = rf"(?:按[年季月]|同比|环比)(?:{CHANGE_VERBS})"
_TWO_RATES = regex.compile(rf"^{_RATE}({_RATE})$")


# a part of the region alone (其中城区新建980个): that part's share of what the sentence counted before
_ONLY_SCOPE = regex.compile(r"^((?:中心|主)?城区|市区|县城|城镇|农村(?:地区)?|乡村|城市|偏远地区|边境地区|重点区域)"
                            r"(?:再|又|共|新|累计)?(?:建成|建设|新建|新增|开通|部署|完成)?$")


def scope(indicator: str) -> str | None:
    """The part of the region a name is alone (城区, 中心城区共建成 -> 中心城区), else None."""
    m = _ONLY_SCOPE.match(indicator)
    return m.group(1) if m else None


_ONLY_LEVEL = regex.compile(r"^(国家级|省级|市级|县级|区级)(?:的)?$")
_LEVEL = regex.compile(r"^(?:国家级|省级|市级|县级|区级)(?:及|和)?(?:以上|以下)?(?:的)?")


def of_level(indicator: str, whole: str) -> str | None:
    """A part named by its level alone (省级以上重点实验室118个，其中国家级9个): the whole at that level,
    国家级重点实验室; else None."""
    m = _ONLY_LEVEL.match(indicator)
    return m.group(1) + _LEVEL.sub("", whole) if m else None


def is_time(indicator: str) -> bool:
    return _ONLY_TIME.match(indicator) is not None


def is_bare_rate(indicator: str) -> bool:
    return _ONLY_RATE.match(indicator) is not None


def is_share(indicator: str) -> bool:
    return _SHARE.search(indicator) is not None


def lacks_share_noun(indicator: str) -> bool:
    return _SHARE_OF_WHOLE.search(indicator) is not None


# 固定电话用户持续减少，第三季末为10.3万户: a clause without a figure says how its subject went
_TREND = regex.compile(r"(?:持续|稳步|不断|快速|明显|大幅|小幅|保持|继续|逐步|有所|略有|较快)?"
                       r"(?:减少|增加|增长|下降|上升|回落|提高|提升|扩大|缩小|下滑|攀升|向好|平稳|稳定)(?!值|量|额|率)")
_CN_FIGURE = regex.compile(r"[零一二两三四五六七八九十][点十百千万亿]")
_LAST_CLAUSE = regex.compile(r"[^，,；;：:]*[，,；;：:]?\s*$")


def topic(before: str, clean) -> str | None:
    """The subject of the clause right before (`before` ends with it), when it names a trend and no figure."""
    clause = _LAST_CLAUSE.search(before).group()
    if any(c.isdigit() for c in clause) or _CN_FIGURE.search(clause):
        return None
    m = _TREND.search(clause, 2)
    return (clean(clause[:m.start()]) or None) if m else None


_CHANGE = regex.compile(rf"(?:{CHANGE_VERBS}|下跌|微升|微跌|回升|净增|新增|加快|放缓|翻了?一番|翻番)$")


def says_change(indicator: str) -> bool:
    """较113年成长 says how the subject changed (its rate is named so); 比上年末 only what it is compared with."""
    return _CHANGE.search(indicator) is not None or indicator.startswith(("增速", "增幅"))
