"""Cluster a document's mentions into actors and code each one (country, role, sector).

The stages: repair spaCy's entities (``candidates``), find and cluster people
(``people``), weigh each person's nationality (``nationality``), then group
organisations and countries and write :class:`~communique.model.Actor` records
with every mention's offsets into ``doc.text``.
"""
from __future__ import annotations

import re
from typing import Optional

from communique.actors.candidates import Cand, entity_candidates
from communique.actors.cluster import Cluster
from communique.actors.lexicon import lexicon
from communique.actors.linking import (add_kb_full_names, add_kb_single_names, link_people, promote_kb_surnames,
                                       publication_day)
from communique.actors.names import strip_possessive
from communique.actors.nationality import (code_roles, dateline_country, decide_countries, is_setting,
                                           link_descriptions, sentence_votes, story_country, top_country)
from communique.actors.people import (add_bare_surnames, add_described_names, add_titled_names, cluster_people,
                                      promote_known_surnames, promote_people)
from communique.geo import country_name, gazetteer
from communique.model import Actor, Document, Span


def resolve_actors(doc: Document, sdoc) -> Document:
    """Fill ``doc.actors`` from the parse; every mention's offsets index ``doc.text``."""
    day = publication_day(doc.published)
    cands = entity_candidates(sdoc)
    promote_kb_surnames(sdoc, cands, day)
    promote_people(sdoc, cands)
    cands = add_titled_names(sdoc, cands)
    cands = add_described_names(sdoc, cands)
    promote_known_surnames(cands)       # "Qadri said" once "Bashir Qadri" is known to be a person
    cands = add_kb_full_names(sdoc, cands)
    cands = add_kb_single_names(sdoc, cands, day)
    cands = add_bare_surnames(sdoc, cands)
    people = cluster_people(cands)
    person_toks = {i for c in cands if c.label == "PERSON" for i in range(c.tok_start, c.tok_end)}
    role_toks = code_roles(sdoc, people, person_toks)
    link_people(sdoc, people, day)       # ids first, so a description can find its KB holder
    link_descriptions(doc.text, sdoc, people, person_toks, day)
    sentence_votes(sdoc, cands, people, role_toks)
    dateline = dateline_country(doc.text)
    story = dateline or story_country([c for c in cands if c.label != "PLACE" or is_setting(sdoc[c.tok_end - 1])])
    decide_countries(people, cands, story, top_country(cands), dateline=bool(dateline))
    link_people(sdoc, people, day)
    orgs = _cluster_orgs(sdoc, cands)
    countries = _cluster_countries(cands)
    doc.actors = _to_actors(people + orgs + countries)
    if story:
        doc.meta["story_country"] = story
    return doc


# -- people -----------------------------------------------------------------
def _cluster_orgs(sdoc, cands: list[Cand]) -> list[Cluster]:
    lex = lexicon()
    clusters: dict[str, Cluster] = {}
    for c in cands:
        if c.label != "ORG":
            continue
        known = lex.org(c.text)
        key = known.name if known else re.sub(r"^the\s+", "", strip_possessive(c.text), flags=re.I).lower()
        cl = clusters.setdefault(key, Cluster("organization", key))
        cl.mentions.append(c)
        if cl.country is None:
            cl.country = c.country or _org_country(sdoc, c)
        if cl.sector is None:
            cl.sector = c.sector or (known.sector if known else None) or _org_sector(c.text)
    return list(clusters.values())


def _org_country(sdoc, c: Cand) -> Optional[str]:
    gaz = gazetteer()
    for tok in sdoc[c.tok_start:c.tok_end]:
        iso = gaz.country(tok.text) or gaz.demonym(tok.text)
        if iso:
            return iso
    if c.tok_start > 0:
        prev = sdoc[c.tok_start - 1]
        if prev.lower_ == "the" and c.tok_start > 1:
            prev = sdoc[c.tok_start - 2]
        if prev.text in ("'s", "’s") and prev.i > 0:
            prev = sdoc[prev.i - 1]
        return gaz.country(prev.text) or gaz.demonym(prev.text)
    return None


def _org_sector(text: str) -> Optional[str]:
    sectors = lexicon().org_sector
    for word in reversed(re.findall(r"[\w']+", text.lower())):
        if word in sectors:
            return sectors[word]
    return None


def _cluster_countries(cands: list[Cand]) -> list[Cluster]:
    clusters: dict[str, Cluster] = {}
    for c in cands:
        if c.label in ("COUNTRY", "NORP") and c.country:
            cl = clusters.setdefault(c.country, Cluster("country", c.country, country=c.country))
            cl.mentions.append(c)
    return list(clusters.values())


def _to_actors(clusters: list[Cluster]) -> list[Actor]:
    clusters = [cl for cl in clusters if cl.mentions or (cl.kb_name and cl.descriptions)]
    clusters.sort(key=lambda cl: cl.first)
    actors = []
    for n, cl in enumerate(clusters, 1):
        name = country_name(cl.country) if cl.kind == "country" else cl.best_name()
        if cl.kind == "organization":
            name = re.sub(r"^the\s+", "", name, flags=re.I)
        spans = sorted([Span(m.start, m.start + len(strip_possessive(m.text)), strip_possessive(m.text))
                        for m in cl.mentions] + cl.descriptions, key=lambda s: s.start)
        aliases = []
        for s in spans:
            if s.text != name and s.text not in aliases:
                aliases.append(s.text)
        actors.append(Actor(id=f"a{n}", name=name, kind=cl.kind, country=cl.country,
                            role=cl.kb_role or (cl.roles[0] if cl.roles else None), kb_id=cl.kb_id,
                            sector=cl.sector or ("GOV" if cl.kind == "country" else None),
                            aliases=aliases, mentions=spans))
    return actors


def actor_at(doc: Document, start: int, end: int) -> Optional[Actor]:
    """The actor with a mention overlapping ``[start, end)`` (longest overlap wins)."""
    best, best_overlap = None, 0
    for a in doc.actors:
        for m in a.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > best_overlap:
                best, best_overlap = a, overlap
    return best
