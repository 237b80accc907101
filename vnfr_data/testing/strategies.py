"""Hypothesis strategies for vnfr-data records and whole packages, read from the Table Schemas.

For anyone who builds on the dataset (does my code accept every valid record?)
and for the project's own property tests. Each field's strategy is derived
from `schemas/*.json`: its type, enum, pattern, required, minLength and
minimum, so a column added to a schema is generated without touching this
module. Written by hand are only what a schema cannot say: the rules across
fields (a date agrees with its precision) and across tables (ids that
resolve, evidence quotes that are real slices of the generated articles).

Valid text is NFC, starts with no formula character, holds no control
character but line feeds, and is never empty (the schemas say minLength 1);
decimals have at most 6 places. Needs hypothesis (`pip install hypothesis`,
part of the dev extra)::

    from hypothesis import given
    from vnfr_data.testing import records

    @given(records("events"))
    def test_my_code_reads_any_event(row): ...
"""

from __future__ import annotations

import datetime
import os
from decimal import Decimal
from typing import Any

import pyarrow as pa
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from ..schema import RESOURCES, Field, spec, table_schema
from ..schema.models import MODELS, Record

#: Letters a Vietnamese or French article uses, precomposed (NFC), plus ASCII.
_LETTERS = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
    "çœæëïüÿÇŒ"
)
#: Punctuation, including what CSV must quote (comma, quote, line feed) and curly quotes.
_PUNCTUATION = " ,.;:!?'\"()–—‘’“”/%&\n-=+@"


def text(min_size: int = 1, max_size: int = 40, *, exclude: str = "") -> st.SearchStrategy[str]:
    """Valid free text: NFC, not empty, no control character but \\n, no formula lead."""
    alphabet = "".join(c for c in _LETTERS + _PUNCTUATION if c not in exclude)
    first = "".join(c for c in _LETTERS if c not in exclude)
    return st.builds(
        lambda head, tail: head + tail,
        st.sampled_from(first),
        st.text(alphabet, min_size=max(min_size - 1, 0), max_size=max(max_size - 1, 0)),
    )


def _list_items(vocabulary: tuple[str, ...] | None = None) -> st.SearchStrategy[tuple[str, ...]]:
    # Items are joined with ';' in the CSV: none may hold one, none may be empty.
    # Unique, as the build merges list cells by union.
    item = text(1, 12, exclude=";\n") if vocabulary is None else st.sampled_from(vocabulary)
    return st.lists(item, max_size=3, unique=True).map(tuple)


def _decimals() -> st.SearchStrategy[Decimal]:
    return st.integers(0, 6).flatmap(
        lambda places: st.decimals(
            min_value=Decimal("-1e15"),
            max_value=Decimal("1e15"),
            places=places,
            allow_nan=False,
            allow_infinity=False,
        )
    )


_URI = r"https://[a-z0-9]{1,10}\.[a-z]{2,3}/[A-Za-z0-9_/-]{0,20}"


def field_values(
    field: Field, format: str | None = None, max_length: int | None = None
) -> st.SearchStrategy[Any]:
    """Valid values of one field, as the pydantic models take them (None when optional).

    `format` and `max_length` override the field's own format (`uri` for the
    source URL) and maxLength constraint.
    """
    format = field.format if format is None else format
    max_length = field.max_length if max_length is None else max_length
    value: st.SearchStrategy[Any]
    if field.type == "list":
        return _list_items(field.item_enum)  # lists are never null: empty is the absence of items
    if field.enum is not None:
        value = st.sampled_from(field.enum)
    elif field.pattern is not None:
        value = st.from_regex(field.pattern, fullmatch=True)
    elif field.type == "string" and format == "uri":
        value = st.from_regex(_URI, fullmatch=True)
    elif field.type == "string":
        shortest = max(field.min_length or 1, 1)
        value = text(shortest, max(shortest, min(40, max_length or 40)))
    elif field.type == "integer":
        low = int(field.minimum) if field.minimum is not None else -(2**40)
        high = int(field.maximum) if field.maximum is not None else 2**40
        value = st.integers(low, high)
    elif field.type == "number":
        value = _decimals()
    elif field.type == "date":
        value = st.dates()
    elif field.type == "boolean":
        value = st.booleans()
    else:  # pragma: no cover - a new type in a schema must be added here
        raise NotImplementedError(f"no strategy for type {field.type!r}")
    return value if field.required else st.none() | value


def _fields(name: str) -> dict[str, st.SearchStrategy[Any]]:
    return {f.name: field_values(f) for f in table_schema(name).fields}


# -- rules across fields, which a Table Schema cannot state ---------------------------------


@st.composite
def _dated(draw: st.DrawFn, with_end: bool) -> dict[str, Any]:
    """A date (and an end), and a precision they agree with, as the date rules ask."""
    precision = draw(st.sampled_from(("day", "month", "year", "unknown")))
    if precision == "unknown":
        return {"precision": precision, "start": None, "end": None}
    day = draw(st.dates(datetime.date(1, 1, 1), datetime.date(9998, 12, 31)))
    if precision == "day":
        start = day
        end = day + datetime.timedelta(days=draw(st.integers(0, 30)))
    elif precision == "month":
        start = day.replace(day=1)
        end = (start.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        end -= datetime.timedelta(days=1)
    else:
        start, end = datetime.date(day.year, 1, 1), datetime.date(day.year, 12, 31)
    return {"precision": precision, "start": start, "end": end if with_end else None}


def _fix(name: str, row: dict[str, Any], draw: st.DrawFn) -> dict[str, Any]:
    for group in spec(name).groups:
        first, *rest = group.dates
        if group.precision is not None:
            d = draw(_dated(with_end=bool(rest)))
            row |= {first: d["start"], group.precision: d["precision"]}
            if group.basis is not None and spec(name).evidenced:
                # `unknown` is no claim: a fact's date says how it was obtained, or is absent.
                known = ("stated", "inferred")
                row[group.basis] = draw(st.sampled_from(known)) if d["start"] else "unknown"
            for end in rest:
                row[end] = d["end"] if draw(st.booleans()) else None
        elif rest and row[first] and row[rest[0]]:
            row[first], row[rest[0]] = sorted((row[first], row[rest[0]]))
    if name == "sources":
        a, b, c = sorted(draw(st.lists(st.integers(0, 10**6), min_size=3, max_size=3)))
        row |= {"body_start": a, "body_end": b, "char_count": c}
    elif name == "evidence":
        row["char_start"], row["char_end"] = sorted((row["char_start"], row["char_end"]))
    return row


@st.composite
def _record(draw: st.DrawFn, name: str) -> dict[str, Any]:
    return _fix(name, draw(st.fixed_dictionaries(_fields(name))), draw)


def records(name: str) -> st.SearchStrategy[dict[str, Any]]:
    """Valid rows of table `name` as dicts (dates, Decimals, tuples for lists, None)."""
    if name not in RESOURCES:
        raise KeyError(f"no table {name!r}; tables: {', '.join(RESOURCES)}")
    return _record(name)


def models(name: str) -> st.SearchStrategy[Record]:
    """Valid records of table `name` as its frozen pydantic model."""
    return records(name).map(MODELS[name].model_validate)


def table_of(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows as an Arrow table typed by the Table Schema, sorted by primary key like the build."""
    schema = table_schema(name)
    lists = {f.name for f in schema.fields if f.type == "list"}
    plain = [{k: list(v) if k in lists else v for k, v in row.items()} for row in rows]
    table = pa.Table.from_pylist(plain, schema=schema.arrow_schema())
    return table.sort_by([(k, "ascending") for k in schema.primary_key])


def register_profiles() -> None:
    """Profiles sized for 2 cores: `vnfr` (default, also CI) and `vnfr-thorough`.

    Choose with HYPOTHESIS_PROFILE; builds and validations take tens of ms, so
    deadlines are off and example counts modest.
    """
    common: dict[str, Any] = {
        "deadline": None,
        "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
        "print_blob": True,
    }
    settings.register_profile("vnfr", max_examples=20, **common)
    settings.register_profile("vnfr-thorough", max_examples=300, **common)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "vnfr"))
