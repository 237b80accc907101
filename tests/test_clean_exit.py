"""A process that read the package exits with its own status, never an abort at exit.

Arrow decodes Parquet on its worker threads. A reader over Python bytes keeps a
Python object alive, and a worker that lets go of it while the interpreter
exits takes the GIL inside a C++ destructor: the process aborted ("terminate
called without an active exception", exit 134) after its work was done, about
one run in twenty on a loaded machine. The readers now work on a copy in
Arrow's memory (`arrow_values.arrow_owned`), which frees without Python.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from vnfr_data.arrow_values import arrow_owned
from vnfr_data.read.verified import open_parquet


def test_the_parquet_reader_keeps_no_python_object(repo: Path) -> None:
    data = (repo / "data" / "parquet" / "claims.parquet").read_bytes()
    before = sys.getrefcount(data)
    handle, problems = open_parquet(data, "claims", "claims.parquet", verify=True)
    table = handle.read()
    assert problems == [] and table.num_rows > 0
    # Over `pa.BufferReader(data)` the handle would hold `data` (one more reference).
    assert sys.getrefcount(data) == before
    del handle


def test_an_arrow_owned_copy_is_equal_and_independent() -> None:
    data = bytearray(b"vnfr-data")
    owned = arrow_owned(data)
    data[0:4] = b"XXXX"
    assert owned.to_pybytes() == b"vnfr-data" and arrow_owned(b"").size == 0


def test_loading_and_reading_every_table_exits_zero() -> None:
    script = (
        "import vnfr_data\n"
        "ds = vnfr_data.load()\n"
        "for name in ('claims', 'events', 'event_participants', 'statements', 'evidence'):\n"
        "    list(getattr(ds, name))\n"
    )
    for _ in range(3):
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, check=False)
        assert done.returncode == 0, done.stderr.decode("utf-8", "replace")[-500:]
        assert b"terminate called" not in done.stderr
