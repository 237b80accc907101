"""Split body prose into sentences with offsets.

Sentences are the unit every other extractor works in: a fact's evidence never
crosses a sentence, so a draft quote stays short and specific. The splitter is
conservative about abbreviations (Mr., U.S., Jan.) and initials, because a
wrong split cuts a speaker off from what they said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .furniture import Layout
from .lexicon import wordset
from .text import Span, trim

_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)\]]*(?:\s+|$)|(?<=\./\.)\s*")
_ABBREVIATIONS = wordset("""
    mr mrs ms dr prof st no nos gen col lt maj capt sen rep gov inc ltd co corp vs etc jan feb
    mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m approx dept est fig
    int'l int’l assoc univ ave mt ft jr sr
    """)


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


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at `dot` ends an abbreviation or an initial, not a sentence."""
    m = re.search(r"([\w.’']+)\.$", text[: dot + 1])
    if not m:
        return False
    token = m.group(1).lower()
    if token in _ABBREVIATIONS:
        return True
    # A single capital letter is an initial ("J. Smith"); dotted acronyms are "U.S." style.
    return bool(re.fullmatch(r"[a-z]|(?:[a-z]\.)+[a-z]", token))


def split(text: str, span: Span) -> list[Span]:
    """Sentence spans of text[span], trimmed; abbreviations do not end a sentence."""
    out: list[Span] = []
    cursor = span.start
    for m in _BOUNDARY.finditer(text, span.start, span.end):
        end = m.start()
        dot = end - 1
        while dot > cursor and text[dot] in '"”’)]':
            dot -= 1
        nxt = text[m.end() : m.end() + 1]
        if text[dot] == "." and _is_abbreviation(text, dot) and m.end() < span.end:
            continue
        if m.end() < span.end and nxt and not (nxt.isupper() or nxt.isdigit() or nxt in '"“‘('):
            continue
        a, b = trim(text, cursor, m.end(), " \t\n")
        if b > a:
            out.append(Span(a, b))
        cursor = m.end()
    a, b = trim(text, cursor, span.end, " \t\n")
    if b > a:
        out.append(Span(a, b))
    return out


def sentences(doc: Layout) -> list[Sentence]:
    """Every sentence of the body's prose lines, in reading order."""
    out: list[Sentence] = []
    for line in doc.prose:
        for span in split(doc.text, line.span):
            out.append(Sentence(len(out), span, doc.text[span.start : span.end]))
    return out
