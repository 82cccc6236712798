"""User actor dictionaries: PETRARCH/CAMEO actor and agent files, and a simple CSV.

PETRARCH actor files list a name (words joined by ``_``), ``+`` synonym lines, and code
blocks such as ``[KAZGOV 190320-]`` or ``[HOB < 950601]``; the first three letters of a
code are the country (legacy CAMEO codes are mapped to ISO 3166-1 alpha-3 through
``geo_cameo_legacy.tsv``), the rest the sector. Agent files map titles (``~MINISTER``,
``FOREIGN_MINISTER [~GOVFRM]``) to sectors. A CSV has the columns
``name,country,role,sector,start,end``. Every entry becomes a :class:`Post` so user rows
and bundled rows are looked up the same way.
"""
from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from communique.kb.model import ROLES, Post

_CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
_DATED = re.compile(r"^\s*([A-Za-z~\-+]*)\s*(?:([<>])\s*(\d{6,8})|(\d{6,8})?\s*-\s*(\d{6,8})?)?\s*$")
_SECTORS = ("GOV", "MIL", "DIP", "LEG", "JUD", "OPP", "REB", "MED", "BUS", "IGO", "NGO", "ELI", "COP", "EDU", "REL")


@dataclass
class UserDictionary:
    """Everything read from the user's files: dated people/actor entries and agent titles."""

    posts: list[Post] = field(default_factory=list)
    agents: dict[str, str] = field(default_factory=dict)     # "foreign minister" -> "GOV"
    paths: list[str] = field(default_factory=list)


@functools.lru_cache(maxsize=1)
def legacy_codes() -> dict[str, str]:
    from communique.geo import _data_rows

    return {old: iso for old, iso, *_ in _data_rows("geo_cameo_legacy.tsv")}


def split_code(code: str) -> tuple[Optional[str], Optional[str]]:
    """'KAZGOV' → ('KAZ', 'GOV'); 'IGOUNO' → (None, 'IGO'); '---' → (None, None)."""
    code = code.strip().upper()
    if len(code) < 3 or not code[:3].isalpha():
        return None, None
    head, rest = code[:3], code[3:]
    if head in ("IGO", "NGO", "IMG", "MNC"):
        return None, head if head in _SECTORS else None
    country = legacy_codes().get(head, head)
    sector = next((s for s in _SECTORS if rest.startswith(s)), None) if rest else None
    return country, sector


def _day(value: Optional[str]) -> Optional[str]:
    """PETRARCH dates: YYMMDD (years up to 30 are 20xx) or YYYYMMDD → ISO."""
    if not value:
        return None
    if len(value) == 6:
        yy = int(value[:2])
        value = (f"20{value[:2]}" if yy <= 30 else f"19{value[:2]}") + value[2:]
    return f"{value[:4]}-{value[4:6]}-{value[6:8]}"


def _phrase(raw: str) -> str:
    return re.sub(r"\s+", " ", raw.replace("_", " ")).strip()


def _strip_comments(text: str) -> list[str]:
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    return [ln.split("#", 1)[0].rstrip() for ln in text.splitlines()]


def parse_petrarch_actors(text: str, origin: str) -> list[Post]:
    """One :class:`Post` per (entry, code block); synonyms become aliases of the entry's name."""
    posts: list[Post] = []
    name, synonyms, blocks = None, [], []

    def flush():
        if name:
            for code, start, end in blocks or []:
                country, sector = split_code(code)
                if country or sector:
                    pid = "user:" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
                    posts.append(Post(person_id=pid, name=name.title(), aliases=[s.title() for s in synonyms],
                                      country=country, sector=sector, start=start, end=end, origin=origin))

    for line in _strip_comments(text):
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("+"):
            if name:
                synonyms.append(_phrase(_CODE_BLOCK.sub("", stripped[1:])))
            continue
        if stripped.startswith("["):
            blocks.extend(_blocks(stripped))
            continue
        if line[0].isspace():
            continue
        flush()
        head = _CODE_BLOCK.split(stripped)[0]
        name, synonyms, blocks = _phrase(head), [], _blocks(stripped)
    flush()
    return posts


def _blocks(line: str) -> list[tuple[str, Optional[str], Optional[str]]]:
    out = []
    for body in _CODE_BLOCK.findall(line):
        m = _DATED.match(body)
        if not m:
            continue
        code, op, when, start, end = m.groups()
        if op == "<":
            start, end = None, when
        elif op == ">":
            start, end = when, None
        out.append((code, _day(start), _day(end)))
    return out


def parse_petrarch_agents(text: str) -> dict[str, str]:
    """'FOREIGN_MINISTER [~GOVFRM]' → {'foreign minister': 'GOV'}; ``!X! = A, B`` substitutions expanded."""
    subs: dict[str, list[str]] = {}
    agents: dict[str, str] = {}
    for line in _strip_comments(text):
        m = re.match(r"^\s*(![A-Z]+!)\s*=\s*(.+)$", line)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.match(r"^\s*([^\[{]+?)\s*(?:\{[^}]*\})?\s*\[~([A-Z]*)\]", line)
        if not m:
            continue
        phrase, code = m.group(1), m.group(2)
        sector = next((s for s in _SECTORS if code.startswith(s)), None)
        if not sector:
            continue
        for variant in _expand(phrase, subs):
            agents.setdefault(_phrase(variant).lower(), sector)
    return agents


def _expand(phrase: str, subs: dict[str, list[str]]) -> list[str]:
    m = re.search(r"![A-Z]+!", phrase)
    if not m or m.group(0) not in subs:
        return [phrase.replace("!", "")]
    out = []
    for word in subs[m.group(0)]:
        out.extend(_expand(phrase[:m.start()] + word + phrase[m.end():], subs))
    return out


def parse_csv(text: str, origin: str) -> list[Post]:
    """name,country,role,sector,start,end (header optional; role may be a KB role or a title as written)."""
    rows = list(csv.reader(io.StringIO(text)))
    if rows and rows[0] and rows[0][0].strip().lower() == "name":
        rows = rows[1:]
    posts = []
    for row in rows:
        row = [c.strip() for c in row] + [""] * 6
        name, country, role, sector, start, end = row[:6]
        if not name or name.startswith("#"):
            continue
        pid = "user:" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        country = legacy_codes().get(country.upper(), country.upper()) or None
        posts.append(Post(person_id=pid, name=name, country=country,
                          role=role if role in ROLES else None, title=role if role not in ROLES else None,
                          sector=sector.upper() or None, start=start or None, end=end or None, origin=origin))
    return posts


def read_dictionary(path: str, into: UserDictionary) -> None:
    """Add one file to ``into``: .csv by extension, agents when the file holds ``[~`` codes, else actors."""
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    into.paths.append(path)
    if path.lower().endswith(".csv"):
        into.posts.extend(parse_csv(text, path))
    elif "[~" in text:
        for k, v in parse_petrarch_agents(text).items():
            into.agents.setdefault(k, v)
    else:
        into.posts.extend(parse_petrarch_actors(text, path))
