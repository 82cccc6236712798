"""HTML pages: article body and metadata with trafilatura.

The page's own metadata (headline, date, site name, canonical URL) beats any
default given on the command line, so it is read here, once, at ingest; the
``clean`` stage then only tidies the extracted text.
"""
from __future__ import annotations

import logging
import re
from typing import Optional

from communique.ingest.dates import normalize_day
from communique.model import Document

log = logging.getLogger(__name__)

#: A page longer than this is not parsed: the HTML tree of a page costs many times its size in memory,
#: and no news article needs more (typical pages are well under 2 MB).
MAX_HTML_CHARS = 16 * 1024 * 1024

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|article|div|p)\b", re.I | re.S)


def declared_charset(data: bytes) -> Optional[str]:
    """The charset a page declares in its first kilobytes, if any."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "ignore") if m else None


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:2048]))


def html_document(doc_id: str, html: str, published: Optional[str] = None, url: Optional[str] = None,
                  source_path: Optional[str] = None) -> Document:
    """A document whose ``raw_text`` is the page's main text; an error document when none is found."""
    import trafilatura

    doc = Document(id=doc_id, html=html, url=url, source_path=source_path)
    if len(html) > MAX_HTML_CHARS:
        doc.error = (f"HTML page too large to parse ({len(html)} characters; limit {MAX_HTML_CHARS}): "
                     "save the article alone or give its text")
        doc.html = None
        return doc
    try:
        result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                             include_tables=True)
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        log.debug("trafilatura failed on %s", doc_id, exc_info=True)
        doc.error = f"HTML could not be parsed: {type(exc).__name__}: {exc}"
        return doc
    if result is None:
        doc.error = "no article text found in the HTML page"
        return doc
    meta = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    doc.raw_text = meta.get("text") or ""
    doc.title = (meta.get("title") or "").strip() or None
    doc.outlet = meta.get("sitename") or meta.get("hostname") or None
    doc.url = url or meta.get("url") or None
    doc.published = normalize_day(meta.get("date")) or published
    doc.meta["format"] = "html"
    if meta.get("author"):
        doc.meta["author"] = meta["author"]
    if not doc.raw_text.strip():
        doc.error = "no article text found in the HTML page"
    return doc
