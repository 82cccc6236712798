"""Source/target sides of a PLOVER event: a parse token → ``Side(name, country, actor_id)``.

Why: the trigger's subject or object is usually a head noun ("officials",
"army", "he") while the coded party is a name or adjective next to it
("Hungarian officials", "the Israeli army"). We look for the actor whose mention
overlaps that noun phrase first (``doc.actors``, filled by the actor stage), and
fall back to spaCy entities plus a country lookup when no actor is there.
"""
from __future__ import annotations

import functools
from typing import Optional

from communique.model import Side

PARTY_LABELS = ("GPE", "NORP", "ORG", "PERSON", "LOC", "FAC")
PLACE_LABELS = ("GPE", "NORP", "LOC")
_NP_DEPS = {"compound", "amod", "poss", "nmod", "det", "nummod", "appos", "conj", "cc"}


@functools.lru_cache(maxsize=1)
def _country_fn():
    """The gazetteer's lookup: country names, demonyms, metonyms and big cities → ISO3."""
    from communique.geo import country_code

    return country_code


@functools.lru_cache(maxsize=4096)
def country_of(text: str) -> Optional[str]:
    if not text:
        return None
    try:
        return _country_fn()(text)
    except Exception:
        return None


def _np_tokens(tok):
    """The token plus its noun-phrase modifiers (and an ``of``-phrase: 'the government of Chad')."""
    out = [tok]
    for c in tok.children:
        if c.dep_ in _NP_DEPS:
            out.extend(t for t in c.subtree)
        elif c.dep_ == "prep" and c.lower_ == "of":
            out.extend(t for t in c.subtree)
    return sorted(set(out), key=lambda t: t.i)


def _actor_for(doc, start: int, end: int):
    for a in getattr(doc, "actors", None) or ():
        for m in a.mentions or ():
            if m.start < end and start < m.end:
                return a
    return None


def resolve_side(doc, tok) -> Optional[Side]:
    """A Side for the party headed by ``tok`` (None when there is no token)."""
    if tok is None:
        return None
    sdoc = tok.doc
    relative_of = relation_object(tok)
    if relative_of is not None:   # "opponents of the president": a group of the president's country, not him
        related = resolve_side(doc, relative_of)
        span = sdoc[tok.left_edge.i: relative_of.right_edge.i + 1]
        return Side(name=span.text, country=related.country if related else None, actor_id=None)
    toks = _np_tokens(tok)
    # 1. an actor mention on the head token, then anywhere in the noun phrase
    a = _actor_for(doc, tok.idx, tok.idx + len(tok.text))
    if a is None:
        for t in toks:
            a = _actor_for(doc, t.idx, t.idx + len(t.text))
            if a is not None:
                break
    if a is not None:
        return Side(name=a.name, country=a.country, actor_id=a.id)
    # 2. a named entity on the head token, then in the noun phrase (head first)
    ents = []
    if tok.ent_type_ in PARTY_LABELS:
        ents.append(_ent_of(sdoc, tok))
    for t in toks:
        if t.ent_type_ in PARTY_LABELS and t.i != tok.i:
            e = _ent_of(sdoc, t)
            if e is not None and e not in ents:
                ents.append(e)
    ents = [e for e in ents if e is not None]
    for e in ents:
        c = (country_of(e.text) if e.label_ in PLACE_LABELS else _country_word(e.text)) if _may_be_country(e) else None
        if c or e.label_ in ("ORG", "PERSON"):
            return Side(name=e.text, country=c or _country_in(toks, e) or _located_country(tok), actor_id=None)
    if ents:   # "Yoruba community elders": the group the entity qualifies, when the head is not the entity
        inside = ents[0].start <= tok.i < ents[0].end
        name = ents[0].text if inside or len(toks) > 8 else sdoc[toks[0].i: toks[-1].i + 1].text
        return Side(name=name, country=None, actor_id=None)
    # 3. the bare noun phrase ("protesters", "the rebels"): no country guessed from common words,
    #    except the place such a collective is said to be in ("police in Lagos", "students rallied in Dhaka")
    if tok.pos_ == "PRON":
        return Side(name=tok.text, country=None, actor_id=None)
    seat = _untagged_seat(tok, toks)
    if seat is not None:
        return Side(name=tok.text, country=seat, actor_id=None)
    span = sdoc[toks[0].i: toks[-1].i + 1] if len(toks) <= 8 else sdoc[tok.i: tok.i + 1]
    return Side(name=span.text, country=_modifier_country(tok) or _located_country(tok), actor_id=None)


def _untagged_seat(tok, toks) -> Optional[str]:
    """"Kyiv insisted …", "accused Naypyidaw": a lone proper noun the tagger missed that is a country or a
    national capital stands for its state."""
    from communique.geo import gazetteer

    if len(toks) != 1 or tok.pos_ != "PROPN" or not tok.is_title:
        return None
    gaz = gazetteer()
    return gaz.country(tok.text) or gaz.seat_of_state(tok.text)


def relation_object(tok):
    """X of "opponents of X" / "X's supporters" when ``tok`` is one of the ``relational_nouns`` (PLOVER data file)."""
    from communique.events.plover_lexicon import lexicon

    if tok.lemma_.lower() not in lexicon().sides.get("relational_nouns", ()):
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
        if c.dep_ == "poss" and c.pos_ != "PRON":
            return c
    return None


def _modifier_country(tok) -> Optional[str]:
    """'Ghanaian authorities', 'Serb forces' when NER missed the adjective: a demonym or country word on the head."""
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i]
    mods += [g for c in mods for g in c.children if g.dep_ in ("amod", "compound") and g.i < c.i]  # "US Predator attacks"
    for c in sorted(mods, key=lambda t: t.i):
        if c.text[:1].isupper():
            code = country_of(c.text)
            if code:
                return code
    return None


LOCATIVE_PREPS = ("in", "of", "from", "across", "throughout", "inside")


@functools.lru_cache(maxsize=1)
def _collectives() -> frozenset:
    """Domestic collective actors (police, protesters, rebels …): the ``[sides]`` list of the PLOVER data file."""
    from communique.events.plover_lexicon import lexicon

    return frozenset(lexicon().sides.get("collectives", ()))


def _located_country(tok) -> Optional[str]:
    """The country of a collective actor: a place in its own phrase, else where its clause says it acted.

    PETRARCH-style coders locate a domestic agent by the place it is reported
    in; only group nouns qualify ('police', 'students'), never a bare person."""
    words = {tok.lower_} | {f"{c.lower_} {tok.lower_}" for c in tok.children if c.dep_ in ("compound", "amod")}
    if not words & _collectives():   # as written: 'government' yes, 'governments' no; 'security forces' yes
        return None
    heads = [tok]
    if tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ == "pobj" and tok.head.dep_ == "agent"):
        verb = tok.head if tok.dep_ != "pobj" else tok.head.head
        heads.append(verb)
        heads.extend(c for c in verb.children if c.dep_ == "dobj")   # "stopped work in Seoul"
    for k, h in enumerate(heads):
        code = _place_under(h, 2, LOCATIVE_PREPS if k == 0 else PLACE_ONLY_PREPS)
        if code:
            return code
    return None


PLACE_ONLY_PREPS = ("in", "inside", "across", "throughout")   # on the verb: where it happened, not 'of Kenya'


def _place_under(h, depth: int, preps=LOCATIVE_PREPS) -> Optional[str]:
    """A country named by a locative phrase on ``h``, looking one phrase deeper ('in a prison in Lima')."""
    for c in h.children:
        if c.dep_ != "prep" or c.lower_ not in preps:
            continue
        for g in c.children:
            if g.dep_ != "pobj":
                continue
            e = _ent_of(g.doc, g) if g.ent_type_ else None
            if g.ent_type_ in ("GPE", "LOC"):
                code = country_of(e.text) if e is not None else None
                if code:
                    return code
            elif g.text[:1].isupper() and _country_word(e.text if e is not None else g.text):
                return _country_word(e.text if e is not None else g.text)   # 'in Mali' tagged as a person
            elif depth > 1:
                code = _place_under(g, depth - 1, preps)
                if code:
                    return code
    return None


def _may_be_country(e) -> bool:
    """Places, and ORG/PERSON entities that spaCy mislabels ('Sri Lanka'); a short acronym ('US', 'PRC') only
    when it is a country's own alias, never an organisation's ('UN')."""
    if e.label_ in PLACE_LABELS:
        return True
    if len(e.text) <= 3 and e.text.isupper():
        return _is_country_alias(e.text)
    return True


@functools.lru_cache(maxsize=4096)
def _country_word(text: str) -> Optional[str]:
    """A country's own name or demonym, never a town: a person called 'Bush' is not a place in Egypt."""
    try:
        from communique.geo import gazetteer, normalize

        g = gazetteer()
        return g.countries.get(normalize(text)) or g.demonym(text)
    except (ImportError, AttributeError):
        return None


@functools.lru_cache(maxsize=1024)
def _is_country_alias(text: str) -> bool:
    try:
        from communique.geo import gazetteer, normalize

        return normalize(text) in gazetteer().countries
    except (ImportError, AttributeError):
        return False


DEMONYM_ENDINGS = ("an", "ese", "ish", "i", "ic", "ch")


def _ent_of(sdoc, tok):
    for e in sdoc.ents:
        if e.start <= tok.i < e.end:
            return e
    return None


def _country_in(toks, skip_ent) -> Optional[str]:
    """A country named elsewhere in the phrase ('Iraqi leader Saddam Hussein' → IRQ)."""
    for t in skip_ent:   # a demonym inside the entity: 'Gambian President Dawda Jawara'
        if t.i < skip_ent.end - 1 and t.tag_ in ("JJ", "NNP", "NNPS") and t.lower_.endswith(DEMONYM_ENDINGS):
            c = country_of(t.text)
            if c:
                return c
    for t in toks:
        if skip_ent.start <= t.i < skip_ent.end:
            continue
        if t.ent_type_ in PLACE_LABELS:
            c = country_of(_ent_of(t.doc, t).text)
            if c:
                return c
    return None
