"""What a document looked like when it was read, hashed: the key that lets a rerun skip it unparsed.

The content hash the store keys documents by is taken on the *cleaned* text,
which only exists after cleaning; the input hash is taken on what the reader
produced (raw text or HTML, title, day), so an unchanged input is recognised
before any cleaning or parsing runs.
"""
from __future__ import annotations

import hashlib

from communique.model import Document

META_KEY = "input_hash"


def input_hash(doc: Document) -> str:
    """SHA-1 of the document as read; remembered in ``doc.meta`` so extraction cannot change it."""
    known = doc.meta.get(META_KEY) if doc.meta else None
    if known:
        return known
    parts = (doc.raw_text or "", doc.html or "", doc.text or "", doc.title or "", doc.published or "")
    digest = hashlib.sha1("\0".join(parts).encode("utf-8", errors="surrogatepass")).hexdigest()
    doc.meta[META_KEY] = digest
    return digest
