"""Candidate events: talks, visits, meetings, receptions, signings, conferences, dialogues ...

An event is found by its trigger word ("talks", "state visit", "receiving X",
"the signing of", "Nth anniversary of", "Typhoon Yagi") in a phrase that makes
it one particular event (a determiner, a name, a date, an occasion) rather than
a kind of thing ("through dialogue", "exchange visits"). Its status comes from
the words around it: "upcoming", "scheduled", "expected to", "will", "soon" ->
planned; "invited X to visit" -> invited; "is on a visit" -> ongoing; else
occurred. Later mentions that point back ("the talks", "during the visit",
"during Lam’s visit") are merged into the event they name, so one event
carries all its evidence.
"""

from __future__ import annotations

import datetime as dt
import re

from ..sources.lexicon import ordinal_word
from .actors import Mention
from .dates import Anchor, When, find
from .event_acts import acts
from .event_dates import (
    _DAY_WORDS,
    _DAYS,
    Clause,
    settle_status,
    status_of,
    when_of,
    with_duration,
)
from .event_happenings import happenings
from .event_implied_dates import implied_dates
from .event_milestones import milestones
from .event_model import _TALK_FAMILY, _VISIT_FAMILY, DraftEvent, _Context, _family
from .event_phrases import (
    _ANAPHORIC,
    _BARE,
    _clause,
    _location,
    _name,
    _phrase,
    _specific,
    _split_coordinated,
    _with_adjacent_date,
)
from .event_roles import (
    _hosts_and_guests,
    _occasion_of_dated_act,
    _participants,
    _same_occasion,
    _where_dated,
)
from .event_triggers import _TRIGGER_RX
from .event_visit_dates import visit_dates
from .sentences import Sentence
from .speakers import Discourse
from .statements import DraftStatement
from .text import Span, fold
from .titles import title_of

_LOOKBACK_EVENTS = 60
_LOOKBACK_SENTENCES = 80
#: Triggers of a special form, and the event type each finds.
_RAW_TYPES = {
    "visit_verb": "visit",
    "meeting_verb": "meeting",
    "partnership_clause": "partnership_upgrade",
    "host_verb": "reception",
    "election_verb": "election",
    "session": "dialogue",
}
_FUTURE = re.compile(
    r"\b(?:will|scheduled|expected|upcoming|next|planned|(?:is|are) (?:also )?due to)\b"
)
_PRESENT = re.compile(
    r"\b(?:is|are) (?:on|visiting|paying|attending|under way)\b|\b(?:ends|runs|lasts|until)\b"
)


#: "The agreement was signed by ...": a document named before, so its signing is one named
#: before; "The two sides ... signed" is not a reference back.
_DOCUMENT_BACK = re.compile(
    r"(?:The|This|That|These|Those)\s+(?:[\w-]+\s+){0,2}?(?:agreements?|memorand\w*|MoUs?"
    r"|deals?|contracts?|documents?|letters?|loans?|plans?|programmes?|accords?|treaty|treaties"
    r"|declarations?|protocols?)\b"
)


#: "arrived in Hanoi on Sunday, starting a three-day official visit": the arrival opens it.
_STARTING = re.compile(
    r"[,\s]*(?:starting|beginning|kicking off|to begin|to start|for|on)\s+"
    r"(?:(?:a|an|his|her|their|the)\s+)?"
)


#: "meeting of the Việt Nam–France Joint Economic Committee": a standing body's session.
_COMMITTEE = re.compile(
    r"\s+of\s+(?:the\s+)?(?:[\w’'–-]+\s+){0,8}?(?:[Cc]ommittee|[Cc]ommission)\b"
)
#: "the sixth session of the Việt Nam–France defence policy dialogue": a session of a
#: mechanism (a committee's, a dialogue's, a working group's), not of a legislature.
_MECHANISM = re.compile(
    r"\s+of\s+(?:the\s+)?(?:[\w’'–-]+\s+){0,8}?(?:[Cc]ommittee|[Cc]ommission|[Dd]ialogue"
    r"|[Cc]onsultations?|[Ww]orking [Gg]roup)\b"
)


#: The rank of one meeting in a series: "the fourth session", "the 12th meeting", "its next".
_RANK = re.compile(
    r"\b(?P<n>\d+)(?:st|nd|rd|th)\b|\b(?P<w>(?:[a-z]+-)?[a-z]+(?:st|nd|rd|th)|next|inaugural)\b"
)


def _rank(head: str) -> int | str | None:
    """The rank a phrase gives its event ("fifth session" 5, "12th meeting" 12, "next" next)."""
    for m in _RANK.finditer(head.lower()):
        if m.group("n"):
            return int(m.group("n"))
        w = m.group("w")
        if w in {"next", "inaugural"}:
            return 1 if w == "inaugural" else w
        n = ordinal_word(w)
        if n is not None:
            return n
    return None


def _other_rank(new: str, old: str) -> bool:
    """Two phrases that rank their events differently in one series name two events ("the
    fourth session" and "the fifth session"; "the next meeting" after "the fifth meeting")."""
    a, b = _rank(new), _rank(old)
    return a is not None and b is not None and a != b


#: "was also signed at the ceremony", "at the same ceremony": the signing ceremony told before.
_AT_THE_CEREMONY = re.compile(r"\bat the (?:same )?(?:signing )?ceremony\b")

_TIME_REFERENCE = re.compile(r"\b(?:after|before|following|ahead of|since)\s+$", re.I)


_PLANS = frozenset({"planned", "invited", "proposed"})
#: "will open the French pavilion and": a future verb in the clause before a bare verb.
_AHEAD_CLAUSE = re.compile(
    r"\b(?:will|would|shall|is to|are to|is due to|plans to)\b[^.;]*\band\s+$"
)


class _Builder:
    """Collects the events of one article, merging mentions that point back."""

    def __init__(self, doc: str, anchor: Anchor):
        self.doc = doc
        self.anchor = anchor
        self.events: list[DraftEvent] = []
        self._named: list[DraftEvent] = []
        self._stated = False

    def _merge_target(
        self, ev: DraftEvent, raw: str, ctx: _Context, phrase: Span, trigger: Span
    ) -> DraftEvent | None:
        """The earlier event this mention points back to, if any."""
        anaphoric = bool(_ANAPHORIC.match(self.doc[phrase.start : trigger.start])) or (
            re.search(r"signed|inked", self.doc[trigger.start : trigger.end]) is not None
            and _DOCUMENT_BACK.match(self.doc[phrase.start : phrase.end]) is not None
        )
        mine = {
            a
            for a, (_, how, _) in ev.participants.items()
            if how in {"guest", "host", "participant"}
        }
        if ev.type == "signing" and _AT_THE_CEREMONY.search(self.doc, phrase.start, ctx.s.end):
            # "A framework agreement ... was also signed at the ceremony": the signing just told
            for old in reversed(self.events[-_LOOKBACK_EVENTS:]):
                if old.type == "signing" and 0 <= ctx.s.index - old.sentence <= 2:
                    return old
        candidates: list[DraftEvent] = []
        # Antecedents are recent (or named): looking back a bounded number of sentences keeps
        # drafting linear in the article's length.
        recent = [
            e
            for e in self.events[-_LOOKBACK_EVENTS:]
            if ctx.s.index - e.sentence <= _LOOKBACK_SENTENCES or e.name
        ]
        seen = {id(e) for e in recent}
        named = [e for e in self._named[-_LOOKBACK_EVENTS:] if id(e) not in seen]
        for old in [*named, *recent]:
            if ev.name and old.name and fold(ev.name) == fold(old.name):
                return old
            if (
                ev.type == old.type == "partnership_upgrade"
                and not (ev.name and old.name and fold(ev.name) != fold(old.name))
                and ev.status == old.status
                and (
                    ev.when.start is None
                    or old.when.start is None
                    or (ev.when.start, ev.when.end) == (old.when.start, old.when.end)
                )
            ):
                return old  # a pair's relations are raised to a framework once
            if (
                old.sentence == ctx.s.index
                and _family(old.type) == _family(ev.type) == "visit"
                and (
                    any(p.contains(trigger) for p in old.phrases)
                    or _STARTING.fullmatch(self.doc, old.first.end, phrase.start) is not None
                )
            ):
                # "docked at Cam Ranh on October 16 for a five-day port call": the visit its
                # own sentence already tells
                return old
            same = _family(old.type) == _family(ev.type)
            if same and _other_rank(ev.head, old.head):
                continue  # "The fifth session of the committee" after its fourth: the next one
            if (
                same
                and ev.type == "other"
                and ev.head
                and old.head
                and fold(ev.head.split()[-1]) != fold(old.head.split()[-1])
            ):
                continue  # "the vote" after "the launch of the satellite": another event
            if (
                same
                and ev.type == "other"
                and ev.head
                and old.head
                and fold(ev.head) == fold(old.head)
                and re.match(
                    r"(?:the|this|that|its|their)\s", self.doc[phrase.start : trigger.start], re.I
                )
            ):
                return old  # "a photo exhibition ..." then "The photo exhibition, on display ..."
            # "the ceremony" after a signing, "The agreement ... was signed by": that signing.
            ceremony = anaphoric and ev.type in {"ceremony", "signing"} and old.type == "signing"
            if not same and not ceremony:
                continue
            if ceremony and not mine:
                return old
            if ev.name and old.name:
                continue  # two different names
            theirs = {
                a
                for a, (_, how, _) in old.participants.items()
                if how in {"guest", "host", "participant"}
            }
            if mine and theirs and not mine & theirs:
                continue
            if (
                _family(ev.type) == "talks"
                and not anaphoric
                and len(mine) >= 2
                and len(theirs) >= 2
                and mine - theirs
                and theirs - mine
            ):
                continue  # "Thinh, who met Vernier": another pair than "Khang hosted Vernier"
            if ev.country and old.country and ev.country != old.country:
                continue
            both_own = ev.dated_in_phrase and old.dated_in_phrase
            if (
                ev.when.start
                and old.when.start
                and (both_own or not anaphoric)
                and not (old.when.start <= ev.when.start <= (old.when.end or old.when.start))
            ):
                continue
            planned = {"planned", "invited", "proposed"}
            if (ev.status in planned) != (old.status in planned) and not anaphoric:
                continue
            if mine and theirs and mine & theirs:
                return old
            points_back = anaphoric and not (mine and not theirs) and not ev.name
            same_talks = (
                ev.type in _TALK_FAMILY and ev.type == old.type and not ev.name and not old.name
            )
            same_visit = ev.type == old.type and ev.type in {"state_visit", "official_visit"}
            if points_back or same_talks or same_visit:
                candidates.append(old)
        if not candidates:
            return None
        # ", the first visit by a Vietnamese warship to France": an appositive is the event its
        # own sentence reports; else an unnamed "the upgrade" means the event most talked about.
        return max(
            candidates, key=lambda e: (e.sentence == ctx.s.index, len(e.phrases), -e.first.start)
        )

    def add(self, ctx: _Context, trigger: Span, raw: str) -> DraftEvent | None:
        etype = _RAW_TYPES.get(raw, raw)
        if etype == "meeting" and _COMMITTEE.match(self.doc, trigger.end, ctx.s.end):
            etype = "dialogue"  # "the fourth meeting of the Joint Economic Committee"
        if raw == "session" and not _MECHANISM.match(self.doc, trigger.end, ctx.s.end):
            return None  # "the fifth session of the National Assembly": not a bilateral body's
        phrase = _phrase(ctx, trigger)
        if not _specific(ctx, trigger, phrase, etype, raw):
            return None
        phrase = _with_adjacent_date(ctx, phrase)
        resumed = _resumed(ctx, phrase, trigger)
        status, status_rule = status_of(ctx.doc, ctx.s.span, phrase, raw)
        if (
            status == "occurred"
            and self.doc[trigger.start : trigger.end] == "meet"
            and _AHEAD_CLAUSE.search(self.doc, ctx.s.start, trigger.start)
        ):
            # "Delmas will open the pavilion and meet students": the bare verb shares the plan
            status, status_rule = "planned", "planned: a bare verb after 'will ... and'"
        if status in {"planned", "invited"}:
            # A planned event's "September 15" is the next one, not the last.
            ctx = _Context(
                ctx.doc,
                ctx.s,
                ctx.mentions,
                ctx.statements,
                find(ctx.doc, ctx.s.span, self.anchor, future=True),
                ctx.discourse,
            )
        location, country = _location(ctx, phrase)
        ev = DraftEvent(
            etype,
            [phrase],
            status,
            self._when(ctx, phrase, trigger, etype, status),
            location,
            country,
            _name(ctx, phrase, trigger, etype),
            sentence=ctx.s.index,
            rules=[f"trigger {self.doc[trigger.start : trigger.end]!r}", status_rule],
        )
        ev.dated_in_phrase = self._stated
        if resumed is not None:
            # "welcomed X, who is on a state visit, at the Élysée Palace on Tuesday": the verb's
            # own place and day come after the relative clause
            ev.phrases.append(resumed)
            if ev.when.start is None:
                ev.when = self._when(ctx, resumed, resumed, etype, status)
                ev.dated_in_phrase = self._stated
            if ev.location is None:
                ev.location, ev.country = _location(ctx, resumed)
            ev.rules.append("the verb's place and day after a relative clause")
        ev.head = re.sub(
            r"^(?:(?:the|a|an|this|that|its|his|her|their|our)\s+)+",
            "",
            " ".join(self.doc[phrase.start : trigger.end].split()),
            flags=re.I,
        )
        _settle(ev, self.anchor)
        if not _ANAPHORIC.match(self.doc[phrase.start : trigger.start]):
            # "the meeting" points back: who else the sentence names need not have been at it.
            _participants(ctx, ev, trigger, phrase, raw)
        target = self._merge_target(ev, raw, ctx, phrase, trigger)
        if target is not None:
            self._absorb(target, ev)
            _opened_by_arrival(self.doc, target, ev)
            return target
        if _BARE.fullmatch(self.doc[phrase.start : phrase.end]):
            # "The visit ..." names no event before it: the evidence is the clause that states it.
            clause = _clause(ctx, phrase)
            ev.phrases = [clause]
            if ev.location is None:
                ev.location, ev.country = _location(ctx, clause)
            if ev.when.start is None:
                ev.when = self._when(ctx, clause, trigger, etype, ev.status)
            ev.rules.append("a bare mention: the evidence is its clause")
            # "wrote on X after the meeting": a bare mention that only dates another act, of
            # an event the text does not describe, is nothing a reviewer could keep.
            timing = _TIME_REFERENCE.search(self.doc, max(0, phrase.start - 20), phrase.start)
            undescribed = ev.when.start is None and not ev.participants and ev.location is None
            if timing and undescribed and len(ev.head.split()) == 1:
                return None
        self.events.append(ev)
        if ev.name:
            self._named.append(ev)
        return ev

    def _when(
        self, ctx: _Context, phrase: Span, trigger: Span, etype: str, status: str = "occurred"
    ) -> When:
        clause = Clause(ctx.doc, ctx.s.span, ctx.dates, self.anchor)
        w, stated = when_of(clause, phrase, trigger, etype)
        self._stated = stated
        return with_duration(clause, w, phrase, etype, stated, planned=status in _PLANS)

    def _absorb(self, old: DraftEvent, new: DraftEvent) -> None:
        """Merge a later mention into the event it points back to, keeping the most specific facts."""
        if not any(p.overlaps(new.first) for p in old.phrases):
            old.phrases.append(new.first)
        if old.type == "visit" and new.type in {"state_visit", "official_visit"}:
            old.type = new.type
        coarser = (  # "on Monday for a five-day port call, the first visit ... this year"
            old.when.start is not None
            and new.when.start is not None
            and new.when.start <= old.when.start
            and (old.when.end or old.when.start) <= (new.when.end or new.when.start)
            and (new.when.start, new.when.end) != (old.when.start, old.when.end)
        )
        if (
            new.when.start is not None
            and not coarser
            and (old.when.start is None or (new.dated_in_phrase and not old.dated_in_phrase))
        ):
            old.when = new.when
            old.dated_in_phrase = new.dated_in_phrase
        if (
            old.status == "occurred"
            and new.status in {"ongoing", "planned"}
            and len(old.phrases) == 1
        ):
            old.status = new.status
        old.location = old.location or new.location
        old.country = old.country or new.country
        old.name = old.name or new.name
        for k, v in new.participants.items():
            mine = old.participants.get(k)
            if mine is not None and mine[1] == "participant" and v[1] in {"host", "guest"}:
                # "X received Y" said of the talks: who received whom is more specific.
                old.participants[k] = (mine[0], v[1], mine[2])
            else:
                old.participants.setdefault(k, v)


def find_events(
    doc: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    statements: list[DraftStatement],
    anchor: Anchor,
    discourse: Discourse | None = None,
) -> list[DraftEvent]:
    """Candidate events of the body, merged, in order of first mention."""
    builder = _Builder(doc, anchor)
    mentions_by: dict[int, list[Mention]] = {}
    for mention in mentions:
        mentions_by.setdefault(mention.sentence, []).append(mention)
    statements_by: dict[int, list[DraftStatement]] = {}
    for st in statements:
        statements_by.setdefault(st.sentence, []).append(st)
    for s in sentences:
        future: bool | None = bool(_FUTURE.search(s.text))
        if not future and _PRESENT.search(s.text):
            future = None  # "is on a visit ..., which ends on April 20": the nearest such day
        # Each sentence sees its own mentions and statements: the rules are sentence-local, and
        # handing every sentence the whole article's lists would make drafting quadratic.
        ctx = _Context(
            doc,
            s,
            mentions_by.get(s.index, []),
            statements_by.get(s.index, []),
            find(doc, s.span, anchor, future=future),
            discourse,
        )
        found: list[tuple[Span, str]] = _split_coordinated(doc, s)
        for rx, kind in _TRIGGER_RX:
            for m in rx.finditer(doc, s.start, s.end):
                span = Span(m.start(), m.end())
                if any(span.overlaps(f) for f, _ in found):
                    continue
                found.append((span, kind))
        found.sort(key=lambda f: f[0].start)
        created: list[DraftEvent] = []
        sessions: list[Span] = []
        for span, kind in found:
            if any(p.contains(span) for p in sessions):
                continue  # "the sixth session of the Vietnam–France Strategic Dialogue": one event
            ev = builder.add(ctx, span, kind)
            if ev is not None and kind == "session":
                sessions.extend(ev.phrases)
            if ev is not None:
                created.append(ev)
        # "X during the visit": the visit mentioned inside another event's phrase encloses it.
        for ev in created:
            for other in created:
                if other is ev or other.type not in _VISIT_FAMILY or ev.type in _VISIT_FAMILY:
                    continue
                if any(
                    p.contains(q) or re.search(r"\bduring\b", doc[p.start : q.start])
                    for p in ev.phrases
                    for q in other.phrases
                    if q.start > p.start and p.end >= q.start - 12
                ):
                    ev.part_of = other
        _same_occasion(doc, s, created, created)  # the occasion is said in the same sentence
        _occasion_of_dated_act(doc, s, created)
        _where_dated(doc, s, created)
    _hosts_and_guests(builder.events, discourse)
    facts = (
        milestones(doc, sentences, anchor)
        + acts(doc, sentences, anchor)
        + happenings(doc, sentences, anchor)
    )
    # what an act of the text ("She also inaugurated ...") implies of its date, as for any event
    implied_dates(doc, sentences, [*builder.events, *facts], anchor)
    visit_dates(doc, sentences, builder.events, anchor)
    for ev in builder.events:
        _settle(ev, anchor)
        ev.title = title_of(doc, ev)
    drafted = _with_milestones(doc, builder.events, sorted(facts, key=lambda e: e.first.start))
    for one in drafted:
        _proposal(doc, sentences, one)
    return drafted


#: "He proposed that the two sides ... hold the first meeting of the committee", "Both sides
#: expressed the hope that the first direct flights ... would start in 2028": what someone put
#: forward, not (yet) agreed. A participle or relative clause after a comma (", to be adopted
#: at the next meeting") and what was then agreed or decided are the text's own.
_PROPOSAL = re.compile(
    r"\b(?:proposed|suggested|propose|proposes|suggests|expressed\s+(?:the|his|her|their)\s+hope"
    r"|voiced\s+(?:the|his|her|their)\s+hope)\s+that\s+"
    r"(?P<clause>(?:(?!,\s+(?:to be|which|who|where|when)\b)[^.;])*)$"
)
_SETTLED = re.compile(r"\b(?:agreed|decided|approved|will|already)\b")


def _proposal(doc: str, sentences: list[Sentence], ev: DraftEvent) -> None:
    """An event inside a clause that someone proposed is proposed."""
    if ev.status not in {"planned", "occurred"}:
        return
    s = sentences[ev.sentence] if 0 <= ev.sentence < len(sentences) else None
    if s is None or not s.start <= ev.first.start < s.end:
        return
    m = _PROPOSAL.search(doc[s.start : ev.first.start])
    if m is None or _SETTLED.search(m.group("clause")):
        return
    ev.status = "proposed"
    ev.rules.append("proposed: inside what someone proposed ('proposed that ...')")


#: ", who is on a state visit to France, at the Élysée Palace on Tuesday": a relative clause
#: after a verb's object, then the verb's own adjuncts.
_RELATIVE_THEN = re.compile(
    r",\s+(?:who|which)\s+[^,;.]{1,120},\s+(?P<rest>(?:at|in|on)\s+[^,;.]{1,80}?)"
    r"(?=\s+(?:and|to|for|before|after|where|while)\b|[,;.]|$)"
)


def _opened_by_arrival(doc: str, visit: DraftEvent, mention: DraftEvent) -> None:
    """ "arrived in Hanoi on Sunday, starting a three-day official visit": the arrival's day is
    the first of the days the visit lasts."""
    w = visit.when
    # "arrived in Hanoi on Sunday, starting a three-day visit", or "on a five-day trip to
    # Việt Nam ... arrived in Hà Nội on Wednesday": the length in one phrase, the arrival in the
    # other
    days = _DAYS.search(doc, mention.first.start, mention.first.end) or _DAYS.search(
        doc, max(0, visit.first.start - 30), visit.first.end
    )
    arrival = re.compile(r"(?:arriv|land|touch|dock|berth)")
    if (
        days is None
        or w.start is None
        or w.precision != "day"
        or w.end not in {None, w.start}
        or not (
            arrival.match(doc, visit.first.start, visit.first.end)
            or (arrival.match(doc, mention.first.start, mention.first.end) and w == mention.when)
        )
    ):
        return
    word = days.group("n").lower()
    n = int(word) if word.isdigit() else _DAY_WORDS[word]
    end = w.start + dt.timedelta(days=n - 1)
    visit.when = When(
        w.start, end, "day", "inferred", f"{w.note or 'arrival day'}; {n} days from that day"
    )
    visit.rules.append("dates: the arrival opens the days the visit lasts")


def _resumed(ctx: _Context, phrase: Span, trigger: Span) -> Span | None:
    """The adjuncts of a verb trigger that resume after a relative clause, if any."""
    word = ctx.doc[trigger.start : trigger.end]
    if not re.match(r"(?:receiv|host|welcom|met|visited|arrived|landed|flew)", word):
        return None
    m = _RELATIVE_THEN.match(ctx.doc, phrase.end, ctx.s.end)
    if m is None:
        return None
    return Span(m.start("rest"), m.end("rest"))


def _with_milestones(
    doc: str, events: list[DraftEvent], found: list[DraftEvent]
) -> list[DraftEvent]:
    """Add the milestones; "The Strategic Dialogue was created in 2013" is the creation, not a
    session of the dialogue dated 2013."""
    out = list(events)
    for ms in found:
        if any(p.overlaps(ms.first) for e in out for p in e.phrases):
            continue
        twin = next((e for e in out if ms.stable_id and e.stable_id == ms.stable_id), None)
        if twin is not None:
            twin.phrases.append(ms.first)  # the same milestone said twice: one record
            continue
        out = [
            e
            for e in out
            if not (
                len(e.phrases) == 1
                and _rank(e.head) is None  # "the fourth meeting of the committee, which was set up"
                and e.sentence == ms.sentence
                and 0 <= ms.first.start - e.first.end <= 40
                and e.when.start == ms.when.start
                and not re.search(r"[.;]", doc[e.first.end : ms.first.start])
            )
        ]
        out.append(ms)
    return sorted(out, key=lambda e: e.first.start)


def _settle(ev: DraftEvent, anchor: Anchor) -> None:
    ref = anchor.date
    if (
        ev.type == "other"
        and ev.status == "planned"
        and ref is not None
        and ev.when.precision == "day"
        and ev.when.end is not None
        and ev.when.end < ref
    ):
        # "opened on Saturday evening with a concert ..., and will run until": the future is the
        # season's, the concert's day is past
        ev.status = "occurred"
        ev.rules.append(f"occurred: its days end before the publication day {ref}")
    status, rule = settle_status(ev.status, ev.when, anchor)
    if rule and status != ev.status:
        ev.status = status
        ev.rules.append(rule)
