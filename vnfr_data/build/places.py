"""Where a row of the built tables was written: the annotation file and YAML line.

The dataset rules locate their problems at table rows (`rules.locate.Where`).
In the build, the tables come from annotation files, so a rule runs with a
`Where` whose file names are markers, and `relocate` turns each problem's
(table, row) back into the place a contributor typed it: the line of the
claim that gives the problem's field, or of the quote for an evidence row.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pyarrow as pa

from ..errors import Problem
from ..rules.locate import Where
from ..schema import RESOURCES, spec
from .collect import Claim, Collected

#: Stands for "the built table" in a problem's file until `relocate` replaces it.
_MARK = "<built table>:"


def claim_place(
    claims: dict[str, dict[str, list[Claim]]], table: str, record_id: Any, name: str | None
) -> tuple[str | None, int | None]:
    """The file and line of the first claim of a record that gives field `name`."""
    found = claims.get(table, {}).get(str(record_id), [])
    for c in found:
        if name is None or name in c.values:
            return c.file, c.lines.get(name, c.row) if name is not None else c.row
    # Nobody gave the field: point at the record's first (most specific) place.
    return (found[-1].file, found[-1].row) if found else (None, None)


class Places:
    """Maps (table, row of the built table) to the annotation file and line."""

    def __init__(self, out: Collected, tables: dict[str, pa.Table]) -> None:
        self.out = out
        self.tables = tables

    @property
    def where(self) -> Where:
        """What the rules see: a marker for each table's file, rows counted from 2."""
        return Where({name: f"{_MARK}{name}" for name in RESOURCES})

    def relocate(self, problem: Problem) -> Problem:
        """The problem at the annotation line of its row (unchanged when not a table row)."""
        if problem.file is None or not problem.file.startswith(_MARK):
            return problem
        table = problem.file[len(_MARK) :]
        if problem.row is None:  # a summary line ("... and 40 more rows like this")
            return dataclasses.replace(problem, file=None)
        row = self.tables[table].slice(problem.row - 2, 1).to_pylist()[0]
        file, line = self._place(table, row, problem.field)
        field = problem.field
        if table == "claims" and field == "value":
            field = row["field"]  # in the annotation, the claim is the key its source typed
        return dataclasses.replace(problem, file=file, row=line, field=field)

    def _place(
        self, table: str, row: dict[str, Any], field: str | None
    ) -> tuple[str | None, int | None]:
        claims = self.out.claims
        if table == "evidence":
            key = tuple(row[k] for k in spec("evidence").schema.primary_key)
            return self.out.evidence_at.get(key, (None, None))
        if table == "claims":
            for c in claims.get(row["record_table"], {}).get(row["record_id"], []):
                if c.source == row["source_id"]:
                    return c.file, c.lines.get(row["field"], c.row)
            return None, None
        return claim_place(claims, table, spec(table).record_key(row), field)
