"""CSV bytes back to Arrow, every cell as text first, so type problems are ours to report.

The mirror of `publish.writers`: a contributor's CSV is read defensively (one
block, bad rows kept aside with their row number) and only then typed.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from ..arrow_values import arrow_owned, bools, mask, string
from ..publish.writers import LIST_DELIMITER
from ..schema import DECIMAL_TYPE, TableSchema

_QUOTE, _COMMA, _LF, _CR = ord('"'), ord(","), ord("\n"), ord("\r")

#: Largest CSV read (Arrow's block size is a 32-bit int, and a file may be parsed as one block).
MAX_CSV_BYTES = 1 << 30
#: Bytes parsed at a time: larger than any row of the dataset (a longer row is parsed
#: again as one block), and small enough that a block's parse buffers stay in the CPU's
#: cache: 2 MiB parses the 1 M-evidence package's evidence in 0.25 s of CPU, 16 MiB in 0.35.
BLOCK_BYTES = 1 << 21


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


def ragged_records(
    body: bytes, width: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Index, start, end and cell count of every record of `body` that has not `width` cells.

    Found on the bytes, columnar: a comma or line feed outside quotes (an even
    number of quotes before it) separates cells or ends a record. Arrow's own
    handler for such rows cannot be used: it decodes the row as UTF-8 first and
    fails on a row that is not (dropping the handler's call and shifting every
    later row number). Blank lines are not ragged: they are reported as blank rows.
    """
    buf = np.frombuffer(body, dtype=np.uint8)
    quotes = np.flatnonzero(buf == _QUOTE)
    newlines = np.flatnonzero(buf == _LF)
    ends = newlines[np.searchsorted(quotes, newlines) % 2 == 0]
    if len(buf) and (not len(ends) or ends[-1] != len(buf) - 1):
        ends = np.append(ends, len(buf))  # a last record without its line feed
    starts = np.concatenate(([0], ends[:-1] + 1)).astype(np.int64)
    commas = np.flatnonzero(buf == _COMMA)
    commas = commas[np.searchsorted(quotes, commas) % 2 == 0]
    count = np.searchsorted(commas, ends) - np.searchsorted(commas, starts) + 1
    length = ends - starts
    first = buf[np.minimum(starts, len(buf) - 1)] if len(buf) else np.zeros(0, np.uint8)
    blank = (length == 0) | ((length == 1) & (first == _CR))
    bad = np.flatnonzero((count != width) & ~blank)
    return bad, starts[bad], ends[bad], count[bad]


def read_csv_cells(
    data: bytes, offset: int, width: int, max_bad_rows: int = 1000, threads: bool = False
) -> tuple[pa.Table | None, list[BadRow], bool]:
    """Parse the rows after the header (which starts at byte `offset`) as raw bytes.

    Columns are `c0 .. c{width-1}`, all binary, so that a bad byte is located by
    the caller instead of failing the whole read. Rows of the wrong width are
    skipped and returned with their row number; blank lines are kept (as all-null
    rows) so that row numbers stay those of the file. Quoted empty strings stay ""
    (null is an unquoted empty cell), as the writer makes them. After
    `max_bad_rows` rows of the wrong width the file is not read further (a
    hostile file can hold millions): the table is then None. The third value
    says whether the rows are UTF-8 throughout (then so is every cell: cells are
    cut at ASCII bytes, which no multi-byte character contains).

    A file that is UTF-8 throughout (one validation of the bytes) is left to
    Arrow's handler of such rows, which numbers and shows them; otherwise they
    are found on the bytes (`ragged_records`) and cut out, because Arrow's
    handler decodes a row as UTF-8 and fails on one that is not.

    The file is parsed in blocks of `BLOCK_BYTES` (on `threads`, Arrow's), which
    is several times faster than one block and needs a fraction of the memory;
    a row longer than a block makes Arrow refuse it, and the file is then parsed
    as one block. Arrow's threads do not number bad rows: the file is then
    parsed again without them.
    """
    names = [f"c{i}" for i in range(width)]
    if offset >= len(data):  # a header and nothing else: no rows
        return pa.table({n: pa.nulls(0, pa.binary()) for n in names}), [], True
    # Arrow-owned when Arrow's threads parse it (see `arrow_owned`): a copy, no GIL to free.
    body = (arrow_owned(data) if threads else pa.py_buffer(data))[offset:]
    if not is_utf8(body):
        return (*_without_ragged(data[offset:], names, max_bad_rows), False)
    for block, parallel in ((BLOCK_BYTES, threads), (_block_size(len(body)), False)):
        bad: list[BadRow] = []
        try:
            table = _read_cells(body, names, _skipper(bad, max_bad_rows), block, parallel)
        except pa.ArrowInvalid as exc:
            if len(bad) >= max_bad_rows:
                return None, bad, True
            if "straddl" in str(exc) and block < len(body):
                continue
            raise
        if parallel and bad:  # the rows' numbers are unknown: read again without threads
            bad = []
            table = _read_cells(body, names, _skipper(bad, max_bad_rows), block, False)
        return table, bad, True
    raise AssertionError("unreachable: the last attempt parses the file as one block")


def is_utf8(data: pa.Buffer | bytes) -> bool:
    """True when the bytes are UTF-8 throughout (validated by Arrow, nothing decoded)."""
    buf = data if isinstance(data, pa.Buffer) else pa.py_buffer(data)
    offsets = pa.py_buffer(np.array([0, buf.size], dtype=np.int32))
    try:
        pc.cast(pa.Array.from_buffers(pa.binary(), 1, [None, offsets, buf]), pa.string())
    except pa.ArrowInvalid:
        return False
    return True


def _skipper(bad: list[BadRow], max_bad_rows: int) -> Callable[[Any], str]:
    def skip(row: pacsv.InvalidRow) -> str:
        if len(bad) >= max_bad_rows:
            return "error"
        bad.append(
            BadRow(int(row.number or 0) + 1, row.expected_columns, row.actual_columns, row.text)
        )
        return "skip"

    return skip


def _without_ragged(
    body: bytes, names: list[str], max_bad_rows: int
) -> tuple[pa.Table | None, list[BadRow]]:
    """Parse a file that is not UTF-8 throughout: rows of the wrong width found on the
    bytes and cut out first."""
    width = len(names)
    numbers, starts, ends, counts = ragged_records(body, width)
    bad = [
        BadRow(
            int(k) + 2,
            width,
            int(n),
            body[a:b].decode("utf-8", "backslashreplace")[:200],
        )
        for k, a, b, n in zip(
            numbers[:max_bad_rows],
            starts[:max_bad_rows],
            ends[:max_bad_rows],
            counts[:max_bad_rows],
            strict=True,
        )
    ]
    if len(numbers) > max_bad_rows:
        return None, bad
    if len(numbers):
        keep = np.ones(len(body), dtype=bool)
        for a, b in zip(starts, np.minimum(ends + 1, len(body)), strict=True):
            keep[a:b] = False
        body = np.frombuffer(body, dtype=np.uint8)[keep].tobytes()
        if not body:
            return pa.table({n: pa.nulls(0, pa.binary()) for n in names}), bad

    def skip(row: pacsv.InvalidRow) -> str:
        return "error"  # the byte scan found every ragged row: Arrow must agree

    return _read_cells(pa.py_buffer(body), names, skip, _block_size(len(body)), False), bad


def _read_cells(
    body: pa.Buffer, names: list[str], skip: Callable[[Any], str], block: int, threads: bool
) -> pa.Table:
    return pacsv.read_csv(
        pa.BufferReader(body),
        read_options=pacsv.ReadOptions(use_threads=threads, column_names=names, block_size=block),
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
            filled = pc.fill_null(col, string(""))
            col = _empty_if_blank(pc.split_pattern(filled, LIST_DELIMITER), filled)
        elif field.type == "boolean":
            col = pc.cast(col, pa.bool_())
        elif field.type == "number":
            col = pc.cast(col, DECIMAL_TYPE)
        elif field.type != "string":
            col = pc.cast(col, field.arrow_type)
        columns.append(col)
    return pa.table(columns, schema=schema.arrow_schema())


def _empty_if_blank(lists: pa.ChunkedArray, text: pa.ChunkedArray) -> pa.ChunkedArray:
    """The split lists, with an empty list where the text is empty (splitting "" gives
    [""]): the offsets shifted past each such row's one item, on numpy, because a
    kernel choosing between list values (`if_else`) costs ten times the split."""
    blank = mask(pc.equal(text, string("")))
    if not blank.any():
        return lists
    chunks, at = [], 0
    for chunk in lists.chunks:
        n = len(chunk)
        empty = blank[at : at + n]
        at += n
        if not empty.any():
            chunks.append(chunk)
            continue
        offsets = np.frombuffer(chunk.buffers()[1], dtype=np.int32, count=chunk.offset + n + 1)
        offsets = offsets[chunk.offset :]
        lengths = np.diff(offsets)
        items = chunk.values.slice(int(offsets[0]), int(offsets[-1] - offsets[0]))
        kept = np.concatenate(([0], np.cumsum(np.where(empty, 0, lengths)))).astype(np.int32)
        chunks.append(
            pa.ListArray.from_arrays(
                pa.Array.from_buffers(pa.int32(), n + 1, [None, pa.py_buffer(kept)]),
                items.filter(bools(np.repeat(~empty, lengths))),
                type=lists.type,
            )
        )
    return pa.chunked_array(chunks, lists.type)
