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

import os
from collections.abc import Callable, Mapping
from concurrent.futures import Executor, ThreadPoolExecutor
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa

from ..errors import RowCount
from ..read.descriptor import csv_path
from ..rules import RULES, Inputs, Rule, Selection
from ..rules.declare import Shared
from ..schema import RESOURCES, table_schema
from .cells import MAX_CSV_BYTES
from .descriptor_match import check_descriptor_matches
from .files import check_descriptor, check_hash, read_file
from .package import open_package
from .reading import read_table
from .report import UNUSABLE, Report, Stage
from .source_texts import check_sources
from .state import PackageState
from .twins import check_twin

if TYPE_CHECKING:
    from .children import Child


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
    check_hash(state, rel, data, entry.csv if entry is not None else None, report)
    result = read_table(data, table_schema(name), file)
    report.problems += result.problems
    if result.table is None:
        report.skipped.append(f"{name}: not readable as its table, its rules were skipped")
        return
    state.tables[name] = result.table
    if result.rows is not None and not _every_row(result.rows):
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


def _every_row(rows: np.ndarray) -> bool:
    """True when the table holds every data row of its file, in order (CSV rows 2, 3, ...):
    a row's place then says its CSV row, and 8 bytes a row need not be kept for it."""
    return len(rows) == 0 or (int(rows[0]) == 2 and int(rows[-1]) == len(rows) + 1)


def validate(
    path: Path,
    *,
    run_frictionless: bool = True,
    check_build: bool = True,
    selection: Selection | None = None,
    workers: int | None = None,
    started: Mapping[str, Child] | None = None,
) -> Report:
    """Validate the package at `path` (a directory or its datapackage.json); never raises.

    `selection` keeps only the problems of the codes it selects and does not
    ignore (`--select`, `--ignore`). Every check still runs: frictionless's
    findings that repeat ours are recognised by ours, selected or not.

    Frictionless and the fresh build start first, each in a child process; the
    checks of this process run on `workers` threads (default: the cores). The
    report lists the findings in the same order whatever ran beside what.
    `started` holds those children when the caller started them already
    (`children.start_early`); each is used if it works on the package opened
    here, else stopped, and the children not needed are stopped too.
    """
    chosen = selection or Selection()
    report = _validate(Path(path), run_frictionless, check_build, workers, dict(started or {}))
    report.causes_first()
    kept = [p for p in report.problems if chosen.keeps(p)]
    dropped = len(report.problems) - len(kept)
    if dropped:
        report.skipped.append(f"{dropped} problem(s) of codes not selected (--select/--ignore)")
    report.problems = kept
    return report


#: How long Arrow's jemalloc pool keeps freed pages for reuse on the command line. At 0 every
#: freed page goes back to the system and the next allocation faults it in again (a third of
#: the CPU of a million-row validation is the kernel's), but the peak stays what the checks
#: hold. 200 ms saved about 0.6 s of CPU (of 7) on the 1 M-evidence package, and its peak grew
#: with the machine's speed: 571-614 MB on 2026-12-04 against frictionless's 603 MB, where 0
#: gave 500-524 MB. The peak target (no higher than frictionless's) is the one kept.
DECAY_MS = 0


def release_memory_eagerly() -> None:
    """For a process that validates and exits (the command line): Arrow's jemalloc pool,
    returning freed pages to the system soon (`DECAY_MS`), so that the peak is what the
    checks hold rather than what the allocator kept (a fifth less on a million rows than
    the default pool). A library call leaves the caller's allocator alone."""
    try:
        pool = pa.jemalloc_memory_pool()
    except NotImplementedError:  # a pyarrow built without it (Windows)
        return
    pa.set_memory_pool(pool)
    pa.jemalloc_set_decay_ms(DECAY_MS)


def _released(work: Callable[[Report], None]) -> Callable[[Report], None]:
    """`work`, then what it freed returned to the system at once, not when the allocator
    gets round to it: what a stage read or computed (bytes, parse buffers, temporaries)
    does not add to the next stage's peak."""

    def run(part: Report) -> None:
        work(part)
        pa.default_memory_pool().release_unused()

    return run


def _workers() -> int:
    """Threads for the checks: the cores this process may use (Arrow and numpy release the
    GIL, so the column work of two tables runs side by side)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 4))


def _sizes(state: PackageState) -> dict[str, int]:
    """The bytes of each table's CSV, as the descriptor says (0 when it says nothing)."""
    sizes = {}
    for name in RESOURCES:
        entry = state.pkg.entry(name)
        sizes[name] = entry.csv.bytes if entry and entry.csv else 0
    return sizes


def _validate(
    path: Path,
    run_frictionless: bool,
    check_build: bool,
    workers: int | None,
    children: dict[str, Child],
) -> Report:
    report = Report()
    try:
        with report.stage("opening the package"):
            state = PackageState(open_package(path))
        if report.problems:
            return report
        with report.stage("starting frictionless and the fresh build"):
            # Imported here: without them (`--no-frictionless --no-build-check`) the
            # child processes' machinery (subprocess, tempfile) is never loaded.
            wanted = {
                "frictionless": [str(state.pkg.descriptor_path)] if run_frictionless else None,
                "build": [str(state.pkg.root)]
                if check_build and (state.pkg.root / "annotations").is_dir()
                else None,
            }
            for name, args in wanted.items():
                early = children.get(name)
                if early is not None and early.args != args:  # not needed, or another file
                    children.pop(name).discard()
            if wanted["frictionless"] is not None and "frictionless" not in children:
                from .frictionless_adapter import start_frictionless

                children["frictionless"] = start_frictionless(state)
            if wanted["build"] is not None and "build" not in children:
                from .fresh_build import start_fresh_build

                children["build"] = start_fresh_build(state.pkg)
        count = _workers() if workers is None else workers
        with ThreadPoolExecutor(count) if count > 1 else nullcontext() as pool:
            _check(state, report, pool, count)
        if "frictionless" in children and report.exit_code != UNUSABLE:
            from .frictionless_adapter import run_frictionless as frictionless_checks

            with report.stage("frictionless"):
                frictionless_checks(state, report, children.pop("frictionless"))
            report.checked.append("frictionless")
        if "build" in children and report.exit_code != UNUSABLE:
            from .fresh_build import check_fresh_build

            with report.stage("the fresh build"):
                check_fresh_build(state.pkg, report, children.pop("build"))
            report.checked.append("fresh build from annotations")
    finally:
        for child in children.values():
            child.discard()
    return report


def _check(state: PackageState, report: Report, pool: Executor | None, workers: int) -> None:
    """Everything this process checks: each file, then across files. A stage starts as
    soon as what it reads is read (a rule on the small tables while the evidence is
    still being read); the findings are merged in the order they would have had one
    after the other: the files, then the descriptor and the source texts, then the
    rules in their order."""
    with report.stage("checking the descriptor"):
        check_descriptor(state, report)

    def read(name: str) -> Callable[[Report], None]:
        return _released(lambda part: read_resource(state, name, part))

    def compare(name: str) -> Callable[[Report], None]:
        return _released(lambda part: check_twin(state, name, part))

    sizes = _sizes(state)
    # The largest first, so that the shortest fill in around them; but the sources
    # before all, and their texts next: every rule waits for those. A twin is compared
    # once its CSV is read; no rule waits for that.
    first = -(sum(sizes.values()) + 1)
    reads = []
    for name in RESOURCES:
        rank = first if name == "sources" else -sizes[name]
        reads.append(Stage(f"reading {name}", read(name), rank=rank))
        reads.append(
            Stage(
                f"comparing {name} with its Parquet twin",
                compare(name),
                needs=(f"reading {name}",),
                rank=rank,
            )
        )
    texts: dict[str, bytes] = {}
    shared = Shared()

    def descriptor(part: Report) -> None:
        check_descriptor_matches(state, part)

    def sources(part: Report) -> None:
        texts.update(check_sources(state, part))

    between = [
        Stage(
            "comparing the descriptor with the build's",
            descriptor,
            needs=tuple(stage.name for stage in reads),
        ),
        Stage("checking the source texts", sources, needs=("reading sources",), rank=first),
    ]

    def rule_stage(rule: Rule) -> Callable[[Report], None]:
        def work(part: Report) -> None:
            # The tables it reads, in schema order, once they are read (or could not be).
            tables = {
                n: state.tables[n] for n in RESOURCES if n in rule.tables and n in state.tables
            }
            part.problems.extend(rule.run(Inputs(tables, state.where, texts, shared)))

        return _released(work)

    rules = [
        Stage(
            f"rule {rule.name}",
            rule_stage(rule),
            # The source texts first: a rule may read them.
            needs=(
                *(f"reading {n}" for n in rule.tables if n in RESOURCES),
                "checking the source texts",
            ),
            heavy=rule.heavy,
        )
        for rule in RULES
    ]
    parts = Report()
    parts.run_stages(pool, [*reads, *between, *rules], workers)
    # Tables in schema order, as one after the other would have stored them.
    state.tables = {name: state.tables[name] for name in RESOURCES if name in state.tables}
    # The parts' reports in stage order; what was checked said after each group of them.
    report.problems += parts.problems
    report.skipped += parts.skipped
    report.checked.append("files, hashes, CSV structure, types, constraints, primary keys")
    report.checked.append("CSV/Parquet twins")
    report.checked.append("the descriptor, key by key")
    report.checked.append("foreign keys, source texts, dataset rules")
