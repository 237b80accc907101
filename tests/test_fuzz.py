"""A seeded, bounded fuzz of the package's readers (the larger run: scripts/fuzz_package.py).

Random byte, line and cell mutations of the CSVs, the Parquet files and the
descriptor, one at a time on a copy of the package, with and without the
annotations: every mutation that changes data or metadata must be reported
by validate, none may crash or hang, and load() refuses or returns exactly
the original tables.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from vnfr_data.testing.mutations import Summary, run


def _assert_clean(summary: Summary, least_changed: int) -> None:
    bad = [o for o in summary.outcomes if o.missed or o.crash or o.hang or o.load == "wrong"]
    assert not bad, "\n".join(str(o) for o in bad)
    assert summary.count("changed") >= least_changed, summary.line()


def test_mutations_of_a_downloaded_package(repo: Path, tmp_path: Path) -> None:
    summary = run(repo / "data", tmp_path, seed=13, count=80, with_annotations=False)
    _assert_clean(summary, 70)
    kinds = {o.mutation.kind for o in summary.outcomes}
    assert {"flip", "cell", "value", "line-delete"} <= kinds  # the batch is varied
    assert {o.load for o in summary.outcomes} >= {"refused", "same"}


def test_descriptor_mutations_of_a_downloaded_package(repo: Path, tmp_path: Path) -> None:
    """Seed chosen so that the batch includes edits only the key-by-key comparison of the
    descriptor catches (it fails with that check switched off)."""
    summary = run(
        repo / "data", tmp_path, seed=17, count=40, with_annotations=False, targets=("descriptor",)
    )
    _assert_clean(summary, 35)


def test_mutations_with_annotations(repo: Path, tmp_path: Path) -> None:
    summary = run(repo / "data", tmp_path, seed=14, count=4, with_annotations=True)
    _assert_clean(summary, 3)


@pytest.mark.parametrize("seed", [15])
def test_mutations_seen_by_frictionless_too(repo: Path, tmp_path: Path, seed: int) -> None:
    summary = run(
        repo / "data", tmp_path, seed=seed, count=4, with_annotations=False, frictionless=True
    )
    _assert_clean(summary, 3)
