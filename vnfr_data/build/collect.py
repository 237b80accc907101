"""Annotations -> relational tables, with offsets resolved and conflicts surfaced.

The straight line: read sources and annotations, resolve every quote to
character offsets inside the article body, merge the claims each source makes
about a record (one event, many sources), check references, then hand typed
Arrow tables to `publish`. Every problem is collected and raised together.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa
from pydantic import BaseModel, ValidationError

from .annotations import (
    QuoteRef,
    SourceFile,
    SourceMeta,
    annotation_files,
    load_actors,
    load_source_file,
    shown,
)
from .errors import (
    AnnotationSchemaError,
    DuplicateId,
    IncompleteRecord,
    MissingEvidence,
    Problem,
    ProblemsFound,
    QuoteAmbiguous,
    QuoteNotFound,
    UnknownReference,
)
from .models import MODELS
from .schema import RESOURCES, table_schema

#: Tables whose date columns default to precision and basis "unknown" when no date is given.
DATED = {"events": "date_start", "statements": "date"}
#: Fields merged as a unit: all are taken from the one most recent source that gives any.
FIELD_GROUPS: dict[str, tuple[tuple[str, ...], ...]] = {
    "events": (("date_start", "date_end", "date_precision", "date_basis", "date_note"),),
    "statements": (("date", "date_precision", "date_basis", "date_note"),),
    "figures": (("period_start", "period_end"),),
}
#: List columns merge by union across sources instead of conflicting.
LIST_FIELDS = frozenset({"aliases", "co_speaker_ids", "topics"})


@dataclass(frozen=True)
class Article:
    """A source text with its body span; offsets are in characters of the decoded text."""

    meta: SourceMeta
    text: str
    sha256: str
    body_start: int
    body_end: int
    file: str

    @property
    def order(self) -> tuple[datetime.date, str]:
        """Recency order: the most recently published source's claim is shown."""
        return (self.meta.published_date or datetime.date.min, self.meta.id)


@dataclass
class Claim:
    source: str | None
    order: tuple[datetime.date, str]
    file: str
    row: int | None
    values: dict[str, Any]


@dataclass
class Collected:
    claims: dict[str, dict[str, list[Claim]]] = field(
        default_factory=lambda: {name: {} for name in RESOURCES}
    )
    evidence: dict[tuple[str, str, str, int, int], str] = field(default_factory=dict)
    no_fact: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: Files that could not be read at all: checks of the whole would only echo them.
    unreadable: int = 0

    def claim(self, table: str, record_id: str, claim: Claim) -> None:
        self.claims[table].setdefault(record_id, []).append(claim)


@dataclass(frozen=True)
class BuildResult:
    tables: dict[str, pa.Table]
    articles: dict[str, Article]
    no_fact: list[dict[str, Any]]


def find_all(text: str, needle: str, start: int, end: int) -> list[int]:
    """Offsets of `needle` inside text[start:end]."""
    hits: list[int] = []
    i = text.find(needle, start, end)
    while i != -1:
        hits.append(i)
        i = text.find(needle, i + 1, end)
    return hits


def resolve(article: Article, ref: QuoteRef) -> tuple[int, int] | Problem:
    """Offsets of an evidence quote in the body, or the problem with it."""
    hits = find_all(article.text, ref.quote, article.body_start, article.body_end)
    if not hits:
        where = "outside the article body" if ref.quote in article.text else "in the article"
        return QuoteNotFound(f"quote not found {where}", file=article.file, value=ref.quote)
    if ref.occurrence > len(hits):
        return QuoteNotFound(
            f"occurrence {ref.occurrence} asked, {len(hits)} found",
            file=article.file,
            value=ref.quote,
        )
    if len(hits) > 1 and ref.occurrence == 1 and "occurrence" not in ref.model_fields_set:
        return QuoteAmbiguous(
            f"quote occurs {len(hits)} times in the body",
            file=article.file,
            value=ref.quote,
            expected="a longer quote, or {quote: ..., occurrence: N}",
        )
    start = hits[ref.occurrence - 1]
    return start, start + len(ref.quote)


def read_article(meta: SourceMeta, articles_dir: Path, annotation_file: str) -> Article:
    path = articles_dir / meta.file
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    problems: list[Problem] = []
    if meta.file.rsplit(".", 1)[0].split("_")[-1] != meta.id:
        problems.append(
            AnnotationSchemaError(
                "source id must be the hash part of the file name",
                file=annotation_file,
                field="source.id",
                value=meta.id,
                expected=meta.file,
            )
        )
    bounds = []
    for which, quote in (("start", meta.body.start), ("end", meta.body.end)):
        hits = find_all(text, quote, 0, len(text))
        if len(hits) != 1:
            problems.append(
                (QuoteNotFound if not hits else QuoteAmbiguous)(
                    f"body {which} must occur exactly once in the article ({len(hits)} found)",
                    file=annotation_file,
                    field=f"source.body.{which}",
                    value=quote,
                )
            )
        else:
            bounds.append(hits[0] if which == "start" else hits[0] + len(quote))
    if meta.title not in text:
        problems.append(
            AnnotationSchemaError(
                "title not found in the article", file=annotation_file, field="source.title"
            )
        )
    if problems:
        raise ProblemsFound(problems)
    start, end = bounds
    if end <= start:
        raise ProblemsFound(
            [
                AnnotationSchemaError(
                    "body ends before it starts", file=annotation_file, field="source.body"
                )
            ]
        )
    return Article(meta, text, hashlib.sha256(raw).hexdigest(), start, end, annotation_file)


#: Annotation keys spelled differently from their column; every other key is its column's name.
RENAMED: dict[str, dict[str, str]] = {
    "events": {"id": "event_id", "type": "event_type", "country": "country_code"},
    "statements": {
        "id": "statement_id",
        "speaker": "speaker_id",
        "co_speakers": "co_speaker_ids",
        "addressee": "addressee_id",
        "event": "event_id",
        "type": "statement_type",
    },
    "agreements": {"id": "agreement_id", "type": "agreement_type"},
    "figures": {"id": "figure_id", "statement": "statement_id", "event": "event_id"},
}
#: Keys holding evidence or nested link records, not columns of the record itself.
NESTED = frozenset({"evidence", "participants", "parties", "events"})


def _columns(table: str, annotation: BaseModel) -> dict[str, Any]:
    """A record's column values from its annotation (lists become tuples, like Arrow lists)."""
    renamed = RENAMED[table]
    return {
        renamed.get(key, key): tuple(value) if isinstance(value, list) else value
        for key, value in ((k, getattr(annotation, k)) for k in type(annotation).model_fields)
        if key not in NESTED
    }


class _SourceReader:
    """Turns one source file into claims and evidence rows."""

    def __init__(self, out: Collected, article: Article, lines: dict[tuple[Any, ...], int]):
        self.out = out
        self.article = article
        self.lines = lines

    def line(self, *path: Any) -> int | None:
        return self.lines.get(path)

    def claim(self, table: str, record_id: str, values: dict[str, Any], *path: Any) -> None:
        kept = {k: v for k, v in values.items() if v is not None and v != [] and v != ()}
        a = self.article
        self.out.claim(table, record_id, Claim(a.meta.id, a.order, a.file, self.line(*path), kept))

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

    def fact(
        self, table: str, record_id: str, values: dict[str, Any], quotes: list[QuoteRef], *path: Any
    ) -> None:
        """A record's claim and its evidence, both located at `path` in the file."""
        self.claim(table, record_id, values, *path)
        self.evidence(table, record_id, quotes, *path, "evidence")

    def read(self, doc: SourceFile) -> None:
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
        for i, ev in enumerate(doc.events):
            self.fact("events", ev.id, _columns("events", ev), ev.evidence, "events", i)
            for j, p in enumerate(ev.participants):
                pid = f"{ev.id}/{p.actor}"
                self.fact(
                    "event_participants",
                    pid,
                    {
                        "participant_id": pid,
                        "event_id": ev.id,
                        "actor_id": p.actor,
                        "role": p.role,
                        "participation": p.participation,
                    },
                    p.evidence,
                    "events",
                    i,
                    "participants",
                    j,
                )
        for i, st in enumerate(doc.statements):
            self.fact("statements", st.id, _columns("statements", st), st.evidence, "statements", i)
        for i, ag in enumerate(doc.agreements):
            self.fact("agreements", ag.id, _columns("agreements", ag), ag.evidence, "agreements", i)
            for j, party in enumerate(ag.parties):
                pid = f"{ag.id}/{party.actor}"
                self.fact(
                    "agreement_parties",
                    pid,
                    {
                        "party_id": pid,
                        "agreement_id": ag.id,
                        "actor_id": party.actor,
                        "role": party.role,
                    },
                    party.evidence,
                    "agreements",
                    i,
                    "parties",
                    j,
                )
            for j, link in enumerate(ag.events):
                lid = f"{ag.id}/{link.event}"
                self.fact(
                    "agreement_events",
                    lid,
                    {
                        "link_id": lid,
                        "agreement_id": ag.id,
                        "event_id": link.event,
                        "relation": link.relation,
                    },
                    link.evidence,
                    "agreements",
                    i,
                    "events",
                    j,
                )
        for i, fig in enumerate(doc.figures):
            self.fact("figures", fig.id, _columns("figures", fig), fig.evidence, "figures", i)


def _text(value: Any) -> str:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _group_of(table: str, name: str) -> tuple[str, ...]:
    return next((g for g in FIELD_GROUPS.get(table, ()) if name in g), (name,))


def merge(
    table: str, record_id: str, claims: list[Claim]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One row from the claims of all sources; disagreements become conflict rows.

    A field's value comes from the most recently published source that gives it;
    fields that only make sense together (a date with its precision, basis and
    note) come together from one source, so a row never pairs one source's date
    with another's account of how it was obtained.
    """
    claims = sorted(claims, key=lambda c: c.order)
    row: dict[str, Any] = {}
    conflicts: list[dict[str, Any]] = []
    fields = sorted({f for c in claims for f in c.values})
    for name in fields:
        given = [(c, c.values[name]) for c in claims if name in c.values]
        if name in LIST_FIELDS:
            row[name] = tuple(dict.fromkeys(v for _, value in given for v in value))
            continue
        group = _group_of(table, name)
        chosen = [c for c in claims if any(g in c.values for g in group)][-1]
        if name in chosen.values:
            row[name] = chosen.values[name]
        if len({_text(v) for _, v in given}) > 1:
            for c, v in given:
                if c.source is None:
                    continue
                conflicts.append(
                    {
                        "record_table": table,
                        "record_id": record_id,
                        "field": name,
                        "source_id": c.source,
                        "claimed_value": _text(v),
                        "chosen": c is chosen,
                    }
                )
    return row, conflicts


def _read_crosswalk(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return [{k: (v or None) for k, v in row.items()} for row in csv.DictReader(handle)]


def collect(data_dir: Path) -> tuple[Collected, dict[str, Article]]:
    """Read every annotation file; problems are gathered, not raised."""
    out = Collected()
    actors_path, source_paths = annotation_files(data_dir / "annotations")
    try:
        for actor in load_actors(actors_path):
            out.claim(
                "actors",
                actor.id,
                Claim(
                    None,
                    (datetime.date.min, ""),
                    shown(actors_path),
                    None,
                    {
                        "actor_id": actor.id,
                        "name": actor.name,
                        "actor_type": actor.type,
                        "country_code": actor.country,
                        "aliases": tuple(actor.aliases),
                    },
                ),
            )
    except ProblemsFound as exc:
        out.problems += exc.problems
        out.unreadable += 1
    articles: dict[str, Article] = {}
    for path in source_paths:
        try:
            doc, lines = load_source_file(path)
            article = read_article(doc.source, data_dir / "articles", shown(path))
        except ProblemsFound as exc:
            out.problems += exc.problems
            out.unreadable += 1
            continue
        except (OSError, UnicodeDecodeError) as exc:
            out.problems.append(
                AnnotationSchemaError(f"cannot read the article: {exc}", file=shown(path))
            )
            out.unreadable += 1
            continue
        if article.meta.id in articles:
            out.problems.append(
                DuplicateId(
                    "two annotation files for one source", file=shown(path), value=article.meta.id
                )
            )
            continue
        articles[article.meta.id] = article
        _SourceReader(out, article, lines).read(doc)
    return out, articles


def build_tables(data_dir: Path) -> BuildResult:
    """Everything the package publishes, as typed Arrow tables; raises ProblemsFound."""
    out, articles = collect(data_dir)
    if out.unreadable:
        # A file we could not read leaves its records and mentions missing; reporting
        # "no evidence" or "unknown reference" for them would point away from the cause.
        raise ProblemsFound(out.problems)
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in RESOURCES}
    for a in sorted(articles.values(), key=lambda a: a.meta.id):
        m = a.meta
        rows["sources"].append(
            {
                "source_id": m.id,
                "path": f"articles/{m.file}",
                "title": m.title,
                "publisher": m.publisher,
                "published_date": m.published_date,
                "published_date_precision": m.published_date_precision,
                "published_date_basis": m.published_date_basis,
                "published_date_note": m.published_date_note,
                "url": m.url,
                "language": m.language,
                "sha256": a.sha256,
                "char_count": len(a.text),
                "body_start": a.body_start,
                "body_end": a.body_end,
            }
        )
    first_quote: dict[tuple[str, str], tuple[tuple[datetime.date, str], int, str]] = {}
    for (table, rid, sid, start, _end), quote in out.evidence.items():
        key = (articles[sid].order, start, quote)
        if (table, rid) not in first_quote or key < first_quote[(table, rid)]:
            first_quote[(table, rid)] = key
    for table, records in out.claims.items():
        for record_id, claims in records.items():
            row, conflicts = merge(table, record_id, claims)
            if table == "actors" and "actor_id" not in row:
                out.problems.append(
                    UnknownReference(
                        "mention of an actor not in actors.yaml",
                        file=claims[0].file,
                        row=claims[0].row,
                        value=record_id,
                    )
                )
                continue
            dated = DATED.get(table)
            if dated is not None and row.get(dated) is None:
                # No source gives a date: say so instead of asking every annotator to.
                row.setdefault("date_precision", "unknown")
                row.setdefault("date_basis", "unknown")
            if table == "statements" and "text" not in row and (table, record_id) in first_quote:
                row["text"] = first_quote[(table, record_id)][2]
            if (table, record_id) not in first_quote:
                out.problems.append(
                    MissingEvidence(
                        "record cites no evidence in any source",
                        file=claims[0].file,
                        row=claims[0].row,
                        field=table,
                        value=record_id,
                    )
                )
            rows[table].append(row)
            rows["conflicts"] += conflicts
    rows["evidence"] = [
        {
            "record_table": t,
            "record_id": r,
            "source_id": s,
            "char_start": a,
            "char_end": b,
            "quote": q,
        }
        for (t, r, s, a, b), q in out.evidence.items()
    ]
    rows["crosswalk"] = _read_crosswalk(data_dir / "reference" / "crosswalk.csv")
    out.problems += _check_rows(rows, out.claims)
    out.problems += _check_references(rows, out.claims)
    if out.problems:
        raise ProblemsFound(out.problems)
    tables = {}
    for name in RESOURCES:
        schema = table_schema(name)
        lists = [f.name for f in schema.fields if f.type == "list"]
        full = [{**{k: () for k in lists}, **row} for row in rows[name]]
        table = pa.Table.from_pylist(full, schema=schema.arrow_schema())
        tables[name] = table.sort_by([(k, "ascending") for k in schema.primary_key])
    return BuildResult(
        tables, articles, sorted(out.no_fact, key=lambda n: (n["source_id"], n["char_start"]))
    )


def _where(
    claims: dict[str, dict[str, list[Claim]]], table: str, record_id: Any, name: str | None
) -> tuple[str | None, int | None]:
    found = claims.get(table, {}).get(str(record_id), [])
    for c in found:
        if name is None or name in c.values:
            return c.file, c.row
    # Nobody gave the field: point at the record's first (most specific) place.
    return (found[-1].file, found[-1].row) if found else (None, None)


def _check_rows(
    rows: dict[str, list[dict[str, Any]]], claims: dict[str, dict[str, list[Claim]]]
) -> list[Problem]:
    """Validate each merged row against its generated model (types, vocabularies, patterns)."""
    problems: list[Problem] = []
    for name, model in MODELS.items():
        key = table_schema(name).primary_key[0]
        for row in rows[name]:
            try:
                model.model_validate(row)
            except ValidationError as exc:
                for err in exc.errors():
                    fname = str(err["loc"][0]) if err["loc"] else None
                    file, line = _where(claims, name, row.get(key), fname)
                    kind = IncompleteRecord if err["type"] == "missing" else AnnotationSchemaError
                    value = err.get("input")
                    problems.append(
                        kind(
                            f"{name} {row.get(key)}: {err['msg']}",
                            file=file,
                            row=line,
                            field=fname,
                            value=None if isinstance(value, (dict, list, tuple)) else str(value),
                        )
                    )
    return problems


def _check_references(
    rows: dict[str, list[dict[str, Any]]], claims: dict[str, dict[str, list[Claim]]]
) -> list[Problem]:
    """Every id a record points at must exist: caught here with the annotation line."""
    problems: list[Problem] = []
    for name in RESOURCES:
        schema = table_schema(name)
        key = schema.primary_key[0]
        for fk in schema.foreign_keys:
            (column,) = fk["fields"]
            target = fk["reference"]["resource"]
            (target_key,) = fk["reference"]["fields"]
            known = {r[target_key] for r in rows[target]}
            for row in rows[name]:
                value = row.get(column)
                if value is not None and value not in known:
                    file, line = _where(claims, name, row.get(key), column)
                    problems.append(
                        UnknownReference(
                            f"{name} {row.get(key)} points at a missing {target} record",
                            file=file,
                            row=line,
                            field=column,
                            value=str(value),
                        )
                    )
    known_actors = {r["actor_id"] for r in rows["actors"]}
    for row in rows["statements"]:
        for other in row.get("co_speaker_ids", ()):
            if other not in known_actors:
                file, line = _where(claims, "statements", row["statement_id"], "co_speaker_ids")
                problems.append(
                    UnknownReference(
                        "co-speaker is not an actor",
                        file=file,
                        row=line,
                        field="co_speaker_ids",
                        value=other,
                    )
                )
    return problems
