"""Publication dates to ISO days.

Inputs carry dates as ``2025-11-11``, ``2025-11-11T08:30:00Z``, RFC 822
(``Tue, 11 Nov 2025 08:30:00 GMT``, from feeds) or words; every stage after
ingest only ever sees ``YYYY-MM-DD`` or None.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any, Optional

_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
#: Languages a written date in metadata is tried in. Why a list: left to detect the language itself,
#: dateparser tries every locale it knows, about 9 s for one garbled date string.
_WRITTEN_DATE_LANGUAGES = ("en", "fr", "de", "es", "ru", "pt", "it")


def normalize_day(value: Any) -> Optional[str]:
    """``YYYY-MM-DD`` for a date-like value, None when it cannot be read as a real day."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    m = _ISO_DAY.match(text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    if not re.search(r"\d", text) or len(text) > 64:
        return None
    import dateparser

    parsed = dateparser.parse(text, languages=list(_WRITTEN_DATE_LANGUAGES),
                              settings={"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"})
    if parsed is None or str(parsed.year) not in text:     # a year read from nothing is a guess, not a date
        return None
    return parsed.date().isoformat()
