"""Milestones: an agreement's entry into force, an institution's creation, an office's opening.

News about relations between two states dates the things it mentions by their milestones:
"the EVFTA, which took effect in August 2020", "the Joint Economic Committee, set up in 2013",
"Founded in 1998, X ...", "AFD opened its office in Hanoi in 1994", "the company plans to open
a liaison office next month". Each is one event of type `other`, titled by what it is the
milestone of. Only a milestone of something named (an agreement, an institution with a
capitalised name, an office) is drafted, and creations only with their date: "a fund was
created" alone says nothing a reviewer could date.
"""

from __future__ import annotations

import re

from ..sources.folding import slug
from .dates import Anchor, When, find
from .event_dates import Clause, settle_status, status_of, when_of
from .event_model import DraftEvent
from .sentences import Sentence
from .text import Span, trim

#: "entered into force", "took effect", "will enter into force".
_FORCE = re.compile(
    r"\b(?:(?:will|would|shall|is to|are to|is expected to|are expected to)\s+)?"
    r"(?:entered|enters|enter|came|comes|come) into (?:force|effect)\b"
    r"|\b(?:(?:will|would)\s+)?(?:took|takes|take) effect\b"
)
#: "before it can take effect", "once it enters into force": a condition, not a milestone.
_HYPOTHETICAL = re.compile(
    r"\b(?:can|could|may|might|must|once|until|unless|if|not yet|yet to|before it)\s+(?:\w+\s+)?$"
)
#: The verb says it is ahead: "would open", "to open", "will enter into force".
_AHEAD = re.compile(r"(?:will|would|shall|to)\b")
#: An agreement named before the milestone: "the EU–Vietnam Free Trade Agreement (EVFTA)".
_AGREEMENT = re.compile(
    r"(?:\b[Tt]he\s+)?(?:[A-ZĐÀ-Ỹ][\w’'–-]*\s+(?:(?:of|on|for|and|the)\s+)*){0,8}"
    r"(?:Agreement|Treaty|Convention|Protocol|Accord|Charter|Act|Decree|Law)\b(?:\s+\([A-Z]{2,}\))?"
    r"|\b(?:the\s+)?[A-Z]{3,}\b"
)
#: "was created in", "were set up on", ", set up in", "Founded in".
_CREATED = re.compile(
    r"\b(?:(?:was|were|had been|has been)\s+)?(?:created|set up|founded|established|launched)"
    r"(?=\s+(?:in|on)\s)"
    r"|\bFounded(?=\s+in\s)"
)
#: A named institution right before the creation: "the Strategic Dialogue", "the Việt Nam–France
#: Joint Economic Committee, which".
_INSTITUTION = re.compile(
    r"(?:\b[Tt]he\s+)?(?:[A-ZĐÀ-Ỹ][\w’'–-]*\s+(?:(?:of|on|for|and|the)\s+)*)*[A-ZĐÀ-Ỹ][\w’'–-]*$"
)
#: "opened its office in Hà Nội", "to open a liaison office", "opened to passengers".
_OPEN = re.compile(
    r"\b(?P<verb>opened|(?:will|would|to|shall)\s+(?:also\s+)?open)\s+"
    r"(?P<what>(?:its|an?|the|their|a new|new)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:office|representative office|liaison office|centre|center|branch|consulate|desk"
    r"|campus|factory|plant|school|hub|pavilion|showroom|stand|booth|library|clinic|museum"
    r"|laboratory)s?\b(?:\s+in\s+(?:[A-ZĐÀ-Ỹ][\w’'–-]*\s*){1,4})?)"
    r"|(?P<subject>(?:[A-ZĐÀ-Ỹ][\w’'–-]*\s+){1,4}(?:[\w’'–-]+\s+){0,3}?[\w’'–-]+)"
    r"(?:,[^,.;]{0,60},)?\s+"
    r"(?P<verb2>(?:re)?opened|will (?:re)?open|is to (?:re)?open|is due to (?:re)?open)\s+"
    r"(?:to\s+(?:passengers|traffic|the public)|its doors)\b"
)
_PARTNERSHIP = re.compile(r"[Pp]artnership")


def _tidy(text: str) -> str:
    text = " ".join(text.split()).strip(" ,")
    text = re.sub(r",?\s*(?:which|that)$", "", text).strip(" ,")
    return re.sub(r"^(?:its|their|his|her|The)\s+", "the ", text)


def other_event(
    doc: str,
    s: Sentence,
    phrase: Span,
    trigger: Span,
    status: str,
    anchor: Anchor,
    title: str,
    rules: list[str],
) -> DraftEvent:
    """An event of kind `other` dated from its own clause, its status settled by that date.

    Milestones and acts (votes, launches, appointments) are drafted by one construction so
    that one fact gets one date, status and title whichever rule finds it; the title spells
    "Việt Nam" and "Hà Nội" as the dataset does, so two sources' drafts agree.
    """
    dates = find(doc, s.span, anchor, future=status == "planned")
    w, stated = when_of(Clause(doc, s.span, dates, anchor), phrase, trigger, "other")
    ev = DraftEvent("other", [phrase], status, w, sentence=s.index, rules=rules)
    ev.dated_in_phrase = stated
    settled, why = settle_status(ev.status, ev.when, anchor)
    if why and settled != ev.status:
        ev.status = settled
        ev.rules.append(why)
    title = re.sub(r"\bH[aà] N[oộ]i\b", "Hanoi", re.sub(r"\bVi[eệ]t Nam\b", "Vietnam", title))
    ev.title = ev.head = title
    return ev


def _event(
    doc: str, s: Sentence, phrase: Span, trigger: Span, title: str, anchor: Anchor, kind: str
) -> DraftEvent:
    status, rule = status_of(doc, s.span, phrase, "other")
    before = doc[max(s.start, phrase.start - 20) : phrase.start]
    ahead = _AHEAD.match(doc, phrase.start) or re.search(r"\b(?:will|would|shall|to)\s+$", before)
    if ahead and status == "occurred":
        status, rule = "planned", "planned: the verb says it is ahead ('would open')"
    ev = other_event(doc, s, phrase, trigger, status, anchor, title, [kind, rule])
    title = ev.title
    if kind != "milestone: opening" and ev.when.start is not None:
        # An agreement enters into force once, an institution is created once: the id is the
        # fact's ("ev-2020-08-entry-into-force-of-the-eu-vietnam-free-trade-agreement-evfta").
        stamp = ev.when.start.strftime("%Y-%m" if ev.when.precision in {"day", "month"} else "%Y")
        ev.stable_id = f"ev-{stamp}-{slug(title, max_words=20)}"[:90].rstrip("-")
    return ev


def _dated(w: When) -> bool:
    return w.start is not None


def milestones(doc: str, sentences: list[Sentence], anchor: Anchor) -> list[DraftEvent]:
    """Entries into force, creations and openings, in reading order."""
    out: list[DraftEvent] = []
    for s in sentences:
        for m in _FORCE.finditer(doc, s.start, s.end):
            before = doc[max(s.start, m.start() - 140) : m.start()]
            if _HYPOTHETICAL.search(before):
                continue
            named = list(_AGREEMENT.finditer(before))
            if not named:
                continue
            what = _tidy(named[-1].group())
            a, b = trim(doc, m.start(), m.end(), " ,;:.")
            out.append(
                _event(
                    doc,
                    s,
                    Span(a, b),
                    Span(a, b),
                    f"Entry into force of {what}",
                    anchor,
                    "milestone: entry into force",
                )
            )
        for m in _CREATED.finditer(doc, s.start, s.end):
            if m.group().startswith("Founded"):
                after = re.match(
                    r"[^,]{0,60},\s+((?:[A-ZĐÀ-Ỹ][\w’'–-]*\s*){1,5})", doc[m.end() : s.end]
                )
                what = _tidy(after.group(1)) if after else ""
                label = "Founding"
            else:
                lead = doc[max(s.start, m.start() - 120) : m.start()]
                head = _INSTITUTION.search(re.sub(r",?\s*(?:(?:which|that)\s+)?$", "", lead))
                what = _tidy(head.group()) if head else ""
                label = "Creation"
            if not what or _PARTNERSHIP.search(what) or len(what.split()) < 2:
                continue
            ev = _event(
                doc,
                s,
                Span(m.start(), m.end()),
                Span(m.start(), m.end()),
                f"{label} of {what}",
                anchor,
                f"milestone: {label.lower()}",
            )
            if _dated(ev.when):
                out.append(ev)
        for m in _OPEN.finditer(doc, s.start, s.end):
            if m.group("what"):
                what = _tidy(m.group("what"))
                a, b = m.start(), m.end()
            else:
                what = _tidy(m.group("subject"))
                a, b = m.start("verb2"), m.end()
            again = "reopen" in m.group()  # "The museum reopened to the public"
            a, b = trim(doc, a, b, " ,;:.")
            out.append(
                _event(
                    doc,
                    s,
                    Span(a, b),
                    Span(a, b),
                    f"{'Reopening' if again else 'Opening'} of {what}",
                    anchor,
                    "milestone: opening",
                )
            )
    return out
