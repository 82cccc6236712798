"""Exports of canonical events: jsonl, csv, parquet, plover (JSON lines), gdelt (TSV).

    from communique.export import export_events
    export_events(store, "gdelt", "events.tsv", country=["KAZ"])
"""
from __future__ import annotations

from pathlib import Path

from communique.export import formats

FORMATS = ("jsonl", "csv", "parquet", "plover", "gdelt")


def export_events(store, fmt: str, path, **filters) -> int:
    """Write every event matching ``filters`` to ``path`` (atomically: temp file, then rename); returns the count."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    events = store.iter_events(**filters)
    if str(path) == "-":
        import sys
        if fmt == "parquet":
            raise ValueError("parquet cannot be written to stdout; give -o FILE")
        return _write(fmt, events, sys.stdout)
    from communique.cli.output import output_file, output_path   # devices, symlinks, one-line errors

    if fmt == "parquet":
        with output_path(Path(path)) as where:
            return formats.write_parquet(events, where)
    with output_file(Path(path), newline="") as fh:
        return _write(fmt, events, fh)


def _write(fmt, events, fh) -> int:
    return {"jsonl": formats.write_jsonl, "csv": formats.write_csv, "plover": formats.write_plover,
            "gdelt": formats.write_gdelt}[fmt](events, fh)
