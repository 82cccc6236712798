"""Event status from the clause around a trigger: occurred, planned, negated or hypothetical.

Why from the parse: "are to be signed", "hoped to discuss", "will also hold a
meeting" and "did not meet" differ only in auxiliaries and governing verbs.
"""
from __future__ import annotations

from communique.events.lexicon import lexicon

_NEAR = {"close", "closer", "near", "nearer"}
_GOVERNING = ("xcomp", "ccomp", "advcl", "conj", "pcomp", "acomp")
_CONDITIONS = {"if", "unless"}
_CONTRAST = {"just", "only", "merely", "simply", "solely"}


def _lemma_in(tok, words) -> bool:
    """The lemma is in ``words``, allowing for the tagger's slips ("hopes" lemmatized as "hop")."""
    low = tok.lower_
    forms = {tok.lemma_.lower(), low, low[:-1] if low.endswith("s") else low,
             low[:-1] if low.endswith("ed") else low, low[:-3] + "e" if low.endswith("ing") else low}
    return bool(forms & set(words))


def is_contrastive(neg) -> bool:
    """"not just a tribute", "not only talks": a contrast, not a negation."""
    nxt = neg.nbor() if neg.i + 1 < len(neg.doc) else None
    return nxt is not None and nxt.lower_ in _CONTRAST


def _aux_status(verb) -> str | None:
    mod = lexicon()["modality"]
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")]
    words = {a.lower_ for a in auxes}
    negs = [c for c in verb.children if c.dep_ == "neg" or c.lower_ in mod["negation"] and c.dep_ in ("aux", "neg")]
    if any(not is_contrastive(c) for c in negs):
        return "negated"
    if any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
           for c in verb.children):
        return "negated"      # "no treaty was signed", "signed no agreement", "no talks took place"
    if any(c.dep_ == "mark" and c.lower_ in mod["hypothetical_markers"] for c in verb.children):
        return "hypothetical"
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in c.children)
           for c in verb.children):
        return "hypothetical"      # "would visit Yerevan if the treaty is ratified": a condition, not a plan
    if words & set(mod["hypothetical_aux"]):
        return "hypothetical"
    if words & set(mod["planned_aux"]) or words & set(mod["conditional_aux"]):
        return "planned"
    if verb.lower_ == "going" and any(c.dep_ == "xcomp" for c in verb.children):
        return "planned"
    # "is to sign", "are to be signed": a present "be" with a "to" infinitive
    if "to" in words and verb.dep_ == "xcomp" and verb.head.lemma_ == "be":
        return "planned" if verb.head.tag_ in ("VBZ", "VBP") else None
    return None


def _speculative(tok, reach: int = 6) -> bool:
    """"doubted the two would meet", "it is unlikely they will meet", "little reason to think they will meet":
    a future engagement inside a frame of doubt is a guess, not a plan."""
    mod = lexicon()["modality"]
    doubt, slim = set(mod["speculative_words"]), set(mod["slim_words"])
    for anc in list(tok.ancestors)[:reach]:
        if anc.lemma_.lower() in doubt or any(c.dep_ == "acomp" and c.lemma_.lower() in doubt for c in anc.children):
            return True
        if anc.pos_ == "NOUN" and anc.lemma_.lower() in mod["chance_nouns"] and any(
                c.lower_ in slim for c in anc.children):
            return True
    return False


_PLANNING = {"due", "expected", "scheduled", "set", "supposed", "planned", "meant", "slated"}


def _unfulfilled(verb) -> bool:
    """A plan told in the past perfect or as "was to have met" did not come true: "X was to have met Y", "X had
    been expected to meet Y", "had been due to sign"."""
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and not any(c.dep_.startswith("nsubj") for c in verb.children):
        verb = verb.head      # "was to have met X and signed …": the second verb shares the first's fate
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    head = verb.head
    if verb.tag_ == "VBN" and {"to", "have"} <= aux and head.lemma_ == "be" and head.tag_ == "VBD":
        return True      # "was to have met"
    if verb.dep_ != "xcomp" or head.i == verb.i:
        return False
    planned = head if head.lower_ in _PLANNING else next(
        (c for c in head.children if c.dep_ == "acomp" and c.lower_ in _PLANNING), None)
    carriers = [head] + ([head.head] if head.dep_ == "acomp" else [])   # "had been due to": 'had' is on 'been'
    return planned is not None and any(c.dep_ == "aux" and c.lower_ in ("had", "'d")
                                       for t in carriers for c in t.children)


def verb_status(verb, future_date: bool = False) -> str:
    """Status of a verb trigger, walking up through governing verbs ("plans to visit")."""
    status = _verb_status(verb, future_date)
    if status == "planned" and _speculative(verb):
        return "hypothetical"
    return status


def _verb_status(verb, future_date: bool = False) -> str:
    mod = lexicon()["modality"]
    if verb.dep_ == "pcomp" and verb.head.lower_ in ("after", "since", "following"):
        return "occurred"      # "after meeting X": done before the main clause, whatever its mood
    if verb.dep_ == "pcomp" and verb.head.lower_ == "before" and verb.head.head.i != verb.head.i:
        return _verb_status(verb.head.head, future_date)   # "told reporters before landing": the main clause's mood
    if _unfulfilled(verb):
        return "negated"
    tok, hops = verb, 0
    while tok is not None and hops < 4:
        status = _aux_status(tok)
        if status:
            return status
        if tok.i != verb.i:
            if _lemma_in(tok, mod["negating_verbs"]):
                return "negated"
            if _lemma_in(tok, mod["planned_verbs"]) or (tok.lemma_ == "be" and tok.lower_ in ("due", "set")):
                return "planned"
        if any(c.lower_ in ("due", "set", "scheduled", "expected", "planned") and c.dep_ in ("acomp", "amod")
               for c in tok.children) and tok.lemma_ == "be":
            return "planned"
        if tok.dep_ in ("acl", "advcl") and tok.head.pos_ == "NOUN":   # "no plans to meet", "an invitation for X to visit"
            noun = tok.head
            if any(c.lower_ in ("no", "never") or c.dep_ == "neg" for c in noun.children):
                return "negated"
            if noun.lemma_.lower() in ("plan", "intention", "decision", "readiness", "willingness", "hope",
                                       "proposal", "offer", "invitation", "bid"):
                return "planned"
        if tok.dep_ == "conj" and tok.tag_ in ("VBD", "VBZ", "VBP") and any(
                c.dep_ == "aux" for c in tok.head.children):
            break      # "has refused to join ... and hosted X": a finite verb of its own keeps its own mood
        if tok.dep_ == "csubj" and any(c.dep_ == "aux" and c.lower_ in mod["conditional_aux"] + mod["hypothetical_aux"]
                                       for c in tok.head.children):
            return "hypothetical"      # "holding a summit on the sidelines would not be provocative"
        if tok.dep_ == "advcl" and tok.tag_ == "VBD" and any(c.dep_.startswith("nsubj") for c in tok.children):
            break      # "had invited him when the two met": a past clause of its own keeps its own mood
        if tok.dep_ == "pcomp" and tok.head.lower_ == "to" and tok.head.head.lemma_.lower() in _NEAR:
            return "hypothetical"      # "closer than ever to signing the treaty": not done, and no date set
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.i != tok.head.i:
            tok, hops = tok.head.head, hops + 1   # "looks forward to welcoming X": the governing verb past 'to'
        elif tok.dep_ in _GOVERNING and tok.head.i != tok.i:
            tok, hops = tok.head, hops + 1
        else:
            break
    if future_date and verb.tag_ in ("VBZ", "VBP", "VB", "VBG"):
        return "planned"
    return "occurred"


def _ahead(prep) -> bool:
    """"ahead of", "in preparation for", "preparations for", "plans for": a preposition that looks forward."""
    mod = lexicon()["modality"]
    if prep.lower_ == "of" and prep.head.lower_ == "ahead":
        return True
    return prep.lower_ == "for" and prep.head.lemma_.lower() in mod["preparing_nouns"]


def noun_status(noun, future_date: bool = False) -> str:
    """Status of a noun trigger: its own modifiers, else the verb that carries it."""
    mod = lexicon()["modality"]
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_ in mod["negating_verbs"]:
        return "negated"       # "cancelled a planned trip": the cancelling wins over "planned"
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_ in ("rule", "exclude") and (
            noun.head.lemma_ == "exclude" or any(c.lower_ == "out" for c in noun.head.children)):
        if any(c.dep_ == "neg" for c in noun.head.children):
            return "hypothetical"   # "did not rule out a meeting", "would not exclude talks": left possible
        return "negated"       # "ruled out a meeting with X"
    if noun.dep_ == "dobj" and noun.head.lemma_ in mod["seeking_verbs"] and verb_status(noun.head) != "negated":
        return "planned"       # "is seeking a meeting with X", "proposed talks", "wants a summit"
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj") and noun.head.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "neg" and not is_contrastive(c) for c in noun.head.children):
        return "negated"       # "a planned call did not take place", "the summit was not held"
    if any(c.lower_ in mod["planned_nouns"] for c in noun.children if c.dep_ in ("amod", "compound", "nmod")):
        return "planned"
    if noun.dep_ == "pobj" and _ahead(noun.head):
        return "planned"       # "preparations for the visit", "ahead of the summit": it has not happened yet
    if any(c.dep_ == "neg" or c.lower_ == "no" for c in noun.children):
        return "negated"
    head = noun.head
    if noun.dep_ == "nsubj" and head.lemma_ == "be" and (
            any(c.dep_ == "acomp" and c.lemma_.lower() in mod["likelihood_words"] for c in head.children) or
            any(c.dep_ == "aux" and c.lower_ in mod["conditional_aux"] + mod["hypothetical_aux"] for c in head.children)):
        return "hypothetical"  # "a meeting between X and Y is unlikely", "a summit would be a breakthrough"
    if noun.dep_ == "nsubjpass" and head.lemma_ in mod["planned_verbs"] and verb_status(head, future_date) in (
            "occurred", "planned"):
        return "planned"       # "the summit is set for next week", "talks are scheduled for Friday"
    if noun.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX"):
        if head.lemma_ in mod["negating_verbs"]:
            return "negated"
        status = verb_status(head, future_date)
        if noun.dep_ in ("nsubj", "nsubjpass") and head.lemma_ not in ("take", "happen", "begin", "start", "last", "occur", "open", "hold", "be"):
            return "occurred" if status == "planned" and not future_date else status
        return status
    return "occurred"
