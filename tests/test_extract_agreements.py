"""Draft agreements the text describes, concludes by other verbs, refers back to, or counts as
a set (issue 9), each rule on sentences written for the test (none copied from anywhere)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from vnfr_data.draft import Draft, extract, render
from vnfr_data.draft.agreement_model import DraftAgreement
from vnfr_data.draft.agreement_names import curated_name

DATA = Path(__file__).resolve().parent.parent / "data"


def _draft(tmp_path: Path, text: str, dataset: Path | None = None) -> Draft:
    article = tmp_path / "001_00000000000000ab.txt"
    article.write_text(text, encoding="utf-8")
    return extract(article, published=dt.date(2025, 11, 20), dataset=dataset)


def _one(d: Draft) -> DraftAgreement:
    assert len(d.agreements) == 1, [a.name for a in d.agreements]
    return d.agreements[0]


@pytest.mark.parametrize(
    ("kind", "tail", "name"),
    [
        (
            "agreement",
            "under which France will help restore the Hue citadel gate",
            "Agreement on the restoration of the Hue citadel gate",
        ),
        (
            "agreement",
            "to build a tram line in Hanoi",
            "Agreement on the construction of a tram line in Hanoi",
        ),
        (
            "contract",
            "under which Alstom will supply 20 trains",
            "Contract on the supply of 20 trains",
        ),
        (
            "loan agreement",
            "under which France will provide 50 million euros for a water plant in Can Tho",
            "Loan agreement for a water plant in Can Tho",
        ),
        (
            "memorandum of understanding",
            "on vocational training",
            "Memorandum of understanding on vocational training",
        ),
        ("agreement", "worth 10 million euros", "Agreement"),
        (
            "agreement",
            "to deepen ties between the two cities",
            "Agreement to deepen ties between the two cities",
        ),
        ("letter of intent", "", "Letter of intent"),
    ],
)
def test_a_described_agreement_is_named_by_its_kind_and_object(
    kind: str, tail: str, name: str
) -> None:
    assert curated_name(kind, tail) == name


def test_a_deal_inked_or_concluded_is_one_document_and_a_denial_is_none(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Rail firms sign deal\n"
        "HANOI - Vietnam Railways inked a deal to modernise the Hanoi–Hai Phong line on Monday, "
        "the company said.\n"
        "No contract for new carriages has been signed yet, officials said.\n",
    )
    ag = _one(d)
    assert ag.name == "Deal on the modernisation of the Hanoi–Hai Phong line"
    assert (ag.type, ag.status) == ("other", "signed")


def test_the_agreement_refers_back_and_brings_its_signatories(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Bridge to be rebuilt\n"
        "HUE - Vietnam and France on Tuesday signed an agreement to rebuild the Truong Tien bridge.\n"
        "The agreement was signed by Minister of Construction Tran Van Minh and French Ambassador "
        "Olivier Brochet.\n",
    )
    ag = _one(d)
    assert (
        ag.name == "Agreement on the construction of the Truong Tien bridge"
        or ag.name.startswith("Agreement to rebuild")
    )
    quotes = [d.text[s.start : s.end] for s in ag.mentions]
    assert "The agreement" in quotes
    roles = {actor_id: role for actor_id, (_a, role, _s) in ag.parties.items()}
    assert roles.get("olivier-brochet") == "signatory"
    assert roles.get("tran-van-minh") == "signatory"


_SET_ARTICLE = (
    "Ministers review cooperation\n"
    "HANOI - The two foreign ministers on Monday reviewed the implementation of the documents "
    "signed during French President Emmanuel Macron's state visit to Vietnam in May.\n"
    "They also discussed trade and education.\n"
)


def test_a_set_of_documents_referred_back_to_links_to_the_dataset_record(tmp_path: Path) -> None:
    linked = _one(_draft(tmp_path, _SET_ARTICLE, dataset=DATA))
    assert linked.type == "cooperation_documents"
    assert linked.status == "being_implemented"
    assert linked.existing == "ag-2025-05-vn-fr-cooperation-documents"
    assert "ag-2025-05-vn-fr-cooperation-documents" in render(_draft(tmp_path, _SET_ARTICLE, DATA))


def test_without_the_dataset_a_set_is_one_new_record_named_by_its_occasion(tmp_path: Path) -> None:
    new = _one(_draft(tmp_path, _SET_ARTICLE))
    assert new.existing is None
    assert new.name.startswith("Cooperation documents signed during the state visit")
    assert new.occasion is not None and new.occasion.type == "state_visit"


def test_a_bare_count_of_agreements_over_the_years_is_no_set(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Ties deepen\n"
        "PARIS - The two countries have more than 50 cooperation agreements in force, the "
        "ministry said.\n",
    )
    assert [a for a in d.agreements if a.type == "cooperation_documents"] == []


def test_a_city_before_an_office_is_no_company(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Opera house deal\nHÀ NỘI - Hà Nội Chairman Tran Sy Thanh met Paris officials on Monday.\n",
    )
    assert not [p for p in d.proposals if p.type == "company"]


def test_who_the_clause_says_will_act_is_a_party(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Citadel gate to be restored with French help\n"
        "HUE - Officials on Tuesday witnessed the signing of an agreement under which France "
        "will help restore the Hue citadel gate.\n"
        "The work will take two years.\n",
    )
    ag = _one(d)
    assert ag.name == "Agreement on the restoration of the Hue citadel gate"
    assert {a: role for a, (_x, role, _s) in ag.parties.items()} == {"france": "party"}
    signing = next(e for e in d.events if e.type == "signing")
    assert signing.title == "Signing of the agreement on the restoration of the Hue citadel gate"


# -- lists of documents, other verbs, who signed which (helper "agreements2") -------------------


def _names(d: Draft) -> list[str]:
    return [a.name for a in d.agreements]


def test_every_document_of_a_list_signed_together_is_one_record(tmp_path: Path) -> None:
    """ "signed an agreement on X, a memorandum of understanding on Y and a letter of intent on
    Z": three documents, each named by what it is for, none swallowing the next."""
    d = _draft(
        tmp_path,
        "Ministers sign documents in Hanoi\n"
        "In the presence of the two leaders, the ministers signed an agreement on vocational "
        "training, a memorandum of understanding on port security and a letter of intent on "
        "rail signalling in Hanoi on Thursday.\n",
    )
    assert _names(d) == [
        "Agreement on vocational training",
        "Memorandum of understanding on port security",
        "Letter of intent on rail signalling",
    ]
    assert [a.type for a in d.agreements] == ["other", "cooperation_documents", "other"]


def test_documents_exchanged_or_adopted_without_a_drafted_event(tmp_path: Path) -> None:
    """ "exchanged a 200 million EUR loan agreement" (the amount is a figure, not the name) is
    handed over; "adopted a roadmap ... and agreed to" ends the roadmap at the next verb; a
    declaration is a declaration; a plan adopted by one side alone is no agreement."""
    d = _draft(
        tmp_path,
        "Energy partners meet in Paris\n"
        "The French agency and the Vietnamese utility exchanged a 200 million EUR loan agreement "
        "for a transmission line in the Mekong Delta.\n"
        "The two sides adopted a roadmap for energy cooperation to 2030 and agreed to meet again "
        "in 2028.\n"
        "The two regions adopted a joint declaration on decentralised cooperation.\n"
        "The province adopted a plan to plant a million trees.\n",
    )
    by_name = {a.name: a for a in d.agreements}
    loan = by_name["Loan agreement for a transmission line in the Mekong Delta"]
    assert loan.status == "handed_over"
    assert "Roadmap for energy cooperation to 2030" in by_name
    assert by_name["Joint declaration on decentralised cooperation"].type == "declaration"
    assert not any("trees" in n for n in by_name)


def test_a_document_also_signed_in_the_passive_is_drafted(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Firms sign in Hanoi\n"
        "A memorandum of understanding on digital skills was also signed between the ministry "
        "and a French software firm in Hanoi on Monday.\n",
    )
    assert _names(d) == ["Memorandum of understanding on digital skills"]


def test_two_signings_in_one_sentence_keep_their_own_parties(tmp_path: Path) -> None:
    """ "X and Y signed an MoU on ..., and A and B exchanged an agreement on ...": each document
    is the clause's own, so its parties are the subject of its own verb."""
    d = _draft(
        tmp_path,
        "Universities and firms sign deals\n"
        "French engineering group Varenne Ingénierie and Hải Phòng-based Cửa Cấm Port JSC signed a "
        "memorandum of understanding on crane automation, and the University of Quy Nhơn and École "
        "Supérieure de Brest exchanged a cooperation agreement on marine robotics.\n",
    )
    by_name = {a.name: set(a.parties) for a in d.agreements}
    assert by_name["Memorandum of understanding on crane automation"] == {
        "varenne-ingenierie",
        "cua-cam-port",
    }
    assert by_name["Cooperation agreement on marine robotics"] == {
        "university-of-quy-nhon",
        "ecole-superieure-de-brest",
    }


def test_a_venue_named_with_an_agreement_word_is_no_agreement(tmp_path: Path) -> None:
    """ "Convention" in "... Exhibition and Convention Center" names a building: a name ending
    in an organisation word is a body or a place."""
    d = _draft(
        tmp_path,
        "Food week in the city\n"
        "The chamber will hold a food week at the Hà Đông Exhibition and Convention Center from "
        "January 5, the organisers said on Monday.\n",
    )
    assert not d.agreements


def test_a_renewed_agreement_is_drafted_and_a_renewed_commitment_is_not(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Cities renew ties\n"
        "Huế and Blois renewed their cooperation agreement for another five years on Monday.\n"
        "The two mayors also renewed their commitment to heritage and extended the deadline for "
        "the bridge project.\n",
    )
    assert _names(d) == ["Cooperation agreement"]
    assert d.agreements[0].status == "signed"
