"""Find who speaks a quotation.

Order of evidence, nearest first:
1. a speech verb in the quotation's own sentence, outside the marks ("…," said X /
   X said: "…" / according to X / X stressed that "…"); its grammatical subject is
   the speaker (climbing from "adding"/"noting" to the verb they hang on);
2. a pronoun subject ("he listed") → the latest person who was a sentence subject
   in the last few sentences, else the latest person mentioned;
3. no attribution in the sentence: displayed text (billboards, banners, headlines)
   gets no speaker; otherwise the latest speaker or subject just before the quote.
"""
from __future__ import annotations

import re
from typing import Optional

from communique.model import Side
from communique.quotes.lexicon import lexicon
from communique.quotes.mentions import Mention, MentionIndex

_SUBJ = {"nsubj", "nsubjpass", "csubj"}
_LINKS = {"compound", "appos", "flat", "conj", "amod", "nmod", "npadvmod"}
_CLIMB = {"advcl", "xcomp", "conj", "ccomp", "pcomp", "acl", "relcl", "parataxis", "dep", "prep", "pobj"}
_ABBREV = re.compile(r"(?:\b[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sen|Rep|Gov|Jr|Sr|No|Prof|Sgt|Capt|U\.S|U\.N|U\.K|E\.U|[A-Z]\.[A-Z])$")


class SentenceMap:
    """Sentence boundaries over the text, cheap and tolerant of abbreviations."""

    _END = re.compile(r"[.!?…]+[\"”’»)]*(?=\s+[\"“«„‘(\[A-Z0-9])|\n+")

    def __init__(self, text: str, quote_zones: list[tuple[int, int]]):
        ends = []
        for m in self._END.finditer(text):
            if m.group().startswith(".") and _ABBREV.search(text[max(0, m.start() - 4):m.start()]):
                continue
            pos = m.end()
            if any(a < pos - 1 < b for a, b in quote_zones):
                continue       # a full stop inside a quotation does not end the reporting sentence
            ends.append(pos)
        self.ends = ends

    def start_before(self, pos: int, back: int = 0) -> int:
        """Start of the sentence holding ``pos`` (``back`` sentences further back)."""
        import bisect
        i = bisect.bisect_right(self.ends, pos) - 1 - back
        return self.ends[i] if i >= 0 else 0

    def end_after(self, pos: int) -> int:
        import bisect
        i = bisect.bisect_right(self.ends, pos)
        return self.ends[i] if i < len(self.ends) else 10 ** 12


class SpeakerFinder:
    def __init__(self, text: str, sdoc, index: MentionIndex, zones: list[tuple[int, int]]):
        self.text = text
        self.sdoc = sdoc
        self.index = index
        self.zones = zones            # (open mark, close mark or end) of every quotation
        self.sents = SentenceMap(text, zones)
        lx = lexicon()
        self.verbs = lx["speech"]["verb_set"]
        self.pronouns = lx["pronouns"]["person_set"]
        self.signs = lx["signs"]["word_set"]
        self.sign_leads = lx["signs"]["lead_set"]
        self.lookback = int(lx["limits"]["lookback_sentences"])

    # ------------------------------------------------------------------ helpers
    def in_quote(self, pos: int) -> bool:
        return any(a <= pos <= b for a, b in self.zones)

    def tokens(self, lo: int, hi: int):
        if self.sdoc is None or hi <= lo:
            return []
        span = self.sdoc.char_span(lo, hi, alignment_mode="contract")
        if span is None:
            return []
        return [t for t in span if not self.in_quote(t.idx)]

    def is_speech_verb(self, tok) -> bool:
        if not (tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")):
            return False
        return tok.lemma_.lower() in self.verbs or tok.lower_ in self.verbs

    # ------------------------------------------------------------------ attribution
    def from_region(self, lo: int, hi: int, prefer_last: bool) -> tuple[bool, Optional[Side]]:
        """(found an attribution, speaker) for a stretch of reporting text."""
        toks = self.tokens(lo, hi)
        for i, t in enumerate(toks):
            if t.lower_ == "according" and i + 1 < len(toks) and toks[i + 1].lower_ == "to":
                obj = [c for c in toks[i + 1].children if c.dep_ == "pobj"]
                if obj:
                    return True, self.side_for_token(obj[0])
                return True, self.nearest_mention(toks[i + 1].idx + 2, hi, after=True)
        verbs = [t for t in toks if self.is_speech_verb(t)]
        if not verbs:
            return False, None
        verb = verbs[-1] if prefer_last else verbs[0]
        subj = self.subject_of(verb)
        if subj is not None:
            return True, self.side_for_token(subj)
        side = self.nearest_mention(verb.idx + len(verb.text), hi, after=True) or \
            self.nearest_mention(lo, verb.idx, after=False)
        return True, side

    def subject_of(self, verb):
        v = verb
        for _ in range(4):
            subj = [c for c in v.children if c.dep_ in _SUBJ]
            if subj:
                return subj[0]
            if v.dep_ in _CLIMB and v.head is not v:
                v = v.head
            else:
                return None
        return None

    def side_for_token(self, tok) -> Optional[Side]:
        """The speaker a subject token stands for: a pronoun, a mention, or nothing."""
        if tok.lower_ in self.pronouns:
            return self.resolve_pronoun(tok.idx)
        sub = list(tok.subtree)
        lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1].text)
        m = self.index.covering(lo, hi, head=tok.idx)
        return m.side if m else None

    def nearest_mention(self, lo: int, hi: int, after: bool) -> Optional[Side]:
        hits = [m for m in self.index.before(hi, lo) if not self.in_quote(m.start)]
        if not hits:
            return None
        return (hits[0] if after else hits[-1]).side

    def resolve_pronoun(self, pos: int) -> Optional[Side]:
        """"he"/"she" → the latest person subject in the last few sentences, else the latest person."""
        lo = self.sents.start_before(pos, self.lookback)
        people = [m for m in self.index.before(pos, lo) if m.kind == "person" and not self.in_quote(m.start)]
        subjects = [m for m in people if self.is_subject(m)]
        if subjects:
            return subjects[-1].side
        return people[-1].side if people else None

    def is_subject(self, m: Mention) -> bool:
        if self.sdoc is None:
            return False
        span = self.sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        r = span.root
        for _ in range(4):
            if r.dep_ in _SUBJ:
                return True
            if r.dep_ in _LINKS and r.head is not r:
                r = r.head
            else:
                return False
        return False

    def has_sign_words(self, lo: int, hi: int, leading: bool = False) -> bool:
        """Displayed-text words (billboard, banner…); ``leading`` also accepts "reading", "titled"."""
        words = re.findall(r"[A-Za-z][A-Za-z-]*", self.text[lo:hi])
        vocab = self.sign_leads if leading else self.signs
        return any(w.lower() in vocab for w in words)

    def latest_before(self, pos: int, previous: list[tuple[int, Optional[Side]]]) -> Optional[Side]:
        """An unattributed quotation: the latest speaker or subject in the sentences just before it."""
        lo = self.sents.start_before(pos, self.lookback - 1)
        best_pos, best = -1, None
        for p, side in previous:
            if lo <= p < pos and side is not None and p > best_pos:
                best_pos, best = p, side
        for m in self.index.before(pos, lo):
            if m.kind in ("person", "organization") and not self.in_quote(m.start) and m.start > best_pos \
                    and self.is_subject(m):
                best_pos, best = m.start, m.side
        return best
