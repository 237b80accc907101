"""Run the extractors over one article, in the order their inputs require.

Layout and sentences first (nothing is read from furniture), then dates (the
anchor), actors (mentions feed speakers, events and parties), statements
(events use their speakers as participants), events (agreements use signings),
agreements and figures. The result is a `Draft`, written by `draft.render`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from pathlib import Path

from .actors import DraftActor, Mention, load_catalog
from .agreement_model import DraftAgreement
from .agreements import find_agreements
from .draft import Draft, DraftSource
from .event_model import DraftEvent
from .events import find_events
from .figures import find_figures
from .furniture import Layout, layout, publisher
from .linking import link_agreements, link_events, load_known
from .ministries import qualified_countries
from .publication_dates import anchor_for, publication
from .quotes import occurs_once
from .sentences import sentences
from .speakers import Discourse
from .statements import find_statements
from .text import Span, words
from .unnamed_speakers import is_unnamed

_FILE_NAME = re.compile(r"^(?P<n>\d+)_(?P<id>[0-9a-f]{16})\.txt$")
_FRAME_TYPES = ("talks", "reception", "meeting", "interview", "conference", "summit", "dialogue")
_NO_FACT_REASONS = {
    "caption": "photo caption",
    "heading": "section heading",
    "credit": "credit line",
    "byline": "byline",
    "related": "link to another article",
    "meta": "page metadata",
    "timestamp": "timestamp",
    "menu": "navigation menu",
    "end": "button or label of the page",
}


def source_identity(path: Path, raw: bytes) -> tuple[str, str]:
    """(source_id, file name): the hash part of NNN_<hash>.txt, or a content hash for a new file."""
    m = _FILE_NAME.match(path.name)
    if m:
        return m.group("id"), path.name
    sid = hashlib.sha256(raw).hexdigest()[:16]
    numbers = [
        int(x.group("n")) for p in path.parent.glob("*.txt") if (x := _FILE_NAME.match(p.name))
    ]
    return sid, f"{max(numbers, default=-1) + 1:03d}_{sid}.txt"


def _unique_words(text: str, body: Span, from_start: bool) -> str:
    """The first (or last) words of the body, as few as make them unique in the whole file."""
    ws = words(text, body.start, body.end)
    for n in range(4, len(ws) + 1):
        piece = text[body.start : ws[n - 1].end] if from_start else text[ws[-n].start : body.end]
        if occurs_once(text, piece, Span(0, len(text))):
            return piece
    return text[body.start : body.end]


def _no_fact(doc: Layout) -> list[tuple[str, str]]:
    """Non-prose lines inside the body (captions, headings): marked, with the reason."""
    out = []
    for line in doc.lines:
        if line.kind == "prose" or line.kind == "title" or not doc.body.contains(line.span):
            continue
        if occurs_once(doc.text, line.text, doc.body):
            out.append((line.text, _NO_FACT_REASONS.get(line.kind, line.kind)))
    return out


def _outside_names(mentions: list[Mention], agreements: list[DraftAgreement]) -> list[Mention]:
    """ "United Nations" inside "United Nations Convention on the Law of the Sea" names the
    convention, not the organisation; a party named in the agreement's name stays. The
    agreements' names are looked up by bisection (they never overlap): linear time."""
    spans = sorted(
        (span.start, span.end, k)
        for k, ag in enumerate(agreements)
        if "unnamed" not in ag.rule
        for span in ag.mentions
    )
    starts = [x[0] for x in spans]
    kept = []
    for m in mentions:
        k = bisect.bisect_right(starts, m.span.start)
        inside = [
            agreements[i]
            for a, b, i in spans[max(0, k - 3) : k]
            if a <= m.span.start and m.span.end <= b
        ]
        if (
            m.actor.type != "person"
            and inside
            and not any(m.actor.id in ag.parties for ag in inside)
        ):
            continue
        kept.append(m)
    return kept


def _signing_titles(events: list[DraftEvent], agreements: list[DraftAgreement]) -> None:
    """A signing of one described document is titled by the document's curated name ("Signing
    of the agreement on the purchase of 20 aircraft"), not by the words around the verb."""
    unnamed = [ag for ag in agreements if "unnamed" in ag.rule and ag.existing is None]
    for ev in events:
        if ev.type not in {"signing", "document_exchange"}:
            continue
        near = [
            ag
            for ag in unnamed
            if any(0 <= ag.mentions[0].start - p.start <= len(p) + 40 for p in ev.phrases)
        ]
        # a bare kind ("Contracts", "Agreement") says less than the words around the verb
        if len(near) == 1 and len(near[0].name.split()) > 1:
            name = near[0].name
            name = name if name[1:2].isupper() else name[0].lower() + name[1:]
            what = "Handover" if ev.type == "document_exchange" else "Signing"
            ev.title = f"{what} of the {name}"


def _frame(events: list[DraftEvent]) -> DraftEvent | None:
    """The occasion the article reports (its first talks, reception, interview ...), if any."""
    framed = [e for e in events if e.type in _FRAME_TYPES and e.status in {"occurred", "ongoing"}]
    return min(framed, key=lambda e: e.first.start) if framed else None


def extract(
    path: Path,
    published: dt.date | None = None,
    actors: Path | None = None,
    dataset: Path | None = None,
) -> Draft:
    """Draft annotations for one article file; `dataset` is a data directory whose records a
    draft about the same facts links to (None: link to nothing but actors)."""
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    doc = layout(text)
    if len(doc.body) == 0:
        raise ValueError(f"{path}: no article body found (no line of five words or more)")
    sents = sentences(doc)
    pub = publication(doc, published)
    anchor = anchor_for(doc, pub)
    if actors is None:
        from ..paths import data_dir

        actors = data_dir() / "annotations" / "actors.yaml"
    catalog = load_catalog(actors)
    catalog.qualified = qualified_countries(text[doc.body.start : doc.body.end])
    from .actors import find_mentions

    mentions = find_mentions(text, sents, catalog)
    discourse = Discourse(catalog, mentions, doc=text)
    statements = find_statements(text, sents, discourse)
    named = [st for st in statements if not is_unnamed(st.who)]  # no participant is unnamed
    events = find_events(text, sents, mentions, named, anchor, discourse)
    title = text[doc.title.start : doc.title.end]
    agreements = find_agreements(text, sents, mentions, catalog, events, discourse)
    figures = find_figures(text, sents, anchor)

    known = load_known(dataset)
    link_events(events, known)
    link_agreements(agreements, known)
    mentions = _outside_names(mentions, agreements)
    _signing_titles(events, agreements)
    used: set[str] = set()
    for st in named:
        used |= st.who.ids
    for ev in events:
        used |= set(ev.participants)
    for ag in agreements:
        used |= set(ag.parties)
    mentioned = {m.actor.id for m in mentions}
    # A proposal is offered only with a mention to ground it (the build needs evidence).
    proposals: list[DraftActor] = [
        a
        for a in catalog.proposals.values()
        if a.id in mentioned and (a.type != "state" or a.id in used)
    ]
    sid, file_name = source_identity(path, raw)
    source = DraftSource(
        sid,
        file_name,
        title,
        publisher(doc),
        pub,
        _unique_words(text, doc.body, True),
        _unique_words(text, doc.body, False),
        _no_fact(doc),
        hashlib.sha256(raw).hexdigest(),
    )
    return Draft(
        doc,
        sents,
        source,
        mentions,
        events,
        statements,
        agreements,
        figures,
        proposals,
        frame=_frame(events),
    )
