"""One event per engagement: merge the mentions of the same meeting, visit or call within a document."""
from __future__ import annotations

from typing import Optional

from communique.events.dating import day
from communique.geo import country_name
from communique.model import DateRange, Event, Side

SYMMETRIC = {"MEET", "CALL", "SIGN"}


def _same_party(a: Side, b: Side) -> bool:
    if a.country != b.country:
        return False
    return not (a.actor_id and b.actor_id and a.actor_id != b.actor_id and _is_person_id(a) and _is_person_id(b))


def _is_person_id(s: Side) -> bool:
    """A named party (person or body), as opposed to a whole country."""
    return bool(s.actor_id) and s.country is not None and s.name != country_name(s.country)


def _dates_compatible(a: Optional[DateRange], b: Optional[DateRange]) -> bool:
    if a is None or b is None or a.text is None or b.text is None:
        return True      # the publication-day default (no date words) is a guess that never splits one engagement
    return a.start <= b.end and b.start <= a.end


def _beats_default(given: Optional[DateRange], default: Optional[DateRange]) -> bool:
    """A date from the text replaces the publication-day default when it is a day, or a span that leaves that day
    out ("this year" around today says less than today)."""
    if given is None or default is None or given.text is None or default.text is not None:
        return False
    return given.start == given.end or not (given.start <= default.start <= given.end)


def _same_trip(a: Event, b: Event) -> bool:
    """An arrival and the visitor's next days in the same country ("will travel on to Busan on Friday")."""
    if {a.status, b.status} != {"occurred", "planned"} or a.date is None or b.date is None:
        return False
    arrived, later = (a, b) if a.status == "occurred" else (b, a)
    gap = (day(later.date.start) - day(arrived.date.end)).days
    return 0 <= gap <= 10


def _mergeable(a: Event, b: Event) -> bool:
    if a.type == b.type == "VISIT" and _same_party(a.source, b.source) and a.target.country == b.target.country \
            and _same_trip(a, b):
        return True
    if a.type != b.type or not _dates_compatible(a.date, b.date):
        return False
    if a.type == "VISIT":
        return _same_party(a.source, b.source) and a.target.country == b.target.country and (
            a.status == b.status or "occurred" in (a.status, b.status) and (a.date is None or b.date is None
                                                                           or a.date == b.date))
    if a.status != b.status:
        return False
    direct = _same_party(a.source, b.source) and _same_party(a.target, b.target)
    if direct:
        return True
    return a.type in SYMMETRIC and _same_party(a.source, b.target) and _same_party(a.target, b.source)


def _more_specific(x: Side, y: Side) -> Side:
    if _is_person_id(x) != _is_person_id(y):
        return x if _is_person_id(x) else y      # a named party says more than its country
    return x if (x.actor_id and len(x.name or "") >= len(y.name or "")) or not y.actor_id else y


def merge_events(events: list[Event]) -> list[Event]:
    """One event per engagement: later mentions add evidence to the first compatible event."""
    out: list[Event] = []
    for ev in events:
        target = next((o for o in out if _mergeable(o, ev)), None)
        if target is None:
            out.append(ev)
            continue
        swapped = target.type in SYMMETRIC and not (_same_party(target.source, ev.source))
        src, tgt = (ev.target, ev.source) if swapped else (ev.source, ev.target)
        target.source = _more_specific(target.source, src)
        target.target = _more_specific(target.target, tgt)
        if target.status != "occurred" and ev.status == "occurred":
            target.status = "occurred"
            target.plover = dict(ev.plover)
            target.cameo = ev.cameo
            target.date = ev.date
        if target.date is None and ev.date is not None or _beats_default(ev.date, target.date):
            target.date = ev.date      # a day the text gives beats the publication-day default
        elif ev.date and target.date and (ev.date.start, ev.date.end) != (target.date.start, target.date.end) and (
                ev.date.start >= target.date.start and ev.date.end <= target.date.end):
            target.date = ev.date      # the narrower of two compatible dates
        if target.location is None or (ev.location and ev.location.lat and target.location.name == target.location.country):
            target.location = ev.location or target.location
        for s in ev.evidence:
            if all(s.start != e.start for e in target.evidence):
                target.evidence.append(s)
        for p in ev.participants:
            if all(p.actor_id != q.actor_id or p.name != q.name for q in target.participants):
                target.participants.append(p)
        for k, v in ev.attributes.items():
            if k != "implied_by":          # an explicit report stays explicit
                target.attributes.setdefault(k, v)
        target.confidence = round(min(0.95, max(target.confidence, ev.confidence) + 0.05), 2)
    return out
