"""Diplomatic engagements (VISIT HOST MEET CALL SIGN INVITE CONDOLE PRAISE) from a parsed document.

For each trigger (a verb or an event noun from the lexicon) the parse gives the
parties: subject and object, the agent of a passive ("welcomed by X"), the
"with"/"to"/"between" phrase of a noun, the subject of a light verb ("held
talks", "sent condolences"). A candidate becomes an event only when its two
sides resolve to actors of different countries (or one is an international
body): that is what makes it diplomatic, and it keeps generic sentences out.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from communique.actors.roles import role_words
from communique.events.context import DocContext
from communique.events.lexicon import endorsed_things, lexicon, light_verbs, trigger_index
from communique.events.modality import noun_status, verb_status
from communique.geo import country_name
from communique.model import Actor, Location

_PHONE_WORDS = {"phone", "telephone", "video", "videoconference", "videolink", "zoom"}
_WITH = {"with", "between", "among", "to", "by", "from", "for", "over"}
_CALL_PURPOSES = {"congratulate", "thank", "discuss", "express", "offer", "convey", "invite", "inform", "wish",
                  "condole", "brief", "assure", "update", "ask", "urge"}
_TALK_IDIOMS = {"past", "about", "up", "down", "of", "over", "through", "around", "tough", "big"}
_INTENT_NOUNS = {"plan", "intention", "decision", "desire", "readiness", "willingness", "hope", "proposal", "offer",
                 "invitation", "agreement", "refusal", "attempt", "bid", "chance", "opportunity"}


@dataclass
class Candidate:
    type: str
    trigger: object                        # spaCy token
    sent: object
    status: str = "occurred"
    sources: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    location: Optional[Location] = None
    destination: Optional[str] = None      # ISO3, VISIT only
    noun: bool = False
    extra: dict = field(default_factory=dict)


def find_candidates(ctx: DocContext, future_sents: set[int]) -> list[Candidate]:
    verbs, nouns = trigger_index()
    out = []
    for sent in ctx.sdoc.sents:
        if is_question(sent):
            continue      # a question asserts nothing ("what is the purpose of X's trip to Canada?")
        future = sent.start in future_sents
        for tok in sent:
            types = []
            if tok.lower_ == "visiting" and _guest_token(tok) is not None:
                guest = _visiting_guest(ctx, tok)      # "the visiting French president": he is the traveller
                if guest is not None:
                    out.append(guest)
                continue
            leading = _leads_delegation(ctx, tok, future)
            if leading is not None:      # "X will head the delegation to Paris" ("head" is also a trip verb)
                out.append(leading)
                continue
            if tok.pos_ == "VERB" and tok.lemma_.lower() in verbs:
                types = verbs[tok.lemma_.lower()]
                noun = False
            elif tok.pos_ in ("NOUN", "PROPN") and (tok.lemma_.lower() in nouns or tok.lower_ in nouns):
                types = nouns.get(tok.lower_) or nouns[tok.lemma_.lower()]
                noun = True
            elif tok.pos_ == "NOUN" and tok.lemma_ in ("conference", "link", "summit") and any(
                    c.lower_ in _PHONE_WORDS for c in tok.children):      # "a video conference with X"
                types, noun = ["CALL"], True
            elif tok.lemma_.lower() in ("conference", "briefing") and any(
                    c.lower_ in ("news", "press", "joint") for c in tok.children if c.dep_ in ("compound", "amod")):
                types, noun = ["MEET"], True      # "a joint news conference with X": the two met
            elif tok.lower_ in ("bilateral", "bilaterals") and tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"):
                types, noun = ["MEET"], True      # "held a bilateral with X" (often tagged an adjective)
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() == "exchange" and _exchanges_documents(tok):
                types, noun = ["SIGN"], True      # "witnessed the exchange of five memoranda": a signing ceremony
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in _MESSAGES and _message_type(tok):
                types, noun = [_message_type(tok)], True      # "a congratulatory message", "a condolence letter"
            if not types:
                attending = _attendance(ctx, tok, future) or _expected_in(ctx, tok) or _was_in(ctx, tok)
                if attending is not None:
                    out.append(attending)
                continue
            phone = _phone_near(tok)
            for etype in types:
                if phone and etype in ("MEET",) and tok.lemma_ in _BY_PHONE_TOO:
                    etype = "CALL"      # "spoke by phone", "held a meeting via video link"
                courtesy = etype == "CALL" and (_courtesy_call(ctx, tok) if not noun else _courtesy_noun(tok))
                if courtesy:
                    etype = "MEET"      # "the minister called on President X": a courtesy visit in person
                elif etype == "CALL" and not noun and not _is_phone_call(tok, phone):
                    continue
                if etype == "CALL" and noun and not phone and tok.lower_ == "call" and not _phone_noun(tok) and not (
                        _call_party(ctx, tok)):
                    continue      # "a call for calm" is an appeal; "a call from X", "a call with X" is a call
                if tok.lemma_ == "sit" and not any(c.lower_ == "down" for c in tok.children):
                    continue      # "sit down with X" is a meeting; "sit" alone is not
                if tok.lemma_ in ("leave", "depart") and not any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
                    continue      # "leave for Tbilisi" is a trip; "leave office" is not
                cand = Candidate(etype, tok, sent, noun=noun)
                if courtesy:
                    cand.extra["courtesy_call"] = True
                cand.status = noun_status(tok, future) if noun else verb_status(tok, future)
                if (_fill_noun if noun else _fill_verb)(ctx, cand):
                    out.append(cand)
                    out += _more_destinations(ctx, cand)
    return out


_BY_PHONE_TOO = {"talk", "conversation", "talks", "speak", "meeting", "meet", "summit", "consultations"}
_MESSAGES = {"message", "letter", "telegram", "cable", "note"}


def _exchanges_documents(noun) -> bool:
    """"the exchange of agreements", "an exchange of memoranda": what is exchanged is a signed document (the
    SIGN objects), not fire, views or prisoners."""
    wanted = set(lexicon()["SIGN"]["objects"])
    return any(p.lemma_.lower() in wanted or p.lower_ in wanted for c in noun.children if c.dep_ == "prep"
               and c.lower_ == "of" for p in c.children if p.dep_ == "pobj")


def _message_type(noun) -> Optional[str]:
    """PRAISE or CONDOLE for a message its modifier qualifies ("a congratulatory message", "a condolence letter")."""
    kinds = lexicon()["message_kinds"]
    for c in noun.children:
        if c.dep_ in ("amod", "compound") and c.i < noun.i and c.lemma_.lower() in kinds:
            return kinds[c.lemma_.lower()]
    return None


def _visiting_guest(ctx: DocContext, tok) -> Optional[Candidate]:
    """"X met the visiting Y in Beijing", "the visiting French president": Y travelled to the place named, else to
    the host's country."""
    guest_tok = _guest_token(tok)
    if guest_tok is None:
        return None
    guest = ctx.actor_of(guest_tok)
    if guest is None or guest.kind != "person" or not guest.country:
        return None
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    where = next((ctx.place_of(p) for h in (verb, guest_tok) for c in h.children
                  if c.dep_ == "prep" and c.lower_ in ("in", "at")
                  for p in c.children if p.dep_ == "pobj" and ctx.place_of(p)), None)
    if where is None:
        hosts = [a for a in _subject(ctx, verb) if a.country and a.country != guest.country]
        if not hosts:
            return None
        where = (Location(country_name(hosts[0].country), hosts[0].country), hosts[0])
    if not where[0].country or where[0].country == guest.country:
        return None
    return Candidate("VISIT", tok, tok.sent, verb_status(verb), [guest], [where[1]] if where[1] else [], where[0],
                     where[0].country)


def _guest_token(tok):
    """The guest "visiting" describes: "the visiting president" (a modifier), "met with visiting X" (parsed as a
    verb under "with" whose object is X)."""
    if tok.dep_ in ("amod", "compound") and tok.head.pos_ in ("NOUN", "PROPN"):
        head = tok.head
        while head.dep_ == "compound" and head.head.i != head.i:      # "visiting French President [Name]"
            head = head.head
        return head
    if tok.dep_ == "pcomp" and tok.head.lower_ == "with":
        return next((c for c in tok.children if c.dep_ == "dobj"), None)
    return None


def is_question(sent) -> bool:
    """A sentence, or its first line, that ends in a question mark. Transcripts glue the next speaker's label to a
    question and the next line ("… did they actually meet?" / "HOST NAME (correspondent):"), so the first line
    counts too."""
    text = sent.text.strip()
    return any(part.rstrip(" \"”’'").endswith("?") for part in (text, text.split("\n", 1)[0]))


_GATHERINGS = {"summit", "forum", "conference", "meeting", "ceremony", "inauguration", "funeral", "session",
               "parade", "celebration", "games", "congress", "assembly", "talks", "festival", "expo", "exhibition"}


def _attendance(ctx: DocContext, tok, future: bool) -> Optional[Candidate]:
    """"X will attend the summit in Dushanbe", "X took part in the forum in Baku": a trip to that place."""
    if tok.pos_ != "VERB":
        return None
    lemma = tok.lemma_.lower()
    if lemma == "attend":
        nouns = [c for c in tok.children if c.dep_ == "dobj"]
        if not nouns and any(c.dep_ == "neg" for c in tok.children):
            nouns = _gathering_before(tok)      # "The summit in Tashkent opened. X did not attend."
    elif lemma == "participate" or (lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part"
                                                             for c in tok.children)):
        nouns = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children
                 if p.dep_ == "pobj"]
        nouns += [p for c in tok.children if c.dep_ == "dobj" for q in c.children if q.dep_ == "prep"
                  and q.lower_ == "in" for p in q.children if p.dep_ == "pobj"]
    else:
        return None
    for noun in nouns:
        if noun.lemma_.lower() not in _GATHERINGS:
            continue
        found: dict = {}
        dest = _destination(ctx, noun, found)
        sources = _subject(ctx, tok)
        if dest is None or not sources or not dest[0].country:
            continue
        cand = Candidate("VISIT", tok, tok.sent, verb_status(tok, future), sources, [], dest[0], dest[0].country,
                         False, {"purpose": noun.doc[noun.left_edge.i:noun.i + 1].text})
        return cand
    return None


def _gathering_before(tok, sentences: int = 3) -> list:
    """The last gathering noun ("the summit", "the forum") of the few sentences before, for an elliptical "did
    not attend"."""
    sent = tok.sent
    start = sent.start
    for _ in range(sentences):
        if start == 0:
            break
        start = tok.doc[start - 1].sent.start
    found = [t for t in tok.doc[start:tok.i] if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in _GATHERINGS]
    return found[-1:]


def _expected_in(ctx: DocContext, tok) -> Optional[Candidate]:
    """"X is expected in Santiago on Wednesday", "X had been due in Canberra": a trip announced, no trip verb."""
    if tok.lower_ == "expected" and tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children):
        sources = _passive_subject(ctx, tok)
    elif tok.lower_ == "due" and tok.dep_ == "acomp" and tok.head.lemma_ == "be":
        sources = _subject(ctx, tok.head)
    else:
        return None
    people = [a for a in sources if a.kind == "person" and a.country]
    if not people or any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
        return None      # "X is expected to ...": the infinitive carries the event
    where = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
                  for p in c.children if p.dep_ == "pobj"), None)
    hit = ctx.place_of(where) if where is not None else None
    if hit is None or not hit[0].country or hit[0].country == people[0].country:
        return None
    status = "negated" if any(c.dep_ == "neg" for c in (tok.head if tok.lower_ == "due" else tok).children) \
        else "planned"
    return Candidate("VISIT", tok, tok.sent, status, people[:1], [hit[1]] if hit[1] else [], hit[0], hit[0].country)


_DELEGATIONS = {"delegation", "mission", "team"}


def _leads_delegation(ctx: DocContext, tok, future: bool) -> Optional[Candidate]:
    """"X led a delegation to Beijing", "X will head the delegation to the conference in Paris": a trip by X."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in ("lead", "head"):
        return None
    groups = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in _DELEGATIONS]
    if not groups:
        return None
    found: dict = {}
    dest = None
    for c in list(groups[0].children) + list(tok.children):   # "a delegation to X" or "led ... to X"
        if dest is None and c.dep_ == "prep" and c.lower_ == "to":
            for p in c.children:
                if p.dep_ == "pobj":
                    dest = ctx.place_of(p) if p.lemma_.lower() not in _GATHERINGS else _destination(ctx, p, found)
    for c in tok.children:   # "... to the forum in Cairo": the gathering's place hung on the verb
        if dest is None and c.dep_ == "prep" and c.lower_ in ("in", "at"):
            dest = next((ctx.place_of(p) for p in c.children if p.dep_ == "pobj"), None)
    sources = [a for a in _subject(ctx, tok) if a.kind == "person"]
    if dest is None or not sources or not dest[0].country or dest[0].country == sources[0].country:
        return None
    return Candidate("VISIT", tok, tok.sent, verb_status(tok, future), sources[:1], [dest[1]] if dest[1] else [],
                     dest[0], dest[0].country)


_RESIDENT_ROLES = ("ambassador", "envoy", "correspondent", "consul", "representative", "resident")


def _was_in(ctx: DocContext, tok) -> Optional[Candidate]:
    """"X was in Lima less than ten days ago", "Y was in Hanoi on Friday": a foreign leader dated in a foreign
    place was there on a trip. The clause must date the stay (a diplomat posted there is no visitor)."""
    if tok.lemma_ != "be" or tok.tag_ != "VBD" or any(c.dep_ in ("acomp", "attr", "xcomp", "neg") for c in tok.children):
        return None
    people = [a for a in _subject(ctx, tok) if a.kind == "person" and a.country
              and not any(r in (a.role or "").lower() for r in _RESIDENT_ROLES)]
    if not people:
        return None
    dated = any(t.ent_type_ in ("DATE", "TIME") for c in tok.children if c.dep_ != "nsubj" for t in c.subtree)
    where = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
                  for p in c.children if p.dep_ == "pobj"), None)
    hit = ctx.place_of(where) if where is not None and dated else None
    if hit is None or not hit[0].country or hit[0].country == people[0].country:
        return None
    return Candidate("VISIT", tok, tok.sent, "occurred", people[:1], [hit[1]] if hit[1] else [], hit[0],
                     hit[0].country)


def _more_destinations(ctx: DocContext, cand: Candidate) -> list[Candidate]:
    """"visit India and the Philippines": one VISIT per destination country."""
    if cand.type != "VISIT" or cand.extra.get("dest_tok") is None:
        return []
    out = []
    for conj in cand.extra["dest_tok"].conjuncts:
        hit = ctx.place_of(conj)
        if hit and hit[0].country and hit[0].country != cand.destination:
            extra = Candidate("VISIT", cand.trigger, cand.sent, cand.status, list(cand.sources),
                              [hit[1]] if hit[1] else [], hit[0], hit[0].country, cand.noun)
            out.append(extra)
    return out


def _courtesy_noun(noun) -> bool:
    """"paid a courtesy call on the King", "a courtesy call on President Y": protocol English for a visit in person."""
    return noun.lower_ == "call" and any(c.dep_ in ("amod", "compound") and c.lower_ == "courtesy"
                                         for c in noun.children)


def _courtesy_call(ctx: DocContext, verb) -> bool:
    """"X called on the King", "called upon President Y": a courtesy visit (protocol English of the Commonwealth
    and of South Asian readouts), unless a demand follows ("called on Y to resign", "called on Y for restraint")
    or the party named is no person or office-holder."""
    if verb.lemma_.lower() != "call" or any(c.dep_ in ("xcomp", "ccomp", "dobj") for c in verb.children):
        return False
    if any(c.dep_ == "advcl" and c.i > verb.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
           for c in verb.children):
        return False      # "called on X to release ..."
    for prep in verb.children:
        if prep.dep_ in ("prep", "prt") and prep.lower_ in ("on", "upon"):
            objs = [o for o in prep.children if o.dep_ == "pobj"]
            if not objs or any(c.dep_ in ("acl", "relcl", "prep") and c.lower_ in ("to", "for") or c.tag_ == "VB"
                               for o in objs for c in o.children):
                return False
            after = verb.doc[objs[-1].i + 1:objs[-1].i + 3]
            if any(t.lower_ in ("to", "for") for t in after):
                return False
            actor = ctx.actor_of(objs[0])
            return actor is not None and actor.kind == "person"
    return False


def _is_phone_call(tok, phone: bool) -> bool:
    """"called X" is a call only with a person object and no second complement ("called it a success")."""
    if tok.lemma_ in ("phone", "telephone", "dial"):
        return True
    if tok.lemma_ in ("speak", "talk"):
        return phone
    if any(c.dep_ in ("xcomp", "advcl") and c.lemma_ in _CALL_PURPOSES for c in tok.children):
        return True        # "called X on Monday to congratulate her"
    if any(c.dep_ in ("oprd", "xcomp", "ccomp", "attr", "acomp") for c in tok.children):
        return False
    if any(c.dep_ == "dobj" and any(a.dep_ == "appos" and a.pos_ == "NOUN" for a in c.children)
           for c in tok.children) or sum(c.dep_ == "dobj" for c in tok.children) >= 2:
        return False       # "called X a dangerous man" names X, it is no phone call (the parse may make both objects)
    has_object = any(c.dep_ == "dobj" for c in tok.children)      # "called Putin on Monday" is still a call
    if any(c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in ("for", "on", "off", "upon") and not has_object)
           for c in tok.children):
        return False
    # "called Ortiz", "called his counterpart (Yoweri Museveni)"; not "called the decision … a travesty"
    return phone or any(c.dep_ == "dobj" and (c.pos_ in ("PROPN", "PRON") or c.lemma_.lower() in role_words()
                                              or c.lemma_.lower() == "counterpart"
                                              or any(a.dep_ == "appos" and a.pos_ == "PROPN" for a in c.children))
                        for c in tok.children)


_OTHER_CLAUSES = {"relcl", "advcl", "ccomp", "acl", "conj", "parataxis"}


def _phone_near(tok) -> bool:
    """A phone word in the trigger's own clause: "spoke by phone", "held talks by video link", but not "opened the
    session by video link from Ankara, where he had held talks with X the day before"."""
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    stack = [verb]
    while stack:
        t = stack.pop()
        if t.lower_ in _PHONE_WORDS:
            return True
        stack += [c for c in t.children if c.dep_ not in _OTHER_CLAUSES or c.i == tok.i or tok in c.subtree]
    return False


def _call_party(ctx: DocContext, noun) -> bool:
    """"received a call from X", "held a call with X": a call noun whose with/from phrase names a person."""
    return any(c.dep_ == "prep" and c.lower_ in ("with", "from") and any(
        p.dep_ == "pobj" and (a := ctx.actor_of(p)) is not None and a.kind == "person" for p in c.children)
        for c in noun.children)


def _phone_noun(tok) -> bool:
    return any(c.lower_ in _PHONE_WORDS for c in tok.children)


# -- participants ----------------------------------------------------------
def _expand(ctx: DocContext, tok) -> list[Actor]:
    """Actors named by a token and its conjuncts ("Putin and Tokayev")."""
    if ctx.is_pair_phrase(tok):
        return ctx.pair_for(tok)
    out = []
    for t in sorted([tok] + list(tok.conjuncts) + _conjuncts_in_name(tok), key=lambda t: t.i):
        a = ctx.actor_of(t)
        if a is not None and a not in out:
            out.append(a)
    if out and out[0].kind == "person":
        out += [a for a in _people_in_broken_coordination(ctx, tok) if a not in out]
    # "X and New Zealand Prime Minister Y": a parse may split the title's country off as a conjunct of its own
    people = {a.country for a in out if a.kind == "person"}
    return [a for a in out if not (a.kind == "country" and a.country in people)]


def _conjuncts_in_name(tok) -> list:
    """Conjuncts hung on another word of the same name: in "Barack Obama and David Cameron will meet" the parse
    may make "Barack" the subject and "Cameron" a conjunct of "Obama"."""
    if not tok.ent_type_ or tok.ent_iob_ == "O":
        return []
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is None:
        return []
    conjuncts = [c for t in ent if t.i != tok.i for c in t.conjuncts if not ent.start <= c.i < ent.end]
    return [t for t in ent if t.i != tok.i] + conjuncts if conjuncts else []


_NOT_COORDINATED = {"poss", "prep", "relcl", "acl", "appos", "advcl", "ccomp", "punct"}


def _people_in_broken_coordination(ctx: DocContext, tok) -> list[Actor]:
    """People joined by "and" whose parse hung one name under the other: in "Turkish Foreign Minister Hakan Fidan
    and Azerbaijani Foreign Minister Jeyhun Bayramov held talks" the tagger made Fidan a modifier of Bayramov.
    Only the noun phrase's own words count (no possessors, relative clauses or prepositional phrases)."""
    words, stack = [], [c for c in tok.children if c.i < tok.i and c.dep_ not in _NOT_COORDINATED]
    while stack:
        t = stack.pop()
        words.append(t)
        stack += [c for c in t.children if c.dep_ not in _NOT_COORDINATED]
    if not any(t.dep_ == "cc" and t.lower_ in ("and", "&") for t in words):
        return []
    out = []
    for t in sorted(words, key=lambda t: t.i):
        a = ctx.tok_actor.get(t.i)
        if a is not None and a.kind == "person" and a not in out:
            out.append(a)
    return out


def _subject(ctx: DocContext, verb, raised: bool = False) -> list[Actor]:
    deps = ("nsubj", "csubj", "nsubjpass") if raised else ("nsubj", "csubj")
    for c in verb.children:
        if c.dep_ in deps:
            if c.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":   # "X, who hosted Y"
                return _expand(ctx, verb.head)
            return _expand(ctx, c)
    if verb.dep_ in ("xcomp", "conj", "advcl", "acomp") and verb.head.i != verb.i:   # "hoped to discuss", "is due to"
        return _subject(ctx, verb.head, raised=verb.dep_ in ("xcomp", "acomp"))
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        return _subject(ctx, verb.head.head)      # "X looks forward to welcoming Y", "X insisted on meeting Y"
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in _INTENT_NOUNS:   # "X had no plans to meet Y"
        carrier = verb.head.head
        if carrier.pos_ in ("VERB", "AUX") and carrier.i != verb.head.i:
            return _subject(ctx, carrier)
    if verb.dep_ == "acl" and verb.head.dep_ == "dobj" and verb.tag_ == "VBG":
        return _subject(ctx, verb.head.head)      # "X issued a statement congratulating Y"
    if verb.dep_ == "acl" or verb.dep_ == "relcl":
        return _expand(ctx, verb.head)
    return []


def _agent(ctx: DocContext, verb) -> list[Actor]:
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return _expand(ctx, p)
    return []


def _passive_subject(ctx: DocContext, verb) -> list[Actor]:
    for c in verb.children:
        if c.dep_ == "nsubjpass":
            return _expand(ctx, c)
    return []


def _objects(ctx: DocContext, tok, preps=_WITH) -> list[Actor]:
    out = []
    for c in tok.children:
        if c.dep_ == "dative" and c.pos_ == "ADP":
            if c.lower_ in preps:   # "sent condolences to Peru": the parse makes "to" a dative
                out += [a for p in c.children if p.dep_ == "pobj" for a in _expand(ctx, p)]
        elif c.dep_ in ("dobj", "dative"):
            out += _expand(ctx, c)
        elif c.dep_ == "prep" and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    out += _expand(ctx, p)
    return out


def _destination(ctx: DocContext, tok, found: Optional[dict] = None) -> Optional[tuple[Location, Optional[Actor]]]:
    """"arrived in Moscow", "visit to China", "visited Kazakhstan", "came to Moscow"."""
    found = found if found is not None else {}
    leaving = tok.lemma_.lower() in ("leave", "depart")      # "left Abuja for Paris": Abuja is where the trip began
    for c in tok.children:
        if leaving and (c.dep_ != "prep" or c.lower_ != "for"):
            continue
        if c.dep_ == "dobj" or (c.dep_ == "npadvmod" and c.pos_ == "PROPN"):
            hit = ctx.place_of(c)
            if hit:
                found["dest_tok"] = c
                return hit
        if c.dep_ == "prep" and (c.lower_ in ("to", "in", "at", "into", "for") or
                                 c.lower_ in ("of", "through") and tok.lemma_.lower() in ("tour", "swing")):
            for p in c.children:
                if p.dep_ == "pobj":
                    hit = ctx.place_of(p)
                    if hit:
                        found["dest_tok"] = p
                        return hit
                    for pp in p.children:     # "at Vnukovo airport in Moscow"
                        if pp.dep_ == "prep" and pp.lower_ in ("in", "of"):
                            for q in pp.children:
                                if q.dep_ == "pobj":
                                    hit = ctx.place_of(q)
                                    if hit:
                                        return hit
    if not leaving and tok.i + 1 < len(tok.doc) and tok.nbor().pos_ == "PROPN" and tok.nbor().dep_ in (
            "npadvmod", "compound", "dobj"):
        return ctx.place_of(tok.nbor())
    return None


def _dateline_arrival(ctx: DocContext, tok, travellers: list[Actor]) -> Optional[tuple[Location, Optional[Actor]]]:
    """"DOHA — X arrived on Sunday for talks": a person's arrival with no place of its own, told by the reporter
    (not inside a quotation), is at the dateline's city, where the story was filed (only "arrive", "land" and
    "fly in")."""
    from communique.events.coded import dateline_place

    if not travellers or travellers[0].kind != "person" or any(q.start <= tok.idx < q.end for q in ctx.doc.quotes):
        return None
    lemma = tok.lemma_.lower()
    if not (lemma in ("arrive", "land") or lemma == "fly" and any(c.dep_ in ("prt", "advmod") and c.lower_ == "in"
                                                                   for c in tok.children)):
        return None
    if any(c.dep_ == "prep" and c.lower_ in ("in", "at", "to") for c in tok.children):
        return None       # "landed at an airport the gazetteer does not know": no guess
    place = dateline_place(ctx.doc.text)
    return (place, None) if place is not None else None


def _fill_verb(ctx: DocContext, cand: Candidate) -> bool:
    tok, etype = cand.trigger, cand.type
    passive = any(c.dep_ == "auxpass" for c in tok.children) or tok.tag_ == "VBN" and tok.dep_ == "acl"
    if etype == "VISIT":
        cand.sources = _subject(ctx, tok) if not passive else _passive_subject(ctx, tok)
        own_subject = any(c.dep_ in ("nsubj", "expl") for c in tok.children)    # "when it comes to Iran": not X's trip
        if not cand.sources and tok.dep_ in ("pcomp", "advcl") and not own_subject:   # "before flying to Manila, X ..."
            cand.sources = _clause_subject(ctx, tok)[0]
        dest = _destination(ctx, tok, cand.extra) or _dateline_arrival(ctx, tok, cand.sources)
        if dest is None:      # a trip with no destination in its clause codes nothing
            return False
        cand.location, host = dest
        cand.destination = cand.location.country
        if host is not None:
            cand.targets = [host]
        return bool(cand.sources)
    if etype == "HOST":
        if passive:
            cand.sources, cand.targets = _agent(ctx, tok), _passive_subject(ctx, tok)
        else:
            if any(c.dep_ == "dobj" and c.pos_ == "NOUN" and c.lemma_.lower() in endorsed_things()
                   for c in tok.children):
                return False      # "welcomed Biden's statement", "received X's letter": no guest (the breadth
                #                   rules code the endorsement)
            cand.sources, cand.targets = _subject(ctx, tok), _objects(ctx, tok, preps=set())
            for meal in (c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in _HOSTED_MEALS):
                # "hosted a dinner for X", "gave a banquet in honour of X"
                cand.targets = cand.targets or _objects(ctx, meal, preps={"for"}) + [
                    a for c in meal.children if c.dep_ == "prep" and c.lower_ == "in" for h in c.children
                    if h.lemma_.lower() in ("honor", "honour") for q in h.children if q.dep_ == "prep"
                    for p in q.children if p.dep_ == "pobj" for a in _expand(ctx, p)]
        if cand.sources:
            cand.extra["greeting_party"] = _greeters(ctx, tok) or list(cand.sources)
        return bool(cand.sources and cand.targets)
    if etype == "SIGN":
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if not objs and tok.dep_ == "acl" and tok.tag_ == "VBN":      # "the agreement signed by X and Y"
            objs = [tok.head]
        if not objs and tok.dep_ == "xcomp":      # "documents are to be signed"
            objs = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        wanted = set(lexicon()["SIGN"]["objects"])
        if not any(t.lemma_.lower() in wanted or t.lower_ in wanted for o in objs for t in o.subtree) and not (
                _document_named_before(tok, objs, wanted)):
            return False
        cand.extra["documents"] = [_phrase(o) for o in objs]
        cand.sources = _agent(ctx, tok) if passive else _subject(ctx, tok)
        cand.targets = _objects(ctx, tok, preps={"with", "between"})
        for o in objs:
            if not cand.targets:
                cand.targets = [a for a in _objects(ctx, o, preps={"with", "between"}) if a not in cand.sources]
        if len(cand.sources) >= 2 and not cand.targets:
            cand.sources, cand.targets = cand.sources[:1], cand.sources[1:]
        cand.targets = [a for a in cand.targets
                        if a not in cand.sources and (a.kind != "organization" or a.sector == "IGO")]
        return True       # parties may come from the document's dyad
    topic_verb = tok.lemma_ in ("discuss", "talk", "negotiate")      # their object is a topic, not a party
    if topic_verb and tok.dep_ == "relcl" and tok.head.lemma_.lower() in trigger_index()[1]:
        return False      # "a phone conversation with X, during which the two sides discussed …": that call
    if tok.lemma_ == "talk" and not any(c.dep_ == "prep" and c.lower_ in ("with", "to") for c in tok.children) and any(
            c.dep_ in ("prep", "prt", "advmod") and c.lower_ in _TALK_IDIOMS for c in tok.children):
        return False      # "talking past each other", "talking about trade", "talk up the deal": no meeting
    if _generic_habit(tok):
        return False
    subj = _agent(ctx, tok) if passive else _subject(ctx, tok)
    if passive:
        objs = _passive_subject(ctx, tok)
    elif topic_verb:      # "discussed Libya and Gaza with X": Libya is what they talked about
        objs = [a for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "between", "among")
                for p in c.children if p.dep_ == "pobj" for a in _expand(ctx, p)]
    else:
        objs = _objects(ctx, tok, preps={"on", "upon"} if cand.extra.pop("courtesy_call", False) else _WITH)
    if not subj and not passive and objs and tok.dep_ in ("pcomp", "pobj", "advcl") and not any(
            c.dep_ in ("nsubj", "expl") for c in tok.children):   # "after meeting with X"
        subj = [a for a in _clause_subject(ctx, tok)[0] if a not in objs]
    if etype in ("MEET", "CALL") and len(subj) >= 2 and not objs:     # "X and Y met", "X and Y spoke by phone"
        subj, objs = subj[:1], subj[1:]
    if etype == "MEET" and subj and objs and all(a.kind == "country" for a in subj + objs) \
            and sporting_sentence(tok.sent):
        return False      # "Peru and Morocco met in a friendly": teams, not governments
    cand.sources, cand.targets = subj, objs
    has_partner_phrase = any(_names_other_party(c) for c in tok.children if not (topic_verb and c.dep_ == "dobj"))
    if etype == "MEET" and subj and not objs and not has_partner_phrase and tok.lemma_ in (
            "discuss", "meet", "talk", "negotiate"):
        cand.targets = [a for a in ctx.main_pair if a not in subj][:1] if subj[0] in ctx.main_pair else []
    return bool(cand.sources and cand.targets)


def sporting_sentence(sent) -> bool:
    """Whether a sentence is about a match (a word of the ``[sports]`` list)."""
    words = set(lexicon()["sports"]["words"])
    return any(t.lower_ in words for t in sent)


def _bare_plural(tok) -> bool:
    """"officials", "Taiwanese leaders": a plural noun with no article, possessive or number names a kind of people."""
    return tok.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children)


def _generic_habit(verb) -> bool:
    """"criticized state officials who meet Taiwanese leaders", "ministers visit Brussels often": a present-tense
    habit of a kind of people, not an engagement."""
    if verb.tag_ not in ("VBP", "VBZ") or any(c.dep_ == "aux" for c in verb.children):
        return False
    if verb.dep_ == "relcl" and _bare_plural(verb.head):
        return True
    return any(c.dep_ == "nsubj" and _bare_plural(c) for c in verb.children)


def _document_named_before(tok, objs, wanted) -> bool:
    """"No treaty was signed; they intend to sign one": a pronoun object stands for a document named just before."""
    if not objs or not all(o.lower_ in ("one", "it", "them") for o in objs):
        return False
    sent = tok.sent
    start = sdoc_start = sent.start
    if sent.start > 0:
        sdoc_start = tok.doc[sent.start - 1].sent.start
    return any(t.lemma_.lower() in wanted for t in tok.doc[min(start, sdoc_start):tok.i])


_HOSTED_MEALS = {"dinner", "lunch", "luncheon", "banquet", "breakfast", "reception", "gala"}
_CARRYING_VERBS = frozenset({"cancel", "postpone", "delay", "plan", "schedule", "announce", "call", "scrap",
                             "prepare", "arrange", "propose", "confirm", "cut", "end", "complete", "wrap"})
_COUNTERPART_NOUNS = {"colleague", "counterpart", "delegation", "partner", "side", "guest", "host", "team"}


def _names_other_party(child) -> bool:
    """"meet with business leaders" names another party; "with colleagues" or "with his counterpart" points
    back to the document's other main actor."""
    if child.dep_ == "dobj":
        objs = [child]
    elif child.dep_ == "prep" and child.lower_ in ("with", "between", "to"):
        objs = [p for p in child.children if p.dep_ == "pobj"]
    else:
        return False
    return any(o.lemma_.lower() not in _COUNTERPART_NOUNS for o in objs)


def _light_verb(noun):
    """The verb that carries an event noun: "held talks", "sent a message of condolence", "cancelled a trip"."""
    light = light_verbs() | _CARRYING_VERBS
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.lemma_ in light:
        return head
    if noun.dep_ == "pobj" and head.head.lemma_ in light and head.head.pos_ == "VERB":
        return head.head
    if noun.dep_ == "conj":
        return _light_verb(noun.head)
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":   # "a telegram of condolence"
        return _light_verb(head.head)
    return None


def _fill_noun(ctx: DocContext, cand: Candidate) -> bool:
    noun, etype = cand.trigger, cand.type
    if noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.lemma_ in lexicon()["modality"]["appeal_verbs"]:
        return False      # "called for talks with X", "pressed for a summit": an appeal, no engagement
    owners = [c for c in noun.children if c.dep_ == "poss"]
    sources = _expand(ctx, owners[0]) if owners else []
    light = _light_verb(noun)
    if sources and all(a.kind == "country" for a in sources) and light is not None:
        carriers = [a for a in _subject(ctx, light) if a.kind == "person" and a.country in {s.country for s in sources}]
        sources = carriers or sources   # "Peters will convey New Zealand's condolences": Peters conveys them
    if not sources and light is not None:
        sources = _subject(ctx, light)
        if cand.status == "occurred":
            cand.status = verb_status(light)
    if not sources:
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("by", "of") and not (
                    c.lower_ == "of" and noun.lemma_.lower() in ("tour", "swing")):      # "a tour of Jordan" 
                for p in c.children:
                    if p.dep_ == "pobj":
                        sources = _expand(ctx, p)
    targets = _objects(ctx, noun, preps={"with", "between", "to", "among"})
    if cand.extra.pop("courtesy_call", False):
        targets = targets or _objects(ctx, noun, preps={"on", "upon"})   # "paid a courtesy call on President X"
    if etype == "PRAISE" and not targets:   # "expressed appreciation for Indonesia's support": Indonesia is thanked
        targets = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children
                   if p.dep_ == "pobj" for o in p.children if o.dep_ == "poss" for a in _expand(ctx, o)]
    if etype == "INVITE" and not targets:   # "his invitation for X to visit Y": X is the one invited
        targets = [a for c in noun.children if c.dep_ in ("advcl", "acl") for s in c.children
                   if s.dep_ == "nsubj" for a in _expand(ctx, s)] or _objects(ctx, noun, preps={"for"})
    senders = _objects(ctx, noun, preps={"from"})
    if not senders and light is not None and light.lemma_ in _RECEIVING:
        senders = _objects(ctx, light, preps={"from"})   # "received a call on Monday from Y": 'from' on the verb
    if light is not None and light.lemma_ in _RECEIVING and senders and etype in ("CALL", "CONDOLE", "PRAISE"):
        # "X received a call from Y", "X got a message of condolence from Y": Y acts, X is addressed
        sources, targets = senders, [a for a in sources if a not in senders]
    if light is not None and not targets:
        targets = _objects(ctx, light, preps={"with", "to"})
    if light is not None and not targets and light.dep_ in ("xcomp", "advcl") and light.head.pos_ == "VERB":
        targets = [a for a in _objects(ctx, light.head, preps={"with", "to"}) if a not in sources]
        # "telephoned X to offer his sympathy": the sympathy goes to the one called
    speaker = _speech_carrier(noun)
    if speaker is not None and etype in ("MEET", "CALL"):
        # "told the chancellor in a phone conversation", "said during talks with X"
        sources = sources or _subject(ctx, speaker)
        targets = targets or [a for a in _objects(ctx, speaker, preps={"to"}) if a not in sources]
    if not sources and not targets and etype in ("MEET", "CALL", "SIGN"):
        named = _countries_before(ctx, noun)      # "U.S.-Ukraine talks", "the Russia-China summit"
        if len(named) >= 2:
            sources, targets = named[:1], named[1:2]
    between = _objects(ctx, noun, preps={"between"})
    if not sources and len(between) >= 2 and etype in ("MEET", "CALL", "SIGN"):
        sources, targets = between[:1], between[1:]      # "a phone call between X and Y could take its place"
    near_verb = noun.head.pos_ == "VERB" or (noun.head.dep_ == "prep" and noun.head.head.pos_ == "VERB")
    if not sources and targets and etype in ("MEET", "CALL") and near_verb:   # not "a role in talks with X"
        sources, clause_verb = _clause_subject(ctx, noun)
        sources = [a for a in sources if a not in targets]
        if clause_verb is not None and cand.status == "occurred":
            cand.status = verb_status(clause_verb)
    if etype == "VISIT":
        dest = _destination(ctx, noun, cand.extra)
        if dest is None and noun.dep_ == "pobj" and noun.head.lower_ == "on" and noun.head.head.pos_ in ("VERB", "AUX"):
            dest = _destination(ctx, noun.head.head, cand.extra)   # "X, who is in Accra on a state visit"
        if dest is None:
            return False
        if noun.dep_ == "pobj" and noun.head.lower_ == "on" and noun.head.head.lemma_ in _HOSTING_VERBS:
            return False      # "welcomed X on a state visit": the hosting carries the trip (the guest is X)
        if not sources and noun.dep_ == "pobj" and noun.head.lower_ in _TRIP_FRAMES:
            # "X is on a two-day visit to Y", "X returned from a trip to Y": the traveller is the clause's subject
            sources, clause_verb = _clause_subject(ctx, noun)
            if clause_verb is not None and cand.status == "occurred":
                cand.status = verb_status(clause_verb)
        if not sources and noun.dep_ in ("attr", "acomp", "xcomp", "oprd"):   # "X is expected (to) visit India"
            sources, clause_verb = _clause_subject(ctx, noun)
            if clause_verb is not None and cand.status == "occurred":
                planned = clause_verb.lemma_ in lexicon()["modality"]["planned_verbs"]
                cand.status = "planned" if planned else verb_status(clause_verb)
        cand.location, host = dest
        cand.destination = cand.location.country
        cand.sources, cand.targets = sources, ([host] if host else [])
        return bool(sources)
    if etype in ("MEET", "CALL") and not sources and len(targets) >= 2:   # "talks between X and Y"
        sources, targets = targets[:1], targets[1:]
    if etype in ("MEET", "CALL", "SIGN") and len(sources) >= 2 and not targets:   # "the two presidents held talks"
        sources, targets = sources[:1], sources[1:]
    if etype == "INVITE":
        if light is not None and light.lemma_ in ("accept", "receive", "take", "decline", "reject"):
            # "X accepted an invitation to visit Berlin": X is invited, the host country invites
            invitee = sources
            dest = next((_destination(ctx, c) for c in noun.children if c.dep_ in ("acl", "relcl")), None)
            sources = [dest[1]] if dest and dest[1] else []
            if dest and not sources:
                cand.destination = dest[0].country
            targets = invitee
            if light.lemma_ in ("decline", "reject"):
                cand.status = "negated"
        else:      # "Y paid a visit at the invitation of X" / "at the invitation of X, Y arrived": X invites Y
            inviters = [a for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                        for p in c.children if p.dep_ == "pobj" for a in _expand(ctx, p)]
            if inviters:
                guests = sources if sources and sources[0] not in inviters else _clause_subject(ctx, noun)[0]
                sources, targets = inviters, [a for a in guests if a not in inviters]
                # the invitation was extended before, on a day the sentence does not give
                cand.status, cand.extra["undated"] = "occurred", True
    cand.sources, cand.targets = sources, targets
    return bool(targets and (sources or (etype == "INVITE" and cand.destination)))


def _countries_before(ctx: DocContext, noun) -> list[Actor]:
    """Countries named in the modifiers before an engagement noun ("U.S.-Ukraine talks"), in order."""
    from communique.geo import gazetteer

    countries = {a.country: a for a in ctx.doc.actors if a.kind == "country" and a.country}
    out: list[Actor] = []
    for t in noun.doc[noun.left_edge.i:noun.i]:
        if t.dep_ not in ("compound", "amod", "nmod", "npadvmod"):
            continue
        found = [ctx.tok_actor.get(t.i)]
        if found[0] is None and "-" in t.text:      # one token "U.S.-Ukraine"
            found = [countries.get(gazetteer().country_code(part) or "") for part in t.text.split("-")]
        for a in found:
            if a is not None and a.kind == "country" and (not out or out[-1].country != a.country):
                out.append(a)
    return out


_RECEIVING = {"receive", "get", "take", "accept"}
_HOSTING_VERBS = {"welcome", "receive", "host", "greet"}
_TRIP_FRAMES = {"on", "from", "during", "after"}
_SPEECH_VERBS = {"tell", "say", "assure", "inform", "ask", "urge", "promise", "warn", "explain", "stress",
                 "reiterate", "add", "brief", "confirm"}


def _speech_carrier(noun):
    """The speech verb an engagement noun is the setting of: "told X in a phone conversation", "said during talks"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("in", "during", "at", "over", "on") or prep.head.pos_ != "VERB":
        return None
    return prep.head if prep.head.lemma_ in _SPEECH_VERBS else None


def _clause_subject(ctx: DocContext, tok) -> tuple[list[Actor], object]:
    """"Following talks with X, both leaders reaffirmed ...": the subject of the governing clause."""
    head, hops = tok.head, 0
    while hops < 6:
        if head.pos_ in ("VERB", "AUX"):
            subject = _subject(ctx, head, raised=True)
            if subject:
                return subject, head
        if head.i == head.head.i:
            break
        head, hops = head.head, hops + 1
    return [], None


def _greeters(ctx: DocContext, verb) -> list[Actor]:
    """Every person named in the agent phrase of "was welcomed by A, B and C"."""
    out = []
    for c in verb.children:
        if c.dep_ == "agent":
            for t in c.subtree:
                a = ctx.tok_actor.get(t.i)
                if a is not None and a.kind == "person" and a not in out:
                    out.append(a)
    return out


def _phrase(tok) -> str:
    return tok.doc[tok.left_edge.i:tok.right_edge.i + 1].text
