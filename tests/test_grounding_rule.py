"""The grounding rule in one pass finds what a plain set per table finds.

The rule numbers every record id (the evidence's and each table's) with one
dictionary and checks every table at once, instead of filtering the evidence
once per table. The reference below says the rule's meaning with Python sets,
one table at a time: a record whose id no evidence row of its table cites is
missing its evidence; an evidence row whose id is not one of its table's
records is an orphan (a null id matches a null id, as Arrow's `is_in` does).
Small random tables (nulls, repeated ids, evidence of tables not read, ids of
one table cited for another) must give the same problems in the same order.
"""

from __future__ import annotations

import random

import pyarrow as pa
import pytest

from vnfr_data.rules import Inputs
from vnfr_data.rules.evidence import check_grounding

#: Three evidenced tables in the rule's order (EVIDENCED's), and one it is not given.
TABLES = {"actors": "actor_id", "events": "event_id", "statements": "statement_id"}


def _tables(rng: random.Random) -> dict[str, pa.Table]:
    ids = [f"r{i}" for i in range(6)] + [None]
    tables: dict[str, pa.Table] = {}
    for name, key in TABLES.items():
        if rng.random() < 0.15:  # a table that could not be read
            continue
        rows = rng.randint(0, 6)
        tables[name] = pa.table(
            {key: pa.array([rng.choice(ids) for _ in range(rows)], pa.string())}
        )
    names = [*TABLES, "figures", None]
    rows = rng.randint(0, 12)
    tables["evidence"] = pa.table(
        {
            "record_table": pa.array([rng.choice(names) for _ in range(rows)], pa.string()),
            "record_id": pa.array([rng.choice(ids) for _ in range(rows)], pa.string()),
        }
    )
    return tables


def _reference(tables: dict[str, pa.Table]) -> list[tuple[str, str, int, str | None]]:
    """(code, file, CSV row, value) of every finding, in the rule's order, from Python sets."""
    ev = tables["evidence"].to_pylist()
    found: list[tuple[str, str, int, str | None]] = []
    for name, key in TABLES.items():
        if name not in tables:
            continue
        ids = tables[name][key].to_pylist()
        cited = {r["record_id"] for r in ev if r["record_table"] == name}
        found += [
            ("missing-evidence", f"{name}.csv", row + 2, rid)
            for row, rid in enumerate(ids)
            if rid not in cited
        ]
        held = set(ids)
        found += [
            ("orphan-evidence", "evidence.csv", row + 2, r["record_id"])
            for row, r in enumerate(ev)
            if r["record_table"] == name and r["record_id"] not in held
        ]
    return found


def _found(tables: dict[str, pa.Table]) -> list[tuple[str, str, int, str | None]]:
    return [
        (p.code, p.file or "", p.row or 0, p.value) for p in check_grounding.run(Inputs(tables))
    ]


@pytest.mark.parametrize("seed", range(80))
def test_one_pass_finds_what_each_table_alone_finds(seed: int) -> None:
    tables = _tables(random.Random(seed))
    assert _found(tables) == _reference(tables)


def test_it_can_fail() -> None:
    """A record without evidence, evidence of a record that does not exist, and evidence
    citing another table's id."""
    tables = {
        "events": pa.table({"event_id": ["e1", "e2"]}),
        "statements": pa.table({"statement_id": ["s1"]}),
        "evidence": pa.table(
            {
                "record_table": ["events", "events", "statements", "figures"],
                "record_id": ["e1", "e9", "e2", "f1"],
            }
        ),
    }
    assert _found(tables) == [
        ("missing-evidence", "events.csv", 3, "e2"),
        ("orphan-evidence", "evidence.csv", 3, "e9"),
        ("missing-evidence", "statements.csv", 2, "s1"),
        ("orphan-evidence", "evidence.csv", 4, "e2"),
    ]
