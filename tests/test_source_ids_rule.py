"""The source-ids rule on integer codes finds what a plain set of text keys finds.

The rule numbers each (table, record, source) instead of joining them into text
keys; a joined key is null when any part is, and a null key matches another
null key. The reference below says the rule's meaning with Python tuples and
sets, and small random tables (nulls, duplicate ids, tables the rule does not
read, sources nobody cites) must give the same rows and values.
"""

from __future__ import annotations

import random

import pyarrow as pa
import pytest

from vnfr_data.rules import Inputs
from vnfr_data.rules.claims import check_source_ids

TABLES = ("events", "statements")
KEYS = {"events": "event_id", "statements": "statement_id"}
Key = tuple[str | None, str | None, str | None]


def _key(*parts: str | None) -> Key | None:
    """None when a part is None: the joined text key is null then."""
    return None if any(p is None for p in parts) else (parts[0], parts[1], parts[2])


def _tables(rng: random.Random) -> dict[str, pa.Table]:
    ids = [f"r{i}" for i in range(6)] + [None]
    sources = [f"s{i}" for i in range(5)] + [None]
    tables: dict[str, pa.Table] = {}
    for name in TABLES:
        rows = rng.randint(0, 6)
        tables[name] = pa.table(
            {
                KEYS[name]: pa.array([rng.choice(ids) for _ in range(rows)], pa.string()),
                "source_ids": pa.array(
                    [
                        [rng.choice(sources[:-1]) for _ in range(rng.randint(0, 3))]
                        for _ in range(rows)
                    ],
                    pa.list_(pa.string()),
                ),
            }
        )
    names = [*TABLES, "figures", None]
    for side in ("evidence", "claims"):
        rows = rng.randint(0, 10)
        tables[side] = pa.table(
            {
                "record_table": pa.array([rng.choice(names) for _ in range(rows)], pa.string()),
                "record_id": pa.array([rng.choice(ids) for _ in range(rows)], pa.string()),
                "source_id": pa.array([rng.choice(sources) for _ in range(rows)], pa.string()),
            }
        )
    return tables


def _reference(tables: dict[str, pa.Table]) -> list[tuple[str, int, str | None]]:
    """(file, CSV row, value) of every finding, in the rule's order, from Python sets."""
    listed: list[tuple[str, int, str, Key | None]] = []
    for name in TABLES:
        for row, (rid, items) in enumerate(
            zip(
                tables[name][KEYS[name]].to_pylist(),
                tables[name]["source_ids"].to_pylist(),
                strict=True,
            )
        ):
            listed += [(name, row, item, _key(name, rid, item)) for item in items]
    every = {key for *_, key in listed}

    def side(name: str) -> list[tuple[bool, Key | None]]:
        t = tables[name].to_pylist()
        return [
            (r["record_table"] in TABLES, _key(r["record_table"], r["record_id"], r["source_id"]))
            for r in t
        ]

    evidence, claims = side("evidence"), side("claims")
    cited = {key for _, key in evidence}
    # A null key shows as "None", as the text key's last part did.
    found = [
        (f"{n}.csv", row + 2, item if key is not None else "None")
        for n, row, item, key in listed
        if key not in cited
    ]
    for name, rows in (("evidence", evidence), ("claims", claims)):
        values = tables[name]["source_id"].to_pylist()
        found += [
            (f"{name}.csv", i + 2, values[i])
            for i, (ours, key) in enumerate(rows)
            if ours and key not in every
        ]
    return found


@pytest.mark.parametrize("seed", range(60))
def test_integer_keys_find_what_text_keys_find(seed: int) -> None:
    tables = _tables(random.Random(seed))
    got = [(p.file, p.row, p.value) for p in check_source_ids.run(Inputs(tables))]
    assert got == _reference(tables)


def test_it_can_fail() -> None:
    """A listed source without evidence, evidence and a claim from an unlisted source."""
    tables = {
        "events": pa.table(
            {"event_id": ["e1"], "source_ids": pa.array([["a", "b"]], pa.list_(pa.string()))}
        ),
        "evidence": pa.table(
            {
                "record_table": ["events", "events"],
                "record_id": ["e1", "e1"],
                "source_id": ["a", "c"],
            }
        ),
        "claims": pa.table({"record_table": ["events"], "record_id": ["e1"], "source_id": ["d"]}),
    }
    got = [(p.file, p.row, p.value) for p in check_source_ids.run(Inputs(tables))]
    assert got == [("events.csv", 2, "b"), ("evidence.csv", 3, "c"), ("claims.csv", 2, "d")]
