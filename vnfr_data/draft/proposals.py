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
    AGREEMENT_HEADS,
    CITIES,
    COUNTRIES,
    DEMONYMS,
    HONORIFICS,
    MONTHS,
    NOT_NAME_WORDS,
    OFFICE_HEADS,
    PORTFOLIO_WORDS,
    RISKY_ALIASES,
    TITLE_WORDS,
    VIETNAMESE_FAMILY_NAMES,
    WEEKDAYS,
    wordset,
)
from .ministries import is_ministry, known_ministry
from .sentences import Sentence
from .text import Word, fold, fold_keep_length, slug, strip_possessive

CONNECTORS = frozenset({"of", "to", "for", "and", "the", "on", "in", "against"})
_PARTICLES = frozenset({"de", "du", "des", "van", "von", "der", "da", "di", "bin", "al", "le"})
ORG_HEADS: dict[str, str] = {
    "agency": "government_body",
    "ministry": "government_body",
    "committee": "government_body",
    "government": "government_body",
    "parliament": "government_body",
    "assembly": "government_body",
    "senate": "government_body",
    "office": "government_body",
    "commission": "government_body",
    "department": "government_body",
    "consulate": "government_body",
    "embassy": "government_body",
    "palace": "government_body",
    "council": "government_body",
    "authority": "government_body",
    "army": "government_body",
    "bank": "company",
    "company": "company",
    "corporation": "company",
    "corp": "company",
    "group": "organisation",
    "jsc": "company",
    "airlines": "company",
    "airways": "company",
    "news": "media",
    "television": "media",
    "radio": "media",
    "organisation": "international_organisation",
    "organization": "international_organisation",
    "union": "international_organisation",
    "forum": "organisation",
    "association": "organisation",
    "institute": "organisation",
    "university": "organisation",
    "school": "organisation",
    "academy": "organisation",
    "centre": "organisation",
    "center": "organisation",
    "foundation": "organisation",
    "federation": "organisation",
    "chamber": "organisation",
    "fund": "organisation",
    "party": "political_party",
}
#: Words that make a name generic ("the municipal People's Committee" names no one).
_GENERIC = wordset("People's People’s Municipal Provincial City State National Central Local")
#: What a text calls a company just before its name ("budget carrier Vietjet").
_COMPANY_CUE = re.compile(
    r"\b(?:carrier|airline|utility|company|firm|group|manufacturer|maker|planemaker|carmaker"
    r"|automaker|giant|conglomerate|developer|operator|lender|insurer|retailer|start-?up"
    r"|shipbuilder|producer|supplier|investor)\s+$"
)
#: A corporate office right after a company name ("Vietjet chief executive", "Airbus Chief").
_CORPORATE_TITLE = re.compile(
    r"^\s+(?:chief executive|chief executive officer|CEO|chairman|chairwoman|president|founder"
    r"|Chief\s+[A-Z]\w+(?:\s+[A-Z]\w+)?\s+Officer|Chief Executive|Chairman|Chairwoman|CEO)\b"
)
#: Lower-case offices that introduce a name ("its chairwoman Stella Dupont").
_LOWER_OFFICE = wordset("""
    chairman chairwoman chairperson president minister ambassador spokesman spokeswoman
    spokesperson director executive chief head founder governor mayor envoy officer secretary
    """)
SPEECH_AFTER = re.compile(
    r"\s*,?\s+(?:said|says|told|stated|affirmed|stressed|noted|added|emphasised|emphasized|urged"
    r"|pledged|proposed|highlighted|underlined|reaffirmed|reiterated|called|expressed|praised"
    r"|thanked|announced|wrote|congratulated|welcomed|explained)\b"
)
_GAP_IN_TITLE = re.compile(r"^(?: |, | \(|\) |\)\s?, )$")


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


def title_before(doc: str, ws: list[Word], index: int) -> tuple[str | None, int]:
    """The office written before ws[index] and where it starts: a run of title words,
    nationalities, connectors, commas and the organisation they lead ("Director General of the
    French Development Agency (AFD)"), which must hold an office word."""
    i = index - 1
    start = index
    office = False
    while i >= 0:
        gap = _gap(doc, ws[i], ws[i + 1])
        if not _GAP_IN_TITLE.match(gap):
            break
        w = strip_possessive(ws[i].text)
        if "," in gap and not (_in_title(w) and _in_title(ws[i + 1].text)):
            break  # "..., Finance and ...": a list of portfolios; else the comma ends a clause
        if w in OFFICE_HEADS or w in {"Officer", "Consul", "Chief"}:
            office = True
        if not (w[:1].isupper() or w in CONNECTORS or w in _PARTICLES):
            break
        if w in {"The", "A", "An"}:
            break
        start = i
        i -= 1
    while start < index and ws[start].text in CONNECTORS:
        start += 1
    if not office or start == index:
        return None, index
    return doc[ws[start].start : ws[index - 1].end], start


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


def _trim_run(ws: list[Word], i: int, j: int) -> int:
    """Where a person's name starts inside a run: at a Vietnamese family name, else the last
    three or four words."""
    for k in range(i, j - 1):
        if strip_possessive(ws[k].text) in VIETNAMESE_FAMILY_NAMES and j - k >= 2:
            return k
    return max(i, j - 4) if any(ws[x].text in _PARTICLES for x in range(i, j)) else max(i, j - 3)


def country_of_title(title: str | None) -> str | None:
    """The country an office says: a nationality, a country, or a city ("Mayor of Paris"), or a
    Vietnamese administrative body ("People's Committee")."""
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
        if k >= j:
            i = j
            continue
        name_words = [strip_possessive(w.text) for w in ws[k:j]]
        title, _ = title_before(doc, ws, k)
        prev = ws[k - 1].text if k > 0 else ""
        honorific = prev.rstrip(".") in HONORIFICS
        lower_office = prev in _LOWER_OFFICE
        speech = bool(SPEECH_AFTER.match(doc, ws[j - 1].end)) and k > 0
        name = " ".join(name_words)
        capitalised = [w for w in name_words if w not in _PARTICLES]
        after_preposition = prev in CONNECTORS | {"at", "by", "with", "from"}
        if (
            2 <= len(capitalised) <= 4
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
                    country_of_title(title),
                    _aliases(name_words),
                    False,
                )
            )
        i = j


_UP = "A-ZÀ-ÖØ-ÞĐ"
_CAP_RUN = re.compile(
    rf"(?:[{_UP}][\w’'.&-]*|(?<=\s)(?:of|and|for|the|in|on|de)(?=\s+[A-Z]))"
    rf"(?:\s+(?:[{_UP}][\w’'.&-]*|(?:of|and|for|the|in|on|de)(?=\s+[{_UP}])))*"
)


def _org_kind(tokens: list[str]) -> str | None:
    heads = [ORG_HEADS.get(strip_possessive(t).lower()) for t in tokens]
    return next((h for h in reversed(heads) if h), None)


def _org_country(name: str) -> str | None:
    return country_of_title(name)


def _specific(tokens: list[str]) -> bool:
    """A name that picks out one organisation: a proper word beside its head word."""
    proper = [
        t
        for t in tokens
        if t[:1].isupper()
        and strip_possessive(t).lower() not in ORG_HEADS
        and strip_possessive(t) not in _GENERIC
        and t not in {"The", "A", "An"}
    ]
    return bool(proper)


_CITY_OWNED = re.compile(
    r"\b(?:the|its)\s+(?:city|municipal|municipality)['’]s\s+$|\bthe\s+municipal\s+$"
)
_CITY_RX = re.compile("|".join(re.escape(c) for c in sorted(CITIES, key=len, reverse=True)))


def _city_before(doc: str, pos: int) -> str | None:
    """The city a body is named relative to ("the city's Department ..."): the last city named
    in the 2,000 characters before it (bounded: drafting stays linear)."""
    if not _CITY_OWNED.search(doc[max(0, pos - 40) : pos]):
        return None
    found = None
    for m in _CITY_RX.finditer(doc, max(0, pos - 2000), pos):
        found = m.group()
    return found


def _propose_org(
    catalog: Catalog, name: str, acronym: str | None = None, alias: str | None = None
) -> None:
    name = re.sub(r"^(?:(?:The|A|An|the|of|and|for|in|on|de)\s+)+", "", name.strip())
    name = re.sub(rf"\s+(?:on|in|of|since|from|until)\s+(?:{_WHEN_WORDS})\b.*$", "", name)
    tokens = name.split()
    while tokens and (
        tokens[-1] in DEMONYMS or tokens[-1] in OFFICE_HEADS or tokens[-1] in CONNECTORS
    ):
        tokens.pop()  # "VNVC Vaccination Centre and French pharmaceutical ...": not the name
    name = " ".join(tokens)
    kind = _org_kind(tokens)
    if kind is None or len(tokens) < 2 or not _specific(tokens):
        return
    if any(t.lower() in AGREEMENT_HEADS for t in tokens):
        return  # "... Convention (UNCLOS)" is an agreement, not an organisation
    if catalog.lookup(name) or (acronym and catalog.lookup(acronym)):
        return
    country = _org_country(name)
    if kind == "government_body" and is_ministry(name):
        known = known_ministry(catalog, name, country)
        if known is not None:  # "the Ministry of Foreign Affairs": the known foreign ministry
            catalog.link_locally(name, known)
            return
    if kind == "international_organisation" and country:
        kind = "organisation"
    if not country and re.match(r"(?:International|World|Asian|European|African|United)\b", name):
        kind = "international_organisation"
    aliases = tuple(x for x in (acronym, alias) if x)
    catalog.propose(DraftActor(slug(name, 12), name, kind, country, aliases, False))


def _org_runs(text: str) -> list[tuple[str, int, int]]:
    """Capitalised runs split where an office word starts ("... Committee Chairman Tran ..."),
    at a possessive ("Vietnam’s"), and at "of the" between two organisations."""
    out = []
    for m in _CAP_RUN.finditer(text):
        parts: list[tuple[str, int, int]] = []
        start = m.start()
        for w in re.finditer(r"\S+", m.group()):
            word = w.group()
            previous = m.group()[: w.start()].split()[-1:] or [""]
            after_head = previous[0].lower() in ORG_HEADS  # "Consulate General"
            if (
                strip_possessive(word) in OFFICE_HEADS or word in {"Chairman", "Chief", "Vice"}
            ) and not after_head:
                if start < m.start() + w.start():
                    parts.append((text[start : m.start() + w.start()].strip(), start, 0))
                start = m.start() + w.end() + 1
            elif word != strip_possessive(word) and ORG_HEADS.get(word.lower()[:-2]) is None:
                parts.append((text[start : m.start() + w.end()].strip(), start, 0))
                start = m.start() + w.end() + 1
        if start < m.end():
            parts.append((text[start : m.end()].strip(), start, 0))
        for whole, a, _ in parts:
            for part in _split_and(whole.rstrip(".,;:")):
                pieces = re.split(r"\s+of\s+the\s+", part)
                if len(pieces) == 2 and all(_org_kind(p.split()) for p in pieces):
                    out += [(pieces[0], a, 0), (pieces[1], a, 0)]
                else:
                    out.append((part, a, 0))
    return out


def _split_and(run: str) -> list[str]:
    """ "the University ... of Hanoi and Campus France": two names when the word before "and"
    closes a name (an organisation word, a place, an acronym); "Ministry of Education and
    Training" stays one."""
    out: list[str] = []
    start = 0
    for m in re.finditer(r"\s+and\s+(?=[A-Z])", run):
        left = run[start : m.start()].split()
        last = strip_possessive(left[-1]) if left else ""
        closes = last.lower() in ORG_HEADS or last in CITIES or last in COUNTRIES
        if closes or (last.isupper() and len(last) > 1):
            out.append(run[start : m.start()])
            start = m.end()
    return [*out, run[start:]]


def propose_organisations(doc: str, s: Sentence, catalog: Catalog) -> None:
    """Organisations a sentence names: by an organisation word, by an acronym in parentheses,
    and companies by what the text calls them."""
    text = s.text
    for m in re.finditer(
        r"((?:[A-Z][\w’'.&-]*\s+(?:(?:of|for|and|the|on|in)\s+)*){1,8})\(([A-Z][A-Za-z0-9&]{1,9}(?: [A-Z][A-Za-z0-9&]{1,9})?)\)",
        text,
    ):
        if sum(c.isupper() for c in m.group(2)) >= 2:
            _propose_org(catalog, m.group(1), m.group(2))
    for part, a, _ in _org_runs(text):
        people = [p for p in catalog.proposals.values() if p.type == "person" and p.name in part]
        for person in people:
            part = part.split(person.name)[0].strip()
        part = re.sub(r"\s+(?:of|and|for|the|in|on)$", "", part)
        city = _city_before(doc, s.start + a) if part else None
        if city:  # "the city's Department of Culture": the department of the city named before
            _propose_org(catalog, f"{city} {part}", alias=part)
        elif part:
            _propose_org(catalog, part)
    places = [(p.start(), p.end()) for p in _PLACE_RX.finditer(fold_keep_length(text))]
    for m in re.finditer(r"\b[A-Z][\w’'.&-]*", text):
        if any(a < m.start() < b for a, b in places):
            continue  # "Nội" of "Hà Nội" is no name of its own
        cue_before = _COMPANY_CUE.search(text[: m.start()])
        best: str | None = None
        for size in (1, 2, 3):
            found = re.match(
                rf"[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){{{size - 1}}}", text[m.start() :]
            )
            if found is None:
                break
            tokens = found.group().split()
            if any(is_title(t) or t in DEMONYMS or t in COUNTRIES or t in CITIES for t in tokens):
                break
            if fold(found.group()) in _PLACE_KEYS:  # "Hà Nội Chairman ...": a city's office
                break
            after = text[m.start() + found.end() :]
            if cue_before or _CORPORATE_TITLE.match(after):
                best = found.group()  # the longest name after a cue, or the one before a title
                if not cue_before:
                    break
        if best and not catalog.lookup(best):
            catalog.propose(DraftActor(slug(best), best, "company", None, (), False))
