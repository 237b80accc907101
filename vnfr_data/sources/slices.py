"""Character slices of the corpus texts, for whole columns at once.

Evidence offsets count characters, the texts are UTF-8 bytes: checking a
million quotes, or building every statement's text from its spans, must not
decode and slice a million Python strings. `Corpus` concatenates the texts,
maps characters to bytes from the UTF-8 lead bytes, and gathers every slice as
a view into the concatenation in one Arrow call.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa


def _int64(values: np.ndarray) -> pa.Array:
    data = np.ascontiguousarray(values, dtype=np.int64)
    return pa.Array.from_buffers(pa.int64(), len(data), [None, pa.py_buffer(data)])


class Corpus:
    """Texts addressed by index; `slices` cuts many character ranges at once."""

    def __init__(self, texts: list[bytes]) -> None:
        self.size = len(texts)
        self.blob = np.frombuffer(b"".join(texts), dtype=np.uint8)
        # Character c of the concatenation starts at byte c + (continuation bytes before it).
        # A continuation byte's character index is the number of lead bytes before it, minus 1.
        cont = np.flatnonzero((self.blob & 0xC0) == 0x80)
        self._cont_char = cont - np.arange(len(cont)) - 1
        byte_start = np.concatenate(([0], np.cumsum([len(t) for t in texts], dtype=np.int64)))
        self._char_base = byte_start - np.searchsorted(cont, byte_start, side="left")
        #: Length in characters of each text.
        self.nchars = np.diff(self._char_base)

    def _byte_of(self, chars: np.ndarray) -> np.ndarray:
        return chars + np.searchsorted(self._cont_char, chars, side="left")

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
