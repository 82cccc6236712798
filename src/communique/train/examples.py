"""Passages → pair examples: one per ordered pair of parties in a sentence, labeled with its event types.

The parse and the actors come from the same stages extraction uses, and the pairs and views from
:mod:`communique.events.pairs`, so training sees what extraction will show the model. A labeled
side the actors stage missed still becomes a mention (the model should learn the construction
even when a name is unfamiliar).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator

from communique.events.pairs import Mention, actor_spans, sentence_mentions, sentence_view, view
from communique.model import Document
from communique.train.corpus import LabeledSide, Passage

#: Types whose two sides are interchangeable ("A met B" is "B met A").
DEFAULT_SYMMETRIC = frozenset({"MEET", "CALL", "SIGN", "CONSULT", "COOPERATE"})


@dataclass
class PairExample:
    passage_id: str
    split: str
    text: str                       # the view
    types: set[str] = field(default_factory=set)
    status: str | None = None
    level: str = "pair"             # "pair", or "sentence" for the sentence-level view


def parsed_passages(passages: Iterable[Passage], nlp, batch_size: int = 64):
    """(passage, document with actors, spaCy doc) for each passage."""
    from communique.actors import resolve_actors

    passages = list(passages)
    for p, sdoc in zip(passages, nlp.pipe((p.text for p in passages), batch_size=batch_size)):
        doc = Document(id=p.id, text=p.text)
        resolve_actors(doc, sdoc)
        yield p, doc, sdoc


def pair_examples(passages: Iterable[Passage], nlp, symmetric=DEFAULT_SYMMETRIC) -> Iterator[PairExample]:
    for p, doc, sdoc in parsed_passages(passages, nlp):
        spans = actor_spans(doc)
        for sent in sdoc.sents:
            yield from _sentence_examples(p, sent, spans, symmetric)


def _sentence_examples(p: Passage, sent, spans, symmetric) -> Iterator[PairExample]:
    mentions = sentence_mentions(sent, spans)
    labeled = []
    for ev in p.events:
        if ev.source is None or ev.target is None or not (_inside(ev.source, sent) and _inside(ev.target, sent)):
            continue
        src = _mention_for(sent, ev.source, mentions)
        tgt = _mention_for(sent, ev.target, mentions)
        if src is None or tgt is None or src is tgt:
            continue
        labeled.append((src, tgt, ev))
    whole = PairExample(p.id, p.split, sentence_view(sent, mentions), level="sentence")
    for ev in p.events:
        side = ev.source or ev.target
        if side is not None and _inside(side, sent):
            whole.types.add(ev.type)
    yield whole
    labels: dict[tuple[int, int], PairExample] = {}
    for a in mentions:
        for b in mentions:
            if a is b:
                continue
            others = [m for m in mentions if m is not a and m is not b]
            labels[(a.start, b.start)] = PairExample(p.id, p.split, view(sent, a, b, others))
    for src, tgt, ev in labeled:
        keys = [(src.start, tgt.start)] + ([(tgt.start, src.start)] if ev.type in symmetric else [])
        for key in keys:
            ex = labels.get(key)
            if ex is not None:
                ex.types.add(ev.type)
                ex.status = ex.status or ev.status
    yield from labels.values()


def _inside(side: LabeledSide, sent) -> bool:
    return sent.start_char <= side.start and side.end <= sent.end_char


def _mention_for(sent, side: LabeledSide, mentions: list[Mention]):
    """The party mention covering a labeled side, adding one when the actors stage found none."""
    span = sent.doc.char_span(side.start, side.end, alignment_mode="expand")
    if span is None:
        return None
    for m in mentions:
        if m.overlaps(span.start, span.end):
            return m
    kind = "person" if span.root.ent_type_ == "PERSON" else (
        "country" if span.root.ent_type_ in ("GPE", "NORP") else "organization")
    m = Mention(span.start, span.end, kind)
    mentions.append(m)
    mentions.sort(key=lambda x: x.start)
    return m
