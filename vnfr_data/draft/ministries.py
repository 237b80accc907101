"""A ministry named only by its portfolio ("the Ministry of Foreign Affairs said") is the known
ministry of that portfolio in the country the article leaves unnamed.

News writes its own country's offices bare and qualifies the other side's: a Vietnamese outlet
writes "Foreign Minister Bui Thanh Son" beside "French Minister for Europe and Foreign Affairs
Jean-Noel Barrot". So the country of a bare ministry is the one of the known ministries of its
portfolio whose country no office of the article is qualified with, when the article qualifies
the other one. Where the article qualifies neither or both, nothing is linked: the ministry is
proposed as a new actor and the reviewer decides.
"""

from __future__ import annotations

import re

from .catalog import Catalog, DraftActor
from .lexicon import COUNTRIES, DEMONYMS
from .text import fold

_NOT_PORTFOLIO = frozenset(
    {"ministry", "minister", "of", "for", "the", "and", "affairs", "europe", "s", "department"}
    | {fold(c) for c in COUNTRIES}
    | {fold(d) for d in DEMONYMS}
)
_SPELLINGS = {"defense": "defence", "labor": "labour", "program": "programme"}
_OFFICE = re.compile(
    r"\b(?P<demonym>[A-Z][a-z]+)\s+(?:(?:Deputy|Vice|Prime|Foreign|Finance|Defence|Defense|"
    r"State|Senior|Chief|First|Acting)\s+)*(?:Minister|President|Ambassador|Consul|Embassy|"
    r"Ministry|Senate|Government|Prime Minister|official|officials|leader|delegation|side)\b"
)


def portfolio(name: str) -> frozenset[str]:
    """The field a ministry's name gives ("Foreign Ministry of Vietnam", "Ministry for Europe
    and Foreign Affairs" and "Ministry of Foreign Affairs" all give {"foreign"})."""
    words = re.findall(r"[a-z]+", fold(name))
    return frozenset(_SPELLINGS.get(w, w) for w in words if w not in _NOT_PORTFOLIO)


def is_ministry(name: str) -> bool:
    return bool(re.search(r"\bMinistry\b", name))


def qualified_countries(body: str) -> frozenset[str]:
    """Countries whose offices the article qualifies ("French Minister", "Vietnamese side")."""
    return frozenset(
        DEMONYMS[m.group("demonym")]
        for m in _OFFICE.finditer(body)
        if m.group("demonym") in DEMONYMS
    )


def known_ministry(catalog: Catalog, name: str, country: str | None) -> DraftActor | None:
    """The known ministry a portfolio name denotes: of `country` when the name gives one, else
    of the one country of that portfolio's ministries the article leaves unqualified."""
    field = portfolio(name)
    if not field:
        return None
    same = [
        a
        for a in catalog.actors
        if a.type == "government_body"
        and a.country
        and portfolio(a.name) == field
        and is_ministry(a.name)
    ]
    if country is not None:
        fits = [a for a in same if a.country == country]
        return fits[0] if len(fits) == 1 else None
    qualified = catalog.qualified
    if not qualified & {a.country for a in same}:
        return None  # the article qualifies none of them: no convention to read
    fits = [a for a in same if a.country not in qualified]
    return fits[0] if len(fits) == 1 else None


#: The two sides whose offices news qualifies or leaves bare.
_SIDES = frozenset({"VN", "FR"})


def unqualified_country(catalog: Catalog) -> str | None:
    """The side the article leaves unqualified when it qualifies the other one ("French
    Minister ..." beside a bare "the Ministry of Finance": the ministry is Vietnam's)."""
    left = _SIDES - catalog.qualified
    return next(iter(left)) if len(left) == 1 else None


#: Portfolios only Vietnam's government has a ministry of (France names its ministries
#: otherwise: "of the Armed Forces", "for Europe and Foreign Affairs", "of the Interior"), so a
#: bare "Ministry of Industry and Trade" is Vietnam's whatever the article qualifies.
_VIETNAM_ONLY = frozenset(
    portfolio(f"Ministry of {p}")
    for p in (
        "Industry and Trade",
        "Planning and Investment",
        "Natural Resources and Environment",
        "Agriculture and Rural Development",
        "Agriculture and Environment",
        "Education and Training",
        "Culture, Sports and Tourism",
        "Labour, Invalids and Social Affairs",
        "Information and Communications",
        "Science and Technology",
        "Public Security",
        "National Defence",
        "Home Affairs",
        "Construction",
        "Transport",
    )
)


def bare_ministry_country(catalog: Catalog, name: str) -> str | None:
    """The country of a ministry named without one: Vietnam for a portfolio only Vietnam has,
    else the side the article leaves unqualified (`unqualified_country`)."""
    if portfolio(name) in _VIETNAM_ONLY:
        return "VN"
    return unqualified_country(catalog)
