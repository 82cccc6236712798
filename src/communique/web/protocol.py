"""Protocol comparison: one dyad's visits side by side, with a reception-level score.

A visit's protocol is spread over several events of the same report: the
VISIT carries the kind and ceremony, the HOST event of the same arrival carries
who greeted the guest, MEET carries the format and length of talks, SIGN the
documents. ``visit_rows`` gathers them per visit (same document, else the same
pair within two days) so the page and the demo can compare years at a glance.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Iterable, Optional

NEAR_DAYS = 2


@lru_cache(maxsize=1)
def scoring() -> dict:
    text = resources.files("communique.data").joinpath("protocol_reception.toml").read_text("utf-8")
    return tomllib.loads(text)


def formula_text() -> str:
    """The score's formula in words, from the same table that computes it."""
    s = scoring()
    kinds = ", ".join(f"{k} {v}" for k, v in s["visit_kind"].items() if v)
    by_rank: dict[int, list[str]] = {}
    for r in s["greeter_rank"]:
        labels = by_rank.setdefault(r["rank"], [])
        if r["label"] not in labels:
            labels.append(r["label"])
    ranks = [f"{' / '.join(labels)} {rank}" for rank, labels in sorted(by_rank.items(), reverse=True)]
    ceremony = ", ".join(f"{c['element']} {c['points']}" for c in s["ceremony"])
    return (f"reception level = visit kind ({kinds}) + rank of the most senior greeter ({', '.join(ranks)}) "
            f"+ ceremony ({ceremony}); anything unreported counts 0")


def greeter_rank(role: Optional[str]) -> tuple[int, str]:
    role = (role or "").lower()
    for r in scoring()["greeter_rank"]:
        if r["pattern"] in role:
            return r["rank"], r["label"]
    return 0, ""


def ceremony_elements(phrases: Iterable[str]) -> list[tuple[str, int]]:
    said = {p.lower() for p in phrases or []}
    return [(c["element"], c["points"]) for c in scoring()["ceremony"] if said & set(c["phrases"])]


@dataclass
class VisitRow:
    """One visit and the protocol facts reported around it."""

    visit: dict
    guest: str
    host: str
    event_date: Optional[str]
    reported: Optional[str]
    kind: Optional[str] = None
    greeters: list[dict] = field(default_factory=list)
    ceremony: list[str] = field(default_factory=list)
    ceremony_points: list[tuple[str, int]] = field(default_factory=list)
    talks_format: Optional[str] = None
    talks_length: Optional[str] = None
    documents: list[str] = field(default_factory=list)
    kind_points: int = 0
    rank_points: int = 0
    rank_label: str = ""
    host_event: Optional[dict] = None

    @property
    def score(self) -> int:
        return self.kind_points + self.rank_points + sum(p for _, p in self.ceremony_points)

    def as_dict(self) -> dict:
        return {
            "visit_id": self.visit.get("id"), "guest": self.guest, "host": self.host,
            "event_date": self.event_date, "reported": self.reported, "status": self.visit.get("status"),
            "kind": self.kind, "greeters": self.greeters, "greeter_rank": self.rank_label or None,
            "ceremony": self.ceremony, "talks_format": self.talks_format, "talks_length": self.talks_length,
            "documents": self.documents,
            "score": self.score, "score_parts": {"visit_kind": self.kind_points, "greeter": self.rank_points,
                                                 "ceremony": sum(p for _, p in self.ceremony_points)},
        }


def reported_date(event: dict) -> Optional[str]:
    """The earliest publication day among the reports of this event."""
    days = [m.get("published") for m in event.get("mentions") or [] if m.get("published")]
    return min(days) if days else None


def sort_day(event: dict) -> str:
    """The day the store sorts by: the event's own date, else the day it was reported."""
    return event.get("date_start") or reported_date(event) or ""


def _docs(event: dict) -> set[str]:
    return {m.get("doc_id") for m in event.get("mentions") or [] if m.get("doc_id")}


def _days_apart(a: str, b: str) -> int:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return 9999


def _country(side: Optional[dict]) -> Optional[str]:
    return (side or {}).get("country")


def companions(visit: dict, events: list[dict], etype: str) -> list[dict]:
    """Events of ``etype`` that belong to this visit: same report, else the same two countries within two days."""
    guest, host = _country(visit.get("source")), _country(visit.get("target"))
    docs, day = _docs(visit), sort_day(visit)
    out = []
    for e in events:
        if e.get("type") != etype or e is visit:
            continue
        sides = {_country(e.get("source")), _country(e.get("target"))}
        if guest and host and sides != {guest, host}:
            continue
        if etype == "HOST" and _country(e.get("target")) not in (guest, None):
            continue
        if (_docs(e) & docs) or (day and _days_apart(sort_day(e), day) <= NEAR_DAYS):
            out.append(e)
    return out


def greeting_party(visit: dict, events: list[dict]) -> tuple[list[dict], Optional[dict]]:
    """Who greeted the guest: stored on the HOST event of the same visit (the VISIT's own, if it has one)."""
    own = (visit.get("attributes") or {}).get("greeting_party")
    if own:
        return list(own), None
    for host in companions(visit, events, "HOST"):
        party = (host.get("attributes") or {}).get("greeting_party")
        if party:
            return list(party), host
    return [], None


def visit_row(visit: dict, events: list[dict]) -> VisitRow:
    from communique.web.present import side_label

    attrs = visit.get("attributes") or {}
    row = VisitRow(visit=visit, guest=side_label(visit.get("source")), host=side_label(visit.get("target")),
                   event_date=visit.get("date_start"), reported=reported_date(visit))
    row.greeters, row.host_event = greeting_party(visit, events)
    host_attrs = (row.host_event or {}).get("attributes") or {}
    row.kind = attrs.get("visit_kind") or host_attrs.get("visit_kind")
    row.ceremony = list(attrs.get("ceremony") or host_attrs.get("ceremony") or [])
    row.ceremony_points = ceremony_elements(row.ceremony)
    for meet in companions(visit, events, "MEET"):
        m = meet.get("attributes") or {}
        row.talks_format = row.talks_format or m.get("format")
        row.talks_length = row.talks_length or m.get("duration")
    for sign in companions(visit, events, "SIGN"):
        for d in (sign.get("attributes") or {}).get("documents") or []:
            if d not in row.documents:
                row.documents.append(d)
    row.kind_points = int(scoring()["visit_kind"].get(row.kind or "", 0))
    best = max((greeter_rank(g.get("role") if isinstance(g, dict) else None) for g in row.greeters),
               default=(0, ""))
    row.rank_points, row.rank_label = best
    return row


def visit_rows(events: list[dict], guest: Optional[str] = None) -> list[VisitRow]:
    """Every visit between the dyad's two countries (oldest first), optionally only one guest country's."""
    visits = [e for e in events if e.get("type") == "VISIT"
              and (guest is None or _country(e.get("source")) == guest)]
    visits.sort(key=lambda e: (sort_day(e), e.get("id") or ""))
    return [visit_row(v, events) for v in visits]
