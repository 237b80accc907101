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
parentheses, and a state comes from the country list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .lexicon import (
    AGREEMENT_HEADS,
    CITIES,
    COUNTRIES,
    DEMONYMS,
    HONORIFICS,
    MONTHS,
    NOT_NAME_WORDS,
    OFFICE_HEADS,
    TITLE_WORDS,
    WEEKDAYS,
)
from .sentences import Sentence
from .text import Span, Word, fold, fold_keep_length, key, slug, strip_possessive, words

_CONNECTORS = frozenset(
    {"of", "to", "for", "and", "the", "on", "in", "de", "la", "du", "des", "against"}
)
_ORG_HEADS: dict[str, str] = {
    "agency": "government_body",
    "ministry": "government_body",
    "committee": "government_body",
    "government": "government_body",
    "parliament": "government_body",
    "assembly": "government_body",
    "office": "government_body",
    "commission": "government_body",
    "department": "government_body",
    "army": "government_body",
    "bank": "company",
    "company": "company",
    "corporation": "company",
    "group": "company",
    "jsc": "company",
    "ltd": "company",
    "airlines": "company",
    "news": "media",
    "television": "media",
    "radio": "media",
    "times": "media",
    "post": "media",
    "press": "media",
    "organisation": "international_organisation",
    "organization": "international_organisation",
    "union": "international_organisation",
    "nations": "international_organisation",
    "forum": "organisation",
    "association": "organisation",
    "council": "organisation",
    "institute": "organisation",
    "university": "organisation",
    "centre": "organisation",
    "center": "organisation",
    "foundation": "organisation",
    "federation": "organisation",
    "chamber": "organisation",
    "fund": "organisation",
    "party": "political_party",
}
_SPEECH_AFTER = re.compile(
    r"\s*,?\s+(?:said|says|told|stated|affirmed|stressed|noted|added|emphasised|emphasized|urged"
    r"|pledged|proposed|highlighted|underlined|reaffirmed|reiterated|called|expressed|praised)\b"
)


@dataclass(frozen=True)
class DraftActor:
    """An actor of actors.yaml (`known`) or one proposed by the extractor."""

    id: str
    name: str
    type: str
    country: str | None
    aliases: tuple[str, ...] = ()
    known: bool = True

    @property
    def surname(self) -> str | None:
        """The name part a person is referred to by alone (last word, both Vietnamese and Western)."""
        if self.type != "person":
            return None
        parts = self.name.split()
        return parts[-1] if len(parts) > 1 else None


@dataclass(frozen=True)
class Mention:
    """A named reference to an actor: the name as written, and with its office if any."""

    actor: DraftActor
    span: Span
    full: Span
    role: str | None
    sentence: int


@dataclass
class Catalog:
    """The known actors, indexed by folded name and alias, plus the proposals of one article."""

    actors: list[DraftActor]
    proposals: dict[str, DraftActor] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_key: dict[str, DraftActor] = {}
        for a in self.actors:
            for variant in (a.name, *a.aliases):
                self._by_key.setdefault(key(variant), a)

    def get(self, actor_id: str) -> DraftActor | None:
        return next((a for a in self.all() if a.id == actor_id), None)

    def all(self) -> list[DraftActor]:
        return [*self.actors, *self.proposals.values()]

    def lookup(self, name: str) -> DraftActor | None:
        """The actor a written name or alias denotes, known or proposed in this article."""
        k = key(name)
        return self._by_key.get(k) or next(
            (a for a in self.proposals.values() if k in {key(a.name), *map(key, a.aliases)}), None
        )

    def state(self, country: str | None) -> DraftActor | None:
        """The state actor of an ISO code (known, else proposed from the country list)."""
        if country is None:
            return None
        for a in self.all():
            if a.type == "state" and a.country == country:
                return a
        name = next((n for n, c in COUNTRIES.items() if c == country), None)
        return self.propose(DraftActor(slug(name), name, "state", country, (), False)) if name else None

    def propose(self, actor: DraftActor) -> DraftActor:
        """Add a new actor (unless the name is already known), with an id that collides with none."""
        found = self.lookup(actor.name)
        if found is not None:
            return found
        ids = {a.id for a in self.all()}
        new_id, n = actor.id, 2
        while new_id in ids:
            new_id, n = f"{actor.id}-{n}", n + 1
        made = DraftActor(new_id, actor.name, actor.type, actor.country, actor.aliases, False)
        self.proposals[new_id] = made
        return made


def load_catalog(path: Path) -> Catalog:
    """actors.yaml as a catalog (empty when the file is absent)."""
    if not path.is_file():
        return Catalog([])
    from ..annotations import load_actors

    return Catalog(
        [DraftActor(a.id, a.name, a.type, a.country, tuple(a.aliases), True) for a in load_actors(path)]
    )


def _variant_pattern(variant: str) -> str:
    """Search pattern of a name on folded text: whole words, any run of spaces."""
    parts = [re.escape(p) for p in fold(variant).split()]
    return r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)"


def _is_title(w: str) -> bool:
    """A word of an office or a courtesy title, never of a name."""
    return w in TITLE_WORDS or w.rstrip(".") in HONORIFICS


def _is_name_token(w: str) -> bool:
    """A capitalised word that may be part of a person's name (not an office, month or place)."""
    bare = strip_possessive(w)
    return (
        bare[:1].isupper()
        and not _is_title(bare)
        and bare.lower() not in MONTHS
        and bare.lower() not in WEEKDAYS
        and bare not in DEMONYMS
        and bare not in COUNTRIES
    )


def _role_part(ws: list[Word], i: int, w: str, saw_title: bool) -> bool:
    """Besides title words, an office may hold a nationality ("French"), a country after "to"
    or "of" ("Ambassador to France"), connectors between titles, and an organisation's acronym
    ("EU Special Envoy")."""
    prev = ws[i - 1].text if i > 0 else ""
    return (
        w in DEMONYMS
        or (w in COUNTRIES and prev in {"to", "of"})
        or (w in _CONNECTORS and (_is_title(prev) or prev in DEMONYMS))
        or (saw_title and w.isupper() and len(w) >= 2)
    )


def role_before(ws: list[Word], index: int) -> tuple[str | None, int]:
    """The office written before ws[index] ("French Armed Forces Minister"), and where it starts."""
    i = index - 1
    start = index
    saw_title = False
    while i >= 0:
        w = strip_possessive(ws[i].text)
        gap = ws[i + 1].start - ws[i].end
        if gap > 1:
            break
        if _is_title(w):
            saw_title = True
        elif not _role_part(ws, i, w, saw_title):
            break
        start = i
        i -= 1
    while start < index and ws[start].text in _CONNECTORS:
        start += 1
    if not saw_title or start == index:
        return None, index
    return None if start == index else " ".join(w.text for w in ws[start:index]), start


class MentionFinder:
    """Finds named actor mentions in body sentences, linking and proposing as it goes."""

    def __init__(self, doc: str, catalog: Catalog):
        self.doc = doc
        self.folded = fold_keep_length(doc)
        self.catalog = catalog
        self._compiled: tuple[int, list[tuple[re.Pattern[str], str, DraftActor]]] | None = None

    def _variants(self) -> list[tuple[str, DraftActor]]:
        """Every name and alias to look for, longest first so that a full name wins over its surname."""
        pairs: list[tuple[str, DraftActor]] = []
        for a in self.catalog.all():
            for v in (a.name, *a.aliases):
                pairs.append((v, a))
        known_states = {a.country for a in self.catalog.all() if a.type == "state"}
        for name, code in COUNTRIES.items():
            if code not in known_states:
                pairs.append((name, DraftActor(slug(name), name, "state", code, (), False)))
        return sorted(pairs, key=lambda p: -len(p[0]))

    def _surname_ok(self, ws: list[Word], i: int) -> bool:
        """A lone surname must not be glued to other name words ("Nguyen Tan Cuong")."""
        if i > 0 and ws[i].start - ws[i - 1].end == 1 and _is_name_token(ws[i - 1].text):
            prev_is_sentence_start = i - 1 == 0
            if not prev_is_sentence_start or ws[i - 1].text not in {"The", "A", "An"}:
                return False
        if i + 1 < len(ws) and ws[i + 1].start - ws[i].end == 1 and _is_name_token(ws[i + 1].text):
            return self.catalog.lookup(strip_possessive(ws[i + 1].text)) is not None
        return True

    def _patterns(self) -> list[tuple[re.Pattern[str], str, DraftActor]]:
        """Compiled name patterns, longest name first; rebuilt only when a proposal was added."""
        size = len(self.catalog.proposals)
        if self._compiled is None or self._compiled[0] != size:
            self._compiled = (
                size,
                [(re.compile(_variant_pattern(v)), v, a) for v, a in self._variants()],
            )
        return self._compiled[1]

    def find(self, sentences: list[Sentence]) -> list[Mention]:
        """Mentions of every sentence; proposals found in a sentence are linkable from then on."""
        out: list[Mention] = []
        for s in sentences:
            ws = words(self.doc, s.start, s.end)
            taken: list[Span] = []
            self._propose_people(s, ws)
            self._propose_organisations(s)
            chunk = self.folded[s.start : s.end]
            for rx, variant, actor in self._patterns():
                if fold(variant).split()[0] not in chunk:
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
                        ):
                            taken.append(span)
                            out.append(Mention(actor, span, span, None, s.index))
                        continue
                    single = len(variant.split()) == 1
                    if actor.type == "person" and single and not self._surname_ok(ws, index):
                        continue
                    role, role_start = (
                        role_before(ws, index) if actor.type == "person" else (None, index)
                    )
                    full = Span(ws[role_start].start, span.end)
                    taken.append(span)
                    out.append(Mention(actor, span, full, role, s.index))
        return self._drop_ambiguous_surnames(sorted(out, key=lambda m: m.span.start))

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

    def _propose_people(self, s: Sentence, ws: list[Word]) -> None:
        """Office + name ("Lao Foreign Minister Thongsavanh Phomvihane") proposes a person."""
        i = 0
        while i < len(ws):
            j = i
            while (
                j < len(ws)
                and _is_name_token(ws[j].text)
                and (j == i or ws[j].start - ws[j - 1].end == 1)
            ):
                j += 1
            if j > i:
                name_words = ws[i:j]
                role, _ = role_before(ws, i)
                name = " ".join(strip_possessive(w.text) for w in name_words)
                n = len(name_words)
                followed_by_speech = bool(_SPEECH_AFTER.match(self.doc, name_words[-1].end))
                honorific = i > 0 and ws[i - 1].text.rstrip(".") in HONORIFICS
                office = role is not None and any(w in OFFICE_HEADS for w in role.split())
                ordinary = not any(strip_possessive(w.text) in NOT_NAME_WORDS for w in name_words)
                plausible = (
                    2 <= n <= 4
                    and ordinary
                    and (office or honorific or (followed_by_speech and i > 0))
                )
                known_part = any(self.catalog.lookup(w.bare) for w in name_words)
                if (
                    plausible
                    and self.catalog.lookup(name) is None
                    and name not in CITIES
                    and not known_part
                ):
                    country = next(
                        (DEMONYMS[w] for w in (role or "").split() if w in DEMONYMS), None
                    )
                    self.catalog.propose(
                        DraftActor(slug(name), name, "person", country, (name.split()[-1],), False)
                    )
                i = j
            else:
                i += 1

    def _propose_organisations(self, s: Sentence) -> None:
        """ "Full Name (ACRONYM)" with an organisation word in the name proposes an organisation."""
        for m in re.finditer(
            r"((?:[A-Z][\w’'.&-]*\s+(?:(?:of|for|and|the|on)\s+)*){1,8})\(([A-Z][A-Za-z0-9&]{1,9})\)",
            s.text,
        ):
            name = m.group(1).strip()
            acronym = m.group(2)
            if sum(c.isupper() for c in acronym) < 2:
                continue
            tokens = [t for t in name.split() if t[:1].isupper()]
            if len(tokens) < 2:
                continue
            heads = [_ORG_HEADS.get(t.lower()) for t in name.split()]
            kind = next((h for h in reversed(heads) if h), None)
            if kind is None or self.catalog.lookup(name) or self.catalog.lookup(acronym):
                continue
            if any(t.lower() in AGREEMENT_HEADS for t in name.split()):
                continue  # "... Convention (UNCLOS)" is an agreement, not an organisation
            if tokens[0] in {"The"}:
                name = name.split(" ", 1)[1]
            country = next(
                (
                    COUNTRIES.get(t) or DEMONYMS.get(t)
                    for t in name.split()
                    if t in COUNTRIES or t in DEMONYMS
                ),
                None,
            )
            if kind == "international_organisation" and country:
                kind = "organisation"
            regional = re.match(
                r"(?:International|World|Asian|European|African|Inter-American|Islamic|United)\b",
                name,
            )
            if regional and not country:
                kind = "international_organisation"
            self.catalog.propose(DraftActor(slug(name), name, kind, country, (acronym,), False))


def find_mentions(doc: str, sentences: list[Sentence], catalog: Catalog) -> list[Mention]:
    """Every named actor mention of the body, in reading order; may add proposals to the catalog."""
    return MentionFinder(doc, catalog).find(sentences)


def person_country(actor: DraftActor, role: str | None) -> str | None:
    """A person's nationality: from actors.yaml, else a nationality word in their office."""
    if actor.country:
        return actor.country
    for w in (role or "").split():
        if w in DEMONYMS:
            return DEMONYMS[w]
    return None
