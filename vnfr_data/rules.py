"""The dataset's own rules, each on whole Arrow columns.

Frictionless checks types, constraints and keys; these rules check what only
this dataset knows: quotes equal their source slices, evidence lies in the
article body, every fact is grounded, dates agree with their precision. Each
rule takes typed tables and returns problems located by file, row and field
(row numbers count the CSV header as row 1, as frictionless does).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .errors import (
    DateOrder,
    DuplicateFact,
    EvidenceOutsideBody,
    MissingEvidence,
    OrphanEvidence,
    Problem,
    QuoteMismatch,
    TextNotNfc,
    UnsafeCell,
)
from .schema import EVIDENCED, table_schema

Tables = dict[str, pa.Table]
#: Stop listing a rule's findings after this many; the count is still reported.
MAX_REPORTED = 1000


def _rows(mask: pa.ChunkedArray | pa.Array) -> list[int]:
    """1-based CSV row numbers (header = row 1) where mask is true."""
    idx = pc.indices_nonzero(pc.fill_null(mask, False)).to_numpy()
    return [int(i) + 2 for i in idx[:MAX_REPORTED]]


def _cells(table: pa.Table, column: str, mask: pa.ChunkedArray | pa.Array) -> list[tuple[int, str]]:
    taken = table.filter(pc.fill_null(mask, False))[column].slice(0, MAX_REPORTED).to_pylist()
    return list(zip(_rows(mask), [str(v) for v in taken], strict=False))


def quote_mismatch_mask(
    text: str, starts: np.ndarray, ends: np.ndarray, quotes: list[str]
) -> np.ndarray:
    """True where text[start:end] != quote, computed without a per-row Python loop.

    The text and all quotes are laid out as UTF-32 code points; the slices are
    gathered with one fancy index and compared segment by segment.
    """
    n = len(quotes)
    bad = np.zeros(n, dtype=bool)
    if n == 0:
        return bad
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    qcodes = np.frombuffer("".join(quotes).encode("utf-32-le"), dtype=np.uint32)
    qlens = np.fromiter((len(q) for q in quotes), dtype=np.int64, count=n)
    spans = ends - starts
    bad |= (starts < 0) | (ends > len(codes)) | (spans != qlens) | (spans < 0)
    ok = ~bad & (qlens > 0)
    if not ok.any():
        return bad | (qlens == 0)
    qoff = np.concatenate(([0], np.cumsum(qlens)[:-1]))
    lens = qlens[ok]
    seg_start = np.repeat(starts[ok] - np.concatenate(([0], np.cumsum(lens)[:-1])), lens)
    positions = np.arange(lens.sum()) + seg_start
    qpos = np.repeat(qoff[ok] - np.concatenate(([0], np.cumsum(lens)[:-1])), lens) + np.arange(
        lens.sum()
    )
    differs = (codes[positions] != qcodes[qpos]).astype(np.int64)
    bounds = np.concatenate(([0], np.cumsum(lens)[:-1]))
    seg_bad = np.add.reduceat(differs, bounds) > 0
    bad[np.flatnonzero(ok)[seg_bad]] = True
    return bad | (qlens == 0)


def check_evidence_quotes(tables: Tables, texts: dict[str, str], file: str) -> list[Problem]:
    ev = tables["evidence"]
    problems: list[Problem] = []
    sources = pc.unique(ev["source_id"]).to_pylist()
    for sid in sources:
        sel = pc.equal(ev["source_id"], sid)
        rows = np.asarray(_all_rows(sel))
        sub = ev.filter(sel)
        if sid not in texts:
            continue  # foreign key problem, reported by frictionless
        bad = quote_mismatch_mask(
            texts[sid],
            sub["char_start"].to_numpy(zero_copy_only=False).astype(np.int64),
            sub["char_end"].to_numpy(zero_copy_only=False).astype(np.int64),
            sub["quote"].to_pylist(),
        )
        for r, q in zip(
            rows[bad][:MAX_REPORTED],
            np.asarray(sub["quote"].to_pylist(), dtype=object)[bad][:MAX_REPORTED],
            strict=False,
        ):
            problems.append(
                QuoteMismatch(
                    f"quote is not text[char_start:char_end] of source {sid}",
                    file=file,
                    row=int(r),
                    field="quote",
                    value=str(q),
                )
            )
    return problems


def _all_rows(mask: pa.ChunkedArray | pa.Array) -> list[int]:
    idx = pc.indices_nonzero(pc.fill_null(mask, False)).to_numpy()
    return [int(i) + 2 for i in idx]


def check_evidence_in_body(tables: Tables, file: str) -> list[Problem]:
    ev = tables["evidence"]
    src = tables["sources"].select(["source_id", "body_start", "body_end"])
    pos = pc.index_in(ev["source_id"], src["source_id"])
    start = pc.take(src["body_start"], pos)
    end = pc.take(src["body_end"], pos)
    outside = pc.or_(pc.less(ev["char_start"], start), pc.greater(ev["char_end"], end))
    return [
        EvidenceOutsideBody(
            "evidence span lies outside the article body",
            file=file,
            row=r,
            field="char_start",
            value=v,
            expected="within [body_start, body_end)",
        )
        for r, v in _cells(ev, "char_start", outside)
    ]


def check_grounding(tables: Tables, files: dict[str, str]) -> list[Problem]:
    """Every fact has evidence; every evidence row points at a record."""
    ev = tables["evidence"]
    problems: list[Problem] = []
    for name in EVIDENCED:
        key = table_schema(name).primary_key[0]
        ids = tables[name][key]
        cited = ev.filter(pc.equal(ev["record_table"], name))["record_id"]
        missing = pc.invert(pc.is_in(ids, value_set=pc.unique(cited)))
        problems += [
            MissingEvidence("record cites no evidence", file=files[name], row=r, field=key, value=v)
            for r, v in _cells(tables[name], key, missing)
        ]
        in_table = pc.equal(ev["record_table"], name)
        orphan = pc.and_(in_table, pc.invert(pc.is_in(ev["record_id"], value_set=ids)))
        problems += [
            OrphanEvidence(
                f"evidence points at no {name} record",
                file=files["evidence"],
                row=r,
                field="record_id",
                value=v,
            )
            for r, v in _cells(ev, "record_id", orphan)
        ]
    return problems


def _period_ok(
    start: pa.ChunkedArray, end: pa.ChunkedArray, precision: pa.ChunkedArray
) -> pa.ChunkedArray:
    """For month/year precision, dates must be the first and last day of the period."""
    day_s, month_s = pc.day(start), pc.month(start)
    next_day = pc.add(pc.cast(end, pa.timestamp("s")), pa.scalar(datetime.timedelta(days=1)))
    end_is_month_end = pc.equal(pc.day(next_day), 1)
    end_is_year_end = pc.and_(end_is_month_end, pc.equal(pc.month(end), 12))
    month_ok = pc.and_(pc.equal(day_s, 1), pc.fill_null(end_is_month_end, True))
    year_ok = pc.and_(
        pc.and_(pc.equal(day_s, 1), pc.equal(month_s, 1)), pc.fill_null(end_is_year_end, True)
    )
    ok = pc.if_else(
        pc.equal(precision, "month"),
        month_ok,
        pc.if_else(pc.equal(precision, "year"), year_ok, True),
    )
    return pc.fill_null(ok, True)


def check_dates(tables: Tables, files: dict[str, str]) -> list[Problem]:
    problems: list[Problem] = []
    ev = tables["events"]
    reversed_ = pc.less(ev["date_end"], ev["date_start"])
    problems += [
        DateOrder(
            "date_end before date_start", file=files["events"], row=r, field="date_end", value=v
        )
        for r, v in _cells(ev, "date_end", reversed_)
    ]
    bad_period = pc.invert(_period_ok(ev["date_start"], ev["date_end"], ev["date_precision"]))
    problems += [
        DateOrder(
            "dates do not span the whole month/year their precision says",
            file=files["events"],
            row=r,
            field="date_start",
            value=v,
            expected="first and last day of the period",
        )
        for r, v in _cells(ev, "date_start", bad_period)
    ]
    for name, column, prec in (
        ("events", "date_start", "date_precision"),
        ("statements", "date", "date_precision"),
    ):
        t = tables[name]
        undated_but_precise = pc.and_(pc.is_null(t[column]), pc.not_equal(t[prec], "unknown"))
        dated_but_unknown = pc.and_(pc.is_valid(t[column]), pc.equal(t[prec], "unknown"))
        problems += [
            DateOrder(
                "precision given for a missing date",
                file=files[name],
                row=r,
                field=prec,
                value=v,
                expected="unknown",
            )
            for r, v in _cells(t, prec, undated_but_precise)
        ]
        problems += [
            DateOrder(
                "date given with precision 'unknown'", file=files[name], row=r, field=prec, value=v
            )
            for r, v in _cells(t, prec, dated_but_unknown)
        ]
    fig = tables["figures"]
    problems += [
        DateOrder(
            "period_end before period_start",
            file=files["figures"],
            row=r,
            field="period_end",
            value=v,
        )
        for r, v in _cells(fig, "period_end", pc.less(fig["period_end"], fig["period_start"]))
    ]
    return problems


def check_text_cells(tables: Tables, files: dict[str, str]) -> list[Problem]:
    """Text must be NFC and must not start like a spreadsheet formula."""
    problems: list[Problem] = []
    for name, table in tables.items():
        for field in table_schema(name).fields:
            if field.type != "string" or field.enum is not None or field.pattern is not None:
                continue
            col = table[field.name]
            not_nfc = pc.not_equal(pc.utf8_normalize(col, "NFC"), col)
            problems += [
                TextNotNfc(
                    "text is not NFC (decomposed characters)",
                    file=files[name],
                    row=r,
                    field=field.name,
                    value=v,
                    expected="NFC-normalised text",
                )
                for r, v in _cells(table, field.name, not_nfc)
            ]
            formula = pc.match_substring_regex(col, r"^[=+\-@\t\r]")
            problems += [
                UnsafeCell(
                    "text starts with a formula character (=, +, -, @)",
                    file=files[name],
                    row=r,
                    field=field.name,
                    value=v,
                )
                for r, v in _cells(table, field.name, formula)
            ]
    return problems


def check_duplicate_facts(tables: Tables, files: dict[str, str]) -> list[Problem]:
    """Two records of one table equal in every column but their id are one fact twice."""
    problems: list[Problem] = []
    for name in ("events", "statements", "agreements", "figures"):
        table = tables[name]
        key = table_schema(name).primary_key[0]
        cols = [c for c in table.column_names if c != key]
        flat = pa.table(
            {
                c: (
                    pc.binary_join(table[c], "\x1f")
                    if pa.types.is_list(table[c].type)
                    else table[c]
                )
                for c in cols
            }
        ).append_column("__row", pa.array(np.arange(table.num_rows)))
        groups = flat.group_by(cols, use_threads=False).aggregate([("__row", "list")])
        for rows in groups["__row_list"].to_pylist():
            if len(rows) > 1:
                ids = [table[key][i].as_py() for i in rows]
                problems.append(
                    DuplicateFact(
                        f"records {', '.join(ids)} are identical but for their id",
                        file=files[name],
                        row=min(rows) + 2,
                        field=key,
                        value=ids[-1],
                    )
                )
    return problems


RULES: tuple[Callable[[Tables, dict[str, str]], list[Problem]], ...] = (
    check_grounding,
    check_dates,
    check_text_cells,
    check_duplicate_facts,
)
