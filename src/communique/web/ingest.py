"""``POST /api/ingest``: the one write path, only mounted with ``--allow-ingest``.

Guarded by a bearer token (constant-time comparison), a body size limit and a
short list of accepted media types. The body is parsed in memory by
``communique.ingest.read_bytes`` under a name we make up, so nothing the
client sends is ever used as a path.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import threading
from typing import Optional

from fastapi import APIRouter, HTTPException, Query, Request
from starlette.concurrency import run_in_threadpool

from communique.web.filters import FilterError, parse_day

DEFAULT_MAX_BYTES = 5 * 1024 * 1024

#: Accepted media types → the suffix that tells ``read_bytes`` the format.
MEDIA_SUFFIX = {
    "text/plain": ".txt",
    "text/markdown": ".txt",
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/x-ndjson": ".jsonl",
    "application/jsonl": ".jsonl",
    "application/jsonlines": ".jsonl",
    "application/json": ".jsonl",
}

SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def check_token(request: Request, expected: str) -> None:
    """401 without a bearer token, 403 with a wrong one."""
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise HTTPException(401, "a bearer token is required: Authorization: Bearer <token>",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode("utf-8"), expected.encode("utf-8")):
        raise HTTPException(403, "the token is not valid")


def media_suffix(content_type: Optional[str]) -> str:
    """415 unless the body is text, HTML or JSON Lines."""
    media = (content_type or "").split(";", 1)[0].strip().lower()
    if media not in MEDIA_SUFFIX:
        raise HTTPException(415, f"unsupported media type {media or '(none)'!r}; send one of "
                                 + ", ".join(sorted(MEDIA_SUFFIX)))
    return MEDIA_SUFFIX[media]


async def read_limited(request: Request, max_bytes: int) -> bytes:
    """The request body, or 413 as soon as it grows past ``max_bytes``."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > max_bytes:
                raise HTTPException(413, f"the upload is larger than {max_bytes} bytes")
        except ValueError:
            raise HTTPException(400, "Content-Length is not a number") from None
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_bytes:
            raise HTTPException(413, f"the upload is larger than {max_bytes} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def document_stem(name: Optional[str], body: bytes) -> str:
    """A document id stem: the client's name made safe, else a content hash (so re-uploads are duplicates)."""
    if name:
        cleaned = SAFE_NAME.sub("-", name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]).strip(".-")[:80]
        if cleaned:
            return cleaned
    return "upload-" + hashlib.sha256(body).hexdigest()[:16]


class IngestService:
    """Loads the extraction pipeline on first use and writes through one locked writer."""

    def __init__(self, access, extractor_factory=None):
        self.access = access
        self._factory = extractor_factory
        self._extractor = None
        self._load_lock = threading.Lock()

    def extractor(self):
        with self._load_lock:
            if self._extractor is None:
                if self._factory is None:
                    from communique.pipeline import Extractor

                    self._factory = Extractor
                self._extractor = self._factory()
            return self._extractor

    def run(self, body: bytes, name: str, published: Optional[str]) -> dict:
        from communique.ingest import read_bytes

        docs = list(read_bytes(body, name=name, published=published, source_path="upload"))
        if not docs:
            raise HTTPException(422, "the upload holds no document")
        if all(d.error for d in docs):
            raise HTTPException(422, "no document could be read: " + "; ".join(d.error for d in docs[:3]))
        extracted = list(self.extractor().pipe(docs))
        with self.access.write_lock:
            store = self.access.writer()
            try:
                result = dict(store.ingest(extracted))
            finally:
                store.close()
        result["documents"] = [{"id": d.id, "error": d.error} if d.error else {"id": d.id} for d in extracted]
        return result


def ingest_router(service: IngestService, token: str, max_bytes: int = DEFAULT_MAX_BYTES) -> APIRouter:
    router = APIRouter(prefix="/api")

    @router.post(
        "/ingest", tags=["ingest"], summary="Upload one text, HTML or JSON Lines file; extract and store it",
        responses={401: {"description": "No bearer token"}, 403: {"description": "Wrong token"},
                   413: {"description": f"Body larger than {max_bytes} bytes"},
                   415: {"description": "Not text/plain, text/html or application/x-ndjson"},
                   422: {"description": "No readable document in the body"}},
    )
    async def ingest(
        request: Request,
        name: Optional[str] = Query(None, max_length=200, description="File name, used only to name the document."),
        published: Optional[str] = Query(None, description="Publication day YYYY-MM-DD for text without one."),
    ) -> dict:
        """Send the file as the raw request body with its media type, e.g.
        ``curl -H "Authorization: Bearer $T" -H "Content-Type: text/html" --data-binary @page.html``."""
        check_token(request, token)
        suffix = media_suffix(request.headers.get("content-type"))
        try:
            day = parse_day(published, "published")
        except FilterError as exc:
            raise HTTPException(422, str(exc)) from None
        body = await read_limited(request, max_bytes)
        if not body.strip():
            raise HTTPException(422, "the upload is empty")
        if body[:2] == b"\x1f\x8b":
            raise HTTPException(415, "compressed uploads are not accepted; send the file uncompressed")
        return await run_in_threadpool(service.run, body, document_stem(name, body) + suffix, day)

    return router
