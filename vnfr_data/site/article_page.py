"""One page per article: its whole text, evidence highlighted, furniture dimmed.

The text container (``#text``) holds exactly the source text: every character,
in order, and nothing else except elements marked ``data-nontext`` (section
labels, the record links beside each paragraph, span anchors), so that the
highlighted words can be checked against the evidence offsets in a browser.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .data import EvidenceRow, Row, SiteData
from .dates import shown
from .highlight import Segment, Span, line_breaks, render, segments
from .layout import breadcrumb, esc, page
from .refs import article_path, kind, label, owner_path, value_text


def _anchor_html(evidence: dict[str, EvidenceRow]) -> Callable[[str], str]:
    def anchor(key: str) -> str:
        ev = evidence[key]
        return (
            f'<span class="anchor" id="{key}" data-nontext data-table="{esc(ev.record_table)}" '
            f'data-record="{esc(ev.record_id)}"></span>'
        )

    return anchor


def _refs_html(data: SiteData, rows: Sequence[EvidenceRow]) -> str:
    """Links to the records grounded in one paragraph, each naming its spans."""
    targets: dict[str, tuple[str, str, list[str]]] = {}
    for ev in rows:
        path = owner_path(data, ev.record_table, ev.record_id)
        if path is None:
            continue
        entry = targets.setdefault(
            path, (ev.record_table, label(data, ev.record_table, ev.record_id), [])
        )
        entry[2].append(ev.key)
    if not targets:
        return ""
    items = "".join(
        f'<li><a class="chip t-{esc(table)}" href="../{esc(path)}" data-ev="{" ".join(keys)}">'
        f'<span class="kind">{esc(kind(table))}</span> {esc(text)}</a></li>'
        for path, (table, text, keys) in targets.items()
    )
    count = len(targets)
    return (
        f'<details class="refs-box" data-nontext open><summary>{count} record{"s" if count != 1 else ""} '
        f'grounded here</summary><ul class="refs">{items}</ul></details>'
    )


def _region_html(
    data: SiteData,
    text: str,
    lo: int,
    hi: int,
    spans: list[Span],
    evidence: dict[str, EvidenceRow],
    anchor: Callable[[str], str],
) -> str:
    """The lines of ``text[lo:hi]``, each a paragraph with its record links."""
    segs = segments(lo, hi, spans, line_breaks(text, lo, hi))
    out: list[str] = []
    line: list[Segment] = []

    def flush() -> None:
        if not line:
            return
        starts = [
            evidence[k] for seg in line for k in seg.opens if evidence[k].start >= line[0].start
        ]
        inner = render(text, line, anchor)
        out.append(f'<div class="para"><p class="line">{inner}</p>{_refs_html(data, starts)}</div>')
        line.clear()

    for seg in segs:
        if text[seg.start : seg.end] == "\n":
            flush()
            out.append(render(text, [seg], anchor))
        else:
            line.append(seg)
    flush()
    return "".join(out)


def article_html(data: SiteData, source: Row) -> str:
    source_id = str(source["source_id"])
    text = data.texts[source_id]
    rows = data.evidence_by_source.get(source_id, [])
    evidence = {ev.key: ev for ev in rows}
    spans = [Span(ev.key, ev.start, ev.end) for ev in rows]
    anchor = _anchor_html(evidence)
    start, end = int(source["body_start"]), int(source["body_end"])
    parts: list[str] = ['<div class="text" id="text">']
    if start > 0:
        parts.append(
            '<section class="fur" aria-label="Page furniture before the article body">'
            '<h2 class="fur-label" data-nontext>Page furniture: headline, menus, bylines (not the article body)</h2>'
            f"{_region_html(data, text, 0, start, spans, evidence, anchor)}</section>"
        )
    parts.append(
        '<section class="body" aria-label="Article body">'
        '<h2 class="vh" data-nontext>Article body</h2>'
        f"{_region_html(data, text, start, end, spans, evidence, anchor)}</section>"
    )
    if end < len(text):
        parts.append(
            '<section class="fur" aria-label="Page furniture after the article body">'
            '<h2 class="fur-label" data-nontext>Page furniture: links, teasers, comments (not the article body)</h2>'
            f"{_region_html(data, text, end, len(text), spans, evidence, anchor)}</section>"
        )
    parts.append("</div>")
    counts: dict[str, int] = {}
    for ev in rows:
        counts[ev.record_table] = counts.get(ev.record_table, 0) + 1
    dated = "Publication date not stated"
    if source.get("published_date") is not None:
        dated = "Published " + shown(source["published_date"], source["published_date_precision"])
    published = (
        shown(source.get("published_date"), source["published_date_precision"]) or "not stated"
    )
    meta = [
        ("Publisher", value_text(source.get("publisher")) or "not stated"),
        (
            "Published",
            f"{published} (precision: {source['published_date_precision']}, "
            f"basis: {source['published_date_basis']})",
        ),
        ("How the date was found", value_text(source.get("published_date_note"))),
        ("Source id", source_id),
        ("Language", value_text(source.get("language"))),
        ("Characters", f"{len(text):,} (body {start:,}–{end:,})"),
        ("SHA-256", value_text(source.get("sha256"))),
        ("URL", value_text(source.get("url"))),
    ]
    dl = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in meta if v)
    summary = " · ".join(f"{kind(t)} {n}" for t, n in sorted(counts.items()))
    body = (
        breadcrumb(
            article_path(source_id),
            [("index.html", "Overview"), ("articles.html", "Articles")],
            "Article",
        )
        + f'<article aria-labelledby="h-title"><h1 id="h-title">{esc(source["title"])}</h1>'
        f'<p class="subtitle">{esc(dated)} · {esc(value_text(source.get("publisher")) or "publisher not stated")}'
        f" · {len(rows)} evidence spans</p>"
        f'<details class="about"><summary>About this article: dates, ids, checksum</summary>'
        f'<dl class="meta">{dl}</dl></details>'
        f'<p class="legend"><mark class="hl d1">Highlighted</mark> words are the evidence of a record '
        f'(<mark class="hl d2">darker</mark> where quotes overlap); the links beside each paragraph '
        f'go to its records (below each paragraph on a narrow screen, folded). <span class="fur-sample">Dimmed text</span> is page furniture, not the '
        f"article. Evidence spans by kind of record: {esc(summary or 'none')}.</p>"
        + "".join(parts)
        + "</article>"
    )
    return page(
        title=str(source["title"]),
        body=body,
        path=article_path(source_id),
        version=data.version,
        scripts=("article.js",),
        description=f"Article {source_id} with its evidence highlighted",
    )
