"""Speakers the text does not name: "according to the organisers", "a French official said".

- "the organisers" (or "the hosts") are whoever the article said organised or hosted the
  event ("The event is organised by X and Y"): they speak jointly.
- Anyone else left unnamed ("an official", "sources", "the organisers" of an event whose
  organisers the article never names) is no actor the dataset could hold; the statement is
  still drafted, so that nothing is lost, but written as `# DRAFT` lines that adopting a draft
  drops: the reviewer names the speaker (an existing or new actor id) and uncomments it.
"""

from __future__ import annotations

import re

from .catalog import DraftActor, Mention
from .speaker_model import Who

UNNAMED_TYPE = "unnamed"

#: The organisers of the article's event, named by their role.
_ORGANISERS = re.compile(
    r"^(?:the\s+)?(?:event['’]s\s+|festival['’]s\s+|week['’]s\s+)?(?:organi[sz]ers|organi[sz]ing "
    r"committee|hosts|co-organi[sz]ers)$",
    re.I,
)
_ORGANISED_BY = re.compile(
    r"\b(?:co-)?(?:organi[sz]ed|hosted|staged|held)\s+(?:jointly\s+)?by\s+(?P<agents>[^.;]+)"
)
#: Heads of noun phrases that name nobody in particular: an official, sources, an aide, a
#: delegation, a survey; and organisations named only by their kind ("the ministry") when the
#: article named none of that kind before.
_NOBODY_HEADS = (
    r"officials?|diplomats?|sources?|analysts?|experts?|spokes(?:person|man|woman)|person|people"
    r"|observers?|insiders?|executives?|lawmakers?|legislators?|advis[eo]rs?|aides?|members?"
    r"|representatives?"
    r"|delegations?|delegates|survey|poll|study|report|reports|readout|statement|organi[sz]ers"
    r"|hosts|residents|witnesses|ministry|palace|embassy|government|agency|office|authorit(?:y|ies)"
    r"|people familiar with [\w\s]+"
)
_NOBODY = (
    r"(?:(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]he|[Ss]ome|[Ss]everal|[Tt]wo|[Tt]hree|[Mm]any)\s+)"
    r"(?:[\w-]+\s+){0,3}?(?:" + _NOBODY_HEADS + r")\b"
    # whose: "an official of the provincial government", "an aide to Macron"
    r"(?:\s+(?:of|at|for|from|with|to|in|close to|within)\s+[^,;.“”\"]{2,60}?)?"
    # and who: ", who declined to be named," / ", speaking on condition of anonymity ...,"
    r"(?:,[^,;]{2,160},)?"
)
#: An unnamed subject ending the text before a reporting verb.
UNNAMED = re.compile(r"\b" + _NOBODY + r"\s*$")
#: Someone the text leaves unnamed, as the whole noun phrase ("according to sources").
UNNAMED_NP = re.compile(
    r"^(?:(?:an?|one|another|the|some|several|two|three|many)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:" + _NOBODY_HEADS + r")(?:\s+(?:of|at|for|from|with|to|in|close to|within)\s+[^,]{2,60})?"
    r"(?:,[^,]*,?)?$",
    re.I,
)
_SHE = re.compile(r"\b(?:she|her|spokeswoman|woman)\b", re.I)
_HE = re.compile(r"\b(?:he|his|him|spokesman|man)\b", re.I)
_LOOK_BACK = 3000  # characters: "organised by" is said near the event, and drafting stays linear


def organisers(doc: str, np: str, pos: int, mentions: list[Mention]) -> Who | None:
    """ "according to the organisers": the actors the article said organised its event."""
    if not _ORGANISERS.match(np.strip()):
        return None
    found = None
    for m in _ORGANISED_BY.finditer(doc, max(0, pos - _LOOK_BACK), pos):
        found = m
    if found is None:
        return None
    a, b = found.start("agents"), found.end("agents")
    agents: list[DraftActor] = []
    for x in mentions:
        inside = a <= x.full.start and x.span.end <= b and x.actor.type != "person"
        if inside and x.actor.id not in {y.id for y in agents}:
            agents.append(x.actor)
    if not agents:
        return None
    return Who(agents[0], tuple(agents[1:]), f"'{np.strip()}' -> those who organised the event")


def unnamed(np: str) -> Who | None:
    """A placeholder speaker for someone the text does not name, or None when `np` names one."""
    phrase = " ".join(np.split())
    if not UNNAMED_NP.match(phrase):
        return None
    head = phrase.split(",")[0]  # "A French official, who spoke on condition ...": the official
    actor = DraftActor("unnamed-speaker", head, UNNAMED_TYPE, None, (), False)
    return Who(actor, (), f"not named in the text ({head!r})")


def gender_of(phrase: str) -> str | None:
    """The gender an unnamed speaker's phrase gives ("a spokeswoman", "because he was not
    authorised"), else None."""
    she, he = bool(_SHE.search(phrase)), bool(_HE.search(phrase))
    return None if she == he else ("f" if she else "m")


def is_unnamed(who: Who) -> bool:
    return who.speaker.type == UNNAMED_TYPE


#: "A representative of X", "a spokeswoman for X": someone unnamed who speaks for X.
_FOR_ORGANISATION = re.compile(
    r"(?:an?|the|one|two|some)\s+(?:[\w-]+\s+){0,2}?(?:representatives?|spokes(?:person|man|woman)"
    r"|officials?)\s+(?:of|for|from|at)\s+(?:the\s+)?",
    re.I,
)


_OWNER = re.compile(r"[A-Z][\w ]{1,20}?[’']s\s+(?=[A-Z])")


def represented(doc: str, start: int, end: int, mentions: list[Mention]) -> Who | None:
    """ "A representative of the Hồ Chí Minh City Department of Industry and Trade told ...":
    the organisation named right after is who speaks (its representative is not named)."""
    m = _FOR_ORGANISATION.match(doc, start, end)
    if m is None:
        return None
    owner = _OWNER.match(doc, m.end(), end)  # "an official of Việt Nam’s Ministry of ...": the
    for at in (owner.end() if owner else -1, m.end()):  # ministry (the state only owns it)
        for x in mentions:
            if x.actor.type != "person" and x.full.start == at and x.span.end <= end:
                return Who(x.actor, (), f"a representative of {x.actor.name}")
    return None
