"""The records as a JSON index for the in-page search and filters.

Browsers refuse `fetch()` of a file:// URL, so the index is a script that sets
one global (``window.VNFR_INDEX = {...};``) and the search page loads it with a
``<script>`` tag, which works from a file and from any host alike. The JSON is
written with sorted keys and fixed separators: same data, same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from .data import PAGED, TYPE_COLUMN, Row, SiteData
from .dates import record_period, record_when
from .refs import label, record_path, value_text

#: Columns whose words a search should find, per table.
TEXT_COLUMNS: dict[str, tuple[str, ...]] = {
    "events": ("title", "location", "date_note"),
    "statements": ("text", "topics"),
    "agreements": ("name", "short_name"),
    "figures": ("subject", "as_reported", "comparison_base"),
    "actors": ("name", "aliases"),
}


def record_actors(data: SiteData, table: str, row: Row) -> list[str]:
    """Actors a record involves, for the actor filter."""
    if table == "actors":
        return [str(row["actor_id"])]
    if table == "events":
        return [
            str(p["actor_id"]) for p in data.where("event_participants", event_id=row["event_id"])
        ]
    if table == "statements":
        ids = [row["speaker_id"], *(row.get("co_speaker_ids") or ()), row.get("addressee_id")]
        return [str(i) for i in ids if i]
    if table == "agreements":
        return [
            str(p["actor_id"])
            for p in data.where("agreement_parties", agreement_id=row["agreement_id"])
        ]
    if table == "figures" and row.get("statement_id"):
        statement = data.get("statements", str(row["statement_id"]))
        return record_actors(data, "statements", statement) if statement else []
    return []


def index_entries(data: SiteData) -> list[dict[str, Any]]:
    entries = []
    for table, key in PAGED.items():
        for row in data.table(table):
            record_id = str(row[key])
            actors = sorted(set(record_actors(data, table, row)))
            words = [value_text(row.get(c)) for c in TEXT_COLUMNS[table]]
            words += [data.actor_name(a) for a in actors]
            first, last = record_period(table, row)
            entries.append(
                {
                    "id": record_id,
                    "table": table,
                    "type": str(row.get(TYPE_COLUMN[table]) or ""),
                    "label": label(data, table, record_id),
                    "text": " ".join(w for w in words if w),
                    "date": first,
                    "date_end": last,
                    "when": record_when(table, row),
                    "sources": data.sources_of(table, record_id),
                    "actors": actors,
                    "href": record_path(table, record_id),
                }
            )
    return entries


def index_script(data: SiteData) -> bytes:
    payload = {"version": data.version, "records": index_entries(data)}
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f"window.VNFR_INDEX = {text};\n".encode()
