"""Pair quotation marks into quoted stretches of text.

Why context and not glyphs: scraped news mixes straight and curly marks freely
(`"I'm aware,”`), so each mark is classed as opening or closing from the
characters around it, falling back on its shape. A quotation never crosses a
paragraph break, except by the typographic convention for long quotations
(a paragraph that opens a quote and does not close it, followed by a paragraph
that opens again). Overlong or unclosed stretches are dropped, so a stray mark
cannot swallow the document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

OPENERS = "“«„"
CLOSERS = "”»"
MARKS = '"' + OPENERS + CLOSERS
_MARK_RE = re.compile("[" + re.escape(MARKS) + "]")
_OPEN_BEFORE = set(" \t\n\r([{—–-/:;\u00a0") | set(OPENERS)


@dataclass
class QuoteSpan:
    """The words inside one pair of marks: ``start``/``end`` index the inner text."""

    start: int
    end: int
    open_mark: int                  # offset of the opening mark
    close_mark: Optional[int]       # offset of the closing mark; None when a paragraph ends it
    group: int = 0                  # segments of one multi-paragraph quotation share a group
    paragraph_start: bool = False   # the opening mark begins its paragraph


def _role(text: str, i: int) -> Optional[str]:
    """"open", "close" or None (a mark with space on both sides tells nothing)."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    left_open = prev in _OPEN_BEFORE or prev.isspace()
    right_open = not nxt.isspace()
    if left_open and right_open and nxt not in ",.;:!?)":
        return "open"
    if not left_open and (nxt.isspace() or not nxt.isalnum()):
        return "close"
    if ch in OPENERS:
        return "open"
    if ch in CLOSERS:
        return "close"
    return None


def _paragraphs(text: str):
    """(start, end) of each paragraph: runs of text between newlines."""
    for m in re.finditer(r"[^\n]+", text):
        yield m.start(), m.end()


def find_quote_spans(text: str, max_chars: int = 1500) -> list[QuoteSpan]:
    """Every quoted stretch in ``text``, in order. Never raises on odd input."""
    if not text or not _MARK_RE.search(text):
        return []
    spans: list[QuoteSpan] = []
    group = 0
    carry_group: Optional[int] = None     # a quotation left open at the previous paragraph's end
    for p0, p1 in _paragraphs(text):
        lead = p0 + (len(text[p0:p1]) - len(text[p0:p1].lstrip()))
        open_at: Optional[int] = None
        for m in _MARK_RE.finditer(text, p0, p1):
            i = m.start()
            role = _role(text, i)
            if open_at is not None and i - open_at > max_chars:
                open_at = None                       # too long: the opener was stray
            if role == "open" or (role is None and open_at is None):
                if open_at is not None and role is None:
                    continue
                open_at = i
            elif role == "close" or (role is None and open_at is not None):
                if open_at is None:
                    continue                         # a closer with no opener: ignore
                group_id = carry_group if (carry_group is not None and open_at == lead) else None
                if group_id is None:
                    group += 1
                    group_id = group
                _add(spans, text, open_at, i, group_id, open_at == lead)
                carry_group = None
                open_at = None
        if open_at is not None and open_at == lead and p1 - open_at <= max_chars:
            # unclosed quotation opening the paragraph: runs to its end and may continue
            group_id = carry_group if carry_group is not None else None
            if group_id is None:
                group += 1
                group_id = group
            _add(spans, text, open_at, None, group_id, True, end=p1)
            nxt = _next_paragraph_start(text, p1)
            carry_group = group_id if nxt is not None and text[nxt] in MARKS else None
        else:
            carry_group = None
    return spans


def _next_paragraph_start(text: str, p1: int) -> Optional[int]:
    m = re.compile(r"\S").search(text, p1)
    return m.start() if m else None


def _add(spans, text, open_at, close_at, group_id, para_start, end=None):
    s = open_at + 1
    e = close_at if close_at is not None else end
    inner = text[s:e]
    stripped = inner.strip()
    if not stripped or not any(c.isalpha() for c in stripped):
        return
    s += len(inner) - len(inner.lstrip())
    e = s + len(stripped)
    spans.append(QuoteSpan(s, e, open_at, close_at, group_id, para_start))
