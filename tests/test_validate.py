"""`vnfr-data validate`: the shipped package is valid; damage is found where it is."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from vnfr_data.cli import main
from vnfr_data.validate import validate


def test_shipped_package_is_valid(repo: Path) -> None:
    report = validate(repo / "data")
    assert report.problems == []
    assert report.exit_code == 0
    assert "frictionless" in report.checked and "fresh build from annotations" in report.checked


def _rewrite_cell(path: Path, row: int, column: str, value: str) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[row - 1][rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def test_a_changed_quote_is_reported_at_its_row(data_copy: Path) -> None:
    _rewrite_cell(data_copy / "csv" / "evidence.csv", 3, "quote", "something else entirely")
    report = validate(data_copy, run_frictionless=False, check_build=False)
    found = [p for p in report.problems if p.code == "quote-mismatch"]
    assert [(p.row, p.field) for p in found] == [(3, "quote")]
    assert any(p.code == "hash-mismatch" for p in report.problems)
    assert any(p.code == "twin-mismatch" for p in report.problems)
    assert report.exit_code == 1


def test_an_edited_source_text_breaks_its_checksum(data_copy: Path) -> None:
    article = next((data_copy / "articles").glob("*.txt"))
    article.write_bytes(article.read_bytes() + b" ")
    report = validate(data_copy, run_frictionless=False, check_build=False)
    assert any(p.code == "hash-mismatch" and p.field == "sha256" for p in report.problems)


def test_stale_tables_are_reported(data_copy: Path) -> None:
    (data_copy / "annotations" / "actors.yaml").write_text(
        (data_copy / "annotations" / "actors.yaml")
        .read_text(encoding="utf-8")
        .replace("name: France,", "name: French Republic,"),
        encoding="utf-8",
    )
    report = validate(data_copy, run_frictionless=False)
    assert any(
        p.code == "stale-build" and p.file and p.file.endswith("actors.csv")
        for p in report.problems
    )


def test_resource_path_leaving_the_package_is_unusable(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    descriptor = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"][0]["path"] = "../../etc/passwd"
    (data_copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    assert main(["validate", str(data_copy)]) == 2
    assert "leaves the package" in capsys.readouterr().out


def test_missing_path_is_unusable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "nowhere")]) == 2
    assert "Traceback" not in capsys.readouterr().out


def test_json_format(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _rewrite_cell(data_copy / "csv" / "evidence.csv", 2, "quote", "nope")
    assert (
        main(
            [
                "validate",
                str(data_copy),
                "--format",
                "json",
                "--no-frictionless",
                "--no-build-check",
            ]
        )
        == 1
    )
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] is False
    codes = {e["code"] for e in report["errors"]}
    assert "quote-mismatch" in codes
    err = next(e for e in report["errors"] if e["code"] == "quote-mismatch")
    assert err["row"] == 2 and err["field"] == "quote" and err["file"].endswith("evidence.csv")
