"""Open a data package directory for checking, through the reading path `load()` uses.

The descriptor is read and checked by `read.descriptor.read_index`, the same
function `load()` calls, so both resolve the same files. Anything that makes
the package unusable (no descriptor, unreadable JSON, a resource path leaving
the package) is an `UnusableInput` problem, which the CLI turns into exit
code 2; every other way the descriptor breaks the format is reported with the
rest of the findings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ProblemsFound
from ..read.descriptor import PackageIndex, ResourceEntry, read_index


@dataclass(frozen=True)
class PackageDir:
    root: Path
    descriptor_path: Path
    descriptor: dict[str, Any]
    index: PackageIndex

    def resource(self, name: str) -> dict[str, Any] | None:
        """The descriptor's raw entry for `name` (None when it has none)."""
        entry = self.index.resources.get(name)
        if entry is None:
            return None
        res: dict[str, Any] = self.descriptor["resources"][entry.index]
        return res

    def entry(self, name: str) -> ResourceEntry | None:
        return self.index.resources.get(name)


def open_package(path: Path) -> PackageDir:
    """The package at `path` (a directory or its descriptor); raises ProblemsFound if unusable."""
    index = read_index(path)
    fatal = [p for p in index.problems if p.fatal]
    if fatal:
        raise ProblemsFound(fatal)
    return PackageDir(index.root, Path(index.descriptor_file), index.descriptor, index)
