"""YAML scalars, quotes and comments of a draft: every quote is verbatim and unique in the body
(grown a word at a time if it recurs), every value the text does not give is omitted with a
`# DRAFT` comment saying why."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import TYPE_CHECKING

import yaml

from .actors import DraftActor
from .dates import When
from .text import Span

if TYPE_CHECKING:
    from .draft import Draft


def scalar(value: object) -> str:
    """One YAML scalar: strings double-quoted (verbatim, escapes exact), the rest plain."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        return format(value, "f") if isinstance(value, Decimal) else str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = yaml.dump(str(value), default_style='"', allow_unicode=True, width=10**9)
    return text.rstrip("\n")


def _quotes(draft: Draft, spans: list[Span], min_words: int = 1) -> str:
    """A flow list of evidence quotes, with `occurrence` only when a quote repeats."""
    items = []
    seen: set[str] = set()
    for span in spans:
        q = draft.quote(span, min_words)
        if q.text in seen:
            continue
        seen.add(q.text)
        if q.occurrence is None:
            items.append(scalar(q.text))
        else:
            items.append("{quote: " + scalar(q.text) + f", occurrence: {q.occurrence}}}")
    return "[" + ", ".join(items) + "]"


def _comment(text: str, indent: str) -> str:
    flat = re.sub(r"\s+", " ", text).strip()
    return f"{indent}# DRAFT: {flat}\n"


def _date_fields(when: When, prefix: str, indent: str, single: bool = False) -> str:
    """Date fields of an event (start/end) or a statement (single date), with precision and basis."""
    out = ""
    if when.start is None or when.precision == "unknown":
        # An annotation that does not know a value omits it (the build defaults to unknown).
        why = when.note or "no date given"
        return f"{indent}# DRAFT: no date: {why}\n"
    if when.start is not None:
        if single:
            out += f"{indent}{prefix}: {scalar(when.start)}\n"
        else:
            out += f"{indent}{prefix}_start: {scalar(when.start)}\n"
            out += f"{indent}{prefix}_end: {scalar(when.end)}\n"
    head = "date" if prefix in {"date"} else prefix
    out += f"{indent}{head}_precision: {when.precision}\n"
    out += f"{indent}{head}_basis: {when.basis}\n"
    if when.note:
        out += f"{indent}{head}_note: {scalar(when.note)}\n"
    return out


def _known(actor: DraftActor) -> bool:
    return actor.known
