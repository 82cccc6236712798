"""Query filters shared by the command line, the JSON API and the HTML pages.

One parser for all three, so ``communique events --country KAZ,RUS``,
``/events?country=KAZ&country=RUS`` and ``/api/events?country=Kazakhstan``
always mean the same thing, and a value it cannot read is an error (CLI exit 2,
HTTP 400) instead of an empty answer. HTML forms send empty fields (``type=``),
so empty values mean "no filter".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import List, Optional
from urllib.parse import urlencode

from fastapi import Query

from communique.model import DIPLOMATIC_TYPES, PLOVER_TYPES, STATUSES

EVENT_TYPES = DIPLOMATIC_TYPES + PLOVER_TYPES
MAX_LIMIT = 500
MAX_OFFSET = 1_000_000
_COMPACT_DAY = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_YEAR_MONTH = re.compile(r"^(\d{4})(?:-(\d{1,2}))?$")


class FilterError(ValueError):
    """A filter value that cannot be understood; the CLI exits 2 and the web answers 400."""

    def __init__(self, param: str, message: str):
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


def _blank_to_none(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    value = value.strip()
    return value or None


@lru_cache(maxsize=1)
def _country_index() -> dict[str, str]:
    """ISO2, ISO3, names, official and common names (lower-cased) → ISO3, from pycountry's bundled tables."""
    import pycountry

    index: dict[str, str] = {}
    for c in pycountry.countries:
        for key in ("alpha_2", "alpha_3", "name", "official_name", "common_name"):
            value = getattr(c, key, None)
            if value:
                index.setdefault(value.lower(), c.alpha_3)
    index.setdefault("xk", "XKX")
    index.setdefault("xkx", "XKX")
    index.setdefault("kosovo", "XKX")
    return index


def parse_country(value: str, param: str = "country") -> str:
    """An ISO3 code from ISO3 (``KAZ``), ISO2 (``KZ``) or an English name (``Kazakhstan``)."""
    text = (value or "").strip()
    code = _country_index().get(text.lower())
    if code is None and len(text) > 3:
        import pycountry

        try:
            hits = pycountry.countries.search_fuzzy(text)
        except LookupError:
            hits = []
        if len(hits) == 1:
            code = hits[0].alpha_3
    if code is None:
        raise FilterError(param, f"{value!r} is not a country; use an ISO 3166-1 alpha-3 code such as KAZ, "
                                 "an alpha-2 code such as KZ, or a name such as Kazakhstan")
    return code


def parse_countries(values: Optional[List[str]], param: str = "country") -> list[str]:
    """Repeated and comma-separated countries, each parsed, duplicates dropped, order kept."""
    codes: list[str] = []
    for raw in values or []:
        for part in (raw or "").split(","):
            if part.strip():
                code = parse_country(part, param)
                if code not in codes:
                    codes.append(code)
    return codes


def parse_day(value: Optional[str], param: str, end: bool = False) -> Optional[str]:
    """A day from ``2025-01-01``, ``20250101``, ``2025-01`` or ``2025`` (a month or year starts, or with
    ``end`` ends, there)."""
    value = _blank_to_none(value)
    if value is None:
        return None
    m = _COMPACT_DAY.match(value)
    text = f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else value
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    m = _YEAR_MONTH.match(value)
    if m and (m.group(2) is None or 1 <= int(m.group(2)) <= 12):
        year, month = int(m.group(1)), int(m.group(2) or (12 if end else 1))
        if not end:
            return date(year, month, 1).isoformat()
        import calendar

        if m.group(2) is None:
            return date(year, 12, 31).isoformat()
        return date(year, month, calendar.monthrange(year, month)[1]).isoformat()
    raise FilterError(param, f"{value!r} is not a day; write YYYY-MM-DD (or YYYYMMDD, YYYY-MM, YYYY)")


def parse_type(value: Optional[str], param: str = "type") -> Optional[str]:
    etype = _blank_to_none(value)
    if etype is None:
        return None
    etype = etype.upper()
    if etype not in EVENT_TYPES:
        raise FilterError(param, f"{value!r} is not an event type; use one of {', '.join(EVENT_TYPES)}")
    return etype


def parse_status(value: Optional[str], param: str = "status") -> Optional[str]:
    st = _blank_to_none(value)
    if st is None:
        return None
    st = st.lower()
    if st not in STATUSES:
        raise FilterError(param, f"{value!r} is not one of {', '.join(STATUSES)}")
    return st


@dataclass
class EventFilters:
    """The CLI's event filters: actor, country (several), type, status, since, until."""

    actor: Optional[str] = None
    country: List[str] = field(default_factory=list)
    type: Optional[str] = None
    status: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None

    def store_kwargs(self) -> dict:
        """Keyword arguments for ``Store.events`` / ``Store.count_events``."""
        return {
            "actor": self.actor,
            "country": list(self.country) or None,
            "type": self.type,
            "status": self.status,
            "since": self.since,
            "until": self.until,
        }

    def query_pairs(self) -> list[tuple[str, str]]:
        pairs: list[tuple[str, str]] = []
        for name in ("actor", "type", "status", "since", "until"):
            value = getattr(self, name)
            if value:
                pairs.append((name, value))
        pairs.extend(("country", c) for c in self.country)
        return pairs

    def active(self) -> bool:
        return bool(self.query_pairs())


def build_filters(actor=None, country=None, type=None, status=None, since=None, until=None) -> EventFilters:
    """Validate raw strings (CLI options or query parameters) into :class:`EventFilters`.

    Raises :class:`FilterError` naming the parameter, for a clear message (CLI exit 2, HTTP 400).
    """
    actor = _blank_to_none(actor)
    if actor is not None and len(actor) > 200:
        raise FilterError("actor", "longer than 200 characters")
    if isinstance(country, str):
        country = [country]
    since_day = parse_day(since, "since")
    until_day = parse_day(until, "until", end=True)
    if since_day and until_day and since_day > until_day:
        raise FilterError("since", f"{since_day} is after until={until_day}")
    return EventFilters(actor, parse_countries(country), parse_type(type), parse_status(status), since_day, until_day)


def event_filters(
    actor: Optional[str] = Query(None, description="Actor id, or a name to match (the CLI's --actor)."),
    country: List[str] = Query(
        [], description="A party's country: ISO3 (KAZ), ISO2 (KZ) or a name; repeat or comma-separate for several."),
    type: Optional[str] = Query(None, description="Event type: VISIT, HOST, MEET, CALL, SIGN, ... or a PLOVER type."),
    status: Optional[str] = Query(None, description="occurred, planned, negated or hypothetical."),
    since: Optional[str] = Query(None, description="Earliest day, YYYY-MM-DD or YYYYMMDD (inclusive); "
                                                   "YYYY-MM and YYYY too."),
    until: Optional[str] = Query(None, description="Latest day, YYYY-MM-DD or YYYYMMDD (inclusive); "
                                                   "YYYY-MM and YYYY too."),
) -> EventFilters:
    """FastAPI dependency: the event filters of a request."""
    return build_filters(actor, country, type, status, since, until)


@dataclass
class Page:
    limit: int
    offset: int

    def links(self, total: Optional[int], n_items: int, base_pairs: list[tuple[str, str]]) -> dict:
        """URLs (query strings) of the previous and next pages, or None."""
        prev_q = next_q = None
        if self.offset > 0:
            prev_q = _qs(base_pairs, self.limit, max(0, self.offset - self.limit))
        more = (self.offset + n_items < total) if total is not None else (n_items >= self.limit)
        if more:
            next_q = _qs(base_pairs, self.limit, self.offset + self.limit)
        return {"prev": prev_q, "next": next_q}


def _qs(pairs, limit, offset) -> str:
    return "?" + urlencode(list(pairs) + [("limit", str(limit)), ("offset", str(offset))])


def page_params(
    limit: int = Query(50, ge=1, le=MAX_LIMIT, description=f"Items per page (1–{MAX_LIMIT})."),
    offset: int = Query(0, ge=0, le=MAX_OFFSET, description="Items to skip."),
) -> Page:
    """FastAPI dependency: limit/offset pagination."""
    return Page(limit, offset)


def id_path():
    """A fresh path parameter each time: FastAPI binds a Path() object to the first name it serves."""
    from fastapi import Path

    return Path(..., min_length=1, max_length=300, description="An id from a list answer.")
