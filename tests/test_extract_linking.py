"""A draft about facts the dataset already holds adds evidence to them instead of duplicating
them (issue 9, "Linking to what exists"), on development-set articles written for the tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow.compute as pc

from vnfr_data.build import build_tables
from vnfr_data.draft import extract, render
from vnfr_data.draft.adopt import accept_all

DEV = Path(__file__).resolve().parent / "draft_dev" / "articles"
ANNIVERSARY = DEV / "208_de00000000000208.txt"  # the October 2024 visit, upgrade and talks
DIALOGUE = DEV / "209_de00000000000209.txt"  # "Macron’s visit last year"


def _adopt(data: Path, article: Path) -> str:
    """Draft an article as a contributor would, accept it whole, and return its source id."""
    target = data / "articles" / article.name
    shutil.copyfile(article, target)
    draft = extract(target, actors=data / "annotations" / "actors.yaml", dataset=data)
    text, actors = accept_all(render(draft))
    with open(data / "annotations" / "actors.yaml", "a", encoding="utf-8") as handle:
        handle.write("".join(f"{a}\n" for a in actors))
    (data / "annotations" / f"{draft.source.id}.yaml").write_text(text, encoding="utf-8")
    return draft.source.id


def test_a_draft_about_known_events_adds_evidence_instead_of_duplicating(data_copy: Path) -> None:
    before = build_tables(data_copy).tables["events"]
    sid = _adopt(data_copy, ANNIVERSARY)
    after = build_tables(data_copy)
    events = after.tables["events"]
    evidence = after.tables["evidence"]
    mine = evidence.filter(pc.equal(evidence["source_id"], sid))
    linked = set(mine.filter(pc.equal(mine["record_table"], "events"))["record_id"].to_pylist())
    for known in (
        "ev-2024-10-lam-official-visit-france",
        "ev-2024-10-partnership-upgrade",
        "ev-2024-10-08-talks-lam-macron-paris",
        "ev-2025-05-macron-state-visit-vietnam",
    ):
        assert known in linked, known  # the new source's evidence is on the known record
    old_ids = set(before["event_id"].to_pylist())
    new = [e for e in events.to_pylist() if e["event_id"] not in old_ids]
    # Only what the dataset did not hold is new: the anniversary ceremony, nothing twice.
    assert [e["event_type"] for e in new] == ["ceremony"]
    for kind in ("official_visit", "partnership_upgrade", "state_visit"):
        assert (
            events.filter(pc.equal(events["event_type"], kind)).num_rows
            == before.filter(pc.equal(before["event_type"], kind)).num_rows
        )
    agreements = set(
        mine.filter(pc.equal(mine["record_table"], "agreements"))["record_id"].to_pylist()
    )
    assert "ag-vn-fr-comprehensive-strategic-partnership" in agreements


def test_a_date_the_new_source_disagrees_on_is_a_claim_not_a_new_event(data_copy: Path) -> None:
    sid = _adopt(data_copy, DIALOGUE)
    result = build_tables(data_copy)
    visits = result.tables["events"].filter(
        pc.equal(result.tables["events"]["event_type"], "state_visit")
    )
    assert visits["event_id"].to_pylist() == ["ev-2025-05-macron-state-visit-vietnam"]
    claims = [
        c
        for c in result.tables["claims"].to_pylist()
        if c["record_id"] == "ev-2025-05-macron-state-visit-vietnam" and c["source_id"] == sid
    ]
    assert claims and {c["field"] for c in claims} & {"date_start", "date_end", "date_precision"}
