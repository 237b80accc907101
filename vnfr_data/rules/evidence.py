"""Evidence rules: quotes are their sources' slices, inside the body, and every fact has one.

Grounding is the dataset's first principle, so these rules run on every build
and every validation, on whole columns: a million evidence rows take seconds.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import EvidenceOutsideBody, MissingEvidence, OrphanEvidence, Problem, QuoteMismatch
from ..schema import EVIDENCED, table_schema
from .declare import Inputs, rule
from .locate import MAX_REPORTED, MAX_SHOWN, ints, located, maker


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


@rule("evidence quotes", tables=("evidence",), emits=(QuoteMismatch,))
def check_evidence_quotes(data: Inputs) -> list[Problem]:
    """Every quote is its source's text[char_start:char_end] (sources without text skipped)."""
    if "evidence" not in data.tables:
        return []
    ev, texts, where = data.tables["evidence"], data.texts, data.where
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
