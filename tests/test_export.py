"""`vnfr-data export`: the databases and the archive hold exactly the CSV's rows and values."""

from __future__ import annotations

import csv
import hashlib
import json
import sqlite3
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from vnfr_data import RESOURCES
from vnfr_data.cli import main
from vnfr_data.publish.export import export
from vnfr_data.schema import table_schema

VERSION = json.loads((Path(__file__).parent.parent / "data" / "datapackage.json").read_text())[
    "version"
]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, repo: Path) -> Path:
    out = tmp_path_factory.mktemp("export")
    assert main(["export", str(out), "--path", str(repo / "data")]) == 0
    return out


def _csv(repo: Path, name: str) -> list[tuple[str, ...]]:
    with open(repo / "data" / "csv" / f"{name}.csv", encoding="utf-8", newline="") as handle:
        rows = [tuple(r.values()) for r in csv.DictReader(handle)]
    return sorted(rows)


def _as_csv_text(value: Any, kind: str) -> str:
    """A database value as the CSV writes it, so that the two can be compared exactly."""
    if value is None or value == [] or value == "[]" and kind == "list":
        return ""
    if kind == "list":
        items = json.loads(value) if isinstance(value, str) else value
        return ";".join(items)
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "number":
        text = format(Decimal(str(value)), "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    if kind == "date":
        return value if isinstance(value, str) else value.isoformat()
    return str(value)


def _db_rows(fetch: list[tuple[Any, ...]], name: str) -> list[tuple[str, ...]]:
    kinds = [f.type for f in table_schema(name).fields]
    return sorted(
        tuple(_as_csv_text(v, k) for v, k in zip(row, kinds, strict=True)) for row in fetch
    )


def test_sqlite_holds_every_row_and_value_of_the_csv(exported: Path, repo: Path) -> None:
    con = sqlite3.connect(exported / f"vnfr-data-{VERSION}.sqlite")
    for name in RESOURCES:
        columns = ", ".join(f'"{c}"' for c in table_schema(name).field_names)
        rows = con.execute(f'SELECT {columns} FROM "{name}"').fetchall()
        assert _db_rows(rows, name) == _csv(repo, name), name


def test_duckdb_holds_every_row_and_value_of_the_csv(exported: Path, repo: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect(str(exported / f"vnfr-data-{VERSION}.duckdb"), read_only=True)
    for name in RESOURCES:
        columns = ", ".join(f'"{c}"' for c in table_schema(name).field_names)
        rows = con.execute(f'SELECT {columns} FROM "{name}"').fetchall()
        assert _db_rows(rows, name) == _csv(repo, name), name
    figures = con.execute("SELECT typeof(value) FROM figures LIMIT 1").fetchone()
    assert figures is not None and figures[0].startswith("DECIMAL")


def test_keys_are_declared(exported: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect(str(exported / f"vnfr-data-{VERSION}.duckdb"), read_only=True)
    found = con.execute(
        "SELECT table_name, constraint_type, constraint_column_names FROM duckdb_constraints() "
        "WHERE constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY')"
    ).fetchall()
    declared = {(t, kind, tuple(cols)) for t, kind, cols in found}
    lite = sqlite3.connect(exported / f"vnfr-data-{VERSION}.sqlite")
    for name in RESOURCES:
        schema = table_schema(name)
        assert (name, "PRIMARY KEY", schema.primary_key) in declared
        info = lite.execute(f'PRAGMA table_info("{name}")').fetchall()
        pk = [row[1] for row in sorted(info, key=lambda r: r[5]) if row[5]]
        assert tuple(pk) == schema.primary_key, name
        fks = {(row[3], row[2]) for row in lite.execute(f'PRAGMA foreign_key_list("{name}")')}
        for fk in schema.foreign_keys:
            assert (name, "FOREIGN KEY", tuple(fk["fields"])) in declared, (name, fk)
            target = fk["reference"].get("resource") or name
            assert (fk["fields"][0], target) in fks, (name, fk)
    assert lite.execute("PRAGMA foreign_key_check").fetchall() == []


def test_views_join_names_titles_and_sources(exported: Path, repo: Path) -> None:
    lite = sqlite3.connect(exported / f"vnfr-data-{VERSION}.sqlite")
    actors = {r[0]: r[1] for r in _csv(repo, "actors")}
    events = {r[0]: (r[2], r[3]) for r in _csv(repo, "events")}
    rows = lite.execute(
        "SELECT statement_id, speaker_id, speaker_name, event_id, event_title, event_date_start "
        "FROM statements_with_speaker"
    ).fetchall()
    assert len(rows) == len(_csv(repo, "statements"))
    for _sid, speaker, name, event, title, start in rows:
        assert name == actors[speaker]
        if event is not None:
            assert (title, start or "") == events[event]
    figures = lite.execute("SELECT figure_id, source_id, source_title FROM figures_with_source")
    sources = {r[0]: r[2] for r in _csv(repo, "sources")}
    expected = {(r[1], r[2]) for r in _csv(repo, "evidence") if r[0] == "figures"}
    got = {(f, s) for f, s, title in figures if title == sources[s]}
    assert got == expected


def test_archive_has_the_package_docs_and_checksums(exported: Path, repo: Path) -> None:
    path = exported / f"vnfr-data-{VERSION}.zip"
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        folder = f"vnfr-data-{VERSION}/"
        assert all(n.startswith(folder) for n in names)
        inside = {n[len(folder) :]: archive.read(n) for n in names}
    for name in RESOURCES:
        assert inside[f"csv/{name}.csv"] == (repo / "data" / "csv" / f"{name}.csv").read_bytes()
        assert f"parquet/{name}.parquet" in inside
    assert inside["datapackage.json"] == (repo / "data" / "datapackage.json").read_bytes()
    assert inside["docs/codebook.md"] == (repo / "docs" / "codebook.md").read_bytes()
    assert inside["docs/datasheet.md"] == (repo / "docs" / "datasheet.md").read_bytes()
    sums = inside.pop("SHA256SUMS").decode().splitlines()
    listed = {line.split("  ", 1)[1]: line.split("  ", 1)[0] for line in sums}
    assert set(listed) == set(inside)
    for name, data in inside.items():
        assert hashlib.sha256(data).hexdigest() == listed[name], name


def test_the_archive_is_a_valid_package(exported: Path, tmp_path: Path) -> None:
    from vnfr_data.validate import validate

    with zipfile.ZipFile(exported / f"vnfr-data-{VERSION}.zip") as archive:
        archive.extractall(tmp_path)
    report = validate(tmp_path / f"vnfr-data-{VERSION}", run_frictionless=False, check_build=False)
    assert report.exit_code == 0, report.problems[:5]


def test_the_archive_is_reproducible(exported: Path, repo: Path, tmp_path: Path) -> None:
    [again] = export(repo / "data", tmp_path, ["archive"])
    assert again.read_bytes() == (exported / again.name).read_bytes()


def test_export_refuses_an_unknown_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(tmp_path), "--format", "excel"]) == 2
    assert "choose from duckdb, sqlite, archive" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_without_duckdb_the_error_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "duckdb", None)
    assert main(["export", str(tmp_path), "--format", "duckdb"]) == 2
    assert "pip install 'vnfr-data[export]'" in capsys.readouterr().err
