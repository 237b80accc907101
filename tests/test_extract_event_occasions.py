"""Event dates and statuses of issue 9 that the text gives by the event's occasion or by a
clause around it: a visit of a stated length under way at publication, a schedule after a
comma, a relative clause whose predicate resumes, a date that starts something else, an act
placed at an occasion named before, a participle of the main clause. Each rule is pinned on a
few sentences written for the test (none copied from anywhere), so that each can fail alone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from vnfr_data.draft import Draft, extract
from vnfr_data.draft.event_model import DraftEvent

WEDNESDAY = dt.date(2027, 6, 16)


def _draft(tmp_path: Path, lead: str, published: dt.date = WEDNESDAY) -> Draft:
    article = tmp_path / "001_00000000000000ee.txt"
    article.write_text(f"France and Vietnam\n{lead}\n", encoding="utf-8")
    return extract(article, published=published)


def _one(d: Draft, kind: str) -> DraftEvent:
    found = [e for e in d.events if e.type == kind]
    assert len(found) == 1, [(e.type, e.title) for e in d.events]
    return found[0]


def _dates(ev: DraftEvent) -> tuple[dt.date | None, dt.date | None, str]:
    return ev.when.start, ev.when.end, ev.status


def test_a_visit_of_a_stated_length_under_way_takes_the_month(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "HÀ NỘI — French Minister Claire Roussel, who is on a four-day working visit to Việt "
        "Nam, said the two countries would expand rail cooperation.",
    )
    visit = _one(d, "visit")
    assert _dates(visit) == (dt.date(2027, 6, 1), dt.date(2027, 6, 30), "ongoing")
    assert visit.when.precision == "month" and "under way" in (visit.when.note or "")
    # No length stated: nothing says the visit began this month.
    d = _draft(
        tmp_path,
        "HÀ NỘI — French Minister Claire Roussel, who is on her third visit to Việt Nam, said the "
        "two countries would expand rail cooperation.",
    )
    assert _dates(_one(d, "visit")) == (None, None, "ongoing")


def test_a_schedule_after_a_comma_dates_the_event(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "HÀ NỘI — Both cities will attend the fifth Việt Nam–France Forum on Rivers, to be held in "
        "Lyon in September, where they will present their project.",
    )
    forum = _one(d, "conference")
    assert _dates(forum) == (dt.date(2027, 9, 1), dt.date(2027, 9, 30), "planned")


def test_a_topic_set_off_by_commas_leaves_the_predicate_to_the_event(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "HÀ NỘI — The next conference in the series, on cooperation in river transport, is "
        "scheduled for early next year in Huế.",
    )
    conference = _one(d, "conference")
    assert _dates(conference) == (dt.date(2028, 1, 1), dt.date(2028, 12, 31), "planned")


def test_a_relative_clause_then_the_events_own_predicate(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "PARIS — A Vietnamese film week, which opened at a cinema in Lyon on Monday, will run "
        "until June 20, the organisers said.",
    )
    week = next(e for e in d.events if "film week" in e.title.lower())
    assert _dates(week) == (dt.date(2027, 6, 14), dt.date(2027, 6, 20), "ongoing")


def test_a_date_that_starts_a_programme_is_not_the_signings(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "HÀ NỘI — The two defence ministers held talks in Hà Nội on Monday. At the end of the "
        "talks, the two sides signed a letter of intent on a one-year training programme "
        "starting in October.",
    )
    signing = _one(d, "signing")
    assert _dates(signing) == (dt.date(2027, 6, 14), dt.date(2027, 6, 14), "occurred")


def test_an_act_at_an_occasion_named_before_takes_its_day(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "ĐÀ NẴNG — At a working session in Đà Nẵng on Saturday, the vice chairman of the city "
        "said the city wanted French investment in its port. After the session, the two sides "
        "signed a memorandum of understanding on port cooperation.",
    )
    signing = _one(d, "signing")
    assert _dates(signing) == (dt.date(2027, 6, 12), dt.date(2027, 6, 12), "occurred")
    assert "'After the session'" in (signing.when.note or "")


def test_documents_exchanged_at_the_forum_take_the_forums_day(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "PARIS — Some 300 companies attended a Việt Nam–France business forum in Paris on "
        "Tuesday. Three cooperation documents, in rail, ports and training, were exchanged at "
        "the forum.",
    )
    exchange = _one(d, "document_exchange")
    assert _dates(exchange) == (dt.date(2027, 6, 15), dt.date(2027, 6, 15), "occurred")


def test_on_the_sidelines_of_the_opening_is_the_first_day_of_what_opened(
    tmp_path: Path,
) -> None:
    d = _draft(
        tmp_path,
        "HUẾ — Huế and Rennes opened a five-day heritage festival on Monday that will run until "
        "June 18. The two cities signed a cooperation plan on the sidelines of the opening.",
    )
    signing = _one(d, "signing")
    assert _dates(signing) == (dt.date(2027, 6, 14), dt.date(2027, 6, 14), "occurred")


def test_a_participle_clause_takes_the_main_clauses_day(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "PARIS — Prime Minister Nguyễn Văn Bình on June 15 urged French companies to invest in "
        "Việt Nam, telling a Việt Nam–France business forum in Paris that the country would "
        "train 10,000 engineers. The forum is part of his official visit to France from June 14 "
        "to 17.",
    )
    forum = _one(d, "conference")
    assert _dates(forum) == (dt.date(2027, 6, 15), dt.date(2027, 6, 15), "occurred")
    visit = _one(d, "official_visit")
    assert _dates(visit) == (dt.date(2027, 6, 14), dt.date(2027, 6, 17), "ongoing")


def test_the_nth_day_of_a_visit_gives_its_days_and_the_arrival_is_the_visit(
    tmp_path: Path,
) -> None:
    d = _draft(
        tmp_path,
        "HANOI (AFP) — French Prime Minister Marc Ollivier on Wednesday signed a rail accord with "
        "Vietnam on the third day of a four-day official visit. Ollivier, who arrived in Hanoi "
        "on Monday with his wife, praised the accord.",
    )
    visits = [
        e for e in d.events if e.type in {"visit", "official_visit"} and e.status != "planned"
    ]
    assert len(visits) == 1, [(e.type, e.title) for e in d.events]
    assert _dates(visits[0]) == (dt.date(2027, 6, 14), dt.date(2027, 6, 17), "ongoing")


def test_a_visit_ends_with_what_comes_just_before_the_return(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "HANOI — French Minister Claire Roussel held talks in Hanoi on Tuesday. Roussel, who "
        "arrived in Hanoi on Monday, will travel to Da Nang on Thursday before returning to "
        "Paris.",
    )
    visits = sorted((e for e in d.events if e.type == "visit"), key=lambda e: e.first.start)
    assert [_dates(v) for v in visits] == [
        (dt.date(2027, 6, 14), dt.date(2027, 6, 17), "ongoing"),
        (dt.date(2027, 6, 17), dt.date(2027, 6, 17), "planned"),
    ]


def test_a_visit_dated_by_its_talks_and_what_happened_during_it(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "PARIS — The two countries opened a new chapter during a landmark visit by Vietnamese "
        "President Nguyễn Văn Bình to Paris. During their talks in Paris on June 8, both leaders "
        "spoke of climate cooperation. The signing of six agreements during Bình’s visit was "
        "welcomed by business leaders.",
        published=dt.date(2027, 6, 10),
    )
    visit = _one(d, "visit")
    assert _dates(visit) == (dt.date(2027, 6, 1), dt.date(2027, 6, 30), "occurred")
    signing = _one(d, "signing")
    assert _dates(signing) == (dt.date(2027, 6, 1), dt.date(2027, 6, 30), "occurred")
    assert "during the visit" in (signing.when.note or "")


def test_recent_is_the_publication_year_from_march_on(tmp_path: Path) -> None:
    lead = (
        "PARIS — Macron offered condolences for the losses Vietnam suffered due to recent "
        "Typhoon Kajiki."
    )
    d = _draft(tmp_path, lead, published=dt.date(2027, 10, 9))
    assert _dates(_one(d, "disaster")) == (dt.date(2027, 1, 1), dt.date(2027, 12, 31), "occurred")
    d = _draft(tmp_path, lead, published=dt.date(2027, 1, 9))
    assert _dates(_one(d, "disaster")) == (None, None, "occurred")
