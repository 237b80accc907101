"""Dataset rules are declared once and run in the build (at YAML lines) and in validate."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from vnfr_data.build import build_tables
from vnfr_data.cli import main
from vnfr_data.errors import Problem, ProblemsFound
from vnfr_data.rules import RULES, Inputs, Rule, Selection
from vnfr_data.validate import validate


def _source_file(root: Path) -> tuple[Path, dict[str, Any]]:
    """The first source file with an event, and its YAML."""
    for path in sorted((root / "annotations").glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(doc, dict) and doc.get("events"):
            return path, doc
    raise AssertionError("no source file with events")


def _write(path: Path, doc: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if text in line)


def _build_problems(root: Path) -> list[Problem]:
    with pytest.raises(ProblemsFound) as info:
        build_tables(root)
    return info.value.problems


def test_a_date_rule_fails_the_build_at_the_yaml_line(data_copy: Path) -> None:
    path, doc = _source_file(data_copy)
    event = doc["events"][0]
    event |= {"date_start": "2020-03-05", "date_end": "2020-03-01", "date_precision": "day"}
    _write(path, doc)
    [problem] = [p for p in _build_problems(data_copy) if p.code == "date-order"]
    assert problem.file is not None and problem.file.endswith(path.name)
    assert problem.field == "date_end" and problem.message == "date_end before date_start"
    # At the line of the field that breaks the rule, inside its record.
    assert problem.row > _line_of(path, f"id: {event['id']}")
    assert "date_end: " in path.read_text(encoding="utf-8").splitlines()[problem.row - 1]


def test_a_dangling_reference_fails_the_build_at_the_line_that_gives_it(data_copy: Path) -> None:
    path, doc = _source_file(data_copy)
    statement = doc["statements"][0]
    statement["event"] = "ev-never-happened"
    _write(path, doc)
    [problem] = [p for p in _build_problems(data_copy) if p.code == "foreign-key"]
    assert problem.file is not None and problem.file.endswith(path.name)
    assert (problem.field, problem.value) == ("event_id", "ev-never-happened")
    assert problem.row is not None and problem.row > _line_of(path, f"id: {statement['id']}")
    line = path.read_text(encoding="utf-8").splitlines()[problem.row - 1]
    assert line.strip() == "event: ev-never-happened"


def test_an_unknown_co_speaker_fails_the_build(data_copy: Path) -> None:
    path, doc = _source_file(data_copy)
    doc["statements"][0]["co_speakers"] = ["nobody-of-that-name"]
    _write(path, doc)
    [problem] = [p for p in _build_problems(data_copy) if p.code == "unknown-reference"]
    assert problem.file is not None and problem.file.endswith(path.name)
    assert (problem.field, problem.value) == ("co_speaker_ids", "nobody-of-that-name")


def test_the_same_rule_reports_the_published_csv_row(data_copy: Path) -> None:
    path = data_copy / "csv" / "statements.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[1][rows[0].index("event_id")] = "ev-never-happened"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    report = validate(data_copy, run_frictionless=False, check_build=False)
    fk = [p for p in report.problems if p.code == "foreign-key"]
    assert [(p.row, p.field, p.value) for p in fk] == [(2, "event_id", "ev-never-happened")]


def test_validate_keeps_only_the_selected_codes(data_copy: Path) -> None:
    (data_copy / "csv" / "events.csv").write_bytes(
        (data_copy / "csv" / "events.csv").read_bytes() + b"\r\n"
    )
    everything = {p.code for p in validate(data_copy, run_frictionless=False).problems}
    assert {"line-ending", "hash-mismatch"} <= everything
    only = validate(
        data_copy, run_frictionless=False, selection=Selection(select={"hash-mismatch"})
    )
    assert {p.code for p in only.problems} == {"hash-mismatch"}
    assert any("not selected" in note for note in only.skipped)
    rest = validate(
        data_copy, run_frictionless=False, selection=Selection(ignore={"hash-mismatch"})
    )
    assert "hash-mismatch" not in {p.code for p in rest.problems} and rest.problems


def test_cli_select_and_ignore(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (data_copy / "csv" / "events.csv").write_bytes(
        (data_copy / "csv" / "events.csv").read_bytes() + b"\r\n"
    )
    args = ["validate", str(data_copy), "--no-frictionless", "--no-build-check", "--format", "json"]
    assert main([*args, "--ignore", "line-ending,hash-mismatch,stale-build,blank-row"]) == 0
    assert json.loads(capsys.readouterr().out)["valid"] is True
    assert main([*args, "--select", "line-ending"]) == 1
    codes = {e["code"] for e in json.loads(capsys.readouterr().out)["errors"]}
    assert codes == {"line-ending"}
    assert main([*args, "--select", "no-such-code"]) == 2
    assert "no-such-code" in capsys.readouterr().err


def test_a_rule_sees_only_the_tables_it_declares_and_reports_only_its_codes() -> None:
    import pyarrow as pa

    seen: list[str] = []

    def peek(data: Inputs) -> list[Problem]:
        seen.extend(data.tables)
        return [Problem("x")]

    table = pa.table({"a": [1]})
    with pytest.raises(RuntimeError, match="undeclared codes problem"):
        Rule("peek", ("events",), (), peek).run(Inputs({"events": table, "figures": table}))
    assert seen == ["events"]


def test_every_rule_declares_real_tables_and_codes() -> None:
    from vnfr_data import errors
    from vnfr_data.schema import RESOURCES

    codes = {p.code for p in errors.catalogue()}
    for r in RULES:
        assert r.tables and set(r.tables) <= set(RESOURCES), r.name
        assert r.emits and set(r.codes) <= codes, r.name
        assert r.summary and not r.summary.startswith(r.name)


def test_a_reference_file_is_checked_at_its_line(data_copy: Path) -> None:
    path = data_copy / "reference" / "crosswalk.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.append(lines[1])  # a record given twice
    bad = lines[2].split(",", 1)
    lines[2] = "no_such_vocabulary," + bad[1]
    path.write_text("".join(lines), encoding="utf-8")
    problems = _build_problems(data_copy)
    twice = [p for p in problems if p.code == "duplicate-id"]
    assert [(p.file and Path(p.file).name, p.row) for p in twice] == [("crosswalk.csv", len(lines))]
    [wrong] = [p for p in problems if p.field == "vocabulary"]
    assert wrong.file is not None and wrong.file.endswith("crosswalk.csv") and wrong.row == 3
