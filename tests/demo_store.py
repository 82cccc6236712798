"""The bundled demo stories, extracted once per test session by the real pipeline, and stores built from them."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def extracted() -> tuple:
    """The demo stories through the real pipeline (spaCy, no stand-ins); cached for the session."""
    from communique.cli.demo import stories_path
    from communique.engines.sources import read_sources
    from communique.pipeline import Extractor

    return tuple(Extractor().pipe(read_sources([str(stories_path())])))


def build(path: Path) -> Path:
    from communique.model import Document
    from communique.store import Store

    docs = [Document.from_dict(d.to_dict()) for d in extracted()]
    with Store(str(path)) as store:
        store.ingest(docs)
    return path
