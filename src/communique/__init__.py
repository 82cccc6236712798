"""Communique: news pages in, an evidence-linked record of international relations out.

Quick use::

    import communique
    docs = communique.extract(["page.html"], published="2025-11-11")
"""
from communique.model import Actor, Document, Event, Quote, Side, Span  # noqa: F401

__version__ = "0.1.0"


def extract(paths, published=None, model=None, actors_dicts=(), event_mode="combined", event_model=None,
            min_confidence=0.0):
    """Read and extract every document under ``paths``; returns a list of :class:`Document`.

    ``actors_dicts``: PETRARCH/CAMEO or CSV actor dictionaries whose entries win over the bundled KB.
    ``event_mode``: "combined", "rules" or "model"; ``event_model``: a folder made by ``communique train``;
    ``min_confidence``: events below it are dropped."""
    from communique.events.options import EventOptions
    from communique.engines.sources import read_sources
    from communique.kb import use_dictionaries
    from communique.pipeline import Extractor

    use_dictionaries(actors_dicts)

    events = EventOptions(mode=event_mode, event_model=event_model, min_confidence=min_confidence)
    extractor = Extractor(model=model, events=events)
    return list(extractor.pipe(read_sources(paths, published=published)))


def open(path="communique.db", **kwargs):  # noqa: A001 - mirrors sqlite3/datasette style
    """Open (or create) an event store; see :mod:`communique.store`."""
    from communique.store import Store

    return Store(path, **kwargs)
