"""The analyst views (issue 11): charts, downloads, facets, dyads, protocol comparison, map legend,
and the web defects 2–6 and 7, each over a store built from the bundled demo stories (real pipeline)."""
from __future__ import annotations

import csv
import io
import re

import pytest
from fastapi.testclient import TestClient

from communique.web import create_app
from demo_store import build


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = build(tmp_path_factory.mktemp("views") / "demo.db")
    with TestClient(create_app(db)) as c:
        yield c


def _csv(text: str) -> list[dict]:
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows
    return rows


# ---------------------------------------------------------------- defect 2: greeting party
def test_visits_show_the_greeting_party_stored_on_the_host_event(client):
    visits = client.get("/api/events", params={"type": "VISIT", "country": "KAZ", "limit": 100}).json()["items"]
    assert visits and not any((v["attributes"] or {}).get("greeting_party") for v in visits)  # it is on HOST
    page = client.get("/visits", params={"country": "KAZ"}).text
    assert "Oleg Travin, Deputy Foreign Minister" in page
    assert "Denis Morozov, First Deputy Prime Minister" in page


# ---------------------------------------------------------------- defect 3: reported date, one order
def _row_dates(html: str) -> list[str]:
    return re.findall(r'data-sort="(\d{4}-\d{2}-\d{2})"', html)


def test_event_rows_show_the_reported_date_beside_the_event_date(client):
    page = client.get("/events").text
    assert "reported 2025-11-11" in page
    assert "reported 2019-04-03" in page


def test_events_and_dyad_pages_sort_the_same_way(client):
    listed = _row_dates(client.get("/events", params={"country": "KAZ,RUS", "limit": 500}).text)
    assert listed and listed == sorted(listed, reverse=True)
    api = client.get("/api/timeline/KAZ/RUS").json()["items"]
    keys = [e["date_start"] or min(m["published"] for m in e["mentions"]) for e in api]
    assert keys and keys == sorted(keys)            # event date, else reported date, oldest first
    dyad = client.get("/dyad/KAZ/RUS").text
    assert re.findall(r'data-event="([^"]+)"', dyad) == [e["id"] for e in api]   # the page keeps that order
    years = re.findall(r'<li class="year"><h2>(\w+)</h2>', dyad)
    assert years == sorted(years) and "Undated" not in years


# ---------------------------------------------------------------- defect 4: narrow screens
def test_every_list_table_sits_in_its_own_scroll_box(client):
    for url in ("/events", "/visits", "/documents", "/actors", "/dyads", "/protocol/KAZ/RUS", "/"):
        html = client.get(url).text
        tables = html.count("<table")
        assert tables, url
        assert html.count('class="table-scroll"') >= tables, url


# ---------------------------------------------------------------- defect 5
def test_documents_newest_first_by_publication_day(client):
    items = client.get("/api/documents", params={"limit": 100}).json()["items"]
    days = [d["published"] for d in items]
    assert days and days == sorted(days, reverse=True)


def test_actor_listing_has_a_real_total(client):
    all_actors = client.get("/api/actors").json()
    assert isinstance(all_actors["total"], int) and all_actors["total"] >= len(all_actors["items"]) > 0
    one = client.get("/api/actors", params={"q": "Seitkali"}).json()
    assert one["total"] == len(one["items"]) == 1


@pytest.mark.parametrize("url", ["/", "/events", "/api/events", "/static/style.css", "/export/events.csv"])
def test_head_answers_like_get_without_a_body(client, url):
    get, head = client.get(url), client.head(url)
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]


# ---------------------------------------------------------------- defect 6
def test_only_http_urls_become_links(tmp_path):
    from communique.store import Store
    from web_corpus import documents

    docs = documents()
    docs[0].url = "javascript:alert(document.cookie)"
    docs[1].url = "https://news.example/ok"
    with Store(str(tmp_path / "u.db")) as store:
        store.ingest(docs)
    with TestClient(create_app(tmp_path / "u.db")) as c:
        bad = c.get(f"/document/{docs[0].id}").text
        assert 'href="javascript:' not in bad
        good = c.get(f"/document/{docs[1].id}").text
        assert 'href="https://news.example/ok"' in good
        for ev in c.get("/api/events").json()["items"]:
            assert 'href="javascript:' not in c.get(f"/event/{ev['id']}").text


# ---------------------------------------------------------------- views
def test_chart_is_inline_svg_with_its_numbers_one_click_away(client):
    page = client.get("/dyad/KAZ/RUS").text
    assert '<svg class="timechart"' in page and 'class="seg seg-occurred"' in page
    assert "http" not in page.split('<svg class="timechart"')[1].split("</svg>")[0].replace(
        'xmlns="http://www.w3.org/2000/svg"', "")      # nothing loaded from elsewhere
    numbers = _csv(client.get("/export/chart.csv", params={"a": "KAZ", "b": "RUS"}).text)
    assert {"2019", "2025"} <= {r["period"] for r in numbers}
    total = sum(int(r["total"]) for r in numbers)
    assert total == client.get("/api/timeline/KAZ/RUS").json()["total"]


@pytest.mark.parametrize("interval, pattern", [("year", r"^\d{4}$"), ("month", r"^\d{4}-\d{2}$"),
                                               ("week", r"^\d{4}-W\d{2}$")])
def test_chart_counts_by_week_month_or_year_and_status(client, interval, pattern):
    rows = _csv(client.get("/export/chart.csv", params={"interval": interval, "country": "KAZ"}).text)
    assert all(re.match(pattern, r["period"]) for r in rows)
    assert set(rows[0]) >= {"occurred", "planned", "negated", "hypothetical", "total"}
    assert sum(int(r["total"]) for r in rows) == client.get("/api/events", params={"country": "KAZ"}).json()["total"]


def test_charts_per_actor_type_and_country(client):
    actor = client.get("/api/actors", params={"q": "Seitkali"}).json()["items"][0]
    assert '<svg class="timechart"' in client.get(f"/actor/{actor['id']}").text
    assert '<svg class="timechart"' in client.get("/events", params={"type": "VISIT"}).text
    assert '<svg class="timechart"' in client.get("/events", params={"country": "Kazakhstan"}).text


def test_downloads_hold_exactly_what_the_list_filters(client):
    params = {"country": "KAZ", "type": "VISIT"}
    api = client.get("/api/events", params={**params, "limit": 500}).json()
    rows = _csv(client.get("/export/events.csv", params=params).text)
    assert len(rows) == api["total"] and {r["id"] for r in rows} == {e["id"] for e in api["items"]}
    assert all(r["type"] == "VISIT" for r in rows) and all(r["reported"] for r in rows)
    as_json = client.get("/export/events.json", params=params).json()
    assert [r["id"] for r in as_json] == [r["id"] for r in rows]
    page = client.get("/events", params=params).text
    assert "/export/events.csv?" in page and "/export/events.json?" in page
    for view in ("visits", "documents", "actors", "dyads"):
        assert client.get(f"/export/{view}.csv").status_code == 200
        assert isinstance(client.get(f"/export/{view}.json").json(), list)


def test_lists_show_totals_and_facet_counts(client):
    page = client.get("/events", params={"country": "KAZ"}).text
    total = client.get("/api/events", params={"country": "KAZ"}).json()["total"]
    assert f'<span class="count">{total}</span>' in page
    assert 'class="facets"' in page and "/events?country=KAZ&amp;type=VISIT" in page
    assert 'class="facets"' in client.get("/documents").text and 'class="facets"' in client.get("/actors").text
    assert 'class="grid events-table sortable"' in page


def test_dyads_page_lists_country_pairs_with_counts(client):
    page = client.get("/dyads").text
    assert 'href="/dyad/KAZ/RUS"' in page and 'href="/protocol/KAZ/RUS"' in page
    rows = _csv(client.get("/export/dyads.csv").text)
    top = rows[0]
    assert (top["a"], top["b"]) == ("KAZ", "RUS")
    assert int(top["events"]) == client.get("/api/timeline/KAZ/RUS").json()["total"]


def test_map_has_a_legend_and_clickable_countries(client):
    page = client.get("/map").text
    assert 'class="map-legend' in page and "Events per country" in page
    assert 'href="/events?country=KAZ"' in page


def test_protocol_comparison_sets_the_two_visits_side_by_side(client):
    page = client.get("/protocol/KAZ/RUS", params={"guest": "KAZ"}).text
    table = page.split('class="grid protocol-table"')[1]
    assert table.index("2019-04-03") < table.index("2025-11-11")
    for needle in ("official", "state", "Oleg Travin, Deputy Foreign Minister",
                   "Denis Morozov, First Deputy Prime Minister", "fighter jets", "honor guard", "anthems",
                   "about two hours", "more than three hours", "Reported", "Documents signed"):
        assert needle in table, needle
    assert "reception level = visit kind" in page        # the formula is on the page
    rows = client.get("/export/protocol/KAZ/RUS.json").json()
    kaz = [r for r in rows if r["guest"].endswith("(KAZ)")]
    assert [r["event_date"] for r in kaz] == ["2019-04-03", "2025-11-11"]
    assert kaz[1]["score"] > kaz[0]["score"]
    assert kaz[1]["score"] == sum(kaz[1]["score_parts"].values())


def test_bad_filter_values_answer_400_on_pages_and_downloads(client):
    assert client.get("/events", params={"type": "FOO"}).status_code == 400
    assert client.get("/export/events.csv", params={"since": "notadate"}).status_code == 400
    assert client.get("/protocol/KAZ/Narnia").status_code == 400


def test_a_place_from_the_dateline_is_marked_as_such(tmp_path):
    from communique.store import Store
    from web_corpus import documents

    docs = documents()
    located = [e for d in docs for e in d.events if e.location is not None]
    assert located
    located[0].location.basis = "dateline"
    with Store(str(tmp_path / "p.db")) as store:
        store.ingest(docs)
    with TestClient(create_app(tmp_path / "p.db")) as c:
        ev = next(e for e in c.get("/api/events").json()["items"] if (e["location"] or {}).get("basis") == "dateline")
        assert "from the story's dateline" in c.get(f"/event/{ev['id']}").text
        assert "(dateline)" in c.get("/events").text
