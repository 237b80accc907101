"""Agreements the text refers to without a signing event: sets of documents referred back to,
documents concluded by another verb, and later references to an agreement already found.

- A set of documents is one record: "14 cooperation documents" that a visit "produced", "the
  agreements signed during Macron's visit". Its occasion is the event of its sentence, and
  linking (`linking.link_agreements`) reuses the dataset's record of the documents of that
  occasion when the occasion is a known event.
- "inked a deal", "concluded a contract", "reached an agreement to ...": one unnamed document,
  named as a curator would (`agreement_names`), as the signing events' documents are.
- "The agreement was signed by ...", "The deal, worth ...": a definite reference to the last
  agreement of that kind adds its evidence (and so its signatories) to that record.
"""

from __future__ import annotations

import bisect
import re

from .agreement_documents import _one_document, listed_after
from .agreement_model import DraftAgreement
from .catalog import Mention
from .event_model import DraftEvent
from .sentences import Sentence
from .text import Span, trim

_NUMBER = (
    r"(?:\d+|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven"
    r"|[Tt]welve|[Ff]ifteen|[Tt]wenty|[Tt]hirty|[Dd]ozens of|[Aa] dozen)"
)
_PLURAL_KIND = (
    r"(?:documents|agreements|deals|contracts|memoranda(?: of understanding)?"
    r"|memorandums(?: of understanding)?|MoUs|MOUs|accords)"
)
_KINDS = (
    r"(?:(?:other|more|further|additional|cooperation|bilateral|economic|trade|commercial|new)\s+)*"
    rf"{_PLURAL_KIND}(?:\s+and\s+{_PLURAL_KIND})?"
)
_SET = re.compile(
    rf"\b(?:(?P<count>(?:(?:more than|over|nearly|about|some|around|almost)\s+)?{_NUMBER})\s+{_KINDS}"
    rf"|(?P<def>[Tt]he|[Tt]hese|[Tt]hose)\s+{_KINDS}\s+(?:(?:that|which)\s+(?:were|had been|have been)\s+)?"
    r"(?P<verb>signed|reached|concluded|inked|exchanged|handed over|adopted)"
    rf"|(?P<bare>(?<![A-Za-z,]\s)(?<![\w-])(?:Agreements|Documents|Contracts|Deals|Memoranda)(?:\s+and\s+{_PLURAL_KIND})?)"
    r"(?=\s+(?:worth|valued|totalling|totaling|on|in|for)\b[^.;]{0,80}?\s+(?:were|have been|had been)\s+"
    r"(?:signed|exchanged|inked|concluded|handed over)\b|\s+(?:were|have been|had been)\s+(?:signed"
    r"|exchanged|inked|concluded|handed over)\b))\b"
)
#: A set's own passive verb later in its sentence ("Four other cooperation documents, in
#: aviation and logistics, were exchanged at the forum"): a set, not a bare count.
_DONE_LATER = re.compile(
    r"^[^.;]{0,120}?\b(?:were|have been|had been|was)\s+(?:signed|exchanged|inked|concluded"
    r"|handed over)\b"
)
#: A set still to be signed: "are expected to be signed", "will be signed", "to be inked".
_TO_BE_SIGNED = re.compile(
    r"^[^.;]{0,120}?\b(?:are|were|is)?\s*(?:expected|due|set|scheduled|planned|likely)?\s*"
    r"(?:to be|will be)\s+(?:signed|inked|concluded|exchanged)\b"
)
#: Sets of commercial papers only: contracts or deals, not cooperation documents.
_COMMERCIAL = re.compile(r"^(?:[\w-]+\s+)*?(?:contracts|deals)$", re.I)
#: The first words of an event title that are common nouns ("state visit", "talks").
_COMMON_TITLE_WORDS = frozenset(
    {"talks", "meeting", "reception", "visit", "state", "official", "signing", "exchange"}
    | {"conference", "summit", "dialogue", "ceremony", "commemoration", "upgrade", "interview"}
)
_OCCASION_TYPES = frozenset(
    {"visit", "state_visit", "official_visit", "talks", "summit", "meeting", "conference"}
    | {"reception", "dialogue", "ceremony"}
)
_IMPLEMENTED = re.compile(r"\bimplement\w*|\bcarry(?:ing)? out|\breview\w*", re.I)
_HANDED = re.compile(r"\bhanded over|\bhandover|\bexchange[ds]?\b", re.I)
_NEGATED = re.compile(r"\b(?:no|not|never|yet to)\b[^.;]{0,30}$")

#: Verbs that conclude a document, and the status each implies ("unknown": the text says the
#: parties agreed, not that anything was signed; the renderer asks the reviewer).
_CONCLUDED = re.compile(
    r"\b(?P<verb>inked|sealed|struck|concluded|clinched|initialled|initialed|penned|reached"
    r"|signed|have signed|has signed|exchanged|adopted|renewed|extended|approved|endorsed"
    r"|agreed on|agreed upon)\s+"
    r"(?=(?:an?|the|new|their|its)\s)"
)
#: "renewed their cooperation agreement": the same document signed again.
_VERB_STATUS = {
    "reached": "unknown",
    "struck": "signed",
    "exchanged": "handed_over",
    "renewed": "signed",
    "extended": "signed",
    "approved": "unknown",
    "endorsed": "unknown",
    "agreed on": "unknown",
    "agreed upon": "unknown",
}
#: Verbs that take many objects besides a shared document: only one of _ADOPTED_KINDS counts.
_ADOPTING = frozenset(
    {"adopted", "renewed", "extended", "approved", "endorsed", "agreed on", "agreed upon"}
)
#: What two sides adopt together: a declaration, a roadmap, a programme or plan of action, a
#: charter; not a law or a national plan ("adopted a plan to cut emissions").
_ADOPTED_KINDS = re.compile(
    r"\b(?:declaration|roadmap|programme|program|action plan|charter|protocol|memorandum"
    r"|agreement|letter of intent)\b",
    re.IGNORECASE,
)

_BACK = re.compile(
    r"\b(?P<det>[Tt]he|[Tt]his|[Tt]hat)\s+(?:new\s+|latest\s+)?"
    r"(?P<kind>agreement|deal|contract|memorandum|MoU|MOU|accord|treaty|documents|loan"
    r"|programme|program|plan)\b"
    r"(?!\s+(?:on|to|between|for|of|under|with)\b|\s+[A-Z])"
)
_SAME_KIND = {
    "memorandum": ("memorand", "mou"),
    "mou": ("memorand", "mou"),
    "documents": ("document",),
    # "this plan", "the programme": a plan or programme named before, never a contract or an MoU
    "plan": ("plan", "programme", "program", "roadmap"),
    "programme": ("programme", "program", "plan"),
    "program": ("programme", "program", "plan"),
}


def _occasion(doc: str, s: Sentence, span: Span, events: list[DraftEvent]) -> DraftEvent | None:
    """The event a set of documents belongs to: the one named right after it ("signed during
    X"), else the nearest occasion in its sentence ("X had produced 14 documents"). `events`
    are those with a phrase in the sentence."""
    best: tuple[int, DraftEvent] | None = None
    for ev in events:
        if ev.type not in _OCCASION_TYPES:
            continue
        for p in ev.phrases:
            if not s.span.contains(p):
                continue
            if p.start >= span.end:
                gap = doc[span.end : p.start]
                if not re.search(r"\b(?:during|at|in|on the occasion of|within)\b", gap):
                    continue
                distance = len(gap)
            else:
                distance = span.start - p.end + 20  # before it: the subject that produced it
            if distance >= 0 and (best is None or distance < best[0]):
                best = (distance, ev)
    return best[1] if best else None


def document_sets(
    doc: str, sentences: list[Sentence], events: list[DraftEvent], taken: list[Span]
) -> list[DraftAgreement]:
    """Sets of documents tied to an occasion of the article, one record each."""
    out: list[DraftAgreement] = []
    starts = [x.start for x in sentences]
    by_sentence: dict[int, list[DraftEvent]] = {}  # indexed: drafting stays linear
    for ev in events:
        for p in ev.phrases:
            k = bisect.bisect_right(starts, p.start) - 1
            if k >= 0 and ev not in by_sentence.setdefault(k, []):
                by_sentence[k].append(ev)
    for s in sentences:
        for m in _SET.finditer(s.text):
            span = Span(*trim(doc, s.start + m.start(), s.start + m.end(), " ,;:."))
            if any(span.overlaps(t) for t in taken) or _NEGATED.search(doc[s.start : span.start]):
                continue
            occasion = _occasion(doc, s, span, by_sentence.get(s.index, []))
            after = doc[span.end : s.end]
            done = bool(m.group("verb") or m.group("bare") or _DONE_LATER.match(after))
            planned = bool(_TO_BE_SIGNED.match(after))
            if occasion is None and not done and not planned:
                continue  # a bare count ("50 agreements since 1993") is not one set
            window = doc[max(s.start, span.start - 40) : min(s.end, span.end + 40)]
            status = "signed"
            if planned:
                status = "planned"
            elif _IMPLEMENTED.search(doc[max(s.start, span.start - 40) : span.start]):
                status = "being_implemented"
            elif _HANDED.search(window) or re.match(
                r"^[^.;]*?\b(?:exchanged|handed over)\b", after
            ):
                status = "handed_over"
            kinds = (
                re.sub(
                    r"^(?:(?:more than|over|nearly|about|some|around|almost)\s+)?\S+\s+(?:of\s+)?",
                    "",
                    doc[span.start : span.end],
                )
                if m.group("count")
                else ""
            )
            commercial = bool(kinds and _COMMERCIAL.match(kinds) and "cooperation" not in kinds)
            name = kinds[0].upper() + kinds[1:] if commercial else "Cooperation documents"
            if m.group("bare") and m.group("bare").lower() != "documents":
                name = m.group("bare")  # "Agreements and contracts … were signed"
            if occasion is not None and occasion.title:
                title = occasion.title
                if title.split()[0].lower() in _COMMON_TITLE_WORDS:
                    title = title[0].lower() + title[1:]
                done_how = {"handed_over": "handed over", "planned": "to be signed"}
                name += f" {done_how.get(status, 'signed')} during the {title}"
            ag = DraftAgreement(
                name,
                None,
                "other" if commercial else "cooperation_documents",
                status,
                [span],
                rule="a set of documents referred to by its occasion"
                if occasion
                else "a set of documents",
                sentences=[s.index],
            )
            ag.occasion = occasion
            out.append(ag)
            taken.append(span)
    return out


def concluded_documents(
    doc: str, sentences: list[Sentence], taken: list[Span]
) -> list[DraftAgreement]:
    """ "inked a deal to ...", "concluded a contract for ...": one unnamed document each."""
    out: list[DraftAgreement] = []
    for s in sentences:
        for m in _CONCLUDED.finditer(s.text):
            verb = Span(s.start + m.start(), s.start + m.end())
            if _NEGATED.search(doc[s.start : verb.start]):
                continue
            status = _VERB_STATUS.get(m.group("verb"), "signed")
            one = _one_document(doc, s, verb, status)
            if one is None or any(one.mentions[0].overlaps(t) for t in taken):
                continue
            if m.group("verb") in _ADOPTING and not _ADOPTED_KINDS.search(one.name):
                continue  # "extended the deadline", "renewed their contract": no shared document
            one.rule = f"one unnamed document, '{m.group('verb')}'"
            for each in (one, *listed_after(doc, s, one, status)):
                if not any(each.mentions[0].overlaps(t) for t in taken):
                    out.append(each)
                    taken.append(each.mentions[0])
    return out


def _compatible(kind: str, ag: DraftAgreement) -> bool:
    name = ag.name.lower()
    if kind.lower() in _SAME_KIND:
        return any(k in name for k in _SAME_KIND[kind.lower()])
    if kind == "loan":
        return bool(re.search(r"financ|loan|credit", name))
    return ag.type not in {"strategic_partnership", "policy", "cooperation_mechanism"}


def back_references(doc: str, sentences: list[Sentence], found: list[DraftAgreement]) -> None:
    """ "The agreement was signed by ...": evidence of the last agreement of that kind named in
    the three sentences before (never across a paragraph of other agreements)."""
    if not found:
        return
    taken = {span.start for ag in found for span in ag.mentions}
    named_in: dict[int, list[DraftAgreement]] = {}  # sentence -> agreements named there
    for ag in found:
        for i in ag.sentences:
            named_in.setdefault(i, []).append(ag)
    for s in sentences:
        for m in _BACK.finditer(s.text):
            span = Span(s.start + m.start(), s.start + m.end())
            if span.start in taken:
                continue
            near = {id(a): a for i in range(s.index - 3, s.index + 1) for a in named_in.get(i, [])}
            before = [
                ag
                for ag in near.values()
                if ag.mentions[0].start < span.start
                and ag.sentences
                and 0 <= s.index - max(ag.sentences) <= 3
                and _compatible(m.group("kind"), ag)
            ]
            if not before:
                continue
            ag = max(before, key=lambda a: max(x.start for x in a.mentions if x.start < span.start))
            if len(ag.mentions) < 4:
                ag.mentions.append(span)
            if s.index not in ag.sentences:
                ag.sentences.append(s.index)
                named_in.setdefault(s.index, []).append(ag)
            taken.add(span.start)


_UNDER_WHICH = re.compile(
    r"\b(?:under which|by which|whereby|through which)\s+(?P<subject>[^,;]*?)\s+"
    r"(?:will|would|is to|are to|shall|agreed to|agrees to|commits to)\b"
)


def clause_parties(doc: str, found: list[DraftAgreement], mentions: list[Mention]) -> None:
    """ "an agreement under which France will help restore ...": who the clause says will act
    is a party (a state, body or company; a person there signs for one, which the signing
    rules say)."""
    starts = [m.span.start for m in mentions]
    for ag in found:
        if "unnamed" not in ag.rule:
            continue
        first = ag.mentions[0]
        m = _UNDER_WHICH.search(doc, first.start, first.end)
        if m is None:
            continue
        a, b = m.start("subject"), m.end("subject")
        k = bisect.bisect_left(starts, a)
        for x in mentions[k : bisect.bisect_right(starts, b)]:
            if x.span.end <= b and x.actor.type != "person" and x.actor.id not in ag.parties:
                ag.parties[x.actor.id] = (x.actor, "party", first)
