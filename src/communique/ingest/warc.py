"""WARC archives (plain or gzipped): one document per archived HTML response."""
from __future__ import annotations

from typing import BinaryIO, Iterator, Optional

from communique.model import Document, error_document


def read_warc(stream: BinaryIO, stem: str, published: Optional[str] = None,
              source_path: Optional[str] = None) -> Iterator[Document]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from communique.ingest.decode import NotText, decode_bytes
    from communique.ingest.html import declared_charset, html_document

    n = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            if "html" not in ctype:
                continue
            n += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            doc_id = f"{stem}:{n}"
            try:
                data = record.content_stream().read()
                header_charset = ctype.split("charset=")[-1].strip() if "charset=" in ctype else None
                html, _ = decode_bytes(data, header_charset or declared_charset(data))
            except NotText as exc:
                yield error_document(doc_id, f"{url}: {exc}", source_path)
                continue
            except Exception as exc:  # a truncated record must not end the archive
                yield error_document(doc_id, f"{url}: unreadable WARC record: {exc}", source_path)
                continue
            doc = html_document(doc_id, html, published=published, url=url, source_path=source_path)
            doc.meta["format"] = "warc"
            yield doc
    except ArchiveLoadFailed as exc:
        yield error_document(f"{stem}:{n + 1}", f"not a readable WARC archive: {exc}", source_path)
        return
    if n == 0:
        yield error_document(stem, "WARC archive holds no HTML responses", source_path)
