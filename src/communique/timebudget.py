"""Per-document bounds on extraction: a length cap for the parser and a time budget for the rules.

Why both: spaCy's parse cannot be interrupted safely, so its cost is bounded by
parsing at most :data:`MAX_PARSE_CHARS` characters (the rest of a page that long is
a dump, and the document says it was truncated). The rule stages are our own
Python, so an alarm can stop them between two bytecodes when a document overruns
its budget; the document then becomes an error record and the batch goes on.
Worker processes add a hard limit on top (``engines/local.py``).
"""
from __future__ import annotations

import contextlib
import signal
import threading
import time
from typing import Iterator, Optional

#: Seconds one document may take through the whole pipeline before it becomes an error record.
DEFAULT_DOC_TIMEOUT = 60.0
#: Characters of a document's text that are parsed; a longer text is cut at a paragraph break before this.
MAX_PARSE_CHARS = 200_000


class DocumentTimeout(BaseException):
    """A document went over its time budget.

    A BaseException, like KeyboardInterrupt, so the stages' own ``except Exception`` guards
    (quotes are a bonus, a date bug must not stop a document) do not swallow it.
    """


def truncate_for_parse(text: str, limit: int = MAX_PARSE_CHARS) -> Optional[int]:
    """Where to cut ``text`` (a paragraph or sentence end at most ``limit`` characters in), or None."""
    if len(text) <= limit:
        return None
    for mark in ("\n", ". "):
        cut = text.rfind(mark, limit // 2, limit)
        if cut > 0:
            return cut + len(mark.rstrip(" "))
    return limit


class Clock:
    """Seconds spent on each document, across the stages of a batch."""

    def __init__(self, budget: Optional[float]):
        self.budget = budget
        self.spent: dict[int, float] = {}

    def add(self, key: int, seconds: float) -> None:
        self.spent[key] = self.spent.get(key, 0.0) + seconds

    def left(self, key: int) -> Optional[float]:
        if not self.budget:
            return None
        return self.budget - self.spent.get(key, 0.0)

    def over(self, key: int) -> bool:
        left = self.left(key)
        return left is not None and left <= 0


def _alarm_usable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def time_limit(seconds: Optional[float]) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in this block after ``seconds`` (main thread on Unix; else no limit).

    Any timer already set by the caller is put back afterwards.
    """
    if seconds is None or not _alarm_usable():
        yield
        return
    if seconds <= 0:
        raise DocumentTimeout()

    def on_alarm(signum, frame):
        raise DocumentTimeout()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if old_delay:
            signal.setitimer(signal.ITIMER_REAL, max(0.001, old_delay - (time.monotonic() - started)), old_interval)
