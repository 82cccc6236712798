"""``communique extract``: pages in, one JSON line per document out (or Parquet shards on Ray)."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from communique.cli.events_options import (event_mode_option, event_model_option, min_confidence_option,
                                            plover_rules_option, plover_sides_option)

from communique.cli.actors_options import actors_dict_option, apply_actors_dicts
from communique.cli.output import open_output, progress, published_option


class Engine(str, Enum):
    local = "local"
    ray = "ray"


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)


def extract(
    paths: List[str] = typer.Argument(..., help="Files, directories (recursive), .gz, .jsonl, .parquet, .warc, "
                                      "'-' for stdin, fsspec URLs (s3://...), http(s) pages or feeds, "
                                      "'feed:FILE-or-URL', 'urls:FILE' (or *.urls) lists of URLs."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write JSON Lines here (default: stdout)."),
    published: Optional[str] = published_option(),
    model: Optional[str] = typer.Option(None, "--model", help="Any installed spaCy pipeline (default en_core_web_sm)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes (local) or actors (ray); "
                                "each loads the model once."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local: this machine's processes; "
                                  "ray: Ray Data (needs the optional extra: pip install 'communique[ray]'; "
                                  "$RAY_ADDRESS for a cluster)."),
    output_dir: Optional[str] = typer.Option(None, "--output-dir", help="Ray: write Parquet shards to "
                                             "DIR/documents and DIR/events (a local path or fsspec URL)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    event_mode: str = event_mode_option(),
    event_model: Optional[str] = event_model_option(),
    min_confidence: float = min_confidence_option(),
    plover_rules: bool = plover_rules_option(),
    plover_sides: str = plover_sides_option(),
    actors_dict: List[str] = actors_dict_option(),
) -> None:
    """Extract clean text, actors, events and quotes from news pages."""
    from communique.cli.events_options import apply_event_options

    apply_actors_dicts(actors_dict)
    apply_event_options(event_mode, event_model, min_confidence, plover_rules, plover_sides)
    if engine is Engine.ray:
        _extract_on_ray(paths, output, output_dir, published, model, workers, quiet)
        return
    if output_dir:
        typer.echo("error: --output-dir writes Parquet with --engine ray; the local engine writes -o JSON Lines",
                   err=True)
        raise typer.Exit(2)
    _extract_locally(paths, output, published, model, workers, quiet)


def _check_model(model: Optional[str]) -> None:
    """Fail fast (exit 2) on a missing model, before any worker starts."""
    import importlib.util

    from communique.nlp import ModelNotFound, default_model_name

    try:
        name = model or default_model_name()
    except ModelNotFound as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    if not Path(name).exists() and not name.startswith("blank:") and importlib.util.find_spec(name) is None:
        typer.echo(f"error: spaCy pipeline {name!r} is not installed (Communique never downloads models)", err=True)
        raise typer.Exit(2)


def _extract_locally(paths, output, published, model, workers, quiet) -> None:
    from communique.engines.local import extract_parallel
    from communique.engines.sources import read_sources

    from communique.cli.notices import BatchNotices

    _check_model(model)
    failed = total = 0
    notices = BatchNotices(lambda line: typer.echo(line, err=True), quiet)
    with open_output(output) as write, progress(quiet) as tick:
        for doc in extract_parallel(read_sources(paths, published=published), workers=workers, model=model):
            write(doc.to_dict())
            total += 1
            if doc.error:
                failed += 1
                if not quiet:
                    typer.echo(f"warning: {doc.id}: {doc.error}", err=True)
            notices.see(doc)
            tick(doc)
    if notices.summary():
        typer.echo(f"{total} documents; {notices.summary()}", err=True)
    _finish(total, failed)


def _extract_on_ray(paths, output, output_dir, published, model, workers, quiet) -> None:
    try:
        from communique.engines import ray_engine

        ray_engine._ray()
    except ImportError:
        typer.echo("error: --engine ray needs the optional extra: pip install 'communique[ray]'", err=True)
        raise typer.Exit(2)
    except ray_engine.RayUnavailable as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    _check_model(model)
    collect_to = output if (output is not None or not output_dir) else None
    try:
        if collect_to is None:
            result = ray_engine.run(paths, output_dir=output_dir, workers=workers, model=model,
                                    published=published, quiet=quiet)
        else:
            with open_output(collect_to) as write, progress(quiet) as tick:
                def collect(rec: dict) -> None:
                    write(rec)
                    tick()

                result = ray_engine.run(paths, output_dir=output_dir, workers=workers, model=model,
                                        published=published, quiet=quiet, collect=collect)
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    if output_dir:
        typer.echo(f"wrote {result['documents']} documents to {result['documents_dir']} "
                   f"and their events to {result['events_dir']}", err=True)
    _finish(result["documents"], result["failed"])


def _finish(total: int, failed: int) -> None:
    if failed:
        typer.echo(f"{failed} of {total} documents failed (error records written)", err=True)
        raise typer.Exit(1)
