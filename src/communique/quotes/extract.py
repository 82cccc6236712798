"""Direct and partial quotations with their speakers (see ``docs/quotes.md``)."""
from __future__ import annotations

import logging
from typing import Optional

from communique.model import Document, Quote, Side
from communique.quotes.lexicon import lexicon
from communique.quotes.marks import QuoteSpan, find_quote_spans
from communique.quotes.mentions import MentionIndex
from communique.quotes.speaker import SpeakerFinder

log = logging.getLogger(__name__)


def extract_quotes(doc: Document, sdoc=None) -> list[Quote]:
    """Every quotation in ``doc.text`` with its speaker. Never raises: a failure gives []."""
    try:
        return _extract(doc, sdoc)
    except Exception:  # quotes are a bonus: a bug here must not lose the document
        log.exception("quote extraction failed for %s", getattr(doc, "id", "?"))
        return []


def _extract(doc: Document, sdoc) -> list[Quote]:
    text = doc.text or ""
    if sdoc is not None and len(sdoc.text) != len(text):
        sdoc = None if not text.startswith(sdoc.text) else sdoc
    spans = find_quote_spans(text, int(lexicon()["limits"]["max_quote_chars"]))
    if not spans:
        return []
    zones = [(s.open_mark, s.close_mark if s.close_mark is not None else s.end) for s in spans]
    finder = SpeakerFinder(text, sdoc, MentionIndex(doc, sdoc), zones)
    partial = [is_partial(text, s) for s in spans]

    speakers: list[Optional[Side]] = [None] * len(spans)
    found = [False] * len(spans)
    previous: list[tuple[int, Optional[Side]]] = []
    for i, s in enumerate(spans):
        found[i], speakers[i] = _attribute(finder, spans, i, partial[i], previous)
        previous.append((s.open_mark, speakers[i]))
    _share_within_groups(spans, found, speakers)
    previous = []
    for i, s in enumerate(spans):
        if not found[i]:
            speakers[i] = _unattributed(finder, spans, i, previous)
        previous.append((s.open_mark, speakers[i]))
    return [Quote(text=text[s.start:s.end], start=s.start, end=s.end, speaker=speakers[i], partial=partial[i])
            for i, s in enumerate(spans)]


def is_partial(text: str, s: QuoteSpan) -> bool:
    """A fragment inside a reporting sentence: words run straight into the opening mark,
    or the quotation starts in lower case."""
    before = text[max(0, s.open_mark - 3):s.open_mark].rstrip()
    first = text[s.start:s.start + 1]
    if first.islower():
        return True
    return bool(before) and (before[-1].isalnum() or before[-1] in ")’'")


def _regions(finder: SpeakerFinder, spans: list[QuoteSpan], i: int) -> tuple[tuple[int, int], tuple[int, int]]:
    """(pre, post): the reporting text of the quotation's sentence before and after it,
    stopping at neighbouring quotations."""
    s = spans[i]
    text = finder.text
    lo = max(finder.sents.start_before(s.open_mark), s.open_mark - finder.lookback_chars)
    if i > 0:
        prev = spans[i - 1]
        lo = max(lo, (prev.close_mark if prev.close_mark is not None else prev.end) + 1)
    pre = (lo, s.open_mark)
    close = s.close_mark if s.close_mark is not None else s.end
    hi = min(finder.sents.end_after(close + 1), close + 1 + finder.lookback_chars)
    if i + 1 < len(spans):
        hi = min(hi, spans[i + 1].open_mark)
    hi = min(hi, len(text))
    # a quotation ending a sentence ('… over."  Next …') has no attribution after it
    inner_end = text[s.start:s.end].rstrip()
    after = text[close + 1:hi].lstrip()
    if inner_end.endswith(".") and after[:1].isupper():
        hi = close + 1
    if s.close_mark is None:
        hi = close
    return pre, (close + 1, hi)


def _attribute(finder, spans, i, partial, previous) -> tuple[bool, Optional[Side]]:
    """Speech verbs around the quotation in its own sentence: after it first for a full
    quotation ("…," she said), before it first for a fragment (she called it "…")."""
    pre, post = _regions(finder, spans, i)
    order = (pre, post) if partial else (post, pre)
    any_found = False
    for region in order:
        ok, side = finder.from_region(region[0], region[1], prefer_last=(region is pre), previous=previous)
        if side is not None:
            return True, side
        any_found = any_found or ok
    return any_found, None


def _share_within_groups(spans, found, speakers):
    """Segments of one multi-paragraph quotation share the speaker any of them names."""
    groups: dict[int, list[int]] = {}
    for i, s in enumerate(spans):
        groups.setdefault(s.group, []).append(i)
    for idx in groups.values():
        if len(idx) < 2:
            continue
        named = [i for i in idx if found[i]]
        if not named:
            continue
        for i in idx:
            if not found[i]:
                found[i], speakers[i] = True, speakers[named[-1]]


def _unattributed(finder: SpeakerFinder, spans, i, previous) -> Optional[Side]:
    s = spans[i]
    pre, post = _regions(finder, spans, i)
    close = s.close_mark if s.close_mark is not None else s.end
    next_end = min(finder.sents.end_after(finder.sents.end_after(close + 1)), close + 400)
    if finder.has_sign_words(pre[0], pre[1], leading=True) or finder.has_sign_words(close + 1, next_end):
        return None
    return finder.latest_before(s.open_mark, previous)
