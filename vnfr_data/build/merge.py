"""Merge policy: one row per record from the claims its sources make.

Kept apart from collection and assembly because this is where a reader's trust
is won or lost: which claim a row shows, and which disagreements are surfaced.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from ..schema import spec
from .collect import Claim


def _text(value: Any) -> str:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def merge(
    table: str, record_id: str, claims: list[Claim]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One row from the claims of all sources; disagreements become conflict rows.

    A field's value comes from the most recently published source that gives it;
    fields that only make sense together (a date with its precision, basis and
    note) come together from one source, so a row never pairs one source's date
    with another's account of how it was obtained.
    """
    declared = spec(table)
    lists = declared.list_fields
    claims = sorted(claims, key=lambda c: c.order)
    row: dict[str, Any] = {}
    conflicts: list[dict[str, Any]] = []
    fields = sorted({f for c in claims for f in c.values})
    for name in fields:
        given = [(c, c.values[name]) for c in claims if name in c.values]
        if name in lists:
            row[name] = tuple(dict.fromkeys(v for _, value in given for v in value))
            continue
        group = declared.group_of(name)
        chosen = [c for c in claims if any(g in c.values for g in group)][-1]
        if name in chosen.values:
            row[name] = chosen.values[name]
        if len({_text(v) for _, v in given}) > 1:
            for c, v in given:
                if c.source is None:
                    continue
                conflicts.append(
                    {
                        "record_table": table,
                        "record_id": record_id,
                        "field": name,
                        "source_id": c.source,
                        "claimed_value": _text(v),
                        "chosen": c is chosen,
                    }
                )
    return row, conflicts
