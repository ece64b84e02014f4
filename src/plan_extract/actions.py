"""A count whose noun is followed by its own action (推动1500家企业上云, 带动300家企业数字化转型): the
indicator is the noun with the action (企业上云), not the bare noun, which canon drops as a fragment."""

from __future__ import annotations

import re
from functools import cache

from .lexicon import lexicon


@cache
def _bare_nouns() -> frozenset[str]:
    return frozenset(lexicon()["catalogue"]["fragment_nouns"])


@cache
def _actors() -> tuple[str, ...]:
    return tuple(lexicon()["indicator"]["count_actors"])


@cache
def _action() -> re.Pattern:
    return re.compile(lexicon()["indicator"]["count_actions"])


def with_action(view: str, q_end: int, clause_end: int, indicator: str, share: bool = False) -> str:
    """The indicator with the action that follows its noun after the figure, when there is one and
    the noun is a bare generic one (企业) or a kind of actor (规上工业企业, 中小企业): 推动200家规上工业企业
    开展数字化改造 counts the enterprises doing it. Other nouns of their own (企业节点) name the count;
    a share of any noun (90%的行政村实现5G覆盖) is of those doing it."""
    actor = share or indicator in _bare_nouns() or indicator.endswith(_actors())
    at = q_end + (view[q_end] == "的" if q_end < clause_end else 0)
    if not indicator or not view.startswith(indicator, at):
        return indicator
    m = _action().match(view, at + len(indicator), clause_end)
    # any noun's count is of those that did it when the action is an accomplishment (218个路口完成信号灯
    # 智能化改造, 43套关键政府资讯系统完成境外异地备份)
    if m is None or not (actor or m.group("act").startswith(_ACCOMPLISHED)):
        return indicator
    return indicator + m.group("act")  # (已完成…: the action without its aspect)


_ACCOMPLISHED = ("完成", "实现")
