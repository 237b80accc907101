"""Open a data package directory for checking: descriptor, safe paths, tables.

Anything that makes the package unusable (no descriptor, unreadable JSON, a
resource path leaving the package) is an `UnusableInput` problem, which the
CLI turns into exit code 2.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from ..errors import Problem, ProblemsFound, UnusableInput

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
    if not pure.parts or pure.is_absolute() or ".." in pure.parts or ":" in pure.parts[0]:
        return None
    path = root / pure
    try:  # a symlink may still point outside: resolve it
        path.resolve().relative_to(_resolved(root))
    except (ValueError, OSError, RuntimeError):  # outside, or a symlink loop
        return None
    return path


@functools.lru_cache(maxsize=64)
def _resolved(root: Path) -> Path:
    return root.resolve()


def open_package(path: Path) -> PackageDir:
    """The package at `path` (a directory or its descriptor); raises ProblemsFound if unusable."""
    descriptor_path = path / "datapackage.json" if path.is_dir() else path
    shown = str(descriptor_path)
    if not descriptor_path.is_file():
        raise ProblemsFound(
            [
                UnusableInput(
                    "no data package descriptor here",
                    file=shown,
                    expected="a data package directory or its datapackage.json",
                )
            ]
        )
    try:
        raw = read_limited(descriptor_path, MAX_DESCRIPTOR_BYTES)
    except OSError as exc:
        raise ProblemsFound(
            [UnusableInput(f"descriptor cannot be read: {exc.strerror or exc}", file=shown)]
        ) from None
    if raw is None:
        raise ProblemsFound(
            [
                UnusableInput(
                    "descriptor too large", file=shown, expected=f"<= {MAX_DESCRIPTOR_BYTES} bytes"
                )
            ]
        )
    try:
        descriptor = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        message = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise ProblemsFound(
            [UnusableInput(f"descriptor is not valid UTF-8 JSON: {message}", file=shown)]
        ) from None
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        raise ProblemsFound([UnusableInput("descriptor has no resources list", file=shown)])
    root = descriptor_path.parent
    problems: list[Problem] = []
    for i, res in enumerate(descriptor["resources"]):
        if not isinstance(res, dict):
            problems.append(
                UnusableInput("resource is not an object", file=shown, field=f"resources[{i}]")
            )
            continue
        twin = res.get("vnfr:parquet")
        for where, rel in (
            (f"resources[{i}].path", res.get("path")),
            (
                f"resources[{i}].vnfr:parquet.path",
                twin.get("path") if isinstance(twin, dict) else None,
            ),
        ):
            if rel is not None and safe_relative(root, rel) is None:
                problems.append(
                    UnusableInput(
                        "resource path leaves the package (absolute, '..', a URL) or is not "
                        "a single path",
                        file=shown,
                        field=where,
                        value=str(rel)[:200],
                        expected="a relative path inside the package directory",
                    )
                )
    if problems:
        raise ProblemsFound(problems)
    return PackageDir(root, descriptor_path, descriptor)


def read_limited(path: Path, limit: int) -> bytes | None:
    """The file's bytes, or None when it holds more than `limit` (never reads past it)."""
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)
    return None if len(data) > limit else data
