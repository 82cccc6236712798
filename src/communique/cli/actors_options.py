"""The ``--actors-dict`` option of ``extract`` and ``ingest``; the knowledge base loads only when it is used."""
from __future__ import annotations

import typer


def actors_dict_option():
    """The repeatable ``--actors-dict PATH`` option shared by ``extract`` and ``ingest``."""
    return typer.Option([], "--actors-dict", help="A PETRARCH/CAMEO actor or agent dictionary, or a CSV "
                        "(name,country,role,sector,start,end); repeatable; its entries win over the bundled KB.")


def apply_actors_dicts(paths) -> None:
    """Layer the named dictionaries over the bundled KB (exit 2 on a missing file)."""
    if not paths:
        return
    from communique.kb import use_dictionaries

    try:
        use_dictionaries(paths)
    except FileNotFoundError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
