"""Dates the text gives an event only by implication, from a neighbouring clause or sentence.

- "X announced on Friday that ... Speaking at a meeting with Y, X said ...": the meeting is
  where the announcement was made, so it has the announcement's day (the previous sentence's
  one day, when it names exactly one).
- "The agreement was signed ... on the sidelines of a dialogue": the dialogue is held the day
  of the signing.
- "A film week opened on May 25 ... Speaking at the opening ceremony": the opening ceremony is
  the first day of what opened.
- "... before returning home on Friday": the visit of the one who returns ends that day.
- "On the same day, ...", "... later in the day": the day the sentences before name (the
  nearest of the twelve before that names exactly one).
- "X and Y on Monday agreed ..., Z said after talks with W": the talks are the day the
  sentence names (when it names exactly one).
- "She also inaugurated ...": a sentence that goes on with what the same subject also did,
  naming no day, is the day the sentence before names (when it names exactly one).

- "After the session, the two sides signed ...", "... were exchanged at the forum", "signed
  ... on the sidelines of the opening": an act placed at an event named before by its noun
  ("the session", "the forum") is that event's day; at "the opening", the first day of what
  opened (the nearest such event of the five sentences before that is dated to one day).

Each inferred date says where it came from in its note; an event the text dates itself is
never changed.
"""

from __future__ import annotations

import bisect
import re

from .dates import Anchor, DateMention, When, find
from .event_model import DraftEvent
from .sentences import Sentence
from .text import Span

_SPEAKING_AT = re.compile(r"(?:^|,\s*)(?:[Ss]peaking|[Tt]alking)\s+(?:to [\w\s]+?\s+)?at\s+$")
_SIDELINES = re.compile(r"\bon the (?:sidelines|margins?) of\s+$")
_OPENING = re.compile(r"\bopening\s+(?:ceremony|session|night)\b|\bthe opening\b", re.I)
_OPENED = re.compile(r"\b(?:opened|opens|kicked off|kicks off|began|begins|was launched)\b")
_RETURNS = re.compile(
    r"\b(?:before|ahead of)\s+(?:returning|flying|heading)\s+(?:home|back)\b|"
    r"\b(?:before|ahead of)\s+returning\s+to\s+[A-Z][\w’'-]*|"
    r"\b(?:will return|returns|is due to return|leaves|will leave)\s+(?:home|for home)\b"
)
_SAME_DAY = re.compile(
    r"\b(?:[Oo]n the same day|[Tt]he same day|later (?:in|on) the day|later that day"
    r"|that (?:same )?(?:afternoon|evening)|[Tt]he same (?:morning|afternoon|evening)"
    r"|[Ee]arlier (?:in|on) the day|earlier that day)\b"
)
#: "She also inaugurated ...": what the one the sentence before spoke of also did, then.
_ALSO = re.compile(
    r"^(?:He|She|They|The (?:two )?(?:sides|ministers|leaders|delegations?|ship|frigate))\s+also\b"
)
_AFTER_TALKS = re.compile(r"\b(?:said|told \w+|announced|stated)\s+(?:after|following|at)\s+$")
_VISITS = frozenset({"visit", "state_visit", "official_visit"})
_SAME_DAY_BACK = 12  # sentences "the same day" may look back over
_BEFORE = 40  # characters before a phrase that say how it is placed
#: "After the session, ...", "... at the forum": an occasion named by its noun alone.
_AT_THE = re.compile(
    r"(?P<how>\b(?:[Aa]fter|[Ff]ollowing|[Aa]t the end of|[Oo]n the (?:sidelines|margins?) of"
    r"|[Aa]t|[Dd]uring))\s+the\s+(?P<noun>[a-z]+)\b(?!\s+of\b)"
)
#: Acts that happen at an occasion (what "after the session" can date).
#: ("After the meeting, the guests handed over two ambulances": an act of kind `other` too.)
_AT_OCCASION = frozenset(
    {"signing", "document_exchange", "meeting", "reception", "ceremony", "other"}
)
_OCCASION_NOUNS = frozenset(
    {
        "talks",
        "session",
        "meeting",
        "forum",
        "conference",
        "ceremony",
        "dialogue",
        "summit",
        "reception",
        "opening",
        "festival",
        "fair",
        "exhibition",
        "consultations",
        "roundtable",
    }
)


def _day(when: When) -> bool:
    return when.start is not None and when.precision == "day" and when.end in {None, when.start}


def _one_day(mentions: list[DateMention]) -> DateMention | None:
    """The one day a clause names (a dateline naming the same day is no second one)."""
    days = [m for m in mentions if _day(m.when)]
    return days[-1] if len({m.when.start for m in days}) == 1 else None


def _inferred(start: When, note: str) -> When:
    return When(start.start, start.start, "day", "inferred", note)


def _same_day(
    doc: str, sentences: list[Sentence], s: Sentence, ev: DraftEvent, anchor: Anchor, future: bool
) -> bool:
    """ "On the same day, ...": the day the nearest of the sentences before names (a dozen at
    most: a report of a day's meetings tells the day once, in its lead), when it names exactly
    one. A year of something else in the sentence ("the committee, which was set up in 2013")
    names no day of its own. Of a planned event, the days before are read ahead."""
    if not _SAME_DAY.search(s.text) or any(_day(m.when) for m in find(doc, s.span, anchor)):
        return False
    day = None
    for i in range(s.index - 1, max(-1, s.index - 1 - _SAME_DAY_BACK), -1):
        day = _one_day(find(doc, sentences[i].span, anchor, future=future))
        if day is not None:
            break
    if day is None:
        return False
    ev.when = _inferred(day.when, f"'the same day' as {day.text!r} before")
    ev.rules.append("date: 'the same day' as the day named before")
    return True


def _planned_same_day(
    doc: str, sentences: list[Sentence], starts: list[int], ev: DraftEvent, anchor: Anchor
) -> None:
    k = bisect.bisect_right(starts, ev.first.start) - 1
    if k >= 0:
        _same_day(doc, sentences, sentences[k], ev, anchor, future=True)


def implied_dates(
    doc: str, sentences: list[Sentence], events: list[DraftEvent], anchor: Anchor
) -> None:
    """Give undated events the day their neighbours imply; end visits at a stated return."""
    starts = [x.start for x in sentences]
    by_sentence: dict[int, list[DraftEvent]] = {}  # every sentence an event is named in
    for ev in events:
        for p in ev.phrases:
            k = bisect.bisect_right(starts, p.start) - 1
            if k >= 0 and all(e is not ev for e in by_sentence.setdefault(k, [])):
                by_sentence[k].append(ev)
    for ev in events:
        if ev.when.start is None and ev.status == "planned":
            _planned_same_day(doc, sentences, starts, ev, anchor)
        if ev.when.start is not None or ev.status not in {"occurred", "ongoing"}:
            continue
        k = bisect.bisect_right(starts, ev.first.start) - 1
        if k < 0:
            continue
        s = sentences[k]
        lead = doc[max(s.start, ev.first.start - _BEFORE) : ev.first.start]
        if _SIDELINES.search(lead):
            dated = [e for e in by_sentence.get(s.index, []) if e is not ev and _day(e.when)]
            if len(dated) == 1:
                ev.when = _inferred(
                    dated[0].when, f"held the day of the {dated[0].type} on its sidelines"
                )
                ev.rules.append("date: the day of what happened on its sidelines")
                continue
        if _SPEAKING_AT.search(lead) and s.index > 0:
            previous = sentences[s.index - 1]
            day = _one_day(find(doc, previous.span, anchor))
            if day is not None:
                ev.when = _inferred(
                    day.when, f"the day of {day.text!r} in the sentence before, said at it"
                )
                ev.rules.append("date: what was said at it the sentence before")
                continue
        if _AFTER_TALKS.search(lead):
            day = _one_day([d for d in find(doc, s.span, anchor) if not ev.first.contains(d.span)])
            if day is not None:
                ev.when = _inferred(day.when, f"the day of {day.text!r}, what was agreed at it")
                ev.rules.append("date: what the sentence says was agreed at it")
                continue
        if _same_day(doc, sentences, s, ev, anchor, future=False):
            continue
        if _ALSO.match(s.text) and s.index > 0 and not find(doc, s.span, anchor):
            day = _one_day(find(doc, sentences[s.index - 1].span, anchor))
            if day is not None:
                ev.when = _inferred(
                    day.when, f"what '{s.text.split()[0]} also' did, the day of {day.text!r} before"
                )
                ev.rules.append("date: 'also', the day the sentence before names")
                continue
        if ev.type in _AT_OCCASION and _at_named_occasion(
            doc, sentences, s, ev, events, by_sentence
        ):
            continue
        if _OPENING.search(doc[ev.first.start : ev.first.end]):
            opened = _what_opened(sentences, s.index, by_sentence)
            if opened is not None:
                ev.when = _inferred(opened.when, f"the first day of the {opened.type} that opened")
                ev.rules.append("date: the opening of what opened")
    _returns(doc, sentences, events, anchor)


def _at_named_occasion(
    doc: str,
    sentences: list[Sentence],
    s: Sentence,
    ev: DraftEvent,
    events: list[DraftEvent],
    by_sentence: dict[int, list[DraftEvent]],
) -> bool:
    """ "After the session, the two sides signed ...", "... were exchanged at the forum": the
    day of the event named before by that noun (the opening: of what opened)."""
    q = ev.first
    found = None
    for m in _AT_THE.finditer(doc, s.start, s.end):
        before = m.end() <= q.start and not re.search(r"[.;]", doc[m.end() : q.start])
        after = q.start < m.start() and m.start() - q.end <= 40  # "were exchanged at the forum"
        if (before or after) and m.group("noun") in _OCCASION_NOUNS:
            found = m
            break
    if found is None:
        return False
    noun = found.group("noun")
    said = f"'{found.group('how')} the {noun}'"
    if noun == "opening":
        opened = _what_opened(sentences, s.index, by_sentence, back=5, own=True)
        if opened is None:
            return False
        ev.when = _inferred(opened.when, f"{said}: the first day of the {opened.type} that opened")
        ev.rules.append("date: the opening of what opened")
        return True
    first = max(0, s.index - 5)
    named = [
        e
        for e in events
        if e is not ev
        and _day(e.when)
        and first <= e.sentence <= s.index
        and e.first.start < q.start
        and any(re.search(rf"\b{noun}\b", doc[p.start : p.end], re.I) for p in e.phrases)
    ]
    if not named:
        return False
    occasion = max(named, key=lambda e: e.first.start)
    ev.when = _inferred(occasion.when, f"{said}: the day of the {occasion.type} named before")
    ev.rules.append("date: the occasion it is placed at, named before")
    return True


def _what_opened(
    sentences: list[Sentence],
    index: int,
    by_sentence: dict[int, list[DraftEvent]],
    *,
    back: int = 3,
    own: bool = False,
) -> DraftEvent | None:
    """The event dated to one day in the nearest of the `back` sentences before (and this
    one, with `own`) whose sentence says it opened."""
    for i in range(index if own else index - 1, max(-1, index - 1 - back), -1):
        if not _OPENED.search(sentences[i].text):
            continue
        for e in by_sentence.get(i, []):
            if e.when.start is not None and e.when.precision == "day":
                return e
    return None


def _not_the_return(s: Sentence, clause: Span, events: list[DraftEvent], day: DateMention) -> None:
    """ "X will meet Y before returning home on Friday": Friday dates the return, not the
    meeting before it."""
    for ev in events:
        own = s.start <= ev.first.start < clause.start
        if own and ev.type not in _VISITS and ev.when.start == day.when.start:
            ev.when = When.unknown(f"the day in the sentence ({day.text!r}) is the return home's")
            ev.rules.append("no date: the day given is the return home's")


def _returns(doc: str, sentences: list[Sentence], events: list[DraftEvent], anchor: Anchor) -> None:
    """ "... before returning home on Friday": the last visit begun before that day ends then."""
    visits = [e for e in events if e.type in _VISITS and _day(e.when)]
    if not visits:
        return
    for s in sentences:
        m = _RETURNS.search(s.text)
        if m is None:
            continue
        after = Span(s.start + m.end(), s.end)
        ahead = bool(re.search(r"\b(?:will|is due|is scheduled|is expected)\b", s.text))
        day = _one_day(find(doc, after, anchor, future=ahead))
        own = day is not None  # a day of the return itself, not of what comes before it
        if day is None:
            # "will travel to Ho Chi Minh City on Wednesday before returning to Paris": the day
            # of what comes just before the return is the visit's last
            lead = Span(max(s.start, s.start + m.start() - 40), s.start + m.start())
            just_before = find(doc, s.span, anchor, future=ahead)
            day = _one_day([d for d in just_before if lead.contains(d.span)])
        if day is None or day.when.start is None:
            continue
        if own:
            _not_the_return(s, Span(s.start + m.start(), s.end), events, day)
        begun = [
            v
            for v in visits
            if v.sentence <= s.index
            and v.when.start
            and v.when.start <= day.when.start
            # not the trip that comes just before the return, nor a planned part of the visit
            and (own or (v.when.start < day.when.start and v.status in {"occurred", "ongoing"}))
        ]
        if not begun:
            continue
        visit = begun[-1]
        assert visit.when.start is not None
        said = " ".join(m.group().split())
        note = (visit.when.note or "") + f"; ends the day of {day.text!r} ({said!r})"
        visit.when = When(visit.when.start, day.when.start, "day", "inferred", note.lstrip("; "))
        visit.rules.append("end date: the day the visitor returns home")
