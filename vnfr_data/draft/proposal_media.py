"""News outlets the text makes party to a fact, proposed as `media` actors.

The agency of a dateline ("Hanoi (VNA) –") signs the article: it is the source's publisher, no
actor (docs/annotations.md). An outlet is an actor when the sentence says that it interviewed
someone ("told AFP", "in an interview with Le Monde", "speaking to the Vietnam News Agency"),
reported a claim ("the business newspaper Đầu Tư reported", "VnExpress reported") or took part
in an event ("a seminar co-organised by Tuổi Trẻ newspaper"). Outlets the catalogue knows are
linked by name as any actor is; these shapes propose the ones it does not know, and only when
the name is an outlet's: a word that says so before or after it ("newspaper", "broadcaster"),
a word of an outlet's name ("News", "Television", "Times"), or an acronym that someone "told".
"""

from __future__ import annotations

import re

from .catalog import Catalog, DraftActor
from .lexicon import CITIES, COUNTRIES, DEMONYMS
from .proposal_orgs import _UP
from .proposals import is_title
from .sentences import Sentence
from .text import slug

#: A capitalised name of one to four words ("Đầu Tư", "Le Monde", "VnExpress").
_NAME = rf"[{_UP}][\w’'.&-]*(?:\s+[{_UP}][\w’'.&-]*){{0,3}}"
#: What a text calls an outlet right before its name: "the business newspaper Đầu Tư".
_NOUN_BEFORE = re.compile(
    r"\b(?:newspaper|daily|weekly|magazine|broadcaster|news agency|news site|news portal"
    rf"|news outlet|outlet|television channel|radio station)\s+(?P<name>{_NAME})"
)
#: ... or right after it: "Tuổi Trẻ newspaper", "Le Monde daily".
_NOUN_AFTER = re.compile(
    rf"(?P<name>{_NAME})\s+(?:newspaper|daily|magazine|broadcaster|news site|news portal)\b"
)
#: Someone interviewed by the outlet: "told AFP", "in an interview with the Vietnam Times".
_INTERVIEW = re.compile(
    r"\b(?i:told|tells|telling|in an interview with|in an interview given to|interviewed by"
    rf"|speaking to|talking to|speaking with)\s+(?:the\s+)?(?P<name>{_NAME})"
)
#: The outlet reports a claim: "VnExpress reported", "according to the Saigon Times".
_REPORT = re.compile(
    rf"(?:\baccording to\s+(?:the\s+)?(?P<source>{_NAME})|(?P<name>{_NAME})\s+reported\b)"
)
#: Words of outlets' names.
_OUTLET_WORDS = frozenset(
    {
        "News",
        "Television",
        "TV",
        "Radio",
        "Times",
        "Post",
        "Press",
        "Express",
        "Daily",
        "Journal",
        "Tribune",
        "Herald",
        "Gazette",
        "Courier",
        "Courrier",
        "Broadcasting",
        "Online",
        "Magazine",
        "Weekly",
    }
)


def _plain(name: str) -> bool:
    """A name that can be an outlet's: no place, nationality, office or sentence word alone."""
    tokens = name.split()
    if name in COUNTRIES or name in CITIES or tokens[0] in {"The", "A", "An", "He", "She"}:
        return False
    return not any(is_title(t) or t in DEMONYMS for t in tokens)


def _acronym(name: str) -> bool:
    return len(name) >= 2 and " " not in name and sum(c.isupper() for c in name) >= 2


def propose_media(s: Sentence, catalog: Catalog) -> None:
    """Outlets this sentence makes party to a fact, unless the catalogue knows the name."""
    text = s.text
    found: list[str] = []
    for m in _NOUN_BEFORE.finditer(text):
        found.append(m.group("name"))
    for m in _NOUN_AFTER.finditer(text):
        found.append(m.group("name"))
    for m in _INTERVIEW.finditer(text):
        name = m.group("name")
        if _acronym(name) or _OUTLET_WORDS & set(name.split()):
            found.append(name)
    for m in _REPORT.finditer(text):
        name = m.group("source") or m.group("name")
        if _OUTLET_WORDS & set(name.split()) or (m.group("name") and _acronym(name)):
            found.append(name)
    for name in found:
        name = name.rstrip(".,")
        if not _plain(name) or catalog.lookup(name) is not None:
            continue
        catalog.propose(DraftActor(slug(name, 12), name, "media", None, (), False))
