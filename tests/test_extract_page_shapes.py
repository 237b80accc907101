"""Page furniture inside and around an article, appositive speakers, glued titles, listed
companies, signings described in a clause and days of another year: each rule on its own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from vnfr_data.draft.dates import Anchor, find
from vnfr_data.draft.draft import render
from vnfr_data.draft.furniture import layout
from vnfr_data.draft.pipeline import extract
from vnfr_data.draft.text import Span

REPO = Path(__file__).resolve().parent.parent
ACTORS = REPO / "data" / "annotations" / "actors.yaml"

PAGE = """THE RIVER GAZETTE
Subscribe | Log in | EN | FR
World & Region
Lyon and Huong Son open a joint museum of silk weaving
Published on: 10/03/2027
4 min read
Listen to this article
HUONG SON — The French city of Lyon and Huong Son district opened a joint museum of silk weaving on Tuesday.
Share
Vice Chairman of the district People’s Committee Ta Minh Quan said the museum would train 30 weavers a year.
Advertisement
Deputy Mayor of Lyon Solange Berthier, who leads the French delegation, said the museum showed what two towns could do.
Did you find this article useful?
Yes | No
Read more
Hanoi hosts a food fair
"""


def _draft(tmp_path: Path, text: str, name: str = "900_0123456789abcdef.txt") -> dict[str, object]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return yaml.safe_load(render(extract(path, actors=ACTORS)))  # type: ignore[no-any-return]


def test_soft_furniture_inside_the_body_does_not_end_it() -> None:
    doc = layout(PAGE)
    body = PAGE[doc.body.start : doc.body.end]
    assert body.startswith("HUONG SON — The French city")
    assert body.endswith("what two towns could do.")
    assert PAGE[doc.title.start : doc.title.end].startswith("Lyon and Huong Son open")
    kinds = {line.text: line.kind for line in doc.lines}
    assert kinds["Share"] != "prose" and kinds["Advertisement"] != "prose"
    assert kinds["Did you find this article useful?"] == "meta"
    assert all(
        not doc.in_prose(Span(line.span.start, line.span.end))
        for line in doc.lines
        if line.text in {"Share", "Advertisement"}
    )


def test_a_list_head_still_ends_the_body() -> None:
    text = "Headline of the page here\nPARIS - A long first paragraph of the article ends here.\nShare\nRelated\nAnother article that is a teaser line with a period at the end.\n"
    doc = layout(text)
    assert text[doc.body.start : doc.body.end].endswith("article ends here.")


def test_a_page_without_a_delimitable_body_gets_a_best_effort_body_said_so(tmp_path: Path) -> None:
    text = "Menu\nFrance and Vietnam discuss trade\nShort line\nAnother short line\n"
    doc = layout(text)
    assert len(doc.body) > 0 and doc.note and "best-effort" in doc.note
    path = tmp_path / "901_0123456789abcdee.txt"
    path.write_text(text, encoding="utf-8")
    assert "# DRAFT: best-effort body" in render(extract(path, actors=ACTORS))


def test_appositive_speakers_and_titles_glued_to_names(tmp_path: Path) -> None:
    doc = _draft(tmp_path, PAGE)
    proposed = render(extract(tmp_path / "900_0123456789abcdef.txt", actors=ACTORS))
    assert "solange-berthier" in proposed and "lyon-solange" not in proposed
    text = (
        "Heading of an article about trade\n"
        "PARIS - French Minister Delegate for Foreign Trade and Economic Attractiveness "
        "Gaspard Morin met Vietnamese officials on Monday.\n"
        "Odette Lagrange, chairwoman of the France-Asia Council, said the two countries had much to gain.\n"
        "French groups Vallorin and Castelmer signed contracts worth 50 million USD with a Vietnamese port on Monday.\n"
    )
    path = tmp_path / "902_0123456789abcded.txt"
    path.write_text(text, encoding="utf-8")
    out = render(extract(path, actors=ACTORS))
    assert "gaspard-morin" in out and "attractiveness-gaspard-morin" not in out
    assert "speaker: odette-lagrange" in out
    assert "id: vallorin," in out and "id: castelmer," in out
    assert doc["source"]["title"].startswith("Lyon and Huong Son")  # type: ignore[index]


def test_a_day_of_last_year_and_spans_of_years() -> None:
    anchor = Anchor(dt.date(2026, 12, 2), 2026, "the publication date")
    text = "They signed it on October 8 last year under the 2026–2030 action plan for 2027 - 2029."
    found = find(text, Span(0, len(text)), anchor)
    assert [(m.text, m.when.start) for m in found] == [
        ("October 8 last year", dt.date(2025, 10, 8))
    ]


def test_a_signing_in_a_relative_clause_is_its_own_event(tmp_path: Path) -> None:
    text = (
        "Vietnam and France sign a letter of intent\n"
        "HANOI - The two ministers on Tuesday signed a letter of intent on nuclear training.\n"
        "The two sides also reviewed a memorandum that the two countries signed on October 8 last year.\n"
        "The delegation later visited the site, where the minister signed the guest book.\n"
    )
    doc = _draft(tmp_path, text.replace("\n", "\n"), "903_0123456789abcdec.txt")
    del doc
    out = render(
        extract(
            tmp_path / "903_0123456789abcdec.txt", published=dt.date(2026, 12, 2), actors=ACTORS
        )
    )
    events = yaml.safe_load(out)["events"]
    signings = [e for e in events if e["type"] == "signing"]
    assert sorted(str(e.get("date_start")) for e in signings) == ["2025-10-08", "2026-12-01"]


FAIR = """Business Review
Trade
Lyon firms show their wares in Da Nang
Thursday, 19/11/2026 15:05
BR - More than 40 French firms, including Vallorin, Castelmer and Orbelle, are taking part in a three-day French wine fair that opened in Da Nang on Wednesday.
Speaking at the opening, the council’s chairwoman, Ginette Roussel, said French wine exports rose by 9 percent in the first eight months of this year. The chairwoman added that the council expected 2,000 visitors.
She said the city would sign a memorandum of understanding with the council on wine training next month.
The two sides last met on 3 May last year in Lyon.
Comment (0)
"""


def test_role_references_fairs_planned_signings_and_periods(tmp_path: Path) -> None:
    path = tmp_path / "904_0123456789abcdeb.txt"
    path.write_text(FAIR, encoding="utf-8")
    out = render(extract(path, actors=ACTORS))
    doc = yaml.safe_load(out)
    assert all(f["unit"] != "months" for f in doc["figures"])  # "the first eight months of"
    for firm in ("vallorin", "castelmer", "orbelle"):
        assert f"id: {firm}," in out
    assert "id: the," not in out  # "The chairwoman added": no company called "The"
    assert "'The chairwoman' -> Ginette Roussel" in out
    events = {e["type"]: e for e in doc["events"]}
    assert events["other"]["date_start"] == dt.date(2026, 11, 18)
    assert events["ceremony"]["evidence"] == ["the opening"]
    signing = events["signing"]
    assert signing["status"] == "planned" and signing["date_start"] == dt.date(2026, 12, 1)
    assert events["meeting"]["date_start"] == dt.date(2025, 5, 3)
    names = [a["name"] for a in doc["agreements"]]
    assert names == ["Memorandum of understanding on wine training"]  # who signs is no name


def test_a_country_is_the_nationality_nearest_the_name_not_a_neighbour_s(tmp_path: Path) -> None:
    text = (
        "Paris deal for a rail link\n"
        "PARIS - The agreement was signed in the presence of Vietnamese Deputy Prime Minister "
        "Lam Quoc Binh and French Minister for the Economy and Finance Gaspard Morin.\n"
        "French groups Vallorin and Castelmer will build the line.\n"
    )
    path = tmp_path / "905_0123456789abcdea.txt"
    path.write_text(text, encoding="utf-8")
    out = render(extract(path, actors=ACTORS))
    assert '{id: gaspard-morin, name: "Gaspard Morin", type: person, country: FR' in out
    assert '{id: lam-quoc-binh, name: "Lam Quoc Binh", type: person, country: VN' in out
    assert '{id: vallorin, name: "Vallorin", type: company, country: FR' in out
    assert '{id: castelmer, name: "Castelmer", type: company, country: FR' in out


WIRE = """Photo: Minister Odette Lagrange (L) shakes hands with Nguyen Van Phuc in Hanoi on Monday. AFP
HANOI, Nov 30 (AFP) — France and Vietnam on Monday agreed to hold annual consultations between their foreign ministries, French Minister Odette Lagrange said after talks with her Vietnamese counterpart Nguyen Van Phuc in Hanoi.
Lagrange, who arrived in Hanoi on Sunday, will travel to Hue on Wednesday.
Danone will build a dairy plant in Long An under an agreement reached with the province in July.
Copyright © 2026 AFP. All rights reserved.
"""


def test_a_caption_first_wire_page_a_past_clause_and_described_agreements(tmp_path: Path) -> None:
    path = tmp_path / "906_0123456789abcde9.txt"
    path.write_text(WIRE, encoding="utf-8")
    d = extract(path, actors=ACTORS, dataset=REPO / "data")
    out = yaml.safe_load(render(d))
    assert out["source"]["published_date"] == dt.date(2026, 11, 30)  # year: the copyright line
    assert out["source"]["title"].startswith("France and Vietnam on Monday agreed")
    kinds = {a["type"]: a for a in out["agreements"]}
    assert kinds["cooperation_mechanism"]["name"].startswith("Annual consultations between")
    assert "other" in kinds  # "an agreement reached with the province"
    arrival = next(e for e in d.events if "arrived" in d.text[e.first.start : e.first.end])
    assert arrival.status == "ongoing" and arrival.when.start == dt.date(2026, 11, 29)
    talks = next(e for e in d.events if e.type == "talks")
    assert talks.existing is None  # Hanoi talks between other people are not the corpus's
    assert "counterpart Nguyen Van Phuc" in render(d) and "nguyen-van-phuc" in render(d)
