"""The public API: typed records, lookups and links, Arrow and pandas views."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pytest
from pydantic import ValidationError

import vnfr_data
from vnfr_data import Dataset, Event, Figure, Statement


def test_load_is_lazy_and_cached() -> None:
    first = vnfr_data.load()
    assert first is vnfr_data.load()
    assert first.events._arrow is None or isinstance(first.events._arrow, pa.Table)


def test_every_table_iterates_frozen_typed_records(ds: Dataset) -> None:
    for name, table in ds.tables.items():
        records = list(table)
        assert len(records) == len(table) == table.arrow.num_rows, name
        if records:
            with pytest.raises(ValidationError):
                records[0].__setattr__(next(iter(type(records[0]).model_fields)), "x")


def test_figures_are_decimal_and_dates_are_dates(ds: Dataset) -> None:
    figures = list(ds.figures)
    assert figures and all(isinstance(f.value, Decimal) for f in figures)
    dated = [e for e in ds.events if e.date_start is not None]
    assert dated and all(isinstance(e.date_start, datetime.date) for e in dated)


def test_get_by_id_returns_the_record_or_none(ds: Dataset) -> None:
    some = next(iter(ds.events))
    assert ds.events.get(some.event_id) == some
    assert isinstance(ds.events.get(some.event_id), Event)
    assert ds.events.get("ev-no-such-event") is None


def test_composite_key_tables_refuse_get(ds: Dataset) -> None:
    with pytest.raises(TypeError):
        ds.evidence.get("x")


def test_events_between_uses_overlap(ds: Dataset) -> None:
    dated = [e for e in ds.events if e.date_start is not None]
    target = dated[0]
    assert target.date_start is not None
    hits = ds.events_between(target.date_start, target.date_start)
    assert target in hits
    for e in hits:
        assert e.date_start is not None and e.date_start <= target.date_start
        assert (e.date_end or e.date_start) >= target.date_start
    assert ds.events_between(datetime.date(1900, 1, 1), datetime.date(1900, 12, 31)) == []


def test_actor_links(ds: Dataset) -> None:
    participant = next(iter(ds.event_participants))
    assert any(e.event_id == participant.event_id for e in ds.events_of(participant.actor_id))
    statement = next(iter(ds.statements))
    assert statement in ds.statements_by(statement.speaker_id)
    assert ds.speaker(statement).actor_id == statement.speaker_id


def test_statements_by_includes_joint_statements(ds: Dataset) -> None:
    joint = [s for s in ds.statements if s.co_speaker_ids]
    assert joint
    for s in joint[:5]:
        for actor in (s.speaker_id, *s.co_speaker_ids):
            assert s in ds.statements_by(actor)
    expected = {
        s.statement_id for s in ds.statements if "france" in (s.speaker_id, *s.co_speaker_ids)
    }
    assert {s.statement_id for s in ds.statements_by("france")} == expected


def test_event_to_statements(ds: Dataset) -> None:
    linked = [s for s in ds.statements if s.event_id is not None]
    assert linked
    s = linked[0]
    assert s.event_id is not None
    assert s in ds.statements_at(s.event_id)
    assert all(isinstance(x, Statement) for x in ds.statements_at(s.event_id))


def test_every_evidence_quote_is_its_source_slice(ds: Dataset) -> None:
    texts = {s.source_id: ds.source_text(s.source_id) for s in ds.sources}
    for ev in ds.evidence:
        assert texts[ev.source_id][ev.char_start : ev.char_end] == ev.quote


def test_record_evidence_lookup(ds: Dataset) -> None:
    figure = next(iter(ds.figures))
    spans = ds.evidence_for("figures", figure.figure_id)
    assert spans and all(e.record_id == figure.figure_id for e in spans)


def test_where_filters_on_arrow(ds: Dataset) -> None:
    usd = ds.figures.where(unit="USD")
    assert all(isinstance(f, Figure) and f.unit == "USD" for f in usd)
    assert len(usd) == sum(1 for f in ds.figures if f.unit == "USD")


def test_pandas_conversion(ds: Dataset) -> None:
    frame = ds.events.to_pandas()
    assert list(frame.columns) == list(ds.events.arrow.column_names)
    assert len(frame) == len(ds.events)


def test_duckdb_and_pandas_read_the_files_directly(repo: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    import pandas

    data = repo / "data"
    for name in vnfr_data.RESOURCES:
        n_csv = duckdb.sql(
            f"select count(*) from read_csv('{data}/csv/{name}.csv', header=true)"
        ).fetchall()
        n_parquet = duckdb.sql(f"select count(*) from '{data}/parquet/{name}.parquet'").fetchall()
        assert n_csv == n_parquet
        assert len(pandas.read_csv(data / "csv" / f"{name}.csv")) == n_csv[0][0]
        assert len(pandas.read_parquet(data / "parquet" / f"{name}.parquet")) == n_csv[0][0]
