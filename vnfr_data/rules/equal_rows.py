"""Rows equal on some columns, found without `Table.group_by` or `Table.join`.

Those run through Acero, whose import pulls in `pyarrow.dataset` and pandas:
half a second before the first row. Instead, keys are compared by a stable
sort (equal rows end up together, the earliest first) or, for whole records,
by dictionary codes combined into one integer per row.
"""

from __future__ import annotations

import functools

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..arrow_values import ints, mask, numbers
from .locate import rows_at


def _sorted_runs(table: pa.Table, columns: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Positions of the rows without a null in `columns`, in sorted order, and for each
    sorted row whether it equals the one before."""
    complete = functools.reduce(pc.and_, [pc.is_valid(table[c]) for c in columns])
    kept = pc.indices_nonzero(complete)
    positions = numbers(kept)
    sub = table.select(columns).take(kept)
    n = sub.num_rows
    if n < 2:
        return positions, np.zeros(max(n - 1, 0), dtype=bool)
    order = pc.sort_indices(sub, sort_keys=[(c, "ascending") for c in columns])
    ordered = sub.take(order)
    same = np.ones(n - 1, dtype=bool)
    for c in columns:
        col = ordered[c]
        a, b = col.slice(0, n - 1), col.slice(1)
        same &= mask(pc.equal(a, b))
    return positions[numbers(order)], same


def repeated_rows(table: pa.Table, columns: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Rows whose `columns` (none null) equal an earlier row's, in row order, with that row.

    Returns (later, first): positions of the repeating rows, ascending, and of the
    first row each repeats.
    """
    positions, same = _sorted_runs(table, columns)
    if not same.any():
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    n = len(positions)
    run_start = np.maximum.accumulate(np.where(np.concatenate(([True], ~same)), np.arange(n), 0))
    later = positions[1:][same]
    first = positions[run_start[1:][same]]
    order = np.argsort(later, kind="stable")
    return later[order], first[order]


def _dense(codes: np.ndarray) -> tuple[np.ndarray, int]:
    """The same partition of rows, numbered 0..k-1 (hashing, not sorting)."""
    encoded = pc.dictionary_encode(ints(codes))
    return numbers(encoded.indices), len(encoded.dictionary)


def _column_codes(column: pa.ChunkedArray | pa.Array) -> tuple[np.ndarray, int]:
    """A code per cell, equal for equal cells (null equal to null), and how many codes."""
    encoded = pc.dictionary_encode(column, null_encoding="encode")
    chunks = encoded.chunks if isinstance(encoded, pa.ChunkedArray) else [encoded]
    size = len(chunks[0].dictionary) if chunks else 0
    codes = (
        np.concatenate([numbers(ch.indices) for ch in chunks])
        if chunks
        else np.zeros(0, dtype=np.int64)
    )
    return codes, max(size, 1)


def equal_groups(table: pa.Table, columns: list[str]) -> list[list[int]]:
    """Groups of two or more rows equal in `columns` (null equals null), each sorted,
    ordered by their first row.

    Column by column, each column's codes combined into one integer per row; after
    each, the rows whose combination no other row shares are dropped (they cannot be
    in a group), so that the later columns, often the widest texts, are encoded for the
    few rows still in question, and the search ends as soon as every row differs."""
    if table.num_rows < 2:
        return []
    rows = np.arange(table.num_rows)  # the rows still in question
    codes = np.zeros(table.num_rows, dtype=np.int64)
    distinct = 1
    for c in columns:
        column = table[c] if len(rows) == table.num_rows else rows_at(table[c], rows)
        cells, size = _column_codes(column)
        if size == 1:  # one value in every row: it tells no rows apart
            continue
        codes = codes * size + cells
        if distinct * size < len(rows):  # fewer combinations than rows: some rows repeat
            distinct *= size
            continue
        codes, distinct = _dense(codes)
        if distinct == len(rows):  # every row differs: the usual case
            return []
        shared = np.bincount(codes, minlength=distinct)[codes] > 1
        if not shared.all():
            rows, codes = rows[shared], codes[shared]
    codes, distinct = _dense(codes)  # the columns since the last drop may have told rows apart
    shared = np.bincount(codes, minlength=distinct)[codes] > 1
    rows, codes = rows[shared], codes[shared]
    if not len(rows):
        return []
    by_group = np.argsort(codes, kind="stable")
    cuts = np.flatnonzero(np.diff(codes[by_group])) + 1
    groups = [rows[part].tolist() for part in np.split(by_group, cuts)]
    return sorted(groups, key=lambda g: g[0])
