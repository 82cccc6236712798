"""Per-document bounds in the pipeline: a length cap before the parse, a time budget over the stages,
and a hard limit on worker processes. The batch always goes on."""
from __future__ import annotations

import time

from communique.engines.local import extract_parallel
from communique.model import Document
from communique.pipeline import Extractor

STORY = ("Chilean Foreign Minister Alberto van Klaveren met Peruvian Foreign Minister Elmer Schialer in Lima on "
         "Tuesday to discuss fisheries.\nThey agreed to meet again in Santiago next spring, officials said.\n")


def test_an_overlong_text_is_cut_at_a_paragraph_end_and_says_so(extractor):
    long_text = "".join(f"Paragraph {i}: the delegation from Chile met officials in Lima on day {i}.\n"
                        for i in range(100))
    small = Extractor.__new__(Extractor)
    small.__dict__.update(extractor.__dict__)
    small.max_parse_chars = 2_000
    [doc] = list(small.pipe([Document(id="long", raw_text=long_text, published="2024-05-01")]))
    assert doc.error is None
    assert doc.meta["truncated"]["of"] > 2_000 >= doc.meta["truncated"]["at"] == len(doc.text)
    assert doc.text.endswith("\n") or doc.text.endswith(".")
    assert doc.actors and all(m.end <= len(doc.text) for a in doc.actors for m in a.mentions)


def test_a_document_over_its_time_budget_becomes_an_error_record_and_the_batch_goes_on(extractor):
    hurried = Extractor.__new__(Extractor)
    hurried.__dict__.update(extractor.__dict__)
    hurried.doc_timeout = 1e-9
    docs = [Document(id=f"d{i}", raw_text=STORY, published="2024-05-01") for i in range(3)]
    out = list(hurried.pipe(docs))
    assert [d.id for d in out] == ["d0", "d1", "d2"]
    assert all(d.error and "time budget" in d.error and d.meta.get("timed_out") for d in out)
    assert all(d.to_dict()["error"] for d in out)


def test_the_default_budget_leaves_ordinary_documents_alone(extractor):
    assert extractor.doc_timeout and extractor.doc_timeout >= 10
    [doc] = list(extractor.pipe([Document(id="ok", raw_text=STORY, published="2024-05-01")]))
    assert doc.error is None and doc.events and "timed_out" not in doc.meta


def test_lone_surrogates_are_replaced_before_extraction(extractor):
    doc = Document(id="bad\udc80id", raw_text="Leaders met in Oslo \ud800 on Monday.", published="2024-05-01")
    [out] = list(extractor.pipe([doc]))
    assert out.error is None and out.id == "bad\ufffdid" and "\ufffd" in out.text
    assert out.meta["surrogates_replaced"] == 2


# ---------------------------------------------------------------------- hard limit on workers
class _Sleepy:
    """Stands in for a document stuck inside a C extension, where no in-process alarm reaches."""

    def __init__(self, model=None, batch_size=16, doc_timeout=None):
        pass

    def pipe(self, docs):
        for doc in docs:
            if doc.id == "stuck":
                time.sleep(3600)
            doc.title = doc.id.upper()
            yield doc


def sleepy_factory(model=None, batch_size=16, doc_timeout=None):
    return _Sleepy()


def test_a_worker_stuck_past_its_hard_limit_is_killed_and_its_document_is_an_error_record():
    docs = [Document(id=i, raw_text="x") for i in ("a", "stuck", "b", "c")]
    out = list(extract_parallel(docs, workers=2, factory=sleepy_factory, chunk_size=1, doc_timeout=0.5,
                                startup_grace=4))
    assert [d.id for d in out] == ["a", "stuck", "b", "c"]
    stuck = out[1]
    assert stuck.error and "time limit" in stuck.error
    assert [d.title for d in out if d.id != "stuck"] == ["A", "B", "C"]
