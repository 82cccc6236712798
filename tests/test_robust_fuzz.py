"""A seeded slice of ``bench/fuzz.py``: malformed inputs through readers, pipeline and store.

The full run is ``python bench/fuzz.py --n 20000``; this slice keeps the same checks on 150 inputs.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import fuzz  # noqa: E402
from communique.pipeline import Extractor  # noqa: E402


def test_generated_inputs_are_varied_and_deterministic():
    a = list(fuzz.generate(300, seed=7))
    assert [c.data for c in a] == [c.data for c in fuzz.generate(300, seed=7)]
    kinds = {c.kind for c in a}
    assert {"jsonl_mutated", "nested_json", "surrogates", "binary", "truncated_gzip", "bad_html", "encodings",
            "empty", "odd_name", "plain_text", "bad_warc", "bad_feed"} <= kinds


def test_a_seeded_slice_has_no_crash_hang_or_lost_document(extractor):
    quick = Extractor.__new__(Extractor)
    quick.__dict__.update(extractor.__dict__)
    quick.max_parse_chars = fuzz.FUZZ_PARSE_CHARS
    summary, _ = fuzz.fuzz(150, seed=7, cli=False, extractor=quick, hang_seconds=60)
    assert summary.inputs == 150 and summary.documents >= 150
    assert summary.errors > 0 and summary.stored > 0
    assert summary.crashes == [] and summary.hangs == [] and summary.lost == []
