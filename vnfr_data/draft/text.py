"""Spans and words: the vocabulary every extractor module shares (folding is shared project-wide).

Everything the extractor finds is a character span of the article text, never a
copy, so that a draft quote is the source's own characters by construction.
Folding (case, diacritics, dash and quote variants) is only ever used to
*compare*; it never leaks into what is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..sources.folding import fold, fold_keep_length, slug
from ..sources.folding import name_key as key

__all__ = [
    "WORD",
    "Span",
    "Word",
    "fold",
    "fold_keep_length",
    "key",
    "slug",
    "strip_possessive",
    "trim",
    "words",
]

#: A word: letters/digits joined by inner apostrophes, hyphens, en dashes, dots or ampersands.
WORD = re.compile(r"\w+(?:[’'.&\-–]\w+)*")


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character range [start, end) of the article text."""

    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Word:
    """One word of a sentence with its absolute offsets."""

    text: str
    start: int
    end: int

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def bare(self) -> str:
        """The word without a possessive ending (Lam’s -> Lam)."""
        return strip_possessive(self.text)

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def strip_possessive(word: str) -> str:
    for suffix in ("’s", "'s", "’", "'"):
        if word.endswith(suffix) and len(word) > len(suffix):
            return word[: -len(suffix)]
    return word


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """The words of text[start:end], with offsets into `text`."""
    stop = len(text) if end is None else end
    return [Word(m.group(), m.start(), m.end()) for m in WORD.finditer(text, start, stop)]


def trim(text: str, start: int, end: int, chars: str = " \t\n,;:") -> tuple[int, int]:
    """Shrink [start, end) past leading/trailing `chars`."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end
