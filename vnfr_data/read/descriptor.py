"""The descriptor, read and checked once: the one reading path of `load()` and `validate`.

`datapackage.json` says which files make the package and what they hold
(bytes, sha256, schema fingerprint). Both `load()` and `vnfr-data validate`
get the files to read from `read_index`, so what validate calls VALID is what
a user loads: there is no second way to find a file. The index holds only the
canonical files (`csv/<name>.csv`, `parquet/<name>.parquet`); a descriptor that
names any other path, lacks a key, or gives a key another JSON type is
reported with the JSON path of the key, never silently read around.

The checks are the Data Package v2 profile's rules for the properties the
package uses (types, required keys, patterns) plus this package's own: every
resource of the format present once, each with path, bytes, sha256 hash,
schema and its Parquet twin, and the version the installed code reads.
Plain code, not a JSON Schema library: this is the base install, and `load()`
runs it on every call, in well under a millisecond.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._version import __version__
from ..errors import DescriptorError, Problem, ProblemsFound, UnsafeFileError, UnusableInput
from ..paths import DESCRIPTOR as DESCRIPTOR  # its name, re-exported here
from ..safe_files import UnsafeFile, canonical_parts, read_inside
from ..schema import RESOURCES

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
MAX_DESCRIPTOR_BYTES = 16 * 1024 * 1024
TWIN = "vnfr:parquet"

_SHA256 = re.compile(r"sha256:[0-9a-f]{64}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
#: Data Package v2: `algorithm:hex` or a bare 32-digit md5.
_HASH = re.compile(r"([^:]+:[a-fA-F0-9]+|[a-fA-F0-9]{32}|)")
_NAME = re.compile(r"[-a-z0-9._/]+")
_MEDIATYPE = re.compile(r".+/.+")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})", re.ASCII)


def csv_path(name: str) -> str:
    return f"csv/{name}.csv"


def parquet_path(name: str) -> str:
    return f"parquet/{name}.parquet"


@dataclass(frozen=True)
class FileEntry:
    """One file the descriptor vouches for: where, how many bytes, which sha256 (hex)."""

    path: str
    bytes: int
    sha256: str


@dataclass(frozen=True)
class ResourceEntry:
    name: str
    #: Position in the descriptor's resources (for JSON paths in reports).
    index: int
    csv: FileEntry | None
    parquet: FileEntry | None
    rows: int | None
    schema_fingerprint: str | None


@dataclass
class PackageIndex:
    """What the descriptor says, checked; `problems` lists every way it breaks the format."""

    root: Path
    descriptor_file: str
    descriptor: dict[str, Any]
    resources: dict[str, ResourceEntry] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _shown(value: Any) -> str:
    try:
        return json.dumps(value, ensure_ascii=False)[:200]
    except (TypeError, ValueError):  # pragma: no cover - parsed JSON always dumps
        return repr(value)[:200]


class _Checker:
    """Collects profile violations, each at the JSON path of its key."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def bad(self, path: str, message: str, value: Any, expected: str) -> None:
        self.problems.append(
            DescriptorError(
                message,
                file=self.file,
                field=path,
                value=None if value is _ABSENT else _shown(value),
                expected=expected,
            )
        )

    def typed(self, obj: dict[str, Any], key: str, path: str, kind: str, *, required: bool) -> Any:
        """obj[key] when it has JSON type `kind`; reports a missing or retyped key."""
        where = f"{path}.{key}" if path else key
        if key not in obj:
            if required:
                self.bad(where, f"required key {key!r} is missing", _ABSENT, f"a {kind}")
            return _ABSENT
        value = obj[key]
        if _json_type(value) != kind and not (kind == "number" and _json_type(value) == "integer"):
            self.bad(where, f"{key!r} is a {_json_type(value)}", value, f"a {kind}")
            return _ABSENT
        return value

    def text(
        self,
        obj: dict[str, Any],
        key: str,
        path: str,
        *,
        required: bool = False,
        pattern: re.Pattern[str] | None = None,
        expected: str | None = None,
    ) -> str | None:
        value = self.typed(obj, key, path, "string", required=required)
        if value is _ABSENT:
            return None
        if pattern is not None and not pattern.fullmatch(value):
            self.bad(
                f"{path}.{key}" if path else key,
                f"{key!r} is malformed",
                value,
                expected or pattern.pattern,
            )
            return None
        return str(value)

    def count(self, obj: dict[str, Any], key: str, path: str, *, required: bool) -> int | None:
        value = self.typed(obj, key, path, "integer", required=required)
        if value is _ABSENT:
            return None
        if value < 0:
            self.bad(f"{path}.{key}", f"{key!r} is negative", value, "an integer >= 0")
            return None
        return int(value)

    def objects(self, obj: dict[str, Any], key: str, path: str, *, required: bool) -> list[Any]:
        """The items of an array of objects; each non-object item is reported."""
        where = f"{path}.{key}" if path else key
        items = self.typed(obj, key, path, "array", required=required)
        if items is _ABSENT:
            return []
        if not items:
            self.bad(where, f"{key!r} is empty", items, "at least one item")
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                self.bad(f"{where}[{i}]", "item is not an object", item, "an object")
        return list(items)


_ABSENT: Any = object()


def _check_package(c: _Checker, d: dict[str, Any]) -> None:
    """Package-level properties: the v2 profile's types, and our required ones."""
    c.text(
        d, "$schema", "", required=True, pattern=re.compile(re.escape(PROFILE)), expected=PROFILE
    )
    c.text(d, "name", "", required=True, pattern=_NAME, expected="a lower-case name")
    for key in ("id", "title", "description", "homepage", "image"):
        c.text(d, key, "")
    version = c.text(d, "version", "", required=True)
    if version is not None and version != __version__:
        c.bad(
            "version",
            f"the package is version {version}; the installed vnfr_data reads {__version__}",
            version,
            f"{__version__} (install the vnfr-data release of this package, or rebuild it)",
        )
    c.text(d, "created", "", pattern=_DATETIME, expected="an RFC 3339 date-time")
    keywords = c.typed(d, "keywords", "", "array", required=False)
    if keywords is not _ABSENT:
        for i, word in enumerate(keywords):
            if not isinstance(word, str):
                c.bad(f"keywords[{i}]", "keyword is not a string", word, "a string")
    for i, lic in enumerate(c.objects(d, "licenses", "", required=True)):
        if isinstance(lic, dict):
            _check_license(c, lic, f"licenses[{i}]")
    for i, src in enumerate(c.objects(d, "sources", "", required=False)):
        if isinstance(src, dict):
            _check_source(c, src, f"sources[{i}]")
    for i, who in enumerate(c.objects(d, "contributors", "", required=False)):
        if isinstance(who, dict):
            for key in ("title", "path", "email", "organization", "role"):
                c.text(who, key, f"contributors[{i}]")


def _check_license(c: _Checker, lic: dict[str, Any], path: str) -> None:
    name = c.text(lic, "name", path)
    where = c.text(lic, "path", path)
    c.text(lic, "title", path)
    if name is None and where is None and "name" not in lic and "path" not in lic:
        c.bad(path, "a license needs a name or a path", lic, "a 'name' or a 'path'")


def _check_source(c: _Checker, src: dict[str, Any], path: str, *, article: bool = True) -> None:
    c.text(src, "title", path, required=True)
    for key in ("path", "email", "publisher"):
        c.text(src, key, path)
    if article and "sha256" in src:
        c.text(src, "sha256", path, pattern=_HEX64, expected="64 lower-case hex digits")


def _check_file(
    c: _Checker, obj: dict[str, Any], path: str, canonical: str, what: str
) -> FileEntry | None:
    """path, bytes and hash of one file: all required, the path the canonical one."""
    rel = c.typed(obj, "path", path, "string", required=True)
    size = c.count(obj, "bytes", path, required=True)
    digest = c.text(obj, "hash", path, required=True, pattern=_HASH, expected="algorithm:hex")
    if digest is not None and not _SHA256.fullmatch(digest):
        c.bad(
            f"{path}.hash",
            "hash is not a sha256 (this package's files are vouched for by sha256 only)",
            digest,
            "sha256: followed by 64 lower-case hex digits",
        )
        digest = None
    if rel is not _ABSENT and rel != canonical:
        if canonical_parts(rel) is None:
            c.problems.append(
                UnusableInput(
                    "resource path leaves the package (absolute, '..', a URL) or is not "
                    "a single path",
                    file=c.file,
                    field=f"{path}.path",
                    value=_shown(rel),
                    expected="a relative path inside the package directory",
                )
            )
            rel = _ABSENT
        else:
            # Still hold the canonical file to the bytes and hash declared: a clean copy
            # named elsewhere must not vouch for a tampered file where load() reads.
            c.bad(
                f"{path}.path",
                f"the {what} of this resource is {canonical}: load() reads that file and no other",
                rel,
                canonical,
            )
    if rel is _ABSENT or size is None or digest is None:
        return None
    return FileEntry(canonical, size, digest.removeprefix("sha256:"))


def _check_resource(
    c: _Checker, res: dict[str, Any], path: str, name: str, i: int
) -> ResourceEntry:
    for key in ("type", "title", "description", "format", "encoding", "scheme"):
        c.text(res, key, path)
    c.text(res, "mediatype", path, pattern=_MEDIATYPE, expected="type/subtype")
    schema = res.get("schema")
    if "schema" not in res:
        c.bad(f"{path}.schema", "required key 'schema' is missing", _ABSENT, "an object")
    elif not isinstance(schema, dict):
        c.bad(f"{path}.schema", f"'schema' is a {_json_type(schema)}", schema, "an object")
    if "dialect" in res and not isinstance(res["dialect"], (dict, str)):
        c.bad(
            f"{path}.dialect",
            "'dialect' is neither an object nor a path",
            res["dialect"],
            "an object",
        )
    for j, lic in enumerate(c.objects(res, "licenses", path, required=False)):
        if isinstance(lic, dict):
            _check_license(c, lic, f"{path}.licenses[{j}]")
    for j, src in enumerate(c.objects(res, "sources", path, required=False)):
        if isinstance(src, dict):
            _check_source(c, src, f"{path}.sources[{j}]", article=False)
    csv = _check_file(c, res, path, csv_path(name), "CSV file")
    rows = c.count(res, "rows", path, required=True)
    twin = c.typed(res, TWIN, path, "object", required=True)
    parquet = None
    fingerprint = None
    if twin is not _ABSENT:
        where = f"{path}.{TWIN}"
        parquet = _check_file(c, twin, where, parquet_path(name), "Parquet twin")
        for key in ("format", "mediatype"):
            c.text(twin, key, where)
        fingerprint = c.text(
            twin,
            "schema_fingerprint",
            where,
            required=True,
            pattern=_HEX64,
            expected="64 hex digits",
        )
    return ResourceEntry(name, i, csv, parquet, rows, fingerprint)


def check_descriptor(descriptor: Any, file: str) -> tuple[dict[str, ResourceEntry], list[Problem]]:
    """The resources the descriptor vouches for, and every way it breaks the format."""
    c = _Checker(file)
    if not isinstance(descriptor, dict):
        c.bad("", f"the descriptor is a JSON {_json_type(descriptor)}", _ABSENT, "a JSON object")
        return {}, c.problems
    _check_package(c, descriptor)
    found: dict[str, ResourceEntry] = {}
    for i, res in enumerate(c.objects(descriptor, "resources", "", required=True)):
        path = f"resources[{i}]"
        if not isinstance(res, dict):
            continue
        name = c.text(res, "name", path, required=True, pattern=_NAME, expected="a lower-case name")
        if name is None:
            continue
        if name not in RESOURCES:
            c.bad(
                f"{path}.name",
                f"resource {name!r} is not part of this package's format (load() never reads it)",
                name,
                ", ".join(RESOURCES),
            )
            continue
        if name in found:
            c.bad(f"{path}.name", f"resource {name!r} appears twice", name, "each resource once")
            continue
        found[name] = _check_resource(c, res, path, name, i)
    for name in RESOURCES:
        if name not in found and isinstance(descriptor.get("resources"), list):
            c.bad(
                "resources",
                f"resource {name!r} missing from the descriptor (load() would have no {name})",
                _ABSENT,
                ", ".join(RESOURCES),
            )
    return found, c.problems


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """JSON objects without repeated keys: parsers disagree on which one wins."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"key {key!r} appears twice in one object")
        out[key] = value
    return out


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def read_index(path: Path) -> PackageIndex:
    """The package at `path` (its directory or its descriptor), with every problem of the
    descriptor listed; raises ProblemsFound when there is no usable descriptor at all."""
    root, name = (path, DESCRIPTOR) if path.is_dir() else (path.parent, path.name)
    file = str(root / name)
    try:
        raw = read_inside(root, name, MAX_DESCRIPTOR_BYTES)
    except UnsafeFile as exc:
        if exc.kind == "missing":
            problem: Problem = UnusableInput(
                "no data package descriptor here",
                file=file,
                expected="a data package directory or its datapackage.json",
            )
        elif exc.kind == "too-large":
            problem = UnusableInput(
                "descriptor too large", file=file, expected=f"<= {MAX_DESCRIPTOR_BYTES} bytes"
            )
        else:
            problem = UnsafeFileError(str(exc), file=file, expected="a regular file, not a link")
        raise ProblemsFound([problem]) from None
    except OSError as exc:
        raise ProblemsFound(
            [UnusableInput(f"descriptor cannot be read: {exc.strerror or exc}", file=file)]
        ) from None
    try:
        descriptor = json.loads(
            raw.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_constant=_no_constant
        )
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        # ValueError: JSON syntax, a duplicate key, NaN, an integer of thousands of digits.
        message = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)[:300]
        raise ProblemsFound(
            [UnusableInput(f"descriptor is not valid UTF-8 JSON: {message}", file=file)]
        ) from None
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        raise ProblemsFound([UnusableInput("descriptor has no resources list", file=file)])
    resources, problems = check_descriptor(descriptor, file)
    return PackageIndex(root, file, descriptor, resources, problems)
