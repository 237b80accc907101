"""`vnfr-data validate`: Frictionless checks plus the dataset's own rules, in one report.

The stages, each on whole columns: open the descriptor safely (`package`); read
each CSV defensively and check its types, constraints and primary key
(`reading`, `constraints`); compare it with its Parquet twin; check foreign
keys, the source texts and the dataset rules across tables (`rules`); run
frictionless on the same files (its findings that repeat ours are dropped);
rebuild from the annotations when the package has them.

All problems are collected; the verdict is 0 (valid), 1 (invalid) or 2 (no
verdict: unusable input, or a check that failed unexpectedly). Nothing here
lets a traceback reach the user: a failing stage becomes a problem of its own.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import RowCount
from ..read.descriptor import csv_path
from ..rules import RULES, Inputs, Selection
from ..schema import RESOURCES, table_schema
from .cells import MAX_CSV_BYTES
from .descriptor_match import check_descriptor_matches
from .files import check_descriptor, check_hash, read_file
from .fresh_build import check_fresh_build
from .frictionless_adapter import run_frictionless as frictionless_checks
from .package import open_package
from .reading import read_table
from .report import UNUSABLE, Report
from .source_texts import check_sources
from .state import PackageState
from .twins import check_twin


def read_resource(state: PackageState, name: str, report: Report) -> None:
    """Read and check the CSV of `name`: the canonical file, the one the descriptor vouches for."""
    pkg = state.pkg
    entry = pkg.entry(name)
    rel = csv_path(name)
    file = str(pkg.root / rel)
    state.files[name] = file
    data = read_file(state, rel, MAX_CSV_BYTES, report)
    if data is None:
        report.skipped.append(f"{name}: no readable file, its rules were skipped")
        return
    state.raw[rel] = data
    check_hash(data, entry.csv if entry is not None else None, file, report)
    result = read_table(data, table_schema(name), file)
    report.problems += result.problems
    if result.table is None:
        report.skipped.append(f"{name}: not readable as its table, its rules were skipped")
        return
    state.tables[name] = result.table
    if result.rows is not None:
        state.rows[name] = result.rows
    declared_rows = entry.rows if entry is not None else None
    read_rows = result.table.num_rows
    if declared_rows is not None and declared_rows != read_rows:
        report.problems.append(
            RowCount(
                f"{read_rows} rows read, the descriptor says {declared_rows}",
                file=file,
                value=str(read_rows),
                expected=str(declared_rows),
            )
        )


def validate(
    path: Path,
    *,
    run_frictionless: bool = True,
    check_build: bool = True,
    selection: Selection | None = None,
) -> Report:
    """Validate the package at `path` (a directory or its datapackage.json); never raises.

    `selection` keeps only the problems of the codes it selects and does not
    ignore (`--select`, `--ignore`). Every check still runs: frictionless's
    findings that repeat ours are recognised by ours, selected or not.
    """
    chosen = selection or Selection()
    report = _validate(Path(path), run_frictionless, check_build)
    kept = [p for p in report.problems if chosen.keeps(p)]
    dropped = len(report.problems) - len(kept)
    if dropped:
        report.skipped.append(f"{dropped} problem(s) of codes not selected (--select/--ignore)")
    report.problems = kept
    return report


def _validate(path: Path, run_frictionless: bool, check_build: bool) -> Report:
    report = Report()
    with report.stage("opening the package"):
        state = PackageState(open_package(path))
    if report.problems:
        return report
    with report.stage("checking the descriptor"):
        check_descriptor(state, report)
    for name in RESOURCES:
        with report.stage(f"reading {name}"):
            read_resource(state, name, report)
        with report.stage(f"comparing {name} with its Parquet twin"):
            check_twin(state, name, report)
    report.checked.append("files, hashes, CSV structure, types, constraints, primary keys")
    report.checked.append("CSV/Parquet twins")
    with report.stage("comparing the descriptor with the build's"):
        check_descriptor_matches(state, report)
    report.checked.append("the descriptor, key by key")
    texts: dict[str, bytes] = {}
    with report.stage("checking the source texts"):
        texts = check_sources(state, report)
    data = Inputs(state.tables, state.where, texts)
    for rule in RULES:
        with report.stage(f"rule {rule.name}"):
            report.problems += rule.run(data)
    report.checked.append("foreign keys, source texts, dataset rules")
    if run_frictionless and report.exit_code != UNUSABLE:
        with report.stage("frictionless"):
            frictionless_checks(state, report)
        report.checked.append("frictionless")
    if check_build and (state.pkg.root / "annotations").is_dir() and report.exit_code != UNUSABLE:
        with report.stage("the fresh build"):
            check_fresh_build(state.pkg, report)
        report.checked.append("fresh build from annotations")
    return report
