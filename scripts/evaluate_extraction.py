#!/usr/bin/env python3
"""Score draft extraction against the curated annotations of the corpus.

For every article that has a curated annotation file, the extractor drafts a
file, which is then read back exactly as the build reads it (strict loader,
quotes resolved to offsets in the body). Drafts are matched one to one with
curated records of the same source by evidence-span overlap plus key fields:

    figures     value and unit
    agreements  short name, else name (word overlap), else type when neither is curated
    statements  speaker together with co-speakers (as a set)
    events      type (visit, state_visit and official_visit count as one family)
    actors      actor id (any mention in the source; no span needed)

It prints precision and recall per table, the number of draft records with any
evidence in page furniture (outside the curated body, or on a caption, heading
or credit line the curators marked), and whether the build accepts each draft
on its own (with actors.yaml). Usage:

    python scripts/evaluate_extraction.py [--data DIR] [--misses] [--per-source]
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from vnfr_data.annotations import load_source_file  # noqa: E402
from vnfr_data.build.collect import Claim, collect  # noqa: E402
from vnfr_data.build.merge import merge  # noqa: E402
from vnfr_data.draft import extract, render  # noqa: E402
from vnfr_data.draft.actors import Actor  # noqa: E402
from vnfr_data.draft.text import fold  # noqa: E402
from vnfr_data.errors import Problem, ProblemsFound  # noqa: E402
from vnfr_data.sources.article import Article, read_article  # noqa: E402
from vnfr_data.sources.quotes import resolve  # noqa: E402

TABLES = ("figures", "agreements", "statements", "events", "actors")
VISITS = frozenset({"visit", "state_visit", "official_visit"})
FURNITURE_REASONS = re.compile(
    r"caption|heading|byline|credit|timestamp|menu|navigation|teaser|header|comment", re.I
)
STOPWORDS = frozenset({"the", "of", "on", "for", "and", "in", "a", "an", "to", "between", "with"})


@dataclass
class Record:
    """One record of one source: its evidence spans and the fields that identify it."""

    id: str
    spans: list[tuple[int, int]]
    fields: dict[str, Any]
    all_spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Score:
    gold: int = 0
    draft: int = 0
    matched: int = 0
    span_only: int = 0
    furniture: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.draft += other.draft
        self.matched += other.matched
        self.span_only += other.span_only
        self.furniture += other.furniture
        self.misses += other.misses
        self.extras += other.extras


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "   n/a"


# -- gold ------------------------------------------------------------------------


def gold_records(
    data: Path,
) -> tuple[
    dict[str, dict[str, list[Record]]], dict[str, Article], dict[str, list[tuple[int, int]]]
]:
    """Curated records per source and table, the articles, and furniture spans per source."""
    out, articles = collect(data)
    if out.problems:
        raise ProblemsFound(out.problems)
    spans: dict[tuple[str, str, str], list[tuple[int, int]]] = {}
    for (table, rid, sid, start, end), _q in out.evidence.items():
        spans.setdefault((sid, table, rid), []).append((start, end))
    per: dict[str, dict[str, list[Record]]] = {sid: {t: [] for t in TABLES} for sid in articles}
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for table, records in out.claims.items():
        for rid, claims in records.items():
            merged[(table, rid)] = merge(table, rid, claims)[0]
    for (sid, table, rid), found in spans.items():
        if table not in TABLES or table == "actors":
            continue
        claim = _claim_of(out.claims[table][rid], sid)
        fields = {**merged[(table, rid)], **(claim.values if claim else {})}
        per[sid][table].append(Record(rid, sorted(found), fields))
    for sid in articles:
        ids: set[str] = set()
        for table, records in out.claims.items():
            for rid, claims in records.items():
                claim = _claim_of(claims, sid)
                if claim is None:
                    continue
                if table == "actors":
                    ids.add(rid)
                elif table == "statements":
                    ids |= {
                        claim.values.get("speaker_id", ""),
                        claim.values.get("addressee_id", ""),
                    }
                    ids |= set(claim.values.get("co_speaker_ids", ()))
                elif table in {"event_participants", "agreement_parties"}:
                    ids.add(claim.values.get("actor_id", ""))
        per[sid]["actors"] = [Record(a, [], {}) for a in sorted(ids - {""})]
    furniture: dict[str, list[tuple[int, int]]] = {}
    for sid, a in articles.items():
        marks = [(0, a.body_start), (a.body_end, len(a.text))]
        for nf in out.no_fact:
            if nf["source_id"] == sid and FURNITURE_REASONS.search(nf["reason"]):
                marks.append((nf["char_start"], nf["char_end"]))
        furniture[sid] = [m for m in marks if m[1] > m[0]]
    return per, articles, furniture


def _claim_of(claims: list[Claim], sid: str) -> Claim | None:
    return next((c for c in claims if c.source == sid), None)


# -- drafts ------------------------------------------------------------------------


def draft_records(
    article: Article, data: Path, workdir: Path
) -> tuple[dict[str, list[Record]], list[Actor]]:
    """Draft one article under a fresh source id, write the draft beside the curated files of a
    copy of the data directory, and read it back as the build would; records per table.

    The copy of the article gets its own id (the build allows one annotation file per source),
    so the build can later check every draft together with all the curated annotations.
    """
    fresh = hashlib.sha256(f"draft:{article.meta.id}".encode()).hexdigest()[:16]
    copy = workdir / "articles" / f"9{article.meta.file[:3]}_{fresh}.txt"
    shutil.copyfile(data / "articles" / article.meta.file, copy)
    draft = extract(copy, actors=data / "annotations" / "actors.yaml")
    text = render(draft)
    path = workdir / "annotations" / f"{draft.source.id}.yaml"
    path.write_text(text, encoding="utf-8")
    doc, _lines = load_source_file(path)
    article = read_article(doc.source, workdir / "articles", str(path))
    problems: list[Problem] = []

    def spans(quotes: Iterable[Any]) -> list[tuple[int, int]]:
        found = []
        for q in quotes:
            r = resolve(article, q)
            if isinstance(r, Problem):
                problems.append(r)
            else:
                found.append(r)
        return found

    recs: dict[str, list[Record]] = {t: [] for t in TABLES}
    for f in doc.figures:
        recs["figures"].append(Record(f.id, spans(f.evidence), {"value": f.value, "unit": f.unit}))
    for ag in doc.agreements:
        extra = [s for p in ag.parties for s in spans(p.evidence)] + [
            s for e in ag.events for s in spans(e.evidence)
        ]
        recs["agreements"].append(
            Record(
                ag.id,
                spans(ag.evidence),
                {"name": ag.name, "short_name": ag.short_name, "agreement_type": ag.type},
                extra,
            )
        )
    for st in doc.statements:
        recs["statements"].append(
            Record(
                st.id,
                spans(st.evidence),
                {"speaker_id": st.speaker, "co_speaker_ids": tuple(st.co_speakers)},
            )
        )
    for ev in doc.events:
        extra = [s for p in ev.participants for s in spans(p.evidence)]
        recs["events"].append(Record(ev.id, spans(ev.evidence), {"event_type": ev.type}, extra))
    ids = set(doc.mentions)
    for st in doc.statements:
        ids |= {st.speaker or "", st.addressee or "", *st.co_speakers}
    for ev in doc.events:
        ids |= {p.actor for p in ev.participants}
    for ag in doc.agreements:
        ids |= {p.actor for p in ag.parties}
    mention_spans = {a: spans(q) for a, q in doc.mentions.items()}
    recs["actors"] = [Record(a, mention_spans.get(a, []), {}) for a in sorted(ids - {""})]
    recs["actors"] += [Record(f"new:{a.id}", [], {}) for a in draft.proposals]
    if problems:
        raise ProblemsFound(problems)
    return recs, draft.proposals


# -- matching ------------------------------------------------------------------------


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _tokens(name: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", fold(name or "")) if w not in STOPWORDS}


def _short(name: str | None) -> str:
    return re.sub(r"\s*\b(?:1[89]|20)\d{2}\b\s*", "", fold(name or "")).strip()


def key_ok(table: str, d: dict[str, Any], g: dict[str, Any]) -> bool:
    if table == "figures":
        return Decimal(str(d["value"])) == Decimal(str(g.get("value"))) and d["unit"] == g.get(
            "unit"
        )
    if table == "statements":
        mine = {d["speaker_id"], *d["co_speaker_ids"]}
        theirs = {g.get("speaker_id"), *g.get("co_speaker_ids", ())}
        return mine == theirs
    if table == "events":
        a, b = d["event_type"], g.get("event_type")
        return a == b or (a in VISITS and b in VISITS)
    if table == "agreements":
        if (
            d.get("short_name")
            and g.get("short_name")
            and _short(d["short_name"]) == _short(g["short_name"])
        ):
            return True
        mine, theirs = _tokens(d.get("name")), _tokens(g.get("name"))
        if (
            mine
            and theirs
            and (len(mine & theirs) / len(mine | theirs) >= 0.5 or mine <= theirs or theirs <= mine)
        ):
            return True
        return (
            not g.get("name")
            and not g.get("short_name")
            and d.get("agreement_type") == g.get("agreement_type")
        )
    return True


def match(
    table: str, drafts: list[Record], golds: list[Record]
) -> tuple[int, int, set[str], set[str]]:
    """Greedy one-to-one matching by overlap size; returns (matched, span-only matched, gold ids hit, draft ids hit)."""
    if table == "actors":
        hit = {r.id for r in drafts} & {r.id for r in golds}
        return len(hit), len(hit), hit, hit

    def greedy(need_key: bool) -> tuple[set[str], set[str]]:
        pairs = []
        for d in drafts:
            for g in golds:
                size = _overlap(d.spans, g.spans)
                if size and (not need_key or key_ok(table, d.fields, g.fields)):
                    pairs.append((size, d.id, g.id))
        used_d: set[str] = set()
        used_g: set[str] = set()
        for _size, did, gid in sorted(pairs, reverse=True):
            if did not in used_d and gid not in used_g:
                used_d.add(did)
                used_g.add(gid)
        return used_g, used_d

    gold_hit, draft_hit = greedy(True)
    span_gold, _ = greedy(False)
    return len(gold_hit), len(span_gold), gold_hit, draft_hit


def furniture_count(recs: list[Record], furniture: list[tuple[int, int]]) -> int:
    return sum(1 for r in recs if _overlap(r.spans + r.all_spans, furniture) > 0)


def build_with_curated(workdir: Path) -> list[Problem]:
    """Does the build accept every draft, written beside all the curated annotations?"""
    from vnfr_data.build import build_tables

    try:
        build_tables(workdir)
    except ProblemsFound as exc:
        return exc.problems
    return []


def evaluate(data: Path, per_source: bool = False) -> tuple[dict[str, Score], list[str]]:
    golds, articles, furniture = gold_records(data)
    totals = {t: Score() for t in TABLES}
    notes: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "data"
        shutil.copytree(data, work, ignore=shutil.ignore_patterns(".staging", "csv", "parquet"))
        for sid, article in sorted(articles.items(), key=lambda kv: kv[1].meta.file):
            recs, _proposals = draft_records(article, data, work)
            if per_source:
                notes.append(article.meta.file)
            for table in TABLES:
                s = Score(gold=len(golds[sid][table]), draft=len(recs[table]))
                s.matched, s.span_only, gold_hit, draft_hit = match(
                    table, recs[table], golds[sid][table]
                )
                s.furniture = furniture_count(recs[table], furniture[sid])
                s.misses = [
                    f"{article.meta.file} {g.id}" for g in golds[sid][table] if g.id not in gold_hit
                ]
                s.extras = [
                    f"{article.meta.file} {d.id}" for d in recs[table] if d.id not in draft_hit
                ]
                if per_source:
                    notes.append(
                        f"  {table:<11} curated {s.gold:3} drafted {s.draft:3} matched {s.matched:3}"
                        f"  P {_pct(s.matched, s.draft)}  R {_pct(s.matched, s.gold)}"
                    )
                totals[table].add(s)
        problems = build_with_curated(work)
        verdict = (
            "accepts all drafts"
            if not problems
            else f"REJECTS: {'; '.join(map(str, problems[:5]))}"
        )
        notes.insert(
            0, f"build of the curated annotations plus the {len(articles)} drafts: {verdict}"
        )
    return totals, notes


def table(totals: dict[str, Score]) -> str:
    lines = [
        "| table | curated | drafted | matched | precision | recall | recall (span only) | drafts from furniture |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for t in TABLES:
        s = totals[t]
        lines.append(
            f"| {t} | {s.gold} | {s.draft} | {s.matched} | {_pct(s.matched, s.draft).strip()} | "
            f"{_pct(s.matched, s.gold).strip()} | {_pct(s.span_only, s.gold).strip()} | {s.furniture} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument(
        "--data", default=str(REPO / "data"), help="data directory (default: the checkout's)"
    )
    p.add_argument(
        "--misses",
        action="store_true",
        help="list curated records no draft matched, and unmatched drafts",
    )
    p.add_argument("--per-source", action="store_true", help="scores per article")
    args = p.parse_args(argv)
    totals, notes = evaluate(Path(args.data), args.per_source)
    print(table(totals))
    print()
    furniture = sum(s.furniture for s in totals.values())
    print(f"draft records with evidence in page furniture: {furniture}")
    for n in notes:
        print(n)
    if args.misses:
        for t in TABLES:
            print(f"\n{t}: missed {len(totals[t].misses)}: {', '.join(totals[t].misses)}")
            print(f"{t}: unmatched drafts {len(totals[t].extras)}: {', '.join(totals[t].extras)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
