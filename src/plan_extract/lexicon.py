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
    """A regex alternation that tries longer words first (超过 before 超)."""
    import regex

    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))
