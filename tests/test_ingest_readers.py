"""Readers: every input becomes documents or error records, never an exception."""
from __future__ import annotations

import gzip
import io
import json
import sys

import pytest
from hypothesis import given, settings, strategies as st

from communique.ingest import read_bytes, read_path, read_paths
from communique.ingest.dates import normalize_day

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Ministers meet in Lisbon | Daily Courier</title>
<meta property="og:title" content="Ministers meet in Lisbon">
<meta property="article:published_time" content="2024-03-05T09:00:00Z">
<meta property="og:site_name" content="Daily Courier">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ministers meet in Lisbon</h1>
<p>The foreign ministers of Portugal and Chile met in Lisbon on Tuesday to discuss trade and fisheries.</p>
<p>They agreed to set up a joint commission that will meet twice a year, officials said after the talks.</p>
<p>The Chilean minister also laid a wreath at a monument in the old town before flying on to Madrid.</p>
</article><footer>Copyright Daily Courier. All rights reserved.</footer></body></html>"""


def test_text_file_keeps_text_and_uses_stem_as_id(tmp_path):
    (tmp_path / "story-1.txt").write_text("Leaders met in Oslo.\n", encoding="utf-8")
    [doc] = read_path(tmp_path / "story-1.txt", published="2024-01-02")
    assert (doc.id, doc.raw_text, doc.published, doc.error) == ("story-1", "Leaders met in Oslo.\n", "2024-01-02", None)


def test_legacy_encodings_and_boms_are_decoded(tmp_path):
    (tmp_path / "ru.txt").write_bytes("Министр прибыл в Москву с официальным визитом сегодня утром.".encode("cp1251"))
    (tmp_path / "u16.txt").write_bytes("Ministre arrivé à Paris.".encode("utf-16"))
    ru, u16 = read_paths([tmp_path / "ru.txt", tmp_path / "u16.txt"])
    assert ru.raw_text.startswith("Министр прибыл") and ru.meta["encoding"] != "utf-8"
    assert u16.raw_text == "Ministre arrivé à Paris."


@pytest.mark.parametrize("payload, word", [(b"%PDF-1.7\n...", "PDF"), (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
                                           (b"abc\x00\x01\x02def", "binary")])
def test_binary_files_become_error_records(tmp_path, payload, word):
    (tmp_path / "thing.txt").write_bytes(payload)
    [doc] = read_path(tmp_path / "thing.txt")
    assert doc.error and word in doc.error and doc.source_path.endswith("thing.txt")


def test_gzip_files_are_read_and_named_without_suffixes(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress("Talks were held in Rome.".encode()))
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "bad.txt.gz").write_bytes(b"\x1f\x8b\x08garbage")
    a, b, bad = read_paths([tmp_path / "a.txt.gz", tmp_path / "b.html.gz", tmp_path / "bad.txt.gz"])
    assert (a.id, a.raw_text) == ("a", "Talks were held in Rome.")
    assert b.id == "b" and "joint commission" in b.raw_text
    assert bad.id == "bad" and "gzip" in bad.error


def test_directories_are_read_recursively_in_order_skipping_hidden_and_unknown(tmp_path):
    (tmp_path / "z.txt").write_text("Zeta story text.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Alpha story text.")
    (tmp_path / ".hidden.txt").write_text("secret")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    assert [d.id for d in read_path(tmp_path)] == ["a", "z"]


def test_empty_directory_and_missing_path_give_error_records(tmp_path):
    (tmp_path / "empty").mkdir()
    empty, missing = read_paths([tmp_path / "empty", tmp_path / "nope.txt"])
    assert "no readable documents" in empty.error
    assert missing.id == "nope" and "no such file" in missing.error


def test_jsonl_records_aliases_dates_and_broken_lines(tmp_path):
    lines = [
        json.dumps({"id": "r1", "text": "One.", "title": "T1", "published": "2024-05-06T10:00:00+02:00",
                    "outlet": "Wire", "url": "https://example.org/1", "gold": {"type": "MEET"}}),
        "",
        "{not json",
        json.dumps({"body": "Two.", "headline": "T2", "date": "Tue, 07 May 2024 08:00:00 GMT"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "r5", "title": "no text"}),
        json.dumps({"id": "r6", "text": "Six.", "published": "someday"}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    docs = read_path(tmp_path / "feed.jsonl", published="2000-01-01")
    assert [d.id for d in docs] == ["r1", "feed:3", "feed:4", "feed:5", "r5", "r6"]
    r1, broken, r4, listed, empty, r6 = docs
    assert (r1.raw_text, r1.title, r1.published, r1.outlet, r1.url) == ("One.", "T1", "2024-05-06", "Wire",
                                                                         "https://example.org/1")
    assert "line 3 is not valid JSON" in broken.error
    assert (r4.raw_text, r4.title, r4.published) == ("Two.", "T2", "2024-05-07")
    assert "not an object" in listed.error and "no text" in empty.error
    assert r6.published == "2000-01-01" and r6.meta["published_unreadable"] == "someday"


def test_json_array_and_html_record(tmp_path):
    recs = [{"id": "x", "text": "Plain."}, {"id": "y", "html": PAGE}]
    (tmp_path / "batch.json").write_text(json.dumps(recs))
    x, y = read_path(tmp_path / "batch.json")
    assert x.raw_text == "Plain." and "joint commission" in y.raw_text and y.title == "Ministers meet in Lisbon"


def test_html_page_metadata_and_body(tmp_path):
    (tmp_path / "lisbon.html").write_text(PAGE, encoding="utf-8")
    [doc] = read_path(tmp_path / "lisbon.html", published="1999-09-09")
    assert doc.title == "Ministers meet in Lisbon"
    assert doc.published == "2024-03-05"     # the page's own date beats the fallback
    assert doc.outlet == "Daily Courier"
    assert "joint commission" in doc.raw_text and "All rights reserved" not in doc.raw_text
    assert doc.html and doc.meta["format"] == "html"


def test_html_without_article_is_an_error_record(tmp_path):
    (tmp_path / "blank.html").write_text("<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>")
    [doc] = read_path(tmp_path / "blank.html")
    assert doc.error and "no article text" in doc.error


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))


def test_stdin_json_lines_are_streamed(monkeypatch):
    _stdin(monkeypatch, (json.dumps({"id": "s1", "text": "From a pipe."}) + "\n{broken\n").encode())
    s1, broken = read_paths(["-"])
    assert (s1.id, s1.raw_text, s1.source_path) == ("s1", "From a pipe.", "-")
    assert broken.id == "stdin:2" and "not valid JSON" in broken.error


def test_stdin_html_and_text_are_sniffed(monkeypatch):
    _stdin(monkeypatch, PAGE.encode())
    [page] = read_paths(["-"])
    assert page.id == "stdin" and page.title == "Ministers meet in Lisbon"
    _stdin(monkeypatch, "Just a sentence about talks.".encode())
    [text] = read_paths(["-"])
    assert text.raw_text == "Just a sentence about talks."


def test_the_same_stem_twice_gets_distinct_ids(tmp_path):
    for d in ("one", "two"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "story.txt").write_text(f"Story from {d}.")
    docs = read_path(tmp_path)
    assert [d.id for d in docs] == ["story", "story~2"] and docs[1].meta["original_id"] == "story"


@pytest.mark.parametrize("value, day", [("2024-02-29", "2024-02-29"), ("2024-02-30", None),
                                        ("2025-11-11T23:59:00Z", "2025-11-11"),
                                        ("Mon, 10 Mar 2025 14:00:00 +0000", "2025-03-10"),
                                        ("March 3, 2021", "2021-03-03"), ("", None), ("soon", None), (None, None)])
def test_normalize_day(value, day):
    assert normalize_day(value) == day


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(["x.txt", "x.html", "x.jsonl", "x.json", "x.rss", "x", "x.gz"]))
def test_any_bytes_give_documents_never_exceptions(data, name):
    docs = list(read_bytes(data, name))
    assert docs and all(d.id for d in docs)
    assert all(d.error or d.raw_text is not None for d in docs)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=40), st.dictionaries(st.sampled_from(["id", "text", "title", "published"]),
                                                                 st.one_of(st.text(max_size=20), st.integers(), st.none())).map(json.dumps)),
                max_size=8))
def test_json_lines_give_one_document_per_non_blank_line(lines):
    lines = [ln.replace("\n", " ").replace("\x00", " ") for ln in lines]
    docs = list(read_bytes("\n".join(lines).encode(), "batch.jsonl"))
    records = sum(1 for ln in lines if ln.strip())
    assert len(docs) == max(records, 1)     # an input without records still gives one error record
