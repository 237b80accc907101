"""An id a source claims must exist, even where the row shows another source's value.

Two sources giving an event different `part_of` values is a dispute; one of them
misspelling the id is a typo. Before this rule the typo passed as a dispute: the
row showed no `part_of`, build and validate were clean.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from vnfr_data.build import build_tables
from vnfr_data.errors import ProblemsFound
from vnfr_data.validate import validate

A004 = "3c061884a9f81943"
RIGHT = "part_of: ev-2024-10-lam-official-visit-france"
TYPO = "part_of: ev-2024-10-lam-oficial-visit-france"


def test_a_misspelt_id_in_a_disputed_claim_is_an_error_at_its_line(data_copy: Path) -> None:
    path = data_copy / "annotations" / f"{A004}.yaml"
    text = path.read_text(encoding="utf-8")
    assert RIGHT in text  # 001 gives the talks the same part_of: the typo makes a dispute
    path.write_text(text.replace(RIGHT, TYPO, 1), encoding="utf-8")
    with pytest.raises(ProblemsFound) as caught:
        build_tables(data_copy)
    (found,) = caught.value.problems
    assert found.code == "foreign-key" and found.field == "part_of"
    assert found.file is not None and found.file.endswith(f"{A004}.yaml")
    assert found.row is not None
    assert path.read_text(encoding="utf-8").splitlines()[found.row - 1].strip() == TYPO
    assert found.expected is not None
    assert "did you mean ev-2024-10-lam-official-visit-france" in found.expected


def test_a_claim_naming_no_record_is_caught_in_the_published_tables(data_copy: Path) -> None:
    path = data_copy / "csv" / "claims.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    head = rows[0]
    at = {name: head.index(name) for name in ("field", "value", "rank")}
    i = next(
        k
        for k, r in enumerate(rows)
        if r[at["field"]] == "part_of" and r[at["value"]] == "ev-2024-10-lam-official-visit-france"
    )
    rows[i][at["value"]] = "ev-2024-10-lam-oficial-visit-france"
    rows[i][at["rank"]] = "normal"
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    report = validate(data_copy, run_frictionless=False, check_build=False)
    found = [p for p in report.problems if p.code == "foreign-key"]
    assert [(p.row, p.field, p.value) for p in found] == [
        (i + 1, "value", "ev-2024-10-lam-oficial-visit-france")
    ]
    assert str(found[0].file).endswith("claims.csv") and report.exit_code == 1


def test_the_rule_passes_on_the_data(repo: Path) -> None:
    report = validate(repo / "data", run_frictionless=False, check_build=False)
    assert [p for p in report.problems if p.code == "foreign-key"] == []
