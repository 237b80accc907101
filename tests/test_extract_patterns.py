"""Draft extraction on the general patterns of issue 9, each on a few sentences written for the
test (none copied from anywhere): headlines and leads, dates, status, speakers, people and
organisations, titles, furniture. The development set (tests/draft_dev/) measures them at scale;
these tests pin each rule down so that it can fail on its own.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from vnfr_data.draft import Draft, extract, render
from vnfr_data.draft.adopt import accept_all
from vnfr_data.draft.dates import Anchor, find
from vnfr_data.draft.text import Span


def _draft(tmp_path: Path, text: str, published: dt.date | None = None) -> Draft:
    article = tmp_path / "001_00000000000000ee.txt"
    article.write_text(text, encoding="utf-8")
    return extract(article, published=published)


def _said(d: Draft) -> dict[str, frozenset[str]]:
    return {
        " ".join(d.text[s.evidence.start : s.evidence.end].split()[:3]): s.who.ids
        for s in d.statements
    }


# -- headline, lead, furniture ------------------------------------------------------------


def test_a_dateline_lead_is_never_the_title_and_its_facts_are_kept(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Minister Hoa (L) greets French guests in Hanoi. (Photo: VNA)\n"
        "HANOI - France and Vietnam on Friday signed a loan agreement for a tram line in Hanoi, "
        "the French embassy said.\n"
        "The two sides also discussed training for tram drivers and engineers.\n"
        "Donate to keep our journalism free. Every contribution matters.\n"
        "13.06.2025\n",
    )
    title = d.text[d.doc.title.start : d.doc.title.end]
    assert title.startswith("France and Vietnam on Friday signed")  # the lead, not the caption
    assert d.text[d.doc.body.start :].startswith("HANOI - France")
    assert "Donate" not in d.text[d.doc.body.start : d.doc.body.end]
    assert d.source.published.start == dt.date(2025, 6, 13)  # the footer's own date line
    assert any(e.type == "signing" and e.when.start == dt.date(2025, 6, 13) for e in d.events)


def test_a_header_line_with_weekday_date_and_time_dates_the_page(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "News | World | Business\n"
        "Tuesday, March 3, 2026 | 10:45\n"
        "Vietnam and France discuss rail links\n"
        "Officials of Vietnam and France discussed rail links in Hanoi on Monday, the ministry said.\n",
    )
    assert d.text[d.doc.title.start : d.doc.title.end] == "Vietnam and France discuss rail links"
    p = d.source.published
    assert (p.start, p.basis) == (dt.date(2026, 3, 3), "stated")
    assert p.note is not None and "header" in p.note


# -- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "future", "start", "end", "precision"),
    [
        ("from May 25 to 27", False, dt.date(2026, 5, 25), dt.date(2026, 5, 27), "day"),
        ("from September 15 to 18", True, dt.date(2026, 9, 15), dt.date(2026, 9, 18), "day"),
        ("3 to 5 February", True, dt.date(2027, 2, 3), dt.date(2027, 2, 5), "day"),
        ("October last year", False, dt.date(2025, 10, 1), dt.date(2025, 10, 31), "month"),
        ("last year", False, dt.date(2025, 1, 1), dt.date(2025, 12, 31), "year"),
        (
            "the second half of next year",
            False,
            dt.date(2027, 7, 1),
            dt.date(2027, 12, 31),
            "month",
        ),
        ("on Monday", False, dt.date(2026, 6, 8), dt.date(2026, 6, 8), "day"),
        ("on June 20", True, dt.date(2026, 6, 20), dt.date(2026, 6, 20), "day"),
        ("on June 1", True, dt.date(2027, 6, 1), dt.date(2027, 6, 1), "day"),
        # A month in the past tense is the last such month, even when the next one is nearer.
        ("in October", False, dt.date(2025, 10, 1), dt.date(2025, 10, 31), "month"),
        ("in June", False, dt.date(2026, 6, 1), dt.date(2026, 6, 30), "month"),
    ],
)
def test_ranges_weekdays_and_relative_years(
    words: str, future: bool, start: dt.date, end: dt.date, precision: str
) -> None:
    anchor = Anchor(dt.date(2026, 6, 10), 2026, "the publication date 2026-06-10")  # a Wednesday
    found = find(words, Span(0, len(words)), anchor, future=future)
    assert [(f.when.start, f.when.end, f.when.precision) for f in found] == [
        (start, end, precision)
    ]


def test_a_note_never_says_up_to_the_publication_date_for_a_later_day() -> None:
    anchor = Anchor(dt.date(2026, 6, 10), 2026, "the publication date 2026-06-10")
    (later,) = find("on June 20", Span(0, 10), anchor, future=True)
    assert later.when.note is not None and "after" in later.when.note
    (earlier,) = find("on June 2", Span(0, 9), anchor)
    assert earlier.when.note is not None and "before" in earlier.when.note


def test_an_event_takes_a_date_stated_elsewhere_in_its_clause(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Vietnam and France mark ties\n"
        "In October 2024, General Secretary To Lam paid an official visit to France.\n",
        published=dt.date(2025, 10, 8),
    )
    (visit,) = [e for e in d.events if e.type == "official_visit"]
    assert (visit.when.start, visit.when.end, visit.when.precision) == (
        dt.date(2024, 10, 1),
        dt.date(2024, 10, 31),
        "month",
    )
    assert visit.status == "occurred"


# -- status ------------------------------------------------------------------------------------


def test_planned_ongoing_and_occurred(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "French minister in Vietnam\n"
        "French Minister for Energy Claire Dubois began a three-day visit to Vietnam on Monday.\n"
        "Dubois is scheduled to attend a business forum in Da Nang on Thursday.\n"
        "A seminar on hydrogen will be held in Hanoi from July 1 to 3.\n"
        "During his three-day state visit to France, State President Luong Cuong on Monday witnessed "
        "the signing of an agreement on rail cooperation.\n",
        published=dt.date(2026, 6, 10),  # Wednesday
    )
    by_type = {e.type: e for e in d.events}
    visit = next(e for e in d.events if e.type == "visit")
    assert (visit.status, visit.when.start, visit.when.end) == (
        "ongoing",
        dt.date(2026, 6, 8),
        dt.date(2026, 6, 10),
    )
    forum = next(e for e in d.events if "forum" in e.head)
    assert (forum.status, forum.when.start) == ("planned", dt.date(2026, 6, 11))
    seminar = next(e for e in d.events if "seminar" in e.head)
    assert (seminar.status, seminar.when.start, seminar.when.end) == (
        "planned",
        dt.date(2026, 7, 1),
        dt.date(2026, 7, 3),
    )
    state = by_type["state_visit"]
    assert state.status == "ongoing" and state.when.precision == "month"  # a day inside it
    assert by_type["signing"].status == "occurred"


# -- speakers ------------------------------------------------------------------------------------


def test_quote_first_role_and_organisation_speakers(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Macron backs Vietnam on sea law\n"
        "PARIS (AP) — French President Emmanuel Macron met Vietnamese Prime Minister Pham Minh Chinh "
        "at the Élysée Palace on Sunday.\n"
        "“The law of the sea protects all of us,” Macron wrote on X.\n"
        "The presidential palace said in a statement that the talks had been constructive.\n"
        "“We count on France,” the Vietnamese leader told reporters.\n",
        published=dt.date(2026, 3, 10),
    )
    said = _said(d)
    assert said["“The law of"] == {"emmanuel-macron"}
    assert said["The presidential palace"] == {"elysee-palace"}
    assert said["“We count on"] == {"pham-minh-chinh"}


def test_he_after_an_unnamed_speaker_is_not_the_last_person_named(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Paris weighs vessel sale\n"
        "French President Emmanuel Macron said France would defend freedom of navigation.\n"
        "A French official, who spoke on condition of anonymity, said Paris was weighing a sale of "
        "patrol vessels. He said no contract had been signed.\n",
    )
    he = [s for s in d.statements if d.text[s.evidence.start :].startswith("He said")]
    # The unnamed official again, never Macron: drafted for the reviewer, dropped on adoption.
    assert [s.who.speaker.type for s in he] == ["unnamed"]
    official = [s for s in d.statements if d.text[s.evidence.start :].startswith("A French")]
    assert [s.who.speaker.name for s in official] == ["A French official"]
    text = render(d)
    assert '# DRAFT|   evidence: ["He said no contract had been signed."]' in text
    assert "He said no contract" not in accept_all(text)[0]
    assert not any(e.type == "signing" for e in d.events)  # "no contract had been signed"


def test_companies_speak_jointly(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Airline orders jets\n"
        "Vietnamese budget carrier Skylark Air signed a deal on Monday to buy 12 aircraft from French "
        "manufacturer Aerion, the two companies said.\n",
        published=dt.date(2026, 6, 10),
    )
    assert {a.id: a.type for a in d.proposals}.items() >= {
        "skylark-air": "company",
        "aerion": "company",
    }.items()
    (st,) = d.statements
    assert st.who.ids == {"skylark-air", "aerion"}
    (deal,) = d.agreements
    assert deal.status == "signed" and "12 aircraft" in deal.name


# -- people and organisations ------------------------------------------------------------------


def test_long_titles_hyphens_particles_and_countries(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "French and Vietnamese ministers meet\n"
        "French Minister for the Economy, Finance and Industrial and Digital Sovereignty Jean-Luc "
        "Moreau met Minister of State for Francophonie and International Partnerships Anne de "
        "Villiers-Roche and French Ambassador to Việt Nam Claire Fontaine in Hà Nội.\n"
        "Moreau said Việt Nam was a key partner.\n",
    )
    proposed = {a.id: a for a in d.proposals}
    assert proposed["jean-luc-moreau"].country == "FR"
    assert "anne-de-villiers-roche" in proposed
    assert proposed["claire-fontaine"].name == "Claire Fontaine"  # not "Nam Claire Fontaine"
    assert not any(m.actor.id == "oif" for m in d.mentions)  # "Francophonie" is a portfolio here
    # "Việt Nam" is Vietnam; the state an ambassador is accredited to is no actor of the clause
    vietnam = [m for m in d.mentions if m.actor.id == "vietnam"]
    assert [m.sentence for m in vietnam] == [1]


def test_diacritics_link_known_actors(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Vietnamese leaders meet guests\n"
        "Party General Secretary Tô Lâm received State President Lương Cường and guests from Việt Nam "
        "and France in Hà Nội.\n",
    )
    assert {"to-lam", "luong-cuong", "vietnam", "france"} <= {m.actor.id for m in d.mentions}
    assert not any(a.id in {"to-lam", "luong-cuong", "viet-nam", "ha-noi"} for a in d.proposals)


def test_risky_aliases_are_flagged_for_the_reviewer(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Chairman receives guests\n"
        "National Assembly Chairman Tran Thanh Man received French lawmakers in Hanoi.\n"
        "Man said the two legislatures should meet more often.\n",
    )
    text = render(d)
    assert re.search(r"# - \{id: tran-thanh-man, .*aliases: \[\"?Man\"?\]\}", text)
    assert "'Man' is also a common word" in text


# -- titles and adoption -----------------------------------------------------------------------


def test_titles_are_built_never_cut_from_the_text(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "French senator visits Vietnam\n"
        "French Senate President Gerard Larcher, who is on an official visit to Vietnam, held talks "
        "with General Secretary To Lam in Hanoi on Tuesday. The visiting guest will travel to Hue on "
        "Wednesday.\n",
        published=dt.date(2025, 9, 16),
    )
    for ev in d.events:
        assert "(" not in ev.title and not ev.title.endswith((" of", " to", " by"))
    visit = next(e for e in d.events if e.type == "official_visit")
    assert visit.title == "Official visit to Vietnam by Gerard Larcher"


def test_an_accepted_draft_has_no_markers_and_no_unknown_values(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Officials discuss rail links\n"
        "Officials of Vietnam and France held talks on rail links, the ministry said.\n",
    )
    text = render(d)
    assert "unknown" not in re.sub(r"#.*", "", text)  # only comments may say what is not known
    accepted, _actors = accept_all(text)
    assert "# DRAFT" not in accepted


def test_the_gram_index_counts_occurrences_as_the_build_does() -> None:
    """Uniqueness of a quote through the index agrees with a plain scan, overlaps included."""
    from vnfr_data.draft.quotes import GramIndex, occurs_once

    text = "Johnson said aba. Son said ababa twice; Vietnam–France and France and Laos."
    body = Span(0, len(text))
    index = GramIndex(text, body)
    for needle in ("son said", "Son said", "ababa", "abab", "France and", "France and Laos", "aba"):
        assert index.occurs_once(needle) == occurs_once(text, needle, body), needle
    assert not index.occurs_once("France and") and index.occurs_once("France and Laos")
