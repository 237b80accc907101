"""What each source claims where sources disagree, whichever table the package has.

Packages from 1.0.0 have a `claims` table with ranks (`preferred` / `normal` /
`deprecated`) and reasons, plus `disputed_fields` and `source_ids` columns on the
fact tables; 0.1.0 packages had a `conflicts` table (one row per source claim on
a disputed field, `chosen` marking the value the main table shows). This adapter
reads either into one shape, so the pages need not know which one they were
given.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

#: Rank order: the shown claim first.
RANKS = ("preferred", "normal", "deprecated")


@dataclass(frozen=True)
class Claim:
    """One source's value for one field of one record."""

    field: str
    source_id: str
    value: str
    rank: str
    reason: str | None
    note: str | None = None  # the source's own note on its claim (how a date was inferred)
    reason_note: str | None = None  # a reviewer's words on the choice
    disputed: bool | None = None  # the claims table says so per claim; None when unknown


@dataclass(frozen=True)
class Claims:
    """Claims by (table, record id), and which table they came from."""

    origin: str | None  # "claims", "conflicts", or None when the package has neither
    by_record: Mapping[tuple[str, str], tuple[Claim, ...]]

    def of(self, table: str, record_id: str) -> tuple[Claim, ...]:
        return self.by_record.get((table, record_id), ())

    def disputed(
        self, table: str, record_id: str, row: Mapping[str, Any] | None
    ) -> tuple[str, ...]:
        """Disputed fields of a record: its `disputed_fields` column when present,
        else the fields whose claims give more than one value."""
        listed = row.get("disputed_fields") if row is not None else None
        if listed is not None:
            return tuple(sorted(str(f) for f in listed))
        claims = self.of(table, record_id)
        if any(c.disputed is not None for c in claims):
            return tuple(sorted({c.field for c in claims if c.disputed}))
        values: dict[str, set[str]] = defaultdict(set)
        for claim in self.of(table, record_id):
            values[claim.field].add(claim.value)
        return tuple(sorted(f for f, v in values.items() if len(v) > 1))


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return str(value)


def _optional(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def _rank_order(claim: Claim) -> tuple[int, str, str, str]:
    rank = RANKS.index(claim.rank) if claim.rank in RANKS else len(RANKS)
    return (rank, claim.field, claim.source_id, claim.value)


def _from_claims(rows: Sequence[Mapping[str, Any]]) -> list[tuple[str, str, Claim]]:
    found = []
    for r in rows:
        value = r.get("value", r.get("claimed_value"))
        found.append(
            (
                str(r.get("record_table")),
                str(r.get("record_id")),
                Claim(
                    field=str(r.get("field")),
                    source_id=str(r.get("source_id")),
                    value=_text(value),
                    rank=str(r.get("rank") or "normal"),
                    reason=_optional(r.get("reason")),
                    note=_optional(r.get("note")),
                    reason_note=_optional(r.get("reason_note")),
                    disputed=None if r.get("disputed") is None else bool(r["disputed"]),
                ),
            )
        )
    return found


def _from_conflicts(rows: Sequence[Mapping[str, Any]]) -> list[tuple[str, str, Claim]]:
    return [
        (
            str(r["record_table"]),
            str(r["record_id"]),
            Claim(
                field=str(r["field"]),
                source_id=str(r["source_id"]),
                value=_text(r["claimed_value"]),
                rank="preferred" if r.get("chosen") else "normal",
                reason=None,
            ),
        )
        for r in rows
    ]


def read_claims(tables: Mapping[str, Sequence[Mapping[str, Any]]]) -> Claims:
    """Claims from the `claims` table if the package has one, else from `conflicts`."""
    if "claims" in tables:
        origin: str | None = "claims"
        found = _from_claims(tables["claims"])
    elif "conflicts" in tables:
        origin = "conflicts"
        found = _from_conflicts(tables["conflicts"])
    else:
        origin, found = None, []
    grouped: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for table, record_id, claim in found:
        grouped[(table, record_id)].append(claim)
    return Claims(
        origin=origin,
        by_record={k: tuple(sorted(v, key=_rank_order)) for k, v in sorted(grouped.items())},
    )
