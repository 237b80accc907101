"""`vnfr-data show`: an article's records beside their quotes, for a reviewer."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pyarrow.compute as pc

from ..read import Dataset, load

#: Columns a summary leaves out: the text is the quote above it; the rest is said apart.
_HIDDEN = frozenset({"text", "source_ids", "disputed_fields"})


def _claims_by_field(ds: Dataset, table: str, record_id: str) -> dict[str, list[dict[str, Any]]]:
    claims = ds.claims.arrow
    mine = claims.filter(
        pc.and_(pc.equal(claims["record_table"], table), pc.equal(claims["record_id"], record_id))
    )
    out: dict[str, list[dict[str, Any]]] = {}
    for c in mine.to_pylist():
        out.setdefault(c["field"], []).append(c)
    return out


def summary(ds: Dataset, table: str, record: Any) -> list[str]:
    """A record's fields on one line, disputed ones marked, then each disputed field's claims."""
    fields = record.model_dump(exclude_none=True)
    disputed = set(getattr(record, "disputed_fields", ()))
    parts = [
        f"{k}={v}" + (" [DISPUTED]" if k in disputed else "")
        for k, v in fields.items()
        if k not in _HIDDEN
    ]
    # A disputed field the rule could not decide is empty: still name it.
    parts += [f"{k}=? [DISPUTED]" for k in sorted(disputed) if k not in fields]
    lines = ["  ".join(parts)]
    if disputed:
        key = next(iter(type(record).model_fields))
        by_field = _claims_by_field(ds, table, getattr(record, key))
        for name in sorted(disputed):
            said = "; ".join(
                f"{c['value']} ({c['source_id']}: {c['rank']}, {c['reason']})"
                for c in by_field.get(name, [])
            )
            lines.append(f"disputed {name}: {said}")
    return lines


def show_source(source_id: str, path: str | Path | None = None) -> int:
    """Print every record grounded in one source, each with its quotes in text order."""
    ds = load(path) if path else load()
    source = ds.sources.get(source_id)
    if source is None:
        print(
            f"no source {source_id!r}; known: {', '.join(s.source_id for s in ds.sources)}",
            file=sys.stderr,
        )
        return 2
    print(
        f"# {source.title}\n  {source.source_id}  {source.path}  published {source.published_date} "
        f"({source.published_date_basis})\n"
    )
    ev = ds.evidence.arrow
    mine = ev.filter(pc.equal(ev["source_id"], source_id)).sort_by("char_start")
    for row in mine.to_pylist():
        table = getattr(ds, row["record_table"])
        record = table.get(row["record_id"])
        print(f"[{row['char_start']}:{row['char_end']}] {row['record_table']} {row['record_id']}")
        print(f"    “{row['quote']}”")
        if record is not None:
            for line in summary(ds, row["record_table"], record):
                print(f"    {line}")
    return 0
