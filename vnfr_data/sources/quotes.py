"""Quote location: where an evidence quote sits in its article, or why it cannot.

A quote must occur inside the body, and exactly once unless the annotator says
which occurrence; an ambiguous quote is an error, never a guess.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..annotations.format import QuoteRef
from ..errors import Problem, QuoteAmbiguous, QuoteNotFound

if TYPE_CHECKING:
    from .article import Article


def find_all(text: str, needle: str, start: int, end: int) -> list[int]:
    """Offsets of `needle` inside text[start:end]."""
    hits: list[int] = []
    i = text.find(needle, start, end)
    while i != -1:
        hits.append(i)
        i = text.find(needle, i + 1, end)
    return hits


def resolve(article: Article, ref: QuoteRef) -> tuple[int, int] | Problem:
    """Offsets of an evidence quote in the body, or the problem with it."""
    hits = find_all(article.text, ref.quote, article.body_start, article.body_end)
    if not hits:
        where = "outside the article body" if ref.quote in article.text else "in the article"
        return QuoteNotFound(f"quote not found {where}", file=article.file, value=ref.quote)
    if ref.occurrence > len(hits):
        return QuoteNotFound(
            f"occurrence {ref.occurrence} asked, {len(hits)} found",
            file=article.file,
            value=ref.quote,
        )
    if len(hits) > 1 and ref.occurrence == 1 and "occurrence" not in ref.model_fields_set:
        return QuoteAmbiguous(
            f"quote occurs {len(hits)} times in the body",
            file=article.file,
            value=ref.quote,
            expected="a longer quote, or {quote: ..., occurrence: N}",
        )
    start = hits[ref.occurrence - 1]
    return start, start + len(ref.quote)
