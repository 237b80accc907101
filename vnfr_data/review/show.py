"""`vnfr-data show`: an article's records beside their quotes, for a reviewer."""

from __future__ import annotations

import sys
from pathlib import Path

import pyarrow.compute as pc

from ..read import load


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
        summary = ""
        if record is not None:
            fields = record.model_dump(exclude_none=True)
            summary = "  ".join(f"{k}={v}" for k, v in fields.items() if k not in {"text"})
        print(f"[{row['char_start']}:{row['char_end']}] {row['record_table']} {row['record_id']}")
        print(f"    “{row['quote']}”")
        if summary:
            print(f"    {summary}")
    return 0
