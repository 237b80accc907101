"""quote == text[start:end] for a million rows at once, without copying a single span.

The texts are concatenated into one UTF-8 blob, with a map from character to
byte offset (the position of each character's lead byte). Each row's span then
becomes an Arrow *binary view* into the blob: 16 bytes holding the length, the
first four bytes and the offset, or the whole value when it has at most 12
bytes. Arrow compares two binary-view columns by length and prefix first and
with memcmp on the blob only when those agree, so nothing the size of the quotes
is gathered or flattened.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..arrow_values import mask
from ..sources.slices import Corpus

#: A binary view stores a value of at most this many bytes inline.
_INLINE = 12
#: Rows compared at a time.
_ROWS_AT_ONCE = 1 << 18
#: Views address a data buffer with 32-bit offsets: texts are grouped into buffers this big.
MAX_BUFFER_BYTES = 2**31 - 1


def _views(
    blob: np.ndarray, offsets: np.ndarray, sizes: np.ndarray, group: np.ndarray, bases: np.ndarray
) -> pa.Array:
    """A binary-view array of blob[offset:offset+size] for each row.

    The blob (padded by 16 bytes, so that no gather overruns) is cut into data
    buffers at `bases`; `group` is the buffer of each row.
    """
    n = len(offsets)
    raw = np.zeros((n, 16), dtype=np.uint8)
    words = raw.view(np.int32)  # (n, 4): size, prefix, buffer index, offset in the buffer
    words[:, 0] = sizes
    long = np.flatnonzero(sizes > _INLINE)
    words[long, 2] = group[long]
    words[long, 3] = offsets[long] - bases[group[long]]
    for k in range(4):  # a long value's first four bytes
        raw[long, 4 + k] = blob[offsets[long] + k]
    short = np.flatnonzero(sizes <= _INLINE)
    if len(short):  # a short value lives in the view, zero-padded
        spread = np.arange(_INLINE)
        # Each short value's 12 bytes as a row of a sliding window over the blob: a gather of
        # bytes, not of an int64 index per byte.
        inline = np.lib.stride_tricks.sliding_window_view(blob, _INLINE)[offsets[short]]
        raw[short, 4:16] = np.where(spread < sizes[short, None], inline, 0)
    whole = pa.py_buffer(blob)
    ends = np.append(bases[1:], len(blob))
    buffers = [whole.slice(int(a), int(b - a)) for a, b in zip(bases, ends, strict=True)]
    return pa.Array.from_buffers(pa.binary_view(), n, [None, pa.py_buffer(raw), *buffers])


def _buffer_groups(byte_start: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Cut the blob into buffers of whole texts under MAX_BUFFER_BYTES: each buffer's first
    byte, and the buffer of each text. (A text is at most `MAX_SOURCE_BYTES`.)"""
    bases = [0]
    group = np.zeros(len(byte_start) - 1, dtype=np.int64)
    if byte_start[-1] <= MAX_BUFFER_BYTES - 16:
        return np.array(bases, dtype=np.int64), group
    for i in range(len(byte_start) - 1):
        if byte_start[i + 1] - bases[-1] > MAX_BUFFER_BYTES - 16:
            bases.append(int(byte_start[i]))
        group[i] = len(bases) - 1
    return np.array(bases, dtype=np.int64), group


def mismatched_quotes(
    texts: list[bytes],
    source: np.ndarray,
    starts: np.ndarray,
    ends: np.ndarray,
    quotes: pa.Array | pa.ChunkedArray,
    corpus: Corpus | None = None,
) -> np.ndarray:
    """True where quote != texts[source][start:end] in characters, without a per-row loop.

    `source` is the index of each row's text; -1 (unknown) counts as a mismatch,
    as does a span outside its text or a null quote. `corpus` is `Corpus(texts)` when
    the caller has it already.
    """
    n = len(source)
    bad = np.zeros(n, dtype=bool)
    if n == 0:
        return bad
    if not texts:
        return ~bad
    # The texts as one blob, padded by 16 bytes (prefixes never overrun), with the byte
    # offset of every character: the caller's when it has them (`corpus`, of `texts`).
    corpus = corpus if corpus is not None else Corpus(texts)
    blob, lead = corpus.padded, corpus.lead
    char_base, nchars = corpus.char_base, corpus.nchars
    bases, text_group = _buffer_groups(corpus.byte_start)
    # A piece of rows at a time: the per-row temporaries stay small whatever the rows.
    for at, piece in _pieces(quotes):
        rows = slice(at, at + len(piece))
        source_, starts_, ends_ = source[rows], starts[rows], ends[rows]
        known = (source_ >= 0) & (source_ < len(texts))
        src = np.where(known, source_, 0)
        wrong = ~known | (starts_ < 0) | (ends_ < starts_) | (ends_ > nchars[src])
        first = lead[char_base[src] + np.where(wrong, 0, starts_)].astype(np.int64)
        last = lead[char_base[src] + np.where(wrong, 0, ends_)].astype(np.int64)
        spans = _views(blob, first, last - first, text_group[src], bases)
        same = mask(pc.equal(spans, pc.cast(piece, pa.binary_view())))  # null quote: False
        bad[rows] = wrong | ~same
    return bad


def _pieces(quotes: pa.Array | pa.ChunkedArray) -> list[tuple[int, pa.Array]]:
    """The quotes in pieces of at most `_ROWS_AT_ONCE` rows, each with its first row."""
    chunks = quotes.chunks if isinstance(quotes, pa.ChunkedArray) else [quotes]
    out, at = [], 0
    for chunk in chunks:
        for start in range(0, len(chunk), _ROWS_AT_ONCE):
            piece = chunk.slice(start, _ROWS_AT_ONCE)
            out.append((at + start, piece))
        at += len(chunk)
    return out
