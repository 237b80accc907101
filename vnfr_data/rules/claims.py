"""Claims: each fact row agrees with its claims and its evidence, on whole Arrow columns.

A row says, without a join, which of its fields are disputed and which sources
support it; the claims table says what each source claims and how it is
ranked. These rules check the two agree, so that a package edited by hand (or
shipped without its annotations) cannot show a value its claims do not
support:

- every claim names a record of its table;
- a row's `disputed_fields` are exactly the fields of its claims marked disputed;
- a row's `source_ids` are exactly the sources of its evidence, and include the
  source of each of its claims;
- a field's preferred claim is the value the row shows; a field whose claims
  are all `unresolved` shows nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..arrow_values import FALSE, bools, integer, ints, mask, numbers, string, strings
from ..errors import ClaimMismatch, Problem
from ..publish.writers import csv_text
from ..schema import EVIDENCED, table_schema
from ..sources.folding import normal_text
from .declare import Inputs, rule
from .locate import MAX_REPORTED, Where, indices, located, maker
from .record_codes import joint_codes, record_codes

Tables = Mapping[str, pa.Table]
_SEP = "\x1f"
#: What the rules read.
_TABLES = (*EVIDENCED, "evidence", "claims")
#: Fields a row sets to "unknown", not empty, when its date is disputed or not given.
_UNKNOWN_WHEN_UNDATED = frozenset({"date_precision", "date_basis"})


def _keys(*columns: pa.ChunkedArray | pa.Array) -> pa.ChunkedArray | pa.Array:
    return pc.binary_join_element_wise(*columns, string(_SEP))


def _constant(value: str, n: int) -> pa.Array:
    return pa.repeat(string(value), n)


def _fact_tables(tables: Tables) -> list[str]:
    """The fact and link tables that were read, with their provenance columns."""
    return [n for n in EVIDENCED if n in tables and "source_ids" in tables[n].column_names]


def _exploded(table: pa.Table, name: str, column: str) -> tuple[pa.Array, np.ndarray]:
    """(table, record id, item) keys of a list column, one per item, and each item's row."""
    key = table_schema(name).primary_key[0]
    lists = table[column].combine_chunks()
    parents = numbers(pc.list_parent_indices(lists))
    items = pc.list_flatten(lists)
    ids = table[key].combine_chunks().take(ints(parents))
    return _keys(_constant(name, len(items)), ids, items), parents


def _flat(keys: pa.ChunkedArray | pa.Array) -> pa.Array:
    """One string array (an empty input may come back untyped)."""
    flat = keys.combine_chunks() if isinstance(keys, pa.ChunkedArray) else keys
    return flat.cast(pa.string())


def _last_part(keys: pa.Array) -> Callable[[int], str]:
    """Shows the last part of a joined key (its item)."""
    return lambda i: str(keys[i].as_py()).split(_SEP)[-1]


def _per_item(
    where: Where,
    name: str,
    value: Callable[[int], str],
    parents: np.ndarray,
    stray: np.ndarray,
    message: str,
    field: str,
    expected: str,
) -> list[Problem]:
    """One problem per stray list item (capped): its row is its parent's, `value(i)` shows it."""
    problems: list[Problem] = []
    for i in stray[:MAX_REPORTED]:
        row = int(where.csv_rows(name, parents[i : i + 1])[0])
        problems.append(
            ClaimMismatch(
                message,
                file=where.file(name),
                row=row,
                field=field,
                value=value(int(i)),
                expected=expected,
            )
        )
    return problems


@rule("claims name records", tables=_TABLES, emits=(ClaimMismatch,))
def check_claim_records(data: Inputs) -> list[Problem]:
    """Every claim names a record that exists in its table."""
    tables, where = data.tables, data.where
    if "claims" not in tables:
        return []
    names = [n for n in EVIDENCED if n in tables]
    if not names:
        return []
    claims = tables["claims"]
    missing = _unnamed_records(claims, tables, names)
    return located(
        where,
        "claims",
        claims,
        "record_id",
        bools(missing),
        maker(
            ClaimMismatch,
            "claim about a record that is not in its table",
            file=where.file("claims"),
            field="record_id",
            expected="an id of the table named in record_table",
        ),
    )


def _unnamed_records(claims: pa.Table, tables: Tables, names: list[str]) -> np.ndarray:
    """True where a claim's (record_table, record_id) is no record of `names`.

    Table by table, each table's ids looked up among the few ids its claims name (a
    small set), never a set of every record built for a handful of claims. As with
    joined text keys: a claim whose table or id is null names a record exactly when
    some table holds a record with a null id."""
    record_table, record_id = claims["record_table"], claims["record_id"]
    null_key = mask(pc.or_(pc.is_null(record_table), pc.is_null(record_id)))
    missing = np.ones(claims.num_rows, dtype=bool)
    if null_key.any():
        null_id = any(tables[n][table_schema(n).primary_key[0]].null_count for n in names)
        missing[null_key] = not null_id
    for name in names:
        rows = np.flatnonzero(mask(pc.equal(record_table, string(name))) & ~null_key)
        if not len(rows):
            continue
        named = record_id.take(ints(rows))
        wanted = pc.unique(named)
        held = np.zeros(len(wanted), dtype=bool)
        at = pc.index_in(tables[name][table_schema(name).primary_key[0]], value_set=wanted)
        held[numbers(at.filter(pc.is_valid(at)))] = True
        missing[rows] = ~held[numbers(pc.index_in(named, value_set=wanted))]
    return missing


@rule("disputed fields", tables=_TABLES, emits=(ClaimMismatch,))
def check_disputed_fields(data: Inputs) -> list[Problem]:
    """A row's disputed_fields are exactly the fields of its claims marked disputed."""
    tables, where = data.tables, data.where
    if "claims" not in tables:
        return []
    claims = tables["claims"]
    flagged = pc.fill_null(claims["disputed"], FALSE)
    disputed = claims.filter(flagged)
    claimed = pc.unique(_keys(disputed["record_table"], disputed["record_id"], disputed["field"]))
    problems: list[Problem] = []
    listed_all = []
    for name in _fact_tables(tables):
        if "disputed_fields" not in tables[name].column_names:
            continue
        listed, parents = _exploded(tables[name], name, "disputed_fields")
        listed_all.append(listed)
        stray = indices(pc.invert(pc.is_in(listed, value_set=claimed)))
        problems += _per_item(
            where,
            name,
            _last_part(listed),
            parents,
            stray,
            "field listed as disputed, but no claim on it is marked disputed",
            "disputed_fields",
            "the fields of this record's disputed claims (claims.disputed)",
        )
    if listed_all:
        every = pa.concat_arrays([_flat(x) for x in listed_all])
        keys = _keys(claims["record_table"], claims["record_id"], claims["field"])
        unlisted = pc.and_(flagged, pc.invert(pc.is_in(keys, value_set=every)))
        problems += located(
            where,
            "claims",
            claims,
            "field",
            unlisted,
            maker(
                ClaimMismatch,
                "claim marked disputed, but its record's row does not list the field as disputed",
                file=where.file("claims"),
                field="disputed",
                expected="the field in the row's disputed_fields, or disputed false",
            ),
        )
    return problems


def _codes(arrays: list[pa.Array | pa.ChunkedArray]) -> tuple[list[np.ndarray], int]:
    """Integer codes (int32) of the values of `arrays`, one code per distinct value across
    all of them, -1 where the value is null; and how many codes there are."""
    codes, count, _values = joint_codes(arrays, null_is_value=False)
    return codes, count


def _pairs(
    left: list[np.ndarray], n_left: int, right: list[np.ndarray], n_right: int, then: int = 1
) -> tuple[list[np.ndarray], int]:
    """Codes of the pairs (left, right), array by array; -1 where either is -1 (null).

    `left * n_right + right`; numbered densely again only when a code times
    `then`, the size of a part still to pair, could overflow 63 bits (billions
    of distinct values)."""
    joined = []
    for a, b in zip(left, right, strict=True):
        pair = a.astype(np.int64)
        pair *= n_right
        pair += b
        pair[(a < 0) | (b < 0)] = -1
        joined.append(pair)
    if n_left * n_right * then < 1 << 63:
        return joined, n_left * n_right
    every = np.concatenate(joined)
    distinct, dense = np.unique(every, return_inverse=True)
    if len(distinct) and distinct[0] == -1:  # null sorts first: it stays -1
        dense -= 1
    bounds = np.cumsum([0, *(len(a) for a in joined)])
    return [dense[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)], len(distinct)


def _among(values: np.ndarray, known: np.ndarray) -> np.ndarray:
    """True where a value is one of `known` (-1, null, matches -1, as Arrow's is_in
    matches nulls): a sorted copy and a binary search, lighter than a hash table."""
    if not len(known):
        return np.zeros(len(values), dtype=bool)
    ordered = np.sort(known)
    at = np.minimum(np.searchsorted(ordered, values), len(ordered) - 1)
    found: np.ndarray = ordered[at] == values
    return found


def _record_codes(data: Inputs, names: list[str]) -> tuple[list[np.ndarray], int]:
    """`_codes` of the fact tables' keys, then of the evidence's and the claims' record ids:
    with evidence, the codes the grounding rule numbered (`record_codes`, null made -1),
    the claims' ids looked up among their values (an id not there gets a code of its own)."""
    tables = data.tables
    if "evidence" not in tables:
        sides = [tables[s] for s in ("claims",) if s in tables]
        return _codes(
            [
                *(tables[n][table_schema(n).primary_key[0]] for n in names),
                *(t["record_id"] for t in sides),
            ]
        )
    shared = record_codes(data, names)
    null = shared.null_code

    def nulled(codes: np.ndarray) -> np.ndarray:
        return codes if null is None else np.where(codes == null, np.int32(-1), codes)

    out = [nulled(c) for c in (*shared.tables, shared.evidence)]
    count = shared.count
    if "claims" in tables:
        ids = tables["claims"]["record_id"]
        codes = _codes_among(ids, shared.values)
        unfound = (codes < 0) & mask(pc.is_valid(ids))
        if unfound.any():
            local = pc.dictionary_encode(ids.filter(bools(unfound)))
            chunks = local.chunks if isinstance(local, pa.ChunkedArray) else [local]
            codes[unfound] = count + numbers(
                pa.chunked_array([c.indices for c in chunks], pa.int32()), np.int32
            )
            count += len(chunks[-1].dictionary)
        out.append(nulled(codes))
    return out, count


def _codes_among(ids: pa.ChunkedArray | pa.Array, values: pa.Array) -> np.ndarray:
    """`index_in(ids, value_set=values)` as int32, -1 where an id is not among the values
    (null included: null is found where `values` holds it, as `index_in` finds it).

    The claims hold a few ids and `values` every record id: hashing the few and looking
    each value up among them costs a fraction of hashing every value (`values` holds
    each value once, so the position found is the only one)."""
    distinct = pc.unique(ids)
    # The position of each distinct id among the values: the value's index where found.
    found = pc.index_in(values, value_set=distinct)
    hit = numbers(pc.fill_null(found, integer(-1, found.type)), np.int64)
    where_found = np.full(len(distinct), -1, dtype=np.int32)
    rows = np.flatnonzero(hit >= 0)
    where_found[hit[rows]] = rows
    slot = pc.index_in(ids, value_set=distinct)  # every id, null too, is among its distinct
    return where_found[numbers(slot, np.int64)] if len(ids) else np.zeros(0, np.int32)


@rule("source ids", tables=_TABLES, emits=(ClaimMismatch,), heavy=True)
def check_source_ids(data: Inputs) -> list[Problem]:
    """A row's source_ids are the sources of its evidence, and cover its claims' sources.

    Each (table, record, source) is an integer: the codes of its three parts,
    numbered across the fact tables, the evidence and the claims together (-1,
    null, when a part is null, as a joined text key would be). Then two set
    lookups: every listed triple among the evidence's, and the evidence's and
    the claims' among the listed ones.
    """
    tables, where = data.tables, data.where
    problems: list[Problem] = []
    names = _fact_tables(tables)
    if not names:
        return problems
    lists = {n: tables[n]["source_ids"].combine_chunks() for n in names}
    parents = {n: numbers(pc.list_parent_indices(lists[n])) for n in names}
    items = {n: pc.list_flatten(lists[n]) for n in names}
    sides = [tables[s] for s in ("evidence", "claims") if s in tables]
    # Codes of each part: the fact tables' first (one array each), then the other tables.
    table_codes, n_tables = _codes([strings(names), *(t["record_table"] for t in sides)])
    record_codes, n_records = _record_codes(data, names)
    source_codes, n_sources = _codes([*items.values(), *(t["source_id"] for t in sides)])
    own = table_codes[0]
    records, n_pairs = _pairs(
        [
            *(np.full(len(items[n]), own[i], np.int32) for i, n in enumerate(names)),
            *table_codes[1:],
        ],
        n_tables,
        [*(record_codes[i][parents[n]] for i, n in enumerate(names)), *record_codes[len(names) :]],
        n_records,
        then=n_sources,
    )
    keys, _ = _pairs(records, n_pairs, source_codes, n_sources)
    del records, record_codes, source_codes, table_codes
    listed_keys, side_keys = keys[: len(names)], keys[len(names) :]
    every = np.concatenate(listed_keys)
    if "evidence" in tables:
        cited = _among(every, side_keys[0])
        start = 0
        for name, listed in zip(names, listed_keys, strict=True):
            stop = start + len(listed)
            shown = items[name]

            def value(i: int, listed: np.ndarray = listed, shown: pa.Array = shown) -> str:
                # What the joined text key showed: its last part, "None" for a null key.
                return str(shown[i].as_py()) if listed[i] >= 0 else "None"

            problems += _per_item(
                where,
                name,
                value,
                parents[name],
                np.flatnonzero(~cited[start:stop]),
                "source listed as supporting the record, but it gives no evidence for it",
                "source_ids",
                "the sources of this record's evidence rows",
            )
            start = stop
    found = _among(np.concatenate(side_keys), every)
    if "evidence" in tables:
        ev = tables["evidence"]
        in_tables = mask(pc.is_in(ev["record_table"], value_set=strings(names)))
        problems += located(
            where,
            "evidence",
            ev,
            "source_id",
            bools(in_tables & ~found[: ev.num_rows]),
            maker(
                ClaimMismatch,
                "evidence from a source its record's source_ids do not list",
                file=where.file("evidence"),
                field="source_id",
                expected="the source in the record's source_ids",
            ),
        )
    if "claims" in tables:
        claims = tables["claims"]
        listed = mask(pc.is_in(claims["record_table"], value_set=strings(names)))
        problems += located(
            where,
            "claims",
            claims,
            "source_id",
            bools(listed & ~found[len(found) - claims.num_rows :]),
            maker(
                ClaimMismatch,
                "claim by a source its record's source_ids do not list",
                file=where.file("claims"),
                field="source_id",
                expected="the source in the record's source_ids",
            ),
        )
    return problems


def _respelled(hits: np.ndarray, shown: pa.ChunkedArray, claimed: pa.ChunkedArray) -> np.ndarray:
    """The hits whose claim is not just another spelling of the text the row shows.

    Preferred claims that say the same thing in different spellings (a dash, a
    quote mark, case) are all preferred; the row shows one of them. Only the few
    rows whose bytes differ are compared in Python.
    """
    rows = ints(hits)
    pairs = zip(shown.take(rows).to_pylist(), claimed.take(rows).to_pylist(), strict=True)
    keep = [a is None or b is None or normal_text(a) != normal_text(b) for a, b in pairs]
    kept: np.ndarray = hits[np.asarray(keep, dtype=bool)]
    return kept


@rule("shown claims", tables=_TABLES, emits=(ClaimMismatch,))
def check_shown_values(data: Inputs) -> list[Problem]:
    """A row shows its field's preferred claim, and nothing where its claims are unresolved."""
    tables, where = data.tables, data.where
    if "claims" not in tables:
        return []
    claims = tables["claims"]
    problems: list[Problem] = []
    for name in _fact_tables(tables):
        table = tables[name]
        key = table_schema(name).primary_key[0]
        mine = mask(pc.equal(claims["record_table"], string(name)))
        if not mine.any():
            continue
        fields = pc.unique(claims.filter(bools(mine))["field"]).to_pylist()
        for field in fields:
            if field not in table.column_names:
                continue
            idx = np.flatnonzero(mine & mask(pc.equal(claims["field"], string(field))))
            part = claims.take(ints(idx))
            pos = pc.index_in(part["record_id"], value_set=table[key])
            shown = pc.take(csv_text(table[field]), pos)
            preferred = pc.equal(part["rank"], string("preferred"))
            same = pc.fill_null(pc.equal(shown, part["value"]), FALSE)
            differs = pc.and_(preferred, pc.invert(same))
            if field in _UNKNOWN_WHEN_UNDATED:
                unknown = string("unknown")
                shows_value = pc.not_equal(pc.fill_null(shown, unknown), unknown)
            else:
                shows_value = pc.is_valid(shown)
            shown_anyway = pc.and_(pc.equal(part["reason"], string("unresolved")), shows_value)
            free_text = table_schema(name).field(field).free_text
            for found, message, expected in (
                (differs, "the row does not show its preferred claim", "the claim's value"),
                (shown_anyway, "the row shows a value its claims leave unresolved", "no value"),
            ):
                hits = indices(found)
                if free_text and found is differs and len(hits):
                    hits = _respelled(hits, shown, part["value"])
                hits = hits[:MAX_REPORTED]
                rows = where.csv_rows("claims", idx[hits])
                for r, h in zip(rows, hits, strict=True):
                    problems.append(
                        ClaimMismatch(
                            f"{name} {part['record_id'][int(h)].as_py()}: {message}",
                            file=where.file("claims"),
                            row=int(r),
                            field=field,
                            value=part["value"][int(h)].as_py(),
                            expected=expected,
                        )
                    )
    return problems


CLAIM_RULES = (check_claim_records, check_disputed_fields, check_source_ids, check_shown_values)
