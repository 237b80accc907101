"""New actors an article introduces: people by their office, organisations by their form.

A person is proposed only where the text says who they are: an office before
the name, however long ("Minister for the Economy, Finance and Industrial and
Digital Sovereignty Eric Lombard", "Consul General of France in Ho Chi Minh
City Etienne Ranaivoson"), a lower-case office ("PV Power chairman Hoang Van
Quang"), a courtesy title, or a reporting verb right after the name. The name
is the run of name words that ends the title phrase: words of offices,
ministries' portfolios, places and organisations are never part of it, while
hyphens, diacritics and particles ("Benoit de Saint-Exupery") are. The country
comes from the office ("French ...", "... of France", "Mayor of Paris").

An organisation is proposed from a capitalised name with an organisation word
("French Senate", "Ministry of Education and Training", "University of Science
and Technology of Hanoi", "PetroVietnam Power Corporation (PV Power)"), from
its acronym in parentheses, or, for a company, from what the text calls it
("budget carrier Vietjet", "Airbus Chief Commercial Officer ..."). A generic
name ("the People's Committee") names no one in particular and is not proposed.
"""

from __future__ import annotations

import re

from .catalog import Catalog, DraftActor
from .lexicon import (
    CITIES,
    COUNTRIES,
    DEMONYMS,
    FEMALE_GIVEN_NAMES,
    HONORIFICS,
    MALE_GIVEN_NAMES,
    MONTHS,
    NOT_NAME_WORDS,
    OFFICE_HEADS,
    ORG_HEADS,
    PORTFOLIO_WORDS,
    RISKY_ALIASES,
    TITLE_WORDS,
    VIETNAMESE_FAMILY_NAMES,
    WEEKDAYS,
    wordset,
)
from .sentences import Sentence
from .text import Word, fold, slug, strip_possessive

CONNECTORS = frozenset({"of", "to", "for", "and", "the", "on", "in", "against"})
_PARTICLES = frozenset({"de", "du", "des", "van", "von", "der", "da", "di", "bin", "al", "le"})
#: Lower-case offices that introduce a name ("its chairwoman Stella Dupont").
_LOWER_OFFICE = wordset("""
    chairman chairwoman chairperson president minister ambassador spokesman spokeswoman
    spokesperson director executive chief head founder governor mayor envoy officer secretary
    counterpart vice-president vice-chairman vice-chairwoman vice-chair vice-mayor councillor
    """)
SPEECH_AFTER = re.compile(
    r"\s*,?\s+(?:said|says|told|stated|affirmed|stressed|noted|added|emphasised|emphasized|urged"
    r"|pledged|proposed|highlighted|underlined|reaffirmed|reiterated|called|expressed|praised"
    r"|thanked|announced|wrote|congratulated|welcomed|explained|replied|responded|recalled"
    r"|insisted|argued|warned|acknowledged|confirmed|commented|remarked|observed|asserted"
    r"|declared|suggested|admitted|cautioned|concluded)\b"
)
#: Gaps inside an office: a space, a comma of a list, a parenthesis, and a plural possessive
#: ("Chairman of the ... Parliamentarians’ Group Lâm Văn Đoàn").
_GAP_IN_TITLE = re.compile(r"^(?: |, | \(|\) |\)\s?, |[’'] )$")
#: An appositive after a name that says who the person is: an office in lower case ("Isabelle
#: Fontanel, vice president of Hexavia, said") or a relative clause before a reporting verb
#: ("Marchetti-Roux, who took up her post in September, said").
_APPOSITIVE = re.compile(
    r"\s*,\s+(?:(?:the|a|an|its|their)\s+)?(?:[\w’'-]+\s+){0,3}?(?:chairman|chairwoman"
    r"|chairperson|chair|president|minister|ambassador|director|executive|chief|head|founder"
    r"|governor|mayor|envoy|officer|secretary|spokesman|spokeswoman|spokesperson|manager|consul"
    r"|senator|adviser|advisor|leader|representative|rector|dean|commissioner|commander|member)\b"
    r"[^,]{0,80}(?:,|\.$|\.\s)"
    r"|\s+[–—]\s+(?:(?:the|a|an)\s+)?(?:[\w’'-]+\s+){0,3}?(?:chairman|chairwoman|president|minister"
    r"|ambassador|director|chief|head|founder|spokesperson|manager|commander)\b[^–—,;]{0,80}[–—]"
    r"|\s*,\s+who\b[^,]{2,120},(?=\s+(?:also\s+)?(?:said|told|stated|added|noted|stressed|announced"
    r"|affirmed|emphasised|emphasized|explained|urged|pledged|welcomed|praised|thanked)\b)"
)
#: Letters only Vietnamese spelling uses (hooks, horns, dots below, đ, ă, grave and tilde).
_VIETNAMESE_LETTERS = re.compile("[\u1ea0-\u1ef9ơưăđĐƠƯĂòìùõĩũỳ]")

#: What closes a name set off by a comma after its office: a comma, or the clause's end.
_APPOSED_NAME = re.compile(r"[,.;](?:\s|$)")

#: Capitalised words that open a sentence or clause, never an office ("According to Director
#: of ... X": the office starts after "to").
_CLAUSE_OPENERS = wordset("""
    The A An According Meanwhile However Also Later Earlier Then Both On At In During After
    Before With Speaking Addressing Receiving Welcoming Meeting Under Upon
    """)
#: Lower-case levels of a body inside an office ("the provincial Department of Health").
_LOWER_BODIES = wordset("provincial municipal city district national regional communal central")
#: Abstract nouns end a portfolio, never begin a name ("... Economic Attractiveness Laurent ...").
_ABSTRACT = re.compile(r"(?:ness|ity|ties|tion|tions|ment|ments|ism|ance|ence|ship|ics|ure)$")


def is_title(w: str) -> bool:
    """A word of an office or a courtesy title, never of a name."""
    return w in TITLE_WORDS or w.rstrip(".") in HONORIFICS


def is_name_token(w: str) -> bool:
    """A capitalised word that may be part of a person's name (not an office, month, place,
    ministry portfolio or organisation word)."""
    bare = strip_possessive(w)
    return (
        bare[:1].isupper()
        and not is_title(bare)
        and bare.lower() not in MONTHS
        and bare.lower() not in WEEKDAYS
        and bare not in DEMONYMS
        and bare not in COUNTRIES
        and bare not in CITIES
        and bare not in NOT_NAME_WORDS
        and bare not in PORTFOLIO_WORDS
        and bare.lower() not in ORG_HEADS
        and not (bare.isupper() and len(bare) > 1)
    )


def _gap(doc: str, a: Word, b: Word) -> str:
    return doc[a.end : b.start]


def title_before(
    doc: str, ws: list[Word], index: int, comma: bool = False
) -> tuple[str | None, int]:
    """The office written before ws[index] and where it starts: a run of title words,
    nationalities, connectors, commas and the organisation they lead ("Director General of the
    French Development Agency (AFD)"), which must hold an office word. With `comma`, the office
    may end in a comma before the name ("the Ambassador of France to Việt Nam, Hélène ...")."""
    i = index - 1
    start = index
    office = False
    while i >= 0:
        gap = _gap(doc, ws[i], ws[i + 1])
        if not _GAP_IN_TITLE.match(gap):
            break
        w = strip_possessive(ws[i].text)
        nxt = ws[i + 1].text
        lead = comma and i == index - 1 and gap == ", "
        # "Minister of the Economy, Finance, and Industrial Sovereignty ...": a serial comma
        # before the last portfolio of the list
        serial = nxt == "and" and i + 2 < len(ws) and ws[i + 2].text[:1].isupper()
        if (
            "," in gap
            and not lead
            and not (_in_title(w) and (_in_title(nxt) or _listed_field(ws, i + 1) or serial))
        ):
            break  # "..., Finance and ...": a list of portfolios; else the comma ends a clause
        if (
            w in OFFICE_HEADS
            or w in {"Officer", "Consul", "Chief"}
            or w.split("-")[-1] in OFFICE_HEADS
        ):
            office = True
        lowered = w in {"charge", "responsible"} and i + 1 < len(ws)
        if w in _LOWER_BODIES and ws[i + 1].text[:1].isupper():
            start = i  # "Director of the provincial Department of ...": a body's level
            i -= 1
            continue
        # "Vice-President ... in charge of International Relations", "Deputy Mayor responsible
        # for Heritage": a lower-case phrase of an office's portfolio.
        if lowered and ws[i + 1].text in {"of", "for"}:
            start = i
            i -= 1
            continue
        if not (w[:1].isupper() or w in CONNECTORS or w in _PARTICLES):
            break
        if w in _CLAUSE_OPENERS:
            break
        if w == "and" and _opens_office(ws, i + 1) and i > 0 and not _in_title(ws[i - 1].text):
            # "Vice Chairman of X Đặng Văn Phúc and Vice President of Y Mathieu Lestrade": the
            # "and" joins two people, each with an office; the office ends at it.
            break
        start = i
        i -= 1
    while start < index and ws[start].text in CONNECTORS:
        start += 1
    if not office or start == index:
        return None, index
    return doc[ws[start].start : ws[index - 1].end], start


def _listed_field(ws: list[Word], i: int) -> bool:
    """ "..., Sport and Mountain ...": a capitalised field in a list of portfolios (its "and"
    comes within two words)."""
    return ws[i].text[:1].isupper() and any(w.text == "and" for w in ws[i + 1 : i + 3])


def _opens_office(ws: list[Word], j: int) -> bool:
    """Whether an office starts at ws[j] ("Vice President", "Minister", "Deputy Director")."""
    w = ws[j].text
    if w in {"Vice", "Deputy", "First", "Senior", "Acting"} and j + 1 < len(ws):
        w = ws[j + 1].text
    return w in OFFICE_HEADS or w.split("-")[-1] in OFFICE_HEADS


def _in_title(w: str) -> bool:
    return w in TITLE_WORDS or w in PORTFOLIO_WORDS


def _name_run(doc: str, ws: list[Word], i: int) -> int:
    """End index (exclusive) of the run of name words starting at ws[i]."""
    j = i
    while j < len(ws):
        w = ws[j].text
        if j > i and _gap(doc, ws[j - 1], ws[j]) != " ":
            break
        particle = w in _PARTICLES and j + 1 < len(ws) and is_name_token(ws[j + 1].text)
        if not (is_name_token(w) or (particle and j > i)):
            break
        j += 1
        if w != strip_possessive(w):
            break  # "Lam’s visit": the possessive ends the name
    return j


_WHEN_WORDS = "|".join(w.capitalize() for w in (*WEEKDAYS, *MONTHS))
_PLACE_KEYS = frozenset(fold(p) for p in (*COUNTRIES, *CITIES))
_PLACE_RX = re.compile(
    r"(?<!\w)(?:"
    + "|".join(re.escape(k) for k in sorted(_PLACE_KEYS, key=len, reverse=True))
    + r")(?!\w)"
)


def _place_prefix(ws: list[Word], i: int, j: int) -> int:
    """How many words at the start of a run name a place ("Ambassador to Việt Nam Claire
    Fontaine": "Việt Nam" is the country, not part of her name)."""
    best = 0
    for n in range(1, min(4, j - i) + 1):
        if fold(" ".join(w.text for w in ws[i : i + n])) in _PLACE_KEYS:
            best = n
    return best


#: One Vietnamese syllable, diacritics folded: an initial consonant, a vowel group and a final.
_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?$",
    re.I,
)


def _trim_run(ws: list[Word], i: int, j: int) -> int:
    """Where a person's name starts inside a run: at a Vietnamese family name, else the last
    three or four words (a family name right after a known given name is the surname of a
    Western name)."""
    for k in range(i, j - 1):
        # "Yannick Le Sourd", "Mathilde Le Goff": a French "Le" after a given name
        given_before = k > i and ws[k - 1].text in FEMALE_GIVEN_NAMES | MALE_GIVEN_NAMES
        family = strip_possessive(ws[k].text) in VIETNAMESE_FAMILY_NAMES
        rest_vietnamese = all(
            _SYLLABLE.match(fold(strip_possessive(w.text))) for w in ws[k + 1 : j]
        )
        if family and j - k >= 2 and not given_before and rest_vietnamese:
            return k  # not "Solenn Le Goarant": "Goarant" is no Vietnamese syllable
    return max(i, j - 4) if any(ws[x].text in _PARTICLES for x in range(i, j)) else max(i, j - 3)


def _given(w: str) -> bool:
    """A known given name, or a compound one whose first part is ("Jean-Luc", "Marie-Christine")."""
    names = FEMALE_GIVEN_NAMES | MALE_GIVEN_NAMES
    return w in names or (w.split("-")[0] in names and "-" in w)


def _after_title_object(ws: list[Word], i: int, j: int, k: int) -> int:
    """Where the name starts when the run begins with the end of an office: the object of its
    preposition ("Mayor of Nantes Sandrine Kervella") or an abstract word of its portfolio
    ("... and Economic Attractiveness Laurent Vasseur"). A known given name marks the start;
    else the first word goes to the office."""
    if j - k < 3:
        return k
    prev = ws[k - 1].text if k > 0 else ""
    abstract = bool(_ABSTRACT.search(ws[k].text.lower()))
    if not _given(ws[k].text) and strip_possessive(ws[k].text) not in VIETNAMESE_FAMILY_NAMES:
        # "... and Twinning Théo Garnier", "... of Haute-Loire Jean-Luc Besse-Rouchon": a known
        # given name inside the run starts the name, whatever word of the office comes before.
        for x in range(k + 1, j - 1):
            if _given(ws[x].text):
                return x
    if not (abstract or prev in {"of", "for", "to", "in"}):
        return k
    # After a preposition only a given name says where the name starts ("Consulate General of
    # France in Ho Chi Minh City" holds a place, not a person).
    return k + 1 if abstract else k


def country_of_title(title: str | None) -> str | None:
    """The country an office says: a nationality, a country, or a city ("Mayor of Paris"), or a
    Vietnamese administrative body ("People's Committee"). The nationality nearest the name
    wins: in "Vietnamese Deputy Prime Minister Tran Hong Ha and French Minister ... Eric Lombard"
    the office run reaches back over another person, whose nationality is not his."""
    for w in reversed(re.findall(r"[\w’'-]+", title or "")):
        if strip_possessive(w) in DEMONYMS:
            return DEMONYMS[strip_possessive(w)]
    for w in re.findall(r"[\w’'-]+", title or ""):
        bare = strip_possessive(w)
        code = DEMONYMS.get(bare) or COUNTRIES.get(bare) or CITIES.get(bare)
        if code:
            return code
    for name, code in (*COUNTRIES.items(), *CITIES.items()):
        if " " in name and name in (title or ""):
            return code
    if re.search(r"People[’']s Committee", title or ""):
        return "VN"
    return None


def _aliases(words: list[str]) -> tuple[str, ...]:
    """How the text refers back to a person: the last name word; for a three-word Western
    name also the last two ("Mohamed Soilihi"), and the part after a particle."""
    out = [words[-1]]
    if len(words) >= 3 and words[0] not in VIETNAMESE_FAMILY_NAMES:
        out.append(" ".join(words[-2:]))
    return tuple(dict.fromkeys(out))


#: A capitalised office set off by a comma after a name (", Commander of the French Armed
#: Forces in the Asia-Pacific Zone"), to the next comma.
_OFFICE_AFTER = re.compile(r",\s+(?:the\s+)?(?P<office>[A-Z][^,;:.]{2,100})")


def _country_after(doc: str, end: int) -> str | None:
    """The country an office written after the name says, when the one before it says none
    ("Rear Admiral Hugues ..., Commander of the French Armed Forces ...": French)."""
    m = _OFFICE_AFTER.match(doc, end)
    if m is None:
        return None
    office = m.group("office")
    first = re.findall(r"[\w’'-]+", office)[:1]
    if not first or strip_possessive(first[0]) not in OFFICE_HEADS | {"Commander", "Chief"}:
        return None
    return country_of_title(office)


def risky_aliases(actor: DraftActor) -> list[str]:
    """Aliases that are common words or very common name parts ("Man", "Son", "Minh"):
    every link through them needs a reviewer's look."""
    return [a for a in actor.aliases if a.lower() in RISKY_ALIASES]


def propose_people(doc: str, s: Sentence, ws: list[Word], catalog: Catalog) -> None:
    """Office + name proposes a person; so do a courtesy title and a reporting verb after."""
    i = 0
    while i < len(ws):
        j = _name_run(doc, ws, i) if is_name_token(ws[i].text) else i
        if j == i:
            i += 1
            continue
        k = max(_trim_run(ws, i, j), i + _place_prefix(ws, i, j))
        k = _after_title_object(ws, i, j, k)
        if k >= j:
            i = j
            continue
        name_words = [strip_possessive(w.text) for w in ws[k:j]]
        title, _ = title_before(doc, ws, k)
        if (
            title is None
            and k > 0
            and _APPOSED_NAME.match(doc, ws[j - 1].end)
            and _gap(doc, ws[k - 1], ws[k]) == ", "
        ):
            # "the Ambassador of France to Việt Nam, Hélène Ducasse-Lambert, and ...": an
            # office, a comma, then the name closed by a comma.
            title, _ = title_before(doc, ws, k, comma=True)
        prev = ws[k - 1].text if k > 0 else ""
        honorific = prev.rstrip(".") in HONORIFICS
        lower_office = prev in _LOWER_OFFICE
        appositive = _APPOSITIVE.match(doc, ws[j - 1].end)
        speech = (bool(SPEECH_AFTER.match(doc, ws[j - 1].end)) and k > 0) or bool(appositive)
        if title is None and appositive and "who" not in appositive.group().split()[:1]:
            title = appositive.group().strip(" ,–—")
        name = " ".join(name_words)
        capitalised = [w for w in name_words if w not in _PARTICLES]
        after_preposition = prev in CONNECTORS | {"at", "by", "with", "from"}
        # "Lâm Đồng welcomed ...": two words with a Vietnamese family name first and only a
        # verb after are as likely a province as a person (people are named with an office).
        cue_only = not (title or honorific or lower_office or appositive)
        place_like = (
            len(capitalised) == 2
            and cue_only
            and (
                capitalised[0] in VIETNAMESE_FAMILY_NAMES
                # "Thọ said Khánh Hòa welcomed ...": two Vietnamese words with no family name
                # first and only a verb after are a province, not a person
                or (_VIETNAMESE_LETTERS.search(name) is not None and not _given(capitalised[0]))
            )
        )
        if (
            2 <= len(capitalised) <= 4
            and not place_like
            and (title or honorific or lower_office or speech)
            and not (after_preposition and not speech)
            and fold(name) not in _PLACE_KEYS
            and catalog.lookup(name) is None
        ):
            catalog.propose(
                DraftActor(
                    slug(name),
                    name,
                    "person",
                    country_of_title(title) or _country_after(doc, ws[j - 1].end),
                    _aliases(name_words),
                    False,
                )
            )
        i = j
