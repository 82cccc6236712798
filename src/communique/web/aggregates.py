"""Counts the explorer shows beside its lists: facets, events over time, country pairs, actor totals.

Each is one grouped SQL query over the store's own index tables, run through
``Store._read`` (the store's lock and error translation), so a count is always
of exactly the rows the list filters select.
"""
from __future__ import annotations

from typing import Optional

from communique.store import queries

#: SQLite expressions turning a ``YYYY-MM-DD`` sort date into a bucket label.
INTERVALS = {
    "year": "substr({col}, 1, 4)",
    "month": "substr({col}, 1, 7)",
    "week": "strftime('%Y-W%W', {col})",
}


def _plan(db, kwargs: dict):
    """(FROM, WHERE sql, params, date column) for the store's event filters, or None when nothing matches."""
    country = kwargs.get("country")
    f = queries.EventFilter(kwargs.get("actor"), [c.upper() for c in country] if country else None,
                            kwargs.get("type"), kwargs.get("status"), kwargs.get("since"), kwargs.get("until"))
    plan = queries._where(db, f)
    if plan is None:
        return None
    frm, where, params, date_col = plan
    return frm, (" WHERE " + " AND ".join(where)) if where else "", list(params), date_col


def event_facets(store, kwargs: dict, top: int = 12) -> dict[str, list[tuple[str, int]]]:
    """Counts by type, status and country of the events these filters select."""
    def run(db):
        plan = _plan(db, kwargs)
        if plan is None:
            return {"type": [], "status": [], "country": []}
        frm, where, params, _ = plan
        out = {}
        for key in ("type", "status"):
            out[key] = db.execute(f"SELECT e.{key}, count(*) AS n FROM {frm}{where} GROUP BY e.{key} "
                                  f"ORDER BY n DESC, e.{key}", params).fetchall()
        out["country"] = db.execute(
            f"SELECT c.country, count(*) AS n FROM event_countries c WHERE c.event IN "
            f"(SELECT e.rowid FROM {frm}{where}) GROUP BY c.country ORDER BY n DESC, c.country LIMIT {int(top)}",
            params).fetchall()
        return out
    return store._read(run)


def events_over_time(store, kwargs: dict, interval: str = "year",
                     dyad: Optional[tuple[str, str]] = None) -> list[tuple[str, str, int]]:
    """``(bucket, status, n)`` rows, oldest first; by event date, else reported date (the store's sort date)."""
    bucket = INTERVALS.get(interval, INTERVALS["year"])

    def run(db):
        if dyad is not None:
            a, b = sorted(dyad)
            expr = bucket.format(col="d.sort_date")
            return db.execute(f"SELECT {expr} AS k, e.status, count(*) FROM event_dyads d JOIN events e "
                              f"ON e.rowid = d.event WHERE d.a = ? AND d.b = ? GROUP BY k, e.status ORDER BY k",
                              (a, b)).fetchall()
        plan = _plan(db, kwargs)
        if plan is None:
            return []
        frm, where, params, date_col = plan
        expr = bucket.format(col=date_col)
        return db.execute(f"SELECT {expr} AS k, e.status, count(*) FROM {frm}{where} GROUP BY k, e.status "
                          f"ORDER BY k", params).fetchall()
    return [(k or "?", s, n) for k, s, n in store._read(run)]


def actor_events_over_time(store, actor_id: str, interval: str = "year") -> list[tuple[str, str, int]]:
    bucket = INTERVALS.get(interval, INTERVALS["year"]).format(col="x.sort_date")

    def run(db):
        return db.execute(f"SELECT {bucket} AS k, e.status, count(*) FROM actors a JOIN event_actors x "
                          f"ON x.actor = a.rowid JOIN events e ON e.rowid = x.event WHERE a.id = ? "
                          f"GROUP BY k, e.status ORDER BY k", (actor_id,)).fetchall()
    return [(k or "?", s, n) for k, s, n in store._read(run)]


def dyads(store, country: Optional[list[str]] = None, limit: int = 500) -> list[dict]:
    """Country pairs with events between them, busiest first, with counts by family of type."""
    def run(db):
        where, params = "", []
        if country:
            marks = ",".join("?" * len(country))
            where = f" WHERE d.a IN ({marks}) OR d.b IN ({marks})"
            params = list(country) * 2
        rows = db.execute(
            f"SELECT d.a, d.b, count(*) AS n, sum(e.type = 'VISIT') AS visits, "
            f"sum(e.status = 'occurred') AS occurred, min(d.sort_date), max(d.sort_date) "
            f"FROM event_dyads d JOIN events e ON e.rowid = d.event{where} "
            f"GROUP BY d.a, d.b ORDER BY n DESC, d.a, d.b LIMIT {int(limit)}", params).fetchall()
        return [{"a": a, "b": b, "events": n, "visits": v or 0, "occurred": o or 0, "first": lo, "last": hi}
                for a, b, n, v, o, lo, hi in rows]
    return store._read(run)


def events_by_type(store) -> list[tuple[str, int]]:
    return store._read(lambda db: db.execute(
        "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type").fetchall())


def count_actors(store, query: Optional[str] = None) -> int:
    """How many actors ``Store.actors(query)`` pages through (the same FTS match)."""
    def run(db):
        if query and query.strip():
            q = queries.fts_words(query, prefix=True)
            if not q:
                return 0
            return db.execute("SELECT count(*) FROM actors_fts WHERE actors_fts MATCH ?", (q,)).fetchone()[0]
        return db.execute("SELECT count(*) FROM actors").fetchone()[0]
    return store._read(run)


def actor_facets(store, top: int = 12) -> dict[str, list[tuple[str, int]]]:
    def run(db):
        return {
            "kind": db.execute("SELECT coalesce(kind, '?'), count(*) AS n FROM actors GROUP BY 1 "
                               "ORDER BY n DESC").fetchall(),
            "country": db.execute(f"SELECT country, count(*) AS n FROM actors WHERE country IS NOT NULL "
                                  f"GROUP BY 1 ORDER BY n DESC, 1 LIMIT {int(top)}").fetchall(),
        }
    return store._read(run)


def document_facets(store, top: int = 12) -> dict[str, list[tuple[str, int]]]:
    def run(db):
        return {
            "language": db.execute("SELECT coalesce(language, '?'), count(*) AS n FROM documents GROUP BY 1 "
                                   "ORDER BY n DESC").fetchall(),
            "outlet": db.execute(f"SELECT coalesce(outlet, '?'), count(*) AS n FROM documents GROUP BY 1 "
                                 f"ORDER BY n DESC, 1 LIMIT {int(top)}").fetchall(),
        }
    return store._read(run)
