"""The claim-records rule, table by table, finds what one set of joined text keys finds.

The rule looks each table's ids up among the few ids its claims name, instead
of building a set of every record's "table/id" key for a handful of claims. The
reference says the rule's meaning with Python sets of (table, id) keys, a key
being None when either part is (a joined text key is null then, and a null key
matches a null key): random small tables with nulls, repeated ids and claims
about tables that were not read must give the same rows.
"""

from __future__ import annotations

import random

import pyarrow as pa
import pytest

from vnfr_data.rules import Inputs
from vnfr_data.rules.claims import check_claim_records

TABLES = {"events": "event_id", "statements": "statement_id"}


def _key(table: str | None, rid: str | None) -> tuple[str, str] | None:
    return None if table is None or rid is None else (table, rid)


def _tables(rng: random.Random) -> dict[str, pa.Table]:
    ids = [f"r{i}" for i in range(5)] + [None]
    tables: dict[str, pa.Table] = {}
    for name, key in TABLES.items():
        if rng.random() < 0.2:
            continue
        rows = rng.randint(0, 5)
        tables[name] = pa.table(
            {key: pa.array([rng.choice(ids) for _ in range(rows)], pa.string())}
        )
    rows = rng.randint(0, 10)
    names = [*TABLES, "figures", None]
    tables["claims"] = pa.table(
        {
            "record_table": pa.array([rng.choice(names) for _ in range(rows)], pa.string()),
            "record_id": pa.array([rng.choice(ids) for _ in range(rows)], pa.string()),
        }
    )
    return tables


def _reference(tables: dict[str, pa.Table]) -> list[int]:
    held = {
        _key(name, rid)
        for name, key in TABLES.items()
        if name in tables
        for rid in tables[name][key].to_pylist()
    }
    return [
        row + 2
        for row, c in enumerate(tables["claims"].to_pylist())
        if _key(c["record_table"], c["record_id"]) not in held
    ]


@pytest.mark.parametrize("seed", range(80))
def test_table_by_table_finds_what_joined_keys_find(seed: int) -> None:
    tables = _tables(random.Random(seed))
    if not any(name in tables for name in TABLES):
        return  # no table to name: the rule has nothing to check
    assert [p.row for p in check_claim_records.run(Inputs(tables))] == _reference(tables)


def test_it_can_fail() -> None:
    tables = {
        "events": pa.table({"event_id": ["e1"]}),
        "claims": pa.table(
            {"record_table": ["events", "events", "figures"], "record_id": ["e1", "e2", "e1"]}
        ),
    }
    assert [(p.row, p.value) for p in check_claim_records.run(Inputs(tables))] == [
        (3, "e2"),
        (4, "e1"),
    ]
