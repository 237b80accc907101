"""A rebuild after an edit: only the records the changed files touch are made again.

With the last build's snapshot (`snapshot`), a build needs the rows of the
records whose claims changed, and nothing else: every other row is the one the
snapshot holds, since a row is made from its claims, its evidence (from the
same files) and, for a statement, its event's dates. So a rebuild reads every
annotation and article (their bytes decide what changed, never a timestamp),
parses the changed files, replays from the cache the other files that claim
the same records, merges and checks those records, and takes the rest of each
table from the snapshot. The dataset rules then run on the whole tables, as
in a full build.

Whenever the shortcut could answer differently from a full build, it steps
aside (returns None) and the full path runs: a problem anywhere (the full path
reports it with every place), a duplicated source, a file that cannot be read,
many files changed, or a snapshot that cannot be trusted. A test checks that
its tables are byte for byte those of a full build.
"""

from __future__ import annotations

import datetime
import hashlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from ..annotations import annotation_files
from ..annotations.format import Body, NoFact, SourceMeta
from ..arrow_values import string
from ..errors import ProblemsFound
from ..paths import shown
from ..rules import Inputs, run_rules
from ..schema import RESOURCES, spec
from ..sources.article import Article, read_bytes
from .assemble import BuildResult, _typed, derive, evidence_rows, merged_rows
from .cache import BuildCache, decode
from .checks import check_rows
from .collect import Collected, FileResult, absorb, cached, file_key, reader_of
from .places import Places
from .reference import collect_references
from .replay import replay_claims
from .snapshot import (
    OWNERS,
    Snapshot,
    file_info,
    load,
    owners_of,
    reference,
    row_owners,
    save_tables,
)

#: Above this share of changed files, replaying every entry is as quick: the shortcut steps aside.
MAX_CHANGED = 0.25


def rebuild(data_dir: Path, cache: BuildCache) -> BuildResult | None:
    """The build, made from the snapshot and the changed files; None to build in full."""
    snap = load(cache)
    if snap is None:
        return None
    actors_path, source_paths = annotation_files(data_dir / "annotations")
    paths = [actors_path, *source_paths]
    # One loop: threads for thousands of small reads cost more in handing over than
    # they save (measured: +1 s of system time at 5,000 articles).
    found = [file_key(cache, p, data_dir) for p in paths]
    if any(k is None for k in found):
        return None
    keys: dict[Path, str] = {p: k for p, k in zip(paths, found, strict=True) if k is not None}
    cache.used.update(keys.values())  # entries of unchanged files are kept, though not read
    known = snap.files
    changed = [p for p in paths if keys[p] not in known]
    articles: dict[Path, Article] = {}
    unchanged = [p for p in paths if p not in changed]
    read = [_article(known[keys[p]], data_dir) for p in unchanged]
    for path, (same, article) in zip(unchanged, read, strict=True):
        if not same:
            changed.append(path)  # its article changed: the file's records are made again
        elif article is not None:
            articles[path] = article
    current = {keys[p] for p in paths if p not in changed}
    gone = set(known) - current
    if len(changed) + len(gone) > max(2, MAX_CHANGED * len(paths)):
        return None
    fresh = {p: cached(cache, p, data_dir, reader_of(p), key=keys[p]) for p in changed}
    if any(r.local.problems or r.local.unreadable for r in fresh.values()):
        return None
    for path, result in fresh.items():
        if result.article is not None:
            articles[path] = result.article
    articles = {p: articles[p] for p in paths if p in articles}  # in file order, as collected
    ids = [a.meta.id for a in articles.values()]
    if len(set(ids)) != len(ids):
        return None  # two files for one source: the full build says so
    return _assemble(data_dir, cache, snap, paths, keys, fresh, articles, gone)


def _article(info: dict[str, Any], data_dir: Path) -> tuple[bool, Article | None]:
    """The article a snapshot file names, read again; False when its bytes changed."""
    data = info.get("article")
    if data is None:
        return True, None
    try:
        meta = trusted_meta(data["meta"])
        raw = read_bytes(data_dir / "articles", meta.file, data["file"])
        text = raw.decode("utf-8")
    except (ProblemsFound, UnicodeDecodeError, ValueError, KeyError, TypeError):
        return False, None
    sha = hashlib.sha256(raw).hexdigest()
    if sha != data["sha256"]:
        return False, None
    start, end = data["body"]
    return True, Article(meta, text, sha, int(start), int(end), str(data["file"]))


def trusted_meta(data: dict[str, Any]) -> SourceMeta:
    """An article's metadata as the snapshot keeps it, without validating it again.

    The snapshot holds only what a build validated, it is read only when its
    checksum and toolchain hold, and the model is the same code (the toolchain
    key covers it): so the metadata is constructed, as `model_validate` would
    make it from this dump (a test checks they are equal), at a tenth of the cost.
    """
    values = dict(data)
    day = values.get("published_date")
    values["published_date"] = None if day is None else datetime.date.fromisoformat(day)
    values["body"] = Body.model_construct(**values["body"])
    values["no_fact"] = [NoFact.model_construct(**n) for n in values.get("no_fact", [])]
    return SourceMeta.model_construct(**values)


def _dirty(snap: Snapshot, fresh: dict[Path, FileResult], gone: set[str]) -> dict[str, set[str]]:
    """The records to make again: those a gone or changed file claimed or claims, and the
    statements of such an event (they inherit its dates)."""
    dirty: dict[str, set[str]] = {name: set() for name in RESOURCES}
    gone_keys = pa.array(sorted(gone), pa.string())
    for name in RESOURCES:
        if name in ("evidence", "claims") or reference(name):
            continue
        table = snap.tables[name]
        owners = table[OWNERS].combine_chunks()
        hit = pc.is_in(pc.list_flatten(owners), value_set=gone_keys)
        rows = pc.unique(pc.filter(pc.list_parent_indices(owners), hit))
        dirty[name].update(str(v) for v in table[spec(name).key].take(rows).to_pylist())
    for result in fresh.values():
        for name, records in result.local.claims.items():
            dirty[name].update(records)
    if dirty["events"]:
        statements = snap.tables["statements"]
        at = pc.is_in(statements["event_id"], value_set=pa.array(sorted(dirty["events"])))
        dirty["statements"].update(statements.filter(at)["statement_id"].to_pylist())
    return dirty


def _assemble(
    data_dir: Path,
    cache: BuildCache,
    snap: Snapshot,
    paths: list[Path],
    keys: dict[Path, str],
    fresh: dict[Path, FileResult],
    articles: dict[Path, Article],
    gone: set[str],
) -> BuildResult | None:
    dirty = _dirty(snap, fresh, gone)
    # The claims of the dirty records, from every file that makes them, in file order
    # (as a full build collects them): the changed files read, the others replayed.
    wanted = _contributors(snap, dirty, gone)
    out = Collected()
    for path in paths:
        key = keys[path]
        out.file_keys[shown(path)] = key
        if path in fresh:
            absorb(out, fresh[path].local)
        elif key in wanted:
            payload = cache.load(key)
            info = snap.files[key].get("article")
            claims = None if payload is None else replay_claims(payload, dirty, _sha(info))
            if claims is None:  # the entry is gone or does not hold: the file is read
                replayed = cached(cache, path, data_dir, reader_of(path), key=key)
                if replayed.local.problems or replayed.local.unreadable:
                    return None
                claims = _dirty_claims(replayed.local, dirty)
            for table, records in claims.items():
                for record_id, made in records.items():
                    out.claims[table].setdefault(record_id, []).extend(made)
    collect_references(data_dir, out)
    if out.problems or out.unreadable:
        return None
    rows, undefined, unresolved = merged_rows(out)
    if out.problems or undefined:
        return None
    by_id = {a.meta.id: a for a in articles.values()}
    evidence = evidence_rows(out.evidence, undefined)
    old_evidence = snap.tables["evidence"]
    of_dirty = pc.and_(
        pc.equal(old_evidence["record_table"], string("statements")),
        pc.is_in(old_evidence["record_id"], value_set=_ids(dirty["statements"])),
    )
    # The other sources' evidence of those statements: not the rows of a changed or gone
    # file (its evidence now is in `evidence`, read again).
    of_dirty = pc.and_(of_dirty, pc.invert(_owned_by(old_evidence, gone)))
    quoting = old_evidence.filter(of_dirty).drop_columns([OWNERS]).to_pylist()
    wanted_events = {r.get("event_id") for r in rows["statements"]} - dirty["events"]
    old_events = snap.tables["events"]
    at = pc.is_in(old_events["event_id"], value_set=_ids({e for e in wanted_events if e}))
    events = rows["events"] + old_events.filter(at).drop_columns([OWNERS]).to_pylist()
    # Statement texts from the dirty statements' own sources only.
    quoted = evidence + quoting
    needed = {r["source_id"] for r in quoted if r["record_table"] == "statements"}
    derive(rows, quoted, {s: a for s, a in by_id.items() if s in needed}, events)
    if check_rows(rows, out.claims, unresolved):
        return None
    files = _files(snap, out, fresh, gone)
    by_source = {info["source"]: key for key, info in files.items() if info["source"]}
    owners = owners_of(out)
    owned = {
        name: _table(name, snap, rows, dirty, evidence, gone, owners, by_source)
        for name in RESOURCES
    }
    tables = {name: table.drop_columns([OWNERS]) for name, table in owned.items()}
    texts = {sid: a.text.encode("utf-8") for sid, a in by_id.items()}
    # The snapshot is written while the rules run (its rows do not depend on them).
    with ThreadPoolExecutor(1) as background:
        saving = background.submit(save_tables, cache, owned, files, snap)
        found = run_rules(Inputs(tables, Places(out, tables).where, texts))
        saving.result()
    if found:
        return None
    no_fact: list[dict[str, Any]] = []
    for path in paths:
        if path in fresh:
            no_fact += fresh[path].local.no_fact
        elif keys[path] in snap.files:
            no_fact += [decode(n) for n in snap.files[keys[path]].get("no_fact", [])]
    result = BuildResult(
        tables,
        {a.meta.id: a for a in articles.values()},
        sorted(no_fact, key=lambda n: (n["source_id"], n["char_start"])),
    )
    cache.shortcut = True
    return result


def _owned_by(table: pa.Table, keys: set[str]) -> pa.Array:
    """For each row of a snapshot table: whether one of `keys` is among its owners."""
    column = table[OWNERS].combine_chunks()
    rows = pc.filter(
        pc.list_parent_indices(column), pc.is_in(pc.list_flatten(column), value_set=_ids(keys))
    )
    return pc.is_in(pa.array(range(table.num_rows), pa.int64()), value_set=rows)


def _sha(info: Any) -> str | None:
    return str(info["sha256"]) if isinstance(info, dict) else None


def _ids(values: set[str]) -> pa.Array:
    return pa.array(sorted(values), pa.string())


def _contributors(snap: Snapshot, dirty: dict[str, set[str]], gone: set[str]) -> set[str]:
    """Keys of the unchanged files that claim a dirty record (their claims are needed)."""
    wanted: set[str] = set()
    for name, records in dirty.items():
        if not records or name in ("evidence", "claims") or reference(name):
            continue
        table = snap.tables[name]
        at = pc.is_in(table[spec(name).key], value_set=_ids(records))
        for owners in table.filter(at)[OWNERS].to_pylist():
            wanted.update(k for k in owners if k not in gone)
    return wanted


def _dirty_claims(local: Collected, dirty: dict[str, set[str]]) -> dict[str, dict[str, list[Any]]]:
    """A file's claims of the dirty records only (its evidence rows are kept)."""
    return {
        table: {r: claims for r, claims in records.items() if r in dirty[table]}
        for table, records in local.claims.items()
    }


def _table(
    name: str,
    snap: Snapshot,
    rows: dict[str, list[dict[str, Any]]],
    dirty: dict[str, set[str]],
    evidence: list[dict[str, Any]],
    gone: set[str],
    owners: dict[tuple[str, str], list[str]],
    by_source: dict[str, str],
) -> pa.Table:
    """The snapshot's rows that still hold and the rows made again, in key order, with
    their owners (the column the next snapshot keeps)."""
    old = snap.tables[name]
    if reference(name):
        made = _typed(name, rows[name])
        return made.append_column(OWNERS, _owners_column(name, made, owners, by_source))
    if name == "evidence":
        column = old[OWNERS].combine_chunks()
        gone_rows = pc.filter(
            pc.list_parent_indices(column),
            pc.is_in(pc.list_flatten(column), value_set=_ids(gone)),
        )
        keep = pc.invert(pc.is_in(pa.array(range(old.num_rows), pa.int64()), value_set=gone_rows))
        made = _typed(name, evidence)
    elif name == "claims":
        pairs = pc.binary_join_element_wise(old["record_table"], old["record_id"], "\x1f")
        touched = {f"{t}\x1f{r}" for t, records in dirty.items() for r in records}
        keep = pc.invert(pc.is_in(pairs, value_set=_ids(touched)))
        made = _typed(name, rows[name])
    else:
        keep = pc.invert(pc.is_in(old[spec(name).key], value_set=_ids(dirty[name])))
        made = _typed(name, rows[name])
    made = made.append_column(OWNERS, _owners_column(name, made, owners, by_source))
    merged = pa.concat_tables([old.filter(keep), made.cast(old.schema)])
    return merged.sort_by([(k, "ascending") for k in spec(name).schema.primary_key])


def _owners_column(
    name: str,
    table: pa.Table,
    owners: dict[tuple[str, str], list[str]],
    by_source: dict[str, str],
) -> pa.Array:
    return pa.array(row_owners(name, table, owners, by_source), pa.list_(pa.string()))


def _files(
    snap: Snapshot, out: Collected, fresh: dict[Path, FileResult], gone: set[str]
) -> dict[str, dict[str, Any]]:
    """The snapshot's file records: the unchanged files' kept, the changed files' made."""
    files = {k: v for k, v in snap.files.items() if k not in gone}
    for path, made in fresh.items():
        files[out.file_keys[shown(path)]] = file_info(shown(path), made.article, made.local.no_fact)
    return files
