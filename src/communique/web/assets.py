"""Static assets read once from the package into memory and served by name.

A request names an asset; the name is looked up in this table and never joined
to a file-system path, so no request can reach a file the package did not ship.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib.resources import files

MEDIA_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
}


@dataclass(frozen=True)
class Asset:
    body: bytes
    media_type: str
    etag: str


def load_assets() -> dict[str, Asset]:
    """Every file directly under ``communique/web/static`` whose suffix we serve."""
    table: dict[str, Asset] = {}
    root = files("communique.web") / "static"
    for entry in root.iterdir():
        suffix = "." + entry.name.rsplit(".", 1)[-1] if "." in entry.name else ""
        if suffix not in MEDIA_TYPES or not entry.is_file():
            continue
        body = entry.read_bytes()
        table[entry.name] = Asset(body, MEDIA_TYPES[suffix], '"' + hashlib.sha256(body).hexdigest()[:16] + '"')
    return table
