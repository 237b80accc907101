"""Claims with ranks and reasons: which claim a row shows is decided by one stated rule.

The sixth source of these tests is an article written for them: it dates the
Paris talks of To Lam and Emmanuel Macron 7 October 2024, where seed 004 says
8 October. Every scenario is built four times, with the new source's id sorting
before and after 004's and its publication date before and after 004's: the
outcome must not change (publication order and ids are no reasons).
"""

from __future__ import annotations

import datetime
import itertools
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from claims_helpers import PARIS_TALKS, SEED_004, add_source, talks_article, talks_claim

from vnfr_data import load
from vnfr_data.build import build_tables
from vnfr_data.build.compare import AGREEMENT_STAGES, EVENT_STAGES, Value, normal_text
from vnfr_data.cli import main as cli_main
from vnfr_data.errors import ProblemsFound
from vnfr_data.publish import publish, render
from vnfr_data.review.show import show_source
from vnfr_data.validate import validate

#: (id sorting before 004's, after it) x (published before 004's 2024-10-09, after it).
LOW, HIGH = "0000000000000006", "ffff000000000006"
ORDERS = list(itertools.product((LOW, HIGH), ("2024-10-08", "2024-10-10")))


def _rows(tables: dict[str, Any], name: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = tables[name].to_pylist()
    return rows


def _talks(tables: dict[str, Any]) -> dict[str, Any]:
    return next(e for e in _rows(tables, "events") if e["event_id"] == PARIS_TALKS)


def _date_claims(tables: dict[str, Any], new: set[str]) -> set[tuple[Any, ...]]:
    """The date claims on the talks, with sources named by their role, not their id."""
    return {
        (
            "004" if c["source_id"] == SEED_004 else ("new" if c["source_id"] in new else "other"),
            c["value"],
            c["note"],
            c["rank"],
            c["reason"],
            c["reason_note"],
            c["disputed"],
        )
        for c in _rows(tables, "claims")
        if c["record_id"] == PARIS_TALKS and c["field"] == "date_start"
    }


def _outcome(data: Path, sources: list[dict[str, Any]]) -> tuple[Any, ...]:
    result = build_tables(data)
    row = _talks(result.tables)
    shown = tuple(
        row[k] for k in ("date_start", "date_end", "date_precision", "date_basis", "date_note")
    )
    new = {s["id"] for s in sources}
    return shown, tuple(row["disputed_fields"]), _date_claims(result.tables, new)


def _scenario(data: Path, sources: list[dict[str, Any]]) -> tuple[Any, ...]:
    for i, s in enumerate(sources):
        add_source(
            data,
            s["id"],
            talks_article(s["day"], s["published"], s.get("words", "on")),
            published=s["published"],
            publisher=s.get("publisher"),
            number=5 + i,
            events=[talks_claim(s["day"], **s.get("claim", {}))],
        )
    return _outcome(data, sources)


def _each_order(tmp_path: Path, data_copy: Path, make: Any) -> list[tuple[Any, ...]]:
    """The scenario `make(sid, published)` under every id order and publication order."""
    import shutil

    outcomes = []
    for n, (sid, published) in enumerate(ORDERS):
        data = tmp_path / f"order{n}"
        shutil.copytree(data_copy, data)
        outcomes.append(_scenario(data, make(sid, published)))
    return outcomes


def test_the_sixth_source_makes_the_date_of_the_paris_talks_disputed(
    tmp_path: Path, data_copy: Path
) -> None:
    outcomes = _each_order(
        tmp_path, data_copy, lambda sid, pub: [{"id": sid, "published": pub, "day": 7}]
    )
    assert all(o == outcomes[0] for o in outcomes), "publication order or ids decided"
    shown, disputed, claims = outcomes[0]
    # Both stated, both to the day, one independent source each: nothing decides.
    assert shown == (None, None, "unknown", "unknown", None)
    assert {"date_start", "date_end", "date_precision", "date_basis"} <= set(disputed)
    assert claims == {
        ("004", "2024-10-08", None, "normal", "unresolved", None, True),
        (
            "new",
            "2024-10-07",
            "stated: the report dates the talks October 7, 2024",
            "normal",
            "unresolved",
            None,
            True,
        ),
    }


def test_the_disputed_row_validates_and_show_marks_it(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _scenario(data_copy, [{"id": HIGH, "published": "2024-10-10", "day": 7}])
    publish(render(build_tables(data_copy)), data_copy)
    report = validate(data_copy, run_frictionless=False)
    assert [str(p) for p in report.problems] == []
    assert show_source(HIGH, data_copy) == 0
    out = capsys.readouterr().out
    assert "date_start=? [DISPUTED]" in out
    assert f"2024-10-07 ({HIGH}: normal, unresolved)" in out
    assert f"2024-10-08 ({SEED_004}: normal, unresolved)" in out
    # The command line names the package as `build` and `site` do (`--data`; `--path` too).
    for option in ("--data", "--path"):
        assert cli_main(["show", option, str(data_copy), HIGH]) == 0
        assert "date_start=? [DISPUTED]" in capsys.readouterr().out
    ds = load(data_copy)
    talks = ds.events.get(PARIS_TALKS)
    assert talks is not None and set(talks.source_ids) >= {SEED_004, HIGH}
    assert "date_start" in talks.disputed_fields
    # Statements dated only by these talks lose that date with them, and say why.
    at_talks = [s for s in ds.statements if s.event_id == PARIS_TALKS and s.date is None]
    assert at_talks
    assert all(s.date_note and "is disputed" in s.date_note for s in at_talks)


@pytest.mark.parametrize(
    ("scenario", "expected_shown", "expected_reasons"),
    [
        # An inferred 7 October loses to 004's stated 8 October, and says why.
        (
            [{"day": 7, "claim": {"basis": "inferred"}}],
            (datetime.date(2024, 10, 8), "stated"),
            {"004": ("preferred", "stated"), "new": ("normal", "inferred")},
        ),
        # "October 2024" is compatible with 8 October: the day is shown, as more precise.
        (
            [{"day": 7, "claim": {"precision": "month"}}],
            (datetime.date(2024, 10, 8), "stated"),
            {"004": ("preferred", "more_precise"), "new": ("normal", "less_precise")},
        ),
        # Two independent sources say 7 October against one: the majority is shown.
        (
            [{"day": 7, "publisher": "Paper A"}, {"day": 7, "publisher": "Paper B"}],
            (datetime.date(2024, 10, 7), "stated"),
            {"004": ("normal", "fewer_sources"), "new": ("preferred", "most_sources")},
        ),
        # Two sources of one publisher are not independent: still one against one.
        (
            [{"day": 7, "publisher": "Paper A"}, {"day": 7, "publisher": "Paper  a"}],
            (None, "unknown"),
            {"004": ("normal", "unresolved"), "new": ("normal", "unresolved")},
        ),
    ],
    ids=["stated-over-inferred", "more-precise", "most-sources", "same-publisher"],
)
def test_each_step_of_the_rule_whatever_the_order(
    tmp_path: Path,
    data_copy: Path,
    scenario: list[dict[str, Any]],
    expected_shown: tuple[Any, ...],
    expected_reasons: dict[str, tuple[str, str]],
) -> None:
    def make(sid: str, published: str) -> list[dict[str, Any]]:
        # Extra sources take ids next to the first, on the same side of 004's.
        return [
            {"id": sid[:-1] + str(6 + i), "published": published, **s}
            for i, s in enumerate(scenario)
        ]

    outcomes = _each_order(tmp_path, data_copy, make)
    assert all(o == outcomes[0] for o in outcomes), "publication order or ids decided"
    shown, _disputed, claims = outcomes[0]
    assert (shown[0], shown[3]) == expected_shown
    assert {who: (rank, reason) for who, _v, _n, rank, reason, _r, _d in claims} == (
        expected_reasons
    )


def test_a_reviewer_choice_decides_with_its_reason(tmp_path: Path, data_copy: Path) -> None:
    reason = "the new report was written from the official readout"
    outcomes = _each_order(
        tmp_path,
        data_copy,
        lambda sid, pub: [
            {"id": sid, "published": pub, "day": 7, "claim": {"preferred": {"date_start": reason}}}
        ],
    )
    assert all(o == outcomes[0] for o in outcomes)
    shown, disputed, claims = outcomes[0]
    seventh = datetime.date(2024, 10, 7)
    assert shown[:4] == (seventh, seventh, "day", "stated")
    assert "date_start" in disputed  # still disputed: the sources do disagree
    ranks = {who: (rank, why, note) for who, _v, _n, rank, why, note, _d in claims}
    assert ranks == {
        "new": ("preferred", "reviewer_choice", reason),
        "004": ("deprecated", "reviewer_rejected", reason),
    }


@pytest.mark.parametrize(
    ("preferred", "message"),
    [
        ({"event_type": "it is a summit"}, "is not a field whose claims can be ranked"),
        ({"location": "named in the headline"}, "this source gives no location"),
        ({"title": "ours is better"}, "this source gives no title"),
    ],
)
def test_a_choice_that_prefers_nothing_is_an_error_at_its_line(
    data_copy: Path, preferred: dict[str, str], message: str
) -> None:
    path = add_source(
        data_copy,
        HIGH,
        talks_article(7, "2024-10-10"),
        published="2024-10-10",
        events=[talks_claim(7, preferred=preferred)],
    )
    with pytest.raises(ProblemsFound) as info:
        build_tables(data_copy)
    [problem] = [p for p in info.value.problems if p.code == "bad-choice"]
    assert message in problem.message
    assert problem.file is not None and problem.file.endswith(path.name)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert problem.row is not None and next(iter(preferred)) in lines[problem.row - 1]


def test_a_choice_where_only_one_source_speaks_is_an_error(data_copy: Path) -> None:
    path = add_source(
        data_copy,
        HIGH,
        talks_article(7, "2024-10-10"),
        published="2024-10-10",
        events=[
            {
                "id": "ev-2024-10-07-test-only-here",
                "type": "talks",
                "title": "Talks reported only here",
                "status": "occurred",
                "preferred": {"status": "nobody else says"},
                "evidence": ["held talks in Paris", "The two sides discussed trade"],
            }
        ],
    )
    with pytest.raises(ProblemsFound) as info:
        build_tables(data_copy)
    [problem] = [p for p in info.value.problems if p.code == "bad-choice"]
    assert "nothing to choose" in problem.message and str(problem.file).endswith(path.name)


# -- identity is not a claim ----------------------------------------------------------------


def _reused_statement(data: Path, speaker: str) -> Path:
    statements = yaml.safe_load(
        (data / "annotations" / "9ffa17363db973bd.yaml").read_text(encoding="utf-8")
    )["statements"]
    existing = statements[0]
    return add_source(
        data,
        HIGH,
        talks_article(8, "2024-10-10"),
        published="2024-10-10",
        events=[talks_claim(8)],
        statements=[
            {
                "id": existing["id"],
                "speaker": speaker,
                "type": existing["type"],
                "quote_kind": "paraphrase",
                "evidence": ["The two sides discussed trade and climate cooperation."],
            }
        ],
    )


def test_a_reused_statement_id_with_another_speaker_is_an_error(data_copy: Path) -> None:
    path = _reused_statement(data_copy, "emmanuel-macron")
    with pytest.raises(ProblemsFound) as info:
        build_tables(data_copy)
    [clash] = [p for p in info.value.problems if p.code == "identity-clash"]
    assert clash.field == "speaker_id" and clash.value == "emmanuel-macron"
    assert str(clash.file).endswith(path.name)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert clash.row is not None and lines[clash.row - 1].strip() == "speaker: emmanuel-macron"
    assert re.search(r"[0-9a-f]{16}\.yaml line \d+", clash.message)  # the other file and line
    assert clash.expected is not None and "mint a new id" in clash.expected


def test_the_same_speaker_under_a_reused_id_adds_evidence(data_copy: Path) -> None:
    statements = yaml.safe_load(
        (data_copy / "annotations" / "9ffa17363db973bd.yaml").read_text(encoding="utf-8")
    )["statements"]
    _reused_statement(data_copy, statements[0]["speaker"])
    tables = build_tables(data_copy).tables
    row = next(s for s in _rows(tables, "statements") if s["statement_id"] == statements[0]["id"])
    assert HIGH in row["source_ids"]


def test_an_event_of_another_type_under_a_known_id_is_an_error(data_copy: Path) -> None:
    add_source(
        data_copy,
        HIGH,
        talks_article(8, "2024-10-10"),
        published="2024-10-10",
        events=[talks_claim(8, type="summit")],
    )
    with pytest.raises(ProblemsFound) as info:
        build_tables(data_copy)
    assert [(p.code, p.field) for p in info.value.problems] == [("identity-clash", "event_type")]


def test_the_same_id_twice_in_one_file_names_both_lines(data_copy: Path) -> None:
    path = add_source(
        data_copy,
        HIGH,
        talks_article(8, "2024-10-10"),
        published="2024-10-10",
        events=[talks_claim(8), talks_claim(8, basis="inferred")],
    )
    with pytest.raises(ProblemsFound) as info:
        build_tables(data_copy)
    [dup] = [p for p in info.value.problems if p.code == "duplicate-id"]
    lines = path.read_text(encoding="utf-8").splitlines()
    first, second = [n for n, line in enumerate(lines, 1) if PARIS_TALKS in line]
    assert dup.row == second and f"lines {first} and {second}" in dup.message
    assert str(dup.file).endswith(path.name)


def test_a_key_given_twice_in_one_record_is_an_error(data_copy: Path) -> None:
    path = add_source(
        data_copy, HIGH, talks_article(8, "2024-10-10"), published="2024-10-10", events=[]
    )
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  title:", "  title: first\n  title:"), encoding="utf-8")
    with pytest.raises(ProblemsFound) as info:
        build_tables(data_copy)
    [problem] = info.value.problems
    assert problem.code == "yaml-error" and "appears twice" in problem.message


# -- unknown is not a claim -----------------------------------------------------------------


def test_unknown_never_overrides_a_known_value(data_copy: Path) -> None:
    # What a draft that cannot date the talks would once write: a newer source, no date.
    add_source(
        data_copy,
        HIGH,
        talks_article(8, "2024-10-10"),
        published="2024-10-10",  # newer than 004, which dates the talks 8 October
        events=[
            {
                "id": PARIS_TALKS,
                "date_precision": "unknown",
                "date_basis": "unknown",
                "status": "occurred",
                "evidence": ["held talks in Paris"],
            }
        ],
    )
    tables = build_tables(data_copy).tables
    talks = _talks(tables)
    assert (talks["date_start"], talks["date_precision"], talks["date_basis"]) == (
        datetime.date(2024, 10, 8),
        "day",
        "stated",
    )
    assert talks["disputed_fields"] == [] and HIGH in talks["source_ids"]
    dated = {
        c["source_id"]
        for c in _rows(tables, "claims")
        if c["record_id"] == PARIS_TALKS and c["field"].startswith("date")
    }
    assert dated == {SEED_004}


def test_unknown_where_the_vocabulary_has_none_says_to_leave_it_out(data_copy: Path) -> None:
    path = add_source(
        data_copy,
        HIGH,
        talks_article(8, "2024-10-10"),
        published="2024-10-10",
        events=[talks_claim(8)],
        agreements=[
            {
                "id": "ag-evfta",
                "type": "free_trade_agreement",
                "status": "unknown",  # what a draft that cannot tell once wrote
                "evidence": ["trade and climate cooperation"],
            }
        ],
    )
    with pytest.raises(ProblemsFound) as info:
        build_tables(data_copy)
    [problem] = info.value.problems
    assert "'unknown' is not a claim: leave status out" in problem.message
    assert str(problem.file).endswith(path.name) and problem.field == "agreements.0.status"


# -- agreement status as reported over time ----------------------------------------------------


def test_evipa_status_is_recorded_per_source_at_its_date() -> None:
    ds = load()
    dates = {s.source_id: (s.published_date, s.published_date_precision) for s in ds.sources}
    reports = sorted(
        (dates[c.source_id], c.value, c.rank)
        for c in ds.claims
        if c.record_id == "ag-evipa" and c.field == "status" and dates[c.source_id][0]
    )
    assert [(d, v) for d, v, _ in reports] == [
        ((datetime.date(2024, 10, 9), "day"), "awaiting_ratification"),
        ((datetime.date(2025, 5, 1), "month"), "awaiting_ratification"),
    ]
    assert all(rank == "preferred" for _, _, rank in reports)


# -- what compatible means ------------------------------------------------------------------


def test_dash_and_quote_variants_are_one_text() -> None:
    assert normal_text("EU–Vietnam") == normal_text("EU-Vietnam") == normal_text("eu—vietnam")
    assert normal_text("Vietnam’s “bamboo”") == normal_text('Vietnam\'s "bamboo"')
    assert Value("text", "EU–Vietnam FTA").same(Value("text", "EU-Vietnam  FTA"))


def test_a_text_refines_another_by_adding_words() -> None:
    short, long = Value("text", "UNCLOS"), Value("text", "UNCLOS 1982")
    assert long.refines(short) and not short.refines(long) and short.compatible(long)
    assert not Value("text", "UNCLOS").compatible(Value("text", "UNCLOSED 1982"))  # whole words
    assert not Value("text", "Paris").compatible(Value("text", "Hanoi"))


def test_a_day_refines_its_month_but_not_another_day() -> None:
    def date(start: str, end: str, precision: str) -> Value:
        d = datetime.date.fromisoformat
        return Value("date", (d(start), d(end), precision))

    day = date("2024-10-08", "2024-10-08", "day")
    month = date("2024-10-01", "2024-10-31", "month")
    assert day.refines(month) and day.compatible(month)
    assert not day.compatible(date("2024-10-07", "2024-10-07", "day"))
    assert not date("2024-11-08", "2024-11-08", "day").compatible(month)
    # One day inside a three-day span is not a refinement: both are to the day.
    assert not day.compatible(date("2024-10-07", "2024-10-09", "day"))


def test_status_reports_fit_one_history_only_in_time_order() -> None:
    d = datetime.date

    def status(value: str, start: datetime.date, end: datetime.date) -> Value:
        return Value("status", (value, EVENT_STAGES), as_of=(start, end))

    planned_2025 = status("planned", d(2025, 1, 1), d(2025, 12, 31))
    ongoing_may = status("ongoing", d(2025, 5, 1), d(2025, 5, 31))
    assert ongoing_may.refines(planned_2025) and planned_2025.compatible(ongoing_may)
    occurred_may = status("occurred", d(2025, 5, 1), d(2025, 5, 31))
    planned_june = status("planned", d(2025, 6, 1), d(2025, 6, 30))
    assert not planned_june.compatible(occurred_may)  # planned again after it happened
    assert not status("cancelled", d(2025, 6, 1), d(2025, 6, 1)).compatible(occurred_may)
    signed = Value("status", ("signed", AGREEMENT_STAGES))
    assert Value("status", ("in_force", AGREEMENT_STAGES)).refines(signed)  # undated: fits
    assert not Value("status", ("handed_over", AGREEMENT_STAGES)).compatible(signed)


# -- spellings of one value -----------------------------------------------------------------


TALKS_TITLE = "Talks between To Lam and Emmanuel Macron in Paris"


@pytest.mark.parametrize(
    ("variants", "shown"),
    [
        # One source against 004: a tie, decided by the words (code-point order: "T" < "t").
        (["talks between To Lam and Emmanuel Macron in Paris"], TALKS_TITLE),
        # Two independent sources against 004: the spelling most of them write.
        (
            ["talks between To Lam and Emmanuel Macron in Paris"] * 2,
            "talks between To Lam and Emmanuel Macron in Paris",
        ),
    ],
    ids=["tie", "majority"],
)
def test_the_spelling_shown_never_depends_on_source_ids(
    tmp_path: Path, data_copy: Path, variants: list[str], shown: str
) -> None:
    import shutil

    titles = set()
    for n, sid in enumerate((LOW, HIGH)):
        data = tmp_path / f"ids{n}"
        shutil.copytree(data_copy, data)
        for i, title in enumerate(variants):
            add_source(
                data,
                sid[:-1] + str(6 + i),
                talks_article(8, "2024-10-10"),
                published="2024-10-10",
                publisher=f"Paper {i}",
                number=5 + i,
                events=[talks_claim(8, title=title)],
            )
        tables = build_tables(data).tables
        talks = _talks(tables)
        assert "title" not in talks["disputed_fields"]  # a spelling is no dispute
        titles.add(talks["title"])
    assert titles == {shown}


def test_a_hyphen_for_an_en_dash_is_the_same_name_whatever_the_id(
    tmp_path: Path, data_copy: Path
) -> None:
    import shutil

    names = set()
    for n, sid in enumerate((LOW, HIGH)):
        data = tmp_path / f"ids{n}"
        shutil.copytree(data_copy, data)
        add_source(
            data,
            sid,
            talks_article(8, "2024-10-10"),
            published="2024-10-10",
            events=[talks_claim(8)],
            agreements=[
                {
                    "id": "ag-evipa",
                    "name": "EU-Vietnam Investment Protection Agreement",  # a hyphen
                    "evidence": ["trade and climate cooperation"],
                }
            ],
        )
        tables = build_tables(data).tables
        (evipa,) = [a for a in _rows(tables, "agreements") if a["agreement_id"] == "ag-evipa"]
        assert evipa["disputed_fields"] == [] and sid in evipa["source_ids"]
        ranks = {
            c["source_id"]: (c["rank"], c["reason"])
            for c in _rows(tables, "claims")
            if c["record_id"] == "ag-evipa" and c["field"] == "name"
        }
        assert set(ranks.values()) == {("preferred", "agreed")} and sid in ranks
        names.add(evipa["name"])
    assert names == {"EU–Vietnam Investment Protection Agreement"}  # what three sources write


@pytest.mark.parametrize("basis", [None, "unknown"], ids=["no-basis", "unknown-basis"])
def test_a_date_without_its_basis_agrees_and_is_not_called_inferred(
    data_copy: Path, basis: str | None
) -> None:
    claim = talks_claim(8)  # 004's own day
    del claim["date_basis"], claim["date_note"]
    if basis is not None:
        claim["date_basis"] = basis
    add_source(
        data_copy, HIGH, talks_article(8, "2024-10-10"), published="2024-10-10", events=[claim]
    )
    tables = build_tables(data_copy).tables
    talks = _talks(tables)
    assert (talks["date_start"], talks["date_basis"]) == (datetime.date(2024, 10, 8), "stated")
    ranks = {
        c["source_id"]: (c["rank"], c["reason"])
        for c in _rows(tables, "claims")
        if c["record_id"] == PARIS_TALKS and c["field"] == "date_start"
    }
    assert ranks == {SEED_004: ("preferred", "agreed"), HIGH: ("preferred", "agreed")}


@pytest.mark.parametrize(
    ("section", "record", "field"),
    [
        (
            "agreements",
            {"id": "ag-evipa", "type": "free_trade_agreement"},
            "agreement_type",
        ),
        (
            "figures",
            {
                "id": "fig-3c061884-02",
                "metric": "anniversary",
                "value": 70,
                "unit": "percent",
                "qualifier": "exact",
                "as_reported": "70th anniversary",
            },
            "unit",
        ),
    ],
    ids=["agreement-type", "figure-unit"],
)
def test_a_second_source_changing_what_a_record_is_is_an_error(
    data_copy: Path, section: str, record: dict[str, Any], field: str
) -> None:
    path = add_source(
        data_copy,
        HIGH,
        talks_article(8, "2024-10-10"),
        published="2024-10-10",
        events=[talks_claim(8)],
        **{section: [{**record, "evidence": ["trade and climate cooperation"]}]},
    )
    with pytest.raises(ProblemsFound) as info:
        build_tables(data_copy)
    [clash] = [p for p in info.value.problems if p.code == "identity-clash"]
    assert clash.field == field and str(clash.file).endswith(path.name)
    assert f"{SEED_004}.yaml line" in clash.message  # the other file and its line
    assert clash.expected is not None and "mint a new id" in clash.expected


def test_a_disputed_participation_is_reported_once_as_a_choice_to_make(data_copy: Path) -> None:
    """Two sources that disagree on a participant's role leave it unresolved: the build says
    so once, with the fix, and writes no default in its place that the claims rule would
    then report twice more as a row disagreeing with its claims."""
    to_lam = {
        "actor": "to-lam",
        "participation": "host",
        "evidence": ["Vietnamese leader To Lam"],
    }
    for n, (sid, publisher) in enumerate(((LOW, "Paper A"), (HIGH, "Paper B"))):
        add_source(  # two against 004's and 001's two: no majority
            data_copy,
            sid,
            talks_article(8, "2024-10-10"),
            published="2024-10-10",
            publisher=publisher,
            number=5 + n,
            events=[talks_claim(8, participants=[to_lam])],
        )
    with pytest.raises(ProblemsFound) as caught:
        build_tables(data_copy)
    about = [p for p in caught.value.problems if f"{PARIS_TALKS}/to-lam" in str(p)]
    assert [p.code for p in about] == ["unresolved-claims"]
    assert "preferred: {participation:" in str(about[0])


@pytest.mark.parametrize(
    ("marked", "bare", "refines"),
    [
        ("Việt Nam–France committee", "Viet Nam-France committee", True),
        ("Hải Phòng port council", "Hai Phong port council", True),
        ("Việt Nam–France committee", "Viêt Nam–France committee", False),  # marked otherwise
        ("Việt Nam–France committee", "Viet Nam–Japan committee", False),  # other words
    ],
)
def test_a_name_with_its_diacritics_refines_the_name_without(
    marked: str, bare: str, refines: bool
) -> None:
    a, b = Value("text", marked), Value("text", bare)
    assert a.refines(b) is refines
    assert not b.refines(a)
