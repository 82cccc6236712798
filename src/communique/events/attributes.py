"""Diplomatic protocol: visit kind, first visit, ceremony, meeting format, duration and topics.

Visit kind and "first visit" are read next to the visit's own words; ceremony
terms anywhere in a document describe the main visit's welcome, since a page
that reports an arrival narrates that one welcome.
"""
from __future__ import annotations

import re

from communique.events.context import DocContext
from communique.events.lexicon import lexicon
from communique.model import Event

_DURATION = re.compile(
    r"\b(?:lasted|lasting|went on for|took)\s+((?:more than|less than|about|around|almost|nearly|over|some|roughly)?\s*"
    r"(?:[\w\-]+(?:\s+and\s+a\s+half)?)\s+(?:hours?|minutes?))|"
    r"\b((?:[\w]+(?:-and-a-half)?)-(?:hour|minute))\s+(?:meeting|talks|conversation)", re.I)


def add_attributes(ctx: DocContext, events: list[Event]) -> None:
    attrs = lexicon()["attributes"]
    text = ctx.doc.text
    lowered = text.lower()
    visits = [e for e in events if e.type == "VISIT" and e.status == "occurred"]
    main_visit = visits[0] if visits else None
    for ev in events:
        evidence = " ".join(s.text for s in ev.evidence).lower()
        if ev.type == "VISIT":
            for kind in attrs["visit_kinds"]:
                if re.search(rf"\b{re.escape(kind)}\s+visit", evidence):
                    ev.attributes.setdefault("visit_kind", kind.replace("official working", "official-working"))
                    break
            for phrase in attrs["first_visit"]:
                if phrase in evidence:
                    key = "first_foreign_visit" if any(w in phrase for w in ("foreign", "abroad", "overseas")) else "first_visit"
                    ev.attributes[key] = True
                    break
        if ev.type in ("MEET", "CALL"):
            formats = [f for f in attrs["formats"] if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", evidence)]
            if formats:
                ev.attributes.setdefault("format", ", ".join(formats))
            m = _DURATION.search(evidence)
            if m:
                ev.attributes.setdefault("duration", (m.group(1) or m.group(2)).strip())
            topics = _topics(ctx, ev)
            if topics:
                ev.attributes.setdefault("topics", topics)
    if main_visit is not None:
        found = [c for c in attrs["ceremony"] if re.search(rf"(?<!\w){re.escape(c)}(?!\w)", lowered)]
        # keep the most specific phrase: "gun salute", not also "salute"; "anthems", not also "anthem"
        ceremony = [c for c in found if not any(c != o and c in o for o in found)]
        if ceremony:
            main_visit.attributes.setdefault("ceremony", ceremony)
        for ev in events:
            if ev.type == "HOST" and "ceremony" not in ev.attributes and ceremony:
                ev.attributes["ceremony"] = ceremony
        if "visit_kind" not in main_visit.attributes:   # the headline often names the kind the body assumes
            m = re.search(r"\b(state|official|working|private|transit)\s+visit",
                          f"{(ctx.doc.title or '').lower()}\n{lowered}")
            if m:
                main_visit.attributes["visit_kind"] = m.group(1)


def _topics(ctx: DocContext, ev: Event) -> list[str]:
    """Objects of "discuss"/"focus on" in the evidence sentences."""
    out = []
    for span in ev.evidence:
        sent = ctx.sdoc.char_span(span.start, span.end, alignment_mode="expand")
        if sent is None:
            continue
        for tok in sent:
            if tok.lemma_ in ("discuss", "focus", "address", "review", "cover") and tok.pos_ == "VERB":
                for c in tok.children:
                    if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN"):
                        for part in [c] + list(c.conjuncts):
                            phrase = " ".join(t.text for t in part.subtree if not any(
                                t in conj.subtree for conj in part.conjuncts if conj is not part))
                            out.append(phrase.strip(" ,"))
    return [t for t in dict.fromkeys(out) if t]
