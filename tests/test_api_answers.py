"""Each wrong answer the API used to give (issue 10) now gives the right one or a clear error.

The counts are taken from the Arrow columns or the CSV, never from the method
under test, so each test fails if the method answers wrong.
"""

from __future__ import annotations

import csv
import datetime
import pydoc
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.compute
import pytest

import vnfr_data
from vnfr_data import Dataset, Event, Table


def _csv_rows(repo: Path, name: str) -> list[dict[str, str]]:
    with open(repo / "data" / "csv" / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# -- lookups -----------------------------------------------------------------------


def test_subscript_looks_a_record_up(ds: Dataset) -> None:
    upgrade = ds.events["ev-2024-10-partnership-upgrade"]
    assert isinstance(upgrade, Event) and upgrade.event_id == "ev-2024-10-partnership-upgrade"


def test_unknown_id_raises_key_error_with_close_matches(ds: Dataset) -> None:
    with pytest.raises(KeyError) as caught:
        ds.events["ev-2024-10-partnership-upgrad"]
    message = str(caught.value)
    assert "ev-2024-10-partnership-upgrad" in message
    assert "close matches: ev-2024-10-partnership-upgrade" in message


def test_get_keeps_dict_semantics(ds: Dataset) -> None:
    assert ds.events.get("ev-nope") is None
    marker = object()
    assert ds.events.get("ev-nope", marker) is marker
    assert ds.events.get("ev-2024-10-partnership-upgrade", marker).title
    assert "ev-2024-10-partnership-upgrade" in ds.events and "ev-nope" not in ds.events


def test_positions_and_slices_still_work_like_the_old_lists(ds: Dataset) -> None:
    records = list(ds.statements)
    assert ds.statements[0] == records[0] and ds.statements[-1] == records[-1]
    first = ds.statements[:3]
    assert isinstance(first, Table) and list(first) == records[:3]
    assert list(ds.statements[::50]) == records[::50]
    with pytest.raises(TypeError):
        ds.statements[1.5]  # type: ignore[call-overload]


def test_unknown_table_names_raise_value_error_listing_the_tables(ds: Dataset) -> None:
    some = next(iter(ds.events))
    with pytest.raises(ValueError, match=r"'event' is not a table with evidence.*events"):
        ds.evidence_for("event", some.event_id)
    with pytest.raises(ValueError, match=r"no table 'event'.*tables: sources, actors, events"):
        ds.table("event")
    with pytest.raises(AttributeError, match=r"close matches: events"):
        ds.event  # type: ignore[attr-defined]  # noqa: B018


def test_evidence_for_an_unknown_record_is_an_error_not_an_empty_list(ds: Dataset) -> None:
    with pytest.raises(KeyError, match="ev-nope"):
        ds.evidence_for("events", "ev-nope")
    with pytest.raises(KeyError):
        ds.statements_at("ev-nope")
    with pytest.raises(KeyError):
        ds.participants("ev-nope")
    with pytest.raises(KeyError):
        ds.source_text("0000000000000000")


# -- where -------------------------------------------------------------------------


def test_where_none_matches_the_empty_cells(ds: Dataset, repo: Path) -> None:
    empty = {r["statement_id"] for r in _csv_rows(repo, "statements") if r["addressee_id"] == ""}
    assert empty, "the fixture needs statements without an addressee"
    assert {s.statement_id for s in ds.statements.where(addressee_id=None)} == empty


def test_where_on_a_list_column_means_contains(ds: Dataset, repo: Path) -> None:
    rows = _csv_rows(repo, "statements")
    topic = next(t for r in rows for t in r["topics"].split(";") if t)
    expected = {r["statement_id"] for r in rows if topic in r["topics"].split(";")}
    assert {s.statement_id for s in ds.statements.where(topics=topic)} == expected
    assert all(topic in s.topics for s in ds.statements.where(topics=topic))
    no_topics = {r["statement_id"] for r in rows if r["topics"] == ""}
    assert {s.statement_id for s in ds.statements.where(topics=None)} == no_topics
    with pytest.raises(TypeError, match="list column"):
        ds.statements.where(topics=["economy"])


def test_where_returns_a_chainable_table(ds: Dataset, repo: Path) -> None:
    usd = ds.figures.where(unit="USD")
    assert isinstance(usd, Table)
    rows = _csv_rows(repo, "figures")
    expected = [r["figure_id"] for r in rows if r["unit"] == "USD" and r["qualifier"] == "exact"]
    chained = usd.where(qualifier="exact")
    assert [f.figure_id for f in chained] == expected
    assert len(chained) == len(expected) == chained.arrow.num_rows
    assert isinstance(chained.arrow, pa.Table)
    assert list(chained.to_pandas()["figure_id"]) == expected
    assert ds.figures.where(unit="USD", qualifier="exact").arrow.equals(chained.arrow)
    some = expected[0]
    assert chained[some].figure_id == some
    assert ds.figures.where() is ds.figures


def test_where_refuses_what_would_match_nothing_by_mistake(ds: Dataset) -> None:
    with pytest.raises(ValueError, match=r"no column 'units'.*close matches: unit"):
        ds.figures.where(units="USD")
    with pytest.raises(ValueError, match=r"'usd' is not in its vocabulary.*USD"):
        ds.figures.where(unit="usd")
    with pytest.raises(TypeError, match="integer"):
        ds.evidence.where(char_start="12")
    with pytest.raises(ValueError, match="ISO date"):
        ds.events.where(date_start="26 May 2025")


def test_where_takes_dates_as_iso_strings_and_numbers_as_ints(ds: Dataset, repo: Path) -> None:
    day = next(r["date_start"] for r in _csv_rows(repo, "events") if r["date_start"])
    expected = {r["event_id"] for r in _csv_rows(repo, "events") if r["date_start"] == day}
    assert {e.event_id for e in ds.events.where(date_start=day)} == expected
    assert {e.event_id for e in ds.events.where(date_start=datetime.date.fromisoformat(day))} == (
        expected
    )
    value = next(r for r in _csv_rows(repo, "figures") if "." not in r["value"])
    hits = ds.figures.where(value=int(value["value"]))
    assert value["figure_id"] in {f.figure_id for f in hits}


# -- dates -------------------------------------------------------------------------


def _dated(repo: Path) -> list[dict[str, str]]:
    return [r for r in _csv_rows(repo, "events") if r["date_start"]]


def test_events_between_takes_iso_strings_and_dates(ds: Dataset, repo: Path) -> None:
    may = {
        r["event_id"]
        for r in _dated(repo)
        if r["date_precision"] == "day"
        and r["date_start"] <= "2025-05-31"
        and (r["date_end"] or r["date_start"]) >= "2025-05-01"
    } | {
        r["event_id"]
        for r in _dated(repo)
        if r["date_precision"] != "day"
        and r["date_start"] >= "2025-05-01"
        and (r["date_end"] or r["date_start"]) <= "2025-05-31"
    }
    assert may
    got = {e.event_id for e in ds.events_between("2025-05-01", "2025-05-31")}
    assert got == may
    dates = ds.events_between(datetime.date(2025, 5, 1), datetime.date(2025, 5, 31))
    assert {e.event_id for e in dates} == may
    moments = ds.events_between(datetime.datetime(2025, 5, 1, 9), datetime.date(2025, 5, 31))
    assert {e.event_id for e in moments} == may


def test_events_between_refuses_reversed_bounds_and_bad_dates(ds: Dataset) -> None:
    with pytest.raises(ValueError, match="after end"):
        ds.events_between("2025-05-31", "2025-05-01")
    with pytest.raises(ValueError, match="ISO date"):
        ds.events_between("May 2025", "2025-05-31")
    with pytest.raises(ValueError, match="imprecise"):
        ds.events_between("2025-05-01", "2025-05-31", imprecise="maybe")  # type: ignore[arg-type]


def test_an_imprecise_event_is_not_in_a_short_window_unless_asked(ds: Dataset, repo: Path) -> None:
    coarse = [r for r in _dated(repo) if r["date_precision"] in ("month", "year")]
    assert coarse, "the data needs an event dated to the month or year"
    event = coarse[0]
    day = event["date_start"]  # the first day of its month or year
    assert event["event_id"] not in {e.event_id for e in ds.events_between(day, day)}
    overlapping = ds.events_between(day, day, imprecise="overlap")
    assert event["event_id"] in {e.event_id for e in overlapping}
    whole = ds.events_between(event["date_start"], event["date_end"])
    assert event["event_id"] in {e.event_id for e in whole}


def test_a_multi_day_event_is_in_each_of_its_days(ds: Dataset, tmp_path: Path) -> None:

    events = ds.events.arrow
    day = pa.compute.equal(events["date_precision"], "day")
    one = events.filter(day).slice(0, 1)
    start = one["date_start"][0].as_py()
    visit = one.set_column(
        one.schema.get_field_index("date_end"),
        "date_end",
        pa.array([start + datetime.timedelta(days=2)], pa.date32()),
    )
    three_days = vnfr_data.load(ds.root)  # a fresh Dataset, its events replaced
    three_days.events = Table("events", vnfr_data.Event, tmp_path / "unused", visit)
    inner = start + datetime.timedelta(days=1)
    assert len(three_days.events_between(inner, inner)) == 1
    after = start + datetime.timedelta(days=3)
    assert three_days.events_between(after, after + datetime.timedelta(days=9)) == []


# -- actors by name ------------------------------------------------------------------


def test_statements_by_accepts_a_name_or_alias(ds: Dataset, repo: Path) -> None:
    rows = _csv_rows(repo, "statements")
    expected = {
        r["statement_id"]
        for r in rows
        if r["speaker_id"] == "to-lam" or "to-lam" in r["co_speaker_ids"].split(";")
    }
    assert expected
    for name in ("to-lam", "To Lam", "to lam", "Tô Lâm", "TO LAM"):
        assert {s.statement_id for s in ds.statements_by(name)} == expected, name
    names = [n for a in ds.actors for n in {a.name, *a.aliases}]
    unique = next(a for a in ds.actors if a.aliases and names.count(a.aliases[0]) == 1)
    assert ds.actor(unique.aliases[0]) == unique


def test_an_unknown_speaker_is_an_error_not_an_empty_list(ds: Dataset) -> None:
    with pytest.raises(KeyError, match=r"'To Lamm'.*close matches: To Lam"):
        ds.statements_by("To Lamm")
    with pytest.raises(KeyError):
        ds.events_of("nobody at all")


def test_names_are_compared_without_case_or_accents() -> None:
    from vnfr_data.read.names import fold

    assert fold("Tô Lâm") == fold("to  LAM") == "to lam"
    assert fold("Đinh Toàn Thắng") == "dinh toan thang"


def test_a_name_two_actors_share_is_refused(ds: Dataset) -> None:
    from vnfr_data.read.names import resolve_actor

    actors = ds.actors.arrow
    twin = {name: actors[name][:1] for name in actors.column_names}
    twin["actor_id"] = pa.array(["to-lam-2"])
    doubled = pa.concat_tables([actors, pa.table(twin, schema=actors.schema)])
    table = Table("actors", vnfr_data.Actor, Path("unused"), doubled)
    first = ds.actors[0]
    with pytest.raises(ValueError, match=r"names several actors.*to-lam-2"):
        resolve_actor(table, first.name)
    assert resolve_actor(table, "to-lam-2").actor_id == "to-lam-2"


def test_events_of_accepts_a_name(ds: Dataset) -> None:
    by_id = ds.events_of("emmanuel-macron")
    assert by_id and ds.events_of("Emmanuel Macron") == by_id


# -- reprs, frames, extras ------------------------------------------------------------


def test_repr_says_rows_and_columns(ds: Dataset, repo: Path) -> None:
    text = repr(ds.events)
    assert f"{len(_csv_rows(repo, 'events'))} rows" in text
    assert "event_id, event_type, title" in text
    assert str(ds.root) not in text
    assert f"{len(vnfr_data.RESOURCES)} tables" in repr(ds)


def test_to_pandas_gives_datetimes_and_floats(ds: Dataset) -> None:
    pandas = pytest.importorskip("pandas")
    events = ds.events.to_pandas()
    assert pandas.api.types.is_datetime64_any_dtype(events["date_start"])
    assert events["date_start"].dt.year.dropna().min() >= 2000
    figures = ds.figures.to_pandas()
    assert figures["value"].dtype == "float64"
    assert figures["value"].describe()["count"] == len(ds.figures)
    exact = ds.figures.to_pandas(decimal="exact")
    assert list(exact["value"]) == [f.value for f in ds.figures]
    with pytest.raises(ValueError, match="decimal"):
        ds.figures.to_pandas(decimal="round")  # type: ignore[arg-type]


def test_to_polars_gives_dates_and_floats(ds: Dataset) -> None:
    polars = pytest.importorskip("polars")
    frame = ds.figures.to_polars()
    assert frame["value"].dtype == polars.Float64
    assert ds.events.to_polars()["date_start"].dtype == polars.Date


@pytest.mark.parametrize(("method", "extra"), [("to_pandas", "pandas"), ("to_polars", "polars")])
def test_a_missing_extra_names_the_extra(
    ds: Dataset, monkeypatch: pytest.MonkeyPatch, method: str, extra: str
) -> None:
    monkeypatch.setitem(sys.modules, extra, None)  # import fails as if not installed
    with pytest.raises(ImportError, match=rf"pip install 'vnfr-data\[{extra}\]'"):
        getattr(ds.events, method)()


# -- models carry the schema's descriptions -------------------------------------------


def test_help_on_a_model_shows_the_field_descriptions() -> None:
    text = pydoc.render_doc(vnfr_data.Event, renderer=pydoc.plaintext)
    schema = vnfr_data.Event.model_fields
    for name, info in schema.items():
        assert info.description, name
        assert name in text
        assert info.description.split()[0] in text, name
    assert "Stable slug, prefixed ev-." in text
