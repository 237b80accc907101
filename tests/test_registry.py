"""The table registry agrees with the Table Schemas and the annotation models it names."""

from __future__ import annotations

import pytest

from vnfr_data.annotations import format as annotation_format
from vnfr_data.schema import EVIDENCED, RESOURCES, TABLES, TableSpec, spec, table_schema
from vnfr_data.schema.registry import children, sections


def _names(table: TableSpec) -> set[str]:
    return set(table_schema(table.name).field_names)


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_every_declared_column_exists(table: TableSpec) -> None:
    names = _names(table)
    declared = {
        *table.renames.values(),
        *table.computed,
        *table.identity,
        *(f for g in table.groups for f in g.fields),
        *table.list_references,
        *([table.quoted] if table.quoted else []),
    }
    assert declared <= names, declared - names
    for column, target in table.list_references.items():
        assert column in table.list_fields
        assert target in RESOURCES


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_every_annotation_key_fills_a_column_or_is_declared_otherwise(table: TableSpec) -> None:
    if table.annotation is None:
        assert table.section is None
        return
    model = getattr(annotation_format, table.annotation)
    nested = {str(c.section) for c in children(table.name)}
    evidence = {"evidence"} if table.evidenced else set()
    other = nested | evidence | set(table.annotation_only)
    for key in model.model_fields:
        fills = table.column(key) in _names(table)
        assert fills != (key in other), f"{table.annotation}.{key}"
    assert set(table.renames) <= set(model.model_fields)
    for child in children(table.name):
        assert child.section in model.model_fields, (table.annotation, child.section)


@pytest.mark.parametrize("table", [t for t in TABLES if t.kind == "link"], ids=lambda t: t.name)
def test_a_link_is_identified_by_the_two_ids_it_ties(table: TableSpec) -> None:
    schema = table_schema(table.name)
    first, second = table.identity
    targets = {fk["fields"][0]: fk["reference"]["resource"] for fk in schema.foreign_keys}
    assert first in targets and second in targets
    if table.parent is not None:
        assert targets[first] == table.parent
        assert first == spec(table.parent).key


def test_record_table_vocabularies_are_the_evidenced_tables() -> None:
    for name in ("evidence", "conflicts"):
        assert table_schema(name).field("record_table").enum == EVIDENCED, name


def test_source_files_have_one_section_per_curated_table() -> None:
    fields = list(annotation_format.SourceFile.model_fields)
    assert fields == ["source", "mentions", *[t.section for t in sections()]]


def test_resources_keep_dependency_order() -> None:
    seen: set[str] = set()
    for name in RESOURCES:
        for fk in table_schema(name).foreign_keys:
            target = fk["reference"]["resource"]
            assert target == name or target in seen, (name, target)
        seen.add(name)


def test_an_unknown_table_is_a_clear_error() -> None:
    with pytest.raises(KeyError, match="tables: sources, actors"):
        spec("event")
