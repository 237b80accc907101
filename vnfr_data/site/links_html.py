"""The "Links" sections of a record page: the records it is connected to.

Events list their participants, sub-events, statements, agreements and figures;
statements their figures; agreements their parties and events; figures their
statement and event; actors what they said, attended and are party to. Link
rows (participants, parties, agreement events) get an id on their owner's page,
which is where the article pages send their evidence.
"""

from __future__ import annotations

from collections.abc import Sequence

from .data import Row, SiteData
from .layout import esc
from .refs import link_anchor, link_html, value_text


def _section(key: str, title: str, inner: str, count: int) -> str:
    return (
        f'<section aria-labelledby="h-{key}"><h3 id="h-{key}">{esc(title)} '
        f'<span class="count">({count})</span></h3>{inner}</section>'
    )


def _record_list(
    data: SiteData, table: str, ids: Sequence[str], root: str, extra: dict[str, str] | None = None
) -> str:
    def note(record_id: str) -> str:
        shown = extra.get(record_id) if extra else None
        return f' <span class="aside">{esc(shown)}</span>' if shown else ""

    items = "".join(f"<li>{link_html(data, table, i, root)}{note(i)}</li>" for i in ids)
    return f'<ul class="records">{items}</ul>'


def _disputed_badge(data: SiteData, table: str, row: Row, key: str, column: str) -> str:
    if column not in data.claims.disputed(table, str(row[key]), row):
        return ""
    return f' <a class="badge disputed" href="#claims-{link_anchor(table, row)}-{esc(column)}">disputed</a>'


def _link_table(
    data: SiteData,
    table: str,
    key: str,
    rows: Sequence[Row],
    columns: Sequence[tuple[str, str]],
    root: str,
) -> str:
    """A table of link rows; the first column is the linked record, the others plain fields."""
    head = "".join(f'<th scope="col">{esc(title)}</th>' for _, title in columns)
    body = []
    for row in rows:
        cells = []
        for n, (column, _) in enumerate(columns):
            if n == 0:
                target = (
                    "actors"
                    if column == "actor_id"
                    else "events"
                    if column == "event_id"
                    else "agreements"
                )
                cell = link_html(data, target, str(row[column]), root)
                cells.append(f'<th scope="row">{cell}</th>')
            else:
                shown = (
                    esc(value_text(row.get(column)).replace("_", " "))
                    or '<span class="none">empty</span>'
                )
                cells.append(f"<td>{shown}{_disputed_badge(data, table, row, key, column)}</td>")
        body.append(f'<tr id="{link_anchor(table, row)}">{"".join(cells)}</tr>')
    return (
        f'<div class="scroll"><table class="links"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def _event_links(data: SiteData, row: Row, root: str) -> list[str]:
    event_id = str(row["event_id"])
    out = []
    participants = data.where("event_participants", event_id=event_id)
    if participants:
        out.append(
            _section(
                "participants",
                "Participants",
                _link_table(
                    data,
                    "event_participants",
                    "participant_id",
                    participants,
                    [
                        ("actor_id", "Actor"),
                        ("role", "Role at the time"),
                        ("participation", "Took part as"),
                    ],
                    root,
                ),
                len(participants),
            )
        )
    children = [str(e["event_id"]) for e in data.where("events", part_of=event_id)]
    if children:
        out.append(
            _section(
                "parts",
                "Events that are part of this one",
                _record_list(data, "events", children, root),
                len(children),
            )
        )
    statements = [str(s["statement_id"]) for s in data.where("statements", event_id=event_id)]
    if statements:
        out.append(
            _section(
                "statements",
                "Statements at this event",
                _record_list(data, "statements", statements, root),
                len(statements),
            )
        )
    links = data.where("agreement_events", event_id=event_id)
    if links:
        ids = [str(link["agreement_id"]) for link in links]
        relation = {
            str(link["agreement_id"]): str(link["relation"]).replace("_", " ") for link in links
        }
        out.append(
            _section(
                "agreements",
                "Agreements at this event",
                _record_list(data, "agreements", ids, root, relation),
                len(ids),
            )
        )
    figures = [str(f["figure_id"]) for f in data.where("figures", event_id=event_id)]
    if figures:
        out.append(
            _section(
                "figures",
                "Figures about this event",
                _record_list(data, "figures", figures, root),
                len(figures),
            )
        )
    return out


def _statement_links(data: SiteData, row: Row, root: str) -> list[str]:
    figures = [str(f["figure_id"]) for f in data.where("figures", statement_id=row["statement_id"])]
    out = []
    if figures:
        out.append(
            _section(
                "figures",
                "Figures of this statement",
                _record_list(data, "figures", figures, root),
                len(figures),
            )
        )
    if row.get("event_id"):
        others = [
            str(s["statement_id"])
            for s in data.where("statements", event_id=row["event_id"])
            if s["statement_id"] != row["statement_id"]
        ]
        if others:
            out.append(
                _section(
                    "siblings",
                    "Other statements at the same event",
                    _record_list(data, "statements", others, root),
                    len(others),
                )
            )
    return out


def _agreement_links(data: SiteData, row: Row, root: str) -> list[str]:
    agreement_id = str(row["agreement_id"])
    out = []
    parties = data.where("agreement_parties", agreement_id=agreement_id)
    if parties:
        out.append(
            _section(
                "parties",
                "Parties",
                _link_table(
                    data,
                    "agreement_parties",
                    "party_id",
                    parties,
                    [("actor_id", "Actor"), ("role", "Role")],
                    root,
                ),
                len(parties),
            )
        )
    events = data.where("agreement_events", agreement_id=agreement_id)
    if events:
        out.append(
            _section(
                "events",
                "Events",
                _link_table(
                    data,
                    "agreement_events",
                    "link_id",
                    events,
                    [("event_id", "Event"), ("relation", "What happened to it")],
                    root,
                ),
                len(events),
            )
        )
    return out


def _figure_links(data: SiteData, row: Row, root: str) -> list[str]:
    out = []
    if row.get("statement_id"):
        out.append(
            _section(
                "statement",
                "Statement",
                _record_list(data, "statements", [str(row["statement_id"])], root),
                1,
            )
        )
    if row.get("event_id"):
        out.append(
            _section(
                "event", "Event", _record_list(data, "events", [str(row["event_id"])], root), 1
            )
        )
    return out


def _actor_links(data: SiteData, row: Row, root: str) -> list[str]:
    actor_id = str(row["actor_id"])
    out = []
    spoken = data.where("statements", speaker_id=actor_id)
    spoken += data.containing("statements", "co_speaker_ids", actor_id)
    said = sorted({str(s["statement_id"]) for s in spoken})
    if said:
        out.append(
            _section(
                "said", "Statements made", _record_list(data, "statements", said, root), len(said)
            )
        )
    addressed = [str(s["statement_id"]) for s in data.where("statements", addressee_id=actor_id)]
    if addressed:
        out.append(
            _section(
                "addressed",
                "Statements addressed to this actor",
                _record_list(data, "statements", addressed, root),
                len(addressed),
            )
        )
    attended = data.where("event_participants", actor_id=actor_id)
    if attended:
        ids = [str(p["event_id"]) for p in attended]
        roles = {
            str(p["event_id"]): ", ".join(
                x for x in (str(p["participation"]), value_text(p.get("role"))) if x
            )
            for p in attended
        }
        out.append(
            _section(
                "events",
                "Events taken part in",
                _record_list(data, "events", ids, root, roles),
                len(ids),
            )
        )
    parties = data.where("agreement_parties", actor_id=actor_id)
    if parties:
        ids = [str(p["agreement_id"]) for p in parties]
        roles = {str(p["agreement_id"]): str(p["role"]) for p in parties}
        out.append(
            _section(
                "agreements",
                "Agreements",
                _record_list(data, "agreements", ids, root, roles),
                len(ids),
            )
        )
    return out


_BUILDERS = {
    "events": _event_links,
    "statements": _statement_links,
    "agreements": _agreement_links,
    "figures": _figure_links,
    "actors": _actor_links,
}


def links_sections(data: SiteData, table: str, row: Row, root: str) -> str:
    parts = _BUILDERS[table](data, row, root)
    if not parts:
        return ""
    return (
        f'<section aria-labelledby="h-links"><h2 id="h-links">Links</h2>{"".join(parts)}</section>'
    )
