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
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pyarrow as pa

from ..arrow_values import FALSE, date, string
from ..errors import EncodingError, HashMismatch, PackageError, ProblemsFound
from ..paths import data_dir
from ..schema import RESOURCES
from .conditions import as_date, mask, suggestions
from .descriptor import read_index
from .names import resolve_actor
from .table import Table
from .verified import ParquetSource, read_bytes

#: Largest article text read by `source_text` (the corpus's are ~10 kB).
MAX_ARTICLE_BYTES = 64 * 1024 * 1024

if TYPE_CHECKING:
    from ..schema.models import (
        Actor,
        Event,
        EventParticipant,
        Evidence,
        Statement,
        Tables,
        Withdrawal,
    )
else:
    Tables = object  # only annotations: the models are imported when a record is built


class Dataset(Tables):
    """The whole data package. Attributes are named after its resources (typed in `Tables`,
    generated from the table registry with the models)."""

    def __init__(self, root: Path, *, verify: bool = True, _release: bool = False) -> None:
        """The package at `root` as its descriptor describes it (see `load`).

        `_release` marks the package shipped inside vnfr_data (`load()` only)."""
        try:
            index = read_index(Path(root))
        except ProblemsFound as exc:
            raise PackageError(root, exc.problems) from None
        if index.problems:
            raise PackageError(index.root, index.problems)
        self.root = index.root
        self.verify = verify
        for name in RESOURCES:
            entry = index.resources[name].parquet
            assert entry is not None  # a descriptor without problems has every twin
            source = ParquetSource(index.root, name, entry, verify)
            table: Table[Any] = Table(
                name, None, source, withdrawn=self._tombstone(name), released=_release and verify
            )
            setattr(self, name, table)

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
        return f"<Dataset {self.root}: {len(RESOURCES)} tables: {', '.join(RESOURCES)}>"

    if not TYPE_CHECKING:  # at run time only, so that mypy still flags a misspelt table

        def __getattr__(self, name: str) -> Any:
            # Only reached for attributes that do not exist: say which tables do.
            if name.startswith("__"):
                raise AttributeError(name)
            raise AttributeError(
                f"Dataset has no table or attribute {name!r} ({suggestions(name, RESOURCES)}; "
                f"tables: {', '.join(RESOURCES)})"
            )

    @property
    def tables(self) -> dict[str, Table[Any]]:
        return {name: getattr(self, name) for name in RESOURCES}

    def table(self, name: str) -> Table[Any]:
        """The table called `name`; ValueError listing the tables for an unknown name."""
        if name not in RESOURCES:
            raise ValueError(
                f"no table {name!r} ({suggestions(name, RESOURCES)}; "
                f"tables: {', '.join(RESOURCES)})"
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
        lo_s, hi_s = date(lo), date(hi)
        overlaps = pc.and_(pc.less_equal(first, hi_s), pc.greater_equal(last, lo_s))
        if imprecise == "inside":
            inside = pc.and_(pc.greater_equal(first, lo_s), pc.less_equal(last, hi_s))
            to_the_day = pc.equal(table["date_precision"], string("day"))
            overlaps = pc.if_else(to_the_day, overlaps, inside)
        return self._events_with(overlaps)

    def _events_with(self, keep: pa.ChunkedArray | pa.Array) -> list[Event]:
        import pyarrow.compute as pc

        ids = self.events.arrow.filter(pc.fill_null(keep, FALSE))["event_id"].to_pylist()
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
            _DEFAULT = Dataset(data_dir(), _release=True)
        return _DEFAULT
