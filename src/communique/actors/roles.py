"""Role phrases around a name ("Russia's Deputy Foreign Minister X", "X, the head of Y") and the
country they give.

A role phrase's country is its possessor or demonym ("Kazakhstan's ambassador in
Moscow" → KAZ): places after "to/in/at" are destinations, and a country inside
a department's name ("the Kazakhstan Department of ...") is a topic, not a
nationality.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from communique.actors.candidates import city_place
from communique.actors.lexicon import lexicon
from communique.geo import gazetteer

_LINKS = {"of", "to", "in", "for", "at", "the", "and", "on", "'s", "’s", "-", "a", "an"}
_MODIFIERS = {"senior", "deputy", "first", "former", "acting", "chief", "head", "vice", "then", "top",
              "special", "permanent", "general", "interim", "outgoing", "incoming", "late", "new", "elect",
              "designate"}
_DESTINATION = {"to", "in", "at", "from", "for", "into", "with", "on"}
# where a role names a posting abroad, the place after "in/at" is the posting, not the nationality
_POSTINGS = {"ambassador", "envoy", "consul", "correspondent", "representative", "attache", "attaché",
             "chargé", "charge", "emissary", "bureau", "delegate",
             # a command or mission abroad: "the US commander in Iraq" is American
             "commander", "commanders", "peacekeeper", "peacekeepers", "contingent", "mission", "embassy"}
_ALWAYS_ELSEWHERE = {"to", "into", "with", "for", "on"}
# a country inside the name of a sub-unit is its subject ("the Kazakhstan Department of ...")
# and so is a country name before an expert's noun ("a North Korea expert", "the Japan chair"): a topic, while a
# demonym ("a Korean scholar") still gives a nationality
_TOPIC_UNITS = {"department", "division", "desk", "section", "program", "programme", "unit", "studies", "affairs",
                "expert", "experts", "specialist", "analyst", "scholar", "watcher", "chair", "researcher",
                "observer", "hand", "policy", "project", "initiative", "center", "centre", "institute"}


@dataclass
class RolePhrase:
    start_tok: int
    end_tok: int                     # exclusive
    text: str
    has_title: bool
    country: Optional[str] = None    # the nationality the phrase gives (its last country reference)
    possessor_tok: Optional[int] = None   # token of a person name followed by 's ("Putin's press secretary")
    excluded: set[int] = field(default_factory=set)


def _role_words() -> set[str]:
    lex = lexicon()
    words = set(_MODIFIERS)
    for title in lex.title_sector:
        words.update(title.split())
    words.update(lex.people_nouns)
    return words


_ROLE_WORDS: Optional[set[str]] = None


def role_words() -> set[str]:
    global _ROLE_WORDS
    if _ROLE_WORDS is None:
        _ROLE_WORDS = _role_words()
    return _ROLE_WORDS


def _acceptable(tok) -> bool:
    low = tok.lower_
    if low in role_words() or low in _LINKS:
        return True
    if tok.is_title or tok.is_upper:
        return tok.pos_ in ("PROPN", "NOUN", "ADJ") or bool(gazetteer().country_code(tok.text))
    return False


def _has_title(tokens) -> bool:
    lex = lexicon()
    words = [t.lower_ for t in tokens]
    return any(lex.title_at(words, i) for i in range(len(words))) or any(w in lex.people_nouns for w in words)


def _trim_links(toks):
    while toks and toks[0].lower_ in _LINKS - {"the"} | {"and"}:
        toks = toks[1:]
    while toks and toks[-1].lower_ in _LINKS - {"'s", "’s"}:
        toks = toks[:-1]
    return toks


def phrase_before(sdoc, tok_start: int, stop_at: set[int]) -> Optional[RolePhrase]:
    """The role phrase immediately left of a name (no comma in between)."""
    sent_start = sdoc[tok_start].sent.start if tok_start < len(sdoc) else 0
    j = tok_start - 1
    toks = []
    while j >= sent_start and j not in stop_at and _acceptable(sdoc[j]):
        toks.insert(0, sdoc[j])
        j -= 1
    toks = _trim_links(toks)
    return _analyse(sdoc, toks) if toks else None


def phrase_apposition(sdoc, tok_start: int, tok_end: int, stop_at: set[int]) -> Optional[RolePhrase]:
    """"TITLE PHRASE, Name" or "Name, (the) TITLE PHRASE" — only when the phrase holds a title."""
    if tok_start >= 2 and sdoc[tok_start - 1].text == ",":
        ph = phrase_before(sdoc, tok_start - 1, stop_at)
        if ph and ph.has_title:
            return ph
    if tok_end + 1 < len(sdoc) and sdoc[tok_end].text == ",":
        sent_end = sdoc[tok_end].sent.end
        j = tok_end + 1
        toks = []
        while j < sent_end and j not in stop_at and len(toks) < 20 and not (
                sdoc[j].is_punct and sdoc[j].text not in ("-", "'s", "’s")) and sdoc[j].pos_ not in ("VERB", "AUX"):
            toks.append(sdoc[j])
            j += 1
        toks = _trim_links(toks)
        if toks and _has_title(toks[:8]):
            return _analyse(sdoc, toks)
    return None


def _analyse(sdoc, toks) -> RolePhrase:
    gaz, lex = gazetteer(), lexicon()
    ph = RolePhrase(toks[0].i, toks[-1].i + 1, "".join(t.text_with_ws for t in toks).strip(), _has_title(toks))
    i = 0
    while i < len(toks):
        tok = toks[i]
        # longest country or place reference first ("Ho Chi Minh City" before the town of "Ho")
        for n in (4, 3, 2, 1):
            if i + n > len(toks):
                continue
            span_text = "".join(t.text_with_ws for t in toks[i:i + n]).strip()
            iso = gaz.country(span_text) or gaz.demonym(span_text)
            met = None if iso else gaz.metonym(span_text)
            org = None if iso or met else lex.org(span_text)
            place = None if iso or met or org else (gaz.place(span_text) or city_place(span_text))
            city = place.country if place and place.kind != "country" and span_text[:1].isupper() and (
                place.kind == "capital" or place.population >= 100_000) else None
            code = iso or (met[0] if met else None) or (org.country if org else None) or city
            if not code and n == 1 and tok.pos_ == "PROPN" and i + 1 < len(toks) and toks[i + 1].text in ("'s", "’s"):
                ph.possessor_tok = ph.possessor_tok if ph.possessor_tok is not None else tok.i
            if not code:
                continue
            prev = toks[i - 1].lower_ if i > 0 else ""
            nxt = toks[i + n] if i + n < len(toks) else None
            is_name = bool(gaz.country(span_text))
            topic = is_name and nxt is not None and nxt.lower_ in _TOPIC_UNITS and (nxt.is_title or nxt.is_lower)
            posting = any(t.lower_ in _POSTINGS for t in toks)
            elsewhere = prev in _ALWAYS_ELSEWHERE or (prev in _DESTINATION and posting)
            # "U.S. legal permanent resident": where someone lives, not their nationality
            residence = any(t.lower_ in ("resident", "residents") for t in toks[i + n:i + n + 3])
            ethnic = prev in ("ethnic", "ethnically")          # "an ethnic Uzbek": a people, not a state
            if elsewhere or topic or residence or ethnic:
                ph.excluded.update(t.i for t in toks[i:i + n])
            else:
                ph.country = code      # the last nationality wins: "between Syria and Palestinian leader X"
            i += n - 1
            break
        i += 1
    return ph


def role_text(ph: RolePhrase, sdoc) -> str:
    """The office as written, without a leading article or nationality ("Deputy Foreign Minister")."""
    gaz = gazetteer()
    toks = list(sdoc[ph.start_tok:ph.end_tok])
    while toks and (toks[0].lower_ in ("the", "a", "an") or gaz.country_code(toks[0].text)
                    or toks[0].text in ("'s", "’s")):
        toks = toks[1:]
    if len(toks) >= 2 and toks[-2].lower_ == "of" and gaz.country(toks[-1].text):
        toks = toks[:-2]
    return "".join(t.text_with_ws for t in toks).strip()
