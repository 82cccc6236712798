"""Produce the records to score: run the pipeline over inputs, or read a JSONL file made earlier."""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional


class UnusableOutput(ValueError):
    """A system output file that cannot be scored (missing, or a line that is not JSON)."""


@dataclass
class Run:
    records: list[dict] = field(default_factory=list)
    seconds: float = 0.0
    errors: int = 0

    @property
    def docs_per_second(self) -> float:
        return len(self.records) / self.seconds if self.seconds else 0.0

    def summary(self) -> dict:
        return {"documents": len(self.records), "errors": self.errors, "seconds": round(self.seconds, 2),
                "docs_per_second": round(self.docs_per_second, 2)}


def read_output(path: Path) -> Run:
    """Records from a JSON Lines file written by ``communique extract``."""
    records = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UnusableOutput(f"cannot read {path}: {exc}") from exc
    for n, line in enumerate(lines, 1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise UnusableOutput(f"{path}:{n}: not JSON: {exc}") from exc
    return Run(records=records, errors=sum(1 for r in records if r.get("error")))


def run_pipeline(inputs: Iterable[str], published: Optional[str] = None, model: Optional[str] = None,
                 full: bool = True, tick: Callable = lambda doc=None: None) -> Run:
    """Read and extract ``inputs``; ``full=False`` stops after cleaning (no parser: fast body checks).

    The time covers reading and extraction, not loading the model.
    """
    from communique.ingest import read_paths
    from communique.pipeline import Extractor, prepare

    extractor = Extractor(model=model) if full else None
    start = time.perf_counter()
    docs = read_paths(inputs, published=published)
    stream = extractor.pipe(docs) if extractor else (_prepare_safely(prepare, d) for d in docs)
    run = Run()
    for doc in stream:
        run.records.append(doc.to_dict())
        run.errors += bool(doc.error)
        tick(doc)
    run.seconds = time.perf_counter() - start
    return run


def _prepare_safely(prepare, doc):
    try:
        return prepare(doc)
    except Exception as exc:  # a cleaner bug is a finding, not a crash of the evaluation
        doc.error = f"cleaning failed: {type(exc).__name__}: {exc}"
        return doc
