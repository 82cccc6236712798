"""The JSON API under ``/api``: documents, events, actors, timelines, search.

Every list answers ``{total, limit, offset, items}`` so a client can page
without guessing; ``total`` is null where the store cannot count cheaply.
Ids are only ever looked up in the database.
"""
from __future__ import annotations

from typing import Any, List, Optional

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from pydantic import BaseModel, Field

from communique.web import aggregates
from communique.web.access import get_store
from communique.web.filters import EventFilters, Page, event_filters, id_path, page_params, parse_country
from communique.store.counts import COUNT_CAP

router = APIRouter(prefix="/api")


class Listing(BaseModel):
    """One page of a list."""

    total: Optional[int] = Field(None, description="Items matching the filters (null when not counted).")
    total_is_lower_bound: bool = Field(False, description="True when counting stopped at the cap: there are at "
                                                          "least `total` items.")
    limit: int
    offset: int
    items: List[dict[str, Any]]


class Timeline(BaseModel):
    a: str
    b: str
    total: int
    items: List[dict[str, Any]]


class Stats(BaseModel):
    documents: int
    events: int


class SearchAnswer(BaseModel):
    q: str
    limit: int
    offset: int
    items: List[dict[str, Any]]


def _found(item, what: str):
    if item is None:
        raise HTTPException(404, f"no such {what}")
    return item


@router.get("/stats", response_model=Stats, summary="How many documents and events the store holds", tags=["store"])
def stats(store=Depends(get_store)):
    return {"documents": store.count_documents(), "events": store.count_events()}


@router.get("/documents", response_model=Listing, summary="Documents, newest first by publication day",
            tags=["documents"])
def list_documents(page: Page = Depends(page_params), store=Depends(get_store)):
    items = store.documents(limit=page.limit, offset=page.offset)
    return {"total": store.count_documents(), "limit": page.limit, "offset": page.offset, "items": items}


@router.get("/documents/{doc_id}", summary="One document with its text, actors, events and quotes",
            tags=["documents"], responses={404: {"description": "No such document"}})
def get_document(doc_id: str = id_path(), store=Depends(get_store)) -> dict[str, Any]:
    return _found(store.document(doc_id), "document")


@router.get("/events", response_model=Listing, summary="Canonical events, newest first, with the CLI's filters",
            tags=["events"])
def list_events(filters: EventFilters = Depends(event_filters), page: Page = Depends(page_params),
                store=Depends(get_store)):
    kwargs = filters.store_kwargs()
    items = store.events(**kwargs, limit=page.limit, offset=page.offset)
    total = store.count_events(**kwargs, cap=COUNT_CAP)
    return {"total": total, "total_is_lower_bound": total > COUNT_CAP, "limit": page.limit, "offset": page.offset,
            "items": items}


@router.get("/events/{event_id}", summary="One canonical event with every mention and its evidence",
            tags=["events"], responses={404: {"description": "No such event"}})
def get_event(event_id: str = id_path(), store=Depends(get_store)) -> dict[str, Any]:
    return _found(store.event(event_id), "event")


@router.get("/actors", response_model=Listing, summary="Actors, optionally matching a name", tags=["actors"])
def list_actors(q: Optional[str] = Query(None, max_length=200, description="Part of a name or alias."),
                page: Page = Depends(page_params), store=Depends(get_store)):
    query = (q or "").strip() or None
    items = store.actors(query=query, limit=page.limit, offset=page.offset)
    return {"total": aggregates.count_actors(store, query), "limit": page.limit, "offset": page.offset,
            "items": items}


@router.get("/actors/{actor_id}", summary="One actor with its events and the counterparts it meets most",
            tags=["actors"], responses={404: {"description": "No such actor"}})
def get_actor(actor_id: str = id_path(), store=Depends(get_store)) -> dict[str, Any]:
    return _found(store.actor(actor_id), "actor")


@router.get("/timeline/{a}/{b}", response_model=Timeline,
            summary="Engagements between two countries (ISO3, ISO2 or names), oldest first", tags=["events"])
def timeline(a: str = Path(..., description="Country, e.g. KAZ, KZ or Kazakhstan"),
             b: str = Path(..., description="Country, e.g. RUS"),
             store=Depends(get_store)):
    a, b = parse_country(a, "a"), parse_country(b, "b")
    items = store.timeline(a, b)
    return {"a": a, "b": b, "total": len(items), "items": items}


@router.get("/search", response_model=SearchAnswer, summary="Full-text search over documents", tags=["documents"])
def search(q: str = Query(..., min_length=1, max_length=500, description="Words to find (SQLite FTS5 syntax)."),
           page: Page = Depends(page_params), store=Depends(get_store)):
    return {"q": q, "limit": page.limit, "offset": page.offset,
            "items": safe_search(store, q, page.limit, page.offset)}


def safe_search(store, q: str, limit: int, offset: int, mark: Optional[tuple[str, str]] = None) -> list[dict]:
    """Search, retrying as quoted words when the query is not valid FTS5 syntax.

    ``mark`` asks the store for other match markers (the pages use STX/ETX,
    which no article contains, and turn them into ``<mark>`` after escaping).
    """
    def run(query):
        if mark is None:
            return store.search(query, limit=limit, offset=offset)
        try:
            return store.search(query, limit=limit, offset=offset, mark=mark)
        except TypeError:  # a store without the ``mark`` option
            return store.search(query, limit=limit, offset=offset)

    try:
        return run(q)
    except Exception as exc:  # StoreError / sqlite3.OperationalError for FTS5 syntax
        text = str(exc).lower()
        if "fts5" not in text and "syntax" not in text and "query" not in text:
            raise
    quoted = " ".join('"' + w.replace('"', '""') + '"' for w in q.split())
    return run(quoted) if quoted else []
