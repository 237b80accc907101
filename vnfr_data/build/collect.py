"""Collect claims: each annotation file's records become claims by its source, with evidence.

Nothing is merged here: a record that several sources speak of gets one claim
per source, and `merge` decides what its row shows.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..annotations import SourceFile, annotation_files, load_actors, load_source_file
from ..annotations.format import QuoteRef
from ..errors import AnnotationSchemaError, DuplicateId, Problem, ProblemsFound
from ..paths import shown
from ..schema import RESOURCES
from ..sources.article import Article, read_article
from ..sources.quotes import resolve


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
