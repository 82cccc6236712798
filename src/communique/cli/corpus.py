"""Corpus commands: ``ingest``, ``events``, ``actors``, ``timeline``, ``search``, ``export``.

Each is a thin shell over :class:`communique.store.Store`; a :class:`StoreError`
is printed as one line (no traceback) and exits with status 1.
"""
from __future__ import annotations

import functools
import importlib.util
import json
import sys
from pathlib import Path
from typing import Iterator, List, Optional

import typer

from communique.cli.events_options import (event_mode_option, event_model_option, min_confidence_option,
                                            plover_rules_option, plover_sides_option)

from communique.cli.actors_options import actors_dict_option, apply_actors_dicts
from communique.cli.output import progress, published_option

DB_HELP = "Database file (default: $COMMUNIQUE_DB or communique.db)."


def register(app: typer.Typer) -> None:
    for name, fn in (("ingest", ingest), ("events", events), ("actors", actors), ("timeline", timeline),
                     ("search", search), ("export", export)):
        app.command(name)(fn)


def _db_option():
    return typer.Option("communique.db", "--db", envvar="COMMUNIQUE_DB", help=DB_HELP)


def _fmt_option():
    return typer.Option("table", "--format", "-f", help="table (for people) or jsonl (for programs).")


def _store_errors(fn):
    """Print StoreError (and bad arguments) as one line on stderr and exit 1."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from communique.store import StoreError

        try:
            return fn(*args, **kwargs)
        except StoreError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1)
        except ValueError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2)
    return wrapper


def _open(db: str, readonly: bool = True):
    from communique.store import Store

    return Store(db, readonly=readonly)


# ---------------------------------------------------------------------- ingest
def _read_extracted(paths: List[str]) -> Iterator:
    """Documents from JSON Lines written by ``communique extract`` (no re-extraction)."""
    from communique.ingest.records import parse_json
    from communique.ingest.sanitize import scrub_document
    from communique.model import Document, error_document

    for p in paths:
        fh = sys.stdin if p == "-" else open(p, encoding="utf-8", errors="replace")
        with fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                rec, problem = parse_json(line)     # never raises, however deep the nesting
                if problem or not isinstance(rec, dict):
                    yield error_document(f"{Path(p).stem}:{n}", f"broken JSON line: {problem or 'not an object'}", p)
                    continue
                if rec.get("error"):
                    doc_id = str(rec.get("id") or f"{Path(p).stem}:{n}")
                    yield scrub_document(error_document(doc_id, str(rec["error"]), p))
                    continue
                rec.pop("schema", None)
                try:
                    yield scrub_document(Document.from_dict(rec))
                except (TypeError, ValueError, AttributeError) as exc:
                    yield error_document(f"{Path(p).stem}:{n}", f"not a communique record: {exc}", p)


@_store_errors
def ingest(
    paths: List[str] = typer.Argument(..., help="Files or directories to extract and store ('-' for stdin)."),
    db: str = _db_option(),
    published: Optional[str] = published_option(),
    model: Optional[str] = typer.Option(None, "--model", help="Any installed spaCy pipeline (default en_core_web_sm)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes, each loading the model once."),
    extracted: bool = typer.Option(False, "--extracted", help="Inputs are JSON Lines from `communique extract`: store them as they are."),
    batch_size: int = typer.Option(50, "--batch-size", min=1, help="Documents per transaction."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    actors_dict: List[str] = actors_dict_option(),
    event_mode: str = event_mode_option(),
    event_model: Optional[str] = event_model_option(),
    min_confidence: float = min_confidence_option(),
    plover_rules: bool = plover_rules_option(),
    plover_sides: str = plover_sides_option(),
) -> None:
    """Extract documents and store them; idempotent and safe to rerun after a crash."""
    from communique.cli.events_options import apply_event_options
    from communique.store import Store

    apply_actors_dicts(actors_dict)
    apply_event_options(event_mode, event_model, min_confidence, plover_rules, plover_sides)

    store = Store(db)
    extract = None                  # raw documents → extracted ones; the store skips known inputs before it
    if extracted:
        docs = _read_extracted(paths)
    else:
        from communique.engines.local import extract_parallel
        from communique.engines.sources import read_sources
        from communique.nlp import ModelNotFound, default_model_name

        try:                        # fail fast, before any worker starts, without loading it (a rerun may need none)
            name = model or default_model_name()
            if not Path(name).exists() and importlib.util.find_spec(name.split("/")[0]) is None:
                raise ModelNotFound(f"spaCy pipeline {name!r} is not installed")
        except (ModelNotFound, ValueError) as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2)
        docs = read_sources(paths, published=published)

        def extract(raw):
            return extract_parallel(raw, workers=workers, model=model)
    from communique.cli.notices import BatchNotices

    notices = BatchNotices(lambda line: typer.echo(line, err=True), quiet)
    with store, progress(quiet, label="stored") as tick:
        def seen(doc, outcome):
            tick(doc)
            if outcome == "error" and not quiet:
                typer.echo(f"warning: {doc.id}: {doc.error or 'could not store'}", err=True)
            if outcome == "added":
                notices.see(doc)
        stats = store.ingest(docs, batch_size=batch_size, on_document=seen, extract=extract)
        total_docs, total_events = store.count_documents(), store.count_events()
    typer.echo(f"{stats['added']} added, {stats['duplicates']} duplicates, {stats['errors']} errors, "
               f"{stats['events']} event mentions → {db} ({total_docs} documents, {total_events} events)", err=True)
    if notices.summary():
        typer.echo(notices.summary(), err=True)


# ---------------------------------------------------------------------- queries
def _side(s: Optional[dict]) -> str:
    if not s:
        return ""
    name, country = s.get("name"), s.get("country")
    return f"{name} ({country})" if name and country and name != country else (name or country or "")


def _emit(rows: list[dict], fmt: str, title: str, columns: tuple[str, ...], cells, narrow=()) -> None:
    """JSON Lines for programs, or a rich table for people (``cells(row)`` gives the table's strings)."""
    if fmt == "jsonl":
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    t = Table(title=title)
    for col in columns:
        t.add_column(col, overflow="fold", no_wrap=col in narrow)
    for r in rows:
        t.add_row(*cells(r))
    Console().print(t)


def _event_cells(r: dict) -> list[str]:
    loc = r.get("location") or {}
    ev = next((s["text"] for m in r["mentions"] for s in m["evidence"] if s.get("text")), "")
    return [r.get("date_start") or "", r["type"], r["status"], _side(r["source"]), _side(r["target"]),
            loc.get("name") or "", str(r["n_sources"]), f"{r['confidence']:.2f}", ev[:90] + ("…" if len(ev) > 90 else "")]


def _print_events(rows: list[dict], fmt: str, title: str) -> None:
    _emit(rows, fmt, title, ("date", "type", "status", "source", "target", "place", "src", "conf", "evidence"),
          _event_cells, narrow=("date", "type", "src", "conf"))


def _check_format(fmt: str) -> None:
    if fmt not in ("table", "jsonl"):
        raise ValueError(f"unknown --format {fmt!r}; use table or jsonl")


FILTER_HELP = {
    "actor": "Actor name, alias or id (either side).",
    "country": "Country on either side: ISO3 (KAZ), ISO2 (KZ) or a name; repeat or comma-separate (KAZ,RUS) "
               "for any of them.",
    "type": "Event type: VISIT, HOST, MEET, CALL, SIGN, INVITE, CONDOLE, PRAISE or a PLOVER type (ACCUSE, ...).",
    "status": "occurred | planned | negated | hypothetical.",
    "since": "From this day on: YYYY-MM-DD or YYYYMMDD (YYYY-MM and YYYY start there). Undated events count "
             "by their reported date.",
    "until": "Up to this day, inclusive (same forms; YYYY means to its end).",
}


def _filter_options():
    """The event filters as Typer options, one definition for ``events`` and ``export``."""
    return dict(
        actor=typer.Option(None, "--actor", help=FILTER_HELP["actor"]),
        country=typer.Option(None, "--country", "-c", help=FILTER_HELP["country"]),
        type=typer.Option(None, "--type", "-t", help=FILTER_HELP["type"]),
        status=typer.Option(None, "--status", help=FILTER_HELP["status"]),
        since=typer.Option(None, "--since", help=FILTER_HELP["since"]),
        until=typer.Option(None, "--until", help=FILTER_HELP["until"]),
    )


_F = _filter_options()


def _filters(actor, country, type, status, since, until) -> dict:
    """The CLI's options through the web's parser: one reading of filters everywhere (bad value → exit 2)."""
    from communique.web.filters import build_filters

    return build_filters(actor, country, type, status, since, until).store_kwargs()


@_store_errors
def events(
    db: str = _db_option(),
    actor: Optional[str] = _F["actor"],
    country: Optional[List[str]] = _F["country"],
    type: Optional[str] = _F["type"],
    status: Optional[str] = _F["status"],
    since: Optional[str] = _F["since"],
    until: Optional[str] = _F["until"],
    limit: int = typer.Option(50, "--limit", "-n", min=0, help="Most events to show."),
    offset: int = typer.Option(0, "--offset", min=0, help="Events to skip (for paging)."),
    fmt: str = _fmt_option(),
) -> None:
    """Canonical events, newest first (by event date, else the reported date)."""
    _check_format(fmt)
    filters = _filters(actor, country, type, status, since, until)
    with _open(db) as store:
        rows = store.events(limit=limit, offset=offset, **filters)
        from communique.store.counts import COUNT_CAP, count_label

        title = f"{len(rows)} of {count_label(store.count_events(**filters, cap=COUNT_CAP))} events" \
            if fmt == "table" else ""
    _print_events(rows, fmt, title)


@_store_errors
def actors(
    query: Optional[str] = typer.Argument(None, help="Name, alias, role or country to look for."),
    db: str = _db_option(),
    limit: int = typer.Option(50, "--limit", "-n", min=0, help="Most actors to show."),
    fmt: str = _fmt_option(),
) -> None:
    """Canonical actors with aliases, dated roles, knowledge-base ids and mention counts."""
    _check_format(fmt)
    with _open(db) as store:
        rows = store.actors(query, limit=limit)
    from rich.markup import escape

    def cells(r: dict) -> list[str]:
        roles = "; ".join(f"{x['role']} ({x['first_seen'] or '?'}–{x['last_seen'] or '?'})" for x in r["roles"])
        return [escape(r["id"]), escape(r["name"]), r["kind"] or "", r["country"] or "", escape(r.get("kb_id") or ""),
                escape(roles), escape(", ".join(r["aliases"])), str(r["mention_count"])]

    _emit(rows, fmt, f"{len(rows)} actors", ("id", "name", "kind", "country", "kb id", "roles", "aliases", "mentions"),
          cells)


@_store_errors
def timeline(
    a: str = typer.Argument(..., help="A country: ISO3 (KAZ), ISO2 (KZ) or a name."),
    b: str = typer.Argument(..., help="The other country, e.g. RUS, RU or Russia."),
    db: str = _db_option(),
    fmt: str = _fmt_option(),
) -> None:
    """A dyad's engagements over time, oldest first (by event date, else the reported date)."""
    from communique.web.filters import parse_country

    _check_format(fmt)
    a, b = parse_country(a, "a"), parse_country(b, "b")
    with _open(db) as store:
        rows = store.timeline(a, b)
    _print_events(rows, fmt, f"{a}–{b}: {len(rows)} events")


@_store_errors
def search(
    query: str = typer.Argument(..., help='Words or an FTS5 query, e.g. "state visit". A query that starts with '
                                '"-" goes after "--": communique search -- -Tokayev'),
    db: str = _db_option(),
    limit: int = typer.Option(20, "--limit", "-n", min=0, help="Most documents to show."),
    fmt: str = _fmt_option(),
) -> None:
    """Full-text search over stored documents.

    A query starting with a dash would be read as an option: put it after
    ``--``, as in ``communique search -- -Tokayev``.
    """
    _check_format(fmt)
    with _open(db) as store:
        rows = store.search(query, limit=limit)
    from rich.markup import escape

    _emit(rows, fmt, f"{len(rows)} documents", ("id", "published", "title", "snippet"),
          lambda r: [escape(r["id"]), r["published"] or "", escape(r["title"] or ""), escape(r["snippet"] or "")])


@_store_errors
def export(
    output: Path = typer.Option(..., "-o", "--output", help="File to write ('-' for stdout, not for parquet)."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl | csv | parquet | plover | gdelt"),
    db: str = _db_option(),
    actor: Optional[str] = _F["actor"],
    country: Optional[List[str]] = _F["country"],
    type: Optional[str] = _F["type"],
    status: Optional[str] = _F["status"],
    since: Optional[str] = _F["since"],
    until: Optional[str] = _F["until"],
) -> None:
    """Export canonical events, filtered exactly like `events`."""
    from communique.export import export_events

    filters = _filters(actor, country, type, status, since, until)
    with _open(db) as store:
        n = export_events(store, fmt, output, **filters)
    typer.echo(f"{n} events → {output} ({fmt})", err=True)
