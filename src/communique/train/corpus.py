"""Labeled passages: reading, checking, character spans and the deterministic train/dev split.

A passage is one JSON object per line (``training/passages/*.jsonl``)::

    {"id": "...", "style": "wire", "text": "...",
     "events": [{"type": "MEET", "status": "occurred", "source": "X", "target": "Y",
                 "date": "on Tuesday", "place": "in Lima"}]}

Sides, dates and places are written as exact substrings of ``text`` (``source_n``/``target_n``
pick the n-th occurrence) so that writers never count characters; :func:`resolve_spans` turns
them into ``[start, end)`` character spans. A user's own data may give spans directly as
``{"text": ..., "start": ..., "end": ...}`` objects instead.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from communique.model import STATUSES

#: Share of passages (by a hash of their id, so stable across runs and machines) held out as the dev split.
DEV_SHARE = 0.15


@dataclass
class LabeledSide:
    text: str
    start: int
    end: int


@dataclass
class LabeledEvent:
    type: str
    status: str
    source: Optional[LabeledSide]
    target: Optional[LabeledSide]
    date: Optional[LabeledSide] = None
    place: Optional[LabeledSide] = None


@dataclass
class Passage:
    id: str
    text: str
    style: str = ""
    events: list[LabeledEvent] = field(default_factory=list)

    @property
    def split(self) -> str:
        return split_of(self.id)


class PassageError(ValueError):
    """A passage that cannot be used, with the file and line it came from."""


def split_of(passage_id: str) -> str:
    h = int(hashlib.sha1(passage_id.encode("utf-8")).hexdigest()[:8], 16)
    return "dev" if h % 1000 < DEV_SHARE * 1000 else "train"


def passage_files(paths: Iterable[str | Path]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        out.extend(sorted(p.rglob("*.jsonl")) if p.is_dir() else [p])
    return out


def read_passages(paths: Iterable[str | Path], strict: bool = False) -> Iterator[Passage]:
    """Every usable passage; a malformed one raises with ``strict`` and is skipped (logged) without."""
    import logging

    log = logging.getLogger(__name__)
    for path in passage_files(paths):
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    yield parse_passage(json.loads(line))
                except (ValueError, KeyError, TypeError) as exc:
                    if strict:
                        raise PassageError(f"{path}:{n}: {exc}") from exc
                    log.warning("%s:%d: skipped: %s", path, n, exc)


def parse_passage(rec: dict) -> Passage:
    text = rec["text"]
    if not isinstance(text, str) or not text.strip():
        raise ValueError("empty text")
    events = []
    for ev in rec.get("events") or []:
        status = ev.get("status", "occurred")
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        etype = str(ev["type"]).upper()
        source = resolve_spans(text, ev.get("source"), ev.get("source_n", 1))
        target = resolve_spans(text, ev.get("target"), ev.get("target_n", 1))
        if target is None and ev.get("destination"):
            target = resolve_spans(text, ev.get("destination"), ev.get("destination_n", 1))
        events.append(LabeledEvent(etype, status, source, target,
                                   resolve_spans(text, ev.get("date"), 1, required=False),
                                   resolve_spans(text, ev.get("place"), 1, required=False)))
    return Passage(str(rec["id"]), text, str(rec.get("style") or ""), events)


def resolve_spans(text: str, value, nth: int = 1, required: bool = True) -> Optional[LabeledSide]:
    """A substring (its ``nth`` occurrence) or an explicit span → a checked character span."""
    if value is None or value == "":
        return None
    if isinstance(value, dict):
        start, end = int(value["start"]), int(value["end"])
        if not 0 <= start < end <= len(text):
            raise ValueError(f"span {start}-{end} outside the text")
        return LabeledSide(text[start:end], start, end)
    at = -1
    for _ in range(max(1, int(nth))):
        at = text.find(value, at + 1)
        if at < 0:
            if required:
                raise ValueError(f"{value!r} is not in the text")
            return None
    return LabeledSide(value, at, at + len(value))


def with_spans(p: Passage) -> dict:
    """The passage as a record whose sides carry explicit character spans (the corpus's published form)."""
    def side(s: Optional[LabeledSide]):
        return None if s is None else {"text": s.text, "start": s.start, "end": s.end}

    return {"id": p.id, "style": p.style, "split": p.split, "text": p.text,
            "events": [{"type": e.type, "status": e.status, "source": side(e.source), "target": side(e.target),
                        "date": side(e.date), "place": side(e.place)} for e in p.events]}
