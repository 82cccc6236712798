"""The two hand-written lone-sentence PLOVER sets: their shape, and a regression floor on the one that is a
development set now (``plover_lone``). ``plover_lone_b`` is the last look: its shape is checked, its score is
not, so that no test invites tuning against it (score it with ``communique eval plover``)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _validator():
    spec = importlib.util.spec_from_file_location("validate_records", FIXTURES / "plover_lone" / "validate_records.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["plover_lone", "plover_lone_b"])
def test_the_set_keeps_its_data_card(name):
    path = FIXTURES / name / "records.jsonl"
    assert path.stat().st_size > 0
    assert _validator().problems(path) == []


def test_the_development_set_stays_above_its_floor(extractor):
    from communique.evaluation.plover import score_plover
    from communique.model import Document

    records = [json.loads(line) for line in (FIXTURES / "plover_lone" / "records.jsonl").read_text().splitlines()]
    assert len(records) == 120
    outputs = []
    for rec in records:   # the gold field is never shown to the extractor
        doc = extractor.process(Document(id=rec["id"], raw_text=rec["text"], published=rec["published"]))
        outputs.append(doc.to_dict())
    accuracy = score_plover(records, outputs).summary()["type_accuracy"]
    assert accuracy >= 0.76, accuracy   # 0.73 when first scored, 0.80 after its misses were read
