"""CSV bytes back to Arrow, every cell as text first, so type problems are ours to report.

The mirror of `publish.writers`: a contributor's CSV is read defensively (one
block, bad rows kept aside with their row number) and only then typed.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from ..publish.writers import LIST_DELIMITER
from ..schema import DECIMAL_TYPE, TableSchema

#: Largest CSV read (Arrow's block size is a 32-bit int, and the file is parsed as one block).
MAX_CSV_BYTES = 1 << 30


def _block_size(data_len: int) -> int:
    """One block for the whole file: Arrow cannot parse a row that straddles two blocks,
    so a multi-megabyte cell would otherwise fail with "straddling object"."""
    return min(max(data_len + 1, 1 << 20), MAX_CSV_BYTES + 1)


def read_csv_as_text(data: bytes, names: list[str]) -> pa.Table:
    """Read a CSV keeping every cell as text, so type problems are ours to report."""
    return pacsv.read_csv(
        io.BytesIO(data),
        read_options=pacsv.ReadOptions(use_threads=False, block_size=_block_size(len(data))),
        # A one-column table writes a null as an empty line: keep it as a row.
        parse_options=pacsv.ParseOptions(newlines_in_values=True, ignore_empty_lines=False),
        convert_options=pacsv.ConvertOptions(
            column_types={n: pa.string() for n in names},
            strings_can_be_null=True,
            quoted_strings_can_be_null=False,
        ),
    )


@dataclass(frozen=True)
class BadRow:
    """A row Arrow could not fit to the header: its CSV row number (header = 1) and size."""

    row: int
    expected: int
    actual: int
    text: str


def read_csv_cells(
    data: bytes, offset: int, width: int, max_bad_rows: int = 1000
) -> tuple[pa.Table | None, list[BadRow]]:
    """Parse the rows after the header (which starts at byte `offset`) as raw bytes.

    Columns are `c0 .. c{width-1}`, all binary, so that a bad byte is located by
    the caller instead of failing the whole read. Rows of the wrong width are
    skipped and returned; blank lines are kept (as all-null rows) so that row
    numbers stay those of the file. Quoted empty strings stay "" (null is an
    unquoted empty cell), as the writer makes them. After `max_bad_rows` rows of
    the wrong width the file is not read further (each costs a Python call, and
    a hostile file can hold millions): the table is then None.
    """
    bad: list[BadRow] = []

    def skip(row: pacsv.InvalidRow) -> str:
        if len(bad) >= max_bad_rows:
            return "error"
        bad.append(
            BadRow(int(row.number or 0) + 1, row.expected_columns, row.actual_columns, row.text)
        )
        return "skip"

    names = [f"c{i}" for i in range(width)]
    if offset >= len(data):  # a header and nothing else: no rows
        return pa.table({n: pa.array([], pa.binary()) for n in names}), bad
    body = pa.py_buffer(data)[offset:]
    try:
        table = _read_cells(body, names, skip)
    except pa.ArrowInvalid:
        if len(bad) >= max_bad_rows:
            return None, bad
        raise
    return table, bad


def _read_cells(body: pa.Buffer, names: list[str], skip: Callable[[Any], str]) -> pa.Table:
    return pacsv.read_csv(
        pa.BufferReader(body),
        read_options=pacsv.ReadOptions(
            use_threads=False, column_names=names, block_size=_block_size(len(body))
        ),
        parse_options=pacsv.ParseOptions(
            newlines_in_values=True, ignore_empty_lines=False, invalid_row_handler=skip
        ),
        convert_options=pacsv.ConvertOptions(
            column_types={n: pa.binary() for n in names},
            strings_can_be_null=True,
            quoted_strings_can_be_null=False,
        ),
    )


def typed_from_text(text: pa.Table, schema: TableSchema) -> pa.Table:
    """Cast a text table to the schema's Arrow types (raises on a bad cell)."""
    columns = []
    for field in schema.fields:
        col = text[field.name]
        if field.type == "list":
            col = pc.split_pattern(pc.fill_null(col, ""), LIST_DELIMITER)
            col = pc.if_else(pc.equal(pc.list_value_length(col), 1), _empty_if_blank(col), col)
        elif field.type == "boolean":
            col = pc.cast(col, pa.bool_())
        elif field.type == "number":
            col = pc.cast(col, DECIMAL_TYPE)
        elif field.type != "string":
            col = pc.cast(col, field.arrow_type)
        columns.append(col)
    return pa.table(columns, schema=schema.arrow_schema())


def _empty_if_blank(col: pa.ChunkedArray) -> pa.ChunkedArray:
    first = pc.list_element(col, 0)
    empty = pa.scalar([], pa.list_(pa.string()))
    return pc.if_else(pc.equal(first, ""), empty, col)
