"""The trained event coder: for each sentence and each pair of parties in it, event types, status, direction.

The model is a spaCy pipeline trained by ``communique train`` (config ``data/event_coder.cfg``) on the
project's labeled passages; the bundled one lives in ``data/models/event_coder``. ``coder.json`` beside it
holds the labels, the per-type thresholds measured on the dev split (types that never reached the
precision floor are off) and the reliability table.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Optional

from communique.events.pairs import sentence_mentions, view

BUNDLED = Path(__file__).resolve().parent.parent / "data" / "models" / "event_coder"
STATUS_PREFIX = "status:"


class EventCoder:
    """A loaded event coder: scores pair views."""

    def __init__(self, path: str | Path, meta: Optional[dict] = None):
        import spacy

        self.path = Path(path)
        self.nlp = spacy.load(self.path)
        if meta is None:
            meta_file = self.path / "coder.json"
            meta = json.loads(meta_file.read_text(encoding="utf-8")) if meta_file.exists() else {}
        self.meta = meta
        self.labels = list(meta.get("labels") or self.nlp.get_pipe("event_type").labels)
        self.symmetric = set(meta.get("symmetric") or ())
        self.thresholds = dict(meta.get("thresholds") or {})

    def _docs(self, texts):
        from spacy.tokens import Doc

        return [Doc(self.nlp.vocab, words=t.split() or ["_"]) for t in texts]

    def type_scores(self, texts: list[str]) -> list[dict[str, float]]:
        pipe = self.nlp.get_pipe("event_type")
        return [dict(d.cats) for d in pipe.pipe(self._docs(texts), batch_size=256)]

    def score(self, texts: list[str]) -> list[tuple[dict[str, float], dict[str, float]]]:
        """(type probabilities, status probabilities) for each view."""
        out = []
        for d in self.nlp.pipe(self._docs(texts), batch_size=256):
            types = {k: v for k, v in d.cats.items() if not k.startswith(STATUS_PREFIX)}
            status = {k[len(STATUS_PREFIX):]: v for k, v in d.cats.items() if k.startswith(STATUS_PREFIX)}
            out.append((types, status))
        return out

    def threshold(self, label: str) -> float:
        return self.thresholds.get(label, 0.5)


@functools.lru_cache(maxsize=4)
def load_coder(path: Optional[str] = None) -> Optional[EventCoder]:
    """The coder at ``path`` (or the bundled one); None when no model is installed."""
    target = Path(path) if path else BUNDLED
    if not (target / "config.cfg").exists():
        if path:
            raise FileNotFoundError(f"no event model at {path} (expected a directory made by `communique train`)")
        return None
    return EventCoder(target)


def pair_predictions(sdoc, actor_spans, coder: EventCoder, skip_sentence=lambda sent: False):
    """For every unordered pair of parties of every sentence, the best (type, p, status, src, tgt, sent) above
    that type's threshold, both directions considered."""
    jobs = []
    for sent in sdoc.sents:
        if skip_sentence(sent):
            continue
        mentions = sentence_mentions(sent, actor_spans)
        for i, a in enumerate(mentions):
            for b in mentions[i + 1:]:
                others = [m for m in mentions if m is not a and m is not b]
                jobs.append((sent, a, b, view(sent, a, b, others), view(sent, b, a, others)))
    if not jobs:
        return []
    scored = coder.score([v for job in jobs for v in job[3:]])
    out = []
    for n, (sent, a, b, _, _) in enumerate(jobs):
        (fwd, fstat), (back, bstat) = scored[2 * n], scored[2 * n + 1]
        for label in coder.labels:
            pf, pb = fwd.get(label, 0.0), back.get(label, 0.0)
            p = max(pf, pb)
            if p < coder.threshold(label):
                continue
            src, tgt, stat = (a, b, fstat) if pf >= pb else (b, a, bstat)
            if label in coder.symmetric:
                src, tgt = (a, b) if a.start < b.start else (b, a)
            status = max(stat, key=stat.get) if stat else "occurred"
            out.append((label, round(p, 3), status, src, tgt, sent))
    return out
