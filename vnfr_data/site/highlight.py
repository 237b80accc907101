"""Cut a text into segments so that overlapping and nested evidence spans render exactly.

HTML elements nest, evidence spans do not have to: two quotes can overlap without
either containing the other. So the text is cut at every span boundary (and at every
line break, so that paragraphs can be separate elements) into flat segments, each
knowing the spans that cover it. A span is then the run of segments that carry its
key, and its highlighted text is exactly ``text[start:end]``.

Offsets are Python ``str`` indices (code points), as in the evidence table; the
browser counts UTF-16 units, so nothing here hands offsets to JavaScript.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """One evidence span: `key` names it in the page (``data-ev``), end is exclusive."""

    key: str
    start: int
    end: int


@dataclass(frozen=True)
class Segment:
    """A stretch of text covered by the same spans throughout.

    `keys` are the covering spans, outermost (earliest start, then longest) first;
    `opens` the spans that begin at this segment's start.
    """

    start: int
    end: int
    keys: tuple[str, ...]
    opens: tuple[str, ...]

    @property
    def depth(self) -> int:
        return len(self.keys)


def _order(span: Span) -> tuple[int, int, str]:
    return (span.start, -span.end, span.key)


def segments(lo: int, hi: int, spans: Iterable[Span], breaks: Iterable[int] = ()) -> list[Segment]:
    """The segments of ``[lo, hi)``: cut at span boundaries and at `breaks`.

    Spans are clipped to the range (a span crossing its edge still marks the part
    inside). Raises ValueError for an empty or reversed span, or duplicate keys.
    """
    if lo > hi:
        raise ValueError(f"range [{lo}, {hi}) is reversed")
    inside: list[Span] = []
    keys: set[str] = set()
    for span in spans:
        if span.end <= span.start:
            raise ValueError(f"span {span.key!r} [{span.start}, {span.end}) is empty or reversed")
        if span.key in keys:
            raise ValueError(f"span key {span.key!r} is used twice")
        keys.add(span.key)
        if span.start < hi and span.end > lo:
            inside.append(span)
    cuts = {lo, hi}
    cuts.update(b for b in breaks if lo < b < hi)
    for span in inside:
        cuts.update(p for p in (span.start, span.end) if lo < p < hi)
    points = sorted(cuts)
    inside.sort(key=_order)
    result: list[Segment] = []
    active: list[Span] = []
    nxt = 0
    for a, b in zip(points, points[1:], strict=False):
        active = [s for s in active if s.end > a]
        opened: list[Span] = []
        while nxt < len(inside) and inside[nxt].start <= a:
            active.append(inside[nxt])
            if inside[nxt].start == a:
                opened.append(inside[nxt])
            nxt += 1
        active.sort(key=_order)
        result.append(Segment(a, b, tuple(s.key for s in active), tuple(s.key for s in opened)))
    return result


MarkAttrs = Callable[[Segment], str]


def render(
    text: str,
    segs: Sequence[Segment],
    anchor: Callable[[str], str] | None = None,
    max_depth: int = 3,
) -> str:
    """HTML for the segments: covered ones as ``<mark>``, others as plain escaped text.

    Each mark says which spans cover it (``data-ev``), how deep (class ``d1``..``dN``,
    capped at `max_depth`) and whether a span starts there (class ``s``).
    `anchor(key)` gives the (textless) HTML placed where a span starts, e.g. an
    element with its id, so that a link can point at the start of a quote.
    """
    out: list[str] = []
    for seg in segs:
        piece = html.escape(text[seg.start : seg.end], quote=False)
        if anchor is not None:
            out.extend(anchor(key) for key in seg.opens)
        if not seg.keys:
            out.append(piece)
            continue
        classes = f"hl d{min(seg.depth, max_depth)}" + (" s" if seg.opens else "")
        out.append(f'<mark class="{classes}" data-ev="{" ".join(seg.keys)}">{piece}</mark>')
    return "".join(out)


def line_breaks(text: str, lo: int, hi: int) -> list[int]:
    """Cut points around every newline in ``[lo, hi)``, so each line is whole segments."""
    cuts: list[int] = []
    pos = text.find("\n", lo, hi)
    while pos != -1:
        cuts.extend((pos, pos + 1))
        pos = text.find("\n", pos + 1, hi)
    return cuts
