"""RSS/Atom feeds and lists of URLs: one document per entry or page.

A feed entry usually carries only a teaser; the article is behind its link.
When a :class:`Fetcher` is given (feeds and URL lists named on the command
line, see ``docs/scale.md``), an entry without full ``content`` has its link
fetched and read through the same HTML path as a saved page. Without one (a
``.rss`` file read offline) the entry's own content or summary is used.

Every network failure (refused connection, timeout, HTTP 4xx/5xx, a body that
is not text) becomes an error record for that URL; the batch goes on.
"""
from __future__ import annotations

import hashlib
from typing import Iterable, Iterator, Optional
from urllib.parse import urlsplit

from communique.ingest.dates import normalize_day
from communique.model import Document, error_document

#: An entry whose ``content`` is at least this long is taken as the full article (no fetch).
FULL_CONTENT_CHARS = 400


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


# ----------------------------------------------------------------------
# Fetching
class FetchError(RuntimeError):
    """A URL could not be fetched; the message is fit for an error record."""


class Fetcher:
    """One pooled HTTP client for a batch: timeouts, redirects and a size cap, no retries storm."""

    def __init__(self, timeout: float = 20.0, max_bytes: int = 20 * 1024 * 1024,
                 user_agent: str = "Communique/0.1 (+news research)"):
        import httpx

        self.max_bytes = max_bytes
        self.client = httpx.Client(timeout=timeout, follow_redirects=True, headers={"User-Agent": user_agent})

    def get(self, url: str) -> tuple[bytes, str, str]:
        """``(body, content_type, final_url)``; raises :class:`FetchError`."""
        import httpx

        try:
            with self.client.stream("GET", url) as resp:
                if resp.status_code >= 400:
                    raise FetchError(f"HTTP {resp.status_code} for {url}")
                chunks, size = [], 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise FetchError(f"{url}: response larger than {self.max_bytes} bytes")
                    chunks.append(chunk)
                return b"".join(chunks), resp.headers.get("content-type", ""), str(resp.url)
        except httpx.HTTPError as exc:
            raise FetchError(f"cannot fetch {url}: {type(exc).__name__}: {exc}") from exc
        except ValueError as exc:  # httpx rejects malformed URLs with ValueError subclasses too
            raise FetchError(f"cannot fetch {url}: {exc}") from exc

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def url_id(url: str) -> str:
    """A stable id for a fetched page: its host and a short hash of the full URL."""
    host = urlsplit(url).hostname or "url"
    return f"{host}:{hashlib.sha1(url.encode('utf-8')).hexdigest()[:12]}"


def looks_like_feed(body: bytes, content_type: str = "") -> bool:
    ct = content_type.lower()
    if "rss" in ct or "atom" in ct:
        return True
    head = body[:1024].lstrip().lower()
    return head.startswith(b"<rss") or head.startswith(b"<feed") or (
        head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head))


def page_document(body: bytes, content_type: str, url: str, doc_id: str, published: Optional[str] = None,
                  source_path: Optional[str] = None) -> Document:
    """A fetched HTML (or plain-text) page as a document, through the same path as a saved page."""
    from communique.ingest.decode import NotText, decode_bytes
    from communique.ingest.html import declared_charset, html_document

    charset = content_type.split("charset=")[-1].strip(" ;\"'") if "charset=" in content_type.lower() else None
    try:
        text, _ = decode_bytes(body, charset or declared_charset(body))
    except NotText as exc:
        return error_document(doc_id, f"{url}: {exc}", source_path)
    if "text/plain" in content_type.lower():
        doc = Document(id=doc_id, raw_text=text, url=url, published=published, source_path=source_path)
    else:
        doc = html_document(doc_id, text, published=published, url=url, source_path=source_path)
    doc.meta["format"] = "web"
    return doc


def read_url(url: str, fetcher: Fetcher, published: Optional[str] = None,
             source_path: Optional[str] = None) -> Iterator[Document]:
    """One URL: a feed gives one document per entry, any other page one document."""
    try:
        body, ctype, final = fetcher.get(url)
    except FetchError as exc:
        yield error_document(url_id(url), str(exc), source_path or url)
        return
    if looks_like_feed(body, ctype):
        yield from read_feed(body, url_id(url), published, source_path or url, fetch=fetcher)
    else:
        yield page_document(body, ctype, final or url, url_id(url), published, source_path or url)


def read_url_list(lines: Iterable[str], fetcher: Fetcher, published: Optional[str] = None,
                  source_path: Optional[str] = None) -> Iterator[Document]:
    """A list of URLs, one a line; blank lines and ``#`` comments skipped, anything else not http(s) an error."""
    for n, line in enumerate(lines, 1):
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        if not url.lower().startswith(("http://", "https://")):
            yield error_document(f"{source_path or 'urls'}:{n}", f"line {n} is not an http(s) URL: {url[:200]!r}",
                                 source_path)
            continue
        yield from read_url(url, fetcher, published, source_path)


# ----------------------------------------------------------------------
# Feeds
def read_feed(data: bytes, stem: str, published: Optional[str] = None,
              source_path: Optional[str] = None, fetch: Optional[Fetcher] = None) -> Iterator[Document]:
    """One document per entry; with ``fetch``, entries without full content are read from their link."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        why = getattr(parsed, "bozo_exception", None)
        yield error_document(stem, f"feed has no entries{f': {why}' if why else ''}", source_path)
        return
    outlet = parsed.feed.get("title") if parsed.get("feed") else None
    for n, entry in enumerate(parsed.entries, 1):
        link = entry.get("link")
        doc_id = url_id(link) if (fetch is not None and link) else f"{stem}:{n}"
        day = None
        for key in ("published", "updated", "created"):
            day = normalize_day(entry.get(key))
            if day:
                break
        content = entry.get("content") or []
        full = content[0].get("value") if content else ""
        if fetch is not None and link and len(full) < FULL_CONTENT_CHARS:
            doc = _fetched_entry(link, fetch, doc_id, day, published, source_path)
        else:
            body = full or entry.get("summary") or ""
            text = html_fragment_text(body) if "<" in body else body
            if not text.strip():
                yield error_document(doc_id, "feed entry has no text", source_path)
                continue
            doc = Document(id=doc_id, raw_text=text, published=day or published, url=link,
                           source_path=source_path)
        if doc.error:
            yield doc
            continue
        doc.title = entry.get("title") or doc.title
        doc.outlet = outlet or doc.outlet
        doc.meta["format"] = "feed"
        if entry.get("id"):
            doc.meta["entry_id"] = entry.get("id")
        yield doc


def _fetched_entry(link: str, fetch: Fetcher, doc_id: str, day: Optional[str], published: Optional[str],
                   source_path: Optional[str]) -> Document:
    try:
        body, ctype, final = fetch.get(link)
    except FetchError as exc:
        return error_document(doc_id, str(exc), source_path)
    doc = page_document(body, ctype, final or link, doc_id, published, source_path)
    if day and not doc.error:
        doc.published = day  # the feed's date is the publisher's own word; the page's is second
    return doc
