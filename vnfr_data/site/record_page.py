"""One page per event, statement, agreement, figure and actor.

A page shows the record's fields (disputed ones marked), what each source
claims where they disagree, the records it links to, and every evidence
sentence with the quoted span highlighted and a link to it in its article.
"""

from __future__ import annotations

from collections.abc import Sequence

from .data import LINKS, PAGED, REFERENCES, TYPE_COLUMN, Row, SiteData
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


def _cell(data: SiteData, column: str, value: object, root: str) -> str:
    """A field value, as links when it names other records."""
    target = REFERENCES.get(column)
    if value is None or value == [] or value == ():
        return '<span class="none">empty</span>'
    if target is not None:
        ids = list(value) if isinstance(value, (list, tuple)) else [value]
        return ", ".join(link_html(data, target, str(i), root) for i in ids)
    return esc(value_text(value))


def fields_table(data: SiteData, table: str, row: Row, disputed: Sequence[str], root: str) -> str:
    descriptions = data.descriptions.get(table, {})
    key = PAGED[table]
    body = []
    for column, value in row.items():
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
        body.append(
            f"<tr{row_class}>"
            f'<th scope="row"><code>{esc(column)}</code>{desc_html}</th>'
            f"<td>{f'<code>{esc(value)}</code>' if column == key else _cell(data, column, value, root)}{mark}</td></tr>"
        )
    return (
        '<section aria-labelledby="h-fields"><h2 id="h-fields">Fields</h2>'
        '<div class="scroll"><table class="fields"><caption class="vh">Fields of this record</caption>'
        f'<thead><tr><th scope="col">Field</th><th scope="col">Value</th></tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div></section>"
    )


def claims_section(data: SiteData, owned: Sequence[tuple[str, str, str | None]], root: str) -> str:
    """Each source's claim on every disputed field of the record and of the link rows it owns."""
    parts = []
    for table, record_id, title in owned:
        row = data.get(table, record_id)
        disputed = data.claims.disputed(table, record_id, row)
        by_field: dict[str, list[str]] = {}
        for claim in data.claims.of(table, record_id):
            reason = esc(claim.reason) if claim.reason else '<span class="none">none given</span>'
            source = link_html(
                data, "sources", claim.source_id, root, source_title(data, claim.source_id)
            )
            by_field.setdefault(claim.field, []).append(
                f'<tr class="rank-{esc(claim.rank)}"><td>{source}</td><td>{esc(claim.value)}</td>'
                f'<td><span class="rank">{esc(claim.rank)}</span></td><td>{reason}</td></tr>'
            )
        prefix = "" if title is None or row is None else f"{link_anchor(table, row)}-"
        for field in sorted(set(by_field) | set(disputed)):
            rows = by_field.get(field) or ['<tr><td colspan="4">no claims recorded</td></tr>']
            about = f" of {esc(title)}" if title else ""
            badge = ' <span class="badge disputed">disputed</span>' if field in disputed else ""
            parts.append(
                f'<h3 id="claims-{prefix}{esc(field)}"><code>{esc(field)}</code>{about}{badge}</h3>'
                '<div class="scroll"><table class="claims">'
                f'<caption class="vh">Claims on {esc(field)}{about}</caption>'
                '<thead><tr><th scope="col">Source</th><th scope="col">Claimed value</th>'
                '<th scope="col">Rank</th><th scope="col">Reason</th></tr></thead>'
                f"<tbody>{''.join(rows)}</tbody></table></div>"
            )
    if not parts:
        return ""
    origin = data.claims.origin or "none"
    note = (
        "The value shown in the fields is the claim ranked <em>preferred</em>; the others are "
        f"what other sources say (from the <code>{esc(origin)}</code> table)."
    )
    return (
        '<section aria-labelledby="h-claims"><h2 id="h-claims">Claims where sources disagree</h2>'
        f'<p class="note">{note}</p>{"".join(parts)}</section>'
    )


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
    body = (
        breadcrumb(
            path,
            [("index.html", "Overview"), (f"tables/{table}.html", _TABLE_TITLES[table])],
            record_id,
        )
        + f'<article aria-labelledby="h-title"><h1 id="h-title">{esc(heading)}</h1>'
        f'<p class="subtitle">{esc(subtitle)} · <code>{esc(record_id)}</code>'
        f"{flag}</p>"
        f"{lead}"
        + (
            f'<section aria-labelledby="h-sources"><h2 id="h-sources" class="small">Cited by '
            f'{len(sources)} article{"s" if len(sources) != 1 else ""}</h2><ul class="cited">{cited}</ul></section>'
            if sources
            else '<p class="cited">No source cited.</p>'
        )
        + fields_table(data, table, row, disputed, root)
        + claims_section(data, owned, root)
        + evidence_list(data, owned, root)
        + links_sections(data, table, row, root)
        + "</article>"
    )
    return page(
        title=f"{heading} ({kind(table)})",
        body=body,
        path=path,
        version=data.version,
        description=f"{kind(table)} {record_id} with its fields, claims, links and evidence",
    )
