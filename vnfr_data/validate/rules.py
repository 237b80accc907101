"""The dataset's own rules, each on whole Arrow columns.

The Table Schemas (checked in `constraints`) say what a cell may hold; these
rules check what only this dataset knows: quotes equal their source slices,
evidence lies in the article body, every fact is grounded, dates agree with
their precision, no fact is recorded twice. Each rule takes the typed tables
that could be read (a table that could not is simply absent, and the parts of
a rule needing it are skipped) and returns problems located by file, row and
field (row numbers count the CSV header as row 1, as frictionless does).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import (
    DateOrder,
    DuplicateFact,
    EvidenceOutsideBody,
    MissingEvidence,
    OrphanEvidence,
    Problem,
    QuoteMismatch,
    UnknownReference,
)
from ..schema import EVIDENCED, TABLES, table_schema
from .rows import MAX_REPORTED, MAX_SHOWN, Where, indices, ints, located, maker

Tables = dict[str, pa.Table]


def mismatched_quotes(
    texts: list[bytes],
    source: np.ndarray,
    starts: np.ndarray,
    ends: np.ndarray,
    quotes: pa.Array | pa.ChunkedArray,
) -> np.ndarray:
    """True where quote != texts[source][start:end] in characters, without a per-row loop.

    Works on UTF-8 bytes: the texts are concatenated and a character -> byte
    map is built from the UTF-8 lead bytes; each row's slice becomes a view
    (offset, size) into the concatenation, Arrow gathers the views into one
    binary column, and one vectorised `equal` compares it with the quotes.
    `source` is the index of each row's text; -1 (unknown) counts as a mismatch.
    """
    n = len(source)
    bad = np.zeros(n, dtype=bool)
    if n == 0:
        return bad
    if not texts:
        return ~bad
    blob = np.frombuffer(b"".join(texts), dtype=np.uint8)
    # Character c of the concatenation starts at byte c + (continuation bytes before it).
    # A continuation byte's character index is the number of lead bytes before it, minus 1.
    cont = np.flatnonzero((blob & 0xC0) == 0x80)
    cont_char = cont - np.arange(len(cont)) - 1

    def byte_of(chars: np.ndarray) -> np.ndarray:
        return chars + np.searchsorted(cont_char, chars, side="left")

    byte_start = np.concatenate(([0], np.cumsum([len(t) for t in texts], dtype=np.int64)))
    char_base = byte_start - np.searchsorted(cont, byte_start, side="left")
    nchars = np.diff(char_base)
    known = (source >= 0) & (source < len(texts))
    src = np.where(known, source, 0)
    limit = nchars[src]
    bad |= ~known | (starts < 0) | (ends < starts) | (ends > limit)
    first = byte_of(char_base[src] + np.where(bad, 0, starts))
    offsets, sizes = first, byte_of(char_base[src] + np.where(bad, 0, ends)) - first
    views = pa.LargeListViewArray.from_arrays(
        ints(offsets),
        ints(sizes),
        pa.Array.from_buffers(pa.uint8(), len(blob), [None, pa.py_buffer(blob)]),
    )
    gathered = views.flatten()
    data = gathered.buffers()[1]
    if data is None:  # every slice is empty
        data = pa.py_buffer(b"")
    elif gathered.offset:
        data = data.slice(gathered.offset)
    bounds = np.concatenate(([0], np.cumsum(sizes, dtype=np.int64)))
    slices = pa.Array.from_buffers(pa.large_binary(), n, [None, pa.py_buffer(bounds), data])
    array = quotes.combine_chunks() if isinstance(quotes, pa.ChunkedArray) else quotes
    same = pc.fill_null(pc.equal(slices, pc.cast(array, pa.large_binary())), False)
    bad |= ~np.asarray(same.to_numpy(zero_copy_only=False), dtype=bool)
    return bad


def check_evidence_quotes(tables: Tables, texts: dict[str, bytes], where: Where) -> list[Problem]:
    """Every quote is its source's text[char_start:char_end] (sources without text skipped)."""
    if "evidence" not in tables:
        return []
    ev = tables["evidence"]
    ids = sorted(texts)
    source = pc.index_in(ev["source_id"], value_set=pa.array(ids, pa.string()))
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
    bad &= np.asarray(pc.fill_null(known, False).to_numpy(zero_copy_only=False), dtype=bool)
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
    if len(rows) > MAX_REPORTED:
        problems.append(
            QuoteMismatch(
                f"... and {len(rows) - MAX_REPORTED} more rows like this",
                file=where.file("evidence"),
                field="quote",
            )
        )
    return problems


def _ints(column: pa.ChunkedArray | pa.Array) -> np.ndarray:
    return np.asarray(
        pc.fill_null(pc.cast(column, pa.int64()), -1).to_numpy(zero_copy_only=False),
        dtype=np.int64,
    )


def _cut(text: str | None) -> str | None:
    if text is None or len(text) <= MAX_SHOWN:
        return text
    return text[: MAX_SHOWN - 3] + "..."


def check_evidence_in_body(tables: Tables, where: Where) -> list[Problem]:
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


def check_grounding(tables: Tables, where: Where) -> list[Problem]:
    """Every fact has evidence; every evidence row points at a record."""
    if "evidence" not in tables:
        return []
    ev = tables["evidence"]
    problems: list[Problem] = []
    for name in EVIDENCED:
        if name not in tables:
            continue
        key = table_schema(name).primary_key[0]
        ids = tables[name][key]
        in_table = pc.equal(ev["record_table"], name)
        cited = ev.filter(pc.fill_null(in_table, False))["record_id"]
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
        orphan = pc.and_(in_table, pc.invert(pc.is_in(ev["record_id"], value_set=ids)))
        problems += located(
            where,
            "evidence",
            ev,
            "record_id",
            orphan,
            maker(
                OrphanEvidence,
                f"evidence points at no {name} record",
                file=where.file("evidence"),
                field="record_id",
                expected=f"an id of {name}",
            ),
        )
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


def _date_problem(
    where: Where, name: str, field: str, message: str, expected: str | None = None
) -> Callable[[int, str | None], Problem]:
    return maker(DateOrder, message, file=where.file(name), field=field, expected=expected)


def check_dates(tables: Tables, where: Where) -> list[Problem]:
    problems: list[Problem] = []
    if "events" in tables:
        ev = tables["events"]
        problems += located(
            where,
            "events",
            ev,
            "date_end",
            pc.less(ev["date_end"], ev["date_start"]),
            _date_problem(
                where, "events", "date_end", "date_end before date_start", ">= date_start"
            ),
        )
        problems += located(
            where,
            "events",
            ev,
            "date_start",
            pc.invert(_period_ok(ev["date_start"], ev["date_end"], ev["date_precision"])),
            _date_problem(
                where,
                "events",
                "date_start",
                "dates do not span the whole month/year their precision says",
                "first and last day of the period",
            ),
        )
    for name, column, prec in (
        ("events", "date_start", "date_precision"),
        ("statements", "date", "date_precision"),
    ):
        if name not in tables:
            continue
        t = tables[name]
        undated_but_precise = pc.and_(pc.is_null(t[column]), pc.not_equal(t[prec], "unknown"))
        dated_but_unknown = pc.and_(pc.is_valid(t[column]), pc.equal(t[prec], "unknown"))
        problems += located(
            where,
            name,
            t,
            prec,
            undated_but_precise,
            _date_problem(where, name, prec, "precision given for a missing date", "unknown"),
        )
        problems += located(
            where,
            name,
            t,
            prec,
            dated_but_unknown,
            _date_problem(
                where, name, prec, "date given with precision 'unknown'", "day, month or year"
            ),
        )
    if "figures" in tables:
        fig = tables["figures"]
        problems += located(
            where,
            "figures",
            fig,
            "period_end",
            pc.less(fig["period_end"], fig["period_start"]),
            _date_problem(
                where, "figures", "period_end", "period_end before period_start", ">= period_start"
            ),
        )
    return problems


def check_duplicate_facts(tables: Tables, where: Where) -> list[Problem]:
    """Two records of one table equal in every column but their id are one fact twice."""
    problems: list[Problem] = []
    for name in (t.name for t in TABLES if t.kind == "fact" and t.identity):
        if name not in tables or tables[name].num_rows < 2:
            continue
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
        ).append_column("__row", ints(np.arange(table.num_rows)))
        groups = flat.group_by(cols, use_threads=False).aggregate([("__row", "list")])
        lists = groups["__row_list"]
        repeated = groups.filter(pc.greater(pc.list_value_length(lists), 1))
        for rows in repeated["__row_list"].to_pylist()[:MAX_REPORTED]:
            rows = sorted(rows)
            ids = [str(table[key][i].as_py()) for i in rows]
            csv_rows = where.csv_rows(name, np.array(rows, dtype=np.int64))
            problems.append(
                DuplicateFact(
                    f"records {', '.join(ids)} are identical but for their id "
                    f"(rows {', '.join(str(int(r)) for r in csv_rows)})",
                    file=where.file(name),
                    row=int(csv_rows[-1]),
                    field=key,
                    value=ids[-1],
                    expected="one record per fact: merge them",
                )
            )
    return problems


def check_list_references(tables: Tables, where: Where) -> list[Problem]:
    """Ids inside list cells (co-speakers) name existing actors, as foreign keys do."""
    if "statements" not in tables or "actors" not in tables:
        return []
    lists = tables["statements"]["co_speaker_ids"].combine_chunks()
    items = pc.list_flatten(lists)
    parents = pc.list_parent_indices(lists)
    unknown = pc.invert(pc.is_in(items, value_set=tables["actors"]["actor_id"]))
    hits = indices(unknown)
    if len(hits) == 0:
        return []
    head = hits[:MAX_REPORTED]
    rows = where.csv_rows("statements", np.asarray(parents.to_numpy(), dtype=np.int64)[head])
    values = items.take(ints(head)).to_pylist()
    return [
        UnknownReference(
            "co-speaker is not an actor",
            file=where.file("statements"),
            row=int(r),
            field="co_speaker_ids",
            value=v,
            expected="an actor_id of actors",
        )
        for r, v in zip(rows, values, strict=True)
    ]


RULES: tuple[Callable[[Tables, Where], list[Problem]], ...] = (
    check_evidence_in_body,
    check_grounding,
    check_dates,
    check_duplicate_facts,
    check_list_references,
)
