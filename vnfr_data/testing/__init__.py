"""Hypothesis strategies for vnfr-data records and whole packages, read from the Table Schemas.

For anyone who builds on the dataset (does my code accept every valid record?)
and for the project's own property tests. Needs hypothesis (the `testing` extra)::

    from hypothesis import given
    from vnfr_data.testing import records

    @given(records("events"))
    def test_my_code_reads_any_event(row): ...
"""

from .package import Package, packages
from .strategies import field_values, models, records, register_profiles, table_of, text

__all__ = [
    "Package",
    "field_values",
    "models",
    "packages",
    "records",
    "register_profiles",
    "table_of",
    "text",
]
