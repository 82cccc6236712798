"""``communique train``: retrain the event coder on labeled passages (the project's own, or a user's ontology)."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer


def register(app: typer.Typer) -> None:
    app.command("train")(train_command)


def train_command(
    data: List[Path] = typer.Argument(..., help="Labeled passage files (JSON Lines) or folders of them; "
                                                "format in docs/training.md."),
    output: Path = typer.Option(..., "-o", "--output", help="Folder to write the trained event model to "
                                                            "(replaced if it exists); use it with --event-model."),
    seed: int = typer.Option(17, "--seed", help="Random seed: the same data and seed give the same model."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline used to parse the passages "
                                                              "(default: en_core_web_sm)."),
    symmetric: Optional[str] = typer.Option(None, "--symmetric",
                                            help="Comma-separated event types whose sides are interchangeable "
                                                 "(default: MEET,CALL,SIGN,CONSULT,COOPERATE)."),
    epochs: Optional[int] = typer.Option(None, "--epochs", help="Training epochs (default: the config's)."),
) -> None:
    """Train the event coder: for each sentence and pair of parties, event types, status and direction."""
    from communique.train.examples import DEFAULT_SYMMETRIC
    from communique.train.run import train

    for p in data:
        if not p.exists():
            typer.echo(f"error: {p}: no such file or folder", err=True)
            raise typer.Exit(2)
    sym = [s.strip().upper() for s in symmetric.split(",") if s.strip()] if symmetric else DEFAULT_SYMMETRIC
    try:
        report = train(data, output, seed=seed, parse_model=model, symmetric=sym, max_epochs=epochs)
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    typer.echo(f"trained on {report.passages} passages: {report.examples}")
    for label in report.labels:
        state = "off (dev precision below the floor)" if label in report.disabled else \
            f"threshold {report.thresholds[label]}"
        typer.echo(f"  {label:10s} {state}")
    typer.echo(f"model written to {report.output}")
