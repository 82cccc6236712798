"""Article-body quality: bag-of-tokens precision, recall and F1 against hand-extracted bodies.

A bag of words rather than an alignment because it is what published article
extraction benchmarks report, so the number compares with theirs.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Mapping

_TOKEN = re.compile(r"\w+")


def token_bag(text: str) -> Counter:
    return Counter(_TOKEN.findall((text or "").lower()))


def token_prf(reference: str, extracted: str) -> tuple[float, float, float]:
    ref, got = token_bag(reference), token_bag(extracted)
    common = sum((ref & got).values())
    p = common / sum(got.values()) if got else 0.0
    r = common / sum(ref.values()) if ref else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class BodyReport:
    pages: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    worst: list[tuple[str, float]] = field(default_factory=list)

    def summary(self) -> dict:
        return {"pages": self.pages, "precision": self.precision, "recall": self.recall, "f1": self.f1}


def score_bodies(references: Mapping[str, str], extracted: Mapping[str, str], worst: int = 5) -> BodyReport:
    """Mean P/R/F1 over every reference page; a page with no extraction scores zero."""
    scores = {page: token_prf(ref, extracted.get(page, "")) for page, ref in references.items()}
    n = len(scores) or 1
    report = BodyReport(pages=len(scores))
    report.precision = sum(s[0] for s in scores.values()) / n
    report.recall = sum(s[1] for s in scores.values()) / n
    report.f1 = sum(s[2] for s in scores.values()) / n
    report.worst = sorted(((page, s[2]) for page, s in scores.items()), key=lambda x: x[1])[:worst]
    return report
