"""Every command and option explains itself; --version; the Ray hint survives the terminal styling."""
from __future__ import annotations

import typer
from typer.testing import CliRunner

from communique.cli import app

runner = CliRunner()


def _commands(cmd, prefix: str = ""):
    yield prefix or "communique", cmd
    if hasattr(cmd, "commands"):
        for name, sub in cmd.commands.items():
            yield from _commands(sub, f"{prefix} {name}".strip())


def test_version_prints_the_installed_version():
    from importlib.metadata import version

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"communique {version('communique')}"


def test_every_option_and_argument_of_every_command_has_help():
    root = typer.main.get_command(app)
    commands = list(_commands(root))
    assert len(commands) > 10
    missing = []
    for name, cmd in commands:
        for param in cmd.params:
            if param.name == "help":
                continue
            if not (getattr(param, "help", None) or "").strip():
                missing.append(f"{name} {param.opts[0] if param.opts else param.name}")
    assert not missing, missing


def test_export_filters_and_eval_bars_are_documented_in_help():
    out = runner.invoke(app, ["export", "--help"], terminal_width=200).output
    for option in ("--country", "--since", "--until", "--type", "--status", "--actor"):
        assert option in out
    assert "ISO2" in out or "ISO3" in out
    root = typer.main.get_command(app)
    gold = root.commands["eval"].commands["gold"]
    bars = [p for p in gold.params if p.name.startswith("min")]
    assert bars and all(p.help for p in bars)


def test_extract_help_shows_the_ray_extra_verbatim():
    out = runner.invoke(app, ["extract", "--help"], terminal_width=250).output
    assert "communique[ray]" in out


def test_search_help_says_how_to_search_for_a_dash_word():
    out = runner.invoke(app, ["search", "--help"], terminal_width=200).output
    assert "-- -Tokayev" in out
