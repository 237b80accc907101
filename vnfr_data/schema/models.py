"""Typed records, one frozen pydantic model per resource.

GENERATED from schemas/*.json by scripts/gen_models.py: do not edit by hand.

No `from __future__ import annotations`: pydantic then reads each field's type
as the class body made it instead of evaluating its text: the classes take a third
less time to create (every typed load pays it).
"""

import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:
    from ..read.table import Table


class Record(BaseModel):
    """Base of every record: immutable, no field the schema does not declare; validators are built on first use so that importing stays fast."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Source(Record):
    """One row per news article of the corpus.

    Attributes:
        source_id: Stable id: the hash part of the article file name.
        path: Path of the verbatim article text inside the data package.
        title: Headline as printed.
        publisher: Publisher, only when the text names it.
        published_date: Publication date (ISO 8601).
        published_date_precision: How precise the publication date is: day, month, year or
            unknown.
        published_date_basis: How the publication date was obtained.
        published_date_note: From what an inferred publication date was inferred.
        url: Address of the article, when known.
        language: BCP 47 language tag of the text.
        sha256: SHA-256 of the raw bytes of the article file.
        char_count: Length of the text in characters (UTF-8 decoded).
        body_start: Offset of the first character of the article body.
        body_end: Offset just past the last character of the article body (exclusive).
    """

    source_id: str = Field(
        pattern="^[0-9a-f]{16}$", description="Stable id: the hash part of the article file name."
    )
    path: str = Field(
        pattern="^articles/[A-Za-z0-9_.-]+\\.txt$",
        description="Path of the verbatim article text inside the data package.",
    )
    title: str = Field(min_length=1, description="Headline as printed.")
    publisher: str | None = Field(
        default=None, min_length=1, description="Publisher, only when the text names it."
    )
    published_date: datetime.date | None = Field(
        default=None, description="Publication date (ISO 8601)."
    )
    published_date_precision: Literal["day", "month", "year", "unknown"] = Field(
        description="How precise the publication date is: day, month, year or unknown."
    )
    published_date_basis: Literal["stated", "inferred", "unknown"] = Field(
        description="How the publication date was obtained."
    )
    published_date_note: str | None = Field(
        default=None,
        min_length=1,
        description="From what an inferred publication date was inferred.",
    )
    url: str | None = Field(
        default=None, min_length=1, description="Address of the article, when known."
    )
    language: str = Field(
        pattern="^[a-z]{2,3}(-[A-Za-z0-9]+)*$", description="BCP 47 language tag of the text."
    )
    sha256: str = Field(
        pattern="^[0-9a-f]{64}$", description="SHA-256 of the raw bytes of the article file."
    )
    char_count: int = Field(ge=0, description="Length of the text in characters (UTF-8 decoded).")
    body_start: int = Field(ge=0, description="Offset of the first character of the article body.")
    body_end: int = Field(
        ge=0, description="Offset just past the last character of the article body (exclusive)."
    )


class Actor(Record):
    """People, states, organisations, companies and unions of states, one row each whatever the spelling.

    Attributes:
        actor_id: Stable slug.
        name: Canonical name, with diacritics where the corpus gives them.
        actor_type: Kind of actor.
        country_code: ISO 3166-1 alpha-2 code of the actor's country (states, people,
            national bodies).
        aliases: Other spellings found in the corpus.
        source_ids: The sources that mention this actor (evidence in the actors' mentions),
            by source_id.
    """

    actor_id: str = Field(pattern="^[a-z0-9][a-z0-9.-]*$", description="Stable slug.")
    name: str = Field(
        min_length=1, description="Canonical name, with diacritics where the corpus gives them."
    )
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
    ] = Field(description="Kind of actor.")
    country_code: str | None = Field(
        default=None,
        pattern="^[A-Z]{2}$",
        description="ISO 3166-1 alpha-2 code of the actor's country (states, people, national bodies).",
    )
    aliases: tuple[str, ...] = Field(default=(), description="Other spellings found in the corpus.")
    source_ids: tuple[str, ...] = Field(
        default=(),
        description="The sources that mention this actor (evidence in the actors' mentions), by source_id.",
    )


class Event(Record):
    """Talks, visits, meetings, signings, conferences and other events, one row per real-world event whatever the number of sources.

    Attributes:
        event_id: Stable slug, prefixed ev-.
        event_type: Kind of event; see the crosswalk resource for CAMEO and PLOVER codes.
        title: Short descriptive title.
        date_start: First day (ISO 8601); for month or year precision the first day of the
            period.
        date_end: Last day (ISO 8601); for month or year precision the last day of the
            period.
        date_precision: How precise the dates are.
        date_basis: How the dates were obtained: stated, inferred (see date_note) or
            unknown.
        date_note: From what an inferred date was inferred.
        status: Status as reported at the date of each source: occurred, ongoing, planned,
            proposed, invited, cancelled. When reports at different dates fit one history
            (planned, then ongoing), the latest stage; empty when no source reports one or
            reports conflict (the field is then disputed).
        location: Place as named in the source.
        country_code: ISO 3166-1 alpha-2 code of the country where it takes place.
        part_of: Enclosing event (for example the state visit a talk belongs to).
        fulfils: An earlier-reported event that this one carried out: the planned, proposed
            or invited event it fulfils. Both stay records of their own, each as its sources
            report it.
        fulfils_note: How the corpus shows that this event fulfils the one in `fulfils`.
        source_ids: The sources that support this record (give a claim or evidence for it),
            by source_id.
        disputed_fields: Fields on which sources make incompatible claims (see the claims
            table). The row shows the claim the rule prefers, or nothing when no rule
            decides.
    """

    event_id: str = Field(pattern="^ev-[a-z0-9.-]+$", description="Stable slug, prefixed ev-.")
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
    ] = Field(description="Kind of event; see the crosswalk resource for CAMEO and PLOVER codes.")
    title: str = Field(min_length=1, description="Short descriptive title.")
    date_start: datetime.date | None = Field(
        default=None,
        description="First day (ISO 8601); for month or year precision the first day of the period.",
    )
    date_end: datetime.date | None = Field(
        default=None,
        description="Last day (ISO 8601); for month or year precision the last day of the period.",
    )
    date_precision: Literal["day", "month", "year", "unknown"] = Field(
        description="How precise the dates are."
    )
    date_basis: Literal["stated", "inferred", "unknown"] = Field(
        description="How the dates were obtained: stated, inferred (see date_note) or unknown."
    )
    date_note: str | None = Field(
        default=None, min_length=1, description="From what an inferred date was inferred."
    )
    status: Literal["occurred", "ongoing", "planned", "proposed", "invited", "cancelled"] | None = (
        Field(
            default=None,
            description="Status as reported at the date of each source: occurred, ongoing, planned, proposed, invited, cancelled. When reports at different dates fit one history (planned, then ongoing), the latest stage; empty when no source reports one or reports conflict (the field is then disputed).",
        )
    )
    location: str | None = Field(
        default=None, min_length=1, description="Place as named in the source."
    )
    country_code: str | None = Field(
        default=None,
        pattern="^[A-Z]{2}$",
        description="ISO 3166-1 alpha-2 code of the country where it takes place.",
    )
    part_of: str | None = Field(
        default=None,
        pattern="^ev-[a-z0-9.-]+$",
        description="Enclosing event (for example the state visit a talk belongs to).",
    )
    fulfils: str | None = Field(
        default=None,
        pattern="^ev-[a-z0-9.-]+$",
        description="An earlier-reported event that this one carried out: the planned, proposed or invited event it fulfils. Both stay records of their own, each as its sources report it.",
    )
    fulfils_note: str | None = Field(
        default=None,
        min_length=1,
        description="How the corpus shows that this event fulfils the one in `fulfils`.",
    )
    source_ids: tuple[str, ...] = Field(
        default=(),
        description="The sources that support this record (give a claim or evidence for it), by source_id.",
    )
    disputed_fields: tuple[str, ...] = Field(
        default=(),
        description="Fields on which sources make incompatible claims (see the claims table). The row shows the claim the rule prefers, or nothing when no rule decides.",
    )


class EventParticipant(Record):
    """Who took part in an event, and the office each held at its date.

    Attributes:
        participant_id: event_id/actor_id.
        event_id: The event.
        actor_id: The participant.
        role: Office held at the date of the event, as the source gives it.
        participation: Host, guest, participant, invitee, organiser or witness.
        source_ids: The sources that support this record (give a claim or evidence for it),
            by source_id.
        disputed_fields: Fields on which sources make incompatible claims (see the claims
            table). The row shows the claim the rule prefers, or nothing when no rule
            decides.
    """

    participant_id: str = Field(
        pattern="^ev-[a-z0-9.-]+/[a-z0-9][a-z0-9.-]*$", description="event_id/actor_id."
    )
    event_id: str = Field(pattern="^ev-[a-z0-9.-]+$", description="The event.")
    actor_id: str = Field(pattern="^[a-z0-9][a-z0-9.-]*$", description="The participant.")
    role: str | None = Field(
        default=None,
        min_length=1,
        description="Office held at the date of the event, as the source gives it.",
    )
    participation: Literal["host", "guest", "participant", "invitee", "organiser", "witness"] = (
        Field(description="Host, guest, participant, invitee, organiser or witness.")
    )
    source_ids: tuple[str, ...] = Field(
        default=(),
        description="The sources that support this record (give a claim or evidence for it), by source_id.",
    )
    disputed_fields: tuple[str, ...] = Field(
        default=(),
        description="Fields on which sources make incompatible claims (see the claims table). The row shows the claim the rule prefers, or nothing when no rule decides.",
    )


class Statement(Record):
    """Who affirmed, proposed, urged, pledged, praised ... what, to whom, where.

    Attributes:
        statement_id: Stable slug, prefixed st-.
        speaker_id: Actor who made the statement.
        co_speaker_ids: Actors speaking jointly with the speaker.
        addressee_id: Actor addressed, when the source says.
        event_id: Event where the statement was made.
        date: Date the statement was made (ISO 8601); for month or year precision the first
            day of the period
        date_precision: How precise the date is: day, month, year or unknown.
        date_basis: How the date was obtained: stated in the source, inferred (see the
            note), or unknown.
        date_note: From what an inferred date was inferred, or why it is unknown.
        statement_type: Kind of speech act; see the crosswalk resource for CAMEO and PLOVER
            codes.
        quote_kind: direct when the source quotes the speaker's words, paraphrase otherwise.
        topics: What the statement is about, from a controlled vocabulary: each item is one
            of itemConstraints.enum, defined by the field's categories.
        text: What was said, in the source's words: built from the statement's evidence
            spans in one source (in text order; spans that are not contiguous joined with "
            … "), so it is always a quote.
        split_note: Why the statement's text deliberately stops before the end of its
            sentence (the rest is another statement, or not part of this claim); empty when
            the text runs to a sentence end.
        source_ids: The sources that support this record (give a claim or evidence for it),
            by source_id.
        disputed_fields: Fields on which sources make incompatible claims (see the claims
            table). The row shows the claim the rule prefers, or nothing when no rule
            decides.
    """

    statement_id: str = Field(pattern="^st-[a-z0-9.-]+$", description="Stable slug, prefixed st-.")
    speaker_id: str = Field(
        pattern="^[a-z0-9][a-z0-9.-]*$", description="Actor who made the statement."
    )
    co_speaker_ids: tuple[str, ...] = Field(
        default=(), description="Actors speaking jointly with the speaker."
    )
    addressee_id: str | None = Field(
        default=None,
        pattern="^[a-z0-9][a-z0-9.-]*$",
        description="Actor addressed, when the source says.",
    )
    event_id: str | None = Field(
        default=None, pattern="^ev-[a-z0-9.-]+$", description="Event where the statement was made."
    )
    date: datetime.date | None = Field(
        default=None,
        description="Date the statement was made (ISO 8601); for month or year precision the first day of the period",
    )
    date_precision: Literal["day", "month", "year", "unknown"] = Field(
        description="How precise the date is: day, month, year or unknown."
    )
    date_basis: Literal["stated", "inferred", "unknown"] = Field(
        description="How the date was obtained: stated in the source, inferred (see the note), or unknown."
    )
    date_note: str | None = Field(
        default=None,
        min_length=1,
        description="From what an inferred date was inferred, or why it is unknown.",
    )
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
    ] = Field(
        description="Kind of speech act; see the crosswalk resource for CAMEO and PLOVER codes."
    )
    quote_kind: Literal["direct", "paraphrase"] = Field(
        description="direct when the source quotes the speaker's words, paraphrase otherwise."
    )
    topics: tuple[
        Literal[
            "bilateral-relations",
            "comprehensive-strategic-partnership",
            "cooperation",
            "high-level-exchanges",
            "politics-diplomacy",
            "cooperation-mechanisms",
            "cooperation-agreements",
            "foreign-policy",
            "international-standing",
            "multilateralism",
            "asean",
            "eu-relations",
            "international-issues",
            "peace-stability",
            "international-law",
            "peaceful-settlement",
            "east-sea",
            "freedom-of-navigation",
            "maritime",
            "international-conflicts",
            "defence",
            "security",
            "crime",
            "peacekeeping",
            "search-and-rescue",
            "economy",
            "economic-development",
            "trade",
            "investment",
            "business",
            "seafood",
            "yellow-card",
            "development-finance",
            "infrastructure",
            "transport",
            "energy",
            "nuclear-energy",
            "energy-transition",
            "climate",
            "environment",
            "sustainable-development",
            "agriculture",
            "food-security",
            "trilateral-cooperation",
            "science-technology",
            "aerospace",
            "semiconductors",
            "artificial-intelligence",
            "digital-transformation",
            "health",
            "education",
            "human-resources",
            "culture",
            "tourism",
            "justice",
            "sport",
            "history",
            "people-to-people-exchanges",
            "decentralised-cooperation",
            "vietnamese-community",
            "disaster-relief",
            "elections",
        ],
        ...,
    ] = Field(
        default=(),
        description="What the statement is about, from a controlled vocabulary: each item is one of itemConstraints.enum, defined by the field's categories.",
    )
    text: str = Field(
        min_length=1,
        description="What was said, in the source's words: built from the statement's evidence spans in one source (in text order; spans that are not contiguous joined with \" … \"), so it is always a quote.",
    )
    split_note: str | None = Field(
        default=None,
        min_length=1,
        description="Why the statement's text deliberately stops before the end of its sentence (the rest is another statement, or not part of this claim); empty when the text runs to a sentence end.",
    )
    source_ids: tuple[str, ...] = Field(
        default=(),
        description="The sources that support this record (give a claim or evidence for it), by source_id.",
    )
    disputed_fields: tuple[str, ...] = Field(
        default=(),
        description="Fields on which sources make incompatible claims (see the claims table). The row shows the claim the rule prefers, or nothing when no rule decides.",
    )


class Agreement(Record):
    """Trade and investment agreements, partnerships, conventions, codes of conduct, declarations and cooperation documents.

    Attributes:
        agreement_id: Stable slug, prefixed ag-.
        name: Full name as reported.
        short_name: Acronym or short name as reported.
        agreement_type: Kind of agreement or framework.
        status: Status as reported at the date of each source (each report is in claims).
            When reports at different dates fit one history (signed, then in force), the
            latest stage; empty when no source reports one or reports conflict (the field is
            then disputed).
        source_ids: The sources that support this record (give a claim or evidence for it),
            by source_id.
        disputed_fields: Fields on which sources make incompatible claims (see the claims
            table). The row shows the claim the rule prefers, or nothing when no rule
            decides.
    """

    agreement_id: str = Field(pattern="^ag-[a-z0-9.-]+$", description="Stable slug, prefixed ag-.")
    name: str = Field(min_length=1, description="Full name as reported.")
    short_name: str | None = Field(
        default=None, min_length=1, description="Acronym or short name as reported."
    )
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
    ] = Field(description="Kind of agreement or framework.")
    status: (
        Literal[
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
        ]
        | None
    ) = Field(
        default=None,
        description="Status as reported at the date of each source (each report is in claims). When reports at different dates fit one history (signed, then in force), the latest stage; empty when no source reports one or reports conflict (the field is then disputed).",
    )
    source_ids: tuple[str, ...] = Field(
        default=(),
        description="The sources that support this record (give a claim or evidence for it), by source_id.",
    )
    disputed_fields: tuple[str, ...] = Field(
        default=(),
        description="Fields on which sources make incompatible claims (see the claims table). The row shows the claim the rule prefers, or nothing when no rule decides.",
    )


class AgreementParty(Record):
    """Parties, signatories and supporters of an agreement.

    Attributes:
        party_id: agreement_id/actor_id.
        agreement_id: The agreement.
        actor_id: The party.
        role: party, signatory, supporter or beneficiary.
        source_ids: The sources that support this record (give a claim or evidence for it),
            by source_id.
        disputed_fields: Fields on which sources make incompatible claims (see the claims
            table). The row shows the claim the rule prefers, or nothing when no rule
            decides.
    """

    party_id: str = Field(
        pattern="^ag-[a-z0-9.-]+/[a-z0-9][a-z0-9.-]*$", description="agreement_id/actor_id."
    )
    agreement_id: str = Field(pattern="^ag-[a-z0-9.-]+$", description="The agreement.")
    actor_id: str = Field(pattern="^[a-z0-9][a-z0-9.-]*$", description="The party.")
    role: Literal["party", "signatory", "supporter", "beneficiary"] = Field(
        description="party, signatory, supporter or beneficiary."
    )
    source_ids: tuple[str, ...] = Field(
        default=(),
        description="The sources that support this record (give a claim or evidence for it), by source_id.",
    )
    disputed_fields: tuple[str, ...] = Field(
        default=(),
        description="Fields on which sources make incompatible claims (see the claims table). The row shows the claim the rule prefers, or nothing when no rule decides.",
    )


class AgreementEvent(Record):
    """Events where an agreement was signed, upgraded, established, discussed or handed over.

    Attributes:
        link_id: agreement_id/event_id.
        agreement_id: The agreement.
        event_id: The event.
        relation: What happened to the agreement at the event.
        source_ids: The sources that support this record (give a claim or evidence for it),
            by source_id.
        disputed_fields: Fields on which sources make incompatible claims (see the claims
            table). The row shows the claim the rule prefers, or nothing when no rule
            decides.
    """

    link_id: str = Field(
        pattern="^ag-[a-z0-9.-]+/ev-[a-z0-9.-]+$", description="agreement_id/event_id."
    )
    agreement_id: str = Field(pattern="^ag-[a-z0-9.-]+$", description="The agreement.")
    event_id: str = Field(pattern="^ev-[a-z0-9.-]+$", description="The event.")
    relation: Literal[
        "signed",
        "upgraded",
        "established",
        "discussed",
        "handed_over",
        "referenced",
        "planned_signing",
    ] = Field(description="What happened to the agreement at the event.")
    source_ids: tuple[str, ...] = Field(
        default=(),
        description="The sources that support this record (give a claim or evidence for it), by source_id.",
    )
    disputed_fields: tuple[str, ...] = Field(
        default=(),
        description="Fields on which sources make incompatible claims (see the claims table). The row shows the claim the rule prefers, or nothing when no rule decides.",
    )


class Figure(Record):
    """Money, growth rates, counts, durations, anniversaries and ordinals, each a claim of its source.

    Attributes:
        figure_id: Stable slug, prefixed fig-.
        metric: What kind of quantity.
        subject: What is measured.
        value: The number in base units (5.4 billion is 5400000000; 11% is 11).
        unit: ISO 4217 currency code for money, else percent, years, months, days, count or
            ordinal.
        qualifier: exact, over, under, about, at_least, at_most or up_to, as reported.
        as_reported: The words of the source.
        period_start: First day of the period the figure covers.
        period_end: Last day of the period the figure covers.
        comparison_base: What a growth rate or change is measured against.
        statement_id: Statement that asserted the figure.
        event_id: Event the figure belongs to.
        source_ids: The sources that support this record (give a claim or evidence for it),
            by source_id.
        disputed_fields: Fields on which sources make incompatible claims (see the claims
            table). The row shows the claim the rule prefers, or nothing when no rule
            decides.
    """

    figure_id: str = Field(pattern="^fig-[a-z0-9.-]+$", description="Stable slug, prefixed fig-.")
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
    ] = Field(description="What kind of quantity.")
    subject: str = Field(min_length=1, description="What is measured.")
    value: Decimal = Field(
        max_digits=38,
        decimal_places=6,
        description="The number in base units (5.4 billion is 5400000000; 11% is 11).",
    )
    unit: Literal["USD", "EUR", "VND", "percent", "years", "months", "days", "count", "ordinal"] = (
        Field(
            description="ISO 4217 currency code for money, else percent, years, months, days, count or ordinal."
        )
    )
    qualifier: Literal["exact", "over", "under", "about", "at_least", "at_most", "up_to"] = Field(
        description="exact, over, under, about, at_least, at_most or up_to, as reported."
    )
    as_reported: str = Field(min_length=1, description="The words of the source.")
    period_start: datetime.date | None = Field(
        default=None, description="First day of the period the figure covers."
    )
    period_end: datetime.date | None = Field(
        default=None, description="Last day of the period the figure covers."
    )
    comparison_base: str | None = Field(
        default=None, min_length=1, description="What a growth rate or change is measured against."
    )
    statement_id: str | None = Field(
        default=None, pattern="^st-[a-z0-9.-]+$", description="Statement that asserted the figure."
    )
    event_id: str | None = Field(
        default=None, pattern="^ev-[a-z0-9.-]+$", description="Event the figure belongs to."
    )
    source_ids: tuple[str, ...] = Field(
        default=(),
        description="The sources that support this record (give a claim or evidence for it), by source_id.",
    )
    disputed_fields: tuple[str, ...] = Field(
        default=(),
        description="Fields on which sources make incompatible claims (see the claims table). The row shows the claim the rule prefers, or nothing when no rule decides.",
    )


class Evidence(Record):
    """Verbatim spans of the sources that ground each record: text[char_start:char_end] == quote.

    Attributes:
        record_table: Table of the record.
        record_id: Primary key of the record.
        source_id: The source quoted.
        char_start: Offset of the first character, in characters of the UTF-8 decoded text.
        char_end: Offset just past the last character (exclusive).
        quote: The verbatim span.
    """

    record_table: Literal[
        "actors",
        "events",
        "event_participants",
        "statements",
        "agreements",
        "agreement_parties",
        "agreement_events",
        "figures",
    ] = Field(description="Table of the record.")
    record_id: str = Field(min_length=1, description="Primary key of the record.")
    source_id: str = Field(pattern="^[0-9a-f]{16}$", description="The source quoted.")
    char_start: int = Field(
        ge=0, description="Offset of the first character, in characters of the UTF-8 decoded text."
    )
    char_end: int = Field(ge=0, description="Offset just past the last character (exclusive).")
    quote: str = Field(min_length=1, description="The verbatim span.")


class Claim(Record):
    """Every value a source gives for a field of a record: one row per source, field and record. A record's row in its own table shows the claim ranked preferred; the reason says why each claim has its rank (an ordered rule, never publication order). Identity fields (what a record is) are not claims and are not listed.

    Attributes:
        record_table: Table of the record.
        record_id: Primary key of the record.
        field: The field of the record the claim is about.
        source_id: The source making the claim.
        value: The value the source gives, as text (dates ISO 8601, numbers in base units
            without trailing zeros).
        note: The source's own note on the claim (for a date: how it was inferred, from its
            date_note).
        rank: preferred: shown in the record's row; normal: a claim not shown; deprecated: a
            claim a reviewer rejected.
        reason: Why the claim has its rank, by the ordered rule of the build (never
            publication order): see its categories.
        reason_note: The reviewer's reason, for a choice recorded in the annotations.
        disputed: True when sources make incompatible claims on this field of the record (it
            is then in the row's disputed_fields).
    """

    record_table: Literal[
        "actors",
        "events",
        "event_participants",
        "statements",
        "agreements",
        "agreement_parties",
        "agreement_events",
        "figures",
    ] = Field(description="Table of the record.")
    record_id: str = Field(min_length=1, description="Primary key of the record.")
    field: str = Field(
        pattern="^[a-z][a-z0-9_]*$", description="The field of the record the claim is about."
    )
    source_id: str = Field(pattern="^[0-9a-f]{16}$", description="The source making the claim.")
    value: str = Field(
        min_length=1,
        description="The value the source gives, as text (dates ISO 8601, numbers in base units without trailing zeros).",
    )
    note: str | None = Field(
        default=None,
        min_length=1,
        description="The source's own note on the claim (for a date: how it was inferred, from its date_note).",
    )
    rank: Literal["preferred", "normal", "deprecated"] = Field(
        description="preferred: shown in the record's row; normal: a claim not shown; deprecated: a claim a reviewer rejected."
    )
    reason: Literal[
        "only_claim",
        "agreed",
        "reviewer_choice",
        "stated",
        "more_precise",
        "latest_status",
        "most_sources",
        "inferred",
        "less_precise",
        "earlier_status",
        "fewer_sources",
        "unresolved",
        "not_chosen",
        "reviewer_rejected",
    ] = Field(
        description="Why the claim has its rank, by the ordered rule of the build (never publication order): see its categories."
    )
    reason_note: str | None = Field(
        default=None,
        min_length=1,
        description="The reviewer's reason, for a choice recorded in the annotations.",
    )
    disputed: bool = Field(
        description="True when sources make incompatible claims on this field of the record (it is then in the row's disputed_fields)."
    )


class CrosswalkEntry(Record):
    """Our event and statement types mapped to CAMEO codes and PLOVER event types, to join with GDELT, ICEWS and POLECAT.

    Attributes:
        vocabulary: event_type or statement_type.
        code: Our code.
        definition: What the code means.
        cameo_code: Closest CAMEO event code.
        cameo_label: CAMEO label.
        plover_type: Closest PLOVER event type.
    """

    vocabulary: Literal["event_type", "statement_type"] = Field(
        description="event_type or statement_type."
    )
    code: str = Field(pattern="^[a-z_]+$", description="Our code.")
    definition: str = Field(min_length=1, description="What the code means.")
    cameo_code: str | None = Field(
        default=None, pattern="^[0-9]{2,4}$", description="Closest CAMEO event code."
    )
    cameo_label: str | None = Field(default=None, min_length=1, description="CAMEO label.")
    plover_type: str | None = Field(
        default=None, pattern="^[A-Z]+$", description="Closest PLOVER event type."
    )


class Withdrawal(Record):
    """Tombstones: records withdrawn from the dataset, whose ids stay reserved, one row each with the version that withdrew it and why.

    Attributes:
        record_table: Table the withdrawn record was in.
        record_id: Id of the withdrawn record: never given to another record.
        withdrawn_in: Version of the dataset that withdrew the record (the first version
            without it).
        reason: Why the record was withdrawn (for example: the source does not support it; a
            duplicate of another record, named here).
    """

    record_table: Literal[
        "actors",
        "events",
        "event_participants",
        "statements",
        "agreements",
        "agreement_parties",
        "agreement_events",
        "figures",
    ] = Field(description="Table the withdrawn record was in.")
    record_id: str = Field(
        min_length=1, description="Id of the withdrawn record: never given to another record."
    )
    withdrawn_in: str = Field(
        pattern="^[0-9]+\\.[0-9]+\\.[0-9]+$",
        description="Version of the dataset that withdrew the record (the first version without it).",
    )
    reason: str = Field(
        min_length=1,
        description="Why the record was withdrawn (for example: the source does not support it; a duplicate of another record, named here).",
    )


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
    "claims": Claim,
    "crosswalk": CrosswalkEntry,
    "withdrawals": Withdrawal,
}


class Tables:
    """The tables of a `vnfr_data.Dataset`, one typed attribute per resource."""

    sources: "Table[Source]"
    actors: "Table[Actor]"
    events: "Table[Event]"
    event_participants: "Table[EventParticipant]"
    statements: "Table[Statement]"
    agreements: "Table[Agreement]"
    agreement_parties: "Table[AgreementParty]"
    agreement_events: "Table[AgreementEvent]"
    figures: "Table[Figure]"
    evidence: "Table[Evidence]"
    claims: "Table[Claim]"
    crosswalk: "Table[CrosswalkEntry]"
    withdrawals: "Table[Withdrawal]"
