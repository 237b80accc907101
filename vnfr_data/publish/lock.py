"""One build at a time: an exclusive lock on the data directory, holding the journal.

`data/.build.lock` is locked (`flock`) for the whole of recovery and publish,
so a second build waits for the first instead of deleting its stage or mixing
its files in. While a publish is in flight the file also holds its journal:
the random token of the stage being written. A stage whose manifest carries
another token (or appears while no publish was in flight) was not left by a
build here, and is refused. `build --check` takes the lock shared, and only if
the file exists: it never creates or writes anything.

The lock file is opened without following links, so a committed symlink
cannot make the journal write land outside the data directory.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

LOCK = ".build.lock"
#: How long a second build waits for the first before refusing.
LOCK_WAIT_SECONDS = 600.0

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: one build at a time is the user's job
    fcntl = None  # type: ignore[assignment]


class PublishRefused(Exception):
    """The data directory is in a state a build must not touch; the message says why
    and what to do. Nothing was written."""


def _try(handle: IO[bytes], shared: bool) -> bool:
    if fcntl is None:  # pragma: no cover
        return True
    try:
        fcntl.flock(handle.fileno(), (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _acquire(handle: IO[bytes], root: Path, shared: bool, wait: float) -> None:
    if _try(handle, shared):
        return
    holder = read_journal(handle).get("pid", "another process")
    print(
        f"note: waiting for another vnfr-data build on {root} (pid {holder}) to finish",
        file=sys.stderr,
    )
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        time.sleep(0.05)
        if _try(handle, shared):
            return
    raise PublishRefused(
        f"another vnfr-data build holds {root / LOCK} (pid {holder}) for more than "
        f"{wait:.0f} s: let it finish, or stop it, then build again"
    )


def _open(root: Path, *, create: bool) -> IO[bytes] | None:
    flags = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= os.O_RDWR | os.O_CREAT if create else os.O_RDONLY
    try:
        fd = os.open(root / LOCK, flags, 0o644)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise PublishRefused(
            f"{root / LOCK} cannot be opened ({exc.strerror}); if it is a link, remove it"
        ) from None
    return os.fdopen(fd, "r+b" if create else "rb")


@contextlib.contextmanager
def locked(root: Path, *, wait: float = LOCK_WAIT_SECONDS) -> Iterator[IO[bytes]]:
    """Hold the exclusive build lock of `root` (creating the lock file)."""
    handle = _open(root, create=True)
    assert handle is not None
    with handle:
        _acquire(handle, root, shared=False, wait=wait)
        yield handle


@contextlib.contextmanager
def shared(root: Path, *, wait: float = LOCK_WAIT_SECONDS) -> Iterator[IO[bytes] | None]:
    """Hold the lock shared while reading (no build mid-swap), creating nothing."""
    handle = _open(root, create=False)
    if handle is None:
        yield None
        return
    with handle:
        _acquire(handle, root, shared=True, wait=wait)
        yield handle


def read_journal(handle: IO[bytes]) -> dict[str, Any]:
    """The journal in the lock file: {} when no publish is in flight."""
    handle.seek(0)
    raw = handle.read(4096)
    try:
        found = json.loads(raw.decode("utf-8")) if raw.strip() else {}
    except (UnicodeDecodeError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def write_journal(handle: IO[bytes], entry: dict[str, Any]) -> None:
    """Replace the journal and make it durable before anything it announces happens."""
    handle.seek(0)
    handle.truncate()
    if entry:
        handle.write(json.dumps(entry, sort_keys=True).encode("utf-8"))
    handle.flush()
    os.fsync(handle.fileno())
