"""Lenient comparison helpers shared by the scorers: text keys, names, dates, sides."""
from __future__ import annotations

import re
import unicodedata
from typing import Any, Optional

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def key(text: Optional[str]) -> str:
    """Accents, curly quotes, case and spacing ignored."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_QUOTES)
    return " ".join(plain.split()).lower()


def person_keys(actor: dict) -> set[str]:
    names = [actor.get("name")] + list(actor.get("aliases") or [])
    return {key(n) for n in names if key(n)}


def name_matches(system_name: Optional[str], gold_actor: dict) -> bool:
    """Equal to the gold name or an alias, or containing its surname (a word longer than two letters)."""
    name = key(system_name)
    if not name:
        return False
    keys = person_keys(gold_actor)
    if name in keys:
        return True
    for k in keys:
        surname = k.split(" ")[-1]
        if len(surname) > 2 and re.search(rf"\b{re.escape(surname)}\b", name):
            return True
    return False


def as_side(value: Any) -> dict:
    """An event side as a dict, whatever shape the system wrote (dict, list of dicts, bare name)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, str):
        return {"name": value}
    return value if isinstance(value, dict) else {}


def day_span(value: Any) -> Optional[tuple[str, str]]:
    if isinstance(value, str) and value:
        return value[:10], value[:10]
    if isinstance(value, dict) and value.get("start"):
        start = value["start"][:10]
        return start, (value.get("end") or start)[:10]
    return None


def date_fits(gold: Any, system: Any) -> bool:
    """True when gold fixes no date, or the system's day (range) lies inside the gold day or range."""
    if gold is None:
        return True
    span = day_span(system)
    if span is None:
        return False
    start, end = span
    if isinstance(gold, str):
        return start == gold <= end
    lo, hi = gold.get("earliest"), gold.get("latest")
    return bool(lo and hi) and lo <= start <= hi and lo <= end <= hi
