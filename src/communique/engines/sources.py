"""Every kind of input as one stream of documents, for every engine.

``communique.ingest.read_paths`` reads local files, directories and stdin.
This module routes the other kinds an extraction at scale meets:

==========================  ===============================================
``urls:FILE`` / ``*.urls``  a list of URLs, one a line, each fetched
``feed:URL-or-FILE``        an RSS/Atom feed, entry links fetched
``http(s)://...``           one page, or a feed when the body is one
``*.parquet``               records with the JSON Lines field names
``s3://``, ``gs://``, ...   any fsspec URL (a file, folder or glob)
anything else               ``read_paths`` (txt, html, json(l), rss, warc, .gz)
==========================  ===============================================

:func:`read_shard` reads one file (local or fsspec) and is what a Ray read
task runs, so the Ray engine and the local engine read identically.
"""
from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Iterable, Iterator, Optional

from communique.model import Document, error_document

URL_LIST_PREFIX = "urls:"
FEED_PREFIX = "feed:"
URL_LIST_SUFFIXES = (".urls",)
PARQUET_SUFFIXES = (".parquet", ".pq")
#: File names a shard listing keeps (the same kinds ``read_paths`` knows, plus Parquet).
SHARD_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".shtml", ".jsonl", ".ndjson", ".json",
                  ".rss", ".atom", ".xml", ".warc", ".arc") + PARQUET_SUFFIXES


def _scheme(arg: str) -> Optional[str]:
    if "://" not in arg:
        return None
    return arg.split("://", 1)[0].lower()


def _base(name: str) -> str:
    name = name.lower()
    return name[:-3] if name.endswith(".gz") else name


def is_url_list(arg: str) -> bool:
    return arg.startswith(URL_LIST_PREFIX) or _base(arg).endswith(URL_LIST_SUFFIXES)


def is_parquet(arg: str) -> bool:
    return arg.lower().endswith(PARQUET_SUFFIXES)


def needs_network(arg: str) -> bool:
    """Inputs that fetch pages over HTTP (not shards a cluster can read in parallel)."""
    return is_url_list(arg) or arg.startswith(FEED_PREFIX) or _scheme(arg) in ("http", "https")


# ----------------------------------------------------------------------
def read_sources(args: Iterable[str], published: Optional[str] = None, fetcher=None,
                 notes: Optional[list[str]] = None) -> Iterator[Document]:
    """Documents of every argument, in argument order, ids made unique over the whole run.

    ``notes`` (a list) receives a line for each batch of files a folder holds but that were not read
    (README, LICENSE, unknown types), for the run's summary."""
    from communique.ingest import read_paths
    from communique.ingest.dates import normalize_day

    published = normalize_day(published) if published else None
    seen: dict[str, int] = {}
    own_fetcher = None
    try:
        for arg in args:
            arg = str(arg)
            if needs_network(arg):
                if fetcher is None:
                    from communique.ingest.feeds import Fetcher

                    fetcher = own_fetcher = Fetcher()
                docs = _read_network(arg, published, fetcher)
            elif is_parquet(arg) or _scheme(arg) not in (None, "file"):
                docs = (d for shard in expand_shards([arg]) for d in read_shard(shard, published))
            else:
                docs = read_paths([arg], published, notes=notes)
            for doc in docs:
                make_unique(doc, seen)
                yield doc
    finally:
        if own_fetcher is not None:
            own_fetcher.close()


def _read_network(arg: str, published: Optional[str], fetcher) -> Iterator[Document]:
    from communique.ingest.feeds import read_feed, read_url, read_url_list

    if arg.startswith(FEED_PREFIX):
        src = arg[len(FEED_PREFIX):]
        if _scheme(src) in ("http", "https"):
            yield from read_url(src, fetcher, published)
            return
        data = _read_local_bytes(src)
        if isinstance(data, Document):
            yield data
            return
        yield from read_feed(data, Path(src).stem, published, src, fetch=fetcher)
    elif is_url_list(arg):
        src = arg[len(URL_LIST_PREFIX):] if arg.startswith(URL_LIST_PREFIX) else arg
        data = _read_local_bytes(src)
        if isinstance(data, Document):
            yield data
            return
        yield from read_url_list(data.decode("utf-8", errors="replace").splitlines(), fetcher, published, src)
    else:
        yield from read_url(arg, fetcher, published)


def _read_local_bytes(path: str):
    """The file's bytes (gunzipped), or an error document saying why not; capped like every reader."""
    from communique.ingest.limits import TooLarge, open_maybe_gzip, read_capped

    try:
        with open(path, "rb") as fh:
            return read_capped(open_maybe_gzip(fh), what=path)
    except (OSError, EOFError, TooLarge) as exc:
        return error_document(Path(path).stem or path, f"cannot read {path}: {exc}", path)


def make_unique(doc: Document, seen: dict[str, int]) -> None:
    """Two inputs with the same id must not share it; the second becomes ``id~2`` (as ``read_paths`` does)."""
    n = seen.get(doc.id, 0) + 1
    seen[doc.id] = n
    if n > 1:
        doc.meta.setdefault("original_id", doc.id)
        doc.id = f"{doc.id}~{n}"


# ----------------------------------------------------------------------
# Shards: single files, local or behind any fsspec URL
def expand_shards(args: Iterable[str]) -> list[str]:
    """Files named by ``args``: local folders walked, fsspec folders and globs listed, sorted within each."""
    out: list[str] = []
    for arg in args:
        arg = str(arg)
        scheme = _scheme(arg)
        if scheme in (None, "file"):
            path = Path(arg[len("file://"):] if scheme == "file" else arg)
            if path.is_dir():
                out.extend(str(p) for p in sorted(path.rglob("*"))
                           if p.is_file() and _base(p.name).endswith(SHARD_SUFFIXES)
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            else:
                out.append(str(path))
            continue
        import fsspec

        fs, root = fsspec.core.url_to_fs(arg)
        if any(c in root for c in "*?["):
            found = sorted(fs.glob(root))
        elif fs.isdir(root):
            found = sorted(p for p in fs.find(root) if _base(p.rsplit("/", 1)[-1]).endswith(SHARD_SUFFIXES))
        else:
            found = [root]
        protocol = fs.protocol[0] if isinstance(fs.protocol, (tuple, list)) else fs.protocol
        out.extend(p if "://" in p else f"{protocol}://{p}" for p in found)
    return out


def read_shard(shard: str, published: Optional[str] = None) -> Iterator[Document]:
    """Documents of one file, local or fsspec; local non-Parquet files go through ``read_paths`` itself."""
    name = shard.rsplit("/", 1)[-1]
    stem = _stem(name)
    if is_parquet(shard):
        yield from _read_parquet(shard, stem, published)
        return
    if _scheme(shard) in (None, "file"):
        from communique.ingest import read_paths

        local = shard[len("file://"):] if shard.startswith("file://") else shard
        yield from read_paths([local], published)
        return
    yield from _read_remote(shard, name, stem, published)


def _stem(name: str) -> str:
    base = name[:-3] if name.lower().endswith(".gz") else name
    return os.path.splitext(base)[0] or name


def _read_remote(url: str, name: str, stem: str, published: Optional[str]) -> Iterator[Document]:
    import fsspec

    from communique.ingest.readers import read_bytes

    base = _base(name)
    try:
        with fsspec.open(url, "rb", compression="infer") as fh:
            if base.endswith((".jsonl", ".ndjson")):
                from communique.ingest.records import read_json_lines

                lines = (raw.decode("utf-8", errors="replace") for raw in fh)
                yield from read_json_lines(lines, stem, published, url)
            elif base.endswith((".warc", ".arc")):
                from communique.ingest.warc import read_warc

                yield from read_warc(fh, stem, published, url)
            else:
                from communique.ingest.limits import read_capped

                yield from read_bytes(read_capped(fh, what=url), base, published, url)
    except (OSError, EOFError, ValueError) as exc:
        yield error_document(stem, f"cannot read {url}: {exc}", url)


def _read_parquet(shard: str, stem: str, published: Optional[str]) -> Iterator[Document]:
    """Rows with the JSON Lines field names (``id``, ``text`` or ``html``, ``title`` ...), streamed by batch."""
    import pyarrow.parquet as pq

    from communique.ingest.records import record_document

    try:
        if _scheme(shard) in (None, "file"):
            source = shard[len("file://"):] if shard.startswith("file://") else shard
            pf = pq.ParquetFile(source)
        else:
            import fsspec

            fh = fsspec.open(shard, "rb").open()
            pf = pq.ParquetFile(io.BufferedReader(fh) if not hasattr(fh, "seek") else fh)
        n = 0
        for batch in pf.iter_batches(batch_size=256):
            for rec in batch.to_pylist():
                n += 1
                yield record_document(rec, f"{stem}:{n}", published, shard)
    except Exception as exc:  # noqa: BLE001 - pyarrow raises ArrowInvalid, OSError ...
        yield error_document(stem, f"cannot read Parquet file {shard}: {exc}", shard)
