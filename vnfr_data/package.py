"""Open a data package directory for checking: descriptor, safe paths, tables.

Anything that makes the package unusable (no descriptor, unreadable JSON, a
resource path leaving the package) is an `UnusableInput` problem, which the
CLI turns into exit code 2.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from .errors import Problem, ProblemsFound, UnusableInput

MAX_DESCRIPTOR_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class PackageDir:
    root: Path
    descriptor_path: Path
    descriptor: dict[str, Any]

    def resource(self, name: str) -> dict[str, Any] | None:
        for res in self.descriptor.get("resources", []):
            if isinstance(res, dict) and res.get("name") == name:
                return res
        return None


def safe_relative(root: Path, rel: Any) -> Path | None:
    """`root/rel` when rel is a relative POSIX path staying inside root, else None."""
    if not isinstance(rel, str) or not rel or "\\" in rel or "\x00" in rel:
        return None
    pure = PurePosixPath(rel)
    if pure.is_absolute() or ".." in pure.parts or ":" in pure.parts[0]:
        return None
    path = root / pure
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return None
    return path


def open_package(path: Path) -> PackageDir:
    descriptor_path = path / "datapackage.json" if path.is_dir() else path
    problems: list[Problem] = []
    if not descriptor_path.is_file():
        raise ProblemsFound(
            [UnusableInput("no data package descriptor here", file=str(descriptor_path))]
        )
    if descriptor_path.stat().st_size > MAX_DESCRIPTOR_BYTES:
        raise ProblemsFound([UnusableInput("descriptor too large", file=str(descriptor_path))])
    try:
        descriptor = json.loads(descriptor_path.read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ProblemsFound(
            [UnusableInput(f"descriptor is not valid UTF-8 JSON: {exc}", file=str(descriptor_path))]
        ) from None
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        raise ProblemsFound(
            [UnusableInput("descriptor has no resources list", file=str(descriptor_path))]
        )
    root = descriptor_path.parent
    for i, res in enumerate(descriptor["resources"]):
        if not isinstance(res, dict):
            problems.append(
                UnusableInput("resource is not an object", file=str(descriptor_path), row=i + 1)
            )
            continue
        paths = [
            res.get("path"),
            (res.get("vnfr:parquet") or {}).get("path")
            if isinstance(res.get("vnfr:parquet"), dict)
            else None,
        ]
        for rel in paths:
            if rel is not None and safe_relative(root, rel) is None:
                problems.append(
                    UnusableInput(
                        "resource path leaves the package (absolute, '..' or a URL)",
                        file=str(descriptor_path),
                        field=f"resources[{i}].path",
                        value=str(rel),
                        expected="a relative path inside the package directory",
                    )
                )
    if problems:
        raise ProblemsFound(problems)
    return PackageDir(root, descriptor_path, descriptor)
