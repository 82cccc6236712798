"""The :class:`Timex` record returned by :func:`communique.timex.find_timexes`."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass
class Timex:
    """One time expression found in a text.

    ``start``/``end`` index the text given to ``find_timexes``. ``start_date`` and
    ``end_date`` are inclusive ISO days (equal for a single day) or ``None`` when the
    expression cannot be anchored (vague words, or a relative one with no publication day).
    """

    start: int
    end: int
    text: str
    start_date: Optional[str] = None
    end_date: Optional[str] = None
    kind: str = "day"                 # day | range | time | unanchored
    direction: Optional[str] = None   # past | future | present | None

    @property
    def dates(self) -> Optional[tuple[str, str]]:
        if self.start_date is None:
            return None
        return (self.start_date, self.end_date or self.start_date)
