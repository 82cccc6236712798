"""Writing one document into the store: dedup, actors, events — inside the caller's transaction.

:class:`Writer` never commits; :meth:`communique.store.Store.ingest` wraps each
batch in one transaction so a crash or a full disk loses at most that batch.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date, datetime, timedelta, timezone
from typing import Optional

from communique.model import Actor, Document, Event, Side
from communique.store.fingerprint import input_hash
from communique.stories import dedup
from communique.stories.events import (
    combined_confidence, event_family, events_compatible, fulfils_plan, more_precise,
)
from communique.stories.identity import is_generic_name
from communique.stories.names import actor_key_parts, name_key

ADDED, DUPLICATE, ERROR = "added", "duplicate", "error"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _sha1(*parts: str) -> str:
    return hashlib.sha1("\0".join(parts).encode("utf-8")).hexdigest()


def _shift(day: str, days: int) -> str:
    try:
        return (date.fromisoformat(day[:10]) + timedelta(days=days)).isoformat()
    except ValueError:
        return day


class Writer:
    """Adds documents to an open connection; one instance per batch or per store."""

    def __init__(self, db: sqlite3.Connection, similarity: float = 0.7):
        self.db = db
        self.similarity = similarity

    # ------------------------------------------------------------------ documents
    def add(self, doc: Document) -> tuple[str, int]:
        """Store ``doc``; returns (outcome, number of per-document events stored)."""
        if doc.error:
            self._error(doc.id, doc.error, doc.source_path)
            return ERROR, 0
        text = doc.text or doc.raw_text or ""
        norm = dedup.normalise_text(text)
        if not norm:
            self._error(doc.id, "empty document: no text to store", doc.source_path)
            return ERROR, 0
        chash = hashlib.sha1(norm.encode("utf-8")).hexdigest()
        skey = _sha1(doc.id, chash)
        if self.db.execute("SELECT 1 FROM sources WHERE source_key=?", (skey,)).fetchone():
            self.db.execute("UPDATE sources SET input_hash=? WHERE source_key=? AND input_hash IS NULL",
                            (input_hash(doc), skey))
            return DUPLICATE, 0
        row = self.db.execute("SELECT rowid FROM documents WHERE content_hash=? LIMIT 1", (chash,)).fetchone()
        if row:
            self._add_source(row[0], doc, skey, 1.0)
            return DUPLICATE, 0
        sig, n_shingles = dedup.signature_and_size(norm)
        bands = dedup.band_hashes(sig)
        # a known id with another text is a new version of that page (kept as ID#hash), never a copy
        known_id = self.db.execute("SELECT 1 FROM sources WHERE source_id=? LIMIT 1", (doc.id,)).fetchone()
        match = None if known_id else self._near_duplicate(sig, n_shingles, bands)
        if match:
            self._add_source(match[0], doc, skey, round(match[1], 3))
            return DUPLICATE, 0
        rowid = self._insert_document(doc, text, chash, skey, sig, bands, n_shingles)
        local = {a.id: row for a in doc.actors if (row := self.resolve_actor(a, doc.published)) is not None}
        for local_id, actor_row in local.items():
            self.db.execute("INSERT OR IGNORE INTO doc_actors(doc, local_id, actor) VALUES (?,?,?)",
                            (rowid, local_id, actor_row))
        n = 0
        for ev in doc.events:
            n += self.add_event(rowid, doc, ev, local)
        return ADDED, n

    def _error(self, doc_id: str, message: str, source_path: Optional[str]) -> None:
        self.db.execute("INSERT OR IGNORE INTO errors(doc_id, source_path, message, added_at) VALUES (?,?,?,?)",
                        (doc_id, source_path, message, _now()))

    def _near_duplicate(self, sig, n_shingles: int, bands: list[int]):
        """(rowid, Jaccard) of the stored document that is the same article, from stored signatures alone.

        Candidates share at least one LSH band (one index probe per band), most
        shared bands first; the signature estimates Jaccard, and the stored
        shingle counts turn it into containment, so no stored text is re-read.
        """
        probes = " UNION ALL ".join("SELECT doc FROM minhash_bands WHERE band=? AND hash=?" for _ in bands)
        params = [x for b, h in enumerate(bands) for x in (b, h)]
        rows = self.db.execute(
            f"SELECT m.doc, m.signature, m.n_shingles FROM (SELECT doc, count(*) AS shared FROM ({probes}) "
            f"GROUP BY doc ORDER BY shared DESC LIMIT 20) c JOIN minhashes m ON m.doc = c.doc", params).fetchall()
        best = None
        for rowid, blob, other_n in rows:
            jac = dedup.jaccard(sig, dedup.signature_from_bytes(blob))
            cont = dedup.containment(jac, n_shingles, other_n) if other_n else jac
            if dedup.is_same_article(jac, cont, self.similarity) and (best is None or jac > best[1]):
                best = (rowid, jac)
        return best

    def _insert_document(self, doc, text, chash, skey, sig, bands, n_shingles) -> int:
        doc_id = doc.id
        if self.db.execute("SELECT 1 FROM documents WHERE id=?", (doc_id,)).fetchone():
            doc_id = f"{doc.id}#{chash[:8]}"          # same id, different article: keep both
        record = doc.to_dict()
        for k in ("text", "id", "title", "published", "outlet", "url", "language", "source_path", "schema"):
            record.pop(k, None)
        cur = self.db.execute(
            "INSERT INTO documents(id, content_hash, title, published, outlet, url, language, text, record, "
            "n_sources, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,1,?)",
            (doc_id, chash, doc.title, doc.published, doc.outlet, doc.url, doc.language, text,
             json.dumps(record, ensure_ascii=False), _now()))
        rowid = cur.lastrowid
        self.db.execute("INSERT INTO documents_fts(rowid, title, text) VALUES (?,?,?)", (rowid, doc.title or "", text))
        self._insert_source(rowid, doc, skey, 1.0)
        self.db.execute("INSERT INTO minhashes(doc, signature, n_shingles) VALUES (?,?,?)",
                        (rowid, dedup.signature_bytes(sig), n_shingles))
        self.db.executemany("INSERT OR IGNORE INTO minhash_bands(band, hash, doc) VALUES (?,?,?)",
                            [(b, h, rowid) for b, h in enumerate(bands)])
        return rowid

    def _insert_source(self, rowid, doc, skey, similarity) -> None:
        self.db.execute(
            "INSERT INTO sources(doc, source_key, source_id, url, outlet, published, source_path, similarity, added_at,"
            " input_hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (rowid, skey, doc.id, doc.url, doc.outlet, doc.published, doc.source_path, similarity, _now(),
             input_hash(doc)))

    def _add_source(self, rowid, doc, skey, similarity) -> None:
        self._insert_source(rowid, doc, skey, similarity)
        self.db.execute("UPDATE documents SET n_sources=(SELECT count(*) FROM sources WHERE doc=?) WHERE rowid=?",
                        (rowid, rowid))
        for (event,) in self.db.execute("SELECT DISTINCT event FROM mentions WHERE doc=?", (rowid,)).fetchall():
            self._refresh_counts(event)

    # ------------------------------------------------------------------ actors
    def resolve_actor(self, actor: Actor, seen: Optional[str]) -> Optional[int]:
        """The canonical actor row for a per-document actor (created when new).

        Identity across documents comes from a knowledge-base id, else from the
        name (surname, first initial) and country; a description or bare title
        ("the president") is no identity: it stands for its country, if known.
        """
        kind = actor.kind or "person"
        country = actor.country
        kb_id = getattr(actor, "kb_id", None)
        surname = initial = None
        row = None
        if kb_id:
            row = self.db.execute("SELECT rowid FROM actors WHERE kb_id=? LIMIT 1", (kb_id,)).fetchone()
        if kind == "country" and country:
            key = f"country:{country}"
            row = row or self.db.execute("SELECT rowid FROM actors WHERE key=?", (key,)).fetchone()
        elif kind == "person":
            if not kb_id and is_generic_name(actor.name):
                return self._country_actor(country)
            surname, initial = actor_key_parts(actor.name)
            key = f"person:{country or '-'}:{surname}:{initial or '-'}"
            if row is None and surname:
                row = self._match_person(surname, initial, country, kb_id)
        else:
            key = f"{kind}:{country or '-'}:{name_key(actor.name)}"
            if row is None:
                row = self.db.execute("SELECT rowid FROM actors WHERE key=? AND (kb_id IS NULL OR ? IS NULL "
                                      "OR kb_id=?)", (key, kb_id, kb_id)).fetchone()
            if row is None:
                row = self._match_alias(actor.name, kind, country, kb_id)
        n = max(1, len(actor.mentions))
        if row is None:
            rowid = self.db.execute(
                "INSERT INTO actors(id, key, name, kind, country, sector, surname, initial, mention_count, kb_id) "
                "VALUES (?,?,?,?,?,?,?,?,?,?)",
                (self._actor_id(key), key, actor.name, kind, country, actor.sector, surname, initial, n,
                 kb_id)).lastrowid
        else:
            rowid = row[0]
            self.db.execute(
                "UPDATE actors SET mention_count = mention_count + ?, "
                "name = CASE WHEN length(?) > length(name) THEN ? ELSE name END, "
                "country = coalesce(country, ?), sector = coalesce(sector, ?), initial = coalesce(initial, ?), "
                "kb_id = coalesce(kb_id, ?) WHERE rowid=?",
                (n, actor.name, actor.name, country, actor.sector, initial, kb_id, rowid))
        names = {actor.name, *actor.aliases}
        self.db.executemany("INSERT OR IGNORE INTO actor_aliases(actor, alias, norm) VALUES (?,?,?)",
                            [(rowid, a, name_key(a)) for a in names if a and not is_generic_name(a)])
        if actor.role:
            self.db.execute(
                "INSERT INTO actor_roles(actor, role, first_seen, last_seen, n) VALUES (?,?,?,?,1) "
                "ON CONFLICT(actor, role) DO UPDATE SET n = n + 1, "
                "first_seen = CASE WHEN excluded.first_seen IS NOT NULL AND (first_seen IS NULL OR excluded.first_seen < first_seen) "
                "THEN excluded.first_seen ELSE first_seen END, "
                "last_seen = CASE WHEN excluded.last_seen IS NOT NULL AND (last_seen IS NULL OR excluded.last_seen > last_seen) "
                "THEN excluded.last_seen ELSE last_seen END",
                (rowid, actor.role, seen, seen))
        self._refresh_actor_fts(rowid)
        return rowid

    def _country_actor(self, country: Optional[str]) -> Optional[int]:
        if not country:
            return None
        return self.resolve_actor(Actor(id="", name=country, kind="country", country=country), None)

    def _actor_id(self, key: str) -> str:
        base = "A" + _sha1(key)[:10]
        aid, i = base, 1
        while self.db.execute("SELECT 1 FROM actors WHERE id=?", (aid,)).fetchone():
            i += 1
            aid = f"{base}-{i}"
        return aid

    def _match_person(self, surname, initial, country, kb_id=None):
        """The person with this surname whose country, first initial and knowledge-base id agree with ours.

        Countries must both be known and equal, or both unknown; a bare surname
        (no initial) joins only when exactly one such person is known.
        """
        ranked = []
        for rowid, c, ini, mentions, kb in self.db.execute(
                "SELECT rowid, country, initial, mention_count, kb_id FROM actors WHERE kind='person' AND surname=?",
                (surname,)):
            if c != country or (initial and ini and initial != ini) or (kb_id and kb and kb != kb_id):
                continue
            ranked.append((bool(initial and ini), mentions, rowid))
        if not ranked:
            return None
        if not initial and len(ranked) > 1:
            return None                  # "Aliyev" alone when two Aliyevs are known: no guess
        return (max(ranked)[2],)

    def _match_alias(self, name, kind, country, kb_id=None):
        if is_generic_name(name):
            return None
        for rowid, c, kb in self.db.execute(
                "SELECT a.rowid, a.country, a.kb_id FROM actor_aliases al JOIN actors a ON a.rowid = al.actor "
                "WHERE al.norm=? AND a.kind=? ORDER BY a.mention_count DESC", (name_key(name), kind)):
            if (not country or not c or c == country) and not (kb_id and kb and kb != kb_id):
                return (rowid,)
        return None

    def _refresh_actor_fts(self, rowid: int) -> None:
        from communique.store.countries import country_name

        name, country = self.db.execute("SELECT name, country FROM actors WHERE rowid=?", (rowid,)).fetchone()
        aliases = " | ".join(a for (a,) in self.db.execute("SELECT alias FROM actor_aliases WHERE actor=?", (rowid,)))
        roles = " | ".join(r for (r,) in self.db.execute("SELECT role FROM actor_roles WHERE actor=?", (rowid,)))
        self.db.execute("DELETE FROM actors_fts WHERE rowid=?", (rowid,))
        self.db.execute("INSERT INTO actors_fts(rowid, name, aliases, roles, country) VALUES (?,?,?,?,?)",
                        (rowid, name, aliases, roles, f"{country or ''} {country_name(country) or ''}"))

    def side_actor(self, side: Optional[Side], local: dict[str, int]) -> Optional[int]:
        """Canonical actor of an event side: its document actor, a known alias, or its country."""
        if side is None:
            return None
        if side.actor_id and side.actor_id in local:
            return local[side.actor_id]
        if side.name and not is_generic_name(side.name):
            row = self.db.execute(
                "SELECT a.rowid, a.country FROM actor_aliases al JOIN actors a ON a.rowid = al.actor "
                "WHERE al.norm=? ORDER BY a.mention_count DESC", (name_key(side.name),)).fetchall()
            for rowid, c in row:
                if not side.country or not c or c == side.country:
                    return rowid
            return None
        return self._country_actor(side.country)

    # ------------------------------------------------------------------ events
    def add_event(self, doc_row: int, doc: Document, ev: Event, local: dict[str, int]) -> int:
        """Attach a per-document event to a compatible canonical event, or start a new one."""
        src, tgt = ev.source, ev.target
        flat = {
            "type": ev.type, "status": ev.status or "occurred",
            "date_start": ev.date.start if ev.date else None,
            "date_end": (ev.date.end or ev.date.start) if ev.date else None,
            "source": self._side(src, local), "target": self._side(tgt, local),
            "location": _location(ev),
        }
        actor_rows = {"source": flat["source"].pop("row"), "target": flat["target"].pop("row")}
        sort_date = flat["date_start"] or doc.published or _now()[:10]
        target_row = None
        # an event with neither a date nor a publication day cannot be placed in time: it merges with nothing
        placed = bool(flat["date_start"] or doc.published)
        for row in self._coreference_candidates(ev.type, flat, actor_rows, sort_date) if placed else ():
            if events_compatible(flat, _flat_row(row)):
                target_row = row
                break
        if target_row is None:
            event_id = "E" + _sha1(doc.id, ev.id)[:12]
            if self.db.execute("SELECT 1 FROM events WHERE id=?", (event_id,)).fetchone():
                event_id = "E" + _sha1(doc.id, ev.id, str(doc_row))[:12]   # a second version of the page (ID#hash)
            event_row = self.db.execute(
                "INSERT INTO events(id, type, family, status, date_start, date_end, sort_date, source_name, "
                "source_country, source_actor, target_name, target_country, target_actor, location, attributes, "
                "cameo, plover, confidence, n_sources, n_documents) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,0)",
                (event_id, ev.type, event_family(ev.type), flat["status"],
                 flat["date_start"], flat["date_end"], sort_date,
                 src.name if src else None, src.country if src else None, actor_rows["source"],
                 tgt.name if tgt else None, tgt.country if tgt else None, actor_rows["target"],
                 json.dumps(flat["location"], ensure_ascii=False) if flat["location"] else None,
                 json.dumps(ev.attributes or {}, ensure_ascii=False), ev.cameo,
                 json.dumps(ev.plover or {}, ensure_ascii=False), float(ev.confidence or 0.0))).lastrowid
        else:
            event_row = target_row[0]
            self._fill_gaps(event_row, target_row, flat, actor_rows)
        cur = self.db.execute(
            "INSERT OR IGNORE INTO mentions(event, doc, event_id, confidence, evidence, trigger) VALUES (?,?,?,?,?,?)",
            (event_row, doc_row, ev.id, float(ev.confidence or 0.0),
             json.dumps([{"text": s.text, "start": s.start, "end": s.end} for s in ev.evidence], ensure_ascii=False),
             ev.trigger))
        self._refresh_counts(event_row)
        self._index_event(event_row)
        if placed:
            self._link_plans(event_row, ev.type, flat, actor_rows, sort_date)
        return cur.rowcount

    _CANDIDATE_COLS = (
        "e.rowid, e.type, e.status, e.date_start, e.date_end, e.source_name, e.source_country, "
        "CASE WHEN sa.kind = 'country' THEN NULL ELSE e.source_actor END, e.target_name, e.target_country, "
        "CASE WHEN ta.kind = 'country' THEN NULL ELSE e.target_actor END, e.location, e.sort_date, e.fulfils")

    def _nearby(self, family: str, statuses: tuple[str, ...], actor_rows: dict, countries: set, lo: str, hi: str,
                reaches: str) -> list:
        """Canonical events of this family and status that share an actor or a country with ours and are
        dated within [lo, hi] (by their first day) and not ended before ``reaches``: index range scans
        on ``event_actors`` and ``event_countries``, so the cost follows the day's news, not the store."""
        actors = sorted({a for a in actor_rows.values() if a})
        countries = sorted(c for c in countries if c)
        marks = ",".join("?" * len(statuses))
        probes, params = [], []
        if actors:
            probes.append(f"SELECT event FROM event_actors WHERE actor IN ({','.join('?' * len(actors))}) "
                          f"AND status IN ({marks}) AND sort_date BETWEEN ? AND ?")
            params += [*actors, *statuses, lo, hi]
        if countries:
            probes.append(f"SELECT event FROM event_countries WHERE country IN ({','.join('?' * len(countries))}) "
                          f"AND status IN ({marks}) AND sort_date BETWEEN ? AND ?")
            params += [*countries, *statuses, lo, hi]
        if not probes:
            return []
        return self.db.execute(
            f"SELECT {self._CANDIDATE_COLS} FROM ({' UNION '.join(probes)}) c JOIN events e ON e.rowid = c.event "
            "LEFT JOIN actors sa ON sa.rowid = e.source_actor LEFT JOIN actors ta ON ta.rowid = e.target_actor "
            f"WHERE e.family = ? AND e.status IN ({marks}) AND coalesce(e.date_end, e.sort_date) >= ? "
            "ORDER BY e.n_documents DESC, e.rowid",
            (*params, family, *statuses, reaches)).fetchall()

    def _coreference_candidates(self, event_type: str, flat: dict, actor_rows: dict, sort_date: str) -> list:
        """Every stored event that could be ours (no cap): same family and status, a shared side, near in time.

        A dated event looks back a month for stored ranges ("in November") that
        still reach its first day; an undated one looks three days either side
        of its publication day.
        """
        countries = {flat["source"]["country"], flat["target"]["country"]}
        if flat["date_start"]:
            start, end = flat["date_start"], flat["date_end"] or flat["date_start"]
            lo, hi, reaches = _shift(start, -31), _shift(end, 1), _shift(start, -1)
        else:
            lo, hi = _shift(sort_date, -3), _shift(sort_date, 3)
            reaches = lo
        return self._nearby(event_family(event_type), (flat["status"],), actor_rows, countries, lo, hi, reaches)

    def _link_plans(self, event_row: int, event_type: str, flat: dict, actor_rows: dict, sort_date: str) -> None:
        """Link an occurrence to the plan that announced it (``fulfils``), whichever was stored first."""
        status = flat["status"]
        if status not in ("occurred", "planned"):
            return
        countries = {flat["source"]["country"], flat["target"]["country"]}
        family = event_family(event_type)
        if status == "occurred":
            if self.db.execute("SELECT fulfils FROM events WHERE rowid=?", (event_row,)).fetchone()[0]:
                return
            if not flat["date_start"]:
                return
            start, end = flat["date_start"], flat["date_end"] or flat["date_start"]
            rows = self._nearby(family, ("planned",), actor_rows, countries, _shift(start, -62), _shift(end, 3),
                                _shift(start, -62))
            for row in rows:
                plan = _flat_row(row)
                if fulfils_plan(flat, plan, row[12]):
                    self.db.execute("UPDATE events SET fulfils=? WHERE rowid=?", (row[0], event_row))
                    return
        else:
            anchor = flat["date_start"] or sort_date
            rows = self._nearby(family, ("occurred",), actor_rows, countries, _shift(anchor, -3),
                                _shift(flat["date_end"] or anchor, 62), _shift(anchor, -3))
            for row in rows:
                if row[13] is None and fulfils_plan(_flat_row(row), flat, sort_date):
                    self.db.execute("UPDATE events SET fulfils=? WHERE rowid=?", (event_row, row[0]))

    def _side(self, side: Optional[Side], local) -> dict:
        """Side as coreference sees it: a country-level actor counts as "no actor, just a country"."""
        if side is None:
            return {"name": None, "country": None, "actor": None, "row": None}
        row = self.side_actor(side, local)
        kind = self.db.execute("SELECT kind FROM actors WHERE rowid=?", (row,)).fetchone() if row else None
        return {"name": side.name, "country": side.country,
                "actor": row if kind and kind[0] != "country" else None, "row": row}

    def _fill_gaps(self, event_row, row, flat, actor_rows) -> None:
        """A later report may know what the first did not: a date, a place, a side's country."""
        sets = {}
        narrower = row[3] is not None and more_precise(row[3], row[4], flat["date_start"], flat["date_end"])
        if flat["date_start"] and (row[3] is None or narrower):
            sets.update(date_start=flat["date_start"], date_end=flat["date_end"], sort_date=flat["date_start"])
        if row[11] is None and flat["location"]:
            sets["location"] = json.dumps(flat["location"], ensure_ascii=False)
        for prefix, side, offset in (("source", flat["source"], 5), ("target", flat["target"], 8)):
            if row[offset] is None and row[offset + 1] is None and row[offset + 2] is None and side["name"]:
                sets.update({f"{prefix}_name": side["name"], f"{prefix}_country": side["country"],
                             f"{prefix}_actor": actor_rows[prefix]})
        if sets:
            cols = ", ".join(f"{k}=?" for k in sets)
            self.db.execute(f"UPDATE events SET {cols} WHERE rowid=?", (*sets.values(), event_row))

    def _refresh_counts(self, event_row: int) -> None:
        confs = [c for (c,) in self.db.execute(
            "SELECT max(confidence) FROM mentions WHERE event=? GROUP BY doc", (event_row,))]
        n_sources = self.db.execute(
            "SELECT count(*) FROM sources WHERE doc IN (SELECT doc FROM mentions WHERE event=?)",
            (event_row,)).fetchone()[0]
        self.db.execute("UPDATE events SET confidence=?, n_documents=?, n_sources=? WHERE rowid=?",
                        (combined_confidence(confs), len(confs), n_sources, event_row))

    def _index_event(self, event_row: int) -> None:
        sort_date, sc, tc, sa, ta, typ, status = self.db.execute(
            "SELECT sort_date, source_country, target_country, source_actor, target_actor, type, status "
            "FROM events WHERE rowid=?", (event_row,)).fetchone()
        self.db.execute("DELETE FROM event_countries WHERE event=?", (event_row,))
        self.db.execute("DELETE FROM event_actors WHERE event=?", (event_row,))
        self.db.execute("DELETE FROM event_dyads WHERE event=?", (event_row,))
        if sc and tc and sc != tc:
            self.db.execute("INSERT INTO event_dyads(a, b, sort_date, event, type, status) VALUES (?,?,?,?,?,?)",
                            (min(sc, tc), max(sc, tc), sort_date, event_row, typ, status))
        self.db.executemany(
            "INSERT OR IGNORE INTO event_countries(country, sort_date, event, type, status) VALUES (?,?,?,?,?)",
            [(c, sort_date, event_row, typ, status) for c in {sc, tc} if c])
        self.db.executemany(
            "INSERT OR IGNORE INTO event_actors(actor, sort_date, event, type, status) VALUES (?,?,?,?,?)",
            [(a, sort_date, event_row, typ, status) for a in {sa, ta} if a])


def _location(ev: Event) -> Optional[dict]:
    loc = ev.location
    if loc is None or not (loc.name or loc.country):
        return None
    out = {"name": loc.name, "country": loc.country, "lat": loc.lat, "lon": loc.lon}
    if getattr(loc, "basis", None):     # "text" or "dateline": the explorer marks dateline places
        out["basis"] = loc.basis
    return out


def _flat_row(row) -> dict:
    return {
        "type": row[1], "status": row[2], "date_start": row[3], "date_end": row[4],
        "source": {"name": row[5], "country": row[6], "actor": row[7]},
        "target": {"name": row[8], "country": row[9], "actor": row[10]},
        "location": json.loads(row[11]) if row[11] else None,
    }
