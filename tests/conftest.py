"""Shared fixtures: the repository's data, and disposable copies of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the inputs and outputs of the build."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns(".staging"))
    return target


@pytest.fixture(scope="session")
def ds():  # type: ignore[no-untyped-def]
    import vnfr_data

    return vnfr_data.load(DATA)
