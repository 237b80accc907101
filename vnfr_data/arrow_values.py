"""Arrow scalars and arrays built from buffers, and numpy views of Arrow arrays.

`pa.scalar`, `pa.array`, `Array.to_numpy` and a Python value passed to a
`pyarrow.compute` function all ask pyarrow whether the value is a pandas
object, and that question imports pandas when it is installed: 0.3 s and
60 MB that neither `load()` nor `validate` needs. Everything here goes through
`Array.from_buffers` and `np.frombuffer` instead, which never asks.

The base install has no numpy (pyarrow does not need it): scalars and small
arrays are packed with `struct` and `array`, and numpy is imported only by the
functions that take or give numpy arrays (validation and the build have it).
"""

from __future__ import annotations

import array
import datetime
import functools
import itertools
import struct
from collections.abc import Sequence
from typing import TYPE_CHECKING

import pyarrow as pa

if TYPE_CHECKING:
    import numpy as np

_EPOCH = datetime.date(1970, 1, 1)


def arrow_owned(data: bytes | memoryview) -> pa.Buffer:
    """A copy of `data` in Arrow's own memory, for a reader whose work Arrow's threads share.

    A buffer over a Python object (what `pa.py_buffer(data)` and
    `pa.BufferReader(data)` make) takes the GIL to let go of that object. When one
    of Arrow's worker threads drops the last reference late, as the interpreter
    exits, taking the GIL ends that thread inside a C++ destructor and the process
    aborts ("terminate called without an active exception", exit 134) after all
    its work is done: seen at the exit of `load()` users, the Parquet reader
    releasing its input on a worker. Memory Arrow owns is freed without Python.
    """
    buffer = pa.allocate_buffer(len(data))
    if len(data):
        memoryview(buffer).cast("B")[:] = memoryview(data).cast("B")
    return buffer


def _bitmap(flags: Sequence[bool]) -> bytes:
    """Booleans packed as Arrow packs them (least significant bit first)."""
    out = bytearray((len(flags) + 7) // 8)
    for i, flag in enumerate(flags):
        if flag:
            out[i >> 3] |= 1 << (i & 7)
    return bytes(out)


def bools(values: np.ndarray) -> pa.Array:
    """A numpy bool array as Arrow."""
    import numpy as np

    n = len(values)
    bits = np.packbits(np.asarray(values, dtype=bool), bitorder="little")
    return pa.Array.from_buffers(pa.bool_(), n, [None, pa.py_buffer(bits.tobytes())])


def ints(values: np.ndarray | Sequence[int] | range) -> pa.Array:
    """Integers as Arrow int64 (a numpy int64 array without a copy)."""
    if isinstance(values, list | tuple | range):
        data: object = array.array("q", values)
        n = len(values)
    else:
        import numpy as np

        data = np.ascontiguousarray(values, dtype=np.int64)
        n = len(values)
    return pa.Array.from_buffers(pa.int64(), n, [None, pa.py_buffer(data)])


def strings(values: Sequence[str | None]) -> pa.Array:
    """Python strings (None for null) as an Arrow string array."""
    raw = [b"" if v is None else v.encode("utf-8") for v in values]
    offsets = array.array("i", [0, *itertools.accumulate(len(r) for r in raw)])
    validity = None
    if any(v is None for v in values):
        validity = pa.py_buffer(_bitmap([v is not None for v in values]))
    return pa.Array.from_buffers(
        pa.string(), len(raw), [validity, pa.py_buffer(offsets), pa.py_buffer(b"".join(raw))]
    )


@functools.cache
def string(value: str) -> pa.Scalar:
    """A string scalar."""
    return strings([value])[0]


def null(kind: pa.DataType) -> pa.Scalar:
    """A null scalar of the given type."""
    return pa.nulls(1, kind)[0]


TRUE: pa.Scalar = pa.Array.from_buffers(pa.bool_(), 1, [None, pa.py_buffer(b"\x01")])[0]
FALSE: pa.Scalar = pa.Array.from_buffers(pa.bool_(), 1, [None, pa.py_buffer(b"\x00")])[0]


def boolean(value: bool) -> pa.Scalar:
    return TRUE if value else FALSE


def integer(value: int, kind: pa.DataType | None = None) -> pa.Scalar:
    """An int64 scalar, cast to `kind` (another integer or a decimal) when given."""
    packed = pa.py_buffer(struct.pack("<q", value))
    scalar = pa.Array.from_buffers(pa.int64(), 1, [None, packed])[0]
    return scalar if kind is None or kind == pa.int64() else scalar.cast(kind)


def date(value: datetime.date) -> pa.Scalar:
    packed = pa.py_buffer(struct.pack("<i", (value - _EPOCH).days))
    return pa.Array.from_buffers(pa.date32(), 1, [None, packed])[0]


def days(n: int) -> pa.Scalar:
    """A duration of n days, in seconds (to add to timestamp[s])."""
    packed = pa.py_buffer(struct.pack("<q", n * 86_400))
    return pa.Array.from_buffers(pa.duration("s"), 1, [None, packed])[0]


def scalar_of(value: object, kind: pa.DataType) -> pa.Scalar:
    """A Python value as a scalar of `kind`; `pa.scalar` only for types not built here."""
    if value is None:
        return null(kind)
    if isinstance(value, bool) and pa.types.is_boolean(kind):
        return boolean(value)
    if isinstance(value, str) and pa.types.is_string(kind):
        return string(value)
    if isinstance(value, int) and not isinstance(value, bool) and pa.types.is_integer(kind):
        return integer(value, kind)
    if type(value) is datetime.date and pa.types.is_date32(kind):
        return date(value)
    return pa.scalar(value, kind)


def numbers(column: pa.Array | pa.ChunkedArray, dtype: type | None = None) -> np.ndarray:
    """The values of a primitive Arrow array without nulls, as numpy (zero-copy for one chunk;
    int64 unless `dtype` says otherwise).

    Null slots hold arbitrary values: fill nulls first where they matter.
    """
    import numpy as np

    dtype = np.int64 if dtype is None else dtype
    chunks = column.chunks if isinstance(column, pa.ChunkedArray) else [column]
    parts = []
    for chunk in chunks:
        if pa.types.is_boolean(chunk.type):
            parts.append(_bits(chunk))
            continue
        width = chunk.type.bit_width // 8
        buf = chunk.buffers()[1]
        if buf is None or len(chunk) == 0:
            parts.append(np.zeros(0, dtype=np.dtype(f"i{width}")))
            continue
        kind = np.dtype(f"i{width}") if pa.types.is_signed_integer(chunk.type) else None
        if kind is None:
            kind = np.dtype(f"u{width}") if pa.types.is_unsigned_integer(chunk.type) else None
        if kind is None:
            kind = np.dtype(f"i{width}")
        values = np.frombuffer(buf, dtype=kind, count=chunk.offset + len(chunk))
        parts.append(values[chunk.offset :])
    if not parts:
        return np.zeros(0, dtype=dtype)
    joined = parts[0] if len(parts) == 1 else np.concatenate(parts)
    return joined if joined.dtype == dtype else joined.astype(dtype)


def _bits(chunk: pa.Array) -> np.ndarray:
    """A boolean array's values (nulls as False) as numpy bool."""
    import numpy as np

    n = len(chunk)
    values = chunk.buffers()[1]
    if values is None or n == 0:
        return np.zeros(n, dtype=bool)
    bits = np.unpackbits(
        np.frombuffer(values, dtype=np.uint8), count=chunk.offset + n, bitorder="little"
    )[chunk.offset :].astype(bool)
    validity = chunk.buffers()[0]
    if validity is not None and chunk.null_count:
        valid = np.unpackbits(
            np.frombuffer(validity, dtype=np.uint8), count=chunk.offset + n, bitorder="little"
        )[chunk.offset :].astype(bool)
        bits &= valid
    return bits


def mask(array: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """A boolean Arrow array as numpy bool, null as False."""
    return numbers(array, dtype=bool)
