"""The actors a draft can name: those of actors.yaml, and those proposed for one article.

Lookup is by name or alias folded (case, diacritics, dash variants), so
"Việt Nam", "Viet Nam" and "Vietnam" are one key, and "Tô Lâm" is "To Lam".
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from .lexicon import COUNTRIES, DEMONYMS
from .text import Span, key, slug


@dataclass(frozen=True)
class DraftActor:
    """An actor of actors.yaml (`known`) or one proposed by the extractor."""

    id: str
    name: str
    type: str
    country: str | None
    aliases: tuple[str, ...] = ()
    known: bool = True

    @property
    def surname(self) -> str | None:
        """The name part a person is referred to by alone (last word, both Vietnamese and Western)."""
        if self.type != "person":
            return None
        parts = self.name.split()
        return parts[-1] if len(parts) > 1 else None


@dataclass(frozen=True)
class Mention:
    """A named reference to an actor: the name as written, and with its office if any."""

    actor: DraftActor
    span: Span
    full: Span
    role: str | None
    sentence: int


@dataclass
class Catalog:
    """The known actors, indexed by folded name and alias, plus the proposals of one article."""

    actors: list[DraftActor]
    proposals: dict[str, DraftActor] = field(default_factory=dict)
    #: Countries whose offices this article qualifies ("French Minister"): see `ministries`.
    qualified: frozenset[str] = frozenset()
    #: Names this article gives a known actor that actors.yaml does not list ("the Ministry of
    #: Foreign Affairs" for the foreign ministry): linked in this article only.
    local: dict[str, DraftActor] = field(default_factory=dict)
    #: Ids of withdrawn actors (annotations/withdrawals.csv): a new record never takes one, or
    #: the build refuses the draft (a withdrawn id stays withdrawn).
    withdrawn: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self._by_key: dict[str, DraftActor] = {}
        for a in self.actors:
            for variant in (a.name, *a.aliases):
                self._by_key.setdefault(key(variant), a)

    def link_locally(self, name: str, actor: DraftActor) -> None:
        """Let `name` denote a known actor in this article (never written to actors.yaml)."""
        self.local[name] = actor
        self._by_key.setdefault(key(name), actor)

    def get(self, actor_id: str) -> DraftActor | None:
        return next((a for a in self.all() if a.id == actor_id), None)

    def all(self) -> list[DraftActor]:
        return [*self.actors, *self.proposals.values()]

    def lookup(self, name: str) -> DraftActor | None:
        """The actor a written name or alias denotes, known or proposed in this article."""
        k = key(name)
        return self._by_key.get(k) or next(
            (a for a in self.proposals.values() if k in {key(a.name), *map(key, a.aliases)}), None
        )

    def state(self, country: str | None) -> DraftActor | None:
        """The state actor of an ISO code (known, else proposed from the country list)."""
        if country is None:
            return None
        for a in self.all():
            if a.type == "state" and a.country == country:
                return a
        name = next((n for n, c in COUNTRIES.items() if c == country), None)
        return (
            self.propose(DraftActor(slug(name), name, "state", country, (), False))
            if name
            else None
        )

    def propose(self, actor: DraftActor) -> DraftActor:
        """Add a new actor (unless the name is already known), with an id that collides with none."""
        found = self.lookup(actor.name)
        if found is not None:
            return found
        ids = {a.id for a in self.all()} | self.withdrawn
        new_id, n = actor.id, 2
        while new_id in ids:
            new_id, n = f"{actor.id}-{n}", n + 1
        made = DraftActor(new_id, actor.name, actor.type, actor.country, actor.aliases, False)
        self.proposals[new_id] = made
        return made


def load_catalog(path: Path) -> Catalog:
    """actors.yaml as a catalog (empty when the file is absent)."""
    if not path.is_file():
        return Catalog([])
    from ..annotations import load_actors

    return Catalog(
        [
            DraftActor(a.id, a.name, a.type, a.country, tuple(a.aliases), True)
            for a in load_actors(path)
        ],
        withdrawn=_withdrawn_actors(path.parent / "withdrawals.csv"),
    )


def _withdrawn_actors(path: Path) -> frozenset[str]:
    """Actor ids withdrawn beside actors.yaml (none when there is no withdrawals file)."""
    if not path.is_file():
        return frozenset()
    with path.open(encoding="utf-8", newline="") as f:
        return frozenset(r["record_id"] for r in csv.DictReader(f) if r["record_table"] == "actors")


def person_country(actor: DraftActor, role: str | None) -> str | None:
    """A person's nationality: from actors.yaml, else a nationality word in their office."""
    if actor.country:
        return actor.country
    for w in (role or "").split():
        if w in DEMONYMS:
            return DEMONYMS[w]
    return None
