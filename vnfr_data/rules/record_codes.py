"""The record ids of the evidence and of the fact tables, numbered once for every rule.

Two rules ask of each evidence row which record it names (grounding: does the
record exist; source ids: does the record list this source). Hashing a million
record ids is the dearest step of either, so it is done once: one dictionary
over the evidence's `record_id` and every table's primary key, shared through
`Inputs.shared` (`declare.Shared`), whichever rule comes first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..arrow_values import integer, numbers
from ..schema import table_schema
from .declare import Inputs

#: The rules that ask for the codes (grounding, source ids): after both, they are dropped.
USERS = 2


@dataclass(frozen=True)
class RecordCodes:
    """An int32 code per value, one per distinct value (null included, as one value)."""

    #: Code of each evidence row's record_id.
    evidence: np.ndarray
    #: Code of each row's primary key, table by table (in the order asked for).
    tables: tuple[np.ndarray, ...]
    #: How many codes there are.
    count: int
    #: The value of each code (null among them when a value is null).
    values: pa.Array

    @property
    def null_code(self) -> int | None:
        """The code of null, when some value is null."""
        if not self.values.null_count:
            return None
        return int(numbers(pc.indices_nonzero(pc.is_null(self.values)))[0])


def record_codes(data: Inputs, names: Sequence[str]) -> RecordCodes:
    """The codes of the evidence's record ids and of the keys of `names` (tables read)."""
    # The tables themselves in the key (alive as long as `data`): the same names with other
    # tables are other codes.
    key = ("record codes", tuple(names), tuple(id(data.tables[n]) for n in ("evidence", *names)))
    return data.shared.get(
        key,
        lambda: encode(
            [data.tables["evidence"]["record_id"]]
            + [data.tables[name][table_schema(name).primary_key[0]] for name in names]
        ),
        users=USERS,
    )


def joint_codes(
    columns: Sequence[pa.ChunkedArray | pa.Array], null_is_value: bool = True
) -> tuple[list[np.ndarray], int, pa.Array]:
    """An int32 code per value of each column, one code per distinct value across all of
    them; how many codes; and the value of each code.

    One dictionary encoding of every column as the chunks of one: Arrow numbers the
    values of every chunk from the same table of values, so equal values in different
    columns get the same code. Null is a value of its own (as `is_in` and `index_in`
    match null with null), or with `null_is_value=False` the code -1."""
    chunks = [
        c.cast(pa.string()) if c.type != pa.string() else c
        for column in columns
        for c in (column.chunks if isinstance(column, pa.ChunkedArray) else [column])
    ]
    encoded = pc.dictionary_encode(
        pa.chunked_array(chunks, pa.string()),
        null_encoding="encode" if null_is_value else "mask",
    )
    values = encoded.chunks[-1].dictionary if encoded.num_chunks else pa.array([], pa.string())
    indices = pa.chunked_array([c.indices for c in encoded.chunks], pa.int32())
    del encoded, chunks
    if not null_is_value:
        indices = pc.fill_null(indices, integer(-1, pa.int32()))
    codes = numbers(indices, np.int32)
    bounds = np.cumsum([0, *(len(column) for column in columns)])
    parts = [codes[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)]
    return parts, len(values), values


def encode(columns: list[pa.ChunkedArray | pa.Array]) -> RecordCodes:
    """`joint_codes` of the evidence's record ids (the first column) and the tables' keys."""
    parts, count, values = joint_codes(columns)
    return RecordCodes(parts[0], tuple(parts[1:]), count, values)
