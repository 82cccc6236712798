"""Split an article into runs so a template can mark evidence and actor mentions.

Offsets from the extractors index into ``Document.text``. The template must
escape every character itself (autoescape), so this module never builds HTML:
it returns plain runs, evidence as the outer level and actor mentions inside
it, which keeps the markup properly nested even when spans overlap.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

#: Number of distinct actor colours in the stylesheet (``actor-0`` … ``actor-9``).
ACTOR_COLOURS = 10


@dataclass
class Run:
    text: str
    actor: Optional[int] = None       # index into the legend, or None
    actor_id: Optional[str] = None


@dataclass
class Block:
    evidence: bool
    runs: list[Run] = field(default_factory=list)


@dataclass
class LegendEntry:
    index: int
    actor_id: str
    name: str
    kind: str = ""
    country: Optional[str] = None
    role: Optional[str] = None
    n_mentions: int = 0
    canonical_id: Optional[str] = None   # the store's cross-document actor id, when known

    @property
    def css(self) -> str:
        return f"actor-{self.index % ACTOR_COLOURS}"


def _clip(spans: Iterable[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    out = []
    for start, end in spans:
        try:
            start, end = max(0, int(start)), min(n, int(end))
        except (TypeError, ValueError):
            continue
        if end > start:
            out.append((start, end))
    return sorted(out)


def merge(spans: Iterable[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    """Clip to ``[0, n)``, sort and merge overlapping spans."""
    merged: list[tuple[int, int]] = []
    for start, end in _clip(spans, n):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def legend(actors: list[dict]) -> list[LegendEntry]:
    """One colour per actor of the document, in order of first mention."""
    def first(a):
        ms = [m.get("start", 0) for m in a.get("mentions") or [] if isinstance(m, dict)]
        return min(ms) if ms else 10**12

    entries = []
    for i, a in enumerate(sorted((a for a in actors if a.get("id")), key=first)):
        entries.append(LegendEntry(i, a["id"], a.get("name") or a["id"], a.get("kind") or "",
                                   a.get("country"), a.get("role"), len(a.get("mentions") or []),
                                   a.get("canonical_id")))
    return entries


def mention_spans(actors: list[dict], entries: list[LegendEntry]) -> list[tuple[int, int, int, str]]:
    """``(start, end, legend index, actor id)`` for every mention; an earlier-starting, longer one wins overlaps."""
    index = {e.actor_id: e.index for e in entries}
    spans = []
    for a in actors:
        if a.get("id") not in index:
            continue
        for m in a.get("mentions") or []:
            if isinstance(m, dict) and m.get("end", 0) > m.get("start", 0):
                spans.append((int(m["start"]), int(m["end"]), index[a["id"]], a["id"]))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[tuple[int, int, int, str]] = []
    for s in spans:
        if not kept or s[0] >= kept[-1][1]:
            kept.append(s)
    return kept


def blocks(text: str, evidence: Iterable[tuple[int, int]], mentions: list[tuple[int, int, int, str]]) -> list[Block]:
    """The article as alternating plain/evidence blocks, each made of plain and actor runs."""
    n = len(text)
    ev = merge(evidence, n)
    cuts: list[tuple[int, int, bool]] = []
    pos = 0
    for start, end in ev:
        if start > pos:
            cuts.append((pos, start, False))
        cuts.append((start, end, True))
        pos = end
    if pos < n:
        cuts.append((pos, n, False))
    out = []
    for start, end, is_ev in cuts:
        block = Block(is_ev)
        cur = start
        for m_start, m_end, idx, actor_id in mentions:
            a, b = max(m_start, start), min(m_end, end)
            if b <= a or a < cur:
                continue
            if a > cur:
                block.runs.append(Run(text[cur:a]))
            block.runs.append(Run(text[a:b], idx, actor_id))
            cur = b
        if cur < end:
            block.runs.append(Run(text[cur:end]))
        out.append(block)
    return out


def annotate_article(text: str, actors: list[dict], evidence: Iterable[tuple[int, int]]):
    """``(blocks, legend)`` for a document text, its actors and the evidence spans to mark."""
    entries = legend(actors or [])
    return blocks(text or "", evidence, mention_spans(actors or [], entries)), entries


def evidence_spans(evidence: Iterable[dict]) -> list[tuple[int, int]]:
    """``[{start, end, text}]`` records → ``(start, end)`` pairs, skipping malformed ones."""
    out = []
    for e in evidence or []:
        if isinstance(e, dict) and isinstance(e.get("start"), int) and isinstance(e.get("end"), int):
            out.append((e["start"], e["end"]))
    return out
