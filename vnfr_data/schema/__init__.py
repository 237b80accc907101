"""The schema: Table Schemas in `schemas/` are the one source of truth for every column."""

from .tables import (
    DECIMAL_SCALE,
    DECIMAL_TYPE,
    EVIDENCED,
    RESOURCES,
    Field,
    TableSchema,
    all_schemas,
    table_schema,
)

__all__ = [
    "DECIMAL_SCALE",
    "DECIMAL_TYPE",
    "EVIDENCED",
    "RESOURCES",
    "Field",
    "TableSchema",
    "all_schemas",
    "table_schema",
]
