"""Table-driven tests for communique.timex (invented sentences; publication days chosen by weekday)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from communique.timex import Timex, find_timexes, resolve_timex

FRI = "2025-11-14"   # a Friday
WED = "2019-04-03"   # a Wednesday
MON = "2024-06-03"   # a Monday, first week of the month

# (expression, published, tense hint, expected (start, end) or None)
RESOLVE_TABLE = [
    ("on Tuesday", FRI, None, ("2025-11-11", "2025-11-11")),
    ("Tuesday", FRI, None, ("2025-11-11", "2025-11-11")),
    ("on Friday", FRI, None, ("2025-11-14", "2025-11-14")),
    ("on Friday", WED, "future", ("2019-04-05", "2019-04-05")),
    ("will meet on Friday", WED, None, ("2019-04-05", "2019-04-05")),
    ("on Tuesday", FRI, "future", ("2025-11-18", "2025-11-18")),
    ("last Friday", FRI, None, ("2025-11-07", "2025-11-07")),
    ("next Monday", FRI, None, ("2025-11-17", "2025-11-17")),
    ("later on Monday", MON, None, ("2024-06-03", "2024-06-03")),
    ("late Sunday", WED, None, ("2019-03-31", "2019-03-31")),
    ("Tuesday morning", WED, None, ("2019-04-02", "2019-04-02")),
    ("today", FRI, None, ("2025-11-14", "2025-11-14")),
    ("tonight", FRI, None, ("2025-11-14", "2025-11-14")),
    ("this morning", FRI, None, ("2025-11-14", "2025-11-14")),
    ("earlier in the day", FRI, None, ("2025-11-14", "2025-11-14")),
    ("tomorrow", FRI, None, ("2025-11-15", "2025-11-15")),
    ("yesterday", MON, None, ("2024-06-02", "2024-06-02")),
    ("the day before yesterday", FRI, None, ("2025-11-12", "2025-11-12")),
    ("last night", FRI, None, ("2025-11-13", "2025-11-13")),
    ("this week", FRI, None, ("2025-11-10", "2025-11-16")),
    ("earlier this week", FRI, None, ("2025-11-10", "2025-11-13")),
    ("later this week", WED, None, ("2019-04-04", "2019-04-07")),
    ("last week", FRI, None, ("2025-11-03", "2025-11-09")),
    ("next week", FRI, None, ("2025-11-17", "2025-11-23")),
    ("last weekend", FRI, None, ("2025-11-08", "2025-11-09")),
    ("this month", WED, None, ("2019-04-01", "2019-04-30")),
    ("last month", FRI, None, ("2025-10-01", "2025-10-31")),
    ("last month", "2025-01-15", None, ("2024-12-01", "2024-12-31")),
    ("next month", "2025-12-15", None, ("2026-01-01", "2026-01-31")),
    ("earlier this month", FRI, None, ("2025-11-01", "2025-11-13")),
    ("earlier this month", "2025-11-01", None, ("2025-11-01", "2025-11-01")),
    ("less than a week ago", FRI, None, ("2025-11-08", "2025-11-13")),
    ("two days ago", FRI, None, ("2025-11-12", "2025-11-12")),
    ("3 days ago", FRI, None, ("2025-11-11", "2025-11-11")),
    ("a week ago", FRI, None, ("2025-11-07", "2025-11-07")),
    ("a month ago", "2025-03-31", None, ("2025-02-28", "2025-02-28")),
    ("days ago", FRI, None, ("2025-11-07", "2025-11-13")),
    ("a few days ago", FRI, None, ("2025-11-07", "2025-11-12")),
    ("recently", FRI, None, None),
    ("soon", FRI, None, None),
    ("in the coming weeks", FRI, None, None),
    ("more than a week ago", FRI, None, None),
    ("on April 3", FRI, None, ("2025-04-03", "2025-04-03")),
    ("on April 3", FRI, "future", ("2026-04-03", "2026-04-03")),
    ("April 3, 2019", FRI, None, ("2019-04-03", "2019-04-03")),
    ("April 3, 2019", None, None, ("2019-04-03", "2019-04-03")),
    ("3 April", WED, None, ("2019-04-03", "2019-04-03")),
    ("the 3rd of April 2019", None, None, ("2019-04-03", "2019-04-03")),
    ("on Feb. 18", "2025-03-10", None, ("2025-02-18", "2025-02-18")),
    ("Sept. 11, 2001", None, None, ("2001-09-11", "2001-09-11")),
    ("in April", FRI, None, ("2025-04-01", "2025-04-30")),
    ("in April", FRI, "future", ("2026-04-01", "2026-04-30")),
    ("is expected to visit in late April", "2021-04-16", None, ("2021-04-21", "2021-04-30")),
    ("in early May", WED, "future", ("2019-05-01", "2019-05-10")),
    ("last November", FRI, None, ("2024-11-01", "2024-11-30")),
    ("in March 2020", None, None, ("2020-03-01", "2020-03-31")),
    ("in 1994", None, None, ("1994-01-01", "1994-12-31")),
    ("in 2026", FRI, None, ("2026-01-01", "2026-12-31")),
    ("from 2005 to 2013", None, None, ("2005-01-01", "2013-12-31")),
    ("2019-04-03", None, None, ("2019-04-03", "2019-04-03")),
    ("03.04.2019", None, None, ("2019-04-03", "2019-04-03")),
    ("11:00am (Moscow time)", FRI, None, ("2025-11-14", "2025-11-14")),
    ("at 11 a.m.", FRI, None, ("2025-11-14", "2025-11-14")),
    ("at 3:30 p.m. local time", WED, None, ("2019-04-03", "2019-04-03")),
    ("at noon", WED, None, ("2019-04-03", "2019-04-03")),
    ("next year", FRI, None, ("2026-01-01", "2026-12-31")),
    ("last year", FRI, None, ("2024-01-01", "2024-12-31")),
    ("earlier this year", FRI, None, ("2025-01-01", "2025-11-13")),
    ("in two weeks", FRI, None, ("2025-11-28", "2025-11-28")),
    ("within three days", FRI, None, ("2025-11-14", "2025-11-17")),
    ("over the past two weeks", FRI, None, ("2025-10-31", "2025-11-14")),
    # relative expressions need a publication day
    ("on Tuesday", None, None, None),
    ("yesterday", None, None, None),
    ("last week", "not a date", None, None),
    # words that look like dates but are not
    ("They may meet", FRI, None, None),
    ("he will march on", FRI, None, None),
    ("", FRI, None, None),
]


@pytest.mark.parametrize("expr,pub,tense,want", RESOLVE_TABLE, ids=[f"{r[0]}|{r[1]}|{r[2]}" for r in RESOLVE_TABLE])
def test_resolve_table(expr, pub, tense, want):
    assert resolve_timex(expr, pub, tense=tense) == want


# (sentence, published, [(matched text, start_date, kind, direction)])
FIND_TABLE = [
    ("The minister arrived Tuesday and will leave on Thursday.", FRI,
     [("Tuesday", "2025-11-11", "day", "past"), ("on Thursday", "2025-11-20", "day", "future")]),
    ("On Thursday, the two leaders will sign a treaty.", WED,
     [("On Thursday", "2019-04-04", "day", "future")]),
    ("The envoy said he would come soon.", FRI, [("soon", None, "unanchored", "future")]),
    ("Talks ended less than a week ago in Geneva.", FRI,
     [("less than a week ago", "2025-11-08", "range", "past")]),
    ("The summit opens at 11:00 (local time) today.", FRI,
     [("at 11:00 (local time)", "2025-11-14", "time", "present"), ("today", "2025-11-14", "day", "present")]),
    ("Nothing dated here at all.", FRI, []),
    ("He came in May. She will come in December.", WED,
     [("in May", "2018-05-01", "range", "past"), ("in December", "2019-12-01", "range", "future")]),
]


@pytest.mark.parametrize("text,pub,want", FIND_TABLE, ids=[r[0][:30] for r in FIND_TABLE])
def test_find_table(text, pub, want):
    got = find_timexes(text, pub)
    assert [(t.text, t.start_date, t.kind, t.direction) for t in got] == want
    for t in got:
        assert text[t.start:t.end] == t.text


def test_offsets_index_the_text():
    text = "Officials met on Monday; the ministers will meet again next week, on March 3."
    got = find_timexes(text, "2025-02-26")
    assert [t.text for t in got] == ["on Monday", "next week", "on March 3"]
    for t in got:
        assert text[t.start:t.end] == t.text
        assert isinstance(t, Timex)


def _full_scan(text):
    """Every pattern over the whole text, as the finder did before it searched near anchor words only."""
    from communique.timex.find import _tables

    return sorted((m.start(), m.end(), name) for name, rx in _tables()["patterns"]
                  for m in rx.finditer(text) if m.end() > m.start())


def _anchored_scan(text):
    from communique.timex.find import _candidates

    return sorted((start, end, name) for start, end, name, _ in _candidates(text))


def test_the_anchored_scan_finds_what_a_full_scan_finds_in_a_long_text():
    parts = ["The delegation arrived on Tuesday, March 4, 2025, at 10:30 a.m. local time.",
             "Two weeks ago the envoys met in Geneva; in the coming days they will meet again.",
             "Trade grew 12 per cent between 2019 and 2023, and 4.5.2024 was the deadline.",
             "Filler words without any dates at all, repeated to make the text long. " * 30]
    text = " ".join(parts * 20)
    full = _full_scan(text)
    assert len(full) > 100
    assert _anchored_scan(text) == full


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()), st.text(max_size=12)))
def test_never_raises_and_ranges_are_ordered(text, pub):
    assert _anchored_scan(text) == _full_scan(text)
    for t in find_timexes(text, pub):
        assert 0 <= t.start < t.end <= len(text)
        if t.start_date:
            assert t.start_date <= t.end_date
    resolve_timex(text, pub)


WORDS = ["on", "last", "next", "this", "Tuesday", "April", "3", "2019", "week", "ago", "days", "two",
         "in", "earlier", "month", "year", "at", "11", "a.m.", "less", "than", "a", "will", "met", ",", "."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12), st.dates().map(lambda d: d.isoformat()))
def test_datey_word_soup_is_safe(words, pub):
    text = " ".join(words)
    assert _anchored_scan(text) == _full_scan(text)
    for t in find_timexes(text, pub):
        assert text[t.start:t.end] == t.text
        if t.start_date:
            assert t.start_date <= t.end_date
            assert t.kind in ("day", "range", "time")


def test_the_word_soup_finds_dates_at_all():
    text = " ".join(["met", "on", "Tuesday", ",", "two", "days", "ago", "in", "April", "2019", "at", "11", "a.m."])
    got = find_timexes(text, "2025-02-26")
    assert len(got) >= 3 and all(text[t.start:t.end] == t.text for t in got)


# Spans, weekends and parts of a year, as news copy writes them (pub FRI = Friday 2025-11-14).
SPAN_TABLE = [
    ("talks ran from October 20 to 22", FRI, "past", ("2025-10-20", "2025-10-22")),
    ("the forum on 3–5 November", FRI, "past", ("2025-11-03", "2025-11-05")),
    ("a summit set for Nov. 30-Dec. 2", FRI, "future", ("2025-11-30", "2025-12-02")),
    ("between September 8 and 9, 2024", FRI, None, ("2024-09-08", "2024-09-09")),
    ("visits over the weekend", FRI, "past", ("2025-11-08", "2025-11-09")),
    ("will meet at the weekend", FRI, "future", ("2025-11-15", "2025-11-16")),
    ("late last year", FRI, None, ("2024-09-01", "2024-12-31")),
    ("early next month", FRI, None, ("2025-12-01", "2025-12-10")),
    ("in early 2023", FRI, None, ("2023-01-01", "2023-04-30")),
    ("by the end of 2026", FRI, None, ("2026-09-01", "2026-12-31")),
]



def test_a_day_span_longer_than_two_months_is_no_date():
    assert resolve_timex("from March 1 to June 30", FRI, tense="past") in (None, ("2025-03-01", "2025-03-01"))
    assert resolve_timex("from March 1 to June 30", FRI, tense="past") != ("2025-03-01", "2025-06-30")


SEASON_TABLE = [
    ("they met last summer", FRI, "past", ("2025-06-01", "2025-08-31")),
    ("she visited this summer", FRI, "past", ("2025-06-01", "2025-08-31")),
    ("a visit planned for next spring", FRI, "future", ("2026-03-01", "2026-05-31")),
    ("talks this winter", FRI, "future", ("2025-12-01", "2026-02-28")),
    ("in the spring of 2024", FRI, None, ("2024-03-01", "2024-05-31")),
    ("in the month of September", FRI, "past", ("2025-09-01", "2025-09-30")),
    ("will convene in the month of March", FRI, "future", ("2026-03-01", "2026-03-31")),
    ("as oil prices fall", FRI, None, None),
]



DEADLINE_TABLE = [
    ("before the end of the year", "2025-03-21", None, ("2025-03-21", "2025-12-31")),
    ("by the end of this month", "2025-03-21", "future", ("2025-03-21", "2025-03-31")),
    ("by the end of next month", "2025-03-21", None, ("2025-03-21", "2025-04-30")),
    ("before year-end", "2026-07-02", None, ("2026-07-02", "2026-12-31")),
    ("at the end of last year", "2025-03-21", None, ("2024-09-01", "2024-12-31")),
    ("by the end of the week", "2025-03-19", None, ("2025-03-19", "2025-03-23")),
]


# spans, weekends, parts of a year, seasons, "the month of" and deadlines: one expression, one range
RESOLVE_TABLE = SPAN_TABLE + SEASON_TABLE + DEADLINE_TABLE


@pytest.mark.parametrize("expr,pub,tense,want", RESOLVE_TABLE, ids=[r[0] for r in RESOLVE_TABLE])
def test_ranges_as_news_copy_writes_them(expr, pub, tense, want):
    assert resolve_timex(expr, pub, tense=tense) == want
