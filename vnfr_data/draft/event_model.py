"""The drafted event record, and the per-sentence context the event rules read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .actors import DraftActor, Mention
from .dates import DateMention, When
from .sentences import Sentence
from .speakers import Discourse
from .statements import DraftStatement
from .text import Span

_VISIT_FAMILY = frozenset({"visit", "state_visit", "official_visit"})

#: The kinds of site a delegation tours ("the Toulon naval base", "the Sa Huỳnh fishing port").
SITE = (
    r"base|port|zone|park|plant|factory|museum|university|hospital|school|headquarters|centre"
    r"|center|site|complex|shipyard|airport|academy|institute|college|pagoda|temple|towers?"
    r"|village|farm|campus|laboratory|station|province|city|district"
)
#: A visit to a site is a visit of hours: the day a sentence gives it is its own, not a day
#: inside a longer visit (that is the visit to the country or the city).
SITE_VISIT = re.compile(
    r"\b(?:visited|toured|touring|a tour of)\s+(?:the\s+)?[A-ZĐÀ-Ỹ][^,;.]{0,60}?"
    r"\b(?:base|port|zone|park|plant|factory|museum|hospital|headquarters|site|complex|shipyard"
    r"|pagoda|temple|towers?|farm|campus|laboratory)s?\b"
)


_TALK_FAMILY = frozenset({"talks", "meeting", "reception"})


@dataclass
class DraftEvent:
    """One drafted event with every phrase that mentions it."""

    type: str
    phrases: list[Span]
    status: str
    when: When
    location: str | None = None
    country: str | None = None
    name: str | None = None
    participants: dict[str, tuple[DraftActor, str, Span]] = field(
        default_factory=dict
    )  # id -> (actor, participation, evidence)
    part_of: DraftEvent | None = None
    sentence: int = 0
    rules: list[str] = field(default_factory=list)
    title: str = ""
    head: str = ""  # the phrase's own words up to its trigger ("French film week")
    dated_in_phrase: bool = False  # the date is the phrase's own, not only its clause's
    existing: str | None = None  # the dataset's id of the same event, when linked
    candidates: tuple[str, ...] = ()  # dataset ids it may be, when unsure
    #: An id made from the fact itself, for what happens once (an agreement's entry into force):
    #: two sources drafting it get one record, their disagreements claims, not two events.
    stable_id: str | None = None

    @property
    def first(self) -> Span:
        return self.phrases[0]


def _family(t: str) -> str:
    if t in _VISIT_FAMILY:
        return "visit"
    return "talks" if t in _TALK_FAMILY else t


@dataclass
class _Context:
    doc: str
    s: Sentence
    mentions: list[Mention]
    statements: list[DraftStatement]
    dates: list[DateMention]
    discourse: Discourse | None = None
