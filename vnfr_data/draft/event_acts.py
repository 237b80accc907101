"""Acts told by a verb: a legislature's vote, a bill passed or a treaty ratified, a launch, an
inauguration.

News about two states' relations reports what their institutions did as much as who met whom:
"the French National Assembly voted in favour in April", "the Senate approved the
ratification bill", "the satellite was launched on Monday", "the two ministers inaugurated a
training centre". No noun names such an event ("vote", "launch" are verbs here), so the event
rules' triggers never see it. Each is one event of type `other`, titled by the act and what it
was done to ("Vote of the French National Assembly in favour", "Launch of a new scholarship
programme"), dated and given a status by the same clause rules as every event.

Only an act with a named doer or object is drafted: a legislature (or a government body) for
a vote, a bill or treaty for a passage, a determiner-led object for a launch or an
inauguration, so that "launched an appeal" inside a quotation of intent ("to launch") or
"voted" in a figure of speech gives nothing.
"""

from __future__ import annotations

import re

from .dates import Anchor
from .event_dates import status_of
from .event_milestones import other_event
from .event_model import DraftEvent
from .sentences import Sentence
from .text import Span, trim

#: The bodies that vote and pass laws.
_LEGISLATURE = (
    r"(?:National Assembly|Senate|Parliament|parliament|Congress|lawmakers|legislators|deputies"
    r"|MPs|senators|legislature|European Parliament|Council|Cabinet|[Gg]overnment)"
)
_CALENDAR = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April"
    r"|May|June|July|August|September|October|November|December)\b"
)
#: What a legislature votes on or passes ("the ratification bill" is one thing, not two).
_OBJ = (
    r"(?:ratification\s+(?:bill|law|text)|bill|law|resolution|text|agreement|treaty|motion|budget"
    r"|decree|amendment|convention|ratification)\b"
)
#: "the French National Assembly voted in favour", "the Senate will vote on the bill".
_VOTE = re.compile(
    r"(?P<who>(?:\b[Tt]he\s+)?(?:[A-ZĐÀ-Ỹ][\w’'–-]*\s+){0,4}" + _LEGISLATURE + r"(?:[’']s)?)"
    r"\s+(?:(?:also|then|overwhelmingly|unanimously)\s+)?"
    r"(?P<verb>(?:had |has |have )?voted|votes|will vote|would vote|is to vote|is due to vote"
    r"|is expected to vote)"
    r"(?P<how>\s+(?:unanimously\s+|overwhelmingly\s+)?(?:to\s+(?:approve|ratify|adopt|pass|back"
    r"|reject)\s+(?:(?:a|an|the|its)\s+)?(?:[\w’'–-]+\s+){0,4}?"
    + _OBJ
    + r"|in favou?r(?:\s+of\s+(?:(?:a|an|the)\s+)?(?:[\w’'–-]+\s+){0,4}?"
    + _OBJ
    + r")?"
    r"|on\s+(?:(?:a|an|the)\s+)?(?:[\w’'–-]+\s+){0,4}?"
    + _OBJ
    + r"|for\s+(?:a|an|the)\s+(?:[\w’'–-]+\s+){0,4}?"
    + _OBJ
    + r"))?"
)
#: "the Senate approved the ratification bill", "lawmakers passed a law on ...".
_PASSED = re.compile(
    r"(?P<who>(?:\b[Tt]he\s+)?(?:[A-ZĐÀ-Ỹ][\w’'–-]*\s+){0,4}" + _LEGISLATURE + r")"
    r"\s+(?:(?:also|then|unanimously|formally|finally)\s+)?"
    r"(?:(?:had|has|have)\s+)?(?P<verb>passed|adopted|approved|ratified|endorsed)\s+"
    r"(?P<what>(?:a|an|the|its)\s+(?:[\w’'–-]+\s+){0,5}?"
    + _OBJ
    + r"(?:\s+(?:on|of)\s+(?!"
    + _CALENDAR
    + r")(?:the\s+)?"
    r"(?:[A-ZĐÀ-Ỹ][\w’'–-]*\s*(?:\([A-Z]+\)\s*)?){1,8})?)"
)
#: "a satellite was launched", "launched a new programme", "inaugurated a training centre".
_LAUNCH = re.compile(
    r"\b(?P<verb>launched|inaugurated|unveiled)\s+(?P<what>(?:a|an|the|its|their|his|her)\s+"
    r"(?:[\w’'–-]+\s+){0,5}?[\w’'–-]+)(?=\s+(?:in|on|at|for|with|to|by|last|this|next|earlier"
    r"|which|that|and|while|as|after|before|during|since|when)\b|[,;.]|$)"
    r"|(?P<subject>(?:\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+)(?:[\w’'–-]+\s+){0,5}?[\w’'–-]+)\s+"
    r"(?P<pverb>(?:was|were|has been|have been|had been|will be|is to be|are to be|is due to be"
    r"|is expected to be|would be)\s+(?:launched|inaugurated|unveiled))\b"
)
#: "The treaty was ratified by Vietnam in March 2025", "the bill was approved by the Senate":
#: a passage told in the passive, its doer (when named) after "by".
_PASSED_PASSIVE = re.compile(
    r"(?P<what>(?:\b[Tt]he|\b[Aa]n?|\b[Ii]ts|\b[Tt]heir)\s+(?:[\w’'–-]+\s+){0,6}?" + _OBJ + r")"
    r"\s+(?P<verb>(?:was|were|has been|have been|had been|will be|is to be|are to be"
    r"|is expected to be|is due to be)\s+(?:also\s+|formally\s+|unanimously\s+|finally\s+)?"
    r"(?P<v>ratified|approved|adopted|passed|endorsed))\b"
    r"(?:\s+by\s+(?P<who>(?:the\s+)?(?:[A-ZĐÀ-Ỹ][\w’'–-]*\s+(?:of\s+)?){0,4}[A-ZĐÀ-Ỹ][\w’'–-]*))?"
)
_NOUNS = {
    "launched": "Launch",
    "inaugurated": "Inauguration",
    "unveiled": "Unveiling",
    "renewed": "Renewal",
    "commissioned": "Commissioning",
    "reopened": "Reopening",
}
#: "a drinking-water plant in Hậu Giang province, which was inaugurated in 2025", "the
#: cooperation agreement, which was renewed in 2017": the act of a relative clause, done to the
#: noun phrase before it (a thing made or a document: what "launched" is not said of here, since
#: a creation milestone reads it).
_OWN_DATE = re.compile(r"\s+(?:in|on|since)\s+(?:\w+\s+){0,2}?(?:\d{4}|" + _CALENDAR + r")$")
_WHICH_ACT = re.compile(
    r"(?P<np>(?:\b[Tt]he|\b[Aa]n?|\b[Ii]ts|\b[Tt]heir)\s+(?:[\w’'–-]+\s+){0,8}?[\w’'–-]+)"
    r",\s+(?:which|that)\s+(?P<pverb>(?:was|were|has been|have been|had been|will be|is to be"
    r"|are to be|is due to be|is expected to be)\s+(?:officially\s+|formally\s+|also\s+)?"
    r"(?P<v>inaugurated|unveiled|renewed|commissioned|reopened))\b"
)
_DETERMINED = re.compile(r"\s(?=(?:the|a|an|its|their)\s)")


def _last_noun_phrase(phrase: str) -> str:
    """The last determined noun phrase of `phrase`, which a lazy match may start at an
    earlier verb's object ("signed the deal and the treaty" -> "the treaty")."""
    return _DETERMINED.split(phrase)[-1]


#: What is handed over as a document, not as goods (the event rules' document exchange).
_DOCUMENTS = (
    r"(?:documents?|agreements?|memorand\w*|MoUs?|letters?|instruments|certificates?|decisions?"
    r"|licen[cs]es?|notes?|charters?|contracts?|declarations?|minutes|credentials|plans?"
    r"|programmes?|protocols?|treat(?:y|ies)|accords?|conventions?|deeds?|records?)\b"
)
_QUANTITY = (
    r"(?:a|an|the|its|their|his|her|two|three|four|five|six|seven|eight|nine|ten|dozens of"
    r"|hundreds of|thousands of|several|some|new|\d[\d,.]*)"
)
#: Goods: a quantity or determiner, then words that name no document.
_GOODS_WORDS = _QUANTITY + r"\s+(?:(?!" + _DOCUMENTS + r")[^,;.]){1,100}?"
#: The goods handed over, donated or delivered, up to their recipient, value or date.
_GOODS = (
    r"(?P<what>" + _GOODS_WORDS + r")"
    r"(?=\s+(?:to|in|on|at|for|last|this|next|during|worth|under|from|as|by|with)\b|[,;.]|$)"
)
#: "handed over two ambulances": goods, not documents, after the verb.
GOODS_HANDED = re.compile(r"\s+" + _GOODS_WORDS + r"(?=\s+(?:to|worth)\b)")
#: "handed over two ambulances ... to Quảng Ngãi General Hospital", "donated 5,000 books to",
#: "took delivery of its fifth Airbus A350": a gift or a delivery of goods, one event each.
_HANDOVER = re.compile(
    r"\b(?P<verb>handed over|donated|delivered|took delivery of|takes delivery of"
    r"|will take delivery of)\s+"
    + _GOODS
    + r"(?:(?:\s+worth\s+(?:[^,;.]|(?<=\d)[.,](?=\d)){1,40}?)?\s+to\s+(?P<to>(?:the\s+)?[A-ZĐÀ-Ỹ][\w’'–-]*"
    r"(?:\s+(?:of\s+|for\s+|and\s+)?[A-ZĐÀ-Ỹ][\w’'–-]*){0,6}))?"
)
#: "delivered a speech": words, not goods.
_NOT_GOODS = re.compile(
    r"\b(?:speech|speeches|remarks|address|message|lecture|keynote|statement|verdict|results"
    r"|presentation|report|talk|sermon|blow|promise|pledge|goals?|support|assistance|help)\b"
)
_HANDOVER_NOUNS = {
    "handed over": "Handover",
    "donated": "Donation",
    "delivered": "Delivery",
    "took delivery of": "Delivery",
    "takes delivery of": "Delivery",
    "will take delivery of": "Delivery",
}

_PASSAGE = {
    "passed": "Passage",
    "adopted": "Adoption",
    "approved": "Approval",
    "ratified": "Ratification",
    "endorsed": "Endorsement",
}
#: "the agreement was launched" is an agreement's, not an event's; "its bid was launched" a
#: figure of speech: objects that name a thing done, not a thing made.
_ABSTRACT = re.compile(
    r"\b(?:appeal|bid|attack|offensive|campaign|investigation|probe|inquiry|criticism|warning"
    r"|idea|initiative|partnership|agreement|relations?|ties|dialogue|process|negotiations?"
    r"|talks|review|effort|efforts|call|mechanism|cooperation)s?$",
    re.I,
)


def _tidy(text: str) -> str:
    text = " ".join(text.split()).strip(" ,")
    text = re.sub(r"^(?:its|their|his|her|The|Its|Their|His|Her)\s+", "the ", text)
    return re.sub(r"^(A|An)\s", lambda m: m.group(1).lower() + " ", text)


def acts(doc: str, sentences: list[Sentence], anchor: Anchor) -> list[DraftEvent]:
    """Votes, passages, launches and inaugurations, in reading order."""
    out: list[DraftEvent] = []
    for s in sentences:
        for m in _VOTE.finditer(doc, s.start, s.end):
            who = _tidy(m.group("who")).removesuffix("’s").removesuffix("'s")
            how = " ".join((m.group("how") or "").split())
            title = f"Vote of {who}"
            title += f" {how}" if how else ""
            out.append(_act(doc, s, m.start("who"), m.end(), m.start("verb"), title, anchor))
        for m in _PASSED.finditer(doc, s.start, s.end):
            what, who = _tidy(m.group("what")), _tidy(m.group("who"))
            title = f"{_PASSAGE[m.group('verb')]} of {what} by {who}"
            out.append(_act(doc, s, m.start("who"), m.end(), m.start("verb"), title, anchor))
        for m in _PASSED_PASSIVE.finditer(doc, s.start, s.end):
            what = _last_noun_phrase(m.group("what"))
            title = f"{_PASSAGE[m.group('v')]} of {_tidy(what)}"
            title += f" by {_tidy(m.group('who'))}" if m.group("who") else ""
            out.append(_act(doc, s, m.start("what"), m.end(), m.start("verb"), title, anchor))
        for m in _LAUNCH.finditer(doc, s.start, s.end):
            if m.group("verb"):
                what, verb, a = m.group("what"), m.group("verb"), m.start("verb")
            else:
                what, verb, a = m.group("subject"), m.group("pverb").split()[-1], m.start()
            if _ABSTRACT.search(what.strip()):
                continue
            title = f"{_NOUNS[verb]} of {_tidy(what)}"
            out.append(
                _act(doc, s, a, m.end(), m.start("verb") if m.group("verb") else a, title, anchor)
            )
        for m in _HANDOVER.finditer(doc, s.start, s.end):
            what = re.sub(r"\s+worth\s+.*$", "", m.group("what"))
            if _NOT_GOODS.search(what):
                continue
            title = f"{_HANDOVER_NOUNS[m.group('verb')]} of {_tidy(what)}"
            title += f" to {_tidy(m.group('to'))}" if m.group("to") else ""
            out.append(_act(doc, s, m.start(), m.end(), m.start(), title, anchor))
        for m in _WHICH_ACT.finditer(doc, s.start, s.end):
            # the phrase before the comma may run from an earlier verb: keep its last noun phrase
            np = _last_noun_phrase(m.group("np"))
            np = _OWN_DATE.sub("", np)  # "an agreement in 2007, which was renewed": the signing's
            title = f"{_NOUNS[m.group('v')]} of {_tidy(np)}"
            out.append(_act(doc, s, m.start("pverb"), m.end(), m.start("pverb"), title, anchor))
    return out


#: The verb says it is ahead: "will vote", "is to be launched", "is expected to vote".
_AHEAD = re.compile(
    r"(?:will|would|shall|is to|are to|is due to|are due to|is expected to|are expected to|to be)\b"
)


def _act(
    doc: str, s: Sentence, start: int, end: int, verb: int, title: str, anchor: Anchor
) -> DraftEvent:
    a, b = trim(doc, start, end, " ,;:.")
    phrase = Span(a, b)
    status, rule = status_of(doc, s.span, phrase, "other")
    verb_words = doc[verb:b]
    passive = re.search(
        r"\b(?:was|were|has been|have been|had been|will be|is to be|are to be"
        r"|is due to be|is expected to be|would be)\s+\w+$",
        doc[a:b].split(" launched")[0] + " x",
    )
    ahead = _AHEAD.match(verb_words) or (
        passive is not None and _AHEAD.search(passive.group()) is not None
    )
    past = re.match(
        r"(?:(?:had|has|have)\s+)?(?:voted|passed|adopted|approved|ratified|endorsed|launched|inaugurated"
        r"|unveiled|handed|donated|delivered|took)\b",
        verb_words,
    ) or (passive is not None and re.match(r"(?:was|were|has|have|had)\b", passive.group()))
    if past and not ahead and status == "planned":
        # "... soon, after the Assembly voted in favour in April": the verb's past is its own
        status, rule = "occurred", "occurred: its verb is in the past tense"
    if ahead:
        status, rule = (
            "planned",
            "planned: the verb says it is ahead ('will vote', 'is to be launched')",
        )
    rules = ["act: " + title.split()[0], rule]
    return other_event(doc, s, phrase, Span(verb, b), status, anchor, title, rules)
