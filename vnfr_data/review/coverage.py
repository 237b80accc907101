"""The coverage report: is every sentence of an article's body accounted for?

Coverage answers "is every sentence of the body accounted for?": a sentence is
covered when an evidence span of a fact or link overlaps it, marked when a `no_fact` entry of the
annotations overlaps it (with the reason), and uncovered otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyarrow.compute as pc

from ..sources.sentences import split_sentences

if TYPE_CHECKING:
    from ..build import BuildResult


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    status: str  # covered | no_fact | uncovered
    reason: str | None = None


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end], trimmed, empty ones dropped: the project's one
    splitter (abbreviation-aware, linear), the same the draft extractor works in."""
    return split_sentences(text, start, end)


def coverage(
    text: str,
    body: tuple[int, int],
    spans: list[tuple[int, int]],
    marks: list[tuple[int, int, str]],
) -> list[Sentence]:
    """Classify each body sentence by the evidence spans and no-fact marks that overlap it."""
    out = []
    for a, b in sentences(text, *body):
        if any(s < b and e > a for s, e in spans):
            out.append(Sentence(a, b, text[a:b], "covered"))
            continue
        reason = next((r for s, e, r in marks if s < b and e > a), None)
        out.append(Sentence(a, b, text[a:b], "no_fact" if reason else "uncovered", reason))
    return out


def coverage_of_build(result: BuildResult) -> dict[str, list[Sentence]]:
    """Per source, the coverage of a fresh build (annotations carry the no-fact marks).

    Only the evidence of active records counts: facts and links, not the mentions of
    actors. A mention says a name occurs, not what the sentence reports, so a draft
    whose statements are still commented out (its mentions in place) is not covered.
    """
    ev = result.tables["evidence"]
    ev = ev.filter(pc.not_equal(ev["record_table"], "actors"))
    report = {}
    for sid, article in sorted(result.articles.items()):
        mine = ev.filter(pc.equal(ev["source_id"], sid))
        spans = list(zip(mine["char_start"].to_pylist(), mine["char_end"].to_pylist(), strict=True))
        marks = [
            (int(n["char_start"]), int(n["char_end"]), str(n["reason"]))
            for n in result.no_fact
            if n["source_id"] == sid
        ]
        report[sid] = coverage(article.text, (article.body_start, article.body_end), spans, marks)
    return report
