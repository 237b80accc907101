"""Hostile files in a pull request: no link is followed, nothing leaks, nothing crashes.

Links and special files: every file the tools read from a contributed tree
(annotations, articles, the reference crosswalk, resources) must be a regular
file inside it; a link is refused by name and nothing of its target is read.
Inputs that used to give a traceback now give a problem with its file, line
(YAML) or row (CSV), field and expected form.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from vnfr_data.build import build_tables
from vnfr_data.cli import main
from vnfr_data.errors import Problem, ProblemsFound
from vnfr_data.validate import validate

SECRET = "TOP-SECRET-LINE-4711"
SOURCE = "3c061884a9f81943"


@pytest.fixture()
def secret(tmp_path: Path) -> Path:
    """A file outside the package that must never be read or echoed."""
    path = tmp_path / "secret.txt"
    path.write_text(
        f"{SECRET} root:x:0:0:root:/root:/bin/bash. Another sentence of it.\n", encoding="utf-8"
    )
    return path


def _annotation(root: Path) -> Path:
    return root / "annotations" / f"{SOURCE}.yaml"


def _build_problems(root: Path) -> list[Problem]:
    with pytest.raises(ProblemsFound) as info:
        build_tables(root)
    return list(info.value.problems)


def _cli_build(root: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["build", "--data", str(root)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return captured.out + captured.err


def _line_of(path: Path, text: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise LookupError(text)


def _replace(path: Path, old: str, new: str) -> int:
    """Replace the first line holding `old`; returns its line number."""
    line = _line_of(path, old.strip("\n"))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


# -- links and special files ---------------------------------------------------------------


def test_an_annotation_symlinked_to_a_secret_is_refused_without_leaking(
    data_copy: Path, secret: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    evil = data_copy / "annotations" / "ffffffffffffffff.yaml"
    evil.symlink_to(secret)
    problems = _build_problems(data_copy)
    assert [p.code for p in problems if p.file and p.file.endswith(evil.name)] == ["unsafe-file"]
    assert main(["validate", str(data_copy), "--format", "json", "--no-frictionless"]) == 1
    out = capsys.readouterr().out
    assert SECRET not in out and "root:x" not in out and str(secret) not in out
    assert any(
        e["code"] == "unsafe-file" and e["file"].endswith(evil.name)
        for e in json.loads(out)["errors"]
    )


def test_an_annotations_directory_that_is_a_link_is_refused(
    data_copy: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    (data_copy / "annotations").rename(elsewhere)
    (data_copy / "annotations").symlink_to(elsewhere)
    problems = _build_problems(data_copy)
    assert problems and {p.code for p in problems} == {"unsafe-file"}


def test_an_article_symlinked_to_a_secret_prints_none_of_it(
    data_copy: Path, secret: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = next((data_copy / "articles").glob(f"*_{SOURCE}.txt"))
    article.unlink()
    article.symlink_to(secret)
    problems = _build_problems(data_copy)
    [problem] = [p for p in problems if p.code == "unsafe-file"]
    assert problem.file is not None and problem.file.endswith(f"{SOURCE}.yaml")
    assert problem.value == article.name and problem.field == "source.file"
    out = _cli_build(data_copy, capsys)
    assert SECRET not in out and "Another sentence" not in out
    assert main(["validate", str(data_copy), "--format", "json", "--no-frictionless"]) == 1
    out = capsys.readouterr().out
    assert SECRET not in out and "Another sentence" not in out


def test_an_article_linked_to_dev_zero_is_refused_at_once(data_copy: Path) -> None:
    if not Path("/dev/zero").exists():  # pragma: no cover - not on Windows
        pytest.skip("no /dev/zero")
    article = next((data_copy / "articles").glob(f"*_{SOURCE}.txt"))
    article.unlink()
    article.symlink_to("/dev/zero")
    problems = _build_problems(data_copy)
    assert [p.code for p in problems] == ["unsafe-file"]


def test_an_article_that_is_a_fifo_does_not_hang(data_copy: Path) -> None:
    if not hasattr(os, "mkfifo"):  # pragma: no cover - not on Windows
        pytest.skip("no FIFOs")
    article = next((data_copy / "articles").glob(f"*_{SOURCE}.txt"))
    article.unlink()
    os.mkfifo(article)  # opening it for reading would block until a writer comes
    problems = _build_problems(data_copy)
    assert [p.code for p in problems] == ["unsafe-file"]
    assert "not a regular file" in problems[0].message


def test_a_symlinked_crosswalk_is_refused(data_copy: Path, secret: Path) -> None:
    crosswalk = data_copy / "reference" / "crosswalk.csv"
    crosswalk.unlink()
    crosswalk.symlink_to(secret)
    problems = _build_problems(data_copy)
    assert [p.code for p in problems] == ["unsafe-file"]
    assert SECRET not in json.dumps([p.to_dict() for p in problems])


def test_a_source_text_linked_outside_is_refused_by_validate(data_copy: Path, secret: Path) -> None:
    article = next((data_copy / "articles").glob(f"*_{SOURCE}.txt"))
    article.unlink()
    article.symlink_to(secret)
    report = validate(data_copy, run_frictionless=False, check_build=False)
    hits = [p for p in report.problems if p.code == "unsafe-file"]
    assert hits and hits[0].file is not None and hits[0].file.endswith("sources.csv")
    assert hits[0].row is not None and hits[0].field == "path"
    assert SECRET not in json.dumps(report.to_dict())


def test_an_undecodable_file_name_is_reported_on_a_strict_stdout(data_copy: Path) -> None:
    annotation = os.fsencode(_annotation(data_copy))
    os.rename(annotation, os.fsencode(data_copy / "annotations") + b"/\xff\xfe.yaml")
    for command in (["build", "--data"], ["validate", "--no-frictionless", "--format", "json"]):
        done = subprocess.run(
            [sys.executable, "-m", "vnfr_data", *command, str(data_copy)],
            capture_output=True,
            env={**os.environ, "PYTHONIOENCODING": "utf-8:strict", "LC_ALL": "C"},
            check=False,
        )
        out = (done.stdout + done.stderr).decode("utf-8")
        assert done.returncode == 1 and "Traceback" not in out, out[-500:]
        assert "udcff" in out and "udcfe.yaml" in out and "not printable UTF-8" in out


def test_problem_values_are_short_escaped_excerpts() -> None:
    problem = Problem("m", file="a\udcffb.csv", value="x" * 5000 + "\x1b[2J", expected="e\n")
    assert len(problem.value or "") <= 200 and (problem.value or "").endswith("…")
    assert problem.file == "a\\udcffb.csv" and problem.expected == "e\\n"
    str(problem).encode("utf-8")  # prints on any UTF-8 stream


# -- inputs that used to give a traceback --------------------------------------------------


def _one(problems: list[Problem], code: str) -> Problem:
    hits = [p for p in problems if p.code == code]
    assert len(hits) == 1, [str(p) for p in problems]
    return hits[0]


@pytest.mark.parametrize(
    ("date", "code"), [("2025-02-30", "annotation-schema"), ("0000-05-01", "annotation-schema")]
)
def test_an_impossible_published_date_is_an_error_at_its_line(
    data_copy: Path, capsys: pytest.CaptureFixture[str], date: str, code: str
) -> None:
    path = _annotation(data_copy)
    line = _replace(path, "published_date: 2024-10-09", f"published_date: {date}")
    problem = _one(_build_problems(data_copy), code)
    assert problem.file is not None and problem.file.endswith(path.name)
    assert (problem.row, problem.field, problem.value) == (line, "source.published_date", date)
    assert problem.expected is not None and "YYYY-MM-DD" in problem.expected
    assert f"row {line}" in _cli_build(data_copy, capsys)


def test_a_5000_digit_figure_value_is_an_error_at_its_line(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _annotation(data_copy)
    line = _line_of(path, "id: fig-3c061884-01") + 2
    text = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert text[line - 1].strip() == "value: 1"
    text[line - 1] = "    value: " + "7" * 5000 + "\n"
    path.write_text("".join(text), encoding="utf-8")
    problem = _one(_build_problems(data_copy), "yaml-error")
    assert (problem.row, problem.message) == (line, "cannot read this value: number too long")
    assert problem.expected == "a number of at most 38 digits"
    out = _cli_build(data_copy, capsys)
    assert f"row {line}" in out and "7" * 300 not in out


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1" * 60, "38 digits"),
        ("1.1234567", "6 digits after the point"),
        (".inf", "finite number"),
        ("1e400", "finite number"),
    ],
)
def test_a_figure_value_the_table_cannot_hold_is_an_error_at_its_line(
    data_copy: Path, value: str, expected: str
) -> None:
    path = _annotation(data_copy)
    line = _line_of(path, "id: fig-3c061884-01") + 2
    _replace(path, "    value: 1\n", f"    value: {value}\n")
    problem = _one(_build_problems(data_copy), "annotation-schema")
    assert (problem.row, problem.field) == (line, "figures.0.value")
    assert problem.expected is not None and expected in problem.expected


def test_a_complex_yaml_key_is_an_error_at_its_line(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _annotation(data_copy)
    lines = len(path.read_text(encoding="utf-8").splitlines())
    with path.open("a", encoding="utf-8") as handle:
        handle.write("? [a, b]\n: value\n")
    problem = _one(_build_problems(data_copy), "yaml-error")
    assert problem.row == lines + 1 and problem.expected == "key: value"
    assert f"row {lines + 1}" in _cli_build(data_copy, capsys)


def test_a_key_given_twice_is_an_error_not_a_silent_overwrite(data_copy: Path) -> None:
    path = _annotation(data_copy)
    line = _line_of(path, "  published_date: 2024-10-09")
    _replace(
        path,
        "  published_date: 2024-10-09\n",
        "  published_date: 2024-10-09\n  published_date: 2020-01-01\n",
    )
    problem = _one(_build_problems(data_copy), "yaml-error")
    assert problem.row == line + 1 and "appears twice" in problem.message


def test_an_explicit_timestamp_tag_that_is_no_date(data_copy: Path) -> None:
    path = _annotation(data_copy)
    line = _replace(path, "published_date: 2024-10-09", "published_date: !!timestamp 2025-02-30")
    problem = _one(_build_problems(data_copy), "yaml-error")
    assert problem.row == line and problem.expected is not None


def test_a_ragged_row_of_non_utf8_bytes_keeps_its_row_and_the_tables_rules(
    data_copy: Path,
) -> None:
    path = data_copy / "csv" / "events.csv"
    lines = path.read_bytes().split(b"\n")
    lines[3] += b',"\xff\xfe surplus"'  # CSV row 4: one cell too many, not UTF-8
    lines[6] = re.sub(rb'"occurred"', b'"not-a-status"', lines[6], count=1)  # row 7
    assert b"not-a-status" in lines[6]
    path.write_bytes(b"\n".join(lines))
    report = validate(data_copy, run_frictionless=False, check_build=False)
    extra = _one(report.problems, "extra-cell")
    assert extra.row == 4
    status = [p for p in report.problems if p.code == "constraint-error"]
    assert [(p.row, p.field) for p in status] == [(7, "status")]
    assert not any(p.code == "internal-error" for p in report.problems)
    assert not any(s.startswith("events") for s in report.skipped)


def test_a_flipped_bit_in_a_parquet_string_page_is_a_finding(data_copy: Path) -> None:
    """Found in the column's data: every bit of the file's middle, one at a time,
    gives a finding (never an internal error) and never a silent pass."""
    path = data_copy / "parquet" / "evidence.parquet"
    original = path.read_bytes()
    quote = b"France"
    at = original.find(quote)
    if at < 0:  # compressed pages: flip inside the first data page instead
        at = len(original) // 3
    for bit in range(8):
        data = bytearray(original)
        data[at] ^= 1 << bit
        path.write_bytes(bytes(data))
        report = validate(data_copy, run_frictionless=False, check_build=False)
        codes = {p.code for p in report.problems}
        assert "internal-error" not in codes and report.exit_code == 1, codes
        assert codes & {"hash-mismatch", "parquet-error"}


def test_a_bug_of_ours_is_an_internal_error_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Any command that trips over an unforeseen exception says it is our bug, exits 2, and
    prints no traceback; VNFR_DEBUG=1 lets the traceback through for whoever fixes it."""
    import vnfr_data.cli as cli

    def broken(_args: object) -> int:
        raise TypeError("unsupported operand")

    monkeypatch.setattr(cli, "cmd_info", broken)
    monkeypatch.delenv("VNFR_DEBUG", raising=False)
    assert main(["info"]) == 2
    err = capsys.readouterr().err
    assert "internal error" in err and "TypeError: unsupported operand" in err
    assert "Traceback" not in err
    monkeypatch.setenv("VNFR_DEBUG", "1")
    with pytest.raises(TypeError):
        main(["info"])
