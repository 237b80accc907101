"""Events and dates the text gives only by implication (issue 9): a meeting dated by what was
said at it the sentence before, a dialogue by the signing on its sidelines, an opening
ceremony by what opened, a visit's end by the return home; meetings said with a verb and a
partnership's establishment said in a relative clause. Sentences written for the test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from vnfr_data.draft import Draft, extract
from vnfr_data.draft.event_model import DraftEvent


def _draft(tmp_path: Path, text: str, published: dt.date) -> Draft:
    article = tmp_path / "001_00000000000000ef.txt"
    article.write_text(text, encoding="utf-8")
    return extract(article, published=published)


def _event(d: Draft, kind: str) -> DraftEvent:
    found = [e for e in d.events if e.type == kind]
    assert len(found) == 1, [(e.type, d.text[e.first.start : e.first.end]) for e in d.events]
    return found[0]


def test_a_meeting_takes_the_day_of_what_was_said_at_it_the_sentence_before(
    tmp_path: Path,
) -> None:
    d = _draft(
        tmp_path,
        "France to open a new school in Da Nang next year\n"
        "French Ambassador Olivier Brochet announced on Tuesday that France would open a school "
        "in Da Nang.\n"
        "Speaking at a meeting with Da Nang officials, Brochet said the school would teach 600 "
        "pupils.\n",
        dt.date(2026, 2, 12),  # a Thursday
    )
    meeting = _event(d, "meeting")
    assert (meeting.when.start, meeting.when.end) == (dt.date(2026, 2, 10), dt.date(2026, 2, 10))
    assert meeting.when.basis == "inferred" and "sentence before" in (meeting.when.note or "")


def test_an_event_on_whose_sidelines_something_was_signed_is_held_that_day(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Vietnam and France sign a rail loan in Paris\n"
        "Vietnam and France on Monday signed a loan agreement for a tram line in Hanoi, "
        "the ministry said.\n"
        "The loan agreement was signed on the sidelines of a bilateral economic dialogue in "
        "Paris.\n",
        dt.date(2026, 2, 12),
    )
    assert _event(d, "dialogue").when.start == dt.date(2026, 2, 9)


def test_an_opening_ceremony_is_the_first_day_of_what_opened(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "French book fair opens in Hanoi with 40 publishers\n"
        "A French book fair opened in Hanoi on March 3 and will run until March 8.\n"
        "Speaking at the opening ceremony, the French ambassador praised the publishers.\n",
        dt.date(2026, 3, 4),
    )
    ceremony = _event(d, "ceremony")
    assert ceremony.when.start == dt.date(2026, 3, 3)


def test_a_visit_ends_the_day_the_visitor_returns_home_and_a_meeting_before_is_not_dated_by_it(
    tmp_path: Path,
) -> None:
    d = _draft(
        tmp_path,
        "Vietnamese minister in Lyon for talks on trade links\n"
        "Minister of Industry and Trade Nguyen Hong Dien arrived in Lyon on Monday for talks on "
        "trade.\n"
        "Dien will also meet representatives of Vietnamese businesses in France before returning "
        "home on Friday.\n",
        dt.date(2026, 2, 11),  # a Wednesday
    )
    visit = _event(d, "visit")
    assert (visit.when.start, visit.when.end) == (dt.date(2026, 2, 9), dt.date(2026, 2, 13))
    assert visit.status == "ongoing"
    meeting = _event(d, "meeting")
    assert (meeting.when.start, meeting.status) == (None, "planned")


def test_two_people_discussing_is_a_meeting_and_an_established_partnership_an_event(
    tmp_path: Path,
) -> None:
    d = _draft(
        tmp_path,
        "Vietnam and France to train nurses together from next year\n"
        "Deputy Minister of Health Tran Van Thuan and French Ambassador Olivier Brochet on "
        "February 3 discussed the training of nurses in Hanoi.\n"
        "Thuan said Vietnam valued its Strategic Partnership with France, which the two "
        "countries established in 2013.\n"
        "The minister discussed the plan with reporters.\n",
        dt.date(2026, 2, 4),
    )
    meeting = _event(d, "meeting")  # the reporters' one is no meeting of two named people
    assert meeting.when.start == dt.date(2026, 2, 3)
    established = _event(d, "partnership_upgrade")
    assert (established.when.start, established.when.precision) == (dt.date(2013, 1, 1), "year")


def test_a_month_without_its_first_day_is_the_whole_month(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "French photo exhibition on show in Hue until the end of the month\n"
        "A French photo exhibition, which runs until May 22, is visiting Hue.\n"
        "Visitors praised the pictures.\n",
        dt.date(2026, 5, 10),
    )
    w = next(e.when for e in d.events if e.when.end is not None)
    assert (w.start, w.end, w.precision) == (dt.date(2026, 5, 1), dt.date(2026, 5, 31), "month")
