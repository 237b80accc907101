"""Keys: no primary key twice, no value twice in a `unique` column, on whole columns.

The build writes every table sorted by its primary key, so a package it made
is proved free of repeated keys by comparing each row with the next; only a
package that is not sorted pays for finding which rows repeat which.
"""

from __future__ import annotations

from collections.abc import Callable

import pyarrow as pa
import pyarrow.compute as pc

from ..arrow_values import FALSE
from ..errors import PrimaryKeyError, Problem
from ..rules.equal_rows import repeated_rows
from ..rules.locate import MAX_REPORTED, Mask, Where, capped, rows_at, shown
from ..schema import TableSchema


def duplicates(
    table: pa.Table,
    keys: list[str],
    where: Where,
    name: str,
    make: Callable[[int, int, str], Problem],
) -> list[Problem]:
    """Rows whose key equals an earlier row's, each reported with that first row."""
    if table.num_rows < 2:
        return []
    later, first = repeated_rows(table, keys)
    if len(later) == 0:
        return []
    rows = where.csv_rows(name, later[:MAX_REPORTED])
    firsts = where.csv_rows(name, first[:MAX_REPORTED])
    values = _key_text(rows_at(table, later[:MAX_REPORTED]), keys)
    problems = [make(int(r), int(f), v) for r, f, v in zip(rows, firsts, values, strict=True)]
    return capped(problems, len(later))


def _key_text(table: pa.Table, keys: list[str]) -> list[str]:
    parts = [shown(table[k]) for k in keys]
    return [", ".join(str(p) for p in row) for row in zip(*parts, strict=True)]


def _sorted_without_duplicates(table: pa.Table, keys: list[str]) -> bool:
    """True when rows are in ascending key order with no key twice: the build's output.

    Adjacent rows are compared column by column (a few kernels on whole columns),
    which is far cheaper than hashing every key; anything else takes the slow path.
    """
    n = table.num_rows
    if n < 2:
        return True
    later_row: Mask | None = None  # strictly after the previous row so far
    equal_so_far: Mask | None = None  # equal to the previous row in every key so far
    for i, key in enumerate(keys):
        col = table[key]
        a, b = col.slice(0, n - 1), col.slice(1)
        greater = pc.fill_null(pc.greater(b, a), FALSE)
        if later_row is None or equal_so_far is None:
            later_row = greater
        else:
            later_row = pc.or_(later_row, pc.and_(equal_so_far, greater))
        if i + 1 < len(keys):  # the last key's equality decides nothing (one key: none)
            same = pc.fill_null(pc.equal(b, a), FALSE)
            equal_so_far = same if equal_so_far is None else pc.and_(equal_so_far, same)
    return later_row is None or bool(pc.all(later_row).as_py())


def check_primary_key(table: pa.Table, schema: TableSchema, where: Where) -> list[Problem]:
    keys = list(schema.primary_key)
    if _sorted_without_duplicates(table, keys):
        return []
    return duplicates(
        table,
        keys,
        where,
        schema.name,
        lambda row, first, value: PrimaryKeyError(
            f"primary key ({', '.join(keys)}) is the same as in row {first}",
            file=where.file(schema.name),
            row=row,
            field=keys[0] if len(keys) == 1 else None,
            value=value,
        ),
    )
