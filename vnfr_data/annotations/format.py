"""The curated annotation format: what a person may type in `data/annotations/`.

Strict pydantic models (unknown keys are refused) so that a typo is an error at
its YAML line, not a silently ignored field. A key that fills a table column
takes its vocabulary, pattern and length from the column's Table Schema
(`Columns`); what is written here is only what the schemas cannot say: which
keys an annotator must give, defaults, and the keys that are no column
(evidence, nested links, the body marks).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)

from ..schema import DECIMAL_TYPE
from .columns import Columns


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class QuoteRef(_Strict):
    quote: str = Field(min_length=1)
    occurrence: int = Field(default=1, ge=1)


def _quote(value: Any) -> Any:
    return {"quote": value} if isinstance(value, str) else value


Quote = Annotated[QuoteRef, BeforeValidator(_quote)]
#: A reviewer's choice: field -> why this source's claim on it is the one to show.
Preferred = dict[str, Annotated[str, Field(min_length=1)]]
Evidence = Annotated[list[Quote], Field(min_length=1)]


def _decimal(value: Any) -> Any:
    # Through str so that a YAML float like 6.9 becomes Decimal("6.9"), not its binary cousin.
    if isinstance(value, bool):
        raise ValueError("a number, not a boolean")
    return Decimal(str(value)) if isinstance(value, (int, float)) else value


class Body(_Strict):
    start: str = Field(min_length=1)
    end: str = Field(min_length=1)


class NoFact(_Strict):
    quote: str = Field(min_length=1)
    reason: str = Field(min_length=1)


class SourceMeta(Columns):
    id: str
    file: str = Field(pattern=r"^[A-Za-z0-9_.-]+\.txt$")
    #: The full SHA-256 of the article file's bytes: reviewed with the annotation, so that any
    #: change to the article (body or page furniture) shows as a changed pin.
    sha256: str | None = None
    title: str
    publisher: str | None = None
    published_date: datetime.date | None = None
    published_date_precision: str = "unknown"
    published_date_basis: str = "unknown"
    published_date_note: str | None = None
    url: str | None = None
    language: str = "en"
    body: Body
    no_fact: list[NoFact] = []


class Participant(Columns):
    actor: str
    role: str | None = None
    participation: str | None = None  # "participant" when no source says
    preferred: Preferred = {}
    evidence: Evidence


class EventAnn(Columns):
    id: str
    type: str | None = None
    title: str | None = None
    date_start: datetime.date | None = None
    date_end: datetime.date | None = None
    date_precision: str | None = None
    date_basis: str | None = None
    date_note: str | None = None
    status: str | None = None
    location: str | None = None
    country: str | None = None
    part_of: str | None = None
    fulfils: str | None = None
    fulfils_note: str | None = None
    participants: list[Participant] = []
    preferred: Preferred = {}
    evidence: Evidence


class StatementAnn(Columns):
    id: str
    speaker: str | None = None
    co_speakers: list[str] = []
    addressee: str | None = None
    event: str | None = None
    date: datetime.date | None = None
    date_precision: str | None = None
    date_basis: str | None = None
    date_note: str | None = None
    type: str | None = None
    quote_kind: str | None = None
    topics: list[str] = []
    split_note: str | None = Field(default=None, min_length=1)
    preferred: Preferred = {}
    evidence: Evidence

    @model_validator(mode="before")
    @classmethod
    def _no_text(cls, data: Any) -> Any:
        # The shown text is built from the evidence, so it is always a quote; a typed
        # `text:` could say what no span says.
        if isinstance(data, dict) and "text" in data:
            raise ValueError(
                "`text` is no longer written: a statement's text is built from its evidence "
                "quotes; delete `text:` and quote every word of the claim as evidence"
            )
        return data


class PartyAnn(Columns):
    actor: str
    role: str | None = None  # "party" when no source says
    preferred: Preferred = {}
    evidence: Evidence


class AgreementEventAnn(Columns):
    event: str
    relation: str
    preferred: Preferred = {}
    evidence: Evidence


class AgreementAnn(Columns):
    id: str
    name: str | None = None
    short_name: str | None = None
    type: str | None = None
    status: str | None = None
    parties: list[PartyAnn] = []
    events: list[AgreementEventAnn] = []
    preferred: Preferred = {}
    evidence: Evidence


class FigureAnn(Columns):
    id: str
    metric: str | None = None
    value: Annotated[
        Decimal | None,
        BeforeValidator(_decimal),
        # What the figures table's decimal column holds: a larger value is an error here,
        # at its line, instead of an exception when the table is typed.
        Field(
            max_digits=DECIMAL_TYPE.precision,
            decimal_places=DECIMAL_TYPE.scale,
            allow_inf_nan=False,
        ),
    ] = None
    unit: str | None = None
    qualifier: str | None = None
    as_reported: str | None = None
    subject: str | None = None
    period_start: datetime.date | None = None
    period_end: datetime.date | None = None
    comparison_base: str | None = None
    statement: str | None = None
    event: str | None = None
    preferred: Preferred = {}
    evidence: Evidence


class ActorAnn(Columns):
    id: str
    name: str
    type: str
    country: str | None = None
    aliases: list[str] = []
