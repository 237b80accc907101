"""The schema: Table Schemas in `schemas/` for every column, the registry for every table."""

from .registry import EVIDENCED, MODEL_NAMES, RESOURCES, TABLES, TableSpec, spec
from .tables import (
    DECIMAL_SCALE,
    DECIMAL_TYPE,
    Field,
    TableSchema,
    all_schemas,
    table_schema,
)

__all__ = [
    "DECIMAL_SCALE",
    "DECIMAL_TYPE",
    "EVIDENCED",
    "MODEL_NAMES",
    "RESOURCES",
    "TABLES",
    "Field",
    "TableSchema",
    "TableSpec",
    "all_schemas",
    "spec",
    "table_schema",
]
