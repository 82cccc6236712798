"""Score extracted documents against hand-made gold files (the format of ``shared/gold/README.md``).

Same rules as the project's evaluation contract: events matched leniently
(HOST and MEET one family, meetings either way round, a visit's target by
country) and strictly (types equal); persons with their country; quotes by
their opening words and speaker; and the cleaning checks (body start and end,
strings that must be absent or appear once, the headline).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from communique.evaluation.matching import as_side, date_fits, key, name_matches
from communique.model import DIPLOMATIC_TYPES

_FAMILY = {"HOST": "MEET"}


@dataclass
class Tally:
    hits: int = 0
    wanted: int = 0
    false_alarms: int = 0

    def add(self, other: "Tally") -> None:
        self.hits += other.hits
        self.wanted += other.wanted
        self.false_alarms += other.false_alarms

    @property
    def precision(self) -> float:
        found = self.hits + self.false_alarms
        return self.hits / found if found else 0.0

    @property
    def recall(self) -> float:
        return self.hits / self.wanted if self.wanted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def share(self) -> float:
        """Hits over wanted; 1.0 when nothing was wanted."""
        return self.hits / self.wanted if self.wanted else 1.0


@dataclass
class GoldReport:
    docs: int = 0
    events: Tally = field(default_factory=Tally)
    events_strict: Tally = field(default_factory=Tally)
    actors: Tally = field(default_factory=Tally)
    quotes: Tally = field(default_factory=Tally)
    cleaning: Tally = field(default_factory=Tally)
    details: list[str] = field(default_factory=list)

    def summary(self) -> dict:
        return {"docs": self.docs, "event_p": self.events.precision, "event_r": self.events.recall,
                "event_f1": self.events.f1, "event_f1_strict": self.events_strict.f1,
                "actor": self.actors.share, "quote": self.quotes.share, "clean": self.cleaning.share}


# --- events -------------------------------------------------------------
def _side_fits(gold_side: Optional[dict], system_side: dict, actors: dict) -> bool:
    if not gold_side:
        return True
    country = gold_side.get("country")
    if country and (system_side.get("country") or "").upper() != country:
        return False
    person = gold_side.get("actor")
    if person:
        return name_matches(system_side.get("name"), actors.get(key(person), {"name": person}))
    return True


def event_matches(gold: dict, system: dict, actors: dict, strict: bool) -> bool:
    g_type, s_type = gold["type"], system.get("type")
    same_type = g_type == s_type if strict else _FAMILY.get(g_type, g_type) == _FAMILY.get(s_type, s_type)
    if not same_type or (system.get("status") or "occurred") != gold.get("status", "occurred"):
        return False
    if not date_fits(gold.get("date"), system.get("date")):
        return False
    g_source, g_target = gold.get("source"), gold.get("target")
    if g_type == "VISIT" and g_target:
        g_target = {"country": g_target.get("country")}
    s_source, s_target = as_side(system.get("source")), as_side(system.get("target"))
    if _side_fits(g_source, s_source, actors) and _side_fits(g_target, s_target, actors):
        return True
    either_way = gold.get("symmetric") or (not strict and _FAMILY.get(g_type, g_type) == "MEET")
    return bool(either_way) and _side_fits(g_source, s_target, actors) and _side_fits(g_target, s_source, actors)


def score_events(gold: dict, system: dict, strict: bool) -> tuple[Tally, list[str]]:
    actors = {key(a["name"]): a for a in gold.get("actors", [])}
    candidates = [e for e in system.get("events") or [] if e.get("type") in DIPLOMATIC_TYPES]
    used: set[int] = set()
    missed: list[str] = []
    tally = Tally()

    def claim(g: dict) -> bool:
        for i, s in enumerate(candidates):
            if i not in used and event_matches(g, s, actors, strict):
                used.add(i)
                return True
        return False

    required = [g for g in gold.get("events", []) if g.get("required", True)]
    for g in required:
        if claim(g):
            tally.hits += 1
        else:
            missed.append(str(g.get("id")))
    for g in gold.get("events", []):  # optional events: found or not, they count for nothing
        if not g.get("required", True):
            claim(g)
    tally.wanted = len(required)
    tally.false_alarms = len(candidates) - len(used)
    return tally, missed


# --- actors, quotes, cleaning ---------------------------------------------
def score_actors(gold: dict, system: dict) -> tuple[Tally, list[str]]:
    wanted = [a for a in gold.get("actors", []) if a.get("kind") == "person" and a.get("country")]
    found = system.get("actors") or []
    missing = [a["name"] for a in wanted
               if not any(name_matches(s.get("name"), a) and (s.get("country") or "").upper() == a["country"]
                          for s in found)]
    return Tally(hits=len(wanted) - len(missing), wanted=len(wanted)), missing


def _speaker_name(quote: dict) -> Optional[str]:
    sp = quote.get("speaker")
    return sp.get("name") if isinstance(sp, dict) else sp


def score_quotes(gold: dict, system: dict) -> tuple[Tally, list[str]]:
    actors = {key(a["name"]): a for a in gold.get("actors", [])}
    wanted = [q for q in gold.get("quotes", []) if q.get("required", True)]
    missing = []
    for q in wanted:
        opening = key(q["starts_with"])
        speaker = q.get("speaker")

        def credited(s: dict) -> bool:
            name = _speaker_name(s)
            if speaker is None:
                return not name
            return name_matches(name, actors.get(key(speaker), {"name": speaker}))

        if not any(opening in key(s.get("text")) and credited(s) for s in system.get("quotes") or []):
            missing.append(q["starts_with"][:40])
    return Tally(hits=len(wanted) - len(missing), wanted=len(wanted)), missing


def cleaning_checks(gold: dict, system: dict) -> tuple[Tally, list[str]]:
    body = key(system.get("text"))
    checks: list[tuple[str, bool]] = []
    if gold.get("body_starts_with"):
        checks.append(("body start", body.startswith(key(gold["body_starts_with"]))))
    if gold.get("body_ends_with"):
        checks.append(("body end", body.endswith(key(gold["body_ends_with"]))))
    for s in gold.get("must_not_contain") or []:
        checks.append((f"contains {s[:30]!r}", key(s) not in body))
    for s in gold.get("exactly_once") or []:
        checks.append((f"not once {s[:30]!r}", body.count(key(s)) == 1))
    if gold.get("title"):
        checks.append(("title", key(system.get("title")) == key(gold["title"])))
    failed = [name for name, ok in checks if not ok]
    return Tally(hits=len(checks) - len(failed), wanted=len(checks)), failed


# --- whole sets --------------------------------------------------------------
def load_gold(gold_dir: Path) -> dict[str, dict]:
    """``{document id: gold}`` from ``*.json`` files named after the documents."""
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(gold_dir).glob("*.json"))}


def score_gold(golds: dict[str, dict], outputs: Iterable[dict]) -> GoldReport:
    """Score output records (``Document.to_dict()``) against every gold document."""
    by_id = {str(d.get("id")): d for d in outputs}
    report = GoldReport(docs=len(golds))
    for doc_id, gold in golds.items():
        system = by_id.get(doc_id)
        if system is None:
            report.details.append(f"{doc_id}: no output")
            system = {}
        elif system.get("error"):
            report.details.append(f"{doc_id}: error record: {system['error']}")
        tally, missed = score_events(gold, system, strict=False)
        report.events.add(tally)
        if missed or tally.false_alarms:
            report.details.append(f"{doc_id}: events missed {missed}, false alarms {tally.false_alarms}")
        report.events_strict.add(score_events(gold, system, strict=True)[0])
        for name, scorer, label in (("actors", score_actors, "actors missing or wrong country"),
                                    ("quotes", score_quotes, "quotes missed"),
                                    ("cleaning", cleaning_checks, "cleaning checks failed")):
            tally, misses = scorer(gold, system)
            getattr(report, name).add(tally)
            if misses:
                report.details.append(f"{doc_id}: {label} {misses}")
    return report
