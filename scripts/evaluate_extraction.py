#!/usr/bin/env python3
"""Score draft extraction against curated annotations: development set, held-out part, corpus.

Three sets are scored separately, because only articles the rules were not
written on say how the extractor does on new ones:

- the development set (`tests/draft_dev/`): articles written for the tests to
  the patterns of issue 9, each with a gold annotation in the curated format;
- its held-out part (`tests/draft_dev/held_out.txt`): written with the rest,
  before any rule was tuned, and never tuned on: the honest estimate;
- the independent set (`tests/draft_dev/independent.txt`): articles written by
  someone who never saw the rules, scored as one aggregate only (this script
  never prints its per-article scores or misses, so nobody tunes on it); it is
  not part of the development set; the third independent set
  (`tests/draft_dev/independent3.txt`, `--set independent3`) is scored the same
  way, apart from the first (the second, 225-235, was promoted to the development
  set on 2026-12-02 after its last blind score: `tests/draft_dev/promoted.txt`);
- the five corpus articles (`data/`), on which the rules were first written,
  and whose people `actors.yaml` already knows: not evidence of generality.

Gold: the corpus annotations plus the development set's, built together (so a
development article may add evidence to a corpus record, as a contributor's
would). Drafts: each article is drafted as a contributor would draft it, with
the corpus `actors.yaml` only and (for the development set) the corpus dataset
to link to; the draft is then accepted whole (`vnfr_data.draft.adopt`:
proposed actors appended, commented records uncommented, `# DRAFT` markers
removed) and read back as the build reads it. Match rules, one to one, greedy
by the size of evidence overlap, and only within one source:

    figures     overlapping evidence, same value and unit
    agreements  overlapping evidence, and the same agreement type or the same
                name (short names equal, or names sharing half their words
                after normalisation: diacritics folded, dashes and plurals
                dropped, "Ha Noi" = "Hanoi"); "name right" then counts the
                matched ones whose names agree (or that got the dataset's id).
                The former rule (short name, else names sharing half their
                raw words, else the type when gold names neither) is scored
                beside it as "agreements (former rule)"
    statements  overlapping evidence, and the same speaker with the same
                co-speakers (as a set): "right speaker"
    events      overlapping evidence, same type (visit, state_visit and
                official_visit count as one family)
    actors      the same actor: the same id; or, for an actor the corpus does not know (a
                proposal, whose id is the contributor's choice), the same name, or a name
                equal to one of the other's aliases (diacritics folded, punctuation dropped),
                and no two different countries. An actor the corpus knows must get its
                corpus id. The former rule (the same id only) is scored beside it as
                "actors (former rule)". Statements compare speakers through these pairs

Events also get "date+status": of the matched events, how many have this
source's own date (start and end, or none when the gold gives none) and
status; and "linked": of the matched gold records that are corpus records, how
many the draft gave the corpus id. "From furniture" counts draft records with
any evidence outside the gold body or on a line the gold marks as furniture.
An article the extractor refuses (no body found) counts as a draft with no
records: every gold record of it is missed.

`--diagnose` adds, for each set, counts only (no id, no text, so it is safe on the blind
sets): events per type (gold, drafted, matched); gold event spans lying in furniture; why the
missed gold events were missed (a draft event on the same words but of another type, one
elsewhere in the same sentence, or no draft event in the sentence at all, and then whether
the extractor read the sentence as body prose and whether any of its trigger words occur in
it, by trigger kind); and a histogram of the articles' events recall.

    python scripts/evaluate_extraction.py [--set dev|tuning|held-out|independent|independent3|corpus|all]
        [--misses] [--per-source] [--diagnose] [--no-independent]
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from vnfr_data.annotations import load_source_file  # noqa: E402
from vnfr_data.build import build_tables  # noqa: E402
from vnfr_data.build.collect import Claim, collect  # noqa: E402
from vnfr_data.build.merge import merge  # noqa: E402
from vnfr_data.draft import extract, render  # noqa: E402
from vnfr_data.draft.adopt import accept_all  # noqa: E402
from vnfr_data.draft.event_triggers import _TRIGGER_RX  # noqa: E402
from vnfr_data.draft.furniture import layout  # noqa: E402
from vnfr_data.draft.linking import load_known  # noqa: E402
from vnfr_data.draft.statement_verbs import _VERB_RX  # noqa: E402
from vnfr_data.draft.text import Span  # noqa: E402
from vnfr_data.draft.unnamed_speakers import is_unnamed  # noqa: E402
from vnfr_data.errors import Problem, ProblemsFound  # noqa: E402
from vnfr_data.sources.article import read_article  # noqa: E402
from vnfr_data.sources.folding import fold  # noqa: E402
from vnfr_data.sources.quotes import resolve  # noqa: E402
from vnfr_data.sources.sentences import split_sentences  # noqa: E402

DEV = REPO / "tests" / "draft_dev"
TABLES = ("figures", "agreements", "statements", "events", "actors")
FORMER = "agreements (former rule)"
FORMER_ACTORS = "actors (former rule)"
SCORED = (*TABLES[:2], FORMER, *TABLES[2:], FORMER_ACTORS)
#: The table each scored row counts the records of.
ROWS = {FORMER: "agreements", FORMER_ACTORS: "actors"}
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
    dated_right: int = 0
    named_right: int = 0
    existing: int = 0
    linked: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    misdated: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in (
            "gold",
            "draft",
            "matched",
            "span_only",
            "furniture",
            "dated_right",
            "named_right",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.existing += other.existing
        self.linked += other.linked
        self.misses += other.misses
        self.extras += other.extras
        self.misdated += other.misdated


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "n/a"


#: Bins of the per-article events recall histogram: (label, upper bound, exclusive).
RECALL_BINS = ("0%", "1-49%", "50-74%", "75-99%", "100%")


def _type_table(
    table: str,
    gold: Counter[str],
    drafted: Counter[str],
    matched: Counter[str],
    no_draft: Counter[str],
) -> list[str]:
    """A diagnosis's heading and its counts per type (counts only)."""
    lines = [
        f"### {table}s diagnosis (counts only)",
        "",
        f"| {table} type | gold | drafted | matched | recall | missed, no draft in its sentence |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for kind in sorted(set(gold) | set(drafted)):
        g, m = gold[kind], matched[kind]
        lines.append(f"| {kind} | {g} | {drafted[kind]} | {m} | {_pct(m, g)} | {no_draft[kind]} |")
    return lines


@dataclass
class Diagnosis:
    """Counts only (never an id or a text), so that it may be printed for a blind set."""

    gold_types: Counter[str] = field(default_factory=Counter)
    draft_types: Counter[str] = field(default_factory=Counter)
    matched_types: Counter[str] = field(default_factory=Counter)
    gold_spans: int = 0
    spans_in_furniture: int = 0
    spans_not_prose: int = 0
    events_in_furniture: int = 0
    missed: int = 0
    wrong_type: int = 0
    same_sentence: int = 0
    no_candidate: int = 0
    no_candidate_types: Counter[str] = field(default_factory=Counter)
    not_prose: int = 0
    with_trigger: int = 0
    trigger_kinds: Counter[str] = field(default_factory=Counter)
    recall_bins: Counter[str] = field(default_factory=Counter)
    no_gold_events: int = 0

    def add(
        self,
        text: str,
        drafts: list[Record],
        golds: list[Record],
        furniture: list[tuple[int, int]],
    ) -> None:
        """Count one article's events."""
        pairs = match("events", drafts, golds)
        hit = {g.id for _d, g in pairs}
        for d in drafts:
            self.draft_types[str(d.fields.get("event_type"))] += 1
        for _d, g in pairs:
            self.matched_types[str(g.fields.get("event_type"))] += 1
        prose = layout(text)
        sentences = split_sentences(text)
        for g in golds:
            kind = str(g.fields.get("event_type"))
            self.gold_types[kind] += 1
            self.gold_spans += len(g.spans)
            inside = [sp for sp in g.spans if any(a <= sp[0] and sp[1] <= b for a, b in furniture)]
            self.spans_in_furniture += len(inside)
            self.spans_not_prose += sum(1 for a, b in g.spans if not prose.in_prose(Span(a, b)))
            if g.spans and len(inside) == len(g.spans):
                self.events_in_furniture += 1
            if g.id in hit:
                continue
            self.missed += 1
            why, own = why_missed(drafts, g, sentences)
            if why == "other key":
                self.wrong_type += 1
                continue
            if why == "same sentence":
                self.same_sentence += 1
                continue
            self.no_candidate += 1
            self.no_candidate_types[kind] += 1
            if not any(prose.in_prose(Span(a, b)) for a, b in own):
                self.not_prose += 1
            kinds = {k for a, b in own for rx, k in _TRIGGER_RX if rx.search(text, a, b)}
            if kinds:
                self.with_trigger += 1
                self.trigger_kinds.update(kinds)
        if not golds:
            self.no_gold_events += 1
            return
        recall = len(hit) / len(golds)
        index = (
            0 if recall == 0 else 4 if recall == 1 else 1 if recall < 0.5 else 2 + (recall >= 0.75)
        )
        self.recall_bins[RECALL_BINS[index]] += 1

    def report(self) -> str:
        """The counts as text: no id, no quote."""
        lines = _type_table(
            "event",
            self.gold_types,
            self.draft_types,
            self.matched_types,
            self.no_candidate_types,
        )
        triggers = ", ".join(f"{k} {n}" for k, n in sorted(self.trigger_kinds.items())) or "none"
        bins = ", ".join(f"{b}: {self.recall_bins[b]}" for b in RECALL_BINS)
        lines += [
            "",
            f"gold event spans: {self.gold_spans}, inside furniture: {self.spans_in_furniture}"
            f" (gold events wholly in furniture: {self.events_in_furniture}); outside the"
            f" extractor's body prose: {self.spans_not_prose}",
            f"gold events missed: {self.missed}: a draft event on their words but of another"
            f" type {self.wrong_type}; a draft event elsewhere in their sentence"
            f" {self.same_sentence}; no draft event in their sentence {self.no_candidate}",
            f"  of the {self.no_candidate} with no draft event in their sentence: not read as body"
            f" prose by the extractor {self.not_prose}; with a trigger word {self.with_trigger}"
            f" (by trigger kind: {triggers})",
            f"articles by events recall: {bins}; without gold events: {self.no_gold_events}",
        ]
        return "\n".join(lines)


def why_missed(drafts: list[Record], g: Record, sentences: list[Any]) -> tuple[str, list[Any]]:
    """Why a gold record found no pair: a draft on its words (another key), one elsewhere in
    its sentences, or none there ("no draft"); with those sentences."""
    if any(_overlap(d.spans, g.spans) for d in drafts):
        return "other key", []
    own = [s for s in sentences if _overlap([s], g.spans)]
    if any(_overlap(d.spans, own) for d in drafts):
        return "same sentence", own
    return "no draft", own


#: Words that name or sign a document: is one in the sentence of a missed agreement?
AGREEMENT_WORDS = (
    ("signed/inked", re.compile(r"\b(?:sign(?:ed|ing|s)?|ink(?:ed|s)?)\b", re.I)),
    (
        "document word",
        re.compile(
            r"\b(?:agreements?|accords?|treat(?:y|ies)|memorand(?:um|a)|MoUs?|contracts?|deals?"
            r"|letters? of intent|declarations?|conventions?|protocols?)\b",
            re.I,
        ),
    ),
    (
        "plan word",
        re.compile(
            r"\b(?:programmes?|programs?|plans?|roadmaps?|frameworks?|partnerships?|strateg(?:y|ies)"
            r"|commitments?|grants?|loans?|packages?)\b",
            re.I,
        ),
    ),
    (
        "mechanism word",
        re.compile(
            r"\b(?:committees?|commissions?|dialogues?|working groups?|task forces?|mechanisms?"
            r"|consultations?|councils?|twinn(?:ing|ed)|sister|forums?|funds?|alliances?"
            r"|networks?|centres?|centers?|institutes?|schools?|universit(?:y|ies)|hotlines?)\b",
            re.I,
        ),
    ),
)


@dataclass
class AgreementDiagnosis:
    """Agreements counted as events are (counts only, never an id or a text)."""

    gold_types: Counter[str] = field(default_factory=Counter)
    draft_types: Counter[str] = field(default_factory=Counter)
    matched_types: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    no_draft_types: Counter[str] = field(default_factory=Counter)
    words: Counter[str] = field(default_factory=Counter)
    not_prose: int = 0

    def add(self, text: str, drafts: list[Record], golds: list[Record]) -> None:
        """Count one article's agreements."""
        hit = {g.id for _d, g in match("agreements", drafts, golds)}
        self.draft_types.update(str(d.fields.get("agreement_type")) for d in drafts)
        prose, sentences = layout(text), split_sentences(text)
        for g in golds:
            kind = str(g.fields.get("agreement_type"))
            self.gold_types[kind] += 1
            if g.id in hit:
                self.matched_types[kind] += 1
                continue
            why, own = why_missed(drafts, g, sentences)
            self.reasons[why] += 1
            if why != "no draft":
                continue
            self.no_draft_types[kind] += 1
            self.not_prose += not any(prose.in_prose(Span(a, b)) for a, b in own)
            found = {k for a, b in own for k, rx in AGREEMENT_WORDS if rx.search(text, a, b)}
            self.words.update(found or {"none of them"})

    def report(self) -> str:
        lines = _type_table(
            "agreement", self.gold_types, self.draft_types, self.matched_types, self.no_draft_types
        )
        reasons = ", ".join(f"{k} {n}" for k, n in sorted(self.reasons.items())) or "none"
        words = ", ".join(f"{k} {n}" for k, n in sorted(self.words.items())) or "none"
        lines += [
            "",
            f"gold agreements missed, by reason: {reasons}",
            f"  of those with no draft in their sentence: not read as body prose {self.not_prose};"
            f" words in their sentence: {words}",
        ]
        return "\n".join(lines)


#: What a missed statement's sentence holds: quotation marks, a reporting verb, a lead pronoun.
STATEMENT_FEATURES = (
    ("quotation marks", re.compile(r"[\u201c\u201d\"]")),
    ("according to", re.compile(r"\baccording to\b", re.I)),
    ("pronoun subject", re.compile(r"(?:^|[,;:]\s*|\bthat\s+)(?:[Hh]e|[Ss]he|[Tt]hey)\b")),
)


@dataclass
class StatementDiagnosis:
    """Why gold statements and actors were missed and where unmatched drafts sit (counts only,
    never an id or a text): what a precision or recall fix should aim at."""

    reasons: Counter[str] = field(default_factory=Counter)
    features: Counter[str] = field(default_factory=Counter)
    missed_types: Counter[str] = field(default_factory=Counter)
    speakers: Counter[str] = field(default_factory=Counter)
    actors_missed: Counter[str] = field(default_factory=Counter)
    actors_extra: Counter[str] = field(default_factory=Counter)
    extra: Counter[str] = field(default_factory=Counter)

    def add(
        self,
        text: str,
        recs: dict[str, list[Record]],
        golds: dict[str, list[Record]],
        known: frozenset[str],
    ) -> None:
        """Count one article's missed statements (by reason) and missed actors (by type)."""
        actors = same_actors(recs["actors"], golds["actors"], known)
        to_gold = {d.id: g.id for d, g in actors}
        kinds = {g.id: str(g.fields.get("type")) for g in golds["actors"]}
        drafts, wanted = recs["statements"], golds["statements"]
        pairs = match("statements", drafts, wanted, speakers=to_gold)
        hit = {g.id for _d, g in pairs}
        sentences = split_sentences(text)
        for g in wanted:
            if g.id in hit:
                continue
            self.missed_types[str(g.fields.get("statement_type"))] += 1
            self.speakers[kinds.get(str(g.fields.get("speaker_id")), "unknown")] += 1
            why, own = why_missed(drafts, g, sentences)
            if why == "other key":
                why = self._wrong_speaker(drafts, g, to_gold, {x.id for x in golds["actors"]})
            if why == "no draft" and any(_overlap(u.spans, g.spans) for u in recs["unnamed"]):
                why = "drafted as unnamed (# DRAFT)"
            self.reasons[why] += 1
            if why == "no draft":
                found = {k for a, b in own for k, rx in STATEMENT_FEATURES if rx.search(text, a, b)}
                verb = any(rx.search(text, a, b) for a, b in own for rx, _k in _VERB_RX)
                found |= {"a reporting verb" if verb else "no reporting verb"}
                self.features.update(found)
        paired = {d.id for d, _g in pairs}
        for d in drafts:
            if d.id not in paired:
                self.extra[self._why_extra(d, wanted, sentences)] += 1
        hit_g = {g.id for _d, g in actors}
        hit_d = {d.id for d, _g in actors}
        words = f" {_folded_name(text)} "
        for g in golds["actors"]:
            if g.id not in hit_g:
                named = any(f" {n} " in words for n in g.fields.get("names", ()))
                kind = kinds[g.id] + (" (named in the text)" if named else " (name not in text)")
                self.actors_missed[kind] += 1
        for d in recs["actors"]:
            if d.id not in hit_d:
                self.actors_extra[str(d.fields.get("type"))] += 1

    @staticmethod
    def _why_extra(d: Record, wanted: list[Record], sentences: list[Any]) -> str:
        """Where an unmatched draft statement sits: on a gold statement's words (so another
        speaker or co-speakers), in a gold statement's sentence, or where the gold has none."""
        if any(_overlap(d.spans, g.spans) for g in wanted):
            return "on a gold statement's words"
        own = [s for s in sentences if _overlap([s], d.spans)]
        if any(_overlap(g.spans, own) for g in wanted):
            return "in a gold statement's sentence"
        return "no gold statement in its sentence"

    @staticmethod
    def _wrong_speaker(
        drafts: list[Record], g: Record, to_gold: dict[str, str], present: set[str]
    ) -> str:
        """Which way a draft on the gold's words got the speaker wrong."""
        on = [d for d in drafts if _overlap(d.spans, g.spans)]
        gold_speaker = g.fields.get("speaker_id")
        for d in on:
            if to_gold.get(d.fields["speaker_id"], d.fields["speaker_id"]) == gold_speaker:
                return "wrong co-speakers"
        mapped = [to_gold.get(d.fields["speaker_id"]) for d in on]
        if any(m in present for m in mapped if m):
            return "another speaker of the article"
        return "a speaker the gold does not hold"

    def report(self) -> str:
        def listed(c: Counter[str]) -> str:
            return ", ".join(f"{k} {n}" for k, n in sorted(c.items())) or "none"

        return "\n".join(
            [
                "### statements and actors diagnosis (counts only)",
                "",
                f"gold statements missed, by reason: {listed(self.reasons)}",
                f"  by gold statement type: {listed(self.missed_types)}",
                f"  by gold speaker's actor type: {listed(self.speakers)}",
                f"  of those with no draft on their words or sentence: {listed(self.features)}",
                f"draft statements unmatched, by where they sit: {listed(self.extra)}",
                f"gold actors missed, by type: {listed(self.actors_missed)}",
                f"draft actors unmatched, by type: {listed(self.actors_extra)}",
            ]
        )


# -- sets ----------------------------------------------------------------------------


def _listed(name: str) -> set[str]:
    path = DEV / name
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    return {line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()}


def promoted() -> set[str]:
    """The development articles that were an independent set until they were promoted."""
    return _listed("promoted.txt")


def held_out() -> set[str]:
    """The held-out part of the development set (never tuned on)."""
    return _listed("held_out.txt")


#: Independent sets, each written by a session that never saw the extractor: scored as one
#: aggregate each, never article by article, and never part of another set.
INDEPENDENT = {"independent": "independent.txt", "independent3": "independent3.txt"}


def independent(which: str | None = None) -> set[str]:
    """One independent set's articles, or (without a name) those of every independent set."""
    names = [INDEPENDENT[which]] if which else list(INDEPENDENT.values())
    return set().union(*(_listed(n) for n in names))


def gold_dir(data: Path, tmp: Path) -> Path:
    """The corpus annotations and the development set's, in one data directory."""
    work = tmp / "gold"
    (work / "annotations").mkdir(parents=True)
    shutil.copytree(data / "articles", work / "articles")
    shutil.copytree(data / "reference", work / "reference")
    for f in (data / "annotations").glob("*.yaml"):
        shutil.copyfile(f, work / "annotations" / f.name)
    for f in (DEV / "articles").glob("*.txt"):
        shutil.copyfile(f, work / "articles" / f.name)
    for f in (DEV / "annotations").glob("*.yaml"):
        shutil.copyfile(f, work / "annotations" / f.name)
    with open(work / "annotations" / "actors.yaml", "a", encoding="utf-8") as out:
        out.write((DEV / "actors.yaml").read_text(encoding="utf-8"))
    return work


# -- gold ------------------------------------------------------------------------------


def gold_records(work: Path) -> tuple[dict[str, dict[str, list[Record]]], Any, dict[str, Any]]:
    """Curated records per source and table, the collected claims, and the articles."""
    out, articles = collect(work)
    if out.problems:
        raise ProblemsFound(out.problems)
    spans: dict[tuple[str, str, str], list[tuple[int, int]]] = {}
    for (table, rid, sid, start, end), _q in out.evidence.items():
        spans.setdefault((sid, table, rid), []).append((start, end))
    per: dict[str, dict[str, list[Record]]] = {sid: {t: [] for t in TABLES} for sid in articles}
    for (sid, table, rid), found in spans.items():
        if table not in TABLES or table == "actors":
            continue
        claims = out.claims[table][rid]
        claim = _claim_of(claims, sid)
        own = dict(claim.values) if claim else {}
        fields = {**merge(table, rid, claims).row, **own, "_own": own}
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
        per[sid]["actors"] = [
            Record(a, [], _identity(merge("actors", a, out.claims["actors"][a]).row))
            for a in sorted(ids - {""})
            if a in out.claims.get("actors", {})
        ]
    return per, out, articles


def _identity(row: dict[str, Any]) -> dict[str, Any]:
    """What says which actor a record is: its names (name and aliases, folded) and country.
    Its type rides along for the diagnosis's counts only: same_actors never matches on it."""
    names = {_folded_name(n) for n in (row.get("name"), *(row.get("aliases") or ()))}
    return {
        "names": names - {""},
        "country": row.get("country_code") or row.get("country"),
        "type": row.get("actor_type") or row.get("type"),
    }


def _folded_name(name: str | None) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold(name or "")))


def _claim_of(claims: list[Claim], sid: str) -> Claim | None:
    return next((c for c in claims if c.source == sid), None)


def furniture_spans(out: Any, article: Any, sid: str) -> list[tuple[int, int]]:
    marks = [(0, article.body_start), (article.body_end, len(article.text))]
    for nf in out.no_fact:
        if nf["source_id"] == sid and FURNITURE_REASONS.search(nf["reason"]):
            marks.append((nf["char_start"], nf["char_end"]))
    return [m for m in marks if m[1] > m[0]]


# -- drafts ------------------------------------------------------------------------------


def draft_records(
    path: Path, data: Path, work: Path, link: bool
) -> tuple[dict[str, list[Record]], str]:
    """Draft one article (corpus actors only; the corpus dataset to link to when `link`),
    accept the draft whole, and read it back as the build would: records per table."""
    draft = extract(
        path, actors=data / "annotations" / "actors.yaml", dataset=data if link else None
    )
    accepted, new_actors = accept_all(render(draft))
    (work / "articles").mkdir(parents=True, exist_ok=True)
    (work / "annotations").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, work / "articles" / path.name)
    target = work / "annotations" / f"{draft.source.id}.yaml"
    target.write_text(accepted, encoding="utf-8")
    if new_actors:
        with open(work / "new_actors.yaml", "a", encoding="utf-8") as handle:
            handle.write("".join(f"{a}\n" for a in new_actors))
    doc, _lines = load_source_file(target)
    article = read_article(doc.source, work / "articles", str(target))
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

    known = load_known(data)
    known_types = {k.id: k.type for k in known.events}
    known_agreements = {k.id: k for k in known.agreements}
    recs: dict[str, list[Record]] = {t: [] for t in TABLES}
    for f in doc.figures:
        recs["figures"].append(Record(f.id, spans(f.evidence), {"value": f.value, "unit": f.unit}))
    for ag in doc.agreements:
        extra = [s for p in ag.parties for s in spans(p.evidence)]
        extra += [s for e in ag.events for s in spans(e.evidence)]
        fields = {"name": ag.name, "short_name": ag.short_name, "agreement_type": ag.type}
        if ag.id in known_agreements and ag.name is None:  # linked: the record's own identity
            k = known_agreements[ag.id]
            fields = {"name": k.name, "short_name": k.short_name, "agreement_type": k.type}
        recs["agreements"].append(Record(ag.id, spans(ag.evidence), fields, extra))
    for st in doc.statements:
        fields = {"speaker_id": st.speaker, "co_speaker_ids": tuple(st.co_speakers)}
        recs["statements"].append(Record(st.id, spans(st.evidence), fields))
    for ev in doc.events:
        extra = [s for p in ev.participants for s in spans(p.evidence)]
        fields = {
            "event_type": ev.type or known_types.get(ev.id),
            "status": ev.status,
            "date_start": ev.date_start,
            "date_end": ev.date_end,
        }
        recs["events"].append(Record(ev.id, spans(ev.evidence), fields, extra))
    ids = set(doc.mentions)
    for st in doc.statements:
        ids |= {st.speaker or "", st.addressee or "", *st.co_speakers}
    for ev in doc.events:
        ids |= {p.actor for p in ev.participants}
    for ag in doc.agreements:
        ids |= {p.actor for p in ag.parties}
    who = {a["id"]: a for a in _actor_rows(data / "annotations" / "actors.yaml")}
    who |= {a["id"]: a for line in new_actors for a in yaml.safe_load(line)}
    recs["actors"] = [Record(a, [], _identity(who.get(a, {}))) for a in sorted(ids - {""})]
    recs["unnamed"] = [  # the `# DRAFT|` statements adoption drops: for the diagnosis only
        Record(f"unnamed-{i}", [(st.evidence.start, st.evidence.end)], {})
        for i, st in enumerate(draft.statements)
        if is_unnamed(st.who)
    ]
    if problems:
        raise ProblemsFound(problems)
    return recs, draft.source.id


def _actor_rows(path: Path) -> list[dict[str, Any]]:
    return list(yaml.safe_load(path.read_text(encoding="utf-8")) or [])


# -- matching --------------------------------------------------------------------------------


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _tokens(name: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", fold(name or "")) if w not in STOPWORDS}


def _normal_words(name: str | None) -> set[str]:
    """Content words of a name after normalisation: folded, dashes split, plurals dropped, and
    a word split in one spelling joined as in the other ("Ha Noi" and "Hanoi") by the caller."""
    words = [w for w in re.findall(r"[a-z0-9]+", fold(name or "")) if w not in STOPWORDS]
    return {w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words}


def _joined(mine: set[str], theirs: set[str], name: str | None) -> set[str]:
    """`mine` with adjacent words of `name` joined where the join is one of `theirs`."""
    words = re.findall(r"[a-z0-9]+", fold(name or ""))
    out = set(mine)
    for a, b in zip(words, words[1:], strict=False):
        if a + b in theirs:
            out -= {a, b}
            out.add(a + b)
    return out


def _same_name(d: dict[str, Any], g: dict[str, Any]) -> bool:
    """Short names equal, or normalised names sharing half their words (or one within the other)."""
    shorts = d.get("short_name"), g.get("short_name")
    if shorts[0] and shorts[1] and _short(shorts[0]) == _short(shorts[1]):
        return True
    mine, theirs = _normal_words(d.get("name")), _normal_words(g.get("name"))
    mine, theirs = _joined(mine, theirs, d.get("name")), _joined(theirs, mine, g.get("name"))
    if not mine or not theirs:
        return False
    return len(mine & theirs) / len(mine | theirs) >= 0.5 or mine <= theirs or theirs <= mine


def _short(name: str | None) -> str:
    return re.sub(r"\s*\b(?:1[89]|20)\d{2}\b\s*", "", fold(name or "")).strip()


def key_ok(table: str, d: dict[str, Any], g: dict[str, Any]) -> bool:
    if table == "figures":
        same_value = Decimal(str(d["value"])) == Decimal(str(g.get("value")))
        return same_value and d["unit"] == g.get("unit")
    if table == "statements":
        mine = {d["speaker_id"], *d["co_speaker_ids"]}
        return mine == {g.get("speaker_id"), *g.get("co_speaker_ids", ())}
    if table == "events":
        a, b = d["event_type"], g.get("event_type")
        return a == b or (a in VISITS and b in VISITS)
    if table == "agreements":
        return _same_name(d, g) or d.get("agreement_type") == g.get("agreement_type")
    if table == FORMER:
        shorts = d.get("short_name"), g.get("short_name")
        if shorts[0] and shorts[1] and _short(shorts[0]) == _short(shorts[1]):
            return True
        mine, theirs = _tokens(d.get("name")), _tokens(g.get("name"))
        if (
            mine
            and theirs
            and (len(mine & theirs) / len(mine | theirs) >= 0.5 or mine <= theirs or theirs <= mine)
        ):
            return True
        named = g.get("name") or g.get("short_name")
        return not named and d.get("agreement_type") == g.get("agreement_type")
    return True


def _when(f: dict[str, Any]) -> str:
    return f"{f.get('date_start')}..{f.get('date_end') or f.get('date_start')} {f.get('status')}"


def dated_right(d: dict[str, Any], g: dict[str, Any]) -> bool:
    """This source's own date (start, end; none when it gives none) and status."""
    own = g.get("_own", {})
    start, end = own.get("date_start"), own.get("date_end") or own.get("date_start")
    mine_end = d.get("date_end") or d.get("date_start")
    return (d.get("date_start"), mine_end, d.get("status")) == (start, end, own.get("status"))


def match(
    table: str,
    drafts: list[Record],
    golds: list[Record],
    known: frozenset[str] = frozenset(),
    speakers: dict[str, str] | None = None,
) -> list[tuple[Record, Record]]:
    """Greedy one-to-one pairs (draft, gold) by overlap size, keys required. `known`: the
    actor ids the corpus already has (for "actors"); `speakers`: draft actor id -> the gold
    actor it is (for "statements")."""
    if table == FORMER_ACTORS:
        theirs = {g.id: g for g in golds}
        return [(d, theirs[d.id]) for d in drafts if d.id in theirs]
    if table == "actors":
        return same_actors(drafts, golds, known)
    pairs = []
    for d in drafts:
        for g in golds:
            size = _overlap(d.spans, g.spans)
            if size and key_ok(table, _as_gold(table, d.fields, speakers), g.fields):
                pairs.append((size, d.id, g.id, d, g))
    used_d: set[str] = set()
    used_g: set[str] = set()
    out = []
    for _size, did, gid, d, g in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if did not in used_d and gid not in used_g:
            used_d.add(did)
            used_g.add(gid)
            out.append((d, g))
    return out


def same_actors(
    drafts: list[Record], golds: list[Record], known: frozenset[str]
) -> list[tuple[Record, Record]]:
    """One-to-one pairs: the same id first; then, for actors the corpus does not know, a
    shared name or alias and no two different countries (in id order, so stable)."""
    theirs = {g.id: g for g in golds}
    pairs = [(d, theirs[d.id]) for d in drafts if d.id in theirs]
    used = {d.id for d, _g in pairs}
    free = [g for g in golds if g.id not in used and g.id not in known]
    for d in drafts:
        if d.id in used or d.id in known:
            continue
        for g in free:
            countries = {d.fields.get("country"), g.fields.get("country")} - {None, ""}
            if d.fields.get("names", set()) & g.fields.get("names", set()) and len(countries) < 2:
                pairs.append((d, g))
                free.remove(g)
                break
    return pairs


def _as_gold(table: str, fields: dict[str, Any], speakers: dict[str, str] | None) -> dict[str, Any]:
    """A draft statement's speakers named by the gold actors they were matched to."""
    if table != "statements" or not speakers:
        return fields
    return {
        **fields,
        "speaker_id": speakers.get(fields["speaker_id"], fields["speaker_id"]),
        "co_speaker_ids": tuple(speakers.get(a, a) for a in fields["co_speaker_ids"]),
    }


def span_only(drafts: list[Record], golds: list[Record]) -> int:
    hit = {g.id for g in golds for d in drafts if _overlap(d.spans, g.spans)}
    return len(hit)


def score_source(
    name: str,
    recs: dict[str, list[Record]],
    golds: dict[str, list[Record]],
    furniture: list[tuple[int, int]],
    corpus_ids: dict[str, set[str]],
    link: bool,
) -> dict[str, Score]:
    out = {}
    known = frozenset(corpus_ids.get("actors", set()))
    actors = same_actors(recs["actors"], golds["actors"], known)
    speakers = {d.id: g.id for d, g in actors}
    for table in SCORED:
        rows = ROWS.get(table, table)
        s = Score(gold=len(golds[rows]), draft=len(recs[rows]))
        pairs = (
            actors
            if table == "actors"
            else match(table, recs[rows], golds[rows], speakers=speakers)
        )
        s.matched = len(pairs)
        if rows == "actors":
            s.span_only = len(pairs)
        else:
            s.span_only = span_only(recs[rows], golds[rows])
        s.furniture = sum(1 for r in recs[rows] if _overlap(r.spans + r.all_spans, furniture) > 0)
        if table == "events":
            s.dated_right = sum(1 for d, g in pairs if dated_right(d.fields, g.fields))
            s.misdated = [
                f"{name} {g.id}: drafted {_when(d.fields)}, gold {_when(g.fields.get('_own', {}))}"
                for d, g in pairs
                if not dated_right(d.fields, g.fields)
            ]
        if table == "agreements":
            s.named_right = sum(
                1 for d, g in pairs if d.id == g.id or _same_name(d.fields, g.fields)
            )
        known = corpus_ids.get(rows, set()) if link else set()
        s.existing = sum(1 for _d, g in pairs if g.id in known)
        s.linked = sum(1 for d, g in pairs if g.id in known and d.id == g.id)
        hit_g = {g.id for _d, g in pairs}
        hit_d = {d.id for d, _g in pairs}
        s.misses = [f"{name} {g.id}" for g in golds[rows] if g.id not in hit_g]
        s.extras = [f"{name} {d.id}" for d in recs[rows] if d.id not in hit_d]
        out[table] = s
    return out


def evaluate(
    data: Path,
    which: str = "dev",
    per_source: bool = False,
    without: frozenset[str] = frozenset(),
    diagnosis: Diagnosis | None = None,
    agreements: AgreementDiagnosis | None = None,
    statements: StatementDiagnosis | None = None,
) -> tuple[dict[str, Score], list[str]]:
    """Scores of one set ("dev": the development set, "tuning", "held-out", "independent" or
    "corpus"), leaving out the source ids `without`. The independent set's articles are never
    part of another set, and its per-article scores are never returned. A `diagnosis` given
    is filled with the set's events counts."""
    notes: list[str] = []
    totals = {t: Score() for t in SCORED}
    quiet = which in INDEPENDENT
    if quiet:
        per_source = False
    with tempfile.TemporaryDirectory() as tmp:
        work = gold_dir(data, Path(tmp))
        golds, out, articles = gold_records(work)
        corpus_sources = {p.name.split("_", 1)[1][:-4] for p in (data / "articles").glob("*.txt")}
        corpus_ids: dict[str, set[str]] = {t: set() for t in TABLES}
        for table in TABLES:
            for rid, claims in out.claims.get(table, {}).items():
                if any(c.source in corpus_sources for c in claims):
                    corpus_ids[table].add(rid)
        held = held_out()
        apart = independent(which if quiet else None)
        elsewhere = independent() - apart
        chosen = []
        for sid, article in sorted(articles.items(), key=lambda kv: kv[1].meta.file):
            corpus = sid in corpus_sources
            if which == "corpus" and not corpus:
                continue
            if which != "corpus" and corpus:
                continue
            if quiet != (sid in apart) or sid in elsewhere or sid in without:
                continue
            if which == "held-out" and sid not in held:
                continue
            if which == "tuning" and sid in held:
                continue
            chosen.append((sid, article, corpus))
        drafts = Path(tmp) / "drafts"
        refused = []
        for sid, article, corpus in chosen:
            path = work / "articles" / article.meta.file
            try:
                recs, _draft_id = draft_records(path, data, drafts, link=not corpus)
            except ValueError as exc:  # the extractor refuses the page: nothing is drafted
                recs = {t: [] for t in TABLES}
                refused.append(f"{article.meta.file} ({str(exc).split(': ', 1)[-1]})")
            furniture = furniture_spans(out, article, sid)
            scores = score_source(
                article.meta.file, recs, golds[sid], furniture, corpus_ids, link=not corpus
            )
            if diagnosis is not None:
                diagnosis.add(article.text, recs["events"], golds[sid]["events"], furniture)
            if agreements is not None:
                agreements.add(article.text, recs["agreements"], golds[sid]["agreements"])
            if statements is not None:
                known = frozenset(corpus_ids.get("actors", set()))
                statements.add(article.text, recs, golds[sid], known)
            if per_source:
                notes.append(article.meta.file)
            for table, s in scores.items():
                if per_source:
                    notes.append(
                        f"  {table:<11} gold {s.gold:3} drafted {s.draft:3} matched {s.matched:3}"
                        f"  P {_pct(s.matched, s.draft):>6}  R {_pct(s.matched, s.gold):>6}"
                    )
                totals[table].add(s)
        notes.insert(0, _build_verdict(data, drafts, len(chosen), quiet=quiet))
        if refused:  # counted as drafts with no records; the independent set's stay unnamed
            named = "" if quiet else f": {'; '.join(refused)}"
            notes.insert(1, f"{len(refused)} article(s) refused by the extractor{named}")
    return totals, notes


def _build_verdict(data: Path, drafts: Path, n: int, quiet: bool = False) -> str:
    """Does the build accept the accepted drafts, beside the corpus annotations?"""
    work = drafts.parent / "drafts-build"
    shutil.copytree(data, work, ignore=shutil.ignore_patterns(".staging", "csv", "parquet"))
    for f in (drafts / "articles").glob("*.txt"):
        if not (work / "articles" / f.name).exists():
            shutil.copyfile(f, work / "articles" / f.name)
    corpus = {p.name for p in (data / "annotations").glob("*.yaml")}
    for f in (drafts / "annotations").glob("*.yaml"):
        if f.name not in corpus:
            shutil.copyfile(f, work / "annotations" / f.name)
    new = drafts / "new_actors.yaml"
    if new.is_file():
        by_id = {}
        for line in new.read_text(encoding="utf-8").splitlines():
            m = re.match(r"- \{id: ([^,]+),", line)
            by_id.setdefault(m.group(1) if m else line, line)
        lines = by_id.values()
        with open(work / "annotations" / "actors.yaml", "a", encoding="utf-8") as handle:
            handle.write("".join(f"{line}\n" for line in lines))
    try:
        build_tables(work)
    except ProblemsFound as exc:
        if quiet:  # the blind sets' values and ids would show their articles: kinds only
            kinds = Counter(f"{p.code} in {p.field or '-'}" for p in exc.problems)
            listed = ", ".join(f"{count}x {kind}" for kind, count in sorted(kinds.items()))
            return f"build of the {n} accepted drafts: REJECTS ({len(exc.problems)} problems: {listed})"
        return f"build of the {n} accepted drafts: REJECTS: {'; '.join(map(str, exc.problems[:5]))}"
    return f"build of the {n} accepted drafts beside the corpus: accepts all drafts"


def table(totals: dict[str, Score]) -> str:
    lines = [
        "| table | gold | drafted | matched | precision | recall | recall (span only) | from furniture | date+status / name | linked |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for t in SCORED:
        s = totals[t]
        dated = ""
        if t == "events":
            dated = f"{s.dated_right}/{s.matched} ({_pct(s.dated_right, s.matched)})"
        elif t == "agreements":
            dated = f"name {s.named_right}/{s.matched} ({_pct(s.named_right, s.matched)})"
        linked = f"{s.linked}/{s.existing}" if s.existing else ""
        lines.append(
            f"| {t} | {s.gold} | {s.draft} | {s.matched} | {_pct(s.matched, s.draft)} | "
            f"{_pct(s.matched, s.gold)} | {_pct(s.span_only, s.gold)} | {s.furniture} | {dated} | {linked} |"
        )
    return "\n".join(lines)


SETS = {
    "dev": "development set (all of tests/draft_dev)",
    "tuning": "development set, tuned-on part",
    "held-out": "development set, held-out part (never tuned on)",
    "independent": "independent set (aggregate only; never tuned on)",
    "independent3": "third independent set (aggregate only; never tuned on)",
    "corpus": "the five corpus articles (rules first written on them)",
}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--data", default=str(REPO / "data"), help="data directory (the corpus)")
    p.add_argument("--set", choices=[*SETS, "all"], default="all")
    p.add_argument("--misses", action="store_true", help="list unmatched gold and draft records")
    p.add_argument("--per-source", action="store_true", help="scores per article")
    p.add_argument(
        "--diagnose",
        action="store_true",
        help="events, agreements, statements and actors counts per type and why gold records were missed (counts only:"
        " safe on blind sets)",
    )
    p.add_argument(
        "--no-independent", action="store_true", help="leave the independent set out of 'all'"
    )
    args = p.parse_args(argv)
    chosen = [*SETS] if args.set == "all" else [args.set]
    if args.set == "all":  # an independent set is left out when asked, or when it is empty
        chosen = [c for c in chosen if c != "tuning"]
        chosen = [
            c
            for c in chosen
            if c not in INDEPENDENT or (not args.no_independent and independent(c))
        ]
    for which in chosen:
        diagnosis = Diagnosis() if args.diagnose else None
        agreements = AgreementDiagnosis() if args.diagnose else None
        statements = StatementDiagnosis() if args.diagnose else None
        totals, notes = evaluate(
            Path(args.data),
            which,
            args.per_source,
            diagnosis=diagnosis,
            agreements=agreements,
            statements=statements,
        )
        print(f"## {SETS[which]}\n")
        print(table(totals))
        print()
        for n in notes:
            print(n)
        if diagnosis is not None:
            print()
            print(diagnosis.report())
        if agreements is not None:
            print()
            print(agreements.report())
        if statements is not None:
            print()
            print(statements.report())
        if args.misses and which not in INDEPENDENT:  # never shown: nobody tunes on it
            for t in SCORED:
                print(f"\n{t}: missed {len(totals[t].misses)}: {', '.join(totals[t].misses)}")
                print(
                    f"{t}: unmatched drafts {len(totals[t].extras)}: {', '.join(totals[t].extras)}"
                )
                if t == "events":
                    print("events: date or status wrong:\n  " + "\n  ".join(totals[t].misdated))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
