"""Read a table's Parquet file as the descriptor vouches for it, or refuse with the reason.

One function reads Parquet for `load()` and for `validate` alike. It reads the
bytes once (a regular file inside the package, no link, no more bytes than the
descriptor declares), hashes those same bytes with sha256 (a C loop over a few
kB: the check costs nothing next to parsing), then parses them from memory
with Parquet's page checksums verified, and checks the key-value metadata the
build writes: the dataset version, the resource name and the schema
fingerprint must be those of the installed vnfr_data. A flipped byte, a
truncated file, a file of another version or another table is an error naming
the file, never a table of wrong values.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

from .._version import __version__
from ..arrow_values import arrow_owned
from ..errors import (
    FileTooLarge,
    HashMismatch,
    MissingFile,
    ParquetError,
    Problem,
    ProblemsFound,
    TwinMismatch,
    UnsafeFileError,
)
from ..safe_files import UnsafeFile, read_inside
from ..schema import table_schema
from .descriptor import FileEntry

if TYPE_CHECKING:
    import pyarrow.parquet as pq

#: Largest Parquet file read; the shipped ones are a few kB each.
MAX_PARQUET_BYTES = 1 << 30
#: Files up to this size are decoded on the calling thread: handing a few kB to Arrow's
#: thread pool costs more than it saves (the 13 shipped tables: about 7 ms instead of 8.5).
THREADED_FROM_BYTES = 1 << 20


def read_bytes(root: Path, rel: str, file: str, limit: int, *, declared: bool = False) -> bytes:
    """A package file's bytes (regular, inside, no link, at most `limit`, the declared
    size when `declared`); raises ProblemsFound."""
    try:
        return read_inside(root, rel, limit)
    except UnsafeFile as exc:
        problem: Problem
        if exc.kind == "missing":
            problem = MissingFile("file missing", file=file)
        elif exc.kind == "too-large" and declared:
            problem = HashMismatch(
                f"file is larger than the {limit} bytes the descriptor says",
                file=file,
                field="bytes",
                expected=str(limit),
            )
        elif exc.kind == "too-large":
            problem = FileTooLarge(str(exc), file=file, expected=f"<= {limit} bytes")
        else:
            problem = UnsafeFileError(str(exc), file=file, expected="a regular file, not a link")
        raise ProblemsFound([problem]) from None
    except OSError as exc:
        raise ProblemsFound(
            [MissingFile(f"file cannot be read: {exc.strerror or exc}", file=file)]
        ) from None


@dataclass(frozen=True)
class Digest:
    """A file's size and sha256, computed once and compared wherever they are needed."""

    size: int
    sha256: str

    @classmethod
    def of(cls, data: bytes) -> Digest:
        return cls(len(data), hashlib.sha256(data).hexdigest())


def hash_problems(data: bytes | Digest, entry: FileEntry, file: str) -> list[Problem]:
    """Size and sha256 of `data` (or of the file it digests) against the descriptor's entry."""
    digest = data if isinstance(data, Digest) else Digest.of(data)
    problems: list[Problem] = []
    if digest.size != entry.bytes:
        problems.append(
            HashMismatch(
                f"file has {digest.size} bytes, the descriptor says {entry.bytes}",
                file=file,
                field="bytes",
                value=str(digest.size),
                expected=str(entry.bytes),
            )
        )
    actual = digest.sha256
    if actual != entry.sha256:
        problems.append(
            HashMismatch(
                "sha256 of the file differs from the descriptor's (file edited after the build, "
                "or corrupt?)",
                file=file,
                field="hash",
                value=actual,
                expected=entry.sha256,
            )
        )
    return problems


def _unreadable(exc: Exception, file: str) -> ProblemsFound:
    return ProblemsFound(
        [
            ParquetError(
                f"Parquet file cannot be read (truncated or corrupt?): "
                f"{type(exc).__name__}: {str(exc)[:200]}",
                file=file,
                expected="a Parquet file as `vnfr-data build` writes it",
            )
        ]
    )


def open_parquet(
    data: bytes, name: str, file: str, *, verify: bool
) -> tuple[pq.ParquetFile, list[Problem]]:
    """The Parquet file in `data`, opened but not decoded, and what its metadata says
    wrong against the installed schema; raises ProblemsFound when it cannot be opened.

    The metadata problems are to be raised only once the data decodes (a file that
    does not is reported as unreadable, alone): `parse_parquet` and the twin check
    decode first.
    """
    import pyarrow.parquet as pq

    schema = table_schema(name)
    try:
        # Arrow-owned input: the decode runs on Arrow's threads (see `arrow_owned`).
        source = pa.BufferReader(arrow_owned(data))
        handle = pq.ParquetFile(source, page_checksum_verification=verify)
        meta = handle.metadata
        unpacked = sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))
        if unpacked > max(64 * len(data), 1 << 28):
            raise ProblemsFound(
                [
                    ParquetError(
                        f"Parquet declares {unpacked} bytes uncompressed from {len(data)}: refused",
                        file=file,
                    )
                ]
            )
        arrow_schema = handle.schema_arrow
    except ProblemsFound:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure to decode is the file's, reported
        raise _unreadable(exc, file) from None
    stored = arrow_schema.metadata or {}
    problems: list[Problem] = []
    for key, want in (
        (b"vnfr:resource", name),
        (b"vnfr:dataset_version", __version__),
        (b"vnfr:schema_fingerprint", schema.fingerprint()),
    ):
        got = stored.get(key, b"").decode("utf-8", "replace")
        if got != want:
            problems.append(
                TwinMismatch(
                    f"Parquet metadata {key.decode()} is not the installed package's "
                    "(another version or table, or a schema changed since the build)",
                    file=file,
                    field=key.decode(),
                    value=got,
                    expected=want,
                )
            )
    bare = arrow_schema.remove_metadata()
    if not problems and not bare.equals(schema.arrow_schema()):
        problems.append(
            TwinMismatch(
                "Parquet columns or types differ from the Table Schema",
                file=file,
                value=str(bare)[:200],
                expected=str(schema.arrow_schema())[:200],
            )
        )
    return handle, problems


def read_column(handle: pq.ParquetFile, column: str, file: str, *, full: bool) -> pa.ChunkedArray:
    """One column of an opened file, decoded (and every value validated on `full`);
    raises ProblemsFound when it does not decode."""
    try:
        table = handle.read(columns=[column])
        if full:
            table.validate(full=True)
    except Exception as exc:  # noqa: BLE001 - any failure to decode is the file's, reported
        raise _unreadable(exc, file) from None
    return table[column]


def validate_values(column: pa.ChunkedArray, file: str) -> None:
    """Every value of a decoded column validated (UTF-8 of strings, offsets); raises
    ProblemsFound, as `read_column(..., full=True)` would have."""
    try:
        column.validate(full=True)
    except Exception as exc:  # noqa: BLE001 - any failure to decode is the file's, reported
        raise _unreadable(exc, file) from None


def parse_parquet(
    data: bytes, name: str, file: str, *, verify: bool, full: bool = False
) -> pa.Table:
    """The table in `data`, checked against the installed schema; raises ProblemsFound.

    `verify` checks Parquet's page checksums while decoding; `full` also
    validates every value (UTF-8 of strings, offsets) for a file whose sha256
    vouches for nothing (validate reads files a contributor may have made).
    """
    handle, problems = open_parquet(data, name, file, verify=verify)
    try:
        table = handle.read(use_threads=len(data) >= THREADED_FROM_BYTES)
        if full:
            table.validate(full=True)
    except Exception as exc:  # noqa: BLE001 - any failure to decode is the file's, reported
        raise _unreadable(exc, file) from None
    if problems:
        raise ProblemsFound(problems)
    return table.replace_schema_metadata(None)


@dataclass(frozen=True)
class ParquetSource:
    """Where a table's Parquet file is and what the descriptor says of it."""

    root: Path
    name: str
    entry: FileEntry
    verify: bool = True

    @property
    def path(self) -> Path:
        return self.root / self.entry.path

    def read(self) -> pa.Table:
        """The verified table; raises PackageError naming the file."""
        from ..errors import PackageError

        file = str(self.path)
        try:
            if self.verify:
                limit = min(self.entry.bytes, MAX_PARQUET_BYTES)
                data = read_bytes(self.root, self.entry.path, file, limit, declared=True)
            else:
                data = read_bytes(self.root, self.entry.path, file, MAX_PARQUET_BYTES)
            if self.verify:
                problems = hash_problems(data, self.entry, file)
                if problems:
                    raise ProblemsFound(problems)
            return parse_parquet(data, self.name, file, verify=self.verify)
        except ProblemsFound as exc:
            raise PackageError(self.root, exc.problems) from None
