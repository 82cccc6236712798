"""The corpus store: documents, sources, canonical actors and events in one SQLite file.

    from communique.store import Store
    store = Store("communique.db")
    store.ingest(docs)
    store.events(country=["KAZ"], type="VISIT")
"""
from communique.store.errors import StoreError  # noqa: F401
from communique.store.store import Store, default_path  # noqa: F401
