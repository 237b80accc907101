"""Annotation values meet their columns' constraints, read from the Table Schemas.

An annotation key fills a table column (the registry says which); its
vocabulary, pattern, length and range are the column's, declared once in
`schemas/*.json`. `Columns` checks them when a file is loaded, so a wrong
vocabulary value is reported at its YAML line, and writes them into the JSON
Schema of the format, so that an editor flags it while typing. Whether a key
must be given stays with the annotation model: a source may say only part of
what a record holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from ..schema import Field, TableSpec, registry


@dataclass(frozen=True)
class _Check:
    field: Field
    pattern: re.Pattern[str] | None

    def problem(self, value: Any) -> str | None:
        """What is wrong with `value` for this column, or None."""
        f = self.field
        if isinstance(value, str):
            if f.enum is not None and value == "unknown" and value not in f.enum:
                return (
                    f"'unknown' is not a claim: leave {f.name} out when the source does not "
                    "say (a source that does will then be shown)"
                )
            if f.enum is not None and value not in f.enum:
                return f"{value!r} is not in the vocabulary of {f.name}: " + ", ".join(f.enum)
            if self.pattern is not None and not self.pattern.fullmatch(value):
                return f"{value!r} does not match the pattern of {f.name} ({f.pattern})"
            if f.min_length is not None and len(value) < f.min_length:
                return f"{f.name} needs at least {f.min_length} character(s)"
            if f.max_length is not None and len(value) > f.max_length:
                return f"{f.name} takes at most {f.max_length} character(s)"
        elif isinstance(value, int) and not isinstance(value, bool):
            if f.minimum is not None and value < f.minimum:
                return f"{f.name} must be at least {f.minimum}"
            if f.maximum is not None and value > f.maximum:
                return f"{f.name} must be at most {f.maximum}"
        return None


@cache
def _table_of(model: str) -> TableSpec | None:
    return next((t for t in registry.TABLES if t.annotation == model), None)


@cache
def column_of(model: str, key: str) -> _Check | None:
    """The column annotation key `key` of model `model` fills, with its constraints."""
    table = _table_of(model)
    if table is None or table.column(key) not in table.schema.field_names:
        return None
    field = table.schema.field(table.column(key))
    return _Check(field, re.compile(field.pattern) if field.pattern else None)


def _json_constraints(field: Field) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if field.enum is not None:
        out["enum"] = list(field.enum)
    if field.pattern is not None:
        out["pattern"] = field.pattern
    for key, value in (
        ("minLength", field.min_length),
        ("maxLength", field.max_length),
        ("minimum", field.minimum),
        ("maximum", field.maximum),
    ):
        if value is not None:
            out[key] = value
    return out


def _with_columns(schema: dict[str, Any], cls: type[BaseModel]) -> None:
    """Each property's JSON Schema gets its column's description and constraints."""
    for key, prop in schema.get("properties", {}).items():
        check = column_of(cls.__name__, key)
        if check is None:
            continue
        prop["description"] = check.field.description
        constraints = _json_constraints(check.field)
        # Put them on the branch that holds the value (not on `null` of an optional key).
        for branch in prop.get("anyOf", [prop]):
            if branch.get("type") in ("string", "integer"):
                branch.update(constraints)


class Columns(BaseModel):
    """Base of annotation models whose keys fill the columns of a registered table."""

    model_config = ConfigDict(extra="forbid", frozen=True, json_schema_extra=_with_columns)

    @field_validator("*", mode="after")
    @classmethod
    def _meets_its_column(cls, value: Any, info: ValidationInfo) -> Any:
        check = column_of(cls.__name__, str(info.field_name))
        if check is not None and value is not None:
            problem = check.problem(value)
            if problem is not None:
                raise PydanticCustomError("column_constraint", problem)
        return value
