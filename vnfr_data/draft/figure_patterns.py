"""What a figure looks like in English news prose: numbers, scales, currencies, qualifiers, and the
words around a figure that say what it measures (its noun phrase, its clause, its subject)."""

from __future__ import annotations

import re
from decimal import Decimal

from ..sources.lexicon import TENS_PATTERN, UNIT_WORDS_PATTERN, number_word, ordinal_word
from .furniture import DATELINE
from .lexicon import wordset
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
    rf"(?:(?P<q>{_QUAL})\s+)?(?P<num>{_NUM}|{_CARD_WORD}(?=\s+{_SCALE}))(?:\s?(?P<scale>{_SCALE}))?"
    rf"\s?{_CUR_SUFFIX}\b",
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
    rf"(?:(?P<q>{_QUAL})\s+)?(?P<num>{_NUM}|{_CARD_WORD}|a|an)\s+(?P<unit>years?|months?|weeks?|days?|decades?"
    r"|century|centuries)\b"
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
    r"(?:\b(?P<det>[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Aa]|[Tt]his|[Tt]hat|for the)|(?P<owner>\b[A-Z][\w-]*[’']s))\s+(?:(?:very|only|ever)\s+)?"
    r"(?P<word>(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    r"|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth))"
    r"(?P<ever>-ever)?\b"
)


_INAUGURAL = re.compile(
    r"\b(?P<det>the|its|his|her|their|our|an|a|this)\s+(?P<word>inaugural|maiden)\b"
)


#: "at least once a year", "twice a month", "three times a week".
_FREQUENCY = re.compile(
    rf"(?:\b(?P<q>{_QUAL})\s+)?\b(?P<n>once|twice|(?:{_CARD_WORD}|\d+)\s+times)\s+(?:a|an|per|every)\s+"
    r"(?P<per>year|month|week|day|decade)\b",
    re.IGNORECASE,
)


#: "19 of the 27 member states": a part, then the counted whole.
_PART_OF_WHOLE = re.compile(
    rf"(?:\b(?P<q>{_QUAL})\s+)?\b(?P<part>{_NUM}|(?i:{_CARD_WORD}))\s+of\s+(?:the|its|their|all)\s+"
    rf"(?P<whole>{_NUM}|{_CARD_WORD})\s+(?P<noun>(?:[a-z][\w’'-]*\s+){{0,2}}[a-z][\w’'-]*)\b"
)


#: "its crew of about 90 were welcomed": a body of people and its size, nothing counted after.
_BODY_OF = re.compile(
    rf"\b(?P<body>crew|delegation|team|contingent|workforce|staff|group|party)\s+of\s+"
    rf"(?:(?P<q>{_QUAL})\s+)?(?P<num>{_NUM}|{_CARD_WORD})\b"
    r"(?![\d,.]*\d)(?=\s*(?:[,.;)]|$)|\s+(?:were|was|are|is|and|who|had|have|will|on|in|at|to"
    r"|from|arrived|landed|sailed)\b)"
)


_COUNT = re.compile(
    rf"(?:(?P<q>{_QUAL})\s+)?(?P<num>{_NUM}|{_CARD_WORD})(?:\s+(?P<scale>thousand|million|billion)\b)?"
    r"(?P<noun>(?:\s+(?:[^\W\d_][\w’'-]*|\d+[A-Za-z]*-\d+[\w-]*)){1,4})",
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
