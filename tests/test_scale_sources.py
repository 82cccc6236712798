"""Input routing: fsspec URLs (here the in-memory filesystem), Parquet shards, globs and unique ids."""
from __future__ import annotations

import gzip
import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

fsspec = pytest.importorskip("fsspec")

from communique.engines.sources import expand_shards, read_shard, read_sources

RECORDS = [{"id": "j1", "text": "Chile and Peru agreed on a maritime border commission on Monday."},
           {"id": "j2", "text": "Norway pledged aid to Ethiopia after the drought, officials in Oslo said."}]


@pytest.fixture()
def bucket():
    from test_warc import make_warc

    fs = fsspec.filesystem("memory")
    root = "/bucket-test/news"
    if fs.exists(root):
        fs.rm(root, recursive=True)
    fs.pipe(f"{root}/a.jsonl.gz", gzip.compress("\n".join(json.dumps(r) for r in RECORDS).encode()))
    fs.pipe(f"{root}/b/c.warc.gz", make_warc())
    fs.pipe(f"{root}/b/note.txt", b"Kenya and Uganda signed a rail agreement in Nairobi.")
    buf = io.BytesIO()
    pq.write_table(pa.Table.from_pylist([{"id": "p1", "text": "Mongolia hosted talks.", "title": "Talks"}]), buf)
    fs.pipe(f"{root}/d.parquet", buf.getvalue())
    fs.pipe(f"{root}/ignore.bin", b"\x00\x01")
    yield "memory://bucket-test/news"
    fs.rm(root, recursive=True)


def test_a_fsspec_folder_expands_to_its_readable_shards_sorted(bucket):
    shards = expand_shards([bucket])
    assert [s.rsplit("/", 1)[-1] for s in shards] == ["a.jsonl.gz", "c.warc.gz", "note.txt", "d.parquet"]
    assert all(s.startswith("memory://") for s in shards)


def test_documents_from_every_remote_shard_kind(bucket):
    docs = list(read_sources([bucket]))
    assert [d.id for d in docs] == ["j1", "j2", "8d3f2a6e-1b2c-4d5e-9f00-112233445566", "note", "p1"]
    assert all(d.error is None for d in docs)
    assert "maritime border" in docs[0].raw_text and "Syr Darya" in docs[2].raw_text
    assert docs[4].title == "Talks" and docs[4].source_path.endswith("d.parquet")


def test_a_glob_selects_shards(bucket):
    assert [d.id for d in read_sources([bucket + "/*.jsonl.gz"])] == ["j1", "j2"]


def test_a_missing_remote_shard_is_an_error_record():
    docs = list(read_shard("memory://bucket-test/nowhere/x.jsonl"))
    assert len(docs) == 1 and "cannot read" in docs[0].error


def test_local_parquet_and_duplicate_ids_across_inputs(tmp_path):
    path = tmp_path / "rows.parquet"
    pq.write_table(pa.Table.from_pylist([{"id": "same", "text": "One."}, {"text": "No id here."}]), path)
    other = tmp_path / "same.txt"
    other.write_text("Two.", encoding="utf-8")
    docs = list(read_sources([str(path), str(other)]))
    assert [d.id for d in docs] == ["same", "rows:2", "same~2"]
    assert docs[2].meta["original_id"] == "same"


def test_a_broken_parquet_file_is_an_error_record(tmp_path):
    path = tmp_path / "bad.parquet"
    path.write_bytes(b"not parquet at all")
    docs = list(read_sources([str(path)]))
    assert len(docs) == 1 and "cannot read Parquet" in docs[0].error
