"""Pages for withdrawn records: an old link to a record keeps working and says why it went.

Ids are never reused (the `withdrawals` table keeps them reserved), so a
withdrawn record's page path is free: it gets a page saying which version
withdrew it and why, instead of a broken link for whoever cited it.
"""

from __future__ import annotations

from .data import PAGED, Row, SiteData
from .layout import breadcrumb, esc, page
from .refs import kind, record_path


def withdrawn(data: SiteData) -> list[Row]:
    """Withdrawals of paged records that no live record has taken (sorted, for stable output)."""
    rows = [
        r
        for r in data.table("withdrawals")
        if r.get("record_table") in PAGED
        and data.get(str(r["record_table"]), str(r["record_id"])) is None
    ]
    return sorted(rows, key=lambda r: (str(r["record_table"]), str(r["record_id"])))


def tombstone_html(data: SiteData, row: Row) -> str:
    table, record_id = str(row["record_table"]), str(row["record_id"])
    path = record_path(table, record_id)
    body = (
        breadcrumb(
            path,
            [("index.html", "Overview"), (f"tables/{table}.html", table.capitalize())],
            "Withdrawn",
        )
        + f'<article aria-labelledby="h-title"><h1 id="h-title">Withdrawn {esc(kind(table))}: '
        f"<code>{esc(record_id)}</code></h1>"
        f'<p class="summary">This record was withdrawn from the dataset in version '
        f"<strong>{esc(row.get('withdrawn_in') or 'unknown')}</strong>. Its id stays reserved and "
        "is never given to another record.</p>"
        f"<p><strong>Why:</strong> {esc(row.get('reason') or 'no reason recorded')}</p>"
        "</article>"
    )
    return page(
        title=f"Withdrawn {kind(table)} {record_id}", body=body, path=path, version=data.version
    )


def withdrawn_list_html(data: SiteData) -> str:
    """The overview's section listing withdrawn records (empty when there are none)."""
    rows = withdrawn(data)
    if not rows:
        return ""
    items = "".join(
        f'<li><a href="{record_path(str(r["record_table"]), str(r["record_id"]))}"><code>{esc(r["record_id"])}</code></a> '
        f'<span class="aside">{esc(kind(str(r["record_table"])))}, withdrawn in {esc(r.get("withdrawn_in") or "?")}: '
        f"{esc(r.get('reason') or '')}</span></li>"
        for r in rows
    )
    return (
        '<section aria-labelledby="h-withdrawn"><h2 id="h-withdrawn">Withdrawn records '
        f'<span class="count">({len(rows)})</span></h2><ul class="records">{items}</ul></section>'
    )
