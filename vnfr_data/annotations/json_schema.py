"""The JSON Schema of the annotation format, for editors, generated from the models.

`schemas/annotation.schema.json` is what an editor's YAML support (the
yaml-language-server behind VS Code, Neovim, Helix ...) reads to flag a wrong
key or vocabulary value while a contributor types (CONTRIBUTING.md says how
to map it). It is rendered from the same pydantic models that load the files,
whose column constraints come from the Table Schemas, so it cannot say
something the build does not; `scripts/gen_models.py` writes it and a test
fails when the committed file is stale.

JSON Schema draft-07, the newest the yaml-language-server reads.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter

from .format import ActorAnn
from .source_file import SourceFile

#: Where the committed schema lives, relative to the repository.
SCHEMA_PATH = "schemas/annotation.schema.json"
_REF = "#/definitions/{model}"


def _quotes_may_be_text(node: Any) -> Any:
    """An evidence quote is written as plain text or as {quote, occurrence}."""
    if isinstance(node, list):
        return [_quotes_may_be_text(n) for n in node]
    if not isinstance(node, dict):
        return node
    if node == {"$ref": _REF.format(model="QuoteRef")}:
        return {"anyOf": [{"type": "string", "minLength": 1}, node]}
    return {k: _quotes_may_be_text(v) for k, v in node.items()}


def annotation_schema() -> dict[str, Any]:
    """One schema for both kinds of file: a source file (a mapping) or actors.yaml (a list)."""
    source = SourceFile.model_json_schema(ref_template=_REF)
    actors = TypeAdapter(list[ActorAnn]).json_schema(ref_template=_REF)
    definitions = {**source.pop("$defs", {}), **actors.pop("$defs", {})}
    for key, prop in source["properties"].items():
        if key != "source":  # a section with every item commented out is empty, not wrong
            source["properties"][key] = {"anyOf": [prop, {"type": "null"}], "title": prop["title"]}
    definitions["SourceFile"] = source
    schema = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "vnfr-data annotation file",
        "description": (
            "data/annotations/<source_id>.yaml (one source: its metadata, mentions and "
            "records) or data/annotations/actors.yaml (the list of actors). Generated from "
            "vnfr_data/annotations by scripts/gen_models.py; see docs/annotations.md."
        ),
        "if": {"type": "array"},
        "then": actors,
        "else": {"$ref": _REF.format(model="SourceFile")},
        "definitions": dict(sorted(definitions.items())),
    }
    result: dict[str, Any] = _quotes_may_be_text(schema)
    return result


def render_annotation_schema() -> str:
    return json.dumps(annotation_schema(), indent=2, ensure_ascii=False) + "\n"
