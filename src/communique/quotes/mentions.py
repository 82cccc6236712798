"""Who could be speaking: actor mentions, with spaCy entities as a fallback.

Why a fallback: the actors stage normally covers names and descriptions ("the
Russian leader"); where it has nothing for a span, a PERSON (or ORG/NORP/GPE)
entity still gives a usable speaker. Entity surnames are folded into the fullest
name seen ("Bennett" → "Richard Bennett") so the speaker name is stable.
"""
from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass
from typing import Optional

from communique.model import Document, Side

_ENT_LABELS = {"PERSON": "person", "ORG": "organization", "NORP": "group", "GPE": "country"}
_HONORIFICS = {"mr", "mrs", "ms", "dr", "prof", "sir", "president", "minister", "gen", "general"}


@dataclass
class Mention:
    start: int
    end: int
    side: Side
    kind: str          # person | organization | country | group


def _side_key(side: Side) -> str:
    return side.actor_id or side.name or ""


class MentionIndex:
    """Mentions sorted by start offset, with lookups by span and by position."""

    def __init__(self, doc: Document, sdoc=None):
        self.mentions: list[Mention] = []
        for actor in doc.actors or []:
            side = Side(name=actor.name, country=actor.country, actor_id=actor.id)
            for sp in actor.mentions or []:
                if sp.end > sp.start:
                    self.mentions.append(Mention(sp.start, sp.end, side, actor.kind or "person"))
        covered = sorted((m.start, m.end) for m in self.mentions)
        if sdoc is not None:
            self._add_entities(sdoc, covered)
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.mentions]

    def _add_entities(self, sdoc, covered):
        ents = [e for e in getattr(sdoc, "ents", ()) if e.label_ in _ENT_LABELS]
        people = [e for e in ents if e.label_ == "PERSON"]
        fullest: dict[str, str] = {}
        for e in sorted(people, key=lambda e: -len(e.text)):
            name = _clean_name(e.text)
            last = name.split()[-1].lower() if name.split() else ""
            if last and last not in fullest:
                fullest[last] = name
        starts = [s for s, _ in covered]
        reach = list(itertools.accumulate((t for _, t in covered), max))   # farthest end up to each start
        for e in ents:
            i = bisect.bisect_left(starts, e.end_char) - 1      # the last covered span starting before the entity ends
            if i >= 0 and reach[i] > e.start_char:
                continue
            kind = _ENT_LABELS[e.label_]
            name = _clean_name(e.text)
            if not name:
                continue
            if kind == "person":
                name = fullest.get(name.split()[-1].lower(), name)
            self.mentions.append(Mention(e.start_char, e.end_char, Side(name=name), kind))

    # ------------------------------------------------------------------
    def covering(self, start: int, end: int, head: Optional[int] = None) -> Optional[Mention]:
        """The mention inside/overlapping ``[start, end)``: the one holding ``head`` first,
        then a person, then the first one."""
        i = bisect.bisect_left(self._starts, start - 200)
        j = bisect.bisect_left(self._starts, end)          # mentions starting at or after ``end`` cannot overlap
        hits = [m for m in self.mentions[i:j] if start < m.end]
        if not hits:
            return None
        if head is not None:
            at_head = [m for m in hits if m.start <= head < m.end]
            if at_head:
                return max(at_head, key=lambda m: m.end - m.start)
        people = [m for m in hits if m.kind == "person"]
        return (people or hits)[0]

    def before(self, pos: int, lo: int = 0) -> list[Mention]:
        """Mentions ending at or before ``pos`` and starting at or after ``lo``, latest last."""
        i = bisect.bisect_right(self._starts, pos)
        j = bisect.bisect_left(self._starts, lo)
        return [m for m in self.mentions[j:i] if m.end <= pos]


def _clean_name(text: str) -> str:
    words = text.replace("’s", "").replace("'s", "").strip(" ,.;:’'\"").split()
    while words and words[0].lower().rstrip(".") in _HONORIFICS and len(words) > 1:
        words = words[1:]
    return " ".join(words)


def same_side(a: Optional[Side], b: Optional[Side]) -> bool:
    return a is not None and b is not None and _side_key(a) == _side_key(b)
