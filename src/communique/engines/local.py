"""Extraction on a pool of local worker processes, results in input order.

Why processes: spaCy and the rule stages are CPU-bound Python, so threads
would share one GIL. Why an initializer: the spaCy model (about a second and
a few hundred MB) is loaded once per worker, never per document. Why chunks
in a bounded window: a JSON Lines file of ten million articles must never sit
in memory, so at most ``workers * window`` chunks are in flight and each is
yielded as soon as every chunk before it is done.

A worker that dies (a segfault in a C extension, the OOM killer) breaks the
whole pool; the pool is rebuilt, the chunk is re-run one document at a time,
and the document that kills a worker again gets an error record, so the
batch goes on. A worker that overruns its hard time limit (a document stuck
where the in-process budget cannot reach, e.g. inside a C extension) is
killed and treated the same way.
"""
from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Callable, Iterable, Iterator, Optional

from communique.model import Document
from communique.timebudget import DEFAULT_DOC_TIMEOUT

log = logging.getLogger(__name__)

#: Builds an object with ``pipe(docs) -> Iterator[Document]``; must be picklable (a module-level callable).
ExtractorFactory = Callable[..., object]

# ----------------------------------------------------------------------
# Inside a worker process
_extractor = None
_startup_error: Optional[str] = None


#: Seconds a worker may take to start (load the model) on top of its documents' budgets.
STARTUP_GRACE = 120.0


def default_factory(model: Optional[str] = None, batch_size: int = 16,
                    doc_timeout: Optional[float] = DEFAULT_DOC_TIMEOUT):
    from communique.pipeline import Extractor

    return Extractor(model=model, batch_size=batch_size, doc_timeout=doc_timeout)


def _factory_kwargs(model: Optional[str], batch_size: int, doc_timeout: Optional[float]) -> dict:
    """Arguments for the factory; ``doc_timeout`` only when it is not the default, so a factory of
    one's own (tests, plugins) that takes just ``model`` and ``batch_size`` keeps working."""
    kwargs: dict = {"model": model, "batch_size": batch_size}
    if doc_timeout != DEFAULT_DOC_TIMEOUT:
        kwargs["doc_timeout"] = doc_timeout
    return kwargs


def _init_worker(factory: ExtractorFactory, kwargs: dict) -> None:
    """Load the pipeline once; a failure is remembered so every chunk reports it instead of breaking the pool."""
    global _extractor, _startup_error
    try:
        _extractor = factory(**kwargs)
    except Exception as exc:  # noqa: BLE001 - reported per document below
        _startup_error = f"worker could not start: {type(exc).__name__}: {exc}"


def _extract_chunk(docs: list[Document]) -> list[Document]:
    if _extractor is None:
        for doc in docs:
            doc.error = doc.error or _startup_error or "worker could not start"
        return docs
    return list(_extractor.pipe(docs))


# ----------------------------------------------------------------------
# In the calling process
def extract_parallel(
    docs: Iterable[Document],
    workers: int = 1,
    model: Optional[str] = None,
    *,
    chunk_size: int = 16,
    window: int = 2,
    batch_size: int = 16,
    factory: ExtractorFactory = default_factory,
    start_method: Optional[str] = None,
    doc_timeout: Optional[float] = DEFAULT_DOC_TIMEOUT,
    startup_grace: float = STARTUP_GRACE,
) -> Iterator[Document]:
    """Yield every document of ``docs`` extracted (or with ``error`` set), in input order.

    ``workers <= 1`` runs in this process. Otherwise ``workers`` processes each
    load the model once; ``chunk_size`` documents go to a worker at a time and
    at most ``workers * window`` chunks are in flight. ``doc_timeout`` is each
    document's time budget (None: none); with workers, a chunk that overruns
    twice its documents' budgets plus ``startup_grace`` has its worker killed.
    """
    kwargs = _factory_kwargs(model, batch_size, doc_timeout)
    if workers <= 1:
        yield from factory(**kwargs).pipe(docs)
        return
    pool = _WorkerPool(workers, factory, kwargs, start_method)
    if doc_timeout:
        pool.deadline = lambda n: 2 * doc_timeout * n + startup_grace
    try:
        yield from pool.run(docs, chunk_size=chunk_size, in_flight=max(1, workers * window))
    finally:
        pool.close()


class _WorkerPool:
    """A process pool that is rebuilt after a worker dies."""

    def __init__(self, workers: int, factory: ExtractorFactory, kwargs: dict, start_method: Optional[str]):
        self.workers = workers
        self.initargs = (factory, kwargs)
        self.deadline: Callable[[int], Optional[float]] = lambda n: None   # seconds a chunk of n may take
        methods = multiprocessing.get_all_start_methods()
        self.context = multiprocessing.get_context(start_method or ("forkserver" if "forkserver" in methods else "spawn"))
        self.executor: Optional[ProcessPoolExecutor] = None
        self.restarts = 0

    def _pool(self) -> ProcessPoolExecutor:
        if self.executor is None:
            self.executor = ProcessPoolExecutor(self.workers, mp_context=self.context, initializer=_init_worker,
                                                initargs=self.initargs)
        return self.executor

    def _restart(self) -> None:
        self.restarts += 1
        log.warning("a worker process died; restarting the pool (restart %d)", self.restarts)
        self.close()

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = None

    def _kill(self) -> None:
        """End every worker now (one is stuck past its hard limit), then rebuild the pool on next use."""
        self.restarts += 1
        log.warning("a worker overran its time limit; killing the pool (restart %d)", self.restarts)
        if self.executor is not None:
            for proc in list(getattr(self.executor, "_processes", {}).values()):
                proc.terminate()
            self.close()

    def _submit(self, chunk: list[Document]) -> Optional[Future]:
        """A future for the chunk, or None when a worker died since the last result came back and the pool refuses
        new work: the chunk is then submitted when its turn comes, after the loop has rebuilt the pool (raising here
        would end the whole batch)."""
        try:
            return self._pool().submit(_extract_chunk, chunk)
        except BrokenProcessPool:
            return None

    def run(self, docs: Iterable[Document], chunk_size: int, in_flight: int) -> Iterator[Document]:
        source = iter(docs)
        queue: deque[tuple[list[Document], Future]] = deque()

        def refill() -> None:
            while len(queue) < in_flight:
                chunk = list(islice(source, chunk_size))
                if not chunk:
                    return
                queue.append((chunk, self._submit(chunk)))

        refill()
        while queue:
            chunk, future = queue.popleft()
            try:
                if future is None:   # refused while the pool was broken: its turn has come
                    future = self._pool().submit(_extract_chunk, chunk)
                done = future.result(timeout=self.deadline(len(chunk)))
            except (BrokenProcessPool, FutureTimeout) as exc:
                # Every chunk in flight is lost with the pool: isolate this one, resubmit the rest.
                waiting = [c for c, _ in queue]
                queue.clear()
                if isinstance(exc, FutureTimeout):
                    self._kill()
                else:
                    self._restart()
                yield from self._one_by_one(chunk)
                for c in waiting:
                    queue.append((c, self._submit(c)))
            except Exception as exc:  # noqa: BLE001 - e.g. a document that cannot be pickled
                log.warning("a chunk failed (%s); retrying its documents one by one", exc)
                yield from self._one_by_one(chunk)
            else:
                yield from done
            refill()

    def _one_by_one(self, chunk: list[Document]) -> Iterator[Document]:
        """Run each document alone so the one that kills a worker is found and given an error record."""
        for doc in chunk:
            try:
                yield from self._pool().submit(_extract_chunk, [doc]).result(timeout=self.deadline(1))
            except BrokenProcessPool:
                self._restart()
                yield _failed(doc, "worker process died while extracting this document")
            except FutureTimeout:
                self._kill()
                yield _failed(doc, "extraction overran its hard time limit; the worker was stopped")
            except Exception as exc:  # noqa: BLE001
                yield _failed(doc, f"worker failed: {type(exc).__name__}: {exc}")


def _failed(doc: Document, message: str) -> Document:
    doc.error = message
    doc.meta["engine_error"] = True
    return doc
