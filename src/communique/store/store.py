"""The corpus store: one SQLite file (WAL, FTS5) of documents, actors and canonical events.

Modelled on Datasette/sqlite-utils: plain tables you can open in any SQLite
tool, and a thin Python class in front of them. Writing happens in
transactions of one batch each; reading never blocks on a running ingest (WAL).
"""
from __future__ import annotations

import itertools
import json
import os
import sqlite3
import threading
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional
from urllib.parse import quote

from communique.model import Document
from communique.store import queries
from communique.store.errors import StoreError, explain
from communique.store.fingerprint import input_hash
from communique.store.integrity import check_intact
from communique.store.schema import OLD_VERSIONS, VERSION, migrate

DEFAULT_PATH = "communique.db"
DUPLICATE = "duplicate"      # the outcome name the writer uses too


def default_path() -> str:
    """``$COMMUNIQUE_DB`` or ``communique.db`` in the working directory."""
    return os.environ.get("COMMUNIQUE_DB") or DEFAULT_PATH


class Store:
    """An event store in one SQLite file.

    ``readonly=True`` opens the file with ``mode=ro`` (it must exist); ``timeout``
    is how long a write waits for another writer before giving up with a clear
    :class:`StoreError`; ``similarity`` is the MinHash Jaccard above which two
    texts are one document.
    """

    def __init__(self, path: str | os.PathLike = DEFAULT_PATH, readonly: bool = False,
                 timeout: float = 5.0, similarity: float = 0.7):
        self.path = str(path)
        self.readonly = readonly
        self.timeout = timeout
        self.similarity = similarity
        self._lock = threading.RLock()
        self._readonly_reason: Optional[str] = None
        self._corrupt: Optional[StoreError] = None
        self.version = VERSION
        self.db = self._connect()

    # ------------------------------------------------------------------ connection
    def _connect(self) -> sqlite3.Connection:
        memory = self.path == ":memory:"
        if self.readonly and not memory and not Path(self.path).exists():
            raise StoreError(f"no database at {self.path} (nothing has been ingested there yet)")
        if not memory and Path(self.path).is_dir():
            raise StoreError(f"{self.path} is a folder, not a database file")
        if memory:
            return self._open_writable(self.path, uri=False)
        if self.readonly:
            return self._open_readonly()
        try:
            return self._open_writable(self.path, uri=False)
        except StoreError as exc:
            if not (_is_readonly_failure(exc.__cause__) and Path(self.path).is_file()):
                raise
        # a read-only file or folder: reads still work, writes say why they cannot
        self.readonly = True
        self._readonly_reason = (f"{self.path} is read-only: cannot write to it "
                                 "(check file and folder permissions, or open it for reading only)")
        return self._open_readonly()

    def _open_readonly(self) -> sqlite3.Connection:
        """``mode=ro`` first; where SQLite cannot even create its shared-memory file (a read-only
        folder or mount), ``immutable=1``, which reads the main file without any lock or side file."""
        location = quote(str(Path(self.path).resolve()))
        try:
            return self._open_checked(f"file:{location}?mode=ro", uri=True)
        except StoreError as exc:
            if not _is_readonly_failure(exc.__cause__):
                raise
        return self._open_checked(f"file:{location}?mode=ro&immutable=1", uri=True)

    def _open_writable(self, target: str, uri: bool) -> sqlite3.Connection:
        return self._open_checked(target, uri=uri, write=True)

    def _open_checked(self, target: str, uri: bool, write: bool = False) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(target, uri=uri, timeout=self.timeout, isolation_level=None,
                                 check_same_thread=False)
        except sqlite3.Error as exc:
            raise explain(exc, self.path, self.timeout) from exc
        try:
            db.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            n_tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if version not in (0, *OLD_VERSIONS, VERSION) or (version == 0 and n_tables):
                raise StoreError(f"{self.path} is an SQLite database but not a Communique store "
                                 f"(schema version {version}); pass another --db")
            if not write:
                if version == 0:
                    raise StoreError(f"{self.path} is empty: not a Communique store yet")
                if version != VERSION:
                    raise StoreError(f"{self.path} was written by an older Communique (schema {version}); "
                                     "open it once for writing (e.g. `communique ingest` of any file) to upgrade it")
            else:
                if self.path != ":memory:" and db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                    db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = NORMAL")
                if version != VERSION:
                    migrate(db, version)
            if self.path != ":memory:":
                check_intact(db, self.path)
            db.execute("PRAGMA foreign_keys = OFF")
            db.execute("PRAGMA cache_size = -65536")
            self.version = db.execute("PRAGMA user_version").fetchone()[0]
        except StoreError:
            db.close()
            raise
        except sqlite3.Error as exc:
            db.close()
            raise explain(exc, self.path, self.timeout) from exc
        return db

    def close(self) -> None:
        with self._lock:
            if self.db is not None:
                self.db.close()
                self.db = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.path!r}, readonly={self.readonly})"

    def _read(self, fn, *args, **kwargs):
        """Run a read query under the lock, turning sqlite errors into StoreError.

        Damage found by one query is remembered, so every later call refuses the
        store with the same message instead of answering from the intact pages.
        """
        with self._lock:
            if self.db is None:
                raise StoreError(f"{self.path}: the store is closed")
            if self._corrupt is not None:
                raise self._corrupt
            try:
                return fn(self.db, *args, **kwargs)
            except sqlite3.Error as exc:
                err = explain(exc, self.path, self.timeout)
                if _is_corruption(exc):
                    self._corrupt = err
                raise err from exc

    # ------------------------------------------------------------------ writing
    def known(self, doc_id: str, content_hash: str) -> bool:
        """Whether ``doc_id`` was stored from this very input (``input_hash``) or with this cleaned-text hash."""
        return bool(self._read(lambda db: db.execute(
            "SELECT 1 FROM sources WHERE source_id=? AND input_hash=? UNION ALL "
            "SELECT 1 FROM sources s JOIN documents d ON d.rowid = s.doc WHERE s.source_id=? AND d.content_hash=? "
            "LIMIT 1", (doc_id, content_hash, doc_id, content_hash)).fetchone()))

    def unseen(self, docs: Iterable[Document], on_skip: Optional[Callable[[Document], None]] = None
               ) -> Iterator[Document]:
        """The documents of ``docs`` not already stored from the same input; put this before extraction
        so a rerun over an unchanged corpus parses nothing."""
        for doc in docs:
            if not doc.error and self.known(doc.id, input_hash(doc)):
                if on_skip:
                    on_skip(doc)
                continue
            yield doc

    def ingest(self, docs: Iterable[Document], batch_size: int = 100,
               on_document: Optional[Callable[[Document, str], None]] = None,
               extract: Optional[Callable[[Iterable[Document]], Iterable[Document]]] = None) -> dict:
        """Store documents; one transaction per ``batch_size`` documents.

        Returns ``{"added", "duplicates", "errors", "events"}``. Idempotent: a
        document already stored (same id and text) counts as a duplicate. With
        ``extract`` (raw documents in, extracted documents out), documents stored
        before from the same input are counted as duplicates without being
        extracted. On a database failure the current batch is rolled back,
        earlier batches stay, and the :class:`StoreError` carries the counts so
        far as ``.stats``.
        """
        if self.readonly:
            raise StoreError(self._readonly_reason
                             or f"{self.path} was opened read-only; open it without readonly=True to ingest")
        stats = {"added": 0, "duplicates": 0, "errors": 0, "events": 0}
        if extract is not None:
            def skipped(doc: Document) -> None:
                stats["duplicates"] += 1
                if on_document:
                    on_document(doc, DUPLICATE)
            unseen = self.unseen(docs, skipped)
            first = next(unseen, None)           # nothing new: the extractor (and its model) never starts
            docs = extract(itertools.chain([first], unseen)) if first is not None else iter(())
        batch: list[Document] = []
        try:
            for doc in docs:
                batch.append(doc)
                if len(batch) >= batch_size:
                    self._ingest_batch(batch, stats, on_document)
                    batch = []
            if batch:
                self._ingest_batch(batch, stats, on_document)
        except StoreError as exc:
            exc.stats = stats
            raise
        return stats

    def _ingest_batch(self, batch: list[Document], stats: dict, on_document) -> None:
        from communique.store.writer import ADDED, ERROR, Writer

        counts = dict.fromkeys(stats, 0)
        outcomes = []
        key = {ADDED: "added", DUPLICATE: "duplicates", ERROR: "errors"}
        with self._lock:
            if self.db is None:
                raise StoreError(f"{self.path}: the store is closed")
            writer = Writer(self.db, self.similarity)
            try:
                self.db.execute("BEGIN IMMEDIATE")
                for doc in batch:
                    self.db.execute("SAVEPOINT doc")
                    try:
                        outcome, n = writer.add(doc)
                    except sqlite3.Error:
                        raise
                    except Exception as exc:    # a bug or odd input in one document must not sink the batch
                        self.db.execute("ROLLBACK TO doc")
                        writer._error(doc.id, f"could not store: {type(exc).__name__}: {exc}", doc.source_path)
                        outcome, n = ERROR, 0
                    self.db.execute("RELEASE doc")
                    counts[key[outcome]] += 1
                    counts["events"] += n
                    outcomes.append((doc, outcome))
                self.db.execute("COMMIT")
            except BaseException as exc:
                if self.db.in_transaction:
                    try:
                        self.db.execute("ROLLBACK")
                    except sqlite3.Error:
                        pass
                if isinstance(exc, sqlite3.Error):
                    raise explain(exc, self.path, self.timeout) from exc
                raise
        for k, v in counts.items():
            stats[k] += v
        if on_document:
            for doc, outcome in outcomes:
                on_document(doc, outcome)

    # ------------------------------------------------------------------ documents
    def count_documents(self) -> int:
        return self._read(lambda db: db.execute("SELECT count(*) FROM documents").fetchone()[0])

    def count_errors(self) -> int:
        return self._read(lambda db: db.execute("SELECT count(*) FROM errors").fetchone()[0])

    def errors(self, limit: int = 50, offset: int = 0) -> list[dict]:
        """Documents that could not be read or stored, with the reason."""
        return self._read(queries.errors, limit, offset)

    def documents(self, limit: int = 50, offset: int = 0) -> list[dict]:
        return self._read(queries.documents, limit, offset)

    def document(self, doc_id: str) -> Optional[dict]:
        return self._read(queries.document, doc_id)

    def search(self, q: str, limit: int = 20, offset: int = 0, mark: tuple[str, str] = ("[", "]")) -> list[dict]:
        """Full-text search (FTS5 syntax; plain words are ANDed). ``snippet`` is plain text, not HTML."""
        return self._read(queries.search, q, limit, offset, mark)

    # ------------------------------------------------------------------ events
    def events(self, actor: Optional[str] = None, country: Optional[list[str]] = None, type: Optional[str] = None,
               status: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
               limit: Optional[int] = 100, offset: int = 0) -> list[dict]:
        """Canonical events, newest first. ``country``: any of these countries is a side."""
        f = queries.EventFilter(actor, _countries(country), type, status, since, until)
        return self._read(queries.events, f, limit, offset)

    def count_events(self, actor=None, country=None, type=None, status=None, since=None, until=None,
                     cap: Optional[int] = None) -> int:
        """How many events match. With ``cap``, counting stops after ``cap + 1``: a result above ``cap``
        means "more than cap" (show "10,000+"), and the count costs at most that many index entries."""
        f = queries.EventFilter(actor, _countries(country), type, status, since, until)
        return self._read(queries.count_events, f, cap)

    def iter_events(self, chunk: int = 1000, **filters) -> Iterator[dict]:
        """Every matching event (for exports), fetched ``chunk`` at a time."""
        country = filters.pop("country", None)
        f = queries.EventFilter(country=_countries(country), **filters)
        rowids = self._read(queries.event_rowids, f, None, 0)
        for i in range(0, len(rowids), chunk):
            yield from self._read(queries.events_by_rowid, rowids[i:i + chunk])

    def event(self, event_id: str) -> Optional[dict]:
        return self._read(queries.event, event_id)

    def timeline(self, a: str, b: str, limit: int = 1000) -> list[dict]:
        """Events with countries ``a`` and ``b`` on opposite sides, oldest first."""
        return self._read(queries.timeline, a.upper(), b.upper(), limit)

    # ------------------------------------------------------------------ actors
    def actors(self, query: Optional[str] = None, limit: int = 50, offset: int = 0) -> list[dict]:
        """Canonical actors, most mentioned first; ``query`` searches names, aliases, roles and countries."""
        return self._read(queries.actors, query, limit, offset)

    def actor(self, actor_id: str) -> Optional[dict]:
        return self._read(queries.actor, actor_id)


def _countries(country) -> Optional[list[str]]:
    if not country:
        return None
    if isinstance(country, str):
        country = [country]
    return [c.upper() for c in country]


def _is_readonly_failure(exc: Optional[BaseException]) -> bool:
    """SQLite could not write (or create its side files) where it needed to."""
    msg = str(exc or "").lower()
    return isinstance(exc, sqlite3.Error) and ("readonly" in msg or "read-only" in msg or "unable to open" in msg)


def _is_corruption(exc: BaseException) -> bool:
    msg = str(exc).lower()
    return "malformed" in msg or "not a database" in msg or "corrupt" in msg


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)
