"""Cross-document coreference scored with B-cubed: are N stories of one engagement one engagement in the store?

The stories (``tests/fixtures/coref/stories.jsonl`` by default) are invented
reports, each labelled with the engagement it tells. They are extracted by the
real pipeline and ingested into a fresh store; every stored mention whose two
sides are the story's two countries is an item, its gold cluster is the
story's engagement.

The system's cluster of a mention is its canonical event, joined with
(1) the plan it fulfils or the occurrence that fulfils it (``fulfils``), and
(2) canonical events of another family between the same two countries whose
dates overlap it (the talks held during a visit). Events of one family are
never joined here: merging them is the store's job, and a split there counts.

Near misses (engagements marked ``near_miss_of``: the same pair a month later,
a return visit) are reported separately: how many share a system cluster with
the engagement they resemble.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Iterable, Optional

DEFAULT_STORIES = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "coref" / "stories.jsonl"


@dataclass
class CorefResult:
    precision: float
    recall: float
    f1: float
    items: int
    engagements: int
    stories: int
    stories_without_items: list[str] = field(default_factory=list)
    near_misses: int = 0
    near_misses_merged: list[str] = field(default_factory=list)
    canonical_events: int = 0
    linked_plans: int = 0

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def load_stories(path: Optional[str | Path] = None) -> list[dict]:
    with open(path or DEFAULT_STORIES, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def b_cubed(gold: dict, system: dict) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of ``system`` clusters against ``gold`` (both: item → cluster id)."""
    items = [i for i in gold if i in system]
    if not items:
        return 0.0, 0.0, 0.0
    by_gold, by_sys = defaultdict(set), defaultdict(set)
    for i in items:
        by_gold[gold[i]].add(i)
        by_sys[system[i]].add(i)
    p = sum(len(by_gold[gold[i]] & by_sys[system[i]]) / len(by_sys[system[i]]) for i in items) / len(items)
    r = sum(len(by_gold[gold[i]] & by_sys[system[i]]) / len(by_gold[gold[i]]) for i in items) / len(items)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


class _Union:
    def __init__(self):
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a, b) -> None:
        self.parent[self.find(a)] = self.find(b)


def _day(s: Optional[str]) -> Optional[date]:
    try:
        return date.fromisoformat(s[:10]) if s else None
    except ValueError:
        return None


def engagement_clusters(db) -> dict[int, int]:
    """Canonical event rowid → engagement cluster (plan links, and cross-family overlap on one country pair)."""
    rows = db.execute("SELECT rowid, family, date_start, date_end, source_country, target_country, fulfils "
                      "FROM events").fetchall()
    u = _Union()
    by_pair: dict[tuple, list] = defaultdict(list)
    for rowid, family, start, end, sc, tc, fulfils in rows:
        u.find(rowid)
        if fulfils:
            u.join(rowid, fulfils)
        d0, d1 = _day(start), _day(end or start)
        if sc and tc and sc != tc and d0:
            by_pair[tuple(sorted((sc, tc)))].append((rowid, family, d0, d1 or d0))
    slack = timedelta(days=1)
    for events in by_pair.values():
        for i, (a, fa, a0, a1) in enumerate(events):
            for b, fb, b0, b1 in events[i + 1:]:
                if fa != fb and a0 <= b1 + slack and b0 <= a1 + slack:
                    u.join(a, b)
    return {rowid: u.find(rowid) for rowid, *_ in rows}


def score_store(store, stories: Iterable[dict]) -> CorefResult:
    """Score an ingested store against the stories' gold engagements."""
    stories = list(stories)
    story_by_id = {s["id"]: s for s in stories}
    db = store.db
    clusters = engagement_clusters(db)
    gold, system = {}, {}
    for doc_id, event_id, event_row, sc, tc in db.execute(
            "SELECT s.source_id, m.event_id, m.event, e.source_country, e.target_country FROM mentions m "
            "JOIN sources s ON s.doc = m.doc JOIN events e ON e.rowid = m.event"):
        story = story_by_id.get(doc_id)
        if story is None or {sc, tc} != set(story["countries"]):
            continue
        item = (doc_id, event_id)
        gold[item] = story["engagement"]
        system[item] = clusters[event_row]
    p, r, f = b_cubed(gold, system)
    with_items = {doc for doc, _ in gold}
    merged = []
    near = [s for s in stories if s.get("near_miss_of")]
    for eid in sorted({s["engagement"] for s in near}):
        of = next(s["near_miss_of"] for s in near if s["engagement"] == eid)
        mine = {system[i] for i, g in gold.items() if g == eid}
        theirs = {system[i] for i, g in gold.items() if g == of}
        if mine & theirs:
            merged.append(eid)
    return CorefResult(
        precision=round(p, 4), recall=round(r, 4), f1=round(f, 4), items=len(gold),
        engagements=len({s["engagement"] for s in stories}), stories=len(stories),
        stories_without_items=sorted(s["id"] for s in stories if s["id"] not in with_items),
        near_misses=len({s["engagement"] for s in near}), near_misses_merged=merged,
        canonical_events=db.execute("SELECT count(*) FROM events").fetchone()[0],
        linked_plans=db.execute("SELECT count(*) FROM events WHERE fulfils IS NOT NULL").fetchone()[0])


def run_coref(stories_path: Optional[str | Path] = None, extractor=None, db_path: str = ":memory:") -> CorefResult:
    """Extract the stories with the real pipeline, ingest them story by story in publication order, score."""
    from communique.model import Document
    from communique.pipeline import Extractor
    from communique.store import Store

    stories = load_stories(stories_path)
    extractor = extractor or Extractor()
    ordered = sorted(stories, key=lambda s: (s["published"], s["id"]))
    docs = [Document(id=s["id"], raw_text=s["text"], published=s["published"]) for s in ordered]
    with Store(db_path) as store:
        store.ingest(extractor.pipe(docs))
        return score_store(store, stories)
