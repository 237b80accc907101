"""Agreement types and mentions in passing (issue 9): the codebook's `cooperation_documents`
(one or more cooperation documents: a memorandum of understanding, a cooperation agreement, a
set signed together) and the mechanisms, programmes and plans that news prose names in passing.
Each rule on sentences written for the test (none copied from anywhere)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from vnfr_data.draft import Draft, extract
from vnfr_data.draft.agreement_documents import document_type


def _draft(tmp_path: Path, text: str) -> Draft:
    article = tmp_path / "001_00000000000000ab.txt"
    article.write_text(text, encoding="utf-8")
    return extract(article, published=dt.date(2026, 3, 20))


@pytest.mark.parametrize(
    ("what", "kind"),
    [
        ("memorandum of understanding", "cooperation_documents"),
        ("MoU", "cooperation_documents"),
        ("three-year cooperation agreement", "cooperation_documents"),
        ("cooperation programme", "partnership_programme"),
        ("loan agreement", "other"),
        ("contract", "other"),
        ("letter of intent", "other"),
        ("agreement", "other"),
    ],
)
def test_one_memorandum_or_cooperation_agreement_is_a_cooperation_document(
    what: str, kind: str
) -> None:
    assert document_type(what) == kind


def test_a_signed_memorandum_is_typed_as_cooperation_documents(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Provinces sign memorandum\n"
        "HUE - Thua Thien Hue and the Brittany region on Tuesday signed a memorandum of "
        "understanding on heritage conservation.\n"
        "The two sides also signed a loan agreement for a water plant.\n",
    )
    kinds = {a.name: a.type for a in d.agreements}
    assert kinds.get("Memorandum of understanding on heritage conservation") == (
        "cooperation_documents"
    ), kinds
    assert [t for n, t in kinds.items() if n.startswith("Loan agreement")] == ["other"], kinds


def _kinds(d: Draft) -> dict[str, str]:
    return {a.name: a.type for a in d.agreements}


def test_a_joint_committee_is_a_mechanism_and_a_national_commission_is_not(
    tmp_path: Path,
) -> None:
    d = _draft(
        tmp_path,
        "Ministers to meet\n"
        "PARIS - The two ministers will co-chair the third meeting of the France–Vietnam Joint "
        "Trade Committee on Friday.\n"
        "The merger still needs the approval of the State Audit Commission, the firm said.\n",
    )
    kinds = _kinds(d)
    assert kinds.get("France–Vietnam Joint Trade Committee") == "cooperation_mechanism", kinds
    assert not [n for n in kinds if "Audit" in n], kinds


def test_the_place_of_a_session_is_no_part_of_a_dialogue_name(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Dialogue held\n"
        "HANOI - Officials met at the Vietnam–France Maritime Security Dialogue in Hanoi on "
        "Tuesday.\n",
    )
    kinds = _kinds(d)
    assert kinds.get("Vietnam–France Maritime Security Dialogue") == "cooperation_mechanism", kinds


def test_a_two_word_dialogue_the_text_owns_is_a_mechanism(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Talks in Paris\n"
        "PARIS - The two countries held the ninth session of their Political Dialogue on "
        "Monday, the ministry said.\n",
    )
    assert _kinds(d).get("Political Dialogue") == "cooperation_mechanism", _kinds(d)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "She proposed that the two parliaments set up a joint working group on flood "
            "control in the Red River Delta, and the two sides agreed to meet in May.",
            "Joint working group on flood control in the Red River Delta",
        ),
        (
            "They agreed to hold the next round of talks in Hue and to launch a dialogue on "
            "marine science.",
            "Dialogue on marine science",
        ),
        (
            "He called for the first meeting of the Vietnam–France intergovernmental "
            "commission on culture and heritage this year.",
            "Vietnam–France intergovernmental commission on culture and heritage",
        ),
    ],
)
def test_a_shared_mechanism_named_in_passing_is_drafted(
    tmp_path: Path, sentence: str, name: str
) -> None:
    d = _draft(tmp_path, f"Cooperation widens\nHANOI - {sentence}\n")
    assert _kinds(d).get(name) == "cooperation_mechanism", _kinds(d)


def test_a_dialogue_held_once_is_an_event_not_a_mechanism(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Rights talks\nGENEVA - The two sides held a dialogue on labour rights on Monday.\n",
    )
    assert [a for a in d.agreements if a.type == "cooperation_mechanism"] == []


def test_a_committee_on_a_topic_that_is_not_shared_is_no_mechanism(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Budget debate\nHANOI - The committee on finance of the city council met on Monday.\n",
    )
    assert [a for a in d.agreements if a.type == "cooperation_mechanism"] == []


def test_an_action_programme_is_drafted_and_a_bare_the_programme_refers_back(
    tmp_path: Path,
) -> None:
    d = _draft(
        tmp_path,
        "Plan agreed\n"
        "PARIS - The two sides agreed on an action programme to implement their Strategic "
        "Partnership over the 2027–2029 period.\n"
        "The minister said the programme would be signed next month at a ceremony in Hanoi.\n",
    )
    programmes = [a for a in d.agreements if "rogramme" in a.name]
    assert [a.name for a in programmes] == [
        "Action programme to implement the Strategic Partnership over the 2027–2029 period"
    ]
    quotes = [d.text[s.start : s.end] for s in programmes[0].mentions]
    assert any(q.endswith("the programme") or q == "programme" for q in quotes[1:]), quotes
    assert "Strategic Partnership" in _kinds(d)


def test_a_cooperation_programme_agreed_at_a_dialogue_is_drafted(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Admirals meet\n"
        "DA NANG - The two admirals reviewed the cooperation programme agreed at the Naval "
        "Staff Talks in Paris last year.\n",
    )
    assert "Cooperation programme agreed at the Naval Staff Talks" in _kinds(d), _kinds(d)


def test_a_bare_cooperation_programme_is_no_record(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Students arrive\nLYON - The cooperation programme has welcomed 40 students.\n",
    )
    assert [a for a in d.agreements if "rogramme" in a.name] == []


def test_a_set_signed_and_the_documents_it_lists(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Deals signed\n"
        "HANOI - Agreements and contracts worth more than two billion euros were signed on "
        "Tuesday, officials said, including a letter of intent from Bamboo Airways to lease "
        "four Airbus jets and a memorandum of understanding between the Pasteur Institute and "
        "the Hanoi Medical University on vaccine research.\n",
    )
    kinds = _kinds(d)
    assert kinds.get("Agreements and contracts") == "cooperation_documents", kinds
    assert kinds.get("Letter of intent from Bamboo Airways to lease four Airbus jets") == "other"
    mou = [n for n in kinds if n.startswith("Memorandum of understanding between")]
    assert [kinds[n] for n in mou] == ["cooperation_documents"], kinds
    assert mou[0].endswith("on vaccine research")


def test_a_counted_set_exchanged_later_in_its_sentence(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Forum closes\n"
        "LYON - Three other cooperation documents, in health, tourism and farming, were "
        "exchanged at the forum.\n",
    )
    sets = [a for a in d.agreements if a.type == "cooperation_documents"]
    assert [d.text[s.start : s.end] for a in sets for s in a.mentions[:1]] == [
        "Three other cooperation documents"
    ]
    assert sets[0].status == "handed_over"


def test_commercial_contracts_to_be_signed_are_planned_contracts(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Business delegation\n"
        "HANOI - The delegation will attend the Vietnam–France Investment Forum in Hanoi on "
        "Friday, where six commercial contracts are expected to be signed.\n",
    )
    contracts = [a for a in d.agreements if a.name.startswith("Commercial contracts")]
    assert [(a.type, a.status) for a in contracts] == [("other", "planned")], _kinds(d)
    assert "to be signed during the Vietnam–France Investment Forum" in contracts[0].name


def test_a_document_something_is_done_under(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Rice exports\n"
        "CAN THO - The cooperative will ship 5,000 tonnes of rice to Marseille under a contract "
        "the two firms valued at 3 million USD.\n",
    )
    assert [(a.name, a.type) for a in d.agreements] == [("Contract", "other")]


def test_a_research_centre_programme_is_no_agreement(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Exports grow\n"
        "HANOI - Tran Thi Lan, head of Foreign Trade University’s Asian Studies Programme, said "
        "exports had grown.\n",
    )
    assert [a for a in d.agreements if "Programme" in a.name] == []


_BODIES = (
    "Zorblat news\n"
    "HANOI — The two ministries on Monday set up a joint task force on customs data, officials said.\n"
    "The Plimf–Quux river transport commission, which last met in 2020, will meet again in May.\n"
    "Plimf and Quux have been twinned since 1998, the city said.\n"
    "The city council approved the budget on Tuesday.\n"
    "The ministers proposed that a bilateral working group on rice exports would report by June.\n"
)


def test_shared_bodies_named_in_lower_case_and_twinned_places_are_mechanisms(
    tmp_path: Path,
) -> None:
    found = {a.name: a for a in _draft(tmp_path, _BODIES).agreements}
    assert {
        "Joint task force on customs data",
        "Plimf–Quux river transport commission",
        "Plimf–Quux twinning",
        "Bilateral working group on rice exports",
    } <= set(found)
    assert all(a.type == "cooperation_mechanism" for a in found.values())
    assert found["Joint task force on customs data"].status == "established"
    assert found["Bilateral working group on rice exports"].status == "proposed"
    # A body of one side is no shared mechanism.
    assert not any("council" in name.lower() for name in found)
