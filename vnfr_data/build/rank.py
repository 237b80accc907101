"""The one ordered rule that decides which claim a row shows, and why each claim has its rank.

Given every source's claim on one field of one record (a date with its
precision and basis counts as one claim), the first step that decides wins:

1. a reviewer's explicit choice in the annotations (`preferred:` with a reason):
   that claim is *preferred* (`reviewer_choice`); claims incompatible with it
   are *deprecated* (`reviewer_rejected`), compatible ones *normal*
   (`less_precise` or `earlier_status` when the choice refines them, else
   `not_chosen`);
2. every claim says the same thing (after normalisation): all *preferred*
   (`only_claim` for a single source, else `agreed`);
3. a stated date beats an inferred one: inferred claims are *normal*
   (`inferred`), the others go on (a date whose source does not say how it
   knows it is not an inference);
4. when every remaining claim is compatible with every other, the one that
   refines them all is *preferred* (`more_precise`; for a status, the latest
   stage: `latest_status`); the others are *normal* (`less_precise`,
   `earlier_status`); when they all say the same thing: `stated`;
5. the value given by the most independent sources (sources of one publisher
   count once) is *preferred* (`most_sources`); the others *normal*
   (`fewer_sources`);
6. otherwise nothing is shown: every remaining claim is *normal*
   (`unresolved`).

Neither publication order nor source ids take part: the same claims give the
same ranks whatever their order, dates of publication or ids (tests swap them).
A field is *disputed* when two of its claims are incompatible, whether or not
a step above resolves it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .compare import Value, chain_top


@dataclass(frozen=True)
class Candidate:
    """One source's claim on one field (or date) of a record, as the rule sees it."""

    source: str
    #: Sources of one publisher are not independent: they share this key.
    independence: str
    value: Value
    #: stated | inferred for a date, else None.
    basis: str | None = None
    #: The reviewer's reason when this source's claim is preferred in the annotations.
    choice: str | None = None


@dataclass(frozen=True)
class Ranked:
    rank: str  # preferred | normal | deprecated
    reason: str
    reason_note: str | None = None


@dataclass(frozen=True)
class Outcome:
    ranks: list[Ranked]
    #: Indices of the preferred claims (all say the same thing); empty when unresolved.
    shown: list[int]
    disputed: bool


def _losing_reason(kind: str) -> str:
    return "earlier_status" if kind == "status" else "less_precise"


def _winning_reason(kind: str) -> str:
    return "latest_status" if kind == "status" else "more_precise"


def rank(cands: list[Candidate]) -> Outcome:
    """Ranks and reasons for every claim on one field (see the module docstring)."""
    n = len(cands)
    disputed = any(
        not cands[i].value.compatible(cands[j].value) for i in range(n) for j in range(i + 1, n)
    )
    ranks: list[Ranked | None] = [None] * n

    def done(shown: list[int]) -> Outcome:
        final = [r for r in ranks if r is not None]
        assert len(final) == n, "every claim is ranked"
        return Outcome(final, shown, disputed)

    def prefer(indices: list[int], reason: str, note: str | None = None) -> Outcome:
        for i in indices:
            ranks[i] = Ranked("preferred", reason, note)
        return done(indices)

    chosen = [i for i, c in enumerate(cands) if c.choice is not None]
    if chosen:
        top = cands[chosen[0]]
        note = top.choice
        winners = [i for i, c in enumerate(cands) if c.value.same(top.value)]
        for i, c in enumerate(cands):
            if i in winners:
                continue
            if top.value.refines(c.value):
                ranks[i] = Ranked("normal", _losing_reason(c.value.kind), note)
            elif c.value.refines(top.value):
                ranks[i] = Ranked("normal", "not_chosen", note)
            else:
                ranks[i] = Ranked("deprecated", "reviewer_rejected", note)
        return prefer(winners, "reviewer_choice", note)
    if all(c.value.same(cands[0].value) and c.basis == cands[0].basis for c in cands):
        return prefer(list(range(n)), "only_claim" if n == 1 else "agreed")
    live = list(range(n))
    stated = [i for i in live if cands[i].basis == "stated"]
    inferred = [i for i in live if cands[i].basis == "inferred"]
    if stated and inferred:
        # Only an inferred claim gives way: one that does not say how it knows its date
        # is no inference, and goes on beside the stated ones.
        for i in inferred:
            ranks[i] = Ranked("normal", "inferred")
        live = [i for i in live if i not in inferred]
    values = [cands[i].value for i in live]
    best = chain_top(values)
    if best is not None:
        winners = [i for i in live if cands[i].value.same(best)]
        if len(winners) == len(live):
            return prefer(winners, "stated" if len(live) < n else "agreed")
        for i in live:
            if i not in winners:
                ranks[i] = Ranked("normal", _losing_reason(best.kind))
        return prefer(winners, _winning_reason(best.kind))
    support: dict[object, set[str]] = {}
    for i in live:
        support.setdefault(cands[i].value.key(), set()).add(cands[i].independence)
    counts = sorted((len(s) for s in support.values()), reverse=True)
    if len(counts) > 1 and counts[0] > counts[1]:
        top_key = next(k for k, s in support.items() if len(s) == counts[0])
        winners = [i for i in live if cands[i].value.key() == top_key]
        for i in live:
            if i not in winners:
                ranks[i] = Ranked("normal", "fewer_sources")
        return prefer(winners, "most_sources")
    for i in live:
        ranks[i] = Ranked("normal", "unresolved")
    return done([])
