"""Evidence quotes that the build will find exactly once in the body.

The build rejects a quote that is absent from the body or occurs there more
than once. A span found by the extractor is its own characters by
construction; if those characters recur elsewhere in the body, the quote grows
a word at a time (right first, then left) inside its sentence until it is
unique. Only a whole sentence that repeats word for word gets an explicit
`occurrence`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import Span


@dataclass(frozen=True)
class Quote:
    """A verbatim quote and, when it is not unique, which occurrence in the body it is."""

    text: str
    occurrence: int | None
    span: Span


def count(text: str, needle: str, body: Span) -> int:
    n, i = 0, text.find(needle, body.start, body.end)
    while i != -1:
        n += 1
        i = text.find(needle, i + 1, body.end)
    return n


def occurs_once(text: str, needle: str, body: Span) -> bool:
    """Does `needle` occur exactly once in the body (overlapping occurrences counted, as the
    build counts them)? Two searches at C speed, whatever the number of occurrences."""
    first = text.find(needle, body.start, body.end)
    return first != -1 and text.find(needle, first + 1, body.end) == -1


class GramIndex:
    """Where every six-character piece of the body starts, so that "does this quote occur once?"
    costs the occurrences of its rarest piece, not a scan of the body: drafting stays linear in
    the length of the article. Overlapping occurrences count, as in the build."""

    SIZE = 6

    def __init__(self, text: str, body: Span):
        self.text = text
        self.body = body
        self.grams: dict[str, list[int]] = {}
        k = self.SIZE
        for i in range(body.start, body.end - k + 1):
            self.grams.setdefault(text[i : i + k], []).append(i)

    def occurs_once(self, needle: str) -> bool:
        k = self.SIZE
        if len(needle) < k:
            return occurs_once(self.text, needle, self.body)
        best: tuple[int, list[int]] | None = None
        for j in range(len(needle) - k + 1):
            found = self.grams.get(needle[j : j + k], [])
            if best is None or len(found) < len(best[1]):
                best = (j, found)
        assert best is not None
        j, positions = best
        hits = 0
        for p in positions:
            start = p - j
            if (
                start >= self.body.start
                and start + len(needle) <= self.body.end
                and (self.text.startswith(needle, start))
            ):
                hits += 1
                if hits > 1:
                    return False
        return hits == 1


def _grow_right(text: str, span: Span, bound: Span) -> Span:
    m = re.compile(r"\s*\S+").match(text, span.end, bound.end)
    return Span(span.start, m.end()) if m else span


def _grow_left(text: str, span: Span, bound: Span) -> Span:
    chunk = text[bound.start : span.start]
    m = re.search(r"\S+\s*$", chunk)
    return Span(bound.start + m.start(), span.end) if m else span


def quote(
    text: str,
    body: Span,
    span: Span,
    bound: Span,
    min_words: int = 1,
    index: GramIndex | None = None,
) -> Quote:
    """The shortest quote around `span`, inside `bound`, of at least `min_words` words, that
    occurs once in the body."""
    span = Span(max(span.start, body.start), min(span.end, body.end))
    current = span
    while True:
        needle = text[current.start : current.end]
        once = index.occurs_once(needle) if index else occurs_once(text, needle, body)
        if len(needle.split()) >= min_words and once:
            return Quote(needle, None, current)
        right = _grow_right(text, current, bound)
        grown = right if right != current else _grow_left(text, current, bound)
        if grown == current:
            break
        current = grown
    needle = text[current.start : current.end]
    occurrence = count(text, needle, Span(body.start, current.end))
    return Quote(needle, occurrence, current)
