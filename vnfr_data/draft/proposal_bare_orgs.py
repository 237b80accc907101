"""Organisations named without an organisation word, where the text treats them as actors.

"Campus France" and "Air Liquide Asia Pacific" carry no "Agency" or "Company", so the
organisation-word rules miss them; the sentence still says what they are:

- the head of something named before a person ("Chief Executive Officer of Air Liquide Asia
  Pacific Francois Abrial", "Chairman of Vingroup Pham Nhat Vuong"): a company after a
  corporate office, an organisation after another;
- one side of an agreement or partnership "between X and Y" where the other side is an
  organisation ("an agreement between the University of ... and Campus France");
- a company by its legal form ("Hanoi Metro One Member Co., Ltd.") or joined by "and" to a
  company ("Vietnam Airlines and Airbus signed ...": `propose_firms`).

A run that is a place, a person (known or proposed), a known actor or holds an office word is
never proposed.
"""

from __future__ import annotations

import re

from .catalog import Catalog, DraftActor
from .given_names import FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES
from .lexicon import CITIES, COUNTRIES, DEMONYMS, ORG_HEADS, VIETNAMESE_FAMILY_NAMES
from .proposal_orgs import _UP, _company
from .proposals import _PLACE_KEYS, is_title
from .sentences import Sentence
from .text import fold, slug

_RUN = r"[A-Z][\w&’'.-]*(?:\s+(?:[A-Z][\w&’'.-]*|de|du|des))*"
_HEAD_OF = re.compile(
    r"\b(?P<office>Chief Executive Officer|Chief Executive|CEO|Chairman|Chairwoman|Managing "
    r"Director|General Director|Director General|Director|President|Head|Founder)\s+of\s+"
    rf"(?P<run>{_RUN})"
)
_CORPORATE = frozenset({"Chief Executive Officer", "Chief Executive", "CEO", "Managing Director"})
_BETWEEN = re.compile(
    rf"\bbetween\s+(?:the\s+)?(?P<both>{_RUN}(?:\s+(?:of|for|and|the)\s+(?:the\s+)?{_RUN})+)"
)
_AGREEMENT_WORDS = re.compile(
    r"\b(?:agreement|memorandum|MoU|partnership|deal|contract|accord|cooperation)\b", re.I
)


def _without_people(run: str, catalog: Catalog) -> str:
    """The run with a person's name at its end cut off ("Air Liquide Asia Pacific Francois
    Abrial" -> "Air Liquide Asia Pacific")."""
    words = run.split()
    for n in (4, 3, 2):  # a person's name is its last few words: looked up, not scanned for
        if len(words) > n:
            found = catalog.lookup(" ".join(words[-n:]))
            if found is not None and found.type == "person":
                return " ".join(words[:-n])
    return run.strip()


def _candidate(run: str, catalog: Catalog) -> bool:
    tokens = run.split()
    if not tokens or len(tokens) > 6 or catalog.lookup(run) is not None:
        return False
    if fold(run) in _PLACE_KEYS or tokens[0] in COUNTRIES or tokens[0] in CITIES:
        return False  # a place, or a place before a name; "Campus France" is a name
    return not any(is_title(t) or t in DEMONYMS or t.lower() in ORG_HEADS for t in tokens)


def propose_bare_organisations(s: Sentence, catalog: Catalog) -> None:
    """Organisations without an organisation word that the sentence treats as actors."""
    text = s.text
    for m in _HEAD_OF.finditer(text):
        run = _without_people(m.group("run"), catalog).rstrip(".")
        rest = text[m.end("run") :].lstrip(" ,")
        after = text[m.end("run") : m.end("run") + 2] == ", " and (
            re.match(r"[A-Z][\w’'-]+\s+[A-Z][\w’'-]+", rest) is not None
        )
        if run == m.group("run").strip().rstrip(".") and not after:
            continue  # no person after it: "President of Vietnam" is no head of a body
        if _candidate(run, catalog):
            kind = "company" if m.group("office") in _CORPORATE else "organisation"
            catalog.propose(DraftActor(slug(run, 12), run, kind, None, (), False))
    if not _AGREEMENT_WORDS.search(text):
        return
    for m in _BETWEEN.finditer(text):
        both = m.group("both")
        joined = catalog.proposals.get(slug(both, 12))  # "X and Y" taken for one name
        for k in (x.start() for x in re.finditer(r"\s+and\s+", both)):
            left = both[:k]
            a = catalog.lookup(left)
            if (
                a is None
                and joined is not None
                and any(w.lower() in ORG_HEADS for w in left.split())
            ):
                del catalog.proposals[joined.id]  # the two sides of the agreement, not one body
                joined = None
                a = catalog.propose(
                    DraftActor(slug(left, 12), left, "organisation", None, (), False)
                )
            b = re.sub(r"^\s+and\s+(?:the\s+)?", "", both[k:]).strip().rstrip(".")
            if a is not None and a.type not in {"person", "state"} and _candidate(b, catalog):
                catalog.propose(DraftActor(slug(b, 12), b, "organisation", None, (), False))
                break


#: A capitalised name of one to five words; a name may start with an accented capital.
_NAME = rf"[{_UP}][\w&’'.-]*(?:\s+[{_UP}][\w&’'.-]*){{0,4}}"
#: A company by its legal form after its name: "Hanoi Metro One Member Co., Ltd.", "Hải Vân
#: Port JSC", "Vauclair Énergies SA" (the form is what says it is a company, whatever it does).
_LEGAL_AFTER = re.compile(
    rf"(?P<run>{_NAME}?),?\s+(?:One Member\s+)?(?:Co\.,?\s*Ltd\.?|JSC|Joint Stock Company|SA"
    r"|SAS|PLC|LLC|GmbH|Inc\.?)(?!\w)"
)
#: "Vietnam Airlines and Airbus signed ...": a name joined to a company's by "and", and ending
#: where the clause goes on, names another company.
_AND_NAME = re.compile(rf"(?P<a>{_NAME})\s+and\s+(?P<b>{_NAME})(?=\s+[a-z]|[,.;:]|$)")
_LEADING = frozenset(
    {"The", "A", "An", "And", "With", "For", "By", "To", "From", "At", "In", "On", "Of"}
)


def _firm_name(run: str) -> str:
    """The run without the sentence words before the name ("With Hanoi Metro"), a place it is
    based in ("Đà Nẵng-based X JSC") or its owner ("Bình Định’s X JSC")."""
    run = re.sub(r"^(?:[\w’'.]+\s+){0,2}[\w’'.-]+-based\s+", "", run)
    run = re.sub(r"^.*[’']s\s+", "", run)
    tokens = run.split()
    while tokens and tokens[0] in _LEADING:
        tokens.pop(0)
    return " ".join(tokens)


def _firm_candidate(name: str, catalog: Catalog) -> bool:
    """A run that can be a company's name: no place alone, person, office or nationality, and
    not a name the catalogue already knows."""
    tokens = name.split()
    if not tokens or len(tokens) > 5 or catalog.lookup(name) is not None:
        return False
    if fold(name) in _PLACE_KEYS or tokens[0] in COUNTRIES:
        return False
    if tokens[0] in VIETNAMESE_FAMILY_NAMES or tokens[0] in MALE_GIVEN_NAMES | FEMALE_GIVEN_NAMES:
        return False  # a person's name without an office
    return not any(is_title(t) or t in DEMONYMS for t in tokens)


def _is_company(name: str, catalog: Catalog) -> bool:
    """Whether the run ends with a company's name the catalogue knows ("Separately, Vietnam
    Airlines" ends with Vietnam Airlines)."""
    tokens = name.split()
    for k in range(len(tokens)):
        found = catalog.lookup(" ".join(tokens[k:]))
        if found is not None:
            return found.type == "company"
    return False


def propose_firms(s: Sentence, catalog: Catalog) -> None:
    """Companies named without a word that says what they do: by their legal form, or joined
    by "and" to another company."""
    for m in _LEGAL_AFTER.finditer(s.text):
        run = _firm_name(m.group("run"))
        if run and _firm_candidate(run, catalog):
            written = s.text[m.start("run") + m.group("run").find(run) : m.end()]
            catalog.propose(_company(written, None))
    for m in _AND_NAME.finditer(s.text):
        a, b = _firm_name(m.group("a")), _firm_name(m.group("b"))
        if _is_company(a, catalog) and _firm_candidate(b, catalog):
            catalog.propose(_company(b, None))
        elif _is_company(b, catalog) and _firm_candidate(a, catalog):
            catalog.propose(_company(a, None))
