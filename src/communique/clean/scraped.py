"""Recover the headline and the article body from scraped page text.

Scraped pages repeat the headline, print the lede twice (teaser + article),
interleave share buttons and photo credits, and end in link lists, rates and
footers. The cleaner works on blocks (paragraphs or lines) and removes, with a
reason for each: share rows, navigation/widget lines, captions and credits,
repeats of the headline, repeated paragraphs, and the chrome before the first
and after the last paragraph of prose. It never rewrites the words it keeps.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from communique.clean.lexicon import boilerplate
from communique.clean.text import match_key, normalize_text

_TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$|[\"”’»]$")
_WORD = re.compile(r"\w+")
_LOWER_START = re.compile(r"^[a-zа-яё]")
_SEPARATOR_START = re.compile(r"^\s*[^\w\s\"'.,;!?]")

#: Limits that separate a headline from prose.
TITLE_MAX_WORDS = 30
TITLE_MAX_CHARS = 250
#: A repeated block shorter than this is kept: lists, tables and interviews repeat short lines legitimately
#: ("Eat every 2-3 hours", a recurring question); the duplicated ledes of scraped pages are longer.
REPEAT_MIN_WORDS = 10


@dataclass
class CleanResult:
    title: Optional[str]
    text: str
    removed: Counter = field(default_factory=Counter)


def words(block: str) -> int:
    return len(_WORD.findall(block))


def is_prose(block: str) -> bool:
    """A sentence-like paragraph: ends like a sentence and is not a fragment, or is simply long."""
    n = words(block)
    return n >= 20 or (n >= 4 and bool(_TERMINAL.search(block)))


def split_blocks(text: str) -> list[str]:
    """Paragraphs split at blank lines; inside one, each line is a block unless it is hard-wrapped prose."""
    blocks: list[str] = []
    for para in re.split(r"\n\s*\n", text):
        para_blocks: list[str] = []
        for line in (ln for ln in para.split("\n") if ln.strip()):
            if para_blocks and _continues(para_blocks[-1], line):
                para_blocks[-1] += " " + line
            else:
                para_blocks.append(line)
        blocks.extend(para_blocks)
    return blocks


def _continues(prev: str, line: str) -> bool:
    """A hard-wrapped line: the previous one is long, stops mid-sentence, and this one starts in lower case."""
    return len(prev) >= 50 and not _TERMINAL.search(prev) and bool(_LOWER_START.match(line))


class _Classifier:
    def __init__(self) -> None:
        self.lex = boilerplate()

    def is_share(self, block: str) -> bool:
        key = match_key(block)
        if not key or len(key) > 80:
            return False
        tokens = [t for t in re.split(r"[\s|/•·,;:]+", key) if t]
        if tokens and all(t in self.lex.share_words for t in tokens):
            return True
        return tokens[0] == "share" and len(tokens) <= 5 if tokens else False

    def is_chrome(self, block: str) -> bool:
        key = match_key(block)
        if key in self.lex.chrome_lines:
            return True
        low = block.casefold().lstrip()
        return words(block) <= 15 and any(low.startswith(p) for p in self.lex.chrome_prefixes)

    def is_list_heading(self, block: str) -> bool:
        return match_key(block) in self.lex.list_headings

    def is_credit(self, block: str) -> bool:
        if words(block) > 25 or is_prose(block) and words(block) > 12:
            return False
        low = block.casefold()
        return any(m in low for m in self.lex.credit_markers)

    def is_noise(self, block: str) -> bool:
        """Numbers, symbols and single tokens with no sentence around them (rates tables, icons)."""
        letters = sum(c.isalpha() for c in block)
        return letters < 3 or (letters < len(block) * 0.4 and not is_prose(block))


def looks_like_title(block: str) -> bool:
    n = words(block)
    return 0 < n <= TITLE_MAX_WORDS and len(block) <= TITLE_MAX_CHARS and not block.rstrip().endswith(".")


def is_title_repeat(block: str, title_key: str) -> bool:
    """The headline again, alone or followed by a short credit ("Headline ©️ Agency")."""
    if not title_key:
        return False
    key = match_key(block)
    if key == title_key:
        return True
    rest = key[len(title_key):]
    # only a separator and a few words may follow: "Headline | Site", "Headline ©️ Agency", "Headline - Photo"
    return key.startswith(title_key) and bool(_SEPARATOR_START.match(rest)) and words(rest) <= 6


def clean_scraped_text(raw: str, title: Optional[str] = None, trim_edges: bool = True) -> CleanResult:
    """The headline (``title`` when given, else found) and the clean body of ``raw``.

    ``trim_edges`` drops non-prose blocks before the first and after the last
    prose paragraph; it is off for text an HTML extractor already isolated.
    """
    c = _Classifier()
    removed: Counter = Counter()
    blocks = split_blocks(normalize_text(raw or ""))

    kept: list[str] = []
    in_link_list = False
    for block in blocks:
        if c.is_share(block):
            removed["share"] += 1
        elif c.is_list_heading(block):
            removed["link_list"] += 1
            in_link_list = True
        elif in_link_list and not is_prose(block):
            removed["link_list"] += 1
        elif c.is_chrome(block):
            removed["chrome"] += 1
        elif c.is_credit(block):
            removed["credit"] += 1
        else:
            in_link_list = False
            kept.append(block)

    title = normalize_text(title).replace("\n", " ").strip() if title else None
    if not title:
        title = _find_title(kept, c)
    title_key = match_key(title) if title else ""

    body: list[str] = []
    seen: set[str] = set()
    for block in kept:
        key = match_key(block)
        if is_title_repeat(block, title_key):
            removed["title"] += 1
        elif key in seen and words(block) >= REPEAT_MIN_WORDS:
            removed["repeat"] += 1
        else:
            seen.add(key)
            body.append(block)

    if trim_edges:
        body = _trim_edges(body, c, removed)
    return CleanResult(title=title, text="\n\n".join(body), removed=removed)


def _find_title(blocks: list[str], c: _Classifier) -> Optional[str]:
    """The headline among the blocks before the first prose paragraph.

    A section label ("World", "Politics") often sits above the headline, so the
    first candidate of four or more words wins over a shorter first one.
    """
    candidates = []
    for i, block in enumerate(blocks[:4]):
        if is_prose(block) or i == len(blocks) - 1:
            break
        if looks_like_title(block) and not c.is_noise(block):
            candidates.append(block)
    if not candidates:
        return None
    return next((b for b in candidates if words(b) >= 4), candidates[0])


def _trim_edges(body: list[str], c: _Classifier, removed: Counter) -> list[str]:
    prose = [i for i, b in enumerate(body) if is_prose(b)]
    if not prose:  # a very short text: keep what is not noise
        kept = [b for b in body if not c.is_noise(b)]
        removed["noise"] += len(body) - len(kept)
        return kept
    first, last = prose[0], prose[-1]
    removed["before_body"] += first
    removed["after_body"] += len(body) - last - 1
    middle = [b for b in body[first:last + 1] if not c.is_noise(b)]
    removed["noise"] += (last + 1 - first) - len(middle)
    return middle
