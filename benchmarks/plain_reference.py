"""The yardstick for validation speed: the same checks, written plainly with Arrow.

What someone would write with `pyarrow.csv` and `pyarrow.compute` and nothing
else, as directly as possible: each CSV read typed by Arrow (its default,
multi-threaded reader), then one kernel per check on whole columns. It answers
only "how many cells fail each check", without locating them (no row numbers,
no defensive reading, no per-cell UTF-8 report), so it does less than
`vnfr-data validate`; the validator is asked to be no slower than it.

The checks, per resource: sha256 and byte count of the CSV and its Parquet twin
against the descriptor; the header; for every text cell no control character
(a regex) and at most 32,767 characters; for free text NFC (normalise and
compare, for the cells that are not ASCII) and no formula lead (a regex); required, enum, pattern, minLength,
maxLength, uri; minimum; unique and primary key (group by); the Parquet twin
equal to the CSV. Across resources: foreign keys and co-speakers (`is_in`),
source texts (present, sha256, length), quotes equal to their slice (a
character-to-byte map and a gather of every span), evidence inside the body,
grounding, date order and precision, duplicate facts (group by every column).

    python benchmarks/plain_reference.py PACKAGE_DIR
"""

from __future__ import annotations

import datetime
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from vnfr_data.schema import DECIMAL_TYPE, EVIDENCED, RESOURCES, table_schema

CONTROL = r"[\x00-\x08\x0b-\x1f\x7f]"
FORMULA = r"^[=+\-@\t\r]"
URI = r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s\x00-\x1f\x7f]+$"


def _count(counts: dict[str, int], kind: str, mask: Any) -> None:
    n = int(pc.sum(mask).as_py() or 0)
    if n:
        counts[kind] = counts.get(kind, 0) + n


def _hash_ok(data: bytes, res: dict[str, Any], counts: dict[str, int]) -> None:
    digest = str(res.get("hash", "")).removeprefix("sha256:")
    if hashlib.sha256(data).hexdigest() != digest or res.get("bytes") != len(data):
        counts["hash-mismatch"] = counts.get("hash-mismatch", 0) + 1


def read_typed(path: Path, name: str) -> pa.Table:
    """The CSV read by Arrow with the schema's types (lists as text, then split)."""
    schema = table_schema(name)
    types = {
        f.name: (
            pa.string()
            if f.type == "list"
            else DECIMAL_TYPE
            if f.type == "number"
            else f.arrow_type
        )
        for f in schema.fields
    }
    table = pacsv.read_csv(
        path,
        parse_options=pacsv.ParseOptions(newlines_in_values=True),
        convert_options=pacsv.ConvertOptions(
            column_types=types,
            strings_can_be_null=True,
            quoted_strings_can_be_null=False,
            true_values=["true", "True", "TRUE", "1"],
            false_values=["false", "False", "FALSE", "0"],
        ),
    )
    columns = []
    for f in schema.fields:
        col = table[f.name]
        if f.type == "list":
            col = pc.split_pattern(pc.fill_null(col, ""), ";")
            empty = pa.scalar([], pa.list_(pa.string()))
            blank = pc.and_(
                pc.equal(pc.list_value_length(col), 1), pc.equal(pc.list_element(col, 0), "")
            )
            col = pc.if_else(blank, empty, col)
        columns.append(col)
    return pa.table(columns, schema=schema.arrow_schema())


def check_columns(table: pa.Table, name: str, counts: dict[str, int]) -> None:
    schema = table_schema(name)
    raw = {f["name"]: f for f in schema.descriptor["fields"]}
    for f in schema.fields:
        col = table[f.name]
        c = raw[f.name].get("constraints", {})
        if c.get("required"):
            _count(counts, "constraint-error", pc.is_null(col))
        if f.type in ("string", "list"):
            text = col if f.type == "string" else pc.binary_join(col, ";")
            _count(counts, "control-character", pc.match_substring_regex(text, CONTROL))
            _count(counts, "cell-too-large", pc.greater(pc.utf8_length(text), 32_767))
            if f.enum is None and f.pattern is None:
                # ASCII is NFC: only the other cells are normalised and compared.
                rest = text.filter(pc.invert(pc.string_is_ascii(text)))
                _count(counts, "text-not-nfc", pc.not_equal(pc.utf8_normalize(rest, "NFC"), rest))
                _count(counts, "unsafe-cell", pc.match_substring_regex(text, FORMULA))
        if f.type == "string":
            if "enum" in c:
                allowed = pa.array(c["enum"], pa.string())
                _count(counts, "constraint-error", pc.invert(pc.is_in(col, value_set=allowed)))
            if "pattern" in c:
                regex = f"^(?:{c['pattern']})$"
                _count(counts, "constraint-error", pc.invert(pc.match_substring_regex(col, regex)))
            if "minLength" in c:
                _count(counts, "constraint-error", pc.less(pc.utf8_length(col), c["minLength"]))
            if "maxLength" in c:
                _count(counts, "constraint-error", pc.greater(pc.utf8_length(col), c["maxLength"]))
            if raw[f.name].get("format") == "uri":
                _count(counts, "type-error", pc.invert(pc.match_substring_regex(col, URI)))
        if "minimum" in c:
            _count(counts, "constraint-error", pc.less(col, c["minimum"]))
        if c.get("unique"):
            _duplicates(table, [f.name], counts, "constraint-error")
    _duplicates(table, list(schema.primary_key), counts, "primary-key")


def _duplicates(table: pa.Table, keys: list[str], counts: dict[str, int], kind: str) -> None:
    groups = table.select(keys).group_by(keys).aggregate([([], "count_all")])
    _count(counts, kind, pc.greater(groups["count_all"], 1))


def check_twin(root: Path, res: dict[str, Any], table: pa.Table, counts: dict[str, int]) -> None:
    twin = res["vnfr:parquet"]
    data = (root / twin["path"]).read_bytes()
    _hash_ok(data, twin, counts)
    parquet = pq.read_table(pa.BufferReader(data)).replace_schema_metadata(None)
    if not parquet.equals(table):
        counts["twin-mismatch"] = counts.get("twin-mismatch", 0) + 1


def check_quotes(root: Path, tables: dict[str, pa.Table], counts: dict[str, int]) -> None:
    """Source texts, then every quote against its slice, by a gather of the spans."""
    src, ev = tables["sources"], tables["evidence"]
    texts: dict[str, bytes] = {}
    for rec in src.select(["source_id", "path", "sha256", "char_count"]).to_pylist():
        raw = (root / rec["path"]).read_bytes()
        if (
            hashlib.sha256(raw).hexdigest() != rec["sha256"]
            or len(raw.decode()) != rec["char_count"]
        ):
            counts["source-mismatch"] = counts.get("source-mismatch", 0) + 1
        texts[rec["source_id"]] = raw
    ids = sorted(texts)
    blob = np.frombuffer(b"".join(texts[i] for i in ids), dtype=np.uint8)
    cont = np.flatnonzero((blob & 0xC0) == 0x80)
    cont_char = cont - np.arange(len(cont)) - 1
    byte_start = np.concatenate(([0], np.cumsum([len(texts[i]) for i in ids])))
    char_base = byte_start - np.searchsorted(cont, byte_start)
    pos = pc.index_in(ev["source_id"], value_set=pa.array(ids)).to_numpy(zero_copy_only=False)
    start = char_base[pos] + ev["char_start"].to_numpy()
    end = char_base[pos] + ev["char_end"].to_numpy()
    first = start + np.searchsorted(cont_char, start)
    last = end + np.searchsorted(cont_char, end)
    views = pa.LargeListViewArray.from_arrays(
        pa.array(first), pa.array(last - first), pa.array(blob, pa.uint8())
    )
    gathered = views.flatten().buffers()[1]
    bounds = pa.array(np.concatenate(([0], np.cumsum(last - first))))
    slices = pa.Array.from_buffers(
        pa.large_binary(), len(first), [None, bounds.buffers()[1], gathered]
    )
    quotes = pc.cast(ev["quote"].combine_chunks(), pa.large_binary())
    _count(counts, "quote-mismatch", pc.invert(pc.equal(slices, quotes)))
    start_b = pc.take(src["body_start"], pc.index_in(ev["source_id"], value_set=src["source_id"]))
    end_b = pc.take(src["body_end"], pc.index_in(ev["source_id"], value_set=src["source_id"]))
    outside = pc.or_(pc.less(ev["char_start"], start_b), pc.greater(ev["char_end"], end_b))
    _count(counts, "evidence-outside-body", outside)


def check_across(tables: dict[str, pa.Table], counts: dict[str, int]) -> None:
    for name, table in tables.items():
        for fk in table_schema(name).foreign_keys:
            target = tables[fk["reference"]["resource"]][fk["reference"]["fields"][0]]
            col = table[fk["fields"][0]]
            _count(
                counts,
                "foreign-key",
                pc.and_(pc.is_valid(col), pc.invert(pc.is_in(col, value_set=target))),
            )
    co = pc.list_flatten(tables["statements"]["co_speaker_ids"])
    _count(
        counts, "unknown-reference", pc.invert(pc.is_in(co, value_set=tables["actors"]["actor_id"]))
    )
    ev = tables["evidence"]
    for name in EVIDENCED:
        key = tables[name][table_schema(name).primary_key[0]]
        mine = pc.equal(ev["record_table"], name)
        cited = pc.unique(ev.filter(mine)["record_id"])
        _count(counts, "missing-evidence", pc.invert(pc.is_in(key, value_set=cited)))
        _count(
            counts,
            "orphan-evidence",
            pc.and_(mine, pc.invert(pc.is_in(ev["record_id"], value_set=key))),
        )
    events = tables["events"]
    _count(counts, "date-order", pc.less(events["date_end"], events["date_start"]))
    month = pc.equal(events["date_precision"], "month")
    next_day = pc.add(
        pc.cast(events["date_end"], pa.timestamp("s")), pa.scalar(datetime.timedelta(days=1))
    )
    whole = pc.and_(pc.equal(pc.day(events["date_start"]), 1), pc.equal(pc.day(next_day), 1))
    _count(counts, "date-order", pc.and_(month, pc.invert(whole)))
    for name, column in (("events", "date_start"), ("statements", "date")):
        t = tables[name]
        unknown = pc.equal(t["date_precision"], "unknown")
        _count(counts, "date-order", pc.and_(pc.is_null(t[column]), pc.invert(unknown)))
        _count(counts, "date-order", pc.and_(pc.is_valid(t[column]), unknown))
    figures = tables["figures"]
    _count(counts, "date-order", pc.less(figures["period_end"], figures["period_start"]))
    for name in ("events", "statements", "agreements", "figures"):
        t = tables[name]
        key = table_schema(name).primary_key[0]
        flat = {
            c: pc.binary_join(t[c], "\x1f") if pa.types.is_list(t[c].type) else t[c]
            for c in t.column_names
            if c != key
        }
        groups = pa.table(flat).group_by(list(flat)).aggregate([([], "count_all")])
        _count(counts, "duplicate-fact", pc.greater(groups["count_all"], 1))
    stones = tables["withdrawals"]
    for name in EVIDENCED:
        live = tables[name][table_schema(name).primary_key[0]]
        reused = pc.and_(
            pc.equal(stones["record_table"], name), pc.is_in(stones["record_id"], value_set=live)
        )
        _count(counts, "withdrawn-id-in-use", reused)


def validate_plain(root: Path) -> dict[str, int]:
    """Counts of failing cells per check (empty: valid)."""
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    resources = {res["name"]: res for res in descriptor["resources"]}
    counts: dict[str, int] = {}
    tables: dict[str, pa.Table] = {}
    for name in RESOURCES:
        res = resources[name]
        data = (root / res["path"]).read_bytes()
        _hash_ok(data, res, counts)
        header = data[: data.find(b"\n")].decode("utf-8").replace('"', "").split(",")
        if header != list(table_schema(name).field_names):
            counts["incorrect-label"] = counts.get("incorrect-label", 0) + 1
        tables[name] = read_typed(root / res["path"], name)
        check_columns(tables[name], name, counts)
        check_twin(root, res, tables[name], counts)
    check_across(tables, counts)
    check_quotes(root, tables, counts)
    return counts


if __name__ == "__main__":
    print(validate_plain(Path(sys.argv[1])))
