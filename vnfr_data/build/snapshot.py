"""The last build's tables, each row with the annotation files it came from.

After a build with the cache, every table is kept (Arrow IPC) with one more
column, the cache keys of the files whose claims made the row (`__owners`), and
the metadata each file gave its article. After an edit, only the rows of the
records the changed files touch are made again (`incremental`); the others are
taken from here. A row depends on nothing but its claims, its evidence (which
comes from the same files), and for a statement its event's dates: so a row
whose files are all unchanged is the row a full build would make.

Like the entries, nothing here is trusted unread: the metadata is JSON led by
its own sha256 and names the toolchain; each table file is named by the sha256
of its bytes, checked on loading. Anything missing, damaged or foreign means
there is no snapshot, and the build replays the entries instead.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.ipc as ipc

from ..schema import RESOURCES, spec, table_schema
from .cache import FORMAT, BuildCache, encode, encode_article, write_atomic
from .collect import Collected

if TYPE_CHECKING:
    from ..sources.article import Article
    from .assemble import BuildResult

OWNERS = "__owners"
#: LZ4 frames: the owners column repeats 64-digit keys, and compressed the snapshot is
#: a tenth of the bytes to write, hash and read again.
_OPTIONS = ipc.IpcWriteOptions(compression="lz4")


@dataclass
class Snapshot:
    #: Each table as built, with the owners column.
    tables: dict[str, pa.Table]
    #: For each file key: its shown path, source id, article and no-fact marks.
    files: dict[str, dict[str, Any]]
    #: Each table's file name (the sha256 of its bytes).
    digests: dict[str, str] = field(default_factory=dict)


def _dir(cache: BuildCache) -> Path:
    return cache.root / "snapshot"


def reference(name: str) -> bool:
    """A table curated as a CSV file: made again at every build (it is cheap)."""
    return spec(name).file is not None


def owners_of(out: Collected) -> dict[tuple[str, str], list[str]]:
    """For each record: the keys of the files whose claims made it, in claim order."""
    keys = out.file_keys
    found: dict[tuple[str, str], list[str]] = {}
    for table, records in out.claims.items():
        for record_id, claims in records.items():
            seen = list(dict.fromkeys(keys[c.file] for c in claims if c.file in keys))
            found[(table, record_id)] = seen
    return found


def file_info(shown: str, article: Article | None, no_fact: list[dict[str, Any]]) -> dict[str, Any]:
    """What the snapshot keeps of one annotation file besides its rows."""
    return {
        "shown": shown,
        "source": None if article is None else article.meta.id,
        "article": encode_article(article),
        "no_fact": [encode(n) for n in no_fact],
    }


def files_of(out: Collected, result: BuildResult) -> dict[str, dict[str, Any]] | None:
    """The file records of a full build (None when a file has no key: nothing is kept)."""
    by_file = {a.file: a for a in result.articles.values()}
    notes: dict[str, list[dict[str, Any]]] = {}
    for note in out.no_fact:
        notes.setdefault(note["source_id"], []).append(note)
    files = {}
    for shown, key in out.file_keys.items():
        article = by_file.get(shown)
        files[key] = file_info(shown, article, notes.get(article.meta.id, []) if article else [])
    if any(a.file not in out.file_keys for a in result.articles.values()):
        return None
    return files


def save(
    cache: BuildCache,
    result: BuildResult,
    owners: dict[tuple[str, str], list[str]],
    files: dict[str, dict[str, Any]],
) -> None:
    """Keep a full build's tables and files for the next one (a failure only loses it)."""
    by_source = {info["source"]: key for key, info in files.items() if info["source"]}
    tables = {
        name: result.tables[name].append_column(
            OWNERS,
            pa.array(
                row_owners(name, result.tables[name], owners, by_source), pa.list_(pa.string())
            ),
        )
        for name in RESOURCES
    }
    save_tables(cache, tables, files)


def save_tables(
    cache: BuildCache,
    tables: dict[str, pa.Table],
    files: dict[str, dict[str, Any]],
    previous: Snapshot | None = None,
) -> None:
    """Write the tables (each with its owners column) and the file records; a table
    equal to the `previous` snapshot's keeps its file (most tables, after one edit)."""
    meta: dict[str, Any] = {"format": FORMAT, "toolchain": cache.fingerprint, "files": files}
    names: dict[str, str] = {}
    target = _dir(cache)
    try:
        target.mkdir(parents=True, exist_ok=True)
        for name in RESOURCES:
            table = tables[name]
            if previous is not None and name in previous.digests:
                kept = previous.digests[name]
                if (target / f"{kept}.arrow").is_file() and table.equals(previous.tables[name]):
                    names[name] = kept
                    continue
            sink = pa.BufferOutputStream()
            with ipc.new_file(sink, table.schema, options=_OPTIONS) as writer:
                writer.write_table(table)
            data = sink.getvalue().to_pybytes()
            digest = hashlib.sha256(data).hexdigest()
            names[name] = digest
            path = target / f"{digest}.arrow"
            if not path.exists():
                write_atomic(path, data)
        meta["tables"] = names
        body = json.dumps(meta, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        write_atomic(target / "meta.json", hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
        for stale in target.glob("*.arrow"):
            if stale.stem not in names.values():
                stale.unlink(missing_ok=True)
    except OSError:
        pass


def row_owners(
    name: str,
    table: pa.Table,
    owners: dict[tuple[str, str], list[str]],
    by_source: dict[str, str],
) -> list[list[str]]:
    if name == "evidence":
        return [[by_source[s]] if s in by_source else [] for s in table["source_id"].to_pylist()]
    if name == "claims":
        pairs = zip(table["record_table"].to_pylist(), table["record_id"].to_pylist(), strict=True)
        return [owners.get((t, r), []) for t, r in pairs]
    if reference(name):
        return [[] for _ in range(table.num_rows)]
    ids = table[spec(name).key].to_pylist()
    return [owners.get((name, str(i)), []) for i in ids]


def load(cache: BuildCache) -> Snapshot | None:
    """The last build's snapshot, or None when there is none that can be trusted."""
    target = _dir(cache)
    try:
        head, sep, body = (target / "meta.json").read_bytes().partition(b"\n")
        if not sep or head.decode("ascii", "replace") != hashlib.sha256(body).hexdigest():
            return None
        meta = json.loads(body.decode("utf-8"))
        if meta.get("format") != FORMAT or meta.get("toolchain") != cache.fingerprint:
            return None
        tables = {}
        for name in RESOURCES:
            digest = meta["tables"][name]
            data = (target / f"{digest}.arrow").read_bytes()
            if hashlib.sha256(data).hexdigest() != digest:
                return None
            table = ipc.open_file(pa.BufferReader(data)).read_all()
            want = table_schema(name).arrow_schema().append(pa.field(OWNERS, pa.list_(pa.string())))
            if not table.schema.equals(want):
                return None
            tables[name] = table
        files = meta["files"]
        if not isinstance(files, dict):
            return None
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError, pa.ArrowException):
        return None
    return Snapshot(tables, files, dict(meta["tables"]))
