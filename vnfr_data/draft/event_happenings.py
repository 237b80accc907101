"""Happenings told by their predicate: "X was held", "X took place", works that "began" or "were
completed", a plant that "went into operation", a school "expected to open", flights "resumed",
a route opened, an award conferred.

Much of what news about two countries reports has no event word the trigger rules know: "a
summer camp for children of the diaspora will be held in Hà Nội", "Construction of the project
began in May 2025", "the wind farm went into commercial operation on Wednesday", "Air France
resumed daily flights on the route last October", "the teacher was awarded a certificate of
merit". The predicate says an event happened (or will); its subject or object says what. Each is
one event of type `other`, titled by what it is ("Construction of the project", "Resumption of
daily flights on the route", "Award of a certificate of merit"), dated and given a status from
its own clause by the construction every `other` event shares (`event_milestones.other_event`).

Only a predicate with a determiner-led or named subject (or object) is drafted, and never one
whose subject is a thing held rather than an event held ("the stake is held by", "were held
hostage"), so that the rule proposes happenings, not every passive verb.
"""

from __future__ import annotations

import re

from .dates import Anchor
from .event_dates import status_of
from .event_milestones import other_event
from .event_model import DraftEvent
from .sentences import Sentence
from .text import Span, trim

#: The verb says it is ahead: "will be held", "is expected to begin", "plans to resume".
_AHEAD = re.compile(
    r"\b(?:will|would|shall|is to|are to|(?:is|are) (?:due|expected|scheduled|set|slated|planned)"
    r" to|plans? to|planning to)\b"
)
_PAST = re.compile(
    r"^(?:(?:was|were|had been|has been|have been)\b|took|began|started|kicked|got|went|came"
    r"|opened|resumed|suspended|halted|restarted|ended|finished|launched|inaugurated|awarded"
    r"|presented|conferred|bestowed|\w+ed\b)"
)

#: What an event is held as, the predicate after its subject.
_HELD = (
    r"(?:(?:was|were|is being|are being|will be|would be|(?:is|are) to be|had been|has been"
    r"|have been|(?:is|are) (?:due|expected|scheduled|set|slated|planned) to be)\s+"
    r"(?:also\s+)?(?:held|organi[sz]ed|staged)"
    r"|took place|takes place|(?:will|would) take place|(?:is|are) to take place"
    r"|(?:is|are) (?:due|expected|scheduled|set|slated|planned) to take place"
    r"|kicked off|kicks off|(?:will|would) kick off|got under way|gets under way|(?:will|would) get"
    r" under way|(?:is|are) (?:due|expected|scheduled|set|slated) to (?:get under way|kick off))"
)
_HELD_RX = re.compile(r"\s+" + _HELD + r"\b")
#: "were held hostage", "is held by the state": a thing or a person held, not an event.
_HELD_NOT = re.compile(
    r"\s*(?:by|hostage|captive|in custody|responsible|accountable|liable|in (?:high )?regard"
    r"|up|back|dear|constant|steady|talks)\b"
)
#: Heads of subjects that are no happening ("the stake was held", "the record was held").
_NOT_HAPPENING = re.compile(
    r"^(?:stakes?|shares?|records?|titles?|views?|positions?|posts?|seats?|percent|beliefs?"
    r"|offices?|power|it|this|that|which|they|who|he|she|hostages?|prisoners?|people|suspects?"
    r"|talks|meetings?|visits?|signings?|ceremony|ceremonies|conferences?|forums?|summits?"
    r"|dialogues?|sessions?|festivals?|exhibitions?|fairs?)$",
    re.I,
)

#: Works whose start or end is a milestone: "Construction of the project began in May 2025".
_WORKS = re.compile(
    r"\b(?P<what>[Cc]onstruction|[Rr]estoration|[Rr]enovation|[Ee]xpansion|[Uu]pgrading"
    r"|[Ee]xcavation|[Rr]econstruction|[Dd]redging)(?:\s+works?)?"
    r"(?P<obj>\s+(?:of|on)\s+(?:the|a|an|its|their)\s+(?:[^,;.]|(?<=\d)[,.](?=\d)){1,80}?)?"
    r"\s+(?P<verb>began|begins|started|starts|kicked off|got under way|resumed|ended|finished"
    r"|(?:was|were|has been|had been|have been)\s+(?:completed|finished|launched)"
    r"|(?:will|would|(?:is|are) (?:expected|due|scheduled|set|slated) to)\s+"
    r"(?:begin|start|be completed|be finished|finish|get under way|kick off|resume))\b"
)
#: "the pavilion, whose restoration was completed in 2019": the works of the noun before.
_WHOSE = re.compile(
    r"(?P<np>(?:\b[Tt]he|\b[Aa]n?|\b[Ii]ts|\b[Tt]heir)\s+(?:[\w’'–-]+\s+){0,6}?[\w’'–-]+)"
    r",\s+whose\s+(?P<what>construction|restoration|renovation|expansion|upgrading|reconstruction)"
    r"\s+(?P<verb>began|started|ended|finished|(?:was|were|had been|has been)\s+(?:completed"
    r"|finished)|(?:will|is (?:expected|due|scheduled|set) to)\s+(?:begin|start|be completed))\b"
)
#: "went into commercial operation", "was put into operation", "began operating".
_OPERATION = re.compile(
    r"\s+(?P<verb>(?:went|came|goes|comes|will go|will come|(?:is|are) (?:expected|due|scheduled"
    r"|set|slated) to (?:go|come))\s+(?:in)?to|(?:was|were|will be|has been|have been"
    r"|(?:is|are) (?:expected|due|scheduled|set) to be)\s+(?:put|brought|placed)\s+in(?:to)?"
    r"|began|started|begins|starts|will begin|will start|(?:is|are) (?:expected|due|scheduled"
    r"|set) to (?:begin|start))\s+(?:commercial\s+|full\s+|trial\s+|official\s+)?"
    r"(?:operations?|service|production)\b"
    r"|\s+(?P<verb2>began operating|started operating|came online|came on stream|came on line)\b"
)
#: Facilities that open: "which is expected to open in September 2028".
_FACILITY = re.compile(
    r"(?:school|kindergarten|university|campus|hospital|clinic|office|centre|center|museum"
    r"|library|factory|plant|station|line|bridge|airport|terminal|port|hotel|store|shop|branch"
    r"|consulate|institute|laboratory|lab|park|route|farm|hub|academy|college|mall|market)s?$",
    re.I,
)
_OPENS = re.compile(
    r"\s+(?P<verb>(?:is|are|was|were) (?:expected|due|scheduled|set|slated|planned) to open"
    r"|will open|would open|is to open|are to open|opened|opens)"
    r"(?=\s+(?:in|on|by|next|this|last|early|later|at the end|before|from)\b)"
)
#: "resumed daily flights on the route last October", "suspended its Paris–HCM City service".
_SERVICE = re.compile(
    r"\b(?P<verb>suspended|resumed|halted|restarted|(?:will|would|plans? to|(?:is|are) (?:expected"
    r"|due|set|scheduled) to)\s+(?:resume|suspend|restart|halt))\s+"
    r"(?P<what>(?:its|their|the|a|an|daily|direct|weekly|regular|all|commercial|non-stop|nonstop)"
    r"\s+(?:[\w’'–-]+\s+){0,4}?(?:service|services|flights?|routes?|operations|production"
    r"|exports|imports|shipments|connections?)\b"
    r"(?:\s+(?:between|to|from|on)\s+(?:the\s+)?[^,;.]{1,60}?)?)"
    r"(?=\s+(?:in|on|last|this|next|from|since|after|during|for|at|with|following)\b|[,;.]|$)"
)
#: "the first direct charter flights between Lyon and Đà Lạt would start in 2028": a service's
#: start told by its subject.
_SERVICE_START = re.compile(
    r"(?P<what>(?:\b[Tt]he|\b[Aa]n?|\b[Ii]ts|\b[Tt]heir)\s+"
    r"(?:(?!(?:that|which|the|a|an|of)\b)[\w’'–-]+\s+){0,5}?(?:flights?"
    r"|services?|routes?|air links?|connections?)(?:\s+(?:between|to|from|linking|connecting)\s+"
    r"[^,;.]{1,60}?)?)\s+(?P<verb>(?:will|would|(?:is|are) (?:expected|due|set|scheduled|slated)"
    r" to)\s+(?:start|begin|commence)|started|began|commenced)\b"
    r"(?=\s+(?:in|on|from|next|this|last|by|early|later|operating)\b|[,;.]|$)"
)
#: "The first direct flight between Hà Nội and Lyon took off on Thursday night": a route's
#: first (inaugural, maiden) flight, told by what the aircraft did.
_FIRST_FLIGHT = re.compile(
    r"(?P<what>\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(?:first|inaugural|maiden)\s+"
    r"(?:(?!(?:that|which|the|a|an|of)\b)[\w’'–-]+\s+){0,3}?flights?"
    r"(?:\s+(?:between|to|from|linking|connecting|on)\s+[^,;.]{1,60}?)?)"
    r"\s+(?P<verb>took off|landed|touched down|departed|arrived|(?:will|is to|is due to"
    r"|is scheduled to|is expected to)\s+(?:take off|land|depart|arrive))\b"
)
_SERVICE_NOUNS = {
    "suspended": "Suspension",
    "suspend": "Suspension",
    "resumed": "Resumption",
    "resume": "Resumption",
    "halted": "Suspension",
    "halt": "Suspension",
    "restarted": "Resumption",
    "restart": "Resumption",
}
#: "will open a direct route between Hà Nội and Lyon", "launched a new air link to Paris".
_ROUTE = re.compile(
    r"\b(?P<verb>opened|opens|open|launched|launches|launch|inaugurated)\s+"
    r"(?P<what>(?:a|an|the|its|their)\s+(?:new\s+)?(?:[\w’'–-]+\s+){0,3}?(?:route|air route"
    r"|air link|link|service|line|connection)s?\s+(?:between|from|linking|connecting|to)\s+"
    r"[^,;.]{1,60}?)(?=\s+(?:on|in|from|with|next|this|last|starting|at|by)\b|[,;.]|$)"
)
#: An award given: "was awarded a certificate of merit", "presented the Legion of Honour to".
_AWARD_THING = (
    r"(?:[Mm]edals?|Orders?|[Pp]rizes?|[Aa]wards?|[Cc]ertificates?(?:\s+of\s+\w+)?|[Tt]itles?"
    r"|[Dd]ecorations?|[Ii]nsignia|Legion of Honour|Legion d’honneur|[Bb]adges?|[Tt]roph(?:y|ies))"
)
_AWARDED = re.compile(
    r"\b(?P<verb>(?:was|were|has been|have been|had been|will be|is to be)\s+(?:posthumously\s+)?"
    r"(?:awarded|presented with|conferred|granted|bestowed with))\s+"
    r"(?P<what>(?:the|a|an|two|three)\s+(?:[\w’'–-]+\s+){0,5}?" + _AWARD_THING + r"\b"
    r"(?:\s+of\s+(?:the\s+)?[A-ZĐÀ-Ỹ][^,;.]{0,40}?)?)(?=\s+(?:by|for|in|on|at|from|last|this"
    r"|during|at)\b|[,;.]|$)"
    r"|\b(?P<averb>awarded|presented|conferred|bestowed)\s+(?P<awhat>(?:the|a|an)\s+"
    r"(?:[\w’'–-]+\s+){0,5}?" + _AWARD_THING + r"\b(?:\s+of\s+(?:the\s+)?[A-ZĐÀ-Ỹ][^,;.]{0,40}?)?)"
    r"(?=\s+(?:to|on|upon)\b)"
)
#: The subject of a predicate: a determiner-led or capitalised noun phrase, after the clause's
#: last comma (a leading adverbial, "On Monday,", is not part of it).
_SUBJECT = re.compile(
    r"(?:(?<=^)|(?<=[\s(“\"]))(?P<np>(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hese|[Oo]ur"
    r"|[Hh]is|[Hh]er)\s+[^,;:“”\"]{1,140}?|[A-ZĐÀ-Ỹ][^,;:“”\"]{1,140}?)\s*$"
)
_PREP_SPLIT = re.compile(
    r"\s(?:for|of|on|in|at|between|by|with|from|to|under|about|featuring|involving)\s"
)
#: A subject clause ends at a verb of saying or a conjunction before it: "Officials said the fair".
_SUBJECT_CUT = re.compile(
    r"^.*\b(?:said|says|announced|added|noted|stated|told|that|which|while|when|after|before"
    r"|and|as)\s+",
    re.S,
)
_INSERTED = re.compile(r",\s+[^,;.]{1,100},\s*$")


def _subject(doc: str, s: Sentence, at: int) -> Span | None:
    """The noun phrase that ends right before `at` (an inserted ", ..., " skipped)."""
    seg = doc[s.start : at]
    inserted = _INSERTED.search(seg)
    if inserted is not None:
        seg = seg[: inserted.start()]
    m = _SUBJECT.search(seg)
    if m is None:
        return None
    start = s.start + m.start("np")
    np = m.group("np")
    cut = _SUBJECT_CUT.match(np)
    if cut is not None:
        start += cut.end()
        np = np[cut.end() :]
        if not re.match(r"(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Tt]his|[A-ZĐÀ-Ỹ])", np):
            return None
    a, b = trim(doc, start, start + len(np.rstrip()), " ,;:.")
    if b <= a or len(doc[a:b].split()) > 16:
        return None
    return Span(a, b)


def _head(np: str) -> str:
    """The head noun of a phrase: the last word before its first preposition (years skipped)."""
    first = _PREP_SPLIT.split(" " + np + " ", maxsplit=1)[0]
    words = [w for w in re.findall(r"[\w’'–-]+", first) if not w.isdigit()]
    return words[-1] if words else ""


def _tidy(text: str) -> str:
    text = " ".join(text.split()).strip(" ,")
    text = re.sub(r"^(?:its|their|his|her|The|Its|Their|His|Her|This|this)\s+", "the ", text)
    return re.sub(r"^(A|An)\s", lambda m: m.group(1).lower() + " ", text)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _make(
    doc: str, s: Sentence, a: int, b: int, verb: int, title: str, rule: str, anchor: Anchor
) -> DraftEvent:
    a, b = trim(doc, a, b, " ,;:.")
    phrase = Span(a, b)
    status, why = status_of(doc, s.span, phrase, "other")
    words = doc[verb:b]
    ahead = _AHEAD.search(words[:60]) is not None
    if ahead:
        status, why = "planned", "planned: the verb says it is ahead ('will be held')"
    elif _PAST.match(words) and status == "planned":
        status, why = "occurred", "occurred: its verb is in the past tense"
    return other_event(doc, s, phrase, Span(verb, b), status, anchor, title, [rule, why])


def _held(doc: str, s: Sentence, anchor: Anchor) -> list[DraftEvent]:
    out: list[DraftEvent] = []
    for m in _HELD_RX.finditer(doc, s.start, s.end):
        if _HELD_NOT.match(doc, m.end()):
            continue
        subject = _subject(doc, s, m.start())
        if subject is None:
            continue
        np = doc[subject.start : subject.end]
        head = _head(np)
        if not head or _NOT_HAPPENING.match(head) or head[:1].isdigit():
            continue
        title = _capital(_tidy(np))
        out.append(
            _make(doc, s, subject.start, m.end(), m.start() + 1, title, "happening: held", anchor)
        )
    return out


def _works(doc: str, s: Sentence, anchor: Anchor) -> list[DraftEvent]:
    out: list[DraftEvent] = []
    for m in _WORKS.finditer(doc, s.start, s.end):
        obj = m.group("obj")
        what = m.group("what").capitalize()
        # "Construction began in May" alone: the works, of what the sentence is about
        title = what if obj is None else f"{what} {_tidy(obj.strip())}"
        out.append(
            _make(doc, s, m.start(), m.end(), m.start("verb"), title, "happening: works", anchor)
        )
    for m in _WHOSE.finditer(doc, s.start, s.end):
        # "the story of the Hiển Lâm Các pavilion, whose restoration": the pavilion's
        np = re.split(r"\s(?=(?:the|a|an)\s)", m.group("np"))[-1]
        title = f"{m.group('what').capitalize()} of {_tidy(np)}"
        out.append(
            _make(
                doc,
                s,
                m.start("what") - 6,
                m.end(),
                m.start("verb"),
                title,
                "happening: works",
                anchor,
            )
        )
    return out


def _operation(doc: str, s: Sentence, anchor: Anchor) -> list[DraftEvent]:
    out: list[DraftEvent] = []
    for m in _OPERATION.finditer(doc, s.start, s.end):
        subject = _subject(doc, s, m.start())
        if subject is None:
            continue
        np = doc[subject.start : subject.end]
        if not _head(np) or _NOT_HAPPENING.match(_head(np)):
            continue
        verb = m.start("verb") if m.group("verb") else m.start("verb2")
        title = f"Start of operation of {_tidy(np)}"
        out.append(
            _make(doc, s, subject.start, m.end(), verb, title, "happening: operation", anchor)
        )
    for m in _OPENS.finditer(doc, s.start, s.end):
        before = doc[s.start : m.start()]
        which = re.search(
            r"(?P<np>(?:\b[Tt]he|\b[Aa]n?|\b[Ii]ts|\b[Tt]heir)\s+(?:[\w’'–-]+\s+){0,6}?[\w’'–-]+"
            r"(?:\s+in\s+(?:[A-ZĐÀ-Ỹ][\w’'–-]*\s*){1,4}(?:ward|district|province|city)?)?)"
            r",\s+(?P<which>which)\s*$",
            before,
        )
        if which is not None:
            np = which.group("np")
            a = s.start + which.start("which")
        else:
            subject = _subject(doc, s, m.start())
            if subject is None:
                continue
            np, a = doc[subject.start : subject.end], subject.start
        if not _FACILITY.search(_head(np)):
            continue
        title = f"Opening of {_tidy(np)}"
        out.append(_make(doc, s, a, m.end(), m.start("verb"), title, "happening: opening", anchor))
    return out


def _services(doc: str, s: Sentence, anchor: Anchor) -> list[DraftEvent]:
    out: list[DraftEvent] = []
    for m in _SERVICE.finditer(doc, s.start, s.end):
        verb = m.group("verb").split()[-1]
        title = f"{_SERVICE_NOUNS[verb]} of {_tidy(m.group('what'))}"
        out.append(
            _make(doc, s, m.start(), m.end(), m.start(), title, "happening: service", anchor)
        )
    for m in _SERVICE_START.finditer(doc, s.start, s.end):
        title = f"Start of {_tidy(m.group('what'))}"
        out.append(
            _make(doc, s, m.start(), m.end(), m.start("verb"), title, "happening: service", anchor)
        )
    for m in _FIRST_FLIGHT.finditer(doc, s.start, s.end):
        title = _capital(_tidy(m.group("what")).removeprefix("the "))
        out.append(
            _make(
                doc,
                s,
                m.start(),
                m.end(),
                m.start("verb"),
                title,
                "happening: first flight",
                anchor,
            )
        )
    for m in _ROUTE.finditer(doc, s.start, s.end):
        title = f"Opening of {_tidy(m.group('what'))}"
        out.append(_make(doc, s, m.start(), m.end(), m.start(), title, "happening: route", anchor))
    return out


def _awards(doc: str, s: Sentence, anchor: Anchor) -> list[DraftEvent]:
    out: list[DraftEvent] = []
    for m in _AWARDED.finditer(doc, s.start, s.end):
        what = m.group("what") or m.group("awhat")
        verb = m.start("verb") if m.group("verb") else m.start("averb")
        title = f"Award of {_tidy(what)}"
        out.append(_make(doc, s, verb, m.end(), verb, title, "happening: award", anchor))
    return out


def happenings(doc: str, sentences: list[Sentence], anchor: Anchor) -> list[DraftEvent]:
    """Events told by their predicate, in reading order."""
    out: list[DraftEvent] = []
    for s in sentences:
        for rule in (_held, _works, _operation, _services, _awards):
            for ev in rule(doc, s, anchor):
                route = next(
                    (
                        e
                        for e in reversed(out)
                        if "happening: route" in e.rules and 0 < ev.sentence - e.sentence <= 2
                    ),
                    None,
                )
                if route is not None and "happening: first flight" in ev.rules:
                    # "X will open a direct route ... The first flight is scheduled to depart":
                    # the route's opening, told again by its first flight
                    route.phrases.append(ev.first)
                    continue
                out.append(ev)
    return sorted(out, key=lambda e: e.first.start)
