"""Opening the store for one request.

SQLite connections are not shared across threads, and FastAPI runs plain
endpoints in a thread pool, so each request opens its own (cheap) read-only
connection and closes it when the answer has been sent. Writes (the optional
ingest endpoint) go through one writer guarded by a lock.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Iterator

from fastapi import Request


class StoreAccess:
    def __init__(self, db_path: str | Path):
        self.db_path = str(db_path)
        self.write_lock = threading.Lock()

    def reader(self):
        from communique.store import Store

        return Store(self.db_path, readonly=True)

    def writer(self):
        from communique.store import Store

        return Store(self.db_path, readonly=False)


def get_store(request: Request) -> Iterator:
    """FastAPI dependency: a read-only Store for this request."""
    store = request.app.state.access.reader()
    try:
        yield store
    finally:
        store.close()
