"""Paths, directories, stdin and compressed files to :class:`Document` objects.

Dispatch is by file name (``.txt .html .jsonl .json .xml/.rss .warc``, each
optionally ``.gz``), falling back to sniffing the content for unknown names
and stdin. Every failure becomes an error document carrying the path, so a
batch never stops and nothing is silently dropped.
"""
from __future__ import annotations

import gzip
import io
import logging
import os
import sys
import zlib
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional

from communique.ingest.decode import NotText, decode_bytes
from communique.ingest.dates import normalize_day
from communique.model import Document, error_document

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = {".warc", ".arc"}
_KINDS = (("text", TEXT_SUFFIXES), ("html", HTML_SUFFIXES), ("jsonl", JSONL_SUFFIXES), ("json", JSON_SUFFIXES),
          ("feed", FEED_SUFFIXES), ("warc", WARC_SUFFIXES))
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES | FEED_SUFFIXES | WARC_SUFFIXES

#: One document larger than this is refused (it is a dump, not an article); JSONL files are streamed instead.
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024

STDIN = "-"


def read_paths(paths: Iterable[str], published: Optional[str] = None) -> Iterator[Document]:
    """Every document under ``paths`` (files, directories read recursively, ``-`` for stdin), in order.

    ``published`` is the day used for inputs that carry no date of their own.
    """
    if published:
        day = normalize_day(published)
        if day is None:
            log.warning("publication date %r is not a date; inputs without one get none", published)
        published = day
    seen: dict[str, int] = {}
    for p in paths:
        for doc in _read_one_argument(str(p), published):
            _make_unique(doc, seen)
            yield doc


def read_path(path: str | os.PathLike, published: Optional[str] = None) -> list[Document]:
    """All documents of one path (convenience for tests and notebooks)."""
    return list(read_paths([str(path)], published))


def read_bytes(data: bytes, name: str = "stdin", published: Optional[str] = None,
               source_path: Optional[str] = None) -> Iterator[Document]:
    """Documents from raw bytes whose format is told by ``name``'s suffix, else by sniffing."""
    kind, stem = _kind_and_stem(name)
    if data[:2] == b"\x1f\x8b":
        try:
            data = _gunzip(data)
        except (OSError, EOFError, zlib.error) as exc:
            yield error_document(stem, f"broken gzip data: {exc}", source_path)
            return
    if kind == "warc" or (kind is None and data[:4] == b"WARC"):
        from communique.ingest.warc import read_warc

        yield from read_warc(io.BytesIO(data), stem, published, source_path)
        return
    declared = None
    if kind == "html":
        from communique.ingest.html import declared_charset

        declared = declared_charset(data)
    try:
        text, encoding = decode_bytes(data, declared)
    except NotText as exc:
        yield error_document(stem, str(exc), source_path)
        return
    if kind is None:
        kind = _sniff(text)
    yield from _documents_from_text(kind, text, data, stem, published, source_path, encoding)


# ----------------------------------------------------------------------
def _read_one_argument(arg: str, published: Optional[str]) -> Iterator[Document]:
    if arg == STDIN:
        stream = sys.stdin.buffer
        head = stream.peek(64)[:64] if hasattr(stream, "peek") else b""
        if head.lstrip()[:1] == b"{":  # JSON Lines on a pipe: stream it, it may be endless
            from communique.ingest.records import read_json_lines

            yield from read_json_lines(_decoded_lines(stream), "stdin", published, STDIN)
            return
        try:
            data = stream.read()
        except (OSError, ValueError) as exc:
            yield error_document("stdin", f"cannot read standard input: {exc}")
            return
        yield from read_bytes(data, "stdin", published, source_path=STDIN)
        return
    path = Path(arg)
    if path.is_dir():
        yield from _read_directory(path, published)
    else:
        yield from _read_file(path, published)


def _read_directory(root: Path, published: Optional[str]) -> Iterator[Document]:
    """Files with a known suffix under ``root`` in path order; hidden files and folders skipped."""
    files: list[Path] = []
    skipped = 0
    for dirpath, dirnames, filenames in os.walk(root, onerror=lambda e: log.warning("cannot list %s", e)):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith("."):
                continue
            if _kind_and_stem(name)[0] is None:
                skipped += 1
            else:
                files.append(Path(dirpath) / name)
    if skipped:
        log.warning("%s: skipped %d file(s) with an unknown type", root, skipped)
    if not files:
        yield error_document(root.name or str(root), "directory holds no readable documents "
                             f"(known types: {', '.join(sorted(KNOWN_SUFFIXES))}, optionally .gz)", str(root))
    for path in sorted(files, key=lambda p: p.relative_to(root).parts):
        yield from _read_file(path, published)


def _read_file(path: Path, published: Optional[str]) -> Iterator[Document]:
    kind, stem = _kind_and_stem(path.name)
    source = str(path)
    try:
        if kind == "jsonl":
            yield from _stream_json_lines(path, stem, published)
            return
        if kind == "warc":
            from communique.ingest.warc import read_warc

            with path.open("rb") as fh:
                yield from read_warc(fh, stem, published, source)
            return
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            yield error_document(stem, f"file too large for one document ({size} bytes; limit "
                                 f"{MAX_DOCUMENT_BYTES}); split it or use JSON Lines", source)
            return
        data = path.read_bytes()
    except FileNotFoundError:
        yield error_document(stem, "no such file or directory", source)
        return
    except PermissionError:
        yield error_document(stem, "permission denied", source)
        return
    except (OSError, EOFError, zlib.error) as exc:
        yield error_document(stem, f"cannot read file: {exc}", source)
        return
    yield from read_bytes(data, path.name, published, source)


def _stream_json_lines(path: Path, stem: str, published: Optional[str]) -> Iterator[Document]:
    """JSON Lines read line by line (never the whole file in memory); undecodable lines become error records."""
    from communique.ingest.records import read_json_lines

    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as fh:
        yield from read_json_lines(_decoded_lines(fh), stem, published, str(path))


def _decoded_lines(fh: BinaryIO) -> Iterator[str]:
    for n, raw in enumerate(fh, 1):
        if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            yield raw.decode("utf-8", errors="replace")


def _documents_from_text(kind: str, text: str, data: bytes, stem: str, published: Optional[str],
                         source: Optional[str], encoding: str) -> Iterator[Document]:
    if kind == "jsonl":
        from communique.ingest.records import read_json_lines

        yield from read_json_lines(text.split("\n"), stem, published, source)
    elif kind == "json":
        from communique.ingest.records import read_json_text

        yield from read_json_text(text, stem, published, source)
    elif kind == "feed":
        from communique.ingest.feeds import read_feed

        yield from read_feed(data, stem, published, source)
    elif kind == "html":
        from communique.ingest.html import html_document

        yield html_document(stem, text, published=published, source_path=source)
    else:
        doc = Document(id=stem, raw_text=text, published=published, source_path=source)
        doc.meta["format"] = "text"
        if encoding not in ("utf-8", "utf-8-sig"):
            doc.meta["encoding"] = encoding
        yield doc


def _kind_and_stem(name: str) -> tuple[Optional[str], str]:
    """The format a file name announces (None when unknown) and its stem without format suffixes."""
    base = name
    if base.lower().endswith(".gz"):
        base = base[:-3]
    suffix = Path(base).suffix.lower()
    kind = next((k for k, suffixes in _KINDS if suffix in suffixes), None)
    stem = base[: -len(suffix)] if kind is not None else (Path(base).stem if suffix and len(suffix) <= 6 else base)
    return kind, stem or name


def _sniff(text: str) -> str:
    from communique.ingest.html import looks_like_html

    head = text.lstrip()[:2048]
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("["):
        return "json"
    if head.startswith("<?xml") or head.startswith("<rss") or head.startswith("<feed"):
        return "feed" if ("<rss" in head or "<feed" in head or "<rdf" in head.lower()) else "html"
    if looks_like_html(text):
        return "html"
    return "text"


def _gunzip(data: bytes) -> bytes:
    out = gzip.decompress(data)
    if len(out) > MAX_DOCUMENT_BYTES * 4:
        raise OSError(f"decompressed size {len(out)} bytes is over the limit")
    return out


def _make_unique(doc: Document, seen: dict[str, int]) -> None:
    """Two inputs with the same stem (``a/x.txt``, ``b/x.txt``) must not share an id; the second gets ``x~2``."""
    n = seen.get(doc.id, 0) + 1
    seen[doc.id] = n
    if n > 1:
        doc.meta["original_id"] = doc.id
        doc.id = f"{doc.id}~{n}"
