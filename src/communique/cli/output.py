"""Shared CLI plumbing: JSON Lines output and a progress bar on stderr."""
from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path
from typing import Callable, Iterator, Optional


def published_day(value: Optional[str]) -> Optional[str]:
    """Typer callback for ``--published``: a readable day or a clear usage error, never silent None."""
    if value is None:
        return None
    from communique.ingest.dates import normalize_day

    day = normalize_day(value)
    if day is None:
        import typer

        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD")
    return day


def published_option():
    import typer

    return typer.Option(None, "--published", callback=published_day,
                        help="Publication date YYYY-MM-DD for inputs that lack one.")


@contextlib.contextmanager
def open_output(path: Optional[Path]) -> Iterator[Callable[[dict], None]]:
    """A writer of JSON lines to ``path`` (written to a temp file, then renamed) or stdout."""
    if path is None or str(path) == "-":
        def write(rec: dict) -> None:
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
        yield write
        sys.stdout.flush()
        return
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8") as fh:
        def write(rec: dict) -> None:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        yield write
    tmp.replace(path)


@contextlib.contextmanager
def progress(quiet: bool = False, total: Optional[int] = None, label: str = "documents"):
    """Yield a ``tick(doc)`` callable driving a rich progress bar on stderr (off when quiet or not a TTY)."""
    if quiet or not sys.stderr.isatty():
        yield lambda doc=None: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task(label, total=total, rate="")

        def tick(doc=None) -> None:
            bar.advance(task)
            t = bar.tasks[0]
            if t.elapsed:
                bar.update(task, rate=f"{t.completed / t.elapsed:.1f}/s")

        yield tick
