"""Shared pieces of the speed benchmarks: timing, the bare-spaCy baseline, and the side-by-side table.

Why a bare ``nlp.pipe`` baseline: the parser is the floor under every
Communique run, so "documents per second" only means something next to what
spaCy alone does on the same texts on the same machine at the same moment.
"""
from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


@dataclass
class Row:
    label: str
    docs: int
    words: int
    seconds: float
    note: str = ""

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds else float("nan")

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else float("nan")


def load_texts(path: str) -> list[str]:
    """The ``text`` of every record of a JSON Lines file (what the bare parse is given)."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line).get("text") or "" for line in fh if line.strip()]


def count_words(texts: Iterable[str]) -> int:
    return sum(len(t.split()) for t in texts)


def timed(label: str, run: Callable[[], int], words: int, note: str = "") -> Row:
    """Run ``run`` (which returns how many documents it handled) and time it."""
    t0 = time.perf_counter()
    docs = run()
    return Row(label, docs, words, time.perf_counter() - t0, note)


def bare_parse(texts: list[str], model: Optional[str] = None, batch_size: int = 16, n_process: int = 1) -> int:
    """spaCy alone over the texts: the model is loaded before timing starts (see :func:`warm_model`)."""
    from communique.nlp import load_model

    nlp = load_model(model)
    n = 0
    for _ in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        n += 1
    return n


def warm_model(model: Optional[str] = None):
    """Load the pipeline (cached per process) and run it once, so no row pays for start-up in this process."""
    from communique.nlp import load_model

    nlp = load_model(model)
    nlp("Warm-up sentence in Astana on Monday.")
    return nlp


def drain(records: Iterable, to_json: bool = True) -> int:
    """Consume extracted documents as the CLI does (serialise each to a JSON line), return the count."""
    n = 0
    for doc in records:
        line = json.dumps(doc.to_dict() if hasattr(doc, "to_dict") else doc, ensure_ascii=False)
        n += bool(line)
    return n


def machine_line(nlp) -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    model = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"
    return f"model {model}; {os.cpu_count()} CPUs; load average {load:.2f} at start"


def print_table(rows: list[Row], baseline: Row, out=sys.stdout) -> None:
    width = max(len(r.label) for r in rows) + 2
    out.write(f"{'':{width}}{'docs':>7}{'words':>10}{'seconds':>10}{'docs/s':>10}{'words/s':>11}{'vs bare':>10}\n")
    for r in rows:
        ratio = r.docs_per_s / baseline.docs_per_s if baseline.docs_per_s else float("nan")
        out.write(f"{r.label:{width}}{r.docs:>7}{r.words:>10}{r.seconds:>10.1f}{r.docs_per_s:>10.1f}"
                  f"{r.words_per_s:>11.0f}{ratio:>9.2f}x{('  ' + r.note) if r.note else ''}\n")
    out.flush()
