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

import bisect
import re
from typing import Optional

from communique.model import Side
from communique.quotes.lexicon import lexicon
from communique.quotes.mentions import Mention, MentionIndex

_SUBJ = {"nsubj", "nsubjpass", "csubj"}
_LINKS = {"compound", "appos", "flat", "conj", "amod", "nmod", "npadvmod"}
_CLIMB = {"advcl", "xcomp", "conj", "ccomp", "pcomp", "acl", "relcl", "parataxis", "dep", "prep", "pobj"}
_ABBREV = re.compile(r"(?:\b[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sen|Rep|Gov|Jr|Sr|No|Prof|Sgt|Capt|U\.S|U\.N|U\.K|E\.U|[A-Z]\.[A-Z])$")


#: Mention kinds that never speak: "Tehran said", "France said" report a government's position, not whose words.
_NOT_SPEAKERS = {"country", "place"}


#: object pronouns that name the source after "according to"
_OBJECT_PRONOUNS = {"him", "her"}

#: nouns that name a person without an office; with the titles and people nouns of the actor lexicon they make
#: "the woman", "the young professional", "the official" a reference back to someone already named
_PERSON_HEADS = {"man", "woman", "boy", "girl", "professional", "youth", "teenager", "mother", "father", "official"}


def _possessor(tok) -> bool:
    """"Putin's", "Guterres’" (the small model may tag the bare apostrophe as punctuation under an nmod)."""
    marks = ("'s", "’s", "'", "’")
    return tok.dep_ == "poss" or any(c.dep_ == "case" or c.text in marks for c in tok.children if c.i == tok.i + 1)


def _definite_person_noun(tok) -> bool:
    from communique.actors.lexicon import lexicon as actor_lexicon

    if not (tok.pos_ == "NOUN" and tok.tag_ in ("NN", "NNP") or tok.pos_ == "ADJ" and tok.dep_ in ("nsubj", "nsubjpass")):
        return False
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or any(c.dep_ == "prep" for c in tok.children):
        return False        # "the head of MSF" names its own referent
    lemma = tok.lemma_.lower()
    return lemma in _PERSON_HEADS or lemma in actor_lexicon().people_words()


class Zones:
    """The quotations' (open mark, close mark) stretches, answering "is this offset quoted?" in log time.

    Why not a scan of the list: that question is asked for every token of every reporting
    region, so a scan made attribution quadratic in the length of the page.
    """

    def __init__(self, zones: list[tuple[int, int]]):
        merged: list[list[int]] = []
        for a, b in sorted(zones):
            if merged and a < merged[-1][1]:       # touching zones stay apart: a mark is not "inside"
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def holds(self, pos: int) -> bool:
        """``a <= pos <= b`` for some zone."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos <= self.ends[i]

    def holds_inside(self, pos: int) -> bool:
        """``a < pos < b`` for some zone (strictly inside the marks)."""
        i = bisect.bisect_left(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


class SentenceMap:
    """Sentence boundaries over the text, cheap and tolerant of abbreviations."""

    _END = re.compile(r"[.!?…]+[\"”’»)]*(?=\s+[\"“«„‘(\[A-Z0-9])|\n+")

    def __init__(self, text: str, quote_zones: list[tuple[int, int]]):
        ends = []
        zones = quote_zones if isinstance(quote_zones, Zones) else Zones(quote_zones)
        for m in self._END.finditer(text):
            if m.group().startswith(".") and _ABBREV.search(text[max(0, m.start() - 4):m.start()]):
                continue
            if m.group().startswith("\n") and text[:m.start()].rstrip(" \t").endswith(":"):
                continue       # "He said:" on its own line introduces the quotation in the next paragraph
            pos = m.end()
            if zones.holds_inside(pos - 1):
                continue       # a full stop inside a quotation does not end the reporting sentence
            ends.append(pos)
        self.ends = ends

    def start_before(self, pos: int, back: int = 0) -> int:
        """Start of the sentence holding ``pos`` (``back`` sentences further back)."""
        i = bisect.bisect_right(self.ends, pos) - 1 - back
        return self.ends[i] if i >= 0 else 0

    def end_after(self, pos: int) -> int:
        i = bisect.bisect_right(self.ends, pos)
        return self.ends[i] if i < len(self.ends) else 10 ** 12


class SpeakerFinder:
    def __init__(self, text: str, sdoc, index: MentionIndex, zones: list[tuple[int, int]]):
        self.text = text
        self.sdoc = sdoc
        self.index = index
        self.zones = zones            # (open mark, close mark or end) of every quotation
        self.quoted = Zones(zones)
        self.sents = SentenceMap(text, self.quoted)
        lx = lexicon()
        self.verbs = lx["speech"]["verb_set"]
        self.pronouns = lx["pronouns"]["person_set"]
        self.signs = lx["signs"]["word_set"]
        self.sign_leads = lx["signs"]["lead_set"]
        self.lookback = int(lx["limits"]["lookback_sentences"])
        self.lookback_chars = int(lx["limits"].get("lookback_chars", 3000))
        self._kinds_by_key, self._by_surname = self._mention_tables()
        self._resolving = False       # a description is being resolved: the candidates' own subjects are not

    def _mention_tables(self):
        """Mention kinds by actor id and the first person mention by surname, built once per document."""
        kinds: dict[object, set[str]] = {}
        surnames: dict[str, Side] = {}
        for m in self.index.mentions:
            kinds.setdefault(id(m.side), set()).add(m.kind)
            if m.side.actor_id:
                kinds.setdefault(("actor", m.side.actor_id), set()).add(m.kind)
            words = (m.side.name or "").lower().split()
            if m.kind == "person" and words:
                surnames.setdefault(words[-1], m.side)
        return kinds, surnames

    # ------------------------------------------------------------------ helpers
    def in_quote(self, pos: int) -> bool:
        return self.quoted.holds(pos)

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
    def from_region(self, lo: int, hi: int, prefer_last: bool,
                    previous: list = ()) -> tuple[bool, Optional[Side]]:
        """(found an attribution, speaker) for a stretch of reporting text.

        Tries the speech verbs nearest the quotation first; a verb whose subject names
        nobody we know ("analysts said") still counts as found, with no speaker.
        """
        toks = self.tokens(lo, hi)
        according: Optional[tuple[bool, Optional[Side]]] = None
        for i, t in enumerate(toks):
            if t.lower_ == "according" and i + 1 < len(toks) and toks[i + 1].lower_ == "to":
                obj = [c for c in toks[i + 1].children if c.dep_ == "pobj" and not self.in_quote(c.idx)]
                side = self.side_for_token(obj[0], previous) if obj else None
                according = True, side or self.nearest_mention(toks[i + 1].idx + 2, hi, after=True)
                if according[1] is not None and self._is_person(according[1]) and self._named_person(according[1]):
                    return according
                break
        quoted = self._quoted_as_saying(toks, previous)
        if quoted is not None:
            return True, quoted
        verbs = [t for t in toks if self.is_speech_verb(t)]
        if according is not None:
            # '"…," X said, according to a statement': the speech verb's subject speaks; the source only relays
            named = self._first_named_subject(verbs, previous)
            return (True, named) if named is not None else according
        if prefer_last:
            verbs.reverse()
        found = False
        for verb in verbs:
            subj = self.subject_of(verb)
            if subj is None:
                continue
            found = True
            side = self.side_for_token(subj, previous)
            if side is not None:
                return True, side
        if verbs and not found:
            verb = verbs[0]
            side = self.nearest_mention(verb.idx + len(verb.text), hi, after=True, people=True) or \
                self.nearest_mention(lo, verb.idx, after=False, people=True)
            return True, side
        return found, None

    def _is_possessor(self, m: Mention) -> bool:
        if self.sdoc is None:
            return False
        span = self.sdoc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and _possessor(span.root)

    def _named_person(self, side: Side) -> bool:
        kinds = set(self._kinds_by_key.get(id(side), ()))
        if side.actor_id:
            kinds |= self._kinds_by_key.get(("actor", side.actor_id), set())
        return "person" in kinds

    def _first_named_subject(self, verbs, previous) -> Optional[Side]:
        for verb in verbs:
            subj = self.subject_of(verb)
            if subj is None:
                continue
            side = self.side_for_token(subj, previous)
            if side is not None and self._named_person(side):
                return side
        return None

    def _quoted_as_saying(self, toks, previous) -> Optional[Side]:
        """"The statement quoted X as saying …": the quoted person speaks, not the one quoting; a passive
        "X was quoted as telling his counterpart …" keeps X (the subject), never the listener."""
        for t in toks:
            if t.lemma_.lower() != "quote" or not t.pos_ in ("VERB", "AUX"):
                continue
            as_saying = any(c.lower_ == "as" and any(self.is_speech_verb(g) for g in c.subtree) for c in t.children)
            if not as_saying:
                continue
            obj = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass") and not self.in_quote(c.idx)]
            if obj:
                side = self.side_for_token(obj[0], previous)
                if side is not None:
                    return side
        return None

    def subject_of(self, verb):
        """The subject of a speech verb, climbing from "adding"/"noting" to the verb it hangs on."""
        if verb.tag_ == "VBG":
            # "X said the film was cut, adding "…"": the participle's speaker is the reporting verb's subject,
            # though the parse hangs it on the nearer verb ("cut", whose subject is the film)
            for anc in list(verb.ancestors)[:6]:
                if self.is_speech_verb(anc):
                    subj = [c for c in anc.children if c.dep_ in _SUBJ and not self.in_quote(c.idx)]
                    if subj:
                        return subj[0]
        v = verb
        if verb.dep_ == "conj" and not self.is_speech_verb(verb.head) and verb.head.dep_ == "ccomp" \
                and self.is_speech_verb(verb.head.head):
            # "X told the paper that the results 'should not …' and called for a 'shift'": the parse hangs the
            # second speech verb on the reported clause; it is X's, like the first
            v = verb.head.head
        for _ in range(4):
            subj = [c for c in v.children if c.dep_ in _SUBJ and not self.in_quote(c.idx)]
            if subj:
                return subj[0]
            if v.dep_ in _CLIMB and v.head is not v:
                v = v.head
            else:
                return None
        return None

    def side_for_token(self, tok, previous=()) -> Optional[Side]:
        """The speaker a subject token stands for: a pronoun, a mention, a bare name, or nothing."""
        if tok.lower_ in self.pronouns or tok.lower_ in _OBJECT_PRONOUNS and tok.dep_ == "pobj":
            return self.resolve_pronoun(tok.idx, previous)      # "according to him"
        if self.in_quote(tok.idx):
            return None
        sub = [t for t in tok.subtree if not self.in_quote(t.idx)]
        lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1].text)
        at_head = [m for m in self.index.before(hi + 1, lo - 1) if m.start <= tok.idx < m.end]
        at_head.sort(key=lambda m: (m.kind != "person", -(m.end - m.start)))
        if at_head and at_head[0].kind == "person":
            return at_head[0].side
        people = [m for m in self.index.before(hi + 1, lo) if m.kind == "person" and not self.in_quote(m.start)]
        # "Guterres' spokesman, Stephane Dujarric, told ...": the possessor only names whose spokesman speaks
        own = [m for m in people if not self._is_possessor(m)]
        if own or people:
            return (own or people)[0].side
        if not at_head and not self._resolving and _definite_person_noun(tok) and not self.index.before(hi + 1, lo):
            # '"It keeps me sane," said the young professional': a definite description refers back like a pronoun
            self._resolving = True
            try:
                return self.resolve_pronoun(tok.idx, previous)
            finally:
                self._resolving = False
        if tok.pos_ == "PROPN" and not any(m.kind in _NOT_SPEAKERS for m in at_head):
            return self.name_side(tok)
        at_head = [m for m in at_head if m.kind not in _NOT_SPEAKERS]
        if at_head:
            return at_head[0].side
        m = self.index.covering(lo, hi, head=tok.idx)
        # a name inside quotation marks ("the book, "Desert Roads," was ...") is a title, not the subject's speaker
        return m.side if m and m.kind not in _NOT_SPEAKERS and not self.in_quote(m.start) else None

    def name_side(self, tok) -> Side:
        """A proper-noun subject no mention covers: its name, folded into a person with that surname."""
        words = [c for c in tok.children if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN" and c.i < tok.i]
        first = min([tok.i] + [c.i for c in words])
        # keep only the contiguous proper-noun run ending at the head
        run = [t for t in tok.doc[first:tok.i + 1] if t.pos_ == "PROPN"]
        name = " ".join(t.text for t in run) or tok.text
        known = self._by_surname.get(tok.text.lower())
        return known if known is not None else Side(name=name)

    def nearest_mention(self, lo: int, hi: int, after: bool, people: bool = False) -> Optional[Side]:
        hits = [m for m in self.index.before(hi, lo) if not self.in_quote(m.start)
                and (not people or m.kind == "person")]
        if not hits:
            return None
        return (hits[0] if after else hits[-1]).side

    def resolve_pronoun(self, pos: int, previous=()) -> Optional[Side]:
        """"he"/"she" → the latest person who was a subject or a speaker in the last few
        sentences, else the latest person mentioned."""
        lo = max(self.sents.start_before(pos, self.lookback), pos - self.lookback_chars)
        best = self.latest_candidate(lo, pos, previous, people_only=True)
        if best is not None:
            return best
        people = [m for m in self.index.before(pos, lo) if m.kind == "person" and not self.in_quote(m.start)]
        return people[-1].side if people else None

    def latest_candidate(self, lo: int, pos: int, previous, people_only: bool) -> Optional[Side]:
        """The latest of: a person mention that is a clause subject, the subject of a speech
        verb, a previous quotation's speaker, between ``lo`` and ``pos``."""
        cands = []   # (position, priority, side)
        for m in self.index.before(pos, lo):
            if m.kind != "person" or self.in_quote(m.start):
                continue
            info = self.subject_info(m)
            if info is not None:
                subj_pos, depth = info
                cands.append((subj_pos, -depth, m.side))
        for t in self.tokens(lo, pos):
            if self.is_speech_verb(t):
                subj = self.subject_of(t)
                if subj is not None and subj.lower_ not in self.pronouns and not self.in_quote(subj.idx):
                    side = self.side_for_token(subj)
                    if side is not None and (not people_only or self._is_person(side)):
                        cands.append((subj.idx, -1, side))
        for p, side in previous:
            if lo <= p < pos and side is not None and (not people_only or self._is_person(side)):
                cands.append((p, -9, side))
        if not cands:
            return None
        return max(cands, key=lambda c: (c[0], c[1]))[2]

    def _is_person(self, side: Side) -> bool:
        kinds = set(self._kinds_by_key.get(id(side), ()))
        if side.actor_id:
            kinds |= self._kinds_by_key.get(("actor", side.actor_id), set())
        return not kinds or "person" in kinds

    def subject_info(self, m: Mention):
        """(offset of the subject token, climb depth) when the mention is (part of) the subject
        of a main clause or of a speech verb; else None."""
        if self.sdoc is None:
            return None
        span = self.sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return None
        r = span.root
        if _possessor(r):
            return None         # "Guterres' spokesman told": the spokesman is the subject, not Guterres
        for depth in range(8):
            if r.dep_ in _SUBJ:
                verb = r.head
                if self.is_speech_verb(verb) or verb.dep_ in ("ROOT", "conj"):
                    return r.idx, depth
                return None
            if (r.dep_ in _LINKS or r.dep_ in ("prep", "pobj")) and r.head is not r:
                r = r.head
            else:
                return None
        return None

    def has_sign_words(self, lo: int, hi: int, leading: bool = False) -> bool:
        """Displayed-text words (billboard, banner…); ``leading`` also accepts "reading", "titled"."""
        words = re.findall(r"[A-Za-z][A-Za-z-]*", self.text[lo:hi])
        vocab = self.sign_leads if leading else self.signs
        return any(w.lower() in vocab for w in words)

    def latest_before(self, pos: int, previous: list[tuple[int, Optional[Side]]]) -> Optional[Side]:
        """An unattributed quotation: the latest speaker or subject in the sentences just before it."""
        lo = max(self.sents.start_before(pos, self.lookback - 1), pos - self.lookback_chars)
        return self.latest_candidate(lo, pos, previous, people_only=False)
