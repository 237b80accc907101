"""Read a file of a contributed tree: a regular file inside its root, no link, bounded.

Annotations, articles and the tables come from pull requests and downloads. A
symlink among them could make a tool read (and then echo in a report) a file
that is not part of the package, `/etc/passwd` say, and a link to `/dev/zero`
or a FIFO would exhaust memory or hang. So every such file is opened
component by component without following links (`O_NOFOLLOW` with `dir_fd`,
which leaves no window between a check and the open), must be a regular
file, and is read up to a limit and never past it. A refusal names the path
relative to the root and nothing of what a link points to.

This module is part of the base install: `load()` reads the tables through it.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path, PurePosixPath

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_NOCTTY = getattr(os, "O_NOCTTY", 0)
#: Component-wise opening needs dir_fd (POSIX); elsewhere each component is lstat-ed first.
_DIR_FD = os.open in os.supports_dir_fd and bool(_NOFOLLOW)


class UnsafeFile(Exception):
    """A file that may not be read: `kind` is missing, link, special, outside or too-large."""

    def __init__(self, kind: str, rel: str, message: str) -> None:
        self.kind = kind
        self.rel = rel
        super().__init__(message)


def canonical_parts(rel: object) -> tuple[str, ...] | None:
    """The components of a relative POSIX path that stays inside its root, else None.

    Refused: non-strings, empty, absolute, `..`, `.`, empty components (`a//b`),
    backslashes, NUL, a drive or URL scheme (`c:`, `https:`), control characters
    and undecodable bytes (surrogates): a path a person cannot read is not ours.
    """
    if not isinstance(rel, str) or not rel or not rel.isprintable():
        return None
    if "\\" in rel or rel.startswith("/") or rel.endswith("/"):
        return None
    parts = tuple(rel.split("/"))
    if any(p in ("", ".", "..") for p in parts) or ":" in parts[0]:
        return None
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return parts


def _refuse_errno(exc: OSError, rel: str) -> UnsafeFile:
    if exc.errno in (errno.ELOOP, errno.EMLINK):
        return UnsafeFile(
            "link",
            rel,
            f"{rel} is a symbolic link (or passes through one): files of the package must be "
            "regular files inside it; replace the link by the file itself",
        )
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return UnsafeFile("missing", rel, f"{rel} does not exist")
    return UnsafeFile("missing", rel, f"{rel} cannot be opened: {exc.strerror or exc}")


def _open_posix(root: Path, parts: tuple[str, ...], rel: str) -> int:
    fd = os.open(root, os.O_RDONLY | _DIRECTORY)
    try:
        for part in parts[:-1]:
            try:
                nxt = os.open(part, os.O_RDONLY | _DIRECTORY | _NOFOLLOW, dir_fd=fd)
            except OSError as exc:
                raise _refuse_errno(exc, rel) from None
            os.close(fd)
            fd = nxt
        try:
            return os.open(
                parts[-1], os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _NOCTTY | _BINARY, dir_fd=fd
            )
        except OSError as exc:
            raise _refuse_errno(exc, rel) from None
    finally:
        os.close(fd)


def _open_portable(root: Path, parts: tuple[str, ...], rel: str) -> int:
    here = root
    for part in parts:
        here = here / part
        try:
            info = os.lstat(here)
        except OSError as exc:
            raise _refuse_errno(exc, rel) from None
        reparse: int = getattr(info, "st_reparse_tag", 0)  # a Windows junction
        if stat.S_ISLNK(info.st_mode) or reparse:
            raise _refuse_errno(OSError(errno.ELOOP, "link"), rel)
    try:
        return os.open(here, os.O_RDONLY | _BINARY | _NONBLOCK)
    except OSError as exc:
        raise _refuse_errno(exc, rel) from None


def open_inside(root: Path, rel: str) -> int:
    """A read-only file descriptor of the regular file `root/rel`; raises UnsafeFile."""
    parts = canonical_parts(rel)
    if parts is None:
        raise UnsafeFile(
            "outside",
            repr(rel)[:80],
            f"path {repr(rel)[:80]} is not a plain relative path inside the package "
            "(absolute, '..', a drive or URL, or a name that is not printable UTF-8)",
        )
    fd = (_open_posix if _DIR_FD else _open_portable)(root, parts, rel)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UnsafeFile(
                "special",
                rel,
                f"{rel} is not a regular file (a directory, device or pipe): refused",
            )
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_inside(root: Path, rel: str, limit: int) -> bytes:
    """The bytes of the regular file `root/rel`, refusing links, special files and more
    than `limit` bytes (never reading past the limit); raises UnsafeFile."""
    fd = open_inside(root, rel)
    with os.fdopen(fd, "rb", closefd=True) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise UnsafeFile("too-large", rel, f"{rel} is larger than {limit} bytes: refused")
    return data


def read_file(path: Path, limit: int) -> bytes:
    """`read_inside` for a path given whole: its directory is the root (a link there is
    the caller's choice, as when the command line names it), the file itself no link."""
    return read_inside(path.parent, path.name, limit)


def relative_inside(root: Path, path: Path) -> str | None:
    """`path` as a POSIX path relative to `root`, without resolving links (None if outside)."""
    try:
        return PurePosixPath(
            Path(os.path.abspath(path)).relative_to(os.path.abspath(root))
        ).as_posix()
    except ValueError:
        return None


def holds(root: Path, rel: str, data: bytes) -> bool:
    """Whether `root/rel` is a regular file (no link) of exactly these bytes; reads at
    most one byte more than `data`, so a link to /dev/zero costs nothing."""
    try:
        return read_inside(root, rel, len(data)) == data
    except (UnsafeFile, OSError):
        return False
