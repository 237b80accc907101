"""Byte-level proofs that a text check finds nothing, so its per-cell kernel can be skipped.

Each function here answers "is it certain that no cell fails?" from the raw
bytes, in one pass and without building a mask. True is a proof; False only
means the exact per-cell check must run (it then finds and locates the cells,
or finds none). So a proof can never hide a finding, only save time:

* no control character: the bytes below 0x20 counted, which must be exactly the
  line feeds and tabs, and no DEL. In UTF-8 a control character is exactly one
  byte (0x00-0x1F, 0x7F) and no byte of a multi-byte character is below 0x80, so
  no such byte in the file means none in any cell.
* NFC: for a large column, the kinds of its multi-byte characters (lead byte and
  the byte after, counted at once): when each kind is a character that no text it
  stands in can make non-NFC (an assigned character of combining class 0, unchanged
  by NFC, never the second half of a canonical pair: UAX #15's quick check says
  "yes"), the text is NFC with nothing decoded. Otherwise, and for small columns,
  `unicodedata.is_normalized` over a column's cells concatenated (its
  Arrow data buffer, decoded in pieces). A substring of an NFC string is NFC
  (normalisation looks back no further than the last starter, and a non-starter
  run cut at the front stays in canonical order), and every cell is a substring
  of the concatenation. ASCII text is decoded and checked at memcpy speed.
* no formula lead and no over-long cell: the first byte and the byte length of
  every cell, read from the offsets (a cell has at least as many bytes as
  characters).
* integers and ISO dates: every byte of the column a digit and no cell longer
  than the type allows; every cell 0 or 10 bytes with its dashes in place. Each
  non-empty cell then matches the type's pattern.
* no empty list item: no cell starts or ends with the delimiter and no two
  delimiters stand side by side anywhere in the column's bytes.
* a pattern, for a column of few distinct values: the pattern holds for every
  distinct value (`pc.unique`), so for every cell.
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
#: Bytes scanned at a time.
_TRANSLATE_BYTES = 1 << 22
#: Bytes counted at a time (`no_control_bytes`): a piece and its masks stay in cache.
_COUNT_BYTES = 1 << 20


def no_control_bytes(data: bytes) -> bool:
    """True when no byte of `data` is a control character other than tab and line feed.

    Counted, in pieces that stay in the CPU's cache: the bytes below 0x20 must be
    exactly the line feeds and tabs (every other one is a control character), and no
    byte DEL. A third of the time of `bytes.translate` deleting them."""
    buf = np.frombuffer(data, dtype=np.uint8)
    for start in range(0, len(buf), _COUNT_BYTES):
        piece = buf[start : start + _COUNT_BYTES]
        low = np.count_nonzero(piece < 0x20)
        if low and low != np.count_nonzero(piece == 0x0A) + np.count_nonzero(piece == 0x09):
            return False
    return b"\x7f" not in data


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


#: A column's bytes from this many on are proven NFC by the kinds of their characters
#: first (`_inert_characters`): below it, decoding them costs less than the tables.
BYTE_PROOF_BYTES = 1 << 20
#: The first two bytes (as one number) of each multi-byte character kind proven NFC-inert.
_INERT_KEYS: dict[int, bool] = {}
_SECOND_HALVES: set[int] = set()


def _second_halves() -> set[int]:
    """The characters of the Basic Multilingual Plane that end a canonical pair (a
    precomposed letter's mark, say): one of them may compose with the character before
    it. Hangul vowels and final consonants compose without a decomposition listed."""
    if not _SECOND_HALVES:
        found = set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))
        for cp in range(0x10000):
            parts = unicodedata.decomposition(chr(cp)).split()
            if len(parts) == 2 and not parts[0].startswith("<"):
                found.add(int(parts[1], 16))
        _SECOND_HALVES.update(found)
    return _SECOND_HALVES


def _inert(cp: int) -> bool:
    """A character that leaves any text it stands in NFC (quick check "yes", class 0):
    assigned, no combining class, unchanged by NFC alone, never the end of a pair."""
    ch = chr(cp)
    return (
        unicodedata.category(ch) not in ("Cn", "Cs", "Co")
        and unicodedata.combining(ch) == 0
        and unicodedata.is_normalized("NFC", ch)
        and cp not in _second_halves()
    )


def _inert_key(key: int) -> bool:
    """Whether every character whose UTF-8 starts with the two bytes of `key` is inert:
    a two-byte character is one character, a three-byte one of 64."""
    known = _INERT_KEYS.get(key)
    if known is None:
        lead, second = key >> 8, key & 0xFF
        if not 0x80 <= second <= 0xBF:
            known = False
        elif 0xC2 <= lead <= 0xDF:
            known = _inert(((lead & 0x1F) << 6) | (second & 0x3F))
        elif 0xE0 <= lead <= 0xEF:
            base = ((lead & 0x0F) << 12) | ((second & 0x3F) << 6)
            known = base >= 0x800 and all(_inert(cp) for cp in range(base, base + 64))
        else:  # four-byte characters and bytes that begin none: not proven here
            known = False
        _INERT_KEYS[key] = known
    return known


def _inert_characters(*pieces: np.ndarray) -> bool:
    """True when every multi-byte character in `pieces` (UTF-8, each of whole characters)
    is inert, so that any text of these characters and ASCII is NFC (UAX #15's quick
    check says "yes" for it).

    Each character is known by its lead byte and the byte after (one number): counted
    for every lead byte of every piece at once, and the few kinds found looked up once."""
    seen = np.zeros(1 << 16, dtype=np.int64)
    for data in pieces:
        for start in range(0, len(data), _TRANSLATE_BYTES):
            leads = np.flatnonzero(data[start : start + _TRANSLATE_BYTES] >= 0xC0) + start
            if not len(leads):
                continue
            if int(leads[-1]) + 1 >= len(data):  # a lead byte without its next: not UTF-8
                return False
            keys = (data[leads].astype(np.int32) << 8) | data[leads + 1]
            seen += np.bincount(keys, minlength=1 << 16)
    return all(_inert_key(int(key)) for key in np.flatnonzero(seen))


def all_nfc(column: pa.ChunkedArray | pa.Array) -> bool:
    """True when every cell is certainly NFC (False: check cell by cell).

    The kinds of characters are counted over the whole column (its chunks are the CSV's
    blocks, each smaller than `BYTE_PROOF_BYTES` on a large file), then looked up once."""
    layouts = []
    for chunk in _chunks(column):
        layout = _offsets_and_data(chunk)
        if layout is None:
            return False
        layouts.append(layout)
    spans = [
        np.frombuffer(data, dtype=np.uint8)[int(offsets[0]) : int(offsets[-1])]
        for offsets, data in layouts
    ]
    if sum(len(span) for span in spans) >= BYTE_PROOF_BYTES and _inert_characters(*spans):
        return True
    for offsets, data in layouts:
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


def _spans(column: pa.ChunkedArray | pa.Array) -> list[tuple[np.ndarray, np.ndarray]] | None:
    """Each chunk's cell offsets (from its first cell) and the bytes its cells span, or None
    for an unusual layout."""
    out = []
    for chunk in _chunks(column):
        layout = _offsets_and_data(chunk)
        if layout is None:
            return None
        offsets, data = layout
        first, last = int(offsets[0]), int(offsets[-1])
        out.append((offsets - first, np.frombuffer(data, dtype=np.uint8)[first:last]))
    return out


def all_digits(column: pa.ChunkedArray | pa.Array, max_cell_bytes: int) -> bool:
    """True when every byte of every cell is an ASCII digit and no cell is longer than
    `max_cell_bytes`: each non-empty cell is then an unsigned integer of that many digits."""
    spans = _spans(column)
    if spans is None:
        return False
    for offsets, data in spans:
        if len(offsets) > 1 and int(np.diff(offsets).max()) > max_cell_bytes:
            return False
        if len(data) and int((data - np.uint8(0x30)).max()) > 9:  # a byte below "0" wraps
            return False
    return True


#: Where an ISO date (YYYY-MM-DD) has its dashes.
_DASHES = np.array([c == "-" for c in "0000-00-00"])


def all_iso_dates(column: pa.ChunkedArray | pa.Array) -> bool:
    """True when every cell is empty or ten bytes of the form DDDD-DD-DD (D a digit):
    the non-empty cells are then back to back in the column's bytes, ten by ten."""
    spans = _spans(column)
    if spans is None:
        return False
    for offsets, data in spans:
        if len(offsets) > 1 and not np.isin(np.diff(offsets), (0, 10)).all():
            return False
        if not len(data):
            continue
        grid = data.reshape(-1, 10)
        if not (grid[:, _DASHES] == ord("-")).all():
            return False
        if int((grid[:, ~_DASHES] - np.uint8(0x30)).max()) > 9:
            return False
    return True


def no_empty_item(column: pa.ChunkedArray | pa.Array, delimiter: bytes) -> bool:
    """True when no cell of a list column (as text) has an empty item: none starts or ends
    with the delimiter, and no two delimiters are adjacent in the bytes of the column."""
    (mark,) = delimiter
    spans = _spans(column)
    if spans is None:
        return False
    for offsets, data in spans:
        if not len(data):
            continue
        full = offsets[1:] > offsets[:-1]
        starts, ends = offsets[:-1][full], offsets[1:][full] - 1
        if (data[starts] == mark).any() or (data[ends] == mark).any():
            return False
        delimiters = data == mark
        if (delimiters[1:] & delimiters[:-1]).any():
            return False
    return True


#: Rows sampled to judge whether a column repeats its values enough for `pc.unique`.
_SAMPLE_ROWS = 4096


def few_distinct(column: pa.ChunkedArray | pa.Array) -> bool:
    """Whether the column's first rows repeat their values (at most half are distinct):
    then its distinct values are far fewer than its cells, and a check of each distinct
    value is cheaper than one of each cell. A guess about speed, never about a finding."""
    n = min(len(column), _SAMPLE_ROWS)
    if n < 64:
        return False
    sample = column.slice(0, n)
    return int(pc.count_distinct(sample, mode="all").as_py()) * 2 <= n


def byte_length_range(column: pa.ChunkedArray | pa.Array) -> tuple[int | None, int | None]:
    """The fewest and most bytes of a non-null cell (None, None when every cell is null)."""
    extremes = pc.min_max(pc.binary_length(column)).as_py()
    return extremes["min"], extremes["max"]


def _chunks(column: pa.ChunkedArray | pa.Array) -> list[pa.Array]:
    return list(column.chunks) if isinstance(column, pa.ChunkedArray) else [column]
