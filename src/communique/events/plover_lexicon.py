"""The PLOVER trigger lexicon, read once from ``data/events_plover.toml``.

Why a separate module: the lexicon is data (editable without touching code);
this module only turns it into lookup tables — lemma → entries for single
words, first-word → entries for multi-word phrases — so matching a sentence is
a dictionary lookup per token instead of a scan over every entry.
"""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Optional

LEXICON_FILE = "events_plover.toml"


@dataclass(frozen=True)
class Entry:
    """One trigger entry: a PLOVER type with its CAMEO code, mode, context and conditions."""

    idx: int
    type: str
    cameo: str
    mode: Optional[str] = None
    context: Optional[str] = None
    weight: float = 0.0
    objects: frozenset = frozenset()
    needs_complement: bool = False
    needs_modifier: frozenset = frozenset()
    transparent: bool = False
    reverse: bool = False                 # "X received Y from Z": Z is the source, X the target
    needs_clause_subject: bool = False    # "X wants Y to V": only with a complement clause that has its own subject
    place_target: bool = False            # "exercises in Y": with no party as target, the place's country is one
    needs_prep: frozenset = frozenset()   # a preposition on the trigger or its object ("evidence against")
    head_object: bool = False             # `objects` must be the object's head ("welcomed the minister"), not a modifier
    modal_demand: bool = False            # "X said Y must V": the modal of a reported clause is the trigger
    party_object: bool = False            # only with a named party as direct object ("helped Egypt", not "helped end")
    needs_hostile_act: bool = False       # a frame that is an event only over a hostile act ("claimed X shelled")
    needs_party_or_act: bool = False      # ... or when it addresses a named party ("warned Russia")
    not_objects: frozenset = frozenset()  # objects that make the word no event ("released a report")
    no_object: bool = False               # only intransitive ("protesters demonstrated", not "demonstrated a will")
    mode_only: bool = False               # a weapon noun: gives an attack its mode, is no event by itself
    plain_object: bool = False            # no object complement: "called the leader" calls, "called the leader a
    #                                       friend" names
    mandative: bool = False               # a demand only over what should be done ("insisted that Y resign",
    #                                       "insisted on talks"), not over a claim ("insisted the vote was fair")


@dataclass
class Lexicon:
    types: dict
    frame_cameo: dict
    threat_mode: dict
    modality: dict
    verbs: dict = field(default_factory=dict)     # lemma -> [Entry]
    nouns: dict = field(default_factory=dict)     # lemma -> [Entry]
    phrases: dict = field(default_factory=dict)   # first word -> [(words tuple, Entry)]
    modals: dict = field(default_factory=dict)    # modal auxiliary -> [Entry] (reported obligations)
    sides: dict = field(default_factory=dict)     # word lists for side resolution ([sides] in the data file)

    def polarity(self, ptype: str) -> str:
        return self.types.get(ptype, {}).get("polarity", "frame")

    def type_cameo(self, ptype: str) -> str:
        return self.types.get(ptype, {}).get("cameo", "")


def _words(text: str) -> tuple:
    return tuple(w for w in re.split(r"[\s\-]+", text.lower()) if w)


def load_lexicon(data: Optional[dict] = None) -> Lexicon:
    """Build the lookup tables from the TOML data (or from ``data`` already parsed, for tests)."""
    if data is None:
        raw = resources.files("communique.data").joinpath(LEXICON_FILE).read_text(encoding="utf-8")
        data = tomllib.loads(raw)
    lex = Lexicon(
        types=data.get("types", {}),
        frame_cameo=data.get("frame_cameo", {}),
        threat_mode=data.get("threat_mode", {}),
        modality={k: set(v) for k, v in data.get("modality", {}).items()},
        sides=data.get("sides", {}),
    )
    for i, t in enumerate(data.get("trigger", [])):
        e = Entry(
            idx=i,
            type=t["type"],
            cameo=str(t.get("cameo") or lex.type_cameo(t["type"])),
            mode=t.get("mode"),
            context=t.get("context"),
            weight=float(t.get("weight", 0.0)),
            objects=frozenset(t.get("objects", ())),
            needs_complement=bool(t.get("needs_complement", False)),
            needs_modifier=frozenset(t.get("needs_modifier", ())),
            transparent=bool(t.get("transparent", False)),
            reverse=bool(t.get("reverse", False)),
            needs_clause_subject=bool(t.get("needs_clause_subject", False)),
            place_target=bool(t.get("place_target", data.get("types", {}).get(t["type"], {}).get("place_target", False))),
            needs_prep=frozenset(t.get("needs_prep", ())),
            head_object=bool(t.get("head_object", False)),
            modal_demand=bool(t.get("modal_demand", False)),
            party_object=bool(t.get("party_object", False)),
            needs_hostile_act=bool(t.get("needs_hostile_act", False)),
            needs_party_or_act=bool(t.get("needs_party_or_act", False)),
            not_objects=frozenset(t.get("not_objects", ())),
            no_object=bool(t.get("no_object", False)),
            mode_only=bool(t.get("mode_only", False)),
            mandative=bool(t.get("mandative", False)),
            plain_object=bool(t.get("plain_object", False)),
        )
        if e.modal_demand:
            for w in t.get("verbs", ()):
                lex.modals.setdefault(w, []).append(e)
            continue
        for key, table in (("verbs", lex.verbs), ("nouns", lex.nouns)):
            for w in t.get(key, ()):
                words = _words(w)
                if len(words) == 1:
                    table.setdefault(words[0], []).append(e)
                else:   # hyphenated / multi-word items are matched as phrases
                    lex.phrases.setdefault(words[0], []).append((words, e))
        for p in t.get("phrases", ()):
            words = _words(p)
            lex.phrases.setdefault(words[0], []).append((words, e))
    for lst in lex.phrases.values():   # longest phrase first
        lst.sort(key=lambda we: -len(we[0]))
    return lex


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The packaged lexicon, parsed once per process."""
    return load_lexicon()
