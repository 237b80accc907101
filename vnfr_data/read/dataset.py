"""Typed, lazy access to the shipped tables.

Each table is read from Parquet the first time it is touched (under a lock, as
pycountry does), so `load()` itself costs nothing and a user who only wants
figures never reads the evidence. Records are validated into frozen pydantic
models on access; the Arrow table is there for column work. pyarrow.compute,
pyarrow.parquet and pandas are imported only when first needed, so that
`import vnfr_data` costs no more than pyarrow and pydantic themselves.

The API never answers wrong without saying so: an unknown id, table, column or
vocabulary value raises an error naming what exists, instead of returning
None or an empty list that looks like "no such data".
"""

from __future__ import annotations

import datetime
import hashlib
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, overload

import pyarrow as pa

from ..errors import EncodingError, HashMismatch, PackageError, ProblemsFound
from ..paths import data_dir
from ..schema import TableSchema, table_schema
from ..schema.models import (
    MODELS,
    Actor,
    Event,
    EventParticipant,
    Evidence,
    Record,
    Statement,
    Tables,
    Withdrawal,
)
from .conditions import as_date, mask, suggestions
from .descriptor import read_index
from .frames import arrow_for_frames, require_extra
from .names import UnknownRecord, resolve_actor
from .verified import ParquetSource, read_bytes

#: Largest article text read by `source_text` (the corpus's are ~10 kB).
MAX_ARTICLE_BYTES = 64 * 1024 * 1024

if TYPE_CHECKING:
    import pandas
    import polars

R = TypeVar("R", bound=Record)
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
        model: type[R],
        source: ParquetSource | Path,
        arrow: pa.Table | None = None,
        withdrawn: Callable[[str], Withdrawal | None] | None = None,
    ):
        self.name = name
        self.model = model
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
        """Every row as a frozen, validated model (built once)."""
        if self._records is None:
            rows = self.arrow.to_pylist()
            built = tuple(self.model.model_validate(_tuples(row)) for row in rows)
            with self._lock:
                self._records = built
        return self._records

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
                self.name, self.model, self._path, _slice(self.arrow, key), self._withdrawn
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
        return Table(self.name, self.model, self._path, table.filter(keep), self._withdrawn)

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
    return table.take(pa.array(rows, pa.int64()))


def _tuples(row: dict[str, Any]) -> dict[str, Any]:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in row.items()}


class Dataset(Tables):
    """The whole data package. Attributes are named after its resources (typed in `Tables`,
    generated from the table registry with the models)."""

    def __init__(self, root: Path, *, verify: bool = True) -> None:
        """The package at `root` as its descriptor describes it (see `load`)."""
        try:
            index = read_index(Path(root))
        except ProblemsFound as exc:
            raise PackageError(root, exc.problems) from None
        if index.problems:
            raise PackageError(index.root, index.problems)
        self.root = index.root
        self.verify = verify
        for name, model in MODELS.items():
            entry = index.resources[name].parquet
            assert entry is not None  # a descriptor without problems has every twin
            source = ParquetSource(index.root, name, entry, verify)
            setattr(self, name, Table(name, model, source, withdrawn=self._tombstone(name)))

    def _tombstone(self, name: str) -> Callable[[str], Withdrawal | None]:
        def find(record_id: str) -> Withdrawal | None:
            stones: Table[Withdrawal] | None = self.__dict__.get("withdrawals")
            if stones is None:
                return None
            return next(
                (w for w in stones if w.record_table == name and w.record_id == record_id), None
            )

        return find

    def __repr__(self) -> str:
        return f"<Dataset {self.root}: {len(MODELS)} tables: {', '.join(MODELS)}>"

    if not TYPE_CHECKING:  # at run time only, so that mypy still flags a misspelt table

        def __getattr__(self, name: str) -> Any:
            # Only reached for attributes that do not exist: say which tables do.
            if name.startswith("__"):
                raise AttributeError(name)
            raise AttributeError(
                f"Dataset has no table or attribute {name!r} ({suggestions(name, MODELS)}; "
                f"tables: {', '.join(MODELS)})"
            )

    @property
    def tables(self) -> dict[str, Table[Any]]:
        return {name: getattr(self, name) for name in MODELS}

    def table(self, name: str) -> Table[Any]:
        """The table called `name`; ValueError listing the tables for an unknown name."""
        if name not in MODELS:
            raise ValueError(
                f"no table {name!r} ({suggestions(name, MODELS)}; tables: {', '.join(MODELS)})"
            )
        table: Table[Any] = getattr(self, name)
        return table

    # -- links -----------------------------------------------------------------

    def source_text(self, source_id: str) -> str:
        """The verbatim article text that evidence offsets index into."""
        source = self.sources[source_id]
        file = str(self.root / source.path)
        try:
            raw = read_bytes(self.root, source.path, file, MAX_ARTICLE_BYTES)
            if self.verify and hashlib.sha256(raw).hexdigest() != source.sha256:
                raise ProblemsFound(
                    [HashMismatch("the article differs from its sha256 in sources", file=file)]
                )
            return raw.decode("utf-8")
        except ProblemsFound as exc:
            raise PackageError(self.root, exc.problems) from None
        except UnicodeDecodeError:
            raise PackageError(
                self.root, [EncodingError("the article is not UTF-8", file=file)]
            ) from None

    def evidence_for(self, record_table: str, record_id: str) -> list[Evidence]:
        """The spans that ground a record, each with its verbatim quote.

        `record_table` is a table name such as "events" (ValueError otherwise);
        an id that is not in that table raises KeyError with close matches.
        """
        grounded = self.evidence.schema.field("record_table").enum or ()
        if record_table not in grounded:
            raise ValueError(
                f"evidence_for: {record_table!r} is not a table with evidence "
                f"({suggestions(record_table, grounded)}; tables: {', '.join(grounded)})"
            )
        self.table(record_table)[record_id]  # KeyError for an unknown id
        return list(self.evidence.where(record_table=record_table, record_id=record_id))

    def events_between(
        self,
        start: datetime.date | str,
        end: datetime.date | str,
        *,
        imprecise: Literal["inside", "overlap"] = "inside",
    ) -> list[Event]:
        """Events dated within [start, end] (both included; dates or ISO strings).

        An event dated to the day is returned when its days overlap the window (a
        three-day visit is "in" each of its days). An event dated only to the month
        or year spans its whole period (May 2025 is 2025-05-01..2025-05-31), and the
        event happened somewhere in it: by default (`imprecise="inside"`) it is
        returned only when that whole period lies inside the window, so a
        year-precision event is not "in" a one-day window; `imprecise="overlap"`
        also returns it when its period merely overlaps the window. Undated events
        are never returned. Reversed bounds raise ValueError.
        """
        import pyarrow.compute as pc

        lo, hi = as_date(start, "start"), as_date(end, "end")
        if lo > hi:
            raise ValueError(f"events_between: start {lo} is after end {hi}")
        if imprecise not in ("inside", "overlap"):
            raise ValueError(f"imprecise must be 'inside' or 'overlap', not {imprecise!r}")
        table = self.events.arrow
        first = table["date_start"]
        last = pc.coalesce(table["date_end"], first)
        lo_s, hi_s = pa.scalar(lo, pa.date32()), pa.scalar(hi, pa.date32())
        overlaps = pc.and_(pc.less_equal(first, hi_s), pc.greater_equal(last, lo_s))
        if imprecise == "inside":
            inside = pc.and_(pc.greater_equal(first, lo_s), pc.less_equal(last, hi_s))
            to_the_day = pc.equal(table["date_precision"], "day")
            overlaps = pc.if_else(to_the_day, overlaps, inside)
        return self._events_with(overlaps)

    def _events_with(self, keep: pa.ChunkedArray | pa.Array) -> list[Event]:
        import pyarrow.compute as pc

        ids = self.events.arrow.filter(pc.fill_null(keep, False))["event_id"].to_pylist()
        return [self.events[i] for i in ids]

    def actor(self, name_or_id: str) -> Actor:
        """The actor with this id, name or alias (case and accents ignored).

        KeyError with close matches when none has it; ValueError when several do.
        """
        return resolve_actor(self.actors, name_or_id)

    def events_of(self, actor: str) -> list[Event]:
        """Events an actor (id, name or alias) took part in."""
        import pyarrow.compute as pc

        actor_id = self.actor(actor).actor_id
        ids = self.event_participants.where(actor_id=actor_id).arrow["event_id"]
        return self._events_with(pc.is_in(self.events.arrow["event_id"], value_set=ids))

    def statements_by(self, actor: str) -> list[Statement]:
        """Statements an actor (id, name or alias) made, alone or jointly."""
        import pyarrow.compute as pc

        actor_id = self.actor(actor).actor_id
        table = self.statements.arrow
        alone = mask(table, self.statements.schema, {"speaker_id": actor_id})
        joint = mask(table, self.statements.schema, {"co_speaker_ids": actor_id})
        ids = table.filter(pc.or_(alone, joint))["statement_id"].to_pylist()
        return [self.statements[i] for i in ids]

    def statements_at(self, event_id: str) -> list[Statement]:
        """Statements made at an event (KeyError for an unknown event)."""
        self.events[event_id]
        return list(self.statements.where(event_id=event_id))

    def speaker(self, statement: Statement) -> Actor:
        return self.actors[statement.speaker_id]

    def participants(self, event_id: str) -> list[EventParticipant]:
        """Who took part in an event, with their role (KeyError for an unknown event)."""
        self.events[event_id]
        return list(self.event_participants.where(event_id=event_id))


_LOCK = threading.Lock()
_DEFAULT: Dataset | None = None


def load(path: str | Path | None = None, *, verify: bool = True) -> Dataset:
    """The dataset shipped with the package, or the data package at `path` (its
    directory or its datapackage.json).

    Only the descriptor is read here: it must follow the package format and be of
    the installed version (PackageError otherwise). Each table is read when first
    used, and then its file's size and sha256 are checked against the descriptor
    and its Parquet page checksums while decoding (`verify=False` skips these for
    speed; the version and schema fingerprint are checked regardless). A file that
    fails raises PackageError naming it.
    """
    global _DEFAULT
    if path is not None:
        return Dataset(Path(path), verify=verify)
    if not verify:
        return Dataset(data_dir(), verify=False)
    with _LOCK:
        if _DEFAULT is None:
            _DEFAULT = Dataset(data_dir())
        return _DEFAULT
