"""Index values: a bare number is a value when an index (指数) is what it measures.

The number grammar yields no bare number (2522, list numbers, codes are not values), so an index
written without a unit (发展指数从2020年的78提高到90, 两化融合发展指数提高至105) would be lost. These
candidates are found only in the clause after 指数 (or PUE, 两化融合发展水平), reached through link words
alone (达到, 提高到, 从2020年的 …), and in a change of the clause after (，较上年提高3.2); rules then
decide (RATE-INDEX accepts the empty unit).
"""

from __future__ import annotations

import re

from .grammar import Quantity

# 「香港公共數據開放指數」由…; a data centre's PUE (电能利用效率) is a ratio without a unit too
INDEX_WORDS = ("指数", "PUE", "两化融合")  # a text without them has no index value: no search at all
# (两化融合发展水平达到57.2: the integration of IT and industry is scored as an index)
_INDEX = re.compile(r"(?:指数(?:值|得分)?|PUE(?:值)?[)）]?|两化融合(?:发展)?水平)[」”』\"]?")
# link words between the index and its values, including the from-to of a change
_LINK = (r"(?:[:：]|达到|达|为|是|提高到|提高至|提升到|提升至|增长到|增长至|上升到|上升至|升至|增至|达至|降至|降到|降低至"
         r"|降低到|下降至|下降到|下降为|控制在|平均值?|到|至|已|将|均|普遍|进一步|目标值?为|设计值?为"
         r"|从|由|保持在|稳定在|(?:[0-9]{4}|1[01][0-9])\s*年(?:底|末|度)?的?|\s)")  # 114年为118.4 (Republic era)
_VALUE = re.compile(rf"(?:{_LINK})*?(?:(?P<cmp>突破|超过|不低于|高于|不高于|不超过|低于|约|近)为?)?(?P<num>[0-9]+(?:\.[0-9]+)?)"
                    r"(?![0-9.%‰年月日号万亿千百个项家户元倍点])(?P<after>以上|以下|以内|左右)?")
_COMPARATOR = {"突破": ">", "超过": ">", "高于": ">", "不低于": ">=", "不高于": "<=", "不超过": "<=", "低于": "<",
               "约": "~", "近": "~",
               "以上": ">=", "以下": "<=", "以内": "<=", "左右": "~"}
_CHANGE = re.compile(r"(?:较|比)[^，。；,;0-9]{1,10}?(?:下降|降低|减少|低|提高|提升|上升|增加|高)了?(?P<cmp>约|近)?"
                     r"(?P<num>[0-9]+(?:\.[0-9]+)?)(?![0-9.%‰年月日号万亿千百个项家户元倍点])")
_CLAUSE_END = re.compile(r"[，。；：、,;:！？!?\n（(]")


def index_quantities(view: str) -> list[Quantity]:
    out = []
    for m in _INDEX.finditer(view):
        end = _CLAUSE_END.search(view, m.end())
        limit = end.start() if end else len(view)
        pos = m.end()
        while pos < limit:
            v = _VALUE.match(view, pos, limit)
            if v is None:
                break
            start = v.start("cmp") if v.group("cmp") else v.start("num")
            while start > pos and view[start - 1] == " ":  # 达到 85.3 (text from a PDF)
                start -= 1
            value = float(v.group("num"))
            out.append(Quantity(v.start("num"), v.end("num"), start, v.end(), value, "",
                                _COMPARATOR.get(v.group("cmp") or v.group("after"), "=")))
            pos = v.end()
        # …PUE为1.18，较一期下降0.09 / 比全国平均水平低约0.15: the change of the value just said
        change = _CHANGE.match(view, limit + 1) if pos > m.end() and view[limit:limit + 1] in "，," else None
        if change is not None:
            out.append(Quantity(change.start("num"), change.end("num"), change.start("cmp") if change.group("cmp") else
                                change.start("num"), change.end(), float(change.group("num")), "",
                                _COMPARATOR.get(change.group("cmp"), "=")))
    return out
