"""The date expressions of English news prose, most specific first: ISO and numeric dates,
ranges ("from May 25 to 27"), halves and quarters (of a year named or "this year"), month-day,
"last May" / "next October", weekdays, relative units ("last
year", "the second half of next year"), "ago", "yesterday", bare months and years."""

from __future__ import annotations

import re

from ..sources.lexicon import CARDINALS, MONTH_PATTERN

_MONTH = rf"(?P<month>{MONTH_PATTERN})\.?"


_MONTH2 = _MONTH.replace("?P<month>", "?P<month2>")


_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"


_YEAR = r"(?P<year>(?:1[89]|20)\d{2})"


_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


_UNIT = r"(?P<unit>week|month|year)"


#: Counts written as words, up to twelve ("two weeks ago").
_NUMBER_WORDS = {word: n for word, n in CARDINALS.items() if n <= 12}


_COUNT = r"(?P<count>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"


#: Patterns, most specific first; a later pattern never claims text an earlier one matched.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rx))
    for name, rx in (
        ("iso", r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
        ("dmy_slash", r"\b(?P<day>[0-3]?\d)/(?P<mnum>[01]?\d)/(?P<year>\d{4})\b"),
        ("dmy_dot", r"\b(?P<day>[0-3]?\d)\.(?P<mnum>[01]?\d)\.(?P<year>(?:19|20)\d{2})\b"),
        (
            "period",
            r"\b(?:the\s+)?first\s+(?P<count>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+months\s+of\s+"
            + _YEAR,
        ),
        (
            "range_md",
            r"\b(?:from\s+)?"
            + _MONTH
            + r"\s+"
            + _DAY
            + r"\s*(?P<sep>to|until|till|through|-|–|and(?=\s))\s*"
            r"(?:"
            + _MONTH2
            + r"\s+)?(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+"
            + _YEAR
            + r"\b)?",
        ),
        (
            "range_dm",
            r"\b(?:from\s+)?"
            + _DAY
            + r"\s*(?P<sep>to|until|-|–|and(?=\s))\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+"
            + _MONTH
            + r"(?:,?\s+"
            + _YEAR
            + r"\b)?",
        ),
        ("half", r"\b(?:the\s+)?(?P<which>first|second)\s+half\s+of\s+" + _YEAR),
        (
            "half_rel",
            r"\b(?:the\s+)?(?P<which>first|second)\s+half\s+of\s+(?P<rel>next|this|last|the next|the coming|the)\s+year\b",
        ),
        # "October 8 last year", "8 October next year": a day of the year before or after.
        (
            "md_rel",
            r"\b(?:"
            + _MONTH
            + r"\s+"
            + _DAY
            + r"|"
            + _DAY.replace("?P<day>", "?P<day_first>")
            + r"\s+(?:of\s+)?"
            + _MONTH.replace("?P<month>", "?P<month_second>")
            + r")(?:st|nd|rd|th)?,?\s+(?P<rel>last|next|this)\s+year\b",
        ),
        ("m_rel", r"\b" + _MONTH + r"\s+(?P<rel>last|next|this)\s+year\b"),
        (
            "until_md",
            r"\b(?:until|till|through|to)\s+" + _MONTH + r"\s+" + _DAY + r"\b(?!\s*[,:]?\s*\d)",
        ),
        (
            "quarter",
            r"\b(?:the\s+)?(?P<which>first|second|third|fourth)\s+quarter\s+of\s+"
            + _YEAR
            + r"|\bQ(?P<q>[1-4])\s+"
            + _YEAR.replace("?P<year>", "?P<year2>"),
        ),
        # "the third quarter of this year", "the first quarter of next year"
        (
            "quarter_rel",
            r"\b(?:the\s+)?(?P<which>first|second|third|fourth)\s+quarter\s+of\s+"
            r"(?P<rel>next|this|last|the next|the coming)\s+year\b",
        ),
        # "last May", "this October", "next June": that month before or after the article's
        (
            "rel_month",
            r"\b(?P<rel>(?i:last|this|next|this past|this coming))\s+"
            + _MONTH
            + r"(?!\s*[0-3]?\d\b)",
        ),
        ("mdy", r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b"),
        ("dmy", r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + r"\b"),
        ("my", r"\b" + _MONTH + r",?\s+(?:of\s+)?" + _YEAR + r"\b"),
        ("md", r"\b" + _MONTH + r"\s+" + _DAY + r"\b(?!\s*[,:]?\s*\d)"),
        ("dm", r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"\b"),
        (
            "rel_weekday",
            r"\b(?P<rel>(?i:last|next|this|this coming|coming|past))\s+" + _WEEKDAY + r"\b",
        ),
        ("weekday", r"\b(?:on\s+)?" + _WEEKDAY + r"\b"),
        (
            "rel_unit",
            r"\b(?P<early>(?i:earlier|later|early|late|end of|the end of|the beginning of)\s+)?(?P<rel>(?i:last|next|this|the coming|the past|the previous|the following))\s+"
            + _UNIT
            + r"\b",
        ),
        ("ago", r"\b(?i:" + _COUNT + r")\s+(?P<unit>day|week|month|year)s?\s+ago\b"),
        ("deictic", r"\b(?P<word>yesterday|today|tomorrow|tonight)\b"),
        (
            "m",
            r"\b(?P<prep>in|since|until|till|by|during|from|before|after|early|mid|mid-|late|end of|the end of)\s*"
            + _MONTH2
            + r"\b(?!\s*[0-3]?\d\b)",
        ),
        # A year alone; never one end of a span of years ("the 2026–2030 action plan", "for
        # 2027-2029"), which names what a plan covers, not when anything happens.
        (
            "year",
            r"(?<![\d/.,–—-])(?<![\d][–—-])(?<!\d [–—-] )\b" + _YEAR + r"\b(?!\s?[–—-]\s?\d|[\d/])",
        ),
    )
)


_BARE_DATE = re.compile(r"[\d./\-\s]+")
