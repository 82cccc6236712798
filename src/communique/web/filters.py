"""Query filters shared by the JSON API and the HTML pages.

One parser for both, so ``/events?country=KAZ`` and ``/api/events?country=KAZ``
always mean the same thing. HTML forms send empty fields (``type=``), so empty
values mean "no filter" instead of a validation error.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import List, Optional
from urllib.parse import urlencode

from fastapi import Query

from communique.model import STATUSES

ISO3 = re.compile(r"^[A-Z]{3}$")
EVENT_TYPE = re.compile(r"^[A-Z_]{2,24}$")
MAX_LIMIT = 500
MAX_OFFSET = 1_000_000


class FilterError(ValueError):
    """A query parameter that cannot be understood; answered with 422."""

    def __init__(self, param: str, message: str):
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


def _blank_to_none(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    value = value.strip()
    return value or None


def parse_country(value: str, param: str = "country") -> str:
    code = value.strip().upper()
    if not ISO3.match(code):
        raise FilterError(param, f"{value!r} is not an ISO 3166-1 alpha-3 code such as KAZ")
    return code


def parse_day(value: Optional[str], param: str) -> Optional[str]:
    value = _blank_to_none(value)
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise FilterError(param, f"{value!r} is not a day written YYYY-MM-DD") from None


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
    """Validate raw strings into :class:`EventFilters` (raises :class:`FilterError`)."""
    actor = _blank_to_none(actor)
    if actor is not None and len(actor) > 200:
        raise FilterError("actor", "longer than 200 characters")
    codes: list[str] = []
    for raw in country or []:
        for part in (raw or "").split(","):
            if part.strip():
                code = parse_country(part)
                if code not in codes:
                    codes.append(code)
    etype = _blank_to_none(type)
    if etype is not None:
        etype = etype.upper()
        if not EVENT_TYPE.match(etype):
            raise FilterError("type", f"{type!r} is not an event type such as VISIT or MEET")
    st = _blank_to_none(status)
    if st is not None:
        st = st.lower()
        if st not in STATUSES:
            raise FilterError("status", f"{status!r} is not one of {', '.join(STATUSES)}")
    since_day = parse_day(since, "since")
    until_day = parse_day(until, "until")
    if since_day and until_day and since_day > until_day:
        raise FilterError("since", f"{since_day} is after until={until_day}")
    return EventFilters(actor, codes, etype, st, since_day, until_day)


def event_filters(
    actor: Optional[str] = Query(None, description="Actor id, or a name to match (the CLI's --actor)."),
    country: List[str] = Query(
        [], description="ISO 3166-1 alpha-3 code of a party's country; repeat (or comma-separate) for several."),
    type: Optional[str] = Query(None, description="Event type: VISIT, HOST, MEET, CALL, SIGN, ... or a PLOVER type."),
    status: Optional[str] = Query(None, description="occurred, planned, negated or hypothetical."),
    since: Optional[str] = Query(None, description="Earliest day, YYYY-MM-DD (inclusive)."),
    until: Optional[str] = Query(None, description="Latest day, YYYY-MM-DD (inclusive)."),
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
