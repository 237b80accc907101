"""The release process: version, citation and a changelog entry with the record-level diff."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from vnfr_data.publish.release import (
    changelog_entry,
    check_next,
    set_citation,
    set_version_file,
)

CHANGELOG = """# Changelog

## [Unreleased]

### Fixed
- A date.

## [0.1.0] - 2026-11-23

### Added
- Everything.
"""


def test_the_unreleased_notes_move_under_the_version_with_the_data_diff() -> None:
    text = changelog_entry(CHANGELOG, "0.2.0", "2027-01-15", "### Changes in the data\n\nx\n")
    assert text.index("## [Unreleased]") < text.index("## [0.2.0] - 2027-01-15")
    entry = text.partition("## [0.2.0] - 2027-01-15")[2].partition("## [0.1.0]")[0]
    assert "- A date." in entry and "### Changes in the data" in entry
    assert entry.index("- A date.") < entry.index("### Changes in the data")
    assert text.partition("## [Unreleased]")[2].partition("## [0.2.0]")[0].strip() == ""
    assert "## [0.1.0] - 2026-11-23\n\n### Added\n- Everything.\n" in text
    with pytest.raises(ValueError, match="already has an entry"):
        changelog_entry(text, "0.2.0", "2027-01-15", "")


def test_versions_only_go_forward_and_files_get_them() -> None:
    check_next("0.1.0", "0.2.0")
    for bad in ("0.1.0", "0.0.9", "1.0"):
        with pytest.raises(ValueError):
            check_next("0.1.0", bad)
    version = set_version_file(
        '__version__ = "0.1.0"\nRELEASE_DATE = "2026-11-23"\n', "0.2.0", "2027-01-15"
    )
    assert version == '__version__ = "0.2.0"\nRELEASE_DATE = "2027-01-15"\n'
    cff = set_citation('version: "0.1.0"\ndate-released: "2026-11-23"\n', "0.2.0", "2027-01-15")
    assert cff == 'version: "0.2.0"\ndate-released: "2027-01-15"\n'
    with pytest.raises(ValueError):
        set_version_file("nothing here", "0.2.0", "2027-01-15")


def test_release_script_writes_the_diff_into_the_changelog(repo: Path, tmp_path: Path) -> None:
    """On a copy of the repository: the previous release lacked one event."""
    copy = tmp_path / "repo"
    ignore = shutil.ignore_patterns(
        ".venv", ".git", "*_cache", "__pycache__", ".hypothesis", "dist"
    )
    shutil.copytree(repo, copy, ignore=ignore)
    previous = tmp_path / "previous"
    shutil.copytree(repo / "data", previous, ignore=shutil.ignore_patterns("annotations"))
    events = previous / "csv" / "events.csv"
    with open(events, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = list(reader.fieldnames or []), list(reader)
    parents = {r["part_of"] for r in rows}
    dropped = next(r for r in rows if r["event_id"] not in parents)
    with open(events, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(r for r in rows if r is not dropped)
    done = subprocess.run(
        [
            sys.executable,
            "scripts/release.py",
            "9.9.9",
            "--previous",
            str(previous),
            "--date",
            "2027-01-15",
        ],
        cwd=copy,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    changelog = (copy / "CHANGELOG.md").read_text(encoding="utf-8")
    entry = changelog.partition("## [9.9.9] - 2027-01-15")[2].partition("\n## [")[0]
    assert "### Changes in the data:" in entry and "→ 9.9.9" in entry
    assert f"`{dropped['event_id']}`" in entry
    assert '__version__ = "9.9.9"' in (copy / "vnfr_data" / "_version.py").read_text()
    assert 'version: "9.9.9"' in (copy / "CITATION.cff").read_text()
    assert '"version": "9.9.9"' in (copy / "data" / "datapackage.json").read_text()
