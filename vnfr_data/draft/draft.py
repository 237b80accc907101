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
import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

import yaml

from .actors import DraftActor, Mention
from .agreements import DraftAgreement
from .dates import When
from .events import DraftEvent
from .figures import DraftFigure
from .furniture import Layout
from .proposals import risky_aliases
from .quotes import Quote, quote
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

    def quote(self, span: Span, min_words: int = 1) -> Quote:
        return quote(self.text, self.doc.body, span, self.sentence_of(span), min_words)

    def id_of(self, obj: object) -> str:
        return self.ids[id(obj)]


def scalar(value: object) -> str:
    """One YAML scalar: strings double-quoted (verbatim, escapes exact), the rest plain."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        return format(value, "f") if isinstance(value, Decimal) else str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = yaml.dump(str(value), default_style='"', allow_unicode=True, width=10**9)
    return text.rstrip("\n")


def _quotes(draft: Draft, spans: list[Span], min_words: int = 1) -> str:
    """A flow list of evidence quotes, with `occurrence` only when a quote repeats."""
    items = []
    seen: set[str] = set()
    for span in spans:
        q = draft.quote(span, min_words)
        if q.text in seen:
            continue
        seen.add(q.text)
        if q.occurrence is None:
            items.append(scalar(q.text))
        else:
            items.append("{quote: " + scalar(q.text) + f", occurrence: {q.occurrence}}}")
    return "[" + ", ".join(items) + "]"


def _comment(text: str, indent: str) -> str:
    flat = re.sub(r"\s+", " ", text).strip()
    return f"{indent}# DRAFT: {flat}\n"


def _date_fields(when: When, prefix: str, indent: str, single: bool = False) -> str:
    """Date fields of an event (start/end) or a statement (single date), with precision and basis."""
    out = ""
    if when.start is None or when.precision == "unknown":
        # An annotation that does not know a value omits it (the build defaults to unknown).
        why = when.note or "no date given"
        return f"{indent}# DRAFT: no date: {why}\n"
    if when.start is not None:
        if single:
            out += f"{indent}{prefix}: {scalar(when.start)}\n"
        else:
            out += f"{indent}{prefix}_start: {scalar(when.start)}\n"
            out += f"{indent}{prefix}_end: {scalar(when.end)}\n"
    head = "date" if prefix in {"date"} else prefix
    out += f"{indent}{head}_precision: {when.precision}\n"
    out += f"{indent}{head}_basis: {when.basis}\n"
    if when.note:
        out += f"{indent}{head}_note: {scalar(when.note)}\n"
    return out


def assign_ids(draft: Draft) -> None:
    """Stable, source-scoped ids, so a draft never merges by accident with another source."""
    short = draft.source.id[:8]
    for n, ev in enumerate(draft.events, 1):
        draft.ids[id(ev)] = ev.existing or f"ev-{short}-{n:02d}-{ev.type.replace('_', '-')}"
    for n, st in enumerate(draft.statements, 1):
        draft.ids[id(st)] = f"st-{short}-d{n:02d}"
    for n, fig in enumerate(draft.figures, 1):
        draft.ids[id(fig)] = f"fig-{short}-d{n:02d}"
    used: set[str] = set()
    for ag in draft.agreements:
        base = ag.existing or ag.id
        ag_id, k = base, 2
        while ag_id in used:
            ag_id, k = f"{base}-{k}", k + 1
        used.add(ag_id)
        draft.ids[id(ag)] = ag_id


def _known(actor: DraftActor) -> bool:
    return actor.known


def _source_block(draft: Draft) -> str:
    s = draft.source
    p = s.published
    out = "source:\n"
    out += f"  id: {s.id}\n"
    out += f"  file: {s.file}\n"
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
    inside_role = {
        id(m)
        for m in draft.mentions
        for other in draft.mentions
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


def _event_block(draft: Draft, ev: DraftEvent) -> str:
    """One event; participants that need a new actor are commented out."""
    ind = "    "
    rules = list(ev.rules)
    if ev.existing:
        rules.append(
            f"the dataset's {ev.existing} (kind, dates, participants or place agree): adds this source's evidence and claims"
        )
    elif ev.candidates:
        rules.append(f"may be the dataset's {' or '.join(ev.candidates)}: if so, use that id")
    out = _comment("; ".join(rules), "  ")
    out += f"  - id: {draft.id_of(ev)}\n"
    if not ev.existing:  # a known record keeps its kind and title; this source adds claims
        out += f"{ind}type: {ev.type}\n"
        out += f"{ind}title: {scalar(ev.title)}\n"
    out += _date_fields(ev.when, "date", ind)
    out += f"{ind}status: {ev.status}\n"
    if ev.location:
        out += f"{ind}location: {scalar(ev.location)}\n"
    if ev.country:
        out += f"{ind}country: {ev.country}\n"
    if ev.part_of is not None and id(ev.part_of) in draft.ids:
        out += f"{ind}part_of: {draft.id_of(ev.part_of)}\n"
    people = list(ev.participants.values())
    if people:
        # Participants that need a new actor are written commented out, ready to uncomment.
        head = f"{ind}participants:\n"
        out += head if any(_known(a) for a, _, _ in people) else f"{ind}# participants:\n"
        for actor, how, span in people:
            role = next(
                (
                    m.role
                    for m in draft.mentions
                    if m.actor.id == actor.id and m.role and m.full == span
                ),
                None,
            )
            entry = f"  - actor: {actor.id}\n"
            entry += f"    role: {scalar(role)}\n" if role else ""
            entry += f"    participation: {how}\n"
            entry += f"    evidence: {_quotes(draft, [span])}\n"
            out += _indented(entry, ind, commented=not _known(actor))
    out += f"{ind}evidence: {_quotes(draft, ev.phrases)}\n"
    return out


def _indented(block: str, ind: str, commented: bool) -> str:
    """Indent a YAML block; commented out (keeping its indentation) when it needs a new actor."""
    prefix = f"{ind}# " if commented else ind
    return "".join(prefix + line + "\n" for line in block.splitlines())


def _statement_lines(draft: Draft, st: DraftStatement) -> str:
    ind = "    "
    out = f"  - id: {draft.id_of(st)}\n"
    out += f"{ind}speaker: {st.who.speaker.id}\n"
    if st.who.co:
        out += f"{ind}co_speakers: [{', '.join(a.id for a in st.who.co)}]\n"
    if st.addressee is not None and _known(st.addressee) and st.addressee.id not in st.who.ids:
        out += f"{ind}addressee: {st.addressee.id}\n"
    event = _statement_event(draft, st)
    if event is not None:
        out += f"{ind}event: {draft.id_of(event)}\n"
    out += _date_fields(_statement_date(draft, st, event), "date", ind, single=True)
    out += f"{ind}type: {st.type}\n"
    out += f"{ind}quote_kind: {st.quote_kind}\n"
    out += f"{ind}evidence: {_quotes(draft, [st.evidence])}\n"
    return out


def _statement_event(draft: Draft, st: DraftStatement) -> DraftEvent | None:
    """The article's occasion, for statements made by one of its participants."""
    frame = draft.frame
    if frame is None:
        return None
    members = {a for a in frame.participants}
    if members and not (st.who.ids & members):
        return None
    return frame


def _statement_date(draft: Draft, st: DraftStatement, event: DraftEvent | None) -> When:
    """A statement is dated by the event it was made at; else the text does not date it."""
    if event is not None and event.when.start is not None and event.when.precision != "unknown":
        w = event.when
        start = w.start
        if w.precision == "day" and w.end != w.start:
            return When.unknown(
                "the event spans several days; the day of the statement is not given"
            )
        return When(
            start, start, w.precision, "inferred", f"date of the event {draft.id_of(event)}"
        )
    return When.unknown("the text does not date the statement")


def _statement_block(draft: Draft, st: DraftStatement) -> str:
    """One statement, commented out when its speaker is a proposed actor."""
    rule = f"reporting verb {st.verb!r}; speaker: {st.who.how or 'named'}; {st.rule}"
    lines = _statement_lines(draft, st)
    missing = [a for a in (st.who.speaker, *st.who.co) if not _known(a)]
    if missing:
        out = _comment(rule + f"; needs new actor(s) {', '.join(a.id for a in missing)}", "  ")
        return out + "".join("  # " + line[2:] + "\n" for line in lines.splitlines())
    return _comment(rule, "  ") + lines


def _agreement_links(draft: Draft, ag: DraftAgreement) -> list[tuple[DraftEvent, str, Span]]:
    """Events an agreement was signed, handed over or established at, or discussed during."""
    links: list[tuple[DraftEvent, str, Span]] = []
    seen: set[int] = set()
    for span in ag.mentions:
        s = draft.sentence_of(span)
        for ev in draft.events:
            if id(ev) in seen:
                continue
            in_sentence = any(s.contains(p) for p in ev.phrases)
            relation = None
            if in_sentence and ev.type in {"signing", "document_exchange"}:
                planned = ev.status in {"planned", "invited", "proposed"}
                relation = (
                    "planned_signing"
                    if planned
                    else ("handed_over" if ev.type == "document_exchange" else "signed")
                )
            elif (
                in_sentence
                and ev.type == "partnership_upgrade"
                and ev.name
                and slug(ev.name) in slug(ag.name)
            ):
                relation = "upgraded" if ag.status == "upgraded" else "established"
            if relation:
                links.append((ev, relation, span))
                seen.add(id(ev))
        said_at_frame = any(
            st.evidence.contains(span) and _statement_event(draft, st) is draft.frame
            for st in draft.statements
        )
        if draft.frame is not None and id(draft.frame) not in seen and said_at_frame:
            links.append((draft.frame, "discussed", span))
            seen.add(id(draft.frame))
    return links


_STATUS_BY_TYPE = {
    "policy": "established",
    "strategic_partnership": "established",
    "partnership_programme": "established",
    "cooperation_mechanism": "established",
    "declaration": "established",
    "convention": "in_force",
    "free_trade_agreement": "in_force",
    "investment_agreement": "in_force",
    "code_of_conduct": "under_negotiation",
}


def _agreement_block(draft: Draft, ag: DraftAgreement) -> str:
    ind = "    "
    rule = ag.rule
    if ag.existing:
        rule += f"; the dataset's {ag.existing}: adds this source's evidence"
    elif ag.candidates:
        rule += f"; may be the dataset's {' or '.join(ag.candidates)}: if so, use that id"
    out = _comment(rule, "  ")
    out += f"  - id: {draft.id_of(ag)}\n"
    if not ag.existing:
        out += f"{ind}name: {scalar(ag.name)}\n"
        if ag.short_name:
            out += f"{ind}short_name: {scalar(ag.short_name)}\n"
        out += f"{ind}type: {ag.type}\n"
    if ag.status != "unknown":
        out += f"{ind}status: {ag.status}\n"
    elif ag.existing is None:
        # The build needs a status for a new agreement; the text states none: a default by type.
        assumed = _STATUS_BY_TYPE.get(ag.type, "signed")
        out += f"{ind}# DRAFT: status not stated; '{assumed}' assumed from its type: check it\n"
        out += f"{ind}status: {assumed}\n"
    parties = list(ag.parties.values())
    if parties:
        out += f"{ind}parties:\n" if any(_known(a) for a, _, _ in parties) else f"{ind}# parties:\n"
        for actor, role, span in parties:
            entry = f"  - {{actor: {actor.id}, role: {role}, evidence: {_quotes(draft, [span])}}}"
            out += _indented(entry, ind, commented=not _known(actor))
    links = _agreement_links(draft, ag)
    if links:
        out += f"{ind}events:\n"
        for ev, relation, span in links:
            out += f"{ind}  - {{event: {draft.id_of(ev)}, relation: {relation}, evidence: {_quotes(draft, [span])}}}\n"
    out += f"{ind}evidence: {_quotes(draft, ag.mentions)}\n"
    return out


def _figure_links(
    draft: Draft, fig: DraftFigure
) -> tuple[DraftStatement | None, DraftEvent | None]:
    """The statement that asserted a figure (its quote holds it) and the event it belongs to."""
    index = draft.by_sentence()
    here = draft.sentence_of(fig.span)
    statements, events = index.get(here.start, ([], []))
    st = next((s for s in statements if s.evidence.contains(fig.span)), None)
    ev = next((e for e in events if any(p.overlaps(fig.evidence) for p in e.phrases)), None)
    return st, ev


def _figure_block(draft: Draft, fig: DraftFigure) -> str:
    ind = "    "
    out = _comment(fig.rule, "  ")
    out += f"  - id: {draft.id_of(fig)}\n"
    out += f"{ind}metric: {fig.metric}\n"
    out += f"{ind}value: {scalar(fig.value)}\n"
    out += f"{ind}unit: {fig.unit}\n"
    out += f"{ind}qualifier: {fig.qualifier}\n"
    out += f"{ind}as_reported: {scalar(fig.as_reported)}\n"
    out += f"{ind}subject: {scalar(fig.subject)}\n"
    if fig.period is not None and fig.period.start is not None:
        out += f"{ind}period_start: {scalar(fig.period.start)}\n"
        out += f"{ind}period_end: {scalar(fig.period.end)}\n"
    if fig.comparison_base:
        out += f"{ind}comparison_base: {scalar(fig.comparison_base)}\n"
    st, ev = _figure_links(draft, fig)
    if st is not None and all(_known(a) for a in (st.who.speaker, *st.who.co)):
        out += f"{ind}statement: {draft.id_of(st)}\n"
    if ev is not None:
        out += f"{ind}event: {draft.id_of(ev)}\n"
    out += f"{ind}evidence: {_quotes(draft, [fig.evidence])}\n"
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
