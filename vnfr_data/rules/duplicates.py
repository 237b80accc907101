"""Duplicate facts: two records of one table that agree in every column but their id.

Two ids for one fact split its evidence and double-count it. Which tables hold
facts with an identity is declared in the table registry.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..arrow_values import string
from ..errors import DuplicateFact, Problem
from ..schema import TABLES
from ..schema.registry import PROVENANCE
from .declare import Inputs, rule
from .equal_rows import equal_groups
from .locate import MAX_REPORTED

#: Fact tables whose records have an identity (kind fact, identity fields declared).
FACTS = tuple(t for t in TABLES if t.kind == "fact" and t.identity)


@rule("duplicate facts", tables=[t.name for t in FACTS], emits=(DuplicateFact,))
def check_duplicate_facts(data: Inputs) -> list[Problem]:
    """No two records of a fact table are identical but for their id."""
    problems: list[Problem] = []
    for spec in FACTS:
        table = data.tables.get(spec.name)
        if table is None or table.num_rows < 2:
            continue
        key = spec.key
        # Which sources support a record and which fields they dispute say nothing of the fact.
        cols = [c for c in table.column_names if c != key and c not in PROVENANCE]
        flat = pa.table(
            {
                c: (
                    pc.binary_join(table[c], string("\x1f"))
                    if pa.types.is_list(table[c].type)
                    else table[c]
                )
                for c in cols
            }
        )
        for rows in equal_groups(flat, cols)[:MAX_REPORTED]:
            ids = [str(table[key][i].as_py()) for i in rows]
            places = data.where.csv_rows(spec.name, np.array(rows, dtype=np.int64))
            problems.append(
                DuplicateFact(
                    f"records {', '.join(ids)} are identical but for their id",
                    file=data.where.file(spec.name),
                    row=int(places[-1]),
                    field=key,
                    value=ids[-1],
                    expected="one record per fact: merge them",
                )
            )
    return problems
