"""Write a draft in exactly the curated annotation format, marked as a draft by comments.

The strict loader forbids unknown keys, so a draft cannot say `draft: true`.
Instead every record is preceded by a `# DRAFT` comment saying which rule made
it, and the file is written to `data/annotations/drafts/<source_id>.yaml`,
which the build does not read (it reads `annotations/*.yaml` only). Reviewing a
draft means correcting or deleting records, deleting the `# DRAFT` comments,
and moving the file up to `data/annotations/`: the quotes are verbatim and
unique in the body already, so none is retyped.

The draft only references actors that exist in actors.yaml, so the build
accepts it as written. Records that need a new actor are written commented
out, next to the proposed actors.yaml entries that would enable them.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field

from .actors import DraftActor, Mention
from .agreement_model import DraftAgreement
from .dates import When
from .event_model import DraftEvent
from .figure_counts import DraftFigure
from .furniture import Layout
from .proposals import risky_aliases
from .quotes import GramIndex, Quote, quote
from .render_records import (
    _agreement_block,
    _event_block,
    _figure_block,
    _statement_block,
    figure_fields,
)
from .render_yaml import _known, _quotes, scalar
from .sentences import Sentence
from .statements import DraftStatement
from .text import Span, slug


@dataclass
class DraftSource:
    """What the `source:` block says about the article."""

    id: str
    file: str
    title: str
    publisher: str | None
    published: When
    body_start: str
    body_end: str
    no_fact: list[tuple[str, str]]
    #: SHA-256 of the article's bytes: the pin the build checks the article against.
    sha256: str | None = None


@dataclass
class Draft:
    """Everything extracted from one article, ready to be written as YAML."""

    doc: Layout
    sentences: list[Sentence]
    source: DraftSource
    mentions: list[Mention]
    events: list[DraftEvent]
    statements: list[DraftStatement]
    agreements: list[DraftAgreement]
    figures: list[DraftFigure]
    proposals: list[DraftActor]
    frame: DraftEvent | None = None
    ids: dict[int, str] = field(default_factory=dict)
    _starts: list[int] = field(default_factory=list)
    _by_sentence: dict[int, tuple[list[DraftStatement], list[DraftEvent]]] | None = None
    _grams: GramIndex | None = None
    _statements_by: dict[int, list[DraftStatement]] | None = None

    @property
    def text(self) -> str:
        return self.doc.text

    def sentence_of(self, span: Span) -> Span:
        """The sentence holding a span (by bisection: drafts are rendered in linear time)."""
        if len(self._starts) != len(self.sentences):
            self._starts = [s.start for s in self.sentences]
        k = bisect.bisect_right(self._starts, span.start) - 1
        if k >= 0 and self.sentences[k].span.contains(span):
            return self.sentences[k].span
        return span

    def by_sentence(self) -> dict[int, tuple[list[DraftStatement], list[DraftEvent]]]:
        """Statements and events per sentence start, built once."""
        if self._by_sentence is None:
            index: dict[int, tuple[list[DraftStatement], list[DraftEvent]]] = {}
            for st in self.statements:
                index.setdefault(self.sentence_of(st.evidence).start, ([], []))[0].append(st)
            for ev in self.events:
                for p in ev.phrases:
                    entry = index.setdefault(self.sentence_of(p).start, ([], []))[1]
                    if ev not in entry:
                        entry.append(ev)
            self._by_sentence = index
        return self._by_sentence

    def statements_in(self, index: int) -> list[DraftStatement]:
        """The statements of one sentence (by its index), indexed once."""
        if self._statements_by is None:
            self._statements_by = {}
            for st in self.statements:
                self._statements_by.setdefault(st.sentence, []).append(st)
        return self._statements_by.get(index, [])

    def quote(self, span: Span, min_words: int = 1) -> Quote:
        if self._grams is None:
            self._grams = GramIndex(self.text, self.doc.body)
        body, bound = self.doc.body, self.sentence_of(span)
        return quote(self.text, body, span, bound, min_words, self._grams)

    def id_of(self, obj: object) -> str:
        return self.ids[id(obj)]


def assign_ids(draft: Draft) -> None:
    """Stable, source-scoped ids, so a draft never merges by accident with another source. The
    scope is the source id's last eight characters: numbered ids ("de00000000000201") share
    their first eight, and hashes are as distinct at either end. Some records are named by the
    fact instead: agreements (by their name) and milestones that happen once (an
    agreement's entry into force, an institution's creation), so that two sources drafting
    them give one record. So are figures: a figure's id is named by its subject and the digest
    of every field it is written with (`figure_fields`), so two new sources that draft the same
    figure ("14 cooperation documents" of one visit) write one record with evidence from each,
    where source-scoped ids would be two records the build rejects as one fact recorded twice;
    a figure tied to this source's own statement or event differs in that field, so it never
    meets another source's."""
    short = draft.source.id[-8:]
    for n, ev in enumerate(draft.events, 1):
        draft.ids[id(ev)] = (
            ev.existing or ev.stable_id or f"ev-{short}-{n:02d}-{ev.type.replace('_', '-')}"
        )
    for n, st in enumerate(draft.statements, 1):
        draft.ids[id(st)] = f"st-{short}-d{n:02d}"
    taken: set[str] = set()
    for fig in draft.figures:
        fields = "\x1f".join(f"{k}={v}" for k, v in figure_fields(draft, fig))
        digest = hashlib.sha256(fields.encode("utf-8")).hexdigest()[:8]
        words = slug(fig.subject or "figure", max_words=5)
        base = f"fig-{words}-{digest}"
        fig_id, k = base, 2
        while fig_id in taken:  # one fact written twice in one article: two records here
            fig_id, k = f"{base}-{k}", k + 1
        taken.add(fig_id)
        draft.ids[id(fig)] = fig_id
    used: set[str] = set()
    for ag in draft.agreements:
        base = ag.existing or ag.id
        ag_id, k = base, 2
        while ag_id in used:
            ag_id, k = f"{base}-{k}", k + 1
        used.add(ag_id)
        draft.ids[id(ag)] = ag_id


def _source_block(draft: Draft) -> str:
    s = draft.source
    p = s.published
    out = "source:\n"
    out += f"  id: {s.id}\n"
    out += f"  file: {s.file}\n"
    if s.sha256:
        out += f"  sha256: {s.sha256}\n"
    out += f"  title: {scalar(s.title)}\n"
    if s.publisher:
        out += f"  publisher: {scalar(s.publisher)}\n"
    if p.start is None or p.precision == "unknown":
        out += f"  # DRAFT: no publication date: {p.note or 'none on the page'}\n"
    else:
        out += f"  published_date: {scalar(p.start)}\n"
        out += f"  published_date_precision: {p.precision}\n"
        out += f"  published_date_basis: {p.basis}\n"
        if p.note:
            out += f"  published_date_note: {scalar(p.note)}\n"
    out += "  language: en\n"
    if draft.doc.note:
        out += f"  # DRAFT: {draft.doc.note}\n"
    out += "  body:\n"
    out += f"    start: {scalar(s.body_start)}\n"
    out += f"    end: {scalar(s.body_end)}\n"
    if s.no_fact:
        out += "  no_fact:\n"
        for q, reason in s.no_fact:
            out += f"    - quote: {scalar(q)}\n"
            out += f"      reason: {scalar(reason)}\n"
    else:
        out += "  no_fact: []\n"
    return out


def _mention_span(draft: Draft, m: Mention) -> Span:
    """A name with a few words of its own phrase ("France has always held"), never across
    punctuation, so that the quote reads as a mention and not as a fragment."""
    text = draft.text
    start, end = m.full.start, m.full.end
    n_words = len(text[start:end].split())
    while n_words < 3:
        # Whole tokens only: "reached 5.9" never stops inside the number ("reached 5").
        right = re.match(
            r"[ ]+[\w’'-]+(?:[.,:/][\w’'-]+)*", text[end : draft.sentence_of(m.full).end]
        )
        if right is None:
            break
        end += right.end()
        n_words += 1
    while n_words < 3:
        left = re.search(
            r"(?:[\w’'-]+[.,:/])*[\w’'-]+[ ]+$", text[draft.sentence_of(m.full).start : start]
        )
        if left is None:
            break
        start -= len(left.group())
        n_words += 1
    return Span(start, end)


def _mentions_block(draft: Draft) -> str:
    """Mentions of known actors; those of proposed actors are written commented out.

    A name inside someone's office ("Ambassador to France") is a poor mention of the
    state: other mentions are preferred."""
    by_actor: dict[str, list[Span]] = {}
    proposed = {a.id for a in draft.proposals}
    by_sentence: dict[int, list[Mention]] = {}
    for m in draft.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    inside_role = {
        id(m)
        for m in draft.mentions
        for other in by_sentence[m.sentence]
        if other is not m and other.full.contains(m.span) and not other.span.contains(m.span)
    }
    ordered = sorted(draft.mentions, key=lambda m: (id(m) in inside_role, m.span.start))
    for m in ordered:
        if _known(m.actor) or m.actor.id in proposed:
            spans = by_actor.setdefault(m.actor.id, [])
            if len(spans) < 2:
                spans.append(_mention_span(draft, m))
    known = [a for a in by_actor if a not in proposed]
    out = "mentions:\n" if known else "mentions: {}  # once actors exist: drop {} and uncomment\n"
    for actor_id, spans in by_actor.items():
        line = f"{actor_id}: {_quotes(draft, sorted(spans))}"
        out += f"  {line}\n" if actor_id not in proposed else f"  # {line}  # needs new actor\n"
    return out


def _header(draft: Draft) -> str:
    """The comment block that marks the file as a draft and lists proposed actors."""
    s = draft.source
    lines = [
        f"# DRAFT written by `vnfr-data extract` from {s.file}: unreviewed machine output.",
        "# Review: check every record against the article; fix or delete it; delete its `# DRAFT`",
        "# comment; then move this file to data/annotations/"
        + s.id
        + ".yaml and run `vnfr-data build`.",
        "# Quotes are verbatim and occur once in the body: keep them (cut them shorter if you like).",
    ]
    if draft.proposals:
        lines.append("#")
        lines.append("# Proposed new actors, not in actors.yaml. Append those you keep to")
        lines.append(
            "# data/annotations/actors.yaml, then uncomment the records below that need them:"
        )
        for a in draft.proposals:
            aliases = ", ".join(scalar(x) for x in a.aliases)
            country = a.country or "null"
            lines.append(
                f"# - {{id: {a.id}, name: {scalar(a.name)}, type: {a.type}, country: {country}, aliases: [{aliases}]}}"
            )
            for alias in risky_aliases(a):
                lines.append(
                    f"#   (alias '{alias}' is also a common word or name part: check every link "
                    "made through it)"
                )
    return "\n".join(lines) + "\n\n"


def render(draft: Draft) -> str:
    """The draft as an annotation file the build accepts."""
    assign_ids(draft)
    out = _header(draft)
    out += _source_block(draft) + "\n"
    out += _mentions_block(draft) + "\n"
    out += "events:\n" if draft.events else "events: []\n"
    out += "".join(_event_block(draft, ev) + "\n" for ev in draft.events)
    # With statements written (even all commented out), the key stays bare ("statements:"), so
    # that uncommenting them gives a list; a bare key with nothing under it reads as empty.
    out += "statements:\n" if draft.statements else "statements: []\n"
    out += "".join(_statement_block(draft, st) + "\n" for st in draft.statements)
    out += "agreements:\n" if draft.agreements else "agreements: []\n"
    out += "".join(_agreement_block(draft, ag) + "\n" for ag in draft.agreements)
    out += "figures:\n" if draft.figures else "figures: []\n"
    out += "".join(_figure_block(draft, fig) + "\n" for fig in draft.figures)
    return out.rstrip("\n") + "\n"
