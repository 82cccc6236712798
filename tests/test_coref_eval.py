"""Cross-document coreference on the invented engagement set, scored with B-cubed."""
from __future__ import annotations

import pytest

from communique.evaluation.coref import b_cubed, load_stories, run_coref


def test_b_cubed_by_hand():
    gold = {"a": 1, "b": 1, "c": 2}
    assert b_cubed(gold, {"a": "x", "b": "x", "c": "y"}) == (1.0, 1.0, 1.0)
    p, r, f = b_cubed(gold, {"a": "x", "b": "y", "c": "z"})          # every item alone
    assert p == 1.0 and r == pytest.approx((0.5 + 0.5 + 1) / 3)
    p, r, _ = b_cubed(gold, {"a": "x", "b": "x", "c": "x"})          # everything merged
    assert r == 1.0 and p == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)


def test_the_story_set_is_large_enough_and_labelled():
    stories = load_stories()
    engagements = {s["engagement"] for s in stories if not s.get("near_miss_of")}
    assert len(engagements) >= 40
    per = {e: sum(s["engagement"] == e for s in stories) for e in engagements}
    assert min(per.values()) >= 2 and max(per.values()) <= 5
    assert {s["template"] for s in stories} >= {"visit_planned", "visit_month", "visit_range", "visit_arrival"}
    assert len({s["engagement"] for s in stories if s.get("near_miss_of")}) >= 5


def test_coreference_on_the_story_set_meets_its_floor(extractor, tmp_path):
    result = run_coref(extractor=extractor, db_path=str(tmp_path / "coref.db"))
    assert result.items >= 150                          # most stories yield an in-scope event
    assert result.f1 >= 0.90, result.as_dict()
    assert result.precision >= 0.95
    assert result.near_misses >= 5 and result.near_misses_merged == []
    assert result.linked_plans >= 5                     # planned visits linked to the visit that followed
