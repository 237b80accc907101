"""CSV and Parquet twins: the same table, cell by cell.

Users read either file; both must say the same thing, so the Parquet file is
compared with the CSV already read and checked. The Parquet file read is the
one `load()` reads, opened and checked by the same module (`read.verified`),
with every value validated on top (a contributor's file is vouched for by
nothing yet), and decoded a column at a time.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from ..arrow_values import FALSE, string
from ..errors import Problem, ProblemsFound, TwinMismatch
from ..read.descriptor import parquet_path
from ..read.verified import MAX_PARQUET_BYTES, open_parquet, read_column, validate_values
from ..rules.locate import located, maker
from .files import check_hash, read_file
from .report import Report
from .state import PackageState


def check_twin(state: PackageState, name: str, report: Report) -> None:
    entry = state.pkg.entry(name)
    rel = parquet_path(name)
    file = str(state.pkg.root / rel)
    data = read_file(state, rel, MAX_PARQUET_BYTES, report)
    if data is None:
        return
    check_hash(state, rel, data, entry.parquet if entry is not None else None, report)
    table = state.tables.get(name)
    try:
        handle, problems = open_parquet(data, name, file, verify=True)
    except ProblemsFound as exc:
        report.problems += exc.problems
        return
    rows = handle.metadata.num_rows
    schema = handle.schema_arrow.remove_metadata()
    comparable = (
        table is not None
        and not problems
        and rows == table.num_rows
        and schema.equals(table.schema)
    )
    # One column at a time, so that the twin never stands whole beside the CSV's table.
    # Every column is decoded (and every value validated) even when the twin will not
    # be compared: a file that does not decode is reported as that, alone. A column
    # equal to the CSV's, whose every value was checked while reading it, holds only
    # valid values: only the others are validated value by value.
    differences: list[Problem] = []
    try:
        for column in schema.names:
            theirs = read_column(handle, column, file, full=False)
            if comparable and table is not None and theirs.equals(table[column]):
                continue
            validate_values(theirs, file)
            if comparable and table is not None:
                differences += _differences(state, name, file, column, table[column], theirs)
    except ProblemsFound as exc:
        report.problems += exc.problems
        return
    if problems:
        report.problems += problems
        return
    if table is None:
        return
    if rows != table.num_rows:
        report.problems.append(
            TwinMismatch(
                f"Parquet has {rows} rows, the CSV {table.num_rows}",
                file=file,
                value=str(rows),
                expected=str(table.num_rows),
            )
        )
        return
    if not schema.equals(table.schema):
        report.problems.append(
            TwinMismatch(
                "Parquet columns or types differ from the CSV's",
                file=file,
                value=str(schema)[:200],
                expected=str(table.schema)[:200],
            )
        )
        return
    report.problems += differences


def _differences(
    state: PackageState,
    name: str,
    file: str,
    column: str,
    ours: pa.ChunkedArray,
    theirs: pa.ChunkedArray,
) -> list[Problem]:
    """The rows where the twin's cell differs from the CSV's, each shown with the twin's."""
    a, b = _comparable(ours), _comparable(theirs)
    differs = pc.or_(
        pc.xor(pc.is_null(a), pc.is_null(b)),
        pc.fill_null(pc.not_equal(a, b), FALSE),
    )
    return located(
        state.where,
        name,
        pa.table({column: theirs}),
        column,
        differs,
        maker(
            TwinMismatch,
            "Parquet cell (shown) differs from the CSV cell at this row",
            file=file,
            field=column,
        ),
    )


def _comparable(column: pa.ChunkedArray) -> pa.ChunkedArray:
    if pa.types.is_list(column.type):
        # Item boundaries matter: join with a separator no item contains, and count items.
        joined = pc.binary_join(column, string("\x1f"))
        return pc.binary_join_element_wise(
            pc.cast(pc.list_value_length(column), pa.string()), joined, string("\x1e")
        )
    return column
