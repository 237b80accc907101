"""Read one CSV resource defensively, locating every problem on the way.

In order: the bytes (BOM, line ends, quoting: `csv_structure`), the header
against the Table Schema, the rows (a row of the wrong width is skipped and
reported), UTF-8 per column (a bad cell is located and set to null), blank
rows, then every cell's type and constraints (`constraints`). The result is
the typed table, the CSV row of each of its rows (rows were skipped, so the
position alone may not say), and the problems. The table is None only when the
file cannot be read as the schema's table at all: malformed quoting, a header
missing a column, an empty file.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..arrow_values import mask as np_mask
from ..arrow_values import null
from ..errors import (
    BlankLabel,
    BlankRow,
    CsvSyntax,
    DuplicateLabel,
    EmptyFile,
    EncodingError,
    ExtraCell,
    ExtraLabel,
    IncorrectLabel,
    MissingCell,
    MissingLabel,
    Problem,
)
from ..rules.locate import MAX_REPORTED, Where, bools, ints, located
from ..schema import TableSchema
from .cells import read_csv_cells
from .constraints import check_cells
from .keys import check_primary_key
from .structure import BOM, scan
from .text_proofs import no_control_bytes

#: The first byte that `bytes.strip` would keep.
_NOT_BLANK = re.compile(rb"[^ \t\n\r\x0b\x0c]")


@dataclass
class ReadTable:
    table: pa.Table | None = None
    #: CSV row number (header = 1) of each row of `table`.
    rows: np.ndarray | None = None
    problems: list[Problem] = field(default_factory=list)


@dataclass
class ParsedCsv:
    """A CSV's rows as raw cells, before any cell is checked (the bytes are no longer needed)."""

    cells: pa.Table
    #: CSV row number (header = 1) of each row of `cells`.
    rows: np.ndarray
    #: Column of `cells` holding each schema field.
    positions: dict[str, int]
    #: The file holds no control character (`text_proofs.no_control_bytes`).
    no_controls: bool
    #: The rows are UTF-8 throughout, hence every cell (`cells.read_csv_cells`).
    utf8: bool = False


def read_table(data: bytes, schema: TableSchema, file: str, threads: bool = False) -> ReadTable:
    """The typed table of one CSV resource, with every problem found on the way."""
    out = ReadTable()
    parsed = parse_csv(data, schema, file, out, threads)
    if parsed is not None:
        check_parsed(parsed, schema, file, out)
    return out


def parse_csv(
    data: bytes, schema: TableSchema, file: str, out: ReadTable, threads: bool = False
) -> ParsedCsv | None:
    """The bytes, the header and the rows; None when the file cannot be read as the table.

    Problems go to `out`. Arrow's threads parse on `threads`.
    """
    if _NOT_BLANK.search(data, len(BOM) if data.startswith(BOM) else 0) is None:
        out.problems.append(
            EmptyFile("file is empty (not even a header row)", file=file, expected="a header row")
        )
        return None
    structure = scan(data, file)
    out.problems += structure.problems
    if not structure.parseable or structure.labels is None:
        return None
    labels = structure.labels
    positions, label_problems = check_labels(labels, schema, file)
    out.problems += label_problems
    try:
        cells, bad_rows, utf8 = read_csv_cells(
            data, structure.body_offset, len(labels), threads=threads
        )
    except pa.ArrowInvalid as exc:  # the byte checks should have caught it; say what Arrow says
        out.problems.append(CsvSyntax(f"CSV cannot be parsed: {str(exc)[:300]}", file=file))
        return None
    if cells is None:
        out.problems.append(
            CsvSyntax(
                f"more than {MAX_REPORTED} rows do not have {len(labels)} cells: "
                "the file is not read further (the first ones follow)",
                file=file,
                expected=f"{len(labels)} cells in every row, as in the header",
            )
        )
    for bad in bad_rows[:MAX_REPORTED]:
        if bad.actual > bad.expected:
            out.problems.append(
                ExtraCell(
                    f"row has {bad.actual} cells, the header {bad.expected}",
                    file=file,
                    row=bad.row,
                    value=bad.text[:200],
                    expected=f"{bad.expected} cells",
                )
            )
        else:
            out.problems.append(
                MissingCell(
                    f"row has {bad.actual} cells, the header {bad.expected}",
                    file=file,
                    row=bad.row,
                    field=labels[bad.actual] if bad.actual < len(labels) else None,
                    value=bad.text[:200],
                    expected=f"{bad.expected} cells",
                )
            )
    if cells is None:
        return None
    total = cells.num_rows + len(bad_rows)
    rows = np.arange(2, total + 2, dtype=np.int64)
    if bad_rows:
        rows = np.setdiff1d(rows, np.array([b.row for b in bad_rows], dtype=np.int64))
    if positions is None:
        return None
    return ParsedCsv(cells, rows, positions, no_control_bytes(data), utf8)


def check_parsed(parsed: ParsedCsv, schema: TableSchema, file: str, out: ReadTable) -> None:
    """Every cell of the parsed rows: UTF-8, blank rows, types, constraints, primary key."""
    cells, rows, positions = parsed.cells, parsed.rows, parsed.positions
    where = Where({schema.name: file}, {schema.name: rows})
    text: dict[str, pa.ChunkedArray] = {}
    unreadable: dict[str, pa.Array] = {}
    for name in schema.field_names:
        raw = cells[f"c{positions[name]}"]
        if parsed.utf8:  # proven for the whole file: the bytes are the text, unchecked again
            text[name] = pa.chunked_array([c.view(pa.string()) for c in raw.chunks], pa.string())
            continue
        column, nulled, problems = _utf8(raw, name, schema.name, where)
        text[name] = column
        if nulled is not None:
            unreadable[name] = nulled
        out.problems += problems
    blank = _all_null(cells)
    if blank is not None:
        out.problems += located(
            where,
            schema.name,
            cells,
            None,
            blank,
            lambda row, _v: BlankRow("row is blank", file=file, row=row),
        )
        keep = pc.invert(blank)
        text = {name: col.filter(keep) for name, col in text.items()}
        unreadable = {name: mask.filter(keep) for name, mask in unreadable.items()}
        rows = rows[np_mask(keep)]
        where = Where({schema.name: file}, {schema.name: rows})
    typed, problems = check_cells(
        pa.table(text), schema, where, unreadable, no_controls=parsed.no_controls
    )
    out.problems += problems
    out.problems += check_primary_key(typed, schema, where)
    out.table, out.rows = typed, rows


def check_labels(
    labels: list[str], schema: TableSchema, file: str
) -> tuple[dict[str, int] | None, list[Problem]]:
    """Header problems, and the position of each schema field when all are there once."""
    names = list(schema.field_names)
    problems: list[Problem] = []
    counts = Counter(labels)
    for i, label in enumerate(labels):
        if not label.strip():
            problems.append(
                BlankLabel(f"column {i + 1} has a blank label", file=file, row=1, value=label)
            )
    for label, n in counts.items():
        if n > 1 and label.strip():
            problems.append(
                DuplicateLabel(f"column {label!r} appears {n} times", file=file, row=1, field=label)
            )
    for name in names:
        if name not in counts:
            problems.append(
                MissingLabel(
                    f"no column {name!r}",
                    file=file,
                    row=1,
                    field=name,
                    expected=",".join(names),
                )
            )
    for label in labels:
        if label.strip() and label not in names:
            problems.append(
                ExtraLabel(
                    f"column {label!r} is not in the schema",
                    file=file,
                    row=1,
                    field=label,
                    value=label,
                    expected=",".join(names),
                )
            )
    present = [label for label in labels if label in names]
    wanted = [name for name in names if name in counts]
    if present != wanted and len(present) == len(wanted):
        for got, want in zip(present, wanted, strict=True):
            if got != want:
                problems.append(
                    IncorrectLabel(
                        f"column {got!r} stands where the schema has {want!r}",
                        file=file,
                        row=1,
                        field=want,
                        value=got,
                        expected=",".join(names),
                    )
                )
    if any(counts[name] != 1 for name in names):
        return None, problems
    return {name: labels.index(name) for name in names}, problems


def _utf8(
    column: pa.ChunkedArray, name: str, table: str, where: Where
) -> tuple[pa.ChunkedArray, pa.Array | None, list[Problem]]:
    """The column as text; cells that are not UTF-8 are located, reported and set to null.

    Returns the text column, the mask of the cells set to null (None if none), problems.
    """
    try:
        return pc.cast(column, pa.string()), None, []
    except pa.ArrowInvalid:
        pass
    flat = column.combine_chunks()
    bad = np.zeros(len(flat), dtype=bool)
    _mark_invalid(flat, 0, bad)
    idx = np.flatnonzero(bad)
    rows = where.csv_rows(table, idx[:MAX_REPORTED])
    values = flat.take(ints(idx[:MAX_REPORTED])).to_pylist()
    problems: list[Problem] = [
        EncodingError(
            "cell is not UTF-8 (saved as Latin-1 or Windows-1252?)",
            file=where.file(table),
            row=int(row),
            field=name,
            value=value.decode("utf-8", "backslashreplace")[:200],
            expected="UTF-8 text",
        )
        for row, value in zip(rows, values, strict=True)
    ]
    mask = bools(bad)
    cleaned = pc.if_else(mask, null(pa.binary()), flat)
    try:
        return pa.chunked_array([pc.cast(cleaned, pa.string())]), mask, problems
    except pa.ArrowInvalid:  # more bad cells than we list: the column is not checked further
        problems.append(
            EncodingError(
                f"more than {MAX_REPORTED} cells are not UTF-8; column not checked further",
                file=where.file(table),
                field=name,
            )
        )
        every = bools(np.ones(len(flat), dtype=bool))
        return pa.chunked_array([pa.nulls(len(flat), pa.string())]), every, problems


def _mark_invalid(array: pa.Array, base: int, bad: np.ndarray) -> int:
    """Bisect to the cells that fail UTF-8 validation: a few casts instead of a row loop.

    Stops after MAX_REPORTED bad cells; returns how many were marked.
    """
    try:
        pc.cast(array, pa.string())
        return 0
    except pa.ArrowInvalid:
        if len(array) == 1:
            bad[base] = True
            return 1
    mid = len(array) // 2
    found = _mark_invalid(array.slice(0, mid), base, bad)
    if found < MAX_REPORTED:
        found += _mark_invalid(array.slice(mid), base + mid, bad)
    return found


def _all_null(cells: pa.Table) -> pa.Array | pa.ChunkedArray | None:
    """True where every cell of the row is null; None when no row is (the usual case:
    a column without nulls proves it at once)."""
    if cells.num_columns == 0 or any(column.null_count == 0 for column in cells.columns):
        return None
    blank = functools.reduce(pc.and_, [pc.is_null(column) for column in cells.columns])
    return blank if pc.any(blank).as_py() else None
