"""Every fact row says, without a join, which sources support it and which fields they dispute.

`source_ids` and `disputed_fields` are derived by the build; the claims rules check
them against the evidence and claims tables. These tests pin the columns on every
fact and link table, check them on the data, and edit each by hand in a copy of
the package to show `validate` refuses a row that disagrees with its claims.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pyarrow as pa
import pytest

from vnfr_data import Dataset
from vnfr_data.schema import EVIDENCED, spec, table_schema
from vnfr_data.validate import validate

TALKS = "ev-2024-10-08-talks-lam-macron-paris"
A001 = "9ffa17363db973bd"
LAM_AT_TALKS = f"{TALKS}/to-lam"


@pytest.mark.parametrize("name", EVIDENCED)
def test_every_fact_and_link_table_has_its_provenance_columns(name: str) -> None:
    assert spec(name).kind in ("fact", "link")
    arrow = table_schema(name).arrow_schema()
    assert arrow.field("source_ids").type == pa.list_(pa.string())
    if name == "actors":  # one curated file: no source gives an actor's fields
        assert "disputed_fields" not in arrow.names
    else:
        assert arrow.field("disputed_fields").type == pa.list_(pa.string())


@pytest.mark.parametrize("name", EVIDENCED)
def test_source_ids_are_the_sources_of_each_record_s_evidence(ds: Dataset, name: str) -> None:
    rows = getattr(ds, name).arrow.to_pylist()
    assert rows
    cited: dict[str, set[str]] = {}
    for e in ds.evidence.arrow.to_pylist():
        if e["record_table"] == name:
            cited.setdefault(e["record_id"], set()).add(e["source_id"])
    for row in rows:
        record = spec(name).record_key(row)
        assert row["source_ids"], record
        assert row["source_ids"] == sorted(row["source_ids"]), record  # a stable order
        assert set(row["source_ids"]) == cited[record], record


def test_the_one_dispute_of_the_data_is_marked_in_its_rows(ds: Dataset) -> None:
    """001 calls To Lam 'Vietnamese head of state', 004 names his two offices: a reviewer chose."""
    disputed = {
        (name, spec(name).record_key(row)): tuple(row["disputed_fields"])
        for name in EVIDENCED
        if name != "actors"
        for row in getattr(ds, name).arrow.to_pylist()
        if row["disputed_fields"]
    }
    assert disputed == {
        ("event_participants", LAM_AT_TALKS): ("role",),
        ("event_participants", "ev-2024-10-lam-official-visit-france/to-lam"): ("role",),
    }
    lam = ds.event_participants.get(LAM_AT_TALKS)
    assert lam is not None and lam.role == "Party General Secretary and President"


# -- a row edited by hand disagrees with its claims -------------------------------------------


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def _write(path: Path, rows: list[list[str]]) -> None:
    """As the build writes a CSV: every value quoted, an empty cell (null) bare."""
    lines = [",".join('"' + v.replace('"', '""') + '"' if v else "" for v in r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _edit(data: Path, table: str, record: str, column: str, value: str) -> int:
    """Set one cell of the row whose first cell is `record`; returns its CSV row number."""
    path = data / "csv" / f"{table}.csv"
    rows = _rows(path)
    (i,) = [k for k, r in enumerate(rows) if r[0] == record]
    rows[i][rows[0].index(column)] = value
    _write(path, rows)
    return i + 1


def _mismatches(data: Path) -> list[tuple[str | None, int | None, str | None]]:
    report = validate(data, run_frictionless=False, check_build=False)
    assert report.exit_code == 1
    return [
        (Path(p.file).name if p.file else None, p.row, p.field)
        for p in report.problems
        if p.code == "claim-mismatch"
    ]


def test_a_source_left_out_of_source_ids_is_caught(data_copy: Path) -> None:
    _edit(data_copy, "events", TALKS, "source_ids", "3c061884a9f81943")  # 001 dropped
    found = _mismatches(data_copy)
    assert found and {f for f, _, _ in found} <= {"evidence.csv", "claims.csv"}
    assert ("evidence.csv", "source_id") in {(f, c) for f, _, c in found}


def test_a_source_added_to_source_ids_is_caught(data_copy: Path) -> None:
    row = _edit(
        data_copy, "events", TALKS, "source_ids", "3c061884a9f81943;4e4932886980e1bb;" + A001
    )
    assert _mismatches(data_copy) == [("events.csv", row, "source_ids")]


def test_a_dispute_hidden_from_its_row_is_caught(data_copy: Path) -> None:
    _edit(data_copy, "event_participants", LAM_AT_TALKS, "disputed_fields", "")
    found = _mismatches(data_copy)
    assert found and all(f == "claims.csv" and c == "disputed" for f, _, c in found)


def test_a_field_marked_disputed_without_disputed_claims_is_caught(data_copy: Path) -> None:
    row = _edit(data_copy, "events", TALKS, "disputed_fields", "location")
    assert _mismatches(data_copy) == [("events.csv", row, "disputed_fields")]


def test_a_row_showing_another_value_than_its_preferred_claim_is_caught(data_copy: Path) -> None:
    _edit(data_copy, "events", TALKS, "location", "Lyon")
    found = _mismatches(data_copy)
    assert found and all(f == "claims.csv" and c == "location" for f, _, c in found)
