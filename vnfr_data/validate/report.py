"""The validation report: problems found, what was checked and skipped, and the verdict.

Every stage runs inside `Report.stage`, so an unexpected exception becomes a
problem of its own and no traceback reaches the user.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ..errors import InternalError, Problem, ProblemsFound

VALID, INVALID, UNUSABLE = 0, 1, 2


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        if any(p.fatal for p in self.problems):
            return UNUSABLE
        return INVALID if self.problems else VALID

    def grouped(self) -> dict[str, list[Problem]]:
        out: dict[str, list[Problem]] = {}
        for p in self.problems:
            out.setdefault(p.file or "<package>", []).append(p)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "valid": self.exit_code == VALID,
            "exit_code": self.exit_code,
            "checked": self.checked,
            "skipped": self.skipped,
            "error_count": len(self.problems),
            "errors": [p.to_dict() for p in self.problems],
        }

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Run one stage; an unexpected exception becomes an internal-error problem."""
        try:
            yield
        except ProblemsFound as exc:
            self.problems += exc.problems
        except Exception as exc:  # noqa: BLE001 - the point: no traceback for any input
            self.problems.append(
                InternalError(f"{name} failed: {type(exc).__name__}: {str(exc)[:300]}")
            )
