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


def row_codes(table: pa.Table, columns: list[str]) -> np.ndarray:
    """An integer per row, the same for two rows exactly when they are equal in `columns`
    (null equal to null): each column dictionary-encoded, the codes combined."""
    codes = np.zeros(table.num_rows, dtype=np.int64)
    distinct = 1
    for c in columns:
        encoded = pc.dictionary_encode(table[c], null_encoding="encode")
        chunks = encoded.chunks if isinstance(encoded, pa.ChunkedArray) else [encoded]
        size = len(chunks[0].dictionary) if chunks else 0
        column = (
            np.concatenate([numbers(ch.indices) for ch in chunks])
            if chunks
            else np.zeros(0, dtype=np.int64)
        )
        if distinct * max(size, 1) >= 2**62:
            codes, distinct = _dense(codes)
        codes = codes * max(size, 1) + column
        distinct *= max(size, 1)
    return codes


def equal_groups(table: pa.Table, columns: list[str]) -> list[list[int]]:
    """Groups of two or more rows equal in `columns` (null equals null), each sorted,
    ordered by their first row."""
    if table.num_rows < 2:
        return []
    codes, distinct = _dense(row_codes(table, columns))
    if distinct == table.num_rows:  # every row differs: the usual case
        return []
    repeated = np.flatnonzero(np.bincount(codes, minlength=distinct)[codes] > 1)
    by_group = repeated[np.argsort(codes[repeated], kind="stable")]
    cuts = np.flatnonzero(np.diff(codes[by_group])) + 1
    groups = [part.tolist() for part in np.split(by_group, cuts)]
    return sorted(groups, key=lambda g: g[0])
