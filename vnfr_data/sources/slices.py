"""Character slices of the corpus texts, for whole columns at once.

Evidence offsets count characters, the texts are UTF-8 bytes: building every
statement's text from its spans must not decode and slice a million Python
strings. `Corpus` concatenates the texts, records the byte offset of every
character (its UTF-8 lead byte), and gathers every slice as a view into the
concatenation in one Arrow call. (Comparing quotes, which needs no slice
materialised, is `rules.quote_spans`.)
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

#: A binary view holds a value of at most this many bytes inline, a longer one by reference.
_INLINE = 12
#: Views address their data buffer with 32-bit offsets.
_MAX_VIEW_BUFFER = 2**31 - 1
#: Zero bytes after the blob, so that reading a short value's 12 bytes never overruns.
_PAD = 16


def _int64(values: np.ndarray) -> pa.Array:
    data = np.ascontiguousarray(values, dtype=np.int64)
    return pa.Array.from_buffers(pa.int64(), len(data), [None, pa.py_buffer(data)])


def lead_bytes(blob: np.ndarray) -> np.ndarray:
    """Byte offset of every character of a UTF-8 blob (its lead byte), plus one past the end.

    In pieces, into an array sized by a first count: the int64 positions
    `flatnonzero` returns (eight bytes per character) and a list of pieces to
    concatenate would each take more memory than the result (four)."""
    kind = np.uint32 if len(blob) < 2**32 - 1 else np.int64
    step = 1 << 20
    starts = range(0, len(blob), step)
    counts = [int(np.count_nonzero((blob[a : a + step] & 0xC0) != 0x80)) for a in starts]
    out = np.empty(sum(counts) + 1, dtype=kind)
    at = 0
    for start, count in zip(starts, counts, strict=True):
        piece = blob[start : start + step]
        out[at : at + count] = np.flatnonzero((piece & 0xC0) != 0x80) + start
        at += count
    out[at] = len(blob)
    return out


class Corpus:
    """Texts addressed by index; `slices` cuts many character ranges at once."""

    def __init__(self, texts: list[bytes]) -> None:
        self.size = len(texts)
        # Padded, so that reading a short value's 12 bytes never overruns; `blob` is the texts.
        self._padded = np.frombuffer(b"".join([*texts, bytes(_PAD)]), dtype=np.uint8)
        self.blob = self._padded[: len(self._padded) - _PAD]
        # The byte offset of every character (its lead byte), plus one past the end: a
        # character offset becomes a byte offset by indexing, whatever the order of queries.
        self._lead = lead_bytes(self.blob)
        #: The byte offset of each text in the blob, and one past the last.
        self.byte_start = np.concatenate(([0], np.cumsum([len(t) for t in texts], dtype=np.int64)))
        # The needles in the index's own type: numpy would otherwise copy the whole index
        # to int64 to compare (a copy of four bytes per character, per call).
        self._char_base = np.searchsorted(
            self._lead, self.byte_start.astype(self._lead.dtype), side="left"
        ).astype(np.int64)
        #: Length in characters of each text.
        self.nchars = np.diff(self._char_base)

    @classmethod
    def of(cls, texts: Mapping[str, bytes]) -> tuple[list[str], Corpus]:
        """The texts in source-id order, with their ids (what the rules address them by)."""
        ids = sorted(texts)
        return ids, cls([texts[i] for i in ids])

    @property
    def padded(self) -> np.ndarray:
        """The blob followed by zero bytes, so that reading a short value's 12 bytes never
        overruns."""
        return self._padded

    @property
    def lead(self) -> np.ndarray:
        """The byte offset of every character, plus one past the end (`lead_bytes`)."""
        return self._lead

    @property
    def char_base(self) -> np.ndarray:
        """The offset of each text's first character among all characters."""
        return self._char_base[:-1]

    def _byte_of(self, chars: np.ndarray) -> np.ndarray:
        return np.asarray(self._lead[chars], dtype=np.int64)

    def slices(
        self, source: np.ndarray, starts: np.ndarray, ends: np.ndarray
    ) -> tuple[pa.Array, np.ndarray]:
        """texts[source][start:end] for every row as large_binary, and where that is impossible.

        A row whose source index is unknown (-1, or out of range) or whose bounds
        fall outside its text gets an empty slice and True in the returned mask.
        """
        n = len(source)
        known = (source >= 0) & (source < self.size)
        if self.size == 0:
            empty = np.zeros(n + 1, dtype=np.int64)
            return pa.Array.from_buffers(
                pa.large_binary(), n, [None, pa.py_buffer(empty), pa.py_buffer(b"")]
            ), ~np.zeros(n, dtype=bool)
        src = np.where(known, source, 0)
        bad = ~known | (starts < 0) | (ends < starts) | (ends > self.nchars[src])
        first = self._byte_of(self._char_base[src] + np.where(bad, 0, starts))
        sizes = self._byte_of(self._char_base[src] + np.where(bad, 0, ends)) - first
        if len(self.blob) + _PAD <= _MAX_VIEW_BUFFER:
            # Binary views address the blob without copying; Arrow's cast then copies every
            # slice in one pass (ten times faster than flattening a list view).
            return pc.cast(self._views(first, sizes), pa.large_binary()), bad
        views = pa.LargeListViewArray.from_arrays(
            _int64(first),
            _int64(sizes),
            pa.Array.from_buffers(pa.uint8(), len(self.blob), [None, pa.py_buffer(self.blob)]),
        )
        gathered = views.flatten()
        data = gathered.buffers()[1]
        if data is None:  # every slice is empty
            data = pa.py_buffer(b"")
        elif gathered.offset:
            data = data.slice(gathered.offset)
        bounds = np.concatenate(([0], np.cumsum(sizes, dtype=np.int64)))
        out = pa.Array.from_buffers(pa.large_binary(), n, [None, pa.py_buffer(bounds), data])
        return out, bad

    def _views(self, first: np.ndarray, sizes: np.ndarray) -> pa.Array:
        """A binary-view array of blob[first:first+size] for each row (Arrow's layout: the
        size, then the value itself when at most 12 bytes, else its first four bytes, the
        buffer index and the offset)."""
        n = len(first)
        blob = self._padded
        raw = np.zeros((n, 16), dtype=np.uint8)
        words = raw.view(np.int32)
        words[:, 0] = sizes
        long = np.flatnonzero(sizes > _INLINE)
        words[long, 3] = first[long]
        for k in range(4):
            raw[long, 4 + k] = blob[first[long] + k]
        short = np.flatnonzero(sizes <= _INLINE)
        if len(short):
            spread = np.arange(_INLINE)
            # Each short value's 12 bytes as a row of a sliding window over the blob: a gather
            # of bytes, not of an int64 index per byte.
            inline = np.lib.stride_tricks.sliding_window_view(blob, _INLINE)[first[short]]
            raw[short, 4:16] = np.where(spread < sizes[short, None], inline, 0)
        return pa.Array.from_buffers(
            pa.binary_view(), n, [None, pa.py_buffer(raw), pa.py_buffer(blob)]
        )
