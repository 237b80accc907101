"""CSV and Parquet twins: the same table, cell by cell.

Users read either file; both must say the same thing, so the Parquet file is
compared with the CSV already read and checked. The Parquet file read is the
one `load()` reads, parsed by the same function (`read.verified`), with every
value validated on top (a contributor's file is vouched for by nothing yet).
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from ..arrow_values import FALSE, string
from ..errors import ProblemsFound, TwinMismatch
from ..read.descriptor import parquet_path
from ..read.verified import MAX_PARQUET_BYTES, parse_parquet
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
        parquet = parse_parquet(data, name, file, verify=True, full=True)
    except ProblemsFound as exc:
        report.problems += exc.problems
        return
    if table is None:
        return
    if parquet.num_rows != table.num_rows:
        report.problems.append(
            TwinMismatch(
                f"Parquet has {parquet.num_rows} rows, the CSV {table.num_rows}",
                file=file,
                value=str(parquet.num_rows),
                expected=str(table.num_rows),
            )
        )
        return
    if not parquet.schema.equals(table.schema):
        report.problems.append(
            TwinMismatch(
                "Parquet columns or types differ from the CSV's",
                file=file,
                value=str(parquet.schema)[:200],
                expected=str(table.schema)[:200],
            )
        )
        return
    if parquet.equals(table):
        return
    where = state.where
    for column in table.column_names:
        ours, theirs = _comparable(table[column]), _comparable(parquet[column])
        differs = pc.or_(
            pc.xor(pc.is_null(ours), pc.is_null(theirs)),
            pc.fill_null(pc.not_equal(ours, theirs), FALSE),
        )
        report.problems += located(
            where,
            name,
            parquet,
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
