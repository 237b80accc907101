"""Turn `where(column=value)` into an Arrow mask, refusing what would answer wrong.

A filter that silently matches nothing is the worst kind of wrong answer: the
user believes the data holds no such row. So every condition is checked
against the Table Schema before it touches the data. An unknown column, a
value outside a controlled vocabulary, or a value of the wrong type raises an
error that says what is allowed; `None` means "the cell is empty"; and on a
list column a single value means "the list contains it".
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

import pyarrow as pa

from ..arrow_values import FALSE, date, integer, ints, scalar_of, string, strings
from ..schema import DECIMAL_TYPE, Field, TableSchema


def suggestions(word: str, known: Iterable[str], n: int = 5) -> str:
    """A short phrase naming the closest of `known` to `word`, for error messages."""
    import difflib

    pool = list(known)
    close = difflib.get_close_matches(word, pool, n=n, cutoff=0.5)
    folded = word.casefold()
    close += [k for k in pool if folded and folded in k.casefold() and k not in close]
    if close:
        return "close matches: " + ", ".join(close[:n])
    shown = ", ".join(pool[:n]) + (", ..." if len(pool) > n else "")
    return f"no close match among {len(pool)} (e.g. {shown})"


def as_date(value: Any, what: str) -> datetime.date:
    """A date from a `datetime.date`, a `datetime.datetime` or an ISO `YYYY-MM-DD` string."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError(
                f"{what}: {value!r} is not an ISO date (expected YYYY-MM-DD, e.g. '2025-05-26')"
            ) from None
    raise TypeError(f"{what}: expected a datetime.date or an ISO date string, got {value!r}")


def _scalar(field: Field, value: Any, table: str) -> pa.Scalar:
    """`value` as an Arrow scalar of the column's type, or a clear error."""
    what = f"{table}.{field.name}"
    if field.type == "date":
        return date(as_date(value, what))
    if field.type == "number":
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
            raise TypeError(f"{what} holds numbers: got {value!r}")
        try:
            exact = Decimal(str(value))
        except InvalidOperation:
            raise ValueError(f"{what} holds numbers: {value!r} is not one") from None
        import pyarrow.compute as pc

        try:  # by text, so that no pandas import comes with pa.scalar
            return pc.cast(strings([str(exact)]), DECIMAL_TYPE)[0]
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            raise ValueError(f"{what}: {value!r} is not a decimal of at most 6 places") from None
    expected: type = {"integer": int, "boolean": bool}.get(field.type, str)
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        raise TypeError(f"{what} holds {field.type} values: got {value!r}")
    if field.enum is not None and value not in field.enum:
        raise ValueError(
            f"{what}: {value!r} is not in its vocabulary ({suggestions(str(value), field.enum)}; "
            f"all: {', '.join(field.enum)})"
        )
    return scalar_of(value, field.arrow_type)


def mask(table: pa.Table, schema: TableSchema, conditions: dict[str, Any]) -> pa.Array | None:
    """Rows meeting every condition (never null), or None when there is no condition."""
    import pyarrow.compute as pc

    result: pa.Array | pa.ChunkedArray | None = None
    for column, value in conditions.items():
        if column not in schema.field_names:
            raise ValueError(
                f"{schema.name} has no column {column!r} ({suggestions(column, schema.field_names)}; "
                f"columns: {', '.join(schema.field_names)})"
            )
        cond = _condition(table[column], schema.field(column), value, schema.name)
        result = cond if result is None else pc.and_(result, cond)
    if result is None:
        return None
    return pc.fill_null(result, FALSE)


def _condition(column: pa.ChunkedArray, field: Field, value: Any, table: str) -> pa.ChunkedArray:
    import pyarrow.compute as pc

    if field.type == "list":
        if value is None:  # a list is never null: no items is the empty list
            return pc.equal(pc.list_value_length(column), integer(0, pa.int32()))
        if not isinstance(value, str):
            raise TypeError(
                f"{table}.{field.name} is a list column: where({field.name}='x') keeps the rows "
                f"whose list contains 'x'; got {value!r}"
            )
        flat = pc.list_flatten(column)
        parents = pc.list_parent_indices(column)
        rows = pc.filter(parents, pc.equal(flat, string(value)))
        return pc.is_in(ints(range(len(column))), value_set=rows)
    if value is None:
        return pc.is_null(column)
    return pc.equal(column, _scalar(field, value, table))
