"""Quote attribution costs work in proportion to the page, not its square.

Measured by counting Python calls (deterministic), never by the clock: a page four times
longer may cost a little over four times the calls, not sixteen.
"""
from __future__ import annotations

import sys

from communique.model import Document
from communique.pipeline import prepare
from communique.quotes import extract_quotes

_NAMES = ["Maria Lindqvist", "Tomas Berg", "Aiko Tanaka", "Pedro Alves", "Olga Sokolova"]


def _page(paragraphs: int) -> str:
    out = []
    for i in range(paragraphs):
        name = _NAMES[i % len(_NAMES)]
        out.append(f'"We will keep talking about the harbour and tariff line {i}," {name} said on day {i}. '
                   f'An aide added that meeting {i * 7} had gone well. "It was a useful round number {i * 3}," '
                   f'she said, noting "progress {i}" on border marker {i * 11}.')
    return "\n".join(out)


def _calls(fn) -> int:
    count = 0

    def profile(frame, event, arg):
        nonlocal count
        if event == "call":
            count += 1

    sys.setprofile(profile)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return count


def _quote_calls(extractor, paragraphs: int) -> tuple[int, int]:
    from communique.actors import resolve_actors

    doc = Document(id=f"q{paragraphs}", raw_text=_page(paragraphs), published="2024-01-01")
    prepare(doc)
    sdoc = extractor.nlp(doc.text)
    resolve_actors(doc, sdoc)
    found: list = []
    calls = _calls(lambda: found.extend(extract_quotes(doc, sdoc)))
    return calls, len(found)


def test_quote_attribution_work_grows_linearly(extractor):
    small_calls, small_quotes = _quote_calls(extractor, 30)
    big_calls, big_quotes = _quote_calls(extractor, 120)
    assert small_quotes >= 60 and big_quotes >= 4 * small_quotes - 4
    assert big_calls < 5.5 * small_calls, (small_calls, big_calls)


def test_a_run_on_page_without_sentence_ends_still_attributes_quotes(extractor):
    text = " and ".join(f'"point {i} stands" Maria Lindqvist said' for i in range(80))
    doc = Document(id="runon", raw_text=text + ".", published="2024-01-01")
    prepare(doc)
    quotes = extract_quotes(doc, extractor.nlp(doc.text))
    assert len(quotes) >= 70
    assert sum(1 for q in quotes if q.speaker and "Lindqvist" in (q.speaker.name or "")) >= 60
