"""Which person names may identify someone across documents, and which only describe an office.

"the president", "Foreign Minister" or "the Kazakh leader" name a role that
different people hold; merging actors or events across documents through
such a description would fold several leaders into one. A name is generic
when, after dropping determiners, title words and nationality words, nothing
is left. The vocabularies come from the actors' title table and the demonym
table in ``communique/data``.
"""
from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

from communique.stories.names import fold

_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "these", "those",
                "of", "and", "for", "to", "s", "former", "new", "then", "current", "late", "outgoing",
                "incoming", "two", "both", "visiting", "host", "country", "countrys", "counterpart",
                "counterparts", "side", "sides", "colleague", "visitor", "delegation", "head"}


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    data = resources.files("communique.data")
    titles = tomllib.loads(data.joinpath("actors_titles.toml").read_text(encoding="utf-8"))
    words: set[str] = set(_DETERMINERS)
    phrases = [p for group in titles.get("sector", {}).values() for p in group]
    phrases += titles.get("descriptions", {}).get("heads", [])
    phrases += titles.get("people", {}).get("nouns", [])
    phrases += titles.get("organization_words", {}).get("words", [])
    for phrase in phrases:
        words.update(fold(phrase).split())
    for line in data.joinpath("geo_demonyms.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            words.update(fold(line.split("\t")[0]).split())
    return frozenset(words)


@lru_cache(maxsize=65536)
def is_generic_name(name: str, by_case: bool = True) -> bool:
    """True for a description or bare title ("the president", "Russian Foreign Minister"), not a name.

    ``by_case``: text from a document written all in lower case is a description; a user's query
    ("tokayev") is not judged by its case.
    """
    if by_case and not any(w[:1].isupper() for w in (name or "").split()):
        return True
    vocab = _vocabulary()
    return not [w for w in fold(name or "").split() if w not in vocab]
