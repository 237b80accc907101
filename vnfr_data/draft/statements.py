"""Statements: who said, urged, pledged or praised what, by reporting verbs.

A statement is anchored on a reporting verb (said, affirmed, stressed, urged,
called on, pledged, proposed, praised, reaffirmed, expressed appreciation ...).
Its speaker is the subject before the verb, resolved by `speakers`; the forms
news prose uses are all handled the same general way:

- "X affirmed that ..." and "..., X said." (attribution after the content);
- "According to X, ..." and "..., according to X.";
- "Congratulating Y on ..., X stressed ..." (a leading participle belongs to
  the main subject) and "..., pledging ..." (a trailing one to the speaker
  before it);
- "... and urged ..." (a coordinated verb keeps its subject);
- "X was asked to ..." (a passive request: the asker is who spoke last),
  "..., announced by X and Y" (the agents speak jointly);
- verbs inside a "that" clause are reported content, not new statements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .actors import DraftActor, Mention
from .furniture import DATELINE
from .quote_runs import continue_quotes
from .sentences import Sentence
from .speaker_model import Who
from .speakers import Discourse
from .statement_verbs import (
    _ISSUED_BY,
    _LEAD_ADVERB,
    _SAYING,
    _quote_kind,
    _Verb,
    _verbs,
)
from .text import Span, trim
from .unnamed_speakers import UNNAMED, gender_of, organisers, represented, unnamed

_PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|is|are|been|being|be)(?:\s+(?:also|further|then|once again|again))?\s*$", re.I
)
_TRAILING_START = re.compile(
    r"^\s*(?:(?:reporters|journalists|the press|the media|a press conference|the meeting)\b\s*)?"
    r"(?:$|[,;.:]|\./\.|(?:on|in|at|during|while|when|after|before|as|following|ahead|upon|via"
    r"|through|in an)\b)",
    re.I,
)
#: After a closed quotation, who was told: "“...,” Larcher told his guest."
_SHORT_OBJECT = re.compile(
    r"^\s*(?:his|her|their|its|the|a|an)\s+[\w’'-]+(?:\s+[\w’'-]+){0,3}\s*(?:[,.;]|$)"
)
_ACCORDING_LEAD = re.compile(r"^[Aa]ccording to (?P<np>[^,]{2,120}),\s*")
_ACCORDING_LONG = re.compile(r",\s*")
_ACCORDING_TRAIL = re.compile(r",\s*according to (?P<np>[^,.;]{2,120})[.;]?\s*(?:\./\.)?$")
#: "..., the business newspaper Đầu Tư reported[, citing sources]." : an outlet's report.
_REPORTED_TRAIL = re.compile(
    r",\s*(?P<np>[^,.;]{2,80}?)\s+reported(?:\s+on\s+\w+)?(?:,\s*citing\b[^.;]*)?[.;]?\s*$"
)
_ADDRESSED = frozenset({"urge", "request", "invite", "congratulate", "thank", "condole"})


@dataclass(frozen=True)
class DraftStatement:
    """One drafted statement."""

    who: Who
    type: str
    quote_kind: str
    evidence: Span
    addressee: DraftActor | None
    sentence: int
    verb: str
    rule: str
    more: tuple[Span, ...] = ()  # the rest of a quotation run over other sentences (quote_runs)


@dataclass(frozen=True)
class _Opening:
    """A verb found to open a statement: its speaker, where the quote starts, and why."""

    who: Who
    verb: _Verb
    start: int
    end: int | None  # fixed when the quote does not simply run to the next statement
    rule: str


class _SentenceReader:
    """Turns one sentence into statements, given the discourse so far."""

    def __init__(self, doc: str, s: Sentence, discourse: Discourse, last: Who | None):
        self.doc = doc
        self.s = s
        self.d = discourse
        self.last = last  # the previous statement's speaker (for passive requests)
        self.out: list[DraftStatement] = []

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        return [
            m
            for m in self.d.in_sentence(self.s.index)
            if start <= m.span.start and m.span.end <= end
        ]

    def clause_end(self, after: int, next_start: int | None) -> int:
        """Where a statement's clause ends: before the next statement's clause, or at the sentence end."""
        end = self.s.end
        if next_start is not None and next_start > after:
            gap = self.doc[after:next_start]
            joiner = re.search(r"(?:[,;]?\s+(?:and|while|whereas|but)\s*|[,;]\s*)$", gap)
            end = after + joiner.start() if joiner else next_start
        a, b = trim(self.doc, after, end, " ,;:.")
        if self.doc[a:end].endswith("./"):
            b = end
        return max(b, after)

    def addressee(self, verb: _Verb) -> DraftActor | None:
        """Who is urged, invited, thanked or told: the named actor right after the verb."""
        if verb.type not in _ADDRESSED and not verb.text.lower().startswith(("told", "tells")):
            return None
        after = verb.span.end
        for m in self.mentions_in(after, min(self.s.end, after + 60)):
            gap = self.doc[after : m.full.start].strip()
            if gap in {"", "the"}:
                return m.actor
            break
        return None

    def add(self, who: Who, verb: _Verb, start: int, end: int, rule: str) -> None:
        start = self.skip_dateline(start)
        a, b = trim(self.doc, start, end, " ,;:")
        if b - a < 8:
            return
        span = Span(a, b)
        self.out.append(
            DraftStatement(
                who,
                verb.type,
                _quote_kind(self.doc, span),
                span,
                self.addressee(verb),
                self.s.index,
                verb.text,
                rule,
            )
        )

    def skip_dateline(self, start: int) -> int:
        """Content never starts with the dateline ("Paris (VNA) - ")."""
        if start == self.s.start:
            m = DATELINE.match(self.s.text)
            if m:
                return start + m.end()
        return start

    def read(self) -> list[DraftStatement]:
        """The statements of this sentence: who opens each, then where each quote ends."""
        if self.according():
            return self.out
        verbs = _verbs(self.s)
        # Pass 1: which verbs open a statement, with their speaker and start.
        found: list[_Opening] = []
        previous: Who | None = None
        prev_end = self.s.start
        for i, v in enumerate(verbs):
            left_start = prev_end
            left = self.doc[left_start : v.span.start]
            coordinated = re.search(r"(?:^|\s|,)and\s*$", left) is not None
            independent = re.search(r";|\b(?:and|while|whereas|but)\b", left) is not None
            finite_before = any(not f.verb.participle for f in found)
            if finite_before and not coordinated and not independent and not v.participle:
                # (a person's words relayed, "Barrot told his guests that ..., the ministry
                # said", stay the person's)
                relayed = any(f.who.speaker.type == "person" for f in found)
                last = None if relayed else self.last_word(v)
                if last is None:
                    # A verb with its own subject right after a statement is what was said
                    # ("Ha said Vietnam welcomed ...", "... emphasised that France highly
                    # valued ...").
                    continue
                # "France and Vietnam agreed to ..., Minister X said.": what two states did is
                # the content of the attribution that ends the sentence
                found = [last]
                self.d.subject(last.who)
                previous, prev_end = last.who, v.span.end
                continue
            who: Who | None = None
            start = v.span.start
            fixed_end: int | None = None
            rule = ""
            if (
                v.participle
                and i == 0
                and _LEAD_ADVERB.fullmatch(self.doc[self.s.start : v.span.start])
            ):
                main = self.main_subject(v)
                if main is None:
                    continue
                who, fixed_end = main
                start, rule = self.s.start, "leading participle: the main clause's subject"
            elif v.participle:
                if not (re.search(r",\s*$", left) and previous is not None):
                    continue
                who, rule = previous, "trailing participle: the speaker before it"
            elif self.doc[v.span.end : v.span.end + 4].lstrip().startswith("by "):
                who = self.agents(v)
                start, fixed_end = self.s.start, self.agent_end(v)
                rule = (
                    "passive with agents: they speak jointly"
                    if who and who.joint
                    else "passive with an agent"
                )
            elif _PASSIVE_BEFORE.search(left):
                if self.last is None:
                    continue
                who = self.last
                rule = "passive request: the asker is the previous speaker"
                start = self.s.start if not found else v.span.start
            elif (inverted := self.inverted(v, left, not found)) is not None:
                who, start, fixed_end = inverted
                rule = f"attribution after a quotation ({who.how})"
            elif coordinated and previous is not None:
                who, rule = previous, "coordinated verb: same subject"
            else:
                np = self.d.at_end(self.doc, left_start, v.span.start)
                if np is not None:
                    who, start = np
                    rule = who.how
                    trailing = self.trailing(v, left_start, start, len(found))
                    if trailing is not None:
                        start, fixed_end = trailing
                        rule = f"attribution after the content ({who.how})"
                elif coordinated or not left.strip():
                    np_start = self.d.at_start(self.doc, self.clause_start(), v.span.start)
                    if np_start is not None:
                        who, start = np_start[0], self.clause_start()
                        rule = "coordinated verb: the clause's subject"
            if who is None:
                nobody = UNNAMED.search(left) if not v.participle else None
                if nobody is None:
                    continue
                at = left_start + nobody.start()
                who = represented(self.doc, at, v.span.start, self.mentions_in(at, v.span.start))
                rule = "speaker not named in the text"
                if who is not None:
                    rule = f"{who.how}: it speaks"
                else:
                    # "A French official ... said": nobody we can name; drafted for the reviewer.
                    who = unnamed(nobody.group().strip(" ,"))
                # Either way "he" or "she" next is this speaker, not someone named before.
                self.d.unnamed(who, gender_of(nobody.group()))
                if who is None:
                    continue
                start = at
            found.append(_Opening(who, v, start, fixed_end, rule))
            self.d.subject(who)
            previous, prev_end = who, v.span.end
        # Pass 2: each clause runs to the next statement's start.
        for k, op in enumerate(found):
            end = op.end
            if end is None:
                nxt = found[k + 1] if k + 1 < len(found) else None
                cut = None if nxt is None else nxt.start
                if nxt is not None and nxt.start <= op.verb.span.end:
                    cut = nxt.verb.span.start
                end = self.clause_end(op.verb.span.end, cut)
            self.add(op.who, op.verb, op.start, end, op.rule)
        return self.out

    def last_word(self, v: _Verb) -> _Opening | None:
        """ "<content>, X said [on May 26].": the attribution that ends the sentence, as one
        opening over the whole content (None when `v` is no such attribution)."""
        np = self.d.at_end(self.doc, self.s.start, v.span.start)
        if np is None:
            return None
        who, np_start = np
        span = self.trailing(v, self.s.start, np_start, 0)
        if span is None:
            return None
        return _Opening(who, v, span[0], span[1], f"attribution after the content ({who.how})")

    def inverted(self, v: _Verb, left: str, first: bool) -> tuple[Who, int, int] | None:
        """ "“We agreed ...,” said EU Special Envoy Maria Lopez." / "“...,” stressed the
        minister." / "France will help ..., said Minister X.": the speaker follows the verb
        (after a paraphrase only when it opens the sentence and is a clause of its own)."""
        quoted = re.search(r"[,.!?]?[”\"]\s*,?\s*$", left) is not None
        paraphrase = (
            first
            and v.text.lower() in _SAYING
            and left.rstrip().endswith(",")
            and len(left.split()) >= 5
        )
        if not (quoted or paraphrase) or v.participle:
            return None
        found = self.d.at_start(self.doc, v.span.end, self.s.end)
        if found is None:
            return None
        who, np_end = found
        if self.doc[np_end : self.s.end].strip(" .,;") and not _TRAILING_START.match(
            self.doc[np_end : self.s.end]
        ):
            return None
        return (
            who,
            self.s.start,
            self.s.start + len(self.doc[self.s.start : v.span.start].rstrip().rstrip(",")),
        )

    def narrated(self) -> None:
        """ "Macron arrived in Hanoi on Monday. He said ...": a person who is the subject of a
        sentence that reports no speech is who the next "he" or "she" most likely is."""
        start = self.skip_dateline(self.s.start)
        if start == self.s.start:
            start = self.clause_start()
        np = self.d.at_start(self.doc, start, self.s.end)
        if np is not None and not np[0].joint and np[0].speaker.type == "person":
            self.d.subject(np[0])

    def clause_start(self) -> int:
        """Start of the main clause: after a leading adverbial phrase ("On defence, ")."""
        m = re.match(
            r"(?:(?:On|In|At|During|Regarding|Following|After|Before|Beyond|Amid|As|For|With|Additionally|Meanwhile|Building on)\b[^,]{0,120},\s*)",
            self.s.text,
        )
        return self.s.start + (m.end() if m else 0)

    def agent_end(self, v: _Verb) -> int:
        stop = self.doc.find(",", v.span.end, self.s.end)
        return self.s.end if stop == -1 else stop

    def main_subject(self, v: _Verb) -> tuple[Who, int] | None:
        """For "Congratulating ..., X said": X, and the comma that ends the participle clause."""
        pos = v.span.end
        while True:
            comma = self.doc.find(",", pos, self.s.end)
            if comma == -1:
                return None
            found = self.d.at_start(self.doc, comma + 1, self.s.end)
            if found:
                return found[0], comma
            pos = comma + 1

    def trailing(
        self, v: _Verb, left_start: int, np_start: int, index: int
    ) -> tuple[int, int] | None:
        """ "<content>, X said [on May 26]." : the content span, when the attribution comes last."""
        if index != 0:
            return None
        before = self.doc[left_start:np_start].rstrip()
        # "“We are ready ...,” she said": a closing quotation mark ends the content, which keeps
        # its quotation marks (the quote is the speaker's words, opened and closed).
        quoted = re.search(r"[,.!?][”\"]$", before) is not None
        if not (before.endswith(",") or quoted) or len(before.split()) < 3:
            return None
        if not quoted and len(before.split()) < 5:
            return None
        after = v.span.end
        addressee = self.addressee(v)
        if addressee is not None:
            m = next(
                (m for m in self.mentions_in(after, self.s.end) if m.actor.id == addressee.id), None
            )
            if m is not None:
                after = m.span.end
        rest = self.doc[after : self.s.end]
        if not (_TRAILING_START.match(rest) or (quoted and _SHORT_OBJECT.match(rest))):
            return None
        return self.s.start, left_start + len(before) - (0 if quoted else 1)

    def agents(self, v: _Verb) -> Who | None:
        """ ", announced by both X and Y": the agents after "by"."""
        by = self.doc.find("by ", v.span.end, self.s.end) + 3
        stop = self.doc.find(",", by, self.s.end)
        stop = self.s.end if stop == -1 else stop
        found = self.d.at_start(self.doc, by, stop)
        if found is None:
            tail = re.match(r"\s*both\s+", self.doc[by:stop])
            if tail:
                found = self.d.at_start(self.doc, by + tail.end(), stop)
        return found[0] if found else None

    def _source(self, m: re.Match[str]) -> tuple[Who, int] | None:
        """Who "according to X" names: an actor, the event's organisers, or someone unnamed."""
        a, b = self.s.start + m.start("np"), self.s.start + m.end("np")
        # "according to a statement from the Élysée": the source is who issued it.
        issued = _ISSUED_BY.match(self.doc, a, b)
        if issued:
            a = issued.end()
        np = self.d.at_start(self.doc, a, b)
        if np is not None:
            return np
        pron = re.fullmatch(r"\s*(her|him)\s*", self.doc[a:b])
        if pron:  # "According to her, ...": the woman the pronoun refers to, as "She said"
            said = self.d.pronoun("she" if pron.group(1) == "her" else "he", a)
            return (said, b) if said else None
        who = organisers(self.doc, m.group("np"), self.s.start, self.d.mentions)
        who = who or unnamed(m.group("np"))
        return (who, b) if who else None

    def outlet_reported(self) -> bool:
        """ "The contract could be worth ..., the newspaper Đầu Tư reported." is the outlet's
        claim, as "according to" is; a sentence that reports someone's words ("Tuấn urged ...,
        VNA reported") stays theirs, and "reported" after anything but an outlet is no speech
        ("two cases were reported")."""
        m = _REPORTED_TRAIL.search(self.s.text)
        if m is None or _verbs(self.s):
            return False
        a, b = self.s.start + m.start("np"), self.s.start + m.end("np")
        outlets = [x for x in self.mentions_in(a, b) if x.actor.type == "media"]
        if not outlets or self.doc[outlets[-1].span.end : b].strip():
            return False
        verb = _Verb(Span(a, self.s.start + m.end()), "affirm", "reported")
        who = Who(outlets[-1].actor, (), "named")
        self.add(
            who,
            verb,
            self.s.start,
            self.s.start + m.start(),
            "an outlet's report after the content",
        )
        return True

    def according(self) -> bool:
        """ "According to X, ..." / "..., according to X." attributes the whole sentence."""
        m = _ACCORDING_LEAD.match(self.s.text)
        np = self._source(m) if m else None
        if m and np is None:
            # "According to Director of the Department of Culture, Sports and Tourism X, ...":
            # an office with a list in it reaches past the first comma.
            for longer in _ACCORDING_LONG.finditer(self.s.text, m.end()):
                if longer.end() - m.end() > 120:
                    break
                wide = re.match(
                    r"[Aa]ccording to (?P<np>.{2,240}),\s*", self.s.text[: longer.end()]
                )
                np = self._source(wide) if wide else None
                if np:
                    m = wide
                    break
        if m and np:
            verb = _Verb(Span(self.s.start, self.s.start + 12), "affirm", "according to")
            self.add(
                np[0],
                verb,
                self.s.start + m.end(),
                self.s.end,
                "'according to' before the content",
            )
            return True
        if self.outlet_reported():
            return True
        m = _ACCORDING_TRAIL.search(self.s.text)
        if m:
            np = self._source(m)
            if np:
                verb = _Verb(
                    Span(self.s.start + m.start(), self.s.start + m.end()), "affirm", "according to"
                )
                self.add(
                    np[0],
                    verb,
                    self.s.start,
                    self.s.start + m.start(),
                    "'according to' after the content",
                )
                return True
        return False


def find_statements(
    doc: str, sentences: list[Sentence], discourse: Discourse
) -> list[DraftStatement]:
    """Every attributable statement of the body, in reading order."""
    out: list[DraftStatement] = []
    last: Who | None = None
    discourse.learn(doc, {s.index: (s.start, s.end) for s in sentences})
    for s in sentences:
        reader = _SentenceReader(doc, s, discourse, last)
        found = reader.read()
        if found:
            last = found[-1].who
        else:
            reader.narrated()
        out += found
    return continue_quotes(sentences, out)
