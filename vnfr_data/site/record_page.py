"""One page per event, statement, agreement, figure and actor.

A page shows the record's fields (disputed ones marked), what each source
claims where they disagree, the records it links to, and every evidence
sentence with the quoted span highlighted and a link to it in its article.
"""

from __future__ import annotations

from collections.abc import Sequence

from .claims import Claim
from .data import LINKS, PAGED, REFERENCES, TYPE_COLUMN, Row, SiteData
from .dates import PRECISION_OF, record_when, shown
from .evidence_html import evidence_list
from .layout import breadcrumb, esc, page
from .links_html import links_sections
from .refs import (
    article_path,
    kind,
    label,
    link_anchor,
    link_html,
    record_path,
    source_title,
    value_text,
)

_TABLE_TITLES = {
    "events": "Events",
    "statements": "Statements",
    "agreements": "Agreements",
    "figures": "Figures",
    "actors": "Actors",
}


_NAMES = {
    "co_speaker_ids": "Co-speakers",
    "source_ids": "Sources",
    "country_code": "Country",
    "part_of": "Part of",
    "as_reported": "As reported",
}


def field_name(column: str, key: str) -> str:
    """A column's name for people: ``speaker_id`` is "Speaker", the primary key "Id"."""
    if column == key:
        return "Id"
    if column in _NAMES:
        return _NAMES[column]
    return column.removesuffix("_id").replace("_", " ").capitalize()


def _cell(data: SiteData, table: str, column: str, row: Row, root: str) -> str:
    """A field value: links when it names other records, dates as precise as known,
    vocabulary values with their definition."""
    value = row.get(column)
    target = REFERENCES.get(column)
    if value is None or value == [] or value == ():
        return '<span class="none">empty</span>'
    if target is not None:
        ids = list(value) if isinstance(value, (list, tuple)) else [value]
        return ", ".join(link_html(data, target, str(i), root) for i in ids)
    text = esc(value_text(value))
    if column in PRECISION_OF:
        precision = row.get(PRECISION_OF[column])
        known = shown(value, precision)
        if known != value_text(value):
            text = (
                f'{esc(known)} <span class="desc">{esc(precision)} precision '
                f"(stored as {esc(value_text(value))})</span>"
            )
    definition = data.vocabulary.get((table, column), {}).get(str(value))
    if definition:
        text += f'<span class="desc">{esc(definition)}</span>'
    return text


def fields_table(data: SiteData, table: str, row: Row, disputed: Sequence[str], root: str) -> str:
    descriptions = data.descriptions.get(table, {})
    key = PAGED[table]
    body = []
    for column in row:
        if column == "disputed_fields":
            continue
        desc = descriptions.get(column, "")
        desc_html = f'<span class="desc">{esc(desc)}</span>' if desc else ""
        row_class = ' class="is-disputed"' if column in disputed else ""
        mark = ""
        if column in disputed:
            mark = (
                f' <a class="badge disputed" href="#claims-{esc(column)}">disputed: '
                f"see the sources' claims</a>"
            )
        value = (
            f"<code>{esc(row[column])}</code>"
            if column == key
            else _cell(data, table, column, row, root)
        )
        body.append(
            f"<tr{row_class}>"
            f'<th scope="row">{esc(field_name(column, key))} <code class="col">{esc(column)}</code>{desc_html}</th>'
            f"<td>{value}{mark}</td></tr>"
        )
    return (
        '<section aria-labelledby="h-fields"><h2 id="h-fields">Fields</h2>'
        '<div class="scroll"><table class="fields"><caption class="vh">Fields of this record</caption>'
        f'<thead><tr><th scope="col">Field</th><th scope="col">Value</th></tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div></section>"
    )


def _claim_row(data: SiteData, claim: Claim, ranked: bool, root: str) -> str:
    source = link_html(data, "sources", claim.source_id, root, source_title(data, claim.source_id))
    row = data.get("sources", claim.source_id) or {}
    published = shown(row.get("published_date"), row.get("published_date_precision"))
    when = f'<span class="desc">published {esc(published or "on an unknown date")}</span>'
    note = f'<span class="desc">{esc(claim.note)}</span>' if claim.note else ""
    cells = f"<td>{source}{when}</td><td>{esc(claim.value)}{note}</td>"
    if ranked:
        if claim.reason:
            meaning = data.vocabulary.get(("claims", "reason"), {}).get(claim.reason)
            reason = f"<code>{esc(claim.reason)}</code>"
            reason += f'<span class="desc">{esc(meaning)}</span>' if meaning else ""
        else:
            reason = '<span class="none">none given</span>'
        if claim.reason_note:
            reason += f'<span class="desc">Reviewer: {esc(claim.reason_note)}</span>'
        cells += f'<td><span class="rank">{esc(claim.rank)}</span></td><td>{reason}</td>'
    else:  # the conflicts table only says which claim the main table shows
        chosen = claim.rank == "preferred"
        cells += f'<td><span class="rank">{"yes: shown above" if chosen else "no"}</span></td>'
    return f'<tr class="rank-{esc(claim.rank)}">{cells}</tr>'


def claims_section(data: SiteData, owned: Sequence[tuple[str, str, str | None]], root: str) -> str:
    """Each source's claim on every disputed field of the record and of the link rows it owns.

    From a claims table: rank and reason of each claim. From the older conflicts
    table: which claim the main table shows, and the table's stated rule.
    """
    ranked = data.claims.origin == "claims"
    head = ["Source", "Claimed value"] + (["Rank", "Reason"] if ranked else ["Chosen"])
    thead = "".join(f'<th scope="col">{h}</th>' for h in head)
    parts = []
    for table, record_id, title in owned:
        row = data.get(table, record_id)
        disputed = data.claims.disputed(table, record_id, row)
        by_field: dict[str, list[str]] = {}
        for claim in data.claims.of(table, record_id):
            by_field.setdefault(claim.field, []).append(_claim_row(data, claim, ranked, root))
        prefix = "" if title is None or row is None else f"{link_anchor(table, row)}-"
        shown_fields = set(disputed) if ranked else set(disputed) | set(by_field)
        for field in sorted(shown_fields):
            rows = by_field.get(field) or [
                f'<tr><td colspan="{len(head)}">no claims recorded</td></tr>'
            ]
            about = f" of {esc(title)}" if title else ""
            badge = ' <span class="badge disputed">disputed</span>' if field in disputed else ""
            parts.append(
                f'<h3 id="claims-{prefix}{esc(field)}">{esc(field_name(field, ""))} '
                f'<code class="aside">{esc(field)}</code>{about}{badge}</h3>'
                '<div class="scroll"><table class="claims">'
                f'<caption class="vh">Claims on {esc(field)}{about}</caption>'
                f"<thead><tr>{thead}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
            )
    if not parts:
        return ""
    if ranked:
        note = (
            "Each source's claim, ranked: the fields above show the <em>preferred</em> claim; "
            "the reason says why it was preferred or deprecated."
        )
    else:
        rule = data.table_descriptions.get("conflicts", "")
        note = "The fields above show the chosen claim (from the <code>conflicts</code> table"
        note += f": “{esc(rule)}”)." if rule else ")."
    return (
        '<section aria-labelledby="h-claims"><h2 id="h-claims">Claims where sources disagree</h2>'
        f'<p class="note">{note}</p>{"".join(parts)}</section>'
    )


def summary_html(data: SiteData, table: str, row: Row, root: str) -> str:
    """One line saying when, where and who, before the full list of fields."""
    parts: list[str] = []
    when = record_when(table, row)
    if table == "events":
        place = ", ".join(
            value_text(row.get(c)) for c in ("location", "country_code") if row.get(c)
        )
        parts += [esc(when or "undated"), esc(place), esc(str(row["status"]))]
    elif table == "statements":
        who = link_html(data, "actors", str(row["speaker_id"]), root)
        co = [link_html(data, "actors", str(a), root) for a in row.get("co_speaker_ids") or ()]
        if co:
            who += " with " + ", ".join(co)
        if row.get("addressee_id"):
            who += " to " + link_html(data, "actors", str(row["addressee_id"]), root)
        parts += [who, esc(when or "undated")]
        if row.get("event_id"):
            parts.append("at " + link_html(data, "events", str(row["event_id"]), root))
    elif table == "figures":
        parts += [esc(str(row["as_reported"])), esc(when)]
        if row.get("statement_id"):
            parts.append(
                "said in "
                + link_html(data, "statements", str(row["statement_id"]), root, "a statement")
            )
    elif table == "agreements":
        parts += [
            esc(str(row["agreement_type"]).replace("_", " ")),
            esc(str(row["status"]).replace("_", " ")),
        ]
    elif table == "actors":
        parts += [
            esc(str(row["actor_type"]).replace("_", " ")),
            esc(value_text(row.get("country_code"))),
        ]
        if row.get("aliases"):
            parts.append("also called " + esc(value_text(row["aliases"])))
    shown_parts = [p for p in parts if p]
    return f'<p class="summary">{" · ".join(shown_parts)}</p>' if shown_parts else ""


def record_html(data: SiteData, table: str, record_id: str) -> str:
    row = data.get(table, record_id)
    assert row is not None
    path = record_path(table, record_id)
    root = "../" * path.count("/")
    disputed = data.claims.disputed(table, record_id, row)
    type_column = TYPE_COLUMN.get(table)
    subtitle = kind(table).capitalize()
    if type_column and row.get(type_column):
        subtitle += f" · {str(row[type_column]).replace('_', ' ')}"
    sources = data.sources_of(table, record_id)
    cited = "".join(
        f'<li><a href="{root}{article_path(s)}">{esc(source_title(data, s))}</a></li>'
        for s in sources
    )
    heading = (
        label(data, table, record_id)
        if table != "statements"
        else f"Statement by {data.actor_name(row['speaker_id'])}"
    )
    flag = ' · <span class="badge disputed">has disputed fields</span>' if disputed else ""
    lead = ""
    if table == "statements":
        lead = f'<blockquote class="claim"><p>{esc(row["text"])}</p></blockquote>'
    owned: list[tuple[str, str, str | None]] = [(table, record_id, None)]
    for link_table, (key, owner, column) in LINKS.items():
        if owner == table:
            for link in data.where(link_table, **{column: record_id}):
                owned.append((link_table, str(link[key]), label(data, link_table, str(link[key]))))
    sections = [
        ("h-fields", "Fields", fields_table(data, table, row, disputed, root)),
        ("h-claims", "Claims", claims_section(data, owned, root)),
        ("h-evidence", "Evidence", evidence_list(data, owned, root)),
        ("h-links", "Links", links_sections(data, table, row, root)),
    ]
    toc = "".join(
        f'<li><a href="#{anchor}">{title}</a></li>' for anchor, title, html in sections if html
    )
    body = (
        breadcrumb(
            path,
            [("index.html", "Overview"), (f"tables/{table}.html", _TABLE_TITLES[table])],
            kind(table).capitalize(),
        )
        + f'<article aria-labelledby="h-title"><h1 id="h-title">{esc(heading)}</h1>'
        f'<p class="subtitle">{esc(subtitle)} · <code>{esc(record_id)}</code>'
        f"{flag}</p>"
        f"{lead}{summary_html(data, table, row, root)}"
        + (
            f'<section aria-labelledby="h-sources"><h2 id="h-sources" class="small">Cited by '
            f'{len(sources)} article{"s" if len(sources) != 1 else ""}</h2><ul class="cited">{cited}</ul></section>'
            if sources
            else '<p class="cited">No source cited.</p>'
        )
        + f'<nav class="toc" aria-label="On this page"><ul>{toc}</ul></nav>'
        + "".join(html for _, _, html in sections)
        + "</article>"
    )
    return page(
        title=f"{heading} ({kind(table)})",
        body=body,
        path=path,
        version=data.version,
        description=f"{kind(table)} {record_id} with its fields, claims, links and evidence",
    )
