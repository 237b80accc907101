"""`scripts/evaluate_extraction.py --diagnose`: counts of why gold events were missed, and
never an id or a word of the articles (it is printed for the blind sets)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import load_script

MENU = "Home | World | Business | Zorblat Sports\n"
TEXT = (
    MENU + "Qwerty headline about the Zorblat delegation in the capital\n"
    "HANOI — The Zorblat delegation arrived on Monday and held talks with Plimf officials.\n"
    "The two sides also opened a Frobnitz exhibition of paintings on Tuesday evening.\n"
    "Delegates later praised the Quux harbour during a long visit there last year.\n"
)


@pytest.fixture(scope="module")
def evaluation(repo: Path) -> Any:
    return load_script(repo / "scripts" / "evaluate_extraction.py")


def _at(words: str) -> list[tuple[int, int]]:
    start = TEXT.index(words)
    return [(start, start + len(words))]


def _event(module: Any, rid: str, kind: str, words: str) -> Any:
    return module.Record(rid, _at(words), {"event_type": kind})


def test_diagnosis_counts_why_each_gold_event_was_missed(evaluation: Any) -> None:
    e = evaluation
    golds = [
        _event(e, "ev-zorblat-talks", "talks", "held talks"),  # matched
        _event(e, "ev-zorblat-arrival", "meeting", "arrived"),  # drafted as a visit
        _event(e, "ev-frobnitz-show", "other", "Frobnitz exhibition"),  # draft elsewhere
        _event(e, "ev-quux-praise", "other", "praised the Quux harbour"),  # none; 'visit'
        _event(e, "ev-menu-sports", "other", "Zorblat Sports"),  # in the menu
    ]
    drafts = [
        _event(e, "d-talks", "talks", "talks with Plimf"),
        _event(e, "d-visit", "visit", "delegation arrived"),
        _event(e, "d-opening", "ceremony", "opened"),
    ]
    diagnosis = e.Diagnosis()
    diagnosis.add(TEXT, drafts, golds, [(0, len(MENU) - 1)])
    diagnosis.add(TEXT, [], [], [])  # an article without events
    diagnosis.add(TEXT, [], golds[:1], [])  # one whose only event is missed
    assert diagnosis.gold_types == {"talks": 2, "meeting": 1, "other": 3}
    assert diagnosis.draft_types == {"talks": 1, "visit": 1, "ceremony": 1}
    assert diagnosis.matched_types == {"talks": 1}
    assert (diagnosis.gold_spans, diagnosis.spans_in_furniture) == (6, 1)
    assert diagnosis.events_in_furniture == 1
    assert diagnosis.spans_not_prose == 1  # the menu line is not body prose
    assert diagnosis.missed == 5
    assert (diagnosis.wrong_type, diagnosis.same_sentence, diagnosis.no_candidate) == (1, 1, 3)
    assert diagnosis.no_candidate_types == {"other": 2, "talks": 1}
    assert diagnosis.not_prose == 1
    # the talks sentence (third article) and the visit sentence have a trigger; the menu none
    assert diagnosis.with_trigger == 2
    assert diagnosis.trigger_kinds == {"visit": 1, "talks": 1}
    assert diagnosis.recall_bins == {"1-49%": 1, "0%": 1}
    assert diagnosis.no_gold_events == 1

    report = diagnosis.report()
    assert "| other | 3 | 0 | 0 | 0.0% | 2 |" in report
    assert "no draft event in their sentence 3" in report
    assert "1-49%: 1" in report and "100%: 0" in report
    # counts only: no id and no word of the article
    for secret in ("zorblat", "frobnitz", "quux", "plimf", "qwerty", "harbour", "d-talks"):
        assert secret not in report.lower()


def test_diagnose_option_prints_the_counts_for_a_blind_set(
    evaluation: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The option reaches `evaluate` and prints the report after the set's table, also for an
    independent set (whose articles it must not name)."""
    seen: list[Any] = []

    def fake(
        data: Path,
        which: str,
        per_source: bool,
        diagnosis: Any = None,
        agreements: Any = None,
        statements: Any = None,
    ) -> Any:
        seen.append((which, diagnosis))
        golds = [_event(evaluation, "ev-quux-praise", "other", "praised the Quux harbour")]
        if diagnosis is not None:
            diagnosis.add(TEXT, [], golds, [])
        if agreements is not None:  # a gold agreement no draft has: a mechanism word
            council = evaluation.Record(
                "ag-zorblat-council", _at("Zorblat delegation arrived"), {"agreement_type": "x"}
            )
            agreements.add(TEXT.replace("delegation", "council"), [], [council])
        if statements is not None:
            statements.add(TEXT, *_statement_case(evaluation), frozenset())
        totals = {t: evaluation.Score() for t in evaluation.SCORED}
        return totals, ["build of the 1 accepted drafts beside the corpus: accepts all drafts"]

    monkeypatch.setattr(evaluation, "evaluate", fake)
    assert evaluation.main(["--set", "independent", "--diagnose"]) == 0
    out = capsys.readouterr().out
    assert seen and seen[0][0] == "independent"
    assert "### events diagnosis (counts only)" in out
    assert "| other | 1 | 0 | 0 | 0.0% | 1 |" in out
    assert "### agreements diagnosis (counts only)" in out
    assert "| x | 1 | 0 | 0 | 0.0% | 1 |" in out
    assert "words in their sentence: mechanism word 1" in out
    assert "### statements and actors diagnosis (counts only)" in out
    assert "quux" not in out.lower() and "zorblat" not in out.lower()
    assert evaluation.main(["--set", "independent"]) == 0
    assert seen[-1][1] is None and "events diagnosis" not in capsys.readouterr().out


def _statement_case(e: Any) -> tuple[dict[str, list[Any]], dict[str, list[Any]]]:
    """Gold: a person's statement drafted under another speaker, one of an unnamed speaker
    (drafted as `# DRAFT`), one with no draft at all; drafts: the wrong-speaker one and one
    where the gold has none. Actors: the person matched by name, a body the draft lacks, a
    draft state the gold lacks."""

    def actor(rid: str, kind: str, name: str) -> Any:
        return e.Record(rid, [], {"names": {name}, "country": None, "type": kind})

    def said(rid: str, who: str, words: str) -> Any:
        return e.Record(
            rid, _at(words), {"speaker_id": who, "co_speaker_ids": (), "statement_type": "x"}
        )

    golds = {
        "actors": [
            actor("zorblat-envoy", "person", "zorblat envoy"),
            actor("plimf", "government_body", "plimf"),
        ],
        "statements": [
            said("st-1", "zorblat-envoy", "held talks with Plimf officials"),
            said("st-2", "plimf", "opened a Frobnitz exhibition"),
            said("st-3", "zorblat-envoy", "praised the Quux harbour"),
        ],
    }
    recs = {
        "actors": [actor("d-envoy", "person", "zorblat envoy"), actor("d-quux", "state", "quux")],
        "statements": [
            said("d-st-1", "d-quux", "talks with Plimf"),
            said("d-st-2", "d-envoy", "Qwerty headline"),
        ],
        "unnamed": [e.Record("unnamed-0", _at("Frobnitz exhibition"), {})],
    }
    return recs, golds


def test_statement_diagnosis_counts_misses_and_unmatched_drafts(evaluation: Any) -> None:
    diagnosis = evaluation.StatementDiagnosis()
    recs, golds = _statement_case(evaluation)
    diagnosis.add(TEXT, recs, golds, frozenset())
    assert diagnosis.reasons == {
        "a speaker the gold does not hold": 1,
        "drafted as unnamed (# DRAFT)": 1,
        "no draft": 1,
    }
    assert diagnosis.speakers == {"person": 2, "government_body": 1}
    assert diagnosis.features == {"a reporting verb": 1}  # 'praised'
    assert diagnosis.extra == {
        "on a gold statement's words": 1,
        "no gold statement in its sentence": 1,
    }
    assert diagnosis.actors_missed == {"government_body (named in the text)": 1}
    assert diagnosis.actors_extra == {"state": 1}
    report = diagnosis.report().lower()
    for secret in ("zorblat", "frobnitz", "quux", "plimf", "qwerty", "d-st"):
        assert secret not in report
