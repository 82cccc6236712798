"""One filter parser for the CLI and the web (issue 11, defect 7), and `search -- -word` (defect 12).

Runs the real commands over a store built from the bundled demo stories (real pipeline).
"""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from communique.cli import app
from demo_store import build

runner = CliRunner(mix_stderr=False) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames else CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return str(build(tmp_path_factory.mktemp("cli") / "demo.db"))


def _events(db, *args) -> list[dict]:
    res = runner.invoke(app, ["events", "--db", db, "-f", "jsonl", "-n", "500", *args])
    assert res.exit_code == 0, res.output
    return [json.loads(line) for line in res.stdout.splitlines() if line.strip()]


def _countries(e: dict) -> set:
    return {(e.get("source") or {}).get("country"), (e.get("target") or {}).get("country")}


def test_comma_separated_countries_mean_any_of_them(db):
    both = _events(db, "--country", "KAZ,RUS")
    assert both
    assert all(_countries(e) & {"KAZ", "RUS"} for e in both)
    repeated = _events(db, "--country", "KAZ", "--country", "RUS")
    assert [e["id"] for e in both] == [e["id"] for e in repeated]
    assert len(both) > len(_events(db, "--country", "RUS"))


def test_iso2_and_country_names_read_like_iso3(db):
    iso3 = [e["id"] for e in _events(db, "--country", "KAZ")]
    assert iso3
    assert [e["id"] for e in _events(db, "--country", "KZ")] == iso3
    assert [e["id"] for e in _events(db, "--country", "Kazakhstan")] == iso3


def test_compact_days_filter_like_iso_days(db):
    compact = _events(db, "--since", "20250101")
    assert compact
    assert [e["id"] for e in compact] == [e["id"] for e in _events(db, "--since", "2025-01-01")]
    assert len(compact) < len(_events(db))


@pytest.mark.parametrize("args, word", [
    (["events", "--type", "FOO"], "FOO"),
    (["events", "--since", "notadate"], "notadate"),
    (["events", "--country", "Narnia"], "Narnia"),
    (["events", "--status", "rumoured"], "rumoured"),
    (["export", "-o", "-", "--country", "Narnia"], "Narnia"),
    (["timeline", "XX", "RUS"], "XX"),
])
def test_bad_filter_values_exit_2_with_a_clear_message(db, args, word):
    res = runner.invoke(app, [*args, "--db", db])
    assert res.exit_code == 2, res.output
    err = res.stderr if hasattr(res, "stderr") else res.output
    assert word in err and "error:" in err


def test_timeline_reads_iso2_codes(db):
    res = runner.invoke(app, ["timeline", "KZ", "RU", "--db", db, "-f", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    assert rows and all(_countries(e) == {"KAZ", "RUS"} for e in rows)


def test_export_filters_like_events(db, tmp_path):
    out = tmp_path / "kaz.jsonl"
    res = runner.invoke(app, ["export", "--db", db, "-o", str(out), "--country", "KZ", "--since", "20230101"])
    assert res.exit_code == 0, res.output
    exported = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert exported
    assert sorted(exported) == sorted(e["id"] for e in _events(db, "--country", "KAZ", "--since", "2023-01-01"))


def test_search_for_a_word_starting_with_a_dash_after_double_dash(db):
    res = runner.invoke(app, ["search", "--db", db, "-f", "jsonl", "--", "-Seitkali"])
    assert res.exit_code == 0, res.output
    assert [line for line in res.stdout.splitlines() if line.strip()]
