"""Validation: Frictionless checks plus the dataset's own rules, in one report."""

from .report import INVALID, UNUSABLE, VALID, Report
from .run import validate

__all__ = ["INVALID", "UNUSABLE", "VALID", "Report", "validate"]
