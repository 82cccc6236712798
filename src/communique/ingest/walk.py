"""Listing a folder of inputs: which files to read, which to skip, and what could not be listed.

Why a walker of our own: ``os.walk`` reports an unreadable folder only to a
callback, so its files would vanish without a record; and it lists FIFOs and
devices that would block or never end. Here every folder that cannot be
listed comes back as a failure (an error record later), only regular files
are read, and a folder's README or LICENSE is skipped with a note rather than
read as a news article.
"""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Callable, Optional


@dataclass
class Listing:
    """What a folder holds for the readers."""

    files: list[Path] = field(default_factory=list)
    unreadable: list[tuple[Path, str]] = field(default_factory=list)   # (folder, why)
    unknown_type: list[Path] = field(default_factory=list)
    not_articles: list[Path] = field(default_factory=list)
    special: list[Path] = field(default_factory=list)                  # FIFOs, sockets, devices


@functools.lru_cache(maxsize=1)
def not_article_names() -> frozenset[str]:
    """Stems (lower case) of project files that are never news: README, LICENSE, CHANGELOG ..."""
    text = resources.files("communique").joinpath("data/ingest_not_articles.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def is_not_article(name: str) -> bool:
    base = name.lower()
    if base.endswith(".gz"):
        base = base[:-3]
    stem = base.split(".", 1)[0]
    return stem in not_article_names()


def list_folder(root: Path, known: Callable[[str], bool]) -> Listing:
    """Every readable file under ``root`` (hidden names skipped), sorted by relative path."""
    out = Listing()
    _walk(root, known, out)
    out.files.sort(key=lambda p: p.relative_to(root).parts)
    out.unreadable.sort(key=lambda e: e[0].relative_to(root).parts if e[0] != root else ())
    return out


def _walk(folder: Path, known: Callable[[str], bool], out: Listing) -> None:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        out.unreadable.append((folder, _why(exc)))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        kind = _entry_kind(entry)
        if kind == "dir":
            _walk(path, known, out)
        elif kind == "file":
            if not known(entry.name):
                out.unknown_type.append(path)
            elif is_not_article(entry.name):
                out.not_articles.append(path)
            else:
                out.files.append(path)
        elif kind == "special":
            out.special.append(path)
        elif kind is not None:
            out.unreadable.append((path, kind))


def _entry_kind(entry: os.DirEntry) -> Optional[str]:
    """"dir" (not followed through a link, so no loops), "file", "special", None (a dangling link) or a reason."""
    try:
        if entry.is_dir(follow_symlinks=False):
            return "dir"
        if entry.is_file(follow_symlinks=True):
            return "file"
        if entry.is_symlink() and not os.path.exists(entry.path):
            return None
        return "special" if not entry.is_symlink() else None
    except OSError as exc:
        return _why(exc)


def _why(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied: the folder cannot be listed"
    return f"cannot list the folder: {exc.strerror or exc}"
