"""Byte-level proofs that a text check finds nothing, so its per-cell kernel can be skipped.

Each function here answers "is it certain that no cell fails?" from the raw
bytes, in one pass and without building a mask. True is a proof; False only
means the exact per-cell check must run (it then finds and locates the cells,
or finds none). So a proof can never hide a finding, only save time:

* no control character: one `bytes.translate` over the whole file. In UTF-8
  a control character is exactly one byte (0x00-0x1F, 0x7F) and no byte of a
  multi-byte character is below 0x80, so no such byte in the file means none in
  any cell.
* NFC: `unicodedata.is_normalized` over a column's cells concatenated (its
  Arrow data buffer, decoded in pieces). A substring of an NFC string is NFC
  (normalisation looks back no further than the last starter, and a non-starter
  run cut at the front stays in canonical order), and every cell is a substring
  of the concatenation. ASCII text is decoded and checked at memcpy speed.
* no formula lead and no over-long cell: the first byte and the byte length of
  every cell, read from the offsets (a cell has at least as many bytes as
  characters).
"""

from __future__ import annotations

import unicodedata

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

#: C0 controls but tab and line feed, and DEL (`constraints.CONTROL` as bytes).
CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F])
#: Bytes decoded per `is_normalized` call: bounds the memory of the decoded text.
NFC_PIECE_BYTES = 1 << 22
#: Bytes translated at a time.
_TRANSLATE_BYTES = 1 << 22


def no_control_bytes(data: bytes) -> bool:
    """True when no byte of `data` is a control character other than tab and line feed.

    `bytes.translate` deletes them: the same length after means there were none.
    In pieces, so that the copy it makes stays small next to the file."""
    for start in range(0, len(data), _TRANSLATE_BYTES):
        piece = data[start : start + _TRANSLATE_BYTES]
        if len(piece.translate(None, CONTROL_BYTES)) != len(piece):
            return False
    return True


def _offsets_and_data(chunk: pa.Array) -> tuple[np.ndarray, memoryview] | None:
    """A string chunk's offsets (int64) and data buffer, or None for an unusual layout."""
    if not (pa.types.is_string(chunk.type) or pa.types.is_binary(chunk.type)):
        return None
    buffers = chunk.buffers()
    offsets_buf, data_buf = buffers[1], buffers[2]
    if offsets_buf is None:
        return None
    offsets = np.frombuffer(offsets_buf, dtype=np.int32, count=chunk.offset + len(chunk) + 1)
    offsets = offsets[chunk.offset :].astype(np.int64)
    data = memoryview(data_buf) if data_buf is not None else memoryview(b"")
    return offsets, data


def all_nfc(column: pa.ChunkedArray | pa.Array) -> bool:
    """True when every cell is certainly NFC (False: check cell by cell)."""
    for chunk in _chunks(column):
        layout = _offsets_and_data(chunk)
        if layout is None:
            return False
        offsets, data = layout
        start, last = int(offsets[0]), int(offsets[-1])
        while start < last:
            # Cut at a cell boundary, so that a piece holds whole characters.
            stop = int(offsets[np.searchsorted(offsets, start + NFC_PIECE_BYTES, "right") - 1])
            if stop <= start:  # one cell longer than a piece: take it whole
                stop = int(offsets[np.searchsorted(offsets, start, "right")])
            try:
                piece = str(data[start:stop], "utf-8")
            except UnicodeDecodeError:  # bytes under a null cell (one set to null as not UTF-8)
                return False
            if not unicodedata.is_normalized("NFC", piece):
                return False
            start = stop
    return True


def no_cell_starting_with(column: pa.ChunkedArray | pa.Array, leads: bytes) -> bool:
    """True when no non-empty cell starts with one of the bytes `leads`."""
    table = np.zeros(256, dtype=bool)
    table[np.frombuffer(leads, dtype=np.uint8)] = True
    for chunk in _chunks(column):
        layout = _offsets_and_data(chunk)
        if layout is None:
            return False
        offsets, data = layout
        starts = offsets[:-1][offsets[1:] > offsets[:-1]]
        if len(starts) and table[np.frombuffer(data, dtype=np.uint8)[starts]].any():
            return False
    return True


def longest_cell_bytes(column: pa.ChunkedArray | pa.Array) -> int | None:
    """The byte length of the longest cell (None for an unusual layout)."""
    longest = 0
    for chunk in _chunks(column):
        layout = _offsets_and_data(chunk)
        if layout is None:
            return None
        offsets, _ = layout
        if len(offsets) > 1:
            longest = max(longest, int(np.diff(offsets).max()))
    return longest


def byte_length_range(column: pa.ChunkedArray | pa.Array) -> tuple[int | None, int | None]:
    """The fewest and most bytes of a non-null cell (None, None when every cell is null)."""
    extremes = pc.min_max(pc.binary_length(column)).as_py()
    return extremes["min"], extremes["max"]


def _chunks(column: pa.ChunkedArray | pa.Array) -> list[pa.Array]:
    return list(column.chunks) if isinstance(column, pa.ChunkedArray) else [column]
