"""Loads the language data in data/zh.toml once per process."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources


def lexicon_path() -> str:
    return str(resources.files("plan_extract").joinpath("data/zh.toml"))


@cache
def lexicon() -> dict:
    with resources.files("plan_extract").joinpath("data/zh.toml").open("rb") as fh:
        return tomllib.load(fh)


def alternation(words) -> str:
    """A regex alternation that tries longer words first (超过 before 超), written as a prefix tree
    (超(?:过|)): the engine tries each word in turn at every place where one may start, so a long
    list costs a check per word; the tree checks each character once. Matches are the same: at a
    position only one branch can go on (they start with different characters) and a word's longer
    forms come before it, so the words that fit are tried longest first, as in the flat list. (Not
    for patterns matched backwards, nor ignoring case: neither uses it.)"""
    import regex

    tree: dict = {}
    for w in set(words):
        node = tree
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}  # a word ends here
    return _branches(tree, regex.escape)


def _branches(node: dict, escape) -> str:
    alts = [escape(c) + _tail(child, escape) for c, child in sorted(node.items()) if c]
    if "" in node:
        alts.append("")  # the word that ends here, after its longer forms
    return "|".join(alts)


def _tail(node: dict, escape) -> str:
    if len(node) == 1 and "" not in node:  # one way on: no group
        (c, child), = node.items()
        return escape(c) + _tail(child, escape)
    if list(node) == [""]:
        return ""
    return f"(?:{_branches(node, escape)})"
