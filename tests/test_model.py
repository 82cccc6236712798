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


def test_language_id_keeps_name_heavy_english_ledes_english():
    from communique.nlp import detect_language

    for text in ("Turkish President Kemal Aydin received Ukrainian President Taras Bondar in Istanbul on Saturday.",
                 "Brazilian President Paulo Souza invited Argentine President Diego Ruiz to visit Brasilia."):
        assert detect_language(text)[0] == "en"
    assert detect_language("Le président français est arrivé à Alger pour une visite d'État.")[0] == "fr"
    assert detect_language("Президент Казахстана прибыл в Москву с государственным визитом.")[0] == "ru"
    assert detect_language("12 34 !!") == (None, 0.0)
