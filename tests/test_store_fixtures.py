"""Invented news documents for the store tests (no test functions here)."""
from __future__ import annotations

from communique.model import Actor, DateRange, Document, Event, Location, Side, Span

MEETING_A = (
    "Astana, 3 March. President Marat Dauletov of Kazakhstan met Foreign Minister Ivan Sokolov of Russia "
    "on Tuesday to discuss transit corridors and grain exports. The two sides agreed to set up a working "
    "group on customs procedures, the presidential press office said in a statement after the talks. "
    "Dauletov thanked his guest for the constructive tone of the discussion."
)
MEETING_B = (
    "Russian Foreign Minister Ivan Sokolov held talks with Kazakh President Marat Dauletov in Astana, "
    "the ministry said. According to the ministry, the meeting covered rail transit, fertiliser supplies "
    "and a joint commission due to meet in the spring. Sokolov later laid flowers at a memorial."
)
UNRELATED = (
    "The central bank of Norway left its key rate unchanged on Thursday, citing steady inflation and a "
    "resilient labour market. Analysts had expected the decision, which follows two cuts last year. "
    "The governor told a press conference in Oslo that the bank would watch wage settlements in the spring "
    "closely before deciding on any further move, and that the krone's recent weakness had added to import "
    "prices. Housing prices rose for a fourth month in a row, data released on the same day showed, while "
    "retail sales were flat. Economists at two of the country's largest lenders said they now expect the "
    "next cut in September at the earliest, later than they had forecast a month ago."
)


def span(text: str, needle: str) -> Span:
    i = text.index(needle)
    return Span(i, i + len(needle), needle)


def meeting_doc(doc_id: str, text: str, outlet: str, published="2025-03-04", date="2025-03-03",
                dauletov="Marat Dauletov", confidence=0.6, role="President") -> Document:
    a1 = Actor(id="a1", name=dauletov, kind="person", country="KAZ", role=role, sector="GOV",
               mentions=[span(text, "Dauletov")])
    a2 = Actor(id="a2", name="Ivan Sokolov", kind="person", country="RUS", role="Foreign Minister",
               sector="GOV", mentions=[span(text, "Sokolov")])
    sentence = text.split(". ")[0] if "met" in text.split(". ")[0] else text.split(", the")[0]
    ev = Event(id="e1", type="MEET", status="occurred",
               source=Side(dauletov, "KAZ", "a1"), target=Side("Ivan Sokolov", "RUS", "a2"),
               date=DateRange(date, date) if date else None,
               location=Location("Astana", "KAZ", 51.17, 71.45),
               evidence=[span(text, sentence)], trigger="met", confidence=confidence,
               plover={"type": "CONSULT", "mode": "meet", "context": ["diplomatic"]}, cameo="043")
    return Document(id=doc_id, text=text, title=f"{outlet}: talks in Astana", published=published,
                    url=f"https://{outlet}.example/{doc_id}", outlet=outlet, language="en",
                    actors=[a1, a2], events=[ev])


def plain_doc(doc_id: str, text: str, outlet="bank.example", published="2025-03-06") -> Document:
    return Document(id=doc_id, text=text, title="Rate decision", published=published,
                    url=f"https://{outlet}/{doc_id}", outlet=outlet, language="en")
