"""News outlets as actors (issue 9; the lead's rule of 2026-12-04, docs/annotations.md): the
agency of a dateline signs the article and is no actor; an outlet the text makes party to a
fact (it interviews someone, reports a claim, organises an event) is. Each article here is
written for the test; the development set (tests/draft_dev/, 360-363) measures it at scale."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from vnfr_data.draft import Draft, extract


def _draft(tmp_path: Path, body: str) -> Draft:
    article = tmp_path / "001_00000000000000ae.txt"
    article.write_text("Lyon and Huế plan a film week\n" + body + "\n", encoding="utf-8")
    return extract(article, published=dt.date(2027, 3, 2))


def _outlets(d: Draft) -> set[str]:
    """Ids of the outlets mentioned (a known one by its id: "VNA" is `vna`)."""
    return {m.actor.id for m in d.mentions if m.actor.type == "media"}


def test_a_dateline_agency_alone_is_no_actor(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Hanoi (VNA) – The cities of Lyon and Huế will hold a French film week in March, the "
        "Huế City People’s Committee said on Monday.",
    )
    assert _outlets(d) == set()


def test_an_outlet_that_interviews_someone_is_an_actor(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Hanoi (VNA) – The cities of Lyon and Huế will hold a French film week in March, Deputy "
        "Mayor of Lyon Camille Brossard told AFP on Monday. Speaking to the Vietnam News Agency, "
        "she said the week would travel to Đà Nẵng in 2028. In an interview with HTV, she added "
        "that Lyon would send three films.",
    )
    assert _outlets(d) == {"afp", "vna", "htv"}


def test_an_outlet_named_by_what_it_is_reports_a_claim(tmp_path: Path) -> None:
    """ "..., the daily Sông Hương reported." is the outlet's claim; a person's words it relays
    stay the person's ("X urged ..., VNA reported")."""
    d = _draft(
        tmp_path,
        "The film week could draw about 20,000 viewers, the daily Sông Hương reported. Deputy "
        "Mayor of Lyon Camille Brossard urged local cinemas to join the programme, VNA reported. "
        "A debate on film heritage, co-organised by Thanh Niên newspaper, will close the week.",
    )
    assert _outlets(d) == {"song-huong", "vna", "thanh-nien"}
    speakers = {
        d.text[s.evidence.start : s.evidence.end][:12]: s.who.speaker.id for s in d.statements
    }
    assert speakers["The film wee"] == "song-huong"
    assert speakers["Deputy Mayor"] == "camille-brossard"


def test_reported_after_anything_but_an_outlet_is_no_speech(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Tickets for the opening night sold out within an hour, organisers of the week reported.",
    )
    assert not d.statements


def test_a_proposal_never_takes_a_withdrawn_id(tmp_path: Path) -> None:
    """VOV was withdrawn from the corpus (its only mention was a dateline): an article where VOV
    interviews someone proposes it again under a new id, which the build accepts."""
    d = _draft(
        tmp_path,
        "In an interview with VOV, Deputy Mayor of Lyon Camille Brossard said the week would "
        "travel to Đà Nẵng in 2028.",
    )
    proposed = {a.name: a.id for a in d.proposals}
    assert "VOV" in proposed
    assert proposed["VOV"] != "vov"
