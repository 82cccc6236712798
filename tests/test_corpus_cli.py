"""The corpus commands through the Typer app."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from communique.cli import app
from test_store_fixtures import MEETING_A, MEETING_B, UNRELATED, meeting_doc, plain_doc

runner = CliRunner(mix_stderr=False) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames else CliRunner()


@pytest.fixture
def db(tmp_path):
    src = tmp_path / "extracted.jsonl"
    docs = [meeting_doc("d1", MEETING_A, "kaznews"), meeting_doc("d2", MEETING_B, "rusnews"), plain_doc("d3", UNRELATED)]
    src.write_text("".join(json.dumps(d.to_dict()) + "\n" for d in docs) + '{"id": "bad", "error": "no body"}\n')
    path = tmp_path / "c.db"
    res = runner.invoke(app, ["ingest", str(src), "--db", str(path), "--extracted", "-q"])
    assert res.exit_code == 0, res.output
    assert "3 added, 0 duplicates, 1 errors" in res.stderr
    return path


def _jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_events_jsonl_and_filters(db):
    res = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl"])
    assert res.exit_code == 0
    (ev,) = _jsonl(res.stdout)
    assert ev["n_sources"] == 2
    res = runner.invoke(app, ["events", "--db", str(db), "-f", "jsonl", "--country", "KAZ", "--type", "MEET",
                              "--status", "occurred", "--since", "2025-03-01", "--until", "2025-03-31",
                              "--actor", "Sokolov"])
    assert len(_jsonl(res.stdout)) == 1
    res = runner.invoke(app, ["events", "--db", str(db), "-f", "jsonl", "--type", "VISIT"])
    assert _jsonl(res.stdout) == []


def test_table_output_for_people(db):
    res = runner.invoke(app, ["events", "--db", str(db)])
    assert res.exit_code == 0 and "MEET" in res.stdout and "1 of 1 events" in res.stdout


def test_actors_timeline_search(db):
    res = runner.invoke(app, ["actors", "Dauletov", "--db", str(db), "-f", "jsonl"])
    assert [a["name"] for a in _jsonl(res.stdout)] == ["Marat Dauletov"]
    res = runner.invoke(app, ["actors", "--db", str(db)])
    assert "Sokolov" in res.stdout
    res = runner.invoke(app, ["timeline", "rus", "kaz", "--db", str(db), "-f", "jsonl"])
    assert [e["type"] for e in _jsonl(res.stdout)] == ["MEET"]
    res = runner.invoke(app, ["search", "krone", "--db", str(db), "-f", "jsonl"])
    assert [d["id"] for d in _jsonl(res.stdout)] == ["d3"]
    res = runner.invoke(app, ["search", "grain", "--db", str(db)])
    assert "d1" in res.stdout


def test_db_from_environment(db, monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_DB", str(db))
    res = runner.invoke(app, ["events", "-f", "jsonl"])
    assert res.exit_code == 0 and len(_jsonl(res.stdout)) == 1


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "plover", "gdelt"])
def test_export(db, tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    res = runner.invoke(app, ["export", "--db", str(db), "--format", fmt, "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert out.stat().st_size > 0 and "1 events" in res.stderr


def test_store_errors_are_one_line_without_traceback(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"garbage" * 500)
    res = runner.invoke(app, ["events", "--db", str(bad)])
    assert res.exit_code == 1
    assert "not a Communique database" in res.stderr and "Traceback" not in res.stderr + res.stdout
    res = runner.invoke(app, ["events", "--db", str(tmp_path / "absent.db")])
    assert res.exit_code == 1 and "no database" in res.stderr
    res = runner.invoke(app, ["events", "--db", str(bad), "--format", "xml"])
    assert res.exit_code == 2


@pytest.mark.slow
def test_ingest_runs_the_pipeline(tmp_path):
    page = tmp_path / "story.txt"
    page.write_text("Leaders meet in Astana\n\n" + MEETING_A + "\n", encoding="utf-8")
    db = tmp_path / "c.db"
    for _ in range(2):
        res = runner.invoke(app, ["ingest", str(page), "--db", str(db), "--published", "2025-03-04", "-q"])
        assert res.exit_code == 0, res.output
    assert "0 added, 1 duplicates" in res.stderr
