"""CSV and Parquet twins: the same table, cell by cell.

Users read either file; both must say the same thing, so the Parquet file is
compared with the CSV already read and checked.
"""

from __future__ import annotations

import io

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..errors import ParquetError, TwinMismatch
from ..schema import table_schema
from .cells import MAX_CSV_BYTES
from .files import check_hash, read_file
from .package import safe_relative
from .report import Report
from .rows import located, maker
from .state import PackageState


def check_twin(state: PackageState, name: str, report: Report) -> None:
    res = state.pkg.resource(name) or {}
    twin = res.get("vnfr:parquet")
    if not isinstance(twin, dict):
        return
    path = safe_relative(state.pkg.root, twin.get("path"))
    file = str(path) if path is not None else str(twin.get("path"))
    data = read_file(path, file, MAX_CSV_BYTES, report)
    if data is None:
        return
    check_hash(data, twin.get("hash"), twin.get("bytes"), file, report)
    table = state.tables.get(name)
    try:
        handle = pq.ParquetFile(io.BytesIO(data))
        meta = handle.metadata
        if table is not None and meta.num_rows != table.num_rows:
            report.problems.append(
                TwinMismatch(
                    f"Parquet has {meta.num_rows} rows, the CSV {table.num_rows}",
                    file=file,
                    value=str(meta.num_rows),
                    expected=str(table.num_rows),
                )
            )
            return
        unpacked = sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))
        if unpacked > max(16 * len(data), 1 << 28):
            report.problems.append(
                ParquetError(
                    f"Parquet declares {unpacked} bytes uncompressed from {len(data)}: refused",
                    file=file,
                )
            )
            return
        parquet = handle.read()
    except (pa.ArrowException, OSError, ValueError) as exc:
        report.problems.append(
            ParquetError(
                f"Parquet file cannot be read (truncated or corrupt?): {str(exc)[:200]}",
                file=file,
                expected="a Parquet file as `vnfr-data build` writes it",
            )
        )
        return
    fingerprint = table_schema(name).fingerprint()
    stored = (parquet.schema.metadata or {}).get(b"vnfr:schema_fingerprint", b"")
    if stored.decode("utf-8", "replace") != fingerprint:
        report.problems.append(
            TwinMismatch(
                "Parquet schema fingerprint differs from the Table Schema",
                file=file,
                value=stored.decode("utf-8", "replace"),
                expected=fingerprint,
            )
        )
    if table is None:
        return
    parquet = parquet.replace_schema_metadata(None)
    if not parquet.schema.equals(table.schema):
        report.problems.append(
            TwinMismatch(
                "Parquet columns or types differ from the Table Schema",
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
            pc.fill_null(pc.not_equal(ours, theirs), False),
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
        joined = pc.binary_join(column, "\x1f")
        return pc.binary_join_element_wise(
            pc.cast(pc.list_value_length(column), pa.string()), joined, "\x1e"
        )
    return column
