"""Assemble the published tables: merged rows, evidence and reference data as typed Arrow.

The straight line of the build: collect claims from the annotations, merge each
record's claims, check the rows, then hand typed Arrow tables to `publish`.
Every problem is collected and raised together.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..errors import (
    ProblemsFound,
    UnknownReference,
)
from ..rules import Inputs, run_rules
from ..schema import RESOURCES, spec, table_schema
from ..sources.article import Article
from .checks import check_rows, did_you_mean
from .collect import collect
from .derive import inherit_event_dates, quoted_text
from .merge import merge
from .places import Places
from .reference import collect_references


@dataclass(frozen=True)
class BuildResult:
    tables: dict[str, pa.Table]
    articles: dict[str, Article]
    no_fact: list[dict[str, Any]]


#: Values a row takes when no source gives one (a default is not a claim, so none conflicts).
DEFAULTS: dict[str, dict[str, str]] = {
    "event_participants": {"participation": "participant"},
    "agreement_parties": {"role": "party"},
}


def _typed(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows as the Arrow table of the Table Schema, sorted by primary key."""
    schema = table_schema(name)
    lists = [f.name for f in schema.fields if f.type == "list"]
    full = [{**{k: () for k in lists}, **row} for row in rows]
    table = pa.Table.from_pylist(full, schema=schema.arrow_schema())
    return table.sort_by([(k, "ascending") for k in schema.primary_key])


def build_tables(data_dir: Path) -> BuildResult:
    """Everything the package publishes, as typed Arrow tables; raises ProblemsFound."""
    out, articles = collect(data_dir)
    collect_references(data_dir, out)
    if out.unreadable:
        # A file we could not read leaves its records and mentions missing; reporting
        # "no evidence" or "unknown reference" for them would point away from the cause.
        raise ProblemsFound(out.problems)
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in RESOURCES}
    undefined: set[tuple[str, str]] = set()
    # Required fields sources dispute without a decision: reported once, as that.
    unresolved: set[tuple[str, str, str | None]] = set()
    for table, records in out.claims.items():
        declared = spec(table)
        for record_id, claims in records.items():
            merged = merge(table, record_id, claims)
            row = merged.row
            out.problems += merged.problems
            unresolved |= {
                (table, record_id, p.field)
                for p in merged.problems
                if p.code == "unresolved-claims"
            }
            if declared.key not in row:
                out.problems.append(
                    UnknownReference(
                        "mention of an actor not in actors.yaml",
                        file=claims[0].file,
                        row=claims[0].row,
                        value=record_id,
                        expected=did_you_mean(
                            record_id,
                            (a for a, cl in records.items() if any(c.source is None for c in cl)),
                            "an id defined in actors.yaml (add the actor if it is new)",
                        ),
                    )
                )
                undefined.add((table, record_id))
                continue
            for name, value in DEFAULTS.get(table, {}).items():
                row.setdefault(name, value)
            dated = declared.dated
            if dated is not None and row.get(dated.dates[0]) is None:
                # No source gives a date (or sources dispute it): say so instead of
                # asking every annotator to.
                for column in (dated.precision, dated.basis):
                    if column is not None:
                        row.setdefault(column, "unknown")
            rows[table].append(row)
            rows["claims"] += merged.claims
    rows["evidence"] = [
        {
            "record_table": t,
            "record_id": r,
            "source_id": s,
            "char_start": a,
            "char_end": b,
            "quote": q,
        }
        for (t, r, s, a, b), q in out.evidence.items()
        if (t, r) not in undefined  # reported above; "orphan evidence" would only echo it
    ]
    for name in RESOURCES:
        quoted = spec(name).quoted
        if quoted is not None:
            built = quoted_text(name, rows["evidence"], articles)
            for row in rows[name]:
                if row[spec(name).key] in built:
                    row[quoted] = built[row[spec(name).key]]
    inherit_event_dates(rows["events"], rows["statements"])
    out.problems += check_rows(rows, out.claims, frozenset(unresolved))
    tables = {name: _typed(name, rows[name]) for name in RESOURCES}
    places = Places(out, tables)
    texts = {sid: a.text.encode("utf-8") for sid, a in articles.items()}
    found = run_rules(Inputs(tables, places.where, texts))
    out.problems += [places.relocate(p) for p in found]
    if out.problems:
        raise ProblemsFound(out.problems)
    return BuildResult(
        tables, articles, sorted(out.no_fact, key=lambda n: (n["source_id"], n["char_start"]))
    )
