"""Paths, directories, stdin and compressed files to :class:`Document` objects.

Dispatch is by file name (``.txt .html .jsonl .json .xml/.rss .warc``, each
optionally ``.gz``), falling back to sniffing the content for unknown names
and stdin. Every failure becomes an error document carrying the path, so a
batch never stops and nothing is silently dropped.
"""
from __future__ import annotations

import io
import logging
import sys
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional

from communique.ingest.dates import normalize_day
from communique.ingest.decode import NotText, decode_document
from communique.ingest.limits import (
    DECOMPRESS_ERRORS, GZIP_MAGIC, MAX_DOCUMENT_BYTES, LineTooLong, TooLarge, bounded_lines, gunzip_capped,
    open_maybe_gzip, read_capped,
)
from communique.ingest.sanitize import scrub_document
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

STDIN = "-"
#: The decoding decision of text that was valid UTF-8 throughout.
UTF8_CLEAN = {"name": "utf-8", "confidence": 1.0, "replaced": 0}


def read_paths(paths: Iterable[str], published: Optional[str] = None,
               notes: Optional[list[str]] = None) -> Iterator[Document]:
    """Every document under ``paths`` (files, directories read recursively, ``-`` for stdin), in order.

    ``published`` is the day used for inputs that carry no date of their own. Files a folder holds
    but that are not read (README, LICENSE, unknown types, FIFOs) are described in ``notes`` when
    a list is given (and logged as a warning either way).
    """
    if published:
        day = normalize_day(published)
        if day is None:
            log.warning("publication date %r is not a date; inputs without one get none", published)
        published = day
    seen: dict[str, int] = {}
    for p in paths:
        for doc in _read_one_argument(str(p), published, notes):
            scrub_document(doc)
            _make_unique(doc, seen)
            yield doc


def read_path(path: str | os.PathLike, published: Optional[str] = None) -> list[Document]:
    """All documents of one path (convenience for tests and notebooks)."""
    return list(read_paths([str(path)], published))


def read_bytes(data: bytes, name: str = "stdin", published: Optional[str] = None,
               source_path: Optional[str] = None) -> Iterator[Document]:
    """Documents from raw bytes whose format is told by ``name``'s suffix, else by sniffing.

    Compressed data is decompressed as a stream and refused past :data:`MAX_DOCUMENT_BYTES`.
    """
    kind, stem = _kind_and_stem(name)
    if data[:2] == GZIP_MAGIC:
        try:
            data = gunzip_capped(data)
        except TooLarge as exc:
            yield error_document(stem, str(exc), source_path)
            return
        except DECOMPRESS_ERRORS as exc:
            yield error_document(stem, f"broken gzip data: {exc}", source_path)
            return
    if kind == "warc" or (kind is None and data[:4] == b"WARC"):
        from communique.ingest.warc import read_warc

        yield from read_warc(io.BytesIO(data), stem, published, source_path)
        return
    if len(data) > MAX_DOCUMENT_BYTES:
        yield error_document(stem, f"too large for one document ({len(data)} bytes; limit {MAX_DOCUMENT_BYTES}); "
                             "split it or use JSON Lines", source_path)
        return
    declared = None
    if kind == "html":
        from communique.ingest.html import declared_charset

        declared = declared_charset(data)
    try:
        text, encoding = decode_document(data, declared)
    except NotText as exc:
        yield error_document(stem, str(exc), source_path)
        return
    if kind is None:
        kind = _sniff(text)
    for doc in _documents_from_text(kind, text, data, stem, published, source_path):
        if kind != "feed" and not doc.error:
            doc.meta["encoding"] = dict(encoding)
        yield doc


# ----------------------------------------------------------------------
def _read_one_argument(arg: str, published: Optional[str], notes: Optional[list[str]]) -> Iterator[Document]:
    if arg == STDIN:
        yield from _read_stdin(published)
        return
    path = Path(arg)
    try:
        is_dir = path.is_dir()
    except OSError as exc:          # e.g. a name too long for the file system
        yield error_document(_kind_and_stem(path.name)[1] or arg, f"cannot read: {exc}", arg)
        return
    if is_dir:
        yield from _read_directory(path, published, notes)
    else:
        yield from _read_file(path, published)


def _read_stdin(published: Optional[str]) -> Iterator[Document]:
    stream = sys.stdin.buffer
    head = stream.peek(64)[:64] if hasattr(stream, "peek") else b""
    if head.lstrip()[:1] == b"{":  # JSON Lines on a pipe: stream it, it may be endless
        from communique.ingest.records import read_json_lines

        yield from read_json_lines(_decoded_lines(stream, "stdin", STDIN), "stdin", published, STDIN)
        return
    try:
        data = read_capped(stream, what="standard input")
    except TooLarge as exc:
        yield error_document("stdin", str(exc), STDIN)
        return
    except (OSError, ValueError) as exc:
        yield error_document("stdin", f"cannot read standard input: {exc}", STDIN)
        return
    yield from read_bytes(data, "stdin", published, source_path=STDIN)


def _read_directory(root: Path, published: Optional[str], notes: Optional[list[str]]) -> Iterator[Document]:
    """Files with a known suffix under ``root`` in path order; hidden files and folders skipped.

    A folder that cannot be listed gives an error record (its files cannot be named, so the
    record stands for all of them); project files (README, LICENSE ...) are skipped with a note.
    """
    from communique.ingest.walk import list_folder

    listing = list_folder(root, lambda name: _kind_and_stem(name)[0] is not None)
    for what, paths in (("with an unknown type", listing.unknown_type),
                        ("that are not articles (README, LICENSE ...)", listing.not_articles),
                        ("that are not regular files (FIFOs, sockets, devices)", listing.special)):
        if paths:
            shown = ", ".join(str(p.relative_to(root)) for p in paths[:5]) + (" ..." if len(paths) > 5 else "")
            note = f"{root}: skipped {len(paths)} file(s) {what}: {shown}"
            log.warning("%s", note)
            if notes is not None:
                notes.append(note)
    for folder, why in listing.unreadable:
        rel = folder.relative_to(root).as_posix() if folder != root else ""
        yield error_document(f"{root.name or root}/{rel}".rstrip("/"), why, str(folder))
    if not listing.files and not listing.unreadable:
        yield error_document(root.name or str(root), "directory holds no readable documents "
                             f"(known types: {', '.join(sorted(KNOWN_SUFFIXES))}, optionally .gz)", str(root))
    for path in listing.files:
        yield from _read_file(path, published)


def _read_file(path: Path, published: Optional[str]) -> Iterator[Document]:
    kind, stem = _kind_and_stem(path.name)
    source = str(path)
    compressed = False
    try:
        if kind == "jsonl":
            yield from _stream_json_lines(path, stem, published)
            return
        with path.open("rb") as raw:
            if kind == "warc":
                from communique.ingest.warc import read_warc

                yield from read_warc(raw, stem, published, source)
                return
            fh = open_maybe_gzip(raw)
            compressed = fh is not raw
            data = read_capped(fh, what="decompressed file" if compressed else "file")
    except FileNotFoundError:
        yield error_document(stem, "no such file or directory", source)
        return
    except PermissionError:
        yield error_document(stem, "permission denied", source)
        return
    except IsADirectoryError:
        yield error_document(stem, "is a directory", source)
        return
    except TooLarge as exc:
        yield error_document(stem, str(exc), source)
        return
    except DECOMPRESS_ERRORS as exc:
        yield error_document(stem, f"broken gzip data: {exc}" if compressed else f"cannot read file: {exc}", source)
        return
    # gzip already undone by the stream: read_bytes must not see a second magic number as gzip
    yield from read_bytes(data, path.name[:-3] if path.name.lower().endswith(".gz") else path.name, published,
                          source)


def _stream_json_lines(path: Path, stem: str, published: Optional[str]) -> Iterator[Document]:
    """JSON Lines read line by line (never the whole file in memory); undecodable lines become error records."""
    from communique.ingest.records import read_json_lines

    source = str(path)
    with path.open("rb") as raw:
        fh = open_maybe_gzip(raw)
        for doc in read_json_lines(_decoded_lines(fh, stem, source), stem, published, source):
            if not doc.error:
                doc.meta.setdefault("encoding", dict(UTF8_CLEAN))
            yield doc


def _decoded_lines(fh: BinaryIO, stem: str, source: Optional[str]) -> Iterator:
    """Lines as text (UTF-8, bad bytes replaced); an overlong line or a broken stream as an error document."""
    from communique.ingest.decode import decode_fragment

    n = 0
    legacy: Optional[str] = None        # the stream's legacy encoding, once one line needed a guess
    try:
        for raw in bounded_lines(fh):
            n += 1
            if isinstance(raw, LineTooLong):
                why = f"line {raw.number} is over {MAX_DOCUMENT_BYTES} bytes"
                if raw.gave_up:
                    why += "; it does not end, so the rest of the input was not read"
                yield error_document(f"{stem}:{raw.number}", why, source)
                continue
            if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError:
                text, info = decode_fragment(raw, legacy)
                if info["name"] != "utf-8":
                    legacy = info["name"]
                yield _Decoded(text, info)
    except DECOMPRESS_ERRORS as exc:
        yield error_document(f"{stem}:{n + 1}", f"the input breaks off after line {n}: {exc}", source)


class _Decoded(str):
    """A line that needed a decoding decision; the decision goes into its document's meta."""

    def __new__(cls, text: str, info: Optional[dict]):
        obj = super().__new__(cls, text)
        obj.encoding = info
        return obj


def _documents_from_text(kind: str, text: str, data: bytes, stem: str, published: Optional[str],
                         source: Optional[str]) -> Iterator[Document]:
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


def _make_unique(doc: Document, seen: dict[str, int]) -> None:
    """Two inputs with the same stem (``a/x.txt``, ``b/x.txt``) must not share an id; the second gets ``x~2``."""
    n = seen.get(doc.id, 0) + 1
    seen[doc.id] = n
    if n > 1:
        doc.meta["original_id"] = doc.id
        doc.id = f"{doc.id}~{n}"
