"""Shared fixtures: the repository's data, and disposable copies of it."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"


def load_script(path: Path) -> ModuleType:
    """A script or benchmark imported by its path: neither folder is a package. Its folder
    goes on sys.path (benchmarks import their helpers) and the module stays registered
    (dataclasses and pickling look their module up)."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    if str(path.parent) not in sys.path:
        sys.path.insert(0, str(path.parent))
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the inputs and outputs of the build."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns(".staging", ".build.lock"))
    return target


@pytest.fixture(scope="session")
def ds():  # type: ignore[no-untyped-def]
    import vnfr_data

    return vnfr_data.load(DATA)


def replace_parquet(root: Path, name: str, table: Any) -> None:
    """Replace a table's Parquet file as the build writes it, and vouch for it in the
    descriptor (size, sha256), so that `load()` reads the new rows instead of refusing
    a file that differs from its hash."""
    import json

    from vnfr_data.publish.descriptor import parquet_metadata, sha256_hex
    from vnfr_data.publish.writers import parquet_bytes

    data = parquet_bytes(table.replace_schema_metadata(None), parquet_metadata(name))
    (root / "parquet" / f"{name}.parquet").write_bytes(data)
    path = root / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    for res in descriptor["resources"]:
        if res["name"] == name:
            res["vnfr:parquet"].update(bytes=len(data), hash=f"sha256:{sha256_hex(data)}")
    path.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
