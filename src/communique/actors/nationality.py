"""Nationality: weigh the evidence for each person's country.

Order of evidence, strongest first:
1. the role phrase around the name ("Russia's Deputy Foreign Minister X", "X, Kazakhstan's ambassador");
2. the possessor of the role ("Putin's press secretary" → Putin's country);
3. a description that refers back to the person ("the Russian leader said");
4. country words the parse links to the name ("X of Kenya", "X, a lawyer from Nairobi", "U.S. senators
   led by X"); only when there is none, a subject or modifier country in the same sentence — never a
   destination, an object ("attack Switzerland") or the place of an event ("met Xi in Beijing");
5. the dateline ("SEOUL —"), else the story's setting: its most-named city, or a country that clearly
   leads the story's country mentions.
A link to the knowledge base (``linking``) overrides all of these with the state served on the day.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Optional

from communique.actors.candidates import Cand
from communique.actors.cluster import (W_DESCRIPTION, W_LINKED, W_POSSESSOR, W_ROLE, W_SENTENCE, W_STORY, Cluster)
from communique.actors.lexicon import lexicon
from communique.actors.linking import held_before, holder_cluster
from communique.actors.roles import RolePhrase, phrase_apposition, phrase_before, role_text
from communique.geo import gazetteer
from communique.model import Span


def code_roles(sdoc, people: list[Cluster], person_toks: set[int]) -> set[int]:
    """Roles and role-phrase countries; returns the tokens inside role phrases."""
    lex = lexicon()
    inside: set[int] = set()
    for cl in people:
        for m in cl.mentions:
            stop = person_toks - set(range(m.tok_start, m.tok_end))
            ph: Optional[RolePhrase] = phrase_before(sdoc, m.tok_start, stop)
            if not (ph and ph.country):
                # "Spain's navy chief, Admiral X": the apposed phrase may hold the nationality
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


def link_descriptions(text: str, sdoc, people: list[Cluster], person_toks: set[int],
                      day: Optional[str] = None) -> None:
    """"the Kazakh leader", "Kazakhstan's President", "the President of Kazakhstan" → that person; when the
    KB knows who held that office on the publication day, that holder (named in the story or not)."""
    gaz = gazetteer()
    person_starts = {sdoc[i].idx for i in person_toks}
    for m in _heads_rx().finditer(text):
        if text[m.start() - 1:m.start()].isalpha() or text[m.end():m.end() + 1] == "s":
            continue
        country, start, end = None, m.start(), m.end()
        capital_head = text[m.start()].isupper()
        before = re.search(r"(?:\b[Tt]he\s+)?([A-Z][\w.\-]*(?:\s[A-Z][\w.\-]*)?)(?:['’]s)?\s+"
                           r"(?:(?:new|former|first|outgoing|incoming|then|current|late)\s+)?$", text[max(0, start - 50):start])
        # "the President of Kazakhstan", "… of the Republic of Kazakhstan", "… of the People's Republic of China"
        after = re.match(r"\s+of\s+(?:the\s+)?([A-Z][\w'’\-]*(?:\s(?:of\s(?:the\s)?)?[A-Z][\w'’\-]*){0,4})",
                         text[end:end + 80])
        if before and before.group(1) in ("The", "A", "An"):
            before = None       # "The head of state said": an article, not a country
        if before:
            country = gaz.country(before.group(1)) or gaz.demonym(before.group(1))
            met = None if country else gaz.metonym(before.group(1))
            country = country or (met[0] if met else None)       # "the Kremlin spokesman"
            if country:
                start = max(0, start - 50) + before.start()
            elif _city_office(before, m.group(0)) and max(0, start - 50) + before.start(1) not in person_starts:
                # "Solo's mayor", "the Lagos governor": that city's office holder named earlier
                _link_bare_title(people, text, m, max(0, start - 50) + before.start())
                continue
            elif not capital_head:
                continue
        # "the crown prince"; "His Highness", "Her Majesty" refer back the same way
        article = re.search(r"\b(?:[Tt]he|[Hh]is|[Hh]er)\s+$", text[max(0, m.start() - 4):m.start()])
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
                _link_bare_title(people, text, m, m.start() - len(article.group(0)))   # "the Crown Prince was …"
            continue
        if following and end + following.end() in person_starts:
            continue   # a title before a name, handled as that name's role
        if re.search(r"\b[Aa]n?\s+$", text[max(0, start - 3):start]):
            continue   # "X, a French politician": an apposition introduces, it does not refer back
        # "the former French foreign minister": not whoever holds the office on the publication day
        former = _FORMER.search(text[max(0, start - 30):m.start()])
        if former:
            lead = re.search(r"(?:\b[Tt]he\s+)?(?:former|ex|late|onetime|one-time|then)[\s-]+$",
                             text[max(0, start - 30):start])
            start = max(0, start - 30) + lead.start() if lead else start
        holder = None if former else holder_cluster(people, m.group(0), country, day)
        target = _former_holder(people, start, country, m.group(0), day) if former else \
            holder or _antecedent(people, start, country, m.group(0))
        if target is not None:
            target.descriptions.append(Span(start, end, text[start:end]))
            target.votes[country] += W_DESCRIPTION


#: heads that only ever point back to a person of that country named before
_BACKWARD_HEADS = {"counterpart"}

_FORMER = re.compile(r"\b(?:former|ex|late|onetime|one-time|then)[\s-]+(?:[\w.\-]+\s+){0,2}$", re.I)


def _roles(cl: Cluster) -> list[str]:
    return cl.roles + ([cl.kb_role] if cl.kb_role else [])


def _city_office(before: re.Match, head: str) -> bool:
    """A city (not a country) before an office held in a city: "Solo's mayor", "the Lagos governor" (a town the
    gazetteer lacks still names a place here; a person's name does not)."""
    place = gazetteer().place(before.group(1))
    return (place is None or place.kind != "country") and head.lower() in _CITY_OFFICES


_CITY_OFFICES = {"mayor", "governor"}


def _link_bare_title(people: list[Cluster], text: str, m: re.Match, start: int) -> None:
    """"the crown prince", "the head of state", "the mayor" → the last person before it whose role is that
    office (no country is implied)."""
    lex = lexicon()
    holders = [cl for cl in people if lex.holds_office(_roles(cl), m.group(0))
               and any(x.start < m.start() for x in cl.mentions)]
    if len({cl.country for cl in holders}) != 1:
        return          # none, or title holders of several countries: ambiguous
    last = max(holders, key=lambda cl: max(x.start for x in cl.mentions if x.start < m.start()))
    last.descriptions.append(Span(start, m.end(), text[start:m.end()]))


def _former_holder(people: list[Cluster], offset: int, country: str, head: str,
                   day: Optional[str]) -> Optional[Cluster]:
    """"the former French foreign minister": a person the KB has in that office before the day, else the
    latest person before it with that country in evidence who holds no office that day (those who do are
    described by their present office)."""
    def last_before(cl: Cluster) -> int:
        return max((m.start for m in cl.mentions if m.start < offset), default=-1)

    ranked = sorted((cl for cl in people if last_before(cl) >= 0), key=last_before, reverse=True)
    held = next((cl for cl in ranked if cl.kb_id and held_before(cl.kb_id, head, country, day)), None)
    if held is not None:
        return held
    def fits(cl: Cluster) -> bool:
        known = {c for c, v in cl.votes.items() if v >= W_ROLE} | ({cl.country} if cl.country else set())
        return not cl.kb_role and (not known or country in known or country in cl.votes)

    return next((cl for cl in ranked if fits(cl)), None)


def _antecedent(people: list[Cluster], offset: int, country: str, head: str = "") -> Optional[Cluster]:
    def strong(cl: Cluster) -> Optional[str]:
        if cl.kb_id and cl.country:
            return cl.country           # a KB link is as strong as a role phrase
        role_votes = [c for c, v in cl.votes.items() if v >= W_ROLE]
        return role_votes[0] if role_votes else None

    def last_before(cl: Cluster) -> int:
        return max((m.start for m in cl.mentions if m.start < offset), default=-1)

    ranked = sorted(people, key=last_before, reverse=True)
    lex = lexicon()
    for cl in ranked:
        if last_before(cl) >= 0 and strong(cl) in (country, None) and lex.holds_office(_roles(cl), head):
            return cl
    if head.lower() in lex.office_heads:
        return None     # "the Chinese minister" is a minister: never just any Chinese person
    for cl in ranked:
        if last_before(cl) >= 0 and strong(cl) == country:
            return cl
    if head.lower() in _BACKWARD_HEADS:
        return None     # "his Chinese counterpart" is someone already named with that country, or nobody
    for cl in ranked:
        if last_before(cl) >= 0 and strong(cl) is None:
            return cl
    after = [cl for cl in people if strong(cl) in (None, country)]
    return min(after, key=lambda cl: cl.first) if after else None


def sentence_votes(sdoc, cands: list[Cand], people: list[Cluster], role_toks: set[int]) -> None:
    """Votes from country words the parse links to the person: "X of Kenya", "a Kenyan farmer, X",
    "X, a lawyer from Nairobi", "the Ukrainian delegation, led by X". A country word that only
    stands near the name ("Putin met Xi in Beijing", "Obama wants to attack Switzerland") says nothing."""
    refs: list[tuple[int, str, object]] = []
    for c in cands:
        # "X of the State Department", "X, a fellow at the Singapore Institute of ...": an employer's base
        country = org_base(c) if c.label == "ORG" else c.country
        # an employer inside a role phrase still counts ("a senior fellow with the Lowy Institute"); a
        # country word there has already given the phrase's nationality
        if c.label in ("COUNTRY", "NORP", "PLACE", "ORG") and country and (c.label == "ORG" or c.tok_start not in role_toks):
            tok = sdoc[c.tok_start]
            if c.label == "NORP" and (_is_language_use(tok) or _modifies_other_people(tok) or _ethnic(tok)):
                continue
            if _is_destination(sdoc[c.tok_end - 1]) or _residence(sdoc, c.tok_end):
                continue
            refs.append((c.start, country, sdoc[c.tok_end - 1]))
    by_sent: dict[int, list] = defaultdict(list)
    for ref in refs:
        by_sent[ref[2].sent.start].append(ref)
    for cl in people:
        for m in cl.mentions:
            person = set(range(m.tok_start, m.tok_end))
            last = sdoc[m.tok_end - 1]
            if last.dep_ == "conj" and last.head.pos_ == "PROPN":
                person.add(last.head.i)      # "Amirov and Omarov, both from Azerbaijan": shared by the pair
            sent = sdoc[m.tok_start].sent
            here = by_sent.get(sent.start, [])
            linked = [(start, iso) for start, iso, tok in here if _linked(tok, person)]
            linked += _group_refs(sdoc, cands, m)
            if linked:
                _, iso = min(linked, key=lambda r: abs(r[0] - m.start))
                cl.votes[iso] += W_LINKED
                continue
            # a last resort below any linked word: a country that is the subject or modifier in the
            # person's sentence, never an event's place ("met Xi in Beijing") or an object
            near = [(start, iso) for start, iso, tok in here if _nationality_position(tok)
                    and not _event_setting(tok) and not _in_their_words(tok, sdoc[m.tok_end - 1])]
            if near:
                _, iso = min(near, key=lambda r: abs(r[0] - m.start))
                cl.votes[iso] += W_SENTENCE


#: a country word right before one of these in an organisation's name is the unit's topic, not its base
_TOPIC_UNIT_WORDS = {"department", "division", "desk", "section", "program", "programme", "unit", "studies", "chair",
                     "project", "initiative", "service", "bureau"}
#: a city inside an organisation's name places it only when it is a large one ("Jamestown" is a tiny capital)
_ORG_CITY_POPULATION = 300_000


def org_base(c: Cand) -> Optional[str]:
    """The country an organisation is based in: the KB's or the lexicon's, else a country, demonym or
    large city inside its name ("Seoul National University", "the Singapore Institute of ...").
    International bodies have none."""
    if c.sector == "IGO":
        return None
    if c.country:
        return c.country
    gaz = gazetteer()
    words = re.findall(r"[A-Za-z][\w\-]*", c.text)
    for k, word in enumerate(words):
        if not word[0].isupper() or (k + 1 < len(words) and words[k + 1].lower() in _TOPIC_UNIT_WORDS):
            continue        # "the Kazakhstan desk of a ministry", "Korean Studies": a topic
        iso = gaz.country(word) or gaz.demonym(word)
        if iso:
            return iso
        place = gaz.place(word)
        if place and place.country and place.population >= _ORG_CITY_POPULATION:
            return place.country
    return None


#: participles that place a person's base: "based in", "living in", "born in"
_BASE_VERBS = {"base", "headquarter", "station", "live", "reside", "bear", "raise", "settle"}
#: how far up the parse a country word may climb to reach the person it describes
_LINK_STEPS = 6
#: prepositions that say where someone is from or whom they serve, not where they went or whom they met
_ORIGIN_PREPS = {"of", "from", "in", "at", "for"}


def _linked(tok, person: set[int]) -> bool:
    """Whether a country word describes the person: climbing from it through nouns and origin
    prepositions (never through a verb or a clause) reaches the person's name or an apposition of it."""
    cur = tok
    for _ in range(_LINK_STEPS + 1):
        if cur.i in person:
            return True
        if cur.dep_ in ("ROOT", "conj") and cur.i not in person and cur.pos_ in ("VERB", "AUX"):
            return False
        head = cur.head
        # "a commentator based in Hong Kong", "a nurse living in Lagos", "a Mogadishu-based group"
        # (not "known in China")
        based = head.dep_ in ("acl", "relcl", "amod") and head.lemma_ in _BASE_VERBS
        # "X, who is Azerbaijani": a copular relative clause describes the person
        copular = head.dep_ == "relcl" and head.lemma_ == "be" and cur.dep_ in ("attr", "acomp")
        if head.lemma_ == "be" and cur.dep_ == "attr" and _subject_in(head, person):
            return True         # "X is the director of a Nairobi group", "X is a professor at Y University"
        if head is cur or (head.pos_ in ("VERB", "AUX") and not (based or copular)):
            return False
        if head.pos_ == "ADP" and head.lower_ not in _ORIGIN_PREPS and not _member_with(head):
            return False
        cur = head
    return cur.i in person or any(t.i in person for t in (cur.head,) if cur.dep_ == "appos")


def _subject_in(verb, person: set[int]) -> bool:
    return any(c.dep_ == "nsubj" and c.i in person for c in verb.children)


def _member_with(prep) -> bool:
    """"a fellow with the X Institute": "with" after a people noun names an employer, not a partner."""
    if prep.lower_ != "with":
        return False
    lex = lexicon()
    noun = prep.head.lemma_.lower()
    return noun in lex.people_nouns or noun in lex.expert_nouns or noun in lex.title_sector


def _residence(sdoc, end: int) -> bool:
    """"U.S. legal permanent resident X": the country where someone lives, not the one they belong to."""
    return any(t.lower_ in ("resident", "residents") for t in sdoc[end:min(len(sdoc), end + 3)])


def _ethnic(tok) -> bool:
    """"an ethnic Somali", "ethnic Uzbeks": a people, not the state a person belongs to or serves."""
    return tok.i > 0 and tok.nbor(-1).lower_ in ("ethnic", "ethnically")


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


def _in_their_words(tok, person) -> bool:
    """"Analyst X said Peru must act": a country in what the person says or wants is their topic."""
    head = person
    while head.dep_ in ("compound", "appos", "flat") and head.head is not head:
        head = head.head
    verb = head.head if head.dep_ in ("nsubj", "nsubjpass") else None
    if verb is None:
        return False
    return any(tok in child.subtree for child in verb.children if child.dep_ in ("ccomp", "xcomp", "dobj", "advcl"))


def _event_setting(tok) -> bool:
    """"in Beijing" attached to a verb: where something happened, not who did it."""
    if tok.dep_ == "conj":
        return _event_setting(tok.head)
    return is_setting(tok) and tok.head.head.pos_ in ("VERB", "AUX")


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


def is_setting(tok) -> bool:
    """"in Tirana", "at the airport in Moscow": a place where things happen (not "Washington said")."""
    return tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "near", "outside", "inside", "across", "around")


#: the most-named country is the story's setting only when it clearly leads the others
TOP_SHARE, TOP_MIN = 0.4, 1


def top_country(cands: list[Cand]) -> Optional[str]:
    """The country a story is about when it clearly leads: what its unplaced locals default to."""
    counts = Counter(c.country for c in cands if c.label in ("COUNTRY", "NORP") and c.country)
    if not counts:
        return None
    (iso, n), total = counts.most_common(1)[0], sum(counts.values())
    return iso if n >= TOP_MIN and n / total >= TOP_SHARE else None


_DATELINE = re.compile(r"^\s*([A-Z][A-Z' ]{2,30}(?:/[A-Z][A-Z' ]{2,30})*)(?:[.,]\s*[A-Z][\w.]*(?:\s[\w.]+)?)?\s*"
                       r"(?:\([^)]{1,30}\)\s*)?[—–-]{1,2}\s")


def dateline_span(text: str) -> int:
    """Length of a leading wire dateline ("KYIV, Ukraine (AP) — "), 0 when there is none."""
    m = _DATELINE.match(text[:80])
    return m.end() if m and gazetteer().place(m.group(1).split("/")[0].strip().title()) else 0


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


def decide_countries(people: list[Cluster], cands: list[Cand], story: Optional[str],
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
    experts = lexicon()
    for cl in people:
        if experts.is_expert(cl.roles):
            continue        # an analyst's country is their employer's or base, never the story's topic
        if max(cl.votes.values(), default=0) < W_DESCRIPTION:
            if story:
                # a datelined wire story names its own country's officials without a nationality
                cl.votes[story] += W_STORY * 3 if dateline and cl.roles else W_STORY
            if top and not cl.votes:
                cl.votes[top] += W_STORY * 0.8
            cl.country = cl.votes.most_common(1)[0][0] if cl.votes else None


# -- organisations and countries --------------------------------------------
