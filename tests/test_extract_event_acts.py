"""Event triggers of issue 9 that the drafts missed on new articles: journeys told by their
verb ("landed in", "before flying to"), receptions told as "hosted" or "welcomed", phone calls,
meetings with "his counterpart", exercises, a legislature's votes and bills, launches and
inaugurations, appointments, documents "exchanged"; and the dates a clause gives past an
inserted clause. Each sentence is written for the test (none copied from anywhere); each test
fails without its rule."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from vnfr_data.draft import Draft, extract
from vnfr_data.draft.dates import Anchor, find
from vnfr_data.draft.event_model import DraftEvent
from vnfr_data.draft.furniture import layout
from vnfr_data.draft.text import Span

_PUBLISHED = dt.date(2026, 4, 15)  # a Wednesday
_HEADLINE = "Vietnam and France step up cooperation across the board\n"


def _draft(tmp_path: Path, body: str) -> Draft:
    article = tmp_path / "001_00000000000000ef.txt"
    article.write_text(_HEADLINE + body + "\n", encoding="utf-8")
    return extract(article, published=_PUBLISHED)


def _text(d: Draft, ev: DraftEvent) -> list[str]:
    return [d.doc.text[p.start : p.end] for p in ev.phrases]


def _of(d: Draft, kind: str) -> list[DraftEvent]:
    return [e for e in d.events if e.type == kind]


def test_a_journey_told_by_its_verb_is_a_visit(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "French President Emmanuel Macron landed in Hanoi on Sunday evening. He will speak to "
        "students on Thursday before flying to Indonesia for the next leg of his tour. His wife "
        "is flying home on Friday.",
    )
    visits = _of(d, "visit")
    assert [(v.location, v.status) for v in visits] == [
        ("Hanoi", "occurred"),
        ("Indonesia", "planned"),
    ]
    assert visits[0].when.start == dt.date(2026, 4, 12)
    assert "emmanuel-macron" in visits[0].participants


@pytest.mark.parametrize("verb", ["hosted", "welcomed"])
def test_a_host_receiving_a_named_guest_is_a_reception(tmp_path: Path, verb: str) -> None:
    d = _draft(
        tmp_path,
        f"Prime Minister Pham Minh Chinh {verb} French President Emmanuel Macron in Hanoi on "
        "Tuesday and discussed energy cooperation.",
    )
    (reception,) = _of(d, "reception")
    roles = {k: how for k, (_, how, _) in reception.participants.items()}
    assert roles == {"pham-minh-chinh": "host", "emmanuel-macron": "guest"}
    assert reception.when.start == dt.date(2026, 4, 14)
    assert reception.title == "Pham Minh Chinh receives Emmanuel Macron in Hanoi"


def test_welcoming_what_a_person_said_or_a_thing_is_no_reception(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Prime Minister Pham Minh Chinh welcomed Emmanuel Macron’s proposal on rail training. "
        "The province welcomed 180,000 French tourists last year. Chinh welcomed the cooperation.",
    )
    assert _of(d, "reception") == []


def test_the_place_and_day_after_a_relative_clause_are_the_verbs(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "French President Emmanuel Macron welcomed Vietnamese President Luong Cuong, who is on a "
        "state visit to France, at the Élysée Palace on Tuesday and promised closer ties.",
    )
    (reception,) = _of(d, "reception")
    assert _text(d, reception) == [
        "welcomed Vietnamese President Luong Cuong",
        "at the Élysée Palace on Tuesday",
    ]
    assert reception.when.start == dt.date(2026, 4, 14)


def test_a_phone_call_is_talks_and_his_counterpart_makes_a_meeting(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Prime Minister Pham Minh Chinh had a phone call with French Prime Minister Sébastien "
        "Lecornu on Monday. Deputy Minister Le Thi Thu Hang met with her French counterpart in "
        "Paris on April 2.",
    )
    (call,) = _of(d, "talks")
    assert call.when.start == dt.date(2026, 4, 13)
    (meeting,) = _of(d, "meeting")
    assert _text(d, meeting)[0].startswith("met with her French counterpart")
    assert meeting.when.start == dt.date(2026, 4, 2)


def test_an_event_in_a_where_clause_takes_the_date_of_what_it_belongs_to(
    tmp_path: Path,
) -> None:
    d = _draft(
        tmp_path,
        "Defence Minister Phan Van Giang paid a working visit to Paris in March, where he met "
        "his French counterpart.",
    )
    (meeting,) = _of(d, "meeting")
    w = meeting.when
    assert (w.start, w.end, w.basis) == (dt.date(2026, 3, 1), dt.date(2026, 3, 31), "inferred")


def test_a_press_conference_is_no_conference(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Macron told a joint press conference in Hanoi on Monday that France would help.",
    )
    assert _of(d, "conference") == []
    assert [e.head for e in _of(d, "other")] == ["joint press conference"]


def test_an_exercise_of_forces_is_an_event_an_offer_of_one_is_not(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "The two navies are scheduled to hold a joint search-and-rescue exercise off Da Nang on "
        "Friday. The commander said his forces were ready to host a joint naval drill with "
        "France next year.",
    )
    (exercise,) = _of(d, "other")
    assert (exercise.status, exercise.when.start) == ("planned", dt.date(2026, 4, 17))
    assert exercise.title.startswith("Joint search-and-rescue exercise")


def test_a_legislatures_votes_and_bills_are_events(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "France is expected to ratify the agreement soon, after the French National Assembly "
        "voted in favour in March. The Senate will vote on the ratification bill on June 24. "
        "The European Parliament approved the trade agreement on April 2.",
    )
    found = [(e.title, e.status, e.when.start) for e in _of(d, "other")]
    assert found == [
        ("Vote of the French National Assembly in favour", "occurred", dt.date(2026, 3, 1)),
        ("Vote of the Senate on the ratification bill", "planned", dt.date(2026, 6, 24)),
        (
            "Approval of the trade agreement by the European Parliament",
            "occurred",
            dt.date(2026, 4, 2),
        ),
    ]


def test_launches_and_inaugurations_of_things_are_events_of_abstractions_not(
    tmp_path: Path,
) -> None:
    d = _draft(
        tmp_path,
        "The two ministers inaugurated a rail training centre in Hanoi on Monday. An Earth "
        "observation satellite built in France is to be launched in 2028. The ministry launched "
        "an appeal for calm.",
    )
    found = [(e.title, e.status) for e in _of(d, "other")]
    assert found == [
        ("Inauguration of a rail training centre", "occurred"),
        ("Launch of an Earth observation satellite built in France", "planned"),
    ]


def test_taking_office_is_an_appointment_of_the_person(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Chinh held phone talks with French Prime Minister Sébastien Lecornu, the first contact "
        "since Lecornu took office in September last year. Chinh congratulated Lecornu on his "
        "appointment.",
    )
    (office,) = _of(d, "election")
    assert office.title == "Appointment of Sébastien Lecornu in September 2025"
    assert len(office.phrases) == 2  # "his appointment" points back to it


def test_documents_exchanged_are_a_handover_views_exchanged_are_not(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Four other cooperation documents, in aviation, health and logistics, were exchanged at "
        "the forum on Thursday. The two leaders exchanged views on regional issues.",
    )
    (exchange,) = _of(d, "document_exchange")
    assert _text(d, exchange)[0].startswith("Four other cooperation documents")


def test_a_predicate_after_an_inserted_clause_dates_the_event(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "The embassy said the 2026 Francophonie Festival, organised with the French Institute, "
        "will take place from 16 to 29 May in Hanoi and Hue.",
    )
    (festival,) = _of(d, "other")
    w = festival.when
    assert (festival.status, w.start, w.end) == (
        "planned",
        dt.date(2026, 5, 16),
        dt.date(2026, 5, 29),
    )


def test_a_dateline_in_vietnamese_capitals_opens_the_body(tmp_path: Path) -> None:
    text = (
        "HÀ NỘI — French Defence Minister Claire Roussel left Hà Nội on Tuesday after a two-day "
        "official visit to Việt Nam.\n"
        "During the visit, she held talks with her Vietnamese counterpart in Hà Nội.\n"
    )
    doc = layout(text)
    assert doc.body.start == 0
    assert text[doc.title.start : doc.title.end].startswith("French Defence Minister")


def test_a_ships_docking_for_a_port_call_is_one_visit_with_its_days(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "The French frigate Vendémiaire docked at Cam Ranh International Port on April 13 for a "
        "five-day port call.",
    )
    (visit,) = _of(d, "visit")
    assert (visit.when.start, visit.when.end) == (dt.date(2026, 4, 13), dt.date(2026, 4, 17))


def test_a_journey_that_is_a_leg_of_a_visit_is_not_the_visit(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "French Minister Claire Roussel flew to Da Nang on Tuesday for the last leg of a "
        "three-day official visit to Vietnam that began on Monday.",
    )
    journey = next(e for e in d.events if e.location == "Da Nang")
    assert (journey.when.start, journey.when.end) == (dt.date(2026, 4, 14), dt.date(2026, 4, 14))
    assert _of(d, "official_visit")


def test_a_participle_opening_the_sentence_is_its_occasion(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Meeting with French President Emmanuel Macron in Paris on Monday, Prime Minister Pham "
        "Minh Chinh said the two countries would deepen trust.",
    )
    (meeting,) = _of(d, "meeting")
    assert set(meeting.participants) == {"emmanuel-macron", "pham-minh-chinh"}


def test_sessions_consultations_and_patrols(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "The two ministers co-chaired the 12th session of the Vietnam–France Intergovernmental "
        "Committee in Paris on Friday. The two sides held the fifth political consultation in "
        "Hanoi on April 8. The two navies conducted a joint patrol in the Gulf of Tonkin on "
        "April 6. The fifth session of the National Assembly opened on Monday.",
    )
    assert [e.when.start for e in _of(d, "dialogue")] == [dt.date(2026, 4, 10), dt.date(2026, 4, 8)]
    assert [e.when.start for e in _of(d, "other")] == [dt.date(2026, 4, 6)]


def test_two_meetings_of_different_pairs_stay_two(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Prime Minister Pham Minh Chinh received French President Emmanuel Macron on Tuesday. "
        "Foreign Minister Bui Thanh Son, who met Macron on Tuesday evening, said ties were strong.",
    )
    assert len([e for e in d.events if e.type in {"reception", "meeting"}]) == 2


def test_a_vote_with_an_auxiliary_and_a_signing_in_its_relative_clause(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Roussel told reporters that the French National Assembly had voted last month to approve "
        "a defence agreement that the two governments signed in Paris in November 2025.",
    )
    (vote,) = _of(d, "other")
    assert (vote.status, vote.when.start) == ("occurred", dt.date(2026, 3, 1))
    (signing,) = _of(d, "signing")
    assert (signing.when.start, signing.when.end) == (dt.date(2025, 11, 1), dt.date(2025, 11, 30))
    assert _text(d, signing)[0].startswith("a defence agreement")


def test_documents_exchanged_at_a_known_handover_are_the_known_set(tmp_path: Path) -> None:
    data = Path(__file__).resolve().parent.parent / "data"
    article = tmp_path / "001_00000000000000f0.txt"
    article.write_text(
        _HEADLINE + "French President Emmanuel Macron paid a state visit to Vietnam from May 25 "
        "to 27, 2025. During the visit, the two sides exchanged 14 cooperation documents in "
        "Hanoi on May 26, 2025.\n",
        encoding="utf-8",
    )
    d = extract(
        article,
        actors=data / "annotations" / "actors.yaml",
        dataset=data,
        published=dt.date(2026, 5, 27),
    )
    (exchange,) = _of(d, "document_exchange")
    assert exchange.existing == "ev-2025-05-26-handover-cooperation-documents"
    sets = [a for a in d.agreements if a.type == "cooperation_documents"]
    assert [a.existing for a in sets] == ["ag-2025-05-vn-fr-cooperation-documents"]


@pytest.mark.parametrize(
    "header",
    ["By Minh Anh   May 26, 2026 | 09:30 am GMT+7", "VNA"],
)
def test_a_standfirst_above_a_bare_header_line_is_not_the_article(header: str) -> None:
    text = (
        "Vietnam, France sign deals worth 10 billion USD\n"
        "The two countries signed 12 agreements as the French President began a state visit.\n"
        f"{header}\n"
        "French President Emmanuel Macron on Monday held talks with State President Lương Cường "
        "in Hà Nội.\n"
        "The two leaders witnessed the signing of 12 agreements worth 10 billion USD.\n"
    )
    doc = layout(text)
    assert text[doc.body.start : doc.body.end].startswith("French President Emmanuel Macron")
    assert text[doc.body.start : doc.body.end].endswith("10 billion USD.")


def test_a_one_paragraph_article_above_timestamped_teasers_stays_the_body() -> None:
    text = (
        "Vietnam, France sign deals worth 10 billion USD\n"
        "French President Emmanuel Macron on Monday held talks with State President Lương Cường "
        "in Hà Nội and witnessed the signing of 12 deals.\n"
        "09:30 | 26/05/2026\n"
        "Japan and the Philippines hold a coast guard drill in the South China Sea near Manila.\n"
        "10:05 | 25/05/2026\n"
        "Thailand opens a new rail line to the Lao border with Chinese financing and help.\n"
    )
    doc = layout(text)
    assert text[doc.body.start : doc.body.end].endswith("the signing of 12 deals.")


def test_what_she_also_did_is_the_day_the_sentence_before_names(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "In Da Nang, French Minister Claire Roussel watched a joint search-and-rescue exercise "
        "on Tuesday afternoon. She also inaugurated a training centre for naval medicine in the "
        "city.",
    )
    opening = next(e for e in _of(d, "other") if e.title.startswith("Inauguration"))
    assert (opening.when.start, opening.when.basis) == (dt.date(2026, 4, 14), "inferred")


@pytest.mark.parametrize(
    ("words", "start", "end"),
    [
        ("on 5 and 6 November 2026", dt.date(2026, 11, 5), dt.date(2026, 11, 6)),
        ("on November 5 and 6", dt.date(2026, 11, 5), dt.date(2026, 11, 6)),
        ("on 5 and 12 November", dt.date(2026, 11, 12), dt.date(2026, 11, 12)),  # two days
    ],
)
def test_two_days_running_joined_by_and_are_a_range(
    words: str, start: dt.date, end: dt.date
) -> None:
    anchor = Anchor(dt.date(2026, 10, 15), 2026, "the publication date 2026-10-15")
    found = find(words, Span(0, len(words)), anchor, future=True)
    assert [(f.when.start, f.when.end) for f in found][-1] == (start, end)


def test_a_partnership_established_in_a_participle_is_its_upgrade_told_once(
    tmp_path: Path,
) -> None:
    d = _draft(
        tmp_path,
        "The Comprehensive Strategic Partnership, established in October 2024, has brought the "
        "two countries closer. Bilateral ties were elevated to a Comprehensive Strategic "
        "Partnership in October 2024.",
    )
    (upgrade,) = _of(d, "partnership_upgrade")
    assert (upgrade.when.start, upgrade.when.end) == (dt.date(2024, 10, 1), dt.date(2024, 10, 31))
    assert len(upgrade.phrases) == 2


def test_an_arrival_starting_a_visit_is_its_first_day_and_the_inviter_hosts(
    tmp_path: Path,
) -> None:
    d = _draft(
        tmp_path,
        "French Minister Claire Roussel arrived in Hanoi on Sunday, starting a three-day "
        "official visit to Vietnam at the invitation of Prime Minister Pham Minh Chinh.",
    )
    (visit,) = [e for e in d.events if e.type in {"visit", "official_visit"}]
    assert visit.type == "official_visit"
    assert (visit.when.start, visit.when.end) == (dt.date(2026, 4, 12), dt.date(2026, 4, 14))
    assert visit.participants["pham-minh-chinh"][1] == "host"


def test_a_visit_wrapped_up_on_a_day_ends_that_day(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Prime Minister Pham Minh Chinh wrapped up a four-day official visit to France on Friday.",
    )
    (visit,) = _of(d, "official_visit")
    assert (visit.when.start, visit.when.end) == (dt.date(2026, 4, 7), dt.date(2026, 4, 10))


@pytest.mark.parametrize("stamp", ["26/05/2026", "26/05/2026 10:30", "Monday, May 26, 2026"])
def test_a_list_of_dated_teasers_after_the_article_is_not_its_last_paragraph(stamp: str) -> None:
    text = (
        "Vietnam, France sign deals worth 10 billion USD\n"
        "HANOI (VNA) – French President Emmanuel Macron on Monday held talks with State President "
        "Lương Cường in Hà Nội.\n"
        "The two leaders witnessed the signing of agreements in aviation and energy.\n"
        "Vietnam and France sign 12 deals worth 10 billion USD during Macron visit to Hanoi.\n"
        f"{stamp}\n"
        "Vietnam, Japan hold defence talks in Tokyo as ties deepen further this year.\n"
        f"{stamp}\n"
    )
    doc = layout(text)
    assert text[doc.body.start : doc.body.end].endswith("in aviation and energy.")


def test_a_bare_date_line_alone_inside_the_article_does_not_end_it() -> None:
    text = (
        "Vietnam, France sign deals worth 10 billion USD\n"
        "HANOI (VNA) – French President Emmanuel Macron on Monday held talks with State President "
        "Lương Cường in Hà Nội.\n"
        "Monday, May 26, 2026\n"
        "The ministers also agreed to meet again in Paris in the autumn.\n"
    )
    doc = layout(text)
    assert text[doc.body.start : doc.body.end].endswith("in the autumn.")


@pytest.mark.parametrize(
    "line",
    [
        "Editor’s note: This article was updated on May 27 to correct the number of deals, 12.",
        "Correction: an earlier version of this story said the two sides signed 14 agreements.",
        "Follow VnExpress International on Facebook for the latest news on the visit.",
    ],
)
def test_editors_notes_and_social_prompts_are_furniture(line: str) -> None:
    text = (
        "Vietnam, France sign deals worth 10 billion USD\n"
        "HANOI (VNA) – French President Emmanuel Macron on Monday held talks with State President "
        "Lương Cường in Hà Nội.\n"
        "The two leaders witnessed the signing of agreements in aviation and energy.\n"
        f"{line}\n"
    )
    doc = layout(text)
    assert text[doc.body.start : doc.body.end].endswith("in aviation and energy.")


def test_a_launch_of_a_thing_is_titled_by_it_and_another_act_stays_apart(
    tmp_path: Path,
) -> None:
    d = _draft(
        tmp_path,
        "The two sides welcomed the launch of new dialogue mechanisms such as a defence "
        "dialogue. The launch of the satellite is planned for 2028. Rocher welcomed the vote by "
        "the National Assembly last month.",
    )
    found = [(e.title, e.when.start) for e in _of(d, "other")]
    assert found == [
        ("Launch of the satellite in 2028", dt.date(2028, 1, 1)),
        ("Vote by the National Assembly in March 2026", dt.date(2026, 3, 1)),
    ]


# Meetings of a standing body and the acts around them: one session of a series is not the
# next; a body's founding year in a relative clause is not its meeting's date; "are to
# co-chair" is ahead; "On the same day" takes the nearest day named in the dozen sentences
# before; a courtesy call is a reception, a trade mission to a place a visit; "inked" signs.


def test_two_ranks_of_one_series_are_two_meetings(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "The two countries on Tuesday held the third session of the Vietnam–France joint "
        "committee on agriculture in Cần Thơ. The fourth session of the committee will be held "
        "in Lyon in 2028.",
    )
    sessions = _of(d, "dialogue")
    assert len(sessions) == 2, [e.title for e in sessions]
    third, fourth = sessions
    assert (third.status, third.when.start) == ("occurred", dt.date(2026, 4, 14))
    assert (fourth.status, fourth.when.start, fourth.when.end) == (
        "planned",
        dt.date(2028, 1, 1),
        dt.date(2028, 12, 31),
    )


def test_a_bodys_founding_year_is_not_its_meetings_date(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "The French minister will visit Hà Nội on Friday. On the same day, she and the "
        "Vietnamese minister are to co-chair the sixth meeting of the Vietnam–France Joint "
        "Committee on Transport, which was set up in 2011.",
    )
    meeting = next(e for e in _of(d, "dialogue") if "sixth" in e.title.lower())
    assert meeting.status == "planned"
    assert meeting.when.start == dt.date(2026, 4, 17)


def test_the_same_day_reaches_back_to_the_lead(tmp_path: Path) -> None:
    body = (
        "Deputy Minister Trần Văn Bình and French Secretary-General Paul Mercier co-chaired the "
        "ninth political consultation in Hà Nội on Monday. "
        + " ".join(f"The two sides discussed topic number {n} at length." for n in range(6))
        + " On the same day, Mercier paid a courtesy call on Minister Lê Văn Hòa, who expressed"
        " hope for more exchanges of delegations in 2027."
    )
    d = _draft(tmp_path, body)
    call = next(e for e in _of(d, "reception") if "courtesy" in _text(d, e)[0])
    assert call.when.start == dt.date(2026, 4, 13)  # Monday, not the hoped-for 2027


def test_a_mission_to_a_place_is_a_visit_and_inked_signs(tmp_path: Path) -> None:
    text = (
        "The chamber will lead a mission of French seafood companies to Kiên Giang province in "
        "June. In Paris on Monday, the two ministers inked a cooperation agreement on ports."
    )
    d = _draft(tmp_path, text)
    found = [(e.type, e.status, e.when.start) for e in d.events]
    assert found == [
        ("visit", "planned", dt.date(2026, 6, 1)),
        ("signing", "occurred", dt.date(2026, 4, 13)),
    ]
    assert "agreement" in _text(d, _of(d, "signing")[0])[0]


def test_a_venue_named_after_what_it_holds_is_no_event(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "The trade fair will open at the Hà Nội Exhibition and Convention Center on Friday. "
        "A jazz concert was staged at the Festival Hall on Monday.",
    )
    assert [e.title.split(" on ")[0] for e in d.events] == ["Trade fair", "Jazz concert"]


def test_meetings_with_a_body_s_office_holders_or_a_group(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "On Monday, the delegation met with representatives of the Normandy Regional Council. "
        "On Tuesday, the minister met Vietnamese students in Paris. "
        "The minister is also due to meet leaders of the French Senate on Thursday. "
        "The new plant will meet growing demand for power.",
    )
    found = [(e.type, e.status, e.when.start) for e in d.events]
    assert found == [
        ("meeting", "occurred", dt.date(2026, 4, 13)),
        ("meeting", "occurred", dt.date(2026, 4, 14)),
        ("meeting", "planned", dt.date(2026, 4, 16)),
    ]


def test_an_act_in_a_relative_clause_is_done_to_the_phrase_before(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "The region financed a water plant in Bến Tre province, which was inaugurated in 2024. "
        "The two cities signed a twinning agreement in 2005, which was renewed in 2019.",
    )
    found = [(e.title, e.when.start) for e in _of(d, "other")]
    assert found == [
        ("Inauguration of a water plant in Bến Tre province", dt.date(2024, 1, 1)),
        ("Renewal of a twinning agreement", dt.date(2019, 1, 1)),
    ]


def test_what_someone_proposed_is_proposed(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "The minister proposed that the two sides hold the first meeting of the joint committee "
        "on fisheries this year. Both sides expressed the hope that the first direct flights "
        "between Nantes and Huế would start in 2028. She proposed that they draft a plan, to be "
        "adopted at the next meeting of the working group in May.",
    )
    found = [(e.title.split(" in ")[0], e.status) for e in d.events]
    assert found[:2] == [
        ("First meeting of the joint committee", "proposed"),  # titled by what meets
        ("Start of the first direct flights between Nantes and Huế", "proposed"),
    ]
    assert found[2][1] == "planned"  # the next meeting is the text's own, not the proposal


def test_a_decimal_a_passive_inked_and_the_same_occasion(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "On Tuesday, the carrier signed a deal with Airbus for 12 jets worth about 1.8 billion "
        "USD at list prices. The deal was inked at the France–Việt Nam Business Forum in Huế. "
        "At the same forum, two universities signed a memorandum of understanding on teaching.",
    )
    (first, second) = _of(d, "signing")
    assert _text(d, first)[0].endswith("1.8 billion USD at list prices")
    assert len(_of(d, "conference")) == 1  # "the same forum" is the forum named before
    assert "the same forum" in _text(d, _of(d, "conference")[0])


def test_an_occasion_takes_the_day_of_a_dated_act_held_at_it(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "On Monday, the shipyard signed a contract with Naval Group for two patrol vessels. The "
        "contract was inked at the Vietnam–France Defence Industry Forum in Hải Phòng. At the "
        "same forum, two institutes signed a memorandum of understanding on training.",
    )
    (forum,) = _of(d, "conference")
    assert forum.when.start == dt.date(2026, 4, 13)
    assert [e.when.start for e in _of(d, "signing")] == [dt.date(2026, 4, 13)] * 2


def test_a_passage_in_the_passive_and_doors_opened(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "The treaty was ratified by the French Senate in March. The new consulate opened its "
        "doors in Lyon on Monday. The museum reopened to the public on Tuesday.",
    )
    assert [(e.title, e.when.start) for e in _of(d, "other")] == [
        ("Ratification of the treaty by the French Senate", dt.date(2026, 3, 1)),
        ("Opening of the new consulate", dt.date(2026, 4, 13)),
        ("Reopening of the museum", dt.date(2026, 4, 14)),
    ]


def test_an_airline_flying_to_a_city_is_no_visit_and_due_to_is_ahead(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "The carrier began flying to Munich in 2023. The minister is due to fly to Paris on "
        "Friday.",
    )
    assert [(e.type, e.status, e.when.start) for e in d.events] == [
        ("visit", "planned", dt.date(2026, 4, 17))
    ]
