"""Unnamed documents and who signs them: "a series of cooperation documents", "an agreement to buy
20 aircraft", "a memorandum of understanding on ...", once signed, handed over or planned at an
event of the article; and the signatories of an agreement at a signing ("the two ministers
signed ..."), with the states they sign for as its parties."""

from __future__ import annotations

import bisect
import re

from .actors import Catalog, DraftActor, Mention, person_country
from .agreement_model import DraftAgreement
from .agreement_names import curated_name
from .event_model import DraftEvent
from .sentences import Sentence
from .speakers import Discourse
from .text import Span, trim

_DOCUMENTS = re.compile(
    # "Three other cooperation documents ... were exchanged": the count and "other" are the set's
    r"\b(?P<det>(?:[Aa] series of|[Mm]any|[Nn]umerous|[Ss]everal|[Tt]he|[Tt]hese|\d+|[Tt]wo|[Tt]hree"
    r"|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|a number of|a range of|[Nn]ew)"
    r"(?:\s+other)?)?\s*"
    r"(?P<what>(?:documents and )?(?:cooperation |bilateral )?(?:documents|agreements|memoranda of understanding|memorandums of understanding|MoUs|MOUs|memoranda|deals))\b"
)


#: One unnamed document: "an agreement", "a financing agreement", "a three-year cooperation
#: agreement", "a memorandum of understanding", "a cooperation programme", "a contract".
_KIND_WORDS = (
    r"(?:agreement|memorandum of understanding|memorandum|MoU|MOU|deal|[Cc]ontracts|contract"
    r"|(?:programme|program|plan)(?: of action)?|accord|treaty|letter of intent"
    r"|twinning(?! agreement\b| arrangement\b)|protocol|charter|roadmap|arrangement|declaration"
    r"|framework(?! agreement\b| accord\b))"
)
#: An amount before the kind of a document ("a 200 million EUR loan agreement", "a
#: €50-million contract"): a figure, no part of the document's name.
_AMOUNT_BEFORE = (
    r"(?:(?:about|some|nearly|around|over)\s+)?(?:[€$]\s?)?[\d.,]+(?:[\s-](?:million|billion))?"
    r"(?:[\s-](?:EUR|USD|euros?|dollars?|US dollars|VND))?[\s-]+(?=(?:[\w–-]+\s+){0,3}?"
    + _KIND_WORDS
    + r")"
)
_ONE_DOCUMENT = re.compile(
    # a bare plural after "signed", opening a piece of a list ("..., and contracts worth") or a
    # sentence ("Contracts worth 320 million EUR were also inked ...")
    r"(?:\b(?P<det>[Aa]n?|[Tt]he|[Tt]heir|[Ii]ts)\s+|(?:^|(?<=signed )|(?<=\n)|(?<=\. ))(?=[Cc]ontracts\b))"
    rf"(?P<amount>{_AMOUNT_BEFORE})?"
    r"(?P<what>(?:(?!(?:of|signing|the|an?)\b)[\w–-]+\s+){0,3}?" + _KIND_WORDS + r")\b"
)
#: Another document of the same list after a first one ("signed a letter of intent on X and a
#: memorandum of understanding on Y").
_AND_ANOTHER = re.compile(
    r"(?:\s*,\s*(?:and\s+|as well as\s+)?|\s+(?:and|as well as|plus)\s+)"
    r"(?=(?:an?|the|another)\s+(?:[\w–-]+\s+){0,3}?" + _KIND_WORDS + r"\b)"
)


_MONTHS_RX = "January|February|March|April|May|June|July|August|September|October|November|December"
_DAYS_RX = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WHERE_WHEN = re.compile(
    rf"(?:\s+(?:in\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,3}}"
    rf"|on\s+(?:(?:{_MONTHS_RX})\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTHS_RX})|{_DAYS_RX})\b))+"
)
_TAIL_STOP = re.compile(
    rf"\s(?=(?:on|in)\s+(?:(?:{_MONTHS_RX}|{_DAYS_RX})\b|\d))"
    r"|\s(?=(?:next|last|this)\s+(?:week|month|year)\b)"
    r"|\s(?=for\s+(?:another|a further|an additional)\s)"  # "... for another five years"
    # "... on rail signalling in Hanoi on Thursday": where and when it was signed
    rf"|\s(?=in\s+(?:the\s+)?[A-ZĐ][\w’'-]*(?:\s+[A-ZĐ][\w’'-]*){{0,3}}\s+on\s+(?:{_MONTHS_RX}|{_DAYS_RX})\b)"
    r"|(?<!\bunder)(?<!\bby)(?<!\bin)\s(?=(?:that|which)\s+(?!will\b|would\b))"
    r"|\s(?=and\s+(?:an?|the|another)\s+(?:[\w–-]+\s+){0,3}?" + _KIND_WORDS + r"\b)"
    # "... to 2030 and agreed to hold ...", "... and signed an action programme": a new verb
    # of the same subject ends what the document is for
    r"|\s(?=and\s+(?:also\s+)?[a-z]+ed\s+(?:to|an?|the|on|with)\s)"
    r"|,|;|\s(?=(?:in the presence|on the sidelines|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|during"
    r"|was|were|will be|is|are|at a|at the|after|before|following|with the participation)\b)"
)


#: "with the chamber", "with the French Development Agency (AFD)" before what a document is
#: for, and "for 90 million euros": who signs and how much are its parties and figures.
_PARTY_OR_AMOUNT = re.compile(
    r"^\s*with\s+(?:the\s+)?[^,;]{1,80}?(?=\s+(?:to|on|for)\s)"
    r"|\s+for\s+(?:about\s+|some\s+|nearly\s+|more than\s+)?[\d.,]+\s+(?:million|billion)?\s*"
    r"(?:euros?|USD|dollars|EUR|VND|dong)\b"
)


def _without_party_or_amount(piece: str) -> str:
    """The part of a document's tail that says what it is for."""
    out = _PARTY_OR_AMOUNT.sub("", piece, count=2)
    return out if out.strip() else piece


#: Cooperation documents by the codebook: a memorandum of understanding, a cooperation
#: agreement, or several documents signed together; a contract, a loan or a letter of intent
#: (one) is a document of another kind ("other").
_COOPERATION_DOCUMENT = re.compile(
    r"\b(?:memorand\w*|MoUs?|MOUs?|letters|cooperation\s+(?:agreement|accord|document|framework)s?"
    r"|agreements|documents)\b",
    re.IGNORECASE,
)


def document_type(what: str) -> str:
    """The type of an unnamed document by its kind's words: one memorandum of understanding or
    one cooperation agreement is `cooperation_documents` (the codebook's definition: one or
    more cooperation documents), as is a set; a programme is a programme of cooperation; a
    contract, loan, treaty or single letter of intent is `other`."""
    if re.search(r"\bprogram(?:me)?\b", what):
        return "partnership_programme"
    if re.search(r"\bdeclaration\b", what):
        return "declaration"
    return "cooperation_documents" if _COOPERATION_DOCUMENT.search(what) else "other"


def _one_document(doc: str, s: Sentence, phrase: Span, status: str) -> DraftAgreement | None:
    """ "signed an agreement on Monday to buy 20 Airbus A330neo ...", "the signing of an
    agreement between X and Y", "agreed to sign a memorandum of understanding on ...": one
    unnamed document, named by its kind and what the text says it is for."""
    m = _ONE_DOCUMENT.search(doc, phrase.start, s.end)
    if m is None or m.start() > phrase.end + 2:
        return None
    rest = doc[m.end() : s.end]
    # "signed a memorandum in Hanoi on November 3 to train ...": where and when are skipped.
    skipped = _WHERE_WHEN.match(rest)
    offset = skipped.end() if skipped else 0
    tail = re.match(
        r"\s+(?:to|on|for|between|under which|by which|whereby|that will|which will|worth|with)"
        r"\s+(?:[^.]|\.(?=\d))*",
        rest[offset:],
    )
    what = m.group("what")
    piece = ""
    end = m.end()
    if tail:
        cut = _TAIL_STOP.search(tail.group())
        piece = tail.group()[: cut.start()] if cut else tail.group()
        end = m.end() + offset + len(piece)
    name = curated_name(what, _without_party_or_amount(piece))
    a, b = trim(doc, m.start("amount") if m.group("amount") else m.start("what"), end, " ,;:.")
    kind = document_type(what)
    return DraftAgreement(
        name,
        None,
        kind,
        status,
        [Span(a, b)],
        rule=f"one unnamed document, {status.replace('_', ' ')} at an event",
        sentences=[s.index],
    )


def listed_after(doc: str, s: Sentence, first: DraftAgreement, status: str) -> list[DraftAgreement]:
    """The documents listed after a first one in its clause ("signed a letter of intent on X
    and a memorandum of understanding on Y"), each one record of the same status."""
    out: list[DraftAgreement] = []
    last = first
    while len(out) < 6:
        link = _AND_ANOTHER.match(doc, last.mentions[0].end, s.end)
        if link is None:
            break
        one = _one_document(doc, s, Span(link.end(), link.end()), status)
        if one is None:
            break
        one.rule = first.rule
        out.append(one)
        last = one
    return out


def _sentence_of(sentences: list[Sentence], span: Span, starts: list[int]) -> Sentence | None:
    """The sentence holding a span, by bisection (sentences are in reading order)."""
    k = bisect.bisect_right(starts, span.start) - 1
    return sentences[k] if k >= 0 and sentences[k].span.contains(span) else None


def documents(
    doc: str, sentences: list[Sentence], events: list[DraftEvent]
) -> list[DraftAgreement]:
    """Unnamed cooperation documents, once signed or handed over at an event of the article (or
    planned to be, at a planned signing)."""
    out: list[DraftAgreement] = []
    starts = [x.start for x in sentences]
    for ev in events:
        if ev.type not in {"signing", "document_exchange"}:
            continue
        if any(a.mentions[0].overlaps(p) for a in out for p in ev.phrases):
            continue  # two signings in one sentence: the document is drafted once
        if ev.status == "planned":
            s = _sentence_of(sentences, ev.first, starts)
            one = _one_document(doc, s, ev.first, "planned") if s else None
            if one is not None:
                out.append(one)
            continue
        if ev.status != "occurred":
            continue
        for phrase in ev.phrases:
            s = _sentence_of(sentences, phrase, starts)
            if s is None:
                continue
            m = _DOCUMENTS.search(doc, phrase.start, s.end)
            if m is None or m.start() > phrase.end:
                status = "handed_over" if ev.type == "document_exchange" else "signed"
                one = _one_document(doc, s, phrase, status)
                if one is not None:
                    out.append(one)
                    out += listed_after(doc, s, one, status)
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
                    # the event they were signed or handed over at: a set the dataset holds for
                    # that (known) event is this one
                    occasion=ev,
                )
            )
            break
    return out


_SIGNED = re.compile(r"\b(?:signed|sign|signing|exchanged|inked)\b")
#: A verb that concludes or hands over a document: between the verb of a signing and an
#: agreement, another one means the agreement is another clause's ("X and Y signed an MoU,
#: and A and B exchanged an agreement").
_DOCUMENT_VERB = re.compile(
    r"\b(?:signed|exchanged|inked|adopted|concluded|sealed|initialled|initialed|handed over)\b"
)


def _signers(
    doc: str, mentions: list[Mention], discourse: Discourse | None, ev: DraftEvent, s: Sentence
) -> tuple[list[DraftActor], Span] | None:
    """Who signed at a signing event, and the clause that says so: the subject before "signed"
    ("the two ministers signed ...", "X and Y signed ...") or the agents after "signed by"."""
    # The sentence's own mentions (indexed): drafting stays linear in the article's length.
    local = (
        discourse.in_sentence(s.index)
        if discourse is not None
        else [m for m in mentions if m.sentence == s.index]
    )
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
            named = [m.actor for m in local if start <= m.full.start and m.span.end <= stop]
            clause = Span(phrase.start, max(phrase.end, stop))
        else:
            named = [m.actor for m in local if phrase.start <= m.full.start < verb.start()]
            clause = phrase
            if not named and discourse is not None:
                found = discourse.at_end(doc, phrase.start, verb.start())
                if found is not None:
                    named = [found[0].speaker, *found[0].co]
        actors = list({a.id: a for a in named}.values())
        if actors:
            return actors, Span(*trim(doc, clause.start, clause.end, " ,;:."))
    return None


def signings_by_sentence(
    sentences: list[Sentence], events: list[DraftEvent]
) -> dict[int, list[DraftEvent]]:
    """The signing events named in each sentence (by index)."""
    starts = [x.start for x in sentences]
    out: dict[int, list[DraftEvent]] = {}
    for ev in events:
        if ev.type not in {"signing", "document_exchange"}:
            continue
        for p in ev.phrases:
            k = bisect.bisect_right(starts, p.start) - 1
            if k >= 0 and sentences[k].span.contains(p) and ev not in out.setdefault(k, []):
                out[k].append(ev)
    return out


def _clause_signers(
    doc: str,
    mentions: list[Mention],
    discourse: Discourse | None,
    signings: list[DraftEvent],
    s: Sentence,
    ag: DraftAgreement,
) -> tuple[list[DraftActor], Span] | None:
    """Who signed the agreement in sentence `s`: the signers of the signing whose verb comes
    last before the agreement with no other clause's verb between ("X and Y signed an MoU on
    ..., and A and B signed a letter of intent": the letter is A's and B's), else of a signing
    told after it ("The documents were signed ... by X and Y"). None when no signing of the
    sentence names who signed."""
    found = [f for ev in signings if (f := _signers(doc, mentions, discourse, ev, s))]
    at = next((x for x in ag.mentions if s.span.contains(x)), None)
    if not found or at is None:
        return found[0] if found else None
    verbs = [(f, _SIGNED.search(doc, f[1].start, f[1].end)) for f in found]
    before = [(f, v) for f, v in verbs if v is not None and v.end() <= at.start]
    if before:
        best, verb = max(before, key=lambda fv: fv[1].end())
        return None if _DOCUMENT_VERB.search(doc, verb.end(), at.start) else best
    after = [(f, v) for f, v in verbs if v is not None and v.start() >= at.end]
    return min(after, key=lambda fv: fv[1].start())[0] if after else found[0]


def _signatories(
    doc: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    catalog: Catalog,
    signings: dict[int, list[DraftEvent]],
    discourse: Discourse | None,
    ag: DraftAgreement,
) -> None:
    """Those who sign an agreement at a signing event are its signatories, and the states they
    sign for are its parties ("the two ministers signed the memorandum"); a state, company or
    body that signs ("France and Vietnam signed an agreement") is a party. Every sentence that
    names the agreement counts ("The agreement was signed by X and Y")."""
    roles = discourse.roles if discourse is not None else {}
    # Only the sentences that name the agreement, and the signings of each (both indexed by
    # sentence, `signings_by_sentence`): linear in the article's length.
    for s in (sentences[i] for i in sorted(ag.sentences) if 0 <= i < len(sentences)):
        found = _clause_signers(doc, mentions, discourse, signings.get(s.index, []), s, ag)
        if found is not None:
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
                    ag.parties[actor.id] = (actor, "party", clause)
