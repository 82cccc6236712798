"""Rows of the knowledge base: one :class:`Post` per person-role-period, one :class:`Org` per body."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

ROLES = ("head_of_state", "head_of_government", "vice_president", "foreign_minister", "defence_minister",
         "finance_minister", "interior_minister", "un_ambassador", "central_bank_governor", "org_head",
         "org_deputy_head", "opposition_leader", "speaker", "other_minister")
SECTORS = ("GOV", "DIP", "MIL", "IGO", "OPP", "LEG")
PEOPLE_COLUMNS = ("person_id", "name", "aliases", "country", "org", "role", "title", "sector", "start", "end",
                  "source")
ORG_COLUMNS = ("org_id", "name", "aliases", "country", "kind", "sector")


def day_bounds(value: str, upper: bool) -> Optional[str]:
    """'2019', '2019-03' or '2019-03-20' → the first (or last) ISO day it can mean; None when empty."""
    value = (value or "").strip()
    if not value:
        return None
    parts = value.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-12-31" if upper else f"{parts[0]}-01-01"
    if len(parts) == 2:
        return f"{parts[0]}-{parts[1]}-31" if upper else f"{parts[0]}-{parts[1]}-01"
    return value


@dataclass
class Post:
    """One person holding one office for one period; ``end`` None while still in office."""

    person_id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    country: Optional[str] = None
    org: Optional[str] = None
    role: Optional[str] = None
    title: Optional[str] = None
    sector: Optional[str] = None
    start: Optional[str] = None
    end: Optional[str] = None
    source: str = ""
    origin: str = "bundled"          # "bundled" or the user dictionary's path

    def held_on(self, day: Optional[str]) -> bool:
        """Whether the post was held on ``day`` (ISO); a partial date counts at its widest."""
        if not day:
            return self.end is None
        lo, hi = day_bounds(self.start or "", False), day_bounds(self.end or "", True)
        return (lo is None or lo <= day) and (hi is None or day <= hi)

    def ended_before(self, day: str) -> bool:
        hi = day_bounds(self.end or "", True)
        return hi is not None and hi < day


@dataclass
class Org:
    """A ministry, parliament, military, outlet, think tank or international body."""

    org_id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    country: Optional[str] = None
    kind: str = ""
    sector: str = ""
