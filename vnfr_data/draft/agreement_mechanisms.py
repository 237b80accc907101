"""Agreements the text describes without a signing: a mechanism two sides agree to set up
("agreed to hold annual consultations between their foreign ministries") and a document
named by what was done to it after the noun ("under an agreement reached with the province in
July", "a memorandum concluded last year"). Each is one record, found sentence by sentence."""

from __future__ import annotations

import re

from .agreement_documents import _one_document
from .agreement_model import DraftAgreement
from .sentences import Sentence
from .text import Span, trim

_AGREED_MECHANISM = re.compile(
    r"\bagreed\s+to\s+(?:hold|establish|set\s+up|create|launch|institute|open)\s+"
    r"(?P<what>(?:(?:an?|the|a\s+new)\s+)?(?:(?:annual|regular|yearly|joint|bilateral|high-level"
    r"|ministerial|permanent|new|strategic|direct)\s+){0,3}(?:consultations|consultation mechanism"
    r"|dialogue|dialogue mechanism|mechanism|working group|committee|commission|hotline|council"
    r"|task force)\b[^,;.]{0,80})"
)
_DOCUMENT_THEN_VERB = re.compile(
    r"\b(?P<det>an?|the)\s+(?:[\w-]+\s+){0,2}?(?:agreement|deal|contract|memorandum of understanding"
    r"|accord)\s+(?P<verb>reached|concluded|struck|clinched)\s+(?:with|between|by|in|last|on|at)\b"
)
_STATUS = {"reached": "unknown", "concluded": "signed", "struck": "signed", "clinched": "signed"}


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
                DraftAgreement(
                    what[0].upper() + what[1:],
                    None,
                    "cooperation_mechanism",
                    "established",
                    [span],
                    rule="a mechanism the sides agreed to set up",
                    sentences=[s.index],
                )
            )
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
