"""Patterns around a subject before its reporting verb: adverbs and parentheticals to skip,
appositives to look through ("X, vice president of Y, said"), and the boundary a subject starts
after. Kept apart from `speakers`, which resolves what the subject refers to."""

from __future__ import annotations

import re

from ..sources.lexicon import MONTH_PATTERN, WEEKDAY_PATTERN

_TRAILING_ADVERBS = re.compile(
    r"(?:\s+(?:also|further|highly|then|later|again|once again|subsequently|jointly|strongly|warmly"
    r"|fully|repeatedly|officially|previously|earlier|recently|had|has|have|had also|have also"
    r"|has also|both|all|once|warmly|sincerely|deeply|particularly|especially|specifically"
    r"|publicly|firmly|clearly|consistently|always|often))+$"
)

_DAY = rf"(?:{WEEKDAY_PATTERN})"
_MONTH = rf"(?:{MONTH_PATTERN})\.?"
#: "X on Monday said", "X on May 25 urged", "X last week pledged": the time between a subject
#: and its reporting verb belongs to the verb, not to the subject's name.
_TRAILING_TIME = re.compile(
    rf"\s+(?:(?:earlier|late|early)\s+)?(?:on\s+)?(?:{_DAY}(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)$"
    r"|\s+(?:last|this)\s+(?:week|month|year)$"
)

_PARENTHETICAL = re.compile(
    r",\s*(?:in turn|for (?:his|her|their|its) part|on (?:his|her|their|its) part|meanwhile|however|too|in return|in response|for example|therefore|thus|also|in particular)\s*,?$"
)

#: An appositive closing a subject: a relative clause, or a lower-case office phrase.
_APPOSITIVE_TAIL = re.compile(
    r",\s+(?:who|whose)\b[^,]{2,120}$"
    r"|\s+[–—]\s+[^–—,;]{2,120}?\s*[–—]\s*$"  # "X – chairwoman of Y – said"
    r"|,\s+(?:(?:the|a|an|its|their)\s+)?(?:[\w’'-]+\s+){0,3}?(?:chairman|chairwoman"
    r"|chairperson|chair|president|minister|ambassador|director|executive|chief|head|founder"
    r"|governor|mayor|envoy|officer|secretary|spokesman|spokeswoman|spokesperson|manager|consul"
    r"|senator|adviser|advisor|leader|representative|rector|dean|commissioner|commander|member"
    r"|admiral|general|colonel|officer)\b[^,]{0,80}$"
    # "Hanoi Metro, the state-owned operator of the capital’s urban railway, confirmed": a
    # lower-case description set off by commas
    r"|,\s+(?:the|a|an)\s+(?:[a-z][\w’'-]*\s+){0,5}[a-z][\w’'-]*"
    r"(?:\s+(?:of|for|in|at|on)\s+[^,]{2,60})?$"
)

_BOUNDARY_BEFORE = re.compile(
    r"(?:^|[,;:(–—]|\s-|[,.!?][”\"]|\band|\bwhile|\bwhereas|\bbut|\bthen|\bas|\bthat|\bwhen)\s*$"
)

#: A lower-case office, maybe after a company, before a name ("Vietjet chief executive ...",
#: "Vauclair Énergies managing director ..."; a name may start with an accented capital).
_LOWER_OFFICE_BEFORE = re.compile(
    r"(?:\b[A-ZÀ-ÖØ-ÞĐ][\w’'.&-]*\s+){0,3}(?:(?:chief|executive|officer|chairman|chairwoman"
    r"|president|director|head|spokesman|spokeswoman|spokesperson|minister|ambassador|founder"
    r"|deputy|vice|general|manager|managing|commercial|operating|financial|technical|country"
    r"|regional|its|his|her|their)\s+)+$"
)

_OFFICE_WORDS = (
    r"(?:chairman|chairwoman|chairperson|chair|president|minister|ambassador|director|executive"
    r"|chief|head|founder|governor|mayor|envoy|officer|secretary|spokesman|spokeswoman"
    r"|spokesperson|manager|consul|senator|adviser|advisor|leader|representative|rector|dean"
    r"|commissioner)"
)
#: An office in apposition after a name: "X, vice president of Hexavia for Asia, ...".
_ROLE_AFTER = re.compile(
    r",\s+(?P<role>(?:(?:the|a|an|its|their)\s+)?(?:[\w’'-]+\s+){0,3}?"
    + _OFFICE_WORDS
    + r"\b[^,.;]{0,60}),"
)
#: An office in apposition before a name: "the chamber's chairwoman, X".
_ROLE_BEFORE = re.compile(
    r"\b(?P<role>(?:the|its|their)\s+(?:[\w’'-]+\s+){0,3}?" + _OFFICE_WORDS + r")\s*,\s*$"
)

_JOINT = re.compile(
    r"(?:\b(?:[Bb]oth|[Tt]he two|[Tt]he|[Tt]heir)\s+(?:sides|leaders|countries|nations|parties|heads of state"
    r"|presidents|governments|delegations|ministers|foreign ministers|leaders of the two countries)"
    r"|\b(?:[Tt]hey|[Bb]oth))$"
)

_PRONOUN = re.compile(r"\b(?P<p>[Hh]e|[Ss]he)$")
