"""Figures: money, percentages, durations, anniversaries, ordinals and counts.

Each figure keeps the source's words (`as_reported`) and a value in base units
(5.4 billion -> 5400000000, "three-day" -> 3 days, "two weeks" -> 14 days), with
the qualifier the text gives ("over", "about", "nearly" ...). What is *not* a
figure matters as much: calendar years and dates ("in 2024", "the 1982
Convention", "the first eight months of 2024") are dates, "the two leaders" is
a reference not a count, "First, ..." enumerates, and a number glued to a name
("Resolution 57", "COVID-19") is an identifier.

Qualifiers: more than/over/above -> over; less than/under/below -> under;
about/around/approximately/some/close to -> about; nearly/almost -> under (the
value is an upper bound the text says was not quite reached); at least,
at most, up to as written; "N or more" -> at_least; "N-plus" -> over.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .dates import Anchor, find
from .figure_counts import DraftFigure, FinderBase
from .figure_patterns import (
    _ANNIVERSARY,
    _BODY_OF,
    _COMPOUND,
    _CURRENCY_WORDS,
    _DURATION,
    _FREQUENCY,
    _GROWTH,
    _HALF_CENTURY,
    _MONEY_PREFIX,
    _MONEY_SUFFIX,
    _PART_OF_WHOLE,
    _PERCENT,
    _SCALES,
    _TRADE,
    _clause_bounds,
    _evidence,
    _normal,
    _noun_after,
    _number,
    _ordinal,
    _qualifier,
    _sentence_subject,
    _words_before,
)
from .lexicon import ANAPHORIC_DETERMINERS
from .sentences import Sentence
from .text import Span


class _Finder(FinderBase):
    """Money, rates, durations, anniversaries; counts and ranks come from the base."""

    def run(self) -> list[DraftFigure]:
        self.money()
        self.percent()
        self.compound()
        self.half_century()
        self.anniversary()
        self.duration()
        self.ordinal_numbers()
        self.ordinal_words()
        self.frequencies()
        self.number_of()
        self.share_of_a_whole()
        self.body_of_people()
        self.counts()
        return sorted(self.out, key=lambda f: f.span.start)

    def money(self) -> None:
        for rx, rule in (
            (_MONEY_PREFIX, "currency before the number"),
            (_MONEY_SUFFIX, "currency after the number"),
        ):
            for m in rx.finditer(self.doc, self.s.start, self.s.end):
                span = Span(m.start(), m.end())
                if not self.free(span):
                    continue
                cur = (m.groupdict().get("cur") or m.groupdict().get("cur2") or "").lower()
                unit = _CURRENCY_WORDS.get(cur)
                num = _number(m.group("num"))
                if unit is None or num is None:
                    continue
                scale_word = (
                    m.groupdict().get("scale") or m.groupdict().get("gscale") or ""
                ).lower()
                value = num * _SCALES.get(scale_word, Decimal(1))
                metric = "trade_value" if _TRADE.search(self.s.text) else "money_amount"
                self.add(
                    DraftFigure(
                        span,
                        _evidence(self.doc, self.s, span, after=False),
                        metric,
                        _normal(value),
                        unit,
                        _qualifier(m.group("q")),
                        m.group(),
                        _sentence_subject(self.doc, self.s, span),
                        self.period(span),
                        None,
                        f"money: {rule}",
                    )
                )

    def percent(self) -> None:
        for m in _PERCENT.finditer(self.doc, self.s.start, self.s.end):
            span = Span(m.start(), m.end())
            num = _number(m.group("num"))
            if not self.free(span) or num is None:
                continue
            clause = self.doc[slice(*_clause_bounds(self.s, span))]
            growth = bool(m.group("noun") and _GROWTH.search(m.group("noun"))) or bool(
                _GROWTH.search(clause)
            )
            trade = bool(_TRADE.search(self.s.text))
            metric = ("trade_growth_rate" if trade else "growth_rate") if growth else "other"
            self.add(
                DraftFigure(
                    span,
                    _evidence(self.doc, self.s, span, after=False),
                    metric,
                    _normal(num),
                    "percent",
                    _qualifier(m.group("q")),
                    m.group(),
                    _sentence_subject(self.doc, self.s, span),
                    self.period(span),
                    self.comparison() if growth else None,
                    "percentage",
                )
            )

    def _time_unit(self, unit: str, value: Decimal) -> tuple[str, Decimal]:
        unit = unit.lower().rstrip("s")
        if unit == "week":
            return "days", value * 7
        if unit == "decade":
            return "years", value * 10
        if unit in {"century", "centurie"}:
            return "years", value * 100
        return unit + "s", value

    def compound(self) -> None:
        """ "three-day visit", "over-50-year relationship", "30-year lease"."""
        for m in _COMPOUND.finditer(self.doc, self.s.start, self.s.end):
            span = Span(m.start(), m.end())
            num = _number(m.group("num"))
            if not self.free(span) or num is None:
                continue
            unit, value = self._time_unit(m.group("unit"), num)
            noun, _ = _noun_after(self.doc, self.s, span.end + 1, limit=4)
            relation = re.search(
                r"relation|ties|friendship|history|partnership|cooperation|presence", noun, re.I
            )
            metric = "elapsed_time" if unit == "years" and relation else "duration"
            pre = (m.group("pre") or "").rstrip("-").replace("-", " ")
            qualifier = "over" if m.group("plus") else _qualifier(pre)
            self.add(
                DraftFigure(
                    span,
                    _evidence(self.doc, self.s, span),
                    metric,
                    _normal(value),
                    unit,
                    qualifier,
                    m.group(),
                    noun or _words_before(self.doc, self.s, span.start),
                    None,
                    None,
                    "number-unit compound",
                )
            )

    def half_century(self) -> None:
        for m in _HALF_CENTURY.finditer(self.doc, self.s.start, self.s.end):
            span = Span(m.start(), m.end())
            if self.free(span):
                self.add(
                    DraftFigure(
                        span,
                        _evidence(self.doc, self.s, span),
                        "elapsed_time",
                        Decimal(50),
                        "years",
                        _qualifier(m.group("q")),
                        m.group(),
                        _words_before(self.doc, self.s, span.start) or m.group(),
                        None,
                        None,
                        "half a century",
                    )
                )

    def anniversary(self) -> None:
        for m in _ANNIVERSARY.finditer(self.doc, self.s.start, self.s.end):
            n = int(m.group("num")) if m.group("num") else _ordinal(m.group("word") or "")
            span = Span(m.start(), m.end())
            if n is None or not self.free(span):
                continue
            of, _ = _noun_after(self.doc, self.s, span.end + 1, limit=1)
            tail = self.doc[span.end : self.s.end]
            name = re.match(r"\s+of\s+((?:the\s+)?(?:[A-Z][\w’'–-]*\s*)+)", tail)
            subject = f"anniversary of {name.group(1).strip()}" if name else "anniversary"
            self.add(
                DraftFigure(
                    span,
                    Span(span.start, span.end + (len(name.group().rstrip()) if name else 0)),
                    "anniversary",
                    Decimal(n),
                    "years",
                    "exact",
                    m.group(),
                    subject if of or name else "anniversary",
                    None,
                    None,
                    "Nth anniversary",
                )
            )

    def duration(self) -> None:
        """ "in 22 years", "10 years since", "two weeks", "a decade"."""
        for m in _DURATION.finditer(self.doc, self.s.start, self.s.end):
            span = Span(m.start(), m.end())
            num_text = m.group("num")
            num = _number(num_text)
            if not self.free(span) or num is None:
                continue
            if num_text.lower() in {"a", "an"} and m.group("unit").lower().rstrip("s") not in {
                "decade",
                "century",
            }:
                continue  # "a year" is too vague to be a figure, "a decade" is ten years
            before = self.doc[max(self.s.start, m.start() - 20) : m.start()].lower().split()
            if before and before[-1] in ANAPHORIC_DETERMINERS | {"these", "those"}:
                continue
            if (
                before
                and before[-1] in {"first", "last"}
                and re.match(r"\s+of\b", self.doc[span.end : span.end + 4])
            ):
                continue  # "the first nine months of this year": a period, not a figure
            if self.preceded_by_identifier(m.start("num")):
                continue
            unit, value = self._time_unit(m.group("unit"), num)
            after = self.doc[span.end : span.end + 12].lower()
            prev = " ".join(before[-3:])
            elapsed = after.lstrip().startswith(("since", "of ")) or re.search(
                r"(?:^|\s)(?:in|for|over|after|past|last)$", prev
            )
            metric = "elapsed_time" if unit == "years" and elapsed else "duration"
            qualifier = "at_least" if m.group("more") else _qualifier(m.group("q"))
            if (
                m.group("q")
                and m.group("q").lower() == "over"
                and not self._over_means_more(m, before)
            ):
                # "contribute ... over three years" spreads over them; "for over 50 years" exceeds.
                qualifier = "exact"
                span = Span(m.start("num"), span.end)
            self.add(
                DraftFigure(
                    span,
                    _evidence(self.doc, self.s, Span(span.start, span.end)),
                    metric,
                    _normal(value),
                    unit,
                    qualifier,
                    self.doc[span.start : span.end],
                    _words_before(self.doc, self.s, span.start) or m.group(),
                    None,
                    None,
                    "number of time units",
                )
            )

    def frequencies(self) -> None:
        """ "at least once a year", "twice a month": how often, a count per period."""
        for m in _FREQUENCY.finditer(self.doc, self.s.start, self.s.end):
            span = Span(m.start(), m.end())
            if not self.free(span):
                continue
            times = {"once": 1, "twice": 2}.get(m.group("n").lower())
            value = Decimal(times) if times else _number(m.group("n").split()[0])
            if value is None:
                continue
            self.add(
                DraftFigure(
                    span,
                    span,
                    "other",
                    _normal(value),
                    "count",
                    _qualifier(m.group("q")),
                    m.group(),
                    f"times per {m.group('per').lower()}",
                    None,
                    None,
                    "a frequency (times per period)",
                )
            )

    def share_of_a_whole(self) -> None:
        """ "19 of the 27 member states": the part and the whole are both counts."""
        for m in _PART_OF_WHOLE.finditer(self.doc, self.s.start, self.s.end):
            words = list(re.finditer(r"\S+", m.group("noun")))
            head = next((w for w in words if FinderBase._plural(w.group())), None)
            if head is None:
                continue
            noun_end = m.start("noun") + head.end()
            noun = self.doc[m.start("noun") : noun_end]
            for group in ("part", "whole"):
                num_text = m.group(group)
                num = _number(num_text)
                span = Span(m.start(group), m.end(group) if group == "part" else noun_end)
                if (
                    num is None
                    or num_text.lower() == "one"
                    or re.fullmatch(r"(?:1[89]|20)\d{2}", num_text)
                    or not self.free(span)
                ):
                    continue
                start = m.start("q") if group == "part" and m.group("q") else span.start
                self.add(
                    DraftFigure(
                        span,
                        Span(start, noun_end) if group == "part" else span,
                        "count",
                        _normal(num),
                        "count",
                        _qualifier(m.group("q")) if group == "part" else "exact",
                        self.doc[start:noun_end]
                        if group == "part"
                        else self.doc[span.start : span.end],
                        noun,
                        None,
                        None,
                        "a part of a counted whole" if group == "part" else "a counted whole",
                    )
                )

    def body_of_people(self) -> None:
        """ "its crew of about 90", "a delegation of 40": a bare number that sizes a body of
        people named before it."""
        for m in _BODY_OF.finditer(self.doc, self.s.start, self.s.end):
            span = Span(m.start("num"), m.end("num"))
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
                    Span(m.start(), m.end()),
                    "count",
                    _normal(num),
                    "count",
                    _qualifier(m.group("q")),
                    m.group(),
                    m.group("body"),
                    None,
                    None,
                    "the size of a body of people",
                )
            )

    def _over_means_more(self, m: re.Match[str], before: list[str]) -> bool:
        """ "for over 50 years" is a qualifier; "contribute ... over three years" is not."""
        after = self.doc[m.end() : m.end() + 10].lstrip().lower()
        prev = before[-1] if before else ""
        return prev in {
            "for",
            "of",
            "in",
            "after",
            "spanning",
            "lasting",
            "than",
            "with",
            "by",
            "to",
        } or after.startswith(("of ", "since", "ago"))


def find_figures(doc: str, sentences: list[Sentence], anchor: Anchor) -> list[DraftFigure]:
    """Every figure of the body, in reading order."""
    out: list[DraftFigure] = []
    for s in sentences:
        out += _Finder(doc, s, find(doc, s.span, anchor)).run()
    return out
