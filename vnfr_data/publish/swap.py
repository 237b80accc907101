"""Write the data package atomically: stage everything, then swap it in.

A crash never leaves half a dataset: all files are written and fsynced into
`.staging/` first, a manifest marks the stage complete, and only then are the
files moved into place with `os.replace`, descriptor last. A build that finds
a complete stage left by a crash finishes the swap before doing anything else;
an incomplete stage is discarded.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ..read.descriptor import DESCRIPTOR
from ..safe_files import holds

STAGING = ".staging"
MANIFEST = "MANIFEST"
MANAGED_DIRS = ("csv", "parquet")


def _fsync_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _swap(root: Path) -> None:
    stage = root / STAGING
    names = (stage / MANIFEST).read_text(encoding="utf-8").split("\n")
    names = [n for n in names if n]
    # Descriptor last: until it moves, readers see the old, self-consistent package.
    for name in sorted(names, key=lambda n: n == DESCRIPTOR):
        if not (stage / name).exists():
            continue  # moved before an interruption
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(stage / name, target)
    keep = set(names)
    for managed in MANAGED_DIRS:
        for old in sorted((root / managed).glob("*")):
            if f"{managed}/{old.name}" not in keep and old.is_file():
                old.unlink()
    shutil.rmtree(stage)


def recover(root: Path) -> str | None:
    """Finish or discard a stage left by an interrupted publish."""
    stage = root / STAGING
    if not stage.exists():
        return None
    if (stage / MANIFEST).is_file():
        _swap(root)
        return "finished an interrupted publish"
    shutil.rmtree(stage)
    return "discarded an incomplete stage"


def publish(files: dict[str, bytes], root: Path) -> None:
    """Write `files` under `root` so that no reader ever sees a mix of two builds."""
    recover(root)
    stage = root / STAGING
    stage.mkdir(parents=True)
    for name, data in sorted(files.items()):
        _fsync_write(stage / name, data)
    _fsync_write(stage / MANIFEST, "".join(f"{n}\n" for n in sorted(files)).encode("utf-8"))
    _swap(root)


def unchanged(files: dict[str, bytes], root: Path) -> bool:
    return all(holds(root, n, d) for n, d in files.items())
