"""The editors' JSON Schema of the annotation format is current and says what the build says."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from vnfr_data.annotations.columns import column_of
from vnfr_data.annotations.json_schema import SCHEMA_PATH, annotation_schema
from vnfr_data.schema import TABLES


def _validator() -> jsonschema.Draft7Validator:
    schema = annotation_schema()
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


def _errors(doc: Any) -> list[str]:
    return [e.message for e in _validator().iter_errors(doc)]


def _source_doc(repo: Path) -> dict[str, Any]:
    path = next(
        p for p in sorted((repo / "data" / "annotations").glob("*.yaml")) if p.name != "actors.yaml"
    )
    # Dates as the text an editor sees, not the date objects PyYAML makes of them.
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


def test_the_committed_schema_is_current(repo: Path) -> None:
    committed = json.loads((repo / SCHEMA_PATH).read_text(encoding="utf-8"))
    assert committed == annotation_schema(), "run scripts/gen_models.py"


def test_editors_are_told_where_the_schema_applies(repo: Path) -> None:
    settings = json.loads((repo / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert "data/annotations/*.yaml" in settings["yaml.schemas"][f"./{SCHEMA_PATH}"]


def test_every_committed_annotation_file_passes(repo: Path) -> None:
    for path in sorted((repo / "data" / "annotations").glob("*.yaml")):
        doc = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
        assert _errors(doc) == [], path.name


def test_a_wrong_vocabulary_value_or_key_is_flagged(repo: Path) -> None:
    doc = _source_doc(repo)
    doc["events"][0]["type"] = "talkz"
    assert any("talkz" in e for e in _errors(doc))
    doc = _source_doc(repo)
    doc["events"][0]["tpye"] = "talks"
    assert any("tpye" in e for e in _errors(doc))
    doc = _source_doc(repo)
    doc["source"]["published_date_precision"] = "week"
    assert any("week" in e for e in _errors(doc))


def test_quotes_may_be_text_and_sections_empty(repo: Path) -> None:
    doc = _source_doc(repo)
    doc["events"][0]["evidence"] = ["some words", {"quote": "other words", "occurrence": 2}]
    doc["figures"] = None
    assert _errors(doc) == []
    doc["events"][0]["evidence"] = [{"quote": "x", "occurence": 2}]
    assert _errors(doc)


def test_actors_file_items_are_actors() -> None:
    assert _errors([{"id": "x", "name": "X", "type": "person"}]) == []
    assert _errors([{"id": "X Y", "name": "X", "type": "person"}])
    assert _errors([{"id": "x", "name": "X", "type": "wizard"}])


@pytest.mark.parametrize("table", [t for t in TABLES if t.annotation], ids=lambda t: t.name)
def test_defaults_meet_their_columns(table: Any) -> None:
    from vnfr_data.annotations import format as annotation_format

    model = getattr(annotation_format, table.annotation)
    for key, info in model.model_fields.items():
        check = column_of(model.__name__, key)
        if check is not None and isinstance(info.default, str):
            assert check.problem(info.default) is None, (model.__name__, key)
