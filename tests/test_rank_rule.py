"""The claim rule on its own: the ranks depend on the claims, never on their order.

Sources reach the rule in some order (publication date, file name, id); the
properties here say that order plays no part, for any claims on a date, a text
or a status, with or without a reviewer's choice, and that compatible claims
are never disputed.
"""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from vnfr_data.build.compare import EVENT_STAGES, Value, period_end
from vnfr_data.build.rank import Candidate, Outcome, rank

_DAYS = [datetime.date(2024, 10, d) for d in (7, 8, 9)]


@st.composite
def date_values(draw: st.DrawFn) -> Value:
    precision = draw(st.sampled_from(["day", "month", "year"]))
    day = draw(st.sampled_from(_DAYS))
    start = {
        "day": day,
        "month": day.replace(day=1),
        "year": datetime.date(2024, 1, 1),
    }[precision]
    return Value("date", (start, period_end(start, precision), precision))


_TEXTS = ["UNCLOS", "UNCLOS 1982", "unclos  1982", "Hanoi", "Paris", "EU–Vietnam", "EU-Vietnam"]
_MONTHS = [(2025, 1, 1, 2025, 12, 31), (2025, 5, 1, 2025, 5, 31), (2025, 6, 1, 2025, 6, 30)]


@st.composite
def status_values(draw: st.DrawFn) -> Value:
    status = draw(st.sampled_from(sorted(EVENT_STAGES)))
    y0, m0, d0, y1, m1, d1 = draw(st.sampled_from(_MONTHS))
    as_of = (datetime.date(y0, m0, d0), datetime.date(y1, m1, d1))
    return Value("status", (status, EVENT_STAGES), as_of=draw(st.sampled_from([as_of, None])))


@st.composite
def claim_sets(draw: st.DrawFn) -> list[Candidate]:
    kind = draw(st.sampled_from(["date", "text", "status"]))
    values = {
        "date": date_values(),
        "text": st.sampled_from(_TEXTS).map(lambda t: Value("text", t)),
        "status": status_values(),
    }[kind]
    n = draw(st.integers(1, 5))
    chosen = draw(st.none() | st.integers(0, n - 1))
    return [
        Candidate(
            source=f"s{i}",
            independence=draw(st.sampled_from(["Paper A", "Paper B", "Paper C", f"s{i}"])),
            value=draw(values),
            basis=draw(st.sampled_from(["stated", "inferred"])) if kind == "date" else None,
            choice="the reviewer's reason" if i == chosen else None,
        )
        for i in range(n)
    ]


def _by_source(cands: list[Candidate], outcome: Outcome) -> tuple[object, ...]:
    ranks = {c.source: outcome.ranks[i] for i, c in enumerate(cands)}
    shown = frozenset(cands[i].source for i in outcome.shown)
    return tuple(sorted(ranks.items())), shown, outcome.disputed


@given(claim_sets(), st.randoms(use_true_random=False))
def test_the_order_of_the_claims_never_decides(cands: list[Candidate], rnd: object) -> None:
    shuffled = list(cands)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert _by_source(shuffled, rank(shuffled)) == _by_source(cands, rank(cands))


@given(claim_sets())
def test_every_claim_gets_a_rank_and_the_shown_claims_agree(cands: list[Candidate]) -> None:
    outcome = rank(cands)
    assert len(outcome.ranks) == len(cands)
    assert {r.rank for r in outcome.ranks} <= {"preferred", "normal", "deprecated"}
    shown = [cands[i].value for i in outcome.shown]
    assert all(v.same(shown[0]) for v in shown)  # one value is shown, or none
    assert [i for i, r in enumerate(outcome.ranks) if r.rank == "preferred"] == outcome.shown
    if not outcome.shown:  # nothing decides: no claim is preferred or deprecated, and the
        # claims left in contention are unresolved (an inferred date gave way to stated ones first)
        assert {r.rank for r in outcome.ranks} == {"normal"}
        reasons = [r.reason for r in outcome.ranks]
        assert "unresolved" in reasons and set(reasons) <= {"unresolved", "inferred"}
        stated = any(c.basis == "stated" for c in cands)
        for c, reason in zip(cands, reasons, strict=True):
            assert (reason == "inferred") == (stated and c.basis == "inferred")


@given(claim_sets())
def test_compatible_claims_are_no_dispute(cands: list[Candidate]) -> None:
    compatible = all(a.value.compatible(b.value) for a in cands for b in cands)
    assert rank(cands).disputed is not compatible
    if compatible and all(c.choice is None for c in cands):
        assert rank(cands).shown, "compatible claims always show one of them"
