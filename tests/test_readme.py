"""The README's quickstart is what CI runs, and its numbers are the data's."""

from __future__ import annotations

import re
from pathlib import Path

from vnfr_data import Dataset


def _commands(readme: str) -> list[str]:
    return re.findall(r"```bash\n(python3 -m venv .+?)\n```", readme)


def test_quickstart_has_two_commands_and_ci_runs_the_test_one(repo: Path) -> None:
    readme = (repo / "README.md").read_text(encoding="utf-8")
    build, test = _commands(readme)
    assert "vnfr-data build" in build and "pytest" in test
    ci = (repo / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test in ci


def test_readme_coverage_totals_match_the_data(repo: Path) -> None:
    from vnfr_data.build import build_tables
    from vnfr_data.review.coverage import coverage_of_build

    report = coverage_of_build(build_tables(repo / "data"))
    items = [s for sentences in report.values() for s in sentences]
    row = (
        len(items),
        *(sum(s.status == k for s in items) for k in ("covered", "no_fact", "uncovered")),
    )
    readme = (repo / "README.md").read_text(encoding="utf-8")
    assert f"| total | {row[0]} | {row[1]} | {row[2]} | {row[3]} |" in readme, (
        "paste the last line of `python scripts/coverage_report.py` into README's Coverage table"
    )


def test_readme_statement_numbers_match_the_data(repo: Path, ds: Dataset) -> None:
    """The Statements section says how many statements, split, dated: the data's numbers."""
    readme = " ".join((repo / "README.md").read_text(encoding="utf-8").split())
    assert "All 112 statements of 0.1.0 were reviewed against their sentences" in readme
    found = re.search(
        r"hold (\d+) statements; (\d+) of them stop before their sentence ends by a "
        r"recorded `split_note`, and all (\d+) are dated",
        readme,
    )
    assert found, "the README's Statements section lost its numbers"
    statements = list(ds.statements)
    assert tuple(int(n) for n in found.groups()) == (
        len(statements),
        sum(1 for s in statements if s.split_note),
        sum(1 for s in statements if s.date is not None),
    )


def test_changelog_has_the_package_version(repo: Path) -> None:
    import vnfr_data

    changelog = (repo / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{vnfr_data.__version__}]" in changelog


def test_readme_python_example_runs(repo: Path) -> None:
    readme = (repo / "README.md").read_text(encoding="utf-8")
    [example] = re.findall(r"```python\n(.+?)\n```", readme, flags=re.S)
    exec(compile(example, "README.md", "exec"), {})
