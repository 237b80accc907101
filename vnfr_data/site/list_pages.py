"""The overview (counts, search and filters), the article list and one list per table.

Lists are plain HTML, so every record is reachable without JavaScript; the
search and filters on the overview need it and say so when it is off.
"""

from __future__ import annotations

from .data import PAGED, TYPE_COLUMN, SiteData
from .dates import record_when, shown
from .layout import breadcrumb, esc, page
from .refs import article_path, label, record_path, value_text
from .tombstones import withdrawn_list_html

TITLES = {
    "events": "Events",
    "statements": "Statements",
    "agreements": "Agreements",
    "figures": "Figures",
    "actors": "Actors",
}


def table_list_html(data: SiteData, table: str) -> str:
    key = PAGED[table]
    path = f"tables/{table}.html"
    rows = []
    for row in data.table(table):
        record_id = str(row[key])
        when = record_when(table, row)
        sources = len(data.sources_of(table, record_id))
        rows.append(
            f'<tr><th scope="row"><a href="../{record_path(table, record_id)}">{esc(label(data, table, record_id))}</a></th>'
            f"<td>{esc(str(row.get(TYPE_COLUMN[table]) or '').replace('_', ' '))}</td>"
            f'<td>{esc(when)}</td><td class="num">{sources}</td></tr>'
        )
    body = (
        breadcrumb(path, [("index.html", "Overview")], TITLES[table])
        + f'<h1>{TITLES[table]} <span class="count">({len(rows)})</span></h1>'
        + '<div class="scroll"><table class="list">'
        f'<caption class="vh">{TITLES[table]}</caption>'
        '<thead><tr><th scope="col">Record</th><th scope="col">Type</th><th scope="col">Date</th>'
        '<th scope="col" class="num">Sources</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
    return page(title=TITLES[table], body=body, path=path, version=data.version)


def articles_html(data: SiteData) -> str:
    rows = []
    for source in data.table("sources"):
        source_id = str(source["source_id"])
        count = len(data.evidence_by_source.get(source_id, []))
        rows.append(
            f'<tr><th scope="row"><a href="{article_path(source_id)}">{esc(source["title"])}</a></th>'
            f"<td>{esc(value_text(source.get('publisher')) or 'not stated')}</td>"
            f"<td>{esc(shown(source.get('published_date'), source['published_date_precision']) or 'not stated')}</td>"
            f'<td class="num">{count}</td></tr>'
        )
    body = (
        breadcrumb("articles.html", [("index.html", "Overview")], "Articles")
        + f'<h1>Articles <span class="count">({len(rows)})</span></h1>'
        '<div class="scroll"><table class="list"><caption class="vh">Articles</caption>'
        '<thead><tr><th scope="col">Title</th><th scope="col">Publisher</th><th scope="col">Published</th>'
        '<th scope="col" class="num">Evidence spans</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
    return page(title="Articles", body=body, path="articles.html", version=data.version)


def _options(pairs: list[tuple[str, str]]) -> str:
    return "".join(f'<option value="{esc(v)}">{esc(t)}</option>' for v, t in pairs)


def index_html(data: SiteData) -> str:
    counts = [("articles.html", "Articles", len(data.table("sources")))]
    counts += [(f"tables/{t}.html", TITLES[t], len(data.table(t))) for t in PAGED]
    counts.append(("", "Evidence spans", len(data.evidence)))
    tiles = "".join(
        f'<li><a href="{href}"><span class="n">{n:,}</span> {esc(title)}</a></li>'
        if href
        else f'<li><span class="tile"><span class="n">{n:,}</span> {esc(title)}</span></li>'
        for href, title, n in counts
    )
    tables = _options([("", "All tables")] + [(t, TITLES[t]) for t in PAGED])
    types = ['<option value="">All types</option>']
    for table, column in TYPE_COLUMN.items():
        values = sorted({str(r[column]) for r in data.table(table) if r.get(column)})
        types.append(
            f'<optgroup label="{esc(TITLES[table])}">'
            + _options([(f"{table}:{v}", v.replace("_", " ")) for v in values])
            + "</optgroup>"
        )
    sources = _options(
        [("", "All articles")]
        + [(str(s["source_id"]), str(s["title"])) for s in data.table("sources")]
    )
    actors = _options(
        [("", "All actors")]
        + sorted(
            ((str(a["actor_id"]), str(a["name"])) for a in data.table("actors")),
            key=lambda p: p[1].casefold(),
        )
    )
    body = (
        "<h1>Vietnam–France relations: the evidence behind every record</h1>"
        '<p class="lead">Every event, statement, agreement, figure and actor in vnfr-data cites the '
        "exact words of a news article. Open an article to see which words ground which records, "
        "or a record to see its fields, what each source claims and the sentences it comes from.</p>"
        f'<section aria-labelledby="h-counts"><h2 id="h-counts">What is inside</h2><ul class="tiles">{tiles}</ul></section>'
        '<section aria-labelledby="h-search"><h2 id="h-search">Search and filter records</h2>'
        '<noscript><p class="note">Search and filters need JavaScript. Without it, browse the '
        'lists: <a href="articles.html">articles</a>, '
        + ", ".join(f'<a href="tables/{t}.html">{TITLES[t].lower()}</a>' for t in PAGED)
        + ".</p></noscript>"
        '<form id="filters" class="filters" role="search" hidden>'
        '<div class="field wide"><label for="q">Words</label>'
        '<input id="q" name="q" type="search" autocomplete="off" '
        'aria-describedby="q-help"><p id="q-help" class="help">Every word must appear '
        "(accents and case ignored).</p></div>"
        f'<div class="field"><label for="f-table">Table</label><select id="f-table" name="table">{tables}</select></div>'
        f'<div class="field"><label for="f-type">Type</label><select id="f-type" name="type">{"".join(types)}</select></div>'
        f'<div class="field"><label for="f-source">Article</label><select id="f-source" name="source">{sources}</select></div>'
        f'<div class="field"><label for="f-actor">Actor</label><select id="f-actor" name="actor">{actors}</select></div>'
        '<div class="field"><label for="f-from">From</label><input id="f-from" name="from" type="date"></div>'
        '<div class="field"><label for="f-to">To</label><input id="f-to" name="to" type="date"></div>'
        '<div class="field"><button type="reset">Clear</button></div>'
        "</form>"
        '<p id="result-count" class="count-line" role="status" aria-live="polite"></p>'
        '<ol id="results" class="results"></ol>'
        "</section>"
        '<section aria-labelledby="h-articles"><h2 id="h-articles">Articles</h2><ul class="records">'
        + "".join(
            f'<li><a href="{article_path(str(s["source_id"]))}">{esc(s["title"])}</a> '
            f'<span class="aside">{len(data.evidence_by_source.get(str(s["source_id"]), []))} evidence spans</span></li>'
            for s in data.table("sources")
        )
        + "</ul></section>"
        + withdrawn_list_html(data)
    )
    return page(
        title="Overview",
        body=body,
        path="index.html",
        version=data.version,
        scripts=("search-index.js", "search.js"),
        description="Browse vnfr-data's records with the article words behind each",
    )
