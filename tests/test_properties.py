"""Properties of records, the validator, the tables' I/O and the build, with hypothesis.

Strategies come from `vnfr_data.testing` and follow the Table Schemas. Example
counts come from the `vnfr` settings profile (HYPOTHESIS_PROFILE picks another),
sized so the suite stays quick on 2 cores; CI uses the same profile.
"""

from __future__ import annotations

import io
import json
import random
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from vnfr_data.build import build_tables
from vnfr_data.publish import render, sha256_hex
from vnfr_data.publish.writers import csv_bytes, parquet_bytes
from vnfr_data.rules.evidence import mismatched_quotes
from vnfr_data.rules.locate import Where, rows_at
from vnfr_data.schema import EVIDENCED, RESOURCES, table_schema
from vnfr_data.schema.models import MODELS
from vnfr_data.testing import Package, packages, records, register_profiles, table_of
from vnfr_data.validate import validate
from vnfr_data.validate.cells import read_csv_as_text, typed_from_text
from vnfr_data.validate.constraints import SUPPORTED_CONSTRAINTS, SUPPORTED_FORMATS, check_cells

register_profiles()


@contextmanager
def scratch() -> Iterator[Path]:
    """A fresh directory per example (function-scoped fixtures are shared across examples)."""
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def test_the_strategies_and_checks_know_every_constraint_the_schemas_use() -> None:
    for name in RESOURCES:
        for field in table_schema(name).descriptor["fields"]:
            assert set(field.get("constraints", {})) <= SUPPORTED_CONSTRAINTS, (name, field)
            assert field.get("format", "default") in SUPPORTED_FORMATS, (name, field)


# -- records -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", RESOURCES)
@given(data=st.data())
def test_any_valid_record_passes_its_model_and_the_cell_checks(name: str, data: Any) -> None:
    row = data.draw(records(name))
    MODELS[name].model_validate(row)
    table = table_of(name, [row])
    schema = table_schema(name)
    text = read_csv_as_text(csv_bytes(table), list(schema.field_names))
    typed, problems = check_cells(text, schema, Where())
    assert problems == []
    assert typed.equals(table)


# -- round trips ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", RESOURCES)
@given(data=st.data())
def test_csv_parquet_and_model_round_trips_are_lossless(name: str, data: Any) -> None:
    rows = data.draw(st.lists(records(name), max_size=4))
    table = table_of(name, rows)
    schema = table_schema(name)
    from_csv = typed_from_text(read_csv_as_text(csv_bytes(table), list(schema.field_names)), schema)
    assert from_csv.equals(table)
    from_parquet = pq.read_table(io.BytesIO(parquet_bytes(table, {"k": "v"})))
    assert from_parquet.replace_schema_metadata(None).equals(table)
    model, key = MODELS[name], list(schema.primary_key)
    back = [model.model_validate(r) for r in from_csv.to_pylist()]
    expected = [model.model_validate(r) for r in table.to_pylist()]
    assert back == expected  # Decimal("6.9") == Decimal("6.900000"): values, not scales
    assert sorted(back, key=lambda m: [str(getattr(m, k)) for k in key]) == sorted(
        (model.model_validate(r) for r in rows), key=lambda m: [str(getattr(m, k)) for k in key]
    )


_ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=20)


@given(
    st.lists(
        st.tuples(
            st.none() | st.just("") | _ANY_TEXT,
            st.lists(_ANY_TEXT.filter(lambda s: s != "" and ";" not in s), max_size=3),
        ),
        max_size=6,
    )
)
def test_text_io_keeps_null_apart_from_empty_string_and_any_unicode(
    cells: list[tuple[str | None, list[str]]],
) -> None:
    """Beyond valid data: any code point (NUL, CR, RTL marks ...), null vs "", [] vs null."""
    table = pa.table(
        {
            "text": pa.array([c[0] for c in cells], pa.string()),
            "items": pa.array([c[1] for c in cells], pa.list_(pa.string())),
        }
    )
    back = read_csv_as_text(csv_bytes(table), ["text", "items"])
    assert back["text"].to_pylist() == [c[0] for c in cells]
    items = back["items"].to_pylist()
    assert [None if v is None else v.split(";") for v in items] == [c[1] or None for c in cells]


# -- whole packages ------------------------------------------------------------------------


@given(packages())
def test_any_generated_package_is_valid(pkg: Package) -> None:
    with scratch() as root:
        pkg.write(root)
        report = validate(root, run_frictionless=False, check_build=False)
    assert [str(p) for p in report.problems] == []
    assert report.exit_code == 0


@settings(max_examples=5)
@given(packages())
def test_frictionless_agrees_that_generated_packages_are_valid(pkg: Package) -> None:
    with scratch() as root:
        pkg.write(root)
        report = validate(root, check_build=False)
    assert [str(p) for p in report.problems] == []


# -- one violation, reported at its place --------------------------------------------------

#: Problems a violation of (table, field) causes elsewhere, by design.
#: A statement that loses a span no longer shows its evidence, and may now stop mid-sentence.
_LOST_SPAN = {"missing-evidence", "statement-text-not-evidence", "statement-cut-short"}
CASCADES: dict[tuple[str, str], set[str]] = {
    ("evidence", "record_table"): _LOST_SPAN,  # the record lost (maybe its only) evidence
    ("evidence", "record_id"): _LOST_SPAN,
}
#: Tables whose cells the claims describe (or that describe the claims).
CLAIMED = {*EVIDENCED, "claims", "evidence"}
#: A value for each referenced table that matches its key pattern and names nothing.
DANGLING = {
    "actors": "zz-dangling",
    "events": "ev-zz-dangling",
    "statements": "st-zz-dangling",
    "agreements": "ag-zz-dangling",
    "sources": "0000000000000000",
}


def _violations(pkg: Package) -> list[tuple[str, str, str]]:
    """(kind, table, field) for every violation this package has a row for."""
    out: list[tuple[str, str, str]] = []
    for name in RESOURCES:
        if pkg.tables[name].num_rows == 0:
            continue
        schema = table_schema(name)
        for f in schema.fields:
            key = f.name in schema.primary_key
            if f.enum is not None:
                out.append(("enum", name, f.name))
            if f.pattern is not None and not key:
                out.append(("pattern", name, f.name))
            if f.required and not key:
                out.append(("required", name, f.name))
        for fk in schema.foreign_keys:
            out.append(("dangling", name, fk["fields"][0]))
    if pkg.tables["evidence"].num_rows:
        out += [("quote", "evidence", "quote"), ("dangling", "evidence", "record_id")]
    if pkg.tables["statements"].num_rows:
        out.append(("dangling", "statements", "co_speaker_ids"))
    return out


def _violate(kind: str, name: str, field: str, row: dict[str, Any]) -> str:
    """Break one cell of `row` in place; returns the problem code expected for it."""
    if kind == "enum":
        row[field] = "not-in-the-vocabulary"
        return "constraint-error"
    if kind == "pattern":
        row[field] = "Not A Match"
        return "constraint-error"
    if kind == "required":
        row[field] = None
        return "constraint-error"
    if kind == "quote":
        first = "Q" if row["quote"][0] != "Q" else "R"
        row["quote"] = first + row["quote"][1:]
        return "quote-mismatch"
    if field == "co_speaker_ids":
        row[field] = (DANGLING["actors"],)
        return "unknown-reference"
    if field == "record_id":
        row[field] = "zz-dangling-record"
        return "orphan-evidence"
    target = next(
        fk["reference"]["resource"]
        for fk in table_schema(name).foreign_keys
        if fk["fields"] == [field]
    )
    row[field] = DANGLING[target]
    return "foreign-key"


def _rewrite_csv(root: Path, name: str, rows: list[dict[str, Any]]) -> None:
    """Replace a CSV (in file order, not re-sorted) and its descriptor hash, nothing else."""
    schema = table_schema(name)
    lists = {f.name for f in schema.fields if f.type == "list"}
    plain = [{k: list(v) if k in lists else v for k, v in r.items()} for r in rows]
    data = csv_bytes(pa.Table.from_pylist(plain, schema=schema.arrow_schema()))
    (root / "csv" / f"{name}.csv").write_bytes(data)
    path = root / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    for res in descriptor["resources"]:
        if res["name"] == name:
            res["bytes"], res["hash"] = len(data), f"sha256:{sha256_hex(data)}"
    path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")


@given(packages(), st.data())
def test_a_single_violation_is_reported_at_its_row_and_field(pkg: Package, data: Any) -> None:
    kind, name, field = data.draw(st.sampled_from(_violations(pkg)), label="violation")
    rows = pkg.tables[name].to_pylist()
    index = data.draw(st.integers(0, len(rows) - 1), label="row index")
    code = _violate(kind, name, field, rows[index])
    csv_row = index + 2
    with scratch() as root:
        pkg.write(root)
        _rewrite_csv(root, name, rows)
        report = validate(root, run_frictionless=False, check_build=False)
    csv_file, twin = str(root / "csv" / f"{name}.csv"), str(root / "parquet" / f"{name}.parquet")
    here = [
        p for p in report.problems if p.code == code and p.file == csv_file and p.row == csv_row
    ]
    assert [p.field for p in here] == [field], [str(p) for p in report.problems]
    for p in report.problems:
        same_cell = p.row == csv_row and p.field == field
        allowed = (
            (same_cell and p.file == csv_file)  # e.g. a pattern broken is also a dangling key
            or (same_cell and p.file == twin and p.code == "twin-mismatch")
            or p.code in CASCADES.get((name, field), set())
            # The descriptor lists the sources: a changed sources row differs from it.
            or (name == "sources" and p.code == "descriptor-mismatch")
            # A bad cell is reported, then read as empty: the row no longer shows its claim.
            or (p.code == "claim-mismatch" and name in CLAIMED)
        )
        assert allowed, str(p)
    assert report.exit_code == 1


# -- the build -----------------------------------------------------------------------------


def _shuffled(docs: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """The same annotations with every list of records and every mapping reordered."""

    def walk(value: Any, key: str = "") -> Any:
        if isinstance(value, dict):
            items = [(k, walk(v, k)) for k, v in value.items()]
            rng.shuffle(items)
            return dict(items)
        if isinstance(value, list):
            items = [walk(v) for v in value]
            # Record lists are unordered; list *values* (topics, evidence order) are data.
            unordered = ("", "events", "statements", "agreements", "figures", "participants")
            if key in (*unordered, "parties", "evidence") and all(
                isinstance(v, dict) for v in items
            ):
                rng.shuffle(items)
            return items
        return value

    return {name: walk(doc) for name, doc in docs.items()}


def _write_docs(root: Path, docs: dict[str, Any]) -> None:
    for name, doc in docs.items():
        dumped = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=10**6)
        (root / "annotations" / name).write_text(dumped, encoding="utf-8")


@settings(max_examples=15)
@given(packages(), st.randoms(use_true_random=False))
def test_the_build_is_deterministic_order_independent_and_exact(
    pkg: Package, rng: random.Random
) -> None:
    """Annotations written from a package build back to exactly that package, byte for
    byte, whatever the order of records, mappings and actors; and it validates."""
    with scratch() as root:
        assume(pkg.write_inputs(root / "in"))
        pkg.write(root / "expected")
        first = render(build_tables(root / "in"))
        assert render(build_tables(root / "in")) == first
        docs = pkg.annotations()
        assert docs is not None
        _write_docs(root / "in", _shuffled(docs, rng))
        assert render(build_tables(root / "in")) == first
        for name, content in first.items():
            assert (root / "expected" / name).read_bytes() == content, name
        for name, content in first.items():
            (root / "in" / name).parent.mkdir(parents=True, exist_ok=True)
            (root / "in" / name).write_bytes(content)
        # The fresh-build comparison is the equality above; validate checks the rest.
        report = validate(root / "in", run_frictionless=False, check_build=False)
    assert [str(p) for p in report.problems] == []


# -- the quote check against Python's own slicing ------------------------------------------

_CHARS = st.sampled_from(list("ab é\nViệt😀\u0301"))


@st.composite
def _quote_rows(draw: st.DrawFn) -> tuple[list[str], list[tuple[int, int, int, str | None]]]:
    texts = draw(st.lists(st.text(_CHARS, max_size=12), min_size=1, max_size=3))
    rows = []
    for _ in range(draw(st.integers(0, 6))):
        source = draw(st.integers(-1, len(texts)))
        start, end = draw(st.integers(-1, 13)), draw(st.integers(-1, 14))
        quote: str | None = draw(st.text(_CHARS, max_size=4) | st.none())
        if 0 <= source < len(texts) and draw(st.booleans()):  # mostly real slices
            text = texts[source]
            start = draw(st.integers(0, len(text)))
            end = draw(st.integers(start, len(text)))
            quote = text[start:end]
        rows.append((source, start, end, quote))
    return texts, rows


@given(_quote_rows())
def test_the_columnar_quote_check_agrees_with_python_slicing(
    case: tuple[list[str], list[tuple[int, int, int, str | None]]],
) -> None:
    texts, rows = case
    got = mismatched_quotes(
        [t.encode("utf-8") for t in texts],
        np.array([r[0] for r in rows], dtype=np.int64),
        np.array([r[1] for r in rows], dtype=np.int64),
        np.array([r[2] for r in rows], dtype=np.int64),
        pa.array([r[3] for r in rows], pa.string()),
    )
    expected = [
        not (0 <= s < len(texts) and 0 <= a <= b <= len(texts[s]) and texts[s][a:b] == q)
        for s, a, b, q in rows
    ]
    assert got.tolist() == expected


@given(
    lengths=st.lists(st.integers(0, 5), min_size=1, max_size=6),
    picks=st.lists(st.integers(0, 10_000), max_size=8),
)
def test_rows_at_takes_the_rows_of_a_chunked_table_in_the_order_asked(
    lengths: list[int], picks: list[int]
) -> None:
    """`rows_at` (which takes chunk by chunk, never concatenating) gives what Arrow's
    `take` gives, for rows in any order, repeated, across empty chunks, or none."""
    n = sum(lengths)
    assume(n > 0)
    values = [None if i % 7 == 3 else f"v{i}" for i in range(n)]
    starts = np.cumsum([0, *lengths])
    column = pa.chunked_array(
        [pa.array(values[a:b], pa.string()) for a, b in zip(starts[:-1], starts[1:], strict=True)],
        pa.string(),
    )
    table = pa.table({"text": column, "n": pa.chunked_array([pa.array(range(n))])})
    rows = np.array([p % n for p in picks], dtype=np.int64)
    assert rows_at(column, rows).to_pylist() == [values[i] for i in rows]
    assert rows_at(table, rows).to_pylist() == table.take(pa.array(rows, pa.int64())).to_pylist()
