"""Exports of canonical events in every format."""
from __future__ import annotations

import csv
import json

import pytest

from communique.export import FORMATS, export_events
from communique.export.codes import goldstein, quad_class
from communique.export.formats import GDELT_COLUMNS
from communique.store import Store
from test_store_fixtures import MEETING_A, MEETING_B, meeting_doc


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "c.db")
    s.ingest([meeting_doc("d1", MEETING_A, "kaznews"), meeting_doc("d2", MEETING_B, "rusnews")])
    yield s
    s.close()


def test_jsonl_is_the_event_dicts(store, tmp_path):
    out = tmp_path / "e.jsonl"
    assert export_events(store, "jsonl", out) == 1
    (rec,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert rec == store.events()[0]


def test_csv_has_flat_columns(store, tmp_path):
    out = tmp_path / "e.csv"
    export_events(store, "csv", out)
    (row,) = list(csv.DictReader(out.open()))
    assert row["source_country"] == "KAZ" and row["target_name"] == "Ivan Sokolov"
    assert row["n_sources"] == "2" and row["cameo"] == "043" and row["goldstein"] == "2.8"
    assert "kaznews.example" in row["urls"] and "rusnews.example" in row["urls"]


def test_parquet_roundtrips(store, tmp_path):
    import pyarrow.parquet as pq

    out = tmp_path / "e.parquet"
    export_events(store, "parquet", out)
    table = pq.read_table(out)
    assert table.num_rows == 1
    assert table.column("type").to_pylist() == ["MEET"]
    assert table.column("n_sources").to_pylist() == [2]


def test_plover_records(store, tmp_path):
    out = tmp_path / "e.plover.jsonl"
    export_events(store, "plover", out)
    (rec,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert rec["actor"] == "Marat Dauletov" and rec["recipient"] == "Ivan Sokolov"
    assert rec["event_type"] == "CONSULT" and rec["mode"] == "meet" and rec["context"] == ["diplomatic"]
    assert rec["event_date"] == "2025-03-03" and rec["location"]["name"] == "Astana"
    assert "Dauletov" in rec["text"]


def test_gdelt_tsv(store, tmp_path):
    out = tmp_path / "e.tsv"
    export_events(store, "gdelt", out)
    header, row = [line.split("\t") for line in out.read_text().splitlines()]
    assert header == GDELT_COLUMNS
    rec = dict(zip(header, row))
    assert rec["SQLDATE"] == "20250303" and rec["EventCode"] == "043" and rec["EventRootCode"] == "04"
    assert rec["QuadClass"] == "1" and rec["GoldsteinScale"] == "2.8"
    assert rec["Actor1CountryCode"] == "KAZ" and rec["Actor2CountryCode"] == "RUS"
    assert rec["NumMentions"] == "2" and rec["NumSources"] == "2"
    assert rec["ActionGeo_FullName"] == "Astana" and rec["ActionGeo_Lat"] == "51.17"
    assert rec["SOURCEURL"].startswith("https://") and rec["GLOBALEVENTID"].isdigit()


def test_filters_and_unknown_format(store, tmp_path):
    assert export_events(store, "jsonl", tmp_path / "none.jsonl", country=["FRA"]) == 0
    assert (tmp_path / "none.jsonl").read_text() == ""
    with pytest.raises(ValueError, match="unknown export format"):
        export_events(store, "xml", tmp_path / "x.xml")
    assert set(FORMATS) == {"jsonl", "csv", "parquet", "plover", "gdelt"}


def test_codes_fall_back_to_roots():
    assert goldstein("0421") == goldstein("042") == 1.9
    assert goldstein("138") == -6.0 and goldstein(None) is None
    assert [quad_class(c) for c in ("042", "061", "112", "190", None)] == [1, 2, 3, 4, None]
