"""The benchmark corpus generator: deterministic, news-like, and read by the normal readers."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import corpus  # noqa: E402


def test_generator_is_deterministic_and_varied():
    a = list(corpus.generate(50, seed=3))
    assert a == list(corpus.generate(50, seed=3))
    assert a != list(corpus.generate(50, seed=4))
    assert len({r["id"] for r in a}) == 50 and len({r["text"] for r in a}) == 50


def test_stories_look_like_news():
    recs = list(corpus.generate(40))
    words = [len(r["text"].split()) for r in recs]
    assert min(words) >= 80 and sum(words) / len(words) >= 200
    text = " ".join(r["text"] for r in recs)
    assert '"' in text and " said" in text
    assert sum(c in text for c, _, _ in corpus.COUNTRIES) >= 20
    assert all(r["published"].startswith("2025-") and r["title"] for r in recs)


def test_written_corpus_reads_back_through_the_readers(tmp_path):
    from communique.ingest import read_paths

    path = corpus.write_corpus(str(tmp_path / "c.jsonl"), 5)
    docs = list(read_paths([path]))
    assert [d.id for d in docs] == [f"gen-{i:06d}" for i in range(5)]
    assert all(d.error is None and d.published for d in docs)


@pytest.mark.slow
def test_throughput_bench_runs_end_to_end(capsys):
    import throughput

    throughput.main(["--docs", "8", "--no-ray"])
    out = capsys.readouterr().out
    assert "spaCy nlp.pipe (bare parse)" in out and "communique extract, 2 workers" in out
