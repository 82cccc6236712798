"""Feeds and URL lists against a local HTTP server: links fetched, content used, network errors as records."""
from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from communique.engines.sources import read_sources
from communique.ingest import read_paths

PAGE = """<html><head><title>Harbour deal | Coast Herald</title></head><body>
<div class="menu"><a href="/">Home</a></div><article><h1>Ports agree on shared customs checks</h1>
<p>The port authorities of Estonia and Finland agreed on Monday to run joint customs checks on ferries
crossing the Gulf of Finland, cutting waiting times for lorries at both ends of the route.</p>
<p>Officials said the first joint inspections would start in Tallinn in May and extend to Helsinki by the
autumn, once the two customs services have shared their risk databases.</p>
<p>"Freight should not wait twice for the same check," a spokeswoman for the Finnish customs service said.</p>
</article></body></html>"""

LONG_CONTENT = ("<p>" + "The parliament of Chile approved a new fisheries law on Thursday after a long debate. " * 6
                + "</p><p>Fishermen in the south welcomed the vote, while industrial fleets said they would appeal.</p>")


def rss(base: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Coast Herald</title><link>{base}/</link><description>News</description>
<item><title>Ports agree on shared customs checks</title><link>{base}/ports.html</link>
  <description>Joint checks on Gulf ferries.</description><pubDate>Mon, 03 Mar 2025 09:00:00 GMT</pubDate>
  <guid>ports-1</guid></item>
<item><title>Chile passes fisheries law</title><link>{base}/chile.html</link>
  <content:encoded><![CDATA[{LONG_CONTENT}]]></content:encoded>
  <pubDate>Thu, 06 Mar 2025 18:00:00 GMT</pubDate></item>
<item><title>A story that was taken down</title><link>{base}/gone.html</link>
  <description>Removed.</description></item>
</channel></rss>"""


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's naming
        base = f"http://{self.server.server_address[0]}:{self.server.server_address[1]}"
        routes = {
            "/ports.html": ("text/html; charset=utf-8", PAGE),
            "/feed.xml": ("application/rss+xml", rss(base)),
            "/feed-as-text": ("text/plain", rss(base)),  # a server that mislabels its feed
            "/notes.txt": ("text/plain; charset=utf-8", "Plain notes: the summit in Lima was postponed to June."),
        }
        if self.path == "/chile.html":
            self.send_error(500, "must not be fetched: the entry has full content")
            return
        if self.path not in routes:
            self.send_error(404)
            return
        ctype, body = routes[self.path]
        data = body.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def closed_port_url() -> str:
    """A URL on a port nobody listens on (connection refused)."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return f"http://127.0.0.1:{port}/x.html"


def _check_feed_entries(docs, base):
    assert len(docs) == 3
    ports, chile, gone = docs
    assert ports.error is None
    assert "joint customs checks" in ports.raw_text and "Home" not in ports.raw_text
    assert ports.title == "Ports agree on shared customs checks"
    assert ports.published == "2025-03-03" and ports.url == f"{base}/ports.html"
    assert ports.outlet == "Coast Herald" and ports.meta["entry_id"] == "ports-1"
    assert chile.error is None and "fisheries law" in chile.raw_text and chile.published == "2025-03-06"
    assert gone.error and "404" in gone.error


def test_feed_url_fetches_links_and_uses_full_content(server):
    docs = list(read_sources([f"feed:{server}/feed.xml"]))
    _check_feed_entries(docs, server)


def test_a_bare_url_is_read_as_a_feed_when_the_body_is_one(server):
    docs = list(read_sources([f"{server}/feed-as-text"]))
    _check_feed_entries(docs, server)


def test_local_feed_file_with_feed_prefix_fetches_links(server, tmp_path):
    path = tmp_path / "herald.rss"
    path.write_text(rss(server), encoding="utf-8")
    docs = list(read_sources([f"feed:{path}"]))
    _check_feed_entries(docs, server)


def test_local_feed_file_without_prefix_stays_offline(server, tmp_path):
    path = tmp_path / "herald.rss"
    path.write_text(rss(server), encoding="utf-8")
    docs = list(read_paths([str(path)]))
    assert [d.raw_text[:22] for d in docs] == ["Joint checks on Gulf f", "The parliament of Chil", "Removed."]


def test_url_list_reads_pages_and_turns_failures_into_records(server, tmp_path):
    refused = closed_port_url()
    urls = tmp_path / "today.urls"
    urls.write_text(f"# morning list\n{server}/ports.html\n\n{server}/notes.txt\n{refused}\nnot a url\n"
                    f"{server}/missing.html\n", encoding="utf-8")
    for arg in (str(urls), f"urls:{urls}"):
        docs = list(read_sources([arg], published="2025-03-10"))
        assert len(docs) == 5
        page, notes, down, bad, missing = docs
        assert page.error is None and "Gulf of Finland" in page.raw_text and page.url == f"{server}/ports.html"
        assert notes.error is None and notes.raw_text.startswith("Plain notes") and notes.published == "2025-03-10"
        assert "cannot fetch" in down.error and "ConnectError" in down.error
        assert "not an http(s) URL" in bad.error
        assert "404" in missing.error
        assert len({d.id for d in docs}) == 5


def test_cli_extracts_a_feed_and_exits_1_for_the_failed_entry(server, tmp_path):
    import json

    from typer.testing import CliRunner

    from communique.cli import app

    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", f"feed:{server}/feed.xml", "-o", str(out), "-q"])
    assert result.exit_code == 1
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [("error" in r) for r in recs] == [False, False, True]
    assert recs[0]["language"] == "en" and "Tallinn" in recs[0]["text"]
