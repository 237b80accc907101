"""One table of the package: typed records, lookups by id, filters, Arrow and data frames.

Read from Parquet the first time it is touched (under a lock); records are
validated into frozen pydantic models on access. An unknown id, column or
vocabulary value raises an error naming what exists, never an empty answer.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, cast, overload

import pyarrow as pa

from ..arrow_values import ints
from ..schema import TableSchema, table_schema
from .conditions import mask, suggestions
from .frames import arrow_for_frames, require_extra
from .names import UnknownRecord
from .verified import ParquetSource

if TYPE_CHECKING:
    import pandas
    import polars

    from ..schema.models import Record, Withdrawal

R = TypeVar("R", bound="Record")
_MISSING: Any = object()


class Table(Generic[R]):
    """One resource, or the rows of it that `where` kept.

    Iterate typed records, look one up with `table[id]` (or `.get(id, default)`),
    filter with `.where(col=value)` (which returns another Table), or take the
    columns as Arrow, pandas or polars.
    """

    def __init__(
        self,
        name: str,
        model: type[R] | None,
        source: ParquetSource | Path,
        arrow: pa.Table | None = None,
        withdrawn: Callable[[str], Withdrawal | None] | None = None,
        *,
        released: bool = False,
    ):
        self.name = name
        #: The record model; None until first needed (pydantic's machinery is imported then).
        self._model = model
        #: The rows are the shipped release's, verified byte for byte (`load()`): they
        #: were validated before the release, so records are built without validating
        #: each field again.
        self._released = released
        # Where the rows come from: the descriptor's verified entry (a bare path only
        # names a table whose rows are given as `arrow`).
        self._path = source
        #: The tombstone of an id no longer in the table, if it has one.
        self._withdrawn = withdrawn
        self._lock = threading.Lock()
        self._arrow: pa.Table | None = arrow
        self._records: tuple[R, ...] | None = None
        self._by_id: dict[str, R] | None = None

    @property
    def model(self) -> type[R]:
        """The pydantic model of a record of this table."""
        if self._model is None:
            from ..schema.models import MODELS

            self._model = cast("type[R]", MODELS[self.name])
        return self._model

    @property
    def schema(self) -> TableSchema:
        return table_schema(self.name)

    @property
    def columns(self) -> tuple[str, ...]:
        return self.schema.field_names

    def __repr__(self) -> str:
        return f"<Table {self.name}: {len(self)} rows; columns: {', '.join(self.columns)}>"

    @property
    def arrow(self) -> pa.Table:
        """The table as Arrow, typed by the Table Schema."""
        with self._lock:
            if self._arrow is None:
                if not isinstance(self._path, ParquetSource):
                    raise TypeError(f"table {self.name} has no rows and no file to read them from")
                # Size, sha256, page checksums, version and schema fingerprint checked,
                # once: the table is kept (PackageError naming the file otherwise).
                self._arrow = self._path.read()
            return self._arrow

    def records(self) -> tuple[R, ...]:
        """Every row as a frozen, validated model (built once).

        A package loaded from a path is validated field by field. The shipped
        release, once its files match their sha256 in the descriptor, holds the
        very bytes `vnfr-data validate` accepted before the release: its records
        are the same models built without running the validators again (pydantic's
        `model_construct`; a test checks they equal the validated ones).
        """
        if self._records is None:
            table = self.arrow
            names = table.column_names
            rows = [
                dict(zip(names, row, strict=True)) for row in zip(*_columns(table), strict=True)
            ]
            model = self.model
            if self._released and self._verified():
                built = _constructed(model, names, rows)
            else:
                built = tuple(model.model_validate(row) for row in rows)
            with self._lock:
                self._records = built
        return self._records

    def _verified(self) -> bool:
        """The rows came from a file checked against its sha256 (not given as Arrow)."""
        return isinstance(self._path, ParquetSource) and self._path.verify

    def __iter__(self) -> Iterator[R]:
        return iter(self.records())

    def __len__(self) -> int:
        return int(self.arrow.num_rows)

    def _index(self) -> dict[str, R]:
        if self._by_id is None:
            key = self.schema.primary_key
            if len(key) != 1:
                raise TypeError(
                    f"{self.name} has a composite key ({', '.join(key)}): "
                    f"filter with .where({key[0]}=...) instead"
                )
            index = {getattr(r, key[0]): r for r in self.records()}
            with self._lock:
                self._by_id = index
        return self._by_id

    @overload
    def __getitem__(self, key: str | int) -> R: ...

    @overload
    def __getitem__(self, key: slice) -> Table[R]: ...

    def __getitem__(self, key: str | int | slice) -> R | Table[R]:
        """`table["ev-..."]`: the record whose (single-column) primary key is that id,
        or KeyError listing close matches. `table[0]`, `table[:10]`: by position, as
        in the list `where` used to return (a slice is a Table).
        """
        if isinstance(key, slice):
            return Table(
                self.name,
                self._model,
                self._path,
                _slice(self.arrow, key),
                self._withdrawn,
                released=self._released,
            )
        if isinstance(key, int) and not isinstance(key, bool):
            return self.records()[key]
        if not isinstance(key, str):
            raise TypeError(f"{self.name}[...] takes a record id, a position or a slice: {key!r}")
        index = self._index()
        try:
            return index[key]
        except KeyError:
            column = self.schema.primary_key[0]
            stone = self._withdrawn(key) if self._withdrawn is not None else None
            if stone is not None:
                raise UnknownRecord(
                    f"{self.name} {key} was withdrawn in version {stone.withdrawn_in}: "
                    f"{stone.reason} (its id stays reserved; see ds.withdrawals)"
                ) from None
            raise UnknownRecord(
                f"no {self.name} record with {column} {key!r} ({suggestions(key, index)})"
            ) from None

    def get(self, record_id: str, default: Any = None) -> Any:
        """The record with this id, or `default` (None) when there is none, as dict.get."""
        return self._index().get(record_id, default)

    def __contains__(self, record_id: object) -> bool:
        return isinstance(record_id, str) and record_id in self._index()

    def where(self, **conditions: Any) -> Table[R]:
        """The rows whose columns match, as a Table (chain `.where`, iterate, convert).

        `col=value` keeps rows equal to value; `col=None` keeps rows where the cell
        is empty; on a list column (aliases, topics, co_speaker_ids) `col=value`
        keeps rows whose list contains value. Dates may be given as ISO strings.
        An unknown column, a value outside the column's vocabulary, or a value of
        the wrong type raises ValueError / TypeError instead of matching nothing.
        """
        table = self.arrow
        keep = mask(table, self.schema, conditions)
        if keep is None:
            return self
        return Table(
            self.name,
            self._model,
            self._path,
            table.filter(keep),
            self._withdrawn,
            released=self._released,
        )

    def to_pandas(self, *, decimal: Literal["float", "exact"] = "float") -> pandas.DataFrame:
        """A pandas DataFrame (needs the `pandas` extra).

        Dates become datetime64 columns (so `.dt` works); numbers become float64
        (so `describe()` works), or with `decimal="exact"` Python Decimals exactly
        as stored. Empty cells are NaN / NaT / None.
        """
        require_extra("pandas", "to_pandas()")
        return arrow_for_frames(self.arrow, decimal).to_pandas(date_as_object=False)

    def to_polars(self, *, decimal: Literal["float", "exact"] = "float") -> polars.DataFrame:
        """A polars DataFrame (needs the `polars` extra); `decimal` as in `to_pandas`."""
        require_extra("polars", "to_polars()")
        import polars

        frame = polars.from_arrow(arrow_for_frames(self.arrow, decimal))
        assert isinstance(frame, polars.DataFrame)
        return frame


def _slice(table: pa.Table, key: slice) -> pa.Table:
    rows = range(table.num_rows)[key]
    if rows.step == 1:
        return table.slice(rows.start, len(rows))
    return table.take(ints(rows))


def _columns(table: pa.Table) -> list[list[Any]]:
    """Each column as Python values, lists as tuples (the models' list type).

    Column by column, not `Table.to_pylist()`: one conversion per column instead of a
    dict per row from Arrow, a few times faster on the shipped tables."""
    columns = []
    for column in table.columns:
        values = column.to_pylist()
        if pa.types.is_list(column.type):
            values = [tuple(v) for v in values]
        columns.append(values)
    return columns


def _constructed(model: type[R], names: list[str], rows: list[dict[str, Any]]) -> tuple[R, ...]:
    """The records of verified released rows, without running the validators again.

    Honest because of what was checked before: the file's bytes are the ones
    `vnfr-data validate` accepted (its sha256 matched the descriptor's), and its
    Arrow schema is the Table Schema's (`open_parquet`), so every value already has
    its field's Python type. What is left is what pydantic's `model_construct`
    does for a model without aliases, private attributes, extra fields or
    post-init hook when every field is given: set the values, the set of fields
    given and empty extras. `model_construct` looks each field up for aliases and
    defaults on every row; this sets the four slots directly, twice as fast.
    `tests/test_release_records.py` checks the records equal validated ones (values,
    types, `model_fields_set`) and behave alike (frozen, hashable, `model_copy`).
    """
    fields = model.model_fields
    if (
        list(fields) != names
        or model.__pydantic_post_init__
        or model.__private_attributes__
        or any(f.alias is not None or f.validation_alias is not None for f in fields.values())
    ):  # not what the generated models are: pydantic's own path
        construct = cast("Callable[..., R]", model.model_construct)
        return tuple(construct(**row) for row in rows)
    new = object.__new__
    put = object.__setattr__
    given = frozenset(names)
    built = []
    for row in rows:
        record = new(model)
        put(record, "__dict__", row)
        put(record, "__pydantic_fields_set__", set(given))
        put(record, "__pydantic_extra__", None)
        put(record, "__pydantic_private__", None)
        built.append(record)
    return tuple(built)
