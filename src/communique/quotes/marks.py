"""Pair quotation marks into quoted stretches of text.

Why context and not glyphs: scraped news mixes straight and curly marks freely
(`"I'm aware,”`), so each mark is classed as opening or closing from the
characters around it, falling back on its shape. A quotation never crosses a
paragraph break, except by the typographic convention for long quotations
(a paragraph that opens a quote and does not close it, followed by a paragraph
that opens again). Overlong or unclosed stretches are dropped, so a stray mark
cannot swallow the document.

Single marks (‘…’ and '…') are the house style of British, Irish, Australian,
Indian and much of Asian English-language press, but the same glyphs are
apostrophes ("Kazakhstan’s", "leaders’ summit", "’90s"). So a single mark only
opens after a space or bracket and before a letter, only closes after a word or
punctuation and before a space or punctuation, and a closer that could be a
plural possessive ("ministers’ meeting") gives way to a clearer closer later in
the paragraph. A quotation inside another quotation belongs to the outer one.
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
    """Every quoted stretch in ``text``, double or single marks, outermost only, in order. Never raises on odd
    input."""
    if not text:
        return []
    double = _double_spans(text, max_chars) if _MARK_RE.search(text) else []
    single = _single_spans(text, max_chars) if _SINGLE_RE.search(text) else []
    return _outermost(double, single) if single else double


def _double_spans(text: str, max_chars: int) -> list[QuoteSpan]:
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
                group_id, group = _group(carry_group if open_at == lead else None, group)
                _add(spans, text, open_at, i, group_id, open_at == lead)
                carry_group = None
                open_at = None
        if open_at is not None and open_at == lead and p1 - open_at <= max_chars:
            carry_group, group = _open_to_paragraph_end(spans, text, open_at, p1, carry_group, group, MARKS)
        else:
            carry_group = None
    return spans


def _group(carried: Optional[int], last: int) -> tuple[int, int]:
    """(the quotation's group, the last group number): the group carried over from the previous paragraph, else a
    new one."""
    return (carried, last) if carried is not None else (last + 1, last + 1)


def _open_to_paragraph_end(spans, text, open_at, p1, carry, group, openers) -> tuple[Optional[int], int]:
    """An unclosed quotation opening its paragraph runs to the paragraph's end and continues into the next
    paragraph when that one opens a quotation too: (the group carried over or None, the last group number)."""
    group_id, group = _group(carry, group)
    _add(spans, text, open_at, None, group_id, True, end=p1)
    nxt = _next_paragraph_start(text, p1)
    return (group_id if nxt is not None and text[nxt] in openers else None), group


SINGLE_OPENERS = "‘'"
SINGLE_CLOSERS = "’'"
_SINGLE_RE = re.compile("[‘’']")
_STRONG_BEFORE = set(",.!?…;:—–-")
_AFTER_CLOSE = set(",.;:!?)]}—–-\"”»")


def _single_role(text: str, i: int) -> tuple[bool, bool]:
    """(may open, may close) for a single mark at ``i``; an apostrophe inside a word is neither."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    opens = (ch in SINGLE_OPENERS and (prev in _OPEN_BEFORE or prev.isspace() or prev in '"“')
             and nxt.isalpha())
    closes = (ch in SINGLE_CLOSERS and not prev.isspace() and prev not in _OPEN_BEFORE
              and (nxt.isspace() or nxt in _AFTER_CLOSE))
    return opens, closes


def _single_closer(text: str, closers: list[int], open_at: int, limit: int) -> Optional[int]:
    """The closer for the single mark opened at ``open_at``: the first one that cannot be a plural possessive
    ("the leaders’ summit"); such a look-alike only counts when nothing clearer follows."""
    fallback = None
    for c in closers:
        if c <= open_at + 1 or c - open_at > limit:
            continue
        if text[c - 1] in "sS" and text[c + 1:c + 2] == " " and text[c + 2:c + 3].islower():
            fallback = c if fallback is None else fallback
            continue
        return c
    return fallback


def _single_spans(text: str, max_chars: int) -> list[QuoteSpan]:
    """Quotations in single marks, paragraph by paragraph (same long-quotation convention as double marks)."""
    spans: list[QuoteSpan] = []
    group = 10**6          # distinct from the double-mark groups
    carry: Optional[int] = None
    for p0, p1 in _paragraphs(text):
        lead = p0 + (len(text[p0:p1]) - len(text[p0:p1].lstrip()))
        roles = [(m.start(), *_single_role(text, m.start())) for m in _SINGLE_RE.finditer(text, p0, p1)]
        closers = [i for i, _, c in roles if c]
        pos, opened_at_lead = p0, None
        for i, may_open, _ in roles:
            if not may_open or i < pos:
                continue
            close = _single_closer(text, closers, i, max_chars)
            if close is None:
                if i == lead:
                    opened_at_lead = i
                break
            inner = text[i + 1:close]
            if " " in inner.strip() or text[close - 1] in _STRONG_BEFORE:
                group_id, group = _group(carry if i == lead else None, group)
                _add(spans, text, i, close, group_id, i == lead)
                carry = None
            pos = close + 1
        if opened_at_lead is not None and p1 - opened_at_lead <= max_chars:
            carry, group = _open_to_paragraph_end(spans, text, opened_at_lead, p1, carry, group, SINGLE_OPENERS)
        else:
            carry = None
    return spans


def _outermost(double: list[QuoteSpan], single: list[QuoteSpan]) -> list[QuoteSpan]:
    """One quotation where two overlap: the outer one when the document's own style is single marks
    ("‘He said “no”,’"), else the double-marked one, so a stray apostrophe never swallows a real quotation."""
    def outer_end(s: QuoteSpan) -> int:
        return s.close_mark if s.close_mark is not None else s.end

    def overlaps(a: QuoteSpan, b: QuoteSpan) -> bool:
        return a.open_mark <= outer_end(b) and b.open_mark <= outer_end(a)

    if len(single) < len(double):
        single = [s for s in single if not any(overlaps(s, d) for d in double)]
    spans = sorted(double + single, key=lambda s: (s.open_mark, -outer_end(s)))
    kept: list[QuoteSpan] = []
    for s in spans:
        if kept and s.open_mark <= outer_end(kept[-1]):
            continue
        kept.append(s)
    return kept


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
