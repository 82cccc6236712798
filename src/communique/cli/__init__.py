"""The ``communique`` command line.

One Typer app; each command group lives in its own module and registers
itself here, so the CLI reads like the architecture.
"""
from __future__ import annotations

import typer

app = typer.Typer(
    name="communique",
    help="Turn news into an evidence-linked record of international relations.",
    no_args_is_help=True,
    add_completion=False,
)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("communique")
    except PackageNotFoundError:
        return "unknown (not installed)"


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"communique {_version()}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", "-V", callback=_print_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Communique: news in, an evidence-linked record of international relations out.

    Start with `communique demo`: it builds a small store from bundled sample stories and shows what it found.
    """


def _register() -> None:
    import importlib

    for module in ("demo", "extract", "evaluate", "compare", "corpus", "serve", "train"):
        try:
            importlib.import_module(f"communique.cli.{module}").register(app)
        except ModuleNotFoundError as exc:  # a command group not built yet
            if exc.name != f"communique.cli.{module}":
                raise


_register()


def main() -> None:
    app()
