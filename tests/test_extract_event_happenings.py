"""Events of kind `other` told by their predicate or by a noun the older triggers did not know
(issue 9: on the blind sets no such event was drafted): "X will be held", works that "began",
a plant that "went into commercial operation", a school "expected to open", flights "resumed",
a route opened, an award; concerts, contests, charity runs, camps, named "Days"; and the dates
and status their own clause gives. Each sentence is written for the test (none copied from
anywhere); each test fails without its rule."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from vnfr_data.draft import Draft, extract
from vnfr_data.draft.event_model import DraftEvent

_PUBLISHED = dt.date(2026, 4, 15)  # a Wednesday
_HEADLINE = "Vietnam and France widen their exchanges\n"


def _draft(tmp_path: Path, body: str) -> Draft:
    article = tmp_path / "001_00000000000000e1.txt"
    article.write_text(_HEADLINE + body + "\n", encoding="utf-8")
    return extract(article, published=_PUBLISHED)


def _others(d: Draft) -> list[DraftEvent]:
    return [e for e in d.events if e.type == "other"]


def _quotes(d: Draft, ev: DraftEvent) -> str:
    return " | ".join(d.doc.text[p.start : p.end] for p in ev.phrases)


def test_a_happening_held_or_taking_place_is_an_event_dated_by_its_clause(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "A French-language theatre tour for teachers will be held in Huế and Đà Nẵng "
        "from May 4 to 9. The first Mekong river clean-up day took place in Cần Thơ on Sunday. "
        "The stake was held by a state fund until 2024.",
    )
    events = _others(d)
    assert len(events) == 2, [e.title for e in events]
    tour, cleanup = events
    assert (tour.status, tour.when.start, tour.when.end) == (
        "planned",
        dt.date(2026, 5, 4),
        dt.date(2026, 5, 9),
    )
    assert (cleanup.status, cleanup.when.start) == ("occurred", dt.date(2026, 4, 12))


def test_works_operation_and_openings_are_milestones(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Construction of the 2,100-billion-đồng bridge began in June 2024. The solar plant, "
        "built by a French group, went into commercial operation on Monday. The old town hall, "
        "whose restoration was completed in 2019, now houses a museum. The partners also broke "
        "ground on a vocational college, which is expected to open in September 2027.",
    )
    by_title = {e.title.split(" in ")[0].split(" on ")[0]: e for e in _others(d)}
    works = next(e for t, e in by_title.items() if t.startswith("Construction of"))
    assert (works.when.start, works.when.precision, works.status) == (
        dt.date(2024, 6, 1),
        "month",
        "occurred",
    )
    plant = next(e for t, e in by_title.items() if t.startswith("Start of operation"))
    assert "solar plant" in plant.title and plant.when.start == dt.date(2026, 4, 13)
    hall = next(e for t, e in by_title.items() if t.startswith("Restoration of"))
    assert hall.title.startswith("Restoration of the old town hall")
    college = next(e for t, e in by_title.items() if t.startswith("Opening of"))
    assert college.status == "planned" and college.when.start == dt.date(2027, 9, 1)


def test_services_routes_and_awards(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Vietnam Airlines suspended its Hanoi–Marseille service in 2021 and resumed weekly "
        "flights on the route last December. A French carrier will open a direct route between "
        "Paris and Đà Nẵng on June 1. Professor Lê Văn An was awarded the Order of Academic "
        "Palms by the French Embassy.",
    )
    titles = [e.title for e in _others(d)]
    assert any(t.startswith("Suspension of") for t in titles), titles
    resumed = next(e for e in _others(d) if e.title.startswith("Resumption of"))
    assert (resumed.when.start, resumed.status) == (dt.date(2025, 12, 1), "occurred")
    route = next(e for e in _others(d) if "direct route" in e.title)
    assert (route.status, route.when.start) == ("planned", dt.date(2026, 6, 1))
    assert any(t.startswith("Award of the Order of Academic Palms") for t in titles), titles


def test_performances_contests_and_named_seasons(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "The Normandy Days 2026 opened in Hà Nội on Saturday with a concert by a Lyon "
        "choir, and will run until April 25. On Friday, a French-language poetry contest for "
        "students will take place at a high school in Huế. The winners receiving a week-long "
        "study trip to Lyon were named on Monday. Students in Marseille held a charity run on "
        "Sunday.",
    )
    days = next(e for e in _others(d) if "Normandy Days" in _quotes(d, e))
    # the year after the name is the name's; the clause's days are the event's
    assert (days.when.start, days.when.end, days.status) == (
        dt.date(2026, 4, 11),
        dt.date(2026, 4, 25),
        "ongoing",
    )
    concert = next(e for e in _others(d) if "concert" in _quotes(d, e))
    assert (concert.when.start, concert.status) == (dt.date(2026, 4, 11), "occurred")
    contest = next(e for e in _others(d) if "contest" in _quotes(d, e))
    assert (contest.when.start, contest.status) == (dt.date(2026, 4, 17), "planned")
    assert any("charity run" in _quotes(d, e) for e in _others(d))
    assert not [e for e in d.events if e.type == "visit"]  # a trip won is a prize, no visit


def test_a_second_mention_with_the_same_head_is_the_same_event(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "The programme includes a photo exhibition on the old port. The photo exhibition, on "
        "display at the city museum, draws hundreds of visitors a day.",
    )
    shows = [e for e in _others(d) if "exhibition" in _quotes(d, e)]
    assert len(shows) == 1 and len(shows[0].phrases) == 2


def test_a_service_s_start_told_by_its_subject(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "The first direct flights between Lyon and Đà Nẵng would start in 2027, the airline said.",
    )
    (start,) = _others(d)
    assert start.title == "Start of the first direct flights between Lyon and Đà Nẵng"
    assert (start.status, start.when.start) == ("planned", dt.date(2027, 1, 1))
