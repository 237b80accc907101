"""Dates as precise as the data says, never more.

A date of month or year precision is stored as the first day of its period
(2025-01-01 for "2025"); showing it as a day would claim a precision the
source does not give. So the site shows such a date as ``2025`` or
``2025-05``, and filters on the whole period it stands for.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Mapping
from typing import Any

#: Date columns and the column that holds their precision.
PRECISION_OF: dict[str, str] = {
    "date_start": "date_precision",
    "date_end": "date_precision",
    "date": "date_precision",
    "published_date": "published_date_precision",
}


def _as_date(value: Any) -> datetime.date | None:
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and value:
        return datetime.date.fromisoformat(value)
    return None


def shown(value: Any, precision: str | None) -> str:
    """The date as far as it is known: ``2025``, ``2025-05`` or ``2025-05-26``."""
    day = _as_date(value)
    if day is None:
        return ""
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def period(start: Any, end: Any, precision: str | None) -> tuple[str, str]:
    """(first, last) ISO day of the period a dated record stands for; empty when undated."""
    first, last = _as_date(start), _as_date(end) or _as_date(start)
    if first is None or last is None:
        return "", ""
    if precision == "year":
        return datetime.date(first.year, 1, 1).isoformat(), datetime.date(
            last.year, 12, 31
        ).isoformat()
    if precision == "month":
        days = calendar.monthrange(last.year, last.month)[1]
        return (
            datetime.date(first.year, first.month, 1).isoformat(),
            datetime.date(last.year, last.month, days).isoformat(),
        )
    return first.isoformat(), last.isoformat()


def record_period(table: str, row: Mapping[str, Any]) -> tuple[str, str]:
    """(first, last) day a record is about: events' range, a statement's date, a figure's period."""
    if table == "events":
        return period(row.get("date_start"), row.get("date_end"), row.get("date_precision"))
    if table == "statements":
        return period(row.get("date"), None, row.get("date_precision"))
    if table == "figures":
        return period(row.get("period_start"), row.get("period_end"), "day")
    return "", ""


def record_when(table: str, row: Mapping[str, Any]) -> str:
    """A record's date for people: as precise as known, a range when it spans several."""
    if table == "events":
        precision = row.get("date_precision")
        first = shown(row.get("date_start"), precision)
        last = shown(row.get("date_end"), precision)
        return first if not last or last == first else f"{first} – {last}"
    if table == "statements":
        return shown(row.get("date"), row.get("date_precision"))
    if table == "figures":
        first, last = shown(row.get("period_start"), "day"), shown(row.get("period_end"), "day")
        return first if not last or last == first else f"{first} – {last}"
    return ""
