"""The boilerplate lexicon (``data/clean_boilerplate.toml``), loaded once."""
from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Boilerplate:
    share_words: frozenset[str]
    chrome_lines: frozenset[str]
    chrome_prefixes: tuple[str, ...]
    list_headings: frozenset[str]
    credit_markers: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def boilerplate() -> Boilerplate:
    raw = tomllib.loads(resources.files("communique.data").joinpath("clean_boilerplate.toml").read_text("utf-8"))
    low = lambda key: [s.casefold() for s in raw.get(key, [])]  # noqa: E731
    return Boilerplate(
        share_words=frozenset(low("share_words")),
        chrome_lines=frozenset(low("chrome_lines")),
        chrome_prefixes=tuple(low("chrome_prefixes")),
        list_headings=frozenset(low("list_headings")),
        credit_markers=tuple(low("credit_markers")),
    )
