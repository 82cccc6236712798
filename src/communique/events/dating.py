"""Dating events: which time expression of a sentence dates which event, and what to do without one.

A sentence often holds several dates ("arrived on Monday and will hold talks on
Tuesday"; "said on Thursday the visit is scheduled for Friday"). An event takes
the date of its own clause, in its own tense; dates inside a quotation or a
relative clause beside it, and durations ("since 2019"), are not its date.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional

from communique.events.diplomatic import Candidate
from communique.model import DateRange, Event


_SPANS_BACK = ("the past", "the last", "past", "the previous")
_REPORTING = {"say", "tell", "announce", "confirm", "state", "report", "add", "write", "declare", "insist",
              "stress", "note", "explain", "reply", "answer", "claim", "argue", "warn"}


def _clause_verb(tok):
    """The verb heading the clause a token sits in (a noun trigger's light verb, a date's verb)."""
    hops = 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i and hops < 8:
        tok, hops = tok.head, hops + 1
    return tok


def doc_text(sdoc) -> str:
    """The parsed text, joined once per document: spaCy rebuilds ``Doc.text`` from every token on each access."""
    text = sdoc.user_data.get("communique_text")
    if text is None:
        text = sdoc.user_data["communique_text"] = sdoc.text
    return text


def _governs(upper, lower) -> bool:
    """Whether ``upper`` is ``lower`` or one of its ancestors in the parse."""
    return upper.i == lower.i or any(a.i == upper.i for a in lower.ancestors)   # spaCy tokens compare by index


def _in_scope(sdoc, cand: Candidate, timexes, quotes=()) -> list[tuple[object, bool]]:
    """The sentence's time expressions that can date this event, each flagged when it sits in the trigger's clause.

    Left out: dates of a clause inside a quotation the trigger is outside of (or the reverse), dates in a relative clause
    that does not contain the trigger ("… who visited in November"), and durations ("since 2019", "for two
    years"). Parses err, so the rest stay candidates, ranked by clause, tense and distance.
    """
    sent, text = cand.sent, doc_text(sdoc)
    own = _clause_verb(cand.trigger)
    trig_quoted = _quoted(quotes, cand.trigger.idx)
    out = []
    for t in timexes:
        if not (sent.start_char <= t.start < sent.end_char):
            continue
        before = text[max(sent.start_char, t.start - 6):t.start].lower().rstrip()
        if before.endswith("since") or t.text.lower().startswith("since ") or before.endswith("for") and \
                t.text.lower().startswith(_SPANS_BACK):
            continue      # "since 2019", "for the past week"; but "scheduled for Friday", "set for next week"
        span = sdoc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        verb = _clause_verb(span.root)
        if _quoted(quotes, verb.idx) != trig_quoted:
            continue      # the date belongs to a clause on the other side of a quotation mark
        if verb.dep_ in ("relcl", "acl") and not _governs(verb, own) and not _schedules(verb, cand.trigger):
            continue
        when_clause = verb.dep_ == "advcl" and verb.head.i == own.i and any(c.lower_ == "when" for c in verb.children)
        if t.start > cand.trigger.idx and not _governs(verb, own) and not when_clause and not _schedules(verb, cand.trigger):
            continue      # "called X … and invited her to visit before her inauguration in March"
        if verb.i != own.i and verb.lemma_ in _REPORTING and _governs(verb, own):
            continue      # "said on Monday that he will not travel to Kyiv": Monday dates the saying
        if cand.type == "INVITE" and verb.i != own.i and _complement_of(verb, own):
            continue      # "invited X to visit Lima in July": July dates the visit, not the invitation
        if cand.type in ("PRAISE", "CONDOLE") and _in_reason(span.root, cand.trigger):
            continue      # "thanked Ghana for the handover in January": January dates what is praised
        out.append((t, verb.i == own.i))
    return out


_TIME_MARKS = {"when", "while", "as", "after", "before", "since", "until", "once", "whenever"}


def _complement_of(verb, own) -> bool:
    """Whether ``verb`` heads a clause completing ``own`` ("invited X to attend …", "his invitation for X to visit")."""
    tok, hops = verb, 0
    while tok.i != own.i and hops < 4:
        if tok.dep_ not in ("xcomp", "ccomp", "advcl", "acl", "conj") or tok.head.i == tok.i:
            return False
        if tok.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in _TIME_MARKS for c in tok.children):
            return False   # "had invited him when the two met last September": a time clause dates the invitation
        tok, hops = tok.head, hops + 1
    return tok.i == own.i and verb.i != own.i


def _in_reason(tok, trigger) -> bool:
    """Whether ``tok`` sits in the trigger's "for …"/"over …" phrase: what the thanks or sympathy is for."""
    heads = [trigger] + ([trigger.head] if trigger.pos_ == "NOUN" else [])
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("for", "over") and tok in c.subtree:
                return True
    return False


def _schedules(clause, trigger) -> bool:
    """"his visit to Vilnius, which had been scheduled for Friday": a relative clause on the trigger's phrase that
    schedules it dates the trigger."""
    from communique.events.lexicon import lexicon

    on_trigger = clause.head.i == trigger.i or (trigger.pos_ == "NOUN" and clause.head in trigger.subtree)
    return on_trigger and clause.lemma_ in lexicon()["modality"]["planned_verbs"]


_CALLING_OFF = {"cancel", "postpone", "scrap", "delay", "shelve", "abandon", "call"}


def _called_off(trigger) -> bool:
    """"postponed his visit", "the meeting was called off": a trip cancelled before it was due, so its date lies
    ahead of the cancelling."""
    head = trigger.head
    return trigger.dep_ in ("dobj", "nsubjpass") and head.lemma_ in _CALLING_OFF and (
        head.lemma_ != "call" or any(c.lower_ == "off" for c in head.children))


def _future_aux(trigger) -> bool:
    """"will not travel", "could meet": a negated or hypothetical event told in the future."""
    from communique.events.lexicon import lexicon

    mod = lexicon()["modality"]
    future = set(mod["planned_aux"]) | set(mod["conditional_aux"]) | set(mod["hypothetical_aux"])
    verb = _clause_verb(trigger)
    for tok in [verb] + list(verb.ancestors)[:3]:
        if any(c.dep_ == "aux" and c.lower_ in future for c in tok.children):
            return True
        if tok.dep_ not in ("xcomp", "conj", "acomp"):
            break
    return False


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday_within_week(text: str, scoped: list) -> list:
    """"next week, on Thursday", "last week on Monday": the weekday names a day inside the week before it, not the
    nearest one. The pair becomes one expression for that day."""
    import dataclasses

    out = list(scoped)
    for n, (week, own) in enumerate(scoped):
        if week.kind != "range" or not week.start_date or "week" not in week.text.lower():
            continue
        for m, (wd, own2) in enumerate(scoped):
            gap = text[week.end:wd.start]
            if wd.start <= week.end or len(gap) > 5 or gap.strip(" ,") not in ("", "on"):
                continue
            name = wd.text.lower().removeprefix("on ").strip()
            if name not in _WEEKDAYS:
                continue
            start = date.fromisoformat(week.start_date[:10])
            found = start + timedelta(days=(_WEEKDAYS.index(name) - start.weekday()) % 7)
            joined = dataclasses.replace(week, end=wd.end, text=text[week.start:wd.end], start_date=found.isoformat(),
                                         end_date=found.isoformat(), kind="day")
            out[n], out[m] = (joined, own or own2), None
    return [o for o in out if o is not None]


def _quoted(quotes, pos: int) -> bool:
    """Whether ``pos`` lies inside one of the document's quotations (found by the quotes stage)."""
    return any(q.start <= pos < q.end for q in quotes)


def date_for(sdoc, cand: Candidate, timexes, published: Optional[str], quotes=()) -> Optional[DateRange]:
    """The time expression of the event's clause nearest the trigger, matching the status; else the rules below."""
    from communique.timex import resolve_timex

    scoped = _weekday_within_week(doc_text(sdoc), _in_scope(sdoc, cand, timexes, quotes))
    relative = _day_told_from_another(sdoc, cand, timexes, scoped)
    if relative is not None:
        return relative
    trig = cand.trigger.idx
    if cand.status == "planned" or cand.status in ("negated", "hypothetical") and _future_aux(cand.trigger) or (
            cand.status == "negated" and _called_off(cand.trigger)):
        wanted, clash = "future", "past"
    else:
        wanted, clash = "past", "future"
    # The timex stage guesses a clause's tense from its words; the event's status (from the parse) knows better:
    # "will arrive on Monday and hold talks on Tuesday, the spokeswoman told …" makes Tuesday future. An
    # expression that reads differently in the event's tense ("Tuesday", "in March") is re-read in it.
    options = []
    for t, own_clause in scoped:
        days = (t.start_date, t.end_date)
        if t.direction == clash and (cand.status in ("planned", "occurred") or wanted == "future"):
            redone = resolve_timex(t.text, published, tense=wanted)
            if redone and tuple(redone) != days:
                days, direction = tuple(redone), wanted
            else:
                direction = clash
        else:
            direction = t.direction
        if direction == clash and cand.status in ("planned", "occurred"):
            continue      # "tomorrow" cannot date what already happened
        agrees = direction in (wanted, None) or (direction == "present" and cand.status == "occurred")
        options.append(((not agrees, not own_clause, abs(t.start - trig)), t, days))
    for _, t, (start, end) in sorted(options, key=lambda o: o[0]):
        if t.kind == "unanchored":
            return None
        if start:
            return DateRange(start, end or start, t.text)
    if cand.status == "occurred":
        carried = _date_of_previous_sentence(sdoc, cand, timexes)
        if carried is not None:
            return carried
    if cand.status == "occurred" and published:
        # an engagement reported as news with no date words: the publication day
        return DateRange(published, published, None)
    return None


_ANAPHORIC_DAY = re.compile(r"\b(?:(?:on )?(?:that|the) (?:very |same )?day|that same day|the (?:next|following|"
                            r"previous) day|the day (?:before|after)|a day (?:later|earlier)|(two|three|four|five) "
                            r"days (?:later|earlier|before))\b", re.I)
_OFFSETS = {"next": 1, "following": 1, "after": 1, "later": 1, "previous": -1, "before": -1, "earlier": -1}
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5}


def _day_told_from_another(sdoc, cand: Candidate, timexes, scoped) -> Optional[DateRange]:
    """"X sent condolences on Sunday. Y telephoned Z the same day.": a day told from the last day the text named
    ("the same day", "the next day", "the day before", "two days later"), not from the publication day."""
    sent = cand.sent
    match = _ANAPHORIC_DAY.search(sent.text)
    if match is None:
        return None
    at = sent.start_char + match.start()
    span = sdoc.char_span(at, sent.start_char + match.end(), alignment_mode="expand")
    if span is None or not _governs(_clause_verb(span.root), _clause_verb(cand.trigger)):
        return None      # the phrase dates another clause
    if any(own and t.kind == "day" and not (t.start <= at < t.end) and not _ANAPHORIC_DAY.search(t.text)
           for t, own in scoped):
        return None      # the clause names its own day
    anchor = None
    for t in timexes:
        if t.end > at or t.kind != "day" or not t.start_date or _ANAPHORIC_DAY.search(t.text):
            continue
        anchor = t      # the last day named before this sentence
    if anchor is None:
        return None
    words = match.group(0).lower().split()
    step = next((v for w, v in _OFFSETS.items() if w in words), 0)
    step *= _COUNTS.get(words[0], 1)
    day_ = date.fromisoformat(anchor.start_date[:10]) + timedelta(days=step)
    return DateRange(day_.isoformat(), day_.isoformat(), match.group(0))


def _date_of_previous_sentence(sdoc, cand: Candidate, timexes) -> Optional[DateRange]:
    """"On Thursday, X sat down with Y. The two sides signed an agreement.": a past-tense sentence with no date
    words that goes on from a dated past-tense sentence (the one right before it, across a paragraph break too:
    news paragraphs are often one sentence long) happened that day."""
    own = _clause_verb(cand.trigger)
    if own.tag_ != "VBD" or any(c.dep_ == "aux" for c in own.children):
        return None
    sent = cand.sent
    if sent.start == 0:
        return None
    prev = sdoc[sent.start - 1].sent
    if prev.text.rstrip().endswith(("\"", "”", "?")):
        return None
    if prev.root.tag_ != "VBD":
        return None
    for t in timexes:
        if not (prev.start_char <= t.start < prev.end_char) or t.kind not in ("day", "range") or not t.start_date:
            continue
        span = sdoc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and _clause_verb(span.root).i == prev.root.i and t.direction in ("past", "present", None):
            return DateRange(t.start_date, t.end_date or t.start_date, t.text)
    return None


_ON_A_TRIP = ("MEET", "HOST", "SIGN", "PRAISE", "INVITE")


def dates_from_trips(events: list[Event]) -> None:
    """An engagement with no date of its own between a dated trip's traveller and its host country (a meeting, a
    signing, thanks, an invitation) took place on that trip and takes the trip's dates."""
    visits = [e for e in events if e.type == "VISIT" and e.date is not None and e.date.text]
    for ev in events:
        # no date of its own: none at all, or the publication-day default (no date words)
        if ev.type in _ON_A_TRIP and ev.source and ev.target and (ev.date is None or not ev.date.text):
            for v in visits:
                sides = {(ev.source.actor_id, ev.target.country), (ev.target.actor_id, ev.source.country)}
                if v.status == ev.status and (v.source.actor_id, v.target.country) in sides:
                    ev.date = DateRange(v.date.start, v.date.end, v.date.text)
                    break


STORY_REACH = 1500   # characters: an engagement's own paragraph and the next few


def dates_from_the_story(events: list[Event]) -> None:
    """An engagement told with no date words after a dated one by the same person ("X met Y on Tuesday. X thanked Y
    for ..."; "Y also invited X to ...") goes on telling that day, not the publication day."""
    dated = [e for e in events if e.status == "occurred" and e.date is not None and e.date.text and e.evidence
             and e.date.start == e.date.end]
    for ev in events:
        if ev.status != "occurred" or not ev.evidence or (ev.date is not None and ev.date.text):
            continue
        people = {s.actor_id for s in (ev.source, ev.target) if s is not None and s.actor_id}
        start = ev.evidence[0].start
        earlier = [d for d in dated if d is not ev and d.evidence[0].start < start <= d.evidence[0].start + STORY_REACH
                   and people & {s.actor_id for s in (d.source, d.target) if s is not None and s.actor_id}]
        if earlier:
            last = max(earlier, key=lambda d: d.evidence[0].start)
            ev.date = DateRange(last.date.start, last.date.end, last.date.text)


# -- merging ------------------------------------------------------------------
def day(iso: str) -> date:
    """The calendar day of an ISO string ("2025-11-11" or a longer timestamp)."""
    return date.fromisoformat(iso[:10])
