"""Collect claims: each annotation file's records become claims by its source, with evidence.

Nothing is merged here: a record that several sources speak of gets one claim
per source, and `merge` decides what its row shows.
"""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..annotations import annotation_files, load_actors, load_source_file
from ..annotations.format import QuoteRef, SourceMeta
from ..annotations.safe_yaml import MAX_FILE_BYTES
from ..annotations.source_file import SourceFileBase
from ..errors import DuplicateId, Problem, ProblemsFound
from ..paths import shown
from ..safe_files import UnsafeFile, read_inside
from ..schema import RESOURCES, TableSpec, spec
from ..schema.registry import children, sections
from ..sources.article import Article, read_article
from ..sources.quotes import resolve
from .cache import BuildCache, Uncachable
from .compare import period_end


@dataclass
class Claim:
    """What one source (or actors.yaml, source None) says about one record."""

    source: str | None
    #: Sources of one publisher share this key: they do not count as independent.
    independence: str
    #: The dates of the source (its publication period); None when it is undated.
    as_of: tuple[datetime.date, datetime.date] | None
    file: str
    row: int | None
    values: dict[str, Any]
    #: Column -> line of its value in the file.
    lines: dict[str, int | None] = field(default_factory=dict)
    #: Column -> (the reviewer's reason, line): this source's claim is the one to show.
    preferred: dict[str, tuple[str, int | None]] = field(default_factory=dict)


@dataclass
class Collected:
    claims: dict[str, dict[str, list[Claim]]] = field(
        default_factory=lambda: {name: {} for name in RESOURCES}
    )
    evidence: dict[tuple[str, str, str, int, int], str] = field(default_factory=dict)
    #: Where each evidence span was quoted first: annotation file and line.
    evidence_at: dict[tuple[str, str, str, int, int], tuple[str, int | None]] = field(
        default_factory=dict
    )
    no_fact: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: Files that could not be read at all: checks of the whole would only echo them.
    unreadable: int = 0
    #: With a cache: each annotation file's shown path and its cache key.
    file_keys: dict[str, str] = field(default_factory=dict)

    def claim(self, table: str, record_id: str, claim: Claim) -> None:
        self.claims[table].setdefault(record_id, []).append(claim)


def columns(spec: TableSpec, annotation: BaseModel) -> dict[str, Any]:
    """A record's column values from its annotation (lists become tuples, like Arrow lists).

    Each annotation key fills the column the registry renames it to, or the column
    of its own name; keys that name no column (evidence, nested links) are left out.
    """
    names = set(spec.schema.field_names)
    out: dict[str, Any] = {}
    for key in type(annotation).model_fields:
        column = spec.column(key)
        if column in names:
            value = getattr(annotation, key)
            out[column] = tuple(value) if isinstance(value, list) else value
    return out


def _independence(article: Article) -> str:
    """Two articles of one publisher are not independent sources; unnamed ones are."""
    publisher = article.meta.publisher
    return f"publisher:{' '.join(publisher.split()).casefold()}" if publisher else article.meta.id


def _as_of(article: Article) -> tuple[datetime.date, datetime.date] | None:
    """The period a source reports at: its publication date, as precise as it is known."""
    m = article.meta
    if m.published_date is None or m.published_date_precision == "unknown":
        return None
    return m.published_date, period_end(m.published_date, m.published_date_precision)


def _unknown_is_no_claim(name: str) -> frozenset[str]:
    """Vocabulary fields of a fact or link table: for them `unknown` means "not known",
    which is no claim. (A source's own row says how its publication date is known.)"""
    declared = spec(name)
    if not declared.evidenced:
        return frozenset()
    return frozenset(f.name for f in declared.schema.fields if f.enum)


class _SourceReader:
    """Turns one source file into claims and evidence rows."""

    def __init__(self, out: Collected, article: Article, lines: dict[tuple[Any, ...], int]):
        self.out = out
        self.article = article
        self.lines = lines
        #: (table, record id) -> line of its first entry in this file.
        self.seen: dict[tuple[str, str], int | None] = {}

    def line(self, *path: Any) -> int | None:
        return self.lines.get(path)

    def claim(
        self,
        table: str,
        record_id: str,
        values: dict[str, Any],
        *path: Any,
        preferred: dict[str, str] | None = None,
    ) -> None:
        # `unknown` is not a claim: a source that does not know a value says nothing about it,
        # so it can never override a source that does.
        unknown = _unknown_is_no_claim(table)
        kept = {
            k: v
            for k, v in values.items()
            if v is not None and v != [] and v != () and not (k in unknown and v == "unknown")
        }
        declared = spec(table)
        lines = {k: self.line(*path, declared.annotation_key(k)) or self.line(*path) for k in kept}
        chosen = {
            declared.column(k): (reason, self.line(*path, "preferred", k))
            for k, reason in (preferred or {}).items()
        }
        a = self.article
        self.out.claim(
            table,
            record_id,
            Claim(
                a.meta.id,
                _independence(a),
                _as_of(a),
                a.file,
                self.line(*path),
                kept,
                lines,
                chosen,
            ),
        )

    def evidence(self, table: str, record_id: str, quotes: list[QuoteRef], *path: Any) -> None:
        for i, ref in enumerate(quotes):
            found = resolve(self.article, ref)
            if isinstance(found, Problem):
                self.out.problems.append(
                    type(found)(
                        found.message,
                        file=found.file,
                        row=self.line(*path, i) or self.line(*path),
                        field=".".join(str(p) for p in path),
                        value=found.value,
                        expected=found.expected,
                    )
                )
                continue
            start, end = found
            key = (table, record_id, self.article.meta.id, start, end)
            self.out.evidence[key] = self.article.text[start:end]
            place = (self.article.file, self.line(*path, i) or self.line(*path))
            self.out.evidence_at.setdefault(key, place)

    def fact(
        self,
        table: str,
        record_id: str,
        values: dict[str, Any],
        quotes: list[QuoteRef],
        *path: Any,
        preferred: dict[str, str] | None = None,
    ) -> None:
        """A record's claim and its evidence, both located at `path` in the file."""
        line = self.line(*path)
        if (table, record_id) in self.seen:
            # Two entries of one file would be merged silently into one record.
            first = self.seen[(table, record_id)]
            self.out.problems.append(
                DuplicateId(
                    f"{table} id {record_id} is used twice in this file (lines {first} and {line})",
                    file=self.article.file,
                    row=line,
                    field=".".join(str(p) for p in path),
                    value=record_id,
                    expected="one entry per record in a file: merge the two, or mint a new id "
                    "for a different record",
                )
            )
            return
        self.seen[(table, record_id)] = line
        self.claim(table, record_id, values, *path, preferred=preferred)
        self.evidence(table, record_id, quotes, *path, "evidence")

    def source(self, meta: SourceMeta) -> None:
        """The source's own row: what the annotator wrote and what its text says."""
        a = self.article
        computed = {
            "path": f"articles/{meta.file}",
            "sha256": a.sha256,
            "char_count": len(a.text),
            "body_start": a.body_start,
            "body_end": a.body_end,
        }
        self.claim("sources", meta.id, columns(spec("sources"), meta) | computed, "source")

    def read(self, doc: SourceFileBase) -> None:
        for i, nf in enumerate(doc.source.no_fact):
            found = resolve(self.article, QuoteRef(quote=nf.quote))
            if isinstance(found, Problem):
                self.out.problems.append(
                    type(found)(
                        found.message,
                        file=found.file,
                        row=self.line("source", "no_fact", i),
                        field=f"source.no_fact.{i}",
                        value=found.value,
                    )
                )
            else:
                self.out.no_fact.append(
                    {
                        "source_id": self.article.meta.id,
                        "char_start": found[0],
                        "char_end": found[1],
                        "reason": nf.reason,
                    }
                )
        for actor_id, quotes in doc.mentions.items():
            self.claim("actors", actor_id, {}, "mentions", actor_id)
            self.evidence("actors", actor_id, quotes, "mentions", actor_id)
        for table in sections():
            for i, record in enumerate(getattr(doc, str(table.section))):
                self.record(table, record, None, (table.section, i))

    def record(
        self, table: TableSpec, annotation: Any, parent_id: str | None, path: tuple[Any, ...]
    ) -> None:
        """One record and, recursively, the link records written inside it."""
        values = columns(table, annotation)
        if table.parent is not None:
            # A link takes its parent's id; its own id is made of the two ids it ties.
            values[spec(table.parent).key] = parent_id
            values[table.key] = "/".join(str(values[c]) for c in table.identity)
        record_id = str(values[table.key])
        preferred = getattr(annotation, "preferred", None)
        self.fact(table.name, record_id, values, annotation.evidence, *path, preferred=preferred)
        for child in children(table.name):
            for j, sub in enumerate(getattr(annotation, str(child.section))):
                self.record(child, sub, record_id, (*path, child.section, j))


@dataclass
class FileResult:
    """What one annotation file contributes: its own claims, evidence and problems, and
    its article (None when the file could not be read)."""

    local: Collected
    article: Article | None = None


def _read_actors(path: Path, data_dir: Path) -> FileResult:
    local = Collected()
    actors = spec("actors")
    try:
        for actor in load_actors(path, data_dir):
            local.claim(
                "actors",
                actor.id,
                Claim(None, "", None, shown(path), None, columns(actors, actor)),
            )
    except ProblemsFound as exc:
        local.problems += exc.problems
        local.unreadable += 1
    return FileResult(local)


def _read_source(path: Path, data_dir: Path) -> FileResult:
    local = Collected()
    try:
        doc, lines = load_source_file(path, data_dir)
        pin_line = lines.get(("source", "sha256"), lines.get(("source",)))
        article = read_article(doc.source, data_dir / "articles", shown(path), pin_line)
    except ProblemsFound as exc:
        local.problems += exc.problems
        local.unreadable += 1
        return FileResult(local)
    reader = _SourceReader(local, article, lines)
    reader.source(doc.source)
    reader.read(doc)
    return FileResult(local, article)


def absorb(out: Collected, local: Collected) -> None:
    """Add one file's contribution, in the order the file gave it (as if read in place)."""
    for table, records in local.claims.items():
        for record_id, claims in records.items():
            out.claims[table].setdefault(record_id, []).extend(claims)
    for key, quote in local.evidence.items():
        out.evidence[key] = quote
    for key, place in local.evidence_at.items():
        out.evidence_at.setdefault(key, place)
    out.no_fact += local.no_fact
    out.problems += local.problems
    out.unreadable += local.unreadable


def collect(
    data_dir: Path, cache: BuildCache | None = None
) -> tuple[Collected, dict[str, Article]]:
    """Read every annotation file; problems are gathered, not raised.

    With a `cache`, an unchanged file's contribution is replayed from it instead
    of being parsed again (`build.cache`): the result is the same.
    """
    out = Collected()
    actors_path, source_paths = annotation_files(data_dir / "annotations")
    absorb(out, cached(cache, actors_path, data_dir, _read_actors, out).local)
    articles: dict[str, Article] = {}
    for path in source_paths:
        result = cached(cache, path, data_dir, _read_source, out)
        article = result.article
        if article is None:
            absorb(out, result.local)
            continue
        if article.meta.id in articles:
            out.problems.append(
                DuplicateId(
                    "two annotation files for one source", file=shown(path), value=article.meta.id
                )
            )
            continue
        articles[article.meta.id] = article
        absorb(out, result.local)
    return out, articles


def file_key(cache: BuildCache, path: Path, data_dir: Path) -> str | None:
    """The cache key of an annotation file as it is now (None: unreadable, left to the read)."""
    try:
        raw = read_inside(data_dir, str(path.relative_to(data_dir)), MAX_FILE_BYTES)
    except (UnsafeFile, OSError, ValueError):
        return None
    return cache.key(shown(path), raw)


def reader_of(path: Path) -> Callable[[Path, Path], FileResult]:
    return _read_actors if path.name == "actors.yaml" else _read_source


def cached(
    cache: BuildCache | None,
    path: Path,
    data_dir: Path,
    read: Callable[[Path, Path], FileResult],
    out: Collected | None = None,
    key: str | None = None,
) -> FileResult:
    """`read(path, data_dir)`, or its replay from the cache when the inputs are the same.

    The file's key is noted in `out.file_keys`."""
    if cache is None:
        return read(path, data_dir)
    key = key or file_key(cache, path, data_dir)
    if key is None:
        return read(path, data_dir)  # reported by the read itself
    if out is not None:
        out.file_keys[shown(path)] = key
    from .replay import record, replay  # replay builds the objects defined here

    payload = cache.load(key)
    if payload is not None:
        replayed = replay(payload, data_dir)
        if replayed is not None:
            return replayed
        cache.stale()
    result = read(path, data_dir)
    if result.local.unreadable:
        # Not kept: why a file cannot be read may lie outside it (its article missing,
        # changed or unpinned), and its key is the file's bytes alone. It is read again.
        return result
    with contextlib.suppress(Uncachable):  # a value JSON cannot hold: read it next time too
        cache.store(key, record(result))
    return result
