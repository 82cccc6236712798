"""Event coreference in the store: no candidate cap, month and day dates, plans linked to occurrences."""
from __future__ import annotations

from communique.model import Actor, DateRange, Document, Event, Side
from communique.store import Store
from test_store_fixtures import span


_SYLLABLES = ["ka", "ro", "mi", "tu", "le", "sa", "no", "vi", "de", "pu"]


def _surname(i: int) -> str:
    """A distinct made-up surname per number (no digits: name keys fold doubled letters)."""
    return "".join(_SYLLABLES[int(d)] for d in f"{i:03d}").capitalize()


def _engagement_doc(doc_id: str, i: int, day: str, outlet: str) -> Document:
    """Delegate i of one country meets delegate i of the other, told in an outlet's own words."""
    kaz, rus = f"Aidos {_surname(i)}bek", f"Pavel {_surname(i)}ov"
    text = (f"{kaz} met {rus} on trade desk {i}." if outlet == "a"
            else f"Talks on desk {i}: {rus} held talks with {kaz}, {outlet} reported.")
    a1 = Actor(id="a1", name=kaz, kind="person", country="KAZ", mentions=[span(text, kaz)])
    a2 = Actor(id="a2", name=rus, kind="person", country="RUS", mentions=[span(text, rus)])
    ev = Event(id="e1", type="MEET", source=Side(kaz, "KAZ", "a1"), target=Side(rus, "RUS", "a2"),
               date=DateRange(day, day), confidence=0.6, evidence=[span(text, text)])
    if outlet != "a":
        ev.source, ev.target = ev.target, ev.source                 # told the other way round
    return Document(id=doc_id, text=text, published=day, outlet=outlet, actors=[a1, a2], events=[ev])


def test_five_hundred_same_day_engagements_of_one_dyad_all_merge(tmp_path):
    n = 500
    with Store(tmp_path / "c.db") as s:
        s.ingest([_engagement_doc(f"a{i}", i, "2025-06-10", "a") for i in range(n)], batch_size=250)
        s.ingest([_engagement_doc(f"b{i}", i, "2025-06-10", "b") for i in range(n)], batch_size=250)
        events = s.events(limit=None)
        assert len(events) == n
        assert all(e["n_documents"] == 2 for e in events)
        assert all({m["doc_id"][1:] for m in e["mentions"]} == {e["mentions"][0]["doc_id"][1:]} for e in events)


def _visit(doc_id, status, start, end, published, text, guest="Vladislav Orlov"):
    a = Actor(id="a1", name=guest, kind="person", country="RUS", mentions=[span(text, guest.split()[-1])])
    ev = Event(id="e1", type="VISIT", status=status, source=Side(guest, "RUS", "a1"), target=Side("Kazakhstan", "KAZ"),
               date=DateRange(start, end) if start else None, confidence=0.6, evidence=[span(text, text)])
    return Document(id=doc_id, text=text, published=published, actors=[a], events=[ev])


def test_month_dated_and_day_dated_reports_of_one_visit_merge(tmp_path):
    month = _visit("m", "occurred", "2023-11-01", "2023-11-30", "2024-05-02",
                   "Orlov recalled his visit to Kazakhstan in November last year.")
    day = _visit("d", "occurred", "2023-11-20", "2023-11-20", "2023-11-20",
                 "Vladislav Orlov arrived in Astana on a state visit on Monday.")
    later = _visit("x", "occurred", "2023-12-21", "2023-12-21", "2023-12-21",
                   "Vladislav Orlov came back to Astana a month later for a working visit.")
    with Store(tmp_path / "c.db") as s:
        s.ingest([month, day, later])
        visits = s.events(type="VISIT", limit=None)
        assert len(visits) == 2
        merged = next(v for v in visits if v["n_documents"] == 2)
        assert (merged["date_start"], merged["date_end"]) == ("2023-11-20", "2023-11-20")   # the precise date wins


def test_a_plan_and_its_occurrence_are_linked_in_either_order(tmp_path):
    plan = _visit("p", "planned", None, None, "2023-11-10", "Orlov will visit Kazakhstan later this month.")
    done = _visit("o", "occurred", "2023-11-20", "2023-11-21", "2023-11-21",
                  "Vladislav Orlov arrived in Astana on Monday for a two-day visit.")
    for order in ([plan, done], [done, plan]):
        with Store(tmp_path / f"c{order[0].id}.db") as s:
            for d in order:
                s.ingest([d])
            (occurred,) = s.events(status="occurred")
            (planned,) = s.events(status="planned")
            assert occurred["fulfils"] == planned["id"]
            assert planned["fulfils"] is None
