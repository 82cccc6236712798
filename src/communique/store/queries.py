"""Read queries. Functions of a connection so the Store stays a thin façade.

Event listing is two steps: find the page's rowids through the narrowest index
(``event_actors`` or ``event_countries`` ordered by date, else ``events`` by
type/status/date), then load those rows, their actors and their mentions.
"""
from __future__ import annotations

import json
import re
import sqlite3
import time
from dataclasses import dataclass
from typing import Optional

from communique.stories.identity import is_generic_name
from communique.stories.names import name_key


@dataclass
class EventFilter:
    actor: Optional[str] = None
    country: Optional[list[str]] = None
    type: Optional[str] = None
    status: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None


# ---------------------------------------------------------------------- helpers
_TOKEN = re.compile(r"\w+", re.UNICODE)
_STOP = {"of", "the", "and", "a", "an", "in", "for", "to", "de"}


def fts_words(q: str, prefix: bool = False) -> str:
    """A safe FTS5 query: every word quoted and ANDed (stop words dropped)."""
    words = [w for w in _TOKEN.findall(q or "") if w.lower() not in _STOP] or _TOKEN.findall(q or "")
    return " ".join(f'"{w}"' + ("*" if prefix else "") for w in words)


def _rows(db: sqlite3.Connection, sql: str, params=()) -> list[dict]:
    cur = db.execute(sql, params)
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def _page(limit, offset) -> str:
    if limit is None:
        return f" LIMIT -1 OFFSET {int(offset)}"
    return f" LIMIT {int(limit)} OFFSET {int(offset)}"


# ---------------------------------------------------------------------- documents
def documents(db, limit, offset) -> list[dict]:
    # newest first by publication day (undated last), then by ingest order
    return _rows(db, "SELECT id, title, published, outlet, url, language, n_sources FROM documents "
                     "ORDER BY published IS NULL, published DESC, rowid DESC" + _page(limit, offset))


def document(db, doc_id) -> Optional[dict]:
    """Full document; ``doc_id`` may also be the id of one of its duplicate sources."""
    cur = db.execute("SELECT rowid AS _row, id, title, published, outlet, url, language, text, record, n_sources "
                     "FROM documents WHERE id=?", (doc_id,))
    row = cur.fetchone()
    if row is None:
        hit = db.execute("SELECT doc FROM sources WHERE source_id=? LIMIT 1", (doc_id,)).fetchone()
        if hit is None:
            return None
        cur = db.execute("SELECT rowid AS _row, id, title, published, outlet, url, language, text, record, n_sources "
                         "FROM documents WHERE rowid=?", (hit[0],))
        row = cur.fetchone()
    d = dict(zip([c[0] for c in cur.description], row))
    rowid = d.pop("_row")
    record = json.loads(d.pop("record"))
    canon_actor = dict(db.execute(
        "SELECT da.local_id, a.id FROM doc_actors da JOIN actors a ON a.rowid = da.actor WHERE da.doc=?", (rowid,)))
    canon_event = dict(db.execute(
        "SELECT m.event_id, e.id FROM mentions m JOIN events e ON e.rowid = m.event WHERE m.doc=?", (rowid,)))
    d["actors"] = [dict(a, canonical_id=canon_actor.get(a.get("id"))) for a in record.get("actors", [])]
    d["events"] = [dict(e, canonical_id=canon_event.get(e.get("id"))) for e in record.get("events", [])]
    d["quotes"] = record.get("quotes", [])
    d["meta"] = record.get("meta", {})
    d["sources"] = _rows(db, "SELECT source_id AS id, url, outlet, published, similarity FROM sources "
                             "WHERE doc=? ORDER BY rowid", (rowid,))
    return d


#: Most distinct words a search keeps; more only slow FTS5 down without narrowing anything.
MAX_TERMS = 16
#: Work budget of one search, in thousands of SQLite VM instructions (about 150 ms on a laptop core) ...
SEARCH_BUDGET = 3000
#: ... and in seconds, for work FTS5 does inside one instruction.
SEARCH_SECONDS = 0.15
_FTS_SYNTAX = re.compile(r'["()*:^]|\b(AND|OR|NOT|NEAR)\b')


class SearchResults(list):
    """Search hits; ``complete`` is False (and ``note`` says why) when the work budget ran out first.
    ``steps`` is the work done, in thousands of VM instructions."""
    complete = True
    note: Optional[str] = None
    steps = 0


def bounded_query(q: str) -> str:
    """The FTS5 query actually run: plain words deduplicated and capped at ``MAX_TERMS``; FTS5 syntax kept
    when it is short, otherwise reduced to its first distinct words."""
    words = _TOKEN.findall(q or "")
    if _FTS_SYNTAX.search(q or "") and len(words) <= MAX_TERMS:
        return q
    seen, kept = set(), []
    for w in words:
        if w.lower() not in seen:
            seen.add(w.lower())
            kept.append(w)
    return " ".join(f'"{w}"' for w in kept[:MAX_TERMS])


def search(db, q, limit, offset, mark, budget: int = SEARCH_BUDGET) -> SearchResults:
    sql = ("SELECT d.id, d.title, d.published, snippet(documents_fts, 1, ?, ?, '…', 16) AS snippet "
           "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
           "WHERE documents_fts MATCH ? ORDER BY rank" + _page(limit, offset))
    out = SearchResults()
    query = bounded_query(q)
    if not query.strip():
        return out
    try:
        _bounded_rows(db, sql, (mark[0], mark[1], query), out, budget)
    except sqlite3.OperationalError as exc:     # not valid FTS5 syntax: search the words instead
        if "interrupted" in str(exc):
            raise
        safe = fts_words(query)
        if safe:
            _bounded_rows(db, sql, (mark[0], mark[1], safe), out, budget)
    return out


def _bounded_rows(db, sql, params, out: SearchResults, budget: int, seconds: float = SEARCH_SECONDS) -> None:
    """Fill ``out`` from ``sql``, stopping with a note when the query uses up ``budget`` or ``seconds``."""
    used = [0]
    deadline = time.monotonic() + seconds

    def tick() -> int:
        used[0] += 1
        return 1 if used[0] > budget or time.monotonic() > deadline else 0

    db.set_progress_handler(tick, 1000)
    try:
        cur = db.execute(sql, params)
        cols = [c[0] for c in cur.description]
        for row in cur:
            out.append(dict(zip(cols, row)))
    except sqlite3.OperationalError as exc:
        if "interrupted" not in str(exc):
            raise
        out.complete = False
        out.note = ("search stopped at its time limit: results may be incomplete; "
                    "use fewer or rarer words, or a phrase in quotes")
    finally:
        db.set_progress_handler(None, 0)
        out.steps += used[0]


def errors(db, limit, offset) -> list[dict]:
    return _rows(db, "SELECT doc_id, source_path, message, added_at FROM errors ORDER BY rowid DESC"
                 + _page(limit, offset))


# ---------------------------------------------------------------------- actors
_ACTOR_COLS = "a.rowid AS _row, a.id, a.name, a.kind, a.country, a.sector, a.kb_id, a.mention_count"


def _actor_dicts(db, rows: list[dict]) -> list[dict]:
    if not rows:
        return []
    ids = [r["_row"] for r in rows]
    marks = ",".join("?" * len(ids))
    aliases: dict[int, list] = {}
    for actor, alias in db.execute(f"SELECT actor, alias FROM actor_aliases WHERE actor IN ({marks})", ids):
        aliases.setdefault(actor, []).append(alias)
    roles: dict[int, list] = {}
    for actor, role, first, last in db.execute(
            f"SELECT actor, role, first_seen, last_seen FROM actor_roles WHERE actor IN ({marks}) "
            f"ORDER BY first_seen", ids):
        roles.setdefault(actor, []).append({"role": role, "first_seen": first, "last_seen": last})
    out = []
    for r in rows:
        row = r.pop("_row")
        r["aliases"] = sorted(a for a in aliases.get(row, []) if a != r["name"])
        r["roles"] = roles.get(row, [])
        out.append(r)
    return out


def actor_rows_matching(db, name: str) -> list[int]:
    """Canonical actor rowids a user's actor argument means: an actor id, an alias, or a name search."""
    hit = db.execute("SELECT rowid FROM actors WHERE id=? OR kb_id=?", (name, name)).fetchall()
    if hit:
        return [r[0] for r in hit]
    if is_generic_name(name, by_case=False):
        return []                   # "the president" names an office several people held, not an actor
    hit = db.execute("SELECT DISTINCT actor FROM actor_aliases WHERE norm=?", (name_key(name),)).fetchall()
    if hit:
        return [r[0] for r in hit]
    q = fts_words(name)
    if not q:
        return []
    return [r[0] for r in db.execute("SELECT rowid FROM actors_fts WHERE actors_fts MATCH ? LIMIT 50",
                                     (f"{{name aliases}} : ({q})",))]


def actors(db, query, limit, offset) -> list[dict]:
    if query and query.strip():
        q = fts_words(query, prefix=True)
        if not q:
            return []
        rows = _rows(db, f"SELECT {_ACTOR_COLS} FROM actors_fts f JOIN actors a ON a.rowid = f.rowid "
                         f"WHERE actors_fts MATCH ? ORDER BY a.mention_count DESC" + _page(limit, offset), (q,))
    else:
        rows = _rows(db, f"SELECT {_ACTOR_COLS} FROM actors a ORDER BY a.mention_count DESC"
                     + _page(limit, offset))
    return _actor_dicts(db, rows)


def actor(db, actor_id, n_events: int = 100) -> Optional[dict]:
    rows = _rows(db, f"SELECT {_ACTOR_COLS} FROM actors a WHERE a.id=?", (actor_id,))
    if not rows:
        return None
    row = rows[0]["_row"]
    d = _actor_dicts(db, rows)[0]
    ids = [r[0] for r in db.execute("SELECT event FROM event_actors WHERE actor=? ORDER BY sort_date DESC LIMIT ?",
                                    (row, n_events))]
    d["events"] = events_by_rowid(db, ids)
    d["counterparts"] = _rows(db, """
        SELECT coalesce(o.name, x.name) AS name, coalesce(o.country, x.country) AS country, o.id AS actor_id,
               count(*) AS n
        FROM (SELECT CASE WHEN e.source_actor = :a THEN e.target_actor ELSE e.source_actor END AS other,
                     CASE WHEN e.source_actor = :a THEN e.target_name ELSE e.source_name END AS name,
                     CASE WHEN e.source_actor = :a THEN e.target_country ELSE e.source_country END AS country
              FROM event_actors ea JOIN events e ON e.rowid = ea.event WHERE ea.actor = :a) x
        LEFT JOIN actors o ON o.rowid = x.other
        WHERE coalesce(o.name, x.name, x.country) IS NOT NULL AND (x.other IS NULL OR x.other != :a)
        GROUP BY coalesce(o.id, x.name, x.country) ORDER BY n DESC LIMIT 50""", {"a": row})
    return d


# ---------------------------------------------------------------------- events
_EVENT_COLS = """e.rowid AS _row, e.id, e.type, e.status, e.date_start, e.date_end,
    e.source_name, e.source_country, sa.id AS source_actor_id,
    e.target_name, e.target_country, ta.id AS target_actor_id,
    e.location, e.attributes, e.cameo, e.plover, e.confidence, e.n_sources, e.n_documents,
    (SELECT p.id FROM events p WHERE p.rowid = e.fulfils) AS fulfils"""


def _where(db, f: EventFilter):
    """(FROM clause, WHERE parts, params, date column) choosing the narrowest driving index."""
    where, params = [], []
    if f.actor:
        actor_rows = actor_rows_matching(db, f.actor)
        if not actor_rows:
            return None
        marks = ",".join("?" * len(actor_rows))
        if len(actor_rows) == 1:
            frm, date_col = "event_actors x JOIN events e ON e.rowid = x.event", "x.sort_date"
            where.append("x.actor = ?")
        else:
            frm, date_col = "events e", "e.sort_date"
            where.append(f"e.rowid IN (SELECT event FROM event_actors WHERE actor IN ({marks}))")
        params += actor_rows
        if f.country:
            where.append(f"e.rowid IN (SELECT event FROM event_countries WHERE country IN "
                         f"({','.join('?' * len(f.country))}))")
            params += f.country
    elif f.country:
        if len(f.country) == 1:
            frm, date_col = "event_countries x JOIN events e ON e.rowid = x.event", "x.sort_date"
            where.append("x.country = ?")
        else:
            frm, date_col = "events e", "e.sort_date"
            where.append(f"e.rowid IN (SELECT event FROM event_countries WHERE country IN "
                         f"({','.join('?' * len(f.country))}))")
        params += f.country
    else:
        frm, date_col = "events e", "e.sort_date"
    # the narrow index tables carry type and status, so a filtered page or count never visits other events
    table = "x" if frm.startswith("event_") else "e"
    if f.type:
        where.append(f"{table}.type = ?")
        params.append(f.type.upper())
    if f.status:
        where.append(f"{table}.status = ?")
        params.append(f.status.lower())
    if f.since:
        where.append(f"{date_col} >= ?")
        params.append(f.since)
    if f.until:
        where.append(f"{date_col} <= ?")
        params.append(f.until + "\uffff" if len(f.until) < 10 else f.until)
    return frm, where, params, date_col


def event_rowids(db, f: EventFilter, limit, offset) -> list[int]:
    if f.country and len(f.country) > 1 and not f.actor and limit is not None:
        return _any_country_rowids(db, f, limit, offset)
    plan = _where(db, f)
    if plan is None:
        return []
    frm, where, params, date_col = plan
    sql = (f"SELECT e.rowid FROM {frm}" + (" WHERE " + " AND ".join(where) if where else "")
           + f" ORDER BY {date_col} DESC, e.rowid DESC" + _page(limit, offset))
    return [r[0] for r in db.execute(sql, params)]


def _any_country_rowids(db, f: EventFilter, limit, offset) -> list[int]:
    """Several countries: the newest page of each (one ordered index scan each), merged."""
    need = int(limit) + int(offset)
    merged: dict[int, str] = {}
    for country in f.country:
        one = EventFilter(None, [country], f.type, f.status, f.since, f.until)
        frm, where, params, date_col = _where(db, one)
        sql = (f"SELECT e.rowid, {date_col} FROM {frm} WHERE " + " AND ".join(where)
               + f" ORDER BY {date_col} DESC, e.rowid DESC LIMIT {need}")
        merged.update(db.execute(sql, params).fetchall())
    ordered = sorted(merged.items(), key=lambda kv: (kv[1], kv[0]), reverse=True)
    return [rowid for rowid, _ in ordered[int(offset):need]]


def count_events(db, f: EventFilter, cap: Optional[int] = None) -> int:
    if f.country and not f.actor:
        return _count_countries(db, f, cap)
    plan = _where(db, f)
    if plan is None:
        return 0
    frm, where, params, _ = plan
    if frm.startswith("event_actors x JOIN"):
        frm = "event_actors x"                  # the index table alone answers it: no join
    sql = f"SELECT 1 FROM {frm}" + (" WHERE " + " AND ".join(where) if where else "")
    return _count(db, sql, params, cap)


def _count(db, select: str, params, cap: Optional[int]) -> int:
    if cap is None:
        return db.execute(f"SELECT count(*) FROM ({select})", params).fetchone()[0]
    return db.execute(f"SELECT count(*) FROM ({select} LIMIT {int(cap) + 1})", params).fetchone()[0]


def _count_countries(db, f: EventFilter, cap: Optional[int] = None) -> int:
    """Country counts from the narrow index tables alone (they carry type, status and date); two countries
    by inclusion–exclusion with the dyad table, more by a distinct count."""
    cond, params = "", []
    if f.type:
        cond += " AND type = ?"
        params.append(f.type.upper())
    if f.status:
        cond += " AND status = ?"
        params.append(f.status.lower())
    if f.since:
        cond += " AND sort_date >= ?"
        params.append(f.since)
    if f.until:
        cond += " AND sort_date <= ?"
        params.append(f.until + "\uffff" if len(f.until) < 10 else f.until)
    countries = sorted(set(f.country))
    if len(countries) > 2:
        marks = ",".join("?" * len(countries))
        return _count(db, f"SELECT DISTINCT event FROM event_countries WHERE country IN ({marks}){cond}",
                      countries + params, cap)
    parts = []
    for c in countries:
        parts.append(_count(db, f"SELECT 1 FROM event_countries WHERE country = ?{cond}", [c] + params, cap))
        if cap is not None and parts[-1] > cap:
            return parts[-1]                    # already "more than cap"
    total = sum(parts)
    if len(countries) == 2:
        total -= _count(db, f"SELECT 1 FROM event_dyads WHERE a = ? AND b = ?{cond}", countries + params, cap)
    return total


#: Mentions a listing carries per event (the first reports); ``event(id)`` and exports carry all of them.
LISTING_MENTIONS = 25


def events(db, f: EventFilter, limit, offset) -> list[dict]:
    return events_by_rowid(db, event_rowids(db, f, limit, offset), LISTING_MENTIONS)


def events_by_rowid(db, ids: list[int], max_mentions: Optional[int] = None) -> list[dict]:
    """Full event dicts (with mentions, the first ``max_mentions`` of each when given) for these rowids,
    in the given order. An event told a thousand times must not make a page of fifty load them all."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = _rows(db, f"SELECT {_EVENT_COLS} FROM events e LEFT JOIN actors sa ON sa.rowid = e.source_actor "
                     f"LEFT JOIN actors ta ON ta.rowid = e.target_actor WHERE e.rowid IN ({marks})", ids)
    select = ("SELECT m.event, m.event_id, m.evidence, d.id, d.url, d.outlet, d.published FROM mentions m "
              "JOIN documents d ON d.rowid = m.doc WHERE ")
    if max_mentions is None:
        found = db.execute(select + f"m.event IN ({marks}) ORDER BY m.rowid", ids).fetchall()
    else:
        counts = dict(db.execute(f"SELECT event, count(*) FROM mentions WHERE event IN ({marks}) GROUP BY event",
                                 ids).fetchall())
        light = [i for i in ids if counts.get(i, 0) <= max_mentions]
        found = db.execute(select + f"m.event IN ({','.join('?' * len(light))}) ORDER BY m.rowid",
                           light).fetchall() if light else []
        for i in ids:                           # a much-told event: only its first reports, one index range
            if counts.get(i, 0) > max_mentions:
                found += db.execute(select + "m.event = ? ORDER BY m.rowid LIMIT ?", (i, int(max_mentions))).fetchall()
    mentions: dict[int, list] = {}
    for event, event_id, evidence, doc_id, url, outlet, published in found:
        mentions.setdefault(event, []).append({
            "doc_id": doc_id, "event_id": event_id, "evidence": json.loads(evidence),
            "url": url, "outlet": outlet, "published": published})
    by_row = {r["_row"]: _event_dict(r, mentions.get(r["_row"], [])) for r in rows}
    return [by_row[i] for i in ids if i in by_row]


def _event_dict(r: dict, mentions: list) -> dict:
    return {
        "id": r["id"], "type": r["type"], "status": r["status"],
        "date_start": r["date_start"], "date_end": r["date_end"],
        "source": {"name": r["source_name"], "country": r["source_country"], "actor_id": r["source_actor_id"]},
        "target": {"name": r["target_name"], "country": r["target_country"], "actor_id": r["target_actor_id"]},
        "location": json.loads(r["location"]) if r["location"] else None,
        "attributes": json.loads(r["attributes"]) if r["attributes"] else {},
        "cameo": r["cameo"],
        "plover": json.loads(r["plover"]) if r["plover"] else {},
        "confidence": r["confidence"], "n_sources": r["n_sources"], "n_documents": r["n_documents"],
        "fulfils": r["fulfils"],
        "mentions": mentions,
    }


def event(db, event_id) -> Optional[dict]:
    row = db.execute("SELECT rowid FROM events WHERE id=?", (event_id,)).fetchone()
    if row is None:
        return None
    return events_by_rowid(db, [row[0]])[0]


def timeline(db, a, b, limit) -> list[dict]:
    if a == b:
        return []
    ids = [r[0] for r in db.execute(
        "SELECT event FROM event_dyads WHERE a = ? AND b = ? ORDER BY sort_date, event LIMIT ?",
        (min(a, b), max(a, b), int(limit)))]
    return events_by_rowid(db, ids, LISTING_MENTIONS)
