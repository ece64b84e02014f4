"""Page furniture as spans: navigation runs, bylines and labels, copyright and reprint notices.

A scraped page may come as one line, or have its lines joined, so furniture is never recognised by
a keyword that condemns the whole line it stands in: each kind has its own extent.
- a short line that opens with furniture (上一篇：…, 责任编辑：…, 版权所有 …) and has no clause
  punctuation inside is furniture whole;
- a label (来源：合肥日报 2024-05-20, 浏览次数：1.2万) covers its value, up to the next space or clause break;
- a navigation run (上一篇：… 下一篇：…) runs to the end of its sentence or line; a list heading
  (相关阅读：) on its own line takes the short title lines under it;
- a notice (版权所有, 免责声明, 转载, 凡本网…) covers the sentence it stands in;
- a byline marker (本网讯, 本报讯) covers itself only;
- in text from a PDF, page-number lines (— 4 —, - 4 -, 第4页) and the running header or footer that
  repeats beside them (石家庄市人民政府工作报告（2026年）) are furniture whole: their year dates nothing.
"""

from __future__ import annotations

import re

# A line no longer than this that opens with furniture is furniture whole (as pages set them).
SHORT_LINE = 100

_LINE_OPENER = re.compile(
    r"\s*(?:上一篇|下一篇|相关(?:热词|阅读|新闻|链接)|热门|推荐阅读|版权|免责|声明|※|Copyright|©"
    r"|\d+、(?:凡本网|如因|本网)|(?:责任编辑|编辑|来源|记者|作者|联系电话|电话|邮箱|地址|备案号?"
    r"|(?:浏览|阅读|点击|访问|评论|点赞)(?:次数|量|数))\s*[:：])"
)
_LABEL = re.compile(
    r"(?:责任编辑|编辑|来源|记者|作者|联系电话|电话|邮箱|地址|备案号?|发布时间|发布日期"
    r"|(?:浏览|阅读|点击|访问|评论|点赞)(?:次数|量|数))\s*[:：]\s*"
    r"[^\s，。；,;]{0,30}(?:\s+[0-9][0-9:：\-/. ]{0,18})?"
)
_NAVIGATION = re.compile(r"(?:上一篇|下一篇|相关(?:热词|阅读|新闻|链接)|推荐阅读)\s*[:：]?[^。！？!?\n]*")
_NOTICE = re.compile(r"版权所有|免责声明|转载|凡本网|(?<!据)本网(?!讯)|Copyright|©")
_SENTENCE_END = re.compile(r"[。！？!?\n]")
_PROSE = re.compile(r"[，。；！？,;!?]")  # a line with clause punctuation inside is prose joined to furniture


# Every kind of furniture starts with one of these: one pass finds the places worth a closer look.
_ANY = re.compile(  # literals only, so that the regex engine skips ahead to their first characters
    "责任编辑|编辑|来源|记者|作者|联系电话|电话|邮箱|地址|备案|发布时间|发布日期|浏览次数|浏览量|阅读次数|阅读量"
    "|点击量|点击数|访问量|评论数|点赞数|上一篇|下一篇|相关热词|相关阅读|相关新闻|相关链接|相关文章|推荐阅读"
    "|延伸阅读|热门|版权|免责|声明|转载|凡本网|本网|如因|Copyright|©|※"
)
_LIST_HEAD = re.compile(r"\s*(?:相关(?:热词|阅读|新闻|链接|文章)|推荐阅读|热门(?:文章|新闻|推荐)?|延伸阅读)\s*[:：]?\s*")
TITLE_LINE = 40  # a linked title in such a list
_INDENT = re.compile(r"\s*(?:\d+、)?")


def _title_run(view: str, pos: int) -> int:
    """The end of the run of short title lines (no clause punctuation) that starts after `pos`."""
    while pos < len(view) and view[pos] == "\n":
        nxt = view.find("\n", pos + 1)
        nxt = len(view) if nxt < 0 else nxt
        line = view[pos + 1:nxt]
        if not line.strip() or len(line) > TITLE_LINE or _PROSE.search(line):
            break
        pos = nxt
    return pos


_PAGE_NUMBER = re.compile(r"^[ \t\u3000]*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?)[ \t\u3000]*$", re.M)
RUNNING_LINE = 40  # a running header or footer is a short line


def page_lines(view: str) -> list[tuple[int, int]]:
    """Page-number lines and the short lines repeated next to them (a running header or footer)."""
    numbers = [m.span() for m in _PAGE_NUMBER.finditer(view) if m.group().strip()]
    if not numbers:
        return []
    out = list(numbers)
    near: set[str] = set()
    for a, b in numbers:  # the two lines on either side of a page number
        lo = view.rfind("\n", 0, max(0, view.rfind("\n", 0, a)))
        hi = view.find("\n", view.find("\n", b + 1) + 1)
        for line in view[lo + 1:hi if hi >= 0 else len(view)].split("\n"):
            line = line.strip()
            if 4 <= len(line) <= RUNNING_LINE and not _PROSE.search(line):
                near.add(line)
    for line in near:
        found = [m.start() for m in re.finditer(re.escape(line), view)]
        if len(found) >= 2:
            out += [(p, p + len(line)) for p in found]
    return out


def spans(view: str) -> list[tuple[int, int]]:
    """The furniture spans of the view, unsorted and possibly overlapping."""
    out: list[tuple[int, int]] = page_lines(view)
    done_lines: set[int] = set()
    covered = 0  # furniture found up to here: hits inside it need no look
    for hit in _ANY.finditer(view):
        p = hit.start()
        if p < covered:
            continue
        line_start = view.rfind("\n", 0, p) + 1
        if line_start not in done_lines and _INDENT.fullmatch(view, line_start, p):
            done_lines.add(line_start)
            line_end = view.find("\n", p)
            line = view[line_start:line_end if line_end >= 0 else len(view)]
            if len(line) <= SHORT_LINE and _LINE_OPENER.match(line) and not _PROSE.search(line.rstrip("。 ")):
                end = line_start + len(line)
                if _LIST_HEAD.fullmatch(line):  # 相关阅读： then a list of linked titles, one a line
                    end = _title_run(view, end)
                out.append((line_start, end))
                covered = end
                continue
        for pattern in (_LABEL, _NAVIGATION):
            m = pattern.match(view, p)
            if m:
                out.append(m.span())
        m = _NOTICE.match(view, p)
        if m:
            a = max((e.end() for e in _SENTENCE_END.finditer(view, max(0, m.start() - 200), m.start())),
                    default=max(0, m.start() - 200) and m.start())
            b = _SENTENCE_END.search(view, m.end())
            out.append((a, b.end() if b else len(view)))
            covered = out[-1][1]
    return out
