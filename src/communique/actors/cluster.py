"""The cluster of mentions that becomes one actor, and the weights of country evidence."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from communique.actors.candidates import Cand
from communique.actors.names import strip_possessive
from communique.model import Span

#: Weights of country evidence for a person: role phrase, role possessor, description, a country word the
#: parse links to the name, a subject/modifier country in the same sentence (last resort), the setting.
W_ROLE, W_POSSESSOR, W_DESCRIPTION, W_LINKED, W_SENTENCE, W_STORY = 10.0, 8.0, 5.0, 2.0, 1.0, 0.5


@dataclass
class Cluster:
    """Mentions believed to name one actor, with the evidence gathered about it."""

    kind: str
    key: str
    mentions: list[Cand] = field(default_factory=list)
    descriptions: list[Span] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    votes: Counter = field(default_factory=Counter)
    possessors: list[int] = field(default_factory=list)   # token indices of possessor names
    country: Optional[str] = None
    sector: Optional[str] = None
    kb_id: Optional[str] = None           # knowledge-base person id when linked
    kb_role: Optional[str] = None         # the KB title held on the publication day
    kb_name: Optional[str] = None         # the KB's name, for a holder the story names only by title

    @property
    def first(self) -> int:
        starts = [m.start for m in self.mentions] + [d.start for d in self.descriptions]
        return min(starts)

    def best_name(self) -> str:
        if not self.mentions and self.kb_name:
            return self.kb_name
        names = [strip_possessive(m.text) for m in self.mentions]
        return max(names, key=lambda n: (len(n.split()), -names.index(n))) if names else ""
