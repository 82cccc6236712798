"""The same extraction on Ray Data: shards in, Parquet shards of documents and events out.

Why Ray Data: a month of crawled news is thousands of shards on object
storage; Ray streams them through a fixed set of actors (each loads the spaCy
model once), keeps memory bounded with backpressure, and runs unchanged on a
laptop (``ray.init()``) or a cluster (``RAY_ADDRESS``).

Read tasks run :func:`communique.engines.sources.read_shard` — the local
engine's readers — and actors run :class:`communique.pipeline.Extractor`, so
both engines give the same records. A document travels between stages as one
JSON string (its dataclass fields), which keeps Arrow from guessing a schema
for nested, often-empty lists.

A document that kills its actor (a segfault in a C extension, the OOM
killer) must not fail the job. Ray Data restarts the actor and retries the
batch; an :class:`AttemptLedger` remembers which batch and which document
were in flight when a worker died, so the retry runs the batch one document
at a time and the document that was being extracted at the death becomes an
error record.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import uuid
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

from communique.model import Document

#: CPUs reserved per extractor actor. Below 1 so actors and read tasks fit on a 2-core machine.
ACTOR_NUM_CPUS = 0.5
#: CPUs per read task (shards are parsed, not just copied, so they do real work).
READ_NUM_CPUS = 0.5


#: Tests only: a document whose text holds this variable's value kills its worker (os._exit), as a
#: segfault would. Unset in every normal run, so the hook does nothing.
CRASH_HOOK_ENV = "COMMUNIQUE_TEST_CRASH_MARKER"
DIED = "worker process died while extracting this document"


class RayUnavailable(RuntimeError):
    pass


def _ray():
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as exc:
        raise RayUnavailable("the Ray engine needs the optional extra: pip install 'communique[ray]'") from exc
    return ray


def init_ray(num_cpus: Optional[int] = None, quiet: bool = True) -> None:
    """Join the cluster at ``$RAY_ADDRESS``, else start a local Ray (no dashboard); no-op when already up."""
    ray = _ray()
    if quiet:
        import logging

        logging.getLogger("ray.data").setLevel(logging.WARNING)
    if ray.is_initialized():
        return
    address = os.environ.get("RAY_ADDRESS")
    # the event-coding flags travel in the environment; a cluster's workers see only what runtime_env carries
    runtime_env = {"env_vars": _event_env()}
    if address:
        ray.init(address=address, log_to_driver=not quiet, logging_level="WARNING" if quiet else "INFO",
                 runtime_env=runtime_env)
    else:
        ray.init(num_cpus=num_cpus, include_dashboard=False, log_to_driver=not quiet,
                 logging_level="WARNING" if quiet else "INFO", runtime_env=runtime_env)


def _event_env() -> dict[str, str]:
    from communique.events.options import ENV

    return {key: os.environ[key] for key in ENV.values() if os.environ.get(key)}


# ----------------------------------------------------------------------
# Documents <-> rows
def document_json(doc: Document) -> str:
    """Every field, private ones included (``raw_text``/``html`` are needed by the extractor)."""
    return json.dumps(dataclasses.asdict(doc), ensure_ascii=False)


def document_from_json(text: str) -> Document:
    return Document.from_dict(json.loads(text))


def _dumps(v: Any) -> str:
    return json.dumps(v, ensure_ascii=False)


def document_row(doc: Document) -> dict[str, Any]:
    """One row of the documents table: flat columns to filter on, nested parts as JSON, and the full record."""
    rec = doc.to_dict()
    return {
        "id": doc.id,
        "error": doc.error,
        "title": doc.title,
        "published": doc.published,
        "url": doc.url,
        "outlet": doc.outlet,
        "language": doc.language,
        "source_path": doc.source_path,
        "text": None if doc.error else doc.text,
        "n_actors": len(doc.actors),
        "n_events": len(doc.events),
        "n_quotes": len(doc.quotes),
        "actors": _dumps(rec.get("actors", [])),
        "events": _dumps(rec.get("events", [])),
        "quotes": _dumps(rec.get("quotes", [])),
        "meta": _dumps(rec.get("meta", {})),
        "record": _dumps(rec),
    }


def event_rows(row: dict[str, Any]) -> list[dict[str, Any]]:
    """The events table: one row per event, with its document's id and day."""
    out = []
    for ev in json.loads(row.get("events") or "[]"):
        src, tgt = ev.get("source") or {}, ev.get("target") or {}
        day, loc = ev.get("date") or {}, ev.get("location") or {}
        out.append({
            "doc_id": row["id"],
            "published": row.get("published"),
            "event_id": ev.get("id"),
            "type": ev.get("type"),
            "status": ev.get("status"),
            "source_name": src.get("name"),
            "source_country": src.get("country"),
            "target_name": tgt.get("name"),
            "target_country": tgt.get("country"),
            "date_start": day.get("start"),
            "date_end": day.get("end"),
            "location": loc.get("name"),
            "location_country": loc.get("country"),
            "trigger": ev.get("trigger"),
            "confidence": float(ev.get("confidence") or 0.0),
            "cameo": ev.get("cameo"),
            "record": _dumps(ev),
        })
    return out


class AttemptLedger:
    """Unfinished attempts per key (a batch or a document); lives in one small Ray actor per run.

    ``begin`` returns how many earlier attempts on the key never reached
    ``end``: more than zero means a worker died on it.
    """

    def __init__(self):
        self.open: dict[str, int] = {}

    def begin(self, key: str) -> int:
        n = self.open.get(key, 0)
        self.open[key] = n + 1
        return n

    def end(self, key: str) -> None:
        self.open.pop(key, None)


class RayExtractor:
    """A Ray Data actor: the pipeline loaded once, then batch after batch of document rows."""

    def __init__(self, model: Optional[str] = None, batch_size: int = 16, ledger=None):
        from communique.pipeline import Extractor

        self.extractor = Extractor(model=model, batch_size=batch_size)
        self.ledger = ledger
        self.crash_marker = os.environ.get(CRASH_HOOK_ENV) or None

    def __call__(self, batch: dict[str, Any]) -> dict[str, list]:
        docs = [document_from_json(s) for s in batch["doc"]]
        rows = [document_row(d) for d in self._extract(docs)]
        return {k: [r[k] for r in rows] for k in rows[0]} if rows else {}

    def _extract(self, docs: list[Document]) -> list[Document]:
        if self.ledger is None:
            return list(self._pipe(docs))
        import ray

        key = "batch:" + hashlib.sha1("\0".join(d.id for d in docs).encode("utf-8", "surrogatepass")).hexdigest()
        if ray.get(self.ledger.begin.remote(key)) == 0:
            out = list(self._pipe(docs))
        else:                                    # a worker died on this batch: find the document that did it
            out = [self._one(doc, ray) for doc in docs]
        ray.get(self.ledger.end.remote(key))
        return out

    def _one(self, doc: Document, ray) -> Document:
        key = "doc:" + doc.id
        if ray.get(self.ledger.begin.remote(key)) > 0:
            doc.error = DIED
            doc.meta["engine_error"] = True
            ray.get(self.ledger.end.remote(key))
            return doc
        (out,) = list(self._pipe([doc]))
        ray.get(self.ledger.end.remote(key))
        return out

    def _pipe(self, docs: list[Document]) -> Iterator[Document]:
        if self.crash_marker and any(self.crash_marker in (d.raw_text or d.text or "") for d in docs):
            os._exit(70)                         # the test hook: die as a segfault would, no cleanup
        return self.extractor.pipe(docs)


def _read_rows(row: dict[str, Any], published: Optional[str]) -> Iterator[dict[str, str]]:
    from communique.engines.sources import read_shard

    for doc in read_shard(row["path"], published):
        yield {"doc": document_json(doc)}


# ----------------------------------------------------------------------
def extracted_dataset(paths: Iterable[str], workers: int = 2, model: Optional[str] = None,
                      published: Optional[str] = None, batch_size: int = 16, quiet: bool = True):
    """A lazy Ray Dataset of document rows (see :func:`document_row`), in input order."""
    from communique.engines.sources import expand_shards, needs_network

    ray = _ray()
    paths = [str(p) for p in paths]
    remote = [p for p in paths if needs_network(p)]
    if remote:
        raise ValueError(f"the Ray engine reads files and fsspec URLs; fetch {remote[0]!r} with the local engine")
    shards = expand_shards(paths)
    if not shards:
        raise ValueError("no input files found")
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True
    ctx.enable_progress_bars = not quiet
    ds = ray.data.from_items([{"path": s} for s in shards], override_num_blocks=len(shards))
    ds = ds.flat_map(_read_rows, fn_kwargs={"published": published}, num_cpus=READ_NUM_CPUS)
    # A shard is read as one block; cut it (streaming, no shuffle) so every actor gets work.
    ds = ds.repartition(target_num_rows_per_block=batch_size)
    ledger = ray.remote(AttemptLedger).options(name=f"communique-ledger-{uuid.uuid4().hex}", num_cpus=0).remote()
    out = ds.map_batches(RayExtractor, fn_constructor_kwargs={"model": model, "batch_size": batch_size,
                                                              "ledger": ledger},
                         batch_size=batch_size, compute=ray.data.ActorPoolStrategy(size=max(1, workers)),
                         num_cpus=ACTOR_NUM_CPUS, batch_format="default")
    out._communique_ledger = ledger              # the ledger lives as long as the dataset
    return out


def iter_documents(ds) -> Iterator[dict[str, Any]]:
    """The JSON Lines records of an extracted dataset, streamed in order."""
    for row in ds.iter_rows():
        yield json.loads(row["record"])


def write_parquet(ds, output_dir: str | os.PathLike) -> dict[str, str]:
    """Write ``documents/`` then ``events/`` Parquet shards under ``output_dir``; returns their paths.

    Events are derived from the written documents, so extraction runs once
    without holding the whole corpus in memory.
    """
    ray = _ray()
    out = str(output_dir).rstrip("/")
    docs_dir, events_dir = f"{out}/documents", f"{out}/events"
    ds.write_parquet(docs_dir)
    written = ray.data.read_parquet(docs_dir).select_columns(["id", "published", "events"])
    events = written.flat_map(event_rows, num_cpus=READ_NUM_CPUS)
    if "://" not in out:
        Path(events_dir).mkdir(parents=True, exist_ok=True)
    events.write_parquet(events_dir)
    return {"documents_dir": docs_dir, "events_dir": events_dir}


def run(paths: Iterable[str], output_dir: Optional[str] = None, workers: int = 2, model: Optional[str] = None,
        published: Optional[str] = None, batch_size: int = 16, quiet: bool = True, collect=None) -> dict[str, Any]:
    """Extract ``paths`` on Ray: Parquet shards under ``output_dir`` and/or each record passed to ``collect``.

    Returns ``{"documents": n, "failed": k}`` plus ``documents_dir``/``events_dir`` when written.
    """
    init_ray(quiet=quiet)
    ds = extracted_dataset(paths, workers=workers, model=model, published=published, batch_size=batch_size,
                           quiet=quiet)
    result: dict[str, Any] = {}
    if output_dir and collect is not None:
        ds = ds.materialize()  # extract once, then both write and collect
    if output_dir:
        result.update(write_parquet(ds, output_dir))
    if collect is not None:
        n = failed = 0
        for rec in iter_documents(ds):
            n += 1
            failed += "error" in rec
            collect(rec)
        result.update(documents=n, failed=failed)
    else:
        counted = _ray().data.read_parquet(result["documents_dir"]) if output_dir else ds
        n = failed = 0
        for batch in counted.select_columns(["error"]).iter_batches(batch_format="pyarrow"):
            n += batch.num_rows
            failed += batch.num_rows - batch.column("error").null_count
        result.update(documents=n, failed=failed)
    return result
