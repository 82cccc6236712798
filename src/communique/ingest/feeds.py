"""RSS and Atom feeds: one document per entry, with the entry's own date and link."""
from __future__ import annotations

from typing import Iterator, Optional

from communique.ingest.dates import normalize_day
from communique.model import Document, error_document


def html_fragment_text(fragment: str) -> str:
    """Paragraph text of an HTML fragment (a feed entry's content), blocks separated by blank lines."""
    import lxml.html

    try:
        root = lxml.html.fromstring(f"<div>{fragment}</div>")
    except Exception:  # lxml raises ParserError on empty/odd input
        return fragment
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    blocks = []
    for el in root.iter("p", "h1", "h2", "h3", "h4", "li", "blockquote"):
        t = " ".join(el.text_content().split())
        if t:
            blocks.append(t)
    return "\n\n".join(blocks) if blocks else root.text_content().strip()


def read_feed(data: bytes, stem: str, published: Optional[str] = None,
              source_path: Optional[str] = None) -> Iterator[Document]:
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        why = getattr(parsed, "bozo_exception", None)
        yield error_document(stem, f"feed has no entries{f': {why}' if why else ''}", source_path)
        return
    outlet = parsed.feed.get("title") if parsed.get("feed") else None
    for n, entry in enumerate(parsed.entries, 1):
        content = entry.get("content") or []
        body = content[0].get("value") if content else entry.get("summary") or ""
        text = html_fragment_text(body) if "<" in body else body
        day = None
        for key in ("published", "updated", "created"):
            day = normalize_day(entry.get(key))
            if day:
                break
        doc_id = f"{stem}:{n}"
        if not text.strip():
            yield error_document(doc_id, "feed entry has no text", source_path)
            continue
        yield Document(id=doc_id, raw_text=text, title=entry.get("title"), published=day or published,
                       url=entry.get("link"), outlet=outlet, source_path=source_path,
                       meta={"format": "feed", "entry_id": entry.get("id")} if entry.get("id") else {"format": "feed"})
