"""The event-coding flags shared by ``extract`` and ``ingest``: checked once, then handed to every worker."""
from __future__ import annotations

import os
from typing import Optional

import typer


def apply_event_options(mode: str, event_model: Optional[str], min_confidence: float, plover_rules: bool,
                        plover_sides: str = "strict") -> None:
    """Validate the flags and export them to the environment, which worker processes and Ray actors inherit."""
    from communique.events.options import EventOptions

    try:
        options = EventOptions(mode=mode, event_model=event_model, min_confidence=min_confidence,
                               plover_rules=plover_rules, plover_sides=plover_sides)
        if event_model:
            options.coder()     # a wrong folder fails here, once, not in every worker
    except (ValueError, FileNotFoundError, OSError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    os.environ.update(options.to_env())


def event_mode_option():
    return typer.Option("combined", "--event-mode",
                        help="combined: rules for diplomatic engagements plus the trained coder; "
                             "rules: rules only; model: the trained coder only.")


def event_model_option():
    return typer.Option(None, "--event-model",
                        help="Event model folder made by `communique train` (default: the bundled one).")


def min_confidence_option():
    return typer.Option(0.0, "--min-confidence", min=0.0, max=1.0, help="Drop events whose confidence is below this.")


def plover_rules_option():
    return typer.Option(True, "--plover-rules/--no-plover-rules",
                        help="Run the PLOVER trigger rules too (in combined mode checked by the trained coder).")


def plover_sides_option():
    return typer.Option("auto", "--plover-sides",
                        help="auto (default): loose for a text of one sentence, strict for longer ones; strict: a "
                             "PLOVER rule event needs both sides political (an actor, a country or a collective "
                             "such as 'the authorities'), one placed in a country; source: the source, and no "
                             "target only when the sentence names no other party; loose: one political side (a "
                             "side that is no political actor is left empty).")
