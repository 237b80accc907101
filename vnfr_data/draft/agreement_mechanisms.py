"""Agreements the text describes without a signing: a mechanism two sides agree to set up
("agreed to hold annual consultations between their foreign ministries"), a shared body named
in lower case ("a joint working group on digital transformation", "the Việt Nam–France
intergovernmental committee on science and technology", "the Hải Phòng–Le Havre port
cooperation council"), places twinned ("Hải Phòng and Le Havre have been twinned since 2015")
and a document named by what was done to it after the noun ("under an agreement reached with
the province in July", "a memorandum concluded last year"). Each is one record, found
sentence by sentence."""

from __future__ import annotations

import re

from .agreement_documents import _one_document, document_type
from .agreement_model import DraftAgreement
from .lexicon import ORDINALS, SHARED_BODY_WORDS
from .sentences import Sentence
from .text import Span, trim

_AGREED_MECHANISM = re.compile(
    r"\bagreed\s+to\s+(?:hold|establish|set\s+up|create|launch|institute|open)\s+"
    r"(?P<what>(?:(?:an?|the|a\s+new)\s+)?(?:(?:annual|regular|yearly|joint|bilateral|high-level"
    r"|ministerial|permanent|new|strategic|direct)\s+){0,3}(?:consultations|consultation mechanism"
    r"|dialogue|dialogue mechanism|mechanism|working group|committee|commission|hotline|council"
    r"|task force)\b[^,;.]{0,80})"
)
_NAME_WORD = r"(?:[A-ZĐ][\w’'.-]*)"
_PAIR = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}\s?[–—-]\s?{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}"
#: A word of what a body is on ("on science and technology"), never the place or time after it.
_TOPIC = r"(?!(?:at|in|with|which|that|from|to|by|during|since|for|under|of|the|a|an|will|would|should|can|could|may|must|is|are|was|were|has|have|had|be|been|said|says|this|next|last|early|later|soon)\b)[a-z][\w-]*"
#: A body two sides share, named in lower case: a pair of places or a word of sharing, a few
#: words of its field, its kind, and what it is on.
_SHARED_BODY = re.compile(
    rf"\b(?P<det>[Aa]n?|[Tt]he|[Tt]heir|[Ii]ts)\s+(?P<name>(?:(?P<pair>{_PAIR})\s+)?"
    rf"(?P<shared>(?i:{SHARED_BODY_WORDS})\s+)?"
    r"(?:[a-z][\w-]*\s+){0,3}?"
    r"(?P<kind>working\s+group|committee|commission|council|task\s+force|steering\s+committee"
    r"|consultation\s+mechanism|dialogue\s+mechanism|cooperation\s+mechanism)"
    rf"(?:\s+(?:on|for)\s+(?:the\s+)?{_TOPIC}(?:\s+(?:and\s+)?{_TOPIC}){{0,4}})?)"
)
#: Words in the few before the kind that make it no shared body ("the board of directors
#: council", "the city council", "the people's committee").
_NOT_SHARED = re.compile(r"\b(?:people|city|municipal|party|central|executive|security|national)\b")
_TWINNED = re.compile(
    rf"(?P<a>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})\s+and\s+(?P<b>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})"
    r"\s+(?:have\s+been|had\s+been|were|are|became|become)\s+(?:officially\s+)?"
    r"(?:twinned\b|sister\s+(?:cities|provinces|regions|towns)\b)"
    r"(?:\s+(?:since|in)\s+(?:1[89]|20)\d{2})?"
)
_ORDINAL = "(?:" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r"|\d+(?:st|nd|rd|th))"
#: The words that make a dialogue or consultation a standing series ("political consultation",
#: "strategic dialogue"); "a dialogue" alone may be one conversation.
_SERIES_KIND = (
    r"(?:(?:political|strategic|defence|defense|security|economic|high-level|annual|ministerial"
    r"|deputy-ministerial|vice-ministerial|policy|maritime|trade|financial|diplomatic)\s+){1,3}"
    r"(?:dialogue|consultations?)(?:\s+mechanism)?"
)
#: A session of a standing series the text names apart from the session: "the seventh round
#: of the strategic dialogue mechanism at deputy-minister level", "the third session of the
#: political consultations". "The 12th political consultation" names the session only (an
#: event; the development golds differ on whether its series is also a record), so it is
#: left alone unless the text calls it a mechanism or gives its level.
_SERIES_SESSION = re.compile(
    rf"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+{_ORDINAL}\s+(?P<of>(?:round|session|meeting|edition)\s+of\s+"
    rf"(?:the\s+|their\s+|its\s+)?)?(?P<name>(?:{_PAIR}\s+)?{_SERIES_KIND}"
    r"(?P<level>\s+at\s+(?:[\w-]+\s+){1,3}?level)?)\b"
)
_FUTURE = re.compile(
    r"\b(?:will|would|plans?\s+to|planned\s+to|proposed|to\s+set\s+up|to\s+establish)\b"
)
#: "an agreement reached with ...", "a cooperation framework on climate resilience signed in
#: 2025", "a letter of intent on training diplomats, signed by the two delegations": a document
#: named by what was done to it after the noun.
_DOCUMENT_THEN_VERB = re.compile(
    r"\b(?P<det>an?|the)\s+(?:[\w-]+\s+){0,2}?(?:agreement|deal|contract|memorandum of understanding"
    r"|accord|letter of intent|framework|charter|protocol|treaty)"
    r"(?:\s+(?:on|for|to)\s+[^,;.()]{1,80}?)?,?\s+"
    r"(?P<verb>reached|concluded|struck|clinched|signed)\s+(?:with|between|by|in|last|on|at)\b"
)
#: "Since their first cooperation agreement in 2012", "the earlier programme of 2019": an
#: earlier document the text dates, named in passing.
_EARLIER_DOCUMENT = re.compile(
    r"\b(?:[Tt]heir|[Ii]ts|[Tt]he)\s+(?P<what>(?:first|earlier|previous|original|initial)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:agreement|memorandum of understanding|programme|treaty|accord"
    r"|contract|charter))\s+(?:in|of|from|signed\s+in|dating\s+from)\s+(?P<year>(?:19|20)\d{2})\b"
)
_STATUS = {
    "reached": "unknown",
    "concluded": "signed",
    "struck": "signed",
    "clinched": "signed",
    "signed": "signed",
}


def _overlaps(span: Span, taken: list[Span]) -> bool:
    return any(span.overlaps(t) for t in taken)


def described_agreements(
    doc: str, sentences: list[Sentence], taken: list[Span]
) -> list[DraftAgreement]:
    """Mechanisms agreed on and documents described by a participle after them."""
    out: list[DraftAgreement] = []
    for s in sentences:
        for m in _AGREED_MECHANISM.finditer(doc, s.start, s.end):
            a, b = trim(doc, m.start("what"), m.end("what"), " ,;:.")
            span = Span(a, b)
            if _overlaps(span, taken):
                continue
            what = re.sub(r"^(?:an?|the)\s+", "", doc[a:b])
            out.append(
                _mechanism(what, "established", span, "a mechanism the sides agreed to set up", s)
            )
            taken.append(span)
        for m in _SERIES_SESSION.finditer(doc, s.start, s.end):
            span = Span(*trim(doc, m.start("name"), m.end("name"), " ,;:."))
            named_apart = m.group("of") or m.group("level") or "mechanism" in m.group("name")
            if not named_apart or _overlaps(span, taken):
                continue
            out.append(
                _mechanism(
                    doc[span.start : span.end],
                    "established",
                    span,
                    "a standing series whose session is counted",
                    s,
                )
            )
            taken.append(span)
        for m in _EARLIER_DOCUMENT.finditer(doc, s.start, s.end):
            span = Span(m.start("what"), m.end())
            if _overlaps(span, taken):
                continue
            what = m.group("what")
            out.append(
                DraftAgreement(
                    f"{what[0].upper()}{what[1:]} ({m.group('year')})",
                    None,
                    document_type(what),
                    "unknown",
                    [span],
                    rule="an earlier document the text dates",
                    sentences=[s.index],
                )
            )
            taken.append(span)
        for m in _TWINNED.finditer(doc, s.start, s.end):
            span = Span(m.start(), m.end())
            if _overlaps(span, taken):
                continue
            name = f"{m.group('a')}–{m.group('b')} twinning"
            out.append(_mechanism(name, "established", span, "two places twinned", s))
            taken.append(span)
        for m in _DOCUMENT_THEN_VERB.finditer(doc, s.start, s.end):
            verb = m.group("verb")
            one = _one_document(doc, s, Span(m.start("det"), m.end("det")), _STATUS[verb])
            if one is None or _overlaps(one.mentions[0], taken):
                continue
            one.rule = f"one unnamed document, '{verb}'"
            out.append(one)
            taken.append(one.mentions[0])
    return out


def _mechanism(name: str, status: str, span: Span, rule: str, s: Sentence) -> DraftAgreement:
    """A cooperation mechanism named by one phrase, its name capitalised as a title."""
    return DraftAgreement(
        name[0].upper() + name[1:],
        None,
        "cooperation_mechanism",
        status,
        [span],
        rule=rule,
        sentences=[s.index],
    )


def shared_bodies(doc: str, sentences: list[Sentence], taken: list[Span]) -> list[DraftAgreement]:
    """Bodies two sides share, named in lower case: a pair of places before it ("the Hải
    Phòng–Le Havre port cooperation council") or a word of sharing ("a joint working group on
    digital transformation"); a body of one side ("the city council") is none. Run after the
    rules that name a mechanism from more of its sentence, to fill what they leave."""
    return [ag for s in sentences for ag in _shared_bodies(doc, s, taken)]


def _shared_bodies(doc: str, s: Sentence, taken: list[Span]) -> list[DraftAgreement]:
    out = []
    for m in _SHARED_BODY.finditer(doc, s.start, s.end):
        if not (m.group("pair") or m.group("shared")):
            continue
        name = doc[m.start("name") : m.end("name")]
        if _NOT_SHARED.search(name) or re.search(
            r"[A-Z]", doc[m.end("pair") if m.group("pair") else m.start("name") : m.start("kind")]
        ):
            continue
        span = Span(*trim(doc, m.start("name"), m.end("name"), " ,;:."))
        if _overlaps(span, taken):
            continue
        status = "proposed" if _FUTURE.search(doc, s.start, m.start()) else "established"
        rule = f"a shared {m.group('kind')} named in lower case"
        out.append(_mechanism(name, status, span, rule, s))
        taken.append(span)
    return out
