"""The JSON API and the pages over a real Store filled through ``Store.ingest`` with invented articles."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from communique.store import Store
from communique.web import create_app
from web_corpus import documents


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "web.db"
    store = Store(str(path))
    try:
        result = store.ingest(documents())
    finally:
        store.close()
    assert result["added"] == 3
    return path


@pytest.fixture(scope="module")
def client(db_path):
    with TestClient(create_app(db_path)) as c:
        yield c


@pytest.fixture(scope="module")
def ids(db_path):
    store = Store(str(db_path), readonly=True)
    try:
        visits = store.events(type="VISIT")
        kovacs = store.actors(query="Kovacs")[0]
    finally:
        store.close()
    latest = max(visits, key=lambda e: e["date_start"])
    return {"visit_2024": latest["id"], "kovacs": kovacs["id"]}


# --------------------------------------------------------------------- JSON API
def test_stats_count_documents_and_events(client):
    assert client.get("/api/stats").json() == {"documents": 3, "events": 4}


def test_events_list_pages_with_total(client):
    first = client.get("/api/events", params={"limit": 2}).json()
    second = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == 4
    assert len(first["items"]) == len(second["items"]) == 2
    assert {e["id"] for e in first["items"]}.isdisjoint(e["id"] for e in second["items"])
    dates = [e["date_start"] for e in first["items"] + second["items"]]
    assert dates == sorted(dates, reverse=True)          # newest first


def test_events_filters_match_the_cli(client):
    visits = client.get("/api/events", params={"type": "visit", "country": "HUN"}).json()
    assert visits["total"] == 2 and {e["type"] for e in visits["items"]} == {"VISIT"}
    repeated = client.get("/api/events?country=AUT&country=HUN&type=ACCUSE").json()
    assert [e["type"] for e in repeated["items"]] == ["ACCUSE"]
    window = client.get("/api/events", params={"since": "2023-01-01", "until": "2023-12-31"}).json()
    assert [e["date_start"] for e in window["items"]] == ["2023-09-12"]
    by_actor = client.get("/api/events", params={"actor": "Anna Weber"}).json()
    assert by_actor["total"] >= 1
    assert client.get("/api/events", params={"status": "planned"}).json()["total"] == 0


@pytest.mark.parametrize("params, field", [
    ({"country": "Narnia"}, "country"),
    ({"since": "2024-13-01"}, "since"),
    ({"since": "notadate"}, "since"),
    ({"status": "maybe"}, "status"),
    ({"type": "VISIT; DROP TABLE"}, "type"),
    ({"type": "FOO"}, "type"),
    ({"since": "2024-02-01", "until": "2024-01-01"}, "since"),
])
def test_bad_filter_values_answer_400_naming_the_parameter(client, params, field):
    r = client.get("/api/events", params=params)
    assert r.status_code == 400
    assert any(field in [str(p) for p in err["loc"]] for err in r.json()["detail"])


@pytest.mark.parametrize("params, field", [
    ({"limit": 0}, "limit"),
    ({"limit": 501}, "limit"),
    ({"offset": -1}, "offset"),
])
def test_bad_paging_answers_422_naming_the_parameter(client, params, field):
    r = client.get("/api/events", params=params)
    assert r.status_code == 422
    assert any(field in [str(p) for p in err["loc"]] for err in r.json()["detail"])


def test_one_event_carries_mentions_with_evidence(client, ids):
    e = client.get(f"/api/events/{ids['visit_2024']}").json()
    assert e["type"] == "VISIT" and e["attributes"]["visit_kind"] == "state"
    assert e["mentions"][0]["doc_id"] == "visit-2024"
    assert "arrived in Vienna" in e["mentions"][0]["evidence"][0]["text"]


def test_unknown_ids_are_404_json(client):
    for url in ("/api/events/E0000", "/api/documents/nope", "/api/actors/A0000"):
        r = client.get(url)
        assert r.status_code == 404 and r.json() == {"detail": r.json()["detail"]}


def test_documents_list_and_document(client):
    listing = client.get("/api/documents").json()
    assert listing["total"] == 3 and {d["id"] for d in listing["items"]} == {"visit-2024", "visit-2022", "accuse-2023"}
    doc = client.get("/api/documents/visit-2024").json()
    assert doc["text"].startswith("Kovacs arrives") and len(doc["events"]) == 2 and len(doc["actors"]) == 3


def test_actors_search_and_actor_page_data(client, ids):
    found = client.get("/api/actors", params={"q": "Kovacs"}).json()
    assert found["items"][0]["name"] == "Maria Kovacs"
    actor = client.get(f"/api/actors/{ids['kovacs']}").json()
    assert "Kovacs" in actor["aliases"] and actor["roles"][0]["role"] == "President"
    assert any(c["name"] == "Anna Weber" for c in actor["counterparts"])


def test_timeline_between_two_countries_oldest_first(client):
    t = client.get("/api/timeline/hun/aut").json()
    assert (t["a"], t["b"]) == ("HUN", "AUT")
    assert [e["date_start"] for e in t["items"]] == sorted(e["date_start"] for e in t["items"])
    assert [e["date_start"] for e in t["items"] if e["type"] == "VISIT"] == ["2022-05-30", "2024-03-05"]
    assert client.get("/api/timeline/HU/AT").json()["a"] == "HUN"          # ISO2 and names are read too
    assert client.get("/api/timeline/Hungary/Austria").json()["total"] == t["total"]
    assert client.get("/api/timeline/HU/Narnia").status_code == 400


def test_search_finds_words_and_survives_bad_syntax(client):
    hits = client.get("/api/search", params={"q": "Hofburg"}).json()["items"]
    assert [h["id"] for h in hits] == ["visit-2024"]
    for q in ('"unbalanced', "AND OR", "bridge*)"):
        assert client.get("/api/search", params={"q": q}).status_code == 200
    assert client.get("/api/search").status_code == 422


def test_openapi_documents_every_route_and_no_cdn_docs(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    for p in ("/api/events", "/api/events/{event_id}", "/api/documents", "/api/actors/{actor_id}",
              "/api/timeline/{a}/{b}", "/api/search"):
        assert p in paths
    assert {q["name"] for q in paths["/api/events"]["get"]["parameters"]} >= {
        "actor", "country", "type", "status", "since", "until", "limit", "offset"}
    assert "/api/ingest" not in paths
    assert client.get("/docs").status_code == 404          # Swagger UI would load scripts from a CDN


def test_read_only_app_has_no_ingest_endpoint(client):
    r = client.post("/api/ingest", content=b"text", headers={"Content-Type": "text/plain"})
    assert r.status_code in (404, 405)


# --------------------------------------------------------------------- pages
def test_event_page_marks_evidence_and_each_actor(client, ids):
    html = client.get(f"/event/{ids['visit_2024']}").text
    assert html.count('<mark class="evidence">') == 1
    evidence = html.split('<mark class="evidence">', 1)[1].split("</mark>", 1)[0]
    assert "arrived in Vienna on Tuesday on a state visit to Austria." in evidence
    assert '<span class="actor actor-0"' in evidence            # Maria Kovacs inside the evidence
    assert {f'actor actor-{i}"' in html for i in range(3)} == {True}
    assert "Peter Lang, Foreign Minister" in html and "state visit" in html


def test_pages_answer_200_with_their_content(client, ids):
    checks = {
        "/": "Latest events",
        "/search?q=Hofburg": "<mark>Hofburg</mark>",
        "/events?type=VISIT&country=&status=": "Events",
        "/visits": "Greeting party",
        "/dyad/HUN/AUT": "working visit",
        "/dyads": "Country pairs",
        "/map": 'class="point',
        "/map?view=world": 'class="graticule"',
        f"/actor/{ids['kovacs']}": "Roles over time",
        "/actors?q=Weber": "Anna Weber",
        "/documents": "Weber in Budapest",
        "/document/visit-2022": '<mark class="evidence">',
        "/api": "/api/events",
    }
    for url, needle in checks.items():
        r = client.get(url)
        assert r.status_code == 200, url
        assert needle in r.text, url


def test_dyad_form_redirects_to_the_pair(client):
    r = client.get("/dyad", params={"a": "hun", "b": "aut"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/dyad/HUN/AUT"


def test_page_errors_are_html_with_status(client):
    r = client.get("/event/E-does-not-exist")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"] and "No event" in r.text
    r = client.get("/events?country=Narnia")
    assert r.status_code == 400 and "ISO 3166-1" in r.text


def test_text_from_articles_is_escaped(client):
    html = client.get("/document/accuse-2023").text
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert "<b>bold</b>" not in client.get("/documents").text


def test_static_assets_come_from_memory_and_nothing_else(client):
    css = client.get("/static/style.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert client.get("/static/style.css", headers={"If-None-Match": css.headers["etag"]}).status_code == 304
    for name in ("..%2fapp.py", "%2e%2e%2f%2e%2e%2fmodel.py", "app.py", "..%2ftemplates%2fbase.html"):
        assert client.get(f"/static/{name}").status_code == 404, name


def test_pages_load_nothing_from_other_hosts(client, ids):
    for url in ("/", f"/event/{ids['visit_2024']}", "/map", "/dyad/HUN/AUT", "/api"):
        html = client.get(url).text
        for attr in ('src="http', "src='http", 'href="//', 'src="//', '<link rel="stylesheet" href="http'):
            assert attr not in html, (url, attr)


def test_security_headers(client):
    r = client.get("/")
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_host_check_when_asked(db_path):
    app = create_app(db_path, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://127.0.0.1") as c:
        assert c.get("/api/stats").status_code == 200
        assert c.get("/api/stats", headers={"Host": "evil.example"}).status_code == 400
