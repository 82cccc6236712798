"""People: find the names the tagger missed or mislabelled, and cluster mentions across spellings.

Why here and not in spaCy: the small English model tags "Kassym-Jomart Tokayev"
ORG, misses "Defense Minister Rustem Umerov" in a list, and knows nothing of
"Li" standing for "Li Wenhua". These rules use titles, name shape and surname
keys, never names.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Optional

from communique.actors.candidates import Cand, described_as_person, looks_like_name
from communique.actors.cluster import Cluster
from communique.actors.lexicon import lexicon
from communique.actors.names import given_keys, is_acronym, name_key, strip_possessive, surname_key
from communique.actors.roles import role_words
from communique.geo import gazetteer


_TITLE_BEFORE = 3   # how many tokens back a bare title still marks a person ("President X")


def promote_people(sdoc, cands: list[Cand]) -> None:
    """ORG → PERSON where the context or the shape says so (spaCy's small model often errs)."""
    lex = lexicon()
    titles = set(lex.title_sector) | lex.people_nouns
    for c in cands:
        unplaced = c.label == "PLACE" and not c.country     # the tagger's GPE for an unknown name
        if not (c.label == "ORG" and not c.sector or unplaced):
            continue
        span = sdoc[c.tok_start:c.tok_end]
        prev = [t.lower_ for t in sdoc[max(c.tok_start - _TITLE_BEFORE, span.sent.start):c.tok_start]]
        titled = bool(prev) and (prev[-1] in titles or " ".join(prev[-2:]) in titles)
        det_before = c.tok_start > 0 and sdoc[c.tok_start - 1].lower_ in ("the", "a", "an")
        title_after = c.tok_end < len(sdoc) and sdoc[c.tok_end].lower_ in titles    # "X Affairs Minister"
        if unplaced:
            # "Mayor Hadi Rudyatmo", "Morgan Kehr, a senior firefighter": a title or a person apposed
            if looks_like_name(list(span)) and (titled or _apposed_person(sdoc, c.tok_end, titles)):
                c.label = "PERSON"
            continue
        if looks_like_name(list(span)) and (titled or not det_before) and not title_after:
            c.label = "PERSON"
        elif not det_before and described_as_person(span[-1]) and _place_led_name(span):
            c.label = "PERSON"          # "Paris Okoth, a teacher in Kisumu": a given name that is also a city
    promote_known_surnames(cands)


def promote_known_surnames(cands: list[Cand]) -> None:
    """A one-word unknown body or place that is the surname of a person named in full is that person; so is a small
    town's name ("Carney" is also a Maryland suburb), never a country, a capital or a big city."""
    known = {surname_key(c.text) for c in cands if c.label == "PERSON" and len(c.text.split()) > 1}
    for c in cands:
        if (c.label == "ORG" and not c.sector or c.label == "PLACE" and (not c.country or _small_town(c.text))) \
                and len(c.text.split()) == 1 and not is_acronym(c.text) and surname_key(c.text) in known:
            c.label = "PERSON"
            c.country = None


SMALL_TOWN = 100_000


def _small_town(text: str) -> bool:
    gaz = gazetteer()
    if gaz.country(text) or gaz.demonym(text) or gaz.metonym(text):
        return False
    place = gaz.place(text)
    return place is not None and place.kind == "city" and place.population < SMALL_TOWN


def _place_led_name(span) -> bool:
    """Two or three capitalised words, the first a town's name but none a country's or an organisation word."""
    lex, gaz = lexicon(), gazetteer()
    words = [t for t in span if t.text not in ("-", "‐")]
    return 2 <= len(words) <= 3 and all(t.is_title and t.is_alpha and t.lower_ not in lex.org_words for t in words) \
        and not any(gaz.country(t.text) or gaz.demonym(t.text) for t in words)


def _apposed_person(sdoc, end: int, titles: set[str]) -> bool:
    """", a senior firefighter" / ", the mayor": an apposition whose head is a title or a people noun."""
    if end >= len(sdoc) or sdoc[end].text != ",":
        return False
    window = sdoc[end + 1:min(len(sdoc), end + 6)]
    if not len(window) or window[0].lower_ not in ("a", "an", "the"):
        return False
    return any(t.lower_ in titles or t.lemma_.lower() in titles for t in window)


def add_titled_names(sdoc, cands: list[Cand]) -> list[Cand]:
    """"Defense Minister Rustem Umerov" when the tagger saw no entity: a title followed by a name-shaped run.

    One pass over plain lists (lower-cased words, sentence starts, the last title seen) rather than a
    span per token: this runs on every token of every document."""
    heads = title_heads()
    covered = {i for c in cands for i in range(c.tok_start, c.tok_end)}
    extra = []
    n = len(sdoc)
    gaz = gazetteer()
    country_ends = {e.end - 1 for e in sdoc.ents if e.label_ == "GPE" and gaz.country(e.text)}
    lower = [t.lower_ for t in sdoc]
    is_head = [w in heads for w in lower]
    sent_start = [0] * n
    for sent in sdoc.sents:
        for k in range(sent.start, sent.end):
            sent_start[k] = sent.start
    last_head = -1          # index of the latest title word before i
    i = 0
    while i < n - 2:
        lo = max(sent_start[i], i - 10)
        titled_before = lo <= last_head < i
        # "Speaker of the Grand National Assembly of Turkey, Mehmet Aydin, arrived": a name apposed to a title;
        # "President of the Republic of Korea Han Sung-min": a name right after the title's country
        apposed = titled_before and sdoc[i].text == ","
        after_country = titled_before and i in country_ends
        if (is_head[i] or apposed or after_country) and i + 1 not in covered:
            j = i + 1
            while j < n and j - i <= 5 and j not in covered and _name_token(sdoc[j]):
                j += 1
            if j - i > 2:
                run = list(sdoc[i + 1:j])
                words = [t for t in run if t.text != "-"]
                if 2 <= len(words) <= 3 and looks_like_name(run) and not any(t.lower_ in role_words() for t in run):
                    extra.append(Cand(run[0].idx, run[-1].idx + len(run[-1].text), sdoc[i + 1:j].text, "PERSON",
                                      i + 1, j))
                    last_head = i if is_head[i] else last_head
                    i = j
                    continue
        if is_head[i]:
            last_head = i
        i += 1
    return sorted(cands + extra, key=lambda c: c.start) if extra else cands


def add_described_names(sdoc, cands: list[Cand]) -> list[Cand]:
    """Names the tagger missed that the sentence itself calls a person: "Nop Vy, the group's executive
    director, said", "Ng Ei Sun, a research fellow with …", "Amina Otieno is the head of …". A run of two or
    three capitalised words whose head has a title or people noun as apposition or as copular predicate."""
    people_words = lexicon().people_words()
    owned = {i for c in cands if c.label != "PLACE" or c.country for i in range(c.tok_start, c.tok_end)}
    extra: list[Cand] = []
    i, n = 0, len(sdoc)
    while i < n:
        if i in owned or not _run_token(sdoc[i]):
            i += 1
            continue
        j = i
        while j < n and j - i < 4 and j not in owned and _run_token(sdoc[j]):
            j += 1
        run = sdoc[i:j]
        if 2 <= len(run) <= 3 and looks_like_name(list(run)) and described_as_person(run[-1]) \
                and not any(t.lower_ in people_words for t in run):
            extra.append(Cand(run.start_char, run.end_char, run.text, "PERSON", i, j))
        i = j
    if not extra:
        return cands
    taken = {k for c in extra for k in range(c.tok_start, c.tok_end)}
    kept = [c for c in cands if not (c.label == "PLACE" and not c.country and taken & set(range(c.tok_start, c.tok_end)))]
    return sorted(kept + extra, key=lambda c: c.start)


def _run_token(tok) -> bool:
    return tok.is_title and tok.is_alpha and not tok.is_sent_end and tok.pos_ in ("PROPN", "NOUN", "INTJ", "X")


def _name_token(tok) -> bool:
    """A capitalised name part, a hyphen inside a name, or the lower-case half of "Sung-min"."""
    if tok.text == "-":
        return tok.i + 1 < len(tok.doc) and tok.nbor().is_alpha and not tok.whitespace_
    if tok.i > 0 and tok.nbor(-1).text == "-" and tok.is_alpha:
        return True
    return tok.pos_ in ("PROPN", "NOUN", "X") and tok.is_title


def title_heads() -> set[str]:
    """Last words of titles ("minister", "president", "ambassador"): what stands right before a name."""
    global _TITLE_HEADS
    if _TITLE_HEADS is None:
        _TITLE_HEADS = {t.split()[-1] for t in lexicon().title_sector} - {"of", "to", "state", "general"}
    return _TITLE_HEADS


_TITLE_HEADS: Optional[set[str]] = None


def add_bare_surnames(sdoc, cands: list[Cand]) -> list[Cand]:
    """A known person's surname that the tagger missed ("Pappas thanked ...") is still that person."""
    known = {surname_key(c.text) for c in cands if c.label == "PERSON" and len(c.text.split()) > 1}
    covered = {i for c in cands for i in range(c.tok_start, c.tok_end)}
    extra = []
    for tok in sdoc:
        # the small model sometimes tags a sentence-opening surname NOUN ("Ilves was quoted as ...")
        if tok.i in covered or tok.pos_ not in ("PROPN", "NOUN") or not tok.is_title or is_acronym(tok.text):
            continue        # "U.N." is no surname, though it folds to "un" as in "Kim Jong Un"
        if surname_key(tok.text) in known:
            extra.append(Cand(tok.idx, tok.idx + len(tok.text), tok.text, "PERSON", tok.i, tok.i + 1))
    return sorted(cands + extra, key=lambda c: c.start) if extra else cands


def cluster_people(cands: list[Cand]) -> list[Cluster]:
    clusters: list[Cluster] = []
    by_surname: dict[str, list[Cluster]] = defaultdict(list)
    people = [c for c in cands if c.label == "PERSON"]
    for c in [p for p in people if len(strip_possessive(p.text).split()) > 1]:
        sk, gk = surname_key(c.text), given_keys(c.text)
        match = next((cl for cl in by_surname[sk] if _given_compatible(cl, gk, c.text)), None)
        if match is None:
            match = Cluster("person", sk)
            clusters.append(match)
            by_surname[sk].append(match)
        match.mentions.append(c)
    for c in [p for p in people if len(strip_possessive(p.text).split()) == 1]:
        sk = surname_key(c.text)
        options = by_surname.get(sk)
        if not options:      # "Li" for "Li Wenhua": family name first (Chinese, Korean, Vietnamese order)
            first = [cl for cl in clusters if cl.mentions and len(cl.mentions[0].text.split()) > 1
                     and name_key(cl.mentions[0].text.split()[0]) == sk]
            options = first if len(first) == 1 else None
        if not options:
            cl = Cluster("person", sk, mentions=[c])
            clusters.append(cl)
            by_surname[sk].append(cl)
            continue
        before = [cl for cl in options if cl.first <= c.start]
        (before[-1] if before else options[0]).mentions.append(c)
    return clusters


_PATRONYMIC = {"bin", "bint", "ibn", "binti"}


def _given_compatible(cl: Cluster, gk: set[str], name: str = "") -> bool:
    """Mentions of one person share a given name. In a name built with "bin"/"bint" the other given names are
    the father's and grandfather's: "Khaled bin Mohamed bin Zayed" is not "Mohamed bin Zayed", so only the first
    given name counts."""
    words = strip_possessive(name).lower().split()
    for m in cl.mentions:
        other = given_keys(m.text)
        if other and gk and not (other & gk):
            return False
        theirs = strip_possessive(m.text).lower().split()
        if words and theirs and (_PATRONYMIC & set(words) or _PATRONYMIC & set(theirs)) \
                and name_key(words[0]) != name_key(theirs[0]):
            return False
    return True
