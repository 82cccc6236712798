"""Event typing on single-sentence records that carry one gold PLOVER event each.

The system's answer for a record is its most confident event (first one on a
tie); a planned meeting or visit should say AGREE in its ``plover`` field,
which is what is compared when present.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Optional


def plover_type(event: dict) -> Optional[str]:
    p = event.get("plover") or {}
    return (p.get("type") if isinstance(p, dict) else p) or event.get("type")


def _country(side) -> Optional[str]:
    if isinstance(side, list):
        side = side[0] if side else None
    if not isinstance(side, dict):
        return None
    return (side.get("country") or "").upper() or None


@dataclass
class PloverReport:
    records: int = 0
    typed: int = 0
    any_hit: int = 0
    silent: int = 0
    confusion: Counter = field(default_factory=Counter)   # (gold, answer) -> count

    def summary(self) -> dict:
        n = self.records or 1
        return {"records": self.records, "type_accuracy": self.typed / n, "any_event_recall": self.any_hit / n,
                "silent": self.silent / n}


def score_plover(records: Iterable[dict], outputs: Iterable[dict]) -> PloverReport:
    by_id = {str(d.get("id")): d for d in outputs}
    report = PloverReport()
    for rec in records:
        gold_type = rec["gold"]["type"]
        events = (by_id.get(str(rec["id"])) or {}).get("events") or []
        report.records += 1
        if not events:
            report.silent += 1
            report.confusion[(gold_type, None)] += 1
            continue
        best = max(events, key=lambda e: e.get("confidence") or 0.0)  # max keeps the first on a tie
        answer = plover_type(best)
        report.typed += answer == gold_type
        report.any_hit += any(plover_type(e) == gold_type for e in events)
        report.confusion[(gold_type, answer)] += 1
    return report
