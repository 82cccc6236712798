"""The Ray engine gives the same records as the local engine, and writes documents and events as Parquet."""
from __future__ import annotations

import io
import json

import pytest

ray = pytest.importorskip("ray")
pytest.importorskip("ray.data")

from communique.engines import ray_engine  # noqa: E402
from communique.engines.local import extract_parallel  # noqa: E402
from communique.engines.sources import read_sources  # noqa: E402

STORIES = [
    {"id": "r1", "published": "2025-05-02", "title": "Leaders meet",
     "text": "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Thursday. The two "
             "leaders signed an agreement on energy cooperation, the Kremlin said. \"Our partnership is strong,\" "
             "Putin told reporters."},
    {"id": "r2", "published": "2025-05-03", "title": "Protest",
     "text": "Poland summoned the Belarusian ambassador on Friday to protest against border incidents. Warsaw "
             "accused Minsk of staging provocations."},
    {"id": "r3", "text": ""},
    {"id": "r4", "published": "2025-05-04", "title": "Aid",
     "text": "Germany pledged 50 million euros in humanitarian aid to Sudan, Foreign Minister Annalena Baerbock "
             "announced in Berlin on Saturday."},
]


CRASH_MARKER = "zz-test-crash-zz"


@pytest.fixture(scope="module")
def local_ray():
    """A local Ray whose workers honour the test-only crash hook."""
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
             runtime_env={"env_vars": {ray_engine.CRASH_HOOK_ENV: CRASH_MARKER}})
    yield
    ray.shutdown()


@pytest.fixture()
def inputs(tmp_path):
    """A JSON Lines shard (with a broken line), a Parquet shard and a WARC shard."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from test_warc import make_warc

    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text("\n".join(json.dumps(s) for s in STORIES) + "\n{not json\n", encoding="utf-8")
    parquet = tmp_path / "b.parquet"
    pq.write_table(pa.Table.from_pylist([
        {"id": "p1", "title": "Talks", "published": "2025-05-05",
         "text": "Indian Prime Minister Narendra Modi called Japanese Prime Minister Shigeru Ishiba on Monday."},
        {"id": "p2", "title": None, "published": None,
         "text": "Brazil and Argentina agreed to cut tariffs on steel, officials in Brasilia said."},
    ]), parquet)
    warc = tmp_path / "c.warc.gz"
    warc.write_bytes(make_warc())
    return [str(jsonl), str(parquet), str(warc)]


def comparable(rec: dict) -> dict:
    """A record minus the fields that legitimately differ between runs (model/timing meta)."""
    rec = dict(rec)
    rec.pop("meta", None)
    return rec


@pytest.mark.slow
def test_ray_records_equal_local_records_and_parquet_holds_documents_and_events(local_ray, inputs, tmp_path):
    import pyarrow.parquet as pq

    local = [comparable(d.to_dict()) for d in extract_parallel(read_sources(inputs), workers=1)]
    collected: list[dict] = []
    result = ray_engine.run(inputs, output_dir=str(tmp_path / "out"), workers=2, collect=collected.append)
    on_ray = [comparable(r) for r in collected]

    assert [r["id"] for r in on_ray] == [r["id"] for r in local]
    assert on_ray == local
    assert len(local) == 8 and sum("error" in r for r in local) == 2  # the empty story and the broken line
    assert result["documents"] == 8 and result["failed"] == 2

    docs = pq.read_table(result["documents_dir"]).to_pylist()
    assert sorted(d["id"] for d in docs) == sorted(r["id"] for r in local)
    by_id = {d["id"]: d for d in docs}
    assert comparable(json.loads(by_id["r1"]["record"])) == local[0]
    assert sum(d["n_events"] for d in docs) > 0, "the stories hold meetings, signings, protests and aid"
    events = pq.read_table(result["events_dir"]).to_pylist()
    assert len(events) == sum(d["n_events"] for d in docs)
    assert {e["doc_id"] for e in events} <= set(by_id)
    for e in events:
        assert json.loads(e["record"])["type"] == e["type"]


def test_ray_refuses_network_inputs():
    """The fast Ray check of the default run: the engine imports and validates inputs without a cluster."""
    with pytest.raises(ValueError, match="local engine"):
        ray_engine.extracted_dataset(["urls:list.urls"])


def test_attempt_ledger_reports_unfinished_attempts():
    ledger = ray_engine.AttemptLedger()
    assert ledger.begin("batch:1") == 0
    assert ledger.begin("batch:1") == 1            # the first attempt never ended: its worker died
    ledger.end("batch:1")
    assert ledger.begin("batch:1") == 0


@pytest.mark.slow
def test_a_document_that_kills_its_worker_becomes_an_error_record(local_ray, tmp_path):
    stories = [dict(s) for s in STORIES if s["text"]]
    stories.insert(1, {"id": "killer", "published": "2025-05-02",
                       "text": f"A page whose parse takes its worker down {CRASH_MARKER} with it."})
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(s) + "\n" for s in stories), encoding="utf-8")
    collected: list[dict] = []
    result = ray_engine.run([str(src)], workers=1, batch_size=2, collect=collected.append)
    assert [r["id"] for r in collected] == [s["id"] for s in stories]
    by_id = {r["id"]: r for r in collected}
    assert by_id["killer"]["error"] == ray_engine.DIED
    assert result == {"documents": len(stories), "failed": 1}
    assert all("error" not in r and r["text"] for i, r in by_id.items() if i != "killer")
