"""Typed, lazy access to the shipped tables.

Each table is read from Parquet the first time it is touched (under a lock, as
pycountry does), so `load()` itself costs nothing and a user who only wants
figures never reads the evidence. Records are validated into frozen pydantic
models on access; the Arrow table is there for column work.
"""

from __future__ import annotations

import datetime
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..paths import data_dir
from ..schema import table_schema
from ..schema.models import (
    MODELS,
    Actor,
    Agreement,
    AgreementEvent,
    AgreementParty,
    Conflict,
    CrosswalkEntry,
    Event,
    EventParticipant,
    Evidence,
    Figure,
    Record,
    Source,
    Statement,
)

if TYPE_CHECKING:
    import pandas
    import polars

R = TypeVar("R", bound=Record)


class Table(Generic[R]):
    """One resource: iterate typed records, look them up by id, or take the Arrow table."""

    def __init__(self, name: str, model: type[R], path: Path) -> None:
        self.name = name
        self.model = model
        self._path = path
        self._lock = threading.Lock()
        self._arrow: pa.Table | None = None
        self._records: tuple[R, ...] | None = None
        self._by_id: dict[str, R] | None = None

    def __repr__(self) -> str:
        return f"<Table {self.name}: {self._path}>"

    @property
    def arrow(self) -> pa.Table:
        """The table as Arrow, typed by the Table Schema."""
        with self._lock:
            if self._arrow is None:
                # ParquetFile, not read_table: read_table imports pyarrow.dataset (and pandas).
                self._arrow = pq.ParquetFile(self._path).read()
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

    def get(self, record_id: str) -> R | None:
        """The record whose (single-column) primary key is `record_id`, or None."""
        if self._by_id is None:
            key = table_schema(self.name).primary_key
            if len(key) != 1:
                raise TypeError(f"{self.name} has a composite key {key}; filter instead")
            index = {getattr(r, key[0]): r for r in self.records()}
            with self._lock:
                self._by_id = index
        return self._by_id.get(record_id)

    def where(self, **equals: Any) -> list[R]:
        """Records whose columns equal the given values, filtered on the Arrow table."""
        table = self.arrow
        mask = None
        for column, value in equals.items():
            cond = pc.equal(table[column], pa.scalar(value, table.schema.field(column).type))
            mask = cond if mask is None else pc.and_(mask, cond)
        if mask is None:
            return list(self.records())
        rows = table.filter(pc.fill_null(mask, False)).to_pylist()
        return [self.model.model_validate(_tuples(row)) for row in rows]

    def to_pandas(self) -> pandas.DataFrame:
        """Needs the `pandas` extra."""
        return self.arrow.to_pandas()

    def to_polars(self) -> polars.DataFrame:
        """Needs the `polars` extra."""
        import polars

        frame = polars.from_arrow(self.arrow)
        assert isinstance(frame, polars.DataFrame)
        return frame


def _tuples(row: dict[str, Any]) -> dict[str, Any]:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in row.items()}


class Dataset:
    """The whole data package. Attributes are named after its resources."""

    sources: Table[Source]
    actors: Table[Actor]
    events: Table[Event]
    event_participants: Table[EventParticipant]
    statements: Table[Statement]
    agreements: Table[Agreement]
    agreement_parties: Table[AgreementParty]
    agreement_events: Table[AgreementEvent]
    figures: Table[Figure]
    evidence: Table[Evidence]
    conflicts: Table[Conflict]
    crosswalk: Table[CrosswalkEntry]

    def __init__(self, root: Path) -> None:
        self.root = root
        for name, model in MODELS.items():
            setattr(self, name, Table(name, model, root / "parquet" / f"{name}.parquet"))

    def __repr__(self) -> str:
        return f"<Dataset {self.root}>"

    @property
    def tables(self) -> dict[str, Table[Any]]:
        return {name: getattr(self, name) for name in MODELS}

    # -- links -----------------------------------------------------------------

    def source_text(self, source_id: str) -> str:
        """The verbatim article text that evidence offsets index into."""
        source = self.sources.get(source_id)
        if source is None:
            raise KeyError(source_id)
        return (self.root / source.path).read_bytes().decode("utf-8")

    def evidence_for(self, record_table: str, record_id: str) -> list[Evidence]:
        """The spans that ground a record, each with its verbatim quote."""
        return self.evidence.where(record_table=record_table, record_id=record_id)

    def events_between(self, start: datetime.date, end: datetime.date) -> list[Event]:
        """Events whose date range overlaps [start, end]; undated events are left out."""
        table = self.events.arrow
        last = pc.coalesce(table["date_end"], table["date_start"])
        mask = pc.and_(pc.less_equal(table["date_start"], end), pc.greater_equal(last, start))
        return self._events_with(mask)

    def _events_with(self, mask: pa.ChunkedArray | pa.Array) -> list[Event]:
        table = self.events.arrow
        ids = table.filter(pc.fill_null(mask, False))["event_id"].to_pylist()
        return [e for e in (self.events.get(i) for i in ids) if e is not None]

    def events_of(self, actor_id: str) -> list[Event]:
        """Events an actor took part in."""
        taking_part = self.event_participants.arrow
        ids = taking_part.filter(pc.equal(taking_part["actor_id"], actor_id))["event_id"]
        return self._events_with(pc.is_in(self.events.arrow["event_id"], value_set=ids))

    def statements_by(self, actor_id: str) -> list[Statement]:
        """Statements an actor made, alone or jointly."""
        table = self.statements.arrow
        co = table["co_speaker_ids"]
        # Rows whose co-speaker list holds the actor, found on the flattened lists.
        rows = pc.filter(pc.list_parent_indices(co), pc.equal(pc.list_flatten(co), actor_id))
        joint = pc.is_in(pa.array(range(table.num_rows), pa.int64()), value_set=rows)
        mask = pc.or_(pc.equal(table["speaker_id"], actor_id), joint)
        ids = table.filter(mask)["statement_id"].to_pylist()
        return [s for s in (self.statements.get(i) for i in ids) if s is not None]

    def statements_at(self, event_id: str) -> list[Statement]:
        """Statements made at an event."""
        return self.statements.where(event_id=event_id)

    def speaker(self, statement: Statement) -> Actor:
        actor = self.actors.get(statement.speaker_id)
        if actor is None:  # a validated package always has it
            raise KeyError(statement.speaker_id)
        return actor

    def participants(self, event_id: str) -> list[EventParticipant]:
        return self.event_participants.where(event_id=event_id)


_LOCK = threading.Lock()
_DEFAULT: Dataset | None = None


def load(path: str | Path | None = None) -> Dataset:
    """The dataset shipped with the package, or the data package directory at `path`.

    Nothing is read until a table is used.
    """
    global _DEFAULT
    if path is not None:
        root = Path(path)
        return Dataset(root.parent if root.is_file() else root)
    with _LOCK:
        if _DEFAULT is None:
            _DEFAULT = Dataset(data_dir())
        return _DEFAULT
