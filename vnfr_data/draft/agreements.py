"""Agreements: treaties, conventions, partnerships, codes, declarations, memoranda, policies.

Found by the ways news prose names them:

- a name with its acronym in parentheses: "EU–Vietnam Free Trade Agreement (EVFTA)",
  "Code of Conduct (COC)"; later bare uses of the acronym add evidence;
- a capitalised name ending in an agreement word: "United Nations Convention
  against Cybercrime", "Comprehensive Strategic Partnership";
- an owner plus a named framework: "France’s Indo-Pacific strategy", "the
  ASEAN-EU cooperation framework", "Vietnam’s “Four No’s” defence policy";
- "a (comprehensive) strategic partnership" in lower case, and "a partnership
  between X and Y";
- "the launch of new dialogue mechanisms such as ...";
- unnamed documents ("a series of cooperation documents", "many cooperation
  agreements") only once they are signed or handed over: a plan to sign is not
  yet an agreement;

Its type follows the name's head word, its status the words around the mention.
"""

from __future__ import annotations

import re

from .actors import Catalog, Mention
from .agreement_documents import (
    _signatories,
    documents,
    signings_by_sentence,
)
from .agreement_mechanisms import described_agreements, shared_bodies
from .agreement_model import DraftAgreement, _key
from .agreement_passing import listed_documents, merge_bare_references, passing_agreements
from .agreement_policies import find_policies
from .agreement_refs import (
    back_references,
    clause_parties,
    concluded_documents,
    document_sets,
)
from .event_model import DraftEvent
from .lexicon import AGREEMENT_HEADS, EVENT_HEADS, ORG_HEADS, SHARED_BODY_WORDS, UPPER
from .sentences import Sentence
from .speakers import Discourse
from .text import Span, fold, strip_possessive, trim

_CONNECT = r"(?:of|on|for|against|the|in|and|to|between)"
_CAP = rf"[{UPPER}][\w’'–-]*"
_ACRONYM_DEF = re.compile(
    rf"(?P<name>(?:(?:1[89]|20)\d{{2}}\s+)?{_CAP}(?:\s+(?:{_CONNECT}\s+)*{_CAP})*)\s+\((?P<acr>[A-Z][A-Za-z0-9&’']*[A-Z0-9’'s](?:\s+(?:1[89]|20)\d{{2}})?)\)"
)
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_NAME_CONNECT = r"(?:(?:of|on|for|against|in|to|between)(?:\s+the)?|and)"
_WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NAMED = re.compile(
    rf"(?:(?:1[89]|20)\d{{2}}\s+)?(?!{_MONTHS}\b){_CAP}(?:\s+(?:{_NAME_CONNECT}\s+)?(?!{_MONTHS}\b)(?!{_WEEKDAYS}\b){_CAP})+"
)
#: Owners whose named programme or plan is a framework between parties, not a course.
_PUBLIC = frozenset({"state", "union_of_states", "international_organisation", "government_body"})
_OWNED = re.compile(
    r"(?P<owner>[A-Z][\w–-]*(?:[’']s)?)\s+"
    r"(?P<mods>(?:(?!(?:and|in|of|for|with|to|the|a|an|on|at|by|or|as)\b)[\w“”\"’'-]+\s+){0,4}?)"
    r"(?P<head>framework|strategy|policy|mechanism|partnership|agreement|convention|declaration|roadmap|initiative|programme|program|plan)\b"
)
_STRATEGIC = re.compile(
    r"\b(?:(?P<comp>[Cc]omprehensive)[\s‐-–-]+)?[Ss]trategic[\s‐-–-]+[Pp]artnership\b"
)
_BETWEEN = re.compile(r"\b(?:a|an|the)\s+(?:\w+\s+){0,2}partnership\s+between\s+(?P<rest>[^,;.]+)")
_MECHANISM = re.compile(
    r"\b(?:the\s+)?(?:launch|establishment|creation|setting up|set-up)\s+of\s+(?:new\s+|a\s+|the\s+)?"
    r"(?P<kind>dialogue|cooperation|consultation|coordination)\s+mechanisms?"
    r"(?:,?\s+such as\s+(?P<example>[^,;.]+))?"
)
_STATUS: tuple[tuple[str, str], ...] = (
    (r"\bratif", "awaiting_ratification"),
    (r"\b(?:scheduled|upcoming|will sign|to sign|planned)\b", "planned"),
    (r"\b(?:signed|signing)\b", "signed"),
    (r"\b(?:handover|handed over)\b", "handed_over"),
    (r"\b(?:negotiat\w*|soon achieve|achieve a|reach a|conclude)\b", "under_negotiation"),
    (r"\b(?:establish\w*|elevat\w*|upgrad\w*|launch\w*)\b", "established"),
    (
        r"\b(?:in force|took effect|came into effect|entered into force|effective since)\b",
        "in_force",
    ),
    (r"\b(?:implement\w*|carrying out|carry out)\b", "being_implemented"),
    (r"\b(?:propos\w*)\b", "proposed"),
)


#: Head words of a standing mechanism's name. A dialogue or mechanism is one by its name; a
#: committee, commission, council or working group is also the name of a body ("National
#: Competition Commission", "Atomic Energy Commission"), so it is a mechanism only when its
#: name says it is shared ("Joint", "Intergovernmental", a two-country compound).
_MECHANISM_HEADS = frozenset({"Dialogue", "Mechanism"})
_BODY_HEADS = frozenset({"Committee", "Commission", "Council", "Working Group", "Task Force"})
_SHARED = re.compile(
    rf"\b{SHARED_BODY_WORDS}\b"
    r"|^[A-Z][\w’'. ]*?[–-](?:France|Vietnam|Việt Nam|Viet Nam|French|Vietnamese)\b"
    r"|^(?:France|Vietnam|Việt Nam|Viet Nam)[–-]"
)
#: "… Dialogue in Hanoi", "… Committee in Paris last year": where a session is held is no
#: part of the mechanism's name.
_PLACE_AFTER_HEAD = re.compile(
    r"\b(?P<head>Dialogue|Mechanism|Committee|Commission|Council|Conference|Forum)"
    r"\s+(?:in|at)\s+[A-Z].*$"
)


def _mechanism_head(name: str) -> str | None:
    """The head of a standing mechanism's capitalised name, or None when it names none: the
    last words before what it is on ("Joint Committee on Economic Cooperation",
    "Intergovernmental Commission on Justice") or of the whole name ("Strategic Dialogue")."""
    head_part = re.split(r"\s(?:on|for|of)\s", name, maxsplit=1)[0]
    words = head_part.split()
    if not words:
        return None
    head = " ".join(words[-2:]) if words[-1] in {"Group", "Force"} else words[-1]
    if head in _MECHANISM_HEADS or (head in _BODY_HEADS and _SHARED.search(head_part)):
        return head
    return None


def _without_place(text: str) -> str:
    """A name without the place of the session it was written with."""
    m = _PLACE_AFTER_HEAD.search(text)
    return text[: m.end("head")] if m else text


def _type(name: str) -> str:
    """Agreement type from the name's head word, with the common compound names first."""
    n = fold(name)
    if "free trade" in n:
        return "free_trade_agreement"
    if "investment" in n and re.search(r"agreement|treaty", n):
        return "investment_agreement"
    if "strategic partnership" in n:
        return "strategic_partnership"
    if "code of conduct" in n:
        return "code_of_conduct"
    if re.match(r"(?:[\w'-]+\s+){0,4}?cooperation (?:agreement|accord)\b", n):
        return "cooperation_documents"  # one cooperation agreement is a cooperation document
    # The head of "Framework Agreement on ... Partnership" is "Agreement": the last agreement
    # word before the first preposition.
    head = re.split(r"\s(?:on|of|for|against|between|in|to|with)\s", n)[0]
    found = [w for w in re.findall(r"[a-z]+", head) if w in AGREEMENT_HEADS]
    if found:
        return AGREEMENT_HEADS[found[-1]]
    found = [w for w in re.findall(r"[a-z]+", n) if w in AGREEMENT_HEADS]
    return AGREEMENT_HEADS[found[0]] if found else "other"


def _status(sentence: str) -> str:
    """Status from the words around a mention; the first rule that applies wins."""
    for rx, status in _STATUS:
        if re.search(rx, sentence, re.IGNORECASE):
            return status
    return "unknown"


class _Finder:
    """Collects the named agreements of one article, merging repeated names and acronyms."""

    def __init__(
        self, doc: str, sentences: list[Sentence], mentions: list[Mention], catalog: Catalog
    ):
        self.doc = doc
        self.sentences = sentences
        self.mentions = mentions
        self.catalog = catalog
        self.found: list[DraftAgreement] = []
        self.taken: list[Span] = []

    def record(
        self, s: Sentence, span: Span, name: str, short: str | None, rule: str
    ) -> DraftAgreement | None:
        """Add a mention: to the agreement it repeats (same acronym or name), else as a new one."""
        if any(span.overlaps(t) for t in self.taken):
            return None
        self.taken.append(span)
        name = name.strip()
        for ag in self.found:
            if (short and ag.short_name and fold(short) == fold(ag.short_name)) or ag.key == _key(
                name
            ):
                if len(ag.mentions) < 3:
                    ag.mentions.append(span)
                if s.index not in ag.sentences:
                    ag.sentences.append(s.index)
                if short and not ag.short_name:
                    ag.short_name = short
                if len(name) > len(ag.name) and _key(name) == ag.key:
                    ag.name = name
                return ag
        window = self.doc[max(s.start, span.start - 90) : min(s.end, span.end + 40)]
        ag = DraftAgreement(
            name, short, _type(name), _status(window), [span], rule=rule, sentences=[s.index]
        )
        self.found.append(ag)
        self._parties(ag, span, name)
        return ag

    def _parties(self, ag: DraftAgreement, span: Span, name: str) -> None:
        """Parties named in a compound before the name: "EU–Vietnam ...", "Vietnam-France ..."."""
        first = re.match(r"\S+", self.doc[span.start : span.end])
        if first is None or not re.search(r"[–-]", first.group()):
            return
        compound = Span(span.start, span.start + first.end())
        for m in self.mentions:
            if compound.contains(m.span) and m.actor.type != "person":
                ag.parties.setdefault(m.actor.id, (m.actor, "party", span))

    def run(self) -> list[DraftAgreement]:
        for s in self.sentences:
            self.acronyms(s)
        for s in self.sentences:
            self.bare_acronyms(s)
            self.named(s)
            self.quoted_policy(s)
            self.owned(s)
            self.standing_dialogue(s)
            self.strategic(s)
            self.between(s)
            self.mechanism(s)
        return self.found

    def acronyms(self, s: Sentence) -> None:
        """ "Name (ACRONYM)" where the name has an agreement word: the most reliable form."""
        for m in _ACRONYM_DEF.finditer(s.text):
            name = m.group("name")
            body = _mechanism_head(re.sub(r"^(?:The|A|An)\s+", "", name)) is not None
            if not body and not any(
                w.lower() in AGREEMENT_HEADS for w in re.findall(r"[A-Za-z]+", name)
            ):
                continue
            name = re.sub(r"^(?:The|A|An)\s+", "", name)
            span = Span(s.start + m.start("name"), s.start + m.end())
            ag = self.record(s, span, name, m.group("acr"), "name with its acronym in parentheses")
            if ag is not None and body:
                ag.type = "cooperation_mechanism"
                if ag.status == "unknown":
                    ag.status = "established"

    def bare_acronyms(self, s: Sentence) -> None:
        """Later bare uses of an acronym defined earlier add evidence to its agreement."""
        for ag in list(self.found):
            if not ag.short_name:
                continue
            base = ag.short_name.split()[0]
            for m in re.finditer(
                rf"(?<![\w(])(?:(?:1[89]|20)\d{{2}}\s+)?{re.escape(base)}(?:\s+(?:1[89]|20)\d{{2}})?(?![\w)])",
                s.text,
            ):
                span = Span(s.start + m.start(), s.start + m.end())
                if not any(span.overlaps(t) for t in self.taken):
                    self.record(s, span, ag.name, ag.short_name, ag.rule)

    def named(self, s: Sentence) -> None:
        """Capitalised names with an agreement word, unless they name an event or an actor."""
        for m in _NAMED.finditer(s.text):
            words = re.findall(r"[\w’'–-]+", m.group())
            heads = [
                i for i, w in enumerate(words) if w.lower() in AGREEMENT_HEADS and w[:1].isupper()
            ]
            if (
                not heads
                or words[-1] in EVENT_HEADS
                or words[-1] in {"Sea", "Assistance"}
                and not heads
                # "Saigon Exhibition and Convention Center": a body or a place, no agreement
                or words[-1].lower() in ORG_HEADS
            ):
                continue
            last_head = heads[-1]
            if words[-1] in EVENT_HEADS:
                continue
            # End the name at its last word: "Convention against Cybercrime" keeps "against Cybercrime".
            text = _without_place(m.group())
            if text != m.group() and text.split()[-1] in EVENT_HEADS:
                continue  # "... Dialogue in Hanoi": the standing-mechanism rule names it
            offset = text.index(" ") + 1 if re.match(r"(?:The|A|An)\s", text) else 0
            start = s.start + m.start() + offset
            name = text[offset:]
            if self.catalog.lookup(name) is not None or last_head < 0:
                continue
            owner = re.match(r"(.+?)[’']s\s", name)
            if owner and words[last_head].lower() in {"programme", "program", "plan", "initiative"}:
                actor = self.catalog.lookup(owner.group(1))
                if actor is None or actor.type not in _PUBLIC:
                    continue  # "SIIE’s European Studies Programme": a course, not an agreement
            self.record(
                s,
                Span(start, s.start + m.start() + len(text)),
                name,
                None,
                "capitalised name with an agreement word",
            )

    def owned(self, s: Sentence) -> None:
        """ "France’s Indo-Pacific strategy", "the ASEAN-EU cooperation framework": an owner and a named framework."""
        for m in _OWNED.finditer(s.text):
            owner = m.group("owner")
            mods = m.group("mods")
            bare_owner = strip_possessive(owner)
            parts = re.split(r"[–-]", bare_owner)
            actors = [self.catalog.lookup(p) for p in parts]
            if not all(actors) or not actors:
                continue
            compound = len(parts) > 1
            possessive = owner != bare_owner
            named = bool(re.search(r"[“\"][A-Z]|\b[A-Z]", mods))
            if not ((compound and mods.strip()) or (possessive and named)):
                continue
            if m.group("head") == "partnership" and re.search(r"strategic", mods, re.I):
                continue  # the strategic partnership rule names it
            if (
                m.group("head") in {"programme", "program", "plan", "initiative"}
                and not compound
                and not all(a is not None and a.type in _PUBLIC for a in actors)
            ):
                continue  # "SIIE’s European Studies Programme": a course, not an agreement
            span = Span(s.start + m.start(), s.start + m.end())
            name = m.group().replace("’s ", "’s ").strip()
            ag = self.record(s, span, name, None, "owner plus a named framework")
            if ag is not None:
                for a in actors:
                    if a is not None:
                        ag.parties.setdefault(a.id, (a, "party", span))

    def strategic(self, s: Sentence) -> None:
        """ "(comprehensive) strategic partnership", in any case."""
        for m in _STRATEGIC.finditer(s.text):
            span = Span(s.start + m.start(), s.start + m.end())
            if any(span.overlaps(t) for t in self.taken):
                # Already part of a longer name: merge as evidence of that record.
                continue
            name = (
                "Comprehensive Strategic Partnership"
                if m.group("comp")
                else "Strategic Partnership"
            )
            self.record(s, span, name, None, "strategic partnership named in the text")

    def between(self, s: Sentence) -> None:
        """ "a partnership between X and Y" between two named non-person actors."""
        for m in _BETWEEN.finditer(s.text):
            rest = m.group("rest")
            cut = re.search(r"\s+(?:following|after|during|since|amid|which|that|as)\b", rest)
            end = s.start + m.start("rest") + (cut.start() if cut else len(rest))
            rest = rest[: cut.start()] if cut else rest
            start = s.start + m.start("rest")
            inside = [x for x in self.mentions if start <= x.span.start and x.span.end <= end]
            # "Vietnam’s VNVC Vaccination Centre": a possessive modifier is not a party itself.
            names = [
                x
                for x in inside
                if x.actor.type != "person"
                and not (
                    self.doc[x.span.end : x.span.end + 2] in {"’s", "'s"}
                    and any(0 <= y.span.start - x.span.end <= 4 for y in inside)
                )
            ]
            if len(names) < 2:
                continue
            span = Span(s.start + m.start(), end)
            if any(span.overlaps(t) for t in self.taken):
                continue
            a, b = names[0].actor, names[1].actor
            topic = re.search(r"\bon\s+(.+)$", rest)
            name = f"Partnership between {a.name} and {b.name}" + (
                f" on {topic.group(1)}" if topic else ""
            )
            ag = self.record(s, span, name, None, "a partnership between two named parties")
            if ag is not None:
                ag.type = "other"
                for x in (names[0], names[1]):
                    ag.parties.setdefault(x.actor.id, (x.actor, "party", span))

    def mechanism(self, s: Sentence) -> None:
        """ "the launch of new dialogue mechanisms such as ...": the mechanism it establishes."""
        for m in _MECHANISM.finditer(s.text):
            example = m.group("example")
            name = (
                re.sub(r"^(?:the|a|an)\s+(?:inaugural\s+|first\s+|new\s+)?", "", example.strip())
                if example
                else f"{m.group('kind')} mechanism"
            )
            a, b = trim(self.doc, s.start + m.start(), s.start + m.end())
            ag = self.record(s, Span(a, b), name, None, "a new cooperation mechanism launched")
            if ag is not None:
                ag.type = "cooperation_mechanism"
                ag.status = "established"

    def standing_dialogue(self, s: Sentence) -> None:
        """A named dialogue ("Vietnam-France Defence Strategy and Cooperation Dialogue") is a
        standing mechanism; each of its sessions is an event."""
        for m in _NAMED.finditer(s.text):
            text = _without_place(m.group())
            offset = text.index(" ") + 1 if re.match(r"(?:The|A|An)\s", text) else 0
            name = text[offset:]
            words = name.split()
            if _mechanism_head(name) is None:
                continue
            before = s.text[: m.start() + offset]
            # "their Strategic Dialogue", "the 12th session of the Strategic Dialogue": a
            # two-word name is a mechanism when the text owns it or counts its sessions.
            owned = re.search(
                r"(?:\b(?:their|its|our)|\b(?:session|meeting|round)s?\s+of\s+(?:the|their|its))\s+$",
                before,
            )
            if len(words) < 3 - (1 if owned or offset else 0) or len(words) < 2:
                continue
            known = self.catalog.lookup(name)
            if known is not None and known.id not in self.catalog.proposals:
                continue  # a body the dataset knows; a proposal from these words is the mechanism
            span = Span(s.start + m.start() + offset, s.start + m.start() + len(text))
            ag = self.record(
                s, span, name, None, "a named standing dialogue (a cooperation mechanism)"
            )
            if ag is not None:
                ag.type = "cooperation_mechanism"
                if ag.status == "unknown":
                    ag.status = "established"

    def quoted_policy(self, s: Sentence) -> None:
        """ "Vietnam’s consistent foreign policy of “bamboo diplomacy”": a policy named in quotes."""
        rx = re.compile(
            r"(?P<owner>[A-Z][\w–-]*[’']s)\s+(?:[\w-]+\s+){0,3}?(?:policy|strategy|doctrine)\s+of\s+[“\"](?P<name>[^”\"]{2,60})[”\"]"
        )
        for m in rx.finditer(s.text):
            owner = self.catalog.lookup(strip_possessive(m.group("owner")))
            if owner is None:
                continue
            span = Span(s.start + m.start(), s.start + m.end())
            ag = self.record(s, span, m.group(), None, "a policy named in quotation marks")
            if ag is not None:
                ag.type = "policy"
                ag.parties.setdefault(owner.id, (owner, "party", span))


def find_agreements(
    doc: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    catalog: Catalog,
    events: list[DraftEvent],
    discourse: Discourse | None = None,
) -> list[DraftAgreement]:
    """Every agreement the body names, in order of first mention."""
    found = _Finder(doc, sentences, mentions, catalog).run()
    found += documents(doc, sentences, events)
    taken = [span for ag in found for span in ag.mentions]
    found += document_sets(doc, sentences, events, taken)
    found += listed_documents(doc, sentences, found, taken)
    found += concluded_documents(doc, sentences, taken)
    found += described_agreements(doc, sentences, taken)
    found += passing_agreements(doc, sentences, found, taken)
    found += shared_bodies(doc, sentences, taken)
    found += find_policies(doc, sentences, mentions, taken)
    found = sorted(found, key=lambda a: a.mentions[0].start)
    back_references(doc, sentences, found)
    found = merge_bare_references(doc, found)
    clause_parties(doc, found, sorted(mentions, key=lambda m: m.span.start))
    signings = signings_by_sentence(sentences, events)
    for ag in found:
        _signatories(doc, sentences, mentions, catalog, signings, discourse, ag)
    return sorted(found, key=lambda a: a.mentions[0].start)
