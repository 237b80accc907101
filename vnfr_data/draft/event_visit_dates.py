"""Dates a visit gets only through what happened in it, and dates what happened in a visit
gets only from the visit; all inferred, each with a note saying from what.

- "X, who is on a four-day working visit to Việt Nam": a visit of a stated length under way
  at publication, whose days the text does not give, takes that month (an event known only
  by one day inside it takes the month: docs/annotations.md, Conventions).
- "X held talks ... on Monday, on the second day of a three-day state visit": the visit began
  the day before and lasts three days.
- "... during a landmark visit by X to Paris"; "their talks in Paris on October 8": an undated
  visit whose parts (or, with none, talks at its place with its guest or with nobody named) are
  dated to one day was under way that day: the month.
- "The signing ... during Lam's visit": an undated part of a dated visit takes its dates.
- "X, who arrived in Hanoi on Sunday evening": an arrival on the first day of a visit dated to
  its days is that visit's (one record, not two).
- "congratulating Lam on his recent election": "recent" in an article dated from March on is
  the publication year (earlier in the year it may be the year before, so nothing is said).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from .dates import Anchor, When, _month_end, find
from .event_dates import _DAY_WORDS, _DAYS
from .event_implied_dates import _day, _one_day
from .event_model import _TALK_FAMILY, _VISIT_FAMILY, DraftEvent
from .sentences import Sentence

_ORDINAL_DAY = re.compile(
    r"\b(?:on|in)\s+the\s+(?P<k>first|second|third|fourth|fifth|sixth|last|final)\s+day\s+of\s+$"
)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_RECENT = re.compile(r"\brecent(?:ly)?\b", re.I)


def _month_of(day: dt.date, note: str) -> When:
    return When(day.replace(day=1), _month_end(day.year, day.month), "month", "inferred", note)


def _length(doc: str, ev: DraftEvent) -> int | None:
    """How many days the visit lasts, when its phrase says ("a three-day state visit")."""
    for p in ev.phrases:
        m = _DAYS.search(doc, max(0, p.start - 30), p.end)
        if m is not None:
            word = m.group("n").lower()
            return int(word) if word.isdigit() else _DAY_WORDS[word]
    return None


def under_way(doc: str, ev: DraftEvent, anchor: Anchor) -> None:
    """A visit of a stated length under way at publication, its days not stated: the month."""
    ref = anchor.date
    if ref is None or ev.when.start is not None or ev.status != "ongoing":
        return
    if ev.type not in _VISIT_FAMILY or _length(doc, ev) is None:
        return
    ev.when = _month_of(
        ref, f"under way on {anchor.source}; its first and last days are not stated"
    )
    ev.rules.append("dates: a visit under way at publication, its days not stated: the month")


def _day_of_visit(doc: str, sentences: list[Sentence], ev: DraftEvent, anchor: Anchor) -> None:
    """ "on the second day of a three-day state visit" in a sentence naming one day."""
    n = _length(doc, ev)
    # undated, or dated only to the month by a day inside it ("under way on ...")
    inside = ev.when.precision == "month" and (ev.when.note or "").startswith("under way on")
    if n is None or (ev.when.start is not None and not inside):
        return
    starts = [s.start for s in sentences]
    for p in ev.phrases:
        k = bisect.bisect_right(starts, p.start) - 1
        if k < 0:
            continue
        s = sentences[k]
        m = _ORDINAL_DAY.search(doc, max(s.start, p.start - 40), p.start)
        if m is None:
            continue
        nth = n if m.group("k") in {"last", "final"} else _ORDINALS[m.group("k")]
        day = _one_day([d for d in find(doc, s.span, anchor) if not p.contains(d.span)])
        if day is None or day.when.start is None or nth > n:
            continue
        start = day.when.start - dt.timedelta(days=nth - 1)
        ev.when = When(
            start,
            start + dt.timedelta(days=n - 1),
            "day",
            "inferred",
            f"{day.text!r} is {m.group().strip()} a {n}-day visit: {n} days from {start}",
        )
        ev.rules.append("dates: the day the sentence names is the visit's n-th")
        return


def _dated_by_parts(events: list[DraftEvent]) -> None:
    """An undated visit whose parts are dated to one day (or, with none, talks at its place
    with its guest): under way that day, so the month."""
    for v in events:
        if v.type not in _VISIT_FAMILY or v.when.start is not None:
            continue
        if v.status not in {"occurred", "ongoing"}:
            continue
        parts = [e for e in events if e.part_of is v and _day(e.when)]
        if not parts and v.location:
            guests = {a for a, (_, how, _) in v.participants.items() if how == "guest"}
            parts = [
                e
                for e in events
                if e is not v
                and e.type in _TALK_FAMILY
                and e.status == "occurred"
                and _day(e.when)
                and e.location == v.location
                # "During their talks in Paris ...": talks whose people are not named count
                and (guests & set(e.participants) or not e.participants)
            ]
        days = {e.when.start for e in parts}
        if len(days) != 1:
            continue
        (day,) = days
        assert day is not None
        v.when = _month_of(
            day,
            f"its {parts[0].type} took place on {day}; the visit's first and last days are not "
            "stated, so the month",
        )
        v.rules.append("dates: the month of the day of what happened during it")


def _parts_of_dated_visits(events: list[DraftEvent]) -> None:
    """ "The signing ... during Lam's visit": an undated part takes the visit's dates."""
    for e in events:
        v = e.part_of
        if e.when.start is not None or v is None or v.when.start is None:
            continue
        if e.type in _VISIT_FAMILY:
            continue
        w = v.when
        span = f"{w.start} to {w.end}" if w.end and w.end != w.start else f"{w.start}"
        e.when = When(
            w.start,
            w.end,
            w.precision,
            "inferred",
            f"during the {v.type.replace('_', ' ')}, whose dates are {span}; its own day is not "
            "stated",
        )
        e.rules.append("dates: the visit it took place during")


def _recent(doc: str, events: list[DraftEvent], anchor: Anchor) -> None:
    ref = anchor.date
    if ref is None or ref.month < 3:
        return
    for e in events:
        if e.when.start is not None or e.status != "occurred":
            continue
        if not any(_RECENT.search(doc, max(0, p.start - 25), p.end) for p in e.phrases):
            continue
        e.when = When(
            dt.date(ref.year, 1, 1),
            dt.date(ref.year, 12, 31),
            "year",
            "inferred",
            f"'recent' in an article of {ref}: taken as that year, before that day",
        )
        e.rules.append("dates: 'recent', the publication year")


_ARRIVAL = re.compile(r"(?:arriv|land|touch)")


def _arrival_opens(doc: str, events: list[DraftEvent]) -> None:
    """ "Macron, who arrived in Hanoi on Sunday evening, ...": an arrival on the first day of a
    visit dated to its days, by the same guest, is that visit's, not another."""
    for a in list(events):
        if a.type != "visit" or not _day(a.when) or a.part_of is not None:
            continue
        if not _ARRIVAL.match(doc, a.first.start):
            continue
        guests = {k for k, (_, how, _) in a.participants.items() if how == "guest"}
        for v in events:
            if v is a or v.type not in _VISIT_FAMILY or v.when.precision != "day":
                continue
            if v.when.start != a.when.start or v.when.end in {None, v.when.start}:
                continue
            theirs = {k for k, (_, how, _) in v.participants.items() if how == "guest"}
            if guests and theirs and not guests & theirs:
                continue
            v.phrases.extend(p for p in a.phrases if not any(p.overlaps(q) for q in v.phrases))
            for k, part in a.participants.items():
                v.participants.setdefault(k, part)
            v.location = v.location or a.location
            v.rules.append("its arrival, on its first day, told apart")
            for e in events:
                if e.part_of is a:
                    e.part_of = v
            events.remove(a)
            break


def visit_dates(
    doc: str, sentences: list[Sentence], events: list[DraftEvent], anchor: Anchor
) -> None:
    """Every rule above, in the order they depend on each other."""
    for ev in events:
        if ev.type in _VISIT_FAMILY:
            _day_of_visit(doc, sentences, ev, anchor)
    _arrival_opens(doc, events)
    _dated_by_parts(events)
    _parts_of_dated_visits(events)
    _recent(doc, events, anchor)
    for ev in events:
        under_way(doc, ev, anchor)
