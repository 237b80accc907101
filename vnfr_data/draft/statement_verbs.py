"""Reporting verbs: which words open a statement, and what kind of speech act each is (said ->
affirm, urged -> urge, expressed appreciation -> appreciate ...)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import wordset
from .sentences import Sentence
from .text import Span

_EXPRESS_NOUNS = {
    "appreciation": "appreciate",
    "gratitude": "thank",
    "thanks": "thank",
    "hope": "hope",
    "hopes": "hope",
    "confidence": "hope",
    "optimism": "hope",
    "satisfaction": "welcome",
    "pleasure": "welcome",
    "delight": "welcome",
    "support": "support",
    "condolences": "condole",
    "sympathy": "condole",
    "commitment": "commit",
    "belief": "affirm",
    "view": "affirm",
    "wish": "hope",
    "desire": "hope",
    "concern": "affirm",
    "readiness": "pledge",
    "willingness": "pledge",
    "interest": "hope",
    "regret": "affirm",
    "wishes": "hope",
}


_MODIFIERS = r"(?:his|her|their|its|a|an|the|deep|deepest|sincere|profound|shared|great|strong|high|full|warm|heartfelt|common|firm|keen|special)"


#: (pattern, statement type); the first matching pattern at a position wins.
_VERBS: tuple[tuple[str, str], ...] = (
    (
        r"(?:express|voic)(?:ed|es|ing)(?:\s+"
        + _MODIFIERS
        + r")*\s+(?P<noun>"
        + "|".join(_EXPRESS_NOUNS)
        + r")\b",
        "express",
    ),
    (r"(?:offer|extend)(?:ed|s|ing)(?:\s+" + _MODIFIERS + r")*\s+condolences\b", "condole"),
    (
        r"accept(?:ed|s|ing)\s+(?:(?:the|an|his|her|their)\s+invitation|with pleasure|gladly)\b",
        "accept_invitation",
    ),
    (r"extend(?:ed|s|ing)\s+an\s+invitation\b", "invite"),
    (r"reach(?:ed|es|ing)\s+(?:a\s+|an\s+)?(?:consensus|agreement)\b", "agree"),
    (r"(?:spoke|speaks|speaking)\s+highly\s+of\b", "praise"),
    (r"shar(?:ed|es|ing)\s+the\s+view\b", "agree"),
    (r"call(?:ed|s|ing)\s+(?:on|upon|for)\b", "urge"),
    (r"point(?:ed|s|ing)\s+out\b", "emphasise"),
    (r"point(?:ed|s|ing)\s+to\b", "describe"),
    (r"put(?:s|ting)?\s+forward\b", "propose"),
    (r"align(?:ed|s)\s+on\b", "agree"),
    (r"commit(?:ted|s|ting)\s+(?:themselves\s+|himself\s+|herself\s+|itself\s+)?to\b", "commit"),
    (r"(?:was|were|is|are)\s+quoted\s+as\s+saying", "affirm"),  # "X was quoted as saying that"
    (
        r"said|says|stated|states|told|tells|declared|announced|asserted|added|adding|maintained"
        r"|wrote|writes|posted|tweeted|warned|warns|cautioned|cautions|argued|argues|remarked"
        r"|commented|mentioned",
        "affirm",
    ),
    (r"affirm(?:ed|s|ing)|recogni[sz](?:ed|es|ing)", "affirm"),
    (
        r"emphasi[sz](?:ed|es|ing)|stress(?:ed|es|ing)|underscor(?:ed|es|ing)|underlin(?:ed|es|ing)|highlight(?:ed|s|ing)|insist(?:ed|s)",
        "emphasise",
    ),
    (r"reiterat(?:ed|es|ing)|reaffirm(?:ed|s|ing)", "reiterate"),
    (
        r"describ(?:ed|es|ing)|recall(?:ed|s|ing)|not(?:ed|es|ing)|outlin(?:ed|es|ing)|assessed|observed|explained|briefed|informed",
        "describe",
    ),
    (r"propos(?:ed|es|ing)|suggest(?:ed|s|ing)|recommend(?:ed|s|ing)", "propose"),
    (r"urg(?:ed|es|ing)|appeal(?:ed|s)|pressed", "urge"),
    (r"request(?:ed|s|ing)|ask(?:ed|s)|sought|seeks|seeking", "request"),
    (r"pledg(?:ed|es|ing)|vow(?:ed|s|ing)|promis(?:ed|es|ing)|assured", "pledge"),
    (r"agree(?:d|s|ing)|concurred|consented", "agree"),
    (r"invit(?:ed|es|ing)", "invite"),
    (
        r"prais(?:ed|es|ing)|laud(?:ed|s|ing)|hail(?:ed|s|ing)|commend(?:ed|s|ing)|applaud(?:ed|s|ing)",
        "praise",
    ),
    (r"welcom(?:ed|es|ing)", "welcome"),
    (r"appreciat(?:ed|es|ing)|valued|acknowledg(?:ed|es|ing)", "appreciate"),
    (r"congratulat(?:ed|es|ing)", "congratulate"),
    (r"thank(?:ed|ing)", "thank"),
    (r"condoled", "condole"),
    (r"backed", "support"),
    (r"hop(?:ed|ing)", "hope"),
    (r"confirm(?:ed|s|ing)", "confirm"),
)


_VERB_RX = tuple((re.compile(r"\b(?:" + rx + r")\b", re.IGNORECASE), kind) for rx, kind in _VERBS)


_NOMINAL_BEFORE = wordset(
    "the a an this that these those its their his her our newly well long widely jointly-"
)


_LEAD_ADVERB = re.compile(
    r"^(?:(?:once again|once more|again|also|further|furthermore|in addition|moreover|additionally|at the same time|meanwhile),?\s+)*",
    re.I,
)


#: Verbs of saying that may come before their subject after a paraphrase (", said X"); a verb
#: with an object ("welcomed the firms") never does.
_SAYING = frozenset(
    {"said", "says", "added", "adds", "wrote", "writes", "stated", "noted", "explained", "stressed"}
)
_ISSUED_BY = re.compile(
    r"(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:statement|readout|press release|report|communiqu[ée]"
    r"|announcement|post|notice)\s+(?:from|by|of|issued by|released by|published by)\s+",
    re.I,
)

_QUOTED = re.compile(r"[“\"]([^”\"]+)[”\"]")


@dataclass(frozen=True)
class _Verb:
    span: Span
    type: str
    text: str

    @property
    def participle(self) -> bool:
        return self.text.split()[0].lower().endswith("ing")


def _verbs(s: Sentence) -> list[_Verb]:
    """Reporting verbs of a sentence, longest pattern first, without overlaps or nominal uses."""
    found: list[_Verb] = []
    for rx, kind in _VERB_RX:
        for m in rx.finditer(s.text):
            span = Span(s.start + m.start(), s.start + m.end())
            if any(span.overlaps(v.span) for v in found):
                continue
            word = m.group()
            before = s.text[: m.start()].split()
            if before and before[-1].lower() in _NOMINAL_BEFORE:
                continue
            if word[:1].isupper() and before and not _LEAD_ADVERB.fullmatch(" ".join(before) + " "):
                continue  # capitalised inside a sentence: a name, not a verb
            if word.lower() == "states" and not re.match(r"\s*(?:that\b|[,:])", s.text[m.end() :]):
                continue  # "the remaining member states": a noun, unless it reports ("states that")
            if word.lower() == "thanks" or (
                word.lower() == "added"
                and m.end() < len(s.text)
                and s.text[m.end() :].lstrip().startswith(("to", "value"))
            ):
                continue
            typ = _EXPRESS_NOUNS[m.group("noun").lower()] if kind == "express" else kind
            found.append(_Verb(span, typ, word))
    return sorted(found, key=lambda v: v.span.start)


def _quote_kind(doc: str, span: Span) -> str:
    """Direct when the quote holds quoted words of three or more; a quoted name is not speech."""
    for m in _QUOTED.finditer(doc, span.start, span.end):
        if len(m.group(1).split()) >= 3:
            return "direct"
    return "paraphrase"
