"""Agreements named as news prose names them on unseen articles (issue 9): a shared body with a
capitalised name and what it is on, defined with its acronym and referred to again by it; the
documents an exchange or a signing lists after "including" or a colon; a plan referred back to
as "this plan" only by a plan. Each rule on sentences written for the test (none copied)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from vnfr_data.draft import Draft, extract


def _draft(tmp_path: Path, text: str) -> Draft:
    article = tmp_path / "001_00000000000000ac.txt"
    article.write_text(text, encoding="utf-8")
    return extract(article, published=dt.date(2027, 5, 14))


def test_a_capitalised_shared_body_on_a_topic_is_a_mechanism_with_its_acronym(
    tmp_path: Path,
) -> None:
    d = _draft(
        tmp_path,
        "Committee meets\n"
        "LYON — Ministers met on Thursday at the third session of the Plimf–France Joint "
        "Commission on Rail Transport (PFJCRT) in Lyon.\n"
        "Officials said the PFJCRT would meet again next year.\n"
        "Both sides praised the work of the Vietnam–France Intergovernmental Committee on Water, "
        "held in Huế in May.\n"
        "The National Commission on Aviation approved the plan.\n",
    )
    found = {a.name: a for a in d.agreements}
    rail = found.get("Plimf–France Joint Commission on Rail Transport")
    assert rail is not None, list(found)
    assert rail.type == "cooperation_mechanism" and rail.short_name == "PFJCRT"
    assert any(d.doc.text[m.start : m.end] == "PFJCRT" for m in rail.mentions[1:])
    water = found.get("Vietnam–France Intergovernmental Committee on Water")
    assert water is not None and water.type == "cooperation_mechanism", list(found)
    # A body of one side, capitalised, is no shared mechanism.
    assert not any("National Commission" in name for name in found)


def test_a_pair_of_vietnamese_places_stays_in_the_name(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Provinces meet\n"
        "HUE — The Đắk Nông–Bretagne Joint Steering Committee (DBJSC) will meet every year.\n",
    )
    assert [a.name for a in d.agreements] == ["Đắk Nông–Bretagne Joint Steering Committee"]


def test_the_documents_an_exchange_lists_are_records_of_their_own(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Documents exchanged\n"
        "PARIS — After the talks on Thursday, the two sides exchanged four cooperation documents, "
        "including a letter of intent on a grain terminal and a memorandum of understanding "
        "between Zorblat Port and Quux Logistics on pilot training.\n"
        "Ministers also adopted an action plan for 2027–2029.\n"
        "They said this plan would guide the talks.\n",
    )
    names = [a.name for a in d.agreements]
    assert "Letter of intent on a grain terminal" in names, names
    mou = next(a for a in d.agreements if a.name.startswith("Memorandum of understanding"))
    assert mou.type == "cooperation_documents"
    # "this plan" is the plan's, never the memorandum's
    assert not any(d.doc.text[m.start : m.end] == "this plan" for m in mou.mentions)


def test_the_documents_a_signing_lists_after_a_colon_are_records_of_their_own(
    tmp_path: Path,
) -> None:
    d = _draft(
        tmp_path,
        "Provinces sign\n"
        "HUE — Zorblat province and the Quux region on Monday signed a cooperation programme for "
        "2027–2029.\n"
        "Two other documents were inked at the ceremony: a letter of intent on a dairy school and "
        "contracts worth 2 million EUR for a ferry.\n",
    )
    kinds = {a.name: a.type for a in d.agreements}
    assert kinds.get("Letter of intent on a dairy school") == "other", kinds
    assert kinds.get("Contracts") == "other", kinds


def test_policies_named_without_the_word_policy(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Visas\n"
        "HANOI — Zorbland will waive visa fees for Vietnamese nurses enrolled in training courses "
        "from March 2028, its embassy said.\n"
        "Vietnam has exempted Zorbland citizens from visas for stays of up to 30 days since 2024.\n"
        "Decree 45/2027/ND-CP on foreign language centres, which took effect in May, lets such "
        "centres open branches.\n"
        "The students are funded by the “Bright Minds” scholarship scheme.\n"
        "The amended Law on Tourism took effect in January.\n",
    )
    kinds = {a.name: (a.type, a.status) for a in d.agreements}
    assert kinds.get("Visa fee waiver for Vietnamese nurses enrolled in training courses") == (
        "policy",
        "planned",
    ), kinds
    exemption = next(a for a in d.agreements if a.name.startswith("Visa exemption for"))
    assert exemption.status == "in_force" and "vietnam" in exemption.parties, kinds
    assert kinds.get("Decree 45/2027/ND-CP on foreign language centres") == ("policy", "in_force")
    assert kinds.get("“Bright Minds” scholarship scheme", ("", ""))[0] == "policy", kinds
    assert kinds.get("Amended Law on Tourism") == ("policy", "in_force"), kinds


def test_a_series_named_apart_from_its_session_is_a_mechanism(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Dialogue\n"
        "HANOI — Officials held the ninth round of the political dialogue mechanism at "
        "vice-ministerial level in Hanoi on Monday.\n"
        "Ministers attended the 12th Plimf–Quux political consultation in Quux on Tuesday.\n",
    )
    names = {a.name: a.type for a in d.agreements}
    assert names.get("Political dialogue mechanism at vice-ministerial level") == (
        "cooperation_mechanism"
    ), names
    # a counted session named by itself is an event, not (yet) its series' record
    assert not any("consultation" in n for n in names), names


def test_roadmaps_frameworks_contracts_and_earlier_documents_named_in_passing(
    tmp_path: Path,
) -> None:
    d = _draft(
        tmp_path,
        "Talks\n"
        "HANOI — The minister proposed that the two sides draw up a roadmap for rail industry "
        "cooperation and hold the next round in Paris.\n"
        "They reviewed a cooperation framework on flood control signed in 2024.\n"
        "Contracts worth 12 million EUR were also inked between Zorblat firms and Quux ports.\n"
        "Since their first cooperation agreement in 2011, the two cities have trained 50 pilots.\n",
    )
    kinds = {a.name: (a.type, a.status) for a in d.agreements}
    assert kinds.get("Roadmap for rail industry cooperation") == ("other", "proposed"), kinds
    assert any(
        n.startswith("Cooperation framework on flood control") and t == "cooperation_documents"
        for n, (t, _) in kinds.items()
    ), kinds
    assert kinds.get("Contracts", ("", ""))[0] == "other", kinds
    assert kinds.get("First cooperation agreement (2011)", ("", ""))[0] == (
        "cooperation_documents"
    ), kinds
