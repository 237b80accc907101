"""Organisations named without an organisation word, where the text treats them as actors.

"Campus France" and "Air Liquide Asia Pacific" carry no "Agency" or "Company", so the
organisation-word rules miss them; the sentence still says what they are:

- the head of something named before a person ("Chief Executive Officer of Air Liquide Asia
  Pacific Francois Abrial", "Chairman of Vingroup Pham Nhat Vuong"): a company after a
  corporate office, an organisation after another;
- one side of an agreement or partnership "between X and Y" where the other side is an
  organisation ("an agreement between the University of ... and Campus France").

A run that is a place, a person (known or proposed), a known actor or holds an office word is
never proposed.
"""

from __future__ import annotations

import re

from .catalog import Catalog, DraftActor
from .lexicon import CITIES, COUNTRIES, DEMONYMS, ORG_HEADS
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
