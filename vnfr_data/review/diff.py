"""Record-level differences between two versions of the data package.

A user who pinned one version asks "which records were added, changed or
removed?", not "which lines of which file". So each table is compared by its
primary key: records added, records removed, and for a record in both, each
field whose value changed (old → new), as the CSV writes it. A record that
disappears is either withdrawn (the new version's `withdrawals` table keeps
its id as a tombstone, with the reason and the version that withdrew it) or
removed without a tombstone, which the release policy forbids and the report
says. Both sides may be package directories, descriptors or release archives.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ProblemsFound, UnusableInput
from ..safe_files import UnsafeFile, canonical_parts, read_inside
from ..schema.registry import EVIDENCED
from ..validate.package import PackageDir, open_package

#: The table whose rows are tombstones: (record_table, record_id) withdrawn in a version.
WITHDRAWALS = "withdrawals"
#: Largest CSV compared (as the validator reads at most).
MAX_CSV_BYTES = 1 << 30
Key = tuple[str, ...]


@dataclass
class TableDiff:
    name: str
    key: tuple[str, ...]
    added: dict[Key, dict[str, str]] = field(default_factory=dict)
    removed: dict[Key, dict[str, str]] = field(default_factory=dict)
    #: key -> {field: (old, new)}
    changed: dict[Key, dict[str, tuple[str, str]]] = field(default_factory=dict)
    #: removed records that the new version keeps as tombstones: key -> (version, reason)
    withdrawn: dict[Key, tuple[str, str]] = field(default_factory=dict)
    columns_added: tuple[str, ...] = ()
    columns_removed: tuple[str, ...] = ()
    #: only in the old package (True) or only in the new one (False); None: in both
    table_removed: bool | None = None

    @property
    def empty(self) -> bool:
        return not (
            self.added
            or self.removed
            or self.changed
            or self.withdrawn
            or self.columns_added
            or self.columns_removed
            or self.table_removed is not None
        )


@dataclass
class PackageDiff:
    old_version: str
    new_version: str
    tables: list[TableDiff]

    @property
    def empty(self) -> bool:
        return all(t.empty for t in self.tables)

    @property
    def removed_without_tombstone(self) -> int:
        """Records that vanished with no tombstone: ids must never silently disappear."""
        return sum(len(t.removed) for t in self.tables if t.name in _WITHDRAWABLE)


#: Tables whose records carry ids people cite (the evidenced facts and links): a record of
#: these is withdrawn, never removed.
_WITHDRAWABLE = EVIDENCED


@contextmanager
def opened(path: Path) -> Iterator[PackageDir]:
    """The package at `path`: a directory, its datapackage.json, or a release .zip."""
    if path.suffix == ".zip" and path.is_file():
        with tempfile.TemporaryDirectory(prefix="vnfr-diff-") as tmp:
            try:
                with zipfile.ZipFile(path) as archive:
                    for member in archive.infolist():
                        if canonical_parts(member.filename.rstrip("/")) is None:
                            raise ProblemsFound(
                                [UnusableInput("archive member leaves the archive", file=str(path))]
                            )
                    archive.extractall(tmp)
            except zipfile.BadZipFile as exc:
                raise ProblemsFound(
                    [UnusableInput(f"not a zip archive: {exc}", file=str(path))]
                ) from None
            found = sorted(Path(tmp).rglob("datapackage.json"), key=lambda p: len(p.parts))
            if not found:
                raise ProblemsFound(
                    [UnusableInput("the archive holds no datapackage.json", file=str(path))]
                )
            yield open_package(found[0])
    else:
        yield open_package(path)


def _rows(package: PackageDir, name: str) -> tuple[list[str], list[dict[str, str]]]:
    resource = package.resource(name)
    assert resource is not None
    rel = resource.get("path")
    try:
        if not isinstance(rel, str):
            raise UnsafeFile("missing", str(rel), "the resource names no path")
        text = read_inside(package.root, rel, MAX_CSV_BYTES).decode("utf-8-sig")
    except (UnsafeFile, UnicodeDecodeError) as exc:
        raise ProblemsFound(
            [
                UnusableInput(
                    f"table {name}: its CSV cannot be read ({exc})",
                    file=str(package.descriptor_path),
                )
            ]
        ) from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def _key_of(package: PackageDir, name: str) -> tuple[str, ...]:
    resource = package.resource(name) or next(
        (
            r
            for r in package.descriptor["resources"]
            if isinstance(r, dict) and r.get("name") == name
        ),
        {},
    )
    schema = resource.get("schema", {})
    key = schema.get("primaryKey", []) if isinstance(schema, dict) else []
    return tuple([key] if isinstance(key, str) else key)


def _tombstones(package: PackageDir) -> dict[tuple[str, str], tuple[str, str]]:
    if package.resource(WITHDRAWALS) is None:
        return {}
    _, rows = _rows(package, WITHDRAWALS)
    return {
        (r["record_table"], r["record_id"]): (r.get("withdrawn_in", ""), r.get("reason", ""))
        for r in rows
    }


def _names(package: PackageDir) -> list[str]:
    return [
        str(r["name"])
        for r in package.descriptor["resources"]
        if isinstance(r, dict) and isinstance(r.get("name"), str)
    ]


def diff_packages(old_path: Path, new_path: Path) -> PackageDiff:
    """Compare every table of two packages by primary key (see the module doc)."""
    with opened(old_path) as old, opened(new_path) as new:
        tombstones = _tombstones(new)
        names = _names(new) + [n for n in _names(old) if n not in _names(new)]
        tables = [_diff_table(old, new, name, tombstones) for name in names]
        return PackageDiff(
            str(old.descriptor.get("version", "?")), str(new.descriptor.get("version", "?")), tables
        )


def _diff_table(
    old: PackageDir,
    new: PackageDir,
    name: str,
    tombstones: dict[tuple[str, str], tuple[str, str]],
) -> TableDiff:
    # By the descriptors' own names: a table this version no longer has (the `conflicts`
    # of 0.1.0) is unknown to its registry, but the old package still lists it.
    in_old, in_new = name in _names(old), name in _names(new)
    key = _key_of(new if in_new else old, name)
    result = TableDiff(name, key)
    if not (in_old and in_new):
        result.table_removed = in_old
        return result
    old_cols, old_rows = _rows(old, name)
    new_cols, new_rows = _rows(new, name)
    result.columns_added = tuple(c for c in new_cols if c not in old_cols)
    result.columns_removed = tuple(c for c in old_cols if c not in new_cols)
    common = [c for c in new_cols if c in old_cols]
    if not key or any(k not in common for k in key):
        key = tuple(common)  # no usable key: a row is its values
        result.key = key
    before = {tuple(r[k] for k in key): r for r in old_rows}
    after = {tuple(r[k] for k in key): r for r in new_rows}
    for k, row in after.items():
        if k not in before:
            result.added[k] = row
            continue
        changes = {c: (before[k][c], row[c]) for c in common if before[k][c] != row[c]}
        if changes:
            result.changed[k] = changes
    for k, row in before.items():
        if k in after:
            continue
        stone = tombstones.get((name, k[0])) if len(k) == 1 else None
        if stone is not None:
            result.withdrawn[k] = stone
        else:
            result.removed[k] = row
    return result


def to_json(diff: PackageDiff) -> dict[str, Any]:
    """The diff for machines: every record, every changed field."""

    def ident(key: Key) -> str | list[str]:
        return key[0] if len(key) == 1 else list(key)

    return {
        "old_version": diff.old_version,
        "new_version": diff.new_version,
        "removed_without_tombstone": diff.removed_without_tombstone,
        "tables": {
            t.name: {
                "key": list(t.key),
                **(
                    {"table_only_in": "old" if t.table_removed else "new"}
                    if t.table_removed is not None
                    else {}
                ),
                "columns_added": list(t.columns_added),
                "columns_removed": list(t.columns_removed),
                "added": [{"id": ident(k), "record": r} for k, r in t.added.items()],
                "removed": [{"id": ident(k), "record": r} for k, r in t.removed.items()],
                "withdrawn": [
                    {"id": ident(k), "withdrawn_in": v, "reason": why}
                    for k, (v, why) in t.withdrawn.items()
                ],
                "changed": [
                    {"id": ident(k), "fields": {f: {"old": o, "new": n} for f, (o, n) in c.items()}}
                    for k, c in t.changed.items()
                ],
            }
            for t in diff.tables
            if not t.empty
        },
    }


def dumps(diff: PackageDiff) -> str:
    return json.dumps(to_json(diff), indent=2, ensure_ascii=False) + "\n"
