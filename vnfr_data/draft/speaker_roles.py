"""Role references: who "the French minister", "the Vice Chairwoman", "the Senate President",
"the admiral" or "the vice president" is.

A news article names a person once with their office and then refers back by it. The office
is written before the name ("Rear Admiral Yannick Le Sourd"), in an appositive after it
("Isabelle Fontanel, vice president of Hexavia, said") or before it ("The ambassador of France
to Việt Nam, Camille Rouvier, stressed"). `learn_roles` collects all three forms, so that a
description resolves to the most recent person whose offices hold every word of it: its head
("admiral"), its modifiers ("Vice", "Senate") and its nationality ("French": the person's
country, or the country their office names). A generic head ("the leader", "the guest", "the
official") needs only the nationality.

The same pass learns a person's gender from the text when no name or title gives it: in a
sentence that names only that person, pronouns after the name ("Castagnac said, as she
began ...") are theirs. Both look at a bounded window around each mention, so the pass is
linear in the article's length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .catalog import DraftActor, Mention, person_country
from .given_names import FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES
from .lexicon import DEMONYMS, VIETNAMESE_FAMILY_NAMES
from .proposals import country_of_title

FRENCH_GIVEN_NAMES = FEMALE_GIVEN_NAMES | MALE_GIVEN_NAMES

_DEMONYM_RX = "|".join(sorted(map(re.escape, DEMONYMS), key=len, reverse=True))

#: Heads that name an office: the person's offices must hold the word.
OFFICE_HEADS = (
    "president",
    "vice president",
    "prime minister",
    "premier",
    "pm",
    "minister",
    "deputy minister",
    "ambassador",
    "envoy",
    "consul",
    "consul general",
    "secretary",
    "general secretary",
    "secretary-general",
    "secretary general",
    "chairman",
    "chairwoman",
    "chairperson",
    "chair",
    "vice chairman",
    "vice chairwoman",
    "speaker",
    "senator",
    "governor",
    "mayor",
    "director",
    "director general",
    "director-general",
    "commander",
    "admiral",
    "general",
    "colonel",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "rector",
    "head",
    "chief executive",
    "executive",
    "founder",
)
#: Heads any person of the right nationality may be called.
GENERIC_HEADS = (
    "leader",
    "diplomat",
    "official",
    "guest",
    "host",
    "counterpart",
    "politician",
    "lawmaker",
    "legislator",
    "head of state",
    "head of government",
    "party chief",
    "chief",
    "side",
)
_HEADS = "|".join(
    sorted((re.escape(h) for h in (*OFFICE_HEADS, *GENERIC_HEADS)), key=len, reverse=True)
)
#: Words before the head that narrow nothing down ("the visiting minister").
_FREE_MODS = frozenset({"top", "senior", "visiting", "host", "new", "former", "then"})
DESCRIPTION = re.compile(
    r"\b[Tt]he\s+(?:(?P<nat>" + _DEMONYM_RX + r")\s+)?"
    r"(?P<mods>(?:(?:[A-Z][\w-]*|top|senior|visiting|host|new|vice|deputy)\s+){0,3}?)"
    r"(?P<head>(?i:" + _HEADS + r"))$"
)
_DIPLOMAT = re.compile(
    r"ambassador|envoy|consul|diplomat|foreign minister|minister of foreign affairs"
    r"|foreign affairs",
    re.I,
)
#: ", vice president of Hexavia for Asia," / ", a member of the delegation,": lower case after
#: the comma, to the next comma (never a relative clause: "who ..." says no office).
_ROLE_AFTER = re.compile(r",\s+(?P<role>(?:the |a |an )?[a-z][^,;:]{2,90})[,.]")
_OFFICE_WORD = re.compile(r"\b(?:" + _HEADS + r"|member)\b", re.I)
#: "The ambassador of France to Việt Nam, " right before the name.
_ROLE_BEFORE = re.compile(r"(?:^|[.;:]\s+)(?P<role>[Tt]he\s+[a-z][^,;:]{2,90}),\s*$")
#: Abbreviated modifiers of an office ("the NA Chairman").
_ABBREVIATIONS = {"na": "national assembly", "pm": "prime minister", "un": "united nations"}
#: A pronoun of the sentence's subject: "him", and "her" before a preposition or a stop
#: ("Khiêm briefed her on ...", "told her that"), are an object, someone else.
_SHE = re.compile(
    r"\b(?:she|hers|herself|her(?!\s*(?:[,.;:]|(?:on|to|for|that|about|with|in|at|and|as|of|from"
    r"|into|by|during|after|before|over)\b)))\b",
    re.I,
)
_HE = re.compile(r"\b(?:he|his|himself)\b", re.I)
_WINDOW = 120  # characters around a mention that an appositive may take


def learn_roles(
    doc: str, people: Iterable[Mention], sentence_bounds: dict[int, tuple[int, int]]
) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Offices written in appositives around each person's mentions, and the gender the
    pronouns of sentences naming only that person give them."""
    roles: dict[str, list[str]] = {}
    cues: dict[str, set[str]] = {}
    by_sentence: dict[int, set[str]] = {}
    mentions = list(people)
    for m in mentions:
        by_sentence.setdefault(m.sentence, set()).add(m.actor.id)
    for m in mentions:
        start, end = sentence_bounds.get(m.sentence, (m.full.start, m.span.end))
        after = _ROLE_AFTER.match(doc, m.span.end, min(end, m.span.end + _WINDOW))
        if after and _OFFICE_WORD.search(after.group("role")):
            roles.setdefault(m.actor.id, []).append(after.group("role"))
        before = _ROLE_BEFORE.search(doc[max(start, m.full.start - _WINDOW) : m.full.start])
        if before and _OFFICE_WORD.search(before.group("role")):
            roles.setdefault(m.actor.id, []).append(before.group("role"))
        if by_sentence[m.sentence] == {m.actor.id}:
            rest = doc[m.span.end : end]
            she, he = bool(_SHE.search(rest)), bool(_HE.search(rest))
            if she != he:
                cues.setdefault(m.actor.id, set()).add("f" if she else "m")
    genders = {a: next(iter(g)) for a, g in cues.items() if len(g) == 1}
    return roles, genders


def country_of(actor: DraftActor, roles: list[str]) -> str | None:
    """A person's country: actors.yaml, a nationality in an office, or the country it names."""
    text = " ".join(roles)
    found = person_country(actor, text) or country_of_title(text)
    if found is None and _vietnamese_name(actor):
        # "Prime Minister Pham Minh Chinh ... The Vietnamese Government chief said": a name of
        # Vietnamese form (family name first, three words or more) is a Vietnamese's.
        return "VN"
    if found is None and _french_given_name(actor) and not _vietnamese_name(actor):
        # "Vice President of the Nouvelle-Aquitaine Regional Council Mathieu Lestrade ... The
        # French official added": a French given name first is a Frenchman's, when nothing else
        # gives the country (the region is named, not its state).
        return "FR"
    return found


def _french_given_name(actor: DraftActor) -> bool:
    parts = actor.name.split()
    first = parts[0].split("-")[0] if parts else ""
    return actor.type == "person" and len(parts) >= 2 and first in FRENCH_GIVEN_NAMES


def _vietnamese_name(actor: DraftActor) -> bool:
    parts = actor.name.split()
    return actor.type == "person" and len(parts) >= 3 and parts[0] in VIETNAMESE_FAMILY_NAMES


def _has(words: str, roles: str) -> bool:
    return re.search(r"\b" + re.escape(words) + r"\b", roles) is not None


def fits(m: re.Match[str], actor: DraftActor, roles: list[str]) -> bool:
    """Does the description `m` fit this person, by their offices and country?"""
    nat = DEMONYMS.get(m.group("nat") or "")
    if nat and country_of(actor, roles) != nat:
        return False
    head = " ".join(m.group("head").lower().replace("-", " ").split())
    text = " ".join(r.lower().replace("-", " ") for r in roles)
    mods = [w.lower() for w in m.group("mods").split() if w.lower() not in _FREE_MODS]
    if head in {"ambassador", "diplomat", "envoy"}:
        return bool(_DIPLOMAT.search(text))
    if head in {"leader", "chief", "head"} and "government" in mods:
        # "the Government leader", "the Vietnamese Government chief": the head of government.
        return _has("prime minister", text) or _has("premier", text)
    if head in GENERIC_HEADS:
        return True
    if head in {"premier", "pm"}:
        return _has("prime minister", text) or _has("premier", text)
    if head == "chair":
        return re.search(r"\bchair(?:man|woman|person)?\b", text) is not None
    if not _has(head, text):
        return False
    return all(_has(_ABBREVIATIONS.get(w, w), text) for w in mods)
