"""When an event is, and whether it is planned, under way or over.

A date belongs to an event when it is in the event's phrase ("talks in Hanoi on
May 26") or in the clause that states it ("In October 2024, ... paid an official
visit", "Tô Lâm on Tuesday received ..."), the nearest one winning. A range
("from September 15 to 18", "until May 31" with an opening day) gives both
ends; a duration ("a two-day visit" that "began on Wednesday") gives the end
from the start. A single day stated for an event that lasts several days ("During
his three-day state visit ..., on Monday") dates something inside it: the
event takes the month, not an invented day (docs/annotations.md, Conventions).

Status comes from the words ("is scheduled to", "will", "is expected to", "to be
held" -> planned; "is on a visit", "is visiting" -> ongoing), then from the dates
against the publication day: an event whose days include it is ongoing, one
that starts after it is planned, whatever the tense of a subordinate clause.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .dates import Anchor, DateMention, When
from .event_model import SITE_VISIT
from .text import Span

_PLANNED_BEFORE = re.compile(
    r"\b(?:upcoming|forthcoming|ahead of|next|soon|planned|coming|future|proposed|scheduled|expected|"
    r"will|would|shall|to attend|to hold|to organise|to organize|preparations? (?:for|underway for)|"
    r"preparing for|plans? to|set to|agreed to|to advance|to meet|aim to|aims to"
    r"|to launch|to set up|to create|to establish|to open|to resume|to (?:co-)?chair|to co-host"
    r"|to take part in|to participate in|(?:is|are) (?:also )?due to)\b[^.;]{0,60}$",
    re.I,
)
_PLANNED_AFTER = re.compile(
    r"^[^.;]{0,40}?\b(?:scheduled|expected|slated|due|set|planned)\s+(?:to|for)\b"
    r"|^(?![^.;]{0,25}?\b(?:which|that|who|whom)\b)[^.;]{0,25}?\b(?:will|would|shall)\b|^\s*,?\s*(?:to be held|to take place)\b"
    r"|^[^.;]{0,15}?\bis\s+(?:scheduled|expected|set|due)\b",
    re.I,
)
_ONGOING_BEFORE = re.compile(
    r"\b(?:is|are)\s+(?:currently\s+)?(?:on|paying|making|visiting|attending|holding)\b[^.;,]{0,40}$"
    r"|\b(?:is|are)\s+$",
    re.I,
)
_ON_A_VISIT = re.compile(r"\b(?:is|are)\s+(?:currently\s+)?(?:on|paying|making)\b[^.;,]{0,40}$")
_INVITED = re.compile(
    r"\binvit(?:ed|es|ing)\b[^.;]{0,60}\bto\s+(?:visit|attend|the)\b[^.;]{0,80}$", re.I
)
_VISITS = frozenset({"visit", "state_visit", "official_visit", "visit_verb"})
#: "a two-day visit", "the four-day visit": how many days the event lasts.
_DAYS = re.compile(r"\b(?P<n>\d|two|three|four|five|six|seven|eight|nine|ten)-day\b", re.I)
_DAY_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
#: A start stated as such: "began ... on Wednesday", "opened on May 25", "arrived ... on Tuesday".
_STARTS = re.compile(
    r"\b(?:began|begins|begin|opened|opens|started|starts|arrived|arrives|kicked off)\b"
)
#: Dates that do not date the event: a baseline ("since 2023"), a target ("by 2030"), the start
#: of what it sets going ("a one-year programme starting in September").
_NOT_THE_EVENT = re.compile(r"\b(?:since|by|from|starting|beginning|effective)\s+$")


_ADVERBIAL = re.compile(
    r"\s*(?:(?:one|two|three|a|an)\s+\w+\s+ago\b|(?:On|In|At|During|Last|This|Earlier|Later|Early"
    r"|Since|Until|Back in|Just)\b)",
    re.I,
)


#: ", telling a forum ...", ", speaking at ...": a participle clause of the main clause's subject.
_PARTICIPLE = re.compile(
    r"(?:telling|speaking|addressing|attending|opening|closing|chairing|co-chairing|visiting"
    r"|meeting|touring|inaugurating|launching|witnessing)\b"
)


@dataclass(frozen=True)
class Clause:
    """What dating one event needs: the text, the sentence, the dates found in it."""

    doc: str
    sentence: Span
    dates: list[DateMention]
    anchor: Anchor


_PAST_VERB = re.compile(
    r"\b(?:visited|travelled|traveled|met|held|received|signed|opened|paid|concluded|hosted"
    r"|welcomed|flew|landed|departed|left|touched down)\b"
)


#: ", organised with the French Institute," ", which opens on Friday,": a clause inserted
#: between an event's phrase and its predicate.
_INSERTED = re.compile(
    r"^,\s+(?:organi[sz]ed|co-organi[sz]ed|hosted|sponsored|backed|supported|funded|led|chaired"
    r"|attended|launched|initiated|announced|first held"
    # ", on cooperation in the green transition, is scheduled ...": what it is about
    r"|on|about|devoted to|dedicated to|focusing on|focused on)\b[^,;.]{0,120},(?=\s)"
)
#: The predicate that resumes after such a clause: "..., will take place from 16 to 29 March".
_RESUMED = re.compile(
    r",\s+(?:will|would|is|are|was|were|has|have|had|took|takes|opened|opens|began|begins|ran"
    r"|runs|starts|started|ends|ended|closed|closes)\b[^,;]*"
)


_FACILITY_FUTURE = re.compile(
    r"^,\s+which\s+(?:is|are|will|would)\s+(?:(?:expected|due|scheduled|set|slated)\s+to\s+)?"
    r"(?:be\s+)?(?:open|opened|completed|built|finished|operational|begin operating|start operating)"
    r"\b[^,;.]*"
)


def status_of(doc: str, sentence: Span, phrase: Span, trigger_kind: str) -> tuple[str, str]:
    """Status from the words around the phrase, and the reason (for the draft's comment)."""
    before = doc[max(sentence.start, phrase.start - 80) : phrase.start]
    inside = doc[phrase.start : phrase.end]
    # "the 2026 Festival, organised with the Institute, will take place ...": the words after an
    # inserted participle or relative clause are the event's own predicate.
    after = _INSERTED.sub("", doc[phrase.end : sentence.end], count=1)
    # "a groundbreaking ceremony for a kindergarten, which is expected to open in 2028": the
    # relative clause is the facility's future, not the ceremony's
    after = _FACILITY_FUTURE.sub("", after, count=1)
    opening = " ".join(inside.split()[:2])
    if _INVITED.search(before + opening) and trigger_kind in _VISITS:
        return "invited", "'invited ... to visit': invited"
    if re.match(r"to (?:sign|hold|visit|attend|meet)\b", inside):
        return "planned", "planned: an infinitive ('to sign')"
    if re.search(
        r"\b(?:will|would|shall)\s+(?:also\s+|then\s+)?(?:visit|travel|meet|attend|hold|sign)\b"
        r"|\b(?:will|would|shall|is to|are to|is due to|are due to)\s+(?:also\s+)?be\s+"
        r"(?:signed|held|opened|launched)\b",
        inside,
    ):
        return "planned", "planned: a future verb ('will visit', 'would be signed')"
    if re.search(
        r"\b(?:upcoming|forthcoming|next|planned|future|proposed|expected|scheduled|later this)\b",
        inside,
        re.I,
    ):
        return "planned", "planned: a word of the future in the phrase"
    near = " ".join(before.split()[-6:])
    if re.search(r"\bbefore\s+$", before) and re.search(
        r"\b(?:will|would|shall|is to|are to|(?:is|are) (?:scheduled|expected|due|set) to)\b",
        before,
    ):
        # "He will speak to students on Thursday before flying to Indonesia": after a future act
        return "planned", "planned: it follows a future act ('will ... before flying to')"
    if _PLANNED_BEFORE.search(near):
        return "planned", "planned: a word of the future before it"
    if re.search(r"\barrived\b", inside) and _PLANNED_AFTER.search(after):
        # "Ferrand, who arrived on Sunday, will travel to ...": the visit is under way.
        return "ongoing", "ongoing: arrived, and the sentence says what comes next"
    if _PAST_VERB.search(inside) and not re.search(r"\b(?:to be|will be|would be|be)\s*$", near):
        # "Ferrand, who arrived in Hanoi on Sunday, will travel to ...": the future is another
        # clause's.
        return "occurred", "occurred: its verb is in the past tense"
    if trigger_kind in _VISITS and _ON_A_VISIT.search(near):
        # "X, who is on a four-day visit to Việt Nam, said ... would ...": under way, whatever
        # the reported clause after it says of the future
        return "ongoing", "ongoing: present tense ('is on')"
    if _PLANNED_AFTER.search(after):
        return "planned", "planned: a word of the future after it"
    if _ONGOING_BEFORE.search(near):
        return "ongoing", "ongoing: present tense ('is on')"
    return "occurred", "occurred: reported in the past"


def _clause_bounds(doc: str, sentence: Span, phrase: Span) -> Span:
    """The clause around a phrase: from the last comma or semicolon before it to the next after
    it (a leading adverbial before the first comma belongs to the main clause)."""
    head = doc[sentence.start : phrase.start]
    cuts = [head.rfind(", "), head.rfind("; ")]
    relative = [m.start() for m in re.finditer(r",\s+(?:who|which|where)\b", head)]
    cut = max(cuts)
    # Leading adverbials before the subject date the main clause ("One year ago, in October
    # 2024, X paid an official visit", "In October 2024, X paid ..."): walk back over them.
    while cut >= 0 and not relative:
        previous = head.rfind(", ", 0, cut)
        segment = head[previous + 2 if previous >= 0 else 0 : cut]
        segment = re.sub(r"^.*\([A-Z][\w./ -]{0,20}\)\s*[-–—:]\s*", "", segment)  # a dateline
        if not _ADVERBIAL.match(segment):
            break
        cut = previous
    if cut >= 0 and _PARTICIPLE.match(head, cut + 2) and not relative:
        # "X on May 25 urged ..., telling a business forum in Paris that ...": the participle's
        # act is the main clause's subject's, on the main clause's day.
        cut = max(head.rfind(", ", 0, cut), head.rfind("; ", 0, cut))
    start = sentence.start + (cut + 2 if cut >= 0 else 0)
    tail = doc[phrase.end : sentence.end]
    # "a four-day visit to Vietnam, which ends on April 20": the relative clause is the event's.
    # "the twelfth session of their Strategic Dialogue, held in Paris on Wednesday": so is a
    # participle clause that says where and when it took place.
    # ", to be held in Toulouse in June": so is an infinitive or participle of its schedule.
    tail_start = re.match(
        r",\s+(?:which|who|held|hosted|organi[sz]ed|convened|co-chaired|chaired|attended"
        r"|to be (?:held|hosted|organi[sz]ed|convened)|to take place|scheduled|slated|due)\b",
        tail,
    )
    offset = tail_start.end() if tail_start else 0
    rest = tail[offset:]
    stop = offset + min(
        (i for i in (rest.find(", "), rest.find("; ")) if i >= 0), default=len(rest)
    )
    relative_tail = tail_start is not None and tail_start.group().split()[-1] in {"which", "who"}
    inserted = _INSERTED.match(tail)
    if inserted is not None and tail_start is None:
        stop = inserted.end() - 1  # ", on cooperation in ..., is scheduled for ...": after it
    if inserted is not None or relative_tail:
        resumed = _RESUMED.match(tail, stop)
        if resumed is not None:  # "X, organised with Y, will take place from ... to ..."
            stop = resumed.end()
    return Span(start, phrase.end + stop)


#: "..., which replaces an agreement signed in 2015": the date of another document's signing.
_OTHER_DOCUMENTS_DATE = re.compile(
    r"\b(?:an?|another|the|its|their)\s+(?:[\w’'-]+\s+){0,3}?(?:agreements?|memorand\w*|MoUs?"
    r"|deals?|contracts?|documents?|treat(?:y|ies)|accords?|charters?|protocols?|conventions?"
    r"|declarations?)\s+(?:signed|adopted|concluded|ratified)\s+(?:in|on|at|last)?\s*$"
)


def _usable(c: Clause, d: DateMention) -> bool:
    if d.kind == "period" or d.when.precision == "unknown":
        return False
    return not _NOT_THE_EVENT.search(c.doc[max(c.sentence.start, d.span.start - 12) : d.span.start])


#: "the fourth meeting of the Joint Economic Committee, which was set up in 2013": the relative
#: clause dates the body's founding, not its meeting.
_BODY_ORIGIN = re.compile(
    r"^,\s+(?:which|that)\s+(?:was|were|had been|has been)\s+(?:first\s+)?(?:set up|established"
    r"|created|founded|formed|launched|inaugurated)\b[^,;.]*"
)

#: "..., who expressed his hope that ...": what a person said in a relative clause after the
#: phrase, whose dates are the words' own.
_WHO_SAID = re.compile(
    r"^,\s+who\s+(?:[^,;.]{0,40}?\s)?(?:said|says|expressed|hoped|noted|stressed|called|proposed"
    r"|suggested|affirmed|emphasi[sz]ed|added|pledged|urged|asked|recalled)\b"
)


def _own_of_another(c: Clause, d: DateMention, phrase: Span) -> bool:
    """A date after the phrase that something else claims: a later document's participle, or
    what the event is placed after ("The visit comes seven months after Lam's trip to Paris in
    October": October is the trip's)."""
    if d.span.start < phrase.end:
        return False
    before = c.doc[max(phrase.end, d.span.start - 80) : d.span.start]
    if _OTHER_DOCUMENTS_DATE.search(before) is not None:
        return True
    if _FACILITY_FUTURE.match(c.doc[phrase.end : d.span.end]) is not None:
        return True  # "a ceremony for a kindergarten, which is expected to open in 2028"
    if _BODY_ORIGIN.match(c.doc[phrase.end : d.span.end]) is not None:
        return True
    if _WHO_SAID.match(c.doc[phrase.end : d.span.start]) is not None:
        return True  # "a courtesy call on X, who expressed hope ... planned for 2028"
    between = c.doc[phrase.end : d.span.start]
    # "The forum is part of his official visit to France from May 24 to 26": the visit's days
    return (
        re.search(r"\b(?:after|before|since|following|ahead of)\s+\S|\bpart of\b", between)
        is not None
    )


_RUNS_UNTIL = re.compile(
    r"\band\s+(?:will\s+|is\s+to\s+)?(?:run|runs|last|lasts|continue|continues|stay|stays)\s+"
    r"(?:open\s+)?(?:(?:until|till|through)\s+)?$"
)


def _combine(start: When, end: When) -> When:
    """An opening day and an "until" day: one range."""
    note = "; ".join(n for n in (start.note, end.note) if n)
    return When(start.start, end.end, "day", "inferred", note or None)


def when_of(c: Clause, phrase: Span, trigger: Span, etype: str) -> tuple[When, bool]:
    """The event's date, and whether it was stated in the phrase itself (not only its clause)."""
    inside = [d for d in c.dates if phrase.contains(d.span) and _usable(c, d)]
    named_year = [
        d
        for d in inside
        if d.kind == "year" and re.match(r"\s+[A-Z]", c.doc[d.span.end : d.span.end + 2])
    ]
    named_year += [
        d
        for d in inside
        if d.kind == "year"
        and d not in named_year
        and c.doc[trigger.start : trigger.start + 1].isupper()
        and c.doc[trigger.end : d.span.start].strip() == ""
    ]  # "The French Cultural Days 2026 opened on Saturday": the year after a name is the name's
    if etype != "sports_event":
        # "the 2024 Paris Olympic Games": a year before a name is the name's, not the event's.
        inside = [d for d in inside if d not in named_year]
    clause = _clause_bounds(c.doc, c.sentence, phrase)
    around = [
        d
        for d in c.dates
        if clause.contains(d.span)
        and _usable(c, d)
        and d not in inside
        and not _own_of_another(c, d, phrase)
    ]
    if named_year and any(d not in named_year for d in around):
        # "the 2026 Festival ... will take place from 16 to 29 March": the clause's own days
        # say more than the year of the name
        around = [d for d in around if d not in named_year]
    if (
        not inside
        and not around
        and re.search(r"\b[Dd]uring\s+(?:\S+\s+){0,4}$", c.doc[c.sentence.start : phrase.start])
    ):
        # "During his three-day state visit ..., X on Monday witnessed ...": the main clause's day
        # is a day of the visit.
        around = [d for d in c.dates if _usable(c, d) and not phrase.contains(d.span)]

    def distance(d: DateMention) -> int:
        return min(abs(d.span.start - trigger.end), abs(trigger.start - d.span.end))

    # "signed an agreement in 2009 and raised their ties to a partnership in October 2024": of
    # two dates in a phrase that holds two predicates, the one after the trigger is its own.
    if len(inside) > 1 and re.search(r"\sand\s*$", c.doc[phrase.start : trigger.start]):
        inside = [d for d in inside if d.span.start >= trigger.end] or inside
    # "voted last month to approve an agreement that the two governments signed in November
    # 2025": of two dates in the phrase, the one nearest the trigger is its own
    found = sorted(inside, key=distance) or sorted(around, key=distance)
    if not found:
        # "... trip to Paris in October, when the two countries raised their relations ...": the
        # "when" clause happens at the date just before it.
        when_clause = re.search(r",\s+when\s+[^,;]*$", c.doc[c.sentence.start : phrase.start])
        if when_clause is not None:
            cut = c.sentence.start + when_clause.start()
            before = [d for d in c.dates if d.span.end <= cut and _usable(c, d)]
            if before and cut - before[-1].span.end <= 3:
                found = [before[-1]]
    if not found:
        return When.unknown("no date given in the text for this event"), False
    first = found[0]
    w = first.when
    if w.start is None and w.end is not None:
        opening = next(
            (
                d
                for d in [*inside, *around]
                if d.when.start is not None and d.when.precision == "day"
            ),
            None,
        )
        if opening is not None:
            return _combine(opening.when, w), bool(inside)
        # The first day is not stated: the month, whole (a month's dates span it all).
        last = calendar.monthrange(w.end.year, w.end.month)[1]
        return (
            When(
                dt.date(w.end.year, w.end.month, 1),
                dt.date(w.end.year, w.end.month, last),
                "month",
                "inferred",
                f"{w.note}; the first day is not stated, so the month",
            ),
            bool(inside),
        )
    until = next((d for d in [*inside, *around] if d.kind == "until_md" and d.when.end), None)
    if until is None and phrase.start - c.sentence.start <= 40:
        # "The Days opened in Huế on Saturday with a concert ..., and will run until October 11":
        # the sentence's subject runs until that day
        until = next(
            (
                d
                for d in c.dates
                if d.kind == "until_md"
                and d.when.end
                and d.span.start > phrase.end
                and _RUNS_UNTIL.search(c.doc, max(phrase.end, d.span.start - 30), d.span.start)
            ),
            None,
        )
    later = until is not None and until.when.end is not None and w.start is not None
    if later and until is not None and until.when.end and w.start and until.when.end > w.start:
        return _combine(w, until.when), bool(inside)
    return w, bool(inside)


def with_duration(
    c: Clause, w: When, phrase: Span, etype: str, stated_start: bool, planned: bool = False
) -> When:
    """ "a two-day working visit ... on Wednesday": from that day for two days; a single day
    stated for a visit that is no opening ("During his three-day state visit ... on Monday")
    dates something inside it, so the visit takes the month."""
    if w.start is None or w.precision != "day" or w.end != w.start:
        return w
    text = c.doc[max(c.sentence.start, phrase.start - 30) : phrase.end]
    days = _DAYS.search(text)
    opening = _STARTS.search(c.doc[c.sentence.start : c.sentence.end]) is not None
    ends = (
        re.search(r"\b(?:ends|ended|ending|until)\b", c.doc[phrase.start : c.sentence.end])
        or re.search(  # "X wrapped up a four-day visit to France on Friday": its last day
            r"\b(?:wrapped up|wraps up|wrapping up|concluded|concludes|concluding|ended|ends|ending"
            r"|completed|completes|winding up|wound up)\s+(?:\S+\s+){0,3}$",
            c.doc[max(c.sentence.start, phrase.start - 40) : phrase.start],
        )
    )
    if days and (opening or stated_start or ends):
        n = (
            int(days.group("n"))
            if days.group("n").isdigit()
            else _DAY_WORDS[days.group("n").lower()]
        )
        if ends:
            start = w.end - dt.timedelta(days=n - 1)  # "a four-day visit, which ends on April 20"
            return When(start, w.end, "day", "inferred", f"{w.note}; {n} days ending that day")
        end = w.start + dt.timedelta(days=n - 1)
        return When(w.start, end, "day", "inferred", f"{w.note}; {n} days from that day")
    if not days and SITE_VISIT.search(c.doc, phrase.start, phrase.end):
        return w  # "On December 7, the delegation visited the Toulon naval base": that day's
    # "X will visit Bac Ninh on Thursday": a plan's one day is the visit's day, not a day inside
    # a longer visit (which a report of what happened during it gives).
    if (days or (etype in _VISITS and not planned)) and not opening and not stated_start:
        first = dt.date(w.start.year, w.start.month, 1)
        last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        return When(
            first,
            last,
            "month",
            "inferred",
            f"under way on {w.start} ({w.note or 'stated'}); its first and last days are not stated",
        )
    return w


def settle_status(status: str, w: When, anchor: Anchor) -> tuple[str, str | None]:
    """The dates against the publication day: under way when its days include it, planned
    when it starts after it (the words of a subordinate clause notwithstanding)."""
    ref = anchor.date
    if ref is None or w.start is None or w.end is None or status in {"invited", "proposed"}:
        return status, None
    if w.precision == "day" and w.start > ref and status == "occurred":
        return "planned", f"planned: it starts after the publication day {ref}"
    inside_day = (w.note or "").startswith("under way on")
    spans_ref = w.start <= ref <= w.end and w.start != w.end
    if spans_ref and status == "occurred" and (w.precision == "day" or inside_day):
        return "ongoing", f"ongoing: its days include the publication day {ref}"
    return status, None
