"""Write the data package atomically: stage everything, then swap it in, descriptor last.

The protocol, under the exclusive build lock (`lock`):

1. The journal (in the lock file) records the new stage's random token, fsynced.
2. Every file is written and fsynced into `data/.staging/` (ignored by git).
3. The manifest (token, and each file's size and sha256) is written to a
   temporary name, fsynced and renamed into place: it exists only complete.
4. Files are moved into place with `os.replace`, the descriptor last, and the
   directories fsynced; then the stage is removed and the journal cleared.

Until the descriptor moves, it describes the old files; a reader that meets a
new table beside it is refused by its sha256 (`load()` and validate check every
file against the descriptor), so no reader ever gets a mix. A failure before
step 4 removes the stage (a full disk is not kept full). A crash during step 4
leaves a complete stage, which the next build finishes before anything else.

What a build finds is never trusted blindly: a stage that git tracks, that is
a link, or that appears while the journal says no publish was in flight, is
refused (nothing is deleted or written); a manifest that is empty, partial,
unparseable, of another token, or names anything but the package's own files,
or a staged file that is a link or differs from its sha256, makes the stage
incomplete: it is discarded, never finished. Files are only ever written at
the package's canonical names, through directories that are not links.

`STEP` lets tests fail or crash the publish at each of its steps.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from ..read.descriptor import DESCRIPTOR, csv_path, parquet_path
from ..safe_files import UnsafeFile, holds, read_inside
from ..schema import RESOURCES
from .lock import LOCK, LOCK_WAIT_SECONDS, PublishRefused, locked, read_journal, write_journal

STAGING = ".staging"
MANIFEST = "MANIFEST"
MANAGED_DIRS = ("csv", "parquet")
MAX_MANIFEST_BYTES = 1 << 20

#: Test hook: called with the name of each step before it runs.
STEP: Callable[[str], None] | None = None


def _step(name: str) -> None:
    if STEP is not None:
        STEP(name)


def canonical_names() -> frozenset[str]:
    """The only files a publish writes: the descriptor and each table's CSV and Parquet."""
    return frozenset(
        {DESCRIPTOR, *(csv_path(n) for n in RESOURCES), *(parquet_path(n) for n in RESOURCES)}
    )


def _fsync_dir(path: Path) -> None:
    """Make renames and new entries in a directory durable (POSIX; a no-op elsewhere)."""
    if not hasattr(os, "O_DIRECTORY"):  # pragma: no cover - Windows cannot open directories
        return
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems refuse fsync on directories
        pass
    finally:
        os.close(fd)


def _real_dir(path: Path, shown: str) -> bool:
    """Whether `path` is a directory (False if absent); refuses a link or a file."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return False
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise PublishRefused(
            f"{shown} is a link or not a directory: a build writes only into real "
            "directories of the data directory; remove it"
        )
    return True


def _write(path: Path, data: bytes) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0), 0o644)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        _step(f"fsync {path.name}")
        os.fsync(handle.fileno())


def _tracked_by_git(root: Path, *names: str) -> bool:
    """Whether git tracks any of `names` under root (False without git or a work tree)."""
    try:
        done = subprocess.run(
            ["git", "ls-files", "-z", "--", *names],
            cwd=root,
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0 and bool(done.stdout.strip(b"\0"))


def _manifest(root: Path, token: str) -> dict[str, dict[str, Any]] | str:
    """The stage's files by name, or why the stage is incomplete."""
    try:
        raw = read_inside(root, f"{STAGING}/{MANIFEST}", MAX_MANIFEST_BYTES)
        found = json.loads(raw.decode("utf-8"))
    except UnsafeFile as exc:
        return "no manifest" if exc.kind == "missing" else f"manifest refused: {exc}"
    except (UnicodeDecodeError, ValueError, RecursionError):
        return "manifest empty, partial or unparseable"
    if not isinstance(found, dict) or found.get("token") != token:
        return "manifest of another publish"
    files = found.get("files")
    if not isinstance(files, dict) or set(files) != canonical_names():
        return "manifest does not name exactly the package's files"
    for entry in files.values():
        if not (
            isinstance(entry, dict)
            and isinstance(entry.get("bytes"), int)
            and isinstance(entry.get("sha256"), str)
        ):
            return "manifest entry malformed"
    return files


def _staged(root: Path, name: str, entry: dict[str, Any]) -> bytes | None:
    """The staged bytes of `name` when they are a regular file matching the manifest."""
    try:
        data = read_inside(root, f"{STAGING}/{name}", int(entry["bytes"]))
    except (UnsafeFile, OSError):
        return None
    ok = len(data) == entry["bytes"] and hashlib.sha256(data).hexdigest() == entry["sha256"]
    return data if ok else None


def _moved(root: Path, name: str, entry: dict[str, Any]) -> bool:
    try:
        data = read_inside(root, name, int(entry["bytes"]))
    except (UnsafeFile, OSError):
        return False
    return bool(hashlib.sha256(data).hexdigest() == entry["sha256"])


def _discard(root: Path, journal: IO[bytes]) -> None:
    _step("remove stage")
    shutil.rmtree(root / STAGING)
    _step("clear journal")
    write_journal(journal, {})


def _swap(root: Path, files: dict[str, dict[str, Any]], journal: IO[bytes]) -> None:
    """Move the staged files into place, descriptor last; the stage is complete."""
    for managed in MANAGED_DIRS:
        if not _real_dir(root / managed, managed):
            _step(f"mkdir {managed}")
            os.mkdir(root / managed)
    for name in sorted(files, key=lambda n: (n == DESCRIPTOR, n)):
        staged = root / STAGING / name
        if os.path.lexists(staged):
            _step(f"replace {name}")
            os.replace(staged, root / name)
    _step("fsync directories")
    for managed in MANAGED_DIRS:
        _fsync_dir(root / managed)
    _fsync_dir(root)
    for managed in MANAGED_DIRS:
        for old in sorted((root / managed).iterdir()):
            if f"{managed}/{old.name}" not in files and (old.is_symlink() or old.is_file()):
                _step(f"remove stale {managed}/{old.name}")
                old.unlink()
    _discard(root, journal)


def _recover(root: Path, journal: IO[bytes]) -> str | None:
    """Finish or discard what an interrupted publish left; the lock is held."""
    if not os.path.lexists(root / STAGING):
        if read_journal(journal):
            write_journal(journal, {})
        return None
    if _tracked_by_git(root, STAGING, LOCK):
        raise PublishRefused(
            f"{root / STAGING} is committed to git: a publish stage is never part of the "
            f"repository; remove it (git rm -r {STAGING}) and build again"
        )
    _real_dir(root / STAGING, str(root / STAGING))
    token = read_journal(journal).get("token")
    if not isinstance(token, str):
        raise PublishRefused(
            f"{root / STAGING} was not left by an interrupted build here (no publish was in "
            "flight): it is not finished or deleted; remove it if you do not know it"
        )
    files = _manifest(root, token)
    if isinstance(files, str):
        _discard(root, journal)
        return f"discarded an incomplete stage ({files})"
    for name, entry in files.items():
        if _staged(root, name, entry) is None and not _moved(root, name, entry):
            _discard(root, journal)
            return f"discarded a stage whose {name} is missing or differs from its manifest"
    _swap(root, files, journal)
    return "finished an interrupted publish"


def recover(root: Path, *, wait: float = LOCK_WAIT_SECONDS) -> str | None:
    """Finish or discard a stage left by an interrupted publish, under the lock."""
    with locked(root, wait=wait) as journal:
        return _recover(root, journal)


def pending(root: Path) -> str | None:
    """A description of the stage in `root`, if one is there (reads nothing else)."""
    if os.path.lexists(root / STAGING):
        return (
            f"{root / STAGING} holds an unfinished publish (a build was interrupted, or the "
            "stage was committed)"
        )
    return None


def _stage(root: Path, files: dict[str, bytes], token: str) -> dict[str, dict[str, Any]]:
    stage = root / STAGING
    _step("mkdir stage")
    os.mkdir(stage)
    made = {stage}
    entries: dict[str, dict[str, Any]] = {}
    for name, data in sorted(files.items()):
        target = stage / name
        if target.parent not in made:
            _step(f"mkdir {target.parent.name}")
            os.mkdir(target.parent)
            made.add(target.parent)
        _step(f"write {name}")
        _write(target, data)
        entries[name] = {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    _step("fsync stage")
    for directory in sorted(made, key=lambda p: len(p.parts), reverse=True):
        _fsync_dir(directory)
    manifest = json.dumps({"token": token, "files": entries}, sort_keys=True).encode("utf-8")
    _step("write manifest")
    _write(stage / f"{MANIFEST}.part", manifest)
    _step("rename manifest")
    os.replace(stage / f"{MANIFEST}.part", stage / MANIFEST)
    _step("fsync manifest")
    _fsync_dir(stage)
    return entries


def publish(files: dict[str, bytes], root: Path, *, wait: float = LOCK_WAIT_SECONDS) -> str | None:
    """Write `files` under `root` so that no reader ever sees a mix of two builds.

    Returns what recovery did first (None if nothing was left over). Raises
    PublishRefused for a state it must not touch, OSError when writing fails
    (the stage is then removed, unless the swap had begun: the next build
    finishes it).
    """
    if set(files) != canonical_names():
        odd = sorted(set(files) ^ canonical_names())[:5]
        raise ValueError(f"a publish writes exactly the package's files (not {odd})")
    with locked(root, wait=wait) as journal:
        note = _recover(root, journal)
        token = secrets.token_hex(16)
        _step("journal")
        write_journal(journal, {"pid": os.getpid(), "token": token})
        try:
            entries = _stage(root, files, token)
        except BaseException:
            if os.path.lexists(root / STAGING):
                shutil.rmtree(root / STAGING, ignore_errors=True)
            write_journal(journal, {})
            raise
        _swap(root, entries, journal)
        return note


def unchanged(files: dict[str, bytes], root: Path) -> bool:
    """Whether every file is on disk with exactly these bytes (reads nothing more)."""
    return all(holds(root, n, d) for n, d in files.items())
