"""Arrow tables made ready for pandas and polars, and the extras they need.

Exact decimals are right for storage but wrong for analysis tools: pandas
keeps them as Python objects, so `describe()` and arithmetic fail. Frames get
float64 numbers by default and the exact values on request.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Literal

import pyarrow as pa


def require_extra(module: str, what: str, extra: str | None = None) -> ModuleType:
    """Import `module`, or raise ImportError saying which extra installs it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        extra = extra or module
        raise ImportError(
            f"{what} needs {module}, which is not installed: pip install 'vnfr-data[{extra}]'"
        ) from exc


def arrow_for_frames(table: pa.Table, decimal: Literal["float", "exact"]) -> pa.Table:
    """`table` with decimal columns as float64 (`decimal="float"`) or unchanged ("exact")."""
    if decimal == "exact":
        return table
    if decimal != "float":
        raise ValueError(f"decimal must be 'float' or 'exact', not {decimal!r}")
    fields = [
        pa.field(f.name, pa.float64(), f.nullable) if pa.types.is_decimal(f.type) else f
        for f in table.schema
    ]
    return table.cast(pa.schema(fields, metadata=table.schema.metadata))
