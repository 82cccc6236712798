"""Repair spaCy's entities into actor candidates.

The small English model often merges a place with a following name ("Moscow
Imangali Tasmagambetov"), tags people as ORG ("Kassym-Jomart Tokayev"), keeps
possessives and leading verbs ("Knowing Tokayev's"). These rules fix the
shape of each entity using the gazetteer and the lexicons only — never names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span

from communique.actors.lexicon import lexicon
from communique.geo import gazetteer

WANTED = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
_NAME_PART = re.compile(r"^[A-ZÀ-ÞĀ-ſ][\w’'\-]*$")
_POSSESSIVE = {"'s", "’s", "'", "’"}
_NOT_NAME_TAGS = {"VBG", "VBN", "VBD", "VB", "VBZ", "RB", "IN", "DT", "PRP", "PRP$", "WDT", "WP"}


@dataclass
class Cand:
    start: int          # char offsets into the text
    end: int
    text: str
    label: str          # PERSON | ORG | COUNTRY | NORP | PLACE
    tok_start: int
    tok_end: int        # exclusive
    country: Optional[str] = None
    sector: Optional[str] = None
    possessive: bool = False


def _tokens_text(tokens) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def looks_like_name(tokens) -> bool:
    """2–4 capitalised word parts, none an organisation word or a gazetteer hit."""
    lex, gaz = lexicon(), gazetteer()
    words = [t for t in tokens if t.text not in ("-", "‐")]
    if not 1 <= len(words) <= 5:
        return False
    for t in words:
        after_hyphen = t.i > 0 and t.nbor(-1).text in ("-", "‐") and t.text.isalpha()   # Korean "Min-jun"
        if not (_NAME_PART.match(t.text) or after_hyphen) or t.text.lower() in lex.org_words:
            return False
        if gaz.country_code(t.text) or lex.org(t.text):
            return False
    return len(words) >= 2


def classify(text: str, label: str) -> tuple[str, Optional[str], Optional[str]]:
    """(kind, country, sector) of an entity's text from the gazetteer and lexicons; THING for vehicles,
    monuments, buildings and documents, which are never actors."""
    lex, gaz = lexicon(), gazetteer()
    if lex.thing(text):
        return "THING", None, None
    if label in ("ORG", "PERSON") and re.sub(r"^the\s+", "", text.lower()) in lex.title_sector:
        return "ROLE", None, None      # "the Minister of Foreign Affairs" names an office; its holder follows
    user = _user_entry(text)
    if user is not None and label != "PERSON" and (user.country or user.sector):
        # the user's dictionary wins: "GONDOR [GON]" is a country, "ITHILEN_TELEVISION [ITHTV]" a body
        return ("COUNTRY" if user.country and not user.sector else "ORG"), user.country, user.sector
    if gaz.country(text):
        return "COUNTRY", gaz.country(text), None
    if gaz.demonym(text):
        return "NORP", gaz.demonym(text), None
    met = gaz.metonym(text)
    if met:
        return "ORG", met[0], met[1]
    org = lex.org(text)
    if org:
        return "ORG", org.country, org.sector
    known = _kb_org(text)
    if known:            # outlets, ministries, think tanks of the KB: never people ("Vestnik Kavkaza")
        return "ORG", known.country, known.sector or None
    if label in ("GPE", "LOC", "FAC"):
        # "New York", "Ho Chi Minh", "Quezon": the gazetteer may know a city only by its "… City" name
        place = gaz.place(text) or (city_place(text) if label == "GPE" else None)
        return "PLACE", place.country if place else None, None
    words = text.lower().replace("’s", "").split()
    # the tagger's "Kyiv" PERSON, "Dushanbe" ORG or "Abu Dhabi" PERSON
    place = gaz.place(text) if label in ("PERSON", "ORG") else None
    if place and (place.kind == "capital" or place.population >= 500_000):
        return "PLACE", place.country, None
    if label == "PERSON":
        org_words = [w for w in words if w in lex.org_words]
        if org_words and not (2 <= len(words) <= 3 and len(org_words) == 1 and org_words[0] in lex.org_surnames):
            return "ORG", None, None
        return "PERSON", None, None
    if label == "NORP":
        return "NORP", None, None
    return "ORG", None, None


def city_place(text: str):
    """A city the gazetteer knows only as "… City" ("New York", "Ho Chi Minh", "Quezon"), for a many-word name."""
    return gazetteer().place(text + " City") if " " in text.strip() else None


def _user_entry(text: str):
    from communique.kb import knowledge_base

    return knowledge_base().user_entry(text)


def _kb_org(text: str):
    from communique.kb import knowledge_base

    return knowledge_base().org(text)


#: lower-case name particles: a PERSON entity ending in one runs on into the capitalised rest ("von der Leyen")
_PARTICLES = {"von", "van", "der", "den", "de", "la", "del", "da", "dos", "bin", "ibn", "al", "el", "le", "ter"}


def _with_particle_tail(sdoc, ent):
    """"Ursula von der" + "Leyen": the tagger stops after a particle; the name goes on to the next capital."""
    if ent.label_ != "PERSON" or ent[-1].lower_ not in _PARTICLES or not ent[-1].is_lower:
        return ent
    e = ent.end
    while e < len(sdoc) and e - ent.end < 2 and sdoc[e].is_title and sdoc[e].pos_ in ("PROPN", "NOUN", "X"):
        e += 1
    return Span(sdoc, ent.start, e, label=ent.label_) if e > ent.end else ent


def _with_hyphenated_tail(sdoc, ent):
    """"Guinea" tagged in "Guinea-Bissau": the entity runs on when the hyphenated whole is a country."""
    e = ent.end
    if e + 1 < len(sdoc) and sdoc[e].text == "-" and not sdoc[e - 1].whitespace_ and not sdoc[e].whitespace_:
        whole = Span(sdoc, ent.start, e + 2, label=ent.label_)
        if gazetteer().country(whole.text):
            return whole
    return ent


def _segments(ent):
    """Split an entity at line breaks, commas ("Ministry of Culture, Zia Haqmal") and an inner possessive
    ("Cornell's Casanova"); trimming later drops leading non-name words and trailing possessives."""
    seg = []
    for k, tok in enumerate(ent):
        if "\n" in tok.text or tok.is_space or tok.text == ",":
            if seg:
                yield seg
            seg = []
        elif tok.text in ("'s", "’s") and 0 < k < len(ent) - 1:
            seg.append(tok)
            yield seg
            seg = []
        else:
            seg.append(tok)
    if seg:
        yield seg


def _leading_title(seg) -> bool:
    """"Mr. Modi", "PM Modi", "Spokesperson Mumtaz Zahra Baloch", "H.E. Sheikh …": a title or honorific the
    tagger took into the name; it belongs to the role, and the name must stay linkable."""
    if len(seg) < 2 or not seg[1].is_title:
        return False
    if len(seg) >= 3 and seg[2].is_title and lexicon().title_at([t.lower_ for t in seg[:2]], 0) == (2, "GOV"):
        return True     # "Crown Prince Mohammed …": the first word of a two-word title goes, then the second
    return is_title_word(seg[0].lower_)


def _ends_a_title(seg) -> bool:
    """"Head of State Kassym-Jomart Tokayev" tagged from "State" (or "State" alone after "Secretary of"): the first
    word closes a title that starts before the entity, so it is the role's, not the name's."""
    if len(seg) >= 2 and not seg[1].is_title:
        return False
    doc, first = seg[0].doc, seg[0].i
    titles = lexicon().title_sector
    return any(" ".join(t.lower_ for t in doc[first - back:first + 1]) in titles for back in (1, 2, 3)
               if first - back >= 0)


def is_title_word(word: str) -> bool:
    """"mr.", "dr", "h.e.", "pm", "president": a word that stands before a name without being part of it."""
    lex = lexicon()
    return word in _HONORIFICS or word.rstrip(".") in _HONORIFICS or (word in lex.title_sector and word not in
                                                                      lex.org_surnames)


#: honorifics that stand before a name and are never part of it
_HONORIFICS = {"mr", "mrs", "ms", "dr", "prof", "h.e.", "he", "excellency", "madam", "sir", "h.h.", "h.m.", "h.r.h."}


def _trim(seg):
    while seg and (seg[0].pos_ not in ("PROPN", "NOUN", "ADJ", "NUM") or seg[0].lower_ == "the"
                   or seg[0].tag_ in _NOT_NAME_TAGS
                   or (seg[0].is_sent_start and seg[0].lower_.endswith("ing") and len(seg) > 1)
                   or _leading_title(seg) or _ends_a_title(seg)):
        seg = seg[1:]
    possessive = False
    while seg and (seg[-1].text in _POSSESSIVE or seg[-1].is_punct):
        possessive = possessive or seg[-1].text in _POSSESSIVE
        seg = seg[:-1]
    return seg, possessive


def described_as_person(head) -> bool:
    """The sentence calls the name whose head is ``head`` a person: an apposed title or people noun ("X, a
    lawmaker", "X, the group's director") or a copular one ("X is the executive director of …")."""
    words = lexicon().people_words()

    def is_people(tok) -> bool:
        return tok.lemma_.lower() in words or tok.lower_ in words
    if any(c.dep_ == "appos" and is_people(c) for c in head.children):
        return True
    if head.dep_ == "appos" and is_people(head.head):
        return True                                  # "One trader, Bashir Qadri, told reporters"
    verb = head.head
    return head.dep_ == "nsubj" and verb.lemma_ == "be" and any(
        c.dep_ == "attr" and is_people(c) for c in verb.children)


def _split_prefix(seg):
    """'Kazakhstan Kassym-Jomart Tokayev' → ('Kazakhstan', 'Kassym-Jomart Tokayev'); a known place as a whole
    ("Ho Chi Minh City", whose first word is also a town) is never split."""
    gaz, lex = gazetteer(), lexicon()
    if gaz.place(_tokens_text(seg)) or city_place(_tokens_text(seg)):
        return None
    for k in range(1, len(seg)):
        prefix = _tokens_text(seg[:k])
        if not gaz.country(prefix) and not lex.org(prefix) and described_as_person(seg[-1]):
            continue    # "Aden Barre Duale, a lawmaker": a given name that is also a city
        org_tail = seg[k - 1].lower_ in lex.org_words and seg[k - 1].is_title \
            and not (k == 1 and seg[0].lower_ in lex.org_surnames)      # "Park Soo-jin" is one name
        if (gaz.country_code(prefix) or lex.org(prefix) or org_tail) and (
                looks_like_name(seg[k:]) or gaz.country(prefix) and _one_name_after_titled_country(seg, k)):
            return seg[:k], seg[k:]
    return None


def _titled_of(first) -> bool:
    """The token ``first`` follows "<title> of [the]" ("President of the Republic of X", "Minister for Foreign
    Affairs of X"): the formal style of readouts, where the holder's name follows the country."""
    doc, i = first.doc, first.i - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 1 or doc[i].lower_ != "of":
        return False
    return any(is_title_word(t.lower_) for t in doc[max(0, i - 6):i])


def _one_name_after_titled_country(seg, k: int) -> bool:
    """"(Foreign Minister of) the Republic of Indonesia Retno": a one-word name (common in Indonesia and Myanmar)
    after a titled country, not a place or an organisation word."""
    rest = seg[k:]
    if len(rest) != 1 or not _titled_of(seg[0]):
        return False
    word = rest[0]
    return word.pos_ == "PROPN" and word.is_title and not gazetteer().country_code(word.text) \
        and word.lower_ not in lexicon().org_words


def _names_a_thing(seg) -> bool:
    """"the Bronze Horseman statue", "a statue of Peter the Great": the name labels a thing, not an actor."""
    heads = lexicon().thing_heads
    doc = seg[0].doc
    after = doc[seg[-1].i + 1] if seg[-1].i + 1 < len(doc) else None
    before = doc[seg[0].i - 2:seg[0].i] if seg[0].i >= 2 else []
    return bool(after is not None and after.lower_ in heads
                or (len(before) == 2 and before[1].lower_ == "of" and before[0].lower_ in heads))


def _make(seg, label, possessive=False) -> Cand:
    text = _tokens_text(seg)
    thing = label in ("PERSON", "FAC", "ORG") and not gazetteer().country_code(text) and _names_a_thing(seg)
    kind, country, sector = ("THING", None, None) if thing else classify(text, label)
    return Cand(seg[0].idx, seg[-1].idx + len(seg[-1].text), text, kind, seg[0].i, seg[-1].i + 1,
                country, sector, possessive)


def entity_candidates(sdoc) -> list[Cand]:
    """Cleaned candidates from spaCy's entities, in text order."""
    out: list[Cand] = []
    reach = 0               # end token of the last (possibly extended) entity
    for ent in sdoc.ents:
        if ent.label_ not in WANTED or ent.start < reach:
            continue
        ent = _with_particle_tail(sdoc, _with_hyphenated_tail(sdoc, ent))
        reach = ent.end
        for seg in _segments(ent):
            seg, possessive = _trim(seg)
            if not seg or (len(seg) == 1 and ent.label_ == "PERSON" and is_title_word(seg[0].lower_)):
                continue        # "H.E. Sheikh" split from the name that follows: a title alone names nobody
            split = _split_prefix(seg)
            if split:
                head, rest = split
                out.append(_make(head, ent.label_))
                out.append(_make(rest, "PERSON", possessive))
            else:
                out.append(_make(seg, ent.label_, possessive))
    return _names_after_titled_countries(sdoc, _missed_countries(sdoc, _join_split_names(sdoc, out)))


def _join_split_names(sdoc, cands: list[Cand]) -> list[Cand]:
    """Two person entities with nothing between them are one name the tagger cut ("Samia Suluhu" + "Hassan",
    "Abdel Fattah" + "el-Sisi"): five words at most, and no possessive on the first."""
    out: list[Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        if prev is not None and prev.label == c.label == "PERSON" and prev.tok_end == c.tok_start \
                and not prev.possessive and (c.tok_end - prev.tok_start) <= 5:
            out[-1] = _make(sdoc[prev.tok_start:c.tok_end], "PERSON", c.possessive)
            continue
        out.append(c)
    return out


def _names_after_titled_countries(sdoc, cands: list[Cand]) -> list[Cand]:
    """"the Head of State of the Republic of Ghana John Mahama": the name after a titled country, which the tagger
    often leaves untagged, is the office-holder (one to four capitalised words, up to the next comma,
    verb or lower-case word)."""
    covered = {i for c in cands for i in range(c.tok_start, c.tok_end)}
    extra = []
    for c in cands:
        if c.label not in ("COUNTRY", "PLACE") or not _titled_of(sdoc[c.tok_start]):
            continue
        end, words = c.tok_end, 0
        while end < len(sdoc) and words < 4 and end not in covered and (
                sdoc[end].pos_ == "PROPN" and sdoc[end].is_title
                or sdoc[end].text in ("-", "‐") and end > c.tok_end and not sdoc[end].whitespace_
                or sdoc[end].is_alpha and sdoc[end - 1].text in ("-", "‐") and end - 1 > c.tok_end):   # "Sung-min"
            words += sdoc[end].text not in ("-", "‐")
            end += 1
        while end > c.tok_end and sdoc[end - 1].text in ("-", "‐"):
            end -= 1
        seg = sdoc[c.tok_end:end]
        if len(seg) and (looks_like_name(seg) or _one_name_after_titled_country(sdoc[c.tok_start:end],
                                                                              c.tok_end - c.tok_start)):
            extra.append(_make(seg, "PERSON"))
    return sorted(cands + extra, key=lambda c: c.start) if extra else cands


def _missed_countries(sdoc, cands: list[Cand]) -> list[Cand]:
    """One-word country names and national capitals the tagger left untagged ("Ambassador X of Nigeria", "Kyiv
    insisted …"), unless they sit inside a run of capitalised words (a name such as "Michael Jordan" or a body's
    name)."""
    gaz = gazetteer()
    covered = {i for c in cands for i in range(c.tok_start, c.tok_end)}
    extra = []
    for tok in sdoc:
        if tok.i in covered or tok.pos_ != "PROPN" or not tok.is_title or tok.ent_type_:
            continue
        iso = gaz.country(tok.text)
        if not iso and not gaz.seat_of_state(tok.text):
            continue
        near = [sdoc[k] for k in (tok.i - 1, tok.i + 1) if 0 <= k < len(sdoc)]
        if any(t.is_title and t.pos_ == "PROPN" and not t.is_sent_start for t in near):
            continue
        extra.append(Cand(tok.idx, tok.idx + len(tok.text), tok.text, "COUNTRY", tok.i, tok.i + 1, iso)
                     if iso else _make(sdoc[tok.i:tok.i + 1], "GPE"))
    return sorted(cands + extra, key=lambda c: c.start) if extra else cands
