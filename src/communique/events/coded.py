"""Events from the trained coder, combined with the rule events: sides, date, place, codes, confidence.

Rules stay where they are precise (the diplomatic triggers with their protocol details); the model
adds what they miss and codes the PLOVER breadth types. A model event needs two political sides (a
resolved actor or a country), and a diplomatic one needs two countries or an international body.
"""
from __future__ import annotations

import functools
from typing import Optional

from communique.events.dating import date_for
from communique.events.diplomatic import Candidate, is_question
from communique.model import DIPLOMATIC_TYPES, Event, Location, Side, Span

#: Rule and model types that name the same engagement (a rule MEET makes a model CONSULT redundant).
FAMILY = {"HOST": "MEET", "MEET": "MEET", "CONSULT": "MEET", "CALL": "CALL", "VISIT": "VISIT", "SIGN": "SIGN",
          "AGREE": "SIGN", "INVITE": "INVITE", "CONDOLE": "CONDOLE", "PRAISE": "PRAISE", "SUPPORT": "PRAISE"}


@functools.lru_cache(maxsize=1)
def type_codes() -> dict[str, tuple[str, str]]:
    """type → (CAMEO code, PLOVER type), from ``data/store_event_types.tsv``."""
    from communique.export.codes import type_table

    return type_table()


def model_events(ctx, coder, rule_events: list[Event], timexes, min_diplomatic: float = 0.0,
                 min_plover: float = 0.0, plover_only_where_silent: bool = False) -> list[Event]:
    """The coder's events at or above the given confidences, minus what the rule events already code.

    With ``plover_only_where_silent`` a PLOVER event is added only in a sentence the rules coded nothing in."""
    from communique.events.learned import pair_predictions
    from communique.events.pairs import actor_spans

    taken = {(s.start, FAMILY.get(e.type, e.type)) for e in rule_events for s in e.evidence}
    coded_sents = {s.start for e in rule_events for s in e.evidence}
    taken_sides = {(s.start, FAMILY.get(e.type, e.type), e.source.country, e.target.country)
                   for e in rule_events for s in e.evidence if e.source and e.target}
    out = []
    preds = pair_predictions(ctx.sdoc, actor_spans(ctx.doc), coder,
                             skip_sentence=is_question,
                             usable=lambda m: _side(ctx, m) is not None)
    for label, p, status, src, tgt, sent in preds:
        is_dip = label in DIPLOMATIC_TYPES
        if p < (min_diplomatic if is_dip else min_plover):
            continue
        if not is_dip and plover_only_where_silent and sent.start_char in coded_sents:
            continue
        source = _side(ctx, src) if src is not None else None
        target = _side(ctx, tgt) if tgt is not None else None
        if source is None or (target is None and is_dip):
            continue      # a diplomatic event needs two political sides; a PLOVER one at least its actor
        if is_dip and source.country and source.country == target.country:
            continue
        fam = FAMILY.get(label, label)
        if (sent.start_char, fam) in taken and (is_dip or (sent.start_char, fam, source.country,
                                                           target and target.country) in taken_sides):
            continue
        if is_dip and not _diplomatic_pair(ctx, src, tgt, source, target):
            continue
        trigger = _trigger(ctx.sdoc, src, tgt) if tgt is not None else ctx.sdoc[src.start:src.end].root.head
        cand = Candidate(label, trigger, sent, status)

        cameo, plover_type = type_codes().get(label, (None, label))
        if status == "planned" and label in ("VISIT", "HOST", "MEET", "CALL"):
            cameo, plover_type = "036", "AGREE"
        out.append(Event(
            id="", type=label, status=status, source=source, target=target,
            participants=[s for s in (source, target) if s is not None],
            date=date_for(ctx.sdoc, cand, timexes, ctx.doc.published, ctx.doc.quotes),
            location=place_in(ctx, sent, [m for m in (src, tgt) if m is not None]),
            evidence=[Span(sent.start_char, sent.end_char, sent.text)], trigger=trigger.text, confidence=p,
            plover={"type": plover_type, "mode": None, "context": "diplomatic" if is_dip else None},
            cameo=cameo, attributes={"coded_by": "model"}))
        taken.add((sent.start_char, fam))
    return out


def _side(ctx, mention) -> Optional[Side]:
    """A party as an event side: its actor, else the country a place or demonym names; None if neither."""
    actor = mention.actor
    if actor is not None:
        if actor.kind == "person" and not actor.country and actor.sector != "IGO":
            return None      # an unplaced private person is no political side
        return Side(actor.name, actor.country, actor.id)
    from communique.geo import country_name, gazetteer

    text = ctx.sdoc[mention.start:mention.end].text
    iso = gazetteer().country_code(text)
    if iso:
        return Side(country_name(iso), iso)
    return None


def _diplomatic_pair(ctx, src, tgt, source: Side, target: Side) -> bool:
    if source.country and target.country:
        return source.country != target.country
    igo = [m.actor is not None and m.actor.sector == "IGO" for m in (src, tgt)]
    return any(igo) and (source.country or target.country) is not None


def _trigger(sdoc, a, b):
    """The word that links the two sides: their lowest common head in the parse (the sentence root if none)."""
    x, y = sdoc[a.start:a.end].root, sdoc[b.start:b.end].root
    up = [x] + list(x.ancestors)
    ids = {t.i for t in [y] + list(y.ancestors)}
    return next((t for t in up if t.i in ids), x.sent.root)


_PLACE_PREPS = {"in", "at"}


def place_in(ctx, sent, sides=()) -> Optional[Location]:
    """A place the sentence names with "in"/"at" ("talks in Geneva"), other than the parties themselves."""
    from communique.geo import gazetteer

    taken = {i for m in sides for i in range(m.start, m.end)}
    for ent in sent.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC") or ent.start in taken:
            continue
        prev = ctx.sdoc[ent.start - 1] if ent.start > 0 else None
        if prev is None or prev.lower_ not in _PLACE_PREPS:
            continue
        place = gazetteer().place(ent.text)
        if place:
            return Location(place.name, place.country, place.lat, place.lon, basis="text")
    return None


def dateline_place(text: str) -> Optional[Location]:
    """The city of a wire dateline ("ASTANA, Kazakhstan — …"), where the story was filed."""
    import re

    from communique.actors.nationality import dateline_span
    from communique.geo import gazetteer

    n = dateline_span(text)
    if not n:
        return None
    city = re.split(r"[,(—–-]", text[:n], maxsplit=1)[0].split("/")[0].strip().title()
    place = gazetteer().place(city)
    if place is None:
        return None
    return Location(place.name, place.country, place.lat, place.lon, basis="dateline")


def rescore_rule_events(ctx, coder, events: list[Event], floor: float) -> list[Event]:
    """PLOVER rule events checked by the coder's sentence-level view: confidence becomes the mean of the rule's
    and the coder's, and an event the coder all but rules out for its sentence (score below ``floor``) goes."""
    if not coder.has_sentence or not events:
        return events
    from communique.events.pairs import sentence_mentions, sentence_view
    from communique.events.pairs import actor_spans

    spans = actor_spans(ctx.doc)
    sents = {s.start_char: s for s in ctx.sdoc.sents}
    wanted = sorted({e.evidence[0].start for e in events if e.evidence and e.evidence[0].start in sents})
    scores = dict(zip(wanted, coder.type_scores(
        [sentence_view(sents[k], sentence_mentions(sents[k], spans)) for k in wanted], level="sentence")))
    out = []
    for ev in events:
        s = scores.get(ev.evidence[0].start if ev.evidence else -1)
        if s is None or ev.type not in s:
            out.append(ev)
            continue
        if s[ev.type] < floor:
            continue
        ev.confidence = round((ev.confidence + coder.calibrated(s[ev.type], "sentence")) / 2, 3)
        ev.attributes["coded_by"] = "rules+model"
        out.append(ev)
    return out
