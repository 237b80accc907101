"""Evidence sentences on record pages: the sentence around each quote, the quote marked.

Each item links to the quote in its article (``articles/<source>.html#e<n>``),
where it is highlighted among the article's other evidence.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from ..sources.sentences import split_sentences
from .data import EvidenceRow, SiteData
from .highlight import Span, render, segments
from .layout import esc
from .refs import article_path, source_title

#: At most this many characters of context on each side of a quote (long lines, no full stop).
CONTEXT = 300


def context_bounds(
    text: str, sentences: Sequence[tuple[int, int]], start: int, end: int
) -> tuple[int, int]:
    """The sentences (from the project's one splitter) that the quote touches, cut to
    `CONTEXT` characters on each side of it; never less than the quote itself."""
    first = bisect.bisect_right(sentences, (start, len(text) + 1)) - 1
    begin = sentences[first][0] if first >= 0 and sentences[first][1] > start else start
    last = bisect.bisect_left(sentences, (end, -1)) - 1
    finish = sentences[last][1] if last >= 0 and sentences[last][1] >= end else end
    return max(min(begin, start), start - CONTEXT), min(max(finish, end), end + CONTEXT)


def sentence_html(data: SiteData, ev: EvidenceRow) -> str:
    """The sentence holding the quote, with the quote as a mark (``data-ev`` = its key)."""
    text = data.texts[ev.source_id]
    sentences = data.sentences.get(ev.source_id)
    if sentences is None:
        sentences = data.sentences[ev.source_id] = split_sentences(text)
    begin, end = context_bounds(text, sentences, ev.start, ev.end)
    segs = segments(begin, end, [Span(ev.key, ev.start, ev.end)])
    before = "… " if begin > 0 and text[begin - 1] != "\n" else ""
    after = " …" if end < len(text) and text[end] != "\n" else ""
    return (
        f'<span class="gap" aria-hidden="true">{before}</span>'
        f'<span class="sentence">{render(text, segs)}</span>'
        f'<span class="gap" aria-hidden="true">{after}</span>'
    )


def _item(data: SiteData, ev: EvidenceRow, root: str) -> str:
    href = f"{root}{article_path(ev.source_id)}#{ev.key}"
    return (
        f'<li class="evidence" data-source="{esc(ev.source_id)}">'
        f'<blockquote cite="{esc(href)}"><p>{sentence_html(data, ev)}</p></blockquote>'
        f'<p class="cite"><a href="{esc(href)}">{esc(source_title(data, ev.source_id))}</a>, '
        f'characters {ev.start:,}–{ev.end:,} <span class="aside">(see it in the article)</span></p></li>'
    )


def evidence_list(data: SiteData, owned: Sequence[tuple[str, str, str | None]], root: str) -> str:
    """Evidence of a record and of the link rows shown on its page, grouped by row."""
    groups = []
    total = 0
    for table, record_id, title in owned:
        rows = data.evidence_by_record.get((table, record_id), [])
        if not rows:
            continue
        total += len(rows)
        items = "".join(_item(data, ev, root) for ev in rows)
        heading = "" if title is None else f'<h3 class="ev-group">{esc(title)}</h3>'
        groups.append(f'{heading}<ol class="evidence">{items}</ol>')
    if not groups:
        return ""
    return (
        f'<section aria-labelledby="h-evidence"><h2 id="h-evidence">Evidence '
        f'<span class="count">({total})</span></h2>{"".join(groups)}</section>'
    )
