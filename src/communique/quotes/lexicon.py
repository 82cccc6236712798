"""Load ``data/quotes_lexicon.toml`` once: the words are data, the rules are code."""
from __future__ import annotations

import functools
import tomllib
from importlib import resources


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    with resources.files("communique.data").joinpath("quotes_lexicon.toml").open("rb") as fh:
        lx = tomllib.load(fh)
    lx["speech"]["verb_set"] = frozenset(v.lower() for v in lx["speech"]["verbs"])
    lx["pronouns"]["person_set"] = frozenset(p.lower() for p in lx["pronouns"]["person"])
    lx["signs"]["word_set"] = frozenset(w.lower() for w in lx["signs"]["words"])
    lx["signs"]["lead_set"] = lx["signs"]["word_set"] | frozenset(w.lower() for w in lx["signs"].get("lead_words", []))
    return lx
