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
from .cache import BuildCache
from .checks import check_rows, did_you_mean
from .collect import Collected, collect
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
    lists = {f.name for f in schema.fields if f.type == "list"}
    arrow = schema.arrow_schema()
    # Column by column (what from_pylist does, without a dict per row); an absent list is ().
    columns = [
        pa.array(
            [row.get(f.name, ()) if f.name in lists else row.get(f.name) for row in rows], f.type
        )
        for f in arrow
    ]
    table = pa.Table.from_arrays(columns, schema=arrow)
    return table.sort_by([(k, "ascending") for k in schema.primary_key])


#: Required fields sources dispute without a decision (table, record id, field).
Unresolved = frozenset[tuple[str, str, str | None]]


def merged_rows(
    out: Collected,
) -> tuple[dict[str, list[dict[str, Any]]], set[tuple[str, str]], Unresolved]:
    """One row per record of `out.claims` (and its claims rows), with the records that
    lack their key (a mention of an unknown actor: reported in `out.problems`) and the
    required fields left unresolved (reported by the merge, not again by the checks)."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in RESOURCES}
    undefined: set[tuple[str, str]] = set()
    # Required fields sources dispute without a decision: reported once, as that.
    unresolved: set[tuple[str, str, str | None]] = set()
    for table, records in out.claims.items():
        declared = spec(table)
        key = declared.key
        dated = declared.dated
        for record_id, claims in records.items():
            merged = merge(table, record_id, claims)
            row = merged.row
            out.problems += merged.problems
            disputed = {p.field for p in merged.problems if p.code == "unresolved-claims"}
            unresolved |= {(table, record_id, f) for f in disputed}
            if key not in row:
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
                if name not in disputed:  # a default in place of a dispute hides it
                    row.setdefault(name, value)
            if dated is not None and row.get(dated.dates[0]) is None:
                # No source gives a date (or sources dispute it): say so instead of
                # asking every annotator to.
                for column in (dated.precision, dated.basis):
                    if column is not None:
                        row.setdefault(column, "unknown")
            rows[table].append(row)
            rows["claims"] += merged.claims
    return rows, undefined, frozenset(unresolved)


def evidence_rows(
    evidence: dict[tuple[str, str, str, int, int], str], undefined: set[tuple[str, str]]
) -> list[dict[str, Any]]:
    return [
        {
            "record_table": t,
            "record_id": r,
            "source_id": s,
            "char_start": a,
            "char_end": b,
            "quote": q,
        }
        for (t, r, s, a, b), q in evidence.items()
        if (t, r) not in undefined  # reported above; "orphan evidence" would only echo it
    ]


def derive(
    rows: dict[str, list[dict[str, Any]]],
    evidence: list[dict[str, Any]],
    articles: dict[str, Article],
    events: list[dict[str, Any]] | None = None,
) -> None:
    """The columns the build makes: quoted texts from `evidence`, event dates inherited
    (from `events`, by default the rows' own)."""
    for name in RESOURCES:
        quoted = spec(name).quoted
        if quoted is not None and rows[name]:
            built = quoted_text(name, evidence, articles)
            key = spec(name).key
            for row in rows[name]:
                if row[key] in built:
                    row[quoted] = built[row[key]]
    inherit_event_dates(rows["events"] if events is None else events, rows["statements"])


def build_tables(data_dir: Path, *, cache: BuildCache | None = None) -> BuildResult:
    """Everything the package publishes, as typed Arrow tables; raises ProblemsFound.

    With a `cache` (`build.cache`), the rows of records no changed file touches
    come from the last build (`incremental`), or else unchanged annotation files
    are replayed instead of parsed: the result is the same, in a fraction of the
    time.
    """
    if cache is not None:
        from .incremental import rebuild

        fast = rebuild(data_dir, cache)
        if fast is not None:
            return fast
    out, articles = collect(data_dir, cache)
    collect_references(data_dir, out)
    if out.unreadable:
        # A file we could not read leaves its records and mentions missing; reporting
        # "no evidence" or "unknown reference" for them would point away from the cause.
        raise ProblemsFound(out.problems)
    rows, undefined, unresolved = merged_rows(out)
    rows["evidence"] = evidence_rows(out.evidence, undefined)
    derive(rows, rows["evidence"], articles)
    out.problems += check_rows(rows, out.claims, unresolved)
    tables = {name: _typed(name, rows[name]) for name in RESOURCES}
    places = Places(out, tables)
    texts = {sid: a.text.encode("utf-8") for sid, a in articles.items()}
    found = run_rules(Inputs(tables, places.where, texts))
    out.problems += [places.relocate(p) for p in found]
    if out.problems:
        raise ProblemsFound(out.problems)
    result = BuildResult(
        tables, articles, sorted(out.no_fact, key=lambda n: (n["source_id"], n["char_start"]))
    )
    if cache is not None:
        from .snapshot import files_of, owners_of, save

        files = files_of(out, result)
        if files is not None:
            save(cache, result, owners_of(out), files)
    return result
