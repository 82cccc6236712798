"""One exception type for every store failure, with a message a person can act on."""
from __future__ import annotations


class StoreError(Exception):
    """Raised for any database problem; ``str(exc)`` is meant to be shown to the user as is."""


def explain(exc: BaseException, path: str, timeout: float = 0.0) -> StoreError:
    """Turn an ``sqlite3`` error into a :class:`StoreError` that says what to do."""
    msg = str(exc).lower()
    if "file is not a database" in msg or "malformed" in msg or "not a database" in msg:
        text = f"{path} is not a Communique database (or it is corrupt); move it aside or pass another --db"
    elif "locked" in msg or "busy" in msg:
        text = (f"{path} is locked by another writer (waited {timeout:g}s); "
                "wait for the other ingest to finish and retry")
    elif "readonly" in msg or "read-only" in msg:
        text = f"{path} is read-only: cannot write to it (check file permissions, or open it for reading only)"
    elif "full" in msg:
        text = f"{path}: database or disk is full; the current batch was rolled back, earlier batches are kept"
    elif "unable to open" in msg:
        text = f"cannot open {path}: the file or its folder is missing or not accessible"
    else:
        text = f"{path}: {exc}"
    err = StoreError(text)
    err.__cause__ = exc
    return err
