"""The store's tables. Bump ``VERSION`` (``PRAGMA user_version``) on incompatible change.

Layout: ``documents`` (one row per distinct article) with its ``sources`` (each
URL/outlet it was seen under); ``actors`` (canonical, cross-document) with
aliases, dated roles and per-document links; ``events`` (canonical) with one
``mentions`` row per per-document event carrying its evidence. ``event_countries``
and ``event_actors`` are narrow index tables so "newest events of X" is an
ordered index scan that stops at LIMIT; ``event_dyads`` (country pair, a < b)
does the same for timelines.
"""

VERSION = 2
#: Versions :func:`migrate` upgrades in place (columns added, nothing dropped).
OLD_VERSIONS = (1,)

DDL = """
CREATE TABLE IF NOT EXISTS documents (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    title TEXT, published TEXT, outlet TEXT, url TEXT, language TEXT,
    text TEXT NOT NULL,
    record TEXT NOT NULL,
    n_sources INTEGER NOT NULL DEFAULT 1,
    ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_hash ON documents(content_hash);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);

CREATE TABLE IF NOT EXISTS sources (
    rowid INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(rowid),
    source_key TEXT NOT NULL UNIQUE,
    source_id TEXT NOT NULL,
    url TEXT, outlet TEXT, published TEXT, source_path TEXT,
    similarity REAL NOT NULL DEFAULT 1.0,
    added_at TEXT NOT NULL,
    input_hash TEXT
);
CREATE INDEX IF NOT EXISTS sources_doc ON sources(doc);
CREATE INDEX IF NOT EXISTS sources_id ON sources(source_id);

CREATE TABLE IF NOT EXISTS minhashes (doc INTEGER PRIMARY KEY, signature BLOB NOT NULL, n_shingles INTEGER);
CREATE TABLE IF NOT EXISTS minhash_bands (
    band INTEGER NOT NULL, hash INTEGER NOT NULL, doc INTEGER NOT NULL,
    PRIMARY KEY (band, hash, doc)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS errors (
    rowid INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL, source_path TEXT, message TEXT NOT NULL, added_at TEXT NOT NULL,
    UNIQUE (doc_id, message)
);

CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);

CREATE TABLE IF NOT EXISTS actors (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    key TEXT NOT NULL,
    name TEXT NOT NULL, kind TEXT, country TEXT, sector TEXT,
    surname TEXT, initial TEXT,
    mention_count INTEGER NOT NULL DEFAULT 0,
    kb_id TEXT
);
CREATE INDEX IF NOT EXISTS actors_key ON actors(key);
CREATE INDEX IF NOT EXISTS actors_surname ON actors(surname);
CREATE INDEX IF NOT EXISTS actors_mentions ON actors(mention_count);
CREATE TABLE IF NOT EXISTS actor_aliases (
    actor INTEGER NOT NULL, alias TEXT NOT NULL, norm TEXT NOT NULL,
    PRIMARY KEY (actor, alias)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS actor_aliases_norm ON actor_aliases(norm);
CREATE TABLE IF NOT EXISTS actor_roles (
    actor INTEGER NOT NULL, role TEXT NOT NULL, first_seen TEXT, last_seen TEXT, n INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (actor, role)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS doc_actors (
    doc INTEGER NOT NULL, local_id TEXT NOT NULL, actor INTEGER NOT NULL,
    PRIMARY KEY (doc, local_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS doc_actors_actor ON doc_actors(actor);
CREATE VIRTUAL TABLE IF NOT EXISTS actors_fts USING fts5(
    name, aliases, roles, country, tokenize='unicode61 remove_diacritics 2'
);

CREATE TABLE IF NOT EXISTS events (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL, family TEXT NOT NULL, status TEXT NOT NULL,
    date_start TEXT, date_end TEXT, sort_date TEXT NOT NULL,
    source_name TEXT, source_country TEXT, source_actor INTEGER,
    target_name TEXT, target_country TEXT, target_actor INTEGER,
    location TEXT,
    attributes TEXT, cameo TEXT, plover TEXT,
    confidence REAL NOT NULL, n_sources INTEGER NOT NULL DEFAULT 1, n_documents INTEGER NOT NULL DEFAULT 1,
    fulfils INTEGER
);
CREATE INDEX IF NOT EXISTS events_sort ON events(sort_date);
CREATE INDEX IF NOT EXISTS events_type ON events(type, sort_date);
CREATE INDEX IF NOT EXISTS events_status ON events(status, sort_date);
CREATE INDEX IF NOT EXISTS events_family ON events(family, sort_date);

CREATE TABLE IF NOT EXISTS event_countries (
    country TEXT NOT NULL, sort_date TEXT NOT NULL, event INTEGER NOT NULL, type TEXT, status TEXT,
    PRIMARY KEY (country, sort_date, event)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_countries_event ON event_countries(event);
CREATE TABLE IF NOT EXISTS event_actors (
    actor INTEGER NOT NULL, sort_date TEXT NOT NULL, event INTEGER NOT NULL, type TEXT, status TEXT,
    PRIMARY KEY (actor, sort_date, event)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors(event);

CREATE TABLE IF NOT EXISTS event_dyads (
    a TEXT NOT NULL, b TEXT NOT NULL, sort_date TEXT NOT NULL, event INTEGER NOT NULL, type TEXT, status TEXT,
    PRIMARY KEY (a, b, sort_date, event)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_dyads_event ON event_dyads(event);

CREATE TABLE IF NOT EXISTS mentions (
    rowid INTEGER PRIMARY KEY,
    event INTEGER NOT NULL, doc INTEGER NOT NULL, event_id TEXT NOT NULL,
    confidence REAL NOT NULL, evidence TEXT NOT NULL, trigger TEXT,
    UNIQUE (doc, event_id)
);
CREATE INDEX IF NOT EXISTS mentions_event ON mentions(event);
"""

#: Indexes on columns added after version 1 (created after :func:`migrate` adds the columns).
LATER_INDEXES = """
CREATE INDEX IF NOT EXISTS sources_known ON sources(source_id, input_hash);
CREATE INDEX IF NOT EXISTS actors_kb ON actors(kb_id) WHERE kb_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS events_fulfils ON events(fulfils) WHERE fulfils IS NOT NULL;
CREATE INDEX IF NOT EXISTS event_countries_type_date ON event_countries(country, type, sort_date);
CREATE INDEX IF NOT EXISTS event_countries_status ON event_countries(country, status, sort_date);
CREATE INDEX IF NOT EXISTS event_actors_type_date ON event_actors(actor, type, sort_date);
CREATE INDEX IF NOT EXISTS events_type_status ON events(type, status, sort_date);
CREATE INDEX IF NOT EXISTS event_actors_status ON event_actors(actor, status, sort_date);
"""

#: (table, column, type) added since version 1.
ADDED_COLUMNS = (("sources", "input_hash", "TEXT"), ("minhashes", "n_shingles", "INTEGER"),
                 ("actors", "kb_id", "TEXT"), ("events", "fulfils", "INTEGER"),
                 ("event_countries", "type", "TEXT"), ("event_countries", "status", "TEXT"),
                 ("event_actors", "type", "TEXT"), ("event_actors", "status", "TEXT"),
                 ("event_dyads", "type", "TEXT"), ("event_dyads", "status", "TEXT"))

#: Fill columns added to existing rows (type and status copied onto the narrow index tables).
BACKFILL = """
UPDATE event_countries SET type = (SELECT type FROM events WHERE rowid = event),
    status = (SELECT status FROM events WHERE rowid = event) WHERE type IS NULL;
UPDATE event_actors SET type = (SELECT type FROM events WHERE rowid = event),
    status = (SELECT status FROM events WHERE rowid = event) WHERE type IS NULL;
UPDATE event_dyads SET type = (SELECT type FROM events WHERE rowid = event),
    status = (SELECT status FROM events WHERE rowid = event) WHERE type IS NULL
"""


def migrate(db, version: int) -> None:
    """Create a new store or bring an older one to ``VERSION`` in one transaction."""
    db.execute("BEGIN IMMEDIATE")
    try:
        for statement in DDL.split(";"):
            if statement.strip():
                db.execute(statement)
        for table, column, kind in ADDED_COLUMNS:
            have = {r[1] for r in db.execute(f"PRAGMA table_info({table})")}
            if column not in have:
                db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
        if version:
            for statement in BACKFILL.split(";"):
                if statement.strip():
                    db.execute(statement)
        for statement in LATER_INDEXES.split(";"):
            if statement.strip():
                db.execute(statement)
        db.execute(f"PRAGMA user_version = {VERSION}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
