"""Event, date and page-shape patterns of issue 9 found on the enlarged development set
(articles 225-235), each pinned on a few sentences written for the test (none copied from
anywhere), so that every rule can fail on its own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from vnfr_data.draft import Draft, extract
from vnfr_data.draft.dates import Anchor, find
from vnfr_data.draft.event_model import DraftEvent
from vnfr_data.draft.furniture import layout
from vnfr_data.draft.linking import Known, KnownEvent, link_events
from vnfr_data.draft.text import Span


def _draft(tmp_path: Path, text: str, published: dt.date | None = None) -> Draft:
    article = tmp_path / "001_00000000000000ed.txt"
    article.write_text(text, encoding="utf-8")
    return extract(article, published=published)


def _events(d: Draft, kind: str) -> list[DraftEvent]:
    return [e for e in d.events if e.type == kind]


@pytest.mark.parametrize(
    ("words", "start", "end"),
    [
        # an article of 2026-01-21: "last May" is the May before it, "next March" the one after
        ("last May", dt.date(2025, 5, 1), dt.date(2025, 5, 31)),
        ("last January", dt.date(2025, 1, 1), dt.date(2025, 1, 31)),
        ("next March", dt.date(2026, 3, 1), dt.date(2026, 3, 31)),
        ("this October", dt.date(2026, 10, 1), dt.date(2026, 10, 31)),
        ("the third quarter of this year", dt.date(2026, 7, 1), dt.date(2026, 9, 30)),
        ("the first quarter of next year", dt.date(2027, 1, 1), dt.date(2027, 3, 31)),
    ],
)
def test_months_and_quarters_relative_to_the_article(
    words: str, start: dt.date, end: dt.date
) -> None:
    anchor = Anchor(dt.date(2026, 1, 21), 2026, "the publication date 2026-01-21")
    found = find(words, Span(0, len(words)), anchor)
    assert [(f.when.start, f.when.end, f.when.precision) for f in found] == [(start, end, "month")]


def test_a_lead_that_the_photo_caption_repeats_is_still_the_lead() -> None:
    text = (
        "Current Affairs\n"
        "Vietnamese and French ministers hold talks in Paris\n"
        "(VOV5) – Vietnamese Minister of Trade Lê Văn Hòa and French Minister Claire Roussel "
        "held talks in Paris on Tuesday, during Hòa’s working visit to France.\n"
        "The two ministers discussed rice exports and wine tariffs.\n"
        "Vietnamese Minister of Trade Lê Văn Hòa and French Minister Claire Roussel at the talks "
        "in Paris on Tuesday. Photo: VOV\n"
        "They agreed to meet again in Hanoi in the autumn.\n"
    )
    doc = layout(text)
    assert text[doc.body.start :].startswith("(VOV5) – Vietnamese Minister")


def test_a_cookie_banner_and_a_download_line_are_furniture() -> None:
    text = (
        "We value your privacy\n"
        "We and our partners use cookies and similar technologies to store information on your "
        "device and to show you personalised advertising.\n"
        "Accept | Refuse | Settings\n"
        "France and Vietnam open a rail training centre\n"
        "By Anne Morel | Monday, 2 March 2026, 10:15 | Issue 12, March 2026\n"
        "France and Vietnam on Monday opened a rail training centre in Hanoi, the first of its "
        "kind in Southeast Asia, officials said.\n"
        "The centre will train 400 technicians a year.\n"
        "Download the brochure (PDF, 1.2 MB) | Photo gallery (12)\n"
        "Tin liên quan\n"
        "Hanoi opens a new bus line\n"
    )
    doc = layout(text)
    body = text[doc.body.start : doc.body.end]
    assert body.startswith("France and Vietnam on Monday opened")
    assert body.endswith("400 technicians a year.")


def test_a_document_signed_years_before_does_not_date_todays_signing(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Parliaments sign a new cooperation agreement\n"
        "PARIS (VNA) – The Vietnamese and French parliaments held talks in Paris on Wednesday. "
        "After the talks, the two leaders signed a cooperation agreement for 2026–2031, which "
        "replaces an agreement signed in 2015.\n"
        "The two sides also agreed to meet again next year.\n",
        published=dt.date(2026, 6, 11),
    )
    signings = _events(d, "signing")
    assert signings[0].when.start != dt.date(2015, 1, 1)
    assert any(e.when.start == dt.date(2015, 1, 1) for e in signings[1:])  # its own signing
    names = [a.name for a in d.agreements]
    assert len(names) == len(set(names))  # the new agreement once, not once per signing


def test_a_visit_to_one_country_never_takes_the_id_of_a_visit_to_another(
    tmp_path: Path,
) -> None:
    d = _draft(
        tmp_path,
        "Ties grow\n"
        "HANOI (VNA) – The Prime Minister said ties had grown since French President Emmanuel "
        "Macron’s state visit to Viet Nam in October 2024, which produced many documents.\n",
        published=dt.date(2026, 1, 21),
    )
    (visit,) = _events(d, "state_visit")
    known = Known(
        [
            KnownEvent(
                "ev-known-visit-to-france",
                "official_visit",
                "Official visit to France",
                dt.date(2024, 10, 1),
                dt.date(2024, 10, 31),
                "Paris",
                "FR",
                frozenset({"emmanuel-macron"}),
            )
        ]
    )
    link_events([visit], known)
    assert visit.existing is None


def test_milestones_entry_into_force_creation_and_opening(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Trade grows under the pact\n"
        "HANOI (VNA) – Tariffs on French wine fell again this year under the EU–Vietnam Free "
        "Trade Agreement (EVFTA), which took effect in August 2020.\n"
        "The Vietnam–France Joint Economic Committee, which was set up in 2013, met in Hanoi.\n"
        "Founded in 1994 in Lyon, Maison Bercy sells wine in 30 countries.\n"
        "The company plans to open a representative office in Hanoi next month.\n"
        "The investment treaty must be ratified before it can take effect.\n",
        published=dt.date(2026, 3, 10),
    )
    found = {e.title: (e.when.start, e.status) for e in _events(d, "other")}
    assert found == {
        "Entry into force of the EU–Vietnam Free Trade Agreement (EVFTA)": (
            dt.date(2020, 8, 1),
            "occurred",
        ),
        "Creation of the Vietnam–France Joint Economic Committee": (
            dt.date(2013, 1, 1),
            "occurred",
        ),
        "Founding of Maison Bercy": (dt.date(1994, 1, 1), "occurred"),
        "Opening of a representative office in Hanoi": (dt.date(2026, 4, 1), "planned"),
    }  # "before it can take effect" is a condition, not a milestone


def test_kinds_of_events_news_names(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Ministers meet in Hanoi\n"
        "HANOI (VNA) – The two ministers on Tuesday co-chaired the fifth meeting of the "
        "Vietnam–France Joint Economic Committee in Hanoi.\n"
        "Earlier, they attended a roundtable on green hydrogen at the French embassy.\n"
        "The first consultations between the two foreign ministries will take place in Paris "
        "in June.\n"
        "Last year, the French frigate Vendémiaire called at Da Nang for three days.\n"
        "The minister recalled Tô Lâm’s trip to Paris in October 2024.\n"
        "Contracts worth 2 billion euros were signed on Tuesday.\n",
        published=dt.date(2026, 3, 11),
    )
    kinds = [e.type for e in d.events]
    assert kinds.count("dialogue") == 2  # the committee's meeting and the consultations
    assert "conference" in kinds  # the roundtable
    visits = [e for e in d.events if e.type == "visit"]
    assert {e.when.start for e in visits} == {dt.date(2025, 1, 1), dt.date(2024, 10, 1)}
    (signing,) = _events(d, "signing")
    assert signing.title == "Signing of contracts worth 2 billion euros"  # never "Signing of on"


def test_a_date_the_event_is_placed_after_is_not_its_own(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Macron in Hanoi\n"
        "HANOI (AFP) – French President Emmanuel Macron began a three-day state visit to Vietnam "
        "on Sunday.\n"
        "The visit comes seven months after Tô Lâm’s trip to Paris in October.\n",
        published=dt.date(2025, 5, 26),
    )
    (state,) = _events(d, "state_visit")
    assert state.when.start == dt.date(2025, 5, 25)


def test_one_memorandum_is_no_set_of_documents(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Firms sign deals\n"
        "HANOI (VNA) – Two French and Vietnamese firms on Monday signed a memorandum of "
        "understanding on training nuclear engineers.\n"
        "The two ministries also signed three memoranda of understanding on health and "
        "education.\n",
        published=dt.date(2026, 3, 10),
    )
    # Both are cooperation documents (the codebook: one or more), but two records: the one
    # memorandum named by what it is for, the three memoranda as a set.
    kinds = {a.name: a.type for a in d.agreements}
    one = "Memorandum of understanding on training nuclear engineers"
    assert kinds.get(one) == "cooperation_documents", kinds
    sets = [n for n, t in kinds.items() if n != one and t == "cooperation_documents"]
    assert len(sets) == 1, kinds


def test_an_entry_into_force_has_one_id_whoever_drafts_it(tmp_path: Path) -> None:
    from vnfr_data.draft.draft import assign_ids

    ids = []
    for n, text in enumerate(
        (
            "Tariffs fall\nHANOI (VNA) – Duties fell under the EU–Việt Nam Free Trade Agreement "
            "(EVFTA), which took effect in August 2020.\n",
            "Trade grows\nPARIS (AFP) - Trade rose after the EU–Vietnam Free Trade Agreement "
            "(EVFTA) entered into force in August 2020, the ministry said.\n",
        )
    ):
        folder = tmp_path / str(n)
        folder.mkdir()
        d = _draft(folder, text, published=dt.date(2026, 3, 10))
        assign_ids(d)
        (ev,) = _events(d, "other")
        ids.append(d.id_of(ev))
    assert (
        ids[0]
        == ids[1]
        == "ev-2020-08-entry-into-force-of-the-eu-vietnam-free-trade-agreement-evfta"
    )
