"""Candidate actor pairs of a sentence and the text view the event model classifies.

Training (``communique.train``) and extraction both build their examples here, so
the model sees at run time exactly the kind of input it learned from. A view is
the sentence in lower-cased lemmas with the two sides replaced by ``src``/``tgt``
(and any other party by ``act``), followed by the sides' kinds and order, the
dependency path between them, the words between them, how each side attaches and the
modality around their link. Bag-of-n-gram features over that view carry the trigger ("src meet tgt"),
its modality ("will visit tgt") and the grammatical link between the sides,
without the names, so the model generalises over actors it never saw.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

#: Entity labels that can be a party when the actors stage did not resolve them.
PARTY_ENTS = {"PERSON", "GPE", "NORP", "ORG"}
#: At most this many party mentions per sentence are paired (the first ones in the sentence).
MAX_PARTIES = 6
#: Views longer than this many tokens are cut around the pair.
MAX_VIEW_TOKENS = 60


@dataclass
class Mention:
    """A stretch of a sentence that may be a party: token range plus, at run time, the actor it names."""

    start: int          # token index (document)
    end: int            # exclusive
    kind: str           # person | country | organization | group
    actor: object = None

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def actor_spans(doc) -> list[tuple[int, int, str, object]]:
    """(start, end, kind, actor) of every actor mention of a document (``communique.model.Document``)."""
    return [(m.start, m.end, a.kind, a) for a in doc.actors for m in a.mentions]


def sentence_mentions(sent, spans: Iterable[tuple[int, int, str, object]]) -> list[Mention]:
    """Party mentions in ``sent``: resolved actor mentions first, then untagged named entities.

    ``spans`` holds (start_char, end_char, kind, actor) for every actor mention of the document."""
    doc = sent.doc
    out: list[Mention] = []
    for s, e, kind, actor in spans:
        if s < sent.start_char or e > sent.end_char:
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or any(m.overlaps(span.start, span.end) for m in out):
            continue
        out.append(Mention(span.start, span.end, kind, actor))
    for ent in sent.ents:
        if ent.label_ in PARTY_ENTS and not any(m.overlaps(ent.start, ent.end) for m in out):
            kind = {"PERSON": "person", "GPE": "country", "NORP": "country"}.get(ent.label_, "organization")
            out.append(Mention(ent.start, ent.end, kind, None))
    out.sort(key=lambda m: m.start)
    return _absorb_modifiers(doc, out)[:MAX_PARTIES]


def _absorb_modifiers(doc, mentions: list[Mention]) -> list[Mention]:
    """"Kenyan President Ruto", "Japan's minister Kono": a country word modifying another party is that party."""
    keep = []
    for m in mentions:
        if m.kind == "country" and _modifies_party(doc[m.start:m.end].root, m, mentions):
            continue
        keep.append(m)
    return keep


def _modifies_party(tok, own: Mention, mentions: list[Mention]) -> bool:
    """Whether ``tok`` modifies another party, directly or through a title ("Chilean President X")."""
    for _ in range(3):
        if tok.dep_ not in ("amod", "compound", "poss", "nmod") or tok.head.i == tok.i:
            return False
        tok = tok.head
        if any(o is not own and o.start <= tok.i < o.end for o in mentions):
            return True
    return False


def _word(tok) -> str:
    if tok.like_num:
        return "num"
    w = (tok.lemma_ or tok.text).lower()
    return w if w.strip() else "_"


def view(sent, src: Mention, tgt: Mention, others: list[Mention]) -> str:
    """The model's input for "does ``src`` do something to ``tgt`` in ``sent``"."""
    slots = {}
    for m in others:
        for i in range(m.start, m.end):
            slots[i] = "act"
    for m, name in ((src, "src"), (tgt, "tgt")):
        for i in range(m.start, m.end):
            slots[i] = name
    words: list[str] = []
    prev = None
    for tok in sent:
        slot = slots.get(tok.i)
        if slot is not None:
            if slot != prev:            # a multi-word name is one slot word
                words.append(slot)
            prev = slot
            continue
        prev = None
        if tok.is_punct and tok.text not in ("?", ",", ";", ":"):
            continue
        words.append(_word(tok))
    if len(words) > MAX_VIEW_TOKENS:
        words = _window(words)
    a, b = sent.doc[src.start:src.end].root, sent.doc[tgt.start:tgt.end].root
    kinds = f"kind_{src.kind[:3]}_{tgt.kind[:3]}"
    order = "order_st" if src.start < tgt.start else "order_ts"
    return " ".join(words + ["||", kinds, order] + path(a, b) + _between(sent.doc, src, tgt)
                    + _anchor(a, "s") + _anchor(b, "t") + _modality(a, b))


def _between(doc, src: Mention, tgt: Mention) -> list[str]:
    """The words between the two sides (at most eight), marked as such."""
    lo, hi = (src.end, tgt.start) if src.start < tgt.start else (tgt.end, src.start)
    words = [_word(t) for t in doc[lo:hi] if not t.is_punct][:8]
    return [f"b_{w}" for w in words] or ["b_none"]


def _anchor(tok, side: str) -> list[str]:
    """How a side attaches: its dependency and the word it hangs from (through a preposition)."""
    head = tok.head
    feats = [f"{side}d_{tok.dep_}"]
    if tok.dep_ == "pobj":
        feats.append(f"{side}p_{head.lower_}")
        head = head.head
    if head.i != tok.i:
        feats.append(f"{side}h_{_word(head)}")
    return feats


def _modality(a, b) -> list[str]:
    """Auxiliaries, negation and clause markers around the word linking the sides ("will", "not", "if")."""
    link = _common(a, b) or a.sent.root
    feats = []
    for tok in [link] + [t for t in link.ancestors][:2]:
        for c in tok.children:
            if c.dep_ in ("aux", "auxpass", "neg", "mark", "advmod") and c.i != a.i and c.i != b.i:
                feats.append(f"m_{c.lower_}")
        if tok.dep_ in ("xcomp", "ccomp", "advcl", "relcl", "conj"):
            feats.append(f"m_{tok.dep_}_{_word(tok.head)}")
    return feats[:8] or ["m_none"]


def _common(a, b):
    ids = {t.i for t in [b] + list(b.ancestors)}
    return next((t for t in [a] + list(a.ancestors) if t.i in ids), None)


def _window(words: list[str]) -> list[str]:
    """Keep the stretch around the two sides when a sentence is very long."""
    idx = [i for i, w in enumerate(words) if w in ("src", "tgt")]
    lo = max(0, min(idx, default=0) - 20)
    hi = min(len(words), max(idx, default=0) + 20)
    return words[lo:hi][:MAX_VIEW_TOKENS]


def path(a, b) -> list[str]:
    """The dependency path between two tokens: arcs up from ``a`` to the common head, then down to ``b``."""
    up_a = [a] + list(a.ancestors)
    up_b = [b] + list(b.ancestors)
    ids_b = {t.i for t in up_b}
    common: Optional[object] = next((t for t in up_a if t.i in ids_b), None)
    if common is None:
        return ["path_none"]
    left = up_a[:[t.i for t in up_a].index(common.i)]
    right = up_b[:[t.i for t in up_b].index(common.i)]
    steps = [f"up_{t.dep_}" for t in left]
    steps.append(f"via_{_word(common)}" if common.i not in (a.i, b.i) else "via_side")
    steps += [f"down_{t.dep_}" for t in reversed(right)]
    if len(steps) > 8:
        steps = steps[:4] + ["path_long"] + steps[-3:]
    return steps


def sentence_view(sent, mentions: list[Mention]) -> str:
    """The sentence-level view: the sentence with every party replaced by its kind, and its main verb.

    It lets the coder name the event of a sentence with a single party ("Police detained dozens of
    protesters"), where no pair exists."""
    slots = {i: f"{m.kind[:3]}_party" for m in mentions for i in range(m.start, m.end)}
    words: list[str] = []
    prev = None
    for tok in sent:
        slot = slots.get(tok.i)
        if slot is not None:
            if slot != prev:
                words.append(slot)
            prev = slot
            continue
        prev = None
        if not (tok.is_punct and tok.text not in ("?", ",", ";", ":")):
            words.append(_word(tok))
    root = sent.root
    feats = [f"root_{_word(root)}"] + [f"m_{c.lower_}" for c in root.children
                                       if c.dep_ in ("aux", "auxpass", "neg", "mark")][:4]
    return " ".join(words[:MAX_VIEW_TOKENS] + ["||"] + feats)
