"""What event rules need to know about a document: which actor each token names, who "he" is,
who "the two leaders" are, and the document's main dyad."""
from __future__ import annotations

import functools
from collections import Counter
from typing import Optional

from communique.actors.lexicon import lexicon
from communique.actors.roles import role_words
from communique.events.lexicon import non_state_groups
from communique.geo import country_name, gazetteer
from communique.model import Actor, Document, Location, Side

_PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
_COLLECTIVES = {"government", "people", "nation", "family", "authority", "leadership", "citizen", "state",
                "administration", "cabinet", "parliament", "army", "military", "embassy", "delegation"}
_STANDS_FOR_COUNTRY = _COLLECTIVES | {"official", "side", "delegation", "negotiator", "diplomat", "envoy",
                                     "force", "troop", "team", "counterpart", "representative", "agency",
                                     "ministry", "leadership", "authority", "regime", "navy", "coast"}
_PLURAL_PRONOUNS = {"they", "them", "their"}
_GENERIC_PAIR = {"two", "side", "sides", "delegation", "delegations", "party", "parties"} | _PLURAL_PRONOUNS
_PAIR_HEADS = {"leader", "leaders", "president", "presidents", "side", "sides", "head", "heads", "minister",
               "ministers", "counterparts", "men", "officials", "delegations"}


class DocContext:
    def __init__(self, doc: Document, sdoc):
        self.doc, self.sdoc = doc, sdoc
        self.by_id = {a.id: a for a in doc.actors}
        self.tok_actor: dict[int, Actor] = {}
        starts = {t.idx: t.i for t in sdoc}
        for a in doc.actors:
            for m in a.mentions:
                for tok in sdoc.char_span(m.start, m.end, alignment_mode="expand") or []:
                    prev = self.tok_actor.get(tok.i)
                    if prev is None or _rank(a) > _rank(prev):
                        self.tok_actor[tok.i] = a
        del starts
        self.main_pair = self._main_pair()
        self.main_dyad = self._main_dyad()

    # -- actors -----------------------------------------------------------
    def actor_of(self, tok) -> Optional[Actor]:
        """The actor a token (or its noun phrase) names; a pronoun is resolved to a person."""
        found = self.tok_actor.get(tok.i)
        if tok.lower_ in ("he", "she") and tok.dep_ == "nsubj":
            main = self._main_subject(tok)      # "X flew to Hanoi, where he met Y": he is X
            if main is not None:
                return main
        if found is None or found.kind != "person":    # "Outlet – President of X Name": the apposed person acts
            for child in tok.children:
                if child.dep_ == "appos":
                    for t in child.subtree:
                        a = self.tok_actor.get(t.i)
                        if a is not None and a.kind == "person":
                            return a
        generic = found is not None and found.kind == "organization" and not found.country \
            and tok.lemma_.lower() in _COLLECTIVES      # "to the Government and the people of Chile"
        if found is not None and not generic:
            return found
        if tok.lower_ in _PERSON_PRONOUNS:
            return self.pronoun_antecedent(tok)
        whose = self._whose_country(tok)
        if whose is not None:
            return whose
        best = None
        for child in tok.children:
            if child.dep_ in ("compound", "amod", "poss", "nmod", "appos") and child.i in self.tok_actor:
                cand = self.tok_actor[child.i]
                if best is None or _rank(cand) > _rank(best):
                    best = cand
        if best is not None and best.kind == "person":
            return best
        if any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in non_state_groups() for c in tok.children):
            return None      # "Indonesian business leaders", "Kenyan community leaders": people, not the state
        if best is None and tok.lemma_.lower() in _COLLECTIVES:
            # "the government of Nepal", "the families of the victims and the Government of Nepal"
            for t in list(tok.subtree)[:24]:
                a = self.tok_actor.get(t.i)
                if a is not None and a.country and a.kind in ("country", "organization"):
                    return a
        if generic:
            return found
        # a role noun's phrase names its holder ("speaker of X's Council Valentina M."); other nouns
        # ("the decision of X") are not their actor
        if tok.lower_ not in role_words() and tok.lemma_.lower() not in role_words():
            # "Russian officials", "the Iranian side" stand for their country; "an Iranian vessel", "Chinese
            # tourists" or "Brexit negotiations" do not
            return best if tok.lemma_.lower() in _STANDS_FOR_COUNTRY else None
        lo, hi = tok.left_edge.i, min(tok.right_edge.i, tok.i + 12)
        for i in range(lo, hi + 1):
            a = self.tok_actor.get(i)
            if a is not None and a.kind == "person" and (best is None or best.kind != "person"):
                best = a
        if best is None or best.kind != "person":
            # "French Minister of Armed Forces [Florence Parly]": a parse that cut the name off the title
            for t in self.sdoc[hi + 1:min(hi + 4, tok.sent.end)]:
                if t.pos_ != "PROPN":
                    break
                a = self.tok_actor.get(t.i)
                if a is not None and a.kind == "person" and (best is None or a.country == best.country):
                    return a
        return best

    def _whose_country(self, tok) -> Optional[Actor]:
        """"Ghana's president, whose government signed a pact with Togo": the state of the person the relative
        clause hangs on."""
        if tok.lemma_.lower() not in _COLLECTIVES | {"country"} or tok.head.dep_ != "relcl" or not any(
                c.dep_ == "poss" and c.lower_ == "whose" for c in tok.children):
            return None
        holder = self.actor_of(tok.head.head)
        if holder is None or not holder.country:
            return None
        return next((a for a in self.doc.actors if a.kind == "country" and a.country == holder.country), None)

    def _main_subject(self, pronoun) -> Optional[Actor]:
        """The person subject of the clause that a pronoun's own clause hangs from ("where he met", "and he said")."""
        clause = pronoun.head
        if clause.dep_ not in ("relcl", "advcl", "conj"):
            return None
        main = clause.head
        while main.pos_ not in ("VERB", "AUX") and main.head.i != main.i:
            main = main.head
        for c in main.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i < pronoun.i and c.lower_ not in _PERSON_PRONOUNS:
                a = self.tok_actor.get(c.i)
                return a if a is not None and a.kind == "person" else None
        return None

    def _fronted_for(self, pronoun) -> Optional[Actor]:
        """The main subject, when a pronoun sits in a phrase fronted before it ("During his visit, X met Y")."""
        root = pronoun.sent.root
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.i < pronoun.i:
            return None
        fronted = next((c for c in root.children if c.i < subject.i and pronoun in c.subtree), None)
        if fronted is None or fronted.dep_ not in ("prep", "advcl", "npadvmod", "advmod"):
            return None
        return self._subject_person(subject)

    def _subject_person(self, t) -> Optional[Actor]:
        """The person a subject token names, itself or through its apposition ("President [John Mahama]")."""
        if not t.dep_.startswith("nsubj"):
            return None
        for cand in [t] + [c for c in t.children if c.dep_ == "appos"]:
            a = self.tok_actor.get(cand.i)
            if a is not None and a.kind == "person":
                return a
        return None

    def pronoun_antecedent(self, tok) -> Optional[Actor]:
        """"he" → the person who was last a subject (this sentence before the pronoun, then earlier ones);
        "him"/"her" as an object → the latest person who is not the clause's own subject."""
        sent = tok.sent
        if tok.dep_ in ("dobj", "pobj", "dative") and tok.lower_ in ("him", "her"):
            verb = tok.head if tok.dep_ != "pobj" else tok.head.head
            subject = next((self.actor_of(verb.head if c.lower_ in ("who", "that") and verb.dep_ == "relcl" else c)
                            for c in verb.children if c.dep_.startswith("nsubj")
                            and c.lower_ not in _PERSON_PRONOUNS), None)      # "Y, who had invited him": not Y
            for t in reversed(list(self.sdoc[max(0, sent.start - 200):tok.i])):
                a = self.tok_actor.get(t.i)
                if a is not None and a.kind == "person" and a is not subject:
                    return a
        for t in reversed(list(self.sdoc[sent.start:tok.i])):
            a = self._subject_person(t)
            if a is not None:
                return a
        ahead = self._fronted_for(tok)
        if ahead is not None:      # "During his visit to Paris, X met Y": his is X
            return ahead
        for s in reversed([s for s in self.sdoc.sents if s.end <= sent.start][-4:]):
            for t in s:
                a = self._subject_person(t)
                if a is not None:
                    return a
        last = None
        for t in self.sdoc[max(0, sent.start - 200):tok.i]:
            a = self.tok_actor.get(t.i)
            if a is not None and a.kind == "person":
                last = a
        return last

    def pair_for(self, tok) -> list[Actor]:
        """"the two", "they", "the prime ministers" → the pair just named (this sentence before the phrase, else
        the one before) when the title fits them; else the two people titled so, else the main pair."""
        words = [c.lower_ for c in tok.children if c.dep_ in ("compound", "amod") and c.lower_ not in ("two", "both")]
        title = " ".join(words + [tok.lemma_.lower()])
        generic = tok.lemma_.lower() in _GENERIC_PAIR or tok.lower_ in _GENERIC_PAIR
        if tok.lower_ in _PLURAL_PRONOUNS:
            earlier = self._pair_phrase_before(tok)      # "The presidents will discuss X. They will also discuss Y."
            if earlier is not None:
                return self.pair_for(earlier)
        reach = 1 if tok.lower_ in _PLURAL_PRONOUNS else 2 if generic else 1
        recent = self.recent_pair(tok, reach=reach)      # "X held talks with Y. The sides signed …"
        if recent and (generic or all(a.role and _fits(title, a.role) for a in recent)):
            return recent
        if tok.lower_ in _PLURAL_PRONOUNS:
            return []
        if len(self.main_pair) == 2 and all(not a.role or title in a.role.lower() for a in self.main_pair):
            return list(self.main_pair)
        titled = [a for a in self.doc.actors if a.kind == "person" and a.role and title in a.role.lower()]
        titled.sort(key=lambda a: len(a.mentions), reverse=True)
        if len(titled) >= 2 and titled[0].country != titled[1].country:
            return titled[:2]
        return list(self.main_pair)

    def _pair_phrase_before(self, tok):
        """A pair phrase ("the presidents", "the two sides") that is a subject just before a pronoun."""
        sent = tok.sent
        prev = [s for s in self.sdoc.sents if s.end <= sent.start][-1:]
        for span in [self.sdoc[sent.start:tok.i]] + prev:
            for t in reversed(list(span)):
                if t.dep_.startswith("nsubj") and t.lower_ not in _PLURAL_PRONOUNS and self.is_pair_phrase(t):
                    return t
            if any(self.tok_actor.get(t.i) is not None and t.dep_.startswith("nsubj") for t in span):
                return None      # a named subject is nearer than any pair phrase
        return None

    def recent_pair(self, tok, reach: int = 2) -> list[Actor]:
        """The two people of different countries named last: in this sentence before ``tok``, else the ``reach``
        sentences before (nearest first)."""
        sent = tok.sent
        earlier = [s for s in self.sdoc.sents if s.end <= sent.start][-reach:] if reach else []
        spans = [self.sdoc[sent.start:tok.i]] + earlier[::-1]
        for span in spans:
            people: list[Actor] = []
            for t in span:
                a = self.tok_actor.get(t.i)
                if a is None and t.lower_ in _PERSON_PRONOUNS:
                    a = self.pronoun_antecedent(t)      # "whether he finds time for X": he counts
                if a is not None and a.kind == "person" and a.country and a not in people:
                    people.append(a)
            if len({a.country for a in people}) >= 2:
                first = people[0]
                second = next(a for a in people if a.country != first.country)
                return [first, second]
        return []

    def is_pair_phrase(self, tok) -> bool:
        """"the two leaders", "both presidents", "the sides", "they" name a pair."""
        if tok.lower_ in _PLURAL_PRONOUNS:
            return True
        if tok.lower_ == "two" and tok.dep_.startswith("nsubj"):      # "when the two meet in Paris"
            return any(c.lower_ == "the" for c in tok.children)
        if tok.lower_ not in _PAIR_HEADS or tok.tag_ not in ("NNS", "NNPS"):
            return False
        kids = [c.lower_ for c in tok.children]
        if "two" in kids or "both" in kids:
            return True
        mods = [c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")]
        if mods and " ".join(mods + [tok.lemma_.lower()]) not in lexicon().title_sector:
            return False      # "the foreign leaders" are others; "the prime ministers" are the pair
        return "the" in kids

    def _main_pair(self) -> list[Actor]:
        people = [a for a in self.doc.actors if a.kind == "person" and a.country]
        people.sort(key=lambda a: len(a.mentions), reverse=True)
        if not people:
            return []
        first = people[0]
        second = next((a for a in people[1:] if a.country != first.country), None)
        return [first, second] if second else [first]

    def _main_dyad(self) -> list[str]:
        counts = Counter()
        for a in self.doc.actors:
            if a.country:
                counts[a.country] += len(a.mentions)
        return [c for c, _ in counts.most_common(2)]

    # -- sides and places -------------------------------------------------
    @staticmethod
    def side(actor: Actor) -> Side:
        return Side(name=actor.name, country=actor.country, actor_id=actor.id)

    @staticmethod
    def country_side(iso3: str) -> Side:
        return Side(name=country_name(iso3), country=iso3)

    def place_of(self, tok) -> Optional[tuple[Location, Optional[Actor]]]:
        """A destination: a place name, a country, or a person/org standing for their country."""
        named = self.tok_actor.get(tok.i)
        tagged_place = tok.ent_type_ in ("GPE", "LOC")
        if tagged_place or tok.pos_ == "PROPN" and (named is None or named.kind == "country"):
            for text in (_phrase_text(tok), tok.text):
                iso = gazetteer().country(text)
                if iso:      # "Jordan" is the country before it is a district of Hong Kong
                    return _country_location(iso), None
                place = gazetteer().place(text)
                # an untagged word is a destination only if it is a well-known place ("Airport" is also a town)
                if place and (tagged_place or place.kind != "city" or place.population >= 100_000):
                    return Location(place.name, place.country, place.lat, place.lon), None
        a = self.tok_actor.get(tok.i) or self.actor_of(tok)
        if a is not None and a.country:
            if a.kind == "country":
                return _country_location(a.country), None
            return Location(country_name(a.country), a.country), (a if a.kind == "person" else None)
        iso = gazetteer().country_code(tok.text) if tok.ent_type_ in ("GPE", "NORP", "LOC") else None
        if iso:
            return Location(country_name(iso), iso), None
        return _capital_named(tok)


def _country_location(iso3: str) -> Location:
    """A country as a place, at its map point (never a namesake town: "Armenia" is also a Colombian city)."""
    lat, lon = gazetteer().country_centroids.get(iso3, (None, None))
    return Location(country_name(iso3), iso3, lat, lon)


def _capital_named(tok) -> Optional[tuple[Location, None]]:
    """"the Chilean capital", "Japan's capital": a country's capital named through its demonym or name."""
    if tok.lemma_.lower() != "capital" or tok.pos_ != "NOUN":
        return None
    for child in tok.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i < tok.i:
            iso = gazetteer().country_code(child.text)
            if iso and (gazetteer().country(child.text) or gazetteer().demonym(child.text)):
                city = capital_of(iso)
                return (Location(city.name, iso, city.lat, city.lon) if city else
                        Location(country_name(iso), iso)), None
    return None


@functools.lru_cache(maxsize=None)
def capital_of(iso3: str):
    """The gazetteer's capital of a country (None when it has none)."""
    return next((p for p in gazetteer().places.values() if p.kind == "capital" and p.country == iso3), None)


def _fits(title: str, role: str) -> bool:
    """Whether a plural title ("presidents", "foreign ministers", "leaders") fits a person's role."""
    role = role.lower()
    return title in role or title in ("leader", "head", "official", "man") or title.split()[-1] in role


def _phrase_text(tok) -> str:
    parts = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i]
    start = min([tok.i] + [c.i for c in parts])
    return tok.doc[start:tok.i + 1].text


def _rank(a: Actor) -> int:
    return {"person": 3, "organization": 2, "country": 1}.get(a.kind, 0)
