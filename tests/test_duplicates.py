"""Equal rows found by sorting and by dictionary codes agree with plain Python grouping."""

from __future__ import annotations

from typing import Any

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from vnfr_data.rules.equal_rows import equal_groups, repeated_rows

rows = st.lists(
    st.tuples(st.sampled_from(["a", "b", None]), st.integers(0, 2) | st.none()), max_size=14
)


def _table(values: list[tuple[Any, Any]]) -> pa.Table:
    return pa.table(
        {
            "k": pa.array([v[0] for v in values], pa.string()),
            "n": pa.array([v[1] for v in values], pa.int64()),
        }
    )


@settings(deadline=None)
@given(rows)
def test_equal_groups_are_python_groups(values: list[tuple[Any, Any]]) -> None:
    seen: dict[tuple[Any, Any], list[int]] = {}
    for i, v in enumerate(values):
        seen.setdefault(v, []).append(i)
    expected = sorted((g for g in seen.values() if len(g) > 1), key=lambda g: g[0])
    assert equal_groups(_table(values), ["k", "n"]) == expected


wide = st.lists(
    st.tuples(
        st.sampled_from(["a", "b", None]),
        st.integers(0, 2) | st.none(),
        st.sampled_from(["x", "y", "z", None]),
    ),
    max_size=30,
)


@settings(deadline=None)
@given(wide)
def test_equal_groups_dropping_rows_column_by_column_are_python_groups(
    values: list[tuple[Any, Any, Any]],
) -> None:
    """Rows unique after a column leave the search; what is left must still group right."""
    seen: dict[tuple[Any, Any, Any], list[int]] = {}
    for i, v in enumerate(values):
        seen.setdefault(v, []).append(i)
    expected = sorted((g for g in seen.values() if len(g) > 1), key=lambda g: g[0])
    table = pa.table(
        {
            "k": pa.array([v[0] for v in values], pa.string()),
            "n": pa.array([v[1] for v in values], pa.int64()),
            "t": pa.array([v[2] for v in values], pa.string()),
        }
    )
    assert equal_groups(table, ["k", "n", "t"]) == expected


@settings(deadline=None)
@given(rows)
def test_repeated_rows_name_the_first_row(values: list[tuple[Any, Any]]) -> None:
    first: dict[tuple[Any, Any], int] = {}
    expected = []
    for i, v in enumerate(values):
        if None in v:
            continue
        if v in first:
            expected.append((i, first[v]))
        else:
            first[v] = i
    later, earlier = repeated_rows(_table(values), ["k", "n"])
    assert list(zip(later.tolist(), earlier.tolist(), strict=True)) == expected
