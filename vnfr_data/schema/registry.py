"""The table registry: one declaration per table, from which the rest of the package follows.

The Table Schemas in `schemas/` say what each column holds (type, constraints,
description). What they cannot say lives here, once per table: its record
model's name, what kind of table it is, where an annotator writes it and how
their keys map to columns, which fields tell one fact from another, which
fields merge as a unit, and whether its records must cite evidence. Every
list that used to be written by hand in the build, the validator, the
generated models, the testing strategies and the docs is derived from
`TABLES` (see docs/architecture.md: a new table is its schema, one entry here
and, when people curate it, its annotation model).

This module is imported by `import vnfr_data`: it holds plain data only and
reads no file until a schema is asked for.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from .tables import TableSchema

#: source: one row per article; fact: a thing the articles report; link: a fact tying two
#: records together; evidence: the quoted spans; derived: computed from the others;
#: reference: curated alongside the code, not from the articles.
Kind = Literal["source", "fact", "link", "evidence", "derived", "reference"]


@dataclass(frozen=True)
class DateGroup:
    """Dates that travel with how precise they are, how they were obtained and a note.

    A group merges as a unit (all its fields come from the one source chosen),
    its precision and basis share one vocabulary across tables, and when no
    source gives its first date, precision and basis default to `unknown`.
    A group without precision (a figure's period) only merges as a unit.
    """

    dates: tuple[str, ...]
    precision: str | None = None
    basis: str | None = None
    note: str | None = None

    @property
    def fields(self) -> tuple[str, ...]:
        return (*self.dates, *(f for f in (self.precision, self.basis, self.note) if f))


def date_group(*dates: str, prefix: str = "date") -> DateGroup:
    """`dates` with `<prefix>_precision`, `<prefix>_basis` and `<prefix>_note`."""
    return DateGroup(dates, f"{prefix}_precision", f"{prefix}_basis", f"{prefix}_note")


@dataclass(frozen=True)
class TableSpec:
    """Everything the package knows about one table beyond its Table Schema."""

    #: Resource name: schemas/<name>.json, csv/<name>.csv, parquet/<name>.parquet.
    name: str
    #: Class name of its record model in the generated `vnfr_data.schema.models`.
    model: str
    kind: Kind
    #: Where annotators write its records: a list in each source file (a top-level key,
    #: or for a link a key of its parent's record); None when not curated per source.
    section: str | None = None
    #: For a link written inside its parent's records: the parent table.
    parent: str | None = None
    #: Class name of its annotation model in `vnfr_data.annotations.format`.
    annotation: str | None = None
    #: Annotation keys spelled differently from their column; every other key that
    #: names a column is that column.
    renames: Mapping[str, str] = field(default_factory=dict)
    #: Annotation keys that are no column of the table (inputs of computed columns).
    annotation_only: tuple[str, ...] = ()
    #: Columns computed by the build, never written by an annotator.
    computed: tuple[str, ...] = ()
    #: Columns that tell one fact from another of the same table (two records agreeing on
    #: all of them may be one fact twice); for a link, the two ids it ties, which also
    #: make up its id ("<first>/<second>").
    identity: tuple[str, ...] = ()
    #: Dates and the fields that travel with them.
    groups: tuple[DateGroup, ...] = ()
    #: List columns whose items are ids of another table (a foreign key per item).
    list_references: Mapping[str, str] = field(default_factory=dict)
    #: Column the build makes from the record's evidence quotes, never typed (a statement's
    #: text: its quotes in text order, joined with " … "; see sources.statement_text).
    quoted: str | None = None
    #: For a table curated as a CSV file (a reference table): its path in the data
    #: directory, one row per record, the columns as its header.
    file: str | None = None
    #: Whether that file may be absent (an empty table).
    file_optional: bool = False

    @property
    def schema(self) -> TableSchema:
        from .tables import table_schema

        return table_schema(self.name)

    @property
    def key(self) -> str:
        """The first primary-key column: the record id of a fact or link."""
        return self.schema.primary_key[0]

    @property
    def evidenced(self) -> bool:
        """Facts and links must cite evidence; sources, evidence and derived tables do not."""
        return self.kind in ("fact", "link")

    @property
    def provenance(self) -> tuple[str, ...]:
        """Columns the build derives from a record's claims: which sources support it
        (`source_ids`) and which of its fields they dispute (`disputed_fields`)."""
        return tuple(f for f in PROVENANCE if f in self.schema.field_names)

    @property
    def built(self) -> tuple[str, ...]:
        """Every column the build fills itself: computed and provenance columns."""
        return (*self.computed, *self.provenance)

    @property
    def list_fields(self) -> tuple[str, ...]:
        """List columns: they merge by union across sources instead of conflicting."""
        return tuple(
            f.name for f in self.schema.fields if f.type == "list" and f.name not in PROVENANCE
        )

    @property
    def dated(self) -> DateGroup | None:
        """The group whose precision and basis default to `unknown` when undated."""
        return next((g for g in self.groups if g.precision is not None), None)

    def column(self, key: str) -> str:
        """The column an annotation key fills."""
        return self.renames.get(key, key)

    def annotation_key(self, column: str) -> str:
        """The annotation key that fills `column` (the inverse of `column`)."""
        return next((k for k, c in self.renames.items() if c == column), column)

    def record_key(self, row: Mapping[str, object]) -> str:
        """A row's id: its primary key, the columns of a composite key joined by "/"."""
        return "/".join(str(row.get(k)) for k in self.schema.primary_key)

    def group_of(self, column: str) -> tuple[str, ...]:
        """The fields that merge with `column` (itself alone when in no group)."""
        return next((g.fields for g in self.groups if column in g.fields), (column,))


_ID = "id"

#: Provenance columns of every fact and link table (see `TableSpec.provenance`).
PROVENANCE: tuple[str, ...] = ("source_ids", "disputed_fields")

TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "sources",
        "Source",
        "source",
        section="source",
        annotation="SourceMeta",
        renames={_ID: "source_id"},
        annotation_only=("file", "body", "no_fact"),
        computed=("path", "sha256", "char_count", "body_start", "body_end"),
        groups=(date_group("published_date", prefix="published_date"),),
    ),
    TableSpec(
        "actors",
        "Actor",
        "fact",
        annotation="ActorAnn",
        renames={_ID: "actor_id", "type": "actor_type", "country": "country_code"},
    ),
    TableSpec(
        "events",
        "Event",
        "fact",
        section="events",
        annotation="EventAnn",
        renames={_ID: "event_id", "type": "event_type", "country": "country_code"},
        identity=("event_type",),
        groups=(date_group("date_start", "date_end"),),
    ),
    TableSpec(
        "event_participants",
        "EventParticipant",
        "link",
        section="participants",
        parent="events",
        annotation="Participant",
        renames={"actor": "actor_id"},
        identity=("event_id", "actor_id"),
    ),
    TableSpec(
        "statements",
        "Statement",
        "fact",
        section="statements",
        annotation="StatementAnn",
        renames={
            _ID: "statement_id",
            "speaker": "speaker_id",
            "co_speakers": "co_speaker_ids",
            "addressee": "addressee_id",
            "event": "event_id",
            "type": "statement_type",
        },
        identity=("speaker_id", "statement_type", "event_id"),
        groups=(date_group("date"),),
        list_references={"co_speaker_ids": "actors"},
        quoted="text",
        computed=("text",),
    ),
    TableSpec(
        "agreements",
        "Agreement",
        "fact",
        section="agreements",
        annotation="AgreementAnn",
        renames={_ID: "agreement_id", "type": "agreement_type"},
        identity=("agreement_type",),
    ),
    TableSpec(
        "agreement_parties",
        "AgreementParty",
        "link",
        section="parties",
        parent="agreements",
        annotation="PartyAnn",
        renames={"actor": "actor_id"},
        identity=("agreement_id", "actor_id"),
    ),
    TableSpec(
        "agreement_events",
        "AgreementEvent",
        "link",
        section="events",
        parent="agreements",
        annotation="AgreementEventAnn",
        renames={"event": "event_id"},
        identity=("agreement_id", "event_id"),
    ),
    TableSpec(
        "figures",
        "Figure",
        "fact",
        section="figures",
        annotation="FigureAnn",
        renames={_ID: "figure_id", "statement": "statement_id", "event": "event_id"},
        identity=("metric", "unit"),
        groups=(DateGroup(("period_start", "period_end")),),
    ),
    TableSpec("evidence", "Evidence", "evidence"),
    TableSpec("claims", "Claim", "derived"),
    TableSpec("crosswalk", "CrosswalkEntry", "reference", file="reference/crosswalk.csv"),
    # Tombstones: records withdrawn keep their id, never reused (docs/annotations.md).
    TableSpec(
        "withdrawals",
        "Withdrawal",
        "reference",
        file="annotations/withdrawals.csv",
        file_optional=True,
    ),
)

#: Resources in dependency order: a table only references tables before it.
RESOURCES: tuple[str, ...] = tuple(t.name for t in TABLES)

#: Fact and link tables, whose records must cite evidence.
EVIDENCED: tuple[str, ...] = tuple(t.name for t in TABLES if t.evidenced)

#: Class name of each resource's record model.
MODEL_NAMES: dict[str, str] = {t.name: t.model for t in TABLES}


@cache
def _by_name() -> dict[str, TableSpec]:
    return {t.name: t for t in TABLES}


def spec(name: str) -> TableSpec:
    """The declaration of table `name`; KeyError naming the tables when there is none."""
    try:
        return _by_name()[name]
    except KeyError:
        raise KeyError(f"no table {name!r}; tables: {', '.join(RESOURCES)}") from None


def sections() -> tuple[TableSpec, ...]:
    """Tables written as top-level lists of the source files, in the order of the file."""
    return tuple(t for t in TABLES if t.kind == "fact" and t.section and t.parent is None)


def children(parent: str) -> tuple[TableSpec, ...]:
    """Link tables written inside the records of `parent`."""
    return tuple(t for t in TABLES if t.parent == parent)
