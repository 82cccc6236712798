"""Text normalisation shared by the cleaner: one spelling of spaces, newlines and quotes."""
from __future__ import annotations

import re
import unicodedata

#: Invisible characters that only break matching (zero-width space, word joiner, BOM, soft hyphen).
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"'})
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")


def normalize_text(text: str) -> str:
    """NFC, ``\\n`` newlines, single spaces, no invisible characters, no trailing spaces."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = _NEWLINES.sub("\n", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def match_key(text: str) -> str:
    """A comparison key: case, quotes, spacing and edge punctuation ignored."""
    key = unicodedata.normalize("NFKC", text).casefold().translate(_QUOTES)
    key = " ".join(key.split())
    return _EDGE_PUNCT.sub("", key)
