"""`vnfr-data validate`: Frictionless checks plus the dataset's own rules, in one report.

All problems are collected and grouped by file; the verdict is 0 (valid),
1 (invalid) or 2 (unusable input). Nothing here lets a traceback reach the
user: an unexpected failure in one check becomes a problem of its own.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .errors import (
    FrictionlessError,
    HashMismatch,
    Problem,
    ProblemsFound,
    StaleBuild,
    TwinMismatch,
    UnusableInput,
)
from .package import PackageDir, open_package, safe_relative
from .rules import RULES, Tables, check_evidence_in_body, check_evidence_quotes
from .schema import RESOURCES, table_schema
from .tables_io import read_csv_as_text, typed_from_text

VALID, INVALID, UNUSABLE = 0, 1, 2


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        if any(isinstance(p, UnusableInput) for p in self.problems):
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
            "error_count": len(self.problems),
            "errors": [p.to_dict() for p in self.problems],
        }


def _hash_ok(path: Path, declared: Any, size: Any) -> str | None:
    data = path.read_bytes()
    if isinstance(size, int) and size != len(data):
        return f"bytes {len(data)} != declared {size}"
    if isinstance(declared, str):
        algo, _, digest = declared.partition(":") if ":" in declared else ("md5", "", declared)
        try:
            actual = hashlib.new(algo, data).hexdigest()
        except ValueError:
            return f"unknown hash algorithm {algo!r}"
        if actual != digest:
            return f"{algo} {actual} != declared {digest}"
    return None


def _read_resource(pkg: PackageDir, name: str, report: Report) -> tuple[pa.Table | None, str]:
    res = pkg.resource(name)
    if res is None:
        report.problems.append(
            UnusableInput(
                f"resource {name!r} missing from the descriptor", file=str(pkg.descriptor_path)
            )
        )
        return None, name
    path = safe_relative(pkg.root, res.get("path"))
    assert path is not None  # open_package checked every path
    file = str(path)
    if not path.is_file():
        report.problems.append(UnusableInput("resource file missing", file=file))
        return None, file
    mismatch = _hash_ok(path, res.get("hash"), res.get("bytes"))
    if mismatch:
        report.problems.append(HashMismatch(mismatch, file=file, field="hash"))
    schema = table_schema(name)
    data = path.read_bytes()
    try:
        text = read_csv_as_text(data, list(schema.field_names))
    except (pa.ArrowInvalid, pa.ArrowKeyError, UnicodeDecodeError) as exc:
        report.problems.append(FrictionlessError(f"CSV cannot be read: {exc}", file=file))
        return None, file
    if text.column_names != list(schema.field_names):
        report.problems.append(
            FrictionlessError(
                "header differs from the schema",
                file=file,
                row=1,
                value=",".join(text.column_names),
                expected=",".join(schema.field_names),
            )
        )
        return None, file
    try:
        return typed_from_text(text, schema), file
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
        report.problems.append(FrictionlessError(f"a cell does not fit its type: {exc}", file=file))
        return None, file


def _check_twin(pkg: PackageDir, name: str, table: pa.Table, report: Report) -> None:
    res = pkg.resource(name) or {}
    twin = res.get("vnfr:parquet")
    if not isinstance(twin, dict):
        return
    path = safe_relative(pkg.root, twin.get("path"))
    if path is None or not path.is_file():
        report.problems.append(
            TwinMismatch("Parquet twin missing", file=str(path or twin.get("path")))
        )
        return
    mismatch = _hash_ok(path, twin.get("hash"), twin.get("bytes"))
    if mismatch:
        report.problems.append(HashMismatch(mismatch, file=str(path), field="hash"))
    try:
        parquet = pq.read_table(io.BytesIO(path.read_bytes()))
    except (pa.ArrowInvalid, OSError) as exc:
        report.problems.append(TwinMismatch(f"Parquet file cannot be read: {exc}", file=str(path)))
        return
    expected = table_schema(name).fingerprint()
    meta = parquet.schema.metadata or {}
    if meta.get(b"vnfr:schema_fingerprint", b"").decode() != expected:
        report.problems.append(
            TwinMismatch(
                "Parquet schema fingerprint differs from the Table Schema",
                file=str(path),
                expected=expected,
            )
        )
    parquet = parquet.replace_schema_metadata(None)
    if not parquet.schema.equals(table.schema) or not parquet.equals(table):
        report.problems.append(
            TwinMismatch("Parquet rows differ from the CSV rows", file=str(path))
        )


def _check_sources(pkg: PackageDir, tables: Tables, file: str, report: Report) -> dict[str, str]:
    texts: dict[str, str] = {}
    src = tables["sources"]
    for i, row in enumerate(src.select(["source_id", "path", "sha256"]).to_pylist()):
        path = safe_relative(pkg.root, row["path"])
        if path is None or not path.is_file():
            report.problems.append(
                UnusableInput(
                    "source text missing or outside the package",
                    file=file,
                    row=i + 2,
                    field="path",
                    value=str(row["path"]),
                )
            )
            continue
        raw = path.read_bytes()
        if hashlib.sha256(raw).hexdigest() != row["sha256"]:
            report.problems.append(
                HashMismatch(
                    "sha256 differs from the source text",
                    file=file,
                    row=i + 2,
                    field="sha256",
                    value=row["sha256"],
                )
            )
        try:
            texts[row["source_id"]] = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            report.problems.append(
                UnusableInput(f"source text is not UTF-8 (byte {exc.start})", file=str(path))
            )
    return texts


def _frictionless(pkg: PackageDir, report: Report) -> None:
    try:
        from frictionless import Package, system
    except ImportError:
        report.problems.append(
            UnusableInput("frictionless is not installed: pip install 'vnfr-data[validate]'")
        )
        return
    with system.use_context(trusted=False):
        frictionless_report = Package(str(pkg.descriptor_path)).validate()
    for task in frictionless_report.tasks:
        for err in task.errors:
            report.problems.append(
                FrictionlessError(
                    f"{err.type}: {err.note or err.title}",
                    file=str(pkg.root / task.place) if task.place else None,
                    row=getattr(err, "row_number", None),
                    field=getattr(err, "field_name", None),
                    value=None if getattr(err, "cell", None) is None else str(err.cell),
                )
            )
    for err in frictionless_report.errors:
        report.problems.append(
            FrictionlessError(f"{err.type}: {err.note or err.title}", file=str(pkg.descriptor_path))
        )


def _check_fresh_build(pkg: PackageDir, report: Report) -> None:
    from .build import build_tables
    from .publish import render

    try:
        files = render(build_tables(pkg.root))
    except ProblemsFound as exc:
        report.problems += exc.problems
        return
    for name, data in sorted(files.items()):
        path = pkg.root / name
        if not path.is_file() or path.read_bytes() != data:
            report.problems.append(
                StaleBuild(
                    "differs from a fresh build of the annotations (run `vnfr-data build`)",
                    file=str(path),
                )
            )


def validate(path: Path, *, run_frictionless: bool = True, check_build: bool = True) -> Report:
    report = Report()
    try:
        pkg = open_package(path)
    except ProblemsFound as exc:
        report.problems += exc.problems
        return report
    tables: Tables = {}
    files: dict[str, str] = {}
    for name in RESOURCES:
        table, file = _read_resource(pkg, name, report)
        files[name] = file
        if table is not None:
            tables[name] = table
            _check_twin(pkg, name, table, report)
    report.checked.append("files, hashes, CSV/Parquet twins")
    if len(tables) == len(RESOURCES):
        texts = _check_sources(pkg, tables, files["sources"], report)
        report.problems += check_evidence_quotes(tables, texts, files["evidence"])
        report.problems += check_evidence_in_body(tables, files["evidence"])
        for rule in RULES:
            report.problems += rule(tables, files)
        report.checked.append("dataset rules")
    if run_frictionless and report.exit_code != UNUSABLE:
        _frictionless(pkg, report)
        report.checked.append("frictionless")
    if check_build and (pkg.root / "annotations").is_dir() and report.exit_code != UNUSABLE:
        _check_fresh_build(pkg, report)
        report.checked.append("fresh build from annotations")
    return report
