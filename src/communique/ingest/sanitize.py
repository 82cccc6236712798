"""Lone surrogates out of every string a document carries.

Why: JSON allows ``"\\ud800"`` and Linux file names may hold undecodable
bytes (``os.fsdecode`` turns them into surrogates), but no UTF-8 writer,
SQLite included, can store such a string, so one bad character would lose a
whole output file. They are replaced with U+FFFD as soon as a document is
read, and the count is kept in ``doc.meta["surrogates_replaced"]``.
"""
from __future__ import annotations

import re
from typing import Any

from communique.model import Document

_SURROGATE = re.compile("[\ud800-\udfff]")
_TEXT_FIELDS = ("id", "text", "title", "published", "url", "outlet", "language", "source_path", "raw_text",
                "html", "error")


def scrub(value: str) -> tuple[str, int]:
    """``value`` with every lone surrogate replaced by U+FFFD, and how many there were."""
    return _SURROGATE.subn("\ufffd", value)


def has_surrogates(value: str) -> bool:
    return _SURROGATE.search(value) is not None


def scrub_document(doc: Document) -> Document:
    """Replace lone surrogates in the document's fields and metadata (in place); count them in ``meta``."""
    total = 0
    for name in _TEXT_FIELDS:
        value = getattr(doc, name, None)
        if isinstance(value, str) and _SURROGATE.search(value):
            clean, n = scrub(value)
            setattr(doc, name, clean)
            total += n
    meta, n = scrub_value(doc.meta)
    if n:
        doc.meta = meta
        total += n
    if total:
        doc.meta["surrogates_replaced"] = doc.meta.get("surrogates_replaced", 0) + total
    return doc


def scrub_value(value: Any) -> tuple[Any, int]:
    """A JSON-like value (str, list, dict) with lone surrogates replaced, and the count."""
    if isinstance(value, str):
        return scrub(value) if _SURROGATE.search(value) else (value, 0)
    if isinstance(value, dict):
        total = 0
        out = {}
        for k, v in value.items():
            k2, n1 = scrub_value(k)
            v2, n2 = scrub_value(v)
            out[k2] = v2
            total += n1 + n2
        return (out, total) if total else (value, 0)
    if isinstance(value, list):
        items = [scrub_value(v) for v in value]
        total = sum(n for _, n in items)
        return ([v for v, _ in items], total) if total else (value, 0)
    return value, 0


def safe_line(line: str) -> str:
    """A line any UTF-8 writer accepts: lone surrogates replaced (the rare slow path)."""
    return _SURROGATE.sub("\ufffd", line)
