"""Documents that pass but are of little use are reported per document and in the batch summary.

Issue 11: non-English documents were skipped without a word, mis-decoded text was silent, a
``.txt`` without ``--published`` left every event undated quietly (defect 10); a folder's README
was read as a news story (defect 9).
"""
from __future__ import annotations

import json

from typer.testing import CliRunner

from communique.cli import app

runner = CliRunner(mix_stderr=False) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames else CliRunner()

ENGLISH = ("Foreign ministers of Chile and Peru met in Lima on Monday to discuss fishing rights "
           "along their maritime border, officials said.")
GERMAN = ("Die Außenminister von Österreich und Ungarn trafen sich am Montag in Wien, um über den Ausbau "
          "der Bahnverbindung zwischen beiden Ländern zu sprechen. Die Gespräche dauerten drei Stunden.")


def _err(res) -> str:
    return res.stderr if hasattr(res, "stderr") else res.output


def test_non_english_document_is_named_and_counted(tmp_path):
    (tmp_path / "wien.txt").write_text(GERMAN, encoding="utf-8")
    res = runner.invoke(app, ["extract", str(tmp_path / "wien.txt"), "--published", "2024-05-06"])
    err = _err(res)
    assert res.exit_code == 0, err
    assert "wien" in err and "language 'de' is not extracted" in err
    assert "1 not in a language the extractors read" in err


def test_invalid_utf8_is_reported_per_document_and_in_the_summary(tmp_path):
    raw = ENGLISH.encode("utf-8").replace(b"Lima", b"Lima \xff\xfe\xff")
    (tmp_path / "lima.txt").write_bytes(raw)
    res = runner.invoke(app, ["extract", str(tmp_path / "lima.txt"), "--published", "2024-05-06"])
    err = _err(res)
    assert res.exit_code == 0, err
    assert "lima" in err and ("replaced" in err or "not valid UTF-8" in err)
    assert "with doubtful decoding" in err


def test_plain_text_without_published_warns_that_events_stay_undated(tmp_path):
    (tmp_path / "lima.txt").write_text(ENGLISH, encoding="utf-8")
    res = runner.invoke(app, ["extract", str(tmp_path / "lima.txt")])
    err = _err(res)
    assert res.exit_code == 0, err
    assert "events stay undated" in err and "--published" in err
    dated = runner.invoke(app, ["extract", str(tmp_path / "lima.txt"), "--published", "2024-05-06"])
    assert "undated" not in _err(dated)


def test_ingest_reports_notices_too(tmp_path):
    (tmp_path / "wien.txt").write_text(GERMAN, encoding="utf-8")
    res = runner.invoke(app, ["ingest", str(tmp_path / "wien.txt"), "--db", str(tmp_path / "s.db")])
    err = _err(res)
    assert res.exit_code == 0, err
    assert "language 'de' is not extracted" in err and "notices:" in err


def test_a_folders_readme_is_not_ingested_as_a_story(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "README.md").write_text("# My corpus\n\nStories I saved from the web in 2024.\n", encoding="utf-8")
    (corpus / "lima.txt").write_text(ENGLISH, encoding="utf-8")
    res = runner.invoke(app, ["extract", str(corpus), "--published", "2024-05-06"])
    assert res.exit_code == 0, _err(res)
    ids = [json.loads(line)["id"] for line in res.stdout.splitlines() if line.strip()]
    assert ids == ["lima"]
