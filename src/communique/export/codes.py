"""CAMEO codes, Goldstein scores and quad classes for exports (from ``data/store_*.tsv``)."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Optional


def _table(name: str) -> list[list[str]]:
    text = resources.files("communique").joinpath("data", name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return rows[1:]                                 # header


@lru_cache(maxsize=1)
def goldstein_table() -> dict[str, float]:
    return {code: float(score) for code, score, *_ in _table("store_cameo.tsv")}


@lru_cache(maxsize=1)
def type_table() -> dict[str, tuple[str, str]]:
    return {t: (cameo, plover) for t, cameo, plover in _table("store_event_types.tsv")}


def cameo_code(event: dict) -> Optional[str]:
    """The event's CAMEO code, or its type's default."""
    return event.get("cameo") or type_table().get(event.get("type", ""), (None, None))[0]


def plover_type(event: dict) -> Optional[str]:
    return (event.get("plover") or {}).get("type") or type_table().get(event.get("type", ""), (None, None))[1]


def goldstein(code: Optional[str]) -> Optional[float]:
    """Score of the code or its nearest root (3-, then 2-digit)."""
    if not code:
        return None
    table = goldstein_table()
    for key in (code, code[:3], code[:2]):
        if key in table:
            return table[key]
    return None


def quad_class(code: Optional[str]) -> Optional[int]:
    """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
    try:
        root = int(code[:2])
    except (TypeError, ValueError):
        return None
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
