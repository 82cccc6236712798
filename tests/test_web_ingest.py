"""``POST /api/ingest``: off by default; with a token it runs the real pipeline and ``Store.ingest``."""
from __future__ import annotations

import gzip
import json

import pytest
from fastapi.testclient import TestClient

from communique.store import Store
from communique.web import create_app

TOKEN = "s3cret-token"
ARTICLE = (
    "Minister visits Lisbon\n\n"
    "Foreign Minister Elena Varga of Hungary arrived in Lisbon on Monday for talks with her Portuguese "
    "counterpart. The two ministers signed a memorandum on cultural exchange."
)


@pytest.fixture()
def client(tmp_path, extractor):
    db = tmp_path / "ingest.db"
    Store(str(db)).close()
    app = create_app(db, allow_ingest=True, token=TOKEN, max_upload_bytes=4096, extractor_factory=lambda: extractor)
    with TestClient(app) as c:
        yield c


def _post(client, body: bytes, content_type="text/plain", token=TOKEN, **params):
    headers = {"Content-Type": content_type}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return client.post("/api/ingest", content=body, headers=headers, params=params)


def test_upload_runs_the_pipeline_and_stores_the_document(client):
    r = _post(client, ARTICLE.encode(), published="2024-05-06", name="lisbon.txt")
    assert r.status_code == 200, r.text
    answer = r.json()
    assert answer["added"] == 1 and answer["documents"] == [{"id": "lisbon.txt"}]
    doc = client.get("/api/documents/lisbon.txt").json()
    assert doc["published"] == "2024-05-06" and "Elena Varga" in doc["text"]
    assert any(a["name"].endswith("Varga") for a in doc["actors"])      # the real pipeline ran
    again = _post(client, ARTICLE.encode(), published="2024-05-06", name="lisbon.txt").json()
    assert again["added"] == 0 and again["duplicates"] == 1               # idempotent


def test_jsonl_upload_adds_each_record(client):
    lines = [{"id": "j1", "text": ARTICLE, "published": "2024-05-06"},
             {"id": "j2", "text": ARTICLE.replace("Lisbon", "Porto"), "published": "2024-05-07"}]
    body = "\n".join(json.dumps(x) for x in lines).encode()
    r = _post(client, body, "application/x-ndjson")
    assert r.status_code == 200, r.text
    assert r.json()["added"] == 2
    assert client.get("/api/stats").json()["documents"] == 2


def test_html_upload_is_cleaned(client):
    page = ("<html><head><title>Minister visits Lisbon</title></head><body><article><h1>Minister visits Lisbon</h1>"
            "<p>Foreign Minister Elena Varga of Hungary arrived in Lisbon on Monday for talks with her Portuguese "
            "counterpart.</p><p>The two ministers signed a memorandum on cultural exchange.</p></article></body></html>")
    r = _post(client, page.encode(), "text/html; charset=utf-8", published="2024-05-06")
    assert r.status_code == 200, r.text
    assert r.json()["added"] == 1 and "error" not in r.json()["documents"][0], r.json()
    text = client.get(f"/api/documents/{r.json()['documents'][0]['id']}").json()["text"]
    assert "Elena Varga" in text and "<p>" not in text


@pytest.mark.parametrize("token, status", [(None, 401), ("", 401), ("wrong", 403), (TOKEN + "x", 403)])
def test_token_is_required_and_checked(client, token, status):
    r = _post(client, ARTICLE.encode(), token=token)
    assert r.status_code == status
    if status == 401:
        assert r.headers["www-authenticate"] == "Bearer"


def test_other_schemes_are_401(client):
    r = client.post("/api/ingest", content=b"x", headers={"Authorization": f"Basic {TOKEN}", "Content-Type": "text/plain"})
    assert r.status_code == 401


@pytest.mark.parametrize("content_type", ["application/pdf", "image/png", "", "multipart/form-data"])
def test_unsupported_media_types_are_415(client, content_type):
    assert _post(client, ARTICLE.encode(), content_type).status_code == 415


def test_compressed_bodies_are_415(client):
    assert _post(client, gzip.compress(ARTICLE.encode())).status_code == 415


def test_too_large_is_413(client):
    assert _post(client, b"x" * 5000).status_code == 413


def test_empty_or_unreadable_uploads_are_422(client):
    assert _post(client, b"   \n").status_code == 422
    assert _post(client, ARTICLE.encode(), published="yesterday").status_code == 422
    assert _post(client, b"\x00\x01\x02\x03" * 50).status_code == 422


def test_client_names_never_become_paths(client):
    r = _post(client, ARTICLE.encode(), name="../../etc/passwd", published="2024-05-06")
    assert r.status_code == 200
    doc_id = r.json()["documents"][0]["id"]
    assert "/" not in doc_id and ".." not in doc_id


def test_ingest_is_documented_when_enabled(client):
    assert "/api/ingest" in client.get("/api/openapi.json").json()["paths"]


def test_ingest_without_token_is_refused(tmp_path):
    with pytest.raises(ValueError):
        create_app(tmp_path / "x.db", allow_ingest=True, token=None)
