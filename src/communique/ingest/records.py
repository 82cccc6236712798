"""JSON records (JSON Lines, a JSON array, or one object) to documents.

Field names vary between scrapers and datasets, so a few common aliases are
accepted; anything the pipeline does not use (a ``gold`` answer, say) is
ignored rather than rejected.
"""
from __future__ import annotations

import json
from typing import Any, Iterable, Iterator, Optional

from communique.ingest.dates import normalize_day
from communique.model import Document, error_document

TEXT_KEYS = ("text", "body", "content", "articleBody", "article", "maintext")
HTML_KEYS = ("html", "raw_html", "page")
TITLE_KEYS = ("title", "headline")
DATE_KEYS = ("published", "date", "date_publish", "published_at", "publish_date", "pubdate", "datePublished")
URL_KEYS = ("url", "link", "source_url")
OUTLET_KEYS = ("outlet", "source", "sitename", "site", "publisher")


def _first(rec: dict, keys: Iterable[str]) -> Any:
    for k in keys:
        v = rec.get(k)
        if v not in (None, ""):
            return v
    return None


def _str(v: Any) -> Optional[str]:
    if v is None:
        return None
    if isinstance(v, dict):  # e.g. {"name": "VOA"} for an outlet
        v = v.get("name") or v.get("title")
        if v is None:
            return None
    return str(v).strip() or None


def record_document(rec: Any, fallback_id: str, published: Optional[str] = None,
                    source_path: Optional[str] = None) -> Document:
    """One record to one document (an error document when it cannot be used)."""
    if not isinstance(rec, dict):
        return error_document(fallback_id, f"record is a JSON {type(rec).__name__}, not an object", source_path)
    doc_id = _str(rec.get("id")) or fallback_id
    url = _str(_first(rec, URL_KEYS))
    day_raw = _first(rec, DATE_KEYS)
    day = normalize_day(day_raw)
    text = _first(rec, TEXT_KEYS)
    html = _first(rec, HTML_KEYS)
    if text is None and isinstance(html, str):
        from communique.ingest.html import html_document

        doc = html_document(doc_id, html, published=day or published, url=url, source_path=source_path)
        doc.title = _str(_first(rec, TITLE_KEYS)) or doc.title
        doc.outlet = _str(_first(rec, OUTLET_KEYS)) or doc.outlet
        return doc
    if text is None:
        return error_document(doc_id, "record has no text (expected one of: " + ", ".join(TEXT_KEYS + HTML_KEYS) + ")",
                              source_path)
    if not isinstance(text, str):
        return error_document(doc_id, f"record text is a JSON {type(text).__name__}, not a string", source_path)
    doc = Document(id=doc_id, raw_text=text, title=_str(_first(rec, TITLE_KEYS)), published=day or published,
                   url=url, outlet=_str(_first(rec, OUTLET_KEYS)), source_path=source_path)
    if day_raw is not None and day is None:
        doc.meta["published_unreadable"] = str(day_raw)[:100]
    return doc


def read_json_lines(lines: Iterable, stem: str, published: Optional[str] = None,
                    source_path: Optional[str] = None) -> Iterator[Document]:
    """One document per non-blank line; a broken line becomes an error record and the rest go on.

    A file with no records at all gives one error record, so an empty input is never silent. A
    line may also be a ready error document (an overlong line, a broken stream) or carry the
    decoding decision its bytes needed (``line.encoding``).
    """
    count = 0
    for n, line in enumerate(lines, 1):
        if isinstance(line, Document):
            count += 1
            yield line
            continue
        if not line.strip():
            continue
        count += 1
        fallback = f"{stem}:{n}"
        rec, problem = parse_json(line)
        if problem:
            yield error_document(fallback, f"line {n} {problem}", source_path)
            continue
        doc = record_document(rec, fallback, published, source_path)
        encoding = getattr(line, "encoding", None)
        if encoding and not doc.error:
            doc.meta["encoding"] = dict(encoding)
        yield doc
    if count == 0:
        yield error_document(stem, "no records: the JSON Lines input is empty", source_path)


def parse_json(text: str) -> tuple[Any, Optional[str]]:
    """``(value, None)`` or ``(None, what is wrong)``; never raises, however deep the nesting.

    Why catch RecursionError: ``"[" * 100000`` is one short line that exhausts the parser's
    stack, and it must cost one error record, not the batch.
    """
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        return None, f"is not valid JSON: {exc}"
    except RecursionError:
        return None, "is nested too deeply to read as JSON"


def read_json_text(text: str, stem: str, published: Optional[str] = None,
                   source_path: Optional[str] = None) -> Iterator[Document]:
    """A ``.json`` file: one object, an array of objects, or (often, despite the name) JSON Lines."""
    data, problem = parse_json(text)
    if problem and "nested too deeply" in problem:
        yield error_document(stem, f"the JSON {problem}", source_path)
        return
    if problem:
        yield from read_json_lines(text.split("\n"), stem, published, source_path)
        return
    if isinstance(data, list):
        if not data:
            yield error_document(stem, "no records: the JSON array is empty", source_path)
        for n, rec in enumerate(data, 1):
            yield record_document(rec, f"{stem}:{n}", published, source_path)
    else:
        yield record_document(data, stem, published, source_path)
