"""Write the site atomically: a reader sees the old site or the new one, never a mix.

Every file is written into a staging directory beside OUT_DIR and fsynced (all
at once, so that the file system commits them together), which is then renamed
into place (the old site is renamed away first and removed
after). OUT_DIR is only replaced when it is empty or a site this command wrote
(it holds the marker file), so a mistyped path never deletes someone's files.
Leftovers of an interrupted run are removed by the next one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

MARKER = ".vnfr-site"


class NotASite(Exception):
    """OUT_DIR exists, holds files, and was not written by `vnfr-data site`."""


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _check_target(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise NotASite(f"{out} exists and is not a directory")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise NotASite(
            f"{out} is not empty and was not written by `vnfr-data site` (no {MARKER} file): "
            "choose a new or empty directory"
        )


def write_site(files: Mapping[str, bytes], out_dir: Path) -> None:
    """Write `files` (relative path -> bytes) as the whole content of `out_dir`."""
    out = out_dir.resolve()
    _check_target(out)
    parent = out.parent
    parent.mkdir(parents=True, exist_ok=True)
    for stale in parent.glob(f".{out.name}.*.tmp"):
        shutil.rmtree(stale, ignore_errors=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", suffix=".tmp", dir=parent))
    try:
        written: list[Path] = []
        for rel, data in sorted(files.items()):
            target = stage / rel
            if stage not in target.resolve().parents:
                raise ValueError(f"site file {rel!r} would be written outside the site")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            written.append(target)
        # fsync every file before the swap, many at once: the file system commits them
        # together (one by one, 18,000 pages took 95 s here; together, a few seconds).
        folders = sorted({p.parent for p in written} | {stage})
        with ThreadPoolExecutor(max_workers=16) as pool:
            list(pool.map(_fsync_file, written))
            list(pool.map(_fsync_dir, folders))
        os.chmod(stage, 0o755)
        old: Path | None = None
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", suffix=".tmp", dir=parent))
            os.rmdir(old)
            os.replace(out, old)
        os.replace(stage, out)
        _fsync_dir(parent)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
