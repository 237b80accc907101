"""Dates: find them, resolve them against the publication date, say how sure we are.

News prose rarely gives full dates: "on May 26", "last Tuesday", "next month".
Each is resolved against an anchor (the publication date, or failing that the
latest year the body mentions) and carries its precision (day, month, year),
its basis (stated when the text gives every part, inferred otherwise) and a
note saying what was inferred from what, so that a reviewer can check it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from ..sources.lexicon import MONTHS, WEEKDAYS
from .date_patterns import (
    _NUMBER_WORDS,
    _PATTERNS,
)
from .text import Span


@dataclass(frozen=True)
class When:
    """A resolved date or period, with how precise and how certain it is."""

    start: dt.date | None
    end: dt.date | None
    precision: str  # day | month | year | unknown
    basis: str  # stated | inferred | unknown
    note: str | None = None

    @classmethod
    def unknown(cls, note: str) -> When:
        return cls(None, None, "unknown", "unknown", note)


@dataclass(frozen=True)
class Anchor:
    """What relative dates are resolved against."""

    date: dt.date | None  # the publication date, when known to the day
    year: int | None  # the publication year, or the latest year the body mentions
    source: str  # how the anchor was obtained, for notes


@dataclass(frozen=True)
class DateMention:
    """A date expression of the text and what it resolves to."""

    span: Span
    text: str
    kind: str
    when: When


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day(d: dt.date, basis: str, note: str | None) -> When:
    return When(d, d, "day", basis, note)


def _month(year: int, month: int, basis: str, note: str | None) -> When:
    return When(dt.date(year, month, 1), _month_end(year, month), "month", basis, note)


def _year(year: int, basis: str, note: str | None) -> When:
    return When(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", basis, note)


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _pick_year(
    anchor: Anchor, month: int, day: int | None, future: bool | None
) -> tuple[int, str] | None:
    """The year of a day/month given without one: the nearest such date in the tense's direction."""
    if anchor.date is None:
        if anchor.year is None:
            return None
        return anchor.year, f"year {anchor.year} inferred from {anchor.source}"
    ref = anchor.date
    best: dt.date | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        candidate = _safe_date(year, month, day or 1)
        if candidate is None:
            continue
        last = _month_end(year, month) if day is None else candidate
        if future is None:  # present tense ("which ends on April 20"): the nearest such date
            ok = True
        elif future:
            ok = last >= ref
        else:
            ok = candidate <= ref  # a month: its first day (the current month counts)
        if ok and (best is None or abs((candidate - ref).days) < abs((best - ref).days)):
            best = candidate
    if best is None:
        return None
    if best > ref:
        direction = "the next such date after"
    elif best == ref:
        direction = "the same day as"
    else:
        direction = "the latest such date before"
    return best.year, f"year {best.year} inferred as {direction} {anchor.source}"


def _resolve(kind: str, m: re.Match[str], anchor: Anchor, future: bool | None) -> When | None:
    """What one matched expression means, given the anchor and the tense."""
    g = m.groupdict()
    quoted = f"'{m.group().strip()}'"
    month = MONTHS.get((g.get("month") or g.get("month2") or "").lower().rstrip("."))
    if kind == "iso":
        d = _safe_date(int(g["year"]), int(g["mnum"]), int(g["day"]))
        return _day(d, "stated", None) if d else None
    if kind in {"dmy_slash", "dmy_dot"}:
        d = _safe_date(int(g["year"]), int(g["mnum"]), int(g["day"]))
        return _day(d, "stated", f"{quoted} read as day/month/year") if d else None
    if kind in {"mdy", "dmy"} and month:
        d = _safe_date(int(g["year"]), month, int(g["day"]))
        return _day(d, "stated", None) if d else None
    if kind == "my" and month:
        return _month(int(g["year"]), month, "stated", None)
    if kind == "year":
        return _year(int(g["year"]), "stated", None)
    if kind == "period":
        count = g["count"]
        n = int(count) if count.isdigit() else _NUMBER_WORDS[count.lower()]
        year = int(g["year"])
        if not 1 <= n <= 12:
            return None
        return When(dt.date(year, 1, 1), _month_end(year, n), "month", "stated", None)
    if kind == "half":
        year = int(g["year"])
        first = g["which"] == "first"
        return When(
            dt.date(year, 1 if first else 7, 1),
            _month_end(year, 6 if first else 12),
            "month",
            "stated",
            None,
        )
    if kind == "quarter":
        q = (
            int(g["q"])
            if g.get("q")
            else ("first", "second", "third", "fourth").index(g["which"]) + 1
        )
        year = int(g.get("year") or g["year2"])
        return When(dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q), "month", "stated", None)
    if kind in {"range_md", "range_dm"} and month:
        return _range(g, month, quoted, anchor, future)
    if kind == "until_md" and month:
        picked = _pick_year(anchor, month, int(g["day"]), future)
        if picked is None:
            return When.unknown(f"end day stated ({quoted}) but no year and no publication date")
        d = _safe_date(picked[0], month, int(g["day"]))
        return (
            When(None, d, "day", "inferred", f"end day stated ({quoted}); {picked[1]}")
            if d
            else None
        )
    if kind in {"md", "dm"} and month:
        picked = _pick_year(anchor, month, int(g["day"]), future)
        if picked is None:
            return When.unknown(
                f"day and month stated ({quoted}) but no year and no publication date"
            )
        d = _safe_date(picked[0], month, int(g["day"]))
        return _day(d, "inferred", f"day and month stated ({quoted}); {picked[1]}") if d else None
    if kind == "m" and month:
        picked = _pick_year(anchor, month, None, future)
        if picked is None:
            return When.unknown(f"month stated ({quoted}) but no year and no publication date")
        return _month(picked[0], month, "inferred", f"month stated ({quoted}); {picked[1]}")
    return _relative(kind, g, quoted, anchor, future)


def _range(
    g: dict[str, str], month: int, quoted: str, anchor: Anchor, future: bool | None
) -> When | None:
    """ "from September 15 to 18", "May 25-27", "3 to 5 February", "on 5 and 6 November" (two
    days running): first and last day."""
    month2 = MONTHS.get((g.get("month2") or "").lower().rstrip(".")) or month
    day, day2 = int(g["day"]), int(g["day2"])
    if g.get("sep") == "and" and (month2 != month or day2 != day + 1):
        return None  # "on 5 and 12 November": two days, not the days between them
    if g.get("year"):
        year, how = int(g["year"]), None
    else:
        picked = _pick_year(anchor, month, day, future)
        if picked is None:
            return When.unknown(f"days stated ({quoted}) but no year and no publication date")
        year, how = picked
    start = _safe_date(year, month, day)
    end = _safe_date(year + (1 if month2 < month else 0), month2, day2)
    if start is None or end is None or end < start:
        return None
    if how is None:
        return When(start, end, "day", "stated", None)
    return When(start, end, "day", "inferred", f"days stated ({quoted}); {how}")


def _relative(
    kind: str, g: dict[str, str], quoted: str, anchor: Anchor, future: bool | None
) -> When | None:
    """Relative expressions need the publication day (or at least its month/year)."""
    ref = anchor.date
    if kind == "md_rel" and ref is not None:
        rel = g["rel"].lower()
        year = ref.year + {"last": -1, "next": 1}.get(rel, 0)
        month = MONTHS[(g.get("month") or g["month_second"]).lower().rstrip(".")]
        day = _safe_date(year, month, int(g.get("day") or g["day_first"]))
        if day is not None:
            return _day(day, "inferred", f"{quoted} resolved against {anchor.source}")
    if kind == "rel_month" and ref is not None:
        # "last May" in an article of January 2026 is May 2025, in one of August 2025 May 2025;
        # "next May" the first May after the article's month; "this May" the article's year's.
        rel = g["rel"].lower()
        month = MONTHS[g["month"].lower().rstrip(".")]
        if rel in {"last", "this past"}:
            year = ref.year if month < ref.month else ref.year - 1
        elif rel in {"next", "this coming"}:
            year = ref.year if month > ref.month else ref.year + 1
        else:
            year = ref.year
        return _month(year, month, "inferred", f"{quoted} resolved against {anchor.source}")
    if kind in {"half_rel", "m_rel", "quarter_rel"} and ref is None and anchor.year is not None:
        ref = dt.date(anchor.year, 7, 1)
    if ref is None:
        return When.unknown(f"relative date {quoted} and no publication date to resolve it against")
    note = f"{quoted} resolved against {anchor.source}"
    if kind in {"half_rel", "m_rel", "quarter_rel"}:
        rel = g["rel"].lower().replace("the ", "")
        # "the second half of the year": the article's year
        year = ref.year + {"last": -1, "next": 1, "coming": 1}.get(rel, 0)
        if kind == "m_rel":
            return _month(year, MONTHS[g["month"].lower().rstrip(".")], "inferred", note)
        if kind == "quarter_rel":
            q = ("first", "second", "third", "fourth").index(g["which"]) + 1
            return When(
                dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q), "month", "inferred", note
            )
        first = g["which"] == "first"
        return When(
            dt.date(year, 1 if first else 7, 1),
            _month_end(year, 6 if first else 12),
            "month",
            "inferred",
            note,
        )
    if kind == "deictic":
        delta = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[g["word"].lower()]
        return _day(ref + dt.timedelta(days=delta), "inferred", note)
    if kind in {"rel_weekday", "weekday"}:
        target = WEEKDAYS[g["weekday"].lower()]
        rel = (g.get("rel") or "").lower()
        back = (ref.weekday() - target) % 7
        ahead = (target - ref.weekday()) % 7
        if rel in {"last", "past"}:
            d = ref - dt.timedelta(days=back or 7)
        elif rel in {"next", "coming", "this coming"}:
            d = ref + dt.timedelta(days=ahead or 7)
        elif rel == "this" or not rel:
            d = ref + dt.timedelta(days=ahead) if future else ref - dt.timedelta(days=back)
        else:
            return None
        return _day(d, "inferred", note)
    if kind == "rel_unit":
        rel = g["rel"].lower().replace("the ", "")
        delta = {
            "last": -1,
            "past": -1,
            "previous": -1,
            "next": 1,
            "coming": 1,
            "following": 1,
        }.get(rel, 0)
        unit = g["unit"].lower()
        if unit == "year":
            return _year(ref.year + delta, "inferred", note)
        if unit == "month":
            y, mo = _shift_month(ref.year, ref.month, delta)
            return _month(y, mo, "inferred", note)
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=delta)
        return When(
            monday,
            monday + dt.timedelta(days=6),
            "day",
            "inferred",
            f"{note}: some day of the week {monday.isoformat()} to "
            f"{(monday + dt.timedelta(days=6)).isoformat()}",
        )
    if kind == "ago":
        count = g["count"]
        n = int(count) if count.isdigit() else _NUMBER_WORDS[count.lower()]
        unit = g["unit"].lower()
        if unit == "day":
            return _day(ref - dt.timedelta(days=n), "inferred", note)
        if unit == "week":
            return _day(ref - dt.timedelta(weeks=n), "inferred", note + " (approximate)")
        if unit == "month":
            y, mo = _shift_month(ref.year, ref.month, -n)
            return _month(y, mo, "inferred", note)
        return _year(ref.year - n, "inferred", note)
    return None


_CLAUSE_BREAK = re.compile(r"[,;:]\s|\s(?:that|which|who|and|but|while|before|after)\s")
_FUTURE_MARK = re.compile(
    r"\b(?:will|would|shall|is to|are to|to be|scheduled|expected|planned|plans to)\b"
)
_PAST_MARK = re.compile(
    r"\b(?:[a-z]{3,}ed|met|held|began|took|made|gave|went|came|paid|saw|[Ee]arlier)\b"
)


def _clause_tense(text: str, start: int, pos: int) -> bool | None:
    """The tense of the clause a weekday sits in, when it says one: "opened a festival on
    Wednesday that will run until ..." is past although the sentence also speaks of the future;
    None when the clause gives no sign (the sentence's tense decides)."""
    clause_start = start
    for m in _CLAUSE_BREAK.finditer(text, start, pos):
        clause_start = m.end()
    clause = text[clause_start:pos]
    if _FUTURE_MARK.search(clause):
        return True
    if _PAST_MARK.search(clause):
        return False
    return None


def find(text: str, span: Span, anchor: Anchor, future: bool | None = False) -> list[DateMention]:
    """Date expressions in text[span], resolved; overlapping matches keep the most specific."""
    taken: list[Span] = []
    out: list[DateMention] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text, span.start, span.end):
            here = Span(m.start(), m.end())
            if any(here.overlaps(t) for t in taken):
                continue
            if kind == "weekday" and not text[m.start("weekday")].isupper():
                continue
            tense = _clause_tense(text, span.start, m.start()) if kind == "weekday" else None
            when = _resolve(kind, m, anchor, future if tense is None else tense)
            if when is None:
                continue
            taken.append(here)
            out.append(DateMention(here, m.group(), kind, when))
    return sorted(out, key=lambda d: d.span.start)
