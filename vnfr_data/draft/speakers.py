"""Who a subject refers to: names, pronouns, descriptions and "both sides".

Read in order, an article keeps a small discourse state: the last person who
was the subject (for "He"/"She"), the last group (for "They"), and its two
principals, the two people it names most, who are who "the two leaders",
"both sides" and "they" stand for in a report of talks between them.
Descriptions resolve by nationality and office: "the French leader" is the
last French person named, "the ambassador" the last person whose office says
ambassador, "the Vietnamese side" the state of Vietnam.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from .actors import Catalog, DraftActor, Mention
from .lexicon import DEMONYMS, HONORIFICS, TITLE_WORDS
from .speaker_model import Who, gender
from .speaker_patterns import (
    _APPOSITIVE_TAIL,
    _BOUNDARY_BEFORE,
    _JOINT,
    _LOWER_OFFICE_BEFORE,
    _PARENTHETICAL,
    _PRONOUN,
    _ROLE_AFTER,
    _ROLE_BEFORE,
    _TRAILING_ADVERBS,
    _TRAILING_TIME,
)
from .speaker_roles import DESCRIPTION, fits, learn_roles

_DEMONYM_RX = "|".join(sorted(map(re.escape, DEMONYMS), key=len, reverse=True))
#: An organisation named by its kind ("the ministry", "the presidential palace", "the two
#: companies"): the last one of that kind the article named.
_ORG_DESCRIPTION = re.compile(
    r"\b[Tt]he\s+(?:(?P<nat>" + _DEMONYM_RX + r")\s+)?(?:(?P<two>two|three|both)\s+)?"
    r"(?:[a-z]+\s+)?(?P<head>ministry|embassy|palace|agency|federation|committee|council|senate"
    r"|consulate|government|company|companies|firm|firms|carrier|airline|utility|partners|bank"
    r"|corporation|university|group|organisation|organization)$"
)
#: Capitalised title words and their abbreviations right before a name ("PM", "Dr.", "NA
#: Chairman", "French Senate President").
_TITLE_RUN = re.compile(
    r"(?:\b(?:(?:"
    + "|".join(
        sorted(map(re.escape, TITLE_WORDS | HONORIFICS | set(DEMONYMS)), key=len, reverse=True)
    )
    + r"|PM|NA|Gen|Adm|Assoc|Senate)\.?)\s+)+$"
)
_COMPANY_WORDS = frozenset(
    {
        "company",
        "companies",
        "firm",
        "firms",
        "carrier",
        "airline",
        "utility",
        "partners",
        "corporation",
        "bank",
    }
)


@dataclass
class Discourse:
    """The state pronouns and descriptions are resolved against, advanced sentence by sentence."""

    catalog: Catalog
    mentions: list[Mention]
    doc: str = ""
    roles: dict[str, list[str]] = field(default_factory=dict)
    last_person: DraftActor | None = None
    unnamed_last: bool = False
    last_unnamed: Who | None = None  # the placeholder of the unnamed speaker "he" refers to
    last_group: Who | None = None
    genders: dict[str, str] = field(default_factory=dict)  # learnt from the text's pronouns
    unnamed_gender: str | None = None  # the pronoun an unnamed speaker was referred to by
    spoke: set[str] = field(default_factory=set)  # people who were the subject of a statement

    def __post_init__(self) -> None:
        for m in self.mentions:
            if m.role:
                self.roles.setdefault(m.actor.id, []).append(m.role)
            # "X, vice president of Y," / "the chamber's chairwoman, X": an office beside the name.
            after = _ROLE_AFTER.match(self.doc, m.span.end) if self.doc else None
            before = _ROLE_BEFORE.search(self.doc, max(0, m.full.start - 60), m.full.start)
            for found in (after, before if self.doc else None):
                if found and m.actor.type == "person":
                    self.roles.setdefault(m.actor.id, []).append(found.group("role"))
        self.principals = self._principals()
        self._people = sorted(
            (m for m in self.mentions if m.actor.type == "person"), key=lambda m: m.span.start
        )
        self._person_starts = [m.span.start for m in self._people]
        self._by_sentence: dict[int, list[Mention]] = {}
        self._sorted = sorted(self.mentions, key=lambda m: m.span.start)
        self._starts = [m.span.start for m in self._sorted]

    def _within(self, start: int, stop: int) -> list[Mention]:
        """The mentions whose name starts in [start, stop], by bisection: resolution looks at a
        clause, never the whole article (drafting stays linear)."""
        a = bisect.bisect_left(self._starts, start)
        return self._sorted[a : bisect.bisect_right(self._starts, stop)]

    def _before(self, pos: int, limit: int = 100) -> list[Mention]:
        """The last mentions named before `pos` (a bounded number, as for people)."""
        k = bisect.bisect_left(self._starts, pos)
        return self._sorted[max(0, k - limit) : k]

    def _principals(self) -> Who | None:
        """The two people the article names most (failing that two states), first-named first."""
        people = [m for m in self.mentions if m.actor.type == "person"]
        counts = Counter(m.actor.id for m in people)
        first = {m.actor.id: m.span.start for m in reversed(people)}
        ranked = sorted(counts, key=lambda a: (-counts[a], first[a]))[:2]
        if len(ranked) < 2:
            states = [m for m in self.mentions if m.actor.type in {"state", "union_of_states"}]
            scounts = Counter(m.actor.id for m in states)
            sfirst = {m.actor.id: m.span.start for m in reversed(states)}
            ranked = sorted(scounts, key=lambda a: (-scounts[a], sfirst[a]))[:2]
            if len(ranked) < 2:
                return None
        ranked.sort(key=lambda a: first.get(a, 0) if a in first else 0)
        a, b = (self.catalog.get(x) for x in ranked)
        if a is None or b is None:
            return None
        return Who(a, (b,), "the article's two principals")

    def learn(self, doc: str, bounds: dict[int, tuple[int, int]]) -> None:
        """Offices in appositives and genders the pronouns give (`speaker_roles.learn_roles`),
        learnt once before the first sentence is read."""
        roles, genders = learn_roles(doc, self._people, bounds)
        for actor, found in roles.items():
            self.roles.setdefault(actor, []).extend(found)
        self.genders.update(genders)

    def in_sentence(self, index: int) -> list[Mention]:
        """The mentions of one sentence (indexed once)."""
        if not self._by_sentence and self.mentions:
            for m in self.mentions:
                self._by_sentence.setdefault(m.sentence, []).append(m)
        return self._by_sentence.get(index, [])

    def _people_before(self, pos: int) -> list[Mention]:
        """The last people named before `pos` (a bounded number: pronouns and descriptions point
        to someone recent, and a bound keeps resolution linear in the article's length)."""
        k = bisect.bisect_left(self._person_starts, pos)
        return self._people[max(0, k - 40) : k]

    def subject(self, who: Who) -> None:
        """Record who was just the subject, for later pronouns."""
        if who.joint:
            self.last_group = who
        elif who.speaker.type == "person":
            self.last_person = who.speaker
            self.unnamed_last = False
            self.spoke.add(who.speaker.id)

    # -- resolution -------------------------------------------------------------

    def joint(self, how: str) -> Who | None:
        group = self.last_group or self.principals
        people = self.principals
        if (
            group
            and people
            and people.speaker.type == "person"
            and all(a.type in {"state", "union_of_states"} for a in (group.speaker, *group.co))
        ):  # "Vietnam and France agreed ... both sides reaffirmed": the talks' two people
            group = people
        return Who(group.speaker, group.co, how) if group else None

    def gender(self, actor: DraftActor) -> str | None:
        """ "f", "m" or None: from a courtesy title, a Vietnamese middle name or a given name."""
        return gender(actor, self.roles.get(actor.id, [])) or self.genders.get(actor.id)

    def pronoun(self, word: str, pos: int) -> Who | None:
        """ "He"/"She": the last single person who spoke, else the last person named; never a
        person the text marks as of the other gender. "She" prefers a person marked a woman
        (the last speaker is otherwise the default, whatever their gender)."""
        want = "f" if word.lower() == "she" else "m"
        if self.unnamed_last and self.unnamed_gender in {None, want}:
            # "A French official ... said ... He said": the official again (not "She" after "He")
            self.unnamed_gender = want
            last = self.last_unnamed
            return Who(last.speaker, (), f"pronoun '{word}' -> {last.how}") if last else None
        candidates: list[tuple[DraftActor, str]] = []
        # People named in this sentence or the two before it, and people who have spoken.
        recent: set[str] = set(self.spoke)
        if self.last_person is not None:
            candidates.append((self.last_person, "the last person who spoke"))
            recent.add(self.last_person.id)
        before = self._people_before(pos)
        near = before[-1].sentence - 2 if before else 0
        for m in reversed(before):
            candidates.append((m.actor, "the last person named"))
            if m.sentence >= near:
                recent.add(m.actor.id)
        found: Who | None = None
        if want == "f":
            # A woman the text marks as one, if named lately or a speaker already: "Long said
            # ... “...,” she said" is the minister named with him, not a woman of a delegation
            # list far above.
            for actor, how in candidates:
                if self.gender(actor) == "f" and actor.id in recent:
                    found = Who(actor, (), f"pronoun '{word}' -> {how} (a woman)")
                    break
        if found is None:
            for actor, how in candidates:
                if self.gender(actor) in {None, want}:
                    found = Who(actor, (), f"pronoun '{word}' -> {how}")
                    break
        if found is not None and self.gender(found.speaker) is None:
            # "Mẫn ... He thanked ...": once a pronoun stood for someone, the other one never
            # does ("She proposed ..." later is someone else).
            self.genders[found.speaker.id] = want
        return found

    def description(self, m: re.Match[str], pos: int) -> Who | None:
        """ "the French leader", "the ambassador", "the Vice Chairwoman", "the Vietnamese side":
        the most recent person whose offices and country fit (`speaker_roles`)."""
        phrase = m.group().strip()
        if m.group("head").lower() == "side":
            state = self.catalog.state(DEMONYMS.get(m.group("nat") or ""))
            return Who(state, (), f"'{phrase}' -> the state") if state else None
        for mention in reversed(self._people_before(pos)):
            actor = mention.actor
            if fits(m, actor, self.roles.get(actor.id, [])):
                return Who(actor, (), f"'{phrase}' -> {actor.name}")
        return None

    def named(self, mentions: list[Mention], how: str) -> Who | None:
        actors: list[DraftActor] = []
        for m in mentions:
            if m.actor.id not in {a.id for a in actors}:
                actors.append(m.actor)
        if not actors:
            return None
        return Who(actors[0], tuple(actors[1:]), how)

    def at_end(self, doc: str, start: int, end: int) -> tuple[Who, int] | None:
        """The noun phrase that ends text[start:end] (a subject before its verb), and where it starts."""
        seg = doc[start:end].rstrip()
        # adverbs either side of a time: "X on Monday also said", "X also on Monday said"
        seg = _TRAILING_ADVERBS.sub("", _TRAILING_TIME.sub("", _TRAILING_ADVERBS.sub("", seg)))
        seg = _PARENTHETICAL.sub("", seg).rstrip(" ,")
        stop = start + len(seg)
        if not seg.strip():
            return None
        found = self._joint_or_pronoun(seg, start)
        if found is None:
            found = self._description_at(seg, start)
        if found is None:
            found = self._org_description_at(seg, start)
        if found is None:
            found = self._names_at_end(doc, start, stop)
        if found is not None and _BOUNDARY_BEFORE.search(doc[start : found[1]]):
            return found
        # "X, vice president of Y, said" / "X, who took up her post in May, said": the
        # subject is the noun phrase before the appositive.
        app = _APPOSITIVE_TAIL.search(seg)
        return self.at_end(doc, start, start + app.start()) if app else None

    def _joint_or_pronoun(self, seg: str, offset: int) -> tuple[Who, int] | None:
        m = _JOINT.search(seg)
        if m:
            who = self.joint(f"'{m.group()}' -> jointly")
            return (who, offset + m.start()) if who else None
        m = _PRONOUN.search(seg)
        if m:
            who = self.pronoun(m.group(), offset + m.start())
            return (who, offset + m.start()) if who else None
        return None

    def unnamed(self, who: Who | None = None, gender: str | None = None) -> None:
        """An unnamed speaker just spoke: "he"/"she" next refers to them (of `gender` when the
        text says it: "a spokeswoman", "because he was not authorised")."""
        self.unnamed_last = True
        self.last_unnamed = who
        self.unnamed_gender = gender

    def organisation(self, m: re.Match[str], pos: int) -> Who | None:
        """ "the ministry": the last organisation named with that word in its name; "the (two)
        companies": the last companies named, jointly."""
        head = m.group("head").lower()
        nat = DEMONYMS.get(m.group("nat") or "")
        phrase = m.group().strip()
        before = [x for x in self._before(pos) if x.actor.type != "person"]
        if head in _COMPANY_WORDS:
            firms: list[DraftActor] = []
            for x in reversed(before):
                if x.actor.type == "company" and x.actor.id not in {a.id for a in firms}:
                    firms.append(x.actor)
            plural = head.endswith("s") or m.group("two")
            if not firms or (plural and len(firms) < 2):
                return None
            # "Sen Việt Airlines signed with Airbus ..., the airline said": the firm whose name
            # holds the word, before the last one named
            own = [a for a in firms if any(w.lower().startswith(head) for w in a.name.split())]
            if own and not plural:
                return Who(own[0], (), f"'{phrase}' -> {own[0].name}")
            if plural:
                pair = firms[:2][::-1]
                return Who(pair[0], tuple(pair[1:]), f"'{phrase}' -> jointly")
            return Who(firms[0], (), f"'{phrase}' -> {firms[0].name}")
        for x in reversed(before):
            if head in x.actor.name.lower().split() and (nat is None or x.actor.country == nat):
                return Who(x.actor, (), f"'{phrase}' -> {x.actor.name}")
        return None

    def _org_description_at(self, seg: str, offset: int) -> tuple[Who, int] | None:
        m = _ORG_DESCRIPTION.search(seg)
        if not m:
            return None
        who = self.organisation(m, offset + m.start())
        return (who, offset + m.start()) if who else None

    def _description_at(self, seg: str, offset: int) -> tuple[Who, int] | None:
        m = DESCRIPTION.search(seg)
        if not m:
            return None
        who = self.description(m, offset + m.start())
        return (who, offset + m.start()) if who else None

    def _names_at_end(self, doc: str, start: int, stop: int) -> tuple[Who, int] | None:
        """Named actors ending the segment, "X and Y" joined into a joint subject."""
        inside = [
            m for m in self._within(start, stop) if start <= m.full.start and m.span.end <= stop
        ]
        if not inside:
            return None
        last = inside[-1]
        tail = doc[last.span.end : stop]
        if tail.strip() not in {"", "’s", "'s", ")"}:
            return None
        # "the Asian Development Bank (ADB)": the acronym in parentheses repeats the name before it.
        if tail.strip() == ")" and len(inside) > 1 and inside[-2].actor.id == last.actor.id:
            inside = inside[:-1]
            last = inside[-1]
        # "X and Y" / "both X and Y": joint subjects.
        group = [last]
        i = len(inside) - 2
        while i >= 0:
            between = doc[inside[i].span.end : group[0].full.start]
            if re.fullmatch(r"\s*,?\s*and\s*", between) and inside[i].actor.type == last.actor.type:
                group.insert(0, inside[i])
                i -= 1
            else:
                break
        np_start = group[0].full.start
        owner = [
            m
            for m in inside
            if m.actor.type == "state" and re.fullmatch(r"[’']s\s+", doc[m.span.end : np_start])
        ]
        if owner:  # "Vietnam's Ministry of Industry and Trade said": the state's own body
            np_start = owner[-1].full.start
        lead = re.search(r"(?:\b(?:[Bb]oth|[Tt]he)\s+)$", doc[start:np_start])
        if lead:
            np_start = start + lead.start()
        office = _LOWER_OFFICE_BEFORE.search(doc[start:np_start])
        if office and office.group().strip():
            np_start = start + office.start()
        # "PM Chinh said", "Dr. Nguyễn Thị Mai Anh said": a title written before the name is
        # part of the subject.
        titled = _TITLE_RUN.search(doc[start:np_start])
        if titled and titled.group().strip():
            np_start = start + titled.start()
        how = "named" if len(group) == 1 else "named jointly"
        who = self.named(group, how)
        return (who, np_start) if who else None

    def at_start(self, doc: str, start: int, end: int) -> tuple[Who, int] | None:
        """The noun phrase that begins text[start:end] (a main-clause subject), and where it ends."""
        seg = doc[start:end]
        lead = len(seg) - len(seg.lstrip())
        s = start + lead
        seg = doc[s:end]
        m = re.match(
            r"(?:[Bb]oth|[Tt]he two|[Tt]he|[Tt]heir)\s+(?:sides|leaders|countries|nations|parties|heads of state"
            r"|presidents|governments|delegations|ministers|foreign ministers)\b|(?:[Tt]hey)\b",
            seg,
        )
        if m:
            who = self.joint(f"'{m.group()}' -> jointly")
            return (who, s + m.end()) if who else None
        m = re.match(r"(?:[Hh]e|[Ss]he)\b", seg)
        if m:
            who = self.pronoun(m.group(), s)
            return (who, s + m.end()) if who else None
        om = re.match(r"[Tt]he\s+(?:[\w-]+\s+){0,2}?[\w-]+\b", seg)
        for size in range(min(len(seg), 40), 3, -1):
            org = _ORG_DESCRIPTION.fullmatch(seg[:size]) if om else None
            if org:
                who = self.organisation(org, s)
                if who:
                    return who, s + size
        for size in range(min(len(seg), 80), 3, -1):
            piece = seg[:size]
            dm = DESCRIPTION.fullmatch(piece) if piece.startswith(("the ", "The ")) else None
            if dm:
                who = self.description(dm, s)
                if who:
                    return who, s + size
                break
        names = [
            m for m in self._within(s, end) if s <= m.full.start <= s + 4 and m.span.end <= end
        ]
        if names:
            # "EU Special Envoy Maria Lopez": the longest phrase starting here is the subject.
            first = max(names, key=lambda m: m.span.end)
            group = [first]
            rest = [
                m
                for m in self._within(first.span.end, end)
                if m.span.start > first.span.end and m.span.end <= end
            ]
            for other in rest:
                between = doc[group[-1].span.end : other.full.start]
                if (
                    re.fullmatch(r"\s*,?\s*and\s*", between)
                    and other.actor.type == first.actor.type
                ):
                    group.append(other)
                else:
                    break
            who = self.named(group, "named")
            return (who, group[-1].span.end) if who else None
        return None
