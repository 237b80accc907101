"""The publication date of a page and the anchor its relative dates are resolved against.

Given by the contributor (`--published`), else a full date on a header or footer line, else
the dateline's day and month with the latest year the body mentions; the anchor is that day,
else the publication year, else the latest year mentioned (each says which in its notes).
"""

from __future__ import annotations

import datetime as dt
import re

from .date_patterns import _BARE_DATE, _YEAR
from .dates import Anchor, When, find
from .furniture import DATELINE, Layout
from .text import Span


def latest_year(text: str, span: Span) -> int | None:
    """The latest plausible year the body mentions (a fallback anchor)."""
    years = [
        int(m.group("year"))
        for m in re.finditer(r"\b" + _YEAR + r"\b", text[span.start : span.end])
    ]
    return max(years) if years else None


def publication(doc: Layout, given: dt.date | None = None) -> When:
    """The publication date: given by the contributor, or a full date on a header line."""
    if given is not None:
        return When(given, given, "day", "stated", "given by the contributor (--published)")
    anchor = Anchor(None, None, "")
    # A footer's own date line ("Published March 10, 2026", "27.06.2025") dates the page; the
    # timestamps of a related-news list after an end marker date other articles.
    footer = []
    for line in doc.lines:
        if line.span.start < doc.body.end:
            continue
        if line.kind == "end":
            break
        if line.kind in {"meta", "timestamp"} or _BARE_DATE.fullmatch(line.text):
            footer.append(line)
    for line in [*doc.header, *footer]:
        found = [d for d in find(doc.text, line.span, anchor) if d.when.precision == "day"]
        if found and found[0].when.basis == "stated":
            d = found[0]
            return When(
                d.when.start,
                d.when.end,
                "day",
                "stated",
                f"from {d.text!r} on the page's "
                + ("header" if line.span.end <= doc.body.start else "footer")
                + " line (outside the body)",
            )
    dateline = _dateline(doc)
    if dateline is not None:
        return dateline
    return When.unknown(
        "no publication date on the page (the body and its header give none); pass --published"
    )


def _dateline(doc: Layout) -> When | None:
    """The day of the dateline ("HANOI, March 12 (VNA) –"). A dateline rarely gives the year: it
    is taken from the body's own dates (the latest year it mentions, as for every date the
    text gives without a year), never guessed; without one the date stays unknown and the note
    says what the dateline gave."""
    prose = doc.prose
    if not prose:
        return None
    line = prose[0]
    m = DATELINE.match(line.text)
    if m is None:
        return None
    span = Span(line.span.start, line.span.start + m.end())
    year = latest_year(doc.text, Span(span.end, doc.body.end))
    source = f"the latest year the body mentions ({year})"
    if year is None:
        year = _copyright_year(doc)
        source = f"the page's copyright line ({year})"
    anchor = (
        Anchor(None, year, f"{source}, not the dateline")
        if year is not None
        else Anchor(None, None, "")
    )
    found = [d for d in find(doc.text, span, anchor) if d.kind in {"mdy", "dmy", "md", "dm"}]
    if not found:
        return None
    d = found[0]
    if d.when.start is None:
        return When.unknown(
            f"the dateline gives {d.text!r} but no year, and the body mentions none; "
            "pass --published"
        )
    if d.when.basis == "stated":
        return When(d.when.start, d.when.end, "day", "stated", f"from the dateline {d.text!r}")
    return When(
        d.when.start,
        d.when.end,
        "day",
        "inferred",
        f"day and month from the dateline ({d.text!r}); year {d.when.start.year} inferred from "
        f"{source.split(' (')[0]} (check it, or pass --published)",
    )


_COPYRIGHT_YEAR = re.compile(r"(?:©|\([Cc]\)|[Cc]opyright)\s*(?:©\s*)?(?P<year>(?:19|20)\d{2})\b")


def _copyright_year(doc: Layout) -> int | None:
    """The year of the page's own copyright line right after the body ("Copyright © 2026 AFP"),
    before any list of other articles: the year the page was put out."""
    for line in doc.lines:
        if line.span.start < doc.body.end:
            continue
        if line.kind == "end":
            return None
        m = _COPYRIGHT_YEAR.search(line.text)
        if m:
            return int(m.group("year"))
    return None


def anchor_for(doc: Layout, published: When) -> Anchor:
    """Resolve relative dates against the publication day, else the latest year mentioned."""
    if published.start is not None and published.precision == "day":
        inferred = " (its year inferred)" if published.basis == "inferred" else ""
        return Anchor(
            published.start,
            published.start.year,
            f"the publication date {published.start}{inferred}",
        )
    if published.start is not None:
        return Anchor(None, published.start.year, f"the publication year {published.start.year}")
    year = latest_year(doc.text, doc.body)
    if year is None:
        return Anchor(None, None, "nothing")
    return Anchor(None, year, f"the latest year the body mentions ({year}; no publication date)")
