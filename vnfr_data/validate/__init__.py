"""Validation: Frictionless checks plus the dataset's own rules, in one report.

`validate` is imported on first use, so that the child processes of a
validation (`children`) import this package without pyarrow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .report import INVALID, UNUSABLE, VALID, Report

if TYPE_CHECKING:
    from .run import validate

__all__ = ["INVALID", "UNUSABLE", "VALID", "Report", "validate"]


def __getattr__(name: str) -> Any:
    if name == "validate":
        from .run import validate

        return validate
    raise AttributeError(f"module 'vnfr_data.validate' has no attribute {name!r}")
