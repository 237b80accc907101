"""Frictionless on the same package, its findings that repeat ours dropped.

Frictionless is the reference implementation of the standard; running it too
means a package we call VALID is valid by the standard, not only by our reading.
"""

from __future__ import annotations

from ..errors import FrictionlessError, Problem, UnusableInput
from ..schema import RESOURCES
from .report import Report
from .state import PackageState

#: Frictionless error types that are our codes under another name.
_SAME_AS = {
    "hash-count": "hash-mismatch",
    "byte-count": "hash-mismatch",
    "source-error": "empty-file",
    "scheme-error": "missing-file",
}


def run_frictionless(state: PackageState, report: Report) -> None:
    """Frictionless on the same package; its findings that repeat or echo ours are dropped."""
    pkg = state.pkg
    try:
        from frictionless import Package, system
    except ImportError:
        report.problems.append(
            UnusableInput("frictionless is not installed: pip install 'vnfr-data[validate]'")
        )
        return
    try:
        with system.use_context(trusted=False):
            result = Package(str(pkg.descriptor_path)).validate()
    except Exception as exc:  # noqa: BLE001 - frictionless refusing the package is a finding
        report.problems.append(
            FrictionlessError(
                f"frictionless cannot open the package: {str(exc)[:300]}",
                file=str(pkg.descriptor_path),
            )
        )
        return
    skipped = {name for name in RESOURCES if name not in state.tables}
    ours = _Known(report.problems, {state.files[n] for n in skipped if n in state.files})
    found: list[Problem] = []
    for task in result.tasks:
        file = str(pkg.root / task.place) if task.place else None
        for err in task.errors:
            if getattr(err, "reference_name", None) in skipped:
                continue  # a foreign key into a table we could not read: we said why
            row = getattr(err, "row_number", None)
            name = getattr(err, "field_name", None) or None
            if ours.covers(_SAME_AS.get(err.type, err.type), file, row, name):
                continue
            cell = getattr(err, "cell", None)
            found.append(
                FrictionlessError(
                    f"{err.type}: {err.note or err.title}",
                    file=file,
                    row=row,
                    field=name,
                    value=None if cell is None else str(cell)[:200],
                )
            )
    for err in result.errors:
        found.append(
            FrictionlessError(f"{err.type}: {err.note or err.title}", file=str(pkg.descriptor_path))
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
