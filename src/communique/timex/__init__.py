"""Dates: find time expressions in text and resolve them against the publication day.

    find_timexes(text, published, tense=None) -> list[Timex]
    resolve_timex(expression, published, tense=None) -> (start, end) | None

Rules are documented in ``docs/timex.md``; the words live in
``communique/data/timex_lexicon.toml``.
"""
from communique.timex.types import Timex  # noqa: F401
from communique.timex.find import find_timexes, resolve_timex, sentence_tense  # noqa: F401
