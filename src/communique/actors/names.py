"""Person-name keys that survive transliteration (Tokayev/Tokaev, Kassym/Kasym, Jomart/Zhomart, Tariq/Tarik)."""
from __future__ import annotations

import re
import unicodedata

_RULES = [
    (re.compile(r"zh"), "j"), (re.compile(r"kh"), "h"), (re.compile(r"ks"), "x"),
    (re.compile(r"ph"), "f"), (re.compile(r"w"), "v"), (re.compile(r"ts"), "c"),
    (re.compile(r"(?<=[aeiou])[yj](?=[aeiou])"), ""),     # Tokayev -> Tokaev
    (re.compile(r"y"), "i"), (re.compile(r"ie"), "i"), (re.compile(r"(.)\1+"), r"\1"),
    # Arabic romanisations: Tariq/Tarik, Youssef/Yusef, el-Sisi/al-Sisi
    (re.compile(r"q"), "k"), (re.compile(r"ou"), "u"), (re.compile(r"^(?:el|ul)$"), "al"),
]


_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z]{2,}$")


def is_acronym(token: str) -> bool:
    """"U.N.", "NATO": an abbreviation, never a person's name part (though "U.N." folds like "Un")."""
    return bool(_ACRONYM.match(token.strip()))


def fold(text: str) -> str:
    """Lower case, no accents, no apostrophes."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = t.replace("ı", "i").replace("ğ", "g")
    return re.sub(r"[’'`.]", "", t).lower()


def name_key(token: str) -> str:
    """A spelling-insensitive key for one name part."""
    t = fold(token)
    for rx, rep in _RULES:
        t = rx.sub(rep, t)
    return t


def name_parts(name: str) -> list[str]:
    """Name parts, with hyphenated given names split ("Kassym-Jomart" → Kassym, Jomart)."""
    return [p for p in re.split(r"[\s\-‐]+", strip_possessive(name)) if p]


def strip_possessive(text: str) -> str:
    return re.sub(r"(?:['’]s|['’])$", "", text.strip())


def surname_key(name: str) -> str:
    parts = name.split()
    return name_key(strip_possessive(parts[-1])) if parts else ""


def given_keys(name: str) -> set[str]:
    parts = strip_possessive(name).split()
    return {name_key(p) for p in name_parts(" ".join(parts[:-1]))}
