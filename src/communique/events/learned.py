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

from communique.events.pairs import sentence_mentions, sentence_view, view

BUNDLED = Path(__file__).resolve().parent.parent / "data" / "models" / "event_coder"
STATUS_PREFIX = "status:"
SENTENCE_PREFIX = "sentence:"
#: At most this many parties of a sentence are paired (the first ones); more are rare and cost quadratically.
MAX_PAIRED = 4


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
        self.sentence_thresholds = dict(meta.get("sentence_thresholds") or {})
        self.has_sentence = "event_sentence" in self.nlp.pipe_names
        self._calibration = {level: _monotone(((meta.get(key) or {}).get("bins")) or [])
                             for level, key in (("pair", "reliability"), ("sentence", "sentence_reliability"))}

    def calibrated(self, p: float, level: str = "pair") -> float:
        """A raw score as the share of such predictions that were right on the dev split (the reliability
        table, made monotone); the raw score where no table was measured."""
        table = self._calibration.get(level) or []
        for low, high, value in table:
            if low <= p < high or (high >= 1.0 and p >= low):
                return value
        return p

    def _docs(self, texts):
        from spacy.tokens import Doc

        return [Doc(self.nlp.vocab, words=t.split() or ["_"]) for t in texts]

    def type_scores(self, texts: list[str], level: str = "pair") -> list[dict[str, float]]:
        """Type probabilities of pair views (``level="pair"``) or sentence views (``"sentence"``)."""
        if level == "sentence":
            pipe = self.nlp.get_pipe("event_sentence")
            return [{k[len(SENTENCE_PREFIX):]: v for k, v in d.cats.items()}
                    for d in pipe.pipe(self._docs(texts), batch_size=256)]
        pipe = self.nlp.get_pipe("event_type")
        return [dict(d.cats) for d in pipe.pipe(self._docs(texts), batch_size=256)]

    def score(self, texts: list[str]) -> list[tuple[dict[str, float], dict[str, float]]]:
        """(type probabilities, status probabilities) for each view."""
        out = []
        names = [n for n in self.nlp.pipe_names if n != "event_sentence"]
        for d in self.nlp.pipe(self._docs(texts), batch_size=256, disable=[n for n in self.nlp.pipe_names
                                                                            if n not in names]):
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


def pair_predictions(sdoc, spans, coder: EventCoder, skip_sentence=lambda sent: False,
                     usable=lambda mention: True):
    """Coded events of a document as (type, p, status, src, tgt, sent) tuples.

    Every unordered pair of parties of every sentence is scored in both directions; a type above its
    threshold gives an event. A sentence whose sentence-level score names a type no pair reached gives
    an event too, between the pair that scored highest for that type (``src``/``tgt`` may then be the
    sentence's only party and None). Only parties for which ``usable`` holds are paired (the others still
    appear in the views as ``act``), which spares the model pairs that could never become an event."""
    jobs, sentences = [], []
    for sent in sdoc.sents:
        if skip_sentence(sent):
            continue
        mentions = sentence_mentions(sent, spans)
        sentences.append((sent, mentions))
        parties = [m for m in mentions if usable(m)][:MAX_PAIRED]
        for i, a in enumerate(parties):
            for b in parties[i + 1:]:
                others = [m for m in mentions if m is not a and m is not b]
                jobs.append((sent, a, b, view(sent, a, b, others), view(sent, b, a, others)))
    scored = coder.score([v for job in jobs for v in job[3:]]) if jobs else []
    out, best = [], {}
    for n, (sent, a, b, _, _) in enumerate(jobs):
        (fwd, fstat), (back, bstat) = scored[2 * n], scored[2 * n + 1]
        for label in coder.labels:
            pf, pb = fwd.get(label, 0.0), back.get(label, 0.0)
            p = max(pf, pb)
            src, tgt, stat = (a, b, fstat) if pf >= pb else (b, a, bstat)
            if label in coder.symmetric:
                src, tgt = (a, b) if a.start < b.start else (b, a)
            status = max(stat, key=stat.get) if stat else "occurred"
            key = (sent.start, label)
            if key not in best or p > best[key][1]:
                best[key] = (label, round(p, 3), status, src, tgt, sent)
            if p >= coder.threshold(label):
                out.append((label, coder.calibrated(p), status, src, tgt, sent))
    if coder.has_sentence and sentences:
        found = {(e[5].start, e[0]) for e in out}
        whole = coder.type_scores([sentence_view(s, ms) for s, ms in sentences], level="sentence")
        for (sent, mentions), scores in zip(sentences, whole):
            for label, p in scores.items():
                if p < coder.sentence_thresholds.get(label, 1.01) or (sent.start, label) in found:
                    continue
                pair = best.get((sent.start, label))
                if pair is not None:
                    _, _, status, src, tgt, _ = pair
                else:
                    first = next((m for m in mentions if usable(m)), None)
                    status, src, tgt = "occurred", first, None
                out.append((label, coder.calibrated(p, "sentence"), status, src, tgt, sent))
    return out


def _monotone(bins: list[dict]) -> list[tuple[float, float, float]]:
    """Reliability bins → (low, high, accuracy) with accuracy never falling as the score rises (pooled)."""
    rows = []
    for b in bins:
        if not b.get("predictions") or b.get("correct") is None:
            continue
        low, high = (float(x) for x in b["confidence"].split("-"))
        rows.append([low, high, b["correct"] * b["predictions"], b["predictions"]])
    pooled: list[list[float]] = []
    for row in rows:
        pooled.append(row)
        while len(pooled) > 1 and pooled[-2][2] / pooled[-2][3] > pooled[-1][2] / pooled[-1][3]:
            last = pooled.pop()
            pooled[-1] = [pooled[-1][0], last[1], pooled[-1][2] + last[2], pooled[-1][3] + last[3]]
    return [(low, high, round(k / n, 3)) for low, high, k, n in pooled]
