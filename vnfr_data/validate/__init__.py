"""Validation: Frictionless checks plus the dataset's own rules, in one report.

Every name is imported on first use, so that the child processes of a
validation (`children`) import this package without pyarrow, and the fresh
build's child without the report's machinery (concurrent.futures, logging).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .report import INVALID, UNUSABLE, VALID, Report
    from .run import validate

__all__ = ["INVALID", "UNUSABLE", "VALID", "Report", "validate"]


def __getattr__(name: str) -> Any:
    if name == "validate":
        from .run import validate

        return validate
    if name in ("INVALID", "UNUSABLE", "VALID", "Report"):
        from . import report

        return getattr(report, name)
    raise AttributeError(f"module 'vnfr_data.validate' has no attribute {name!r}")
