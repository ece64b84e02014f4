"""A plan's title standing as the document's first line, without 《》: 某市数字经济发展三年行动方案
（2024—2026年）, 关于印发…实施方案的通知. Such a document is that plan, and its period dates its targets."""

from __future__ import annotations

import re

# a title line: (an issuer and) 关于印发 … 的通知 around it, or a period in brackets after it, or nothing
# at all but the title (a news headline names its verb: 印发, 出台, 解读 … and is no title)
_PERIOD = r"[（(]\s*(?:19|20)[0-9]{2}\s*(?:年\s*)?[-—–~～至到]{1,2}\s*(?:19|20)[0-9]{2}\s*年?\s*[)）]"
_PLAN = rf"[^\s，。；：！？!?,;:《》]{{4,60}}?(?:规划|计划|方案|纲要|行动|工作要点)(?:{_PERIOD})?"  # (“十四五” inside)
_NOTICE = re.compile(rf"[^\s，。；：！？!?,;:《》]{{0,30}}?关于印发(?P<t>{_PLAN})的通知")
_TITLE = re.compile(rf"(?P<t>{_PLAN})")
_PERIOD_LINE = re.compile(_PERIOD)
_NEWS_VERBS = re.compile(r"印发|出台|发布|公布|解读|审议|通过|启动|召开|亮相|出炉|举行|推进会|新闻")
HEAD_LINES = 3  # a saved page may open with its site's name or path before the title


def first_line_plan(view: str) -> str | None:
    """The plan one of the document's first lines names as its title, else None."""
    lines = [line.strip() for line in view[:400].split("\n") if line.strip()][:HEAD_LINES + 1]
    for i, line in enumerate(lines[:HEAD_LINES]):
        if i + 1 < len(lines) and _PERIOD_LINE.fullmatch(lines[i + 1]):
            line += lines[i + 1]  # the period on a line of its own under the title
        m = _NOTICE.fullmatch(line) or _TITLE.fullmatch(line)
        if m and not _NEWS_VERBS.search(m.group("t")) and not m.group("t").startswith("关于"):
            return m.group("t")
    # a notice's own line below a portal's chrome (索引号, 发布机构 … ⏎ 关于印发…实施方案（2025—2027年）的通知)
    for line in view[:_NOTICE_HEAD].split("\n"):
        if (m := _NOTICE.fullmatch(line.strip())) and not _NEWS_VERBS.search(m.group("t")):
            return m.group("t")
    return None


_NOTICE_HEAD = 1200
