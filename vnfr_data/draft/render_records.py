"""The YAML of each drafted record (events, statements, agreements, figures) in the curated
annotation format, with its `# DRAFT` comment; records that need a proposed actor are written
commented out, ready to uncomment."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .agreement_model import DraftAgreement
from .dates import When
from .event_model import DraftEvent
from .figure_counts import DraftFigure
from .render_yaml import _comment, _date_fields, _known, _quotes, scalar
from .statements import DraftStatement
from .text import Span, slug
from .unnamed_speakers import is_unnamed

if TYPE_CHECKING:
    from .draft import Draft


#: An agency's sign-off after the last sentence of an article (" — VNS", " - VNA").
_SIGN_OFF = re.compile(r"(?<=[.”\"])[ \t]+[–—-][ \t]*[A-Z]{2,6}(?:/[A-Z]{2,6})?[ \t]*$")


def _event_block(draft: Draft, ev: DraftEvent) -> str:
    """One event; participants that need a new actor are commented out."""
    ind = "    "
    rules = list(ev.rules)
    if ev.existing:
        rules.append(
            f"the dataset's {ev.existing} (kind, dates, participants or place agree): adds this source's evidence and claims"
        )
    elif ev.candidates:
        rules.append(f"may be the dataset's {' or '.join(ev.candidates)}: if so, use that id")
    out = _comment("; ".join(rules), "  ")
    out += f"  - id: {draft.id_of(ev)}\n"
    if not ev.existing:  # a known record keeps its kind and title; this source adds claims
        out += f"{ind}type: {ev.type}\n"
        out += f"{ind}title: {scalar(ev.title)}\n"
    out += _date_fields(ev.when, "date", ind)
    out += f"{ind}status: {ev.status}\n"
    if ev.location:
        out += f"{ind}location: {scalar(ev.location)}\n"
    if ev.country:
        out += f"{ind}country: {ev.country}\n"
    if ev.part_of is not None and id(ev.part_of) in draft.ids:
        out += f"{ind}part_of: {draft.id_of(ev.part_of)}\n"
    people = list(ev.participants.values())
    if people:
        # Participants that need a new actor are written commented out, ready to uncomment.
        head = f"{ind}participants:\n"
        out += head if any(_known(a) for a, _, _ in people) else f"{ind}# participants:\n"
        for actor, how, span in people:
            role = next(
                (
                    m.role
                    for m in draft.mentions
                    if m.actor.id == actor.id and m.role and m.full == span
                ),
                None,
            )
            entry = f"  - actor: {actor.id}\n"
            entry += f"    role: {scalar(role)}\n" if role else ""
            entry += f"    participation: {how}\n"
            entry += f"    evidence: {_quotes(draft, [span])}\n"
            out += _indented(entry, ind, commented=not _known(actor))
    out += f"{ind}evidence: {_quotes(draft, ev.phrases)}\n"
    return out


def _indented(block: str, ind: str, commented: bool) -> str:
    """Indent a YAML block; commented out (keeping its indentation) when it needs a new actor."""
    prefix = f"{ind}# " if commented else ind
    return "".join(prefix + line + "\n" for line in block.splitlines())


def _statement_lines(draft: Draft, st: DraftStatement) -> str:
    ind = "    "
    out = f"  - id: {draft.id_of(st)}\n"
    out += f"{ind}speaker: {st.who.speaker.id}\n"
    if st.who.co:
        out += f"{ind}co_speakers: [{', '.join(a.id for a in st.who.co)}]\n"
    if st.addressee is not None and _known(st.addressee) and st.addressee.id not in st.who.ids:
        out += f"{ind}addressee: {st.addressee.id}\n"
    event = _statement_event(draft, st)
    if event is not None:
        out += f"{ind}event: {draft.id_of(event)}\n"
    out += _date_fields(_statement_date(draft, st, event), "date", ind, single=True)
    out += f"{ind}type: {st.type}\n"
    out += f"{ind}quote_kind: {st.quote_kind}\n"
    span, split = _claim(draft, st)
    if split is not None:
        out += f"{ind}split_note: {scalar(split)}\n"
    out += f"{ind}evidence: {_quotes(draft, sorted([span, *st.more], key=lambda x: x.start))}\n"
    return out


def _claim(draft: Draft, st: DraftStatement) -> tuple[Span, str | None]:
    """The statement's quote, run to the end of its sentence (a statement's text is its
    quotes, and the build refuses one that stops mid-sentence), unless another drafted
    statement of the sentence follows: then the quote stops there and a split note says so,
    for the reviewer to confirm."""
    after = sorted(
        (
            o
            for o in draft.statements_in(st.sentence)
            if o is not st and o.evidence.start >= st.evidence.end
        ),
        key=lambda o: o.evidence.start,
    )
    if after:
        return st.evidence, (
            f"drafted: the sentence goes on with another statement ({draft.id_of(after[0])}); "
            "confirm the split or extend the quote"
        )
    sentence = draft.sentences[st.sentence] if 0 <= st.sentence < len(draft.sentences) else None
    end = st.evidence.end
    if sentence is not None and sentence.span.end > end:
        end = sentence.span.end
    sign = _SIGN_OFF.search(draft.text, st.evidence.start, end)
    if sign:  # "..., the MRB said. — VNS": the agency's sign-off is no part of the statement,
        end = sign.start()  # whether the quote ran to the sentence's end or already held it
    return Span(st.evidence.start, end), None


def _statement_event(draft: Draft, st: DraftStatement) -> DraftEvent | None:
    """The article's occasion, for statements made by one of its participants."""
    frame = draft.frame
    if frame is None:
        return None
    members = {a for a in frame.participants}
    if members and not (st.who.ids & members):
        return None
    return frame


def _statement_date(draft: Draft, st: DraftStatement, event: DraftEvent | None) -> When:
    """A statement is dated by the event it was made at; else the text does not date it."""
    if event is not None and event.when.start is not None and event.when.precision != "unknown":
        w = event.when
        start = w.start
        if w.precision == "day" and w.end != w.start:
            return When.unknown(
                "the event spans several days; the day of the statement is not given"
            )
        return When(
            start, start, w.precision, "inferred", f"date of the event {draft.id_of(event)}"
        )
    return When.unknown("the text does not date the statement")


def _statement_block(draft: Draft, st: DraftStatement) -> str:
    """One statement, commented out when its speaker is a proposed actor."""
    rule = f"reporting verb {st.verb!r}; speaker: {st.who.how or 'named'}; {st.rule}"
    lines = _statement_lines(draft, st)
    if is_unnamed(st.who):
        # Nobody the dataset could hold: the reviewer names the speaker; adopting drops it.
        out = _comment(rule + "; name the speaker (an actor id), then uncomment, or delete", "  ")
        return out + "".join("  # DRAFT| " + line[2:] + "\n" for line in lines.splitlines())
    missing = [a for a in (st.who.speaker, *st.who.co) if not _known(a)]
    if missing:
        out = _comment(rule + f"; needs new actor(s) {', '.join(a.id for a in missing)}", "  ")
        return out + "".join("  # " + line[2:] + "\n" for line in lines.splitlines())
    return _comment(rule, "  ") + lines


def _agreement_links(draft: Draft, ag: DraftAgreement) -> list[tuple[DraftEvent, str, Span]]:
    """Events an agreement was signed, handed over or established at, or discussed during."""
    if ag.occasion is not None:
        # A set of documents of an occasion: signed (or handed over) there. A linked set keeps
        # the dataset's own links.
        if ag.existing or not any(ev is ag.occasion for ev in draft.events):
            return []
        kind = "handed_over" if ag.status == "handed_over" else "signed"
        return [(ag.occasion, kind, ag.mentions[0])]
    links: list[tuple[DraftEvent, str, Span]] = []
    seen: set[int] = set()
    for span in ag.mentions:
        s = draft.sentence_of(span)
        for ev in draft.events:
            if id(ev) in seen:
                continue
            in_sentence = any(s.contains(p) for p in ev.phrases)
            relation = None
            if in_sentence and ev.type in {"signing", "document_exchange"}:
                planned = ev.status in {"planned", "invited", "proposed"}
                relation = (
                    "planned_signing"
                    if planned
                    else ("handed_over" if ev.type == "document_exchange" else "signed")
                )
            elif (
                in_sentence
                and ev.type == "partnership_upgrade"
                and ev.name
                and slug(ev.name) in slug(ag.name)
            ):
                relation = "upgraded" if ag.status == "upgraded" else "established"
            if relation:
                links.append((ev, relation, span))
                seen.add(id(ev))
        said_at_frame = any(
            st.evidence.contains(span) and _statement_event(draft, st) is draft.frame
            for st in draft.statements
        )
        if draft.frame is not None and id(draft.frame) not in seen and said_at_frame:
            links.append((draft.frame, "discussed", span))
            seen.add(id(draft.frame))
    return links


_STATUS_BY_TYPE = {
    "policy": "established",
    "strategic_partnership": "established",
    "partnership_programme": "established",
    "cooperation_mechanism": "established",
    "declaration": "established",
    "convention": "in_force",
    "free_trade_agreement": "in_force",
    "investment_agreement": "in_force",
    "code_of_conduct": "under_negotiation",
}


def _agreement_block(draft: Draft, ag: DraftAgreement) -> str:
    ind = "    "
    rule = ag.rule
    if ag.existing:
        rule += f"; the dataset's {ag.existing}: adds this source's evidence"
    elif ag.candidates:
        rule += f"; may be the dataset's {' or '.join(ag.candidates)}: if so, use that id"
    out = _comment(rule, "  ")
    out += f"  - id: {draft.id_of(ag)}\n"
    if not ag.existing:
        out += f"{ind}name: {scalar(ag.name)}\n"
        if ag.short_name:
            out += f"{ind}short_name: {scalar(ag.short_name)}\n"
        out += f"{ind}type: {ag.type}\n"
    if ag.status != "unknown":
        out += f"{ind}status: {ag.status}\n"
    elif ag.existing is None:
        # The build needs a status for a new agreement; the text states none: a default by type.
        assumed = _STATUS_BY_TYPE.get(ag.type, "signed")
        out += f"{ind}# DRAFT: status not stated; '{assumed}' assumed from its type: check it\n"
        out += f"{ind}status: {assumed}\n"
    parties = list(ag.parties.values())
    if parties:
        out += f"{ind}parties:\n" if any(_known(a) for a, _, _ in parties) else f"{ind}# parties:\n"
        for actor, role, span in parties:
            entry = f"  - {{actor: {actor.id}, role: {role}, evidence: {_quotes(draft, [span])}}}"
            out += _indented(entry, ind, commented=not _known(actor))
    links = _agreement_links(draft, ag)
    if links:
        out += f"{ind}events:\n"
        for ev, relation, span in links:
            out += f"{ind}  - {{event: {draft.id_of(ev)}, relation: {relation}, evidence: {_quotes(draft, [span])}}}\n"
    out += f"{ind}evidence: {_quotes(draft, ag.mentions)}\n"
    return out


def _figure_links(
    draft: Draft, fig: DraftFigure
) -> tuple[DraftStatement | None, DraftEvent | None]:
    """The statement that asserted a figure (its quote holds it) and the event it belongs to."""
    index = draft.by_sentence()
    here = draft.sentence_of(fig.span)
    statements, events = index.get(here.start, ([], []))
    st = next((s for s in statements if s.evidence.contains(fig.span)), None)
    ev = next((e for e in events if any(p.overlaps(fig.evidence) for p in e.phrases)), None)
    return st, ev


def figure_fields(draft: Draft, fig: DraftFigure) -> list[tuple[str, str]]:
    """The fields a figure's record is written with, in order (everything but its id and
    evidence): what the build compares when it looks for one fact recorded twice."""
    fields = [
        ("metric", fig.metric),
        ("value", scalar(fig.value)),
        ("unit", fig.unit),
        ("qualifier", fig.qualifier),
        ("as_reported", scalar(fig.as_reported)),
        ("subject", scalar(fig.subject)),
    ]
    if fig.period is not None and fig.period.start is not None:
        fields += [("period_start", scalar(fig.period.start))]
        fields += [("period_end", scalar(fig.period.end))]
    if fig.comparison_base:
        fields += [("comparison_base", scalar(fig.comparison_base))]
    st, ev = _figure_links(draft, fig)
    if st is not None and all(_known(a) for a in (st.who.speaker, *st.who.co)):
        fields += [("statement", draft.id_of(st))]
    if ev is not None:
        fields += [("event", draft.id_of(ev))]
    return fields


def _figure_block(draft: Draft, fig: DraftFigure) -> str:
    ind = "    "
    out = _comment(fig.rule, "  ")
    out += f"  - id: {draft.id_of(fig)}\n"
    for name, value in figure_fields(draft, fig):
        out += f"{ind}{name}: {value}\n"
    out += f"{ind}evidence: {_quotes(draft, [fig.evidence])}\n"
    return out
