"""Event extraction: candidates → coded events with dates, evidence and protocol, one per engagement.

``extract_events`` runs the diplomatic rules (``diplomatic.py``) and the PLOVER
breadth rules (``plover.py``), dates each event from the time expressions of
its sentence, codes it (CAMEO, PLOVER type/mode/context) and merges the
mentions of one engagement ("arrived in Rome on a state visit" … "his visit
to Rome") into one event with several evidence spans.
"""
from __future__ import annotations

import logging
from typing import Optional

from communique.events.attributes import add_attributes
from communique.events.context import DocContext
from communique.events.diplomatic import Candidate, find_candidates
from communique.events.lexicon import lexicon, political_groups
from communique.events.dating import date_for, dates_from_the_story, dates_from_trips
from communique.events.merge import merge_events
from communique.events.options import EventOptions
from communique.model import Document, Event, Location, Side, Span

log = logging.getLogger(__name__)

PLANNED_PLOVER = {"VISIT", "HOST", "MEET", "CALL", "INVITE"}


def extract_events(doc: Document, sdoc, options: Optional[EventOptions] = None) -> list[Event]:
    """Rule events, model events or both (``options.mode``), each dated, placed and coded."""
    from communique.timex import find_timexes

    options = options or EventOptions.from_env()
    ctx = DocContext(doc, sdoc)
    timexes = find_timexes(doc.text, doc.published)
    events: list[Event] = []
    if options.mode in ("rules", "combined"):
        events = _rule_events(ctx, timexes)
    coder = options.coder()
    if options.mode in ("rules", "combined") and options.plover_rules:
        extra = _plover_events(doc, sdoc, events, sides=options.plover_sides)
        if coder is not None and options.mode == "combined" and options.rule_floor is not None:
            from communique.events.coded import rescore_rule_events

            extra = rescore_rule_events(ctx, coder, extra, options.rule_floor)
        for ev in extra:
            ev.attributes.setdefault("coded_by", "rules")
        _date_and_place(ctx, extra, timexes)
        events += extra
    if coder is not None and options.mode in ("model", "combined"):
        from communique.events.coded import model_events

        combined = options.mode == "combined"
        events += model_events(ctx, coder, events, timexes,
                               min_diplomatic=options.min_model_diplomatic if combined else 0.0,
                               min_plover=options.min_model_plover if combined else 0.0,
                               plover_only_where_silent=combined)
    _place_from_dateline(doc, events)
    events = [e for e in events if e.confidence >= options.min_confidence]
    for n, ev in enumerate(events, 1):
        ev.id = f"e{n}"
    return events


def _rule_events(ctx: DocContext, timexes) -> list[Event]:
    future_sents = set()
    for t in timexes:
        if t.direction == "future":
            span = ctx.sdoc.char_span(t.start, t.end, alignment_mode="expand")
            if span is not None:
                future_sents.add(span.sent.start)
    events: list[Event] = []
    for cand in find_candidates(ctx, future_sents):
        for one in _per_target(cand):
            ev = _to_event(ctx, one, timexes)
            if ev is not None:
                events.append(ev)
    _discussed_on_the_call(events)
    events = merge_events(events + _visits_implied_by_hosting(ctx, events))
    events = _hosting_covers_its_talks(events)
    _called_off_with_the_trip(events)
    dates_from_trips(events)
    dates_from_the_story(events)
    add_attributes(ctx, events)
    for ev in events:
        ev.attributes.setdefault("coded_by", "rules")
        if ev.location is not None and ev.location.basis is None:
            ev.location.basis = "text"
    return events


_DISCUSSING = ("discuss", "talk", "exchange", "review", "agree", "reaffirm", "express")
_CALL_REACH = 700     # characters: the call's own paragraph and the next one


def _discussed_on_the_call(events: list[Event]) -> None:
    """"X spoke by phone with Y. The two sides discussed trade.": a discussion told right after a call between the
    same pair happened on that call (readouts put the call and its topics in separate sentences), not in a meeting."""
    calls = [e for e in events if e.type == "CALL" and e.status == "occurred" and e.evidence]
    for ev in events:
        if ev.type != "MEET" or ev.status != "occurred" or not ev.evidence or not ev.trigger:
            continue
        if not ev.trigger.lower().startswith(_DISCUSSING):
            continue
        pair = {_party_key(ev.source), _party_key(ev.target)}
        start = ev.evidence[0].start
        if any(c.evidence[0].start < start <= c.evidence[0].start + _CALL_REACH and
               {_party_key(c.source), _party_key(c.target)} == pair for c in calls):
            ev.type, ev.cameo = "CALL", lexicon()["CALL"]["cameo"]
            ev.plover = dict(ev.plover, type=lexicon()["CALL"]["plover"])


def _party_key(side: Optional[Side]):
    return (side.actor_id or side.country) if side is not None else None


def _place_from_dateline(doc: Document, events: list[Event]) -> None:
    """An event whose sentence names no place is placed at the dateline's city, marked as such."""
    from communique.events.coded import dateline_place

    place = dateline_place(doc.text) if any(e.location is None for e in events) else None
    if place is None:
        return
    for ev in events:
        if ev.location is None:
            ev.location = Location(place.name, place.country, place.lat, place.lon, basis="dateline")


def _trigger_token(sdoc, ev: Event):
    """The parse token of an event's trigger word inside its evidence sentence, or None."""
    if sdoc is None or not ev.evidence or not ev.trigger:
        return None
    span = sdoc.char_span(ev.evidence[0].start, ev.evidence[0].end, alignment_mode="expand")
    word = ev.trigger.split(" ")[0].lower()
    return next((t for t in span or () if t.lower_ == word), None)


def _date_and_place(ctx: DocContext, events: list[Event], timexes) -> None:
    """Breadth events get what engagements get: the date of their clause's time expression (same rules, same
    reasoned null) and a place the sentence names with "in"/"at"."""
    from communique.events.coded import place_in

    for ev in events:
        tok = _trigger_token(ctx.sdoc, ev)
        if tok is None:
            continue
        cand = Candidate(ev.type, tok, tok.sent, ev.status)
        if ev.date is None:
            ev.date = date_for(ctx.sdoc, cand, timexes, ctx.doc.published, ctx.doc.quotes)
        if ev.location is None:
            ev.location = place_in(ctx, tok.sent)


def _carrying_words(sdoc, diplomatic: list[Event]) -> set[tuple[int, str]]:
    """(sentence start, word) of the verbs that carry a diplomatic trigger noun: in "received a phone call from X"
    or "paid a visit to Y" the verb is the engagement itself, not a second event."""
    out = set()
    for e in diplomatic:
        if not e.evidence or not e.trigger:
            continue
        ev = e.evidence[0]
        span = sdoc.char_span(ev.start, ev.end, alignment_mode="expand") if sdoc is not None else None
        for tok in span or ():
            if tok.lower_ == e.trigger.lower() and tok.pos_ in ("NOUN", "PROPN"):
                head = tok.head.head if tok.dep_ == "pobj" else tok.head
                if head.i != tok.i and head.pos_ == "VERB":
                    out.add((ev.start, head.lower_))
    return out


_FIRST_PERSON = {"i", "we"}


def _told_in_a_quotation(e: Event, doc: Document, sdoc) -> bool:
    """A breadth event whose trigger sits inside a quotation and whose source the quotation does not name: in
    "“The attacks on our schools must stop,” X said" nobody attacked anybody on X's part. The speaker's own act
    ("“We reject the allegations,” the spokesman said") stays: its subject is "we" or "I"."""
    if not doc.quotes or not e.evidence or not e.trigger or sdoc is None:
        return False
    tok = _trigger_token(sdoc, e)
    if tok is None:
        return False
    quote = next((q for q in doc.quotes if q.start <= tok.idx < q.end), None)
    if quote is None:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _FIRST_PERSON for c in tok.children):
        return False
    named = (e.source.name or "").lower() if e.source else ""
    return not (named and named in doc.text[quote.start:quote.end].lower())


def _plover_events(doc: Document, sdoc, diplomatic: list[Event], sides: str = "auto") -> list[Event]:
    """PLOVER breadth events, minus those a diplomatic event already codes and those with no political actor."""
    from communique.events.plover import extract_plover_events

    if sides == "auto":
        sides = "loose" if _lone_sentence(sdoc) else "strict"

    try:
        extra = extract_plover_events(doc, sdoc)
    except Exception:   # breadth rules must never cost the diplomatic events
        log.debug("PLOVER rules failed on %s", doc.id, exc_info=True)
        return []
    taken = {(e.evidence[0].start, (e.trigger or "").lower()) for e in diplomatic if e.evidence}
    taken |= _carrying_words(sdoc, diplomatic)
    covered = {(s.start, e.plover.get("type")) for e in diplomatic for s in e.evidence}
    covered_sents = {s.start for e in diplomatic for s in e.evidence}
    names = {m.text.lower() for a in doc.actors for m in a.mentions if len(m.text) > 2}
    out = []
    for e in extra:
        start = e.evidence[0].start if e.evidence else -1
        trigger = (e.trigger or "").lower()
        if (start, trigger) in taken or (start, trigger.split(" ")[0]) in taken:
            continue      # "called on X" coded as a courtesy MEET is no appeal as well
        if (start, e.type) in covered or (e.type == "CONSULT" and start in covered_sents):
            continue      # "will hold a meeting with X": the planned MEET already stands for the AGREE
        if not _political(e.source, names) and not _political(e.target, names):
            continue      # "researchers warn that diabetes ...": no state or organised actor, no political event
        if _procedural(e):
            continue      # "declined to comment", "asked not to be named": newsroom routine
        if _told_in_a_quotation(e, doc, sdoc):
            continue
        if _a_game(doc, sdoc, e):
            continue      # "Peru and Morocco met in a friendly", "Brazil beat Argentina in the final"
        if sides == "strict":
            if _solo(doc, sdoc, e):
                e.target = None   # "the army began exercises near the border", "the minister resigned"
            elif not _dyad(e):
                continue      # both sides named and political, one of them placed in a country
        elif sides == "source" and not _coded(e.source):
            continue      # "the attack", "a blast" as a source: not an actor
        elif sides == "source" and not _coded(e.target):
            if _names_another_party(doc, sdoc, e):
                continue      # the sentence names someone the act was aimed at, and the rules missed whom
            e.target = None   # a one-party act ("the rebels regrouped") keeps no target, never a guess
        elif sides == "loose":
            e.source, e.target = (s if _political(s, names) else None for s in (e.source, e.target))
        out.append(e)
    return out


def _lone_sentence(sdoc) -> bool:
    """A text that is one sentence: a headline, an alert, a row of a sentence table."""
    return sdoc is not None and sum(1 for s in sdoc.sents if any(t.is_alpha for t in s)) == 1


_PLACE_PREPS = {"in", "at", "near", "across", "inside", "outside", "from", "around", "throughout", "within"}


def _dyad(e: Event) -> bool:
    """Both sides are political actors: resolved to an actor or a country, or a collective the codebooks name
    ("the government", "insurgents", "police": CAMEO's ---GOV, ---REB, ---COP), and at least one side is placed in a
    country."""
    return _political_side(e.source) and _political_side(e.target) and (
        bool(e.source.country) or bool(e.target.country))


def _political_side(side: Optional[Side]) -> bool:
    """A side resolved to an actor or a country, or a collective the codebooks name."""
    return _coded(side) or (side is not None and _political(side))


_GAME_TYPES = {"CONSULT", "ASSAULT"}    # what sports copy shares with politics: teams "met", "beat", "clashed"


def _a_game(doc: Document, sdoc, e: Event) -> bool:
    """Two countries with no person on either side meeting or fighting in a sentence about a match: national teams
    playing (a protest at the Olympics is still a protest)."""
    from communique.events.diplomatic import sporting_sentence

    if e.type not in _GAME_TYPES:
        return False
    kinds = {a.id: a.kind for a in doc.actors}
    sides = [s for s in (e.source, e.target) if s is not None]
    if len(sides) < 2 or any(not s.country or (s.actor_id and kinds.get(s.actor_id) != "country") for s in sides):
        return False
    tok = _trigger_token(sdoc, e)
    return tok is not None and sporting_sentence(tok.sent)


def _solo(doc: Document, sdoc, e: Event) -> bool:
    """A one-party act (the ``solo_types`` of the PLOVER data file: mobilizing, retreating) by a doer placed in a
    country, whose target is missing or no party ("held exercises", "resigned", "freed the detainees"), in a
    sentence that names no one else the act could be aimed at. Protests are not among them: a protest is aimed at
    someone, whom a story names (hand-judged: protests kept with no target were wrong)."""
    from communique.events.plover_lexicon import lexicon as plover_lexicon

    if e.type not in plover_lexicon().sides.get("solo_types", ()):
        return False
    if e.source is None or not e.source.country or not _political_side(e.source):
        return False
    if e.target is not None and _political_side(e.target):
        return False
    return not _names_another_party(doc, sdoc, e)


def _names_another_party(doc: Document, sdoc, e: Event) -> bool:
    """Whether the event's sentence names a party besides its source (a place it happened in, "in Aleppo", or a
    modifier of the source, "Syrian forces", does not count): then a missing target is a miss, not an act aimed
    at no one, and the event is not worth keeping half-coded."""
    if not e.evidence or sdoc is None:
        return False
    lo, hi = e.evidence[0].start, e.evidence[0].end
    source = e.source
    for a in doc.actors:
        if a.kind not in ("person", "country", "organization") or (source and a.id == source.actor_id):
            continue
        if source and source.country and a.kind == "country" and a.country == source.country:
            continue
        for m in a.mentions:
            if not lo <= m.start < hi:
                continue
            span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
            root = span.root if span is not None else None
            if root is not None and root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS:
                continue
            modifier = ("amod", "compound", "nmod", "poss")
            if root is not None and a.kind == "country" and (
                    root.dep_ in modifier or root.dep_ == "conj" and root.head.dep_ in modifier):
                continue      # "Syrian forces", "Russia's army", "French and German diplomats": who acted
            return True
    return False


def _procedural(ev: Event, reach: int = 40) -> bool:
    """A REQUEST or REJECT whose trigger is followed closely by newsroom routine ("declined to comment")."""
    from communique.events.lexicon import procedural_phrases

    if ev.type not in ("REQUEST", "REJECT") or not ev.evidence or not ev.trigger:
        return False
    text = ev.evidence[0].text.lower()
    at = text.find(ev.trigger.lower())
    window = text[at:at + len(ev.trigger) + reach] if at >= 0 else ""
    return any(p in window for p in procedural_phrases())


def _coded(side: Optional[Side]) -> bool:
    """A side that resolved to an actor of the document or to a country."""
    return side is not None and bool(side.actor_id or side.country)


def _per_target(cand: Candidate) -> list[Candidate]:
    """"credited Britain and France": one event per addressee (SIGN and HOST keep their party lists)."""
    if cand.type in ("SIGN", "VISIT") or len(cand.targets) < 2:
        return [cand]
    if cand.type == "HOST" and len({a.country for a in cand.targets}) < 2:
        return [cand]      # "received X and his delegation" is one guest; "welcomed both leaders" is two
    out = []
    for tgt in cand.targets:
        one = Candidate(cand.type, cand.trigger, cand.sent, cand.status, list(cand.sources), [tgt],
                        cand.location, cand.destination, cand.noun, dict(cand.extra))
        out.append(one)
    return out


def _political(side: Optional[Side], actor_names: set[str] = frozenset()) -> bool:
    """A side that is a coded actor or names one, or a collective such as "police" or "the rebels"."""
    if side is None:
        return False
    if side.country or side.actor_id:
        return True
    low = (side.name or "").lower()
    if any(n in low for n in actor_names):
        return True
    return any(w in political_groups() for w in low.replace("'s", "").split())


# -- one candidate → one event ----------------------------------------------
def _valid_sides(source: Optional[Side], target: Optional[Side]) -> bool:
    if source is None or target is None:
        return False
    if not source.country or not target.country:
        return False
    return source.country != target.country


def _signers_nearby(ctx: DocContext, cand: Candidate) -> list:
    """Two people of different countries named in the signing's sentence (before the trigger first, then after),
    else in the sentence before."""
    pair = ctx.recent_pair(cand.trigger, reach=0)
    if len(pair) == 2:
        return pair
    people = []
    for t in cand.sent:
        a = ctx.tok_actor.get(t.i)
        if a is not None and a.kind == "person" and a.country and a not in people:
            people.append(a)
    if len({a.country for a in people}) >= 2:
        return [people[0], next(a for a in people if a.country != people[0].country)]
    return ctx.recent_pair(cand.trigger, reach=1)


def _igo_ok(a) -> bool:
    return a is not None and a.sector == "IGO"


def _to_event(ctx: DocContext, cand: Candidate, timexes) -> Optional[Event]:
    etype = cand.type
    src = next(iter(cand.sources), None)
    tgt = next(iter(cand.targets), None)
    if etype == "INVITE" and src is None and cand.destination and tgt is not None:
        source, target = ctx.country_side(cand.destination), ctx.side(tgt)     # the host country invites
    elif etype == "SIGN" and src is None and tgt is None and len(_signers_nearby(ctx, cand)) == 2:
        # "X and Y held talks. A treaty was signed.", "No treaty was signed; X and Y said …": the pair named there,
        # not the document's main countries
        source, target = (ctx.side(a) for a in _signers_nearby(ctx, cand))
    elif etype == "SIGN" and (src is None or tgt is None):
        dyad = ctx.main_dyad
        if len(dyad) < 2:
            return None
        parties = [ctx.side(src)] if src else []
        for iso in dyad:
            if not parties or parties[0].country != iso:
                parties.append(ctx.country_side(iso))
        source, target = parties[0], parties[1] if len(parties) > 1 else None
    elif etype == "VISIT":
        if src is None or not cand.destination:
            return None
        source = ctx.side(src)
        target = ctx.side(tgt) if tgt is not None else ctx.country_side(cand.destination)
        target.country = cand.destination
    else:
        if src is None or tgt is None:
            return None
        source, target = ctx.side(src), ctx.side(tgt)
    if etype != "VISIT" and not (_valid_sides(source, target) or (_igo_ok(src) or _igo_ok(tgt)) and src is not tgt):
        return None
    if etype == "VISIT" and (not source.country or source.country == target.country):
        return None
    sent = cand.sent
    if cand.status in ("planned", "occurred") and _called_off_in(sent, etype):
        cand.status = "negated"
    date = None if cand.extra.get("undated") else date_for(ctx.sdoc, cand, timexes, ctx.doc.published,
                                                           ctx.doc.quotes)
    lex = lexicon()[etype]
    plover_type = "AGREE" if cand.status == "planned" and etype in PLANNED_PLOVER else lex["plover"]
    cameo = "036" if plover_type == "AGREE" and etype in PLANNED_PLOVER else lex["cameo"]
    if etype == "MEET" and cand.trigger.lemma_ in ("negotiate", "negotiation", "negotiations"):
        cameo = "046"
    participants = [ctx.side(a) for a in cand.sources + cand.targets]
    ev = Event(
        id="", type=etype, status=cand.status, source=source, target=target,
        participants=participants, date=date, location=cand.location,
        evidence=[Span(sent.start_char, sent.end_char, sent.text)], trigger=cand.trigger.text,
        confidence=_confidence(cand, source, target),
        plover={"type": plover_type, "mode": lex.get("plover_mode"), "context": "diplomatic"}, cameo=cameo,
    )
    if "greeting_party" in cand.extra:
        ev.attributes["greeting_party"] = [
            {"name": a.name, "role": a.role, "country": a.country} for a in cand.extra["greeting_party"]]
    if cand.extra.get("documents"):
        ev.attributes["documents"] = cand.extra["documents"]
    if cand.extra.get("purpose"):
        ev.attributes["purpose"] = cand.extra["purpose"]
    return ev


_CALLED_OFF = {"cancel", "postpone", "scrap", "delay", "abandon", "shelve"}


def _called_off_in(sent, etype: str) -> bool:
    """"… had been expected to meet X, but the meeting was called off": the engagement did not happen."""
    from communique.events.lexicon import lexicon as diplomatic_lexicon

    nouns = set(diplomatic_lexicon()[etype]["nouns"])
    for tok in sent:
        if tok.pos_ != "VERB":
            continue
        off = tok.lemma_ in _CALLED_OFF or (tok.lemma_ == "call" and any(c.lower_ == "off" for c in tok.children))
        if off and any(c.dep_ in ("nsubjpass", "dobj", "nsubj") and c.lemma_.lower() in nouns for c in tok.children):
            return True
    return False


def _confidence(cand: Candidate, source: Side, target: Side) -> float:
    c = 0.55 if cand.noun else 0.7
    if source.actor_id and target.actor_id:
        c += 0.1
    if cand.status != "occurred":
        c -= 0.05
    return round(min(c, 0.95), 2)


def _called_off_with_the_trip(events: list[Event]) -> None:
    """"X has postponed his visit to Y … X had been due to meet Z in Y": the planned talks fall with the trip."""
    off = {(e.source.actor_id, e.target.country) for e in events if e.type == "VISIT" and e.status == "negated"}
    for ev in events:
        if ev.type in ("MEET", "HOST", "SIGN") and ev.status == "planned" and (
                (ev.source.actor_id, ev.target.country) in off or (ev.target.actor_id, ev.source.country) in off):
            ev.status = "negated"


def _hosting_covers_its_talks(events: list[Event]) -> list[Event]:
    """"X hosts Y in Berlin for consultations", "X received Y for talks": one engagement told once, the hosting. A
    MEET of the same two parties in a sentence that holds the HOST is dropped."""
    hosted = {(s.start, frozenset((e.source.country, e.target.country)), e.status)
              for e in events if e.type == "HOST" for s in e.evidence}
    return [e for e in events if not (e.type == "MEET" and all(
        (s.start, frozenset((e.source.country, e.target.country)), e.status) in hosted for s in e.evidence))]


def _visits_implied_by_hosting(ctx: DocContext, events: list[Event]) -> list[Event]:
    """"X received Y in Ankara": Y travelled to X's country. Diplomats posted there are not visitors."""
    out = []
    reported = {(e.source.actor_id, e.target.country) for e in events if e.type == "VISIT"}
    for host in events:
        if host.type != "HOST" or host.status == "negated" or not host.target.actor_id:
            continue
        guest = ctx.by_id.get(host.target.actor_id)
        if guest is None or guest.kind != "person" or guest.sector == "DIP" or not host.source.country:
            continue
        if guest.country == host.source.country or (guest.id, host.source.country) in reported:
            continue      # no trip abroad, or the text reports that trip itself
        lex = lexicon()["VISIT"]
        planned = host.status == "planned"
        out.append(Event(
            id="", type="VISIT", status=host.status, source=Side(guest.name, guest.country, guest.id),
            target=ctx.country_side(host.source.country), participants=[host.target, host.source],
            date=host.date, location=host.location, evidence=list(host.evidence), trigger=host.trigger,
            confidence=round(host.confidence - 0.1, 2),
            plover={"type": "AGREE" if planned else lex["plover"], "mode": lex["plover_mode"], "context": "diplomatic"},
            cameo="036" if planned else lex["cameo"], attributes={"implied_by": "HOST"}))
    return out
