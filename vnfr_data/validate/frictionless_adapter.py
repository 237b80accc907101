"""Frictionless on the same package, its findings that repeat ours dropped.

Frictionless is the reference implementation of the standard; running it too
means a package we call VALID is valid by the standard, not only by our reading.
It runs in a child process started with the validation, on a core of its own
while this process checks the columns; its answer is read at the end, when
our findings are known and its echoes of them can be dropped.
"""

from __future__ import annotations

import json

from ..errors import FrictionlessError, Problem, UnusableInput
from ..schema import RESOURCES
from .children import Child, start_frictionless_on
from .report import Report
from .state import PackageState

#: Frictionless error types that are our codes under another name.
_SAME_AS = {
    "hash-count": "hash-mismatch",
    "byte-count": "hash-mismatch",
    "source-error": "empty-file",
    "scheme-error": "missing-file",
}


def start_frictionless(state: PackageState) -> Child:
    """Start frictionless on the package in a child process (`frictionless_child`)."""
    return start_frictionless_on(state.pkg.descriptor_path)


def run_frictionless(state: PackageState, report: Report, child: Child | None = None) -> None:
    """Frictionless on the same package (the child from `start_frictionless`, or a new
    one); its findings that repeat or echo ours are dropped."""
    pkg = state.pkg
    done = (child or start_frictionless(state)).wait()
    if done.returncode != 0:
        cause = "ran too long" if done.returncode is None else f"exited with {done.returncode}"
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise RuntimeError(f"frictionless {cause}: {tail[0][:200]}")
    try:
        result = json.loads(done.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RuntimeError(f"unreadable answer from frictionless: {exc}") from None
    if result.get("missing"):
        report.problems.append(
            UnusableInput("frictionless is not installed: pip install 'vnfr-data[validate]'")
        )
        return
    if "refused" in result:
        report.problems.append(
            FrictionlessError(
                f"frictionless cannot open the package: {result['refused']}",
                file=str(pkg.descriptor_path),
            )
        )
        return
    skipped = {name for name in RESOURCES if name not in state.tables}
    ours = _Known(report.problems, {state.files[n] for n in skipped if n in state.files})
    found: list[Problem] = []
    for task in result["tasks"]:
        file = str(pkg.root / task["place"]) if task["place"] else None
        for err in task["errors"]:
            if err["reference"] in skipped:
                continue  # a foreign key into a table we could not read: we said why
            row, name = err["row"], err["field"]
            if ours.covers(_SAME_AS.get(err["type"], err["type"]), file, row, name):
                continue
            found.append(
                FrictionlessError(
                    f"{err['type']}: {err['text']}",
                    file=file,
                    row=row,
                    field=name,
                    value=err["cell"],
                )
            )
    for err in result["errors"]:
        found.append(
            FrictionlessError(f"{err['type']}: {err['text']}", file=str(pkg.descriptor_path))
        )
    report.problems += found


#: Our findings that make a whole file's frictionless report an echo (it reads by position).
_FILE_LEVEL = frozenset(
    {
        "csv-syntax",
        "empty-file",
        "missing-file",
        "file-too-large",
        "blank-label",
        "duplicate-label",
        "extra-label",
        "missing-label",
        "incorrect-label",
    }
)
#: Our findings after which frictionless's file-level counts (rows) differ as a consequence.
_ROW_LEVEL = frozenset({"blank-row", "extra-cell", "missing-cell", "primary-key"})


class _Known:
    """Our problems indexed by place, to drop frictionless findings that repeat them."""

    def __init__(self, problems: list[Problem], unread: set[str]) -> None:
        self.codes = {(p.code, p.file) for p in problems}
        self.anywhere = {p.code for p in problems}
        self.rows = {(p.file, p.row) for p in problems}
        self.cells = {(p.file, p.row, p.field) for p in problems}
        self.whole = unread | {p.file for p in problems if p.code in _FILE_LEVEL if p.file}
        self.counts = {p.file for p in problems if p.code in _ROW_LEVEL if p.file}

    def covers(self, code: str, file: str | None, row: int | None, name: str | None) -> bool:
        if file in self.whole:
            return True
        if row is None:
            # Frictionless repeats an unreadable lookup table's encoding error in every
            # table that references it.
            return (
                (code, file) in self.codes
                or file in self.counts
                or (code == "encoding-error" and code in self.anywhere)
            )
        if name is None:
            return (file, row) in self.rows
        return (file, row, name) in self.cells or (file, row, None) in self.cells
