"""Read the bundled knowledge-base files (TSV with a header) into :class:`Post` and :class:`Org` rows."""
from __future__ import annotations

import csv
from importlib import resources
from typing import Iterator

from communique.kb.model import ORG_COLUMNS, PEOPLE_COLUMNS, Org, Post


def _kb_dir():
    return resources.files("communique.data").joinpath("kb")


def _rows(text: str, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) for every data line; the header names the columns, '#' lines are comments."""
    lines = [ln for ln in text.splitlines()]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = None
    for n, row in enumerate(reader, 1):
        if not row or not any(c.strip() for c in row) or row[0].startswith("#"):
            continue
        if header is None:
            header = [c.strip() for c in row]
            if header[0] != columns[0]:
                header = list(columns)          # no header line: the documented order
            else:
                continue
        yield n, {k: (row[i].strip() if i < len(row) else "") for i, k in enumerate(header)}


def post_from_row(row: dict[str, str], origin: str = "bundled") -> Post:
    return Post(person_id=row.get("person_id", ""), name=row.get("name", ""),
                aliases=[a.strip() for a in row.get("aliases", "").split("|") if a.strip()],
                country=row.get("country") or None, org=row.get("org") or None, role=row.get("role") or None,
                title=row.get("title") or None, sector=row.get("sector") or None, start=row.get("start") or None,
                end=row.get("end") or None, source=row.get("source", ""), origin=origin)


def people_files() -> list:
    folder = _kb_dir().joinpath("people")
    if not folder.is_dir():
        return []
    return sorted((f for f in folder.iterdir() if f.name.endswith(".tsv")), key=lambda f: f.name)


def people_rows() -> Iterator[tuple[str, int, dict[str, str]]]:
    """(file name, line, row) over every bundled people file."""
    for f in people_files():
        for n, row in _rows(f.read_text(encoding="utf-8"), PEOPLE_COLUMNS):
            yield f.name, n, row


def load_posts() -> list[Post]:
    return [post_from_row(row) for _, _, row in people_rows() if row.get("person_id") and row.get("name")]


def org_rows() -> Iterator[tuple[int, dict[str, str]]]:
    f = _kb_dir().joinpath("organizations.tsv")
    if not f.is_file():
        return iter(())
    return _rows(f.read_text(encoding="utf-8"), ORG_COLUMNS)


def load_orgs() -> list[Org]:
    return [Org(org_id=r["org_id"], name=r["name"], aliases=[a for a in r.get("aliases", "").split("|") if a],
                country=r.get("country") or None, kind=r.get("kind", ""), sector=r.get("sector", ""))
            for _, r in org_rows() if r.get("org_id")]
