"""The typed document model that flows through every stage.

Each stage reads a :class:`Document` and fills in its own part (``clean`` sets
``title``/``text``, ``actors`` sets ``actors`` ...). Everything is a plain
dataclass so a stage can be tested alone and a document serialises to the JSON
Lines record described in the README (and read by ``../shared/eval``) without a
schema library on the hot path.

Offsets (``start``/``end``) always index into ``Document.text``, the clean body.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, is_dataclass
from typing import Any, Optional

SCHEMA_VERSION = 1

DIPLOMATIC_TYPES = ("VISIT", "HOST", "MEET", "CALL", "SIGN", "INVITE", "CONDOLE", "PRAISE")
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
STATUSES = ("occurred", "planned", "negated", "hypothetical")


@dataclass
class Span:
    """A stretch of ``Document.text``."""

    start: int
    end: int
    text: str = ""


@dataclass
class Sentence(Span):
    pass


@dataclass
class Actor:
    """One person, organisation or country, clustered over all its mentions in a document."""

    id: str
    name: str                       # fullest form seen
    kind: str = "person"            # person | organization | country | group
    country: Optional[str] = None   # ISO 3166-1 alpha-3, upper case
    role: Optional[str] = None      # as the text says it ("Deputy Foreign Minister")
    sector: Optional[str] = None    # GOV MIL DIP LEG JUD MED EDU BUS IGO ...
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    kb_id: Optional[str] = None     # knowledge-base person/organization id when linked (role/sector then dated)


@dataclass
class Side:
    """A party of an event: an actor reference plus its country."""

    name: Optional[str] = None
    country: Optional[str] = None
    actor_id: Optional[str] = None


@dataclass
class DateRange:
    """Inclusive ISO day range; ``start == end`` for a single day."""

    start: str
    end: str
    text: Optional[str] = None      # the expression it was resolved from, if any


@dataclass
class Location:
    name: str
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    basis: Optional[str] = None     # "text" (named with the event) or "dateline" (the story's dateline city)


@dataclass
class Event:
    id: str
    type: str                       # diplomatic type or PLOVER type
    status: str = "occurred"
    source: Optional[Side] = None
    target: Optional[Side] = None
    participants: list[Side] = field(default_factory=list)
    date: Optional[DateRange] = None
    location: Optional[Location] = None
    attributes: dict[str, Any] = field(default_factory=dict)
    evidence: list[Span] = field(default_factory=list)
    trigger: Optional[str] = None
    confidence: float = 0.5
    plover: dict[str, Any] = field(default_factory=dict)   # {type, mode, context}
    cameo: Optional[str] = None


@dataclass
class Quote:
    text: str                       # the words inside the quotation marks
    start: int
    end: int
    speaker: Optional[Side] = None
    partial: bool = False


@dataclass
class Document:
    id: str
    text: str = ""
    title: Optional[str] = None
    published: Optional[str] = None     # ISO day
    url: Optional[str] = None
    outlet: Optional[str] = None
    language: Optional[str] = None
    source_path: Optional[str] = None
    raw_text: Optional[str] = None      # text before cleaning (not serialised by default)
    html: Optional[str] = None          # raw HTML when read from a page (not serialised)
    sentences: list[Sentence] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    error: Optional[str] = None

    # --- serialisation -------------------------------------------------
    _PRIVATE = ("raw_text", "html", "sentences")

    def to_dict(self, include_private: bool = False) -> dict[str, Any]:
        """The JSON Lines record: an error record when ``error`` is set."""
        if self.error:
            rec = {"id": self.id, "error": self.error}
            if self.source_path:
                rec["source_path"] = self.source_path
            return rec
        d = asdict(self)
        d.pop("error")
        if not include_private:
            for k in self._PRIVATE:
                d.pop(k, None)
        d["schema"] = SCHEMA_VERSION
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Document":
        """Rebuild a document from :meth:`to_dict` output (used by the store and engines)."""
        return _build(cls, d)


def _build(cls, data):
    if data is None:
        return None
    kwargs = {}
    hints = {f.name: f for f in fields(cls)}
    for name, f in hints.items():
        if name not in data:
            continue
        v = data[name]
        sub = _NESTED.get((cls.__name__, name))
        if sub is not None and v is not None:
            if isinstance(v, list):
                v = [_build(sub, x) for x in v]
            else:
                v = _build(sub, v)
        kwargs[name] = v
    return cls(**kwargs)


_NESTED = {
    ("Document", "sentences"): Sentence,
    ("Document", "actors"): Actor,
    ("Document", "events"): Event,
    ("Document", "quotes"): Quote,
    ("Actor", "mentions"): Span,
    ("Event", "source"): Side,
    ("Event", "target"): Side,
    ("Event", "participants"): Side,
    ("Event", "date"): DateRange,
    ("Event", "location"): Location,
    ("Event", "evidence"): Span,
    ("Quote", "speaker"): Side,
}


def error_document(doc_id: str, message: str, source_path: Optional[str] = None) -> Document:
    """A document that could not be read: it still gets a record so nothing is silently lost."""
    return Document(id=doc_id, error=message, source_path=source_path)


def to_plain(obj):
    """dataclass → plain dict (for callers holding a single actor/event)."""
    return asdict(obj) if is_dataclass(obj) else obj
