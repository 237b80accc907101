"""Link a draft to the records the dataset already holds, so a new source adds evidence.

A new article often reports a known fact: the Paris talks, the Comprehensive
Strategic Partnership, Macron's state visit. Drafting a new id for it would make
the build quietly hold the fact twice. So the draft reuses the existing id when
the article speaks of a known record:

- agreements by acronym, or by name compared without owner compounds, dash
  variants or diacritics ("Vietnam–France Comprehensive Strategic-Partnership"
  is "Vietnam-France Comprehensive Strategic Partnership"); a set of documents
  referred to by its occasion ("the agreements signed during Macron's visit")
  by the occasion: the dataset's documents signed or handed over at that known
  event or at an event that is part of it;
- events by kind (the visit kinds count as one), overlapping dates and a shared
  participant or place (or, for kinds that happen once between two states, such
  as an upgrade of relations, the dates alone), or a shared name.

The draft then adds its evidence and its own claims to the existing record; a
date it disagrees on is a claim for the build's conflict rules, not a new event.
Where two records fit equally, it links neither and the draft comment lists the
candidates for the reviewer. The dataset is read from its CSV files with the
standard library: drafting needs no table engine.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..sources.folding import fold
from .agreement_model import DraftAgreement
from .event_model import DraftEvent

_VISITS = frozenset({"visit", "state_visit", "official_visit"})
_ONCE_BETWEEN_STATES = frozenset({"partnership_upgrade"})
_STOP = frozenset({"the", "of", "on", "for", "and", "in", "a", "an", "to", "between", "with"})


@dataclass(frozen=True)
class KnownEvent:
    id: str
    type: str
    title: str
    start: dt.date | None
    end: dt.date | None
    location: str | None
    country: str | None
    participants: frozenset[str]
    part_of: str | None = None


@dataclass(frozen=True)
class KnownAgreement:
    id: str
    name: str
    short_name: str | None
    type: str
    events: frozenset[str] = frozenset()  # the events it was signed, handed over ... at


@dataclass
class Known:
    """The dataset's events and agreements, as far as linking needs them."""

    events: list[KnownEvent] = field(default_factory=list)
    agreements: list[KnownAgreement] = field(default_factory=list)


def _date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_known(data: Path | None) -> Known:
    """The records of a data directory (its `csv/`), or nothing."""
    if data is None:
        return Known()
    tables = data / "csv"
    people: dict[str, set[str]] = {}
    for row in _rows(tables / "event_participants.csv"):
        people.setdefault(row["event_id"], set()).add(row["actor_id"])
    events = [
        KnownEvent(
            row["event_id"],
            row["event_type"],
            row["title"],
            _date(row["date_start"]),
            _date(row["date_end"]),
            row["location"] or None,
            row["country_code"] or None,
            frozenset(people.get(row["event_id"], set())),
            row.get("part_of") or None,
        )
        for row in _rows(tables / "events.csv")
    ]
    at: dict[str, set[str]] = {}
    for row in _rows(tables / "agreement_events.csv"):
        at.setdefault(row["agreement_id"], set()).add(row["event_id"])
    agreements = [
        KnownAgreement(
            row["agreement_id"],
            row["name"],
            row["short_name"] or None,
            row["agreement_type"],
            frozenset(at.get(row["agreement_id"], set())),
        )
        for row in _rows(tables / "agreements.csv")
    ]
    return Known(events, agreements)


def name_key(name: str) -> str:
    """An agreement name without articles, owner compounds ("Vietnam–France", "EU-Vietnam"),
    possessives, dash variants and diacritics."""
    k = fold(name).replace("-", " ")
    k = re.sub(r"^(?:the|a|an)\s+", "", k)
    k = re.sub(
        r"^(?:vietnam|viet nam|france|eu|asean)(?:\s+(?:vietnam|viet nam|france|eu|asean))*\s+",
        "",
        k,
    )
    k = re.sub(r"^[a-z]+'s\s+", "", k)
    return " ".join(k.split())


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", fold(text)) if w not in _STOP}


def _within(event: str, occasion: str, parents: dict[str, str | None]) -> bool:
    """Is `event` the occasion or (through part_of) a part of it?"""
    seen: set[str] = set()
    current: str | None = event
    while current is not None and current not in seen:
        if current == occasion:
            return True
        seen.add(current)
        current = parents.get(current)
    return False


def _documents_of(ag: DraftAgreement, known: Known) -> tuple[list[str], bool]:
    """The dataset's documents of a set's occasion, and whether the occasion is a known event
    (then one fit is linked; by dates alone, fits are only offered)."""
    occasion = ag.occasion
    if occasion is None:
        return [], False
    sets = [k for k in known.agreements if k.type == "cooperation_documents" and k.events]
    if occasion.existing:
        parents = {e.id: e.part_of for e in known.events}
        return [
            k.id for k in sets if any(_within(e, occasion.existing, parents) for e in k.events)
        ], True
    dated = {e.id: e for e in known.events}
    fits = []
    for k in sets:
        if any(_overlap(occasion, dated[e]) for e in k.events if e in dated):
            fits.append(k.id)
    return fits, False


def link_agreements(drafts: list[DraftAgreement], known: Known) -> None:
    """Reuse the dataset's id for an agreement it holds (by acronym, else by name; a set of
    documents by its occasion)."""
    for ag in drafts:
        if ag.occasion is not None:
            fits, sure = _documents_of(ag, known)
            if len(fits) == 1 and sure:
                ag.existing = fits[0]
            elif fits:
                ag.candidates = tuple(fits)
            continue
        found = []
        for k in known.agreements:
            same_short = (
                ag.short_name and k.short_name and fold(ag.short_name) == fold(k.short_name)
            )
            if same_short or name_key(ag.name) == name_key(k.name):
                found.append(k.id)
        if len(found) == 1:
            ag.existing = found[0]
        elif found:
            ag.candidates = tuple(found)


def _overlap(ev: DraftEvent, k: KnownEvent) -> bool | None:
    """Do the dates overlap? None when either side is undated."""
    if ev.when.start is None or k.start is None:
        return None
    a1, a2 = ev.when.start, ev.when.end or ev.when.start
    b1, b2 = k.start, k.end or k.start
    return a1 <= b2 and b1 <= a2


def _family(t: str) -> str:
    return "visit" if t in _VISITS else t


def _score(ev: DraftEvent, k: KnownEvent) -> int:
    """How well a known event fits a drafted one; 0: it does not."""
    if _family(ev.type) != _family(k.type):
        return 0
    dates = _overlap(ev, k)
    if dates is False:
        return 0
    if ev.type in _VISITS and ev.country and k.country and ev.country != k.country:
        # A visit's country is where it goes: a visit to Viet Nam is not the visit to France of
        # the same month (other kinds may disagree on the place: a claim, not another event).
        return 0
    mine = {a for a, (_actor, how, _span) in ev.participants.items() if how != "invitee"}
    shared = len(mine & k.participants)
    place = bool(ev.location and k.location and fold(ev.location) == fold(k.location))
    named = bool(ev.name and len(_words(ev.name) & _words(k.title)) >= 2)
    if ev.type in _ONCE_BETWEEN_STATES and dates:
        return 3
    if dates and (shared or place or named):
        return 2 + shared + place + named
    if dates is None and (shared and place or named):
        return 1 + shared + place + named
    if dates is None and ev.head and ev.when.start is None and place and (shared or not mine):
        # "the talks in Paris": one known talks in Paris; not talks between other people there
        return 1
    return 0


def link_events(drafts: list[DraftEvent], known: Known) -> None:
    """Reuse the dataset's id for an event it holds; unsure between two, offer both."""
    taken: set[str] = set()
    for ev in drafts:
        if ev.status in {"planned", "invited", "proposed"} and ev.when.start is None:
            continue  # an undated plan is too vague to be a known event
        scored = sorted(((_score(ev, k), k.id) for k in known.events), reverse=True)
        scored = [(s, i) for s, i in scored if s > 0 and i not in taken]
        if not scored:
            continue
        best = [i for s, i in scored if s == scored[0][0]]
        if len(best) == 1:
            ev.existing = best[0]
            taken.add(best[0])
        else:
            ev.candidates = tuple(best)
