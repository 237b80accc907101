"""The one lexicon of month names, weekday names and number words.

Dates and figures are read from English news prose everywhere in the project
(the draft extractor, date notes, checks on reviewers' notes): every module
takes these words from here, so that "Sept." or "twenty-five" is understood the
same way wherever it is read.
"""

from __future__ import annotations

#: Full month names in calendar order.
MONTH_NAMES: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
#: Abbreviations news sites use ("Sept." and "Sep." both occur).
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
#: Lower-case month name or abbreviation -> month number.
MONTHS: dict[str, int] = {
    **{name.lower(): n for n, name in enumerate(MONTH_NAMES, 1)},
    **MONTH_ABBREVIATIONS,
}
WEEKDAY_NAMES: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
#: Lower-case weekday -> Python weekday number (Monday 0).
WEEKDAYS: dict[str, int] = {name.lower(): n for n, name in enumerate(WEEKDAY_NAMES)}

_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = (
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

#: Cardinal number words -> value ("twenty-five" is read by `number_word`).
CARDINALS: dict[str, int] = {
    **{w: n for n, w in enumerate(_UNITS, 1)},
    **{w: n for n, w in enumerate(_TEENS, 10)},
    **{w: 10 * n for n, w in enumerate(_TENS, 2)},
    "hundred": 100,
    "thousand": 1000,
    "dozen": 12,
}
ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
}
#: Regex alternatives, longest first so that "Sept" wins over "Sep".
MONTH_PATTERN = "|".join(
    sorted([*MONTH_NAMES, *(a.title() for a in MONTH_ABBREVIATIONS)], key=len, reverse=True)
)
WEEKDAY_PATTERN = "|".join(WEEKDAY_NAMES)
UNIT_WORDS_PATTERN = "|".join(_UNITS)
TENS_PATTERN = "|".join(_TENS)
#: Cardinal words up to ninety-nine, as a regex ("twenty-five", "eleven", "three").
CARDINAL_PATTERN = (
    rf"(?:(?:{TENS_PATTERN})(?:-(?:{UNIT_WORDS_PATTERN}))?|{'|'.join(_TEENS)}|{UNIT_WORDS_PATTERN})"
)


def number_word(word: str) -> int | None:
    """The value of a cardinal written in words ("seven", "twenty-five"), else None."""
    w = word.lower().strip()
    if w in CARDINALS:
        return CARDINALS[w]
    tens, sep, units = w.partition("-")
    if sep and tens in CARDINALS and units in CARDINALS and CARDINALS[units] < 10:
        return CARDINALS[tens] + CARDINALS[units]
    return None


def ordinal_word(word: str) -> int | None:
    """The value of an ordinal written in words ("third", "seventy-fifth"), else None."""
    w = word.lower().strip()
    if w in ORDINALS:
        return ORDINALS[w]
    tens, sep, units = w.partition("-")
    if sep and tens in CARDINALS and units in ORDINALS and ORDINALS[units] < 10:
        return CARDINALS[tens] + ORDINALS[units]
    return None
