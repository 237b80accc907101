"""Actors and speakers the text names only through its context (issue 9): a ministry by its
portfolio, "the organisers", a body of "the city", an unnamed source. Sentences written for the
test, none copied from anywhere."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from vnfr_data.draft import Draft, extract, render
from vnfr_data.draft.adopt import accept_all


def _draft(tmp_path: Path, text: str) -> Draft:
    article = tmp_path / "001_00000000000000cd.txt"
    article.write_text(text, encoding="utf-8")
    return extract(article, published=dt.date(2026, 3, 4))


def _speaker_of(d: Draft, start: str) -> set[str]:
    found = [s for s in d.statements if d.text[s.evidence.start :].startswith(start)]
    assert found, start
    return set(found[0].who.ids)


def test_a_bare_ministry_is_the_foreign_ministry_of_the_unqualified_side(tmp_path: Path) -> None:
    vn = _draft(
        tmp_path,
        "Foreign ministers of the two countries meet for talks\n"
        "The ministers met in Hanoi on Monday, the Ministry of Foreign Affairs said. Foreign "
        "Minister Le Van Tam received French Minister for Europe and Foreign Affairs Paul Girard.\n",
    )
    assert _speaker_of(vn, "The ministers met") == {"vietnam-foreign-ministry"}
    fr = _draft(
        tmp_path,
        "Foreign ministers of the two countries meet for talks\n"
        "The ministers met in Paris on Monday, the Ministry for Europe and Foreign Affairs said. "
        "Minister Paul Girard received Vietnamese Foreign Minister Le Van Tam.\n",
    )
    assert _speaker_of(fr, "The ministers met") == {"france-foreign-ministry"}
    neither = _draft(
        tmp_path,
        "Foreign ministers of the two countries meet for talks\n"
        "The ministers met in Paris on Monday, the Ministry of Foreign Affairs said.\n"
        "They discussed trade, education and climate.\n",
    )
    ids = {m.actor.id for m in neither.mentions}
    assert not ids & {"vietnam-foreign-ministry", "france-foreign-ministry"}  # nothing to go by


def test_the_organisers_are_those_the_article_said_organised_the_event(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Trade fair opens in Da Nang\n"
        "A French trade fair opened in Da Nang on Tuesday.\n"
        "It is organised by the French Chamber of Commerce and Industry in Vietnam (CCIFV) and "
        "the city's Department of Industry and Trade.\n"
        "About 120 companies take part this year, according to the organisers.\n",
    )
    proposed = {a.id: a for a in d.proposals}
    department = proposed["da-nang-department-of-industry-and-trade"]  # the city named before
    assert department.aliases == ("Department of Industry and Trade",)
    assert _speaker_of(d, "About 120") == {
        "ccifv",  # its own acronym is its id
        "da-nang-department-of-industry-and-trade",
    }


def test_unnamed_sources_are_drafted_for_the_reviewer_and_dropped_on_adoption(
    tmp_path: Path,
) -> None:
    d = _draft(
        tmp_path,
        "Trade fair opens\n"
        "A French trade fair opened in Hanoi on Tuesday.\n"
        "About 120 companies take part this year, according to the organisers.\n",
    )
    st = next(s for s in d.statements if d.text[s.evidence.start :].startswith("About 120"))
    assert (st.who.speaker.type, st.who.speaker.name) == ("unnamed", "the organisers")
    text = render(d)
    assert "# DRAFT|   speaker: unnamed-speaker" in text
    assert "unnamed-speaker" not in accept_all(text)[0]


def test_organisations_without_an_organisation_word_by_what_the_sentence_makes_them(
    tmp_path: Path,
) -> None:
    d = _draft(
        tmp_path,
        "French firms look to Vietnam's growing energy market\n"
        "The delegation includes the Chief Executive Officer of Solvane Energies, Marc Lebrun.\n"
        "The ministers witnessed the signing of an agreement between the Hanoi University of "
        "Pharmacy and Biofrance Santé.\n"
        "President of Vietnam Luong Cuong received the delegation.\n",
    )
    proposed = {a.id: a.type for a in d.proposals}
    assert proposed.get("solvane-energies") == "company"  # the head of it is a corporate office
    assert proposed.get("biofrance-sante") == "organisation"  # the other side of an agreement
    assert "vietnam" not in proposed and "luong-cuong" not in proposed
