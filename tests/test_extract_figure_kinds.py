"""Figures news prose gives in less usual shapes (issue 9), and one figure drafted from two new
articles: each rule on sentences written for the test (none copied from anywhere)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from vnfr_data.draft import Draft, extract
from vnfr_data.draft.draft import assign_ids


def _draft(tmp_path: Path, text: str, name: str = "001_00000000000000fa.txt") -> Draft:
    article = tmp_path / name
    article.write_text(text, encoding="utf-8")
    return extract(article, published=dt.date(2026, 3, 20))


def _figures(d: Draft) -> set[tuple[Decimal, str, str]]:
    return {(f.value, f.unit, f.qualifier) for f in d.figures}


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        # a spelled-out number before a scale and a currency
        ("Deals worth nearly three billion euros were signed.", (Decimal(3 * 10**9), "EUR")),
        # a model code is no count; the number before the name counts the aircraft
        ("The airline will buy 8 Airbus A321-200 jets.", (Decimal(8), "count")),
        # a place name with diacritics between the number and what it counts
        ("The school will train 25 Quảng Nam tour guides.", (Decimal(25), "count")),
        # "more" between the number and its noun
        ("The city needs about 3,000 more teachers.", (Decimal(3000), "count")),
        # a number inside the words after another number
        ("The port has 400 staff and a dozen tugboats.", (Decimal(12), "count")),
        ("Each cargo waits nine days for two separate checks.", (Decimal(2), "count")),
        # a century
        ("The school has taught French for more than a century.", (Decimal(100), "years")),
        # a part of a counted whole, and the whole
        ("Eleven of the 20 partner universities have joined.", (Decimal(11), "count")),
        ("Eleven of the 20 partner universities have joined.", (Decimal(20), "count")),
        # the size of a body of people
        ("The frigate and its crew of about 150 arrived in Da Nang.", (Decimal(150), "count")),
        # how often
        ("The ministers will meet at least twice a year.", (Decimal(2), "count")),
        # an ordinal in an appositive
        (
            "The trip, the first by a French defence minister to Hue in ten years, ended.",
            (Decimal(1), "ordinal"),
        ),
    ],
)
def test_a_figure_in_a_less_usual_shape_is_drafted(
    tmp_path: Path, sentence: str, figure: tuple[Decimal, str]
) -> None:
    d = _draft(tmp_path, f"News\nHANOI - {sentence}\n")
    assert figure in {(f.value, f.unit) for f in d.figures}, [
        (f.value, f.unit, f.as_reported) for f in d.figures
    ]


@pytest.mark.parametrize(
    ("sentence", "wrong"),
    [
        ("The airline will buy 8 Airbus A321-200 jets.", (Decimal(200), "count")),
    ],
)
def test_what_is_no_figure_stays_out(
    tmp_path: Path, sentence: str, wrong: tuple[Decimal, str]
) -> None:
    d = _draft(tmp_path, f"News\nHANOI - {sentence}\n")
    assert wrong not in {(f.value, f.unit) for f in d.figures}


def test_one_figure_in_two_new_articles_gets_one_id(tmp_path: Path) -> None:
    """Two sources drafting the same free-standing figure write one record (evidence from
    each), not two records identical but for their ids, which the build rejects."""
    ids = []
    for n, text in enumerate(
        (
            "Ties recalled\nHANOI - The two countries have 14 cooperation documents in force.\n",
            "Ties deepen\nPARIS - Officials met in Lyon. The two countries have 14 cooperation "
            "documents in force.\n",
        )
    ):
        d = _draft(tmp_path, text, name=f"00{n}_00000000000000f{n}.txt")
        assign_ids(d)
        fig = next(f for f in d.figures if f.value == 14)
        ids.append(d.id_of(fig))
    assert ids[0] == ids[1]
    assert ids[0].startswith("fig-cooperation-documents-")


def test_two_different_figures_keep_two_ids(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Trade\nHANOI - The firm hired 40 engineers in May and 40 engineers in June.\n",
    )
    assign_ids(d)
    ids = [d.id_of(f) for f in d.figures if f.value == 40]
    assert len(ids) == 2 and len(set(ids)) == 2


def test_a_rank_opening_a_sentence_is_a_figure_and_the_earliest_of_a_series_is_not(
    tmp_path: Path,
) -> None:
    d = _draft(
        tmp_path,
        "Committee\n"
        "HANOI — The fifth session of the joint committee will be held in Paris in 2028.\n"
        "The first flight took off from Lyon on Monday.\n"
        "The school, known as Quux 2030, is the first of its kind in the region.\n",
    )
    ordinals = {(f.value, f.as_reported, f.subject) for f in d.figures if f.unit == "ordinal"}
    assert any(v == 5 and a == "The fifth session" for v, a, _ in ordinals), ordinals
    assert not any(a.startswith("The first flight") for _, a, _ in ordinals), ordinals
    kind = [(a, s) for v, a, s in ordinals if a.startswith("the first of")]
    assert kind == [("the first of its kind", "school")], ordinals


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The cooperative trains 500 women a year.", Decimal(500)),
        ("The fair drew more than 200 local craftsmen.", Decimal(200)),
        ("The port employs 40 fishermen.", Decimal(40)),
    ],
)
def test_a_plural_in_men_is_counted(tmp_path: Path, sentence: str, value: Decimal) -> None:
    d = _draft(tmp_path, f"Fair\nHANOI — {sentence}\n")
    assert (value, "count") in {(f.value, f.unit) for f in d.figures}
