"""The drafted agreement record, and the key its names are compared by."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .actors import DraftActor
from .text import Span, fold, slug

if TYPE_CHECKING:
    from .event_model import DraftEvent


@dataclass
class DraftAgreement:
    """One drafted agreement with every phrase that names it."""

    name: str
    short_name: str | None
    type: str
    status: str
    mentions: list[Span]
    parties: dict[str, tuple[DraftActor, str, Span]] = field(default_factory=dict)
    rule: str = ""
    sentences: list[int] = field(default_factory=list)
    existing: str | None = None  # the dataset's id of the same agreement, when linked
    candidates: tuple[str, ...] = ()  # dataset ids it may be, when unsure
    occasion: DraftEvent | None = None  # the event a set of documents is referred to by

    @property
    def id(self) -> str:
        return "ag-" + slug(self.short_name or self.name, max_words=10)

    @property
    def key(self) -> str:
        return _key(self.name)


def _key(name: str) -> str:
    """Comparison key of an agreement name: folded, owner compounds and articles dropped."""
    k = fold(name)
    k = re.sub(r"^(?:the|a|an)\s+", "", k)
    k = re.sub(
        r"^[a-z]+(?:-[a-z]+)+\s+", "", k
    )  # "vietnam-france comprehensive ..." -> "comprehensive ..."
    return k
