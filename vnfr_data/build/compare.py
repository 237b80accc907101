"""When two claims say the same thing, when one refines the other, and when they conflict.

Compatible claims are not conflicts. Precisely:

- **Text** (free-text fields: titles, names, roles, places) is compared in a
  normal form: Unicode NFKC, every dash (‐ ‑ ‒ – — ― − ﹘ ﹣ －) read as "-",
  every single quote or apostrophe (‘ ’ ‚ ‛ ′ `) as "'", every double quote
  (“ ” „ ‟ ″) as '"', runs of white space as one space, case folded. Equal
  normal forms say the same thing. One text *refines* another when the other's
  words (runs of letters and digits of the normal form) occur, in order and
  contiguously, among its own words, and it has more of them: "UNCLOS 1982"
  refines "UNCLOS", "French President" refines "President". A text also refines one
  that is the same but for the diacritics it lacks: "Việt Nam–France committee" refines
  "Viet Nam–France committee" (never two texts marked differently).
- **Dates** come with their precision (day, month, year). A date claim refines
  another when it is more precise and lies inside it: 8 October 2024 (day)
  refines October 2024 (month), which refines 2024 (year). Two claims of the
  same precision are compatible only when equal.
- **Status** is reported at the date of its source. Two reports fit one history
  when the later stage is not dated before the earlier one ("planned" in a
  source of 2025, "ongoing" in one of May 2025). Stages run, for events:
  proposed, invited, planned, ongoing, occurred (cancelled follows proposed,
  invited or planned); for agreements: proposed, planned, under_negotiation,
  then signed / handed_over / established, awaiting_ratification, in_force /
  being_implemented, upgraded. Two values of one stage are a conflict.
- **Every other value** (vocabulary codes, ids, numbers, a figure's period) is
  compatible only when equal.
"""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..sources.folding import normal_text

_WORD = re.compile(r"\w+")


def _unmarked(text: str) -> str:
    """The text without its combining marks (diacritics), all else as it is."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


__all__ = ["normal_text"]  # re-exported: compared in the one normal form of sources.folding

#: Finer precision first: a lower rank is more precise.
PRECISION_RANK = {"day": 0, "month": 1, "year": 2}

EVENT_STAGES: dict[str, int] = {
    "proposed": 0,
    "invited": 1,
    "planned": 2,
    "ongoing": 3,
    "occurred": 4,
    "cancelled": 3,
}
AGREEMENT_STAGES: dict[str, int] = {
    "proposed": 0,
    "planned": 1,
    "under_negotiation": 2,
    "signed": 3,
    "handed_over": 3,
    "established": 3,
    "awaiting_ratification": 4,
    "in_force": 5,
    "being_implemented": 5,
    "upgraded": 6,
}
#: (table, field) -> the stages of its lifecycle.
LIFECYCLES: dict[tuple[str, str], dict[str, int]] = {
    ("events", "status"): EVENT_STAGES,
    ("agreements", "status"): AGREEMENT_STAGES,
}
#: Only these may follow "cancelled" (it is a stage after them, not after ongoing or occurred).
_CANCELLABLE = frozenset({"proposed", "invited", "planned"})


def words(value: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(normal_text(value)))


def as_text(value: Any) -> str:
    """A value as the claims table writes it."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def period_end(start: datetime.date, precision: str) -> datetime.date:
    """The last day a single date of this precision stands for."""
    if precision == "year":
        return datetime.date(start.year, 12, 31)
    if precision == "month":
        return datetime.date(
            start.year, start.month, calendar.monthrange(start.year, start.month)[1]
        )
    return start


@dataclass(frozen=True)
class Value:
    """One claim's value as compared: its kind decides what equal and refines mean."""

    kind: str  # text | date | status | exact
    data: Any
    #: For a status: the dates of the source reporting it (None: undated source).
    as_of: tuple[datetime.date, datetime.date] | None = None

    def key(self) -> Any:
        if self.kind == "text":
            return normal_text(self.data)
        if self.kind == "status":
            return self.data[0]  # (status, its lifecycle's stages)
        if self.kind == "exact":
            return as_text(self.data)
        return self.data

    def same(self, other: Value) -> bool:
        return bool(self.key() == other.key())

    def refines(self, other: Value) -> bool:
        """True when self says more than other and nothing against it."""
        if self.same(other):
            return False
        if self.kind == "text":
            if _unmarked(other.key()) == other.key() == _unmarked(self.key()):
                return True  # "Việt Nam" refines "Viet Nam": the marks say more, nothing else
            mine, theirs = words(self.data), words(other.data)
            n = len(theirs)
            return 0 < n < len(mine) and any(
                mine[i : i + n] == theirs for i in range(len(mine) - n + 1)
            )
        if self.kind == "date":
            (a0, a1, ap), (b0, b1, bp) = self.data, other.data
            if PRECISION_RANK.get(ap, 0) >= PRECISION_RANK.get(bp, 0):
                return False
            return bool(b0 <= a0 and a1 <= b1)
        if self.kind == "status":
            return follows(self, other)
        return False

    def compatible(self, other: Value) -> bool:
        return self.same(other) or self.refines(other) or other.refines(self)


def follows(later: Value, earlier: Value) -> bool:
    """A status report that can come after another in one history, given both dates."""
    status, before = later.data[0], earlier.data[0]
    stages = later.data[1]
    if status not in stages or before not in stages:
        return False
    if status == "cancelled":
        ordered = before in _CANCELLABLE
    elif before == "cancelled":
        ordered = False
    else:
        ordered = stages[status] > stages[before]
    if not ordered:
        return False
    # The later stage must not be reported as of a time entirely before the earlier one.
    if later.as_of is None or earlier.as_of is None:
        return True
    return earlier.as_of[0] <= later.as_of[1]


def chain_top(values: list[Value]) -> Value | None:
    """The value that refines all others when every two are compatible, else None."""
    for i, a in enumerate(values):
        for b in values[i + 1 :]:
            if not a.compatible(b):
                return None
    top = values[0]
    for v in values[1:]:
        if v.refines(top):
            top = v
    return top
