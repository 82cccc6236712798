"""Actor lexicons (titles, sectors, organisation words, known organisations) loaded once from data files."""
from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Optional

from communique.geo import _data_rows, normalize


@dataclass
class KnownOrg:
    name: str
    acronym: Optional[str]
    country: Optional[str]
    sector: str


@dataclass
class ActorLexicon:
    title_sector: dict[str, str] = field(default_factory=dict)    # "deputy foreign minister" -> GOV
    max_title_words: int = 1
    people_nouns: set[str] = field(default_factory=set)
    org_words: set[str] = field(default_factory=set)
    org_surnames: set[str] = field(default_factory=set)           # "park": an org word and a family name
    description_heads: list[str] = field(default_factory=list)
    office_heads: set[str] = field(default_factory=set)            # "minister": refers to that title's holder
    same_office: dict[str, list[str]] = field(default_factory=dict)  # "premier" -> ["premier", "prime minister"]
    org_sector: dict[str, str] = field(default_factory=dict)
    orgs: dict[str, KnownOrg] = field(default_factory=dict)        # normalised name/acronym -> org
    expert_nouns: set[str] = field(default_factory=set)            # "analyst", "scholar": no topic country
    thing_names: dict[str, str] = field(default_factory=dict)      # "aurus senat" -> vehicle
    thing_heads: dict[str, str] = field(default_factory=dict)      # "statue" -> monument

    def thing(self, text: str) -> Optional[str]:
        """The kind of a named thing that is no actor ("Aurus Senat", "the Bronze Horseman statue")."""
        key = normalize(text)
        if key in self.thing_names:
            return self.thing_names[key]
        words = key.split()
        return self.thing_heads.get(words[-1]) if len(words) > 1 else None

    def is_expert(self, roles: list[str]) -> bool:
        return any(w.rstrip("s") in self.expert_nouns for r in roles for w in r.lower().split())

    def title_at(self, words: list[str], i: int) -> Optional[tuple[int, str]]:
        """Longest title starting at ``words[i]``: (length, sector)."""
        for n in range(min(self.max_title_words, len(words) - i), 0, -1):
            phrase = " ".join(words[i:i + n]).lower()
            if phrase in self.title_sector:
                return n, self.title_sector[phrase]
        return None

    def sector_of_title(self, role: str) -> Optional[str]:
        """Sector of the longest title found anywhere in ``role``."""
        words = role.lower().replace("’s", " ").replace("'s", " ").split()
        best = None
        for i in range(len(words)):
            hit = self.title_at(words, i)
            if hit and (best is None or hit[0] > best[0]):
                best = hit
        return best[1] if best else None

    def people_words(self) -> set[str]:
        """Titles, people nouns and expert nouns: what an apposition or predicate says of a person."""
        return set(self.title_sector) | self.people_nouns | self.expert_nouns

    def holds_office(self, roles: list[str], head: str) -> bool:
        """Whether one of ``roles`` is the office a description head names ("the premier" → "Prime Minister")."""
        head = " ".join(head.lower().split())
        words = self.same_office.get(head, [head])
        return any(w in r.lower() for r in roles if r for w in words)

    def org(self, text: str) -> Optional[KnownOrg]:
        return self.orgs.get(normalize(text))


@functools.lru_cache(maxsize=1)
def lexicon() -> ActorLexicon:
    raw = tomllib.loads(resources.files("communique.data").joinpath("actors_titles.toml").read_text("utf-8"))
    lex = ActorLexicon()
    for sector, titles in raw["sector"].items():
        for t in titles:
            lex.title_sector.setdefault(t.lower(), sector)
    lex.max_title_words = max(len(t.split()) for t in lex.title_sector)
    lex.people_nouns = {w.lower() for w in raw["people"]["nouns"]}
    lex.org_words = {w.lower() for w in raw["organization_words"]["words"]}
    lex.org_surnames = {w.lower() for w in raw["organization_words"].get("surnames", [])}
    lex.expert_nouns = {w.lower() for w in raw.get("experts", {}).get("nouns", [])}
    lex.description_heads = sorted(raw["descriptions"]["heads"], key=len, reverse=True)
    lex.office_heads = set(raw["descriptions"].get("office_heads", []))
    lex.same_office = dict(raw["descriptions"].get("same_office", {}))
    for sector, words in raw["org_sector"].items():
        for w in words:
            lex.org_sector.setdefault(w, sector)
    for name, kind, match in _data_rows("actors_things.tsv"):
        (lex.thing_heads if match == "head" else lex.thing_names)[normalize(name)] = kind
    for name, acronym, country, sector in _data_rows("actors_organizations.tsv"):
        org = KnownOrg(name, acronym or None, country or None, sector)
        lex.orgs.setdefault(normalize(name), org)
        if acronym:
            lex.orgs.setdefault(normalize(acronym), org)
    return lex
