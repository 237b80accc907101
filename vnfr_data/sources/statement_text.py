"""A statement's text, built from its evidence spans: never typed, so always a quote.

The build uses it to write `statements.text`, `validate` to check that the
published text is still exactly that, and that the claim does not stop before
its sentence does. Everything works on whole columns (Arrow and numpy), so a
million statements cost no Python loop.

Per statement and source: the spans in text order, overlapping or touching
spans merged into one run, runs joined with " … ". A statement quoted by
several sources shows the longest such text (the fullest report of the claim),
on a tie the first in code-point order: a rule about the words, not about
source ids or publication order.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..arrow_values import FALSE, integer, mask, numbers, string, strings
from .slices import Corpus

#: Joins the runs of a statement's text that are not contiguous in the article.
GAP = " … "
#: A span ends a sentence when its last character is a sentence end, or when what follows it
#: (after closing quotes or brackets) is one, a line end or the end of the text. The window
#: this is matched on starts at the span's last character and is cut at the text's end.
_SENTENCE_END = r"(?s)^(?:[.!?]|.[”’\"')\]]*(?:[.!?\n]|$))"
#: Characters after a span's end that the boundary test looks at.
_LOOKAHEAD = 4


def _int64(values: np.ndarray) -> pa.Array:
    data = np.ascontiguousarray(values, dtype=np.int64)
    return pa.Array.from_buffers(pa.int64(), len(data), [None, pa.py_buffer(data)])


def _np(column: pa.ChunkedArray | pa.Array) -> np.ndarray:
    return numbers(pc.fill_null(column, integer(-1, column.type)))


def _changes(*columns: pa.Array) -> np.ndarray:
    """True at each row where any column differs from the row before (and at row 0)."""
    n = len(columns[0])
    out = np.ones(n, dtype=bool)
    if n > 1:
        same = np.ones(n - 1, dtype=bool)
        for col in columns:
            same &= mask(pc.equal(col.slice(1), col.slice(0, n - 1)))
        out[1:] = ~same
    return out


def _code_changes(codes: list[np.ndarray], unknown: np.ndarray, order: np.ndarray) -> np.ndarray:
    """`_changes` of the columns that `codes` number (their dictionary codes), rows taken in
    `order`: integers compared instead of strings. A row whose first column is `unknown`
    (null) differs from its neighbours, as `pc.equal` says of null."""
    n = len(order)
    out = np.ones(n, dtype=bool)
    if n > 1:
        differs = unknown[1:] | unknown[:-1]
        for column in codes:
            ordered = column[order]
            differs |= ordered[1:] != ordered[:-1]
        out[1:] = differs
    return out


def _lexsort(keys: list[np.ndarray]) -> np.ndarray:
    """`np.lexsort` of `keys`, the first the most significant: one stable sort of one
    integer combining them when it fits in 63 bits (four times faster than a sort per
    key), the same order since the combination orders as the keys do."""
    if not len(keys[0]):
        return np.zeros(0, dtype=np.int64)
    lows = [int(k.min()) for k in keys]
    spans = [int(k.max()) - low + 1 for k, low in zip(keys, lows, strict=True)]
    if np.prod([float(s) for s in spans]) >= 2.0**62:
        return np.lexsort(keys[::-1])
    combined = np.zeros(len(keys[0]), dtype=np.int64)
    for key, low, span in zip(keys, lows, spans, strict=True):
        combined *= span
        combined += key
        combined -= low
    return np.argsort(combined, kind="stable")


def statement_texts(
    evidence: pa.Table,
    texts: Mapping[str, bytes],
    record_table: str = "statements",
    corpus: tuple[list[str], Corpus] | None = None,
) -> pa.Table:
    """One row per (statement, source): its text and where its last run ends.

    Columns: record_id, source_id, text, last_end (character offset after the
    last span), grouped but in no particular order. Evidence of sources without
    a text is left out (validate reports those sources on their own). `corpus`
    is `Corpus.of(texts)` when the caller has it already.
    """
    ev = evidence.select(["record_table", "record_id", "source_id", "char_start", "char_end"])
    keep = pc.and_(
        pc.and_(
            pc.fill_null(pc.equal(ev["record_table"], string(record_table)), FALSE),
            pc.is_in(ev["source_id"], value_set=strings(sorted(texts))),
        ),
        pc.and_(pc.is_valid(ev["char_start"]), pc.is_valid(ev["char_end"])),
    )
    ev = ev.select(["record_id", "source_id", "char_start", "char_end"]).filter(keep)
    # Group by (record, source) through integer codes: sorting strings would cost more than
    # everything else here. Groups come out in no particular order, spans in text order.
    codes = [
        numbers(pc.dictionary_encode(ev[c]).combine_chunks().indices, np.int32)
        for c in ("record_id", "source_id")
    ]
    order = _lexsort([codes[0], codes[1], _np(ev["char_start"]), _np(ev["char_end"])])
    empty = pa.table(
        {
            "record_id": pa.nulls(0, pa.string()),
            "source_id": pa.nulls(0, pa.string()),
            "text": pa.nulls(0, pa.large_string()),
            "last_end": pa.nulls(0, pa.int64()),
        }
    )
    if ev.num_rows == 0:
        return empty
    # Only the offsets are put in order; the ids stay where they are, told apart by their
    # codes, and only the few the result shows are taken (through `order`).
    record = ev["record_id"].combine_chunks()
    source = ev["source_id"].combine_chunks()
    starts, ends = _np(ev["char_start"])[order], _np(ev["char_end"])[order]
    new_group = _code_changes(codes, ~mask(pc.is_valid(record))[order], order)
    del codes
    group = np.cumsum(new_group) - 1
    # The end reached so far inside each group: offset ends by group so that one running
    # maximum over the whole column never carries an end from one group into the next.
    width = int(ends.max()) + 1
    shift = group * width
    reach = np.maximum.accumulate(shift + ends)
    reach -= shift
    del shift
    before = np.concatenate(([-1], reach[:-1]))
    del reach
    first = np.flatnonzero(new_group | (starts > before))
    del before
    run_start = starts[first]
    run_end = np.maximum.reduceat(ends, first)
    run_group = group[first]
    del starts, ends, group
    ids, whole = corpus or Corpus.of(texts)
    run_source = _np(pc.index_in(source.take(_int64(order[first])), value_set=strings(ids)))
    pieces, _ = whole.slices(run_source, run_start, run_end)
    group_first_run = np.flatnonzero(np.concatenate(([True], run_group[1:] != run_group[:-1])))
    offsets = _int64(np.concatenate((group_first_run, [len(first)])))
    joined = pc.binary_join(
        pa.LargeListArray.from_arrays(offsets, pc.cast(pieces, pa.large_string())),
        string(GAP).cast(pa.large_string()),
    )
    del pieces
    heads = _int64(order[np.flatnonzero(new_group)])
    del order
    last_run = np.concatenate((group_first_run[1:], [len(first)])) - 1
    return pa.table(
        {
            "record_id": record.take(heads),
            "source_id": source.take(heads),
            "text": joined,
            "last_end": _int64(run_end[last_run]),
        }
    )


def shown_texts(per_source: pa.Table) -> pa.Table:
    """One row per statement: the text it shows (record_id, source_id, text).

    The longest of its sources' texts; on a tie the first in code-point order (the
    words decide, never a source's id or date); the lowest source id only between
    identical texts, where it changes nothing shown.
    """
    ranked = per_source.append_column("length", pc.utf8_length(per_source["text"])).sort_by(
        [
            ("record_id", "ascending"),
            ("length", "descending"),
            ("text", "ascending"),
            ("source_id", "ascending"),
        ]
    )
    heads = np.flatnonzero(_changes(ranked["record_id"].combine_chunks()))
    return ranked.take(_int64(heads)).select(["record_id", "source_id", "text"])


def ends_sentence(
    per_source: pa.Table,
    texts: Mapping[str, bytes],
    body_ends: Mapping[str, int],
    corpus: tuple[list[str], Corpus] | None = None,
) -> np.ndarray:
    """For each row of `statement_texts`: does its last span end a sentence?

    Yes when the span's last character is `.`, `!` or `?`, or when, after any
    closing quotes or brackets, the next character is one of them or a line
    end, or the text (or the article body) ends there. `corpus` is
    `Corpus.of(texts)` when the caller has it already.
    """
    n = per_source.num_rows
    if n == 0:
        return np.zeros(0, dtype=bool)
    ids, whole = corpus or Corpus.of(texts)
    src = _np(pc.index_in(per_source["source_id"], value_set=strings(ids)))
    end = _np(per_source["last_end"])
    known = np.where(src >= 0, src, 0)
    # The window: the span's last character and up to _LOOKAHEAD after it, cut at the text's
    # end (none when the source or the span is unknown).
    first = end - 1
    stop = np.minimum(end + _LOOKAHEAD, whole.nchars[known])
    bad = (src < 0) | (first < 0) | (stop < first)
    size = np.where(bad, 0, stop - first)
    at = whole.char_base[known] + np.where(bad, 0, first)
    # _SENTENCE_END, a character at a time: the first a sentence end; or a run of closing
    # marks after it, then a sentence or line end, or the window's end.
    ok = np.zeros(n, dtype=bool)
    rows = np.flatnonzero(size >= 1)
    ok[rows] = _kinds(whole, at[rows])[0]
    running = size >= 1
    for k in range(1, _LOOKAHEAD + 1):
        ok |= running & (size == k)
        running &= size > k
        rows = np.flatnonzero(running)
        _, ends, closes = _kinds(whole, at[rows] + k)
        ok[rows] |= ends
        running[rows] &= closes
    ok |= running  # closing marks to the window's end
    body_end = np.array([body_ends.get(i, -1) for i in ids], dtype=np.int64)
    ok |= end == body_end[known]
    result: np.ndarray = ok & ~bad
    return result


#: ASCII bytes that end a sentence, end one or a line, close a quote or bracket.
_STOPS = np.zeros(256, dtype=bool)
_STOPS[list(b".!?")] = True
_ENDS = _STOPS.copy()
_ENDS[ord("\n")] = True
_CLOSING = np.zeros(256, dtype=bool)
_CLOSING[list(b"\"')]")] = True
#: The UTF-8 of the curly closing quotes ” and ’ (the other closing marks are ASCII).
_CURLY_LEAD, _CURLY_SECOND, _CURLY_LAST = 0xE2, 0x80, ("”".encode()[2], "’".encode()[2])


def _kinds(whole: Corpus, chars: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For characters of the corpus (indices): is each `.!?`, `.!?` or a line feed, a
    closing mark (`”’"')]`)? Read from each character's bytes (the blob is padded, so the
    three bytes of a curly quote are always there to read)."""
    blob = whole.padded
    at = np.asarray(whole.lead[chars], dtype=np.int64)
    lead = blob[at]
    curly = (lead == _CURLY_LEAD) & (blob[at + 1] == _CURLY_SECOND)
    curly &= (blob[at + 2] == _CURLY_LAST[0]) | (blob[at + 2] == _CURLY_LAST[1])
    return _STOPS[lead], _ENDS[lead], _CLOSING[lead] | curly
