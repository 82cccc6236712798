"""WARC archives: HTML 200 responses become documents, everything else is skipped, damage is an error record."""
from __future__ import annotations

import gzip
import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from communique.ingest import read_paths
from communique.ingest.warc import read_warc

ARTICLE = """<!DOCTYPE html><html><head><title>Ministers agree on river water sharing</title>
<meta property="og:site_name" content="The Steppe Courier"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ministers agree on river water sharing</h1>
<p>ALMATY, March 4 &mdash; The water ministers of Kazakhstan and Uzbekistan agreed on Tuesday to share the
flow of the Syr Darya river more evenly during the summer irrigation season, officials said.</p>
<p>The agreement, signed after two days of talks in Almaty, sets monthly quotas and a joint commission that
will meet every spring to review them. "This is a fair deal for farmers on both banks," one minister said.</p>
<p>Previous arrangements had broken down during dry years, leaving fields downstream without water and
prompting protests in several districts along the river.</p>
</article><footer>Copyright The Steppe Courier</footer></body></html>"""

RECORD_ID = "urn:uuid:8d3f2a6e-1b2c-4d5e-9f00-112233445566"


def _response(writer, url, body: bytes, ctype="text/html; charset=utf-8", status="200 OK", record_id=None):
    headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    warc_headers = {"WARC-Record-ID": f"<{record_id}>"} if record_id else None
    rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                    warc_headers_dict=warc_headers)
    writer.write_record(rec)


def make_warc(gz: bool = True) -> bytes:
    """An archive as a crawler writes it: a request, the article, an image, a redirect and a 404 page."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    writer.write_record(writer.create_warc_record("https://courier.example/world/water", "request",
                                                  payload=io.BytesIO(b"GET /world/water HTTP/1.1\r\n\r\n")))
    _response(writer, "https://courier.example/world/water", ARTICLE.encode("utf-8"), record_id=RECORD_ID)
    _response(writer, "https://courier.example/logo.png", b"\x89PNG\r\n\x1a\n....", ctype="image/png")
    _response(writer, "https://courier.example/old", b"<html>moved</html>", status="301 Moved Permanently")
    _response(writer, "https://courier.example/gone", b"<html><p>Not found</p></html>", status="404 Not Found")
    return buf.getvalue()


def test_only_the_html_200_response_becomes_a_document():
    docs = list(read_warc(io.BytesIO(make_warc()), "crawl", source_path="crawl.warc.gz"))
    assert len(docs) == 1
    doc = docs[0]
    assert doc.error is None
    assert doc.id == "8d3f2a6e-1b2c-4d5e-9f00-112233445566"
    assert doc.url == "https://courier.example/world/water"
    assert "Syr Darya" in doc.raw_text and "Home" not in doc.raw_text
    assert doc.meta["format"] == "warc" and doc.meta.get("crawled")


def test_read_paths_dispatches_plain_and_gzipped_warc_files(tmp_path):
    (tmp_path / "a.warc.gz").write_bytes(make_warc(gz=True))
    (tmp_path / "b.warc").write_bytes(make_warc(gz=False))
    docs = list(read_paths([str(tmp_path / "a.warc.gz"), str(tmp_path / "b.warc")]))
    assert [d.error for d in docs] == [None, None]
    assert all("joint commission" in d.raw_text for d in docs)
    assert docs[0].id != docs[1].id  # same record in two archives: the second gets a distinct id


def test_a_record_without_an_id_gets_a_hash_of_its_uri():
    from communique.ingest.warc import record_id

    class Headers:
        def get_header(self, name):
            return None

    assert record_id(Headers(), "https://x.example/a") == record_id(Headers(), "https://x.example/a")
    assert record_id(Headers(), "https://x.example/a") != record_id(Headers(), "https://x.example/b")


def test_a_truncated_archive_keeps_what_it_read_and_adds_an_error_record():
    whole = make_warc(gz=False)
    cut = whole[: whole.index(b"image/png") + 20]  # ends inside the image record
    docs = list(read_warc(io.BytesIO(cut + b"WARC/1.0\r\ngarbage"), "crawl"))
    assert len(docs) == 2
    assert docs[0].error is None and "Syr Darya" in docs[0].raw_text
    assert "not a readable WARC archive" in docs[1].error


def test_not_a_warc_is_an_error_record_not_a_traceback():
    docs = list(read_warc(io.BytesIO(b"this is not an archive at all"), "junk"))
    assert len(docs) == 1 and docs[0].error


def test_an_archive_without_pages_says_so():
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    _response(writer, "https://courier.example/logo.png", b"\x89PNG....", ctype="image/png")
    docs = list(read_warc(io.BytesIO(buf.getvalue()), "images"))
    assert len(docs) == 1 and "no HTML responses" in docs[0].error
