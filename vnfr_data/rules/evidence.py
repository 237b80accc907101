"""Evidence rules: quotes are their sources' slices, inside the body, and every fact has one.

Grounding is the dataset's first principle, so these rules run on every build
and every validation, on whole columns: a million evidence rows take seconds.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..arrow_values import integer, mask, numbers, strings
from ..errors import EvidenceOutsideBody, MissingEvidence, OrphanEvidence, Problem, QuoteMismatch
from ..schema import EVIDENCED, table_schema
from .corpus import shared_corpus
from .declare import Inputs, rule
from .locate import MAX_REPORTED, MAX_SHOWN, bools, capped, located, maker, rows_at
from .quote_spans import mismatched_quotes
from .record_codes import record_codes

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
    ids, corpus = shared_corpus(data)
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
        corpus=corpus,
    )
    del corpus
    bad &= mask(known)
    rows = np.flatnonzero(bad)
    head = rows_at(ev, rows[:MAX_REPORTED]).to_pylist()
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
    names = [name for name in EVIDENCED if name in tables]
    if not names:
        return []
    # One pass for every table: the evidence's record ids and every table's ids numbered by
    # one dictionary (null a value of its own, as `is_in` matches null with null), each
    # (table, id) a slot of a flag array: which slots the evidence cites, which hold a record.
    codes = record_codes(data, names)
    cites, owns, count = codes.evidence, codes.tables, codes.count
    kind = np.int32 if len(names) * count < 2**31 else np.int64
    at = pc.index_in(ev["record_table"], value_set=strings(names))
    # The fill value in the column's own type: one of another type is converted by way of
    # a pandas check (an import of pandas).
    table = numbers(pc.fill_null(at, integer(-1, at.type)), kind)
    del at
    cited_here = table >= 0
    slot = np.where(cited_here, table * kind(count) + cites, 0)
    cited = np.zeros(len(names) * count, dtype=bool)
    cited[slot[cited_here]] = True
    held = np.zeros(len(names) * count, dtype=bool)
    for i, own in enumerate(owns):
        held[kind(i * count) + own] = True
    orphans = cited_here & ~held[slot]
    del cited_here, slot, held
    problems: list[Problem] = []
    for i, (name, own) in enumerate(zip(names, owns, strict=True)):
        key = table_schema(name).primary_key[0]
        problems += located(
            where,
            name,
            tables[name],
            key,
            bools(~cited[kind(i * count) + own]),
            maker(
                MissingEvidence,
                "record cites no evidence",
                file=where.file(name),
                field=key,
                expected="at least one evidence row with this record_id",
            ),
        )
        if not orphans.any():
            continue
        orphan = orphans & (table == i)
        if not orphan.any():
            continue
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
