"""Policies news prose names without calling them one: a legal instrument cited by its number
("Decree 112/2027/ND-CP on foreign cooperation in education") or its title ("the Law on
Investment"), a visa exemption or waiver told by its verb ("has exempted French citizens from
visas for stays of up to 45 days", "will waive visa fees for Vietnamese students") or its noun
("its unilateral visa exemption for ..."), and a scheme of one party ("the “X” scholarship
scheme"). By the codebook each is a `policy`: a declared policy of one party, which is the
state the sentence names before the verb, when it names one."""

from __future__ import annotations

import re

from .actors import Mention
from .agreement_model import DraftAgreement
from .sentences import Sentence
from .text import Span, trim

_INSTRUMENT = re.compile(
    r"\b(?P<kind>Decree|Resolution|Circular|Directive|Ordinance)\s+(?:No\.?\s*)?"
    r"(?P<num>\d+(?:/[\w.-]+)*)"
    r"(?P<on>\s+(?:on|of)\s+(?:the\s+)?[^,;.()]+?)?(?=\s+(?:which|that|was|is|were|will|has|had"
    r"|took|came|entered|also|lets|allows|requires)\b|[,;.()]|$)"
)
_LAW = re.compile(
    r"\b(?:(?P<mod>amended|revised|new)\s+)?Law\s+on\s+(?:[A-Z][\w’'-]*(?:\s+(?:and|of|the)\b)?\s*)+"
)
_VISA_VERB = re.compile(
    r"\b(?P<verb>exempt(?:s|ed|ing)?|waive[sd]?|waiving)\s+"
    r"(?:(?P<obj>[^,;.]{1,80}?)\s+from\s+(?P<from>visas?(?:\s+fees|\s+requirements)?)"
    r"|(?P<fees>visa\s+fees|visa\s+requirements|visas)\s+for\s+(?P<for>[^,;.]{1,80}?)"
    r"(?=\s+(?:from|until|starting|as\s+of|by|since)\s|[,;.]|$))"
    r"(?P<stay>\s+for\s+stays\s+of\s+(?:up\s+to\s+)?\d+\s+days)?"
)
_VISA_NOUN = re.compile(
    r"\b(?P<det>[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s+(?P<what>(?:(?:unilateral|new|temporary|mutual"
    r"|[\w-]+-day)\s+)*visa\s+(?:fee\s+)?(?:exemption|waiver)(?:\s+(?:policy|scheme|programme))?"
    r"(?:\s+for\s+[^,;.]+?)?)(?=\s+(?:from|until|starting|since|which|that|will|was|is|has)\b|[,;.]|$)"
)
_SCHEME = re.compile(
    r"\b(?P<det>[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s+(?P<what>(?:[“\"][^”\"]{2,40}[”\"]\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:scholarship|fellowship|grant|visa)\s+(?:scheme|programme|program))\b"
)
_IN_FORCE = re.compile(
    r"\b(?:took effect|takes effect|came into (?:effect|force)|entered into force|in force"
    r"|effective since)\b"
)
_STATES = frozenset({"state", "union_of_states"})


def _status(doc: str, s: Sentence, at: int) -> str:
    """Planned when the verb before is future; in force when the sentence says it applies."""
    before = doc[s.start : at]
    if re.search(r"\b(?:will|would|is to|plans? to|to)\s+(?:\w+\s+)?$", before):
        return "planned"
    if _IN_FORCE.search(doc, s.start, s.end) or re.search(r"\b(?:has|have)\s+(?:\w+\s+)?$", before):
        return "in_force"
    return "unknown"


def _owner(mentions: list[Mention], s: Sentence, at: int) -> Mention | None:
    """The state the sentence names before the verb ("Việt Nam, for its part, has exempted")."""
    found = [m for m in mentions if s.start <= m.span.start < at and m.actor.type in _STATES]
    return found[0] if found else None


def _policy(name: str, span: Span, s: Sentence, status: str, rule: str) -> DraftAgreement:
    name = " ".join(name.split())
    return DraftAgreement(
        name[0].upper() + name[1:], None, "policy", status, [span], rule=rule, sentences=[s.index]
    )


def find_policies(
    doc: str, sentences: list[Sentence], mentions: list[Mention], taken: list[Span]
) -> list[DraftAgreement]:
    """Legal instruments, visa exemptions and schemes of one party, one record each."""
    out: list[DraftAgreement] = []

    def add(ag: DraftAgreement, owner: Mention | None = None) -> None:
        if any(ag.mentions[0].overlaps(t) for t in taken):
            return
        if owner is not None:
            ag.parties[owner.actor.id] = (owner.actor, "party", owner.span)
        out.append(ag)
        taken.append(ag.mentions[0])

    for s in sentences:
        for m in _INSTRUMENT.finditer(doc, s.start, s.end):
            a, b = trim(doc, m.start(), m.end(), " ,;:.")
            status = "in_force" if _IN_FORCE.search(doc, b, s.end) else "unknown"
            add(_policy(doc[a:b], Span(a, b), s, status, "a legal instrument cited by its number"))
        for m in _LAW.finditer(doc, s.start, s.end):
            a, b = trim(doc, m.start(), m.end(), " ,;:.")
            add(_policy(doc[a:b], Span(a, b), s, _status(doc, s, a), "a law cited by its title"))
        for m in _VISA_VERB.finditer(doc, s.start, s.end):
            who = m.group("obj") or m.group("for")
            fee = "fee waiver" if re.search(r"fee", m.group(0)) else "exemption"
            name = f"visa {fee} for {who}" + (m.group("stay") or "")
            a, b = trim(doc, m.start(), m.end(), " ,;:.")
            add(
                _policy(
                    name,
                    Span(a, b),
                    s,
                    _status(doc, s, m.start()),
                    "a visa exemption told by its verb",
                ),
                _owner(mentions, s, m.start()),
            )
        for rx, rule in (
            (_VISA_NOUN, "a visa exemption named"),
            (_SCHEME, "a scheme of one party"),
        ):
            for m in rx.finditer(doc, s.start, s.end):
                a, b = trim(doc, m.start("what"), m.end("what"), " ,;:.")
                add(
                    _policy(doc[a:b], Span(a, b), s, _status(doc, s, m.start()), rule),
                    _owner(mentions, s, m.start()),
                )
    return out
