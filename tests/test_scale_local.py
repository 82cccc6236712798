"""The local worker pool: order, bounded memory, crash isolation, and the same records as one process."""
from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from communique.engines.local import extract_parallel
from communique.model import Document


class UpperExtractor:
    """A stand-in pipeline (no spaCy) so pool behaviour is tested in milliseconds.

    ``boom`` kills its worker process outright, ``raise`` raises out of ``pipe``.
    """

    def __init__(self, model=None, batch_size=16):
        self.model = model

    def pipe(self, docs):
        for doc in docs:
            if doc.id == "boom":
                os._exit(3)
            if doc.id == "raise":
                raise RuntimeError("pipe blew up")
            doc.text = (doc.raw_text or "").upper()
            doc.meta["pid"] = os.getpid()
            yield doc


def upper_factory(model=None, batch_size=16):
    return UpperExtractor(model, batch_size)


def failing_factory(model=None, batch_size=16):
    raise OSError("no such model: nope")


def _docs(ids):
    return [Document(id=i, raw_text=f"text of {i}") for i in ids]


def test_two_workers_keep_input_order_and_use_both_processes():
    ids = [f"d{i}" for i in range(60)]
    out = list(extract_parallel(_docs(ids), workers=2, factory=upper_factory, chunk_size=3))
    assert [d.id for d in out] == ids
    assert all(d.text == f"TEXT OF {d.id}".upper() for d in out)
    assert os.getpid() not in {d.meta["pid"] for d in out}


def test_one_worker_runs_in_this_process():
    out = list(extract_parallel(_docs(["a", "b"]), workers=1, factory=upper_factory))
    assert [d.meta["pid"] for d in out] == [os.getpid()] * 2


def test_a_worker_crash_gives_one_error_record_and_the_batch_goes_on():
    ids = [f"d{i}" for i in range(10)] + ["boom"] + [f"e{i}" for i in range(10)]
    out = list(extract_parallel(_docs(ids), workers=2, factory=upper_factory, chunk_size=4))
    assert [d.id for d in out] == ids
    errors = {d.id: d.error for d in out if d.error}
    assert list(errors) == ["boom"]
    assert "worker process died" in errors["boom"]


def test_an_exception_escaping_the_pipeline_is_isolated_to_its_document():
    ids = ["a", "raise", "b", "c"]
    out = list(extract_parallel(_docs(ids), workers=2, factory=upper_factory, chunk_size=4))
    assert [d.id for d in out] == ids
    assert [d.id for d in out if d.error] == ["raise"]
    assert "pipe blew up" in out[1].error


def test_a_worker_that_cannot_load_its_model_reports_it_on_every_document():
    out = list(extract_parallel(_docs(["a", "b", "c"]), workers=2, factory=failing_factory, chunk_size=1))
    assert [d.id for d in out] == ["a", "b", "c"]
    assert all("worker could not start" in d.error and "nope" in d.error for d in out)


def test_input_is_pulled_lazily_so_memory_stays_bounded():
    pulled = []

    def source():
        for i in range(10_000):
            pulled.append(i)
            yield Document(id=f"d{i}", raw_text="x")

    results = extract_parallel(source(), workers=2, factory=upper_factory, chunk_size=5, window=2)
    first = next(results)
    assert first.id == "d0"
    assert len(pulled) <= 5 * (2 * 2 + 1)  # the in-flight window plus the chunk being refilled
    results.close()


STORIES = [
    {"id": "s1", "published": "2025-03-04", "title": "Ministers meet",
     "text": "Russian Foreign Minister Sergey Lavrov met Kazakh Foreign Minister Murat Nurtleu in Astana on "
             "Tuesday. The two ministers signed an agreement on border trade. \"We trust our neighbours,\" "
             "Lavrov told reporters after the talks."},
    {"id": "s2", "published": "2025-03-05", "title": "Sanctions",
     "text": "The European Union imposed new sanctions on Iran on Wednesday, officials in Brussels said. "
             "Tehran condemned the decision and accused the bloc of hostility."},
    {"id": "s3", "text": ""},
    {"id": "s4", "published": "2025-03-06", "title": "Visit",
     "text": "Japanese Prime Minister Shigeru Ishiba will visit Canberra next week to meet Australian Prime "
             "Minister Anthony Albanese, the government in Tokyo announced on Thursday."},
]


def _without_meta(rec):
    rec = dict(rec)
    rec.pop("meta", None)
    return rec


def test_cli_with_two_workers_writes_the_same_records_as_one(tmp_path):
    from communique.cli import app

    src = tmp_path / "stories.jsonl"
    src.write_text("\n".join(json.dumps(s) for s in STORIES) + "\n{broken\n", encoding="utf-8")
    runner = CliRunner()
    outs = {}
    for n in (1, 2):
        out = tmp_path / f"out{n}.jsonl"
        result = runner.invoke(app, ["extract", str(src), "-o", str(out), "--workers", str(n), "-q"])
        assert result.exit_code == 1, result.output  # the empty story and the broken line are error records
        outs[n] = [_without_meta(json.loads(line)) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in outs[1]] == ["s1", "s2", "s3", "s4", "stories:5"]
    assert outs[1] == outs[2]
    assert outs[1][0]["actors"], "the first story names several actors"


def test_cli_refuses_a_missing_model_before_starting_workers(tmp_path):
    from communique.cli import app

    src = tmp_path / "a.txt"
    src.write_text("Some text.", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(src), "--workers", "2", "--model", "no_such_pipeline_xyz"])
    assert result.exit_code == 2
    assert "not installed" in result.output

