"""The dataset as the site needs it: plain rows, indexes and the links between records.

Only the public reading API is used (`vnfr_data.load(path)`, its tables' Arrow
form and `source_text`), so that the site does not depend on how the reader is
laid out inside. Rows are plain dicts in a fixed order, so the same data always
gives the same pages.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ForeignKeyError, Problem, ProblemsFound, QuoteMismatch
from .claims import Claims, read_claims

Row = dict[str, Any]

#: Tables with a page per record, and their primary key.
PAGED: dict[str, str] = {
    "events": "event_id",
    "statements": "statement_id",
    "agreements": "agreement_id",
    "figures": "figure_id",
    "actors": "actor_id",
}
#: Link tables: shown on the page of the record that owns them (table, its key column).
LINKS: dict[str, tuple[str, str, str]] = {
    # table: (primary key, owner table, owner key column)
    "event_participants": ("participant_id", "events", "event_id"),
    "agreement_parties": ("party_id", "agreements", "agreement_id"),
    "agreement_events": ("link_id", "agreements", "agreement_id"),
}
SINGULAR: dict[str, str] = {
    "events": "event",
    "statements": "statement",
    "agreements": "agreement",
    "figures": "figure",
    "actors": "actor",
    "event_participants": "participant",
    "agreement_parties": "party",
    "agreement_events": "agreement at event",
}
#: The column holding each paged table's type, for the index filters.
TYPE_COLUMN: dict[str, str] = {
    "events": "event_type",
    "statements": "statement_type",
    "agreements": "agreement_type",
    "figures": "metric",
    "actors": "actor_type",
}
#: Columns that name another record, and the table it is in.
REFERENCES: dict[str, str] = {
    "speaker_id": "actors",
    "co_speaker_ids": "actors",
    "addressee_id": "actors",
    "actor_id": "actors",
    "event_id": "events",
    "part_of": "events",
    "statement_id": "statements",
    "agreement_id": "agreements",
    "source_id": "sources",
    "source_ids": "sources",
}


@dataclass
class EvidenceRow:
    """One evidence row with the key that names its span in the pages (``e<n>``)."""

    key: str
    record_table: str
    record_id: str
    source_id: str
    start: int
    end: int
    quote: str


@dataclass
class SiteData:
    """Everything the pages are made from, read once."""

    version: str
    rows: dict[str, list[Row]]
    by_id: dict[str, dict[str, Row]]
    texts: dict[str, str]
    evidence: list[EvidenceRow]
    claims: Claims
    descriptions: dict[str, dict[str, str]] = field(default_factory=dict)
    table_titles: dict[str, str] = field(default_factory=dict)
    table_descriptions: dict[str, str] = field(default_factory=dict)
    evidence_by_record: dict[tuple[str, str], list[EvidenceRow]] = field(default_factory=dict)
    evidence_by_source: dict[str, list[EvidenceRow]] = field(default_factory=dict)
    vocabulary: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)
    _indexes: dict[tuple[str, str], dict[Any, list[Row]]] = field(default_factory=dict)
    #: Sentence spans of each source, split once when first needed.
    sentences: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        by_record: dict[tuple[str, str], list[EvidenceRow]] = defaultdict(list)
        by_source: dict[str, list[EvidenceRow]] = defaultdict(list)
        for ev in self.evidence:
            by_record[(ev.record_table, ev.record_id)].append(ev)
            by_source[ev.source_id].append(ev)
        self.evidence_by_record = dict(by_record)
        self.evidence_by_source = dict(by_source)

    def table(self, name: str) -> list[Row]:
        return self.rows.get(name, [])

    def get(self, table: str, record_id: str | None) -> Row | None:
        if record_id is None:
            return None
        return self.by_id.get(table, {}).get(record_id)

    def where(self, table: str, **equals: Any) -> list[Row]:
        """Rows whose columns equal the values; the first column is looked up in an index
        (built once per column), so record pages do not scan whole tables."""
        if not equals:
            return list(self.table(table))
        (column, value), *rest = equals.items()
        found = self._index(table, column).get(_hashable(value), [])
        return [r for r in found if all(r.get(k) == v for k, v in rest)]

    def _index(self, table: str, column: str) -> dict[Any, list[Row]]:
        key = (table, column)
        if key not in self._indexes:
            index: dict[Any, list[Row]] = defaultdict(list)
            for row in self.table(table):
                index[_hashable(row.get(column))].append(row)
            self._indexes[key] = dict(index)
        return self._indexes[key]

    def containing(self, table: str, column: str, value: str) -> list[Row]:
        """Rows whose list column holds `value` (e.g. statements by co-speaker)."""
        key = (table, f"{column}[]")
        if key not in self._indexes:
            index: dict[Any, list[Row]] = defaultdict(list)
            for row in self.table(table):
                for item in row.get(column) or ():
                    index[item].append(row)
            self._indexes[key] = dict(index)
        return self._indexes[key].get(value, [])

    def actor_name(self, actor_id: str | None) -> str:
        actor = self.get("actors", actor_id)
        return str(actor["name"]) if actor else str(actor_id or "")

    def sources_of(self, table: str, record_id: str) -> list[str]:
        """Source ids that ground a record: its `source_ids` column if it has one, else its evidence."""
        row = self.get(table, record_id)
        listed = row.get("source_ids") if row else None
        if listed:
            return sorted(str(s) for s in listed)
        return sorted({ev.source_id for ev in self.evidence_by_record.get((table, record_id), [])})


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def primary_key(table: str) -> str | None:
    if table in PAGED:
        return PAGED[table]
    if table in LINKS:
        return LINKS[table][0]
    return {"sources": "source_id"}.get(table)


def _descriptor(root: Path) -> Mapping[str, Any]:
    path = root / "datapackage.json"
    try:
        loaded: Mapping[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return loaded


def _check_quotes(evidence: list[EvidenceRow], texts: Mapping[str, str]) -> None:
    """Refuse to draw a highlight that would not be its quote: a package whose evidence
    does not match its texts is reported (as `vnfr-data validate` would), not rendered."""
    problems: list[Problem] = []
    for ev in evidence:
        text = texts.get(ev.source_id)
        if text is None:
            problems.append(
                ForeignKeyError(
                    "evidence names a source the package does not have",
                    file="evidence",
                    field="source_id",
                    value=ev.source_id,
                )
            )
        elif not (0 <= ev.start < ev.end <= len(text)) or text[ev.start : ev.end] != ev.quote:
            problems.append(
                QuoteMismatch(
                    f"{ev.record_table} {ev.record_id}: text[{ev.start}:{ev.end}] of source "
                    f"{ev.source_id} is not the quote; run `vnfr-data validate` on the package",
                    file="evidence",
                    field="quote",
                    value=ev.quote,
                    expected=text[ev.start : ev.end] if ev.start < ev.end else "a non-empty span",
                )
            )
    if problems:
        raise ProblemsFound(problems)


def read_site_data(dataset: Any) -> SiteData:
    """Read every table of a loaded dataset (`vnfr_data.load(path)`) into plain rows."""
    from .._version import __version__

    tables: Mapping[str, Any] = dataset.tables
    rows: dict[str, list[Row]] = {}
    for name, table in tables.items():
        listed = [dict(r) for r in table.arrow.to_pylist()]
        key = primary_key(name)
        if key is not None:
            listed.sort(key=lambda r, k=key: str(r[k]))  # type: ignore[misc]
        rows[name] = listed
    by_id: dict[str, dict[str, Row]] = {}
    for name, listed in rows.items():
        key = primary_key(name)
        if key is not None:
            by_id[name] = {str(r[key]): r for r in listed}
    texts = {str(s["source_id"]): dataset.source_text(s["source_id"]) for s in rows["sources"]}
    ordered = sorted(
        rows.get("evidence", []),
        key=lambda e: (
            e["source_id"],
            e["char_start"],
            -e["char_end"],
            e["record_table"],
            e["record_id"],
        ),
    )
    evidence = [
        EvidenceRow(
            key=f"e{n}",
            record_table=str(e["record_table"]),
            record_id=str(e["record_id"]),
            source_id=str(e["source_id"]),
            start=int(e["char_start"]),
            end=int(e["char_end"]),
            quote=str(e["quote"]),
        )
        for n, e in enumerate(ordered, start=1)
    ]
    _check_quotes(evidence, texts)
    descriptor = _descriptor(Path(dataset.root)) if hasattr(dataset, "root") else {}
    descriptions: dict[str, dict[str, str]] = {}
    titles: dict[str, str] = {}
    about: dict[str, str] = {}
    for resource in descriptor.get("resources", []):
        name = str(resource.get("name"))
        titles[name] = str(resource.get("title") or name)
        about[name] = str(resource.get("description") or "")
        fields = resource.get("schema", {}).get("fields", [])
        descriptions[name] = {
            str(f["name"]): str(f.get("description") or "") for f in fields if "name" in f
        }
    vocabulary: dict[tuple[str, str], dict[str, str]] = {}
    for resource in descriptor.get("resources", []):
        for f in resource.get("schema", {}).get("fields", []):
            labels = {
                str(c["value"]): str(c["label"])
                for c in f.get("categories") or ()
                if isinstance(c, Mapping) and "value" in c and c.get("label")
            }
            if labels:
                vocabulary[(str(resource.get("name")), str(f.get("name")))] = labels
    for entry in rows.get("crosswalk", []):  # event and statement types, with their CAMEO codes
        table = {"event_type": "events", "statement_type": "statements"}.get(
            str(entry.get("vocabulary"))
        )
        if table is None or not entry.get("definition"):
            continue
        codes = [
            f"CAMEO {entry['cameo_code']} {entry.get('cameo_label') or ''}".strip()
            if entry.get("cameo_code")
            else "",
            f"PLOVER {entry['plover_type']}" if entry.get("plover_type") else "",
        ]
        note = "; ".join(c for c in codes if c)
        text = str(entry["definition"]) + (f" ({note})" if note else "")
        vocabulary.setdefault((table, str(entry["vocabulary"])), {})[str(entry["code"])] = text
    version = str(descriptor.get("version") or __version__)
    return SiteData(
        version=version,
        rows=rows,
        by_id=by_id,
        texts=texts,
        evidence=evidence,
        claims=read_claims(rows),
        descriptions=descriptions,
        table_titles=titles,
        table_descriptions=about,
        vocabulary=vocabulary,
    )
