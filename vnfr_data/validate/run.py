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

import hashlib
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .constraints import check_foreign_keys
from .errors import (
    EncodingError,
    FileTooLarge,
    FrictionlessError,
    HashMismatch,
    InternalError,
    MissingFile,
    ParquetError,
    Problem,
    ProblemsFound,
    RowCount,
    SchemaMismatch,
    SourceMismatch,
    TwinMismatch,
    UnusableInput,
    YamlError,
    problem_from_dict,
)
from .locate import Where, located, maker
from .package import PackageDir, open_package, read_limited, safe_relative
from .reading import read_table
from .rules import RULES, Tables, check_evidence_quotes
from .schema import RESOURCES, table_schema
from .tables_io import MAX_CSV_BYTES

VALID, INVALID, UNUSABLE = 0, 1, 2
#: The fresh build of the annotations is stopped after this long (it takes ~1 s).
FRESH_BUILD_SECONDS = 300
#: A source text larger than this is refused (the corpus's articles are ~10 kB).
MAX_SOURCE_BYTES = 64 * 1024 * 1024
#: Frictionless error types that are our codes under another name.
_SAME_AS = {
    "hash-count": "hash-mismatch",
    "byte-count": "hash-mismatch",
    "source-error": "empty-file",
    "scheme-error": "missing-file",
}


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        if any(p.fatal for p in self.problems):
            return UNUSABLE
        return INVALID if self.problems else VALID

    def grouped(self) -> dict[str, list[Problem]]:
        out: dict[str, list[Problem]] = {}
        for p in self.problems:
            out.setdefault(p.file or "<package>", []).append(p)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "valid": self.exit_code == VALID,
            "exit_code": self.exit_code,
            "checked": self.checked,
            "skipped": self.skipped,
            "error_count": len(self.problems),
            "errors": [p.to_dict() for p in self.problems],
        }

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Run one stage; an unexpected exception becomes an internal-error problem."""
        try:
            yield
        except ProblemsFound as exc:
            self.problems += exc.problems
        except Exception as exc:  # noqa: BLE001 - the point: no traceback for any input
            self.problems.append(
                InternalError(f"{name} failed: {type(exc).__name__}: {str(exc)[:300]}")
            )


def _read_file(path: Path | None, shown: str, limit: int, report: Report) -> bytes | None:
    """A file's bytes, or None with the problem reported (missing, special, too large)."""
    if path is None or not path.is_file():
        what = "missing" if path is None or not path.exists() else "not a regular file"
        report.problems.append(MissingFile(f"file {what}", file=shown))
        return None
    data = read_limited(path, limit)
    if data is None:
        report.problems.append(
            FileTooLarge("file too large to validate", file=shown, expected=f"<= {limit} bytes")
        )
    return data


def _check_hash(data: bytes, declared: Any, size: Any, file: str, report: Report) -> None:
    if isinstance(size, int) and size != len(data):
        report.problems.append(
            HashMismatch(
                f"file has {len(data)} bytes, the descriptor says {size}",
                file=file,
                field="bytes",
                value=str(len(data)),
                expected=str(size),
            )
        )
    if isinstance(declared, str):
        algo, _, digest = declared.partition(":") if ":" in declared else ("md5", "", declared)
        if algo not in hashlib.algorithms_guaranteed:
            report.problems.append(
                HashMismatch(f"unknown hash algorithm {algo!r}", file=file, field="hash")
            )
            return
        actual = hashlib.new(algo, data).hexdigest()
        if actual != digest:
            report.problems.append(
                HashMismatch(
                    f"{algo} of the file differs from the descriptor's (file edited after "
                    "the build?)",
                    file=file,
                    field="hash",
                    value=actual,
                    expected=digest,
                )
            )


@dataclass
class _State:
    pkg: PackageDir
    tables: Tables = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    rows: dict[str, np.ndarray] = field(default_factory=dict)

    @property
    def where(self) -> Where:
        return Where(self.files, self.rows)


def _check_descriptor(state: _State, report: Report) -> None:
    for i, res in enumerate(state.pkg.descriptor["resources"]):
        name = res.get("name")
        if name not in RESOURCES:
            continue
        expected = {k: v for k, v in table_schema(name).descriptor.items() if k != "$schema"}
        if res.get("schema") != expected:
            report.problems.append(
                SchemaMismatch(
                    f"the schema of resource {name!r} differs from schemas/{name}.json",
                    file=str(state.pkg.descriptor_path),
                    field=f"resources[{i}].schema",
                    expected=f"schemas/{name}.json (run `vnfr-data build`)",
                )
            )


def _read_resource(state: _State, name: str, report: Report) -> None:
    pkg = state.pkg
    res = pkg.resource(name)
    if res is None:
        report.problems.append(
            UnusableInput(
                f"resource {name!r} missing from the descriptor",
                file=str(pkg.descriptor_path),
                expected=", ".join(RESOURCES),
            )
        )
        return
    if res.get("path") is None:
        report.problems.append(
            MissingFile(
                f"resource {name!r} has no path (inline data is not part of this package format)",
                file=str(pkg.descriptor_path),
                field=f"resources[{name}].path",
                expected=f"csv/{name}.csv",
            )
        )
        report.skipped.append(f"{name}: no file, its rules were skipped")
        return
    path = safe_relative(pkg.root, res.get("path"))
    file = str(path) if path is not None else str(res.get("path"))
    state.files[name] = file
    data = _read_file(path, file, MAX_CSV_BYTES, report)
    if data is None:
        report.skipped.append(f"{name}: no readable file, its rules were skipped")
        return
    _check_hash(data, res.get("hash"), res.get("bytes"), file, report)
    result = read_table(data, table_schema(name), file)
    report.problems += result.problems
    if result.table is None:
        report.skipped.append(f"{name}: not readable as its table, its rules were skipped")
        return
    state.tables[name] = result.table
    if result.rows is not None:
        state.rows[name] = result.rows
    declared_rows = res.get("rows")
    read_rows = result.table.num_rows
    if isinstance(declared_rows, int) and declared_rows != read_rows:
        report.problems.append(
            RowCount(
                f"{read_rows} rows read, the descriptor says {declared_rows}",
                file=file,
                value=str(read_rows),
                expected=str(declared_rows),
            )
        )


def _check_twin(state: _State, name: str, report: Report) -> None:
    res = state.pkg.resource(name) or {}
    twin = res.get("vnfr:parquet")
    if not isinstance(twin, dict):
        return
    path = safe_relative(state.pkg.root, twin.get("path"))
    file = str(path) if path is not None else str(twin.get("path"))
    data = _read_file(path, file, MAX_CSV_BYTES, report)
    if data is None:
        return
    _check_hash(data, twin.get("hash"), twin.get("bytes"), file, report)
    table = state.tables.get(name)
    try:
        handle = pq.ParquetFile(io.BytesIO(data))
        meta = handle.metadata
        if table is not None and meta.num_rows != table.num_rows:
            report.problems.append(
                TwinMismatch(
                    f"Parquet has {meta.num_rows} rows, the CSV {table.num_rows}",
                    file=file,
                    value=str(meta.num_rows),
                    expected=str(table.num_rows),
                )
            )
            return
        unpacked = sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))
        if unpacked > max(16 * len(data), 1 << 28):
            report.problems.append(
                ParquetError(
                    f"Parquet declares {unpacked} bytes uncompressed from {len(data)}: refused",
                    file=file,
                )
            )
            return
        parquet = handle.read()
    except (pa.ArrowException, OSError, ValueError) as exc:
        report.problems.append(
            ParquetError(
                f"Parquet file cannot be read (truncated or corrupt?): {str(exc)[:200]}",
                file=file,
                expected="a Parquet file as `vnfr-data build` writes it",
            )
        )
        return
    fingerprint = table_schema(name).fingerprint()
    stored = (parquet.schema.metadata or {}).get(b"vnfr:schema_fingerprint", b"")
    if stored.decode("utf-8", "replace") != fingerprint:
        report.problems.append(
            TwinMismatch(
                "Parquet schema fingerprint differs from the Table Schema",
                file=file,
                value=stored.decode("utf-8", "replace"),
                expected=fingerprint,
            )
        )
    if table is None:
        return
    parquet = parquet.replace_schema_metadata(None)
    if not parquet.schema.equals(table.schema):
        report.problems.append(
            TwinMismatch(
                "Parquet columns or types differ from the Table Schema",
                file=file,
                value=str(parquet.schema)[:200],
                expected=str(table.schema)[:200],
            )
        )
        return
    if parquet.equals(table):
        return
    where = state.where
    for column in table.column_names:
        ours, theirs = _comparable(table[column]), _comparable(parquet[column])
        differs = pc.or_(
            pc.xor(pc.is_null(ours), pc.is_null(theirs)),
            pc.fill_null(pc.not_equal(ours, theirs), False),
        )
        report.problems += located(
            where,
            name,
            parquet,
            column,
            differs,
            maker(
                TwinMismatch,
                "Parquet cell (shown) differs from the CSV cell at this row",
                file=file,
                field=column,
            ),
        )


def _comparable(column: pa.ChunkedArray) -> pa.ChunkedArray:
    if pa.types.is_list(column.type):
        # Item boundaries matter: join with a separator no item contains, and count items.
        joined = pc.binary_join(column, "\x1f")
        return pc.binary_join_element_wise(
            pc.cast(pc.list_value_length(column), pa.string()), joined, "\x1e"
        )
    return column


def _check_sources(state: _State, report: Report) -> dict[str, bytes]:
    """Each source text exists, matches its sha256 and length, and is UTF-8."""
    texts: dict[str, bytes] = {}
    if "sources" not in state.tables:
        return texts
    src = state.tables["sources"]
    file = state.files["sources"]
    csv_rows = state.where.csv_rows("sources", np.arange(src.num_rows, dtype=np.int64))
    columns = ["source_id", "path", "sha256", "char_count", "body_start", "body_end"]
    for row, rec in zip(csv_rows, src.select(columns).to_pylist(), strict=True):
        row = int(row)
        path = safe_relative(state.pkg.root, rec["path"])
        if path is None or not path.is_file():
            report.problems.append(
                MissingFile(
                    "source text missing (or outside the package)",
                    file=file,
                    row=row,
                    field="path",
                    value=str(rec["path"]),
                )
            )
            continue
        raw = _read_file(path, str(path), MAX_SOURCE_BYTES, report)
        if raw is None:
            continue
        if hashlib.sha256(raw).hexdigest() != rec["sha256"]:
            report.problems.append(
                HashMismatch(
                    "sha256 differs from the source text (article files are never edited)",
                    file=file,
                    row=row,
                    field="sha256",
                    value=rec["sha256"],
                    expected=hashlib.sha256(raw).hexdigest(),
                )
            )
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            report.problems.append(
                EncodingError(
                    f"source text is not UTF-8 (byte {exc.start})",
                    file=str(path),
                    expected="UTF-8 text",
                )
            )
            continue
        texts[rec["source_id"]] = raw
        for column, ok, expected in (
            ("char_count", rec["char_count"] == len(text), str(len(text))),
            (
                "body_end",
                rec["body_start"] is None
                or rec["body_end"] is None
                or rec["body_start"] <= rec["body_end"] <= len(text),
                f"body_start <= body_end <= {len(text)}",
            ),
        ):
            if not ok:
                report.problems.append(
                    SourceMismatch(
                        f"{column} disagrees with the source text",
                        file=file,
                        row=row,
                        field=column,
                        value=str(rec[column]),
                        expected=expected,
                    )
                )
    return texts


def _frictionless(state: _State, report: Report) -> None:
    """Frictionless on the same package; its findings that repeat or echo ours are dropped."""
    pkg = state.pkg
    try:
        from frictionless import Package, system
    except ImportError:
        report.problems.append(
            UnusableInput("frictionless is not installed: pip install 'vnfr-data[validate]'")
        )
        return
    try:
        with system.use_context(trusted=False):
            result = Package(str(pkg.descriptor_path)).validate()
    except Exception as exc:  # noqa: BLE001 - frictionless refusing the package is a finding
        report.problems.append(
            FrictionlessError(
                f"frictionless cannot open the package: {str(exc)[:300]}",
                file=str(pkg.descriptor_path),
            )
        )
        return
    skipped = {name for name in RESOURCES if name not in state.tables}
    ours = _Known(report.problems, {state.files[n] for n in skipped if n in state.files})
    found: list[Problem] = []
    for task in result.tasks:
        file = str(pkg.root / task.place) if task.place else None
        for err in task.errors:
            if getattr(err, "reference_name", None) in skipped:
                continue  # a foreign key into a table we could not read: we said why
            row = getattr(err, "row_number", None)
            name = getattr(err, "field_name", None) or None
            if ours.covers(_SAME_AS.get(err.type, err.type), file, row, name):
                continue
            cell = getattr(err, "cell", None)
            found.append(
                FrictionlessError(
                    f"{err.type}: {err.note or err.title}",
                    file=file,
                    row=row,
                    field=name,
                    value=None if cell is None else str(cell)[:200],
                )
            )
    for err in result.errors:
        found.append(
            FrictionlessError(f"{err.type}: {err.note or err.title}", file=str(pkg.descriptor_path))
        )
    report.problems += found


#: Our findings that make a whole file's frictionless report an echo (it reads by position).
_FILE_LEVEL = frozenset(
    {
        "csv-syntax",
        "empty-file",
        "missing-file",
        "file-too-large",
        "blank-label",
        "duplicate-label",
        "extra-label",
        "missing-label",
        "incorrect-label",
    }
)
#: Our findings after which frictionless's file-level counts (rows) differ as a consequence.
_ROW_LEVEL = frozenset({"blank-row", "extra-cell", "missing-cell", "primary-key"})


class _Known:
    """Our problems indexed by place, to drop frictionless findings that repeat them."""

    def __init__(self, problems: list[Problem], unread: set[str]) -> None:
        self.codes = {(p.code, p.file) for p in problems}
        self.anywhere = {p.code for p in problems}
        self.rows = {(p.file, p.row) for p in problems}
        self.cells = {(p.file, p.row, p.field) for p in problems}
        self.whole = unread | {p.file for p in problems if p.code in _FILE_LEVEL if p.file}
        self.counts = {p.file for p in problems if p.code in _ROW_LEVEL if p.file}

    def covers(self, code: str, file: str | None, row: int | None, name: str | None) -> bool:
        if file in self.whole:
            return True
        if row is None:
            # Frictionless repeats an unreadable lookup table's encoding error in every
            # table that references it.
            return (
                (code, file) in self.codes
                or file in self.counts
                or (code == "encoding-error" and code in self.anywhere)
            )
        if name is None:
            return (file, row) in self.rows
        return (file, row, name) in self.cells or (file, row, None) in self.cells


def _check_fresh_build(pkg: PackageDir, report: Report) -> None:
    """Rebuild from the annotations in a child process (see `_fresh_build`) and compare."""
    annotations = str(pkg.root / "annotations")
    try:
        done = subprocess.run(
            [sys.executable, "-m", "vnfr_data._fresh_build", str(pkg.root)],
            capture_output=True,
            timeout=FRESH_BUILD_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        report.problems.append(
            YamlError(
                f"the build from the annotations ran over {FRESH_BUILD_SECONDS} s and was "
                "stopped (a hostile or huge annotation file?)",
                file=annotations,
            )
        )
        return
    if done.returncode != 0:
        cause = (
            f"was killed by signal {-done.returncode}"
            if done.returncode < 0
            else f"exited with {done.returncode}"
        )
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        report.problems.append(
            YamlError(
                f"the build from the annotations {cause} (nesting too deep or another hostile "
                f"annotation file?) {tail[0][:200]}",
                file=annotations,
            )
        )
        return
    try:
        found = json.loads(done.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RuntimeError(f"unreadable answer from the build: {exc}") from None
    report.problems += [problem_from_dict(item) for item in found]


def validate(path: Path, *, run_frictionless: bool = True, check_build: bool = True) -> Report:
    """Validate the package at `path` (a directory or its datapackage.json); never raises."""
    report = Report()
    with report.stage("opening the package"):
        state = _State(open_package(Path(path)))
    if report.problems:
        return report
    with report.stage("checking the descriptor"):
        _check_descriptor(state, report)
    for name in RESOURCES:
        with report.stage(f"reading {name}"):
            _read_resource(state, name, report)
        with report.stage(f"comparing {name} with its Parquet twin"):
            _check_twin(state, name, report)
    report.checked.append("files, hashes, CSV structure, types, constraints, primary keys")
    report.checked.append("CSV/Parquet twins")
    with report.stage("checking foreign keys"):
        report.problems += check_foreign_keys(state.tables, state.where)
    with report.stage("checking the source texts"):
        texts = _check_sources(state, report)
        report.problems += check_evidence_quotes(state.tables, texts, state.where)
    for rule in RULES:
        with report.stage(rule.__name__):
            report.problems += rule(state.tables, state.where)
    report.checked.append("foreign keys, source texts, dataset rules")
    if run_frictionless and report.exit_code != UNUSABLE:
        with report.stage("frictionless"):
            _frictionless(state, report)
        report.checked.append("frictionless")
    if check_build and (state.pkg.root / "annotations").is_dir() and report.exit_code != UNUSABLE:
        with report.stage("the fresh build"):
            _check_fresh_build(state.pkg, report)
        report.checked.append("fresh build from annotations")
    return report
