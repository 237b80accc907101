"""Files of the package: present, regular, of bounded size, and matching the descriptor.

The descriptor's bytes and hash are the downloader's guarantee; a file edited
after the build is caught here before any of its rows is trusted.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from ..errors import FileTooLarge, HashMismatch, MissingFile, SchemaMismatch
from ..schema import RESOURCES, table_schema
from .package import read_limited
from .report import Report
from .state import PackageState


def read_file(path: Path | None, shown: str, limit: int, report: Report) -> bytes | None:
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


def check_hash(data: bytes, declared: Any, size: Any, file: str, report: Report) -> None:
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


def check_descriptor(state: PackageState, report: Report) -> None:
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
