"""Tombstones hold: no live record uses a withdrawn id (ids are never reused).

Run by the build (placed at the line of annotations/withdrawals.csv) and by
`validate` (at the row of the `withdrawals` table that names the id).
"""

from __future__ import annotations

import pyarrow.compute as pc

from ..arrow_values import FALSE, string
from ..errors import Problem, WithdrawnIdInUse
from ..schema import EVIDENCED, spec
from .declare import Inputs, rule
from .locate import located, maker


@rule("withdrawn ids", tables=(*EVIDENCED, "withdrawals"), emits=(WithdrawnIdInUse,))
def check_withdrawn_ids(data: Inputs) -> list[Problem]:
    """No record of a table has an id that `withdrawals` lists as withdrawn from it."""
    stones = data.tables.get("withdrawals")
    if stones is None or stones.num_rows == 0:
        return []
    where = data.where
    problems: list[Problem] = []
    for name in sorted(set(pc.unique(stones["record_table"]).to_pylist()) - {None}):
        if name not in data.tables:
            continue
        live = data.tables[name][spec(name).key]
        reused = pc.and_(
            pc.equal(stones["record_table"], string(name)),
            pc.is_in(stones["record_id"], value_set=pc.unique(live)),
        )
        problems += located(
            where,
            "withdrawals",
            stones,
            "record_id",
            pc.fill_null(reused, FALSE),
            maker(
                WithdrawnIdInUse,
                f"a withdrawn id names a live {name} record: delete the record, or the "
                "withdrawal if it was never released; a new record needs a new id",
                file=where.file("withdrawals"),
                field="record_id",
                expected=f"an id no longer in {name}",
            ),
        )
    return problems
