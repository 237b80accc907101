"""What validate calls VALID is what `load()` reads: one descriptor, one set of files.

Each test damages a copy of the shipped package the way a downloader would
have it (no annotations, so no fresh build can notice), then asks both: the
validator must say INVALID with the place, and `load()` must refuse with a
PackageError naming the file, never hand back other data.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import vnfr_data
from vnfr_data import PackageError
from vnfr_data.validate import validate


@pytest.fixture()
def package(data_copy: Path) -> Path:
    """The shipped package as a downloader has it: no annotations."""
    shutil.rmtree(data_copy / "annotations")
    return data_copy


def _descriptor(root: Path) -> dict[str, Any]:
    return json.loads((root / "datapackage.json").read_text(encoding="utf-8"))


def _edit(root: Path, edit: Callable[[dict[str, Any]], None]) -> None:
    d = _descriptor(root)
    edit(d)
    (root / "datapackage.json").write_text(
        json.dumps(d, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def _res(d: dict[str, Any], name: str) -> dict[str, Any]:
    return next(r for r in d["resources"] if r["name"] == name)


def _index(root: Path, name: str) -> int:
    return next(i for i, r in enumerate(_descriptor(root)["resources"]) if r["name"] == name)


def _problems(root: Path) -> list[dict[str, Any]]:
    report = validate(root, run_frictionless=False, check_build=False)
    assert report.exit_code != 0, "validate called a damaged package VALID"
    assert not [p for p in report.problems if p.code == "internal-error"], report.problems
    return [p.to_dict() for p in report.problems]


def _load_everything(root: Path) -> None:
    ds = vnfr_data.load(root)
    for table in ds.tables.values():
        table.arrow  # noqa: B018 - reading is the point


def test_the_shipped_package_loads_and_validates(package: Path) -> None:
    assert validate(package, run_frictionless=False, check_build=False).exit_code == 0
    _load_everything(package)


def test_a_parquet_path_diverted_to_an_untouched_copy_is_invalid_and_refused(
    package: Path,
) -> None:
    """The attack of the issue: the descriptor points at a clean copy while the
    tampered file stays where load() used to read."""
    events = package / "parquet" / "events.parquet"
    shutil.copy(events, package / "parquet" / "copy.parquet")
    data = bytearray(events.read_bytes())
    data[len(data) // 2] ^= 0x01
    events.write_bytes(bytes(data))
    _edit(
        package,
        lambda d: _res(d, "events")["vnfr:parquet"].__setitem__("path", "parquet/copy.parquet"),
    )
    i = _index(package, "events")
    problems = _problems(package)
    assert any(
        p["code"] == "descriptor-error" and p["field"] == f"resources[{i}].vnfr:parquet.path"
        for p in problems
    ), problems
    # ... and the tampered file itself, which is the one load() would read, is reported.
    assert any(p["file"].endswith("parquet/events.parquet") for p in problems if p["file"])
    with pytest.raises(PackageError, match="vnfr:parquet.path"):
        vnfr_data.load(package)


def test_a_missing_twin_entry_is_invalid_and_refused(package: Path) -> None:
    _edit(package, lambda d: _res(d, "events").pop("vnfr:parquet"))
    i = _index(package, "events")
    problems = _problems(package)
    assert any(
        p["code"] == "descriptor-error" and p["field"] == f"resources[{i}].vnfr:parquet"
        for p in problems
    ), problems
    with pytest.raises(PackageError, match="vnfr:parquet"):
        vnfr_data.load(package)


EDITS: dict[str, tuple[str, Callable[[dict[str, Any]], Any]]] = {
    # key deleted
    "hash deleted": ("hash", lambda r: r.pop("hash")),
    "bytes deleted": ("bytes", lambda r: r.pop("bytes")),
    "path deleted": ("path", lambda r: r.pop("path")),
    "schema deleted": ("schema", lambda r: r.pop("schema")),
    "rows deleted": ("rows", lambda r: r.pop("rows")),
    "twin hash deleted": ("vnfr:parquet.hash", lambda r: r["vnfr:parquet"].pop("hash")),
    "twin bytes deleted": ("vnfr:parquet.bytes", lambda r: r["vnfr:parquet"].pop("bytes")),
    "twin path deleted": ("vnfr:parquet.path", lambda r: r["vnfr:parquet"].pop("path")),
    "fingerprint deleted": (
        "vnfr:parquet.schema_fingerprint",
        lambda r: r["vnfr:parquet"].pop("schema_fingerprint"),
    ),
    # another JSON type
    "hash a number": ("hash", lambda r: r.__setitem__("hash", 5)),
    "bytes a string": ("bytes", lambda r: r.__setitem__("bytes", str(r["bytes"]))),
    "bytes a boolean": ("bytes", lambda r: r.__setitem__("bytes", True)),
    "bytes a float": ("bytes", lambda r: r.__setitem__("bytes", float(r["bytes"]))),
    "path a list": ("path", lambda r: r.__setitem__("path", [r["path"]])),
    "schema a string": ("schema", lambda r: r.__setitem__("schema", "schemas/x.json")),
    "twin a list": ("vnfr:parquet", lambda r: r.__setitem__("vnfr:parquet", [])),
    "twin bytes null": (
        "vnfr:parquet.bytes",
        lambda r: r["vnfr:parquet"].__setitem__("bytes", None),
    ),
    # another algorithm: shake_128's digest needs a length, md5 is not what we vouch with
    "shake_128 hash": ("hash", lambda r: r.__setitem__("hash", "shake_128:" + "0" * 32)),
    "md5 hash": ("hash", lambda r: r.__setitem__("hash", "md5:" + "0" * 32)),
    "bare hash": ("hash", lambda r: r.__setitem__("hash", "0" * 32)),
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_deleted_or_retyped_key_is_reported_at_its_json_path(package: Path, edit: str) -> None:
    key, change = EDITS[edit]
    _edit(package, lambda d: change(_res(d, "figures")))
    field = f"resources[{_index(package, 'figures')}].{key}"
    problems = _problems(package)
    hits = [p for p in problems if p["code"] == "descriptor-error" and p["field"] == field]
    assert hits, problems
    with pytest.raises(PackageError) as info:
        vnfr_data.load(package)
    assert field in str(info.value)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("version", 3),
        ("licenses", {}),
        ("resources", {}),
        ("name", ["x"]),
        ("created", "yesterday"),
    ],
)
def test_package_level_keys_of_another_type(package: Path, field: str, value: Any) -> None:
    _edit(package, lambda d: d.__setitem__(field, value))
    report = validate(package, run_frictionless=False, check_build=False)
    assert report.exit_code != 0
    assert any(p.field in (field, None) for p in report.problems), report.problems
    with pytest.raises(PackageError):
        vnfr_data.load(package)


def test_a_descriptor_of_another_version_is_refused(package: Path) -> None:
    _edit(package, lambda d: d.__setitem__("version", "9.9.9"))
    problems = _problems(package)
    assert any(p["field"] == "version" and p["value"] == '"9.9.9"' for p in problems), problems
    with pytest.raises(PackageError, match=r"9\.9\.9.*installed vnfr_data reads"):
        vnfr_data.load(package)


def test_a_hand_edited_title_is_reported_without_annotations(package: Path) -> None:
    _edit(package, lambda d: _res(d, "events").__setitem__("title", "Something else"))
    problems = _problems(package)
    i = _index(package, "events")
    assert [p["code"] for p in problems if p["field"] == f"resources[{i}].title"] == [
        "descriptor-mismatch"
    ]


def test_an_extra_or_duplicate_resource_is_reported(package: Path) -> None:
    _edit(package, lambda d: d["resources"].append(dict(_res(d, "events"))))
    problems = _problems(package)
    assert any("appears twice" in p["message"] for p in problems), problems


@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_a_flipped_parquet_byte_makes_load_refuse_naming_the_file(
    package: Path, where: str
) -> None:
    path = package / "parquet" / "statements.parquet"
    data = bytearray(path.read_bytes())
    at = {"start": 4, "middle": len(data) // 2, "end": len(data) - 9}[where]
    data[at] ^= 0x10
    path.write_bytes(bytes(data))
    ds = vnfr_data.load(package)  # the descriptor is fine: tables are read when used
    ds.events.arrow  # noqa: B018 - another table reads fine
    with pytest.raises(PackageError, match=r"parquet/statements\.parquet.*sha256"):
        ds.statements.arrow  # noqa: B018
    assert any(p["file"].endswith("statements.parquet") for p in _problems(package) if p["file"])


def test_a_truncated_or_grown_parquet_is_refused(package: Path) -> None:
    path = package / "parquet" / "figures.parquet"
    data = path.read_bytes()
    path.write_bytes(data[:-100])
    with pytest.raises(PackageError, match="figures.parquet"):
        vnfr_data.load(package).figures.arrow  # noqa: B018
    path.write_bytes(data + b"\0")
    with pytest.raises(PackageError, match="larger than"):
        vnfr_data.load(package).figures.arrow  # noqa: B018


def test_verify_false_skips_the_hash_but_not_the_version(package: Path) -> None:
    """A user may trade the check for speed; a page checksum still guards values."""
    path = package / "parquet" / "actors.parquet"
    descriptor = _descriptor(package)
    _res(descriptor, "actors")["vnfr:parquet"]["hash"] = "sha256:" + "0" * 64
    (package / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    with pytest.raises(PackageError):
        vnfr_data.load(package).actors.arrow  # noqa: B018
    assert len(vnfr_data.load(package, verify=False).actors) > 0
    assert path.is_file()


def test_a_parquet_file_of_another_table_is_refused(package: Path) -> None:
    """Same bytes in both places and hashes updated: the metadata names the table."""
    src = package / "parquet" / "agreement_parties.parquet"
    dst = package / "parquet" / "agreement_events.parquet"
    dst.write_bytes(src.read_bytes())
    d = _descriptor(package)
    _res(d, "agreement_events")["vnfr:parquet"].update(
        {k: _res(d, "agreement_parties")["vnfr:parquet"][k] for k in ("bytes", "hash")}
    )
    (package / "datapackage.json").write_text(json.dumps(d), encoding="utf-8")
    with pytest.raises(PackageError, match="vnfr:resource"):
        vnfr_data.load(package).agreement_events.arrow  # noqa: B018


def test_a_symlinked_table_is_refused_by_both(package: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.parquet"
    table = package / "parquet" / "events.parquet"
    outside.write_bytes(table.read_bytes())
    table.unlink()
    table.symlink_to(outside)
    problems = _problems(package)
    assert any(
        p["code"] == "unsafe-file" and p["file"].endswith("events.parquet") for p in problems
    )
    with pytest.raises(PackageError, match="symbolic link"):
        vnfr_data.load(package).events.arrow  # noqa: B018


def test_an_undecodable_resource_path_keeps_the_whole_report_on_strict_stdout(
    package: Path,
) -> None:
    """A lone surrogate in a path cannot be encoded as UTF-8: it prints escaped."""
    raw = (package / "datapackage.json").read_text(encoding="utf-8")
    raw = raw.replace('"path": "csv/events.csv"', '"path": "csv/ev\\udcffents.csv"', 1)
    (package / "datapackage.json").write_text(raw, encoding="utf-8")
    for fmt in ("text", "json"):
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "vnfr_data",
                "validate",
                str(package),
                "--format",
                fmt,
                "--no-frictionless",
            ],
            capture_output=True,
            env={**os.environ, "PYTHONIOENCODING": "utf-8:strict", "LC_ALL": "C"},
            check=False,
        )
        out, err = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
        assert "Traceback" not in err, err
        assert done.returncode == 2
        assert "\\udcff" in out
        if fmt == "json":
            assert json.loads(out)["exit_code"] == 2
        else:
            assert out.rstrip().splitlines()[-1].startswith("UNUSABLE")
