"""The drafted figure record, and the finder's bookkeeping: one sentence at a time, no two
figures sharing characters, a date never a figure; then counts and ranks ("four key factors",
"2,000 students", "the first EU country", "the 13th conference")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .dates import DateMention, When
from .figure_patterns import (
    _ANY_NUM,
    _COMPARISON,
    _COUNT,
    _INAUGURAL,
    _IRREGULAR_PLURALS,
    _NOT_COUNTED,
    _ORDINAL_NUM,
    _ORDINAL_WORD,
    _RELATIVE,
    _SCALES,
    _STOP_NOUN,
    _normal,
    _noun_after,
    _number,
    _ordinal,
    _qualifier,
    _words_before,
)
from .lexicon import ANAPHORIC_DETERMINERS
from .sentences import Sentence
from .text import Span

#: Words between a number and what it counts that are not the counted noun ("100,000 more
#: nurses", "30 additional staff").
_COUNT_MODIFIERS = frozenset({"more", "additional", "extra", "further", "new", "other"})


@dataclass(frozen=True)
class DraftFigure:
    """One drafted figure; `span` is what the text reports, `evidence` the phrase around it."""

    span: Span
    evidence: Span
    metric: str
    value: Decimal
    unit: str
    qualifier: str
    as_reported: str
    subject: str
    period: When | None
    comparison_base: str | None
    rule: str


class FinderBase:
    """Runs over one sentence, never letting two figures share characters."""

    def __init__(self, doc: str, s: Sentence, dates: list[DateMention]):
        self.doc = doc
        self.s = s
        self.taken: list[Span] = [d.span for d in dates]  # a date is never a figure
        self.dates = dates
        self.out: list[DraftFigure] = []

    def free(self, span: Span) -> bool:
        return not any(span.overlaps(t) for t in self.taken)

    def add(self, fig: DraftFigure) -> None:
        self.taken.append(fig.span)
        self.out.append(fig)

    def period(self, span: Span) -> When | None:
        """The period a money amount or rate covers: the calendar date nearest to it.

        Relative dates ("earlier this month") usually date the report, not the figure, and
        a date inside the comparison ("compared with the same period in 2023") is the base.
        """
        base = _COMPARISON.search(self.s.text)
        cut = self.s.start + base.start() if base else self.s.end
        candidates = [
            d
            for d in self.dates
            if d.span.start < cut
            and d.when.precision in {"year", "month", "day"}
            and d.kind not in _RELATIVE
        ]
        if not candidates:
            return None

        def distance(d: DateMention) -> int:
            return d.span.start - span.end if d.span.start >= span.end else span.start - d.span.end

        return min(candidates, key=distance).when

    def comparison(self) -> str | None:
        """What a rate is measured against: "compared with the same period ...", "year-on-year"."""
        m = _COMPARISON.search(self.s.text)
        if not m:
            return None
        return (m.group("base") or m.group("yoy") or "").strip() or None

    def preceded_by_identifier(self, start: int) -> bool:
        """ "Resolution 57", "Group 7", "COVID-19": a number right after a name or a hyphen."""
        before = self.doc[max(self.s.start, start - 30) : start]
        if re.search(r"[A-Za-z]-$|[A-Za-z]\s?\d+-$|[A-Za-z]$|#\s*$|\bNo\.\s*$", before):
            return True
        m = re.search(r"([\w’'.-]+)\s+$", before)
        if not m:
            return False
        prev = m.group(1)
        sentence_start = self.doc[self.s.start : start - len(m.group())].strip() == ""
        return (
            prev[:1].isupper()
            and not sentence_start
            and prev.lower() not in {"the", "some", "about"}
        )

    def ordinal_numbers(self) -> None:
        for m in _ORDINAL_NUM.finditer(self.doc, self.s.start, self.s.end):
            span = Span(m.start(), m.end())
            if not self.free(span):
                continue
            noun, end = _noun_after(self.doc, self.s, span.end + 1)
            self.add(
                DraftFigure(
                    span,
                    Span(span.start, max(span.end, end)),
                    "ordinal",
                    Decimal(int(m.group("num"))),
                    "ordinal",
                    "exact",
                    m.group(),
                    noun or _words_before(self.doc, self.s, span.start),
                    None,
                    None,
                    "numeric ordinal",
                )
            )

    def ordinal_words(self) -> None:
        """ "the first EU country", "his first state visit", "for the first time", "inaugural"."""
        for rx in (_ORDINAL_WORD, _INAUGURAL):
            for m in rx.finditer(self.doc, self.s.start, self.s.end):
                span = Span(m.start(), m.end())
                word = m.group("word").lower()
                n = 1 if word in {"inaugural", "maiden"} else _ordinal(word)
                if n is None or not self.free(span):
                    continue
                # "The first aircraft are expected ...", "The first flight took off": opening a
                # sentence, "first" is usually the earliest of a series, while "The fifth
                # session", "A second phase" rank one thing.
                if n == 1 and (m.group("det") or "")[:1].isupper():
                    continue
                tail = self.doc[span.end : self.s.end]
                # "the first eight months", "the first half", "its first year": a period, not a
                # rank; "the first priority", "the first step": a manner of speaking; "the first
                # courses": the earliest of a set, not the rank of one thing.
                if re.match(
                    rf"\s+(?:{_ANY_NUM}|half|quarter|place|priority|step|sight|glance|years?|months?"
                    r"|weeks?)\b",
                    tail,
                    re.IGNORECASE,
                ) or re.match(r"\s+[a-z]{2,}[^sui\W]s\b", tail):
                    continue
                noun, end = _noun_after(self.doc, self.s, span.end + 1, limit=4)
                copula = re.search(
                    r"\b(?:is|was|are|were|be|been|became|becomes)\s+$",
                    self.doc[self.s.start : span.start],
                )
                appositive = (
                    (m.group("det") or "").lower() == "the"
                    and re.search(r",\s*$", self.doc[self.s.start : span.start])
                    and re.match(r"\s+(?:by|since|of|to|in|for|between)\b", tail)
                )
                if not noun and not copula and not appositive:
                    continue
                if appositive and not noun:
                    stop = re.search(r"[,;:]", tail)
                    end = span.end + (stop.start() if stop else len(tail.rstrip(" .")))
                elif not noun:
                    # "is the first of its kind": the phrase names the rank; no noun follows
                    kind = re.match(r"\s+of\s+(?:its|their|his|her)\s+kind\b", tail)
                    end = span.end + (kind.end() if kind else 0)
                as_reported = self.doc[span.start : max(span.end, end)]
                # "The meeting ... was the third between ...": the subject is what is ranked.
                subject = noun or _words_before(
                    self.doc,
                    self.s,
                    copula.start() + self.s.start
                    if copula
                    else span.start
                    - len(self.doc[: span.start])
                    + len(self.doc[: span.start].rstrip(" ,")),
                )
                if noun.lower() == "time":
                    subject = _words_before(self.doc, self.s, span.start, limit=6) or noun
                if not subject:
                    # "The programme, known as X, is the first ...": the clause before the verb
                    # is an appositive; what is ranked is the sentence's subject before it.
                    subject = re.split(r"[,;:]", self.s.text, maxsplit=1)[0].strip()
                    subject = re.sub(r"^(?:The|A|An|Its|Their)\s+", "", subject)
                if not subject:
                    continue
                self.add(
                    DraftFigure(
                        span,
                        Span(span.start, max(span.end, end)),
                        "ordinal",
                        Decimal(n),
                        "ordinal",
                        "exact",
                        as_reported,
                        subject,
                        None,
                        None,
                        "ordinal word after a determiner",
                    )
                )

    def number_of(self) -> None:
        """ "double the number of Vietnamese students ... to 16,000": a bare number that the
        clause says is a number of something."""
        for m in re.finditer(
            r"\bnumber of (?P<what>(?:[\w’'-]+\s+){0,3}?[a-z]+s)\b[^.;]{0,60}?\bto\s+(?P<num>\d{1,3}(?:,\d{3})+|\d{2,})(?![\d,.]*\d)(?!\s*(?:%|percent|per cent|[a-z]+s\b))",
            self.doc[self.s.start : self.s.end],
        ):
            span = Span(self.s.start + m.start("num"), self.s.start + m.end("num"))
            num = _number(m.group("num"))
            if (
                num is None
                or not self.free(span)
                or re.fullmatch(r"(?:1[89]|20)\d{2}", m.group("num"))
            ):
                continue
            self.add(
                DraftFigure(
                    span,
                    span,
                    "count",
                    _normal(num),
                    "count",
                    "exact",
                    m.group("num"),
                    f"number of {m.group('what')}",
                    None,
                    None,
                    "a bare number of what the clause counts",
                )
            )

    def counts(self) -> None:
        """ "four key factors", "2,000 students": a number counting a plural noun. A number
        inside the words after another number ("eleven days for three different inspections",
        "7,000 troops and a dozen warships") is tried too: the search resumes after the number
        it tried, or after the figure it found."""
        pos = self.s.start
        while (m := _COUNT.search(self.doc, pos, self.s.end)) is not None:
            found = self._count(m)
            pos = found if found is not None else m.end("num")

    def _count(self, m: re.Match[str]) -> int | None:
        """Add the count one `_COUNT` match reports; the end of its span, or None."""
        num_text = m.group("num")
        num = _number(num_text)
        if num is None or num_text.lower() == "one":
            return None
        nouns = m.group("noun").split()
        # "100,000 more nurses", "30 additional staff": the head comes after the modifier.
        lead = 0
        while lead < len(nouns) - 1 and nouns[lead].lower() in _COUNT_MODIFIERS:
            lead += 1
        head_index = next(
            (
                i
                for i, w in enumerate(nouns)
                if i >= lead
                and (w.lower() in _STOP_NOUN or w.lower() in _NOT_COUNTED or self._plural(w))
            ),
            None,
        )
        if head_index is None:
            return None
        head = nouns[head_index]
        if head.lower() in _STOP_NOUN or head.lower() in _NOT_COUNTED or not self._plural(head):
            return None
        end = m.start("noun") + self._offset_of_word_end(m.group("noun"), head_index)
        span = Span(m.start(), end)
        if not self.free(span):
            return None
        if re.fullmatch(r"(?:1[89]|20)\d{2}", num_text):
            return None  # a year
        if num_text[:1].isupper() and self.doc[self.s.start : m.start("num")].strip():
            return None  # "Four No’s": a capitalised number word inside a sentence names something
        before = self.doc[max(self.s.start, m.start() - 20) : m.start()].lower().split()
        if before and before[-1] in ANAPHORIC_DETERMINERS:
            return None
        if self.preceded_by_identifier(m.start("num")):
            return None
        scale = _SCALES.get((m.group("scale") or "").lower(), Decimal(1))
        text = self.doc[span.start : span.end]
        self.add(
            DraftFigure(
                span,
                span,
                "count",
                _normal(num * scale),
                "count",
                _qualifier(m.group("q")),
                text,
                " ".join(nouns[: head_index + 1]),
                None,
                None,
                "number before a plural noun",
            )
        )
        return span.end

    @staticmethod
    def _plural(word: str) -> bool:
        """A counted noun is plural; a singular noun after a number is usually a name or a unit."""
        w = word.lower().strip("’'")
        if w in _IRREGULAR_PLURALS:
            return True
        # "500 women", "200 local craftsmen", "fishermen": plurals in -men (not "specimen")
        if w in {"men", "women"} or w.endswith(("smen", "rmen", "emen", "women")):
            return True
        return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "’s", "'s"))

    @staticmethod
    def _offset_of_word_end(chunk: str, index: int) -> int:
        found = list(re.finditer(r"\S+", chunk))
        return found[index].end()
