from communique.model import Actor, DateRange, Document, Event, Side, Span


def test_document_round_trips_through_dict():
    doc = Document(id="d1", text="A met B.", title="T", published="2025-01-02")
    doc.actors.append(Actor(id="a1", name="A", country="USA", mentions=[Span(0, 1, "A")]))
    doc.events.append(Event(id="e1", type="MEET", source=Side("A", "USA", "a1"), target=Side("B", "FRA"),
                            date=DateRange("2025-01-02", "2025-01-02"), evidence=[Span(0, 8, "A met B.")]))
    d = doc.to_dict()
    back = Document.from_dict(d)
    assert back.to_dict() == d
    assert back.events[0].source.country == "USA"
    assert back.actors[0].mentions[0].end == 1


def test_error_document_serialises_as_error_record():
    doc = Document(id="bad", error="binary file")
    assert doc.to_dict() == {"id": "bad", "error": "binary file"}
