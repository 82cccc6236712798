"""Event coreference across documents: when two reports describe one event.

Rules (deliberately conservative; a missed merge costs less than a false one):

* same family of type (HOST and MEET are one family: "A hosted B" and "A met B");
* same status (a planned visit and the visit itself are two events, linked by
  :func:`fulfils_plan`: the occurrence ``fulfils`` the plan);
* compatible sides: same canonical actor where both have one, otherwise the same
  country; symmetric families (MEET, CALL, SIGN) may list the sides either way;
* compatible dates: ranges overlapping or within a day; a missing date is
  compatible only when both sides match by name or actor and places agree;
* compatible places: same country, or same folded name where countries are unknown.

Confidence grows with independent reports: ``1 - prod(1 - c_i)``.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Optional

from communique.stories.identity import is_generic_name
from communique.stories.names import name_key

FAMILIES = {"HOST": "MEET", "MEET": "MEET"}
SYMMETRIC = {"MEET", "CALL", "SIGN", "CONSULT", "COOPERATE", "AGREE"}

#: outcome of comparing two sides
STRONG, WEAK, MISSING, CLASH = 3, 2, 1, 0


def event_family(event_type: str) -> str:
    return FAMILIES.get(event_type, event_type)


def _day(s: Optional[str]) -> Optional[date]:
    try:
        return date.fromisoformat(s[:10]) if s else None
    except ValueError:
        return None


def dates_compatible(a_start, a_end, b_start, b_end, slack_days: int = 1) -> bool:
    """Ranges overlap or lie within ``slack_days`` of each other."""
    a0, a1, b0, b1 = _day(a_start), _day(a_end or a_start), _day(b_start), _day(b_end or b_start)
    if None in (a0, b0):
        return False
    a1, b1 = a1 or a0, b1 or b0
    slack = timedelta(days=slack_days)
    return a0 <= b1 + slack and b0 <= a1 + slack


def side_match(a: Optional[dict], b: Optional[dict]) -> int:
    """Compare two sides given as dicts {name, country, actor} (actor: canonical key or None)."""
    if not a or not b or not (a.get("name") or a.get("country")) or not (b.get("name") or b.get("country")):
        return MISSING
    if a.get("actor") and b.get("actor"):
        return STRONG if a["actor"] == b["actor"] else CLASH
    ca, cb = a.get("country"), b.get("country")
    if ca and cb and ca != cb:
        return CLASH
    na, nb = a.get("name"), b.get("name")
    if na and nb:
        if name_key(na) == name_key(nb):
            # "the president" twice is the same office, not necessarily the same person
            return WEAK if is_generic_name(na) else STRONG
        # a bare country name against a person of that country is still the same party
        return WEAK if ca and cb else CLASH
    return WEAK if ca and cb else MISSING


def places_compatible(a: Optional[dict], b: Optional[dict]) -> Optional[bool]:
    """True/False when both places are known, None when either is missing."""
    if not a or not b:
        return None
    if a.get("country") and b.get("country"):
        return a["country"] == b["country"]
    if a.get("name") and b.get("name"):
        return name_key(a["name"]) == name_key(b["name"])
    return None


def _sides_score(a: dict, b: dict, swap: bool) -> Optional[tuple[int, int]]:
    s1 = side_match(a.get("source"), b.get("target") if swap else b.get("source"))
    s2 = side_match(a.get("target"), b.get("source") if swap else b.get("target"))
    if CLASH in (s1, s2):
        return None
    return s1, s2


def _best_sides(a: dict, b: dict) -> Optional[tuple[int, int]]:
    scores = [_sides_score(a, b, False)]
    if event_family(a["type"]) in SYMMETRIC:
        scores.append(_sides_score(a, b, True))
    scores = [s for s in scores if s is not None]
    return max(scores, key=lambda s: (min(s), sum(s))) if scores else None


def fulfils_plan(occurred: dict, planned: dict, planned_reported: Optional[str] = None,
                 horizon_days: int = 62) -> bool:
    """Whether an occurred event is the one a planned event announced.

    Same family and sides, places not disagreeing, and the plan's date (when it
    has one) within a few days of the occurrence; an undated plan must have
    been reported (``planned_reported``) before the occurrence and at most
    ``horizon_days`` earlier.
    """
    if event_family(occurred["type"]) != event_family(planned["type"]):
        return False
    best = _best_sides(occurred, planned)
    if best is None or MISSING in best:
        return False
    if places_compatible(occurred.get("location"), planned.get("location")) is False:
        return False
    start = _day(occurred.get("date_start"))
    if start is None:
        return False
    if planned.get("date_start"):
        return dates_compatible(occurred["date_start"], occurred.get("date_end"), planned["date_start"],
                                planned.get("date_end"), slack_days=3)
    said = _day(planned_reported)
    return said is not None and said <= (_day(occurred.get("date_end")) or start) \
        and (start - said).days <= horizon_days


def more_precise(old_start, old_end, new_start, new_end) -> bool:
    """A later report narrows the date: the new range lies inside the stored one and is shorter."""
    o0, o1, n0, n1 = _day(old_start), _day(old_end or old_start), _day(new_start), _day(new_end or new_start)
    if None in (o0, o1, n0, n1):
        return False
    return o0 <= n0 and n1 <= o1 and (n1 - n0) < (o1 - o0)


def events_compatible(a: dict, b: dict) -> bool:
    """Whether two events (flat dicts: type, status, date_start, date_end, source, target, location) corefer."""
    if event_family(a["type"]) != event_family(b["type"]) or a.get("status") != b.get("status"):
        return False
    scores = [_sides_score(a, b, False)]
    if event_family(a["type"]) in SYMMETRIC:
        scores.append(_sides_score(a, b, True))
    scores = [s for s in scores if s is not None]
    if not scores:
        return False
    best = max(scores, key=lambda s: (min(s), sum(s)))
    if best == (MISSING, MISSING):
        return False
    place = places_compatible(a.get("location"), b.get("location"))
    if place is False:
        return False
    if a.get("date_start") and b.get("date_start"):
        return dates_compatible(a["date_start"], a.get("date_end"), b["date_start"], b.get("date_end"))
    # a missing date: only when everything else matches closely
    return best == (STRONG, STRONG) and place is not False


def combined_confidence(confidences) -> float:
    """Probability that at least one independent report is right."""
    p_wrong = 1.0
    for c in confidences:
        c = min(max(float(c or 0.0), 0.0), 0.999)
        p_wrong *= 1.0 - c
    return round(1.0 - p_wrong, 4)
