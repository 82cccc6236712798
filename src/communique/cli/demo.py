"""``communique demo``: the whole product in one command, on a bundled sample corpus.

The sample (``communique/data/demo/stories.jsonl``) is a set of short invented
news stories written for this project: fictional people, real countries,
several country pairs over several years, among them two Kazakhstan–Russia
visits received with very different protocol. The demo extracts and stores
them in a local SQLite file, prints what it found, and says how to open the
explorer; ``--serve`` opens it right away.
"""
from __future__ import annotations

import time
from importlib import resources
from pathlib import Path

import typer

DEFAULT_DB = "communique-demo.db"


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)


def stories_path() -> Path:
    return Path(str(resources.files("communique.data").joinpath("demo").joinpath("stories.jsonl")))


def demo(
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="Store to build (SQLite file; rerunning is safe)."),
    serve: bool = typer.Option(False, "--serve", help="Keep the explorer running on the demo store afterwards."),
    port: int = typer.Option(8000, "--port", "-p", min=1, max=65535, help="Port for --serve."),
) -> None:
    """Build a store from the bundled sample stories and print the headline results."""
    from communique.store import Store, StoreError

    started = time.perf_counter()
    try:
        store = Store(str(db))
    except StoreError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1)
    with store:
        stats = _ingest(store)
        _report(store, db, stats)
    typer.echo(f"\nDone in {time.perf_counter() - started:.1f} s.")
    typer.echo(f"Open the explorer:  communique serve {db}   (then http://127.0.0.1:{port}/protocol/KAZ/RUS)")
    if serve:
        from communique.cli.serve import serve as serve_command

        serve_command(db=db, port=port, host="127.0.0.1", allow_ingest=False, token=None, max_upload_mb=5.0)


def _ingest(store) -> dict:
    from communique.engines.local import extract_parallel
    from communique.engines.sources import read_sources
    from communique.nlp import ModelNotFound, load_model

    try:
        load_model(None)
    except ModelNotFound as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    def extract(raw):
        return extract_parallel(raw, workers=1)

    # the store skips inputs it already holds before parsing them, so a rerun is quick
    return store.ingest(read_sources([str(stories_path())]), extract=extract)


def _report(store, db: Path, stats: dict) -> None:
    from communique.web import aggregates, protocol
    from communique.web.present import country_name

    echo = typer.echo
    echo(f"Communique demo: {stats['added']} stories added, {stats['duplicates']} already stored → {db}")
    echo(f"\nDocuments: {store.count_documents()}    Events: {store.count_events()}")
    echo("\nEvents by type:")
    for etype, n in aggregates.events_by_type(store):
        echo(f"  {etype:<10} {n:>4}")
    echo("\nBusiest country pairs:")
    for d in aggregates.dyads(store, limit=5):
        visits = f"{d['visits']} visit{'' if d['visits'] == 1 else 's'}"
        echo(f"  {d['a']}–{d['b']}  {d['events']:>3} events, {visits}  ({d['first']} … {d['last']})")
    rows = protocol.visit_rows(store.timeline("KAZ", "RUS"), guest="KAZ")
    echo(f"\nProtocol: {country_name('KAZ')}'s visits to {country_name('RUS')}")
    if not rows:
        echo("  (no visit found)")
    for r in rows:
        greeter = "; ".join(_greeter(g) for g in r.greeters) or "not reported"
        echo(f"  {r.event_date or 'undated'} (reported {r.reported or '?'}): {r.kind or '?'} visit, "
             f"greeted by {greeter}")
        echo(f"      ceremony: {', '.join(r.ceremony) or 'none reported'}; talks: "
             f"{r.talks_format or '?'}, {r.talks_length or '?'}; documents: {len(r.documents)}; "
             f"reception level {r.score}")
    echo(f"  ({protocol.formula_text()})")


def _greeter(g) -> str:
    if isinstance(g, dict):
        return ", ".join(x for x in (g.get("name"), g.get("role")) if x)
    return str(g)
