"""Actor identity across documents: spelling-tolerant name keys.

A person is known across documents by (normalised surname, country, first
initial). Surnames are folded so common transliteration variants collide:
Tokayev/Tokaev/Toqayev, Zelensky/Zelenskyy/Zelenskiy, Kassym/Kasym, Medvedev/Medvedyev.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Optional

_TITLES = {
    "mr", "mrs", "ms", "dr", "prof", "sir", "dame", "president", "prime", "minister", "king", "queen",
    "prince", "princess", "sheikh", "emir", "sultan", "chancellor", "general", "gen", "secretary",
    "his", "her", "excellency", "majesty", "highness", "h.e.", "he",
}
_VOWELS = "aeiou"


def fold(text: str) -> str:
    """Lower case, accents removed, anything but letters, digits and spaces dropped."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^\w\s]", " ", text.replace("'", "").replace("’", ""))
    return " ".join(text.split())


def translit(word: str) -> str:
    """Collapse transliteration variants of one folded word."""
    w = word
    for a, b in (("kh", "h"), ("ks", "x"), ("ph", "f"), ("yy", "y"), ("iy", "i"), ("ij", "i"), ("q", "k")):
        w = w.replace(a, b)
    # a 'y' between vowels is a glide spelt or not (Tokayev/Tokaev)
    w = re.sub(rf"(?<=[{_VOWELS}])y(?=[{_VOWELS}])", "", w)
    w = w.replace("y", "i")
    w = re.sub(r"(.)\1+", r"\1", w)          # doubled letters: Kassym/Kasym
    return w


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A whole name folded and transliterated word by word (organisations, aliases)."""
    return " ".join(translit(w) for w in fold(name).split())


def actor_key_parts(name: str) -> tuple[str, Optional[str]]:
    """(surname key, first initial or None) of a person's name, titles dropped."""
    words = [w for w in fold(name.replace("-", " - ")).split() if w not in _TITLES]
    # keep hyphenated given names together: "kassym - jomart tokayev" → given "kassym", surname "tokayev"
    words = [w for w in words if w != "-"]
    if not words:
        return "", None
    surname = translit(words[-1])
    initial = translit(words[0])[:1] if len(words) > 1 else None
    return surname, initial
