"""Frictionless schemas, pydantic models and Arrow types must not drift apart."""

from __future__ import annotations

import csv
import typing
from decimal import Decimal
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from vnfr_data import RESOURCES
from vnfr_data.schema import table_schema
from vnfr_data.schema.codegen import MODEL_NAMES, render_formatted
from vnfr_data.schema.models import MODELS


def test_models_py_is_generated_from_the_schemas(repo: Path) -> None:
    committed = (repo / "vnfr_data" / "schema" / "models.py").read_text(encoding="utf-8")
    assert render_formatted(repo) == committed, "run scripts/gen_models.py"


@pytest.mark.parametrize("name", RESOURCES)
def test_model_fields_match_schema(name: str) -> None:
    schema = table_schema(name)
    model = MODELS[name]
    assert model.__name__ == MODEL_NAMES[name]
    assert tuple(model.model_fields) == schema.field_names
    hints = typing.get_type_hints(model, include_extras=True)
    for field in schema.fields:
        info = model.model_fields[field.name]
        hint = str(hints[field.name])
        if field.type == "list":
            assert info.default == ()
        else:
            assert info.is_required() == field.required, field.name
        assert _literals(hints[field.name]) == set(field.enum or field.item_enum or ()), field.name
        if field.type == "number":
            assert "Decimal" in hint
        if field.type == "date":
            assert "datetime.date" in hint


def _literals(hint: object) -> set[object]:
    """The values of every Literal inside a (possibly Annotated, Optional) type."""
    if typing.get_origin(hint) is typing.Literal:
        return set(typing.get_args(hint))
    found: set[object] = set()
    for arg in typing.get_args(hint):
        found |= _literals(arg)
    return found


@pytest.mark.parametrize("name", RESOURCES)
def test_parquet_files_carry_the_schema_arrow_types(repo: Path, name: str) -> None:
    parquet = pq.read_schema(repo / "data" / "parquet" / f"{name}.parquet")
    expected = table_schema(name).arrow_schema()
    assert parquet.remove_metadata().equals(expected), name
    meta = parquet.metadata
    assert meta[b"vnfr:schema_fingerprint"].decode() == table_schema(name).fingerprint()


def test_every_vocabulary_code_has_a_crosswalk_row(repo: Path) -> None:
    with open(repo / "data" / "reference" / "crosswalk.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for vocabulary, (table, column) in {
        "event_type": ("events", "event_type"),
        "statement_type": ("statements", "statement_type"),
    }.items():
        codes = {r["code"] for r in rows if r["vocabulary"] == vocabulary}
        assert codes == set(table_schema(table).field(column).enum or ()), vocabulary


def test_annotation_docs_list_every_vocabulary(repo: Path) -> None:
    from vnfr_data.schema.codegen import (
        VOCAB_END,
        VOCAB_START,
        VOCABULARY_FIELDS,
        render_vocabularies,
    )

    with open(repo / "data" / "reference" / "crosswalk.csv", encoding="utf-8") as handle:
        crosswalk = {(r["vocabulary"], r["code"]): r["definition"] for r in csv.DictReader(handle)}
    docs = (repo / "docs" / "annotations.md").read_text(encoding="utf-8")
    section = VOCAB_START + docs.partition(VOCAB_START)[2].partition(VOCAB_END)[0] + VOCAB_END
    assert section == render_vocabularies(crosswalk), "run scripts/gen_models.py"
    documented = set(VOCABULARY_FIELDS)
    assert ("statements", "statement_type") in documented
    assert ("sources", "published_date_precision") in documented
    assert ("statements", "topics") in documented  # a list of vocabulary items
    assert ("events", "date_precision") not in documented  # the same vocabulary, listed once
    from vnfr_data.schema import TABLES

    curated = {t.name for t in TABLES if t.annotation}
    for name in RESOURCES:
        for f in table_schema(name).fields:
            if (f.enum or f.item_enum) and name in curated and (name, f.name) not in documented:
                assert any(table_schema(t).field(c).enum == f.enum for t, c in documented), f.name


def test_a_model_rejects_what_the_schema_forbids() -> None:
    from pydantic import ValidationError

    from vnfr_data import Figure

    good = dict(
        figure_id="fig-x-1",
        metric="count",
        subject="s",
        value=Decimal("3"),
        unit="count",
        qualifier="exact",
        as_reported="three",
    )
    assert Figure(**good).value == Decimal("3")
    for bad in ({"unit": "furlongs"}, {"figure_id": "Fig X"}, {"value": Decimal("0.0000001")}):
        with pytest.raises(ValidationError):
            Figure(**{**good, **bad})


@pytest.mark.parametrize("name", RESOURCES)
def test_every_table_and_field_has_a_description(name: str) -> None:
    """The codebook, the datasheet and `help()` on the models are made from these."""
    schema = table_schema(name)
    assert schema.descriptor.get("title", "").strip(), name
    assert schema.descriptor.get("description", "").strip(), name
    missing = [f.name for f in schema.fields if not f.description.strip()]
    assert not missing, f"{name}: fields without a description: {missing}"
    for field in schema.fields:
        assert MODELS[name].model_fields[field.name].description == field.description


def test_every_vocabulary_value_has_a_definition(repo: Path) -> None:
    """Event and statement types are defined in the crosswalk, every other vocabulary by
    its field's `categories` (Table Schema v2) in the same order as the enum."""
    from vnfr_data.schema.codegen import category_labels

    with open(repo / "data" / "reference" / "crosswalk.csv", encoding="utf-8") as handle:
        crosswalk = {(r["vocabulary"], r["code"]) for r in csv.DictReader(handle)}
    for name in RESOURCES:
        schema = table_schema(name)
        for field in schema.fields:
            values = field.enum or field.item_enum
            if not values:
                continue
            labels = category_labels(schema, field.name)
            if field.name in ("event_type", "statement_type"):
                assert not labels, f"{name}.{field.name} is defined in the crosswalk"
                assert {(field.name, v) for v in field.enum} <= crosswalk
                continue
            assert list(labels) == list(values), f"{name}.{field.name}"
            assert all(text.strip() for text in labels.values()), f"{name}.{field.name}"


def test_topics_are_a_vocabulary_without_duplicates() -> None:
    topics = table_schema("statements").field("topics")
    assert topics.item_enum, "topics have a controlled vocabulary"
    assert len(set(topics.item_enum)) == len(topics.item_enum)
    # The near-duplicates of 0.1.0 are gone, each merged into one value.
    for merged in ("iuu-yellow-card", "seafood-exports", "defence-security", "climate-change"):
        assert merged not in topics.item_enum


def test_a_topic_outside_the_vocabulary_is_refused() -> None:
    from pydantic import ValidationError

    from vnfr_data.schema.models import Statement

    good = {
        "statement_id": "st-x",
        "speaker_id": "to-lam",
        "statement_type": "affirm",
        "quote_kind": "paraphrase",
        "date_precision": "unknown",
        "date_basis": "unknown",
        "text": "Lam said so.",
    }
    assert Statement.model_validate({**good, "topics": ("trade",)}).topics == ("trade",)
    with pytest.raises(ValidationError):
        Statement.model_validate({**good, "topics": ("iuu-yellow-card",)})
