"""Rules on statements: the text is the evidence, the claim is whole, the date is its event's.

A statement's text is what a reader takes for the source's words, so it must be
exactly what its evidence spans build (`sources.statement_text`) and must not
stop before its sentence does, unless a reviewer said why (`split_note`). A
statement made at an event carries the event's date unless its source dates
it otherwise (`date_basis` stated). Each rule works on whole columns.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..arrow_values import FALSE, integer, mask, numbers, string, strings
from ..errors import Problem, StatementCutShort, StatementDate, StatementNotEvidence
from ..sources.statement_text import ends_sentence, shown_texts, statement_texts
from .corpus import shared_corpus
from .declare import Inputs, rule
from .locate import MAX_REPORTED, bools, capped, ints, located, maker, rows_at
from .record_codes import joint_codes


def _positions(values: pa.ChunkedArray | pa.Array, keys: pa.ChunkedArray) -> np.ndarray:
    """Index of each value in `keys` (-1 when absent)."""
    found = pc.index_in(values, value_set=keys)
    return numbers(pc.fill_null(found, integer(-1, found.type)))


def _positions_of(
    ids: pa.ChunkedArray, shown: pa.ChunkedArray, cited: pa.ChunkedArray
) -> tuple[np.ndarray, np.ndarray]:
    """`_positions(ids, shown)` and `_positions(cited, ids)` from one dictionary of the
    three columns (null a value of its own, as `index_in` matches null with null): each
    position the first row holding the value, -1 when none does."""
    (id_codes, shown_codes, cited_codes), count, _values = joint_codes([ids, shown, cited])

    def first_row(keys: np.ndarray) -> np.ndarray:
        first = np.full(count, -1, dtype=np.int64)
        values, rows = np.unique(keys, return_index=True)
        first[values] = rows
        return first

    return first_row(shown_codes)[id_codes], first_row(id_codes)[cited_codes]


@rule(
    "statement texts",
    tables=("statements", "evidence", "sources"),
    emits=(StatementNotEvidence, StatementCutShort),
    heavy=True,
)
def check_statement_texts(data: Inputs) -> list[Problem]:
    """A statement's text is what its evidence quotes build, and runs to its sentence's end."""
    tables, texts, where = data.tables, data.texts, data.where
    if "statements" not in tables or "evidence" not in tables or "sources" not in tables:
        return []
    st = tables["statements"]
    src = tables["sources"]
    body_ends = {
        sid: end
        for sid, end in zip(src["source_id"].to_pylist(), src["body_end"].to_pylist(), strict=True)
        if sid is not None and end is not None
    }
    ev = tables["evidence"]
    corpus = shared_corpus(data)  # built once: both steps slice the texts, as do the quotes
    per_source = statement_texts(ev, texts, corpus=corpus)
    problems: list[Problem] = []
    shown = shown_texts(per_source)
    at, row = _positions_of(st["statement_id"], shown["record_id"], per_source["record_id"])
    # A statement quoting a source whose text is missing, or a span without offsets, cannot
    # be rebuilt (the cause is reported on its own); nor can a text cell that could not be read.
    unusable = pc.or_(
        pc.invert(pc.is_in(ev["source_id"], value_set=strings(sorted(texts)))),
        pc.or_(pc.is_null(ev["char_start"]), pc.is_null(ev["char_end"])),
    )
    textless = ev["record_id"].filter(
        pc.and_(pc.fill_null(pc.equal(ev["record_table"], string("statements")), FALSE), unusable)
    )
    has = (at >= 0) & ~mask(pc.is_in(st["statement_id"], value_set=pc.unique(textless)))
    if shown.num_rows == 0:  # no statement has evidence: the grounding rule says so
        has &= False
        shown = pa.table({"text": pc.cast(strings([""]), pa.large_string())})
    expected = pc.take(shown["text"], ints(np.where(at >= 0, at, 0)))
    differs = mask(pc.not_equal(pc.cast(st["text"], pa.large_string()), expected))
    wrong = differs & has
    del shown, expected  # a copy of every statement text each: not kept for what follows
    problems += located(
        where,
        "statements",
        st,
        "text",
        bools(wrong),
        maker(
            StatementNotEvidence,
            "text is not what the statement's evidence spans build (a text that is not "
            "evidence would be shown as the source's words)",
            file=where.file("statements"),
            field="text",
            expected="the evidence quotes of one source in text order, joined with ' … ' "
            "(rebuild with `vnfr-data build`)",
        ),
    )
    ok = ends_sentence(per_source, texts, body_ends, corpus)
    del corpus
    noted = mask(pc.is_valid(st["split_note"]))
    cut = ~ok & (row >= 0)
    cut &= ~np.asarray(noted, dtype=bool)[np.where(row >= 0, row, 0)]
    hits = np.flatnonzero(cut)
    csv_rows = where.csv_rows("statements", row[hits[:MAX_REPORTED]])
    ids = rows_at(per_source["record_id"], hits[:MAX_REPORTED]).to_pylist()
    sources = rows_at(per_source["source_id"], hits[:MAX_REPORTED]).to_pylist()
    tails = rows_at(per_source["text"], hits[:MAX_REPORTED]).to_pylist()
    for csv_row, sid, source, tail in zip(csv_rows, ids, sources, tails, strict=True):
        problems.append(
            StatementCutShort(
                f"statement {sid}: its last evidence span in source {source} stops before the "
                "end of its sentence, so the claim may be cut short",
                file=where.file("statements"),
                row=int(csv_row),
                field="text",
                value="…" + tail[-80:] if len(tail) > 80 else tail,
                expected="a last quote that runs to the end of its sentence, or a split_note "
                "in the annotation saying why the statement stops there",
            )
        )
    return capped(problems, len(hits))


def _one_unit(
    start: pa.ChunkedArray, end: pa.ChunkedArray, precision: pa.ChunkedArray
) -> pa.ChunkedArray:
    """Is an event's span exactly one day, month or year (so a statement can carry it)?"""
    end = pc.coalesce(end, start)
    same_year = pc.equal(pc.year(start), pc.year(end))
    same_month = pc.and_(same_year, pc.equal(pc.month(start), pc.month(end)))
    return pc.fill_null(
        pc.or_(
            pc.and_(pc.equal(precision, string("day")), pc.equal(start, end)),
            pc.or_(
                pc.and_(pc.equal(precision, string("month")), same_month),
                pc.and_(pc.equal(precision, string("year")), same_year),
            ),
        ),
        FALSE,
    )


@rule("statement dates", tables=("statements", "events"), emits=(StatementDate,))
def check_statement_dates(data: Inputs) -> list[Problem]:
    """A statement made at a dated event carries a date inside the event's span.

    Undated while its event is dated to one day, month or year: it should carry
    that date. Dated outside the event's span: only when its source states the
    statement's own date (`date_basis` stated).
    """
    tables, where = data.tables, data.where
    if "statements" not in tables or "events" not in tables or tables["events"].num_rows == 0:
        return []
    st, ev = tables["statements"], tables["events"]
    at = _positions(st["event_id"], ev["event_id"])
    known = at >= 0
    take = ints(np.where(known, at, 0))
    start = pc.take(ev["date_start"], take)
    end = pc.coalesce(pc.take(ev["date_end"], take), start)
    single = pc.take(_one_unit(ev["date_start"], ev["date_end"], ev["date_precision"]), take)
    known_arrow = bools(known)
    undated = pc.and_(known_arrow, pc.and_(pc.is_null(st["date"]), single))
    outside = pc.and_(
        known_arrow,
        pc.and_(
            pc.is_valid(start),
            pc.or_(pc.less(st["date"], start), pc.greater(st["date"], end)),
        ),
    )
    outside = pc.and_(outside, pc.not_equal(st["date_basis"], string("stated")))
    problems = located(
        where,
        "statements",
        st,
        "event_id",
        undated,
        maker(
            StatementDate,
            "statement made at a dated event has no date",
            file=where.file("statements"),
            field="date",
            expected="the event's date (the build gives it when the annotation omits the date)",
        ),
    )
    problems += located(
        where,
        "statements",
        st,
        "date",
        outside,
        maker(
            StatementDate,
            "statement date lies outside the dates of its event",
            file=where.file("statements"),
            field="date",
            expected="a date within the event's date_start..date_end, or date_basis 'stated' "
            "when the source dates the statement itself",
        ),
    )
    return problems
