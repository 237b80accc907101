"""Actors: link names in the text to actors.yaml, and propose the ones it lacks.

Linking is by name or alias, compared with case, diacritics and dash variants
folded away ("Sebastien" == "Sébastien", "Viet Nam" == "Vietnam"). A surname
alone ("Cuong") links only when nothing in the sentence makes it part of a
longer name ("Nguyen Tan Cuong" is someone else) and only one person of the
article carries that surname: two people who share a name part are never
merged. The office written before a name ("French President", "Ambassador to
France") is kept as the person's role at that point.

New actors are proposed, not invented: a person needs an office before the
name (or an honorific), an organisation needs its acronym defined in
parentheses, a news outlet a sentence that makes it party to a fact
(`proposal_media`), and a state comes from the country list.
"""

from __future__ import annotations

import re

from .catalog import Catalog, DraftActor, Mention, load_catalog, person_country
from .furniture import DATELINE
from .lexicon import (
    COUNTRIES,
    PORTFOLIO_WORDS,
)
from .proposal_bare_orgs import propose_bare_organisations, propose_firms
from .proposal_media import propose_media
from .proposal_orgs import propose_organisations
from .proposals import is_name_token, propose_people, title_before
from .sentences import Sentence
from .text import Span, Word, fold, fold_keep_length, key, slug, strip_possessive, words


def _variant_pattern(variant: str) -> str:
    """Search pattern of a name on folded text: whole words, any run of spaces."""
    parts = [re.escape(p) for p in fold(variant).split()]
    return r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)"


class MentionFinder:
    """Finds named actor mentions in body sentences, linking and proposing as it goes."""

    def __init__(self, doc: str, catalog: Catalog):
        self.doc = doc
        self.folded = fold_keep_length(doc)
        self.catalog = catalog
        self._compiled: tuple[int, list[tuple[re.Pattern[str], str, DraftActor]]] | None = None
        self._first_words: list[str] = []

    def _variants(self) -> list[tuple[str, DraftActor]]:
        """Every name and alias to look for, longest first so that a full name wins over its surname."""
        pairs: list[tuple[str, DraftActor]] = []
        for a in self.catalog.all():
            for v in (a.name, *a.aliases):
                pairs.append((v, a))
        pairs += list(self.catalog.local.items())
        states = {a.country: a for a in self.catalog.all() if a.type == "state"}
        for name, code in COUNTRIES.items():
            # Every spelling of a country names its state ("Viet Nam", "Việt Nam" -> vietnam).
            state = states.get(code) or DraftActor(slug(name), name, "state", code, (), False)
            pairs.append((name, state))
        return sorted(pairs, key=lambda p: -len(p[0]))

    def _surname_ok(self, ws: list[Word], i: int) -> bool:
        """A lone surname must not be glued to other name words ("Nguyen Tan Cuong")."""
        if i > 0 and ws[i].start - ws[i - 1].end == 1 and is_name_token(ws[i - 1].text):
            prev_is_sentence_start = i - 1 == 0
            if not prev_is_sentence_start or ws[i - 1].text not in {"The", "A", "An"}:
                return False
        if i + 1 < len(ws) and ws[i + 1].start - ws[i].end == 1 and is_name_token(ws[i + 1].text):
            return self.catalog.lookup(strip_possessive(ws[i + 1].text)) is not None
        return True

    def _patterns(self) -> list[tuple[re.Pattern[str], str, DraftActor]]:
        """Compiled name patterns, longest name first; rebuilt only when a proposal was added."""
        size = len(self.catalog.proposals) + len(self.catalog.local)
        if self._compiled is None or self._compiled[0] != size:
            self._compiled = (
                size,
                [(re.compile(_variant_pattern(v)), v, a) for v, a in self._variants()],
            )
            self._first_words = [(fold(v).split() or [""])[0] for _rx, v, _a in self._compiled[1]]
        return self._compiled[1]

    def _people_by_alias(self) -> dict[str, set[str]]:
        """Folded one-word alias or surname -> the people who carry it."""
        out: dict[str, set[str]] = {}
        for a in self.catalog.all():
            if a.type != "person":
                continue
            for alias in (*a.aliases, a.surname or ""):
                if alias and len(alias.split()) == 1:
                    out.setdefault(key(alias), set()).add(a.id)
        return out

    def find(self, sentences: list[Sentence]) -> list[Mention]:
        """Mentions of every sentence; proposals found in a sentence are linkable from then on."""
        out: list[Mention] = []
        # Proposals first, over the whole body, so that a name introduced later with its office
        # ("Airbus Chief Commercial Officer ...") is linked where it came first ("20 Airbus jets").
        for s in sentences:
            propose_people(self.doc, s, words(self.doc, s.start, s.end), self.catalog)
            propose_organisations(self.doc, s, self.catalog)
            propose_bare_organisations(s, self.catalog)
            propose_media(s, self.catalog)
            propose_firms(s, self.catalog)
        self._introduced_surnames(sentences)
        by_alias = self._people_by_alias()
        for s in sentences:
            ws = words(self.doc, s.start, s.end)
            # The agency of a dateline ("HANOI, May 5 (VNA) -") signs the article; it is no actor
            # of it.
            dateline = DATELINE.match(s.text) if s.index == 0 else None
            taken: list[Span] = [Span(s.start, s.start + dateline.end())] if dateline else []
            chunk = self.folded[s.start : s.end]
            for (rx, variant, actor), first in zip(
                self._patterns(), self._first_words, strict=True
            ):
                if first not in chunk:
                    continue  # cheap pre-check before the regex
                for m in rx.finditer(self.folded, s.start, s.end):
                    span = Span(m.start(), m.end())
                    original = self.doc[span.start : span.end]
                    if any(span.overlaps(t) for t in taken):
                        continue
                    if not original[:1].isupper():
                        continue
                    if variant.isupper() and original != variant:
                        continue
                    index = next((i for i, w in enumerate(ws) if w.start == span.start), None)
                    if index is None:
                        # A part of a compound ("EU–Vietnam"): a mention, with no office.
                        if (
                            self.doc[span.start - 1 : span.start] in {"-", "–"}
                            and actor.type != "person"
                            # "Hauts-de-France", "Île-de-France": a region named after the
                            # country is no mention of it
                            and not _PLACE_PARTICLE.search(
                                self.doc, max(0, span.start - 5), span.start
                            )
                        ):
                            taken.append(span)
                            out.append(Mention(actor, span, span, None, s.index))
                        continue
                    single = len(variant.split()) == 1
                    if actor.type == "person" and single and not self._surname_ok(ws, index):
                        continue
                    if actor.type == "person" and len(by_alias.get(key(variant), ())) > 1:
                        # "Thang" is two people of actors.yaml: the one this article named in full.
                        named = [m.actor for m in out if m.actor.id in by_alias[key(variant)]]
                        if not named:
                            continue
                        actor = named[-1]
                    role, role_start = (
                        title_before(self.doc, ws, index)
                        if actor.type == "person"
                        else (None, index)
                    )
                    full = Span(ws[role_start].start, span.end)
                    taken.append(span)
                    out.append(Mention(actor, span, full, role, s.index))
        return self._drop_ambiguous_surnames(
            self._drop_portfolios(sorted(out, key=lambda m: m.span.start))
        )

    def _introduced_surnames(self, sentences: list[Sentence]) -> None:
        """ "Prime Minister Sébastien Lecornu ... Lecornu said": a known person the article names
        in full is referred to by the surname alone, even where actors.yaml lists no such alias
        (the surname then links in this article only, under the same checks as any surname)."""
        body = " ".join(self.folded[s.start : s.end] for s in sentences)
        for a in self.catalog.actors:
            surname = a.surname
            if a.type != "person" or not surname or len(surname) < 3:
                continue
            if self.catalog.lookup(surname) is not None:
                continue
            names = [v for v in (a.name, *a.aliases) if len(v.split()) >= 2]
            if any(re.search(_variant_pattern(v), body) for v in names):
                self.catalog.link_locally(surname, a)

    def _drop_portfolios(self, mentions: list[Mention]) -> list[Mention]:
        """ "Minister of State for Francophonie ...": a portfolio inside an office is a field of
        work, not the organisation that shares its name; and the state an office is held for or
        accredited to ("Ambassador of France to Việt Nam", "Consul General of France in ...")
        is no actor of the sentence for that."""
        people: dict[int, list[Mention]] = {}
        for m in mentions:
            if m.actor.type == "person" and m.role:
                people.setdefault(m.sentence, []).append(m)
        return [
            m
            for m in mentions
            if not (
                m.actor.type == "state"
                and _ACCREDITED.search(self.doc, max(0, m.span.start - 60), m.span.start)
            )
            and (
                m.actor.type == "person"
                or (
                    self.doc[m.span.start : m.span.end] not in PORTFOLIO_WORDS
                    and m.actor.type != "state"
                )
                or not any(
                    p.full.start <= m.span.start and m.span.end <= p.span.start
                    for p in people.get(m.sentence, [])
                )
            )
        ]

    def _drop_ambiguous_surnames(self, mentions: list[Mention]) -> list[Mention]:
        """A lone surname shared by two people of the article links to neither."""
        people = {m.actor.id: m.actor for m in mentions if m.actor.type == "person"}
        by_surname: dict[str, set[str]] = {}
        for a in people.values():
            if a.surname:
                by_surname.setdefault(key(a.surname), set()).add(a.id)
        kept = []
        for m in mentions:
            written = self.doc[m.span.start : m.span.end]
            shared = by_surname.get(key(strip_possessive(written)), set())
            if m.actor.type == "person" and len(written.split()) == 1 and len(shared) > 1:
                continue
            kept.append(m)
        return kept


#: An office held for or accredited to a state, right before the state's name ("Ambassador of
#: France to ", "Vietnamese Ambassador to ", "Consul General of France in ").
_ACCREDITED = re.compile(
    r"\b(?i:ambassadors?|consuls?(?:[\s-]general)?|envoys?|embassy|consulate(?:[\s-]general)?)"
    r"(?:\s+of\s+(?:the\s+)?[A-ZĐÀ-Ý][\w’'–-]*(?:\s+[A-ZĐÀ-Ý][\w’'–-]*){0,2})?"
    r"\s+(?:to|in|of)\s+(?:the\s+)?$"
)
_PLACE_PARTICLE = re.compile(r"[-–](?:de|du|des|la|le|sur)[-–]$")


def find_mentions(doc: str, sentences: list[Sentence], catalog: Catalog) -> list[Mention]:
    """Every named actor mention of the body, in reading order; may add proposals to the catalog."""
    return MentionFinder(doc, catalog).find(sentences)


__all__ = ["Catalog", "DraftActor", "Mention", "find_mentions", "load_catalog", "person_country"]
