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


@app.callback()
def _root() -> None:
    """Communique: news in, an evidence-linked record of international relations out."""


def _register() -> None:
    import importlib

    for module in ("extract", "evaluate", "corpus", "serve"):
        try:
            importlib.import_module(f"communique.cli.{module}").register(app)
        except ModuleNotFoundError as exc:  # a command group not built yet
            if exc.name != f"communique.cli.{module}":
                raise


_register()


def main() -> None:
    app()
