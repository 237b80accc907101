"""Columns the build derives instead of reading them from a person.

A statement's text is its evidence, never typed (`sources.statement_text`), and
a statement made at an event carries the event's date unless its source dates
it otherwise: both are worked out once, here, from the merged rows.
"""

from __future__ import annotations

import datetime
from typing import Any

import pyarrow as pa

from ..schema import table_schema
from ..sources.article import Article
from ..sources.statement_text import shown_texts, statement_texts


def quoted_text(
    name: str, evidence: list[dict[str, Any]], articles: dict[str, Article]
) -> dict[str, str]:
    """record id -> its text, built from its evidence spans (a statement's text)."""
    table = pa.Table.from_pylist(evidence, schema=table_schema("evidence").arrow_schema())
    texts = {sid: a.text.encode("utf-8") for sid, a in articles.items()}
    shown = shown_texts(statement_texts(table, texts, record_table=name))
    return dict(zip(shown["record_id"].to_pylist(), shown["text"].to_pylist(), strict=True))


def _one_unit(start: datetime.date, end: datetime.date, precision: str) -> bool:
    """Is [start, end] exactly one day, month or year, as its precision says?"""
    if precision == "day":
        return start == end
    if precision == "month":
        following = (start.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        return start.day == 1 and end == following - datetime.timedelta(days=1)
    if precision == "year":
        return (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and (
            start.year == end.year
        )
    return False


def inherit_event_dates(events: list[dict[str, Any]], statements: list[dict[str, Any]]) -> None:
    """Give an undated statement the date of its event, when that date is one day, month or year.

    An event spanning more (a visit of several days, known to the day) does not
    say on which day a statement was made, so such a statement stays undated. An
    event whose date its sources dispute shows none: the statement stays undated
    too, and its note says why, so that the date is not silently lost.
    """
    by_id = {e["event_id"]: e for e in events}
    for row in statements:
        event = by_id.get(row.get("event_id"))
        if row.get("date") is not None or event is None:
            continue
        start = event.get("date_start")
        end = event.get("date_end") or start
        precision = event.get("date_precision")
        if start is None and "date_start" in (event.get("disputed_fields") or ()):
            row["date_note"] = (
                f"undated: the date of its event, {event['event_id']}, is disputed (see claims)"
            )
            continue
        if start is None or end is None or precision is None:
            continue
        if not _one_unit(start, end, precision):
            continue
        row["date"] = start
        row["date_precision"] = precision
        row["date_basis"] = "inferred"  # from the event, whatever the event's own basis
        row["date_note"] = f"the date of its event, {event['event_id']}"
