"""Prepare a release: version, citation, rebuilt data and docs, and the changelog entry
with the record-level diff against the previous release (docs/releasing.md).

    python scripts/release.py 0.2.0 --previous v0.1.0 [--date 2027-01-15]

`--previous` is the last release: a git ref (tag or commit) whose data/ is
taken with `git archive`, or a package directory, descriptor or release zip.
It refuses to go on when a record of the previous release vanished without a
tombstone (ids are never dropped; withdraw the record instead).
"""

from __future__ import annotations

import argparse
import datetime
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from vnfr_data._version import __version__  # noqa: E402
from vnfr_data.publish.release import (  # noqa: E402
    changelog_entry,
    check_next,
    set_citation,
    set_version_file,
)
from vnfr_data.review.diff import diff_packages  # noqa: E402
from vnfr_data.review.diff_markdown import to_markdown  # noqa: E402


def previous_package(ref: str, into: Path) -> Path:
    """The previous release's package: a path as given, or data/ of a git ref."""
    if Path(ref).exists():
        return Path(ref)
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", "--format=tar", ref, "data"],
        capture_output=True,
        check=False,
    )
    if archive.returncode != 0:
        sys.exit(f"--previous {ref!r} is neither a path nor a git ref: {archive.stderr.decode()}")
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    return into / "data"


def run(*command: str) -> None:
    print("$", " ".join(command))
    subprocess.run(command, cwd=REPO, check=True)


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("version")
    args.add_argument("--previous", required=True, help="git ref or package of the last release")
    args.add_argument("--date", default=datetime.date.today().isoformat())
    opts = args.parse_args()
    check_next(__version__, opts.version)
    version_file = REPO / "vnfr_data" / "_version.py"
    version_file.write_text(
        set_version_file(version_file.read_text(encoding="utf-8"), opts.version, opts.date),
        encoding="utf-8",
    )
    citation = REPO / "CITATION.cff"
    citation.write_text(
        set_citation(citation.read_text(encoding="utf-8"), opts.version, opts.date),
        encoding="utf-8",
    )
    # A fresh interpreter for each step: they must see the new version.
    run(sys.executable, "-m", "vnfr_data", "build")
    run(sys.executable, "scripts/gen_docs.py")
    with tempfile.TemporaryDirectory() as tmp:
        diff = diff_packages(previous_package(opts.previous, Path(tmp)), REPO / "data")
    if diff.removed_without_tombstone:
        print(to_markdown(diff, level=3), file=sys.stderr)
        sys.exit(
            f"{diff.removed_without_tombstone} record(s) of the previous release vanished "
            "without a tombstone: withdraw them (docs/annotations.md) and run again"
        )
    changelog = REPO / "CHANGELOG.md"
    text = changelog_entry(
        changelog.read_text(encoding="utf-8"), opts.version, opts.date, to_markdown(diff, level=3)
    )
    changelog.write_text(text, encoding="utf-8")
    print(f"released {opts.version} ({opts.date}) in the working tree; now:")
    print("  vnfr-data validate && python -m pytest   # then review CHANGELOG.md and commit")
    print(f"  git tag v{opts.version} && vnfr-data export dist/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
