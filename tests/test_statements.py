"""Statements are whole claims: text built from evidence, never cut short, dated by their event."""

from __future__ import annotations

import csv
import datetime
import io
from pathlib import Path

import pyarrow as pa
import pytest

from vnfr_data import Dataset
from vnfr_data.build import build_tables
from vnfr_data.errors import Problem, ProblemsFound
from vnfr_data.publish import publish, render
from vnfr_data.schema import table_schema
from vnfr_data.sources.statement_text import ends_sentence, shown_texts, statement_texts
from vnfr_data.validate import validate

A001 = "9ffa17363db973bd"
A004 = "3c061884a9f81943"
TALKS = "ev-2024-10-08-talks-lam-macron-paris"


def _rebuild(root: Path) -> None:
    publish(render(build_tables(root)), root)


def _problems(root: Path, code: str) -> list[Problem]:
    report = validate(root, run_frictionless=False, check_build=False)
    return [p for p in report.problems if p.code == code]


def _rewrite(path: Path, rows: list[list[str]]) -> None:
    """A CSV as the build writes it: every value quoted, an empty cell (null) bare."""
    quoted = ('"' + v.replace('"', '""') + '"' if v else "" for v in rows[0])
    lines = [",".join(quoted)]
    lines += [",".join('"' + v.replace('"', '""') + '"' if v else "" for v in r) for r in rows[1:]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


# -- the text is the evidence --------------------------------------------------------------


def _evidence(*spans: tuple[str, str, int, int]) -> pa.Table:
    rows = [
        {
            "record_table": "statements",
            "record_id": rid,
            "source_id": sid,
            "char_start": a,
            "char_end": b,
            "quote": "",
        }
        for rid, sid, a, b in spans
    ]
    return pa.Table.from_pylist(rows, schema=table_schema("evidence").arrow_schema())


ARTICLE = "Lam said that trade grew, and urged France to act. Macron agreed."


def test_spans_are_merged_in_text_order_and_gaps_shown() -> None:
    texts = {"s1": ARTICLE.encode("utf-8")}
    per = statement_texts(
        _evidence(
            ("st-a", "s1", 30, 50),  # "urged France to act."  (given first: order is the text's)
            ("st-a", "s1", 0, 3),  # "Lam"
            ("st-b", "s1", 0, 14),  # overlapping and touching spans become one run
            ("st-b", "s1", 9, 24),
            ("st-b", "s1", 24, 25),
        ),
        texts,
    ).to_pylist()
    assert [(r["record_id"], r["text"]) for r in per] == [
        ("st-a", "Lam … urged France to act."),
        ("st-b", "Lam said that trade grew,"),
    ]
    ends = ends_sentence(statement_texts(_evidence(("st-a", "s1", 0, 3)), texts), texts, {})
    assert not ends.any()  # "Lam" stops mid-sentence
    whole = _evidence(("st-a", "s1", 51, 64), ("st-b", "s1", 30, 49))
    assert ends_sentence(statement_texts(whole, texts), texts, {}).all()  # "." follows / ends


def test_a_statement_shows_its_fullest_source_whatever_the_order() -> None:
    texts = {"s2": ARTICLE.encode("utf-8"), "s1": b"Lam urged France."}
    per = statement_texts(_evidence(("st-a", "s1", 0, 16), ("st-a", "s2", 30, 49)), texts)
    (shown,) = shown_texts(per).to_pylist()
    assert (shown["source_id"], shown["text"]) == ("s2", "urged France to act")


def test_equal_lengths_are_decided_by_the_words_never_by_the_source_id() -> None:
    # Two reports of one statement, as long as each other: which is shown may not
    # depend on which source has the lower id (or was published first).
    one, other = b"Lam urged France to act now.", b"Lam asked France to act now."
    assert len(one) == len(other)
    shown = set()
    for low, high in (("s1", "s2"), ("s2", "s1")):
        texts = {low: one, high: other}
        per = statement_texts(
            _evidence(("st-a", low, 0, len(one)), ("st-a", high, 0, len(other))), texts
        )
        (row,) = shown_texts(per).to_pylist()
        shown.add(row["text"])
    assert shown == {"Lam asked France to act now."}  # the same text under either ids


def test_every_published_text_is_its_evidence(ds: Dataset) -> None:
    for s in ds.statements:
        pieces = s.text.split(" … ")
        quotes = {e.quote for e in ds.evidence_for("statements", s.statement_id)}
        # Each piece is a quote, or several quotes that touch or overlap in one article.
        for piece in pieces:
            assert any(q in piece for q in quotes), (s.statement_id, piece)
            assert any(
                piece in ds.source_text(e.source_id)
                for e in ds.evidence_for("statements", s.statement_id)
            )


def test_a_text_key_in_an_annotation_is_refused_with_the_fix(data_copy: Path) -> None:
    path = data_copy / "annotations" / f"{A001}.yaml"
    _edit(
        path,
        "  - id: st-9ffa1736-21\n",
        "  - id: st-9ffa1736-21\n    text: President Macron welcomed everything\n",
    )
    with pytest.raises(ProblemsFound) as caught:
        build_tables(data_copy)
    (problem,) = caught.value.problems
    assert problem.file and problem.file.endswith(f"{A001}.yaml") and problem.row
    assert "built from its evidence" in problem.message


def test_an_edited_text_cell_is_not_evidence(data_copy: Path) -> None:
    path = data_copy / "csv" / "statements.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    column = rows[0].index("text")
    rows[5][column] = rows[5][column] + " and much more"
    _rewrite(path, rows)
    found = _problems(data_copy, "statement-text-not-evidence")
    assert [(p.row, p.field) for p in found] == [(6, "text")]


# -- a claim is not cut short ----------------------------------------------------------------


def test_the_cut_short_rule_passes_on_the_data(repo: Path) -> None:
    assert _problems(repo / "data", "statement-cut-short") == []


TRUNCATED = (
    "soon hold the Vietnam-France Defence Strategy and Cooperation Dialogue, assist in the "
    "training of officers, share experiences in crime prevention and control, and support "
    "each other at global and regional security forums"
)
KEPT = "soon hold the Vietnam-France Defence Strategy and Cooperation Dialogue"


def test_a_truncated_statement_in_the_tables_is_caught(data_copy: Path) -> None:
    # st-9ffa1736-09's vow governs five undertakings; its 001 span now keeps two of them.
    path = data_copy / "csv" / "evidence.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    (i,) = [k for k, line in enumerate(lines) if '"st-9ffa1736-09","9ffa' in line]
    end = int(lines[i].split(",")[4].strip('"'))
    cut = end - (len(TRUNCATED) - len(KEPT))
    lines[i] = lines[i].replace(f'"{end}"', f'"{cut}"').replace(TRUNCATED, KEPT)
    path.write_text("\n".join(lines), encoding="utf-8")
    (found,) = _problems(data_copy, "statement-cut-short")
    assert "st-9ffa1736-09" in found.message and A001 in found.message
    assert found.file and found.file.endswith("statements.csv") and found.field == "text"
    assert found.expected and "split_note" in found.expected
    assert not _problems(data_copy, "quote-mismatch")  # the cut span is a true slice


def test_a_truncated_statement_is_refused_by_the_build_at_its_line(data_copy: Path) -> None:
    path = data_copy / "annotations" / f"{A001}.yaml"
    _edit(path, TRUNCATED + '"]', KEPT + '"]')
    with pytest.raises(ProblemsFound) as caught:
        build_tables(data_copy)
    (found,) = caught.value.problems
    assert found.code == "statement-cut-short" and "st-9ffa1736-09" in found.message
    assert found.file and found.file.endswith(f"{A001}.yaml") and found.row
    line = path.read_text(encoding="utf-8").splitlines()[found.row - 1]
    assert "st-9ffa1736-09" in line or KEPT in line


def test_a_split_note_marks_a_deliberate_split(data_copy: Path) -> None:
    path = data_copy / "annotations" / f"{A001}.yaml"
    _edit(
        path,
        'offered condolences for the losses Vietnam suffered due to recent Typhoon Yagi"\n',
        'offered condolences for the losses Vietnam suffered due to recent Typhoon"\n',
    )
    _rebuild(data_copy)
    # st-9ffa1736-06 already says why it stops before its sentence ends: no problem.
    assert _problems(data_copy, "statement-cut-short") == []
    _edit(
        path, "    split_note: \"the sentence ends with a second speech act ('pledging", "    # ("
    )
    with pytest.raises(ProblemsFound) as caught:
        build_tables(data_copy)
    (found,) = caught.value.problems
    assert found.code == "statement-cut-short" and "st-9ffa1736-06" in found.message


# -- a statement made at an event carries its date -------------------------------------------


def test_statements_at_the_talks_carry_the_talks_date_from_any_source(ds: Dataset) -> None:
    at_talks = [s for s in ds.statements if s.event_id == TALKS]
    assert len(at_talks) > 30
    for s in at_talks:
        assert (s.date, s.date_precision) == (datetime.date(2024, 10, 8), "day"), s.statement_id
    # Statements only 001 reports (which does not date the talks) are dated too.
    only_001 = [
        s
        for s in at_talks
        if {e.source_id for e in ds.evidence_for("statements", s.statement_id)} == {A001}
    ]
    assert only_001 and all(s.date_note == f"the date of its event, {TALKS}" for s in only_001)


def test_the_event_date_rule_passes_on_the_data(repo: Path) -> None:
    assert _problems(repo / "data", "statement-date") == []


def test_an_undated_statement_at_a_dated_event_is_caught(data_copy: Path) -> None:
    path = data_copy / "csv" / "statements.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    head = rows[0]
    i = next(k for k, r in enumerate(rows) if r[head.index("event_id")] == TALKS)
    rows[i][head.index("date")] = ""
    rows[i][head.index("date_precision")] = "unknown"
    rows[i][head.index("date_basis")] = "unknown"
    j = next(k for k, r in enumerate(rows) if k > i and r[head.index("event_id")] == TALKS)
    rows[j][head.index("date")] = "2024-10-20"
    _rewrite(path, rows)
    found = _problems(data_copy, "statement-date")
    assert sorted(p.row for p in found) == [i + 1, j + 1]


def test_a_statement_at_a_multi_day_event_is_not_given_a_day(data_copy: Path) -> None:
    # A visit known to the day but spanning several: no day can be inherited from it.
    path = data_copy / "annotations" / "3c2bcc39eacd3a47.yaml"
    _edit(
        path,
        "    date_start: 2025-05-26\n    date_end: 2025-05-26\n    date_precision: day\n"
        "    date_basis: inferred\n    date_note: \"day and month stated ('on May 26'); year 2025 "
        "inferred from the signing ceremony 'scheduled to take place in Hanoi in October 2025'\"\n",
        "    date_start: 2025-05-26\n    date_end: 2025-05-27\n    date_precision: day\n"
        "    date_basis: inferred\n    date_note: two days, for the test\n",
    )
    result = build_tables(data_copy)
    st = {r["statement_id"]: r for r in result.tables["statements"].to_pylist()}
    assert st["st-3c2bcc39-05"]["date"] is None
    assert st["st-3c2bcc39-05"]["date_precision"] == "unknown"
