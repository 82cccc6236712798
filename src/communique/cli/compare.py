"""``communique eval compare``: baseline, rules, model and combined coders side by side, with rule-family hits."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from communique.cli.evaluate import eval_app


def register(app: typer.Typer) -> None:
    """The command hangs off ``communique eval``; importing this module adds it."""


@eval_app.command("compare")
def compare_command(
    gold_dir: Optional[Path] = typer.Option(None, "--gold", help="Folder of gold JSON files (as for `eval gold`)."),
    inputs: List[str] = typer.Argument(None, help="Inputs to extract for --gold (files, folders, JSONL)."),
    plover: Optional[Path] = typer.Option(None, "--plover", help="PLOVER records (JSONL with text and gold type)."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date for inputs without one."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline (default en_core_web_sm)."),
    event_model: Optional[str] = typer.Option(None, "--event-model", help="Event model folder (default: bundled)."),
) -> None:
    """Score a trivial baseline, rules only, model only and combined on the same parses."""
    from communique.evaluation.compare import VARIANTS, compare

    if gold_dir is None and plover is None:
        typer.echo("error: give --gold GOLD_DIR INPUTS... and/or --plover RECORDS", err=True)
        raise typer.Exit(2)
    if gold_dir is not None and not inputs:
        typer.echo("error: --gold needs the inputs to extract", err=True)
        raise typer.Exit(2)
    result = compare(list(inputs or []), gold_dir, plover, published, model, event_model)
    if result.gold:
        typer.echo(f"{'coder':10s} {'event P':>8s} {'event R':>8s} {'event F1':>9s}")
        for v in VARIANTS:
            s = result.gold[v]
            typer.echo(f"{v:10s} {s['event_p']:8.3f} {s['event_r']:8.3f} {s['event_f1']:9.3f}")
        typer.echo("combined run, events per rule family (coded_by, type): matching gold / all")
        for (by, etype), n in sorted(result.families.items()):
            typer.echo(f"  {by:6s} {etype:10s} {result.family_hits[(by, etype)]:4d} / {n}")
    if result.plover:
        typer.echo("PLOVER type accuracy: " + ", ".join(f"{v} {result.plover[v]:.3f}" for v in VARIANTS))
