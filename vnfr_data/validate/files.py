"""Files of the package: present, regular, of bounded size, and matching the descriptor.

The descriptor's bytes and hash are the downloader's guarantee; a file edited
after the build is caught here before any of its rows is trusted. Files are
read through `read.verified`, the reader `load()` uses.
"""

from __future__ import annotations

from ..errors import ProblemsFound, SchemaMismatch
from ..read.descriptor import FileEntry
from ..read.verified import Digest, hash_problems, read_bytes
from ..schema import RESOURCES, table_schema
from .report import Report
from .state import PackageState


def read_file(state: PackageState, rel: str, limit: int, report: Report) -> bytes | None:
    """A package file's bytes, or None with the problem reported (missing, a link,
    special, too large)."""
    try:
        return read_bytes(state.pkg.root, rel, str(state.pkg.root / rel), limit)
    except ProblemsFound as exc:
        report.problems += exc.problems
        return None


def check_hash(
    state: PackageState, rel: str, data: bytes, entry: FileEntry | None, report: Report
) -> None:
    """Size and sha256 against the descriptor (a missing or malformed entry is a
    descriptor problem, reported with the descriptor's); the digest is kept."""
    digest = state.digests[rel] = Digest.of(data)
    if entry is not None:
        report.problems += hash_problems(digest, entry, str(state.pkg.root / rel))


def check_descriptor(state: PackageState, report: Report) -> None:
    """The descriptor's own problems, and each resource's schema against schemas/."""
    pkg = state.pkg
    report.problems += [p for p in pkg.index.problems if not p.fatal]
    for name in RESOURCES:
        entry = pkg.entry(name)
        res = pkg.resource(name)
        if entry is None or res is None or not isinstance(res.get("schema"), dict):
            continue
        expected = {k: v for k, v in table_schema(name).descriptor.items() if k != "$schema"}
        if res.get("schema") != expected:
            report.problems.append(
                SchemaMismatch(
                    f"the schema of resource {name!r} differs from schemas/{name}.json",
                    file=str(pkg.descriptor_path),
                    field=f"resources[{entry.index}].schema",
                    expected=f"schemas/{name}.json (run `vnfr-data build`)",
                )
            )
        fingerprint = table_schema(name).fingerprint()
        if entry.schema_fingerprint is not None and entry.schema_fingerprint != fingerprint:
            report.problems.append(
                SchemaMismatch(
                    "the Parquet twin's schema fingerprint is not the installed schema's",
                    file=str(pkg.descriptor_path),
                    field=f"resources[{entry.index}].vnfr:parquet.schema_fingerprint",
                    value=entry.schema_fingerprint,
                    expected=fingerprint,
                )
            )
