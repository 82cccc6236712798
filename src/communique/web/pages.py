"""Server-rendered pages: search, events, event, actors, actor, dyads, dyad, protocol, visits, map, documents.

Every list shows its total, facet counts and CSV/JSON downloads of exactly
what it filters; event rows show the event date with the reported date beside
it, in the store's one order (event date, else reported date).
"""
from __future__ import annotations

from typing import Optional
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from communique.model import DIPLOMATIC_TYPES, PLOVER_TYPES, STATUSES
from communique.web import aggregates, charts, highlight, protocol, worldmap
from communique.web.access import get_store
from communique.store.counts import COUNT_CAP
from communique.web.api import safe_search
from communique.web.downloads import chart_rows, query_string, visit_rows
from communique.web.filters import (EventFilters, Page, build_filters, event_filters, id_path, page_params,
                                    parse_country)

router = APIRouter(include_in_schema=False)
MAP_EVENT_LIMIT = 5000
INTERVAL = Query("year", pattern="^(week|month|year)$", description="Chart buckets: week, month or year.")


def render(request: Request, template: str, status_code: int = 200, **context) -> HTMLResponse:
    context.setdefault("event_types", DIPLOMATIC_TYPES + PLOVER_TYPES)
    context.setdefault("statuses", STATUSES)
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status_code)


def _found(item, what: str):
    if item is None:
        raise HTTPException(404, f"No {what} with this id is in the store.")
    return item


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store=Depends(get_store)):
    return render(request, "home.html", n_documents=store.count_documents(), n_events=store.count_events(),
                  recent=store.events(limit=10), n_visits=store.count_events(type="VISIT"),
                  n_dyads=len(aggregates.dyads(store)))


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str = Query("", max_length=500), page: Page = Depends(page_params),
           store=Depends(get_store)):
    q = q.strip()
    results = safe_search(store, q, page.limit, page.offset, mark=("\x02", "\x03")) if q else []
    return render(request, "search.html", q=q, results=results, page=page,
                  links=page.links(None, len(results), [("q", q)]))


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, filters: EventFilters = Depends(event_filters), page: Page = Depends(page_params),
           interval: str = INTERVAL, store=Depends(get_store)):
    kwargs = filters.store_kwargs()
    items = store.events(**kwargs, limit=page.limit, offset=page.offset)
    total = store.count_events(**kwargs, cap=COUNT_CAP)
    pairs = filters.query_pairs()
    chart = charts.build(chart_rows(store, filters, interval), interval)
    return render(request, "events.html", items=items, total=total, filters=filters, page=page,
                  links=page.links(total, len(items), pairs), facets=aggregates.event_facets(store, kwargs),
                  pairs=pairs, qs=query_string(pairs), chart=chart,
                  chart_qs=query_string(pairs + [("interval", interval)]), interval=interval)


@router.get("/event/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: str = id_path(), mention: int = Query(0, ge=0, le=10_000),
          store=Depends(get_store)):
    ev = _found(store.event(event_id), "event")
    mentions = ev.get("mentions") or []
    chosen = mentions[mention] if mention < len(mentions) else (mentions[0] if mentions else None)
    doc = store.document(chosen["doc_id"]) if chosen and chosen.get("doc_id") else None
    blocks, legend = [], []
    if doc:
        evidence = highlight.evidence_spans(chosen.get("evidence"))
        if not evidence:  # fall back to the per-document event's own evidence
            for local in doc.get("events") or []:
                if local.get("id") == chosen.get("event_id"):
                    evidence = highlight.evidence_spans(local.get("evidence"))
        blocks, legend = highlight.annotate_article(doc.get("text") or "", doc.get("actors") or [], evidence)
    roles = {}
    for key in ("source", "target"):
        actor_id = (ev.get(key) or {}).get("actor_id")
        if actor_id:
            roles[actor_id] = key
    return render(request, "event.html", ev=ev, doc=doc, chosen=chosen, chosen_index=mentions.index(chosen)
                  if chosen in mentions else 0, blocks=blocks, legend=legend, roles=roles)


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, q: str = Query("", max_length=200), page: Page = Depends(page_params),
           store=Depends(get_store)):
    items = store.actors(query=q.strip() or None, limit=page.limit, offset=page.offset)
    total = aggregates.count_actors(store, q.strip() or None)
    pairs = [("q", q.strip())] if q.strip() else []
    return render(request, "actors.html", q=q.strip(), items=items, page=page, total=total,
                  links=page.links(total, len(items), pairs), qs=query_string(pairs),
                  facets=aggregates.actor_facets(store))


@router.get("/actor/{actor_id}", response_class=HTMLResponse)
def actor(request: Request, actor_id: str = id_path(), interval: str = INTERVAL, store=Depends(get_store)):
    a = _found(store.actor(actor_id), "actor")
    counterparts = sorted(a.get("counterparts") or [], key=lambda c: -(c.get("n") or 0))
    peak = max([c.get("n") or 0 for c in counterparts] + [1])
    chart = charts.build(aggregates.actor_events_over_time(store, actor_id, interval), interval)
    return render(request, "actor.html", a=a, events=a.get("events") or [], counterparts=counterparts, peak=peak,
                  chart=chart, chart_qs=query_string([("actor_id", actor_id), ("interval", interval)]),
                  interval=interval)


@router.get("/dyad", response_class=HTMLResponse)
def dyad_form(a: str = Query("", max_length=60), b: str = Query("", max_length=60)):
    if a.strip() and b.strip():
        return RedirectResponse(f"/dyad/{parse_country(a, 'a')}/{parse_country(b, 'b')}", status_code=303)
    return RedirectResponse("/dyads", status_code=303)


@router.get("/dyads", response_class=HTMLResponse)
def dyads(request: Request, country: list[str] = Query([]), store=Depends(get_store)):
    codes = build_filters(country=country).country
    items = aggregates.dyads(store, codes or None)
    pairs = [("country", c) for c in codes]
    return render(request, "dyads.html", items=items, total=len(items), country=",".join(codes),
                  qs=query_string(pairs))


@router.get("/dyad/{a}/{b}", response_class=HTMLResponse)
def dyad(request: Request, a: str = Path(..., max_length=60), b: str = Path(..., max_length=60),
         interval: str = INTERVAL, store=Depends(get_store)):
    a, b = parse_country(a, "a"), parse_country(b, "b")
    items = store.timeline(a, b)      # oldest first by event date, else reported date: the store's one order
    by_type: dict[str, int] = {}
    for e in items:
        by_type[e.get("type") or "?"] = by_type.get(e.get("type") or "?", 0) + 1
    years: dict[str, list] = {}
    for e in items:
        years.setdefault(protocol.sort_day(e)[:4] or "Undated", []).append(e)
    chart = charts.build(aggregates.events_over_time(store, {}, interval, dyad=(a, b)), interval)
    return render(request, "dyad.html", a=a, b=b, items=items, years=years, by_type=by_type, chart=chart,
                  chart_qs=query_string([("a", a), ("b", b), ("interval", interval)]), interval=interval)


@router.get("/protocol/{a}/{b}", response_class=HTMLResponse)
def protocol_page(request: Request, a: str = Path(..., max_length=60), b: str = Path(..., max_length=60),
                  guest: Optional[str] = Query(None, max_length=60), store=Depends(get_store)):
    a, b = parse_country(a, "a"), parse_country(b, "b")
    guest_code = parse_country(guest, "guest") if guest else None
    rows = protocol.visit_rows(store.timeline(a, b), guest=guest_code)
    peak = max([r.score for r in rows] + [1])
    return render(request, "protocol.html", a=a, b=b, rows=rows, peak=peak, guest=guest_code,
                  formula=protocol.formula_text(), scoring=protocol.scoring())


@router.get("/visits", response_class=HTMLResponse)
def visits(request: Request, country: list[str] = Query([]), status: Optional[str] = None,
           since: Optional[str] = None, until: Optional[str] = None, actor: Optional[str] = None,
           page: Page = Depends(page_params), store=Depends(get_store)):
    filters = build_filters(actor=actor, country=country, type="VISIT", status=status, since=since, until=until)
    kwargs = filters.store_kwargs()
    items = store.events(**kwargs, limit=page.limit, offset=page.offset)
    total = store.count_events(**kwargs, cap=COUNT_CAP)
    pairs = [p for p in filters.query_pairs() if p[0] != "type"]
    rows = visit_rows(store, items)
    return render(request, "visits.html", items=items, rows=rows, total=total, filters=filters, page=page,
                  links=page.links(total, len(items), pairs), qs=query_string(pairs),
                  facets=aggregates.event_facets(store, kwargs))


@router.get("/map", response_class=HTMLResponse)
def event_map(request: Request, filters: EventFilters = Depends(event_filters),
              view: str = Query("fit", pattern="^(fit|world)$"), store=Depends(get_store)):
    items = store.events(**filters.store_kwargs(), limit=MAP_EVENT_LIMIT, offset=0)
    located = worldmap.places(items)
    activity = worldmap.country_activity(items)
    peak = max(activity.values(), default=0)
    shapes = [(s, worldmap.shade(activity.get(s.iso3, 0), peak), activity.get(s.iso3, 0))
              for s in worldmap.country_shapes()]
    box = worldmap.fit_view(located) if view == "fit" else worldmap.WORLD_VIEW
    scale = box[2] / worldmap.WIDTH            # keeps points the same size on screen when zoomed in
    legend = [(f"shade-{i}", worldmap_range(i, peak)) for i in range(5)]
    return render(request, "map.html", filters=filters, places=located, shapes=shapes, view=view, box=box,
                  legend=legend, peak=peak,
                  scale=scale, view_pairs=filters.query_pairs(),
                  graticule=worldmap.graticule(), n_events=len(items), truncated=len(items) >= MAP_EVENT_LIMIT,
                  n_located=sum(len(p.events) for p in located))


def worldmap_range(level: int, peak: int) -> str:
    """The event counts a map shade stands for (``worldmap.shade``'s buckets), in words for the legend."""
    if level == 0:
        return "no events"
    if peak <= 0:
        return ""
    counts = [n for n in range(1, peak + 1) if worldmap.shade(n, peak) == f"shade-{level}"]
    if not counts:
        return ""
    return f"{counts[0]}" if counts[0] == counts[-1] else f"{counts[0]}–{counts[-1]}"


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request, page: Page = Depends(page_params), store=Depends(get_store)):
    items = store.documents(limit=page.limit, offset=page.offset)
    total = store.count_documents()
    return render(request, "documents.html", items=items, total=total, page=page,
                  links=page.links(total, len(items), []), facets=aggregates.document_facets(store))


@router.get("/document/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: str = id_path(), store=Depends(get_store)):
    doc = _found(store.document(doc_id), "document")
    evidence = [span for e in doc.get("events") or [] for span in highlight.evidence_spans(e.get("evidence"))]
    blocks, legend = highlight.annotate_article(doc.get("text") or "", doc.get("actors") or [], evidence)
    return render(request, "document.html", doc=doc, blocks=blocks, legend=legend)


@router.get("/api", response_class=HTMLResponse)
def api_docs(request: Request):
    """The OpenAPI schema as a plain page (FastAPI's own /docs loads scripts from a CDN, so it is off)."""
    schema = request.app.openapi()
    ops = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "description": op.get("description", ""), "tags": op.get("tags", []),
                        "parameters": op.get("parameters", [])})
    return render(request, "api.html", ops=ops, example=urlencode([("country", "KAZ"), ("type", "VISIT")]))
