"""The data travels inside the wheel: install it in a fresh venv outside the repo and load."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest


@pytest.mark.skipif(os.environ.get("VNFR_SKIP_WHEEL") == "1", reason="VNFR_SKIP_WHEEL=1")
def test_wheel_installs_and_loads_every_table(repo: Path, tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    built = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist)],
        cwd=repo,
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr[-2000:]
    [wheel] = list(dist.glob("*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    subprocess.run(
        [str(py), "-m", "pip", "install", "-q", "-c", str(repo / "constraints.txt"), str(wheel)],
        check=True,
        capture_output=True,
    )
    script = (
        "import vnfr_data, sys\n"
        "ds = vnfr_data.load()\n"
        "assert 'site-packages' in str(ds.root), ds.root\n"
        "for name, table in ds.tables.items():\n"
        "    records = list(table)\n"
        "    assert len(records) == len(table)\n"
        "    print(name, len(records))\n"
        "src = next(iter(ds.sources))\n"
        "ev = next(iter(ds.evidence))\n"
        "assert ds.source_text(ev.source_id)[ev.char_start:ev.char_end] == ev.quote\n"
        "import importlib.util\n"
        "assert importlib.util.find_spec('frictionless') is None, 'base install pulled in frictionless'\n"
        "assert importlib.util.find_spec('yaml') is None, 'base install pulled in yaml'\n"
    )
    out = subprocess.run(
        [str(py), "-c", script], cwd=tmp_path, check=True, capture_output=True, text=True
    )
    assert "figures" in out.stdout and "evidence" in out.stdout
    info = subprocess.run(
        [str(env_dir / "bin" / "vnfr-data"), "info"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
    )
    assert "events" in info.stdout
