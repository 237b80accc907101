"""`vnfr-data diff`: records added, removed, changed and withdrawn, keyed by primary key."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from vnfr_data._version import __version__ as SHIPPED
from vnfr_data.cli import main
from vnfr_data.review.diff import diff_packages, to_json
from vnfr_data.review.diff_markdown import to_markdown

WITHDRAWN = "the source does not support it"


def _edit_csv(path: Path, edit) -> None:  # type: ignore[no-untyped-def]
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = list(reader.fieldnames or []), list(reader)
    rows = edit(rows)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture()
def versions(tmp_path: Path, repo: Path) -> tuple[Path, Path, dict[str, str]]:
    """The shipped package and a copy with one event added, one removed without a
    tombstone, one withdrawn with a tombstone, and one with two changed fields."""
    old = tmp_path / "old"
    shutil.copytree(repo / "data", old, ignore=shutil.ignore_patterns("annotations"))
    new = tmp_path / "new"
    shutil.copytree(old, new)
    with open(old / "csv" / "events.csv", encoding="utf-8", newline="") as handle:
        events = list(csv.DictReader(handle))
    unused = {r["part_of"] for r in events}
    free = [e["event_id"] for e in events if e["event_id"] not in unused]
    picked = {"removed": free[0], "withdrawn": free[1], "changed": free[2], "template": free[3]}

    def edit(rows: list[dict[str, str]]) -> list[dict[str, str]]:
        kept = [r for r in rows if r["event_id"] not in (picked["removed"], picked["withdrawn"])]
        for r in kept:
            if r["event_id"] == picked["changed"]:
                picked["old_title"], r["title"] = r["title"], "A corrected title"
                picked["old_status"] = r["status"]
                r["status"] = "cancelled" if r["status"] != "cancelled" else "occurred"
        added = dict(next(r for r in rows if r["event_id"] == picked["template"]))
        added["event_id"], added["title"] = "ev-added-in-the-new-version", "A new event"
        return [*kept, added]

    _edit_csv(new / "csv" / "events.csv", edit)
    _edit_csv(
        new / "csv" / "withdrawals.csv",
        lambda rows: [
            *rows,
            {
                "record_table": "events",
                "record_id": picked["withdrawn"],
                "withdrawn_in": "0.2.0",
                "reason": WITHDRAWN,
            },
        ],
    )
    descriptor = json.loads((new / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["version"] = "0.2.0"
    (new / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    return old, new, picked


def test_same_package_has_no_changes(repo: Path) -> None:
    diff = diff_packages(repo / "data", repo / "data" / "datapackage.json")
    assert diff.empty
    assert "No record changed." in to_markdown(diff)
    assert len(to_markdown(diff).splitlines()) <= 3


def test_added_removed_changed_and_withdrawn_records(
    versions: tuple[Path, Path, dict[str, str]],
) -> None:
    old, new, picked = versions
    diff = diff_packages(old, new)
    events = next(t for t in diff.tables if t.name == "events")
    assert list(events.added) == [("ev-added-in-the-new-version",)]
    assert list(events.removed) == [(picked["removed"],)]
    assert events.withdrawn == {(picked["withdrawn"],): ("0.2.0", WITHDRAWN)}
    changed = events.changed[(picked["changed"],)]
    assert changed["title"] == (picked["old_title"], "A corrected title")
    assert set(changed) == {"title", "status"}
    assert len(events.changed) == 1
    assert diff.removed_without_tombstone == 1
    others = [t.name for t in diff.tables if not t.empty]
    assert others == ["events", "withdrawals"]  # nothing else differs


def test_markdown_groups_by_table_and_shows_old_and_new(
    versions: tuple[Path, Path, dict[str, str]],
) -> None:
    old, new, picked = versions
    text = to_markdown(diff_packages(old, new))
    assert text.startswith(f"## Changes in the data: {SHIPPED} → 0.2.0")
    assert "| events | 1 | 1 | 1 | 1 |" in text
    assert f"`title` `{picked['old_title'][:40]}" in text  # long values are cut
    assert "→ `A corrected title`" in text
    assert f"`{picked['withdrawn']}` in 0.2.0: {WITHDRAWN}" in text
    assert "1 record(s) removed without a tombstone" in text
    assert "Removed without a tombstone (1):" in text
    assert "### sources" not in text  # unchanged tables are left out


def test_json_lists_every_record_for_machines(
    versions: tuple[Path, Path, dict[str, str]],
) -> None:
    old, new, picked = versions
    data = to_json(diff_packages(old, new))
    events = data["tables"]["events"]
    assert [a["id"] for a in events["added"]] == ["ev-added-in-the-new-version"]
    assert events["added"][0]["record"]["title"] == "A new event"
    assert events["withdrawn"] == [
        {"id": picked["withdrawn"], "withdrawn_in": "0.2.0", "reason": WITHDRAWN}
    ]
    assert events["changed"][0]["fields"]["title"] == {
        "old": picked["old_title"],
        "new": "A corrected title",
    }
    assert set(data["tables"]) == {"events", "withdrawals"}


def test_a_long_diff_is_cut_in_markdown_not_in_json(
    versions: tuple[Path, Path, dict[str, str]],
) -> None:
    old, new, _ = versions
    _edit_csv(new / "csv" / "evidence.csv", lambda rows: rows[5:])
    diff = diff_packages(old, new)
    text = to_markdown(diff, limit=2)
    assert "… and 3 more (`vnfr-data diff --format json` lists all)" in text
    assert len(to_json(diff)["tables"]["evidence"]["removed"]) == 5


def test_cli_reads_directories_descriptors_and_archives(
    versions: tuple[Path, Path, dict[str, str]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    old, new, _ = versions
    from vnfr_data.publish.export import export

    [archive] = export(old, tmp_path / "zip", ["archive"])
    assert main(["diff", str(archive), str(new / "datapackage.json"), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["old_version"] == SHIPPED and data["new_version"] == "0.2.0"
    assert data["tables"]["events"]["added"]
    assert main(["diff", str(old), str(tmp_path / "nowhere")]) == 2
    assert "no data package descriptor" in capsys.readouterr().err


def test_a_table_new_in_the_new_version_is_said_so(repo: Path, tmp_path: Path) -> None:
    old = tmp_path / "old"
    shutil.copytree(repo / "data", old, ignore=shutil.ignore_patterns("annotations"))
    descriptor = json.loads((old / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] != "withdrawals"]
    (old / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    text = to_markdown(diff_packages(old, repo / "data"))
    assert "| withdrawals | new table | | | |" in text
    assert "The table is new in the package." in text
    assert "### events" not in text


def test_a_table_the_new_version_no_longer_has_is_said_so(repo: Path, tmp_path: Path) -> None:
    # 0.1.0 had a `conflicts` table that 1.0.0 replaced: unknown to today's registry.
    old = tmp_path / "old"
    shutil.copytree(repo / "data", old, ignore=shutil.ignore_patterns("annotations"))
    descriptor = json.loads((old / "datapackage.json").read_text(encoding="utf-8"))
    gone = json.loads(json.dumps(next(r for r in descriptor["resources"] if r["name"] == "claims")))
    gone["name"] = "conflicts"
    descriptor["resources"].append(gone)
    (old / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    text = to_markdown(diff_packages(old, repo / "data"))
    assert "| conflicts | table removed | | | |" in text
    assert "The table is no longer in the package." in text
