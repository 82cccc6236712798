"""The diplomatic trigger lexicon (``data/events_diplomatic.toml``), loaded once."""
from __future__ import annotations

import functools
import tomllib
from importlib import resources

DIPLOMATIC = ("VISIT", "HOST", "MEET", "CALL", "SIGN", "INVITE", "CONDOLE", "PRAISE")


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    return tomllib.loads(resources.files("communique.data").joinpath("events_diplomatic.toml").read_text("utf-8"))


@functools.lru_cache(maxsize=None)
def words(section: str) -> frozenset[str]:
    """The ``words`` list of one section of the data file (read once per section)."""
    return frozenset(lexicon()[section]["words"])


def light_verbs() -> frozenset[str]:
    return words("light_verbs")


def political_groups() -> frozenset[str]:
    return words("political_groups")


def non_state_groups() -> frozenset[str]:
    return words("non_state_groups")


def endorsed_things() -> frozenset[str]:
    return words("endorsed_things")


@functools.lru_cache(maxsize=1)
def procedural_phrases() -> tuple[str, ...]:
    return tuple(lexicon()["procedural"]["phrases"])


@functools.lru_cache(maxsize=1)
def trigger_index() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """lemma → event types, for verbs and for nouns."""
    lex = lexicon()
    verbs: dict[str, list[str]] = {}
    nouns: dict[str, list[str]] = {}
    for etype in DIPLOMATIC:
        for v in lex[etype]["verbs"]:
            verbs.setdefault(v, []).append(etype)
        for n in lex[etype]["nouns"]:
            nouns.setdefault(n, []).append(etype)
    return verbs, nouns
