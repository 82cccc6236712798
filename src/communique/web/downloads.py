"""CSV and JSON downloads of exactly what a list page shows, with every page of it.

Each list page links to ``/export/<view>.csv`` and ``/export/<view>.json``
with its own query string, so the download is the filtered list, not a
different query. Events are flattened the way ``communique export`` does it,
plus the reported date the pages show.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Iterable, Optional

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import Response

from communique.web import aggregates, charts, protocol
from communique.web.access import get_store
from communique.web.filters import EventFilters, build_filters, event_filters, parse_country

router = APIRouter(prefix="/export", include_in_schema=False)
MAX_ROWS = 100_000
FORMATS = ("csv", "json")


def _check(fmt: str) -> str:
    if fmt not in FORMATS:
        raise HTTPException(404, "downloads are .csv or .json")
    return fmt


def answer(rows: list[dict], fmt: str, name: str) -> Response:
    """``rows`` as a CSV table (columns in first-seen order) or a JSON array, named for the browser."""
    headers = {"Content-Disposition": f'attachment; filename="{name}.{fmt}"'}
    if fmt == "json":
        return Response(json.dumps(rows, ensure_ascii=False, indent=1), media_type="application/json",
                        headers=headers)
    columns: list[str] = []
    for r in rows:
        for k in r:
            if k not in columns:
                columns.append(k)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for r in rows:
        writer.writerow({k: _cell(v) for k, v in r.items()})
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)


def _cell(value):
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def event_row(ev: dict) -> dict:
    from communique.export.formats import flat_row

    row = flat_row(ev)
    row["reported"] = protocol.reported_date(ev)
    return row


def _events(store, kwargs: dict) -> list[dict]:
    out = []
    for ev in store.iter_events(**kwargs):
        out.append(ev)
        if len(out) >= MAX_ROWS:
            break
    return out


@router.get("/events.{fmt}")
def events(fmt: str, filters: EventFilters = Depends(event_filters), store=Depends(get_store)):
    return answer([event_row(e) for e in _events(store, filters.store_kwargs())], _check(fmt), "events")


@router.get("/visits.{fmt}")
def visits(fmt: str, country: list[str] = Query([]), status: Optional[str] = None, since: Optional[str] = None,
           until: Optional[str] = None, actor: Optional[str] = None, store=Depends(get_store)):
    filters = build_filters(actor=actor, country=country, type="VISIT", status=status, since=since, until=until)
    items = _events(store, filters.store_kwargs())
    rows = []
    for row in visit_rows(store, items):
        rows.append(row.as_dict())
    return answer(rows, _check(fmt), "visits")


def visit_rows(store, visits: list[dict]) -> list[protocol.VisitRow]:
    """Protocol rows for these visits, looking up each dyad's other events (HOST, MEET, SIGN) once."""
    by_dyad: dict[tuple, list[dict]] = {}
    out = []
    for v in visits:
        a, b = (v.get("source") or {}).get("country"), (v.get("target") or {}).get("country")
        key = tuple(sorted((a, b))) if a and b and a != b else None
        if key is not None and key not in by_dyad:
            by_dyad[key] = store.timeline(*key)
        out.append(protocol.visit_row(v, by_dyad.get(key) or [v]))
    return out


@router.get("/documents.{fmt}")
def documents(fmt: str, store=Depends(get_store)):
    return answer(store.documents(limit=MAX_ROWS, offset=0), _check(fmt), "documents")


@router.get("/actors.{fmt}")
def actors(fmt: str, q: str = Query("", max_length=200), store=Depends(get_store)):
    rows = store.actors(query=q.strip() or None, limit=MAX_ROWS, offset=0)
    return answer(rows, _check(fmt), "actors")


@router.get("/dyads.{fmt}")
def dyads(fmt: str, country: list[str] = Query([]), store=Depends(get_store)):
    codes = build_filters(country=country).country
    return answer(aggregates.dyads(store, codes or None, limit=MAX_ROWS), _check(fmt), "dyads")


@router.get("/dyad/{a}/{b}.{fmt}")
def dyad(fmt: str, a: str = Path(..., max_length=60), b: str = Path(..., max_length=60), store=Depends(get_store)):
    a, b = parse_country(a, "a"), parse_country(b, "b")
    return answer([event_row(e) for e in store.timeline(a, b)], _check(fmt), f"dyad-{a}-{b}")


@router.get("/protocol/{a}/{b}.{fmt}")
def protocol_rows(fmt: str, a: str = Path(..., max_length=60), b: str = Path(..., max_length=60),
                  store=Depends(get_store)):
    a, b = parse_country(a, "a"), parse_country(b, "b")
    rows = [r.as_dict() for r in protocol.visit_rows(store.timeline(a, b))]
    return answer(rows, _check(fmt), f"protocol-{a}-{b}")


@router.get("/chart.{fmt}")
def chart(fmt: str, filters: EventFilters = Depends(event_filters),
          interval: str = Query("year", pattern="^(week|month|year)$"),
          a: Optional[str] = Query(None, max_length=60), b: Optional[str] = Query(None, max_length=60),
          actor_id: Optional[str] = Query(None, max_length=300), store=Depends(get_store)):
    rows = chart_rows(store, filters, interval, a, b, actor_id)
    return answer(charts.build(rows, interval).table(), _check(fmt), f"events-by-{interval}")


def chart_rows(store, filters: EventFilters, interval: str, a: Optional[str] = None, b: Optional[str] = None,
               actor_id: Optional[str] = None) -> list[tuple[str, str, int]]:
    """The chart's numbers for a dyad (``a``, ``b``), one actor (``actor_id``), or the event filters."""
    if a and b:
        return aggregates.events_over_time(store, {}, interval, dyad=(parse_country(a, "a"), parse_country(b, "b")))
    if actor_id:
        return aggregates.actor_events_over_time(store, actor_id, interval)
    return aggregates.events_over_time(store, filters.store_kwargs(), interval)


def query_string(pairs: Iterable[tuple[str, str]]) -> str:
    from urllib.parse import urlencode

    pairs = [(k, v) for k, v in pairs if v not in (None, "")]
    return ("?" + urlencode(pairs)) if pairs else ""
