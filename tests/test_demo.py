"""``communique demo``: the bundled sample corpus, the one-command run and what it prints."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from communique.cli import app
from communique.cli.demo import stories_path


def _stories() -> list[dict]:
    rows = [json.loads(line) for line in stories_path().read_text("utf-8").splitlines() if line.strip()]
    assert rows
    return rows


def test_sample_corpus_is_bundled_dated_and_covers_several_dyads_and_years():
    rows = _stories()
    assert 12 <= len(rows) <= 20
    for r in rows:
        assert r["id"] and r["title"] and r["text"] and r["published"][:2] == "20"
    years = {r["published"][:4] for r in rows}
    assert len(years) >= 5
    kaz_rus = [r for r in rows if r["id"].startswith("kaz-rus") and "visit" in r["title"].lower()]
    assert {r["published"][:4] for r in kaz_rus} == {"2019", "2025"}


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    result = CliRunner().invoke(app, ["demo", "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db, result.output


def test_demo_prints_headline_results_and_how_to_open_the_explorer(demo_run):
    db, out = demo_run
    assert "Documents: 16" in out
    assert "Events by type:" in out and "VISIT" in out
    assert "Busiest country pairs:" in out and "KAZ–RUS" in out
    assert f"communique serve {db}" in out


def test_demo_compares_the_two_kazakhstan_russia_visits(demo_run):
    _, out = demo_run
    block = out.split("Protocol:", 1)[1]
    lines = [line for line in block.splitlines() if line.strip().startswith("20")]
    assert len(lines) == 2, block
    first, second = lines
    assert first.strip().startswith("2019") and "official visit" in first and "Deputy Foreign Minister" in first
    assert second.strip().startswith("2025") and "state visit" in second and "First Deputy Prime Minister" in second
    assert "fighter jets" in block and "honor guard" in block
    levels = [int(x.split("reception level ")[1].split()[0]) for x in block.splitlines() if "reception level " in x
              and not x.strip().startswith("(")]
    assert len(levels) == 2 and levels[1] > levels[0]


def test_demo_rerun_is_idempotent(demo_run):
    db, _ = demo_run
    again = CliRunner().invoke(app, ["demo", "--db", str(db)])
    assert again.exit_code == 0, again.output
    assert "0 stories added, 16 already stored" in again.output
    assert "Documents: 16" in again.output


def test_readme_starts_with_the_two_commands_and_ci_runs_the_second():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text("utf-8")
    block = readme.split("```", 2)[1]
    lines = [line for line in block.splitlines()[1:] if line.strip()]
    assert lines == ['pip install -e . && communique demo', 'pip install -e ".[test]" && python -m pytest']
    assert lines[1] in (root / ".ci" / "run").read_text("utf-8").splitlines()
    import tomllib

    extras = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["project"]["optional-dependencies"]
    test_extra = " ".join(extras["test"])
    for package in ("pytest", "hypothesis", "httpx", "playwright", "ray[data]"):
        assert package in test_extra
    assert "ray" in extras and "browser" in extras and "dev" in extras
