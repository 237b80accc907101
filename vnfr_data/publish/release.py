"""The text edits of a release: version, citation, and a changelog entry with the data diff.

Kept apart from `scripts/release.py` (which runs the build, the docs and git)
so that each edit is a pure function of text, tested on its own. The
changelog entry is Keep a Changelog's: the `[Unreleased]` notes move under the
new version's heading, followed by the record-level diff against the previous
release, so a user who pinned the old version can see what changed.
"""

from __future__ import annotations

import re

UNRELEASED = "## [Unreleased]"
SEMVER = re.compile(r"^[0-9]+\.[0-9]+\.[0-9]+$")
DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _parts(version: str) -> tuple[int, ...]:
    if not SEMVER.match(version):
        raise ValueError(f"{version!r} is not a version MAJOR.MINOR.PATCH")
    return tuple(int(p) for p in version.split("."))


def check_next(current: str, new: str) -> None:
    """Refuse a version that does not come after the current one."""
    if _parts(new) <= _parts(current):
        raise ValueError(f"version {new} does not come after the current {current}")


def set_version_file(text: str, version: str, date: str) -> str:
    """vnfr_data/_version.py with `__version__` and `RELEASE_DATE` set."""
    if not DATE.match(date):
        raise ValueError(f"{date!r} is not a date YYYY-MM-DD")
    text, n = re.subn(r'^__version__ = "[^"]*"', f'__version__ = "{version}"', text, flags=re.M)
    text, m = re.subn(r'^RELEASE_DATE = "[^"]*"', f'RELEASE_DATE = "{date}"', text, flags=re.M)
    if n != 1 or m != 1:
        raise ValueError("_version.py must hold one __version__ and one RELEASE_DATE line")
    return text


def set_citation(text: str, version: str, date: str) -> str:
    """CITATION.cff with the dataset's version and release date."""
    text, n = re.subn(r"^version: .*$", f'version: "{version}"', text, flags=re.M)
    text, m = re.subn(r"^date-released: .*$", f'date-released: "{date}"', text, flags=re.M)
    if n != 1 or m != 1:
        raise ValueError("CITATION.cff must hold one version and one date-released line")
    return text


def changelog_entry(text: str, version: str, date: str, data_changes: str) -> str:
    """CHANGELOG.md with the Unreleased notes moved under `## [version] - date`, and the
    data diff (Markdown whose title is a level-3 heading) at the end of that entry."""
    if f"## [{version}]" in text:
        raise ValueError(f"CHANGELOG.md already has an entry for {version}")
    head, found, rest = text.partition(UNRELEASED)
    if not found:
        raise ValueError(f"CHANGELOG.md has no {UNRELEASED!r} section")
    notes, nxt, tail = rest.partition("\n## [")
    body = notes.strip("\n")
    entry = f"{UNRELEASED}\n\n## [{version}] - {date}\n"
    if body:
        entry += f"\n{body}\n"
    entry += f"\n{data_changes.strip()}\n"
    return head + entry + (f"\n## [{tail}" if nxt else "")
