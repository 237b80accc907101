"""An article of the corpus as the build sees it: its text, hash and body span.

Offsets everywhere are in characters of the decoded text; the body span keeps
menus, teasers and captions out of reach of any evidence quote.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..annotations.format import SourceMeta
from ..errors import AnnotationSchemaError, Problem, ProblemsFound, QuoteAmbiguous, QuoteNotFound
from .quotes import find_all


@dataclass(frozen=True)
class Article:
    """A source text with its body span; offsets are in characters of the decoded text."""

    meta: SourceMeta
    text: str
    sha256: str
    body_start: int
    body_end: int
    file: str

    @property
    def order(self) -> tuple[datetime.date, str]:
        """Recency order: the most recently published source's claim is shown."""
        return (self.meta.published_date or datetime.date.min, self.meta.id)


def read_article(meta: SourceMeta, articles_dir: Path, annotation_file: str) -> Article:
    path = articles_dir / meta.file
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    problems: list[Problem] = []
    if meta.file.rsplit(".", 1)[0].split("_")[-1] != meta.id:
        problems.append(
            AnnotationSchemaError(
                "source id must be the hash part of the file name",
                file=annotation_file,
                field="source.id",
                value=meta.id,
                expected=meta.file,
            )
        )
    bounds = []
    for which, quote in (("start", meta.body.start), ("end", meta.body.end)):
        hits = find_all(text, quote, 0, len(text))
        if len(hits) != 1:
            problems.append(
                (QuoteNotFound if not hits else QuoteAmbiguous)(
                    f"body {which} must occur exactly once in the article ({len(hits)} found)",
                    file=annotation_file,
                    field=f"source.body.{which}",
                    value=quote,
                )
            )
        else:
            bounds.append(hits[0] if which == "start" else hits[0] + len(quote))
    if meta.title not in text:
        problems.append(
            AnnotationSchemaError(
                "title not found in the article", file=annotation_file, field="source.title"
            )
        )
    if problems:
        raise ProblemsFound(problems)
    start, end = bounds
    if end <= start:
        raise ProblemsFound(
            [
                AnnotationSchemaError(
                    "body ends before it starts", file=annotation_file, field="source.body"
                )
            ]
        )
    return Article(meta, text, hashlib.sha256(raw).hexdigest(), start, end, annotation_file)
