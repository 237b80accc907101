"""`vnfr-data validate`: the shipped package is valid; damage is found where it is."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from vnfr_data.cli import main
from vnfr_data.errors import Problem, QuoteMismatch, problem_from_dict
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


def test_the_descriptor_path_works_as_well_as_the_directory(repo: Path) -> None:
    report = validate(repo / "data" / "datapackage.json", run_frictionless=False, check_build=False)
    assert report.exit_code == 0 and report.problems == []


def test_a_crashing_check_is_a_problem_not_a_traceback(
    data_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import vnfr_data.validate.run as module
    from vnfr_data.rules import Inputs, Rule

    def broken(_data: Inputs) -> list[Problem]:
        raise ValueError("boom")

    monkeypatch.setattr(module, "RULES", (Rule("broken", (), (), broken), *module.RULES))
    report = validate(data_copy, run_frictionless=False, check_build=False)
    assert [p.code for p in report.problems] == ["internal-error"]
    assert "rule broken failed: ValueError: boom" in report.problems[0].message
    assert report.exit_code == 2  # no verdict
    assert main(["validate", str(data_copy), "--no-frictionless", "--no-build-check"]) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err and "UNUSABLE" in captured.out


def test_what_only_frictionless_finds_is_kept(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import vnfr_data.validate.run as run

    # Our key-by-key descriptor check would catch it: without it, frictionless does.
    monkeypatch.setattr(run, "check_descriptor_matches", lambda state, report: None)
    path = data_copy / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["resources"][0]["encoding"] = "no-such-encoding"
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    ours = validate(data_copy, run_frictionless=False, check_build=False)
    assert ours.problems == []  # we read CSVs as UTF-8 whatever the descriptor says
    report = validate(data_copy, check_build=False)
    assert {p.code for p in report.problems} == {"frictionless"}
    assert report.exit_code == 1


def test_problems_survive_their_json_form() -> None:
    problem = QuoteMismatch("differs", file="evidence.csv", row=7, field="quote", value="x")
    again = problem_from_dict(json.loads(json.dumps(problem.to_dict())))
    assert again == problem and type(again) is QuoteMismatch


def test_the_json_report_lists_skipped_tables(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (data_copy / "csv" / "claims.csv").write_bytes(b'"record_table","nope"\n')
    args = ["validate", str(data_copy), "--format", "json", "--no-frictionless", "--no-build-check"]
    assert main(args) == 1
    report = json.loads(capsys.readouterr().out)
    assert any(s.startswith("claims:") for s in report["skipped"])
    assert {"missing-label", "extra-label"} <= {e["code"] for e in report["errors"]}


def test_an_uncovered_body_sentence_makes_the_package_invalid(data_copy: Path) -> None:
    import yaml

    files = sorted(p for p in (data_copy / "annotations").glob("*.yaml") if p.name != "actors.yaml")
    docs = {p: yaml.safe_load(p.read_text(encoding="utf-8")) for p in files}
    path = next(p for p, d in docs.items() if d["source"].get("no_fact"))
    doc = docs[path]
    removed = doc["source"]["no_fact"].pop(
        0
    )  # a section heading or caption: nothing else covers it
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    report = validate(data_copy, run_frictionless=False)
    uncovered = [p for p in report.problems if p.code == "uncovered-sentence"]
    assert [p.file and p.file.endswith(path.name) for p in uncovered] == [True]
    assert removed["quote"] in (uncovered[0].value or "")
    assert report.exit_code == 1


def test_children_started_early_are_used_only_on_the_package_opened(
    data_copy: Path, tmp_path: Path
) -> None:
    """The command line starts frictionless and the fresh build before importing the
    checks (`start_early`); validate uses such a child only if it works on the package it
    opened: one started on another file is stopped and started again, one not needed is
    stopped, and none is left running."""
    from vnfr_data.validate.children import start_early, start_frictionless_on

    path = data_copy / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["resources"][0]["encoding"] = "no-such-encoding"  # frictionless finds this
    broken = tmp_path / "broken"
    shutil.copytree(data_copy, broken)
    (broken / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    early = start_early(data_copy, run_frictionless=True, check_build=True)
    assert sorted(early) == ["build", "frictionless"]
    assert early["frictionless"].args == [str(data_copy / "datapackage.json")]
    report = validate(data_copy, started=early)
    assert report.exit_code == 0, report.problems
    assert {"frictionless", "fresh build from annotations"} <= set(report.checked)
    # Frictionless on the broken copy, handed to a validation of the valid one: not used.
    elsewhere = {"frictionless": start_frictionless_on(broken / "datapackage.json")}
    report = validate(data_copy, check_build=False, started=elsewhere)
    assert report.exit_code == 0 and "frictionless" in report.checked
    # And a child no longer wanted is stopped.
    unwanted = start_early(data_copy, run_frictionless=True, check_build=False)
    report = validate(data_copy, run_frictionless=False, check_build=False, started=unwanted)
    assert "frictionless" not in report.checked
    for child in [*early.values(), *elsewhere.values(), *unwanted.values()]:
        assert child.process.poll() is not None
