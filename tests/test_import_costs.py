"""What loading and validating import: never pandas or Acero, and load() no pydantic machinery.

pyarrow imports pandas (0.3 s, 60 MB) the first time it meets a Python value it
must check for being a pandas object; Acero (Table.group_by, join) imports
pyarrow.dataset and pandas with it. Neither loading nor validating needs them,
so each is run in a fresh interpreter and its modules are listed.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from vnfr_data.paths import data_dir

LOAD = """
import datetime, json, sys
import vnfr_data
ds = vnfr_data.load()
after_load = sorted(sys.modules)
for table in ds.tables.values():
    list(table)
ds.events.where(status="occurred")
ds.figures.where(value=ds.figures[0].value)
ds.statements.where(topics="trade")
ds.events_between(datetime.date(2024, 1, 1), datetime.date(2025, 12, 31))
ds.figures[0:5:2]
print(json.dumps({"after_load": after_load, "after_use": sorted(sys.modules)}))
"""

VALIDATE = """
import json, sys
from vnfr_data.validate import validate
report = validate(sys.argv[1], run_frictionless=False, check_build=False)
assert report.exit_code == 0, [str(p) for p in report.problems]
print(json.dumps({"after_use": sorted(sys.modules)}))
"""


def _modules(code: str, *args: str) -> dict[str, list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    modules: dict[str, list[str]] = json.loads(done.stdout)
    return modules


@pytest.mark.parametrize("heavy", ["pandas", "pyarrow.dataset", "pyarrow.acero"])
def test_loading_and_using_the_tables_imports_no(heavy: str) -> None:
    assert heavy not in _modules(LOAD)["after_use"]


def test_load_alone_builds_no_model() -> None:
    after_load = _modules(LOAD)["after_load"]
    assert "vnfr_data.schema.models" not in after_load
    assert "pyarrow.compute" not in after_load


RECORDS = """
import json, sys
import vnfr_data
from vnfr_data.schema.models import MODELS
for table in vnfr_data.load().tables.values():
    list(table)
built = sorted(name for name, model in MODELS.items() if model.__pydantic_complete__)
print(json.dumps({"after_use": sorted(sys.modules), "built": built}))
"""


def test_every_shipped_record_needs_no_validator_and_no_compute() -> None:
    """The release's records are built from verified rows: no model's validator (core
    schema) is built for them, and reading needs no pyarrow.compute."""
    found = _modules(RECORDS)
    assert found["built"] == []
    assert "pyarrow.compute" not in found["after_use"]


@pytest.mark.parametrize("heavy", ["pandas", "pyarrow.dataset", "pyarrow.acero"])
def test_validating_imports_no(heavy: str) -> None:
    assert heavy not in _modules(VALIDATE, str(data_dir()))["after_use"]


@pytest.mark.parametrize(
    "unneeded",
    [
        "subprocess",  # the child processes (frictionless, the fresh build) are not started
        "tempfile",
        "vnfr_data.validate.children",
        "vnfr_data.publish.swap",  # the rules need one CSV spelling, not the publisher
        "vnfr_data.read.dataset",  # validate reads the descriptor, not the Dataset API
        "difflib",  # only when a reference is unknown
    ],
)
def test_validating_without_children_imports_no(unneeded: str) -> None:
    assert unneeded not in _modules(VALIDATE, str(data_dir()))["after_use"]


CLI_VALIDATE = """
import contextlib, io, json, sys
from vnfr_data.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(["validate", sys.argv[1], *sys.argv[2:]])
assert code == 0, code
print(json.dumps({"after_use": sorted(sys.modules)}))
"""


@pytest.mark.parametrize("unneeded", ["subprocess", "tempfile", "vnfr_data.validate.children"])
def test_the_command_without_children_imports_no(unneeded: str) -> None:
    """`vnfr-data validate --no-frictionless --no-build-check` starts no child, so it
    loads none of their machinery either."""
    found = _modules(CLI_VALIDATE, str(data_dir()), "--no-frictionless", "--no-build-check")
    assert unneeded not in found["after_use"]


FRESH_BUILD_CHILD = """
import io, json, sys
from vnfr_data.validate.fresh_build import main
out, sys.stdout = sys.stdout, io.TextIOWrapper(io.BytesIO())
assert main(sys.argv[1:]) == 0
sys.stdout.flush()
assert sys.stdout.buffer.getvalue() == b"[]", sys.stdout.buffer.getvalue()
sys.stdout = out
print(json.dumps({"after_use": sorted(sys.modules)}))
"""


@pytest.mark.parametrize(
    "unneeded",
    ["vnfr_data.validate.report", "vnfr_data.validate.package", "vnfr_data.validate.children"],
)
def test_the_fresh_build_child_imports_no(unneeded: str) -> None:
    """The fresh build's child builds and compares: the parent's side (its report, the
    opened package, the starting of children) is not its import cost."""
    out = _modules(FRESH_BUILD_CHILD, str(data_dir()))["after_use"]
    assert "vnfr_data.build.assemble" in out  # it did build
    assert unneeded not in out
