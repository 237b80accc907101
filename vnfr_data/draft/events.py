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

import re
from dataclasses import dataclass, field

from .actors import DraftActor, Mention, person_country
from .dates import Anchor, DateMention, When, find
from .event_dates import Clause, settle_status, status_of, when_of, with_duration
from .furniture import DATELINE
from .lexicon import CITIES, COUNTRIES, wordset
from .sentences import Sentence
from .speakers import Discourse
from .statements import DraftStatement
from .text import Span, fold, trim
from .titles import title_of

_VISIT_FAMILY = frozenset({"visit", "state_visit", "official_visit"})
_TALK_FAMILY = frozenset({"talks", "meeting", "reception"})

#: (pattern, type, needs a determiner or name before it)
_TRIGGERS: tuple[tuple[str, str], ...] = (
    (r"\bstate[- ]level visit\b|\bstate visit\b", "state_visit"),
    (r"\bofficial (?:friendship )?visit\b", "official_visit"),
    (
        r"(?<!to )\b(?:working |landmark |recent |first |historic |upcoming |brief |two-day |three-day |four-day |five-day )?visit\b(?!\w)",
        "visit",
    ),
    (
        r"\b(?:visited|visiting|to visit|arrived in|arrives in|travel to|travelled to|traveled to)\b",
        "visit_verb",
    ),
    (r"\btalks\b", "talks"),
    (r"\bmeeting\b|\bmet with\b|\bmet\b|\bto meet\b", "meeting"),
    (r"\breceiv(?:ed|ing|es)\b|\breception\b", "reception"),
    (
        r"\bsigning ceremony\b|\bsigning(?= of\b)|\bsigning\b|\b(?:was|were|been|be) signed\b"
        r"|\bto sign(?=\s+(?:a|an|the|new|\w+)\s)"
        r"|(?<!\bthe )(?<!\bout )(?<!existing )\bsigned(?=\s+(?:a|an|the|two|three|four|five|six|seven|eight|nine|ten|\d+|several|many|numerous|new|[A-Z])\b"
        r"\s*(?:\S+\s+){0,3}(?:agreements?|memorand\w*|MoUs?|deals?|contracts?|documents?|declarations?|treat\w+|conventions?|accords?|[A-Z]))",
        "signing",
    ),
    (
        r"\bhandover\b|\bhanded over\b|\bexchange of (?:the )?(?:cooperation )?documents\b",
        "document_exchange",
    ),
    (r"\b[Cc]onference\b|\b(?:business |economic )?forum\b|\bseminar\b|\bworkshop\b", "conference"),
    (r"\b(?:film|culture|cultural|food|fashion|music) week\b|\bfestival\b|\bexhibition\b", "other"),
    (r"\b[Ss]ummit\b", "summit"),
    (r"\bForum\b", "conference"),
    (r"\b[Dd]ialogue\b", "dialogue"),
    (
        r"\b(?:\d+(?:st|nd|rd|th)|(?:[a-z]+-)?(?:first|second|third|fifth|eighth|ninth|twelfth"
        r"|[a-z]+(?:th|tieth)|hundredth)) anniversary\b",
        "commemoration",
    ),
    (r"\bceremony\b|\bcelebration\b", "ceremony"),
    (
        r"\b(?:upgrade|elevation|upgrading|elevating)\b|\b(?:upgraded|elevated)\b(?=[^.]{0,80}\bto\b)",
        "partnership_upgrade",
    ),
    (
        r"\bestablish(?:ed|ing)\s+(?:a|an|the)\s+(?:[A-Za-z-]+\s+){0,3}[Pp]artnership\b",
        "partnership_upgrade",
    ),
    (
        r"\b(?:in|during) an interview with\b|\binterview\b|\b(?:[Ss]peaking|[Tt]alking)(?= to\b)",
        "interview",
    ),
    (r"\b(?:re-)?election\b", "election"),
    (
        r"\b(?:Typhoon|Tropical Storm|Storm|Cyclone|Hurricane|Earthquake|Flood|Floods)\s+[A-Z][a-z]+\b",
        "disaster",
    ),
    (
        r"\b(?:Olympic|Paralympic|Olympics|Paralympics|SEA Games|Asian Games|World Cup)\b",
        "sports_event",
    ),
)
_TRIGGER_RX = tuple((re.compile(rx), kind) for rx, kind in _TRIGGERS)
_DETERMINERS = wordset("the a an this that its his her their our these those whose")
_NAME_HEAD = re.compile(r"(?:[A-Z0-9][\w’'–-]*\s+(?:(?:and|of|on|for|the)\s+)*){0,8}$")
_PREPS = r"to|in|on|at|by|of|between|with|from|for|against|during|following|under"
_STOPS = (
    _PREPS
    + r"|and|which|who|that|was|were|is|are|will|has|have|had|ahead|while|as|itself|remains|underscores"
)
_WORD = r"\(?[\w’'–-]+\)?"
_JOIN = r"(?:\s+(?!(?:" + _STOPS + r")\b)|\s+and\s+(?![a-z]+ed\b)(?=[\w(]))"
_EXTENSION = re.compile(
    r"^(?:\s+(?:" + _PREPS + r")\s+(?!(?:which|whom|that|whose)\b)"
    r"(?:(?:the|a|an|their|his|her|its|both|two)\s+)?" + _WORD + r"(?:" + _JOIN + _WORD + r"){0,7}"
    r"(?:,\s+(?:1[89]|20)\d{2}\b)?)+"
)
_FOLLOWS = re.compile(r"^,\s*(?:scheduled|expected|slated|due|set|planned)\s+(?:to|for)\s+[^,;.]*")
_LOOKBACK_EVENTS = 60
_LOOKBACK_SENTENCES = 80
_FUTURE = re.compile(r"\b(?:will|scheduled|expected|upcoming|next|planned)\b")
_PRESENT = re.compile(
    r"\b(?:is|are) (?:on|visiting|paying|attending|under way)\b|\b(?:ends|runs|lasts|until)\b"
)
_ANAPHORIC = re.compile(r"^(?:the|their|this|that|its|his|her)\s+$", re.I)
_VERB_TRIGGER = re.compile(
    r"^(?:receiv(?:ed|ing|es)|met(?: with)?|to meet|visited|visiting|to visit|arrived in|arrives in"
    r"|travel to|travelled to|traveled to|to sign)$",
    re.I,
)
#: The places a visit verb names: "to visit Huế and Đà Nẵng", "arrived in Paris".
_PLACES_AFTER = re.compile(
    r"^\s+(?:[A-ZÀ-ÖØ-ÞĐ][\w’'-]*(?:\s+[A-ZÀ-ÖØ-ÞĐ][\w’'-]*)*(?:,?\s+and\s+)?)+"
)
_CLAUSE_TRIGGER = re.compile(
    r"^(?:upgraded|elevated|establish(?:ed|ing)\b.*|(?:was|were|been|be) signed|signed)$",
    re.I | re.S,
)
_INTERVIEW_VERB = re.compile(r"^(?:[Ss]peaking|[Tt]alking)$")
_SIGNED_OBJECT = re.compile(
    r"^\s+(?:\S+\s+){0,5}?(?:agreements?|memorand\w*(?:\s+of\s+understanding)?|MoUs?|deals?"
    r"|contracts?|documents?|declarations?|treat\w+|conventions?|accords?|(?:[A-Z][\w’'–-]*\s*)+)"
)


@dataclass
class DraftEvent:
    """One drafted event with every phrase that mentions it."""

    type: str
    phrases: list[Span]
    status: str
    when: When
    location: str | None = None
    country: str | None = None
    name: str | None = None
    participants: dict[str, tuple[DraftActor, str, Span]] = field(
        default_factory=dict
    )  # id -> (actor, participation, evidence)
    part_of: DraftEvent | None = None
    sentence: int = 0
    rules: list[str] = field(default_factory=list)
    title: str = ""
    head: str = ""  # the phrase's own words up to its trigger ("French film week")
    dated_in_phrase: bool = False  # the date is the phrase's own, not only its clause's
    existing: str | None = None  # the dataset's id of the same event, when linked
    candidates: tuple[str, ...] = ()  # dataset ids it may be, when unsure

    @property
    def first(self) -> Span:
        return self.phrases[0]


def _family(t: str) -> str:
    if t in _VISIT_FAMILY:
        return "visit"
    return "talks" if t in _TALK_FAMILY else t


@dataclass
class _Context:
    doc: str
    s: Sentence
    mentions: list[Mention]
    statements: list[DraftStatement]
    dates: list[DateMention]
    discourse: Discourse | None = None


_BACK_STOP = wordset("""
    to in on at of for with during after before following ahead since and by from that which while
    as under into is was were are be been hold holding held attend attending witnessed made making
    paid paying advance confirm welcomed marked mark marks
    """)


_LEADING = re.compile(
    r"(?:(?:On|In|At|During|Regarding|Following|After|Before|Beyond|Amid|As|For|With|Additionally|Meanwhile"
    r"|Building on|Last|This|Earlier)\b[^,]{0,120},\s*)"
)


def _clause_start(ctx: _Context, pos: int, passive: bool = False) -> int:
    """Start of the clause holding `pos`.

    A passive verb's subject may be a long list with commas ("Many documents in the fields of
    a, b and c were signed"), so it starts after a leading adverbial only; otherwise the clause
    starts after the last comma, semicolon or subordinating word.
    """
    if passive:
        dateline = DATELINE.match(ctx.s.text)
        offset = dateline.end() if dateline else 0
        m = _LEADING.match(ctx.s.text, offset)
        return ctx.s.start + (m.end() if m else offset)
    text = ctx.doc[ctx.s.start : pos]
    cuts = [text.rfind(", "), text.rfind("; ")]
    cuts += [
        m.end() - 2 for m in re.finditer(r"\b(?:since|when|after|that|which|where|while) ", text)
    ]
    cut = max(cuts)
    return ctx.s.start + (cut + 2 if cut >= 0 else 0)


def _phrase(ctx: _Context, trigger: Span) -> Span:
    """The noun phrase around a trigger: its modifiers before, its prepositional tail after."""
    doc, s = ctx.doc, ctx.s
    word = doc[trigger.start : trigger.end]
    start = trigger.start
    end = trigger.end
    if _CLAUSE_TRIGGER.match(word):
        start = _clause_start(ctx, trigger.start, passive=" signed" in word or word == "signed")
    if (
        not _CLAUSE_TRIGGER.match(word)
        and not _VERB_TRIGGER.match(word)
        and not _INTERVIEW_VERB.match(word)
    ):
        head = doc[s.start : trigger.start]
        tokens = list(re.finditer(r"[\w’'–-]+", head))
        for k in range(len(tokens) - 1, -1, -1):
            m = tokens[k]
            w = m.group()
            if head[m.end() : start - s.start].strip() not in {"", "(", ")"}:
                break
            lower = w.lower()
            inside_name = (
                lower in {"and", "of", "for", "on", "the"}
                and k > 0
                and tokens[k - 1].group()[:1].isupper()
                and doc[start : start + 1].isupper()
            )
            if lower in _BACK_STOP and not inside_name:
                break
            start = s.start + m.start()
            if lower in _DETERMINERS or trigger.start - start > 90:
                break
    if word in {"signed", "to sign"}:
        obj = _SIGNED_OBJECT.match(doc[end : s.end])
        if obj:
            end += len(obj.group().rstrip())
    elif _CLAUSE_TRIGGER.match(word):
        pass
    elif _VERB_TRIGGER.match(word) or _INTERVIEW_VERB.match(word):
        # "receiving X", "met with X", "visited Vietnam": the object belongs to the phrase.
        nxt = next((m for m in ctx.mentions if 0 <= m.full.start - trigger.end <= 6), None)
        if nxt is not None:
            end = nxt.span.end
        elif re.search(r"visit|arriv|travel", word):
            places = _PLACES_AFTER.match(doc[end : s.end])
            if places:
                end += len(re.sub(r"(?:,?\s+and\s*)$", "", places.group().rstrip()))
    ext = _EXTENSION.match(doc[end : s.end])
    if ext:
        end += len(ext.group().rstrip())
    follow = _FOLLOWS.match(doc[end : s.end])
    if follow:
        end += len(follow.group().rstrip())
    a, b = trim(doc, start, end, " ,;:.")
    return Span(a, b)


def _with_adjacent_date(ctx: _Context, phrase: Span) -> Span:
    """ "the 14th Conference next month": a date right after the phrase belongs to it."""
    for d in ctx.dates:
        gap = ctx.doc[phrase.end : d.span.start]
        if d.span.start >= phrase.end and re.fullmatch(r"\s*(?:,\s*)?(?:on|in|at)?\s*", gap):
            return Span(phrase.start, d.span.end)
    return phrase


def _location(ctx: _Context, phrase: Span) -> tuple[str | None, str | None]:
    """A city or country after "in", "to", "at" or "visit", from the general gazetteer."""
    text = ctx.doc[phrase.start : phrase.end]
    for m in re.finditer(
        r"\b(?:in|to|at|visit|visiting|visited)\s+((?:[A-Z][\w’'-]*\s?){1,4})", text
    ):
        place = m.group(1).strip()
        for name, code in (*CITIES.items(), *COUNTRIES.items()):
            if place == name or place.startswith(name + " "):
                return name, code
    return None, None


def _name(ctx: _Context, phrase: Span, trigger: Span, etype: str) -> str | None:
    """A capitalised event name ("Francophonie Summit", "Defence Strategy and Cooperation Dialogue")."""
    word = ctx.doc[trigger.start : trigger.end]
    if etype in {"disaster", "sports_event"}:
        return word
    if etype == "partnership_upgrade":
        made = re.search(r"(?:[Pp]artnership|[Rr]elationship)$", word)
        if made:
            return re.sub(r"^establish\w*\s+(?:a|an|the)\s+", "", word)
        target = re.match(
            r"[^.;]{0,80}?\b(?:to|into)\s+(?:a|an|the)?\s*[“\"]?((?:[\w-]+\s+){0,3}?[Pp]artnership)\b",
            ctx.doc[trigger.end : ctx.s.end],
        )
        return target.group(1).strip() if target else None
    if not word[:1].isupper():
        return None
    head = _NAME_HEAD.search(ctx.doc[phrase.start : trigger.start])
    name = (head.group() if head else "") + word
    name = re.sub(r"^\d+(?:st|nd|rd|th)\s+", "", name.strip())
    return name if len(name.split()) >= 2 else None


def _specific(ctx: _Context, trigger: Span, phrase: Span, etype: str, raw: str) -> bool:
    """Is this one particular event, not a kind of thing?"""
    doc = ctx.doc
    word = doc[trigger.start : trigger.end]
    before = doc[phrase.start : trigger.start].strip().lower()
    after = doc[trigger.end : trigger.end + 20]
    if any(m.span.overlaps(trigger) and m.actor.type != "person" for m in ctx.mentions):
        return False  # "Asia-Europe Meeting" is an organisation
    if etype == "interview" and re.match(
        r"\s+to\s+(?:the\s+)?(?:press|reporters|journalists|media)\b", after
    ):
        return False  # "Speaking to the press after the ceremony": remarks, not an interview
    if etype in {"disaster", "sports_event", "commemoration", "interview", "partnership_upgrade"}:
        return True
    if etype == "signing" and re.search(
        r"\b(?:no|not|never|yet to be|has not|had not|have not)\b[^.;]{0,30}$",
        doc[ctx.s.start : trigger.start],
    ):
        return False  # "no contract had been signed": nothing happened
    if etype == "signing":
        if "signed" in word or "ceremony" in word or word == "to sign":
            return True
        # "the signing of <documents>": one signing, even when not yet dated.
        tail = doc[trigger.end : ctx.s.end]
        return bool(before) and bool(
            re.search(
                r"^\s+of\s+(?:\w+\s+){0,3}(?:agreements?|memorand\w*|MoUs?|deals?|contracts?|documents?|declarations?|[A-Z])",
                tail,
            )
        )
    if word[:1].isupper() and etype in {"conference", "summit", "dialogue"}:
        return True
    if raw == "visit_verb":
        return True
    if etype == "reception":
        if word.lower() == "reception":
            return bool(before)
        return any(
            m.actor.type == "person"
            and m.full.start - trigger.end <= 6
            and m.full.start >= trigger.end
            for m in ctx.mentions
        )
    if (
        etype == "meeting"
        and word == "meeting"
        and re.search(
            r"\b(?:after|before|while|when)\s+$",
            doc[max(ctx.s.start, trigger.start - 10) : trigger.start],
        )
    ):
        return True  # "a day after meeting X": the gerund names one meeting
    if etype == "meeting" and word.startswith("met"):
        return any(
            m.full.start >= trigger.end and m.full.start - trigger.end <= 6 for m in ctx.mentions
        )
    if etype == "dialogue":
        return bool(
            re.search(
                r"\b(?:inaugural|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
                r"|\d+(?:st|nd|rd|th)|annual|next|strategic|economic|bilateral)\b",
                before,
            )
        ) or (bool(before) and after.lstrip().startswith(("on ", "between ")))
    if etype == "talks":
        prev = doc[max(ctx.s.start, trigger.start - 12) : trigger.start].lower()
        return bool(before) or bool(
            re.search(r"\b(?:at|during|in|after|following|held|hold|holding|for)\s*$", prev)
        )
    if etype == "election":
        return bool(before)
    return (
        bool(before)
        and before.split()[0] in _DETERMINERS | {"recent", "upcoming", "landmark"}
        or bool(re.search(r"[’']s$", before))
        or bool(before and before.split()[0][:1].isupper())
    )


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
    elif ev.type == "interview":
        for m in in_phrase:
            if m.actor.type == "media":
                add(m.actor, "organiser", m.full)
        for who in speakers:
            if not who.joint:
                add(who.speaker, "participant", phrase)
                break


#: A bare mention: a determiner and the trigger ("The visit", "the talks"), nothing more.
_BARE = re.compile(
    r"(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]heir|[Hh]is|[Hh]er|[Ii]ts)\s+(?:[a-z][\w-]*\s+)?[a-z]+"
)


def _clause(ctx: _Context, phrase: Span) -> Span:
    """From a phrase to the end of its clause (the next comma, semicolon or dash, or the
    sentence end), so that the evidence states what the phrase names."""
    doc, s = ctx.doc, ctx.s
    m = re.search(r",\s|;\s|\s[–—]\s", doc[phrase.end : s.end])
    end = phrase.end + m.start() if m else s.end
    a, b = trim(doc, phrase.start, end, " ,;:.")
    return Span(a, b)


class _Builder:
    """Collects the events of one article, merging mentions that point back."""

    def __init__(self, doc: str, anchor: Anchor):
        self.doc = doc
        self.anchor = anchor
        self.events: list[DraftEvent] = []
        self._stated = False

    def _merge_target(
        self, ev: DraftEvent, raw: str, ctx: _Context, phrase: Span, trigger: Span
    ) -> DraftEvent | None:
        """The earlier event this mention points back to, if any."""
        anaphoric = bool(_ANAPHORIC.match(self.doc[phrase.start : trigger.start])) or (
            "signed" in self.doc[trigger.start : trigger.end]
            and re.match(r"(?:The|This|That|These|Those)\b", self.doc[phrase.start : phrase.end])
            is not None
        )
        mine = {
            a
            for a, (_, how, _) in ev.participants.items()
            if how in {"guest", "host", "participant"}
        }
        candidates: list[DraftEvent] = []
        # Antecedents are recent (or named): looking back a bounded number of sentences keeps
        # drafting linear in the article's length.
        recent = [
            e
            for e in self.events[-_LOOKBACK_EVENTS:]
            if ctx.s.index - e.sentence <= _LOOKBACK_SENTENCES or e.name
        ]
        named = [e for e in self.events if e.name and e not in recent][-_LOOKBACK_EVENTS:]
        for old in [*named, *recent]:
            if ev.name and old.name and fold(ev.name) == fold(old.name):
                return old
            same = _family(old.type) == _family(ev.type)
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
        # An unnamed "the upgrade" means the event most talked about.
        return max(candidates, key=lambda e: (len(e.phrases), -e.first.start))

    def add(self, ctx: _Context, trigger: Span, raw: str) -> DraftEvent | None:
        etype = "visit" if raw == "visit_verb" else raw
        phrase = _phrase(ctx, trigger)
        if not _specific(ctx, trigger, phrase, etype, raw):
            return None
        phrase = _with_adjacent_date(ctx, phrase)
        status, status_rule = status_of(ctx.doc, ctx.s.span, phrase, raw)
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
            self._when(ctx, phrase, trigger, etype),
            location,
            country,
            _name(ctx, phrase, trigger, etype),
            sentence=ctx.s.index,
            rules=[f"trigger {self.doc[trigger.start : trigger.end]!r}", status_rule],
        )
        ev.dated_in_phrase = self._stated
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
            return target
        if _BARE.fullmatch(self.doc[phrase.start : phrase.end]):
            # "The visit ..." names no event before it: the evidence is the clause that states it.
            clause = _clause(ctx, phrase)
            ev.phrases = [clause]
            if ev.location is None:
                ev.location, ev.country = _location(ctx, clause)
            if ev.when.start is None:
                ev.when = self._when(ctx, clause, trigger, etype)
            ev.rules.append("a bare mention: the evidence is its clause")
        self.events.append(ev)
        return ev

    def _when(self, ctx: _Context, phrase: Span, trigger: Span, etype: str) -> When:
        clause = Clause(ctx.doc, ctx.s.span, ctx.dates, self.anchor)
        w, stated = when_of(clause, phrase, trigger, etype)
        self._stated = stated
        return with_duration(clause, w, phrase, etype, stated)

    def _absorb(self, old: DraftEvent, new: DraftEvent) -> None:
        """Merge a later mention into the event it points back to, keeping the most specific facts."""
        if not any(p.overlaps(new.first) for p in old.phrases):
            old.phrases.append(new.first)
        if old.type == "visit" and new.type in {"state_visit", "official_visit"}:
            old.type = new.type
        if new.when.start is not None and (
            old.when.start is None or (new.dated_in_phrase and not old.dated_in_phrase)
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


def _split_coordinated(doc: str, s: Sentence) -> list[tuple[Span, str]]:
    """ "the 2024 Paris Olympic and Paralympic Games": two events sharing one head noun."""
    out = []
    for m in re.finditer(
        r"\b(Olympic|Paralympic|Olympics|Paralympics)\s+and\s+(Olympic|Paralympic)\s+Games\b",
        s.text,
    ):
        out.append((Span(s.start + m.start(1), s.start + m.end(1)), "sports_event"))
        out.append((Span(s.start + m.start(2), s.start + m.end(2)), "sports_event"))
    return out


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
        for span, kind in found:
            ev = builder.add(ctx, span, kind)
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
        _same_occasion(doc, s, created, builder.events)
    _hosts_and_guests(builder.events, discourse)
    for ev in builder.events:
        _settle(ev, anchor)
        ev.title = title_of(doc, ev)
    return builder.events


def _settle(ev: DraftEvent, anchor: Anchor) -> None:
    status, rule = settle_status(ev.status, ev.when, anchor)
    if rule and status != ev.status:
        ev.status = status
        ev.rules.append(rule)


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


def _hosts_and_guests(events: list[DraftEvent], discourse: Discourse | None) -> None:
    """Who visits whom, and who receives whom, holds for the whole occasion: in talks and
    meetings, the guest of a visit (or of the reception merged into them) is the guest, and a
    participant from the host country, the country the event takes place in, is the host."""
    roles = discourse.roles if discourse is not None else {}
    visits = [e for e in events if e.type in _VISIT_FAMILY and e.status in {"occurred", "ongoing"}]
    for ev in events:
        if ev.type not in _TALK_FAMILY or ev.status not in {"occurred", "ongoing"}:
            continue
        for visit in visits:
            for actor_id, (_, how, _) in visit.participants.items():
                mine = ev.participants.get(actor_id)
                if how == "guest" and mine is not None and mine[1] == "participant":
                    ev.participants[actor_id] = (mine[0], "guest", mine[2])
        guests = [a for a, how, _ in ev.participants.values() if how == "guest"]
        hosts = [a for a, how, _ in ev.participants.values() if how == "host"]
        country = ev.country or next((v.country for v in visits if v.country), None)
        if not guests or country is None:
            continue
        guest_countries = {person_country(a, " ".join(roles.get(a.id, []))) for a in guests}
        if country in guest_countries:
            continue
        for actor_id, (actor, how, span) in list(ev.participants.items()):
            home = person_country(actor, " ".join(roles.get(actor_id, [])))
            if how == "participant" and home == country and not hosts:
                ev.participants[actor_id] = (actor, "host", span)
