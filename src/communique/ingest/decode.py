"""Bytes to text: byte-order marks, UTF-8, then a charset guess; binaries refused.

Why not just ``decode("utf-8", "replace")`` everywhere: scraped pages arrive in cp1251,
latin-1 or UTF-16 often enough, and silently turning them into replacement
characters loses the article. A file that is not text at all (PDF, image,
archive) gets a clear message instead of garbage.
"""
from __future__ import annotations

import codecs
from typing import Optional

#: Magic numbers of formats people drop into a folder of news by mistake.
_BINARY_MAGIC = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
    b"\xd0\xcf\x11\xe0": "an Office document",
    b"BZh": "a bzip2 archive",
    b"\xfd7zXZ": "an xz archive",
    b"7z\xbc\xaf": "a 7z archive",
}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class NotText(ValueError):
    """The bytes are not a text document; the message says what they look like."""


def sniff_binary(data: bytes) -> Optional[str]:
    """A description of a binary format, or None when the bytes may be text."""
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            return what
    head = data[:8192]
    if b"\x00" in head and not any(head.startswith(bom) for bom, _ in _BOMS):
        return "binary data (NUL bytes)"
    return None


#: Labels pages declare that browsers read as windows-1252 (its C1 range holds the curly quotes).
_AS_WINDOWS = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252",
               "windows-1252": "cp1252"}


def decode_bytes(data: bytes, declared: Optional[str] = None) -> tuple[str, str]:
    """``(text, encoding name)``; raises :class:`NotText` for binaries (see :func:`decode_document`)."""
    text, info = decode_document(data, declared)
    return text, info["name"]


def decode_document(data: bytes, declared: Optional[str] = None) -> tuple[str, dict]:
    """``(text, decision)`` where the decision is ``{"name", "confidence", "replaced"}``.

    Order: byte-order mark; strict UTF-8 (legacy text is practically never valid UTF-8, and pages
    often declare the wrong charset); UTF-8 with U+FFFD for the few bad bytes when the rest is
    clearly UTF-8; the declared charset (an HTTP header or ``<meta>``) when the bytes fit it; else
    charset-normalizer's guess (cp1252 among equals: the web's stand-in for Latin-1); cp1252
    with replacement when nothing fits. Raises :class:`NotText` for binaries.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return _decoded(data, enc, 1.0)
    what = sniff_binary(data)
    if what:
        raise NotText(f"not a text document: looks like {what}")
    try:
        return data.decode("utf-8"), _decision("utf-8", 1.0, 0)
    except UnicodeDecodeError:
        pass
    text, bad, good = _utf8_with_replacement(data)
    if good >= bad and bad <= max(1, len(data) // 100):
        return text, _decision("utf-8", round(good / (good + bad), 3), bad)
    if declared:
        declared = _AS_WINDOWS.get(declared.strip().lower(), declared.strip().lower())
        try:
            return data.decode(declared), _decision(declared, 1.0, 0)
        except (LookupError, UnicodeDecodeError):
            pass
    if _high_bytes(data) < 8:         # a few accents in English text: nothing to guess from, cp1252 reads them
        return _decoded(data, "cp1252", 0.5)
    guess, confidence = _guess(data)
    if guess:
        try:
            return data.decode(guess), _decision(guess, confidence, 0)
        except (LookupError, UnicodeDecodeError):
            pass
    return _decoded(data, "cp1252", 0.0)


def _high_bytes(data: bytes) -> int:
    return len(data) - len(data.translate(None, bytes(range(0x80, 0x100))))


def decode_fragment(data: bytes, hint: Optional[str] = None) -> tuple[str, dict]:
    """A piece of a stream (one JSON line) that is not valid UTF-8: ``(text, decision)``, never raising.

    Cheaper than :func:`decode_document` because a stream has many pieces: mostly-UTF-8 keeps
    UTF-8; else the stream's earlier decision (``hint``) is reused; else a few stray bytes are read
    as cp1252, and only a piece with real legacy text asks charset-normalizer.
    """
    text, bad, good = _utf8_with_replacement(data)
    if good >= bad and bad <= max(1, len(data) // 100):
        return text, _decision("utf-8", round(good / (good + bad), 3), bad)
    name, confidence = hint, 0.9
    if name is None:
        name, confidence = _guess(data) if _high_bytes(data) >= 8 else ("cp1252", 0.5)
    try:
        return _decoded(data, name or "cp1252", confidence)
    except LookupError:
        return _decoded(data, "cp1252", 0.5)


def _decision(name: str, confidence: float, replaced: int) -> dict:
    return {"name": name, "confidence": confidence, "replaced": replaced}


def _decoded(data: bytes, encoding: str, confidence: float) -> tuple[str, dict]:
    text = data.decode(encoding, errors="replace")
    replaced = text.count("\ufffd") - data.count(b"\xef\xbf\xbd") if encoding.startswith("utf-8") else \
        text.count("\ufffd")
    return text, _decision(encoding, confidence, max(0, replaced))


def _utf8_with_replacement(data: bytes) -> tuple[str, int, int]:
    """UTF-8 with U+FFFD for bad bytes, the number of bad sequences, and of good non-ASCII characters.

    Why count the good ones: a legacy code page gives (almost) no valid multi-byte sequences,
    while a UTF-8 text with one stray byte gives many; the bad share alone cannot tell a Latin-1
    page with three accents from a UTF-8 page with three broken bytes.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    non_ascii_chars = len(text) - (len(data) - _high_bytes(data))
    return text, bad, max(0, non_ascii_chars - bad)


#: Among equally likely guesses, the first of these that fits wins (the Windows code pages news sites use).
_PREFERRED = ("cp1252", "cp1251", "cp1250", "cp1253", "cp1254", "cp1256")


def _guess(data: bytes) -> tuple[Optional[str], float]:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a trafilatura dependency, normally present
        return None, 0.0
    matches = list(from_bytes(data[:200_000]))
    if not matches:
        return None, 0.0
    best_chaos = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= best_chaos + 0.02]
    for name in _PREFERRED:
        for m in tied:
            if name == m.encoding or name in (m.could_be_from_charset or ()):
                return name, round(1.0 - m.chaos, 3)
    best = tied[0]
    return best.encoding, round(1.0 - best.chaos, 3)
