"""The build's cache: what one annotation file contributes, kept by the hash of what made it.

Parsing and checking an annotation file is most of a build (YAML, the models,
finding every quote in the article). Its result depends on the file's bytes,
the article's bytes, the name the file is shown by, and the toolchain (this
package's code, its version and schemas, the Python, pyarrow, pydantic and
PyYAML versions). An entry is stored under the sha256 of all of it but the
article (which the file names), with the article's sha256 inside. A rebuild
replays the entries of unchanged files in file order, exactly as the build
would have produced them, and parses only the rest: its output is the same
bytes as a full build (a test checks it).

Nothing read from the cache is trusted. An entry is JSON (no code runs on
loading it), begins with the sha256 of the rest, and names its own key; a
truncated, edited or foreign entry, one of another toolchain or whose article
changed, is a miss and is rebuilt. Writes are atomic (a temporary file then a
rename), and failing to write only means the next build parses again.

The cache lives outside the published data (`.cache/` beside the data
directory, ignored by git) and can be deleted at any time.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import platform
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._version import __version__
from ..errors import Problem, problem_from_dict

if TYPE_CHECKING:
    from ..sources.article import Article

#: Bumped whenever the layout of an entry changes.
FORMAT = 1
_PACKAGE = Path(__file__).resolve().parent.parent


class Uncachable(TypeError):
    """A value the entry format cannot hold exactly (the file is then simply not cached)."""


def encode(value: Any) -> Any:
    """A claim value as JSON that decodes to an equal value of the same type."""
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return {"f": repr(value)}
    if isinstance(value, Decimal):
        return {"d": str(value)}
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return {"D": value.isoformat()}
    if isinstance(value, tuple):
        return {"t": [encode(v) for v in value]}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {"m": {k: encode(v) for k, v in value.items()}}
    raise Uncachable(f"cannot cache a {type(value).__name__}")


def decode(value: Any) -> Any:
    if isinstance(value, list):
        return [decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    ((tag, inner),) = value.items()
    if tag == "f":
        return float(inner)
    if tag == "d":
        return Decimal(inner)
    if tag == "D":
        return datetime.date.fromisoformat(inner)
    if tag == "t":
        return tuple(decode(v) for v in inner)
    if tag == "m":
        return {k: decode(v) for k, v in inner.items()}
    raise ValueError(f"unknown tag {tag!r}")


def encode_problem(problem: Problem) -> dict[str, Any]:
    return problem.to_dict()


def decode_problem(data: dict[str, Any]) -> Problem:
    return problem_from_dict(data)


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "none"


def toolchain() -> str:
    """A fingerprint of everything besides the inputs that shapes an entry."""
    from ..schema import RESOURCES, table_schema

    digest = hashlib.sha256()
    for part in (
        f"format {FORMAT}",
        f"vnfr-data {__version__}",
        f"python {platform.python_implementation()} {platform.python_version()}",
        *(f"{p} {_version(p)}" for p in ("pyarrow", "pydantic", "pydantic-core", "PyYAML")),
        *(f"{name} {table_schema(name).fingerprint()}" for name in RESOURCES),
    ):
        digest.update(part.encode() + b"\0")
    # The code itself: an edit to how a file is read must not replay old results.
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(str(path.relative_to(_PACKAGE)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


@dataclass
class Entry:
    """What one annotation file contributed, as stored."""

    key: str
    payload: dict[str, Any]


@dataclass
class BuildCache:
    """Entries in `root`, one file per key; `hits` and `misses` count this build's lookups."""

    root: Path
    fingerprint: str = field(default_factory=toolchain)
    hits: int = 0
    misses: int = 0
    used: set[str] = field(default_factory=set)
    #: The build took the snapshot's shortcut (`incremental`) rather than replaying every file.
    shortcut: bool = False

    @classmethod
    def beside(cls, data_dir: Path) -> BuildCache:
        """The cache of the data directory `data_dir`: `.cache/vnfr-data/build` next to it."""
        return cls(data_dir.resolve().parent / ".cache" / "vnfr-data" / "build")

    def key(self, shown: str, raw: bytes) -> str:
        digest = hashlib.sha256(self.fingerprint.encode())
        digest.update(b"\0" + shown.encode("utf-8") + b"\0" + raw)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def load(self, key: str) -> dict[str, Any] | None:
        """The payload stored under `key`, or None (missing, corrupt, foreign: all a miss)."""
        self.used.add(key)
        try:
            raw = self._path(key).read_bytes()
        except OSError:
            self.misses += 1
            return None
        head, sep, body = raw.partition(b"\n")
        payload: Any = None
        if sep and head.decode("ascii", "replace") == hashlib.sha256(body).hexdigest():
            try:
                payload = json.loads(body.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
                payload = None
        if (
            not isinstance(payload, dict)
            or payload.get("format") != FORMAT
            or payload.get("key") != key
        ):
            self.misses += 1
            return None
        self.hits += 1
        return payload

    def stale(self) -> None:
        """The entry just loaded no longer holds (its article changed): count it a miss."""
        self.hits -= 1
        self.misses += 1

    def store(self, key: str, payload: dict[str, Any]) -> None:
        """Write an entry atomically; a failure only costs the next build a parse."""
        self.used.add(key)
        body = json.dumps(
            {"format": FORMAT, "key": key, **payload}, ensure_ascii=False, separators=(",", ":")
        ).encode("utf-8")
        data = hashlib.sha256(body).hexdigest().encode() + b"\n" + body
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, data)
        except OSError:
            pass

    def prune(self) -> None:
        """Delete the entries this build did not use (files since edited or removed)."""
        try:
            shards = [p for p in self.root.iterdir() if p.is_dir() and len(p.name) == 2]
        except OSError:
            return
        for shard in shards:
            for path in shard.glob("*.json"):
                if path.stem not in self.used:
                    path.unlink(missing_ok=True)


def write_atomic(path: Path, data: bytes) -> None:
    """Write a whole file or nothing: a crash leaves the old file or none, never half of one."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def encode_article(article: Article | None) -> dict[str, Any] | None:
    """What an entry or the snapshot keeps of an article: enough to rebuild its metadata
    without re-reading it, and the sha256 that replay checks against the file."""
    if article is None:
        return None
    return {
        "meta": article.meta.model_dump(mode="json"),
        "sha256": article.sha256,
        "body": [article.body_start, article.body_end],
        "file": article.file,
    }
