"""Reading with a size cap: no input may grow the process without bound.

Why streams and caps instead of ``read()``: a 300 KB gzip can expand to
gigabytes, ``/dev/zero`` never ends, and a JSON Lines file may hold one
endless line. Every byte is read through :func:`read_capped` or
:func:`bounded_lines`, which stop at a limit and say so, so memory stays
proportional to the limit, never to the input.
"""
from __future__ import annotations

import gzip
import zlib
from typing import BinaryIO, Iterator, Union

#: One document larger than this is refused (it is a dump, not an article); JSON Lines files are streamed.
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
#: A JSON Lines line (one record) larger than this becomes an error record.
MAX_LINE_BYTES = MAX_DOCUMENT_BYTES
#: Bytes skipped looking for the end of an overlong line before the rest of the file is given up.
MAX_SKIP_BYTES = 4 * MAX_DOCUMENT_BYTES
_CHUNK = 1 << 20

GZIP_MAGIC = b"\x1f\x8b"
#: What a broken or truncated compressed stream raises while it is read.
DECOMPRESS_ERRORS = (OSError, EOFError, zlib.error)


class TooLarge(ValueError):
    """The input is over a size cap; the message says which."""


def read_capped(fh: BinaryIO, limit: int = MAX_DOCUMENT_BYTES, what: str = "file") -> bytes:
    """All bytes of ``fh`` when there are at most ``limit`` of them; :class:`TooLarge` otherwise.

    Reads in chunks so an endless device or a decompression bomb stops at ``limit + 1`` bytes.
    """
    parts: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = fh.read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    if size > limit:
        raise TooLarge(f"{what} too large for one document (over {limit} bytes); split it or use JSON Lines")
    return b"".join(parts)


def gunzip_capped(data: bytes, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """Decompress gzip bytes (all members) as a stream, stopping past ``limit`` output bytes."""
    import io

    with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
        return read_capped(fh, limit, "decompressed data")


def open_maybe_gzip(fh: BinaryIO) -> BinaryIO:
    """``fh`` itself, or a streaming gzip reader over it when it starts with the gzip magic number."""
    head = _peek(fh, 2)
    if head == GZIP_MAGIC:
        return gzip.GzipFile(fileobj=fh)  # type: ignore[return-value]
    return fh


def _peek(fh: BinaryIO, n: int) -> bytes:
    if hasattr(fh, "peek"):
        try:
            return fh.peek(n)[:n]
        except (OSError, ValueError):
            return b""
    return b""


class LineTooLong:
    """Marker yielded by :func:`bounded_lines` in place of a line over the cap."""

    def __init__(self, number: int, skipped: int, gave_up: bool):
        self.number = number
        self.skipped = skipped
        self.gave_up = gave_up


def bounded_lines(fh: BinaryIO, limit: int = MAX_LINE_BYTES,
                  skip_limit: int = MAX_SKIP_BYTES) -> Iterator[Union[bytes, LineTooLong]]:
    """The lines of ``fh`` (bytes, newline kept), never holding more than ``limit`` bytes of one.

    A longer line yields a :class:`LineTooLong`; its rest is skipped up to ``skip_limit`` bytes, after
    which the stream is given up (an endless line, e.g. ``/dev/zero``).
    """
    n = 0
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        n += 1
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        skipped, found = _skip_to_newline(fh, skip_limit)
        yield LineTooLong(n, len(line) + skipped, gave_up=not found)
        if not found:
            return


def _skip_to_newline(fh: BinaryIO, skip_limit: int) -> tuple[int, bool]:
    skipped = 0
    while skipped < skip_limit:
        part = fh.readline(min(_CHUNK, skip_limit - skipped))
        if not part:
            return skipped, True          # end of file ends the line too
        skipped += len(part)
        if part.endswith(b"\n"):
            return skipped, True
    return skipped, False
