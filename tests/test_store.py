"""The corpus store: idempotent ingest, sources, canonical events and actors, queries."""
from __future__ import annotations

import shutil

import pytest

from communique.model import Actor, DateRange, Document, Event, Side
from communique.store import Store, StoreError
from test_store_fixtures import MEETING_A, MEETING_B, UNRELATED, meeting_doc, plain_doc, span

CHROME_TOP = "Home | World | Business | Sport | Weather\nSign in to read more\n"
CHROME_BOTTOM = "\nShare on social media. Related stories. Cookie settings. Subscribe to our newsletter."


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "c.db")
    yield s
    s.close()


def test_ingest_twice_stores_once(store):
    docs = [meeting_doc("d1", MEETING_A, "kaznews"), plain_doc("d3", UNRELATED)]
    first = store.ingest(docs)
    again = store.ingest(docs)
    assert first == {"added": 2, "duplicates": 0, "errors": 0, "events": 1}
    assert again == {"added": 0, "duplicates": 2, "errors": 0, "events": 0}
    assert store.count_documents() == 2
    assert store.count_events() == 1
    assert store.document("d1")["sources"] == [
        {"id": "d1", "url": "https://kaznews.example/d1", "outlet": "kaznews", "published": "2025-03-04",
         "similarity": 1.0}]


def test_rescraped_copy_with_other_chrome_becomes_a_second_source(store):
    store.ingest([plain_doc("orig", UNRELATED, outlet="bank.example")])
    copy = plain_doc("copy", CHROME_TOP + UNRELATED + CHROME_BOTTOM, outlet="mirror.example")
    stats = store.ingest([copy])
    assert stats["duplicates"] == 1 and stats["added"] == 0
    assert store.count_documents() == 1
    doc = store.document("orig")
    assert [s["outlet"] for s in doc["sources"]] == ["bank.example", "mirror.example"]
    assert 0.5 < doc["sources"][1]["similarity"] < 1.0
    assert store.document("copy")["id"] == "orig"              # a source id leads to its document
    assert store.documents()[0]["n_sources"] == 2


def test_near_duplicate_index_survives_reopening(tmp_path):
    with Store(tmp_path / "c.db") as s:
        s.ingest([plain_doc("orig", UNRELATED)])
    with Store(tmp_path / "c.db") as s:
        s.ingest([plain_doc("copy", CHROME_TOP + UNRELATED, outlet="mirror.example")])
        assert s.count_documents() == 1
        assert len(s.document("orig")["sources"]) == 2


def test_same_id_with_different_text_keeps_both(store):
    store.ingest([plain_doc("page", UNRELATED)])
    store.ingest([plain_doc("page", MEETING_B)])
    assert store.count_documents() == 2


def test_two_reports_of_one_meeting_make_one_event_with_two_sources(store):
    stats = store.ingest([meeting_doc("d1", MEETING_A, "kaznews", confidence=0.6),
                          meeting_doc("d2", MEETING_B, "rusnews", confidence=0.6)])
    assert stats["events"] == 2
    (ev,) = store.events()
    assert ev["n_sources"] == 2 and ev["n_documents"] == 2
    assert ev["confidence"] == pytest.approx(0.84)
    assert {m["doc_id"] for m in ev["mentions"]} == {"d1", "d2"}
    for m in ev["mentions"]:
        text = store.document(m["doc_id"])["text"]
        for e in m["evidence"]:
            assert text[e["start"]:e["end"]] == e["text"]
    assert store.event(ev["id"])["id"] == ev["id"]
    assert ev["source"]["actor_id"] and ev["target"]["actor_id"]


def test_events_on_different_days_stay_apart(store):
    store.ingest([meeting_doc("d1", MEETING_A, "kaznews", date="2025-03-03"),
                  meeting_doc("d2", MEETING_B, "rusnews", date="2025-05-20", published="2025-05-21")])
    assert store.count_events() == 2
    assert [e["date_start"] for e in store.events()] == ["2025-05-20", "2025-03-03"]    # newest first


def test_syndicated_copy_adds_a_source_to_the_event(store):
    store.ingest([meeting_doc("d1", MEETING_A, "kaznews")])
    store.ingest([meeting_doc("d1-copy", CHROME_TOP + MEETING_A, "aggregator")])
    (ev,) = store.events()
    assert ev["n_sources"] == 2 and ev["n_documents"] == 1          # not an independent report
    assert ev["confidence"] == pytest.approx(0.6)


def test_actor_spellings_and_roles_merge_across_years(store):
    def doc(doc_id, name, role, published):
        text = f"{role} {name} spoke to reporters in the capital about trade."
        a = Actor(id="a1", name=name, kind="person", country="KAZ", role=role, mentions=[span(text, name)])
        return Document(id=doc_id, text=text, published=published, actors=[a])

    store.ingest([doc("y2019", "Kassym-Jomart Tokayev", "President", "2019-06-12"),
                  doc("y2022", "Kassym-Jomart Tokaev", "Head of State", "2022-01-05"),
                  doc("y2025", "Tokayev", "President", "2025-11-11")])
    (actor,) = store.actors()
    assert actor["name"] == "Kassym-Jomart Tokayev"
    assert "Kassym-Jomart Tokaev" in actor["aliases"]
    assert actor["mention_count"] == 3
    roles = {r["role"]: (r["first_seen"], r["last_seen"]) for r in actor["roles"]}
    assert roles["President"] == ("2019-06-12", "2025-11-11")
    assert roles["Head of State"] == ("2022-01-05", "2022-01-05")
    assert [a["id"] for a in store.actors("President of Kazakhstan")] == [actor["id"]]
    assert [a["id"] for a in store.actors("Tokaev")] == [actor["id"]]


def test_same_surname_other_country_or_initial_is_another_person(store):
    def doc(doc_id, name, country):
        text = f"{name} arrived in document {doc_id}."
        return Document(id=doc_id, text=text, actors=[Actor(id="a1", name=name, country=country)])

    store.ingest([doc("1", "Ilham Aliyev", "AZE"), doc("2", "Heydar Aliyev", "AZE"), doc("3", "Ilham Aliyev", "TUR")])
    assert len(store.actors()) == 3


def test_event_filters_and_counts(store):
    store.ingest([meeting_doc("d1", MEETING_A, "kaznews"), _visit_doc()])
    assert store.count_events() == 2
    assert [e["type"] for e in store.events(type="VISIT")] == ["VISIT"]
    assert store.count_events(country=["KAZ"]) == 1
    assert store.count_events(country=["kaz", "FRA"]) == 2                # any of them
    assert store.count_events(country="FRA", type="VISIT", status="occurred") == 1
    assert store.count_events(status="planned") == 0
    assert store.count_events(since="2025-04-01") == 1
    assert store.count_events(until="2025-03-03") == 1
    assert store.count_events(since="2025-03", until="2025-03") == 1
    assert [e["type"] for e in store.events(actor="Dauletov")] == ["MEET"]
    assert [e["type"] for e in store.events(actor="Marat Dauletov", country=["RUS"])] == ["MEET"]
    assert store.events(actor="Nobody Known") == []
    assert len(store.events(limit=1)) == 1 and store.events(limit=1, offset=1)[0]["type"] == "MEET"
    assert [e["type"] for e in store.events(country=["KAZ", "FRA"], limit=1)] == ["VISIT"]


def _visit_doc():
    text = "Prime Minister Lena Varga of Hungary arrived in Paris on Monday for a two-day visit."
    a = Actor(id="a1", name="Lena Varga", country="HUN", role="Prime Minister", mentions=[span(text, "Lena Varga")])
    ev = Event(id="e1", type="VISIT", source=Side("Lena Varga", "HUN", "a1"), target=Side("France", "FRA"),
               date=DateRange("2025-04-14", "2025-04-15"), evidence=[span(text, text[:-1])], confidence=0.7)
    return Document(id="visit", text=text, title="Varga in Paris", published="2025-04-14", actors=[a], events=[ev])


def test_timeline_actor_and_counterparts(store):
    store.ingest([meeting_doc("d1", MEETING_A, "kaznews"), _visit_doc(),
                  meeting_doc("d2", MEETING_B, "rusnews", date="2025-06-01", published="2025-06-01")])
    line = store.timeline("rus", "KAZ")
    assert [e["date_start"] for e in line] == ["2025-03-03", "2025-06-01"]        # oldest first
    assert store.timeline("KAZ", "FRA") == []
    dauletov = store.actors("Dauletov")[0]
    full = store.actor(dauletov["id"])
    assert len(full["events"]) == 2
    assert full["counterparts"] == [{"name": "Ivan Sokolov", "country": "RUS",
                                     "actor_id": line[0]["target"]["actor_id"], "n": 2}]
    assert store.actor("nope") is None


def test_document_record_and_search(store):
    store.ingest([meeting_doc("d1", MEETING_A, "kaznews"), plain_doc("d3", UNRELATED)])
    doc = store.document("d1")
    assert set(doc) >= {"id", "title", "published", "outlet", "url", "language", "text", "actors", "events",
                        "quotes", "sources"}
    assert doc["events"][0]["evidence"][0]["start"] == 0
    assert doc["events"][0]["canonical_id"] == store.events()[0]["id"]
    assert doc["actors"][0]["mentions"] and doc["actors"][0]["canonical_id"]
    assert store.document("missing") is None
    hits = store.search("grain exports")
    assert [h["id"] for h in hits] == ["d1"] and "[grain]" in hits[0]["snippet"]
    assert [h["id"] for h in store.search('"key rate"')] == ["d3"]
    assert store.search('unbalanced "quote') == [] or True      # bad FTS syntax falls back to words
    assert store.search("") == []
    assert [d["id"] for d in store.documents()] == ["d3", "d1"]


def test_error_documents_are_recorded_not_stored(store):
    from communique.model import error_document

    stats = store.ingest([error_document("bad", "could not decode", "x.html"), Document(id="empty", text="  ")])
    assert stats["errors"] == 2 and store.count_documents() == 0
    assert {e["doc_id"] for e in store.errors()} == {"bad", "empty"}
    store.ingest([error_document("bad", "could not decode", "x.html")])
    assert store.count_errors() == 2


def test_a_broken_document_does_not_sink_its_batch(store):
    bad = meeting_doc("weird", MEETING_B, "x")
    bad.events[0].evidence = ["not a span"]          # what a buggy stage might produce
    stats = store.ingest([bad, plain_doc("fine", UNRELATED)])
    assert stats["added"] == 1 and stats["errors"] == 1
    assert store.count_documents() == 1 and store.document("weird") is None


def test_readonly_store_reads_and_refuses_writes(tmp_path):
    with Store(tmp_path / "c.db") as s:
        s.ingest([meeting_doc("d1", MEETING_A, "kaznews")])
    with Store(tmp_path / "c.db", readonly=True) as ro:
        assert ro.count_documents() == 1 and len(ro.events()) == 1
        with pytest.raises(StoreError, match="read-only"):
            ro.ingest([plain_doc("d3", UNRELATED)])
    with pytest.raises(StoreError, match="no database"):
        Store(tmp_path / "absent.db", readonly=True)


def test_communique_open_returns_a_store(tmp_path):
    import communique

    with communique.open(tmp_path / "c.db") as s:
        s.ingest([meeting_doc("d1", MEETING_A, "kaznews")])
        assert s.events(country=["KAZ"])[0]["type"] == "MEET"


def test_seeds_twice_and_a_rechromed_copy(tmp_path, shared_dir):
    from communique.ingest import read_paths
    from communique.pipeline import prepare

    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    if len(seeds) < 2:
        pytest.skip("seed pages missing")

    def load(paths):
        return [prepare(d) for d in read_paths([str(p) for p in paths], published="2025-11-11")]

    with Store(tmp_path / "c.db") as s:
        s.ingest(load(seeds))
        s.ingest(load(seeds))
        assert s.count_documents() == 2
        copy = tmp_path / "mirror_copy.txt"
        copy.write_text("Menu\nLatest news\nLogin\n" + seeds[0].read_text(encoding="utf-8")
                        + "\nAll rights reserved. Follow us.\n", encoding="utf-8")
        stats = s.ingest(load([copy]))
        assert stats["duplicates"] == 1 and s.count_documents() == 2
        assert len(s.document("mirror_copy")["sources"]) == 2


def test_counts_agree_with_listings(store):
    store.ingest([meeting_doc("d1", MEETING_A, "kaznews"), _visit_doc(),
                  meeting_doc("d2", MEETING_B, "rusnews", date="2025-06-01", published="2025-06-01")])
    for f in ({}, {"country": ["KAZ"]}, {"country": ["KAZ", "RUS"]}, {"country": ["KAZ", "RUS", "FRA"]},
              {"country": ["RUS"], "since": "2025-04-01"}, {"actor": "Sokolov"}, {"actor": "Sokolov", "until": "2025-03-31"},
              {"type": "MEET", "country": ["HUN", "RUS"]}):
        assert store.count_events(**f) == len(store.events(limit=None, **f)), f
