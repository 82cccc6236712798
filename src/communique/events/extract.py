"""Event extraction: candidates → coded events with dates, evidence and protocol, one per engagement.

``extract_events`` runs the diplomatic rules (``diplomatic.py``) and the PLOVER
breadth rules (``plover.py``), dates each event from the time expressions of
its sentence, codes it (CAMEO, PLOVER type/mode/context) and merges the
mentions of one engagement ("arrived in Moscow on a state visit" … "his visit
to Moscow") into one event with several evidence spans.
"""
from __future__ import annotations

import logging
from typing import Optional

from communique.events.attributes import add_attributes
from communique.events.context import DocContext
from communique.events.diplomatic import Candidate, find_candidates
from communique.events.lexicon import lexicon, political_groups
from communique.model import DateRange, Document, Event, Side, Span

log = logging.getLogger(__name__)

SYMMETRIC = {"MEET", "CALL", "SIGN"}
PLANNED_PLOVER = {"VISIT", "HOST", "MEET", "CALL", "INVITE"}


def extract_events(doc: Document, sdoc) -> list[Event]:
    from communique.timex import find_timexes

    ctx = DocContext(doc, sdoc)
    timexes = find_timexes(doc.text, doc.published)
    future_sents = set()
    for t in timexes:
        if t.direction == "future":
            span = sdoc.char_span(t.start, t.end, alignment_mode="expand")
            if span is not None:
                future_sents.add(span.sent.start)
    events: list[Event] = []
    for cand in find_candidates(ctx, future_sents):
        for one in _per_target(cand):
            ev = _to_event(ctx, one, timexes)
            if ev is not None:
                events.append(ev)
    events = merge_events(events + _visits_implied_by_hosting(ctx, events))
    _dates_from_trips(events)
    add_attributes(ctx, events)
    events += _plover_events(doc, sdoc, events)
    for n, ev in enumerate(events, 1):
        ev.id = f"e{n}"
    return events


def _plover_events(doc: Document, sdoc, diplomatic: list[Event]) -> list[Event]:
    """PLOVER breadth events, minus those a diplomatic event already codes and those with no political actor."""
    from communique.events.plover import extract_plover_events

    try:
        extra = extract_plover_events(doc, sdoc)
    except Exception:   # breadth rules must never cost the diplomatic events
        log.debug("PLOVER rules failed on %s", doc.id, exc_info=True)
        return []
    taken = {(e.evidence[0].start, (e.trigger or "").lower()) for e in diplomatic if e.evidence}
    covered = {(s.start, e.plover.get("type")) for e in diplomatic for s in e.evidence}
    covered_sents = {s.start for e in diplomatic for s in e.evidence}
    names = {m.text.lower() for a in doc.actors for m in a.mentions if len(m.text) > 2}
    out = []
    for e in extra:
        start = e.evidence[0].start if e.evidence else -1
        if (start, (e.trigger or "").lower()) in taken:
            continue
        if (start, e.type) in covered or (e.type == "CONSULT" and start in covered_sents):
            continue      # "will hold a meeting with X": the planned MEET already stands for the AGREE
        if not _political(e.source, names) and not _political(e.target, names):
            continue      # "researchers warn that diabetes ...": no state or organised actor, no political event
        out.append(e)
    return out


def _per_target(cand: Candidate) -> list[Candidate]:
    """"credited Britain and France": one event per addressee (SIGN and HOST keep their party lists)."""
    if cand.type in ("SIGN", "HOST", "VISIT") or len(cand.targets) < 2:
        return [cand]
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


def _igo_ok(a) -> bool:
    return a is not None and a.sector == "IGO"


def _to_event(ctx: DocContext, cand: Candidate, timexes) -> Optional[Event]:
    etype = cand.type
    src = next(iter(cand.sources), None)
    tgt = next(iter(cand.targets), None)
    if etype == "INVITE" and src is None and cand.destination and tgt is not None:
        source, target = ctx.country_side(cand.destination), ctx.side(tgt)     # the host country invites
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
    date = _date_for(ctx.sdoc, cand, timexes, ctx.doc.published)
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


def _clause_verb(tok):
    """The verb heading the clause a token sits in (a noun trigger's light verb, a date's verb)."""
    hops = 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i and hops < 8:
        tok, hops = tok.head, hops + 1
    return tok


def _governs(upper, lower) -> bool:
    """Whether ``upper`` is ``lower`` or one of its ancestors in the parse."""
    return upper.i == lower.i or any(a.i == upper.i for a in lower.ancestors)   # spaCy tokens compare by index


def _in_scope(sdoc, cand: Candidate, timexes) -> list[tuple[object, bool]]:
    """The sentence's time expressions that can date this event, each flagged when it sits in the trigger's clause.

    Left out: dates of a clause inside a quotation the trigger is outside of (or the reverse), dates in a relative clause
    that does not contain the trigger ("… who visited in November"), and durations ("since 2019", "for two
    years"). Parses err, so the rest stay candidates, ranked by clause, tense and distance.
    """
    sent, text = cand.sent, sdoc.text
    own = _clause_verb(cand.trigger)
    trig_quoted = _quoted(text, sent.start_char, cand.trigger.idx)
    out = []
    for t in timexes:
        if not (sent.start_char <= t.start < sent.end_char):
            continue
        if text[max(sent.start_char, t.start - 6):t.start].lower().rstrip().endswith(("since", "for")):
            continue
        span = sdoc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        verb = _clause_verb(span.root)
        if _quoted(text, sent.start_char, verb.idx) != trig_quoted:
            continue      # the date belongs to a clause on the other side of a quotation mark
        if verb.dep_ in ("relcl", "acl") and not _governs(verb, own):
            continue
        if t.start > cand.trigger.idx and not _governs(verb, own):
            continue      # "called X … and invited her to visit before her inauguration in March"
        out.append((t, verb.i == own.i))
    return out


def _quoted(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` is inside double quotation marks opened after ``start`` (the sentence start)."""
    chunk = text[start:pos]
    return (chunk.count("“") > chunk.count("”")) or (chunk.count('"') % 2 == 1)


def _date_for(sdoc, cand: Candidate, timexes, published: Optional[str]) -> Optional[DateRange]:
    """The time expression of the event's clause nearest the trigger, matching the status; else the rules below."""
    from communique.timex import resolve_timex

    scoped = _in_scope(sdoc, cand, timexes)
    trig = cand.trigger.idx
    if cand.status == "planned":
        wanted, clash = "future", "past"
    else:
        wanted, clash = "past", "future"
    # prefer expressions whose tense agrees with the event, then the trigger's own clause, then the nearest
    ranked = sorted(scoped, key=lambda tc: (tc[0].direction == clash, tc[0].direction != wanted and
                                            tc[0].direction is not None, not tc[1], abs(tc[0].start - trig)))
    for t, _ in ranked:
        if t.kind == "unanchored":
            return None
        if t.direction == clash and cand.status in ("planned", "occurred"):
            # the timex guessed the clause's tense from its words; the parse knows better ("will hold talks
            # in expanded formats on Friday" is future whatever "expanded" suggests)
            redone = resolve_timex(t.text, published, tense=wanted)
            if redone:
                return DateRange(redone[0], redone[1], t.text)
        if t.start_date:
            return DateRange(t.start_date, t.end_date or t.start_date, t.text)
    if cand.status == "occurred" and published:
        # an engagement reported as news with no date words: the publication day
        return DateRange(published, published, None)
    return None


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


def _dates_from_trips(events: list[Event]) -> None:
    """A meeting with no date of its own, held in the country a dated trip goes to, takes the trip's dates."""
    visits = [e for e in events if e.type == "VISIT" and e.date is not None and e.date.text]
    for ev in events:
        # no date of its own: none at all, or the publication-day default (no date words)
        if ev.type in ("MEET", "HOST", "SIGN") and (ev.date is None or not ev.date.text):
            for v in visits:
                sides = {(ev.source.actor_id, ev.target.country), (ev.target.actor_id, ev.source.country)}
                if v.status == ev.status and (v.source.actor_id, v.target.country) in sides:
                    ev.date = DateRange(v.date.start, v.date.end, v.date.text)
                    break


# -- merging ------------------------------------------------------------------
def _same_party(a: Side, b: Side) -> bool:
    if a.country != b.country:
        return False
    return not (a.actor_id and b.actor_id and a.actor_id != b.actor_id and _is_person_id(a) and _is_person_id(b))


def _is_person_id(s: Side) -> bool:
    """A named party (person or body), as opposed to a whole country."""
    from communique.geo import country_name

    return bool(s.actor_id) and s.country is not None and s.name != country_name(s.country)


def _dates_compatible(a: Optional[DateRange], b: Optional[DateRange]) -> bool:
    if a is None or b is None:
        return True
    return a.start <= b.end and b.start <= a.end


def _same_trip(a: Event, b: Event) -> bool:
    """An arrival and the visitor's next days in the same country ("will travel on to Busan on Friday")."""
    if {a.status, b.status} != {"occurred", "planned"} or a.date is None or b.date is None:
        return False
    arrived, later = (a, b) if a.status == "occurred" else (b, a)
    gap = (date_of(later.date.start) - date_of(arrived.date.end)).days
    return 0 <= gap <= 10


def date_of(day: str):
    from datetime import date

    return date.fromisoformat(day[:10])


def _mergeable(a: Event, b: Event) -> bool:
    if a.type == b.type == "VISIT" and _same_party(a.source, b.source) and a.target.country == b.target.country \
            and _same_trip(a, b):
        return True
    if a.type != b.type or not _dates_compatible(a.date, b.date):
        return False
    if a.type == "VISIT":
        return _same_party(a.source, b.source) and a.target.country == b.target.country and (
            a.status == b.status or "occurred" in (a.status, b.status) and (a.date is None or b.date is None
                                                                           or a.date == b.date))
    if a.status != b.status:
        return False
    direct = _same_party(a.source, b.source) and _same_party(a.target, b.target)
    if direct:
        return True
    return a.type in SYMMETRIC and _same_party(a.source, b.target) and _same_party(a.target, b.source)


def _more_specific(x: Side, y: Side) -> Side:
    return x if (x.actor_id and len(x.name or "") >= len(y.name or "")) or not y.actor_id else y


def merge_events(events: list[Event]) -> list[Event]:
    """One event per engagement: later mentions add evidence to the first compatible event."""
    out: list[Event] = []
    for ev in events:
        target = next((o for o in out if _mergeable(o, ev)), None)
        if target is None:
            out.append(ev)
            continue
        swapped = target.type in SYMMETRIC and not (_same_party(target.source, ev.source))
        src, tgt = (ev.target, ev.source) if swapped else (ev.source, ev.target)
        target.source = _more_specific(target.source, src)
        target.target = _more_specific(target.target, tgt)
        if target.status != "occurred" and ev.status == "occurred":
            target.status = "occurred"
            target.plover = dict(ev.plover)
            target.cameo = ev.cameo
            target.date = ev.date
        if target.date is None and ev.date is not None:
            target.date = ev.date
        elif ev.date and target.date and (ev.date.start, ev.date.end) != (target.date.start, target.date.end) and (
                ev.date.start >= target.date.start and ev.date.end <= target.date.end):
            target.date = ev.date      # the narrower of two compatible dates
        if target.location is None or (ev.location and ev.location.lat and target.location.name == target.location.country):
            target.location = ev.location or target.location
        for s in ev.evidence:
            if all(s.start != e.start for e in target.evidence):
                target.evidence.append(s)
        for p in ev.participants:
            if all(p.actor_id != q.actor_id or p.name != q.name for q in target.participants):
                target.participants.append(p)
        for k, v in ev.attributes.items():
            if k != "implied_by":          # an explicit report stays explicit
                target.attributes.setdefault(k, v)
        target.confidence = round(min(0.95, max(target.confidence, ev.confidence) + 0.05), 2)
    return out
