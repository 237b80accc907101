"""Evidence rules: quotes are their sources' slices, inside the body, and every fact has one.

Grounding is the dataset's first principle, so these rules run on every build
and every validation, on whole columns: a million evidence rows take seconds.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..arrow_values import FALSE, integer, mask, numbers, string, strings
from ..errors import EvidenceOutsideBody, MissingEvidence, OrphanEvidence, Problem, QuoteMismatch
from ..schema import EVIDENCED, table_schema
from .declare import Inputs, rule
from .locate import MAX_REPORTED, MAX_SHOWN, bools, capped, ints, located, maker
from .quote_spans import mismatched_quotes

__all__ = [
    "check_evidence_in_body",
    "check_evidence_quotes",
    "check_grounding",
    "mismatched_quotes",
]


@rule("evidence quotes", tables=("evidence",), emits=(QuoteMismatch,), heavy=True)
def check_evidence_quotes(data: Inputs) -> list[Problem]:
    """Every quote is its source's text[char_start:char_end] (sources without text skipped)."""
    if "evidence" not in data.tables:
        return []
    ev, texts, where = data.tables["evidence"], data.texts, data.where
    ids = sorted(texts)
    source = pc.index_in(ev["source_id"], value_set=strings(ids))
    known = pc.and_(
        pc.is_valid(source), pc.and_(pc.is_valid(ev["char_start"]), pc.is_valid(ev["char_end"]))
    )
    bad = mismatched_quotes(
        [texts[i] for i in ids],
        _ints(source),
        _ints(ev["char_start"]),
        _ints(ev["char_end"]),
        ev["quote"],
    )
    bad &= mask(known)
    rows = np.flatnonzero(bad)
    head = ev.take(ints(rows[:MAX_REPORTED])).to_pylist()
    csv_rows = where.csv_rows("evidence", rows[:MAX_REPORTED])
    problems: list[Problem] = []
    decoded: dict[str, str] = {}
    for row, record in zip(csv_rows, head, strict=True):
        sid = record["source_id"]
        text = decoded.setdefault(sid, texts[sid].decode("utf-8"))
        actual = text[max(record["char_start"], 0) : max(record["char_end"], 0)]
        problems.append(
            QuoteMismatch(
                f"quote is not text[char_start:char_end] of source {sid} "
                f"({record['char_start']}:{record['char_end']})",
                file=where.file("evidence"),
                row=int(row),
                field="quote",
                value=_cut(record["quote"]),
                expected=repr(_cut(actual)) + " (the slice)",
            )
        )
    return capped(problems, len(rows))


def _ints(column: pa.ChunkedArray | pa.Array) -> np.ndarray:
    return numbers(pc.fill_null(pc.cast(column, pa.int64()), integer(-1)))


def _cut(text: str | None) -> str | None:
    if text is None or len(text) <= MAX_SHOWN:
        return text
    return text[: MAX_SHOWN - 3] + "..."


@rule("evidence in the body", tables=("evidence", "sources"), emits=(EvidenceOutsideBody,))
def check_evidence_in_body(data: Inputs) -> list[Problem]:
    """Every evidence span lies inside its article's body, not its headline or page furniture."""
    tables, where = data.tables, data.where
    if "evidence" not in tables or "sources" not in tables:
        return []
    ev = tables["evidence"]
    src = tables["sources"]
    pos = pc.index_in(ev["source_id"], value_set=src["source_id"])
    start = pc.take(src["body_start"], pos)
    end = pc.take(src["body_end"], pos)
    outside = pc.or_(pc.less(ev["char_start"], start), pc.greater(ev["char_end"], end))
    return located(
        where,
        "evidence",
        ev,
        "char_start",
        outside,
        maker(
            EvidenceOutsideBody,
            "evidence span lies outside the article body",
            file=where.file("evidence"),
            field="char_start",
            expected="within [body_start, body_end] of the source",
        ),
    )


@rule("grounding", tables=("evidence", *EVIDENCED), emits=(MissingEvidence, OrphanEvidence))
def check_grounding(data: Inputs) -> list[Problem]:
    """Every fact and link cites evidence; every evidence row points at a record."""
    tables, where = data.tables, data.where
    if "evidence" not in tables:
        return []
    ev = tables["evidence"]
    problems: list[Problem] = []
    for name in EVIDENCED:
        if name not in tables:
            continue
        key = table_schema(name).primary_key[0]
        ids = tables[name][key]
        # The evidence rows of this table, once: each lookup below then runs on them only.
        mine = pc.indices_nonzero(pc.fill_null(pc.equal(ev["record_table"], string(name)), FALSE))
        cited = ev["record_id"].take(mine)
        missing = pc.invert(pc.is_in(ids, value_set=pc.unique(cited)))
        problems += located(
            where,
            name,
            tables[name],
            key,
            missing,
            maker(
                MissingEvidence,
                "record cites no evidence",
                file=where.file(name),
                field=key,
                expected="at least one evidence row with this record_id",
            ),
        )
        dangling = numbers(mine)[mask(pc.invert(pc.is_in(cited, value_set=ids)))]
        if not len(dangling):
            continue
        orphan = np.zeros(ev.num_rows, dtype=bool)
        orphan[dangling] = True
        problems += located(
            where,
            "evidence",
            ev,
            "record_id",
            bools(orphan),
            maker(
                OrphanEvidence,
                f"evidence points at no {name} record",
                file=where.file("evidence"),
                field="record_id",
                expected=f"an id of {name}",
            ),
        )
    return problems
