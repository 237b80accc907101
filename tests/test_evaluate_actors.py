"""The evaluation's actor rule: a proposed actor is the gold actor it names, whatever id the
contributor chose for it; an actor the corpus knows must get its corpus id."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import load_script


@pytest.fixture(scope="module")
def evaluation(repo: Path) -> Any:
    return load_script(repo / "scripts" / "evaluate_extraction.py")


def _actor(e: Any, rid: str, name: str, country: str | None, *aliases: str) -> Any:
    row = {"name": name, "aliases": aliases, "country_code": country}
    return e.Record(rid, [], e._identity(row))


def _pairs(e: Any, drafts: list[Any], golds: list[Any], known: set[str]) -> set[tuple[str, str]]:
    return {(d.id, g.id) for d, g in e.same_actors(drafts, golds, frozenset(known))}


def test_a_proposal_is_the_gold_actor_of_its_name_or_alias(evaluation: Any) -> None:
    e = evaluation
    golds = [
        _actor(e, "zcc", "Zorblat Chamber of Commerce in Việt Nam", "FR", "ZCC"),
        _actor(e, "vn-ministry-of-quux", "Ministry of Quux", "VN"),
        _actor(e, "fr-ministry-of-quux", "Ministry of Quux", "FR"),
    ]
    drafts = [
        _actor(
            e,
            "zorblat-chamber-of-commerce-in-vietnam",
            "Zorblat Chamber of Commerce in Viet Nam",
            "FR",
        ),
        _actor(e, "zcc-proposal", "ZCC", None),  # an alias: but zcc is taken by the name match
        _actor(e, "ministry-of-quux", "Ministry of Quux", "FR"),
    ]
    assert _pairs(e, drafts, golds, set()) == {
        ("zorblat-chamber-of-commerce-in-vietnam", "zcc"),
        ("ministry-of-quux", "fr-ministry-of-quux"),  # never the Vietnamese one: countries differ
    }


def test_an_actor_the_corpus_knows_must_get_its_id(evaluation: Any) -> None:
    e = evaluation
    golds = [_actor(e, "plimf", "Plimf Agency", "FR")]
    minted = [_actor(e, "plimf-agency", "Plimf Agency", "FR")]
    assert _pairs(e, minted, golds, {"plimf"}) == set()
    assert _pairs(e, minted, golds, set()) == {("plimf-agency", "plimf")}
    assert _pairs(e, [_actor(e, "plimf", "Plimf", None)], golds, {"plimf"}) == {("plimf", "plimf")}


def test_statement_speakers_compare_through_the_actor_pairs(evaluation: Any) -> None:
    e = evaluation
    span = [(0, 10)]
    draft = e.Record("st-d", span, {"speaker_id": "plimf-agency", "co_speaker_ids": ()})
    gold = e.Record("st-g", span, {"speaker_id": "plimf", "co_speaker_ids": ()})
    assert e.match("statements", [draft], [gold]) == []
    assert e.match("statements", [draft], [gold], speakers={"plimf-agency": "plimf"}) == [
        (draft, gold)
    ]
