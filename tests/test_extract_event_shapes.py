"""Event shapes of issue 9 that drafts on unseen articles missed (development articles
375-377): a session of a dialogue, relations "lifted" to a partnership, goods handed over or
delivered, a tour of named sites and its day, a passive signing inside a subordinate clause, a
first flight, a signing told again "at the ceremony", and visit titles that say who or where.
Each is pinned on sentences written for the test (none copied from anywhere)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from vnfr_data.draft import Draft, extract
from vnfr_data.draft.event_model import DraftEvent

FRIDAY = dt.date(2028, 3, 10)


def _draft(tmp_path: Path, body: str, published: dt.date = FRIDAY) -> Draft:
    article = tmp_path / "001_00000000000000ee.txt"
    article.write_text(f"Vietnam and France\nHANOI (VNA) – {body}\n", encoding="utf-8")
    return extract(article, published=published)


def _of(d: Draft, kind: str) -> list[DraftEvent]:
    return [e for e in d.events if e.type == kind]


def _words(d: Draft, ev: DraftEvent) -> list[str]:
    return [d.text[p.start : p.end] for p in ev.phrases]


def test_a_session_of_a_dialogue_is_one_dialogue_and_its_name_no_second(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Deputy Minister Lê Văn An and Director Paul Girard co-chaired the fourth session of "
        "the Vietnam–France maritime policy dialogue in Hanoi on Thursday. "
        "The fifth session of the dialogue will be held in Brest next year.",
    )
    sessions = _of(d, "dialogue")
    assert [s.status for s in sessions] == ["occurred", "planned"]
    assert sessions[0].when.start == dt.date(2028, 3, 9)
    assert sessions[0].title.startswith("Fourth session of the Vietnam–France maritime")


def test_relations_lifted_to_a_partnership_are_an_upgrade(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Hải Dương and Normandy lifted their relationship to a strategic cooperation "
        "partnership in 2021.",
    )
    (up,) = _of(d, "partnership_upgrade")
    assert up.when.start == dt.date(2021, 1, 1)
    assert "partnership" in (up.name or "")


def test_goods_handed_over_are_a_handover_and_documents_still_an_exchange(
    tmp_path: Path,
) -> None:
    d = _draft(
        tmp_path,
        "The French delegation handed over three ambulances worth 2.5 billion VND to Hải Dương "
        "General Hospital on Tuesday. The two ministers also handed over two cooperation "
        "agreements to the provincial leaders.",
    )
    (gift,) = [e for e in d.events if e.title.startswith("Handover of three ambulances")]
    assert gift.type == "other"
    assert gift.title.endswith("to Hải Dương General Hospital")
    assert len(_of(d, "document_exchange")) == 1


def test_a_delivery_taken_is_an_event_and_a_speech_delivered_is_not(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "The carrier took delivery of its third Airbus A321 in Hamburg last month. "
        "The minister delivered a speech at the opening.",
    )
    titles = [e.title for e in d.events]
    assert "Delivery of the third Airbus A321" in " | ".join(titles)
    assert not any("speech" in t for t in titles)


def test_a_tour_of_named_sites_is_a_visit_of_that_day(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "A delegation of the Normandy Regional Council is on a working trip to Vietnam from "
        "March 6 to 12. On March 8, the delegation toured the Phố Nối industrial park and the "
        "Hải Dương river port.",
    )
    tour = next(e for e in _of(d, "visit") if "toured" in _words(d, e)[0])
    assert (tour.when.start, tour.when.end, tour.when.precision) == (
        dt.date(2028, 3, 8),
        dt.date(2028, 3, 8),
        "day",
    )
    assert tour.title.startswith("Visit to the Phố Nối industrial park")


def test_a_passive_signing_in_a_subordinate_clause_starts_at_its_subject(
    tmp_path: Path,
) -> None:
    d = _draft(
        tmp_path,
        "The two provinces opened a joint office in 2024, six years after their first "
        "cooperation agreement was signed.",
    )
    (signing,) = _of(d, "signing")
    assert _words(d, signing)[0] == "their first cooperation agreement was signed"


def test_a_first_flight_that_took_off_is_an_event(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "The first direct flight between Đà Nẵng and Marseille took off on Wednesday night.",
    )
    (flight,) = [e for e in d.events if e.title.startswith("First direct flight")]
    assert flight.when.start == dt.date(2028, 3, 8)
    assert flight.status == "occurred"


def test_a_document_signed_at_the_ceremony_joins_that_signing(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "The two ministers then witnessed the signing of five business contracts worth "
        "300 million USD. A loan agreement for the Huế tramway was also signed at the ceremony.",
    )
    assert len(_of(d, "signing")) == 1


def test_a_visit_arrival_and_its_length_in_two_phrases_give_its_days(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "French Minister Delegate Anne Roux, who is leading a business delegation on a "
        "four-day trip to Vietnam, arrived in Hanoi on Thursday and paid a working visit to "
        "Bắc Ninh province on Friday.",
    )
    trip = next(e for e in _of(d, "visit") if "trip" in _words(d, e)[0])
    assert (trip.when.start, trip.when.end) == (dt.date(2028, 3, 9), dt.date(2028, 3, 12))
    assert trip.status == "ongoing"
    assert not any("paid" in w for w in _words(d, trip))  # the second verb is another visit


def test_two_visits_of_one_month_get_titles_that_tell_them_apart(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "In February, the delegation visited the Cam Ranh naval base. "
        "Later in February, the delegation visited the Vân Phong economic zone.",
    )
    titles = [e.title for e in _of(d, "visit")]
    assert len(titles) == 2 and len(set(titles)) == 2


def test_relations_lifted_in_the_passive_are_an_upgrade(tmp_path: Path) -> None:
    d = _draft(tmp_path, "Relations were lifted to a strategic partnership in 2025.")
    (up,) = _of(d, "partnership_upgrade")
    assert up.when.start == dt.date(2025, 1, 1)


def test_a_deal_sealed_is_a_signing(tmp_path: Path) -> None:
    d = _draft(tmp_path, "The two firms sealed a supply deal worth 20 million USD on Tuesday.")
    (signing,) = _of(d, "signing")
    assert signing.when.start == dt.date(2028, 3, 7)


def test_a_delegation_led_to_a_city_is_a_visit_there(tmp_path: Path) -> None:
    d = _draft(tmp_path, "The deputy minister led a business delegation to Lyon last month.")
    (visit,) = _of(d, "visit")
    assert "Lyon" in visit.title
    assert visit.when.start == dt.date(2028, 2, 1)


def test_a_pairs_dialogue_in_lower_case_is_a_dialogue(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Deputy Minister Lê Văn An and Director Paul Girard co-chaired the Vietnam–France "
        "consular dialogue in Hanoi on Thursday.",
    )
    (dialogue,) = _of(d, "dialogue")
    assert dialogue.when.start == dt.date(2028, 3, 9)


def test_a_visiting_guest_is_received_not_visited(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Chairman Trần Văn Nam received visiting French Minister Claire Dubois on Tuesday.",
    )
    assert len(_of(d, "reception")) == 1
    assert _of(d, "visit") == []


def test_two_named_people_who_met_held_a_meeting(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Deputy Minister Lê Văn An and French Ambassador Paul Girard met in Hanoi on Wednesday.",
    )
    (meeting,) = _of(d, "meeting")
    assert meeting.when.start == dt.date(2028, 3, 8)


def test_an_act_after_the_meeting_and_the_same_afternoon_take_its_day(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "On Wednesday, Chairman Trần Văn Nam received a delegation of the Normandy Regional "
        "Council. After the meeting, the French guests handed over two ambulances to the "
        "provincial hospital. The same afternoon, the delegation met Vietnamese students.",
    )
    (gift,) = [e for e in d.events if e.title.startswith("Handover")]
    assert gift.when.start == dt.date(2028, 3, 8)
    (meeting,) = _of(d, "meeting")
    assert meeting.when.start == dt.date(2028, 3, 8)
