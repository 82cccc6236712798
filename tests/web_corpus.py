"""Invented articles with hand-coded actors and events, for the web explorer's tests.

Nothing here comes from real reporting: the people are fictional, the
countries only give the events real ISO codes so dyads and the map work.
"""
from __future__ import annotations

from communique.model import Actor, DateRange, Document, Event, Location, Side, Span


def _span(text: str, phrase: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Span(start, start + len(phrase), phrase)


def _mentions(text: str, *phrases: str) -> list[Span]:
    spans = []
    for phrase in phrases:
        start = text.find(phrase)
        while start >= 0:
            spans.append(Span(start, start + len(phrase), phrase))
            start = text.find(phrase, start + len(phrase))
    return sorted(spans, key=lambda s: s.start)


def _sentence(text: str, phrase: str) -> Span:
    """The sentence holding ``phrase`` (cut at '. ' or a blank line)."""
    at = text.index(phrase)
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1, 0)
    end = text.find(". ", at)
    end = len(text) if end < 0 else end + 1
    return Span(start, end, text[start:end])


VISIT_2024 = (
    "Kovacs arrives in Vienna for a state visit\n\n"
    "President Maria Kovacs of Hungary arrived in Vienna on Tuesday on a state visit to Austria. "
    "She was welcomed at Schwechat airport by Foreign Minister Peter Lang and a guard of honour.\n\n"
    "Kovacs later met Chancellor Anna Weber at the Hofburg, where the two leaders discussed river transport "
    "and a new rail corridor. Weber called the talks \"frank and useful\"."
)

VISIT_2022 = (
    "Weber in Budapest\n\n"
    "Chancellor Anna Weber travelled to Budapest on a working visit to Hungary on Monday. "
    "It was her first foreign visit since taking office. "
    "President Maria Kovacs hosted a lunch for the delegation."
)

ACCUSE_2023 = (
    "Ministry rejects claims\n\n"
    "The Austrian foreign ministry accused Hungary of delaying the border bridge project. "
    "Budapest did not comment. <script>alert('x')</script> appeared in a reader comment."
)


def documents() -> list[Document]:
    """Three invented articles: two visits between HUN and AUT, one accusation."""
    t = VISIT_2024
    kovacs = Actor("a1", "Maria Kovacs", "person", "HUN", "President", "GOV", ["Kovacs"],
                   _mentions(t, "President Maria Kovacs", "Kovacs arrives", "Kovacs later"))
    # keep only the name part of the title/sentence mentions
    kovacs.mentions = [Span(s.start, s.start + len(s.text.split(" arrives")[0].split(" later")[0]), "")
                       for s in kovacs.mentions]
    for s in kovacs.mentions:
        s.text = t[s.start:s.end]
    lang = Actor("a2", "Peter Lang", "person", "AUT", "Foreign Minister", "GOV", [],
                 _mentions(t, "Foreign Minister Peter Lang"))
    weber = Actor("a3", "Anna Weber", "person", "AUT", "Chancellor", "GOV", ["Weber"],
                  _mentions(t, "Chancellor Anna Weber", "Weber called"))
    weber.mentions[-1] = Span(weber.mentions[-1].start, weber.mentions[-1].start + 5, "Weber")
    visit = Event(
        "e1", "VISIT", "occurred",
        source=Side("Maria Kovacs", "HUN", "a1"), target=Side(None, "AUT", None),
        date=DateRange("2024-03-05", "2024-03-05", "Tuesday"),
        location=Location("Vienna", "AUT", 48.21, 16.37),
        attributes={"visit_kind": "state", "greeting_party": [{"name": "Peter Lang", "role": "Foreign Minister"}],
                    "ceremony": ["guard of honour"]},
        evidence=[_sentence(t, "arrived in Vienna")], trigger="arrived", confidence=0.9,
        plover={"type": "CONSULT", "mode": "visit", "context": ["diplomatic"]}, cameo="042",
    )
    meet = Event(
        "e2", "MEET", "occurred",
        source=Side("Maria Kovacs", "HUN", "a1"), target=Side("Anna Weber", "AUT", "a3"),
        date=DateRange("2024-03-05", "2024-03-05"), location=Location("Vienna", "AUT", 48.21, 16.37),
        evidence=[_sentence(t, "met Chancellor")], trigger="met", confidence=0.8,
        plover={"type": "CONSULT", "mode": "meet"}, cameo="040",
    )
    doc1 = Document("visit-2024", t, title="Kovacs arrives in Vienna for a state visit", published="2024-03-06",
                    url="https://news.example/kovacs-vienna", outlet="Danube Ledger", language="en",
                    actors=[kovacs, lang, weber], events=[visit, meet])

    t = VISIT_2022
    weber2 = Actor("b1", "Anna Weber", "person", "AUT", "Chancellor", "GOV", ["Weber"],
                   _mentions(t, "Chancellor Anna Weber"))
    kovacs2 = Actor("b2", "Maria Kovacs", "person", "HUN", "President", "GOV", [],
                    _mentions(t, "President Maria Kovacs"))
    visit2 = Event(
        "e1", "VISIT", "occurred",
        source=Side("Anna Weber", "AUT", "b1"), target=Side(None, "HUN", None),
        date=DateRange("2022-05-30", "2022-05-30", "Monday"),
        location=Location("Budapest", "HUN", 47.50, 19.04),
        attributes={"visit_kind": "working", "first_foreign_visit": True},
        evidence=[_sentence(t, "travelled to Budapest")], trigger="travelled", confidence=0.85,
        plover={"type": "CONSULT", "mode": "visit"}, cameo="042",
    )
    doc2 = Document("visit-2022", t, title="Weber in Budapest", published="2022-05-31", outlet="Pannonia Post",
                    language="en", actors=[weber2, kovacs2], events=[visit2])

    t = ACCUSE_2023
    ministry = Actor("c1", "Austrian foreign ministry", "organization", "AUT", None, "GOV", [],
                     _mentions(t, "Austrian foreign ministry"))
    accuse = Event(
        "e1", "ACCUSE", "occurred",
        source=Side("Austrian foreign ministry", "AUT", "c1"), target=Side("Hungary", "HUN", None),
        date=DateRange("2023-09-12", "2023-09-12"),
        evidence=[_sentence(t, "accused Hungary")], trigger="accused", confidence=0.7,
        plover={"type": "ACCUSE"}, cameo="112",
    )
    doc3 = Document("accuse-2023", t, title="Ministry rejects claims <b>bold</b>", published="2023-09-12",
                    outlet="Danube Ledger", language="en", actors=[ministry], events=[accuse])
    return [doc1, doc2, doc3]
