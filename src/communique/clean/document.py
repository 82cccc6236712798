"""The ``clean`` stage over a :class:`Document`: ``raw_text`` in, ``title`` and ``text`` out."""
from __future__ import annotations

from communique.clean.scraped import clean_scraped_text
from communique.model import Document

#: Formats whose text an HTML extractor already cut out of the page: only headline repeats and
#: chrome lines are removed, never the edges.
EXTRACTED_FORMATS = {"html", "warc", "feed"}


def clean_document(doc: Document) -> Document:
    """Set ``doc.title`` and ``doc.text``; a document that already has ``text`` is left alone."""
    if doc.text:
        return doc
    result = clean_scraped_text(doc.raw_text or "", title=doc.title,
                                trim_edges=doc.meta.get("format") not in EXTRACTED_FORMATS)
    doc.text = result.text
    doc.title = result.title
    removed = {k: v for k, v in result.removed.items() if v}
    if removed:
        doc.meta["cleaning_removed"] = removed
    return doc
