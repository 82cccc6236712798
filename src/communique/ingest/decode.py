"""Bytes to text: byte-order marks, UTF-8, then a charset guess; binaries refused.

Why not just ``decode('utf-8', 'replace')``: scraped pages arrive in cp1251,
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


def decode_bytes(data: bytes, declared: Optional[str] = None) -> tuple[str, str]:
    """``(text, encoding)``; raises :class:`NotText` for binaries.

    Order: byte-order mark, the declared charset (an HTTP header or ``<meta>``),
    strict UTF-8, then charset-normalizer's guess, then cp1252 which never fails.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    what = sniff_binary(data)
    if what:
        raise NotText(f"not a text document: looks like {what}")
    if declared:
        try:
            return data.decode(declared), declared.lower()
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    guess = _guess(data)
    if guess:
        try:
            return data.decode(guess), guess
        except (LookupError, UnicodeDecodeError):
            pass
    return data.decode("cp1252", errors="replace"), "cp1252"


def _guess(data: bytes) -> Optional[str]:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a trafilatura dependency, normally present
        return None
    best = from_bytes(data[:200_000]).best()
    return best.encoding if best is not None else None
