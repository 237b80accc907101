"""Who took part in an event and how: guest, host, participant, invitee; and the occasion an
undated event shares with a dated one ("After the talks, the two ministers signed ...")."""

from __future__ import annotations

import re

from .actors import DraftActor, person_country
from .dates import When
from .event_model import _TALK_FAMILY, _VISIT_FAMILY, DraftEvent, _Context
from .sentences import Sentence
from .speakers import Discourse
from .text import Span


def _visitor(ctx: _Context, ev: DraftEvent, phrase: Span) -> None:
    """Who visits: the subject just before ("X began a two-day visit", "X, who is on an official
    visit", "X arrived in Paris"), or after "During his ... visit," the main clause's subject."""
    doc = ctx.doc
    people = [m for m in ctx.mentions if m.actor.type == "person" and ctx.s.span.contains(m.span)]
    before = [m for m in people if m.span.end <= phrase.start]
    if before:
        m = before[-1]
        gap = doc[m.span.end : phrase.start]
        if re.fullmatch(
            r"(?:’s|'s)?\s*|(?:\s*,\s*who)?\s+(?:[\w-]+\s+){0,4}", gap
        ) and not re.search(r"\b(?:received|met|invited|welcomed|told|and|with)\b", gap):
            ev.participants.setdefault(m.actor.id, (m.actor, "guest", m.full))
            return
    if re.search(
        r"\b(?:his|her)\s+$", doc[ctx.s.start : phrase.start].split(",")[-1] + " "
    ) or re.match(r"(?:During|On)\s+(?:his|her)\b", doc[ctx.s.start : phrase.start + 10]):
        after = [m for m in people if m.span.start >= phrase.end]
        if after:
            ev.participants.setdefault(after[0].actor.id, (after[0].actor, "guest", after[0].full))
            return
    if ctx.discourse is not None:
        found = ctx.discourse.at_end(doc, ctx.s.start, phrase.start)
        if found is None:
            lead = re.match(
                r"\s*(.*?)\s+(?:will|is|was|has|had)\s+(?:[\w-]+\s+){0,3}$",
                doc[ctx.s.start : phrase.start],
            )
            if lead:
                found = ctx.discourse.at_end(doc, ctx.s.start, ctx.s.start + lead.end(1))
        if found is not None and not found[0].joint and found[0].speaker.type == "person":
            ev.participants.setdefault(found[0].speaker.id, (found[0].speaker, "guest", phrase))


def _participants(ctx: _Context, ev: DraftEvent, trigger: Span, phrase: Span, raw: str) -> None:
    """Who took part, by the shape of the phrase: "visit by X", "X’s visit", "receiving X", talks with the people of the sentence."""
    doc = ctx.doc
    people = [m for m in ctx.mentions if m.actor.type == "person"]
    speakers = [st.who for st in ctx.statements if st.sentence == ctx.s.index]

    def add(actor: DraftActor, how: str, span: Span) -> None:
        ev.participants.setdefault(actor.id, (actor, how, span))

    in_phrase = [m for m in ctx.mentions if phrase.contains(m.span)]
    if ev.type in _VISIT_FAMILY:
        after_by = re.search(r"\b(?:by|of)\b", doc[trigger.end : phrase.end])
        for m in in_phrase:
            if m.actor.type != "person":
                continue
            if re.search(r"\binvitation of\s+(?:\S+\s+){0,6}$", doc[phrase.start : m.full.start]):
                # "at the invitation of Minister X": the one who invites receives
                add(m.actor, "host", m.full)
                continue
            possessive = (
                doc[m.span.end : m.span.end + 2] in {"’s", "'s"} and m.span.end <= trigger.start
            )
            if possessive or (after_by and m.full.start >= trigger.end + after_by.start()):
                add(m.actor, "guest", m.full)
        own = re.search(
            r"([Tt]he\s+[\w\s-]{1,40}?)[’']s\s+(?:[\w-]+\s+)?$", doc[phrase.start : trigger.start]
        )
        if own and ctx.discourse is not None:
            found = ctx.discourse.at_end(
                doc, phrase.start + own.start(1), phrase.start + own.end(1)
            )
            if found and not found[0].joint:
                add(
                    found[0].speaker,
                    "guest",
                    Span(phrase.start + own.start(1), phrase.start + own.end(1)),
                )
        if not any(how == "guest" for _, how, _ in ev.participants.values()):
            _visitor(ctx, ev, phrase)
        if raw == "visit_verb":
            invited = re.search(
                r"\binvit(?:ed|es|ing)\s+$",
                doc[max(ctx.s.start, trigger.start - 40) : trigger.start].split(" to visit")[0]
                + " ",
            )
            objects = [
                m for m in people if m.span.end <= trigger.start and trigger.start - m.span.end <= 6
            ]
            if objects and re.search(
                r"\binvit\w*\s+\S+(?:\s+\S+){0,3}\s*$", doc[ctx.s.start : objects[-1].span.end]
            ):
                add(objects[-1].actor, "invitee", objects[-1].full)
            elif not invited:
                for who in speakers:
                    if not who.joint and who.speaker.type == "person":
                        add(who.speaker, "guest", phrase)
                        break
    elif ev.type == "reception":
        for m in people:
            if m.full.start >= trigger.end and m.full.start - trigger.end <= 6:
                add(m.actor, "guest", m.full)
        for m in people:
            # "Khoa (also) received Marchand": the subject right before the verb receives.
            gap = doc[m.span.end : trigger.start]
            if m.span.end <= trigger.start and re.fullmatch(r"\s*(?:\w+ly\s+|also\s+)?", gap):
                add(m.actor, "host", m.full)
        for who in speakers:
            if (
                not who.joint
                and who.speaker.type == "person"
                and who.speaker.id not in ev.participants
            ):
                add(who.speaker, "host", phrase)
    elif ev.type in {"talks", "meeting"}:
        for m in people:
            if m.sentence == ctx.s.index:
                add(m.actor, "participant", m.full)
        for who in speakers:
            for actor in (who.speaker, *who.co):
                if actor.type == "person":
                    add(actor, "participant", phrase)
    elif ev.type == "election":
        # "since Lecornu took office", "congratulated Lecornu on his appointment": the person
        # named last before the trigger is the one elected or appointed
        before = [m for m in people if m.span.end <= trigger.start and ctx.s.span.contains(m.span)]
        if before:
            add(before[-1].actor, "participant", before[-1].full)
    elif ev.type == "interview":
        for m in in_phrase:
            if m.actor.type == "media":
                add(m.actor, "organiser", m.full)
        for who in speakers:
            if not who.joint:
                add(who.speaker, "participant", phrase)
                break


#: "After the talks, X signed ...": a connective that puts an event on another's occasion.
_OCCASION = re.compile(
    r"(?:^|[,;]\s*|[–—-]\s+)(?P<how>(?:[Rr]ight |[Ss]hortly |[Ii]mmediately )?[Aa]fter|[Ff]ollowing"
    r"|[Aa]t the end of|[Oo]n the sidelines of|[Oo]n the occasion of|[Dd]uring|[Aa]t)\s+$"
)


#: Events that are one moment of an occasion (not visits or upgrades, which enclose or
#: outlast it), so that "after the talks" dates them.
_ON_OCCASION = frozenset(
    {"signing", "document_exchange", "meeting", "reception", "talks", "ceremony", "interview"}
)


def _same_occasion(
    doc: str, s: Sentence, created: list[DraftEvent], events: list[DraftEvent]
) -> None:
    """An undated event stated to follow (or take place during) a dated event of the same
    occasion ("After the talks, the two ministers signed ...") takes its date, as inferred."""
    for ev in created:
        if ev.when.start is not None or ev.status != "occurred" or ev.type not in _ON_OCCASION:
            continue
        for other in events:
            if (
                other is ev
                or other.when.start is None
                or other.status not in {"occurred", "ongoing"}
            ):
                continue
            for p in other.phrases:
                if not s.span.contains(p) or any(q.overlaps(p) for q in ev.phrases):
                    continue
                if not any(p.end <= q.start for q in ev.phrases if s.span.contains(q)):
                    continue  # "After the talks, X signed ...": the occasion is said first
                m = _OCCASION.search(doc[s.start : p.start])
                if m is None:
                    continue
                w = other.when
                said = f"'{m.group('how')} {doc[p.start : p.end]}'"
                ev.when = When(
                    w.start,
                    w.end,
                    w.precision,
                    "inferred",
                    f"stated to take place on the same occasion ({said}); the date of "
                    f"{doc[p.start : p.end]}: {w.start}"
                    + (f" to {w.end}" if w.end and w.end != w.start else ""),
                )
                ev.rules.append(f"dated by {said}")
                break
            if ev.when.start is not None:
                break


#: "The deal was inked at the France–Việt Nam Business Forum": the occasion an act is said to
#: take place at, right after the act's words.
_AT_OCCASION_AFTER = re.compile(r"^\s+(?:[^,;.]{0,40}?\s)?(?:at|during)\s+(?:the\s+)?$")
_AT_THE_END = re.compile(r"\s(?:at|during)\s+(?:the\s+)?$")
_OCCASIONS = frozenset({"conference", "ceremony", "dialogue", "summit", "meeting", "other"})


def _occasion_of_dated_act(doc: str, s: Sentence, created: list[DraftEvent]) -> None:
    """An undated occasion that a dated act of the sentence took place at ("The deal, signed on
    Tuesday, was inked at the Business Forum") is on the act's day, as inferred."""
    for occasion in created:
        if occasion.when.start is not None or occasion.type not in _OCCASIONS:
            continue
        mine = [p for p in occasion.phrases if s.span.contains(p)]
        for act in created:
            w = act.when
            if (
                act is occasion
                or w.start is None
                or w.precision != "day"
                or act.status != "occurred"
            ):
                continue
            at = next(
                (
                    (p, q)
                    for p in act.phrases
                    for q in mine
                    if s.span.contains(p)
                    and p.start < q.start
                    and (
                        _AT_OCCASION_AFTER.match(doc[p.end : q.start])
                        if p.end <= q.start
                        else p.contains(q) and _AT_THE_END.search(doc[p.start : q.start])
                    )
                ),
                None,
            )
            if at is None:
                continue
            occasion.when = When(
                w.start,
                w.end,
                "day",
                "inferred",
                f"the day of {doc[at[0].start : at[0].end]!r} held at it",
            )
            occasion.rules.append("date: the day of the act held at it")
            break


#: "..., a working visit to Paris in March, where he met his counterpart": what happened at a
#: place or an event the sentence dated before it.
_WHERE = re.compile(r",\s+(?:where|during which|at which)\s+[^,;.]*$")


def _where_dated(doc: str, s: Sentence, created: list[DraftEvent]) -> None:
    """An undated event told in a "where" clause after a dated event of the sentence happened
    there, then: it takes that event's date, as inferred ("X paid a working visit to Paris in
    March, where he met his French counterpart")."""
    for ev in created:
        if ev.when.start is not None or ev.type not in _ON_OCCASION:
            continue
        for other in created:
            if other is ev or other.when.start is None or other.status != ev.status:
                continue
            p, q = other.first, ev.first
            if not (s.span.contains(p) and s.span.contains(q)) or p.end > q.start:
                continue
            if _WHERE.search(doc[p.end : q.start]) is None:
                continue
            w = other.when
            ev.when = When(
                w.start,
                w.end,
                w.precision,
                "inferred",
                f"told in a 'where' clause of {doc[p.start : p.end]!r}: its date, {w.start}"
                + (f" to {w.end}" if w.end and w.end != w.start else ""),
            )
            ev.rules.append("dated by the event its 'where' clause belongs to")
            break


def _hosts_and_guests(events: list[DraftEvent], discourse: Discourse | None) -> None:
    """Who visits whom, and who receives whom, holds for the whole occasion: in talks and
    meetings, the guest of a visit (or of the reception merged into them) is the guest, and a
    participant from the host country, the country the event takes place in, is the host."""
    roles = discourse.roles if discourse is not None else {}
    visits = [e for e in events if e.type in _VISIT_FAMILY and e.status in {"occurred", "ongoing"}]
    for ev in events:
        if ev.type not in _TALK_FAMILY or ev.status not in {"occurred", "ongoing"}:
            continue
        # The occasion is the same when told nearby (a bound keeps this linear in the article).
        near = [v for v in visits if abs(v.sentence - ev.sentence) <= 80]
        for visit in near:
            for actor_id, (_, how, _) in visit.participants.items():
                mine = ev.participants.get(actor_id)
                if how == "guest" and mine is not None and mine[1] == "participant":
                    ev.participants[actor_id] = (mine[0], "guest", mine[2])
        guests = [a for a, how, _ in ev.participants.values() if how == "guest"]
        hosts = [a for a, how, _ in ev.participants.values() if how == "host"]
        country = ev.country or next((v.country for v in near if v.country), None)
        if not guests or country is None:
            continue
        guest_countries = {person_country(a, " ".join(roles.get(a.id, []))) for a in guests}
        if country in guest_countries:
            continue
        for actor_id, (actor, how, span) in list(ev.participants.items()):
            home = person_country(actor, " ".join(roles.get(actor_id, [])))
            if how == "participant" and home == country and not hosts:
                ev.participants[actor_id] = (actor, "host", span)
