"""Body prose as sentences with offsets, for the extractors.

The splitting itself is the project's one splitter (`vnfr_data.sources.sentences`,
abbreviation-aware and linear), the same the coverage rule uses, so a draft
quote never crosses a sentence boundary a reviewer sees. This module only
numbers the sentences of the body's prose lines in reading order.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..sources.sentences import split_sentences
from .furniture import Layout
from .text import Span


@dataclass(frozen=True)
class Sentence:
    """One body sentence: its span, text and index in reading order."""

    index: int
    span: Span
    text: str

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end


def split(text: str, span: Span) -> list[Span]:
    """Sentence spans of text[span], trimmed; abbreviations do not end a sentence."""
    return [Span(a, b) for a, b in split_sentences(text, span.start, span.end)]


def sentences(doc: Layout) -> list[Sentence]:
    """Every sentence of the body's prose lines, in reading order."""
    out: list[Sentence] = []
    for line in doc.prose:
        for span in split(doc.text, line.span):
            out.append(Sentence(len(out), span, doc.text[span.start : span.end]))
    return out
