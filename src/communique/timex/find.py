"""Find time expressions with a handful of compiled regexes and resolve each one.

Why regexes and not dateparser: this runs on every sentence of every document, and
news dates come in a small number of shapes ("on Tuesday", "March 3", "last week").
Each pattern below has its own resolver; overlapping matches keep the longest one.
"""
from __future__ import annotations

import functools
import re
from datetime import date, timedelta
from typing import Callable, Optional

from communique.timex.calendar import (
    add_months, month_end, month_range, parse_day, safe_date, shift, week_start, year_range,
)
from communique.timex.lexicon import lexicon
from communique.timex.types import Timex

DateSpan = Optional[tuple[date, date]]
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


def _alt(words) -> str:
    """A regex alternation, longest first so "the day before yesterday" beats "yesterday"."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _tables():
    lx = lexicon()
    months = lx["months"]
    weekdays = lx["weekdays"]
    numbers = lx["numbers"]
    abbr = [k for k in months if any(o != k and o.startswith(k) for o in months)]
    full = [k for k in months if k not in abbr]
    month_re = r"(?-i:(?P<mon>(?:" + _alt(full) + r")\b|(?:" + _alt(abbr) + r")\b\.?))"
    wd_re = r"(?P<wd>" + _alt(weekdays) + r")\b"
    num_re = r"(?P<num>\d{1,3}|" + _alt([*numbers, "a few", "few", "several", "a couple of", "couple of"]) + ")"
    part_re = r"(?:\s+(?:" + _alt(lx["day_parts"]["words"]) + r")\b)?"
    prep = r"(?:(?:on|by|since|until|till|from|before|after|through|to)\s+)?"
    lead = r"(?:in|during|since|by|until|till|from|through|before|after|of)\s+"
    part = r"(?P<{}>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of)[\s-]*"
    range_prep = r"(?:" + lead + "(?:" + part.format("rp") + ")?|" + part.format("rp2") + ")"
    unanchored = {w: d for d in ("past", "future", "present") for w in lx["unanchored"].get(d, [])}
    rel_days = lx["relative_days"]
    future = re.compile(r"(?<![\w'’])(?:" + _alt(lx["future_markers"]["words"]) + r")\b", re.I)
    past = re.compile(r"\b(?:" + _alt(lx["past_markers"]["words"]) + r"|[a-z]{3,}ed)\b", re.I)
    year = r"(?P<year>(?:1[89]|20)\d\d)"
    patterns: list[tuple[str, re.Pattern]] = [
        ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
        ("dmy", r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\b"),
        ("month_day_range", r"(?:(?:from|between)\s+)?" + month_re + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\s*(?:[-–—]|to|and|through|until|till)\s*"
                            r"(?:" + month_re.replace("P<mon>", "P<mon2>") + r"\s+)?(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+" + year + r"\b)?"),
        ("day_month_range", r"(?:(?:from|between)\s+)?\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s*(?:" + month_re + r"\s*)?(?:[-–—]|to|and|through|until|till)\s*"
                            r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + month_re.replace("P<mon>", "P<mon2>") + r"(?:,?\s+" + year + r"\b)?"),
        ("month_day", prep + month_re + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+" + year + r"\b)?"),
        ("day_month", prep + r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + month_re + r"(?:,?\s+" + year + r"\b)?"),
        ("month_year", range_prep + "?" + month_re + r",?\s+" + year + r"\b"),
        ("month", r"\b(?:(?:" + range_prep + r"|(?P<rel>last|next|this|this\s+past|this\s+coming)\s+)"
                  r"(?:the\s+month\s+of\s+)?|the\s+month\s+of\s+)" + month_re),
        ("season", r"\b(?:(?P<rel>last|next|this|this\s+past|this\s+coming|the\s+coming|the\s+past)\s+|"
                   r"(?:in|during|by|until|over|since|through)\s+(?:the\s+)?)"
                   r"(?P<season>" + _alt(lx["seasons"]) + r")\b(?:\s+(?:of\s+)?" + year + r"\b)?"),
        ("year_span", r"\b(?:from|between)\s+(?P<y1>(?:1[89]|20)\d\d)\s+(?:to|and|until|through)\s+(?P<y2>(?:1[89]|20)\d\d)\b"),
        ("year", r"\b(?:" + range_prep + r"|(?:the\s+)?(?:year\s+))" + year + r"\b(?![-–/]\d)"),
        ("weekday", r"\b(?P<pre>(?:later|earlier|late|early)\s+(?:on\s+)?|on\s+|by\s+|until\s+|since\s+|before\s+|after\s+)?"
                    r"(?:(?P<rel>last|next|this|this\s+past|this\s+coming|past|coming)\s+)?" + wd_re + part_re),
        ("weekend", r"\b(?:over|at|on|during)\s+the\s+weekend\b"),
        ("relday", r"\b(?P<rd>" + _alt(rel_days) + r")\b" + part_re),
        ("period", r"\b(?:(?P<el>earlier|later|early|late|mid)[\s-]+)?(?:in\s+|over\s+|during\s+|within\s+)?"
                   r"(?P<rel>this|last|next|the\s+past|this\s+past|the\s+last|the\s+coming|the\s+next|past)\s+"
                   r"(?:(?P<cnt>\d{1,3}|" + _alt(numbers) + r"|few|several|couple\s+of)\s+)?"
                   r"(?P<unit>weekend|week|month|year|day)s?\b"),
        ("end_of", r"\b(?P<by>before|by|until|till|at|towards?|around)\s+(?:the\s+)?end\s+of\s+"
                   r"(?P<rel>the|this|next|last|the\s+current)\s+(?P<unit>week|month|year)\b"),
        ("end_of", r"\b(?P<by>before|by|until|till|at|around)\s+(?:the\s+)?(?P<unit>year|month)[-\s]end\b"),
        ("ago", r"\b(?:(?P<q>less\s+than|fewer\s+than|under|more\s+than|over|about|nearly|almost|some|around|roughly|just)\s+)?"
                r"(?:" + num_re + r"\s+)?(?P<unit>day|week|month|year)s?\s+ago\b"),
        ("in_n", r"\b(?P<p>in|within)\s+(?:the\s+next\s+)?" + num_re + r"\s+(?P<unit>day|week|month|year)s?\b(?:['’]?\s+time\b)?"),
        ("time", r"\b(?:at\s+|around\s+|about\s+|by\s+)?(?P<h>\d{1,2})(?::(?P<mi>\d{2}))?\s*(?P<ap>[ap]\.?\s?m\b\.?)"
                 r"(?:\s*\(?\s*(?:local|[A-Z][a-z]+|GMT|UTC)\s+time\s*\)?|\s+(?:GMT|UTC)\b)?"),
        ("time", r"\b(?:at\s+|around\s+|by\s+)?(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\b(?!:\d)"
                 r"(?:\s*\(?\s*(?:local|[A-Z][a-z]+|GMT|UTC)\s+time\s*\)?|\s+(?:GMT|UTC)\b|\s*hours\b)?"),
        ("time", r"\b(?:at|around|by)\s+(?:noon|midnight)(?:\s+local\s+time)?\b"),
        ("vague", r"\b(?P<vw>" + _alt(unanchored) + r")\b"),
    ]
    compiled = [(name, re.compile(p, re.I)) for name, p in patterns]
    return {
        "patterns": compiled,
        "months": {k.lower(): v for k, v in months.items()},
        "weekdays": {k.lower(): v for k, v in weekdays.items()},
        "numbers": {re.sub(r"\s+", " ", k.lower()): v for k, v in numbers.items()},
        "rel_days": {re.sub(r"\s+", " ", k.lower()): v for k, v in rel_days.items()},
        "unanchored": {k.lower(): v for k, v in unanchored.items()},
        "future": future,
        "past": past,
        "seasons": {k.lower(): tuple(v) for k, v in lx["seasons"].items()},
    }


# --------------------------------------------------------------------------- tense
def sentence_tense(text: str, start: int = 0, end: Optional[int] = None) -> Optional[str]:
    """Guess the tense governing ``text[start:end]``: the nearest tense cue in its sentence.

    Future markers ("will", "is to", "plans to") and past cues ("met", "-ed" verbs)
    compete by distance, so "arrived Tuesday and will leave on Thursday" reads
    Tuesday as past and Thursday as future. Returns "future", "past" or None.
    """
    end = len(text) if end is None else end
    lo = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind("? ", 0, start), text.rfind("! ", 0, start))
    his = [i for i in (text.find(". ", end), text.find("\n", end), text.find("? ", end)) if i >= 0]
    hi = min(his) if his else len(text)
    lo = lo + 1
    window = text[lo:hi]
    t = _tables()
    best: tuple[int, Optional[str]] = (10 ** 9, None)
    fut_spans = []
    for m in t["future"].finditer(window):
        fut_spans.append((m.start(), m.end()))
        best = min(best, (_distance(lo + m.start(), lo + m.end(), start, end), "future"))
    for m in t["past"].finditer(window):
        if any(a <= m.start() < b or m.start() <= a < m.end() for a, b in fut_spans):
            continue
        best = min(best, (_distance(lo + m.start(), lo + m.end(), start, end), "past"))
    return best[1]


def _distance(a0: int, a1: int, b0: int, b1: int) -> int:
    if a1 <= b0:
        return b0 - a1
    if b1 <= a0:
        return a0 - b1
    return 10 ** 8   # inside the expression itself ("later", "scheduled") is not a cue


# --------------------------------------------------------------------------- resolvers
def _num(tok: Optional[str], default: int = 1) -> Optional[int]:
    if tok is None:
        return default
    t = re.sub(r"\s+", " ", tok.lower()).strip()
    t = re.sub(r"^a |^an | of$", "", t) if t not in ("a", "an") else t
    if t.isdigit():
        return int(t)
    return _tables()["numbers"].get(t)


def _nearest_year(month: int, day: Optional[int], pub: date, tense: Optional[str]) -> int:
    """Year for a month (or month+day) with no year: on or before publication unless
    the tense is future (then on or after); ``tense="nearest"`` picks the closer one."""
    def key(y):
        return (y, month, day or 0)
    pub_key = (pub.year, pub.month, pub.day if day else 0)
    past_y = pub.year if key(pub.year) <= pub_key else pub.year - 1
    fut_y = pub.year if key(pub.year) >= pub_key else pub.year + 1
    if tense == "future":
        return fut_y
    if tense != "nearest" or past_y == fut_y:
        return past_y
    if past_y == fut_y:
        return past_y
    probe_day = day or 15
    dp = safe_date(past_y, month, min(probe_day, 28)) or date(past_y, month, 1)
    df = safe_date(fut_y, month, min(probe_day, 28)) or date(fut_y, month, 1)
    return past_y if (pub - dp) <= (df - pub) else fut_y


def _month_part(m, year: int, month: int) -> tuple[date, date]:
    """"early/mid/late April" narrow the month to its first, middle or last ten days."""
    first, last = month_range(year, month)
    part = _part(m)
    return _third(first, last, part) if part else (first, last)


def _part(m) -> Optional[str]:
    """"early", "mid" or "late" from a range prefix ("the beginning of", "mid-", "the end of"), else None."""
    rp = m.groupdict().get("rp") or m.groupdict().get("rp2") or ""
    return _PARTS.get(re.sub(r"\s+", "", rp.lower()).rstrip("-"))


def _r_ymd(m, pub, tense) -> DateSpan:
    d = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return (d, d) if d else None


def _r_month_day(m, pub, tense) -> DateSpan:
    month = _tables()["months"][m["mon"].rstrip(".").lower()]
    day = int(m["d"])
    year = _written_or_nearest_year(m, month, day, pub, tense)
    d = safe_date(year, month, day) if year else None
    return (d, d) if d else None


def _written_or_nearest_year(m, month: int, day: int, pub, tense) -> Optional[int]:
    """The year the expression writes, else the nearest one to publication (None without a publication day)."""
    if m["year"]:
        return int(m["year"])
    return _nearest_year(month, day, pub, tense) if pub is not None else None


def _r_month_year(m, pub, tense) -> DateSpan:
    month = _tables()["months"][m["mon"].rstrip(".").lower()]
    return _month_part(m, int(m["year"]), month)


def _r_month(m, pub, tense) -> DateSpan:
    if pub is None:
        return None
    month = _tables()["months"][m["mon"].rstrip(".").lower()]
    rel = (m["rel"] or "").lower().split()
    if rel and rel[-1] in ("last", "past"):
        year = pub.year if month < pub.month else pub.year - 1
    elif rel and rel[-1] in ("next", "coming"):
        year = pub.year if month > pub.month else pub.year + 1
    elif rel:  # "this April"
        year = pub.year
    else:
        year = _nearest_year(month, None, pub, tense)
    return _month_part(m, year, month)


def _r_year(m, pub, tense) -> DateSpan:
    lo, hi = year_range(int(m["year"]))
    part = _part(m)
    return _third(lo, hi, part) if part else (lo, hi)


_PARTS = {"early": "early", "thebeginningof": "early", "thestartof": "early", "mid": "mid", "themiddleof": "mid",
          "late": "late", "theendof": "late"}


def _r_day_range(m, pub, tense) -> DateSpan:
    """"May 12-14", "12–14 May 2025", "from June 30 to July 2": the whole stretch, not its first day."""
    months = _tables()["months"]
    m1 = months[(m["mon"] or m["mon2"]).rstrip(".").lower()]
    m2 = months[(m["mon2"] or m["mon"]).rstrip(".").lower()]
    d1, d2 = int(m["d"]), int(m["d2"])
    y1 = _written_or_nearest_year(m, m1, d1, pub, tense)
    if y1 is None:
        return None
    y2 = y1 + 1 if m2 < m1 else y1
    lo, hi = safe_date(y1, m1, d1), safe_date(y2, m2, d2)
    if lo is None or hi is None or hi < lo or (hi - lo).days > 62:
        return None
    return lo, hi


def _season_spans(name: str, years) -> list[tuple[date, date]]:
    first, last = _tables()["seasons"][name]
    return [(date(y, first, 1), month_end(y + (last < first), last)) for y in years]


def _r_season(m, pub, tense) -> DateSpan:
    """"last summer", "in the autumn", "this winter", "in the spring of 2024": a northern-hemisphere season."""
    name = m["season"].lower()
    if m["year"]:
        return _season_spans(name, [int(m["year"])])[0]
    if pub is None:
        return None
    spans = _season_spans(name, range(pub.year - 2, pub.year + 2))
    rel = (m["rel"] or "").lower().split()
    rel = rel[-1] if rel else ""
    current = [s for s in spans if s[0] <= pub <= s[1]]
    if rel in ("last", "past"):
        return [s for s in spans if s[1] < pub][-1]
    if rel in ("next", "coming"):
        return [s for s in spans if s[0] > pub][0]
    if current:
        return current[0]
    if tense == "future":
        return [s for s in spans if s[0] > pub][0]
    if rel == "this":           # "this summer", told in November: the summer of this year
        return next(s for s in spans if s[0].year == pub.year)
    return [s for s in spans if s[1] < pub][-1]


def _r_weekend(m, pub, tense) -> DateSpan:
    """"over the weekend": the last Saturday–Sunday on or before publication; the next one when future."""
    if pub is None:
        return None
    if tense == "future":
        sat = pub + timedelta(days=(5 - pub.weekday()) % 7)
    else:
        sat = pub - timedelta(days=(pub.weekday() - 5) % 7)
    return sat, sat + timedelta(days=1)


def _r_year_span(m, pub, tense) -> DateSpan:
    lo, hi = sorted((int(m["y1"]), int(m["y2"])))
    return year_range(lo)[0], year_range(hi)[1]


def _r_weekday(m, pub, tense) -> DateSpan:
    if pub is None:
        return None
    wd = _tables()["weekdays"][m["wd"].lower()]
    rel = (m["rel"] or "").lower().split()
    rel = rel[-1] if rel else ""
    back = (pub.weekday() - wd) % 7
    if rel in ("last", "past"):
        d = pub - timedelta(days=back or 7)
    elif rel in ("next", "coming"):
        d = pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
    elif rel == "this":
        d = week_start(pub) + timedelta(days=wd)
    elif tense == "future":
        d = pub + timedelta(days=(wd - pub.weekday()) % 7)
    else:
        d = pub - timedelta(days=back)
    return d, d


def _r_relday(m, pub, tense) -> DateSpan:
    if pub is None:
        return None
    off = _tables()["rel_days"].get(re.sub(r"\s+", " ", m["rd"].lower()))
    if off is None:
        return None
    d = pub + timedelta(days=off)
    return d, d


def _period_span(unit: str, rel: str, el: Optional[str], cnt: Optional[int], pub: date) -> DateSpan:
    """this/last/next week|weekend|month|year, optionally narrowed by earlier/later."""
    if unit == "day":                                   # "the past two days"
        if rel in ("past", "last"):
            n = cnt or 1
            return pub - timedelta(days=n), pub
        if rel in ("next", "coming"):
            n = cnt or 1
            return pub + timedelta(days=1), pub + timedelta(days=n)
        return None
    if cnt is not None and rel in ("past", "last"):      # "the past three weeks"
        return shift(pub, unit if unit != "weekend" else "week", -cnt), pub
    if cnt is not None and rel in ("next", "coming"):
        return pub + timedelta(days=1), shift(pub, unit if unit != "weekend" else "week", cnt)
    step = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}.get(rel, 0)
    if rel == "past" and unit != "weekend":             # "the past week": the seven days before
        return shift(pub, unit, -1), pub
    if unit in ("week", "weekend"):
        first = week_start(pub) + timedelta(days=7 * step)
        lo, hi = (first + timedelta(days=5), first + timedelta(days=6)) if unit == "weekend" else (first, first + timedelta(days=6))
    elif unit == "month":
        anchor = add_months(pub.replace(day=1), step)
        lo, hi = month_range(anchor.year, anchor.month)
    else:
        lo, hi = year_range(pub.year + step)
    if step == 0 and el:
        el = el.lower()
        if el in ("earlier",):
            hi = max(lo, pub - timedelta(days=1))
        elif el in ("later",):
            lo = min(hi, pub + timedelta(days=1))
    if el in ("early", "mid", "late") and unit in ("month", "year"):      # "late last year", "early next month"
        return _third(lo, hi, el)
    return lo, hi


def _third(lo: date, hi: date, part: str) -> tuple[date, date]:
    """The early, middle or late part of a month (days 1–10, 11–20, 21–end) or of a year (January–April, May–August,
    September–December): "late last year" is not the whole year."""
    if lo.month == hi.month and lo.year == hi.year:
        cuts = {"early": (1, 10), "mid": (11, 20), "late": (21, hi.day)}[part]
        return lo.replace(day=cuts[0]), lo.replace(day=cuts[1])
    first, last = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
    return date(lo.year, first, 1), month_end(lo.year, last)


def _r_end_of(m, pub, tense) -> DateSpan:
    """"before the end of the year": from the publication day to the period's last day (a deadline ahead);
    "at the end of last month": the period's late part."""
    if pub is None:
        return None
    rel = (m.groupdict().get("rel") or "this").lower().split()[-1]
    rel = {"the": "this", "current": "this"}.get(rel, rel)
    unit = m["unit"].lower()
    lo, hi = _period_span(unit, rel, None, None, pub)
    if m["by"].lower() in ("before", "by", "until", "till") and rel in ("this", "next") and tense != "past":
        return pub, hi
    if unit == "week":
        return max(lo, hi - timedelta(days=2)), hi
    return _third(lo, hi, "late")


def _r_period(m, pub, tense) -> DateSpan:
    if pub is None:
        return None
    rel = (m["rel"] or "").lower().split()[-1]
    rel = {"the": "this"}.get(rel, rel)
    cnt = _num(m["cnt"], default=None) if m["cnt"] else None
    return _period_span(m["unit"].lower(), rel, m["el"], cnt, pub)


def _r_ago(m, pub, tense) -> DateSpan:
    if pub is None:
        return None
    unit = m["unit"].lower()
    q = re.sub(r"\s+", " ", (m["q"] or "").lower())
    tok = (m["num"] or "").lower().strip()
    yesterday = pub - timedelta(days=1)
    if not tok or tok in ("few", "a few", "several"):  # "days ago", "a few weeks ago"
        lo_n, hi_n = (2, 7) if tok else (1, 7)
        lo = shift(pub, unit, -hi_n)
        hi = min(shift(pub, unit, -lo_n) if unit != "day" else pub - timedelta(days=lo_n), yesterday)
        return lo, hi
    n = _num(tok)
    if n is None:
        return None
    if q in ("less than", "fewer than", "under"):
        lo = shift(pub, unit, -n) + timedelta(days=1)
        return min(lo, yesterday), yesterday
    if q in ("more than", "over"):
        return None
    d = shift(pub, unit, -n)
    return d, d


def _r_in_n(m, pub, tense) -> DateSpan:
    if pub is None:
        return None
    n = _num(m["num"])
    if n is None:
        tok = (m["num"] or "").lower()
        if tok in ("few", "a few", "several"):
            n = 7
        else:
            return None
    end = shift(pub, m["unit"].lower(), n)
    if m["p"].lower() == "within":
        return pub, end
    return end, end


def _r_time(m, pub, tense) -> DateSpan:
    return (pub, pub) if pub else None


def _r_vague(m, pub, tense) -> DateSpan:
    return None


_RESOLVERS: dict[str, Callable] = {
    "iso": _r_ymd, "dmy": _r_ymd, "month_day": _r_month_day, "month_day_range": _r_day_range,
    "day_month_range": _r_day_range, "weekend": _r_weekend, "season": _r_season, "day_month": _r_month_day,
    "month_year": _r_month_year, "month": _r_month, "year": _r_year, "year_span": _r_year_span, "weekday": _r_weekday,
    "relday": _r_relday, "period": _r_period, "end_of": _r_end_of, "ago": _r_ago, "in_n": _r_in_n,
    "time": _r_time, "vague": _r_vague,
}
_ABSOLUTE = {"iso", "dmy", "month_year", "year", "year_span"}
_CHEAP = re.compile(
    r"\d|day|week|month|year|night|tomorrow|morning|afternoon|evening|ago|noon|recent|soon|late|short|ago|"
    r"coming|future|past|nowaday|current|moment|now|due|spring|summer|autumn|fall|winter|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec",
    re.I,
)


def _kind(name: str, span: DateSpan) -> str:
    if name == "vague" or (span is None and name in ("ago",)):
        return "unanchored"
    if name == "time":
        return "time"
    if span is not None and span[0] != span[1]:
        return "range"
    if span is None and name in ("month", "year", "period", "month_year", "end_of"):
        return "range"
    return "day"


def _direction(name: str, m, span: DateSpan, pub: Optional[date]) -> Optional[str]:
    if name == "vague":
        return _tables()["unanchored"].get(re.sub(r"\s+", " ", m["vw"].lower()))
    if name == "ago":
        return "past"
    if span is None or pub is None:
        return None
    if span[1] < pub:
        return "past"
    if span[0] > pub:
        return "future"
    return "present"


#: Characters a pattern may reach before and after its anchor word (the longest lead is
#: "earlier in the coming several ", the longest tail "5th, 2024" or " (local time)").
_REACH = 100
_TOKEN = re.compile(r"[^\W\d_]+|\d+")   # letter runs in any script (case folding reaches past ASCII), digits
#: A year (and so an ISO or dotted date) is a run of four digits; a clock hour is one or two.
_DIGIT_ANCHORS = {4: frozenset({"iso", "dmy", "year_span", "year"}), 1: frozenset({"time"}),
                  2: frozenset({"time"})}


@functools.lru_cache(maxsize=1)
def _anchors() -> tuple[dict[str, frozenset[str]], dict[int, frozenset[str]]]:
    """Which patterns each word can anchor: every match of a pattern holds one of its anchor words.

    Month names are kept in their case (the month patterns are case-sensitive); other words
    lower-cased. Returns (word -> pattern names, digit-run length -> pattern names).
    """
    lx = lexicon()
    table: dict[str, set[str]] = {}

    def add(words, names, keep_case=False):
        for w in words:
            toks = _TOKEN.findall(w)
            if not toks:
                continue
            key = max(toks, key=len)
            table.setdefault(key if keep_case else key.casefold(), set()).update(names)

    add(lx["months"], ("month_day", "day_month", "month_year", "month", "month_day_range", "day_month_range"),
        keep_case=True)
    add(lx["weekdays"], ("weekday",))
    add(lx["relative_days"], ("relday",))
    add([w for d in ("past", "future", "present") for w in lx["unanchored"].get(d, [])], ("vague",))
    units = [u + s for u in ("day", "week", "weekend", "month", "year") for s in ("", "s")]
    add(units, ("period", "in_n", "end_of"))
    add(["weekend"], ("weekend",))
    add(lx["seasons"], ("season",))
    add(["ago"], ("ago",))
    add(["noon", "midnight"], ("time",))
    return {k: frozenset(v) for k, v in table.items()}, _DIGIT_ANCHORS


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Per pattern, the merged stretches of ``text`` within reach of one of its anchor words: one pass."""
    table, digit_names = _anchors()
    spans: dict[str, list[tuple[int, int]]] = {}
    size = len(text)
    for m in _TOKEN.finditer(text):
        word = m.group()
        names = digit_names.get(len(word)) if word[0].isdigit() else (table.get(word) or table.get(word.casefold()))
        if not names:
            continue
        lo, hi = max(0, m.start() - _REACH), min(size, m.end() + _REACH)
        for name in names:
            runs = spans.setdefault(name, [])
            if runs and lo <= runs[-1][1]:
                runs[-1] = (runs[-1][0], hi)
            else:
                runs.append((lo, hi))
    return spans


def _candidates(text: str):
    """Every match of every pattern, as a full scan per pattern would give them, but each pattern
    only searched near its anchor words (one tokenising pass finds them)."""
    windows = _windows(text)
    for name, rx in _tables()["patterns"]:
        pos = 0
        for lo, hi in windows.get(name, ()):
            pos = max(pos, lo)
            while pos < hi:
                found = rx.search(text, pos, hi)
                if found is None:
                    break
                m = rx.match(text, found.start())      # its true extent, unclipped by the window
                if m is None or m.end() == m.start():
                    pos = found.start() + 1
                    continue
                yield m.start(), m.end(), name, m
                pos = m.end()


def find_timexes(text: str, published: Optional[str] = None, tense: Optional[str] = None) -> list[Timex]:
    """Every time expression in ``text``, resolved against ``published`` (an ISO day).

    ``tense`` ("past"/"future") overrides the cheap per-sentence guess used for bare
    weekdays and month names. With no publication day only absolute dates get dates.
    Never raises: odd input gives an empty list.
    """
    try:
        return _find(text, published, tense)
    except Exception:  # a date bug must never stop a document
        return []


def _find(text, published, tense) -> list[Timex]:
    if not isinstance(text, str) or not text or not _CHEAP.search(text):
        return []
    pub = parse_day(published)
    chosen = []
    for c in sorted(_candidates(text), key=lambda c: (-(c[1] - c[0]), c[0], c[2] != "vague")):
        if all(c[1] <= o[0] or c[0] >= o[1] for o in chosen):
            chosen.append(c)
    chosen.sort(key=lambda c: c[0])
    out = []
    for start, end, name, m in chosen:
        t = tense
        if t is None and name in ("weekday", "month", "month_day", "day_month", "month_day_range", "day_month_range",
                                  "weekend", "season"):
            t = sentence_tense(text, start, end)
        if pub is None and name not in _ABSOLUTE and name not in ("month_day", "day_month", "month_day_range",
                                                                            "day_month_range"):
            span = None
        else:
            try:
                span = _RESOLVERS[name](m, pub, t)
            except (ValueError, OverflowError, KeyError, TypeError):
                span = None
        if span is not None and span[0] > span[1]:
            span = (span[1], span[0])
        out.append(Timex(
            start=start, end=end, text=text[start:end],
            start_date=span[0].isoformat() if span else None,
            end_date=span[1].isoformat() if span else None,
            kind=_kind(name, span), direction=_direction(name, m, span, pub),
        ))
    return out


def resolve_timex(expression: str, published: Optional[str] = None, tense: Optional[str] = None) -> Optional[tuple[str, str]]:
    """The (start, end) ISO days of the longest time expression in ``expression``, or None."""
    found = [t for t in find_timexes(expression, published, tense) if t.start_date]
    if not found:
        return None
    best = max(found, key=lambda t: t.end - t.start)
    return best.start_date, best.end_date or best.start_date
