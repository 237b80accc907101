"""Single-file downloads: DuckDB and SQLite databases and a release archive.

People who do not use Python want one file: a database they open in DBeaver,
DuckDB or `sqlite3`, or an archive they unzip. Every file is made from the
published tables (the Parquet files), so it holds exactly the CSV's rows and
values (tests/test_export.py checks that); the databases declare the primary
and foreign keys of the Table Schemas and add convenience views. Each file is
written beside its target and renamed into place, so a failed export leaves no
half-written file.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..docs import render_codebook, render_datasheet
from ..paths import docs_dir
from ..read import Dataset, load
from ..read.frames import require_extra
from ..safe_files import read_inside
from ..schema import RESOURCES, table_schema
from .sql import create_statements, self_references

FORMATS = ("duckdb", "sqlite", "archive")
#: Largest file put into the archive (the validator reads CSVs up to 1 GiB).
MAX_MEMBER = 1 << 30


def export(data: Path, out: Path, formats: Sequence[str] = FORMATS) -> list[Path]:
    """Write the requested downloads of the package at `data` into `out`; their paths."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ValueError(f"unknown export format(s) {unknown}; choose from {', '.join(FORMATS)}")
    ds = load(data)
    version = package_version(ds.root)
    out.mkdir(parents=True, exist_ok=True)
    stem = f"vnfr-data-{version}"
    written = []
    if "duckdb" in formats:
        written.append(write_duckdb(ds, out / f"{stem}.duckdb"))
    if "sqlite" in formats:
        written.append(write_sqlite(ds, out / f"{stem}.sqlite"))
    if "archive" in formats:
        written.append(write_archive(ds, out / f"{stem}.zip", stem))
    return written


def package_version(root: Path) -> str:
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    return str(descriptor.get("version", "unversioned"))


@contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """A temporary path beside `path`, renamed over it only when the block succeeds."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _insertion_batches(ds: Dataset, name: str) -> list[pa.Table]:
    """The table's rows, in batches such that a row referring to its own table (an event
    `part_of` another, or that `fulfils` another) comes after the rows it refers to:
    engines check keys on insert."""
    table = ds.table(name).arrow
    columns = self_references(table_schema(name))
    if not columns:
        return [table]
    key = table_schema(name).primary_key[0]
    ids = table[key].to_pylist()
    parents = {
        rid: [p for p in refs if p is not None]
        for rid, *refs in zip(ids, *(table[c].to_pylist() for c in columns), strict=True)
    }
    depths: dict[str, int] = {}

    def depth(record_id: str, seen: frozenset[str] = frozenset()) -> int:
        if record_id not in depths:
            above = [p for p in parents.get(record_id, []) if p in parents and p not in seen]
            depths[record_id] = 1 + max((depth(p, seen | {record_id}) for p in above), default=-1)
        return depths[record_id]

    levels = [depth(i) for i in ids]
    return [
        table.take(pa.array([i for i, d in enumerate(levels) if d == level], pa.int64()))
        for level in sorted(set(levels))
    ]


def write_duckdb(ds: Dataset, path: Path) -> Path:
    """A DuckDB database of every table, with keys and views (needs the `export` extra)."""
    duckdb = require_extra("duckdb", "vnfr-data export (DuckDB)", "export")
    with _replacing(path) as tmp:
        con = duckdb.connect(str(tmp))
        try:
            for statement in create_statements("duckdb"):
                con.execute(statement)
            for name in RESOURCES:
                for batch in _insertion_batches(ds, name):
                    con.register("batch", batch)
                    con.execute(f'INSERT INTO "{name}" SELECT * FROM batch')
                    con.unregister("batch")
            con.execute("CHECKPOINT")
        finally:
            con.close()
    return path


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def write_sqlite(ds: Dataset, path: Path) -> Path:
    """A SQLite database of every table, with keys and views (stdlib only)."""
    with _replacing(path) as tmp:
        con = sqlite3.connect(tmp)
        try:
            con.execute("PRAGMA foreign_keys = ON")
            with con:
                for statement in create_statements("sqlite"):
                    con.execute(statement)
                for name in RESOURCES:
                    columns = table_schema(name).field_names
                    marks = ", ".join("?" for _ in columns)
                    for batch in _insertion_batches(ds, name):
                        rows = (
                            tuple(_sqlite_value(row[c]) for c in columns)
                            for row in batch.to_pylist()
                        )
                        con.executemany(f'INSERT INTO "{name}" VALUES ({marks})', rows)
            problems = con.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise ValueError(f"foreign keys do not hold in the package: {problems[:5]}")
            con.execute("VACUUM")
        finally:
            con.close()
    return path


def _archive_members(ds: Dataset) -> dict[str, bytes]:
    """Every file of the archive by its path inside it, checksums last."""
    root = ds.root
    members: dict[str, bytes] = {}
    for sub in ("csv", "parquet", "articles", "reference"):
        for file in sorted((root / sub).glob("*")):
            if file.is_file() and not file.is_symlink():
                # Regular files inside the package only: a link could leak another file.
                members[f"{sub}/{file.name}"] = read_inside(root, f"{sub}/{file.name}", MAX_MEMBER)
    members["datapackage.json"] = read_inside(root, "datapackage.json", MAX_MEMBER)
    docs = docs_dir()
    members["docs/codebook.md"] = render_codebook(ds).encode("utf-8")
    template = docs / "datasheet.md" if docs is not None else None
    if template is not None and template.is_file():
        text = render_datasheet(ds, template.read_text(encoding="utf-8"))
        members["docs/datasheet.md"] = text.encode("utf-8")
    if docs is not None and (docs / "annotations.md").is_file():
        members["docs/annotations.md"] = (docs / "annotations.md").read_bytes()
    for licence in ("LICENSE", "LICENSE-DATA"):
        found = _license_file(licence)
        if found is not None:
            members[licence] = found
    members["SHA256SUMS"] = "".join(
        f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in sorted(members.items())
    ).encode("utf-8")
    return members


def _license_file(name: str) -> bytes | None:
    docs = docs_dir()
    if docs is not None and (docs.parent / name).is_file():
        return (docs.parent / name).read_bytes()
    return None


def write_archive(ds: Dataset, path: Path, folder: str) -> Path:
    """A zip of the package with its datasheet, codebook and SHA256SUMS, byte-reproducible."""
    created = json.loads((ds.root / "datapackage.json").read_text(encoding="utf-8"))
    day = str(created.get("created", "1980-01-01"))[:10]
    stamp = (int(day[:4]), int(day[5:7]), int(day[8:10]), 0, 0, 0)
    with _replacing(path) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in sorted(_archive_members(ds).items(), key=lambda m: m[0] == "SHA256SUMS"):
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=9)
    return path
