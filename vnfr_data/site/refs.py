"""Where each record lives in the site and what it is called there.

One place decides every record's page path and short label, so that the
article pages, record pages, lists and search index all link the same way.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from .data import LINKS, PAGED, SINGULAR, SiteData
from .layout import esc, file_name

_LABEL_LENGTH = 110


def record_path(table: str, record_id: str) -> str:
    """Path from the site root of a paged record's page."""
    return f"{table}/{file_name(record_id)}.html"


def article_path(source_id: str) -> str:
    return f"articles/{file_name(source_id)}.html"


def owner_path(data: SiteData, table: str, record_id: str) -> str | None:
    """The page showing a record: its own page, or for a link row, its owner's page
    at the row's anchor. None when the record is unknown."""
    if table in PAGED:
        return record_path(table, record_id) if data.get(table, record_id) else None
    if table in LINKS:
        row = data.get(table, record_id)
        if row is None:
            return None
        _, owner, column = LINKS[table]
        return f"{record_path(owner, str(row[column]))}#{link_anchor(table, row)}"
    return None


def link_anchor(table: str, row: dict[str, Any]) -> str:
    """The id of a link row's entry on its owner's page."""
    if table == "event_participants":
        return f"p-{file_name(str(row['actor_id']))}"
    if table == "agreement_parties":
        return f"party-{file_name(str(row['actor_id']))}"
    return f"at-{file_name(str(row['event_id']))}"


def shorten(text: str, limit: int = _LABEL_LENGTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def label(data: SiteData, table: str, record_id: str) -> str:
    """A short human name for a record."""
    row = data.get(table, record_id)
    if row is None:
        return record_id
    if table == "events":
        return str(row["title"])
    if table == "actors":
        return str(row["name"])
    if table == "agreements":
        return str(row.get("short_name") or row["name"])
    if table == "statements":
        return shorten(f"{data.actor_name(row['speaker_id'])}: {row['text']}")
    if table == "figures":
        return shorten(f"{row['as_reported']} — {row['subject']}")
    if table == "event_participants":
        return f"{data.actor_name(row['actor_id'])} at {label(data, 'events', row['event_id'])}"
    if table == "agreement_parties":
        return f"{data.actor_name(row['actor_id'])}, {row['role']} of {label(data, 'agreements', row['agreement_id'])}"
    if table == "agreement_events":
        return (
            f"{label(data, 'agreements', row['agreement_id'])} {str(row['relation']).replace('_', ' ')}"
            f" at {label(data, 'events', row['event_id'])}"
        )
    return record_id


def kind(table: str) -> str:
    return SINGULAR.get(table, table)


def value_text(value: Any) -> str:
    """A cell as text: exact decimals without exponent, ISO dates, lists joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return format(value.normalize(), ",f")
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(value_text(v) for v in value)
    return str(value)


def link_html(
    data: SiteData, table: str, record_id: str, root: str, text: str | None = None
) -> str:
    """An <a> to a record (or plain text when it has no page)."""
    shown = esc(text if text is not None else label(data, table, record_id))
    if table == "sources":
        if data.get("sources", record_id) is None:
            return shown
        return f'<a href="{root}{article_path(record_id)}">{shown}</a>'
    path = owner_path(data, table, record_id)
    return f'<a href="{root}{path}">{shown}</a>' if path else shown


def source_title(data: SiteData, source_id: str) -> str:
    row = data.get("sources", source_id)
    return str(row["title"]) if row else source_id
