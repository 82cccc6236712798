"""WARC archives (plain or gzipped): one document per archived HTML response.

Crawls (Common Crawl News, a newsroom's own archive) hold requests, metadata,
redirects and images beside the pages; only successful HTML ``response``
records are articles. Each page goes through the same HTML path as a ``.html``
file, so a crawled page and a saved page give the same document.

The id is the record's ``WARC-Record-ID`` (the uuid, without ``<urn:uuid:>``)
so it is stable however the archive is split into shards; a record without
one gets a hash of its target URI.
"""
from __future__ import annotations

import hashlib
import logging
from typing import BinaryIO, Iterator, Optional

from communique.model import Document, error_document

log = logging.getLogger(__name__)


def record_id(rec_headers, url: Optional[str]) -> str:
    """``WARC-Record-ID`` without its ``<urn:uuid:...>`` wrapping, else a hash of the URI."""
    rid = (rec_headers.get_header("WARC-Record-ID") or "").strip().strip("<>")
    for prefix in ("urn:uuid:", "urn:"):
        if rid.startswith(prefix):
            rid = rid[len(prefix):]
            break
    if rid:
        return rid
    return "uri-" + hashlib.sha1((url or "").encode("utf-8")).hexdigest()[:16]


def _status(record) -> int:
    try:
        return int((record.http_headers.get_statuscode() or "200")[:3])
    except (TypeError, ValueError):
        return 200


def read_warc(stream: BinaryIO, stem: str, published: Optional[str] = None,
              source_path: Optional[str] = None) -> Iterator[Document]:
    """Documents from the 2xx HTML responses of a WARC stream; broken records become error records."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from communique.ingest.decode import NotText, decode_bytes
    from communique.ingest.html import declared_charset, html_document
    from communique.ingest.limits import read_capped

    n = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            if "html" not in ctype:
                continue
            status = _status(record)
            if not 200 <= status < 300:  # redirects and error pages are not articles
                log.debug("%s: skipping HTTP %d record", stem, status)
                continue
            n += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            doc_id = record_id(record.rec_headers, url)
            try:
                data = read_capped(record.content_stream(), what="WARC record")
                header_charset = ctype.split("charset=")[-1].strip(" ;\"'") if "charset=" in ctype else None
                html, _ = decode_bytes(data, header_charset or declared_charset(data))
            except NotText as exc:
                yield error_document(doc_id, f"{url}: {exc}", source_path)
                continue
            except Exception as exc:  # a truncated record must not end the archive
                yield error_document(doc_id, f"{url}: unreadable WARC record: {exc}", source_path)
                continue
            doc = html_document(doc_id, html, published=published, url=url, source_path=source_path)
            doc.meta["format"] = "warc"
            warc_date = record.rec_headers.get_header("WARC-Date")
            if warc_date:
                doc.meta["crawled"] = warc_date
            yield doc
    except ArchiveLoadFailed as exc:
        yield error_document(f"{stem}:{n + 1}", f"not a readable WARC archive: {exc}", source_path)
        return
    except Exception as exc:  # truncated gzip member, I/O error mid-archive
        yield error_document(f"{stem}:{n + 1}", f"WARC archive ends in a broken record: {exc}", source_path)
        return
    if n == 0:
        yield error_document(stem, "WARC archive holds no HTML responses", source_path)
