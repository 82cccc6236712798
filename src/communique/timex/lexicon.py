"""Load ``data/timex_lexicon.toml`` once: the words are data, the rules are code."""
from __future__ import annotations

import functools
import tomllib
from importlib import resources


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    with resources.files("communique.data").joinpath("timex_lexicon.toml").open("rb") as fh:
        return tomllib.load(fh)
