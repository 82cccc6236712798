"""Shared CLI plumbing: JSON Lines output, safe ``-o`` files and a progress bar on stderr."""
from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import sys
from pathlib import Path
from typing import Callable, Iterator, Optional, TextIO


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


class OutputError(ValueError):
    """An output path that cannot be written; the message is one line for the terminal."""


def output_target(path: Path) -> tuple[Path, bool]:
    """``(where to write, atomically?)`` for ``-o PATH``; :class:`OutputError` when it cannot be written.

    A symlink is written through (its target is replaced, the link stays); a device or FIFO
    (``/dev/null``, ``/dev/stdout``) is written in place, never replaced; a directory or a
    missing folder is refused with a one-line reason.
    """
    path = Path(path)
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    if target.is_dir():
        raise OutputError(f"{path} is a directory; give a file name")
    if target.exists():
        mode = target.stat().st_mode
        if not stat.S_ISREG(mode):
            return target, False
    parent = target.parent
    if not parent.is_dir():
        raise OutputError(f"cannot write {path}: folder {parent} does not exist")
    return target, True


@contextlib.contextmanager
def output_path(path: Path) -> Iterator[str]:
    """A path to hand to a writer that opens files itself (Parquet): a temp file renamed into place
    afterwards, or the device itself. Write errors become :class:`OutputError`."""
    target, atomic = output_target(path)
    tmp = target.with_name(target.name + ".part") if atomic else target
    try:
        yield str(tmp)
        if atomic:
            os.replace(tmp, target)
    except OSError as exc:
        raise OutputError(_why(path, exc)) from None
    finally:
        if atomic and tmp.exists():
            tmp.unlink()


@contextlib.contextmanager
def output_file(path: Path, newline: Optional[str] = None) -> Iterator[TextIO]:
    """A UTF-8 text file for ``-o PATH`` (see :func:`output_target`); write errors (a full disk)
    become :class:`OutputError`."""
    with output_path(path) as where:
        try:
            fh = open(where, "w", encoding="utf-8", newline=newline)
        except OSError as exc:
            raise OutputError(_why(path, exc)) from None
        try:
            yield fh
        except OSError as exc:
            raise OutputError(_why(path, exc)) from None
        finally:
            try:
                fh.close()
            except OSError as exc:      # a full device reports at the final flush
                raise OutputError(_why(path, exc)) from None


def _why(path: Path, exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    if exc.errno == errno.ENOSPC:
        reason = "no space left on the device"
    return f"cannot write {path}: {reason}"


def json_line(rec: dict) -> str:
    """One JSON line any UTF-8 writer accepts (lone surrogates replaced)."""
    line = json.dumps(rec, ensure_ascii=False)
    from communique.ingest.sanitize import has_surrogates, safe_line

    return safe_line(line) if has_surrogates(line) else line


@contextlib.contextmanager
def open_output(path: Optional[Path]) -> Iterator[Callable[[dict], None]]:
    """A writer of JSON lines to ``path`` (written to a temp file, then renamed) or stdout.

    A path that cannot be written (a directory, a missing folder, a full disk) ends the command
    with a one-line error and exit status 2.
    """
    if path is None or str(path) == "-":
        def write(rec: dict) -> None:
            sys.stdout.write(json_line(rec) + "\n")
        yield write
        sys.stdout.flush()
        return
    try:
        with output_file(Path(path)) as fh:
            def write(rec: dict) -> None:
                fh.write(json_line(rec) + "\n")
            yield write
    except OutputError as exc:
        import typer

        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)


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
