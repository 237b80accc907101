"""Typed records, one frozen pydantic model per resource.

GENERATED from schemas/*.json by scripts/gen_models.py: do not edit by hand.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field


class Record(BaseModel):
    """Base of every record: immutable, no field the schema does not declare; validators are built on first use so that importing stays fast."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Source(Record):
    """One row per news article of the corpus."""

    source_id: Annotated[str, Field(pattern="^[0-9a-f]{16}$")]
    path: Annotated[str, Field(pattern="^articles/[A-Za-z0-9_.-]+\\.txt$")]
    title: Annotated[str, Field(min_length=1)]
    publisher: Annotated[str, Field(min_length=1)] | None = None
    published_date: datetime.date | None = None
    published_date_precision: Literal["day", "month", "year", "unknown"]
    published_date_basis: Literal["stated", "inferred", "unknown"]
    published_date_note: Annotated[str, Field(min_length=1)] | None = None
    url: Annotated[str, Field(min_length=1)] | None = None
    language: Annotated[str, Field(pattern="^[a-z]{2,3}(-[A-Za-z0-9]+)*$")]
    sha256: Annotated[str, Field(pattern="^[0-9a-f]{64}$")]
    char_count: Annotated[int, Field(ge=0)]
    body_start: Annotated[int, Field(ge=0)]
    body_end: Annotated[int, Field(ge=0)]


class Actor(Record):
    """People, states, organisations, companies and unions of states, one row each whatever the spelling."""

    actor_id: Annotated[str, Field(pattern="^[a-z0-9][a-z0-9.-]*$")]
    name: Annotated[str, Field(min_length=1)]
    actor_type: Literal[
        "person",
        "state",
        "union_of_states",
        "international_organisation",
        "government_body",
        "political_party",
        "organisation",
        "company",
        "media",
        "community",
        "other",
    ]
    country_code: Annotated[str, Field(pattern="^[A-Z]{2}$")] | None = None
    aliases: tuple[str, ...] = ()


class Event(Record):
    """Talks, visits, meetings, signings, conferences and other events, one row per real-world event whatever the number of sources."""

    event_id: Annotated[str, Field(pattern="^ev-[a-z0-9.-]+$")]
    event_type: Literal[
        "talks",
        "meeting",
        "reception",
        "visit",
        "state_visit",
        "official_visit",
        "signing",
        "document_exchange",
        "conference",
        "summit",
        "dialogue",
        "ceremony",
        "commemoration",
        "partnership_upgrade",
        "interview",
        "election",
        "disaster",
        "sports_event",
        "other",
    ]
    title: Annotated[str, Field(min_length=1)]
    date_start: datetime.date | None = None
    date_end: datetime.date | None = None
    date_precision: Literal["day", "month", "year", "unknown"]
    date_basis: Literal["stated", "inferred", "unknown"]
    date_note: Annotated[str, Field(min_length=1)] | None = None
    status: Literal["occurred", "ongoing", "planned", "proposed", "invited", "cancelled"]
    location: Annotated[str, Field(min_length=1)] | None = None
    country_code: Annotated[str, Field(pattern="^[A-Z]{2}$")] | None = None
    part_of: Annotated[str, Field(pattern="^ev-[a-z0-9.-]+$")] | None = None


class EventParticipant(Record):
    """Who took part in an event, and the office each held at its date."""

    participant_id: Annotated[str, Field(pattern="^ev-[a-z0-9.-]+/[a-z0-9][a-z0-9.-]*$")]
    event_id: Annotated[str, Field(pattern="^ev-[a-z0-9.-]+$")]
    actor_id: Annotated[str, Field(pattern="^[a-z0-9][a-z0-9.-]*$")]
    role: Annotated[str, Field(min_length=1)] | None = None
    participation: Literal["host", "guest", "participant", "invitee", "organiser", "witness"]


class Statement(Record):
    """Who affirmed, proposed, urged, pledged, praised ... what, to whom, where."""

    statement_id: Annotated[str, Field(pattern="^st-[a-z0-9.-]+$")]
    speaker_id: Annotated[str, Field(pattern="^[a-z0-9][a-z0-9.-]*$")]
    co_speaker_ids: tuple[str, ...] = ()
    addressee_id: Annotated[str, Field(pattern="^[a-z0-9][a-z0-9.-]*$")] | None = None
    event_id: Annotated[str, Field(pattern="^ev-[a-z0-9.-]+$")] | None = None
    date: datetime.date | None = None
    date_precision: Literal["day", "month", "year", "unknown"]
    date_basis: Literal["stated", "inferred", "unknown"]
    date_note: Annotated[str, Field(min_length=1)] | None = None
    statement_type: Literal[
        "affirm",
        "emphasise",
        "reiterate",
        "describe",
        "propose",
        "urge",
        "request",
        "pledge",
        "agree",
        "commit",
        "invite",
        "accept_invitation",
        "praise",
        "welcome",
        "appreciate",
        "congratulate",
        "thank",
        "condole",
        "support",
        "hope",
        "confirm",
    ]
    quote_kind: Literal["direct", "paraphrase"]
    topics: tuple[str, ...] = ()
    text: Annotated[str, Field(min_length=1)]


class Agreement(Record):
    """Trade and investment agreements, partnerships, conventions, codes of conduct, declarations and cooperation documents."""

    agreement_id: Annotated[str, Field(pattern="^ag-[a-z0-9.-]+$")]
    name: Annotated[str, Field(min_length=1)]
    short_name: Annotated[str, Field(min_length=1)] | None = None
    agreement_type: Literal[
        "free_trade_agreement",
        "investment_agreement",
        "strategic_partnership",
        "partnership_programme",
        "convention",
        "code_of_conduct",
        "declaration",
        "cooperation_documents",
        "cooperation_mechanism",
        "policy",
        "other",
    ]
    status: Literal[
        "in_force",
        "signed",
        "handed_over",
        "awaiting_ratification",
        "under_negotiation",
        "proposed",
        "established",
        "upgraded",
        "being_implemented",
        "planned",
        "unknown",
    ]


class AgreementParty(Record):
    """Parties, signatories and supporters of an agreement."""

    party_id: Annotated[str, Field(pattern="^ag-[a-z0-9.-]+/[a-z0-9][a-z0-9.-]*$")]
    agreement_id: Annotated[str, Field(pattern="^ag-[a-z0-9.-]+$")]
    actor_id: Annotated[str, Field(pattern="^[a-z0-9][a-z0-9.-]*$")]
    role: Literal["party", "signatory", "supporter", "beneficiary"]


class AgreementEvent(Record):
    """Events where an agreement was signed, upgraded, established, discussed or handed over."""

    link_id: Annotated[str, Field(pattern="^ag-[a-z0-9.-]+/ev-[a-z0-9.-]+$")]
    agreement_id: Annotated[str, Field(pattern="^ag-[a-z0-9.-]+$")]
    event_id: Annotated[str, Field(pattern="^ev-[a-z0-9.-]+$")]
    relation: Literal[
        "signed",
        "upgraded",
        "established",
        "discussed",
        "handed_over",
        "referenced",
        "planned_signing",
    ]


class Figure(Record):
    """Money, growth rates, counts, durations, anniversaries and ordinals, each a claim of its source."""

    figure_id: Annotated[str, Field(pattern="^fig-[a-z0-9.-]+$")]
    metric: Literal[
        "trade_value",
        "trade_growth_rate",
        "money_amount",
        "growth_rate",
        "count",
        "duration",
        "elapsed_time",
        "anniversary",
        "ordinal",
        "other",
    ]
    subject: Annotated[str, Field(min_length=1)]
    value: Annotated[Decimal, Field(max_digits=38, decimal_places=6)]
    unit: Literal["USD", "EUR", "VND", "percent", "years", "months", "days", "count", "ordinal"]
    qualifier: Literal["exact", "over", "under", "about", "at_least", "at_most", "up_to"]
    as_reported: Annotated[str, Field(min_length=1)]
    period_start: datetime.date | None = None
    period_end: datetime.date | None = None
    comparison_base: Annotated[str, Field(min_length=1)] | None = None
    statement_id: Annotated[str, Field(pattern="^st-[a-z0-9.-]+$")] | None = None
    event_id: Annotated[str, Field(pattern="^ev-[a-z0-9.-]+$")] | None = None


class Evidence(Record):
    """Verbatim spans of the sources that ground each record: text[char_start:char_end] == quote."""

    record_table: Literal[
        "actors",
        "events",
        "event_participants",
        "statements",
        "agreements",
        "agreement_parties",
        "agreement_events",
        "figures",
    ]
    record_id: Annotated[str, Field(min_length=1)]
    source_id: Annotated[str, Field(pattern="^[0-9a-f]{16}$")]
    char_start: Annotated[int, Field(ge=0)]
    char_end: Annotated[int, Field(ge=0)]
    quote: Annotated[str, Field(min_length=1)]


class Conflict(Record):
    """Where sources disagree on a field of one record: one row per source claim. The main table carries the claim of the most recently published source."""

    record_table: Literal[
        "actors",
        "events",
        "event_participants",
        "statements",
        "agreements",
        "agreement_parties",
        "agreement_events",
        "figures",
    ]
    record_id: Annotated[str, Field(min_length=1)]
    field: Annotated[str, Field(min_length=1)]
    source_id: Annotated[str, Field(pattern="^[0-9a-f]{16}$")]
    claimed_value: Annotated[str, Field(min_length=1)]
    chosen: bool


class CrosswalkEntry(Record):
    """Our event and statement types mapped to CAMEO codes and PLOVER event types, to join with GDELT, ICEWS and POLECAT."""

    vocabulary: Literal["event_type", "statement_type"]
    code: Annotated[str, Field(pattern="^[a-z_]+$")]
    definition: Annotated[str, Field(min_length=1)]
    cameo_code: Annotated[str, Field(pattern="^[0-9]{2,4}$")] | None = None
    cameo_label: Annotated[str, Field(min_length=1)] | None = None
    plover_type: Annotated[str, Field(pattern="^[A-Z]+$")] | None = None


MODELS: dict[str, type[Record]] = {
    "sources": Source,
    "actors": Actor,
    "events": Event,
    "event_participants": EventParticipant,
    "statements": Statement,
    "agreements": Agreement,
    "agreement_parties": AgreementParty,
    "agreement_events": AgreementEvent,
    "figures": Figure,
    "evidence": Evidence,
    "conflicts": Conflict,
    "crosswalk": CrosswalkEntry,
}
