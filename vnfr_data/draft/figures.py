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
from dataclasses import dataclass
from decimal import Decimal

from ..sources.lexicon import TENS_PATTERN, UNIT_WORDS_PATTERN, number_word, ordinal_word
from .dates import Anchor, DateMention, When, find
from .furniture import DATELINE
from .lexicon import ANAPHORIC_DETERMINERS, wordset
from .sentences import Sentence
from .text import Span, trim

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_TENS = TENS_PATTERN
_UNITS = UNIT_WORDS_PATTERN
_CARD_WORD = (
    rf"(?:(?:{_TENS})(?:-(?:{_UNITS}))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    rf"|seventeen|eighteen|nineteen|{_UNITS}|a dozen|dozen|a hundred|hundred)"
)
_ANY_NUM = rf"(?:{_NUM}|{_CARD_WORD})"
_SCALE = r"(?:thousand|million|billion|trillion|bn|bln|mn|mln|tn)"
_SCALES = {
    "thousand": Decimal(10) ** 3,
    "million": Decimal(10) ** 6,
    "mn": Decimal(10) ** 6,
    "mln": Decimal(10) ** 6,
    "m": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "bn": Decimal(10) ** 9,
    "bln": Decimal(10) ** 9,
    "b": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
    "tn": Decimal(10) ** 12,
    "k": Decimal(10) ** 3,
}
_QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("more than", "over"),
    ("in excess of", "over"),
    ("upwards of", "over"),
    ("exceeding", "over"),
    ("over", "over"),
    ("above", "over"),
    ("less than", "under"),
    ("fewer than", "under"),
    ("just under", "under"),
    ("under", "under"),
    ("below", "under"),
    ("nearly", "under"),
    ("almost", "under"),
    ("at least", "at_least"),
    ("no less than", "at_least"),
    ("not less than", "at_least"),
    ("a minimum of", "at_least"),
    ("at most", "at_most"),
    ("no more than", "at_most"),
    ("not more than", "at_most"),
    ("a maximum of", "at_most"),
    ("up to", "up_to"),
    ("as many as", "up_to"),
    ("as much as", "up_to"),
    ("approximately", "about"),
    ("an estimated", "about"),
    ("estimated", "about"),
    ("roughly", "about"),
    ("around", "about"),
    ("about", "about"),
    ("some", "about"),
    ("close to", "about"),
    ("circa", "about"),
)
_QUAL = "(?:" + "|".join(re.escape(q) for q, _ in _QUALIFIERS) + ")"
_CURRENCY_WORDS = {
    "usd": "USD",
    "us$": "USD",
    "$": "USD",
    "us dollars": "USD",
    "us dollar": "USD",
    "u.s. dollars": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "eur": "EUR",
    "€": "EUR",
    "euros": "EUR",
    "euro": "EUR",
    "vnd": "VND",
    "₫": "VND",
    "dong": "VND",
    "vn dong": "VND",
    "vietnamese dong": "VND",
    "đồng": "VND",
}
_CUR_PREFIX = r"(?P<cur>US\$|USD|EUR|VND|\$|€|₫)"
_CUR_SUFFIX = (
    r"(?P<cur2>USD|EUR|VND|US dollars?|U\.S\. dollars|dollars?|euros?|Vietnamese dong|VN dong"
    r"|dong|đồng|₫|€)"
)
_GLUED_SCALE = r"(?P<gscale>bn|mn|tn|m|b|k)\b"

_MONEY_PREFIX = re.compile(
    rf"(?:(?P<q>{_QUAL})\s+)?{_CUR_PREFIX}\s?(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE})\b|{_GLUED_SCALE})?",
    re.IGNORECASE,
)
_MONEY_SUFFIX = re.compile(
    rf"(?:(?P<q>{_QUAL})\s+)?(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE}))?\s?{_CUR_SUFFIX}\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(
    rf"(?:(?P<q>{_QUAL})\s+)?(?P<num>{_NUM})\s?(?:%|percent\b|per cent\b|pct\b)"
    r"(?:\s+(?:points?\b|percentage points?\b))?"
    r"(?P<noun>\s+(?:increase|rise|growth|jump|gain|surge|decline|decrease|drop|fall|reduction|hike|share|stake))?",
    re.IGNORECASE,
)
_COMPOUND = re.compile(
    rf"(?P<pre>(?:over|more-than|nearly|almost|about|some)-)?(?P<num>{_NUM}|{_CARD_WORD})-(?P<unit>year|month|week|day|decade)"
    r"(?:-(?:long|old))?(?P<plus>-plus)?\b(?!-)",
    re.IGNORECASE,
)
_DURATION = re.compile(
    rf"(?:(?P<q>{_QUAL})\s+)?(?P<num>{_NUM}|{_CARD_WORD}|a|an)\s+(?P<unit>years?|months?|weeks?|days?|decades?)\b"
    r"(?P<more>\s+or\s+more\b)?",
    re.IGNORECASE,
)
_HALF_CENTURY = re.compile(
    r"\b(?:(?P<q>" + _QUAL + r")\s+)?(?:half a century|half-century)\b", re.IGNORECASE
)
_ANNIVERSARY = re.compile(
    r"\b(?P<num>\d+)(?:st|nd|rd|th)\s+anniversary\b|\b(?P<word>[a-z]+(?:-[a-z]+)?)\s+anniversary\b"
)
_ORDINAL_NUM = re.compile(r"(?<![\w-])(?P<num>\d+)(?:st|nd|rd|th)\b")
_ORDINAL_WORD = re.compile(
    r"(?:\b(?P<det>the|its|his|her|their|our|a|this|that|for the)|(?P<owner>\b[A-Z][\w-]*[’']s))\s+(?:(?:very|only|ever)\s+)?"
    r"(?P<word>(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    r"|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth))"
    r"(?P<ever>-ever)?\b"
)
_INAUGURAL = re.compile(
    r"\b(?P<det>the|its|his|her|their|our|an|a|this)\s+(?P<word>inaugural|maiden)\b"
)
_COUNT = re.compile(
    rf"(?:(?P<q>{_QUAL})\s+)?(?P<num>{_NUM}|{_CARD_WORD})(?:\s+(?P<scale>thousand|million|billion)\b)?"
    r"(?P<noun>(?:\s+[A-Za-z][\w’'-]*){1,4})",
    re.IGNORECASE,
)
_NOT_COUNTED = wordset("""
    years year months month weeks week days day decades decade hours hour minutes minute seconds
    times percent per pct points point o'clock am pm of or and to than more less per-cent
    """)
_IRREGULAR_PLURALS = frozenset(
    {
        "people",
        "children",
        "staff",
        "personnel",
        "police",
        "media",
        "cattle",
        "memoranda",
        "criteria",
        "aircraft",
        "spacecraft",
        "fish",
        "sheep",
    }
)
_STOP_NOUN = wordset("""
    of in to with by for from on at since that which who whom whose as than and or but while
    during between among into under over after before about against within without via per
    is are was were be been will would has have had
    """)
_GROWTH = re.compile(
    r"\b(?:increase[sd]?|rise|rose|risen|grew|grow(?:th|ing|s)?|up|gain(?:ed|s)?|surge[sd]?|jump(?:ed|s)?"
    r"|decline[sd]?|decrease[sd]?|drop(?:ped|s)?|fell|fall(?:en|s)?|down|year-on-year|hike)\b",
    re.IGNORECASE,
)
_TRADE = re.compile(r"\b(?:trade|turnover|exports?|imports?|two-way)\b", re.IGNORECASE)
_COMPARISON = re.compile(
    r"\b(?:compared (?:to|with)|as against|against|over|from|than)\s+(?P<base>(?:the same period|the previous|a year earlier|last year|the year before|the previous year|(?:the )?same period)[^,;.]*)"
    r"|\b(?P<yoy>year-on-year|year on year|y-o-y)\b",
    re.IGNORECASE,
)
_SUBJECT_VERB = re.compile(
    r"\b(?:reached|recorded|hit|totall?ed|stood|rose|grew|increased|fell|declined|dropped|surged"
    r"|jumped|amounted|exceeded|was|were|is|are|has|have|had|reaching|totalling|totaling|hitting"
    r"|recording|posted|registered|valued|worth|attracted|disbursed|pledged|provided|granted)\b",
    re.IGNORECASE,
)


_RELATIVE = frozenset({"rel_weekday", "weekday", "rel_unit", "ago", "deictic"})
_LEADING_ADVERBIAL = re.compile(
    r"(?:As of|As at|In|On|During|For|By|From|Since|After|Before|Over|With|Amid|Within|Between"
    r"|Through|Throughout|Until|Last|This|Earlier|Meanwhile|Overall|Altogether|According to)\b"
)
#: A reporting frame before what is measured: "Hung said (that) ...", "He told reporters that ...".
_REPORTING_FRAME = re.compile(
    r"^.*\b(?:(?:said|says|stated|states|noted|notes|added|adds|affirmed|stressed|emphasi[sz]ed"
    r"|highlighted|underlined|underscored|announced|reported|revealed|explained|estimated"
    r"|pointed out|recalled|informed)(?:\s+that)?|(?:told|tells)\s+(?:\S+\s+){0,3}?that)\s+",
    re.IGNORECASE,
)


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


def _number(text: str) -> Decimal | None:
    t = text.lower().strip()
    if re.fullmatch(_NUM, t):
        return Decimal(t.replace(",", ""))
    t = t.removeprefix("a ").strip()
    if t in {"a", "an"}:
        return Decimal(1)
    n = number_word(t)
    return None if n is None else Decimal(n)


def _ordinal(word: str) -> int | None:
    return ordinal_word(word)


def _qualifier(words: str | None) -> str:
    if not words:
        return "exact"
    w = words.lower()
    return next((q for phrase, q in _QUALIFIERS if phrase == w), "exact")


def _normal(value: Decimal) -> Decimal:
    """Drop a float-like tail so YAML shows 5400000000, not 5.4E+9."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _clause_bounds(s: Sentence, span: Span) -> tuple[int, int]:
    """The comma/semicolon-delimited stretch of the sentence around `span`."""
    text = s.text
    a = max(text.rfind(",", 0, span.start - s.start), text.rfind(";", 0, span.start - s.start))
    b_candidates = [
        i
        for i in (text.find(",", span.end - s.start), text.find(";", span.end - s.start))
        if i != -1
    ]
    b = min(b_candidates) if b_candidates else len(text)
    dateline = DATELINE.match(text)
    start = max(a + 1, dateline.end() if dateline else 0)
    return s.start + start, s.start + b


def _noun_after(doc: str, s: Sentence, pos: int, limit: int = 6) -> tuple[str, int]:
    """The noun phrase starting at `pos`: words up to a preposition, verb or punctuation."""
    words: list[str] = []
    end = pos
    for m in re.finditer(r"\w+(?:[’'.–-]\w+)*|[^\w\s]", doc[pos : s.end]):
        token = m.group()
        if not re.match(r"\w", token) or token.lower() in _STOP_NOUN or len(words) >= limit:
            break
        words.append(token)
        end = pos + m.end()
    return " ".join(words), end


def _words_before(doc: str, s: Sentence, pos: int, limit: int = 8) -> str:
    """Up to `limit` words before `pos` in its clause, without a dangling preposition."""
    a, _ = _clause_bounds(s, Span(pos, pos))
    chunk = doc[a:pos].split()[-limit:]
    while chunk and chunk[-1].lower().strip(",;:") in _STOP_NOUN | {"a", "an", "the"}:
        chunk.pop()
    return " ".join(chunk).strip(" ,;:")


def _measured(subject: str) -> str:
    """The measured noun phrase of a subject, without the reporting frame before it
    ("Hung said two-way trade between Vietnam and France" -> "two-way trade between ...")."""
    m = _REPORTING_FRAME.match(subject)
    rest = subject[m.end() :].strip(" ,;:") if m else subject
    return rest if rest else subject


def _sentence_subject(doc: str, s: Sentence, figure: Span) -> str:
    """What a money amount or rate measures: the sentence's subject before its verb."""
    text = s.text
    dateline = DATELINE.match(text)
    start = dateline.end() if dateline else 0
    # Skip a leading adverbial ("As of the first eight months of 2024, ").
    comma = text.find(", ", start)
    adverbial = _LEADING_ADVERBIAL.match(text, start)
    if adverbial and 0 < comma < figure.start - s.start and len(text[start:comma].split()) <= 12:
        start = comma + 2
    verb = _SUBJECT_VERB.search(text, start)
    if verb and verb.start() < figure.start - s.start and verb.start() > start:
        subject = _measured(text[start : verb.start()].strip(" ,;:"))
        if 1 <= len(subject.split()) <= 14:
            return subject
    return _measured(_words_before(doc, s, figure.start)) or " ".join(s.text.split()[:8])


def _evidence(doc: str, s: Sentence, span: Span, after: bool = True) -> Span:
    """A short phrase around the figure: the figure plus the noun phrase it counts."""
    end = span.end
    if after:
        _, end = _noun_after(doc, s, span.end, limit=4)
        end = max(end, span.end)
    a, b = trim(doc, span.start, end, " ,;:")
    return Span(a, b)


class _Finder:
    """Runs the patterns over one sentence, never letting two figures share characters."""

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
        if re.search(r"[A-Za-z]-$|[A-Za-z]$|#\s*$|\bNo\.\s*$", before):
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

    def run(self) -> list[DraftFigure]:
        self.money()
        self.percent()
        self.compound()
        self.half_century()
        self.anniversary()
        self.duration()
        self.ordinal_numbers()
        self.ordinal_words()
        self.number_of()
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
                "decade"
            }:
                continue  # "a year" is too vague to be a figure, "a decade" is ten years
            before = self.doc[max(self.s.start, m.start() - 20) : m.start()].lower().split()
            if before and before[-1] in ANAPHORIC_DETERMINERS | {"these", "those"}:
                continue
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
                tail = self.doc[span.end : self.s.end]
                # "the first eight months", "the first half": a period, not a rank.
                if re.match(rf"\s+(?:{_ANY_NUM}|half|quarter|place)\b", tail, re.IGNORECASE):
                    continue
                noun, end = _noun_after(self.doc, self.s, span.end + 1, limit=4)
                copula = re.search(
                    r"\b(?:is|was|are|were|be|been|became|becomes)\s+$",
                    self.doc[self.s.start : span.start],
                )
                if not noun and not copula:
                    continue
                as_reported = self.doc[span.start : max(span.end, end)]
                # "The meeting ... was the third between ...": the subject is what is ranked.
                subject = noun or _words_before(
                    self.doc, self.s, copula.start() + self.s.start if copula else span.start
                )
                if noun.lower() == "time":
                    subject = _words_before(self.doc, self.s, span.start, limit=6) or noun
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
        """ "four key factors", "2,000 students": a number counting a plural noun."""
        for m in _COUNT.finditer(self.doc, self.s.start, self.s.end):
            num_text = m.group("num")
            num = _number(num_text)
            if num is None or num_text.lower() == "one":
                continue
            nouns = m.group("noun").split()
            head_index = next(
                (
                    i
                    for i, w in enumerate(nouns)
                    if w.lower() in _STOP_NOUN or w.lower() in _NOT_COUNTED or self._plural(w)
                ),
                None,
            )
            if head_index is None:
                continue
            head = nouns[head_index]
            if head.lower() in _STOP_NOUN or head.lower() in _NOT_COUNTED or not self._plural(head):
                continue
            end = m.start("noun") + len(m.group("noun")) - len(" ".join(nouns[head_index + 1 :]))
            end = m.start("noun") + self._offset_of_word_end(m.group("noun"), head_index)
            span = Span(m.start(), end)
            if not self.free(span):
                continue
            if re.fullmatch(r"(?:1[89]|20)\d{2}", num_text):
                continue  # a year
            if num_text[:1].isupper() and self.doc[self.s.start : m.start("num")].strip():
                continue  # "Four No’s": a capitalised number word inside a sentence names something
            before = self.doc[max(self.s.start, m.start() - 20) : m.start()].lower().split()
            if before and before[-1] in ANAPHORIC_DETERMINERS:
                continue
            if self.preceded_by_identifier(m.start("num")):
                continue
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

    @staticmethod
    def _plural(word: str) -> bool:
        """A counted noun is plural; a singular noun after a number is usually a name or a unit."""
        w = word.lower().strip("’'")
        if w in _IRREGULAR_PLURALS:
            return True
        return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "’s", "'s"))

    @staticmethod
    def _offset_of_word_end(chunk: str, index: int) -> int:
        found = list(re.finditer(r"\S+", chunk))
        return found[index].end()


def find_figures(doc: str, sentences: list[Sentence], anchor: Anchor) -> list[DraftFigure]:
    """Every figure of the body, in reading order."""
    out: list[DraftFigure] = []
    for s in sentences:
        out += _Finder(doc, s, find(doc, s.span, anchor)).run()
    return out
