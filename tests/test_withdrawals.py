"""Tombstones: a withdrawn record keeps its id, with the version and the reason."""

from __future__ import annotations

import csv
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from conftest import replace_parquet

import vnfr_data
from vnfr_data.build import build_tables
from vnfr_data.errors import ProblemsFound
from vnfr_data.validate import validate

HEADER = "record_table,record_id,withdrawn_in,reason\n"


def _first_event(data: Path) -> str:
    with open(data / "csv" / "events.csv", encoding="utf-8", newline="") as handle:
        return next(csv.DictReader(handle))["event_id"]


def test_build_publishes_the_tombstones(data_copy: Path) -> None:
    (data_copy / "annotations" / "withdrawals.csv").write_text(
        HEADER + "events,ev-withdrawn-long-ago,0.2.0,a duplicate of another event\n",
        encoding="utf-8",
    )
    table = build_tables(data_copy).tables["withdrawals"]
    assert table.to_pylist() == [
        {
            "record_table": "events",
            "record_id": "ev-withdrawn-long-ago",
            "withdrawn_in": "0.2.0",
            "reason": "a duplicate of another event",
        }
    ]


def test_build_refuses_a_withdrawn_id_that_a_record_still_uses(data_copy: Path) -> None:
    live = _first_event(data_copy)
    (data_copy / "annotations" / "withdrawals.csv").write_text(
        HEADER + f"events,{live},0.2.0,not supported by the source\n", encoding="utf-8"
    )
    with pytest.raises(ProblemsFound) as caught:
        build_tables(data_copy)
    [problem] = [p for p in caught.value.problems if p.code == "withdrawn-id-in-use"]
    assert problem.file is not None and problem.file.endswith("withdrawals.csv")
    assert problem.row == 2 and problem.value == live


def test_build_refuses_a_malformed_withdrawal(data_copy: Path) -> None:
    (data_copy / "annotations" / "withdrawals.csv").write_text(
        HEADER + "sources,3c061884a9f81943,next,\n", encoding="utf-8"
    )
    with pytest.raises(ProblemsFound) as caught:
        build_tables(data_copy)
    fields = {p.field for p in caught.value.problems if p.row == 2}
    assert {"record_table", "withdrawn_in", "reason"} <= fields


def test_validate_refuses_a_live_record_with_a_withdrawn_id(data_copy: Path) -> None:
    live = _first_event(data_copy)
    path = data_copy / "csv" / "withdrawals.csv"
    path.write_text(HEADER + f"events,{live},0.2.0,not supported\n", encoding="utf-8")
    report = validate(data_copy, run_frictionless=False, check_build=False)
    found = [p for p in report.problems if p.code == "withdrawn-id-in-use"]
    assert found and found[0].row == 2 and found[0].value == live


def test_the_api_says_an_id_was_withdrawn(data_copy: Path) -> None:
    events = pq.read_table(data_copy / "parquet" / "events.parquet")
    gone = events["event_id"][0].as_py()
    replace_parquet(data_copy, "events", events.filter(pc.not_equal(events["event_id"], gone)))
    stones = pq.read_table(data_copy / "parquet" / "withdrawals.parquet")
    row = pa.table(
        {
            "record_table": ["events"],
            "record_id": [gone],
            "withdrawn_in": ["0.2.0"],
            "reason": ["a duplicate of another event"],
        },
        schema=stones.schema,
    )
    replace_parquet(data_copy, "withdrawals", pa.concat_tables([stones, row]))
    ds = vnfr_data.load(data_copy)
    with pytest.raises(KeyError, match=r"withdrawn in version 0\.2\.0: a duplicate of another"):
        ds.events[gone]
    assert ds.events.get(gone) is None
    with pytest.raises(KeyError, match="no events record"):
        ds.events["ev-never-existed"]
