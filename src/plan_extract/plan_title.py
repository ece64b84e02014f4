"""A plan's title standing as the document's first line, without 《》: 某市数字经济发展三年行动方案
（2024—2026年）, 关于印发…实施方案的通知. Such a document is that plan, and its period dates its targets."""

from __future__ import annotations

import re

# the first line: 关于印发 … 的通知 around it, or a period in brackets after it, or nothing at all but
# the title (a news headline names its verb: 印发, 出台, 解读 … and is no title)
_PERIOD = r"[（(]\s*(?:19|20)[0-9]{2}\s*(?:年\s*)?[-—–~～至到]{1,2}\s*(?:19|20)[0-9]{2}\s*年?\s*[)）]"
_TITLE = re.compile(
    rf"(?:关于印发|关于)?(?P<t>[^\s，。；：！？!?,;:《》“”\"]{{4,60}}?(?:规划|计划|方案|纲要|行动)(?:{_PERIOD})?)"
    r"(?:的通知)?")
_NEWS_VERBS = re.compile(r"印发|出台|发布|公布|解读|审议|通过|启动|召开|亮相|出炉|举行|推进会|新闻")


def first_line_plan(view: str) -> str | None:
    """The plan the document's first line names as its title, else None."""
    line = view.lstrip()[:200].split("\n", 1)[0].strip()
    m = _TITLE.fullmatch(line)
    if m is None:
        return None
    title = m.group("t")
    notice = line.startswith("关于")
    if notice != line.endswith("的通知") or _NEWS_VERBS.search(title):
        return None
    return title
