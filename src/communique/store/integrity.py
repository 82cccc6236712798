"""A cheap check on open that the file is whole, so every read path refuses a damaged store alike.

A full ``PRAGMA quick_check`` reads the whole file (seconds on a large store),
too slow for every CLI call. Instead: the file must be as long as its header
says, and the first page of every table and index must read; damage there
would otherwise make some commands fail and others answer from intact pages.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from communique.store.errors import StoreError

CORRUPT = "{path} is not a Communique database (or it is corrupt); move it aside or pass another --db"


def corrupt_error(path: str) -> StoreError:
    return StoreError(CORRUPT.format(path=path))


def check_intact(db: sqlite3.Connection, path: str) -> None:
    """Raise the corruption :class:`StoreError` when the file is truncated or a table's first page is damaged."""
    try:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        try:
            size = Path(path).stat().st_size
        except OSError:
            size = None
        wal = Path(str(path) + "-wal")
        if size is not None and size < page_size * pages and not (wal.exists() and wal.stat().st_size):
            raise corrupt_error(path)
        for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table' AND sql NOT LIKE "
                                  "'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%'").fetchall():
            db.execute(f'SELECT * FROM "{name}" LIMIT 1').fetchall()
        for (name, table) in db.execute("SELECT name, tbl_name FROM sqlite_master WHERE type='index' "
                                        "AND sql IS NOT NULL").fetchall():
            _probe_index(db, name, table)
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError) and "malformed" not in str(exc).lower():
            raise
        err = corrupt_error(path)
        err.__cause__ = exc
        raise err from exc


def _probe_index(db: sqlite3.Connection, name: str, table: str) -> None:
    try:
        db.execute(f'SELECT 1 FROM "{table}" INDEXED BY "{name}" LIMIT 1').fetchall()
    except sqlite3.OperationalError as exc:
        if "no query solution" not in str(exc):
            raise
