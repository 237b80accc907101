"""Organisations a sentence names: by an organisation word ("... Ministry", "University of
..."), by an acronym defined in parentheses, a company by what the text calls it ("budget
carrier Vietjet") or by the corporate office after it ("Airbus Chief Commercial Officer"); a
body named relative to a city ("the city's Department ...") takes the city named before, and a
ministry named by its portfolio is the known ministry it is (`ministries`)."""

from __future__ import annotations

import re

from .catalog import Catalog, DraftActor
from .lexicon import (
    AGREEMENT_HEADS,
    CITIES,
    COUNTRIES,
    DEMONYMS,
    OFFICE_HEADS,
    ORG_HEADS,
    PORTFOLIO_WORDS,
    SHARED_BODY_WORDS,
    wordset,
)
from .ministries import bare_ministry_country, is_ministry, known_ministry
from .proposals import (
    _PLACE_KEYS,
    _PLACE_RX,
    _WHEN_WORDS,
    CONNECTORS,
    country_of_title,
    is_title,
)
from .sentences import Sentence
from .text import fold, fold_keep_length, slug, strip_possessive

#: Words that make a name generic ("the municipal People's Committee" names no one).
_GENERIC = wordset("""
    People's People’s Municipal Provincial City State National Central Local Directors
    Supervisory Executive Management
    """)
_NATIONALITY_CUE = re.compile(
    r"\b(?P<nat>"
    + "|".join(sorted(map(re.escape, DEMONYMS), key=len, reverse=True))
    + r")\s+(?:[a-z][\w-]*\s+){1,3}(?:[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,2}(?:,\s+|\s+and\s+)){0,4}$"
)
_DETERMINERS = frozenset(
    {"The", "This", "That", "These", "Those", "A", "An", "Its", "Their", "His", "Her", "Our"}
)
#: What a text calls a company just before its name ("budget carrier Vietjet").
_COMPANY_CUE = re.compile(
    r"\b(?:carrier|airline|utility|company|firm|group|manufacturer|maker|planemaker|carmaker"
    r"|automaker|giant|conglomerate|developer|operator|lender|insurer|retailer|start-?up"
    r"|shipbuilder|producer|supplier|investor|bank|contractor|roaster|exporter|importer"
    r"|distributor|brewer|builder|chain|consultancy|insurer|lessor|shipper|trader|cooperative"
    r"|co-operative)\s+$"
    # "French groups Thales and Safran", "companies Alstom, Egis and Systra": every name of a
    # list after a plural cue is a company.
    r"|\b(?:carriers|airlines|utilities|companies|firms|groups|manufacturers|makers|giants"
    r"|conglomerates|developers|operators|lenders|insurers|suppliers|investors|contractors)"
    r"(?:,?\s+(?:including|such as|among them|notably))?\s+"
    r"(?:[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,2}(?:,\s+|\s+and\s+)){0,4}$"
)
#: A corporate office right after a company name ("Vietjet chief executive", "Airbus Chief").
_CORPORATE_TITLE = re.compile(
    r"^\s+(?:chief executive|chief executive officer|CEO|chairman|chairwoman|president|founder"
    r"|Chief\s+[A-Z]\w+(?:\s+[A-Z]\w+)?\s+Officer|Chief Executive|Chairman|Chairwoman|CEO)\b"
)


_UP = "A-ZÀ-ÖØ-ÞĐ"
#: A capitalised run; an en dash joins a compound ("Việt Nam–France Friendship Group").
_CAP_RUN = re.compile(
    rf"(?:[{_UP}][\w’'.&–-]*|(?<=\s)(?:of|and|for|the|in|on|de)(?=\s+[A-Z]))"
    rf"(?:\s+(?:[{_UP}][\w’'.&–-]*|(?:of|and|for|the|in|on|du|des|la)(?=\s+[{_UP}])"
    # "Pays de la Loire Regional Council": French particles inside a name
    rf"|de(?=\s+(?:la\s+)?[{_UP}])"
    # "EU Delegation to Việt Nam", "Permanent Mission to ...": a body accredited to a state
    rf"|(?:(?<=Delegation\s)|(?<=Mission\s))to(?=\s+[{_UP}])))*"
)


#: Organisation words whose plural names one network of bodies ("the Pasteur Institutes").
_PLURAL_HEADS = {"institutes": "organisation", "hospitals": "organisation"}


def _org_kind(tokens: list[str]) -> str | None:
    heads = [
        ORG_HEADS.get(strip_possessive(t).lower()) or _PLURAL_HEADS.get(t.lower()) for t in tokens
    ]
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


#: A body two sides hold together is a cooperation mechanism (an agreement), no actor.
_SHARED_BODY = re.compile(rf"\b{SHARED_BODY_WORDS}\b")
_MECHANISM_HEADS = frozenset({"Committee", "Commission", "Council", "Group", "Force", "Dialogue"})
#: A forum of businesses or of two sides is a meeting held, not a body ("World Economic Forum"
#: is one).
_MEETING_FORUM = re.compile(
    r"\b(?:Business|Investment|Trade|Enterprise|Enterprises)\s+Forum$"
    r"|^[\w’'. ]*?[–-](?:France|Vietnam|Việt Nam|Viet Nam|French|Vietnamese)\b.*\bForum$"
)
#: A body named by its portfolios, and the list of them after its first one.
_PORTFOLIO_OF = re.compile(
    r"\b(?:Ministry|Department|Committee|Commission)\s+(?:of|for)\s+[A-Z][\w’'-]*$"
)
_PORTFOLIO_LIST = re.compile(
    r",\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?,?\s+and\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?"
)
_PROVINCE_COMMITTEE = re.compile(r"^(?P<province>.+?)\s+Provincial\s+People[’']s\s+Committee$")


def _province_before(text: str, at: int, catalog: Catalog) -> str | None:
    """The province of "the provincial Department of ...": the one whose Provincial People's
    Committee the article named before (the last one proposed or known)."""
    if not re.search(r"\bthe\s+provincial\s+$", text[max(0, at - 20) : at]):
        return None
    found = None
    for actor in catalog.all():
        m = _PROVINCE_COMMITTEE.match(actor.name)
        if m:
            found = m.group("province")
    return found


_COUNTRY_BY_KEY = {fold(name): code for name, code in COUNTRIES.items()}  # "Việt Nam" too
#: "Committee for Overseas Vietnamese", "Association of French": a demonym after "for" or
#: "of" (and at most one word) is the people the body serves, a word of its name.
_PEOPLE_SERVED = re.compile(r"\b(?:for|of)(?:\s+[A-Z]\w+)?$")
_OWNER = re.compile(r"\b([A-Z][\w ]*?)[’']s\s+(?:the\s+)?$")


def _propose_org(
    catalog: Catalog,
    name: str,
    acronym: str | None = None,
    alias: str | None = None,
    owner: str | None = None,
) -> None:
    name = re.sub(r"^(?:(?:The|A|An|the|of|and|for|in|on|de)\s+)+", "", name.strip())
    # "Toulon-based X Group" is X Group, as "Đà Nẵng-based X JSC" is X JSC
    name = re.sub(r"^(?:[\w’'.]+\s+){0,2}[\w’'.-]+-based\s+", "", name)
    name = re.sub(rf"\s+(?:on|in|of|since|from|until)\s+(?:{_WHEN_WORDS})\b.*$", "", name)
    tokens = name.split()
    while tokens and (
        (tokens[-1] in DEMONYMS and not _PEOPLE_SERVED.search(" ".join(tokens[-3:-1])))
        or tokens[-1] in OFFICE_HEADS
        or tokens[-1] in CONNECTORS
    ):
        tokens.pop()  # "VNVC Vaccination Centre and French pharmaceutical ...": not the name
    if (
        len(tokens) > 1
        and strip_possessive(tokens[0]) in COUNTRIES
        and tokens[0] != (strip_possessive(tokens[0]))
    ):  # "France’s Alternative Energies ... Commission (CEA)": France's commission
        owner = owner or COUNTRIES[strip_possessive(tokens.pop(0))]
    for n, tok in enumerate(tokens[:-1]):
        if tok != strip_possessive(tok) and _org_kind(tokens[n + 1 :]) is None:
            # "the Senate’s France–Việt Nam friendship group": the body is the one before the
            # possessive, the rest is no name of an organisation
            tokens = tokens[: n + 1]
            break
    if tokens:
        tokens[-1] = strip_possessive(tokens[-1])  # "the European Commission’s warning"
    name = _without_city(" ".join(tokens))
    tokens = name.split()
    kind = _org_kind(tokens)
    if kind is None or len(tokens) < 2 or not _specific(tokens):
        return
    if any(t.lower() in AGREEMENT_HEADS for t in tokens):
        return  # "... Convention (UNCLOS)" is an agreement, not an organisation
    if _SHARED_BODY.search(name) and tokens[-1] in _MECHANISM_HEADS:
        return  # "the Vietnam–France Joint Economic Committee" is a mechanism of two sides
    if _MEETING_FORUM.search(name):
        return  # "the Việt Nam–France Business Forum" is a meeting (an event), not a body
    if catalog.lookup(name) or (acronym and catalog.lookup(acronym)):
        return
    embassy = _EMBASSY_IN_STATE.match(name)
    if embassy:  # "French Embassy in Việt Nam" is the embassy in Hanoi, as "French embassy" is
        _propose_embassy(catalog, embassy.group("dem"), name)
        return
    country = _org_country(name) or owner
    prefix = ""
    if kind == "government_body" and is_ministry(name):
        known = known_ministry(catalog, name, country)
        if known is not None:  # "the Ministry of Foreign Affairs": the known foreign ministry
            catalog.link_locally(name, known)
            return
        if not _org_country(name):
            # "the Ministry of Finance", "Vietnam’s Ministry of Health": a ministry named
            # without its country is that country's (`ministries`), and its id says which, as
            # the dataset's ministries' ids do ("vietnam-foreign-ministry"), owned or bare.
            country = country or bare_ministry_country(catalog, name)
            state = next((n for n, c in COUNTRIES.items() if c == country), None)
            prefix = f"{slug(state)}-" if state else ""
    if kind == "international_organisation" and country:
        kind = "organisation"
    if not country and re.match(r"(?:International|World|Asian|European|African|United)\b", name):
        kind = "international_organisation"
    aliases = tuple(x for x in (acronym, alias) if x)
    bare = _LEGAL_FORM.sub("", name)
    if bare != name and len(bare.split()) >= 1:
        # "Thăng Long Infrastructure JSC": the id and an alias without the legal form, as the
        # text names the company afterwards ("Thăng Long Infrastructure").
        aliases = (*aliases, bare)
    if kind == "company":
        aliases = (*aliases, *_short_name(bare))
    made = acronym.lower() if acronym and not _initials_of(acronym, name) else slug(bare, 12)
    catalog.propose(DraftActor(prefix + made, name, kind, country, aliases, False))


def _initials_of(acronym: str, name: str) -> bool:
    """Whether an acronym only abbreviates the English name, its letters the initials of its
    words in order ("World Health Organization (WHO)", "Hà Nội Metropolitan Railway Management
    Board (MRB)", "Ministry of Industry and Trade (MoIT)"). One that does not ("French Chamber of Commerce and Industry in Vietnam
    (CCIFV)", "Alternative Energies and Atomic Energy Commission (CEA)") is the organisation's
    own name in its language, the same whatever translation the article gives: so it is the id.
    A short name of words ("PV Power") is no acronym."""
    if not acronym.isalnum():
        return True
    initials = iter(w[0].upper() for w in re.split(r"[\s–-]+", name) if w)  # "of" too: MoIT
    return all(letter in initials for letter in acronym.upper())


#: Bodies whose name holds the city they are in ("French Embassy in Hanoi", "Consulate General
#: of France in Ho Chi Minh City"); any other is only located by it ("Bạch Mai Hospital in Hà
#: Nội" is Bạch Mai Hospital).
_CITY_KEYS = frozenset(fold(c) for c in CITIES)
_SEATED = frozenset({"embassy", "consulate", "general", "delegation", "office", "mission"})


def _without_city(name: str) -> str:
    """The name without a trailing "in <city>" that only says where the body is."""
    m = re.search(r"\s+in\s+(?P<place>.+)$", name)
    if m is None or fold(m.group("place")) not in _CITY_KEYS:
        return name
    head = [strip_possessive(h).lower() for h in name[: m.start()].split()[-1:]]
    if not head or head[0] not in ORG_HEADS or head[0] in _SEATED:
        return name  # "Consulate General of France in Ho Chi Minh City" is its name
    return name[: m.start()]


#: A company's legal form after its name ("JSC", "Co., Ltd", "SA"): no part of what it is
#: called, so no part of its id.
_LEGAL_FORM = re.compile(
    r"(?:,?\s+(?:JSC|J\.S\.C\.?|Joint Stock Company|(?:One Member\s+)?Co\.,?\s*Ltd\.?"
    r"|Company Limited|Ltd\.?"
    r"|LLC|S\.A\.?|SA|SAS|PLC|plc|Inc\.?|GmbH|AG|N\.V\.|B\.V\.))+$"
)


#: The generic last word of a company's name, which the text drops when it names the company
#: again ("Sen Việt Airlines" ... "Sen Việt chief executive").
_GENERIC_COMPANY_WORDS = frozenset(
    {"Airlines", "Airways", "Group", "Corporation", "Corp", "Company", "Holdings"}
)


def _short_name(name: str) -> tuple[str, ...]:
    """The company's name without its generic last word, when what is left is a name of two
    words or more and no place ("Vietnam Airlines" is never "Vietnam")."""
    words = name.split()
    if len(words) < 3 or words[-1] not in _GENERIC_COMPANY_WORDS:
        return ()
    rest = words[:-1]
    if any(w in COUNTRIES or w in DEMONYMS or w in CITIES for w in rest):
        return ()
    if fold(" ".join(rest)) in _PLACE_KEYS:
        return ()
    return (" ".join(rest),)


def _company(name: str, country: str | None) -> DraftActor:
    """A company the text calls one; its id without a legal form (`_LEGAL_FORM`)."""
    bare = _LEGAL_FORM.sub("", name)
    aliases = (bare,) if bare != name else ()
    return DraftActor(slug(bare), name, "company", country, (*aliases, *_short_name(bare)), False)


#: A possessive inside a name, not before it: "People’s Committee", "People’s Navy", "Women’s
#: Union", a plural ("Parliamentarians’ Group", "Workers’ Union") before a capitalised word. "Vietnam’s Ministry"
#: is the country's ministry, and splits.
_INNER_POSSESSIVE = re.compile(r"(?:(?:People|Women|Children|Men)[’']s|[A-Z]\w*s[’'])\s+[A-Z]")


#: One side's embassy at the other's capital: named with the host state or with no place.
_CAPITAL_OF_HOST = {"French": ("Vietnamese", "Hanoi"), "Vietnamese": ("French", "Paris")}
_EMBASSY_IN_STATE = re.compile(
    r"^(?P<dem>French|Vietnamese)\s+Embassy\s+in\s+(?:Vietnam|Viet Nam|Việt Nam|France)$"
)
_EMBASSY_BARE = re.compile(
    r"\b(?P<dem>French|Vietnamese)\s+(?P<word>[Ee]mbassy)"
    r"(?:\s+in\s+(?:Hà Nội|Ha Noi|Hanoi|Paris)\b)?\b(?!\s+in\b)"
)  # "the French embassy in Hà Nội" too: the embassy at the other side's capital


#: French public agencies named "<word> France", with no organisation word: the text gives no
#: cue that they are bodies, and "France" in them is no mention of the state.
_AGENCIES = ("Business France", "Campus France", "Atout France", "Expertise France")
_AGENCY_RX = re.compile(r"\b(?:" + "|".join(map(re.escape, _AGENCIES)) + r")\b")

#: A state's customs service, named by its state: "Vietnam Customs", "French customs" (not
#: "customs duties", "customs procedures": the levy or the formality).
_CUSTOMS = re.compile(
    r"\b(?P<name>(?P<place>Vietnam|Viet Nam|Việt Nam|France|French|Vietnamese)\s+[Cc]ustoms)\b"
    r"(?!\s+(?:dut(?:y|ies)|tariffs?|procedures?|clearance|declarations?|codes?|union)\b)"
)

_CUSTOMS_NAMES = {
    "VN": ("Vietnam Customs", "General Department of Vietnam Customs"),
    "FR": ("French Customs",),
}

#: The French presidency's seat, named by what it is: the Élysée Palace.
_FRENCH_PALACE = re.compile(r"\bFrench\s+presidential\s+palace\b")
_PALACE = ("French presidential palace", "Elysee Palace")


def _propose_embassy(catalog: Catalog, dem: str, written: str) -> None:
    """The embassy of one side at the other's capital ("French Embassy in Hanoi"), with the
    name the text gave it as an alias: the id is the same whichever way it is written."""
    capital = _CAPITAL_OF_HOST[dem][1]
    name = f"{dem} Embassy in {capital}"
    found = catalog.lookup(name)
    if found is not None:
        if catalog.lookup(written) is None:
            catalog.link_locally(written, found)
        return
    aliases = (written,) if written != name else ()
    catalog.propose(DraftActor(slug(name), name, "government_body", DEMONYMS[dem], aliases, False))


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
            elif (
                word != strip_possessive(word)
                and ORG_HEADS.get(word.lower()[:-2]) is None
                and not _INNER_POSSESSIVE.match(m.group(), w.start())
            ):
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
    for m in re.finditer(rf"\s+and\s+(?=[{_UP}])", run):
        left = run[start : m.start()].split()
        last = strip_possessive(left[-1]) if left else ""
        closes = last.lower() in ORG_HEADS or last in CITIES or last in COUNTRIES
        # "... Hospital in Hà Nội and Huế Central Hospital": a place of two or three words
        closes = closes or any(fold(" ".join(left[-n:])) in _PLACE_KEYS for n in (2, 3))
        # "... and Đà Nẵng-based Hải Vân Port JSC", "... and École Centrale de Lyon": a name
        # that opens with where it is based or with an organisation word is a second name
        right = run[m.end() :].split()
        opens = bool(right) and (
            strip_possessive(right[0]).lower() in ORG_HEADS
            or any(w.endswith("-based") for w in right[:3])
        )
        if closes or opens or (last.isupper() and len(last) > 1):
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
    for m in _CUSTOMS.finditer(text):  # "according to Vietnam Customs", "French customs data"
        place = m.group("place")
        code = COUNTRIES.get(place) or DEMONYMS.get(place) or _COUNTRY_BY_KEY.get(fold(place))
        name, *official = _CUSTOMS_NAMES.get(code or "", (m.group("name"),))
        # one service however written: the words of the text and its official name as aliases
        aliases = tuple(dict.fromkeys(a for a in (m.group("name"), *official) if a != name))
        catalog.propose(DraftActor(slug(name), name, "government_body", code, aliases, False))
    for m in _AGENCY_RX.finditer(text):  # "according to Business France"
        name = m.group()
        catalog.propose(DraftActor(slug(name), name, "government_body", "FR", (), False))
    if _FRENCH_PALACE.search(text):  # "the French presidential palace said"
        catalog.propose(
            DraftActor("elysee-palace", "Élysée Palace", "government_body", "FR", _PALACE, False)
        )
    for m in _EMBASSY_BARE.finditer(text):  # "according to the French embassy"
        _propose_embassy(catalog, m.group("dem"), m.group())
    for part, a, _ in _org_runs(text):
        at = text.find(part, a) if part else -1
        listed = _PORTFOLIO_LIST.match(text, at + len(part)) if at >= 0 else None
        if listed and _PORTFOLIO_OF.search(part):
            # "Department of Culture, Sports and Tourism": a list of portfolios is one name (a
            # second word after "and" only when it is one of a portfolio: "... Tourism Nguyễn
            # Thị Hồng" ends at "Tourism")
            more = listed.group().split(" ")
            if more[-2] != "and" and more[-1] not in PORTFOLIO_WORDS:
                more = more[:-1]
            part = part + " ".join(more)
        people = [p for p in catalog.proposals.values() if p.type == "person" and p.name in part]
        for person in people:
            part = part.split(person.name)[0].strip()
        part = re.sub(r"\s+(?:of|and|for|the|in|on)$", "", part)
        city = _city_before(doc, s.start + a) if part else None
        province = _province_before(text, at, catalog) if part and at >= 0 else None
        if city:  # "the city's Department of Culture": the department of the city named before
            _propose_org(catalog, f"{city} {part}", alias=part)
        elif province:  # "the provincial Department of ...": the province's, named before
            _propose_org(catalog, f"{province} {part}", alias=part)
        elif part:
            owner = _OWNER.search(text[:a])  # "Vietnam’s Ministry of Industry and Trade"
            code = _COUNTRY_BY_KEY.get(fold(owner.group(1))) if owner else None
            _propose_org(catalog, part, owner=code)
    places = [(p.start(), p.end()) for p in _PLACE_RX.finditer(fold_keep_length(text))]
    # a name may start with an accented capital ("Vauclair Énergies", "Đông Á Bank")
    for m in re.finditer(rf"\b[{_UP}][\w’'.&-]*", text):
        if any(a < m.start() < b for a, b in places):
            continue  # "Nội" of "Hà Nội" is no name of its own
        cue_before = _COMPANY_CUE.search(text[: m.start()])
        best: str | None = None
        for size in (1, 2, 3):
            found = re.match(
                rf"[{_UP}][\w’'.&-]*(?:\s+(?:(?:de|du|des|la|le|et)\s+)?[{_UP}][\w’'.&-]*)"
                rf"{{{size - 1}}}",
                text[m.start() :],
            )
            if found is None:
                break
            tokens = found.group().split()
            if any(is_title(t) or t in DEMONYMS or t in COUNTRIES or t in CITIES for t in tokens):
                break
            if tokens[0] in _DETERMINERS:
                break  # "The chairwoman added": no company is called "The"
            if fold(found.group()) in _PLACE_KEYS:  # "Hà Nội Chairman ...": a city's office
                break
            after = text[m.start() + found.end() :]
            if cue_before or _CORPORATE_TITLE.match(after):
                best = found.group()  # the longest name after a cue, or the one before a title
                if not cue_before:
                    break
        if best and len(best) <= 2 and best.isupper():
            best = None  # "NA Chairman": an abbreviated assembly, no company
        if best and not catalog.lookup(best):
            # "French groups Thales and Safran", "the French software company Hexavia": the
            # nationality the text gives the company.
            nat = _NATIONALITY_CUE.search(text[: m.start()]) if cue_before else None
            country = DEMONYMS.get(nat.group("nat")) if nat else None
            catalog.propose(_company(best, country))
