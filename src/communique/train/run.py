"""``communique train``: labeled passages → a shipped-format event coder directory.

Steps: read and check passages; parse them and pair their parties (the same code extraction uses);
write spaCy ``DocBin`` files; train the two classifiers of ``data/event_coder.cfg`` with spaCy's own
training loop; then measure the dev split to set a threshold per type (types whose precision stays low
are switched off) and write a reliability table. Everything is seeded, so two runs give the same model.
"""
from __future__ import annotations

import json
import logging
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from communique.train.corpus import Passage, read_passages
from communique.train.examples import DEFAULT_SYMMETRIC, PairExample, pair_examples

log = logging.getLogger(__name__)

CONFIG = Path(__file__).resolve().parent.parent / "data" / "event_coder.cfg"
#: A type is kept only if, at some threshold, its dev precision reaches this.
MIN_PRECISION = 0.6
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
STATUS_PREFIX = "status:"
SENTENCE_PREFIX = "sentence:"


@dataclass
class TrainReport:
    output: Path
    passages: int
    examples: dict
    labels: list
    thresholds: dict
    disabled: list
    dev: dict


def train(data: Iterable[str | Path], output: str | Path, seed: int = 17, parse_model: Optional[str] = None,
          symmetric: Iterable[str] = DEFAULT_SYMMETRIC, max_epochs: Optional[int] = None,
          progress=None) -> TrainReport:
    from communique.nlp import load_model

    passages = list(read_passages(data))
    if not passages:
        raise ValueError("no labeled passages found")
    nlp = load_model(parse_model)
    symmetric = frozenset(symmetric)
    examples = list(pair_examples(passages, nlp, symmetric))
    labels = sorted({t for ex in examples for t in ex.types})
    if not labels:
        raise ValueError("the passages hold no event whose two sides fall in one sentence")
    statuses = sorted({ex.status for ex in examples if ex.status})
    output = Path(output)
    with tempfile.TemporaryDirectory(prefix="communique-train-") as tmp:
        tmp = Path(tmp)
        paths = {split: _docbin([ex for ex in examples if ex.split == split], tmp / f"{split}.spacy",
                                labels, statuses) for split in ("train", "dev")}
        overrides = {"paths.train": str(paths["train"]), "paths.dev": str(paths["dev"]),
                     "system.seed": seed,
                     "initialize.components.event_type.labels": labels,
                     "initialize.components.event_status.labels": [STATUS_PREFIX + s for s in statuses],
                     "initialize.components.event_sentence.labels": [SENTENCE_PREFIX + t for t in labels]}
        if max_epochs:
            overrides["training.max_epochs"] = max_epochs
        _spacy_train(tmp / "run", overrides)
        if output.exists():
            shutil.rmtree(output)
        shutil.copytree(tmp / "run" / "model-last", output)
    from communique.events.learned import EventCoder

    coder = EventCoder(output, meta={"labels": labels, "symmetric": sorted(symmetric)})
    dev = [ex for ex in examples if ex.split == "dev" and ex.level == "pair"]
    thresholds, disabled, table = calibrate(coder, dev, labels)
    dev_sent = [ex for ex in examples if ex.split == "dev" and ex.level == "sentence"]
    sent_thresholds, _, sent_table = calibrate(coder, dev_sent, labels, level="sentence")
    meta = {
        "labels": labels, "statuses": statuses, "symmetric": sorted(symmetric), "seed": seed,
        "thresholds": thresholds, "disabled": disabled, "reliability": table,
        "sentence_thresholds": sent_thresholds, "sentence_reliability": sent_table,
        "passages": {"total": len(passages), "dev": sum(p.split == "dev" for p in passages)},
        "examples": _counts(examples),
    }
    (output / "coder.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return TrainReport(output, len(passages), meta["examples"], labels, thresholds, disabled, table)


def _counts(examples: list[PairExample]) -> dict:
    c = Counter()
    for ex in examples:
        c[f"{ex.split}_{ex.level}s"] += 1
        c[f"{ex.split}_{ex.level}s_positive"] += bool(ex.types)
    return dict(sorted(c.items()))


def _docbin(examples: list[PairExample], path: Path, labels: list[str], statuses: list[str]) -> Path:
    from spacy.tokens import Doc, DocBin
    from spacy.vocab import Vocab

    vocab = Vocab()
    db = DocBin(store_user_data=False)
    for ex in examples:
        doc = Doc(vocab, words=ex.text.split())
        if ex.level == "sentence":
            doc.cats = {SENTENCE_PREFIX + label: float(label in ex.types) for label in labels}
            db.add(doc)
            continue
        cats = {label: float(label in ex.types) for label in labels}
        if ex.status:
            cats.update({STATUS_PREFIX + s: float(s == ex.status) for s in statuses})
        doc.cats = cats
        db.add(doc)
    db.to_disk(path)
    return path


def _spacy_train(out: Path, overrides: dict) -> None:
    from spacy.cli.train import train as spacy_train

    spacy_train(CONFIG, out, use_gpu=-1, overrides=overrides)


# -- calibration --------------------------------------------------------------
def calibrate(coder, dev: list[PairExample], labels: list[str], level: str = "pair"):
    """Per-type thresholds from the dev split, the types kept off, and a reliability table."""
    if not dev:
        return {t: 0.5 for t in labels}, [], {}
    scores = coder.type_scores([ex.text for ex in dev], level=level)
    thresholds, disabled, per_type = {}, [], {}
    for label in labels:
        support = sum(label in ex.types for ex in dev)
        best = None
        for th in THRESHOLDS:
            tp = sum(1 for ex, s in zip(dev, scores) if s.get(label, 0) >= th and label in ex.types)
            fp = sum(1 for ex, s in zip(dev, scores) if s.get(label, 0) >= th and label not in ex.types)
            if tp + fp and tp / (tp + fp) >= MIN_PRECISION and tp >= 3:
                best = th
                per_type[label] = {"threshold": th, "precision": round(tp / (tp + fp), 3),
                                   "recall": round(tp / support, 3) if support else None, "support": support}
                break
        if best is None:
            disabled.append(label)
            thresholds[label] = 1.01
            per_type[label] = {"threshold": None, "precision": None, "recall": 0.0, "support": support}
        else:
            thresholds[label] = best
    bins = [[0, 0] for _ in range(10)]
    for ex, s in zip(dev, scores):
        for label, p in s.items():
            if p >= 0.1:
                b = min(int(p * 10), 9)
                bins[b][0] += 1
                bins[b][1] += label in ex.types
    table = [{"confidence": f"{b / 10:.1f}-{(b + 1) / 10:.1f}", "predictions": n,
              "correct": round(k / n, 3) if n else None} for b, (n, k) in enumerate(bins) if b >= 1]
    return thresholds, disabled, {"bins": table, "per_type": per_type}
