"""Agreements news prose names in passing, lower case, without a signing of their own:

- a shared mechanism: "the Viet Nam–France intergovernmental committee on science and
  technology", "a joint working group on climate adaptation", "to launch a dialogue on space
  cooperation": a committee, commission, council or working group is a mechanism when the
  text says it is shared (joint, intergovernmental, mixed, bilateral, or a two-country
  compound before it); a dialogue or mechanism also when it is being set up;
- a programme or plan of action: "an action programme to implement their Comprehensive
  Strategic Partnership over the 2026–2030 period", "the cooperation programme agreed at the
  Defence Strategy and Cooperation Dialogue": a programme is an agreement when the text says
  what it is for, or when it was agreed, adopted or signed (a bare "the programme" is a
  reference back, not a new record);
- the documents a set lists: "Agreements and contracts … were signed, including a letter of
  intent from Vietnam Airlines to buy 12 turboprops and a memorandum of understanding between
  X and Y on training": each listed document is a record of its own beside the set;
- a document something happens under: "under a contract the two firms valued at 60 million".

Each is one record, found sentence by sentence; a phrase another rule already drafted is left
to that rule.
"""

from __future__ import annotations

import re

from .agreement_documents import _ONE_DOCUMENT, _one_document, document_type
from .agreement_model import DraftAgreement
from .agreement_names import curated_name
from .sentences import Sentence
from .text import Span, trim

_SHARED_WORDS = r"(?:joint|intergovernmental|inter-governmental|mixed|bilateral)"
_MODIFIERS = (
    r"(?:(?:new|first|joint|intergovernmental|inter-governmental|mixed|bilateral|standing"
    r"|permanent|high-level|annual|regular|ministerial|strategic|trilateral|parliamentary)\s+)*"
)
_PAIR = r"(?:[A-Z][\w’'.]*(?:\s[A-Z][\w’'.]*)?[–-][A-Z][\w’'.]*(?:\s[A-Z][\w’'.]*)?\s+)"
_MECHANISM = re.compile(
    r"\b(?P<det>the|a|an|their|its)\s+"
    rf"(?P<name>{_MODIFIERS}(?P<pair>{_PAIR})?{_MODIFIERS}"
    r"(?P<head>committee|commission|working group|task force|council|dialogue mechanism"
    r"|consultation mechanism|cooperation mechanism|dialogue|mechanism)"
    r"\s+(?:on|for)\s+(?P<topic>[^,;.()]+))"
)
#: Where a mechanism's topic ends: a time, a new clause, a second verb of the sentence.
_TOPIC_STOP = re.compile(
    r"\s(?:this|next|last)\s+(?:year|month|week)\b"
    r"|\s(?:but|while|which|that|who|where|when|to|before|after|by|from|as)\s"
    r"|\sand\s+(?:to|the|will|would|hold|agreed|also|a|an|its|their)\s"
    r"|\s(?:in|on)\s+(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December|\d)"
    r"|\s(?:is|are|was|were|will|would|has|have|had)\b"
    r"|\s(?:in|by|during)\s+(?:the\s+)?(?:autumn|spring|summer|winter|coming|end|middle|start)\b"
)
_SET_UP = re.compile(r"\b(?:launch|establish|set\s+up|create|form|institute|open)\w*\s+$", re.I)
_SESSION_OF = re.compile(r"\b(?:meeting|session|round)s?\s+of\s+$", re.I)
_PROPOSED = re.compile(r"\bpropos\w*|\bsuggest\w*", re.I)
_FUTURE = re.compile(
    r"\b(?:agreed|decided|plan\w*|will|would|to|pledged|expected)\b[^.;]{0,60}$", re.I
)

_PROGRAMME = re.compile(
    r"\b(?P<det>an?|the|their|its)\s+(?P<what>(?:(?:new|first|joint|[a-z]+-year"
    r"|(?:19|20)\d{2}[–-](?:19|20)?\d{2})\s+)*(?:action|cooperation|work|joint|implementation)"
    r"\s+(?:programme|program|plan|roadmap))\b"
    r"(?P<tail>\s+(?:to\s+implement|for\s+implementing|implementing|agreed|adopted|approved"
    r"|signed|for\s+(?:19|20)\d{2}|for\s+the\s+(?:19|20)\d{2}|between|on)\b[^,;.]*)?"
)
_PROGRAMME_STOP = re.compile(
    r"\s(?:in|at)\s+(?:Paris|Hanoi|Ha Noi|Hà Nội|Brussels)\b.*$"
    r"|\s(?:last|next|this)\s+(?:year|month|week|January|February|March|April|May|June|July"
    r"|August|September|October|November|December)\b.*$"
    r"|\s(?:which|that|and\s+(?:the|to|also))\s.*$"
)

#: Where a set's list of its documents begins: "..., including a letter of intent ...", "...
#: were inked at the ceremony: a letter of intent ..., and contracts worth ...".
#: "a roadmap to implement the JETP in the power sector", "a roadmap for defence industry
#: cooperation": a roadmap is a plan the sides share when the text says what it is for.
_ROADMAP = re.compile(
    r"\b(?P<det>an?|the|their|its)\s+(?P<what>(?:(?:new|joint|detailed|[a-z]+-year"
    r"|(?:19|20)\d{2}[–-](?:19|20)?\d{2})\s+)*roadmap)"
    r"(?P<tail>\s+(?:to\s+(?:implement|develop|promote|boost|expand|achieve|deepen|strengthen)"
    r"|for|on|towards)\b[^,;.]*)"
)
#: A roadmap's purpose ends where the sentence goes on with a verb of its subject ("... for
#: defence industry cooperation and hold the next dialogue").
_ROADMAP_STOP = re.compile(
    r"\s(?:and|but)\s+(?:also\s+)?(?:hold|set|decided|agreed|to|will|would|[a-z]+ed)\b.*$"
)

_INCLUDING = re.compile(
    r",?\s+(?:including|among them|among which|notably)\s+|:\s+(?=(?:an?|one)\s)"
)
_ITEM_SPLIT = re.compile(
    r"(?:,\s*(?:and\s+)?|\s+and\s+)(?=(?:an?|one)\s|(?:contracts|agreements|deals)\b)"
)
_UNDER = re.compile(
    r"\bunder\s+(?=an?\s+(?:new\s+)?(?:agreement|contract|deal|memorandum|accord|arrangement)\b)"
)


def _overlaps(span: Span, taken: list[Span]) -> bool:
    return any(span.overlaps(t) for t in taken)


def _mechanisms(doc: str, s: Sentence, taken: list[Span]) -> list[DraftAgreement]:
    out = []
    for m in _MECHANISM.finditer(doc, s.start, s.end):
        name, head = m.group("name"), m.group("head")
        before = doc[s.start : m.start()]
        shared = bool(re.search(rf"\b{_SHARED_WORDS}\b", name, re.I) or m.group("pair"))
        set_up = bool(_SET_UP.search(before) or _SESSION_OF.search(before))
        if not shared and not ("dialogue" in head or "mechanism" in head) or not (shared or set_up):
            continue
        topic = m.group("topic")
        cut = _TOPIC_STOP.search(topic)
        topic = topic[: cut.start()] if cut else topic
        a, b = trim(doc, m.start("name"), m.start("topic") + len(topic.rstrip()), " ,;:.")
        span = Span(a, b)
        if _overlaps(span, taken) or len(topic.split()) > 12:
            continue
        status = "established"
        if _PROPOSED.search(before):
            status = "proposed"
        elif _SET_UP.search(before) and _FUTURE.search(before):
            status = "planned"
        text = " ".join(doc[a:b].split())
        out.append(
            DraftAgreement(
                text[0].upper() + text[1:],
                None,
                "cooperation_mechanism",
                status,
                [span],
                rule="an unnamed shared mechanism, named in passing",
                sentences=[s.index],
            )
        )
        taken.append(span)
    return out


def _programmes(doc: str, s: Sentence, taken: list[Span]) -> list[DraftAgreement]:
    out = []
    for m in _PROGRAMME.finditer(doc, s.start, s.end):
        what, tail = m.group("what"), m.group("tail") or ""
        dated = re.search(r"(?:19|20)\d{2}", what)
        if not tail and not dated:
            continue  # "the programme", "a cooperation plan": a reference, or too vague
        head = Span(m.start("what"), m.end("what"))
        if _overlaps(head, taken):
            continue
        tail = _PROGRAMME_STOP.sub("", tail)
        a, b = trim(doc, m.start("what"), m.end("what") + len(tail.rstrip()), " ,;:.")
        text = " ".join(doc[a:b].split())
        text = re.sub(r"\b(?:their|its)\s+(?=[A-Z])", "the ", text)
        kind = "other" if re.match(r"(?:\S+\s+)*?action\s", what) else "partnership_programme"
        out.append(
            DraftAgreement(
                text[0].upper() + text[1:],
                None,
                kind,
                "signed" if re.search(r"\bsigned\b", tail) else "unknown",
                [Span(a, b)],
                rule="an unnamed programme of action or cooperation, named by what it is for",
                sentences=[s.index],
            )
        )
        taken.append(head)
    return out


def _roadmaps(doc: str, s: Sentence, taken: list[Span]) -> list[DraftAgreement]:
    out = []
    for m in _ROADMAP.finditer(doc, s.start, s.end):
        head = Span(m.start("what"), m.end("what"))
        if _overlaps(head, taken):
            continue
        tail = _ROADMAP_STOP.sub("", _PROGRAMME_STOP.sub("", m.group("tail")))
        a, b = trim(doc, m.start("what"), m.end("what") + len(tail.rstrip()), " ,;:.")
        text = " ".join(doc[a:b].split())
        status = "proposed" if _PROPOSED.search(doc, s.start, m.start()) else "unknown"
        out.append(
            DraftAgreement(
                text[0].upper() + text[1:],
                None,
                "other",
                status,
                [Span(a, b)],
                rule="a roadmap, named by what it is for",
                sentences=[s.index],
            )
        )
        taken.append(head)
    return out


def listed_documents(
    doc: str, sentences: list[Sentence], found: list[DraftAgreement], taken: list[Span]
) -> list[DraftAgreement]:
    """The documents a set lists after "including": one record each."""
    out: list[DraftAgreement] = []
    for ag in found:
        if not ag.sentences or not (
            "set of documents" in ag.rule or ag.rule.startswith("unnamed documents")
        ):
            continue
        s = sentences[ag.sentences[0]]
        start = ag.mentions[0].end
        inc = _INCLUDING.search(doc, start, s.end)
        if inc is None or inc.start() - start > 160:
            continue
        items = doc[inc.end() : s.end]
        offset = inc.end()
        pieces = []
        last = 0
        for cut in _ITEM_SPLIT.finditer(items):
            pieces.append((last, cut.start()))
            last = cut.end()
        pieces.append((last, len(items)))
        for a0, b0 in pieces:
            piece = items[a0:b0]
            m = _ONE_DOCUMENT.match(piece)
            if m is None:
                continue
            what = m.group("what")
            tail = piece[m.end() :].rstrip(" ,;:.")
            a, b = trim(doc, offset + a0 + m.start("what"), offset + a0 + m.end() + len(tail))
            span = Span(a, b)
            if _overlaps(span, taken):
                continue
            out.append(
                DraftAgreement(
                    curated_name(what, tail),
                    None,
                    document_type(what),
                    ag.status if ag.status != "unknown" else "signed",
                    [span],
                    rule="one unnamed document a set lists",
                    sentences=[s.index],
                )
            )
            taken.append(span)
    return out


def passing_agreements(
    doc: str, sentences: list[Sentence], found: list[DraftAgreement], taken: list[Span]
) -> list[DraftAgreement]:
    """Mechanisms, programmes and documents named in passing (see the module's docstring)."""
    keys = {ag.key for ag in found}
    out: list[DraftAgreement] = []
    for s in sentences:
        for ag in (
            _mechanisms(doc, s, taken) + _programmes(doc, s, taken) + _roadmaps(doc, s, taken)
        ):
            if ag.key in keys:
                continue
            keys.add(ag.key)
            out.append(ag)
        for m in _UNDER.finditer(doc, s.start, s.end):
            one = _one_document(doc, s, Span(m.start(), m.end()), "unknown")
            if one is None or _overlaps(one.mentions[0], taken):
                continue
            one.rule = "one unnamed document something is done under"
            out.append(one)
            taken.append(one.mentions[0])
    return out


#: Kinds a bare definite reference may name ("the programme would be signed").
_BARE_KINDS = frozenset({"programme", "program", "plan", "agreement", "memorandum", "deal"})


def merge_bare_references(doc: str, found: list[DraftAgreement]) -> list[DraftAgreement]:
    """ "the programme would be signed early next month": a document drafted from a bare "the
    KIND" (no words of its own) is the earlier agreement of that kind named up to three
    sentences before; its phrase becomes evidence of that record instead of a new one."""
    out: list[DraftAgreement] = []
    for ag in found:
        first = ag.mentions[0]
        if ag.rule.startswith("one unnamed document") and any(
            x is not ag and any(m.contains(first) for m in x.mentions) for x in found
        ):
            continue  # a reference back already gave this phrase to an earlier record
        bare = (
            ag.rule.startswith("one unnamed document")
            and ag.name.lower() in _BARE_KINDS
            and re.search(
                r"\b(?:the|this|that)\s+$", doc[max(0, first.start - 6) : first.start], re.I
            )
        )
        earlier = [
            x
            for x in out
            if bare
            and x.mentions[0].start < first.start
            and ag.name.lower() in x.name.lower()
            and ag.sentences
            and x.sentences
            and 0 <= ag.sentences[0] - max(x.sentences) <= 3
        ]
        if not earlier:
            out.append(ag)
            continue
        target = earlier[-1]
        if len(target.mentions) < 4:
            target.mentions.append(first)
        for i in ag.sentences:
            if i not in target.sentences:
                target.sentences.append(i)
    return out
