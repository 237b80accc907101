"""The Table Schemas in `schemas/` are the one source of truth for every column.

Arrow types are derived here; pydantic models are generated from the same
files (`scripts/gen_models.py`) and a test checks they agree field by field.
Only stdlib json and pyarrow are needed, so readers never import frictionless.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

import pyarrow as pa

from ..paths import schemas_dir
from .registry import RESOURCES

#: Figures keep up to this many decimal places; Decimal128 makes CSV <-> Parquet lossless.
DECIMAL_SCALE = 6
DECIMAL_TYPE = pa.decimal128(38, DECIMAL_SCALE)

_ARROW_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": DECIMAL_TYPE,
    "date": pa.date32(),
    "boolean": pa.bool_(),
    "list": pa.list_(pa.string()),
}


@dataclass(frozen=True)
class Field:
    """One column as the Table Schema declares it: every constraint the schemas use."""

    name: str
    type: str
    description: str
    required: bool
    enum: tuple[str, ...] | None
    pattern: str | None
    minimum: float | None
    min_length: int | None
    maximum: float | None = None
    max_length: int | None = None
    unique: bool = False
    #: The Table Schema format ("default", or "uri" for addresses).
    format: str = "default"
    #: A list's vocabulary (`itemConstraints.enum`): Table Schema has no enum for lists, so the
    #: schema names it beside the constraints and our validator checks each item.
    item_enum: tuple[str, ...] | None = None
    #: Table Schema v2 `categories`: each vocabulary value with its definition.
    categories: tuple[tuple[str, str], ...] = ()

    @property
    def arrow_type(self) -> pa.DataType:
        return _ARROW_TYPES[self.type]

    @property
    def free_text(self) -> bool:
        """Text a person wrote (no vocabulary, no pattern): two sources' values are
        compared in their normal form (`sources.folding.normal_text`), so spellings of
        one text are one claim."""
        return self.type == "string" and self.enum is None and self.pattern is None


@dataclass(frozen=True)
class TableSchema:
    name: str
    descriptor: dict[str, Any]

    @cached_property
    def fields(self) -> tuple[Field, ...]:
        return tuple(_field(f) for f in self.descriptor["fields"])

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f["name"] for f in self.descriptor["fields"])

    @property
    def primary_key(self) -> tuple[str, ...]:
        return tuple(self.descriptor["primaryKey"])

    @property
    def foreign_keys(self) -> list[dict[str, Any]]:
        return list(self.descriptor.get("foreignKeys", []))

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    def arrow_schema(self) -> pa.Schema:
        return pa.schema(
            # Lists are never null: an empty list is the absence of items.
            [
                pa.field(f.name, f.arrow_type, nullable=not f.required and f.type != "list")
                for f in self.fields
            ]
        )

    def fingerprint(self) -> str:
        """A hash of the schema, stored in Parquet metadata to detect drift."""
        return self._fingerprint

    @cached_property
    def _fingerprint(self) -> str:
        # Once per schema: validate compares it for every table three times (twin,
        # descriptor, build), and the sorted dump is the dearest part of opening a file.
        canonical = json.dumps(self.descriptor, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _field(f: dict[str, Any]) -> Field:
    c = f.get("constraints", {})
    enum = c.get("enum")
    items = f.get("itemConstraints", {}).get("enum")
    return Field(
        name=f["name"],
        type=f["type"],
        description=f.get("description", ""),
        required=bool(c.get("required", False)),
        enum=tuple(enum) if enum is not None else None,
        pattern=c.get("pattern"),
        minimum=c.get("minimum"),
        min_length=c.get("minLength"),
        maximum=c.get("maximum"),
        max_length=c.get("maxLength"),
        unique=bool(c.get("unique", False)),
        format=str(f.get("format", "default")),
        item_enum=tuple(items) if items is not None else None,
        categories=tuple((str(k["value"]), str(k["label"])) for k in f.get("categories", [])),
    )


def read_schema(name: str) -> dict[str, Any]:
    """The Table Schema of resource `name` as written in `schemas/<name>.json` (a fresh copy)."""
    path = schemas_dir() / f"{name}.json"
    descriptor: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return descriptor


@cache
def table_schema(name: str) -> TableSchema:
    """The Table Schema of resource `name`, read once."""
    return TableSchema(name, read_schema(name))


def all_schemas() -> dict[str, TableSchema]:
    return {name: table_schema(name) for name in RESOURCES}
