"""``communique serve``: the local web explorer and JSON API over a store."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import typer

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    db: Path = typer.Argument(Path("communique.db"), help="The store (SQLite file) to explore."),
    port: int = typer.Option(8000, "--port", "-p", min=1, max=65535, help="TCP port."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on; keep loopback unless you mean it."),
    allow_ingest: bool = typer.Option(False, "--allow-ingest", help="Add POST /api/ingest (needs --token)."),
    token: Optional[str] = typer.Option(None, "--token", envvar="COMMUNIQUE_TOKEN",
                                        help="Bearer token for /api/ingest (or set COMMUNIQUE_TOKEN)."),
    max_upload_mb: float = typer.Option(5.0, "--max-upload-mb", min=0.001, help="Largest accepted upload."),
) -> None:
    """Browse events, actors, dyads, visits and a map in a browser; JSON under /api."""
    import uvicorn

    from communique.web import create_app

    if allow_ingest and not token:
        typer.echo("error: --allow-ingest needs --token (or COMMUNIQUE_TOKEN)", err=True)
        raise typer.Exit(2)
    if token and not allow_ingest:
        typer.echo("note: --token has no effect without --allow-ingest", err=True)
    if not allow_ingest and not db.is_file():
        typer.echo(f"error: no store at {db}; create one first, or pass --allow-ingest to start an empty one", err=True)
        raise typer.Exit(2)
    if allow_ingest and not db.exists():
        from communique.store import Store

        Store(str(db)).close()  # create the schema so read-only requests work before the first upload
    if host not in LOOPBACK:
        typer.echo(f"warning: listening on {host}: anyone who can reach this machine can read the store", err=True)
    allowed_hosts = sorted(LOOPBACK | {"[::1]"}) if host in LOOPBACK else None
    app = create_app(db, allow_ingest=allow_ingest, token=token, allowed_hosts=allowed_hosts,
                     max_upload_bytes=int(max_upload_mb * 1024 * 1024))
    mode = "ingest enabled" if allow_ingest else "read-only"
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"Communique on http://{shown}:{port}/ ({mode}, store {os.fspath(db)}); Ctrl-C stops it", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
