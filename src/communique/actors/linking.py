"""Link people to the knowledge base at the publication date.

Why at the publication date: an office changes hands ("Tokayev" in 2018 chairs the
Senate; from 20 March 2019 he is President), so the role, sector and state a linked
person serves are the ones valid on the day the story appeared. A link is made from a
full name or alias; a bare surname links only when no fuller name in the document
carries it and exactly one person of that surname held an office that day
("Kishida met Biden." in 2023). Names the KB does not know keep the text's evidence.
"""
from __future__ import annotations

import re
from typing import Optional

from communique.actors.candidates import Cand
from communique.actors.cluster import Cluster
from communique.actors.names import strip_possessive


def publication_day(published: Optional[str]) -> Optional[str]:
    return published[:10] if published and len(published) >= 10 else None


def promote_kb_surnames(sdoc, cands: list[Cand], day: Optional[str]) -> None:
    """A one-word ORG, unplaced PLACE or unknown people-word ("Albanese", which the tagger reads as a nationality)
    that is the surname (or a one-word name the KB records, "Lula") of exactly one office-holder that day is that
    person."""
    from communique.kb import knowledge_base
    from communique.kb.keys import is_acronym

    if not day:
        return
    kb = knowledge_base()
    for c in cands:
        if c.label in ("ORG", "PLACE", "NORP") and not c.country and not c.sector and len(c.text.split()) == 1 \
                and c.text[:1].isupper() and not is_acronym(c.text) and not part_of_longer_name(sdoc, c) \
                and (kb.link_surname(c.text, day) or kb.link(c.text, day)) \
                and (c.label != "NORP" or sdoc[c.tok_start].dep_ in _NAME_DEPS):
            c.label = "PERSON"      # a people-word modifying a noun ("the Albanese community") stays what it is


def add_kb_full_names(sdoc, cands: list[Cand]) -> list[Cand]:
    """Full names the KB knows that the tagger missed ("... with French Minister of Armed Forces Florence
    Parly"): runs of 2–4 capitalised proper nouns outside any entity whose whole spelling is a KB name."""
    from communique.kb import knowledge_base

    kb = knowledge_base()
    covered = {i for c in cands for i in range(c.tok_start, c.tok_end)}
    extra, i, n = [], 0, len(sdoc)
    while i < n:
        if i in covered or not (sdoc[i].is_title and sdoc[i].pos_ == "PROPN"):
            i += 1
            continue
        j = i
        while j < n and j - i < 6 and j not in covered and sdoc[j].is_title and sdoc[j].pos_ == "PROPN" \
                and sdoc[j].sent.start == sdoc[i].sent.start:
            j += 1
        spans = sorted(((a, b) for a in range(i, j) for b in range(a + 2, min(a + 4, j) + 1)),
                       key=lambda ab: ab[0] - ab[1])          # longest first, at least two words
        hit = next((sdoc[a:b] for a, b in spans if kb.person_ids(sdoc[a:b].text)), None)
        if hit is not None:
            extra.append(Cand(hit.start_char, hit.end_char, hit.text, "PERSON", hit.start, hit.end))
        i = max(j, i + 1)
    return sorted(cands + extra, key=lambda c: c.start) if extra else cands


#: spaCy entity types that rule out a name ("in May" is a date, not Theresa May)
_NOT_NAME_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "EVENT", "LAW", "LANGUAGE"}
#: positions a bare name takes as an actor: subject, possessor, object, conjunct, apposition
_NAME_DEPS = {"nsubj", "nsubjpass", "poss", "dobj", "pobj", "conj", "appos", "dative"}


def add_kb_single_names(sdoc, cands: list[Cand], day: Optional[str]) -> list[Cand]:
    """One-word names the tagger missed that name exactly one office-holder on the day: "Zelenskyy thanked
    Erdogan", "Japarov and Rahmon signed", "Prabowo arrived" (surname, or a one-word alias the KB records)."""
    from communique.kb import knowledge_base
    from communique.kb.keys import is_acronym

    if not day:
        return cands
    kb = knowledge_base()
    covered = {i for c in cands for i in range(c.tok_start, c.tok_end)}
    extra = []
    for tok in sdoc:
        if tok.i in covered or tok.pos_ != "PROPN" or not tok.is_title or not tok.is_alpha or len(tok.text) < 2 \
                or is_acronym(tok.text) or tok.ent_type_ in _NOT_NAME_ENTS or tok.dep_ not in _NAME_DEPS:
            continue
        c = Cand(tok.idx, tok.idx + len(tok.text), tok.text, "PERSON", tok.i, tok.i + 1)
        if part_of_longer_name(sdoc, c):
            continue
        pid = kb.link(tok.text, day)
        surname = None if pid else kb.link_surname(tok.text, day)
        if pid or (surname and _family_name(kb, surname, tok.text)):
            extra.append(c)
    return sorted(cands + extra, key=lambda c: c.start) if extra else cands


def _family_name(kb, person_id: str, word: str) -> bool:
    """Whether ``word`` is the person's family name (first part in family-first names, else the last), not a
    given name that a stranger may share ("A Qiang" is not Li Qiang)."""
    from communique.actors.names import name_key
    from communique.kb.keys import FAMILY_FIRST, name_parts

    posts = kb.posts.get(person_id, ())
    if not posts:
        return False
    parts = name_parts(posts[0].name)
    if not parts:
        return False
    # Singapore's officials write both orders ("Lee Hsien Loong", "Vivian Balakrishnan"): either end may be the family
    ends = {parts[-1]} if posts[0].country not in FAMILY_FIRST else {parts[0]} | (
        {parts[-1]} if posts[0].country == "SGP" else set())
    return any(name_key(e) == name_key(word) for e in ends)      # spelling-insensitive: "Tokaev" is "Tokayev"


def part_of_longer_name(sdoc, c: Cand) -> bool:
    """"Park" in "Park Min-soo" split by the tagger: a name part next to another capitalised part is no bare surname."""
    from communique.actors.candidates import is_title_word

    def name_like(tok) -> bool:
        initial = len(tok.text.rstrip(".")) == 1       # "S Jaishankar": an initial does not make a longer name
        return tok.text in ("-", "‐") or (tok.is_title and tok.pos_ == "PROPN" and not is_title_word(tok.lower_)
                                          and not initial)
    before = c.tok_start > 0 and name_like(sdoc[c.tok_start - 1]) and not sdoc[c.tok_start - 1].is_sent_start
    after = c.tok_end < len(sdoc) and name_like(sdoc[c.tok_end])
    return before or after


def link_people(sdoc, people: list[Cluster], day: Optional[str]) -> None:
    """Set ``kb_id`` and, when linked, the dated country, role and sector of each person cluster."""
    from communique.kb import knowledge_base

    kb = knowledge_base()
    for cl in people:
        pid = _link(kb, sdoc, cl, day)
        if pid is None:
            continue
        country = kb.country_of(pid, day)
        if _contradicted(cl, country):
            continue        # a namesake: the text's own role phrase names another state
        cl.kb_id = pid
        if country:
            cl.country = country
        post = kb.post_on(pid, day)
        if post is not None:
            cl.kb_role = post.title or cl.kb_role
            cl.sector = post.sector or cl.sector
        elif cl.sector is None:
            cl.sector = kb.agent_sector(cl.roles[0]) if cl.roles else None


def _contradicted(cl: Cluster, kb_country: Optional[str]) -> bool:
    """"Indian External Affairs Minister Ravi Menon": strong text evidence for another state than the KB
    person's means the text speaks of someone else with that name."""
    from communique.actors.cluster import W_DESCRIPTION

    if not kb_country or cl.kb_id:
        return False
    strong = {c for c, v in cl.votes.items() if v >= W_DESCRIPTION}
    return bool(strong) and kb_country not in strong


#: royal titles that the KB keeps inside a monarch's name ("King Abdullah II", "Emir Tamim")
_ROYAL = ("King", "Queen", "Emir", "Sultan", "Crown Prince", "Prince", "Sheikh")


def _link(kb, sdoc, cl: Cluster, day: Optional[str]) -> Optional[str]:
    names = sorted({strip_possessive(m.text) for m in cl.mentions}, key=lambda n: -len(n.split()))
    for name in names:
        pid = kb.link(name, day)
        if pid:
            return pid
    royal = [t for t in _ROYAL if any(r.split()[-len(t.split()):] == t.split() for r in cl.roles if r)]
    for title in royal:            # "Jordan's King Abdullah": the title went to the role, the KB has it in the name
        for name in names:
            pid = kb.link(f"{title} {name}", day)
            if pid:
                return pid
    from communique.kb.keys import is_acronym

    if names and all(len(n.split()) == 1 for n in names) and not is_acronym(names[0]) \
            and not any(part_of_longer_name(sdoc, m) for m in cl.mentions):
        pid = kb.link_surname(names[0], day)
        return pid if pid and _family_name(kb, pid, names[0]) else None     # "Qiang" alone is not Li Qiang
    return None


#: description heads that name one office of a state ("the Kazakh president" → its head of state)
_OFFICE_OF_HEAD = {"president": "head_of_state", "prime minister": "head_of_government",
                   "premier": "head_of_government", "chancellor": "head_of_government",
                   "foreign minister": "foreign_minister", "defense minister": "defence_minister",
                   "defence minister": "defence_minister", "finance minister": "finance_minister",
                   "interior minister": "interior_minister"}


def holder_cluster(people: list[Cluster], head: str, country: str, day: Optional[str]) -> Optional[Cluster]:
    """The person a title plus country denotes on ``day``: the story's mention of the KB holder, or a new
    cluster standing for the holder when the story names no one ("the Kazakh president said")."""
    role = _OFFICE_OF_HEAD.get(re.sub(r"\s+", " ", head.lower()))
    if not role or not day:
        return None
    from communique.kb import knowledge_base

    post = knowledge_base().holder(country, role, day)
    if post is None:
        return None
    for cl in people:
        if cl.kb_id == post.person_id:
            return cl
    cl = Cluster("person", post.person_id, country=post.country, sector=post.sector, kb_id=post.person_id,
                 kb_role=post.title, kb_name=post.name)
    people.append(cl)
    return cl


def held_before(person_id: str, head: str, country: str, day: Optional[str]) -> bool:
    """Whether the KB has the person leave the office a description names ("foreign minister" of FRA) before ``day``."""
    role = _OFFICE_OF_HEAD.get(re.sub(r"\s+", " ", head.lower()))
    if not role:
        return False
    from communique.kb import knowledge_base

    return any(p.country == country and p.role == role and day and p.ended_before(day)
               for p in knowledge_base().posts.get(person_id, ()))
