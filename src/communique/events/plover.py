"""PLOVER event coding for the non-diplomatic types (AGREE … ASSAULT), one pass per sentence.

Why this shape: a news sentence usually wraps its event in a frame ("X agreed
to withdraw", "Y demanded the release of", "Z threatened to shell"). PLOVER
codes the frame, so we find every lexicon trigger, refine frame triggers with
the act they govern (CAMEO subcodes, threat modes), read modality (will / would
→ planned, not / refused → negated, could / if → hypothetical), and turn an
intended cooperative act into AGREE, an intended hostile one into THREATEN and a
refused cooperative one into REJECT, as the CAMEO "express intent" / "threaten"
/ "reject" roots do. Confidence favours the trigger highest in the parse, so the
main verb ranks first when a sentence carries several events.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable, Optional

from communique.events.modality import is_contrastive
from communique.events.plover_lexicon import Entry, Lexicon, lexicon
from communique.events.plover_sides import _country_word, relation_object, resolve_side
from communique.model import Event, Side, Span

COOP, HOSTILE, FRAME = "coop", "hostile", "frame"
VERB_POS = {"VERB"}
NOUN_POS = {"NOUN", "PROPN"}
SUBJ = {"nsubj", "csubj"}
COMPLEMENT_DEPS = {"xcomp", "ccomp", "dobj", "prep", "pcomp", "pobj", "acomp", "attr", "oprd", "advcl"}
OBJ_DEPS = {"dobj", "nsubjpass", "attr", "oprd", "dative", "pobj", "xcomp", "npadvmod"}
TARGET_PREPS = {"against", "on", "to", "with", "at", "into", "toward", "towards", "upon", "from", "over", "of"}
LIGHT_VERBS = {"stage", "hold", "launch", "carry", "conduct", "mount", "make", "issue", "begin", "start",
               "continue", "organize", "organise", "go", "take", "lodge", "file", "wage", "announce",
               "impose", "declare", "resume", "step", "lead", "join", "call", "end", "keep", "remain",
               "give", "extend", "accord", "undertake", "reimpose", "enforce", "tighten", "order", "threaten",
               "use"}
BACKGROUND_PREPS = {"after", "following", "since", "amid", "despite", "during", "before", "over", "because"}
OWN_MOOD_MARKS = {"because", "since", "as", "while", "whereas", "although", "though", "after", "before", "when",
                  "once", "until"}
BACKGROUND_MARKS = {"after", "since", "because", "as", "when", "while", "before", "once", "if", "unless",
                    "although", "though", "until"}
ADDRESS_VERBS = {"tell", "address", "brief", "inform", "say", "speak", "present", "show", "write"}
EVENT_VERBS = {"occur", "happen", "erupt", "break", "intensify", "escalate", "resume", "last", "conclude",
               "open", "close", "proceed", "fail", "collapse", "stall", "succeed", "kill", "wound", "injure",
               "destroy", "damage", "hit", "target"}   # verbs whose subject noun is the event itself
QUANTITY_HEADS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "score", "scores", "number",
                  "group", "batch", "contingent", "wave", "handful", "million", "millions", "more", "some", "all"}
MEASURE_HEADS = {"day", "week", "month", "hour", "round", "series", "wave", "spate", "string", "bout", "spell"}
FORCEFUL = {"ASSAULT", "COERCE", "SANCTION"}   # acts whose announced readiness is a threat (CAMEO 13x)
PLANNED_MODS = {"planned", "proposed", "upcoming", "future", "scheduled", "expected", "possible",
                "forthcoming", "prospective", "potential", "impending", "next"}


@dataclass
class Hit:
    """A lexicon trigger found on the parse."""

    tok: object            # head token (span root for phrases)
    span: tuple            # (start token index, end token index)
    entry: Entry
    is_noun: bool
    depth: int = 0
    status: str = "occurred"
    obligation: bool = False
    if_clause: bool = False
    governed_by: Optional["Hit"] = None
    governs: list = field(default_factory=list)


# ---------------------------------------------------------------------------
# matching
def _lemma(t) -> str:
    return t.lemma_.lower()


def _object_lemmas(tok) -> set:
    """Lemmas of the verb's objects (direct, passive subject, prepositional) and their modifiers."""
    out = set()
    heads = []
    for c in tok.children:
        if c.dep_ in OBJ_DEPS or c.dep_ == "nsubjpass":
            heads.append(c)
        elif c.dep_ in ("prep", "agent", "prt"):
            heads.extend(g for g in c.children if g.dep_ in ("pobj", "pcomp"))
            if c.dep_ == "prt":
                heads.append(c)
    if not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):   # "troops withdrew"
        heads.extend(c for c in tok.children if c.dep_ == "nsubj")
    if tok.dep_ in ("amod", "acl") and tok.tag_ == "VBN" and tok.head.pos_ in NOUN_POS:   # "the lifted curfew", "troops withdrawn"
        heads.append(tok.head)
    seen = set()
    while heads:
        h = heads.pop()
        if h.i in seen:
            continue
        seen.add(h.i)
        out.add(_lemma(h))
        out.add(h.lower_)
        for g in h.children:
            if g.dep_ in ("compound", "amod", "conj", "nmod"):
                heads.append(g)
            elif g.dep_ == "prep" and (g.lower_ in ("of", "against")   # "warned its citizens against travel"
                                       or g.lower_ == "to" and _lemma(h) == "access"):   # "blocked access to a site"
                heads.extend(x for x in g.children if x.dep_ in ("pobj", "pcomp"))
    return out


def _has_complement(tok) -> bool:
    return any(c.dep_ in ("xcomp", "ccomp", "prep", "acomp") for c in tok.children)


def _copular(tok) -> bool:
    """'is ready / are prepared to': an adjective (or be + participle), not the verb 'prepared'."""
    if tok.pos_ == "ADJ" or tok.dep_ == "acomp":
        return True
    return any(c.dep_ in ("aux", "auxpass") and _lemma(c) == "be" for c in tok.children)


def _head_objects(tok) -> set:
    """Lemmas of the verb's object heads only ('welcomed the statement of the minister' → statement)."""
    heads = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if not heads and tok.dep_ == "acl" and tok.tag_ == "VBN":   # "the report released by"
        heads = [tok.head]
    if not heads:   # "troops massed"
        heads = [c for c in tok.children if c.dep_ == "nsubj"]
    heads += [g for h in heads for g in h.children if g.dep_ == "conj"]
    heads += [x for h in heads if _lemma(h) in QUANTITY_HEADS or h.pos_ == "NUM"   # "thousands of troops"
              for g in h.children if g.dep_ == "prep" and g.lower_ == "of"
              for x in g.children if x.dep_ == "pobj"]
    return {_lemma(h) for h in heads} | {h.lower_ for h in heads}


def _entry_fits(e: Entry, tok, objs: Optional[set]) -> bool:
    if e.objects and not (objs & e.objects):
        return False
    if e.not_objects and _head_objects(tok) & e.not_objects:
        return False
    if e.no_object and any(c.dep_ == "dobj" for c in tok.children):
        return False
    if e.objects and e.head_object and not (_head_objects(tok) & e.objects):
        return False
    if e.needs_complement and not (_has_complement(tok) and _copular(tok)):
        return False
    if e.needs_modifier and not any(_lemma(c) in e.needs_modifier or c.lower_ in e.needs_modifier
                                    for c in tok.children):
        return False
    if e.needs_prep and not _has_prep(tok, e.needs_prep):
        return False
    if e.needs_clause_subject and _clause_subject(tok) is None:
        return False
    if e.mandative and not _mandative(tok):
        return False
    if e.plain_object and (any(c.dep_ in ("oprd", "xcomp", "ccomp", "attr", "acomp") for c in tok.children) or any(
            c.dep_ == "dobj" and any(a.dep_ == "appos" for a in c.children) for c in tok.children)
            or sum(c.dep_ == "dobj" for c in tok.children) >= 2):
        return False   # "calling the late leader 'a true friend'": naming, not telephoning
    if e.party_object and not any(c.dep_ in ("dobj", "nsubjpass") and _is_party(c) for c in tok.children):
        helped = _clause_subject(tok)   # "helped Egypt rebuild"
        if helped is None or not _is_party(helped):
            return False
    return True


def _is_party(tok) -> bool:
    """A named state, group or person, or a noun phrase built on one ('the Afghan government')."""
    return tok.ent_type_ in PARTY_ENTS or any(c.ent_type_ in PARTY_ENTS for c in tok.children
                                              if c.dep_ in ("compound", "amod", "poss"))


def _has_prep(tok, preps) -> bool:
    """A preposition on the trigger, on its object, or on the light verb of a noun trigger."""
    heads = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "attr", "oprd")]
    if tok.pos_ in NOUN_POS and tok.dep_ in ("dobj", "nsubjpass", "attr") and tok.head.pos_ in ("VERB", "AUX"):
        heads.append(tok.head)
        if "against" in preps:   # "filed a case at the court against Y": the parse may hang it on the court
            heads += [g for c in tok.head.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(c.dep_ in ("prep", "agent") and c.lower_ in preps
               and not any(g.ent_type_ in NOT_PARTY_ENTS for g in c.children if g.dep_ == "pobj")
               for h in heads for c in h.children)


def _mandative(tok) -> bool:
    """Whether a verb asks for something to be done: a prepositional object ("insisted on talks"), or a complement
    with an obligation ("that Y must pay"), an infinitive ("insisted on / to be heard") or a subjunctive ("that
    he resign": the bare form, or a present form under a past verb)."""
    obliged = lexicon().modality["obligation_aux"]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "upon") and not any(
                g.ent_type_ in ("DATE", "TIME") for g in c.children):   # ("insisted on Tuesday that …")
            return True
        if c.dep_ not in ("ccomp", "xcomp"):
            continue
        aux = [g for g in c.children if g.dep_ in ("aux", "auxpass")]
        if any(g.lower_ in obliged for g in aux) or c.dep_ == "xcomp" and any(g.lower_ == "to" for g in aux):
            return True
        if _own_subject(c) is not None and not any(g.tag_ == "MD" or g.tag_ in ("VBD", "VBZ") for g in aux) and (
                c.tag_ == "VB" or c.tag_ == "VBP" and tok.tag_ == "VBD"):
            return True
    return False


def _own_subject(clause):
    """The subject a clause has of its own ("that Israel lift …"), if any."""
    return next((g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass")), None)


def _clause_subject(tok):
    """'wants Y to withdraw' / 'expects that Y will withdraw' / 'the demand that Y withdraw': the party asked to
    act (Y), not the speaker."""
    own = _subject(tok)
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp") or c.dep_ == "acl" and tok.pos_ in NOUN_POS and _own_subject(c) is not None:
            s = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if s is not None and (own is None or s.i != own.i) and s.lower_ not in ("it", "there"):
                return s
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is not None and any(c.dep_ == "xcomp" for c in tok.children):
        return obj
    return None


def _best(entries, tok, objs) -> Optional[Entry]:
    fits = [e for e in entries if _entry_fits(e, tok, objs)]
    if not fits:
        return None
    # an entry conditioned on the object is more specific than a bare word
    return max(fits, key=lambda e: (bool(e.objects), e.weight, -e.idx))


def _match_sentence(sent, lex: Lexicon) -> list[Hit]:
    hits: list[Hit] = []
    claimed: set = set()
    all_toks = list(sent)
    lems = [t.lemma_.lower() for t in all_toks]
    lows = [t.lower_ for t in all_toks]
    keep = [k for k, t in enumerate(all_toks) if lows[k] != "-"]
    # 1. phrases (longest first); they claim their tokens
    for j, k in enumerate(keep):
        cands = lex.phrases.get(lems[k]) or lex.phrases.get(lows[k])
        if not cands:
            continue
        for words, e in cands:
            n = len(words)
            idx = keep[j:j + n]
            if len(idx) < n or any(w != lems[x] and w != lows[x] for w, x in zip(words, idx)):
                continue
            seq = [all_toks[x] for x in idx]
            if any(x.i in claimed for x in seq):
                continue
            root = sent.doc[seq[0].i: seq[-1].i + 1].root
            objs = _object_lemmas(root) if e.objects else set()
            if not _entry_fits(e, root, objs):
                continue
            hits.append(Hit(root, (seq[0].i, seq[-1].i + 1), e, root.pos_ in NOUN_POS))
            claimed.update(x.i for x in seq)
            break
    # 2. single words
    _match_words(sent, lex, all_toks, lems, lows, claimed, hits)
    # 3. reported obligations: "X said Y must V" with no trigger on V
    taken = {h.tok.i for h in hits}
    for t in all_toks:
        entries = lex.modals.get(lows[t.i - sent.start]) if lex.modals else None
        if not entries or t.dep_ != "aux" or t.head.i in taken:
            continue
        verb = t.head
        if _reported_party_clause(verb, lex):
            hits.append(Hit(verb, (t.i, t.i + 1), entries[0], False))
            taken.add(verb.i)
    return hits


def _reported_party_clause(verb, lex: Lexicon) -> bool:
    """A clause reported by a speech verb whose subject is a named party or an organised group."""
    if verb.dep_ != "ccomp" or _lemma(verb.head) not in lex.modality["speech_verbs"]:
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in ("we", "i", "you", "it", "they", "he", "she", "this", "that", "there"):
        return False
    named = subj.ent_type_ in PARTY_ENTS or any(c.ent_type_ in PARTY_ENTS for c in subj.children
                                                if c.dep_ in ("compound", "amod", "poss"))
    return named


def _match_words(sent, lex: Lexicon, all_toks, lems, lows, claimed, hits) -> None:
    for k, t in enumerate(all_toks):
        lem, low = lems[k], lows[k]
        ventries = lex.verbs.get(lem) or lex.verbs.get(low)
        nentries = lex.nouns.get(lem) or lex.nouns.get(low)
        if not (ventries or nentries) or t.i in claimed:
            continue
        pos = t.pos_
        if ventries and (pos in VERB_POS or pos == "ADJ" or t.tag_ in ("VBN", "VBD", "VBG")):
            descriptive = t.dep_ in ("acomp", "amod") or (t.dep_ == "conj" and t.head.dep_ in ("acomp", "amod"))
            if (pos == "ADJ" and not t.tag_.startswith("VB")) or (t.tag_ == "VBG" and descriptive):
                ventries = [e for e in ventries if e.needs_complement]   # "friendly and accepting"
            if ventries:
                e = _best(ventries, t, _object_lemmas(t))
                if e is not None:
                    hits.append(Hit(t, (t.i, t.i + 1), e, False))
                    continue
        if nentries and pos in NOUN_POS and not (t.tag_ == "NNS" and lem in lex.sides.get("people_in_plural", ())):
            e = _best(nentries, t, set())   # ("Uyghur exiles" are people, "exile" is the act)
            if e is not None:
                hits.append(Hit(t, (t.i, t.i + 1), e, True))
    return hits


# ---------------------------------------------------------------------------
# structure: depth, governing frames, modality
def _depth(tok) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        if tok.dep_ != "conj":   # conjoined verbs rank alike
            d += 1
        tok = tok.head
    return d


def _anchor(hit: Hit):
    """The verb that carries the trigger's tense and modality (a noun's light verb)."""
    t = hit.tok
    if hit.is_noun and t.dep_ == "pobj" and t.head.lower_ == "of" and _lemma(t.head.head) in MEASURE_HEADS:
        t = t.head.head   # "began five days of exercises", "a wave of protests": the measure carries the verb
    if hit.is_noun and t.dep_ == "compound" and _lemma(t.head) in lexicon().sides.get("frame_nouns", ()):
        t = t.head   # "launched a mediation effort": the frame noun's verb is the act's
    elif t.dep_ == "prep" and hit.span[1] - hit.span[0] > 1 and t.head.pos_ in ("VERB", "AUX"):
        return t.head   # "troops remained on high alert": the phrase hangs on its verb
    if hit.is_noun and t.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "pobj"):
        h = t.head
        if t.dep_ == "pobj" and h.dep_ == "prep":
            h = h.head
        if t.dep_ == "nsubj" and _lemma(h) not in LIGHT_VERBS | EVENT_VERBS:
            return t   # "the detention was unlawful", "the curfew will not deter them": not the noun's own verb
        if h.pos_ in ("VERB", "AUX") and (_lemma(h) in LIGHT_VERBS or t.dep_ != "pobj"):
            return h
    return t


def _background(hit: Hit) -> float:
    """How far a trigger sits in background material: relative clauses, 'after …' clauses, purposes.

    Such clauses report what prompted or surrounds the main event ("the curfew
    imposed in June", "following the shooting", "to demand reforms"), so they
    rank below it.
    """
    pen = 0.0
    cur, n = hit.tok, 0
    while cur.head.i != cur.i and n < 10:
        dep = cur.dep_
        if dep in ("relcl", "acl"):
            pen = max(pen, 0.15)
        elif dep == "pcomp" or (dep == "pobj" and cur.head.lower_ in BACKGROUND_PREPS):
            pen = max(pen, 0.12 if cur.head.lower_ in BACKGROUND_PREPS else 0.06)
        elif dep == "advcl":
            kids = list(cur.children)
            if any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in kids):
                pen = max(pen, 0.12)
            else:   # purpose ("to demand") or participle ("calling for")
                pen = max(pen, 0.08)
        elif dep == "prep" and cur.lower_ in BACKGROUND_PREPS:
            pen = max(pen, 0.12)
        cur, n = cur.head, n + 1
    return pen


def _conditional(hit: Hit, lex: Lexicon) -> bool:
    """'… unless / if …' attached to the trigger's clause: a conditional threat or offer."""
    a = _anchor(hit)
    return any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "unless" for g in c.children)
               for c in a.children)


def _modality(hit: Hit, lex: Lexicon, sent) -> None:
    m = lex.modality
    a = _anchor(hit)
    status = "occurred"
    negated = False
    cur, steps = a, 0
    while cur is not None and steps < 6:
        kids = list(cur.children)
        lems = {_lemma(c) for c in kids if c.dep_ in ("aux", "auxpass")} | {
            c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
        if any((c.dep_ == "neg" or (c.lower_ in m["negators"] and c.dep_ in ("neg", "advmod", "det")))
               and not is_contrastive(c) and not hit.span[0] <= c.i < hit.span[1] for c in kids):
            negated = True
        if steps == 0 and cur.dep_ == "acomp" and cur.head.i != cur.i:   # "must be ready to"
            hk = [c for c in cur.head.children if c.dep_ in ("aux", "auxpass")]
            lems |= {_lemma(c) for c in hk} | {c.lower_ for c in hk}
            if any(c.dep_ == "neg" for c in cur.head.children):
                negated = True
        if steps == 0:
            if lems & m["obligation_aux"]:
                hit.obligation = True
            if lems & m["planned_aux"]:
                status = "planned"
            elif lems & m["hypothetical_aux"]:
                status = "hypothetical"
        elif status == "occurred":
            if lems & m["planned_aux"]:
                status = "planned"
            elif lems & m["hypothetical_aux"]:
                status = "hypothetical"
        if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in m["conditional_marks"] for c in kids):
            status = "hypothetical"
            hit.if_clause = True   # a condition, not an intent: keeps its own type
        if cur.dep_ not in ("xcomp", "ccomp", "conj", "advcl", "acomp", "pcomp", "pobj", "prep"):
            break
        if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in OWN_MOOD_MARKS for c in kids):
            break   # "is not limited to X, because Y could impose Z": a reason clause keeps its own mood
        head = cur.head
        if head.i == cur.i:
            break
        hl = _lemma(head)
        if cur.dep_ in ("xcomp", "pcomp", "pobj", "prep", "acomp"):
            if hl in m["negating_heads"] and head.i != hit.tok.i:
                negated = True
            elif hl in m["planned_heads"] and status == "occurred":
                status = "planned"
            elif hl == "be" and cur.dep_ == "xcomp" and status == "occurred":   # "is to visit"
                status = "planned"
        if cur.dep_ == "ccomp" and hl in m["speech_verbs"]:
            break
        if cur.dep_ == "conj" or cur.dep_ == "prep":
            cur = head
            steps += 1
            continue
        cur, steps = head, steps + 1
    if hit.is_noun and status == "occurred" and any(
            c.dep_ == "amod" and c.lower_ in PLANNED_MODS for c in hit.tok.children):
        status = "planned"
    hit.status = "negated" if negated else status


def _speaker(hit: Hit, lex: Lexicon):
    cur, n = _anchor(hit), 0
    while cur.head.i != cur.i and n < 6:
        if cur.dep_ == "ccomp" and _lemma(cur.head) in lex.modality["speech_verbs"]:
            return _subject(cur.head)
        if cur.dep_ not in ("conj", "xcomp", "ccomp", "acomp"):
            return None
        cur, n = cur.head, n + 1
    return None


def _obliged_party(hit: Hit, lex: Lexicon) -> bool:
    """'Serbia must withdraw' demands something of a party; 'people should allow' of no one in particular."""
    s = _source_token(hit)
    if s is None:
        return True   # the subject is elsewhere (a passive, a noun): keep the older reading
    from communique.events.lexicon import political_groups

    return _is_party(s) or s.lower_ in political_groups() or s.pos_ == "PRON"


def _first_person(hit: Hit) -> bool:
    s = _source_token(hit)
    return s is not None and s.lower_ in ("we", "i", "us")


def _under_speech(tok, lex: Lexicon) -> bool:
    cur, n = tok, 0
    while cur.head.i != cur.i and n < 6:
        if cur.dep_ == "ccomp" and _lemma(cur.head) in lex.modality["speech_verbs"]:
            return True
        if cur.dep_ not in ("conj", "xcomp", "ccomp"):
            return False
        cur, n = cur.head, n + 1
    return False


def _link_frames(hits: list[Hit], lex: Lexicon) -> None:
    """Each non-frame trigger inside a frame trigger's complement is governed by the nearest such frame."""
    by_tok = {}
    for h in hits:
        for i in range(*h.span):
            by_tok.setdefault(i, h)
    for h in hits:
        cur, n = h.tok, 0
        while cur.head.i != cur.i and n < 8:
            dep, clause = cur.dep_, cur
            cur, n = cur.head, n + 1
            g = by_tok.get(cur.i)
            if g is None or g is h:
                continue
            if (dep in COMPLEMENT_DEPS or dep == "acl" and _own_subject(clause)) and (
                    lex.polarity(g.entry.type) == FRAME or g.entry.transparent):   # "its demand that Y lift"
                h.governed_by = g
                g.governs.append(h)
            break   # only the nearest trigger above counts
    for g in hits:   # "lifting the sanctions is out of the question": the judged act is the clause subject
        if lex.polarity(g.entry.type) != FRAME or g.tok.dep_ not in ("prep", "acomp") or _lemma(g.tok.head) != "be":
            continue
        for h in hits:
            if h.governed_by is None and h.tok.dep_ == "csubj" and h.tok.head.i == g.tok.head.i:
                h.governed_by = g
                g.governs.append(h)


# ---------------------------------------------------------------------------
# sides
def _subject(tok):
    for c in tok.children:
        if c.dep_ in SUBJ:
            return c
    for c in tok.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _antecedent(tok, lex: Lexicon):
    """'Hungary said it will …': a pronoun subject of a reported clause is the speaker."""
    if tok is None or tok.pos_ != "PRON" or tok.lower_ not in ("it", "they", "he", "she", "we"):
        return tok
    cur, n = tok.head, 0
    while cur.head.i != cur.i and n < 6:
        if cur.dep_ == "ccomp" and _lemma(cur.head) in lex.modality["speech_verbs"]:
            spk = _subject(cur.head)
            return spk if spk is not None and spk.pos_ != "PRON" else tok
        cur, n = cur.head, n + 1
    return tok


def _stative(tok) -> bool:
    """'Israel is opposed to', 'Vietnam is committed to': a participle of state, whose subject is the actor."""
    return (_lemma(tok) in lexicon().modality.get("stative_participles", ())
            and not any(c.dep_ == "agent" for c in tok.children)
            and any(c.dep_ == "nsubjpass" for c in tok.children))


def _source_token(hit: Hit):
    t = hit.tok if hit.tok.dep_ != "prep" else _anchor(hit)   # "remained on high alert": the verb's subject
    if not hit.is_noun and _stative(t):
        return next(c for c in t.children if c.dep_ == "nsubjpass")
    if hit.is_noun:
        patient = _lemma(t) in lexicon().sides.get("patient_nouns", ())
        for c in t.children:
            if c.dep_ == "poss" and c.pos_ != "PRON" and not patient:   # "its sympathy": the subject says whose
                return c
            if c.dep_ == "prep" and c.lower_ == "by":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
        for c in t.children:
            if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG") and (
                    c.ent_type_ == "ORG" or _country_word(c.text)):   # "the Garissa attack": a town is a place
                return c
        t = _anchor(hit)
        if t.i == hit.tok.i:
            return None
    if not hit.is_noun and any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children) and _subject(t) is None:
        return _attacker_of_the_means(t)   # "after the girls were freed": a passive with no 'by' names no agent
    if not hit.is_noun and t.tag_ == "VBN" and t.dep_ in ("acomp", "oprd", "xcomp") and not _stative(t) \
            and _lemma(t.head) in ("be", "stand", "remain", "get", "become", "face"):
        return _subject(t)   # "two soldiers stand accused": only a 'by' phrase names the accuser
    cur, n = t, 0
    while n < 6:
        s = _subject(cur)
        if s is not None and s.dep_ == "csubj":
            return _speaker(hit, lexicon())   # "said lifting the sanctions was out of the question": the speaker
        if s is not None:
            by = next((g for c in s.children if c.dep_ == "prep" and c.lower_ == "by"
                       for g in c.children if g.dep_ == "pobj"), None)
            if by is not None:
                return by   # "airstrikes by the Somali army killed": the army
            return s if s.i != hit.tok.i else None   # "the arrest has had a chilling effect": no agent
        if cur.dep_ in ("xcomp", "conj", "advcl", "acomp") and cur.head.i != cur.i:
            cur = cur.head
        elif cur.dep_ == "acl" and cur.tag_ == "VBN":
            return None   # "civilians killed in the raid": the noun is the victim, not the actor
        elif cur.dep_ == "relcl" and any(c.dep_ in ("nsubjpass", "auxpass") for c in cur.children):
            return None   # "the journalist, who was killed in Malta": the victim again
        elif cur.dep_ in ("relcl", "acl") and cur.head.i != cur.i:
            return cur.head
        else:
            return None
        n += 1
    return None


MEANS_PREPS = {"in", "by", "during", "from"}


def _attacker_of_the_means(verb):
    """Whose attack a passive names as its means: "were killed in a Russian missile strike", "wounded by Israeli
    shelling" → the nationality on the attack noun (only attack nouns of the lexicon; "killed in a crash" has none)."""
    lex = lexicon()
    for c in verb.children:
        if c.dep_ not in ("prep", "agent") or c.lower_ not in MEANS_PREPS:
            continue
        for g in c.children:
            if g.dep_ != "pobj" or not _attack_noun(g, lex):
                continue
            for m in sorted(g.children, key=lambda m: m.i):
                if m.dep_ in ("amod", "compound") and m.ent_type_ in ("NORP", "GPE") and _country_word(m.text):
                    return m
    return None


def _attack_noun(tok, lex: Lexicon) -> bool:
    """'shelling', 'a drone strike', 'an air strike': an attack noun of the lexicon, alone or with its compound."""
    if any(e.type == "ASSAULT" and not e.mode_only for e in lex.nouns.get(_lemma(tok), ())):
        return True
    words = tuple(w.lower_ for w in tok.doc[tok.left_edge.i: tok.i + 1] if w.dep_ == "compound" or w.i == tok.i)
    lemma = words[:-1] + (_lemma(tok),)
    for key in {words, lemma}:
        if any(ws == key and e.type == "ASSAULT" for ws, e in lex.phrases.get(key[0], ())):
            return True
    return False


def _target_token(hit: Hit):
    t = hit.tok
    passive_subj = None
    for c in t.children:
        if c.dep_ == "nsubjpass" and not (not hit.is_noun and _stative(t)):
            passive_subj = c
    if passive_subj is not None:
        other = _prep_obj(t, ANCHOR_PREPS) if not _is_party(passive_subj) else None
        if other is not None and _is_party(other):
            return other   # "aid was delivered to Gaza": the theme is no party, the recipient is
        return passive_subj
    if not hit.is_noun and t.dep_ == "acl" and t.tag_ == "VBN" and t.head.pos_ in NOUN_POS:
        return t.head   # "civilians killed by the militia": the modified noun undergoes the act
    cands = []
    if not hit.is_noun:
        for c in t.children:
            if c.dep_ == "dative" and c.pos_ == "ADP":   # "issued an ultimatum to the government"
                c = next((g for g in c.children if g.dep_ == "pobj"), None)
                if c is None:
                    continue
            if c.dep_ in ("dobj", "dative", "pobj"):
                if c.pos_ in NOUN_POS and not c.ent_type_:
                    # "demanded the withdrawal of X": the party may be inside the object
                    hostile = lexicon().polarity(hit.entry.type) == HOSTILE
                    inner = _prep_obj(c, TARGET_PREPS if hostile else TARGET_PREPS - {"against"})
                    if inner is not None:   # (but backing "a resolution against X" is not aimed at X)
                        cands.append(inner)
                cands.append(c)
    if not hit.is_noun and not cands:   # "raiding and shelling Malian posts": conjoined verbs share it
        partners = [c for c in t.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        if t.dep_ == "conj" and t.head.pos_ == "VERB":
            partners.append(t.head)
        cands.extend(g for p in partners for g in p.children if g.dep_ == "dobj" and g.pos_ in NOUN_POS)
    found = _prep_obj(t)
    if found is not None and hit.span[0] <= found.i < hit.span[1]:
        found = None
    if found is None and hit.span[1] - hit.span[0] > 1:   # "a warrant for the arrest of X": the phrase's last word
        found = _prep_obj(t.doc[hit.span[1] - 1])
    if found is None and hit.is_noun and t.dep_ == "compound" and _anchor(hit).i != t.i:
        found = _prep_obj(t.head, ANCHOR_PREPS)   # "a mediation mission between X and Y"
    if found is None and hit.is_noun:
        a = _anchor(hit)
        if a.i != t.i:
            found = _prep_obj(a, ANCHOR_PREPS)
    if found is not None:
        cands.append(found)
    if hit.is_noun and found is None and _lemma(t) in lexicon().sides.get("for_patient_nouns", ()):
        found = _prep_obj(t, {"for"}) or _prep_obj(_anchor(hit), {"for"})   # "a warrant for two officers"
        if found is not None:
            cands.append(found)
    if hit.is_noun and _lemma(t) in lexicon().sides.get("patient_nouns", ()):
        cands = [c for c in t.children if c.dep_ == "poss"] + cands   # "Okafor's detention": Okafor
    cands = [c for c in cands if not hit.span[0] <= c.i < hit.span[1]]   # "message of condolence"
    named = [c for c in cands if c.ent_type_ in PARTY_ENTS or any(x.ent_type_ in PARTY_ENTS for x in c.children
                                                                 if x.dep_ in ("compound", "amod", "poss"))]
    if named:   # "recalled its ambassador from Algeria" → Algeria
        return named[0]
    for c in cands:   # "rejected calls by the UN", "a truce with the rebels": the party inside the thing acted on
        inner = _party_within(c, hit.span)
        if inner is not None:
            return inner
    if cands:
        return cands[0]
    if lexicon().polarity(hit.entry.type) == FRAME:
        for c in t.children:   # "demanded that Y withdraw", "its demand that Y withdraw" → Y
            if c.dep_ in ("ccomp", "xcomp") or hit.is_noun and c.dep_ == "acl":
                s = _subject(c)
                if s is not None and s.lower_ not in ("it", "they", "we", "he", "she", "i"):
                    return s   # ("warned it would retaliate": 'it' is the speaker itself, not a target)
    return None


PARTY_ENTS = {"GPE", "NORP", "ORG", "PERSON"}
PLACE_PREPS = {"in", "near", "off", "along", "around", "inside", "across"}
INNER_PREPS = {"by", "from", "with", "for", "of", "to", "between", "toward", "towards"}


def _party_within(tok, skip: tuple = (0, 0), depth: int = 3):
    """A named party inside a noun phrase about a thing: the author of "calls by Y" or "an offer from Y", the
    other side of "a truce with Y" or "air links with Y", the people of "a camp for Y refugees". Places ("in Y")
    do not count: where something happened is not whom it was aimed at."""
    frontier = [tok]
    for _ in range(depth):
        nxt = []
        for h in frontier:
            for c in h.children:
                if c.dep_ == "conj" and c.pos_ in NOUN_POS or c.dep_ == "acl" and c.tag_ == "VBN":
                    nxt.append(c)   # (and "taxes imposed by Y": the agent of a participle)
                if c.dep_ not in ("prep", "agent") or c.lower_ not in INNER_PREPS:
                    continue
                for g in c.children:
                    if g.dep_ != "pobj" or g.ent_type_ in NOT_PARTY_ENTS or skip[0] <= g.i < skip[1]:
                        continue
                    if _is_party(g) and g.ent_type_ not in ("LOC", "FAC"):
                        return g
                    nxt.append(g)
        frontier = nxt
    return None


def _giver(hit: Hit):
    """The 'from' party of a receiving verb ('received assurances from Y'), on the verb or its object."""
    t = hit.tok if not hit.is_noun else _anchor(hit)
    heads = [t] + [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    heads += [g for c in t.children if c.dep_ == "prep" and c.lower_ != "from"   # "came under pressure from"
              for g in c.children if g.dep_ == "pobj"]
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "from":
                for g in c.children:
                    if g.dep_ == "pobj" and g.ent_type_ not in NOT_PARTY_ENTS:
                        return g
    return None


MAX_CO_PARTIES = 3


def _copy(ev: Event, source: Side, target: Optional[Side]) -> Event:
    return replace(ev, source=source, target=target, evidence=list(ev.evidence), plover=dict(ev.plover),
                   attributes=dict(ev.attributes))


def _co_parties(doc, src_tok, tgt_tok, src: Optional[Side]) -> list[Side]:
    """The other named doers of a shared act: "the US, Russia and Switzerland met", "US and British activists
    staged a protest" each act, so each is a source (the partner of a reciprocal act stays its target)."""
    if src_tok is None or src is None or not (src.country or src.actor_id):
        return []
    toks = [c for c in src_tok.conjuncts if c.ent_type_ in PARTY_ENTS]
    if src_tok.ent_type_ == "GPE":    # "the US, Russia, and Switzerland": a list the parse read as an apposition
        for a in src_tok.children:
            if a.dep_ == "appos" and a.ent_type_ == "GPE":
                toks += [a] + [c for c in a.conjuncts if c.ent_type_ in PARTY_ENTS]
    for m in src_tok.children:        # "US and British activists": the modifiers are coordinated
        if m.dep_ in ("amod", "compound", "nmod") and m.ent_type_ in PARTY_ENTS:
            toks += [c for c in m.conjuncts if c.ent_type_ in PARTY_ENTS]
    out: list[Side] = []
    for t in toks:
        if tgt_tok is not None and t.i == tgt_tok.i:
            continue
        side = resolve_side(doc, t)
        if side is not None and (side.country or side.actor_id) and (side.name, side.country) != (src.name, src.country) \
                and all((side.name, side.country) != (o.name, o.country) for o in out):
            out.append(side)
    return out[:MAX_CO_PARTIES]


def _purpose_target(h: Hit, hits: list):
    """The party of the act a protest is made for: "went on hunger strike to demand the minister's resignation",
    "stayed home to protest against the new law of X" (a purpose clause, "to" + a trigger)."""
    a = h.tok if not h.is_noun else _anchor(h)
    by_tok = {g.tok.i: g for g in hits if g is not h}
    for c in list(a.children) + (list(h.tok.children) if a.i != h.tok.i else []):
        if c.dep_ in ("advcl", "xcomp") and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) \
                and c.i in by_tok:
            t = _target_token(by_tok[c.i])
            if t is not None and _is_party(t):
                return t
        if c.dep_ == "prep" and c.lower_ == "in":   # "in protest of / at / against X's decision"
            for p in c.children:
                if p.dep_ == "pobj" and _lemma(p) == "protest":
                    inner = _prep_obj(p, {"of", "at", "against", "over"})
                    if inner is not None:
                        return inner if _is_party(inner) else _party_within(inner) or _possessor(inner)
    return None


def _party_in_clause_subject(verb):
    """The first named party inside the clause that is ``verb``'s subject ("returning the islands to Turkey")."""
    clause = next((c for c in verb.children if c.dep_ == "csubj"), None)
    return next((t for t in clause.subtree if t.ent_type_ in PARTY_ENTS and t.ent_iob_ == "B"), None) \
        if clause is not None else None


def _possessor(tok):
    """"the Turkish government's decision": the party that owns the thing."""
    return next((c for c in tok.children if c.dep_ == "poss" and _is_party(c)), None)


def _joint_exercise(h: Hit, lex: Lexicon, tgt_tok, src_tok) -> bool:
    """Exercises held together (``joint_act_nouns`` of the data file): by coordinated doers, "with" a partner, or
    called joint."""
    if _lemma(h.tok) not in lex.sides.get("joint_act_nouns", ()):
        return False
    joint_words = lex.sides.get("joint_words", ())
    coordinated = src_tok is not None and (_partner(src_tok) is not None or any(
        m.dep_ in ("amod", "compound") and m.ent_type_ in PARTY_ENTS and m.conjuncts for m in src_tok.children))
    return coordinated or (tgt_tok is not None and tgt_tok.head.lower_ == "with") \
        or any(c.dep_ in ("amod", "compound") and c.lower_ in joint_words for c in h.tok.children)


def _shared(tok) -> bool:
    """'their partnership', 'their ties': a thing the co-subjects share, so each is the other's party."""
    return tok is not None and any(c.dep_ == "poss" and c.lower_ == "their" for c in tok.children)


def _partner(src):
    """'Israel and Hamas clashed': the second of two named co-subjects is the other side."""
    for m in src.children:   # "Azerbaijani and Armenian troops"
        if m.dep_ in ("amod", "compound") and m.ent_type_ in PARTY_ENTS:
            for c in m.children:
                if c.dep_ == "conj" and c.ent_type_ in PARTY_ENTS:
                    return c
    if src.ent_type_ not in PARTY_ENTS and not any(c.ent_type_ in PARTY_ENTS for c in src.children
                                                  if c.dep_ in ("compound", "amod")):
        return None
    for c in src.children:
        if c.dep_ == "conj" and (c.ent_type_ in PARTY_ENTS or any(
                g.ent_type_ in PARTY_ENTS for g in c.children if g.dep_ in ("compound", "amod"))):
            return c
    return None


def _place(hit: Hit):
    """'exercises in the Baltic', 'drills near Taiwan': the place named by the trigger's locative phrase."""
    heads = [hit.tok, _anchor(hit)]
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
                for g in c.children:
                    if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC"):
                        return g
    for t in hit.tok.subtree:   # "warned against travel to Haiti": the destination further down
        if t.i > hit.tok.i and t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS | {"to"} and t.ent_type_ == "GPE":
            return t
    return None
NOT_PARTY_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}


ANCHOR_PREPS = {"to", "against", "on", "with", "upon", "toward", "towards", "between"}


def _prep_obj(t, preps=TARGET_PREPS):
    for c in t.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            for g in c.children:
                if g.dep_ == "pobj" and g.ent_type_ not in NOT_PARTY_ENTS:
                    return g
    return None


# ---------------------------------------------------------------------------
def _final_type(hit: Hit, lex: Lexicon):
    """(type, cameo, mode, status-note) after modality: intent → AGREE/THREATEN, refusal → REJECT."""
    e = hit.entry
    pol = lex.polarity(e.type)
    t, cameo, mode = e.type, e.cameo, e.mode
    intended = hit.status in ("planned", "hypothetical") and not hit.if_clause
    if hit.obligation and e.type not in ("REQUEST", "REJECT", "THREATEN", "ACCUSE") and not _first_person(hit) \
            and _obliged_party(hit, lex):
        return "REQUEST", lex.frame_cameo.get("REQUEST", {}).get(e.type, "100"), None, e.type
    if pol == COOP and intended and _conditional(hit, lex):   # "will withdraw unless …" is a threat
        return "THREATEN", lex.frame_cameo.get("THREATEN", {}).get(e.type, "130"), "political", e.type
    if pol == COOP:
        if hit.status == "negated":
            return "REJECT", lex.frame_cameo.get("REJECT", {}).get(e.type, "120"), None, e.type
        if intended:
            return "AGREE", lex.frame_cameo.get("AGREE", {}).get(e.type, "030"), None, e.type
    elif pol == HOSTILE and intended:
        tm = mode if mode in ("curfew", "martial-law") else lex.threat_mode.get(e.type)
        return "THREATEN", lex.frame_cameo.get("THREATEN", {}).get(e.type, "130"), tm, e.type
    elif t == "AGREE" and hit.status == "negated":
        return "REJECT", "120", None, None
    return t, cameo, mode, None


def _refine_frame(hit: Hit, lex: Lexicon, ftype: str, cameo: str, mode):
    """A frame's CAMEO subcode and threat mode come from the act it governs."""
    acts = sorted((g for g in hit.governs if not g.if_clause), key=lambda g: g.depth)   # not the condition
    if not acts:
        return cameo, mode, None
    act = acts[0].entry
    table = "APPEAL" if ftype == "REQUEST" and hit.entry.cameo.startswith("02") else ftype
    sub = lex.frame_cameo.get(table, {}).get(act.type)
    if ftype == "THREATEN":
        mode = act.mode if act.mode in ("curfew", "martial-law") else lex.threat_mode.get(act.type, mode)
    return sub or cameo, mode, act


def _specific_mode(h: Hit, hits: list, mode, cameo):
    """'A suicide bomber killed …', 'killed in a car bomb': a generic verb takes the mode of its weapon noun."""
    sub = set()
    for c in h.tok.children:
        if c.dep_ in ("nsubj", "nsubjpass", "agent", "prep", "npadvmod", "advcl") and not (
                c.dep_ == "prep" and c.lower_ in ("of", "to", "for", "against", "on")):
            sub.update(t.i for t in c.subtree)
    sub.add(h.tok.i)
    for o in hits:
        if o is not h and o.is_noun and o.entry.type == h.entry.type and o.tok.i in sub \
                and o.entry.mode not in (None, "other"):
            return o.entry.mode, o.entry.cameo
    return mode, cameo


def _argument_of(tok) -> set:
    """Token indices a noun is an argument or modifier of ("lift [the curfew]", "[bomb] attack")."""
    if tok.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "compound", "amod", "nmod", "nsubj"):
        return {tok.head.i} if tok.dep_ != "nsubj" or _lemma(tok.head) != "be" else set()
    if tok.dep_ in ("pobj", "pcomp") and tok.head.dep_ in ("prep", "agent"):
        return {tok.head.head.i}
    return set()


def _foreign_state(doc, src: Optional[Side], tgt: Optional[Side]) -> bool:
    """The target is a state other than the source's: "Italy restricted travel from India", "Washington banned
    flights to Cuba" cut contact with a country (CAMEO 163), where "the junta banned rallies" represses at home."""
    if src is None or tgt is None or not src.country or not tgt.country or src.country == tgt.country:
        return False
    if tgt.actor_id:
        actor = next((a for a in getattr(doc, "actors", None) or () if a.id == tgt.actor_id), None)
        return actor is not None and actor.kind == "country"
    return _country_word(tgt.name or "") == tgt.country


def _government_protest(hit: Hit, src: Optional[Side]) -> bool:
    """A state that 'protests' is complaining officially (ACCUSE 114), not demonstrating."""
    if hit.entry.type != "PROTEST" or hit.entry.mode != "demo" or hit.is_noun or src is None:
        return False
    s = _source_token(hit)
    return bool(s is not None and s.ent_type_ == "GPE")


def extract_plover_events(doc, sdoc, sentence_info: Optional[Iterable] = None) -> list[Event]:
    """PLOVER events for every sentence of ``sdoc`` (the spaCy parse of ``doc.text``).

    ``sentence_info`` optionally restricts coding to sentences overlapping the
    given ``(start, end)`` character ranges (or objects with ``start``/``end``).
    """
    lex = lexicon()
    ranges = None
    if sentence_info is not None:
        ranges = [(getattr(r, "start", None), getattr(r, "end", None)) if not isinstance(r, (tuple, list))
                  else (r[0], r[1]) for r in sentence_info]
    events: list[Event] = []
    for sent in sdoc.sents:
        if ranges is not None and not any(s is not None and s < sent.end_char and sent.start_char < e
                                           for s, e in ranges):
            continue
        events.extend(_sentence_events(doc, sent, lex, len(events)))
    return events


def _sentence_events(doc, sent, lex: Lexicon, offset: int) -> list[Event]:
    hits = _match_sentence(sent, lex)
    if not hits:
        return []
    for h in hits:
        h.depth = _depth(_anchor(h)) - _depth(sent.root) if h.is_noun else _depth(h.tok) - _depth(sent.root)
        _modality(h, lex, sent)
    _link_frames(hits, lex)
    verb_hits = {h.tok.i for h in hits if not h.is_noun and not h.entry.transparent}
    noun_hits = {h.tok.i for h in hits if h.is_noun}
    out: list[tuple[float, Event]] = []
    for h in hits:
        if h.entry.transparent and h.governs:
            continue   # "ordered troops to shell": the ordered act is the event
        if h.entry.mode_only:
            continue   # a weapon noun only colours the attack it belongs to
        hostile_act = any((lex.polarity(g.entry.type) == HOSTILE or g.entry.type == "THREATEN")
                          and (not h.entry.needs_party_or_act or not g.is_noun) for g in h.governs)
        if h.entry.needs_hostile_act and not hostile_act:
            continue   # "claimed that the vote was fair" accuses no one
        if h.entry.needs_party_or_act and not hostile_act and not any(
                c.dep_ in ("dobj", "nsubjpass") and _is_party(c) for c in h.tok.children):
            continue   # "experts warn that prices may rise" threatens no one
        if h.is_noun and h.entry.type == "CONSULT" and _lemma(h.tok.head) in ADDRESS_VERBS:
            continue   # "told a regional conference": an audience, not a consultation
        if h.is_noun and _argument_of(h.tok) & (verb_hits | noun_hits):
            continue   # "lift the curfew", "bomb attack": an argument or modifier, not its own event
        ftype, cameo, mode, intended = _final_type(h, lex)
        g = h.governed_by
        if g is not None and not g.entry.transparent:
            gtype = _final_type(g, lex)[0]
            if gtype == ftype or lex.polarity(g.entry.type) == FRAME:
                continue   # the frame event carries it (as its action)
        act = None
        if ftype == h.entry.type and mode in (None, "other") and not cameo.startswith("01"):
            mode, cameo = _specific_mode(h, hits, mode, cameo)
        if lex.polarity(h.entry.type) == FRAME:
            cameo, mode, act = _refine_frame(h, lex, ftype, cameo, mode)
            if ftype == "AGREE" and h.entry.needs_complement and act is not None \
                    and act.type in FORCEFUL:   # "ready to impose martial law" is a threat
                ftype = "THREATEN"
                cameo = lex.frame_cameo.get("THREATEN", {}).get(act.type, "130")
                mode = act.mode if act.mode in ("curfew", "martial-law") else lex.threat_mode.get(act.type)
        src_tok, tgt_tok = _source_token(h), _target_token(h)
        if ftype == "REQUEST" and h.obligation and (h.entry.type != "REQUEST" or h.entry.modal_demand):
            spk = _speaker(h, lex)   # "X said Y must withdraw": X asks Y
            if spk is not None:
                src_tok, tgt_tok = spk, src_tok
        if h.governed_by is not None and h.governed_by.entry.transparent and src_tok is None:
            src_tok = _source_token(h.governed_by)
        if h.entry.reverse:   # "X received arms from Z": Z gave, X got
            src_tok, tgt_tok = _giver(h), src_tok
        if (tgt_tok is None or not _is_party(tgt_tok)) and src_tok is not None \
                and (_lemma(h.tok) in lex.modality.get("reciprocal", ()) or _shared(tgt_tok)):
            tgt_tok = _partner(src_tok) or tgt_tok   # "X and Y agreed on a truce": each is the other's party
        if tgt_tok is None and src_tok is not None and lex.polarity(ftype) == HOSTILE \
                and _lemma(src_tok) in lex.sides.get("opposing_nouns", ()):
            tgt_tok = relation_object(src_tok)   # "opponents of the president protested": against him
        if tgt_tok is None and h.entry.party_object:
            tgt_tok = _clause_subject(h.tok)   # "helped Egypt rebuild": Egypt
        if tgt_tok is None and h.governs and lex.polarity(h.entry.type) == FRAME:
            acts = [g for g in h.governs if not g.if_clause]
            if acts:   # "willing to send equipment to X": X
                tgt_tok = _target_token(min(acts, key=lambda g: g.depth))
        if tgt_tok is None and lex.polarity(h.entry.type) == FRAME and h.tok.dep_ in ("prep", "acomp"):
            tgt_tok = _party_in_clause_subject(h.tok.head)   # "said talks with Y were out of the question": Y
        if ftype == "PROTEST" and (tgt_tok is None or not _is_party(tgt_tok)):
            tgt_tok = _purpose_target(h, hits) or tgt_tok   # "a hunger strike to demand X's resignation": X
        joint = ftype in ("MOBILIZE", "COOPERATE") and _joint_exercise(h, lex, tgt_tok, src_tok)
        if h.entry.place_target and not joint and (tgt_tok is None or not _is_party(tgt_tok)):
            tgt_tok = _place(h) or tgt_tok
        src_tok = _antecedent(src_tok, lex)
        if src_tok is not None and _lemma(src_tok) in lex.sides.get("not_actors", ()):
            src_tok = None   # "the constitution guarantees": a text does not act
        private = lex.sides.get("private_people", ())
        src_tok = None if src_tok is not None and _lemma(src_tok) in private else src_tok   # "Chinese tourists"
        tgt_tok = None if tgt_tok is not None and _lemma(tgt_tok) in private else tgt_tok
        src = resolve_side(doc, src_tok)
        tgt = resolve_side(doc, tgt_tok) if tgt_tok is not None and (src_tok is None or tgt_tok.i != src_tok.i) else None
        if _government_protest(h, src):
            ftype, cameo, mode = "ACCUSE", "114", None
        if ftype == "SUPPORT" and _lemma(h.tok) in ("back", "support", "backing") and any(
                t is not None and _lemma(t) in lex.sides.get("military_nouns", ()) for t in (src_tok, tgt_tok)):
            ftype, cameo, mode = "COOPERATE", "062", None   # troops backing troops: military cooperation
        if ftype == "COERCE" and cameo == "172" and _foreign_state(doc, src, tgt):
            ftype, cameo, mode = "SANCTION", "163", "sanction"   # a ban aimed at another state is a sanction
        co = _co_parties(doc, src_tok, tgt_tok, src)
        if joint:   # "Indian and French warships began naval exercises": military cooperation (062), each with each
            ftype, cameo, mode = "COOPERATE", "062", None
        status = h.status
        if ftype == "REJECT" and h.entry.type != "REJECT" and status == "negated":
            status = "occurred"   # "did not accept" is a rejection that happened
        conf = 0.55 + 0.25 / (1 + max(h.depth, 0)) + h.entry.weight
        conf += 0.05 if src is not None else -0.03
        conf += 0.04 if src is not None and src.country else 0.0
        conf += 0.03 if tgt is not None else 0.0
        conf -= 0.06 if h.is_noun else 0.0
        conf -= _background(h)
        conf -= 0.002 * (h.tok.i - sent.start)   # ties go to the earlier trigger
        if status == "negated" and ftype == h.entry.type and lex.polarity(ftype) != FRAME:
            conf -= 0.12
        conf = round(min(max(conf, 0.05), 0.97), 3)
        trig = sent.doc[h.span[0]:h.span[1]].text
        attrs = {}
        if intended:
            attrs["intended_type"] = intended
        if act is not None:
            attrs["action_type"] = act.type
        ev = Event(
            id="",
            type=ftype,
            status=status,
            source=src,
            target=tgt,
            evidence=[Span(sent.start_char, sent.end_char, sent.text)],
            trigger=trig,
            confidence=conf,
            plover={"type": ftype, "mode": mode, "context": h.entry.context},
            cameo=cameo,
            attributes=attrs,
        )
        if co and tgt is None and (joint or _lemma(h.tok) in lex.modality.get("reciprocal", ())):
            parties = [src] + co      # "the US, Russia and Switzerland met": each met each
            pairs = [(a, b) for a in parties for b in parties if a is not b][:2 * MAX_CO_PARTIES]
            ev.target = pairs[0][1]
            out.append((conf, ev))
            out += [(conf - 0.01, _copy(ev, a, b)) for a, b in pairs[1:]]
            continue
        out.append((conf, ev))
        out += [(conf - 0.01, _copy(ev, other, ev.target)) for other in co]
    out.sort(key=lambda ce: -ce[0])
    evs = [ev for _, ev in out]
    for k, ev in enumerate(evs):
        ev.id = f"p{offset + k + 1}"
    return evs
