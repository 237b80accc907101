"""Date rules: dates are ordered and agree with their precision, for every date group.

The groups come from the table registry (a date with its precision, basis and
note; a figure's period), so a new dated table or field is checked without
touching this module.
"""

from __future__ import annotations

from collections.abc import Callable

import pyarrow as pa
import pyarrow.compute as pc

from ..arrow_values import TRUE, days, integer, string
from ..errors import DateOrder, Problem
from ..schema import TABLES
from ..schema.registry import DateGroup
from .declare import Inputs, rule
from .locate import Mask, Where, located, maker


def _period_ok(start: pa.ChunkedArray, end: pa.ChunkedArray, precision: pa.ChunkedArray) -> Mask:
    """For month/year precision, dates must be the first and last day of the period."""
    day_s, month_s = pc.day(start), pc.month(start)
    one = integer(1)
    next_day = pc.add(pc.cast(end, pa.timestamp("s")), days(1))
    end_is_month_end = pc.equal(pc.day(next_day), one)
    end_is_year_end = pc.and_(end_is_month_end, pc.equal(pc.month(end), integer(12)))
    month_ok = pc.and_(pc.equal(day_s, one), pc.fill_null(end_is_month_end, TRUE))
    year_ok = pc.and_(
        pc.and_(pc.equal(day_s, one), pc.equal(month_s, one)), pc.fill_null(end_is_year_end, TRUE)
    )
    ok = pc.if_else(
        pc.equal(precision, string("month")),
        month_ok,
        pc.if_else(pc.equal(precision, string("year")), year_ok, TRUE),
    )
    return pc.fill_null(ok, TRUE)


def _problem(
    where: Where, name: str, field: str, message: str, expected: str | None = None
) -> Callable[[int, str | None], Problem]:
    return maker(DateOrder, message, file=where.file(name), field=field, expected=expected)


def _group(where: Where, name: str, t: pa.Table, group: DateGroup) -> list[Problem]:
    start = group.dates[0]
    end = group.dates[1] if len(group.dates) > 1 else None
    problems: list[Problem] = []
    if end is not None:
        problems += located(
            where,
            name,
            t,
            end,
            pc.less(t[end], t[start]),
            _problem(where, name, end, f"{end} before {start}", f">= {start}"),
        )
    prec = group.precision
    if prec is None:
        return problems
    ends = t[end] if end is not None else pa.nulls(t.num_rows, pa.date32())
    if end is not None:
        message = "dates do not span the whole month/year their precision says"
        expected = "first and last day of the period"
    else:
        message = "date is not the first day of the month/year its precision says"
        expected = "the first day of the period"
    problems += located(
        where,
        name,
        t,
        start,
        pc.invert(_period_ok(t[start], ends, t[prec])),
        _problem(where, name, start, message, expected),
    )
    unknown = string("unknown")
    for mask, message, expected in (
        (
            pc.and_(pc.is_null(t[start]), pc.not_equal(t[prec], unknown)),
            "precision given for a missing date",
            "unknown",
        ),
        (
            pc.and_(pc.is_valid(t[start]), pc.equal(t[prec], unknown)),
            "date given with precision 'unknown'",
            "day, month or year",
        ),
    ):
        problems += located(
            where, name, t, prec, mask, _problem(where, name, prec, message, expected)
        )
    return problems


@rule("dates", tables=[t.name for t in TABLES if t.groups], emits=(DateOrder,))
def check_dates(data: Inputs) -> list[Problem]:
    """Dates are ordered, and month or year precision spans whole months or years."""
    problems: list[Problem] = []
    for table in TABLES:
        if table.name in data.tables:
            for group in table.groups:
                problems += _group(data.where, table.name, data.tables[table.name], group)
    return problems
