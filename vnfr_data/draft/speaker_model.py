"""Who speaks: a resolved speaker (with co-speakers), and a person's gender when the text marks
it, which pronouns are resolved by."""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import DraftActor
from .lexicon import (
    FEMALE_GIVEN_NAMES,
    FEMALE_MIDDLE_NAMES,
    FEMALE_TITLES,
    MALE_MIDDLE_NAMES,
    MALE_TITLES,
)


def gender(actor: DraftActor, roles: list[str]) -> str | None:
    """A person's gender when the text marks it: "Ms"/"Mr", "Thi"/"Van" as a Vietnamese middle
    name, a woman's given name first; else None (unknown, which is most people)."""
    if actor.type != "person":
        return None
    titles = {w.rstrip(".") for role in roles for w in role.split()}
    if titles & FEMALE_TITLES:
        return "f"
    if titles & MALE_TITLES:
        return "m"
    parts = actor.name.split()
    if len(parts) >= 3 and set(parts[1:-1]) & FEMALE_MIDDLE_NAMES:
        return "f"
    if len(parts) >= 3 and set(parts[1:-1]) & MALE_MIDDLE_NAMES:
        return "m"
    # "Marie-Christine ...": a compound given name is a woman's when its first part is
    # ("Jean-Marie" is not).
    if len(parts) >= 2 and (
        parts[0] in FEMALE_GIVEN_NAMES or parts[0].split("-")[0] in FEMALE_GIVEN_NAMES
    ):
        return "f"
    return None


@dataclass(frozen=True)
class Who:
    """A resolved speaker: one actor, with co-speakers when several speak jointly."""

    speaker: DraftActor
    co: tuple[DraftActor, ...] = ()
    how: str = ""

    @property
    def ids(self) -> frozenset[str]:
        return frozenset({self.speaker.id, *(a.id for a in self.co)})

    @property
    def joint(self) -> bool:
        return bool(self.co)
