"""Index values: a bare number is a value when an index (指数) is what it measures.

The number grammar yields no bare number (2522, list numbers, codes are not values), so an index
written without a unit (发展指数从2020年的78提高到90, 两化融合发展指数提高至105) would be lost. These
candidates are found only in the clause after 指数, reached through link words alone (达到, 提高到,
从2020年的 …); rules then decide (RATE-INDEX accepts the empty unit).
"""

from __future__ import annotations

import re

from .grammar import Quantity

# 「香港公共數據開放指數」由…; a data centre's PUE (电能利用效率) is a ratio without a unit too
_INDEX = re.compile(r"(?:指数(?:值|得分)?|PUE(?:值)?[)）]?)[」”』\"]?")
# link words between the index and its values, including the from-to of a change
_LINK = (r"(?:[:：]|达到|达|为|是|提高到|提高至|提升到|提升至|增长到|增长至|上升到|上升至|升至|增至|达至|降至|降到|降低至"
         r"|降低到|下降至|下降到|下降为|控制在|平均|到|至"
         r"|从|由|保持在|稳定在|(?:[0-9]{4}|1[01][0-9])\s*年(?:底|末|度)?的?|\s)")  # 114年为118.4 (Republic era)
_VALUE = re.compile(rf"(?:{_LINK})*?(?P<cmp>突破|超过|不低于|高于|不高于|不超过|低于)?(?P<num>[0-9]+(?:\.[0-9]+)?)"
                    r"(?![0-9.%‰年月日号万亿千百个项家户元倍点])(?P<after>以上|以下|以内|左右)?")
_COMPARATOR = {"突破": ">", "超过": ">", "高于": ">", "不低于": ">=", "不高于": "<=", "不超过": "<=", "低于": "<",
               "以上": ">=", "以下": "<=", "以内": "<=", "左右": "~"}
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
    return out
