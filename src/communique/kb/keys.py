"""Lookup keys for names: case-, accent- and transliteration-insensitive, Cyrillic kept as itself.

Why not the gazetteer's ``normalize``: person names need the spelling folds of
:func:`communique.actors.names.name_key` (Tokayev/Tokaev, Zhomart/Jomart), and an
acronym such as "U.N." must never fold to a name part ("Un" in "Kim Jong Un").
"""
from __future__ import annotations

import re

from communique.actors.names import fold, is_acronym, name_key  # noqa: F401 (is_acronym re-exported)

_SPLIT = re.compile(r"[\s\-‐_]+")
#: family name first in English news: the first part is the surname
FAMILY_FIRST = {"CHN", "TWN", "PRK", "KOR", "VNM", "KHM", "HKG", "MAC", "SGP", "MNG"}


def name_parts(name: str) -> list[str]:
    name = re.sub(r"(?:['’]s|['’])$", "", name.strip())
    return [p for p in _SPLIT.split(name) if p and p not in (".",)]


def full_key(name: str) -> str:
    """"Kassym-Jomart Tokayev" and "Kasym-Zhomart Tokaev" → one key."""
    return " ".join(name_key(p) for p in name_parts(name))


def plain_key(text: str) -> str:
    """Organizations and places: folded words only (no spelling rules)."""
    return " ".join(_SPLIT.split(re.sub(r"^the\s+", "", fold(text).strip())))


def fold_key(part: str) -> str:
    """One name part folded for case and accents only (no spelling rules)."""
    return fold(part.strip())


def surname_keys(name: str, country: str | None = None, exact: bool = False) -> set[str]:
    """Keys of the parts news uses alone for this person: the last part, and the first for family-first names;
    ``exact`` keys fold case and accents only, so "Xi" and "Xie" stay apart."""
    parts = [p for p in name_parts(name) if not is_acronym(p)]
    if not parts:
        return set()
    key = fold_key if exact else name_key
    keys = {key(parts[-1])}
    if country in FAMILY_FIRST and len(parts) > 1:
        keys.add(key(parts[0]))
    return {k for k in keys if len(k) >= 2}
