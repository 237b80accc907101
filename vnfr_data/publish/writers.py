"""Arrow tables to bytes, with every writer option pinned.

Byte-identical rebuilds depend on this module: CSV text is produced column by
column with Arrow compute (decimals without trailing zeros, lists joined with
";", null for empty lists), and Parquet is written with explicit options and
our own key-value metadata (dataset version, schema fingerprint), and a CRC32
checksum on every page so that a reader detects a damaged page (`load()` and
validate verify them).
"""

from __future__ import annotations

import io

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

LIST_DELIMITER = ";"
PARQUET_OPTIONS = {
    "compression": "zstd",
    "compression_level": 9,
    "use_dictionary": True,
    "write_statistics": True,
    "version": "2.6",
    "data_page_version": "1.0",
    "row_group_size": 1_000_000,
    "use_byte_stream_split": False,
    "store_schema": True,
    "write_page_index": False,
    "write_page_checksum": True,
}


def csv_text(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """A column as the text its CSV cell holds: the one spelling that both the CSV writer and
    the rules comparing a row with its claims use."""
    kind = column.type
    if pa.types.is_string(kind):
        return column
    if pa.types.is_list(kind):
        joined = pc.binary_join(column, LIST_DELIMITER)
        return pc.if_else(pc.equal(joined, ""), pa.scalar(None, pa.string()), joined)
    text = pc.cast(column, pa.string())
    if pa.types.is_decimal(kind):
        # "6.900000" -> "6.9", "5400000000.000000" -> "5400000000"
        text = pc.replace_substring_regex(text, r"(\.[0-9]*?)0+$", r"\1")
        text = pc.replace_substring_regex(text, r"\.$", "")
    return text


def csv_bytes(table: pa.Table) -> bytes:
    """The canonical CSV of a table: UTF-8, header row, LF line ends."""
    text = pa.table({name: csv_text(table[name]) for name in table.column_names})
    sink = io.BytesIO()
    pacsv.write_csv(
        text,
        sink,
        pacsv.WriteOptions(include_header=True, delimiter=",", quoting_style="needed"),
    )
    return sink.getvalue()


def parquet_bytes(table: pa.Table, metadata: dict[str, str]) -> bytes:
    schema = table.schema.with_metadata(
        {k.encode(): v.encode() for k, v in sorted(metadata.items())}
    )
    sink = io.BytesIO()
    pq.write_table(table.cast(schema), sink, **PARQUET_OPTIONS)
    return sink.getvalue()
