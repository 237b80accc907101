"""Event titles: what happened, who took part and where, in the dataset's words.

A title is built from the event's record (type or name, participants, place,
date), never cut out of the text: a fragment of a phrase ("Signing of during the
trip", "Visit (visiting)") says nothing to a reader. Who visits is the guest
("Visit to France by Luong Cuong"), who receives is the host ("To Lam receives
Gérard Larcher").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..sources.lexicon import MONTH_PATTERN, WEEKDAY_PATTERN
from .lexicon import COUNTRIES

if TYPE_CHECKING:
    from .event_model import DraftEvent

_VISITS = frozenset({"visit", "state_visit", "official_visit"})
_LABELS = {
    "talks": "Talks",
    "meeting": "Meeting",
    "reception": "Reception",
    "visit": "Visit",
    "state_visit": "State visit",
    "official_visit": "Official visit",
    "signing": "Signing",
    "document_exchange": "Exchange of documents",
    "conference": "Conference",
    "summit": "Summit",
    "dialogue": "Dialogue",
    "ceremony": "Ceremony",
    "commemoration": "Commemoration",
    "partnership_upgrade": "Upgrade of relations",
    "interview": "Interview",
    "election": "Election",
    "disaster": "Disaster",
    "sports_event": "Sports event",
}


#: A visit's country, when nothing else says where it went.
_COUNTRY = {code: name for name, code in reversed(COUNTRIES.items()) if " " not in name}

_NAMED_TYPES = frozenset({"conference", "summit", "dialogue", "disaster", "sports_event"})
_HEAD_TYPES = frozenset({"other", "conference", "dialogue", "ceremony", "summit", "commemoration"})


def _names(ev: DraftEvent, how: set[str], persons: bool = True) -> list[str]:
    return [
        a.name
        for a, h, _ in ev.participants.values()
        if (a.type == "person") == persons and h in how
    ]


#: "visited the Toulon naval base", "toured the Dung Quất Economic Zone", "a visit to Bắc Ninh":
#: the place a visit's own words name, up to its date, purpose or host.
_PLACE = re.compile(
    r"\b(?:visit(?:ed|ing|s)?|toured|touring|tours|to|in|at|arrived in|arrives in|landed in"
    r"|docked at|called at)\s+(?!(?:"
    + MONTH_PATTERN
    + r"|"
    + WEEKDAY_PATTERN
    + r")\b)(?P<place>(?:the\s+(?:(?!(?:from|on|in|to|for|by|at|with)\b)[a-z][\w-]*\s+)"
    r"{0,4}?)?[A-ZĐÀ-Ỹ][^,;.]*)"
)
_PLACE_END = re.compile(
    r"\s+(?:on|in|from|for|at the invitation|during|since|last|this|next|with|by|to|until|ahead"
    r"|after|before|where|which|who|and (?:held|met|paid|attended))\b.*$"
)


#: "... session of the Việt Nam–France defence policy dialogue in Paris": the body that met.
_SESSION_OF = re.compile(
    r".*?\b(?:session|meeting)\s+of\s+(?P<body>(?:the\s+)?(?:[\w’'–-]+\s+){0,8}?(?:[Cc]ommittee"
    r"|[Cc]ommission|[Dd]ialogue|[Cc]onsultations?|[Ww]orking [Gg]roup)\b)"
)


#: "the visit of French Minister for Energy Olga Givernet", "a visit by a delegation of X".
_VISITOR = re.compile(
    r"\b(?:visit|trip|tour)s?\s+(?:of|by)\s+(?P<who>(?:(?:a|an|the)\s+)?(?:[\w’'–-]+\s+){0,3}?"
    r"[A-ZĐÀ-Ỹ][\w’'–-]*(?:\s+(?:of|for|and|the|[A-ZĐÀ-Ỹ][\w’'–-]*))*)"
)


#: "Kervella will also visit": the phrase opens with who visits.
_SUBJECT_VISITS = re.compile(
    r"(?P<who>[A-ZĐÀ-Ỹ][\w’'–-]+(?:\s+[A-ZĐÀ-Ỹ][\w’'–-]+){0,3})\s+(?:(?:will|would|shall|also|then"
    r"|is to|is due to|plans to)\s+)*(?:visit|toured|arriv|travel|fl[eyio]|land)"
)


#: "Lam’s visit", "the minister’s working trip": whose visit it is.
_WHOSE_VISIT = re.compile(
    r"(?P<who>(?:[A-ZĐÀ-Ỹ][\w’'–-]*\s+){0,3}[A-ZĐÀ-Ỹ][\w–-]*)[’']s\s+(?:[\w-]+\s+){0,3}?"
    r"(?:visit|trip|tour|port call|stay)\b"
)


def _visitor_named(doc: str, ev: DraftEvent) -> str | None:
    """Who a visit's own words say visits, when no participant was drafted."""
    for p in ev.phrases:
        text = " ".join(doc[p.start : p.end].split())
        m = _VISITOR.search(text) or _SUBJECT_VISITS.match(text) or _WHOSE_VISIT.search(text)
        if m is not None:
            who = re.sub(r"\s+(?:of|for|and|the)$", "", m.group("who"))
            return _whole_words(who, 60)
    return None


def _visited_place(doc: str, ev: DraftEvent) -> str | None:
    """The place a visit's phrases name, when the gazetteer knows none: two visits in one month
    to different places must not get one title (and so look like one fact twice)."""
    for p in ev.phrases:
        m = _PLACE.search(" ".join(doc[p.start : p.end].split()))
        if m is not None:
            place = _PLACE_END.sub("", m.group("place")).strip()
            if place:
                return _whole_words(place, 60)
    return None


def _when(ev: DraftEvent) -> str:
    w = ev.when
    if w.start is None:
        return ""
    if w.precision == "day":
        return (
            f" on {w.start.isoformat()}"
            if w.end in {None, w.start}
            else f" from {w.start} to {w.end}"
        )
    if w.precision == "month":
        return (
            f" in {w.start:%B %Y}"
            if w.end and (w.end.year, w.end.month) == (w.start.year, w.start.month)
            else f" from {w.start:%B %Y} to {w.end:%B %Y}"
            if w.end
            else ""
        )
    return f" in {w.start.year}"


def title_of(doc: str, ev: DraftEvent) -> str:
    """A short descriptive title: the name, or the kind with its participants, place and date."""
    if ev.name and ev.type in _NAMED_TYPES:
        return (
            ev.name
            if ev.type != "sports_event"
            else f"{ev.name} Games".replace("Games Games", "Games")
        )
    if ev.type in {"signing", "document_exchange"}:
        signing = _signing_title(doc, ev)
        if signing:
            return signing
    label = _LABELS.get(ev.type, "Event")
    head = ev.head
    if ev.type == "other" and head.lower() in {"launch", "inauguration", "vote"}:
        # "the launch of the satellite": the act and what it is of, in the phrase's own words
        said = re.sub(
            r"^(?:the|a|an|its|their)\s+",
            "",
            " ".join(doc[ev.first.start : ev.first.end].split()),
            flags=re.I,
        )
        said = re.sub(
            r"\s+(?:(?:last|next|this|earlier this|later this)\s+(?:week|month|year))$", "", said
        )
        if len(said.split()) > 1:
            return _whole_words(said[0].upper() + said[1:], 90) + _when(ev)
    if ev.type in _HEAD_TYPES and head and len(head.split()) <= 6 and re.search(r"[a-z]", head):
        label = head[0].upper() + head[1:]
        body = _SESSION_OF.match(" ".join(doc[ev.first.start : ev.first.end].split()))
        if body is not None and re.search(r"\b(?:session|meeting)$", head):
            # "the sixth session of the Việt Nam–France defence policy dialogue": of what
            label = _whole_words(f"{label} of {body.group('body')}", 90)
    guests = _names(ev, {"guest"})
    hosts = _names(ev, {"host"})
    others = _names(ev, {"participant", "invitee"})
    if ev.type == "reception" and hosts and guests:
        return f"{hosts[0]} receives {' and '.join(guests[:2])}" + (
            f" in {ev.location}" if ev.location else ""
        )
    if ev.type == "election":
        appointed = re.search(
            r"appoint|office|sworn|named", " ".join(doc[p.start : p.end] for p in ev.phrases)
        )
        label = "Appointment" if appointed else "Election"
        if others:
            return f"{label} of {others[0]}" + _when(ev)
    parts = [label]
    if ev.name and ev.type == "partnership_upgrade":
        parts.append(f"to {ev.name}")
    if ev.location:
        parts.append(("to " if ev.type in _VISITS else "in ") + ev.location)
    elif ev.type in _VISITS and (
        place := _visited_place(doc, ev) or _COUNTRY.get(ev.country or "")
    ):
        parts.append("to " + place)
    people = guests + others if ev.type in _VISITS else hosts + guests + others
    if ev.type in _VISITS and not people:
        # "the delegation of the Brittany Regional Council is on a working trip": who visits
        # is a body, not a person; two visits by different bodies are two records
        people = _names(ev, {"guest", "participant", "invitee"}, persons=False)
        if not people and (visitor := _visitor_named(doc, ev)):
            people = [visitor]  # "the visit of French Minister for Energy Olga Givernet"
        if not people and (host := hosts or _names(ev, {"host"}, persons=False)):
            parts.append("hosted by " + " and ".join(host[:2]))
    if people:
        if ev.type in _VISITS:
            parts.append("by " + " and ".join(people[:3]))
        elif len(people) >= 2 and ev.type in {"talks", "meeting"}:
            parts.append(f"between {', '.join(people[:-1][:2])} and {people[-1]}")
        else:
            parts.append("with " + " and ".join(people[:3]))
    title = " ".join(parts)
    if len(parts) == 1:
        title += _when(ev)
    return title


def _signing_title(doc: str, ev: DraftEvent) -> str | None:
    """ "the two ministers signed a Memorandum of ...": "Signing of a Memorandum of ..."."""
    text = doc[ev.first.start : ev.first.end]
    passive = re.match(
        r"(?P<what>(?:[Tt]he|[Aa]n?|[A-Z0-9])[^,;]*?)\s+(?:was|were|have been|has been|had been|will be"
        r"|would be|is to be|are to be|(?:is|are) expected to be)\s+(?P<verb>signed|exchanged)\b",
        text,
    )
    if (
        passive
        and passive.group("verb") == "exchanged"
        and len(passive.group("what").split()) <= 14
    ):
        what = passive.group("what")
        what = what[0].lower() + what[1:] if not re.match(r"[A-Z]{2}|[A-Z]\w*[A-Z]", what) else what
        return f"Exchange of {_whole_words(what, 90)}"
    if passive and ev.type == "signing" and len(passive.group("what").split()) <= 24:
        # "Agreements and contracts worth nine billion euros were signed on Monday"
        what = passive.group("what")
        what = what[0].lower() + what[1:] if not re.match(r"[A-Z]{2}|[A-Z]\w*[A-Z]", what) else what
        return f"Signing of {_whole_words(what, 90)}"
    done = re.search(
        r"\b(?P<verb>signed|to sign|signing(?: ceremony)?(?: of)?|handed over|handover of|exchange of"
        r"|exchanged)"
        r"\s+(?P<what>.+)$",
        text,
    )
    if not done or re.match(r"(?:by|on|in|at|during|last|earlier|this|next)\b", done.group("what")):
        return None  # "signed on Monday": the text names no document to title it by
    what = re.split(
        r"[,;]|\s(?=(?:scheduled|expected|set|due|which|that|was|were|will|is|are|during|under"
        r"|after|before|following|at)\b)",
        done.group("what"),
    )[0].strip()
    if not re.search(r"[A-Za-z]{3}", what) or what.split()[-1].lower() in {
        "of",
        "the",
        "a",
        "an",
        "and",
    }:
        return None
    head = "Signing" if ev.type == "signing" else "Handover"
    if done.group("verb") in {"exchange of", "exchanged"}:
        head = "Exchange"
    title = f"{head} of {_whole_words(what, 90)}"
    if ev.location and ev.location not in what:
        title += f" in {ev.location}"
    return title


def _whole_words(text: str, limit: int) -> str:
    """At most `limit` characters of `text`, cut between words (marked "…"), never inside one."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return (cut or text.split(" ", 1)[0]) + " …"
