"""Per-document warnings and a batch summary for ``extract`` and ``ingest``.

A document can come through "successfully" and still be of little use: in a
language the extractors do not read, decoded from a guessed encoding with
characters replaced, or without a publication day so none of its events can
be dated. Each is said once per document on stderr and counted in the summary,
so nothing is dropped without a word.
"""
from __future__ import annotations

from collections import Counter
from typing import Optional

from communique.model import Document

def encoding_problem(meta: dict) -> Optional[str]:
    """Why this document's decoding is doubtful, from ``meta["encoding"]`` ({name, confidence, replaced})."""
    enc = meta.get("encoding")
    if not enc:
        return None
    if isinstance(enc, str):
        enc = {"name": enc}
    name = str(enc.get("name") or "?")
    replaced = int(enc.get("replaced") or 0)
    confidence = enc.get("confidence")
    if replaced:
        return f"not valid {name}: {replaced} character(s) could not be decoded and were replaced"
    if name.lower().replace("_", "-") not in ("utf-8", "utf-8-sig", "ascii", "us-ascii"):
        sure = f", confidence {float(confidence):.2f}" if confidence is not None else ""
        return f"not valid UTF-8; decoded as {name}{sure}: check the text for garbled letters"
    return None


def document_notices(doc: Document, extract_languages=None) -> list[tuple[str, str]]:
    """``(kind, message)`` pairs for one document; kinds are counted in the summary."""
    if doc.error:
        return []
    if extract_languages is None:
        from communique.pipeline import EXTRACT_LANGUAGES as extract_languages
    out = []
    if doc.language and doc.language not in extract_languages:
        out.append(("language", f"language {doc.language!r} is not extracted (only "
                                f"{', '.join(sorted(extract_languages))}): stored without actors or events"))
    problem = encoding_problem(doc.meta or {})
    if problem:
        out.append(("encoding", problem))
    if not doc.published and (doc.meta or {}).get("format") == "text":
        out.append(("undated", "a plain-text file without a publication day: its events stay undated "
                               "(pass --published YYYY-MM-DD)"))
    return out


SUMMARY_WORDS = {
    "language": "not in a language the extractors read",
    "encoding": "with doubtful decoding",
    "undated": "without a publication day (events undated)",
}


class BatchNotices:
    """Collects per-document notices, prints each (unless quiet) and summarises the batch."""

    def __init__(self, echo, quiet: bool = False):
        self.echo = echo
        self.quiet = quiet
        self.counts: Counter = Counter()

    def see(self, doc: Document) -> None:
        for kind, message in document_notices(doc):
            self.counts[kind] += 1
            if not self.quiet:
                self.echo(f"warning: {doc.id}: {message}")

    def summary(self) -> Optional[str]:
        parts = [f"{n} {SUMMARY_WORDS[k]}" for k, n in sorted(self.counts.items()) if n]
        return ("notices: " + "; ".join(parts)) if parts else None
