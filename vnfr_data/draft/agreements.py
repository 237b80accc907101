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
from dataclasses import dataclass, field

from .actors import Catalog, DraftActor, Mention, person_country
from .events import DraftEvent
from .lexicon import AGREEMENT_HEADS, EVENT_HEADS
from .sentences import Sentence
from .speakers import Discourse
from .text import Span, fold, slug, strip_possessive, trim

_CONNECT = r"(?:of|on|for|against|the|in|and|to|between)"
_CAP = r"[A-Z][\w’'–-]*"
_ACRONYM_DEF = re.compile(
    rf"(?P<name>(?:(?:1[89]|20)\d{{2}}\s+)?{_CAP}(?:\s+(?:{_CONNECT}\s+)*{_CAP})*)\s+\((?P<acr>[A-Z][A-Za-z0-9&’']*[A-Z0-9’'s](?:\s+(?:1[89]|20)\d{{2}})?)\)"
)
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_NAME_CONNECT = r"(?:(?:of|on|for|against|in|to|between)(?:\s+the)?|and)"
_NAMED = re.compile(
    rf"(?:(?:1[89]|20)\d{{2}}\s+)?(?!{_MONTHS}\b){_CAP}(?:\s+(?:{_NAME_CONNECT}\s+)?(?!{_MONTHS}\b){_CAP})+"
)
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
_DOCUMENTS = re.compile(
    r"\b(?P<det>[Aa] series of|[Mm]any|[Nn]umerous|[Ss]everal|[Tt]he|[Tt]hese|\d+|two|three|four|five|six|seven|eight|nine|ten|a number of|a range of|[Nn]ew)?\s*"
    r"(?P<what>(?:documents and )?(?:cooperation |bilateral )?(?:documents|agreements|memoranda of understanding|memorandums of understanding|MoUs|MOUs|memoranda|deals))\b"
)
#: One unnamed document: "an agreement", "a financing agreement", "a three-year cooperation
#: agreement", "a memorandum of understanding", "a cooperation programme", "a contract".
_ONE_DOCUMENT = re.compile(
    r"\b(?P<det>[Aa]n?|[Tt]he)\s+(?P<what>(?:(?!(?:of|signing|the|an?)\b)[\w-]+\s+){0,3}?(?:agreement|memorandum of understanding"
    r"|memorandum|MoU|MOU|deal|contract|programme|program|accord|treaty|letter of intent))\b"
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


@dataclass
class DraftAgreement:
    """One drafted agreement with every phrase that names it."""

    name: str
    short_name: str | None
    type: str
    status: str
    mentions: list[Span]
    parties: dict[str, tuple[DraftActor, str, Span]] = field(default_factory=dict)
    rule: str = ""
    sentences: list[int] = field(default_factory=list)
    existing: str | None = None  # the dataset's id of the same agreement, when linked
    candidates: tuple[str, ...] = ()  # dataset ids it may be, when unsure

    @property
    def id(self) -> str:
        return "ag-" + slug(self.short_name or self.name, max_words=10)

    @property
    def key(self) -> str:
        return _key(self.name)


def _key(name: str) -> str:
    """Comparison key of an agreement name: folded, owner compounds and articles dropped."""
    k = fold(name)
    k = re.sub(r"^(?:the|a|an)\s+", "", k)
    k = re.sub(
        r"^[a-z]+(?:-[a-z]+)+\s+", "", k
    )  # "vietnam-france comprehensive ..." -> "comprehensive ..."
    return k


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
            if not any(w.lower() in AGREEMENT_HEADS for w in re.findall(r"[A-Za-z]+", name)):
                continue
            name = re.sub(r"^(?:The|A|An)\s+", "", name)
            span = Span(s.start + m.start("name"), s.start + m.end())
            self.record(s, span, name, m.group("acr"), "name with its acronym in parentheses")

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
            ):
                continue
            last_head = heads[-1]
            if words[-1] in EVENT_HEADS:
                continue
            # End the name at its last word: "Convention against Cybercrime" keeps "against Cybercrime".
            text = m.group()
            offset = text.index(" ") + 1 if re.match(r"(?:The|A|An)\s", text) else 0
            start = s.start + m.start() + offset
            name = text[offset:]
            if self.catalog.lookup(name) is not None or last_head < 0:
                continue
            self.record(
                s,
                Span(start, s.start + m.end()),
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
            words = m.group().split()
            if words[-1] not in {"Dialogue", "Mechanism", "Commission"} or len(words) < 3:
                continue
            text = m.group()
            offset = text.index(" ") + 1 if re.match(r"(?:The|A|An)\s", text) else 0
            span = Span(s.start + m.start() + offset, s.start + m.end())
            ag = self.record(
                s, span, text[offset:], None, "a named standing dialogue (a cooperation mechanism)"
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


_TAIL_STOP = re.compile(
    r",|;|\s(?=(?:in the presence|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|during"
    r"|was|were|will be|is|are|at a|at the|after|before|following|with the participation)\b)"
)


def _one_document(doc: str, s: Sentence, phrase: Span, status: str) -> DraftAgreement | None:
    """ "signed an agreement on Monday to buy 20 Airbus A330neo ...", "the signing of an
    agreement between X and Y", "agreed to sign a memorandum of understanding on ...": one
    unnamed document, named by its kind and what the text says it is for."""
    m = _ONE_DOCUMENT.search(doc, phrase.start, s.end)
    if m is None or m.start() > phrase.end + 2:
        return None
    rest = doc[m.end() : s.end]
    skipped = re.match(
        r"\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", rest
    )
    offset = skipped.end() if skipped else 0
    tail = re.match(
        r"\s+(?:to|on|for|between|under which|that will|worth|with)\s+[^.]*", rest[offset:]
    )
    what = m.group("what")
    name = what[0].upper() + what[1:]
    end = m.end()
    if tail:
        cut = _TAIL_STOP.search(tail.group())
        piece = tail.group()[: cut.start()] if cut else tail.group()
        name += " " + " ".join(piece.split())
        end = m.end() + offset + len(piece)
    a, b = trim(doc, m.start("what"), end, " ,;:.")
    kind = "cooperation_documents" if re.search(r"memorand|MoU|MOU|letter", what) else "other"
    if re.search(r"\bprogram(?:me)?\b", what):
        kind = "partnership_programme"
    return DraftAgreement(
        name,
        None,
        kind,
        status,
        [Span(a, b)],
        rule=f"one unnamed document, {status.replace('_', ' ')} at an event",
        sentences=[s.index],
    )


def documents(
    doc: str, sentences: list[Sentence], events: list[DraftEvent]
) -> list[DraftAgreement]:
    """Unnamed cooperation documents, once signed or handed over at an event of the article (or
    planned to be, at a planned signing)."""
    out: list[DraftAgreement] = []
    for ev in events:
        if ev.type not in {"signing", "document_exchange"}:
            continue
        if ev.status == "planned":
            s = next((x for x in sentences if x.span.contains(ev.first)), None)
            one = _one_document(doc, s, ev.first, "planned") if s else None
            if one is not None:
                out.append(one)
            continue
        if ev.status != "occurred":
            continue
        for phrase in ev.phrases:
            s = next((x for x in sentences if x.span.contains(phrase)), None)
            if s is None:
                continue
            m = _DOCUMENTS.search(doc, phrase.start, s.end)
            if m is None or m.start() > phrase.end:
                status = "handed_over" if ev.type == "document_exchange" else "signed"
                one = _one_document(doc, s, phrase, status)
                if one is not None:
                    out.append(one)
                    break
                continue
            start = m.start("det") if m.group("det") else m.start("what")
            end = m.end()
            tail = re.match(
                r"\s+(?:covering|in the (?:fields|areas) of|on|in)\s+[^.;]*?(?=\s+(?:were|was|have been|during|further|will)\b|[.;]|$)",
                doc[end : s.end],
            )
            if tail:
                end += len(tail.group())
            a, b = trim(doc, start, end, " ,;:.")
            status = "handed_over" if ev.type == "document_exchange" else "signed"
            fields = re.search(r"(?:covering|in the (?:fields|areas) of)\s+(.+)$", doc[a:b])
            name = "Cooperation documents" + (f" on {fields.group(1)}" if fields else "")
            out.append(
                DraftAgreement(
                    name,
                    None,
                    "cooperation_documents",
                    status,
                    [Span(a, b)],
                    rule=f"unnamed documents {status.replace('_', ' ')} at an event",
                    sentences=[s.index],
                )
            )
            break
    return out


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
    for ag in found:
        _signatories(doc, sentences, mentions, catalog, events, discourse, ag)
    return sorted(found, key=lambda a: a.mentions[0].start)


_SIGNED = re.compile(r"\b(?:signed|sign|signing)\b")


def _signers(
    doc: str, mentions: list[Mention], discourse: Discourse | None, ev: DraftEvent, s: Sentence
) -> tuple[list[DraftActor], Span] | None:
    """Who signed at a signing event, and the clause that says so: the subject before "signed"
    ("the two ministers signed ...", "X and Y signed ...") or the agents after "signed by"."""
    for phrase in ev.phrases:
        if not s.span.contains(phrase):
            continue
        verb = _SIGNED.search(doc, phrase.start, phrase.end)
        if verb is None:
            continue
        by = re.match(r"\s+by\s+", doc[verb.end() : s.end])
        if by:
            start = verb.end() + by.end()
            stop = doc.find(",", start, s.end)
            stop = s.end if stop == -1 else stop
            named = [m.actor for m in mentions if start <= m.full.start and m.span.end <= stop]
            clause = Span(phrase.start, max(phrase.end, stop))
        else:
            named = [m.actor for m in mentions if phrase.start <= m.full.start < verb.start()]
            clause = phrase
            if not named and discourse is not None:
                found = discourse.at_end(doc, phrase.start, verb.start())
                if found is not None:
                    named = [found[0].speaker, *found[0].co]
        actors = list({a.id: a for a in named}.values())
        if actors:
            return actors, Span(*trim(doc, clause.start, clause.end, " ,;:."))
    return None


def _signatories(
    doc: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    catalog: Catalog,
    events: list[DraftEvent],
    discourse: Discourse | None,
    ag: DraftAgreement,
) -> None:
    """Those who sign an agreement at a signing event are its signatories, and the states they
    sign for are its parties ("the two ministers signed the memorandum")."""
    roles = discourse.roles if discourse is not None else {}
    for ev in events:
        if ev.type != "signing":
            continue
        for s in sentences:
            if not any(s.span.contains(m) for m in ag.mentions):
                continue
            if not any(s.span.contains(p) for p in ev.phrases):
                continue
            found = _signers(doc, mentions, discourse, ev, s)
            if found is None:
                continue
            actors, clause = found
            for actor in actors:
                if actor.id in ag.parties:
                    continue
                if actor.type == "person":
                    ag.parties[actor.id] = (actor, "signatory", clause)
                    state = catalog.state(person_country(actor, " ".join(roles.get(actor.id, []))))
                    if state is not None and state.id not in ag.parties:
                        ag.parties[state.id] = (state, "party", clause)
                else:
                    ag.parties[actor.id] = (actor, "signatory", clause)
            return
