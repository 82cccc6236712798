"""Minimal cleaner; extended by the cleaning work."""
from __future__ import annotations

from communique.model import Document


def clean_document(doc: Document) -> Document:
    if doc.text:
        return doc
    doc.text = (doc.raw_text or "").strip()
    return doc
