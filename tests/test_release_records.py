"""The shipped release's records, built without re-running validators, equal validated ones."""

from __future__ import annotations

import pytest

import vnfr_data
from vnfr_data.schema.models import MODELS


@pytest.mark.parametrize("name", sorted(MODELS))
def test_constructed_records_are_the_validated_ones(name: str) -> None:
    table = vnfr_data.load().table(name)
    model = MODELS[name]
    rows = table.arrow.to_pylist()
    validated = [
        model.model_validate({k: tuple(v) if isinstance(v, list) else v for k, v in r.items()})
        for r in rows
    ]
    records = list(table)
    assert records == validated
    for got, want in zip(records, validated, strict=True):
        assert got.model_dump() == want.model_dump()
        assert got.model_fields_set == want.model_fields_set
        for field in model.model_fields:
            assert type(getattr(got, field)) is type(getattr(want, field)), (name, field)


def test_a_package_from_a_path_is_validated_field_by_field() -> None:
    shipped = vnfr_data.load()
    assert all(t._released for t in shipped.tables.values())
    other = vnfr_data.load(shipped.root)
    assert not any(t._released for t in other.tables.values())
    assert list(other.events) == list(shipped.events)
    assert not vnfr_data.load(verify=False).events._released


def test_constructed_records_behave_as_validated_ones() -> None:
    """Frozen, hashable, copyable and comparable like a record pydantic validated."""
    import pydantic

    event = next(iter(vnfr_data.load().events))
    twin = type(event).model_validate(event.model_dump())
    assert hash(event) == hash(twin)
    assert event.__pydantic_extra__ is None and event.__pydantic_private__ is None
    with pytest.raises(pydantic.ValidationError):
        event.title = "changed"  # type: ignore[misc]
    copy = event.model_copy(update={"title": "changed"})
    assert copy.title == "changed" and event.title == twin.title
    assert event.model_fields_set == twin.model_fields_set
    first, second = list(vnfr_data.load().events)[:2]
    assert first.model_fields_set is not second.model_fields_set  # one set each, as pydantic's


@pytest.mark.parametrize(
    ("field", "bad"),
    [
        ("date_start", "not a date"),  # a date field
        ("event_type", "picnic"),  # outside the vocabulary
        ("event_id", "EV-UPPER"),  # against the id pattern
        ("title", ""),  # below the minimum length
        ("surprise", "x"),  # a field the schema does not declare
    ],
)
def test_validating_still_checks_every_field(field: str, bad: str) -> None:
    """Records of the release are built without validators; the models still validate."""
    import pydantic

    event = next(iter(vnfr_data.load().events))
    row = {**event.model_dump(), field: bad}
    with pytest.raises(pydantic.ValidationError) as caught:
        type(event).model_validate(row)
    assert caught.value.errors()[0]["loc"] == (field,)
