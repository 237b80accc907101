"""The table registry agrees with the Table Schemas and the annotation models it names."""

from __future__ import annotations

from pathlib import Path

import pytest

from vnfr_data.annotations import format as annotation_format
from vnfr_data.annotations.source_file import SourceFile
from vnfr_data.schema import EVIDENCED, RESOURCES, TABLES, TableSpec, spec, table_schema
from vnfr_data.schema.registry import children, sections
from vnfr_data.schema.shared import render_schema, render_schema_text


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
    # Every record citing evidence may carry a reviewer's choice among sources' claims.
    evidence = {"evidence", "preferred"} if table.evidenced else set()
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
    holding = [n for n in RESOURCES if "record_table" in table_schema(n).field_names]
    assert {"evidence", "claims"} <= set(holding)
    for name in holding:
        assert table_schema(name).field("record_table").enum == EVIDENCED, name


@pytest.mark.parametrize("name", RESOURCES)
def test_schema_files_carry_the_shared_field_definitions(repo: Path, name: str) -> None:
    committed = (repo / "schemas" / f"{name}.json").read_text(encoding="utf-8")
    assert committed == render_schema_text(name), (
        f"schemas/{name}.json differs from the shared definitions (vnfr_data/schema/shared.py): "
        "edit them there and run scripts/gen_models.py"
    )


def test_a_hand_edited_shared_vocabulary_is_put_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json
    import shutil

    from vnfr_data import paths

    repo_schemas = paths.schemas_dir()
    shutil.copytree(repo_schemas, tmp_path / "schemas")
    path = tmp_path / "schemas" / "statements.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    field = next(f for f in descriptor["fields"] if f["name"] == "date_precision")
    field["constraints"]["enum"].append("week")
    path.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    monkeypatch.setattr("vnfr_data.schema.tables.schemas_dir", lambda: tmp_path / "schemas")
    assert "week" not in json.dumps(render_schema("statements"))
    assert render_schema_text("statements") != path.read_text(encoding="utf-8")


def test_source_files_have_one_section_per_curated_table() -> None:
    fields = list(SourceFile.model_fields)
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


def test_the_architecture_page_names_files_that_exist(repo: Path) -> None:
    import re

    text = (repo / "docs" / "architecture.md").read_text(encoding="utf-8")
    named = set(re.findall(r"((?:vnfr_data|schemas|scripts|docs|data|tests)/[\w./<>-]+)", text))
    concrete = {n.rstrip(".,") for n in named if "<" not in n and "*" not in n}
    assert len(concrete) > 15
    missing = sorted(n for n in concrete if not (repo / n).exists())
    assert not missing, missing
