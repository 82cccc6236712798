"""Cluster a document's mentions into actors and code each one (country, role, sector).

Order of evidence for a person's country, strongest first:
1. the role phrase around the name ("Russia's Deputy Foreign Minister X", "X, Kazakhstan's ambassador");
2. the possessor of the role ("Putin's press secretary" → Putin's country);
3. a description that refers back to the person ("the Russian leader said");
4. country words in the same sentence (nearest first), not counting other people's role phrases;
5. where the story takes place (the country of its most-mentioned city).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Optional

from communique.actors.candidates import Cand, entity_candidates, looks_like_name
from communique.actors.lexicon import lexicon
from communique.actors.names import given_keys, name_key, strip_possessive, surname_key
from communique.actors.roles import RolePhrase, phrase_apposition, phrase_before, role_text, role_words
from communique.geo import country_name, gazetteer
from communique.model import Actor, Document, Span

W_ROLE, W_POSSESSOR, W_DESCRIPTION, W_SENTENCE, W_STORY = 10.0, 8.0, 5.0, 1.0, 0.5
_TITLE_BEFORE = 3   # how many tokens back a bare title still marks a person ("President X")


@dataclass
class Cluster:
    kind: str
    key: str
    mentions: list[Cand] = field(default_factory=list)
    descriptions: list[Span] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    votes: Counter = field(default_factory=Counter)
    possessors: list[int] = field(default_factory=list)   # token indices of possessor names
    country: Optional[str] = None
    sector: Optional[str] = None

    @property
    def first(self) -> int:
        starts = [m.start for m in self.mentions] + [d.start for d in self.descriptions]
        return min(starts)

    def best_name(self) -> str:
        names = [strip_possessive(m.text) for m in self.mentions]
        return max(names, key=lambda n: (len(n.split()), -names.index(n))) if names else ""


def resolve_actors(doc: Document, sdoc) -> Document:
    """Fill ``doc.actors`` from the parse; every mention's offsets index ``doc.text``."""
    cands = entity_candidates(sdoc)
    _promote_people(sdoc, cands)
    cands = _add_titled_names(sdoc, cands)
    cands = _add_bare_surnames(sdoc, cands)
    people = _cluster_people(cands)
    person_toks = {i for c in cands if c.label == "PERSON" for i in range(c.tok_start, c.tok_end)}
    role_toks = _code_roles(sdoc, people, person_toks)
    _link_descriptions(doc.text, sdoc, people, person_toks)
    _sentence_votes(sdoc, cands, people, role_toks)
    dateline = dateline_country(doc.text)
    story = dateline or story_country([c for c in cands if c.label != "PLACE" or _is_setting(sdoc[c.tok_end - 1])])
    _decide_countries(people, cands, story, top_country(cands), dateline=bool(dateline))
    orgs = _cluster_orgs(sdoc, cands)
    countries = _cluster_countries(cands)
    doc.actors = _to_actors(people + orgs + countries)
    if story:
        doc.meta["story_country"] = story
    return doc


# -- people -----------------------------------------------------------------
def _promote_people(sdoc, cands: list[Cand]) -> None:
    """ORG → PERSON where the context or the shape says so (spaCy's small model often errs)."""
    lex = lexicon()
    titles = set(lex.title_sector) | lex.people_nouns
    for c in cands:
        if c.label != "ORG" or c.sector:
            continue
        span = sdoc[c.tok_start:c.tok_end]
        prev = [t.lower_ for t in sdoc[max(c.tok_start - _TITLE_BEFORE, span.sent.start):c.tok_start]]
        titled = bool(prev) and (prev[-1] in titles or " ".join(prev[-2:]) in titles)
        det_before = c.tok_start > 0 and sdoc[c.tok_start - 1].lower_ in ("the", "a", "an")
        title_after = c.tok_end < len(sdoc) and sdoc[c.tok_end].lower_ in titles    # "X Affairs Minister"
        if looks_like_name(list(span)) and (titled or not det_before) and not title_after:
            c.label = "PERSON"
    known = {surname_key(c.text) for c in cands if c.label == "PERSON" and len(c.text.split()) > 1}
    for c in cands:
        if (c.label == "ORG" and not c.sector or c.label == "PLACE" and not c.country) and len(c.text.split()) == 1 \
                and surname_key(c.text) in known:
            c.label = "PERSON"


def _add_titled_names(sdoc, cands: list[Cand]) -> list[Cand]:
    """"Defense Minister Rustem Umerov" when the tagger saw no entity: a title followed by a name-shaped run."""
    heads = title_heads()
    covered = {i for c in cands for i in range(c.tok_start, c.tok_end)}
    extra = []
    i = 0
    while i < len(sdoc) - 2:
        # "Speaker of the Grand National Assembly of Turkey, Mehmet Aydin, arrived": a name apposed to a title
        apposed = sdoc[i].text == "," and any(t.lower_ in heads for t in sdoc[max(sdoc[i].sent.start, i - 10):i])
        if (sdoc[i].lower_ in heads or apposed) and sdoc[i + 1].i not in covered:
            j = i + 1
            while j < len(sdoc) and j - i <= 3 and sdoc[j].pos_ == "PROPN" and sdoc[j].is_title and j not in covered:
                j += 1
            run = list(sdoc[i + 1:j])
            if 2 <= len(run) <= 3 and looks_like_name(run) and not any(t.lower_ in role_words() for t in run):
                extra.append(Cand(run[0].idx, run[-1].idx + len(run[-1].text), sdoc[i + 1:j].text, "PERSON",
                                  i + 1, j))
                i = j
                continue
        i += 1
    return sorted(cands + extra, key=lambda c: c.start) if extra else cands


def title_heads() -> set[str]:
    """Last words of titles ("minister", "president", "ambassador"): what stands right before a name."""
    global _TITLE_HEADS
    if _TITLE_HEADS is None:
        _TITLE_HEADS = {t.split()[-1] for t in lexicon().title_sector} - {"of", "to", "state", "general"}
    return _TITLE_HEADS


_TITLE_HEADS: Optional[set[str]] = None


def _add_bare_surnames(sdoc, cands: list[Cand]) -> list[Cand]:
    """A known person's surname that the tagger missed ("Pappas thanked ...") is still that person."""
    known = {surname_key(c.text) for c in cands if c.label == "PERSON" and len(c.text.split()) > 1}
    covered = {i for c in cands for i in range(c.tok_start, c.tok_end)}
    extra = []
    for tok in sdoc:
        if tok.i in covered or tok.pos_ != "PROPN" or not tok.is_title:
            continue
        if surname_key(tok.text) in known:
            extra.append(Cand(tok.idx, tok.idx + len(tok.text), tok.text, "PERSON", tok.i, tok.i + 1))
    return sorted(cands + extra, key=lambda c: c.start) if extra else cands


def _cluster_people(cands: list[Cand]) -> list[Cluster]:
    clusters: list[Cluster] = []
    by_surname: dict[str, list[Cluster]] = defaultdict(list)
    people = [c for c in cands if c.label == "PERSON"]
    for c in [p for p in people if len(strip_possessive(p.text).split()) > 1]:
        sk, gk = surname_key(c.text), given_keys(c.text)
        match = next((cl for cl in by_surname[sk] if _given_compatible(cl, gk)), None)
        if match is None:
            match = Cluster("person", sk)
            clusters.append(match)
            by_surname[sk].append(match)
        match.mentions.append(c)
    for c in [p for p in people if len(strip_possessive(p.text).split()) == 1]:
        sk = surname_key(c.text)
        options = by_surname.get(sk)
        if not options:      # "Li" for "Li Wenhua": family name first (Chinese, Korean, Vietnamese order)
            first = [cl for cl in clusters if cl.mentions and len(cl.mentions[0].text.split()) > 1
                     and name_key(cl.mentions[0].text.split()[0]) == sk]
            options = first if len(first) == 1 else None
        if not options:
            cl = Cluster("person", sk, mentions=[c])
            clusters.append(cl)
            by_surname[sk].append(cl)
            continue
        before = [cl for cl in options if cl.first <= c.start]
        (before[-1] if before else options[0]).mentions.append(c)
    return clusters


def _given_compatible(cl: Cluster, gk: set[str]) -> bool:
    for m in cl.mentions:
        other = given_keys(m.text)
        if other and gk and not (other & gk):
            return False
    return True


def _code_roles(sdoc, people: list[Cluster], person_toks: set[int]) -> set[int]:
    """Roles and role-phrase countries; returns the tokens inside role phrases."""
    lex = lexicon()
    inside: set[int] = set()
    for cl in people:
        for m in cl.mentions:
            stop = person_toks - set(range(m.tok_start, m.tok_end))
            ph: Optional[RolePhrase] = phrase_before(sdoc, m.tok_start, stop)
            if not (ph and ph.country):
                # "U.S. Air Force Chief of Staff, General X": the apposed phrase may hold the nationality
                appos = phrase_apposition(sdoc, ph.start_tok if ph else m.tok_start, m.tok_end, stop)
                if appos and (appos.country or not (ph and ph.has_title)):
                    if ph and ph.has_title and appos.country:
                        inside.update(range(appos.start_tok, appos.end_tok))
                        cl.votes[appos.country] += W_ROLE
                    else:
                        ph = appos
            if not ph:
                continue
            inside.update(range(ph.start_tok, ph.end_tok))
            if ph.country:
                cl.votes[ph.country] += W_ROLE
            if ph.possessor_tok is not None:
                cl.possessors.append(ph.possessor_tok)
            if ph.has_title:
                role = role_text(ph, sdoc)
                if role and role not in cl.roles:
                    cl.roles.append(role)
                    cl.sector = cl.sector or lex.sector_of_title(role)
    return inside


_HEADS_RX: Optional[re.Pattern] = None


def _heads_rx() -> re.Pattern:
    global _HEADS_RX
    if _HEADS_RX is None:
        heads = "|".join(re.escape(h) for h in lexicon().description_heads)
        _HEADS_RX = re.compile(rf"\b(?:{heads})\b", re.I)
    return _HEADS_RX


def _link_descriptions(text: str, sdoc, people: list[Cluster], person_toks: set[int]) -> None:
    """"the Kazakh leader", "Kazakhstan's President", "the President of Kazakhstan" → that person."""
    gaz = gazetteer()
    person_starts = {sdoc[i].idx for i in person_toks}
    for m in _heads_rx().finditer(text):
        if text[m.start() - 1:m.start()].isalpha() or text[m.end():m.end() + 1] == "s":
            continue
        country, start, end = None, m.start(), m.end()
        capital_head = text[m.start()].isupper()
        before = re.search(r"(?:\b[Tt]he\s+)?([A-Z][\w.\-]*(?:\s[A-Z][\w.\-]*)?)(?:['’]s)?\s+"
                           r"(?:(?:new|former|first|outgoing|incoming|then|current|late)\s+)?$", text[max(0, start - 50):start])
        after = re.match(r"\s+of\s+(?:the\s+)?([A-Z][\w\-]*(?:\s[A-Z][\w\-]*){0,3})", text[end:end + 60])
        if before:
            country = gaz.country(before.group(1)) or gaz.demonym(before.group(1))
            if country:
                start = max(0, start - 50) + before.start()
            elif not capital_head:
                continue
        article = re.search(r"\b[Tt]he\s+$", text[max(0, m.start() - 4):m.start()])
        if not country and after and (capital_head or article):
            for n in range(len(after.group(1).split()), 0, -1):
                cand = " ".join(after.group(1).split()[:n])
                country = gaz.country(cand)
                if country:
                    end = end + after.start(1) + len(cand)
                    break
        following = re.match(r",?\s+", text[end:end + 3])
        if not country:
            if article and not (following and end + following.end() in person_starts):
                _link_bare_title(people, text, m, article)     # "the Crown Prince was received by ..."
            continue
        if following and end + following.end() in person_starts:
            continue   # a title before a name, handled as that name's role
        target = _antecedent(people, start, country)
        if target is not None:
            target.descriptions.append(Span(start, end, text[start:end]))
            target.votes[country] += W_DESCRIPTION


def _link_bare_title(people: list[Cluster], text: str, m: re.Match, article: re.Match) -> None:
    """"the crown prince" → the last person before it whose role has that title (no country is implied)."""
    head = m.group(0).lower()
    start = m.start() - (len(article.group(0)))
    holders = [cl for cl in people if any(head in r.lower() for r in cl.roles)
               and any(x.start < m.start() for x in cl.mentions)]
    if len({cl.country for cl in holders}) != 1:
        return          # none, or title holders of several countries: ambiguous
    last = max(holders, key=lambda cl: max(x.start for x in cl.mentions if x.start < m.start()))
    last.descriptions.append(Span(start, m.end(), text[start:m.end()]))


def _antecedent(people: list[Cluster], offset: int, country: str) -> Optional[Cluster]:
    def strong(cl: Cluster) -> Optional[str]:
        role_votes = [c for c, v in cl.votes.items() if v >= W_ROLE]
        return role_votes[0] if role_votes else None

    def last_before(cl: Cluster) -> int:
        return max((m.start for m in cl.mentions if m.start < offset), default=-1)

    ranked = sorted(people, key=last_before, reverse=True)
    for cl in ranked:
        if last_before(cl) >= 0 and strong(cl) == country:
            return cl
    for cl in ranked:
        if last_before(cl) >= 0 and strong(cl) is None:
            return cl
    after = [cl for cl in people if strong(cl) in (None, country)]
    return min(after, key=lambda cl: cl.first) if after else None


def _sentence_votes(sdoc, cands: list[Cand], people: list[Cluster], role_toks: set[int]) -> None:
    """Weak votes: the nearest country word in the same sentence (not a language, not someone's role)."""
    refs_by_sent: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for c in cands:
        speaking_body = c.label == "ORG" and c.sector in ("GOV", "DIP", "LEG", "MIL")   # "the State Department said"
        if (c.label in ("COUNTRY", "NORP", "PLACE") or speaking_body) and c.country and c.tok_start not in role_toks:
            tok = sdoc[c.tok_start]
            if c.label == "NORP" and (_is_language_use(tok) or _modifies_other_people(tok)):
                continue
            if _is_destination(sdoc[c.tok_end - 1]):
                continue
            refs_by_sent[sdoc[c.tok_start].sent.start].append((c.start, c.country, sdoc[c.tok_end - 1]))
    for cl in people:
        for m in cl.mentions:
            inside = sdoc[m.tok_end - 1]
            refs = [(start, iso) for start, iso, tok in refs_by_sent.get(sdoc[m.tok_start].sent.start, [])
                    if _nationality_position(tok) or inside in tok.subtree]   # "the United States under President X"
            refs += _group_refs(sdoc, cands, m)
            if refs:
                _, iso = min(refs, key=lambda r: abs(r[0] - m.start))
                cl.votes[iso] += W_SENTENCE


def _is_language_use(tok) -> bool:
    """"studying Kazakh", "in Kazakh and Russian": a language, not a nationality."""
    return tok.dep_ in ("dobj", "pobj", "conj", "attr") and tok.head.pos_ != "NOUN" or (
        tok.dep_ == "conj" and tok.head.dep_ in ("dobj", "pobj"))


_GROUP_NOUNS = {"official", "delegation", "troop", "force", "leader", "counterpart", "diplomat",
                "side", "government", "authority", "minister", "soldier", "negotiator", "lawmaker"}


def _group_refs(sdoc, cands: list[Cand], m: Cand) -> list[tuple[int, str]]:
    """"the Ukrainian delegation, led by X": a group's nationality holds for the people inside it."""
    out = []
    for c in cands:
        if c.label == "NORP" and c.country and _modifies_other_people(sdoc[c.tok_start]):
            group = sdoc[c.tok_start].head
            if group.left_edge.i <= m.tok_start <= group.right_edge.i and sdoc[m.tok_start].sent == group.sent:
                out.append((m.start, c.country))
    return out


def _modifies_other_people(tok) -> bool:
    """"Ukrainian officials": a nationality of other people, not of the person in the sentence."""
    return tok.head.lemma_.lower() in _GROUP_NOUNS and tok.head.tag_ in ("NNS", "NNPS", "NN")


def _nationality_position(tok) -> bool:
    """Countries as modifiers, subjects or settings can say who someone is; objects of verbs and of
    "with/to/for/against" are other parties ("cooperation with India", "encouraging the Philippines")."""
    if tok.dep_ == "conj":
        return _nationality_position(tok.head)
    if tok.dep_ in ("dobj", "dative", "attr", "oprd"):
        return False
    if tok.dep_ == "pobj":
        return tok.head.lower_ in ("in", "at", "from", "of", "inside", "across")
    return True


_MOTION = {"visit", "travel", "trip", "fly", "go", "come", "head", "arrive", "tour", "journey", "return", "move"}


def _is_destination(tok) -> bool:
    """"visit India", "travel to Moscow": where someone goes says nothing of who they are."""
    if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "into", "toward", "towards") and tok.head.head.lemma_ in _MOTION:
        return True
    if tok.dep_ == "dobj" and tok.head.lemma_ in ("visit", "tour", "reach", "leave"):
        return True
    return tok.dep_ == "conj" and _is_destination(tok.head)


def _is_setting(tok) -> bool:
    """"in Tirana", "at the airport in Moscow": a place where things happen (not "Washington said")."""
    return tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "near", "outside", "inside", "across", "around")


def top_country(cands: list[Cand]) -> Optional[str]:
    counts = Counter(c.country for c in cands if c.label in ("COUNTRY", "NORP") and c.country)
    return counts.most_common(1)[0][0] if counts else None


_DATELINE = re.compile(r"^\s*([A-Z][A-Z' ]{2,30}(?:/[A-Z][A-Z' ]{2,30})*)(?:[.,]\s*[A-Z][\w.]*(?:\s[\w.]+)?)?\s*"
                       r"(?:\([^)]{1,30}\)\s*)?[—–-]{1,2}\s")


def dateline_country(text: str) -> Optional[str]:
    """"SEOUL — …", "KYIV, Ukraine (AP) — …": the dateline city's country, where a wire story is written."""
    m = _DATELINE.match(text[:80])
    if not m:
        return None
    city = m.group(1).split("/")[0].strip().title()
    place = gazetteer().place(city)
    return place.country if place else None


def story_country(cands: list[Cand]) -> Optional[str]:
    """Country of the most-mentioned city: where a story with unplaced locals happens."""
    counts = Counter(c.country for c in cands if c.label == "PLACE" and c.country)
    return counts.most_common(1)[0][0] if counts else None


def _decide_countries(people: list[Cluster], cands: list[Cand], story: Optional[str],
                      top: Optional[str] = None, dateline: bool = False) -> None:
    by_tok = {}
    for cl in people:
        for m in cl.mentions:
            for i in range(m.tok_start, m.tok_end):
                by_tok[i] = cl
    for _ in range(2):   # possessors may depend on each other once
        for cl in people:
            for tok in cl.possessors:
                owner = by_tok.get(tok)
                if owner is not None and owner is not cl and owner.country:
                    cl.votes[owner.country] += W_POSSESSOR
            cl.country = cl.votes.most_common(1)[0][0] if cl.votes else None
            cl.possessors = [] if cl.country else cl.possessors
    for cl in people:
        if max(cl.votes.values(), default=0) < W_DESCRIPTION:
            if story:
                # a datelined wire story names its own country's officials without a nationality
                cl.votes[story] += W_STORY * 3 if dateline and cl.roles else W_STORY
            if top and not cl.votes:
                cl.votes[top] += W_STORY * 0.8
            cl.country = cl.votes.most_common(1)[0][0] if cl.votes else None


# -- organisations and countries --------------------------------------------
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
    clusters = [cl for cl in clusters if cl.mentions]
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
                            role=cl.roles[0] if cl.roles else None,
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
