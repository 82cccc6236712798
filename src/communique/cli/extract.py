"""``communique extract``: pages in, one JSON line per document out."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from communique.cli.output import open_output, progress


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)


def extract(
    paths: List[str] = typer.Argument(..., help="Files, directories (recursive), .gz, .jsonl, or '-' for stdin."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write JSON Lines here (default: stdout)."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD for inputs that lack one."),
    model: Optional[str] = typer.Option(None, "--model", help="Any installed spaCy pipeline (default en_core_web_sm)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Extract clean text, actors, events and quotes from news pages."""
    from communique.ingest import read_paths
    from communique.nlp import ModelNotFound
    from communique.pipeline import Extractor

    try:
        extractor = Extractor(model=model)
    except ModelNotFound as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    failed = total = 0
    with open_output(output) as write, progress(quiet) as tick:
        for doc in extractor.pipe(read_paths(paths, published=published)):
            write(doc.to_dict())
            total += 1
            if doc.error:
                failed += 1
                typer.echo(f"warning: {doc.id}: {doc.error}", err=True)
            tick(doc)
    if failed:
        typer.echo(f"{failed} of {total} documents failed (error records written)", err=True)
        raise typer.Exit(1)
