"""Checks over the bundled knowledge base; every problem is one line naming its file and row.

What is checked: dates parse and start ≤ end; country codes are ISO 3166-1 alpha-3
(pycountry, plus Kosovo's XKX); organization ids exist; roles and sectors are known; no
duplicate (person_id, role, country/org, start); one name per person_id; sources are URLs;
person ids are lowercase slugs; consecutive holders of one post do not overlap unless one
is acting.
"""
from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

from communique.kb.load import org_rows, people_rows
from communique.kb.model import ROLES, SECTORS, day_bounds

_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_URL = re.compile(r"^https?://\S+$")


def iso3_codes() -> set[str]:
    import pycountry

    return {c.alpha_3 for c in pycountry.countries} | {"XKX"}


def _parse_day(value: str) -> bool:
    if not _DATE.match(value):
        return False
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def validate_orgs() -> tuple[set[str], list[str]]:
    codes, problems, ids = iso3_codes(), [], set()
    for n, r in org_rows():
        where = f"organizations.tsv:{n}"
        if r["org_id"] in ids:
            problems.append(f"{where}: duplicate org id {r['org_id']}")
        ids.add(r["org_id"])
        if r.get("country") and r["country"] not in codes:
            problems.append(f"{where}: unknown country code {r['country']!r}")
    return ids, problems


def validate() -> tuple[int, list[str]]:
    """(rows checked, problems) over every bundled people file and the organizations file."""
    codes = iso3_codes()
    org_ids, problems = validate_orgs()
    seen, names = set(), defaultdict(set)
    offices = defaultdict(list)
    count = 0
    for fname, n, r in people_rows():
        count += 1
        where = f"{fname}:{n}"
        pid = r.get("person_id", "")
        if not _SLUG.match(pid):
            problems.append(f"{where}: person_id {pid!r} is not a lowercase slug")
        if not r.get("name"):
            problems.append(f"{where}: no name")
        names[pid].add(r.get("name", ""))
        country, org = r.get("country", ""), r.get("org", "")
        if country and country not in codes:
            problems.append(f"{where}: unknown country code {country!r}")
        if org and org not in org_ids:
            problems.append(f"{where}: unknown organization id {org!r}")
        if not country and not org:
            problems.append(f"{where}: neither country nor org")
        if r.get("role") not in ROLES:
            problems.append(f"{where}: unknown role {r.get('role')!r}")
        if r.get("sector") not in SECTORS:
            problems.append(f"{where}: unknown sector {r.get('sector')!r}")
        start, end = r.get("start", ""), r.get("end", "")
        if not _parse_day(start):
            problems.append(f"{where}: start {start!r} is not a date")
        if end and not _parse_day(end):
            problems.append(f"{where}: end {end!r} is not a date")
        if _parse_day(start) and end and _parse_day(end) and day_bounds(end, True) < day_bounds(start, False):
            problems.append(f"{where}: ends {end} before it starts {start}")
        if not _URL.match(r.get("source", "")):
            problems.append(f"{where}: source {r.get('source')!r} is not a URL")
        key = (pid, r.get("role"), country or org, start)
        if key in seen:
            problems.append(f"{where}: duplicate row {key}")
        seen.add(key)
        offices[(country or org, r.get("role"), r.get("title", ""))].append((where, r))
    for pid, ns in names.items():
        if len(ns) > 1:
            problems.append(f"person {pid}: several names {sorted(ns)}")
    problems.extend(_overlaps(offices))
    return count, problems


#: posts with one holder at a time; ministers of "other" portfolios and opposition leaders may be many
_SINGLE = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister", "finance_minister",
           "interior_minister", "un_ambassador", "central_bank_governor", "org_head"}


def _overlaps(offices) -> list[str]:
    """Consecutive holders of one post overlapping by more than a month (acting holders aside)."""
    out = []
    for (office, role, title), rows in offices.items():
        if role not in _SINGLE or not office:
            continue
        rows = [(w, r) for w, r in rows if _parse_day(r.get("start", ""))
                and not re.match(r"(?i)acting|interim", r.get("title", ""))]
        rows.sort(key=lambda x: day_bounds(x[1]["start"], False))
        for (w1, a), (w2, b) in zip(rows, rows[1:]):
            if a["person_id"] == b["person_id"] or not a.get("end") or not _parse_day(a["end"]):
                continue
            end_a, start_b = day_bounds(a["end"], False), day_bounds(b["start"], True)
            if _months(start_b, end_a) > 1:
                out.append(f"{w2}: {b['person_id']} starts {b['start']} while {a['person_id']} ({w1}) "
                           f"holds {office} {role} until {a['end']}")
    return out


def _months(earlier: str, later: str) -> float:
    """How far ``later`` lies after ``earlier``, in months (negative when before)."""
    d1, d2 = date.fromisoformat(_clip(earlier)), date.fromisoformat(_clip(later))
    return (d2 - d1).days / 30.4


def _clip(day: str) -> str:
    y, m, d = day.split("-")
    while True:
        try:
            date(int(y), int(m), int(d))
            return f"{y}-{m}-{d}"
        except ValueError:
            d = f"{int(d) - 1:02d}"
