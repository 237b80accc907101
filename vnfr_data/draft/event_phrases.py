"""Event phrases: the trigger words, the phrase around them, and whether it names one event.

An event is found by its trigger word ("talks", "state visit", "receiving X", "the signing of",
"Nth anniversary of", "Typhoon Yagi") in a phrase that makes it one particular event (a
determiner, a name, a date, an occasion) rather than a kind of thing ("through dialogue",
"exchange visits")."""

from __future__ import annotations

import re

from .actors import Mention
from .event_acts import _ABSTRACT, GOODS_HANDED
from .event_model import SITE, _Context
from .furniture import DATELINE
from .lexicon import CITIES, COUNTRIES, wordset
from .sentences import Sentence
from .text import Span, trim

_DETERMINERS = wordset("the a an this that its his her their our these those whose")


_NAME_HEAD = re.compile(r"(?:[A-Z0-9][\w’'–-]*\s+(?:(?:and|of|on|for|the)\s+)*){0,8}$")


_PREPS = r"to|in|on|at|by|of|between|with|from|for|against|during|following|under"


_STOPS = (
    _PREPS
    + r"|and|which|who|that|was|were|is|are|will|has|have|had|ahead|while|as|itself|remains|underscores"
)


#: A word of a phrase; a number keeps its decimals ("worth about 2.1 billion USD")
_WORD = r"\(?[\w’'–-]+(?:(?<=\d)[.,]\d+)*\)?"


#: Past tenses that do not end in -ed: "arrived in Hà Nội on Wednesday and paid a visit to".
_IRREGULAR_PAST = (
    r"paid|met|held|made|took|gave|went|led|left|saw|told|said|sent|won|began|became|came"
    r"|spent|brought|kept|laid|flew|wrote|spoke|chose|set|put|shook|toured|hosted|attended"
)
_JOIN = (
    r"(?:\s+(?!(?:" + _STOPS + r")\b)|\s+and\s+(?![a-z]+ed\b)(?!(?:" + _IRREGULAR_PAST + r")\b)"
    r"(?=[\w(]))"
)


_EXTENSION = re.compile(
    r"^(?:\s+(?:" + _PREPS + r")\s+(?!(?:which|whom|that|whose)\b)"
    r"(?:(?:the|a|an|their|his|her|its|both|two)\s+)?" + _WORD + r"(?:" + _JOIN + _WORD + r"){0,7}"
    r"(?:,\s+(?:1[89]|20)\d{2}\b)?)+"
)


_LEG_OF = re.compile(
    r"\s+for\s+(?:the|a|an|its|his|her|their)\s+(?:[\w-]+\s+)?(?:leg|stage|part|stop|day)\s+of\b"
)


_FOLLOWS = re.compile(r"^,\s*(?:scheduled|expected|slated|due|set|planned)\s+(?:to|for)\s+[^,;.]*")


#: "the talks", "the same forum": a mention that points back.
_ANAPHORIC = re.compile(r"^(?:the|their|this|that|its|his|her)\s+(?:same\s+)?$", re.I)


_VERB_TRIGGER = re.compile(
    r"^(?:receiv(?:ed|ing|es)|met(?: with)?|to meet|meet|visited|visiting|to visit|arrived in|arrives in"
    r"|travel to|travelled to|traveled to|to sign|called at|docked at|docks at|berthed at"
    r"|host(?:ed|s|ing)|welcom(?:ed|es|ing)|toured|touring"
    r"|(?:flew|flying|flies|fly|headed|heading|travelling|traveling) to"
    r"|(?:landed|lands|landing|arriving|arrive|touched down) in"
    r"|(?:led|leading|leads|will lead|to lead)\s.*delegation\s+to)$",
    re.I | re.S,
)


#: The places a visit verb names: "to visit Huế and Đà Nẵng", "arrived in Paris".
_PLACES_AFTER = re.compile(
    r"^\s+(?:(?:the\s+)?[A-ZÀ-ÖØ-ÞĐ][\w’'-]*(?:\s+[A-ZÀ-ÖØ-ÞĐ][\w’'-]*)*"
    r"(?:(?:\s+[a-z][\w-]*){0,2}?\s+(?:" + SITE + r")\b)?(?:,?\s+and\s+)?)+"
)


_CLAUSE_TRIGGER = re.compile(
    r"^(?:upgraded|elevated|raised|lifted|establish(?:ed|ing)\b.*|(?:was|were|been|be) (?:also )?(?:signed|inked|exchanged)"
    r"|signed|inked|exchanged|sealed|clinched|concluded)$",
    re.I | re.S,
)


_OFFICE_VERB = re.compile(
    r"^(?:took|takes|take|taking|assumed|assumes) office$|^sworn in$|.*(?:appointed|named)$"
)


_INTERVIEW_VERB = re.compile(r"^(?:[Ss]peaking|[Tt]alking)$")


_SIGNED_OBJECT = re.compile(
    r"^\s+(?:\S+\s+){0,5}?(?:agreements?|memorand\w*(?:\s+of\s+understanding)?|MoUs?|deals?"
    r"|contracts?|documents?|declarations?|treat\w+|conventions?|accords?"
    # a name, not a currency's code ("a 200 million EUR loan agreement")
    r"|(?:(?!(?:EUR|USD|VND|GBP|JPY)\b)[A-Z][\w’'–-]*\s*)+)"
)


_BACK_STOP = wordset("""
    to in on at of for with during after before following ahead since and by from that which while
    as under into is was were are be been hold holding held attend attending witnessed made making
    paid paying advance confirm welcomed marked mark marks
    """)


_LEADING = re.compile(
    r"(?:(?:On|In|At|During|Regarding|Following|After|Before|Beyond|Amid|As|For|With|Additionally|Meanwhile"
    r"|Building on|Last|This|Earlier)\b[^,]{0,120},\s*)"
)


#: "an agreement signed in 2015", "the memorandum signed last year": a document, then a
#: participle of its own (a reduced relative clause).
_REDUCED_RELATIVE = re.compile(
    r"(?<![\w’'-])(?:an?|another|the|its|their|an earlier|the previous)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:agreements?|memorand\w*|MoUs?|deals?|contracts?|documents?|treat(?:y|ies)|accords?"
    r"|charters?|protocols?|conventions?|declarations?)\s+"
    # "an agreement that the two governments signed in Paris": a relative clause of its own
    r"(?:(?:that|which)\s+(?:the\s+two\s+\w+|both\s+\w+|they|(?:the\s+)?[A-Z][\w’'-]*"
    r"(?:\s+[A-Z][\w’'-]*){0,3})\s+)?$"
)


#: "a delegation of the French Senate", "the Vietnamese delegation": whom a host received.
_RECEIVED_GROUP = re.compile(
    r"\s+(?:(?:a|an|the|his|her|their)\s+(?:[\w’'-]+\s+){0,3}?(?:delegations?|delegates|guests?"
    r"|representatives|counterparts?|envoys?|ambassadors?)"
    # "meet students of the University of Science and Technology of Hà Nội"
    r"|(?:[\w’'-]+\s+)?(?:students|entrepreneurs|investors|executives|veterans|scientists"
    r"|representatives|officials|leaders))\b(?:\s+(?:of|from)\s+(?:the\s+)?"
    r"(?:[A-ZĐÀ-Ỹ][\w’'–-]*(?:\s+(?:of|for|and)\s+|\s+)?)+)?"
)


#: "their ties to a Comprehensive Strategic Partnership": what relations were raised to.
_RAISED_TO = re.compile(
    r"\s+(?:(?:(?:their|the|bilateral|its)\s+)?(?:[\w-]+\s+)?(?:ties|relations|relationship"
    r"|cooperation)\s+)?"
    r"to\s+(?:a|an|the)\s+[^.;,]{0,60}?[Pp]artnership\b"
)


#: A conjunction opening a subordinate clause, then its determined subject.
_SUBORDINATE_SUBJECT = re.compile(
    r"\b(?:after|before|since|when|once|until|because|while)\s+(?=(?:the|a|an|their|its|his|her"
    r"|this|these|those)\s)"
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
        begin = m.end() if m else offset
        # "..., eight years after their first memorandum was signed": a subordinate clause's
        # passive has its subject after the conjunction, not the sentence's
        subordinate = [
            c.end() for c in _SUBORDINATE_SUBJECT.finditer(ctx.s.text, begin, pos - ctx.s.start)
        ]
        return ctx.s.start + (subordinate[-1] if subordinate else begin)
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
        start = _clause_start(
            ctx,
            trigger.start,
            passive=" signed" in word
            or word == "signed"
            or " exchanged" in word
            or " inked" in word,
        )
        reduced = _REDUCED_RELATIVE.search(doc, max(s.start, trigger.start - 80), trigger.start)
        if word == "signed" and reduced is not None:
            # "..., which replaces an agreement signed in 2015": that document's own signing,
            # not the sentence's.
            start = reduced.start()
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
    if _OFFICE_VERB.match(word):
        # "Lecornu took office (as Prime Minister)": the person and the office are the phrase
        subject = [m for m in ctx.mentions if m.span.end <= trigger.start <= m.span.end + 40]
        if subject:
            start = subject[-1].span.start
        office = re.match(
            r"\s+as\s+(?:(?:the|a|an|new)\s+)?(?:[A-Z][\w’'-]*\s*){1,6}", doc[end : s.end]
        )
        if office:
            end += len(office.group().rstrip())
    if word in {"signed", "inked", "to sign", "exchanged", "sealed", "clinched", "concluded"}:
        obj = _SIGNED_OBJECT.match(doc[end : s.end])
        if obj:
            end += len(obj.group().rstrip())
    elif _CLAUSE_TRIGGER.match(word):
        raised = (
            _RAISED_TO.match(doc, end, s.end)
            if word in {"upgraded", "elevated", "raised", "lifted"}
            else None
        )
        if raised is not None:
            # "raised their ties to a Comprehensive Strategic Partnership (in October 2024)": the
            # upgrade's phrase runs to the partnership, so a date after it is the upgrade's.
            end = raised.end()
    elif _VERB_TRIGGER.match(word) or _INTERVIEW_VERB.match(word):
        # "receiving X", "met with X", "visited Vietnam": the object belongs to the phrase.
        nxt = next((m for m in ctx.mentions if _adjacent(doc, trigger.end, m)), None)
        group = (
            _RECEIVED_GROUP.match(doc, trigger.end, s.end)
            if word.startswith(("receiv", "host", "welcom", "met", "to meet"))
            else None
        )
        if nxt is not None:
            end = nxt.span.end
        elif group is not None:
            end = group.end()  # "received a delegation of the French Senate"
        elif re.search(
            r"visit|arriv|travel|called|docked|docks|berthed|fl[eyi]|land|head|touch|tour|delegation",
            word,
        ):
            places = _PLACES_AFTER.match(doc[end : s.end])
            if places:
                end += len(re.sub(r"(?:,?\s+and\s*)$", "", places.group().rstrip()))
    ext = _EXTENSION.match(doc[end : s.end])
    if ext:
        tail = ext.group().rstrip()
        leg = _LEG_OF.search(tail) if _VERB_TRIGGER.match(word) else None
        # "flew to Đà Nẵng on Wednesday for the last leg of a three-day visit": the journey is a
        # part of the visit, not the visit
        end += leg.start() if leg else len(tail)
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
    if any(
        m.span.overlaps(trigger)
        and m.actor.type != "person"
        and (m.actor.known or etype not in {"conference", "summit"})
        for m in ctx.mentions
    ):
        # "Asia-Europe Meeting" is an organisation; a "Business Forum" the extractor would only
        # propose as one is the forum held.
        return False
    if etype == "interview" and re.match(
        r"\s+to\s+(?:the\s+)?(?:press|reporters|journalists|media)\b", after
    ):
        return False  # "Speaking to the press after the ceremony": remarks, not an interview
    if raw == "partnership_clause":
        return bool(re.search(r"[Pp]artnership\b[^.;]{0,60}$", doc[ctx.s.start : trigger.start]))
    if raw == "meeting_verb":
        return _two_people_discuss(ctx, trigger)
    if etype in {"disaster", "sports_event", "commemoration", "interview", "partnership_upgrade"}:
        return True
    if (
        etype == "visit"
        and word.endswith("trip")
        and re.search(
            r"\b(?:receiv\w*|win|wins|won|winning|awarded|offered|earn\w*|gets?|prizes?|rewards?)\s+"
            r"(?:\S+\s+){0,4}$",
            doc[max(ctx.s.start, trigger.start - 50) : trigger.start],
        )
    ):
        return False  # "the winners receiving a two-week study trip to Montpellier": a prize
    if etype == "signing" and re.search(
        r"\b(?:no|not|never|yet to be|has not|had not|have not)\b[^.;]{0,30}$",
        doc[ctx.s.start : trigger.start],
    ):
        return False  # "no contract had been signed": nothing happened
    if etype == "signing":
        if (
            "signed" in word
            or "inked" in word
            or word in {"sealed", "clinched", "concluded"}
            or "ceremony" in word
            or word == "to sign"
            or re.match(r"(?:will|would|shall)\b", word)
        ):
            return True
        # "the signing of <documents>": one signing, even when not yet dated.
        tail = doc[trigger.end : ctx.s.end]
        return bool(before) and bool(
            re.search(
                r"^\s+of\s+(?:\w+\s+){0,3}(?:agreements?|memorand\w*|MoUs?|deals?|contracts?|documents?|declarations?|[A-Z])",
                tail,
            )
        )
    if etype == "document_exchange" and "exchanged" in word:
        return True  # "exchanged 14 cooperation documents", "... were exchanged": one handover
    if etype == "document_exchange" and GOODS_HANDED.match(doc, trigger.end, ctx.s.end):
        return False  # "handed over two ambulances": a gift of goods (an act: event_acts)
    if word[:1].isupper() and etype in {"conference", "summit", "dialogue"}:
        return True
    if raw == "visit_verb":
        # "received visiting French Minister X": an adjective of the guest, not a visit to them
        return not (
            word == "visiting"
            and any(
                m.actor.type == "person" and _adjacent(doc, trigger.end, m) for m in ctx.mentions
            )
        )
    if raw == "session":
        return True  # "the 12th session of the ... Committee" (a committee follows: see add)
    if raw == "host_verb":
        return _hosts_a_guest(ctx, trigger)
    if raw == "election_verb":
        # "since Lecornu took office", "Hoa was appointed ambassador": a named person's office
        return any(
            m.actor.type == "person" and m.span.end <= trigger.start <= m.span.end + 40
            for m in ctx.mentions
        ) or bool(re.search(r"\b(?:[Hh]e|[Ss]he)\s+(?:\w+\s+)?$", doc[ctx.s.start : trigger.start]))
    if etype == "other" and word == "launch":
        # "the launch of the satellite", not "the launch of new dialogue mechanisms"
        what = re.match(
            r"\s+of\s+((?:[\w’'-]+\s+){0,5}?[\w’'-]+)(?=\s+(?:such|and|to|for|in|on|at|by|with|as)\b|[,;.]|$)",
            doc[trigger.end : ctx.s.end],
        )
        if what is not None and _ABSTRACT.search(what.group(1)):
            return False
    if etype == "other" and re.search(
        r"\b(?:ready|willing|prepared|able) to\s+(?:\w+\s+){0,3}$|\b(?:could|may|might)\s+(?:\w+\s+){0,3}$",
        doc[max(ctx.s.start, trigger.start - 60) : trigger.start],
    ):
        return False  # "ready to host a joint drill": an offer, not an event
    if etype == "reception":
        if word.lower() == "reception":
            return bool(before)
        if re.match(
            r"\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}?(?:delegations?|delegates|guests?"
            r"|representatives|counterparts?|envoys?|ambassadors?)\b",
            doc[trigger.end : trigger.end + 60],
        ):
            return True  # "received a delegation of the French Senate", "received the guests"
        return any(
            m.actor.type == "person" and _adjacent(doc, trigger.end, m) for m in ctx.mentions
        )
    if (
        etype in {"meeting", "reception"}
        and trigger.start == ctx.s.start + _lead_offset(ctx)
        and re.match(r"(?:Meeting|Receiving|Welcoming)$", word)
    ):
        # "Meeting with Macron, Son said ...", "Receiving Brochet, Cuong said ...": the participle
        # opening the sentence is the occasion of what the main clause says
        return any(
            m.actor.type == "person" and 0 <= m.full.start - trigger.end <= 7 for m in ctx.mentions
        ) or bool(
            _RECEIVED_GROUP.match(doc, trigger.end + (6 if word == "Meeting" else 0), ctx.s.end)
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
    if etype == "meeting" and word in {
        "meet",
        "to meet",
    }:  # "will meet representatives of ...", "is due to meet leaders of", not "meet demand"
        return any(0 <= m.full.start - trigger.end <= 6 for m in ctx.mentions) or bool(
            re.match(
                r"\s+(?:\w+\s+){0,2}?(?:representatives|delegations?|leaders|officials|counterparts?"
                r"|students)\b",
                after + doc[trigger.end + 20 : trigger.end + 40],
            )
        )
    if etype == "meeting" and word.startswith("met"):
        if re.search(
            r"\b(?:[Tt]he two (?:[\w-]+\s+)?(?:sides|ministers|leaders|delegations|presidents"
            r"|heads|chairs|co-chairs|officials|delegation heads)|[Bb]oth sides|[Tt]hey)"
            r"(?:\s+(?:last|also|first|later|then|previously))?\s+$",
            doc[max(ctx.s.start, trigger.start - 40) : trigger.start],
        ):
            return True  # "The two sides last met on ...": a meeting of both
        if re.match(
            # "met leaders of the French Senate": a plural of office-holders of a body is as
            # good as a determiner; so are an office of a place ("met with the Mayor of Lyon")
            # and a group of people ("met Vietnamese students in Paris")
            r"\s+(?:(?:his|her|their|the)\s+(?:[\w-]+\s+){0,2}?(?:counterparts?|delegations?"
            r"|representatives|officials|leaders|ministers|envoys?)\b"
            r"|(?:[\w-]+\s+)?(?:representatives|officials|leaders|ministers|members)\s+of\s+"
            r"(?:the\s+)?(?=[A-ZĐÀ-Ỹ])"
            r"|(?:the\s+)?[A-ZĐÀ-Ỹ][\w’'-]+(?:\s+[A-ZĐÀ-Ỹ][\w’'-]+){0,3}\s+of\s+(?:the\s+)?(?=[A-ZĐÀ-Ỹ])"
            r"|(?:(?:the|a|an)\s+)?(?:group\s+of\s+)?(?:[A-ZĐÀ-Ỹ][\w’'-]+\s+)?(?:[\w-]+\s+)?"
            r"(?:students|community|business leaders|businesspeople|entrepreneurs|executives"
            r"|investors|veterans|experts|scientists|scholars|journalists|artists|lawmakers"
            r"|parliamentarians|deputies|senators)\b)",
            doc[trigger.end : trigger.end + 60],
        ):
            return True  # "met with his French counterpart", "met the Vietnamese delegation"
        return any(_adjacent(doc, trigger.end, m) for m in ctx.mentions) or _pair_before(
            ctx, trigger
        )
    if etype == "dialogue" and word.startswith("consultation"):
        # "the first consultations", "the next political consultation"; "annual consultations"
        # is a mechanism agreed, not one meeting
        return bool(
            re.search(
                r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh"
                r"|twelfth|[a-z]+teenth|[a-z]+tieth|next|latest|last|\d+(?:st|nd|rd|th))\b",
                before,
            )
        )
    if etype == "dialogue":
        return bool(
            re.search(
                r"\b(?:inaugural|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
                r"|\d+(?:st|nd|rd|th)|annual|next|strategic|economic|bilateral|political)\b"
                # "the Việt Nam–France defence policy dialogue": a pair's own mechanism
                r"|\w[–-](?:vi[eệ]t|france|french|vietnam)",
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


#: "hosted a delegation of ...", "welcomed the visiting ministers": a group received.
_GUESTS = re.compile(
    r"\s+(?:a|an|the|his|her|their)\s+(?:[\w’'-]+\s+){0,3}?(?:delegations?|delegates|guests?"
    r"|counterparts?|envoys?|ambassadors?)\b"
)


def _hosts_a_guest(ctx: _Context, trigger: Span) -> bool:
    """ "Chinh hosted French Minister X", "Macron welcomed President Y at the Élysée": the verb's
    object is a person (or a delegation) itself, not what they brought ("welcomed Y’s proposal",
    "welcomed the cooperation", "hosted a forum"), and a host is named before the verb."""
    doc = ctx.doc
    group = _GUESTS.match(doc, trigger.end, ctx.s.end)
    guest = next(
        (m for m in ctx.mentions if m.actor.type == "person" and _adjacent(doc, trigger.end, m)),
        None,
    )
    if guest is None and group is None:
        return False
    if guest is not None and re.match(r"[’']s\b", doc[guest.span.end : guest.span.end + 3]):
        return False  # "welcomed Lam’s proposal": what the person said, not the person
    if group is not None and guest is None:
        tail = doc[group.end() : group.end() + 3]
        if re.match(r"[’']s\b", tail):
            return False
    before = doc[ctx.s.start : trigger.start]
    # a host: a person or an organisation named before the verb in its clause ("Chinh", "the
    # Prime Minister", "Hanoi"), not "the country welcomed 180,000 tourists"
    return bool(
        any(m.span.end <= trigger.start and ctx.s.span.contains(m.span) for m in ctx.mentions)
        or re.search(r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\s+(?:also\s+)?$", before)
    )


def _lead_offset(ctx: _Context) -> int:
    """Where the sentence's own words begin, after a dateline ("HANOI (VNA) – ")."""
    m = DATELINE.match(ctx.s.text) if ctx.s.index == 0 else None
    return m.end() if m else 0


#: "received visiting French Minister X", "met newly appointed Ambassador Y": a word that
#: describes the guest may stand between the verb and the guest's title.
_GUEST_GAP = re.compile(r"\s+(?:visiting|outgoing|incoming|newly[- ]appointed|new|former)\s+")


def _adjacent(doc: str, end: int, m: Mention) -> bool:
    """Does the mention `m` follow the verb ending at `end` as its object?"""
    return 0 <= m.full.start - end <= 6 or (
        m.full.start > end and _GUEST_GAP.fullmatch(doc, end, m.full.start) is not None
    )


def _pair_before(ctx: _Context, trigger: Span) -> bool:
    """ "Dinh and French Ambassador Brochet met in Hanoi on Monday": two named people, joined
    by "and", are the subject of "met"."""
    return _two_people_discuss(ctx, trigger) and not re.match(
        r"\s+(?:with\s+)?(?:the\s+)?(?:demand|needs?|targets?|requirements?|criteria|standards)\b",
        ctx.doc[trigger.end : trigger.end + 40],
    )


def _two_people_discuss(ctx: _Context, trigger: Span) -> bool:
    """ "Dinh and French Ambassador Brochet on March 2 discussed ...": the verb's subject is two
    named people joined by "and" (a date between them and the verb is allowed)."""
    people = [m for m in ctx.mentions if m.actor.type == "person" and m.span.end <= trigger.start]
    if len(people) < 2:
        return False
    a, b = people[-2], people[-1]
    between = ctx.doc[a.span.end : b.span.start]  # "and" and the second one's office
    joined = bool(re.match(r"\s+and\s+", between)) and len(between) < 80 and "," not in between
    gap = ctx.doc[b.span.end : trigger.start]
    return (
        joined
        and re.fullmatch(r"\s*(?:(?:on|in)\s+[\w\s,]{1,30}?\s*)?(?:also\s+)?", gap) is not None
    )


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
