"""Quotation marks: double and single styles, apostrophes that are not quotations, nesting."""
from hypothesis import given, settings
from hypothesis import strategies as st

from communique.model import Document
from communique.quotes.marks import find_quote_spans


def inner(text):
    return [text[s.start:s.end] for s in find_quote_spans(text)]


def test_british_single_marks_with_possessives_inside():
    text = "‘The envoys’ dinner went well,’ the minister said. ‘We agreed on a timetable.’"
    assert inner(text) == ["The envoys’ dinner went well,", "We agreed on a timetable."]


def test_straight_single_marks_around_a_sentence():
    text = "'Our borders stay open to trade,' the president told a rally in Lagos."
    assert inner(text) == ["Our borders stay open to trade,"]


def test_apostrophes_are_not_quotations():
    text = ("Chile’s minister visited the farmers' market in the ’80s and didn't stop. "
            "The delegates' hotel was near the port, and rock 'n' roll played all night.")
    assert inner(text) == []


def test_nested_quotation_belongs_to_the_outer_one_in_either_style():
    us = "\"She told me 'not this year' and left,\" the envoy said."
    uk = "‘She told me “not this year” and left,’ the envoy said."
    assert inner(us) == ["She told me 'not this year' and left,"]
    assert inner(uk) == ["She told me “not this year” and left,"]


def test_long_single_quotation_runs_over_paragraphs():
    text = "‘We came to listen to our partners.\n\n‘And we will come back in the spring,’ Ms Ardern said."
    spans = find_quote_spans(text)
    assert len(spans) == 2 and spans[0].group == spans[1].group


def test_single_quoted_speech_gets_its_speaker(extractor):
    doc = extractor.process(Document(
        id="uk", published="2025-03-04",
        raw_text="‘We will keep talking to Dublin,’ British Prime Minister Keir Starmer said on Monday. "
                 "'The border question is settled,' Irish Taoiseach Micheal Martin told reporters in Cork."))
    got = {q.text.rstrip(","): q.speaker.name if q.speaker else None for q in doc.quotes}
    assert got == {"We will keep talking to Dublin": "Keir Starmer",
                   "The border question is settled": "Micheal Martin"}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab s.,\n'‘’\"“”«»")), max_size=120))
def test_spans_are_ordered_disjoint_and_inside_the_text(text):
    spans = find_quote_spans(text)
    ends = [s.close_mark if s.close_mark is not None else s.end for s in spans]
    for s, e in zip(spans, ends):
        assert 0 <= s.open_mark < s.start <= s.end <= len(text)
        assert e <= len(text)
    for (a, ea), b in zip(zip(spans, ends), spans[1:]):
        assert ea < b.open_mark or (a.close_mark is None and ea <= b.open_mark)
