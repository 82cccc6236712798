"""Minimal readers (txt, jsonl); extended by the ingest work."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Iterator, Optional

from communique.model import Document, error_document


def read_paths(paths: Iterable[str], published: Optional[str] = None) -> Iterator[Document]:
    for p in paths:
        path = Path(p)
        if path.suffix == ".jsonl":
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield error_document(f"{path.stem}:{n}", f"broken JSON line: {exc}", str(path))
                    continue
                yield Document(id=str(rec.get("id") or f"{path.stem}:{n}"), raw_text=rec.get("text") or "",
                               title=rec.get("title"), published=rec.get("published") or published,
                               url=rec.get("url"), outlet=rec.get("outlet"), source_path=str(path))
        else:
            yield Document(id=path.stem, raw_text=path.read_text(encoding="utf-8"), published=published,
                           source_path=str(path))
