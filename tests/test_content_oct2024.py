"""Content pins for the two October 2024 articles on To Lam's visit to France.

001_9ffa17363db973bd (no publication date in its body) and 004_3c061884a9f81943
(dateline October 9, 2024). Each test pins facts annotated from these articles so
that a regression in the annotations or in the build fails loudly.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from vnfr_data import Dataset

A001 = "9ffa17363db973bd"
A004 = "3c061884a9f81943"
VISIT = "ev-2024-10-lam-official-visit-france"
TALKS = "ev-2024-10-08-talks-lam-macron-paris"
UPGRADE = "ev-2024-10-partnership-upgrade"


def _quotes(ds: Dataset, table: str, record_id: str, source_id: str) -> set[str]:
    return {e.quote for e in ds.evidence_for(table, record_id) if e.source_id == source_id}


def _claims(ds: Dataset, table: str, record_id: str, field: str) -> dict[str, str]:
    return {
        c.source_id: c.value
        for c in ds.claims
        if c.record_table == table and c.record_id == record_id and c.field == field
    }


def test_sources_metadata(ds: Dataset) -> None:
    s1 = ds.sources.get(A001)
    assert s1 is not None
    assert s1.published_date is None
    assert (s1.published_date_precision, s1.published_date_basis) == ("unknown", "unknown")
    assert s1.publisher is None
    s4 = ds.sources.get(A004)
    assert s4 is not None
    assert s4.published_date == datetime.date(2024, 10, 9)
    assert (s4.published_date_precision, s4.published_date_basis) == ("day", "stated")
    assert s4.publisher is None


def test_body_spans_exclude_page_furniture(ds: Dataset) -> None:
    t4 = ds.source_text(A004)
    s4 = ds.sources.get(A004)
    assert t4[s4.body_start :].startswith("Vietnam and France have officially elevated")
    assert t4[: s4.body_end].endswith("far-reaching implications for both countries.")
    assert "Leave a comment" not in t4[s4.body_start : s4.body_end]
    t1 = ds.source_text(A001)
    s1 = ds.sources.get(A001)
    body1 = t1[s1.body_start : s1.body_end]
    assert body1.startswith("Both sides also aligned on major directions")
    assert body1.endswith("during the official visit of Vietnam’s top leader to France.")
    assert "See also" not in body1


def test_every_evidence_span_of_these_articles_is_verbatim_and_in_body(ds: Dataset) -> None:
    for sid in (A001, A004):
        text = ds.source_text(sid)
        src = ds.sources.get(sid)
        rows = [e for e in ds.evidence if e.source_id == sid]
        assert len(rows) > 50
        for e in rows:
            assert text[e.char_start : e.char_end] == e.quote
            assert src.body_start <= e.char_start < e.char_end <= src.body_end


def test_no_evidence_taken_from_photo_caption_of_001(ds: Dataset) -> None:
    text = ds.source_text(A001)
    cap = text.index("At the talks - Photo: VNA |")
    cap_end = cap + len("At the talks - Photo: VNA |")
    for e in ds.evidence:
        if e.source_id == A001:
            assert e.char_end <= cap or e.char_start >= cap_end, e.quote
    assert "vna" not in {
        e.record_id for e in ds.evidence if e.source_id == A001 and e.record_table == "actors"
    }


def test_talks_date_and_place_from_004(ds: Dataset) -> None:
    talks = ds.events.get(TALKS)
    assert talks is not None
    assert talks.event_type == "talks"
    assert talks.date_start == talks.date_end == datetime.date(2024, 10, 8)
    assert (talks.date_precision, talks.date_basis) == ("day", "stated")
    assert talks.location == "Paris"
    assert talks.part_of == VISIT
    assert "During their talks in Paris on October 8, 2024" in _quotes(ds, "events", TALKS, A004)
    assert _quotes(ds, "events", TALKS, A001), "001 reports the talks too"


def test_visit_is_an_official_visit_reported_by_both(ds: Dataset) -> None:
    visit = ds.events.get(VISIT)
    assert visit is not None
    assert visit.event_type == "official_visit"
    assert visit.country_code == "FR"
    assert "during the official visit of Vietnam’s top leader to France" in _quotes(
        ds, "events", VISIT, A001
    )
    assert "during Lam’s visit" in _quotes(ds, "events", VISIT, A004)


def test_lam_role_differs_between_the_two_articles(ds: Dataset) -> None:
    pid = f"{TALKS}/to-lam"
    part = ds.event_participants.get(pid)
    assert part is not None and part.participation == "guest"
    claims = _claims(ds, "event_participants", pid, "role")
    assert claims[A004] == "Party General Secretary and President"
    assert claims[A001] == "Vietnamese head of state"
    host = ds.event_participants.get(f"{TALKS}/emmanuel-macron")
    assert host is not None and host.participation == "host" and host.role == "French President"


def test_bilateral_trade_figures_of_004(ds: Dataset) -> None:
    value = ds.figures.get("fig-3c061884-03")
    assert value is not None
    assert (value.metric, value.value, value.unit, value.qualifier) == (
        "trade_value",
        Decimal("3400000000"),
        "USD",
        "exact",
    )
    assert (value.period_start, value.period_end) == (
        datetime.date(2024, 1, 1),
        datetime.date(2024, 8, 31),
    )
    assert value.as_reported == "$3.4 billion"
    growth = ds.figures.get("fig-3c061884-04")
    assert growth is not None
    assert (growth.metric, growth.value, growth.unit) == (
        "trade_growth_rate",
        Decimal("6.9"),
        "percent",
    )
    assert "2023" in (growth.comparison_base or "")
    assert "a 6.9% increase compared to the same period in 2023" in _quotes(
        ds, "figures", growth.figure_id, A004
    )


def test_first_visit_in_22_years_figures_of_001(ds: Dataset) -> None:
    years = ds.figures.get("fig-9ffa1736-03")
    assert years is not None
    assert (years.metric, years.value, years.unit, years.as_reported) == (
        "elapsed_time",
        Decimal("22"),
        "years",
        "in 22 years",
    )
    assert years.statement_id == "st-9ffa1736-04" and years.event_id == VISIT
    first = ds.figures.get("fig-9ffa1736-02")
    assert first is not None and (first.metric, first.value, first.unit) == (
        "ordinal",
        Decimal("1"),
        "ordinal",
    )
    stressed = ds.statements.get("st-9ffa1736-04")
    assert stressed is not None
    assert (stressed.speaker_id, stressed.statement_type) == ("emmanuel-macron", "emphasise")


def test_francophonie_summit_19th_inferred_october_2024(ds: Dataset) -> None:
    summit = ds.events.get("ev-2024-10-francophonie-summit-19")
    assert summit is not None
    assert summit.event_type == "summit"
    assert (summit.date_start, summit.date_end) == (
        datetime.date(2024, 10, 1),
        datetime.date(2024, 10, 31),
    )
    assert (summit.date_precision, summit.date_basis) == ("month", "inferred")
    assert summit.date_note and "2024" in summit.date_note
    ordinal = ds.figures.get("fig-9ffa1736-01")
    assert ordinal is not None and ordinal.value == Decimal("19") and ordinal.unit == "ordinal"
    assert ordinal.event_id == summit.event_id
    vn = ds.event_participants.get(f"{summit.event_id}/vietnam")
    assert vn is not None and vn.participation == "participant"


def test_dien_bien_phu_70th_anniversary_in_both(ds: Dataset) -> None:
    ev = ds.events.get("ev-undated-dien-bien-phu-victory-70th-anniversary")
    assert ev is not None
    assert ev.event_type == "commemoration"
    # The corpus does not date the victory: the year is inferred from the visit made "during"
    # the anniversary, which 004 calls recent in October 2024; no date comes from outside it.
    assert (ev.date_start, ev.date_precision, ev.date_basis) == (
        datetime.date(2024, 1, 1),
        "year",
        "inferred",
    )
    assert ev.date_note and "does not date the victory" in ev.date_note
    visit = ds.events.get("ev-undated-lecornu-visit-vietnam")
    assert visit is not None and (visit.date_start, visit.date_basis) == (
        datetime.date(2024, 1, 1),
        "inferred",
    )
    assert visit.date_note and "recent" in visit.date_note
    for fid in ("fig-9ffa1736-04", "fig-3c061884-02"):
        fig = ds.figures.get(fid)
        assert fig is not None
        assert (fig.metric, fig.value, fig.unit) == ("anniversary", Decimal("70"), "years")
        assert fig.event_id == ev.event_id
    lecornu = ds.event_participants.get("ev-undated-lecornu-visit-vietnam/sebastien-lecornu")
    assert lecornu is not None and lecornu.role == "French Armed Forces Minister"


def test_evipa_urge_and_confirm_are_one_statement_each_across_sources(ds: Dataset) -> None:
    urge = ds.statements.get("st-9ffa1736-13")
    assert urge is not None
    assert (urge.speaker_id, urge.addressee_id, urge.statement_type) == ("to-lam", "france", "urge")
    assert urge.event_id == TALKS
    # Dated by its event, the talks 004 dates 'October 8, 2024'.
    assert urge.date == datetime.date(2024, 10, 8) and urge.date_basis == "inferred"
    assert urge.date_note == f"the date of its event, {TALKS}"
    assert not _claims(ds, "statements", urge.statement_id, "statement_type"), "both articles: urge"
    assert _quotes(ds, "statements", urge.statement_id, A001) == {
        "The Vietnamese leader urged France to expedite the ratification of the EU-Vietnam Investment Protection Agreement (EVIPA)"
    }
    assert urge.split_note and "st-9ffa1736-14" in urge.split_note
    assert _quotes(ds, "statements", urge.statement_id, A004)
    confirm = ds.statements.get("st-9ffa1736-15")
    assert confirm is not None
    assert (confirm.speaker_id, confirm.statement_type) == ("emmanuel-macron", "confirm")
    assert _quotes(ds, "statements", confirm.statement_id, A001)
    assert _quotes(ds, "statements", confirm.statement_id, A004)


def test_evipa_awaiting_ratification_and_discussed_at_talks(ds: Dataset) -> None:
    evipa = ds.agreements.get("ag-evipa")
    assert evipa is not None
    assert evipa.agreement_type == "investment_agreement" and evipa.short_name == "EVIPA"
    status_claims = _claims(ds, "agreements", "ag-evipa", "status")
    if status_claims:  # another source disagrees: both of ours still say awaiting ratification
        assert status_claims[A001] == status_claims[A004] == "awaiting_ratification"
    else:
        assert evipa.status == "awaiting_ratification"
    link = ds.agreement_events.get(f"ag-evipa/{TALKS}")
    assert link is not None and link.relation == "discussed"
    assert _quotes(ds, "agreement_events", link.link_id, A001) and _quotes(
        ds, "agreement_events", link.link_id, A004
    )


def test_bridge_is_a_paraphrase_and_each_verb_its_own_record(ds: Dataset) -> None:
    # 001 "highly valued the role …": appreciation; 004 "highlighted the important role …,
    # calling it a “bridge”": one quoted word in a paraphrase, and another speech act.
    valued = ds.statements.get("st-9ffa1736-24")
    assert valued is not None
    assert (valued.speaker_id, valued.statement_type, valued.quote_kind) == (
        "emmanuel-macron",
        "appreciate",
        "paraphrase",
    )
    assert not _quotes(ds, "statements", valued.statement_id, A004)
    highlighted = ds.statements.get("st-3c061884-10")
    assert highlighted is not None
    assert (highlighted.statement_type, highlighted.quote_kind) == ("emphasise", "paraphrase")
    assert "“bridge”" in highlighted.text
    assert set(_claims(ds, "statements", valued.statement_id, "quote_kind")) == {A001}


def test_invitation_to_visit_vietnam_and_acceptance(ds: Dataset) -> None:
    invite = ds.statements.get("st-9ffa1736-31")
    accept = ds.statements.get("st-9ffa1736-32")
    assert invite is not None and accept is not None
    assert (invite.speaker_id, invite.addressee_id, invite.statement_type) == (
        "to-lam",
        "emmanuel-macron",
        "invite",
    )
    assert (accept.speaker_id, accept.statement_type) == ("emmanuel-macron", "accept_invitation")
    visit = ds.events.get("ev-undated-macron-visit-vietnam-invited")
    assert visit is not None and visit.status == "invited" and visit.date_start is None
    invitee = ds.event_participants.get(f"{visit.event_id}/emmanuel-macron")
    assert invitee is not None and invitee.participation == "invitee"


def test_typhoon_yagi_condolences(ds: Dataset) -> None:
    yagi = ds.events.get("ev-undated-typhoon-yagi")
    assert yagi is not None
    assert (yagi.event_type, yagi.status, yagi.country_code) == ("disaster", "occurred", "VN")
    # "recent Typhoon Yagi" at the talks of 8 October 2024: inferred 2024, with the reasoning.
    assert (yagi.date_start, yagi.date_precision, yagi.date_basis) == (
        datetime.date(2024, 1, 1),
        "year",
        "inferred",
    )
    assert yagi.date_note and "recent Typhoon Yagi" in yagi.date_note
    condole = ds.statements.get("st-9ffa1736-06")
    assert condole is not None
    assert (condole.speaker_id, condole.addressee_id, condole.statement_type) == (
        "emmanuel-macron",
        "vietnam",
        "condole",
    )


def test_partnership_upgrade_evidence_and_first_eu_country(ds: Dataset) -> None:
    assert (
        "The elevation of Vietnam-France relations to a Comprehensive Strategic Partnership"
        in _quotes(ds, "events", UPGRADE, A004)
    )
    for actor in ("vietnam", "france", "to-lam", "emmanuel-macron"):
        assert _quotes(ds, "event_participants", f"{UPGRADE}/{actor}", A004), actor
    first = ds.figures.get("fig-3c061884-01")
    assert first is not None
    assert (first.metric, first.value, first.event_id) == ("ordinal", Decimal("1"), UPGRADE)
    announce = ds.statements.get("st-3c061884-01")
    assert announce is not None and announce.co_speaker_ids == ("emmanuel-macron",)


def test_defence_dialogue_planned_and_joint_pledge(ds: Dataset) -> None:
    dialogue = ds.events.get("ev-undated-vn-fr-defence-strategy-cooperation-dialogue")
    assert dialogue is not None
    assert (dialogue.event_type, dialogue.status) == ("dialogue", "planned")
    assert _quotes(ds, "events", dialogue.event_id, A001) == {
        "soon hold the Vietnam-France Defence Strategy and Cooperation Dialogue"
    }
    assert _quotes(ds, "events", dialogue.event_id, A004) == {
        "holding the Vietnam-France Defense Strategy and Cooperation Dialogue"
    }
    pledge = ds.statements.get("st-9ffa1736-09")
    assert pledge is not None
    assert pledge.speaker_id == "to-lam" and "emmanuel-macron" in pledge.co_speaker_ids
    assert {"defence", "security"} <= set(pledge.topics)
    # All five undertakings the vow governs are in the text.
    assert pledge.text.endswith("and support each other at global and regional security forums")
    assert "assist in the training of officers" in pledge.text


def test_cooperation_documents_signed_during_the_visit(ds: Dataset) -> None:
    signing = ds.events.get("ev-2024-10-vn-fr-cooperation-documents-signing")
    assert signing is not None
    assert (signing.event_type, signing.part_of) == ("signing", VISIT)
    link = ds.agreement_events.get(f"ag-2024-10-vn-fr-cooperation-documents/{signing.event_id}")
    assert link is not None and link.relation == "signed"
    docs = ds.agreements.get("ag-2024-10-vn-fr-cooperation-documents")
    assert docs is not None and (docs.agreement_type, docs.status) == (
        "cooperation_documents",
        "signed",
    )
    assert _quotes(ds, "agreements", docs.agreement_id, A001) and _quotes(
        ds, "agreements", docs.agreement_id, A004
    )


def test_unclos_short_name_as_reported_by_each(ds: Dataset) -> None:
    claims = _claims(ds, "agreements", "ag-unclos", "short_name")
    assert claims.get(A001) == "UNCLOS 1982"
    assert claims.get(A004) == "UNCLOS"
    link = ds.agreement_events.get(f"ag-unclos/{TALKS}")
    assert link is not None and link.relation == "referenced"


@pytest.mark.parametrize(
    "actor_id", ["asem", "sebastien-lecornu", "european-commission", "french-parliament"]
)
def test_actors_mentioned_in_001(ds: Dataset, actor_id: str) -> None:
    assert ds.actors.get(actor_id) is not None
    assert _quotes(ds, "actors", actor_id, A001)
