"""The inverse of the build: the annotation files a package's tables were built from.

Properties such as "annotations -> build -> the same tables" need annotations
for generated tables; this writes them in the curated format.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..schema import table_schema

if TYPE_CHECKING:
    from .package import Package


def body_marks(full: str, start: int, end: int) -> dict[str, str] | None:
    """The shortest first and last words of the body that occur once in the article."""
    from ..sources.quotes import find_all

    body = full[start:end]
    first = next(
        (
            body[:n]
            for n in range(1, len(body) + 1)
            if len(find_all(full, body[:n], 0, len(full))) == 1
        ),
        None,
    )
    last = next(
        (
            body[-n:]
            for n in range(1, len(body) + 1)
            if len(find_all(full, body[-n:], 0, len(full))) == 1
        ),
        None,
    )
    return None if first is None or last is None else {"start": first, "end": last}


def actor_entry(row: dict[str, Any]) -> dict[str, Any]:
    return _given(
        {
            "id": row["actor_id"],
            "name": row["name"],
            "type": row["actor_type"],
            "country": row["country_code"],
            "aliases": row["aliases"],
        }
    )


def _given(values: dict[str, Any]) -> dict[str, Any]:
    """What an annotator writes: no nulls, no empty lists, decimals as text."""
    return {
        k: str(v) if isinstance(v, Decimal) else list(v) if isinstance(v, tuple) else v
        for k, v in values.items()
        if v is not None and v != [] and v != ()
    }


def source_file(
    pkg: Package,
    src: dict[str, Any],
    body: dict[str, str],
    quotes: dict[tuple[str, str, str], list[Any]],
    sid: str,
) -> dict[str, Any]:
    """One `<source_id>.yaml`: the source's metadata and every fact it grounds."""

    def cited(table: str, rid: str) -> list[Any]:
        return quotes.get((table, rid, sid), [])

    def children(table: str, column: str, parent: str) -> list[dict[str, Any]]:
        key = table_schema(table).primary_key[0]
        return [r for r in pkg._rows(table) if r[column] == parent and cited(table, r[key])]

    meta = {k: src[k] for k in ("title", "publisher", "published_date", "url", "language")}
    for k in ("published_date_precision", "published_date_basis", "published_date_note"):
        meta[k] = src[k]
    doc: dict[str, Any] = {
        "source": _given({"id": sid, "file": pkg.articles[sid][0], **meta, "body": body}),
        "mentions": {
            r["actor_id"]: cited("actors", r["actor_id"])
            for r in pkg._rows("actors")
            if cited("actors", r["actor_id"])
        },
        "events": [],
        "statements": [],
        "agreements": [],
        "figures": [],
    }
    for r in pkg._rows("events"):
        if not cited("events", r["event_id"]):
            continue
        event = _given(
            {
                "id": r["event_id"],
                "type": r["event_type"],
                **{k: r[k] for k in ("title", "date_start", "date_end", "date_precision")},
                **{k: r[k] for k in ("date_basis", "date_note", "status", "location")},
                "country": r["country_code"],
                "part_of": r["part_of"],
            }
        )
        event["participants"] = [
            _given(
                {
                    "actor": p["actor_id"],
                    "role": p["role"],
                    "participation": p["participation"],
                    "evidence": cited("event_participants", p["participant_id"]),
                }
            )
            for p in children("event_participants", "event_id", r["event_id"])
        ]
        event["evidence"] = cited("events", r["event_id"])
        doc["events"].append(event)
    for r in pkg._rows("statements"):
        if cited("statements", r["statement_id"]):
            doc["statements"].append(
                _given(
                    {
                        "id": r["statement_id"],
                        "speaker": r["speaker_id"],
                        "co_speakers": r["co_speaker_ids"],
                        "addressee": r["addressee_id"],
                        "event": r["event_id"],
                        **{k: r[k] for k in ("date", "date_precision", "date_basis", "date_note")},
                        "type": r["statement_type"],
                        **{k: r[k] for k in ("quote_kind", "topics", "text")},
                        "evidence": cited("statements", r["statement_id"]),
                    }
                )
            )
    for r in pkg._rows("agreements"):
        gid = r["agreement_id"]
        if not cited("agreements", gid):
            continue
        agreement = _given(
            {
                "id": gid,
                "name": r["name"],
                "short_name": r["short_name"],
                "type": r["agreement_type"],
                "status": r["status"],
            }
        )
        agreement["parties"] = [
            _given(
                {
                    "actor": p["actor_id"],
                    "role": p["role"],
                    "evidence": cited("agreement_parties", p["party_id"]),
                }
            )
            for p in children("agreement_parties", "agreement_id", gid)
        ]
        agreement["events"] = [
            {
                "event": e["event_id"],
                "relation": e["relation"],
                "evidence": cited("agreement_events", e["link_id"]),
            }
            for e in children("agreement_events", "agreement_id", gid)
        ]
        agreement["evidence"] = cited("agreements", gid)
        doc["agreements"].append(agreement)
    for r in pkg._rows("figures"):
        if cited("figures", r["figure_id"]):
            names = ("metric", "value", "unit", "qualifier", "as_reported", "subject")
            doc["figures"].append(
                _given(
                    {
                        "id": r["figure_id"],
                        **{k: r[k] for k in names},
                        **{k: r[k] for k in ("period_start", "period_end", "comparison_base")},
                        "statement": r["statement_id"],
                        "event": r["event_id"],
                        "evidence": cited("figures", r["figure_id"]),
                    }
                )
            )
    return doc
