"""The validation report: problems found, what was checked and skipped, and the verdict.

Every stage runs inside `Report.stage`, so an unexpected exception becomes a
problem of its own and no traceback reaches the user.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ..errors import ROOT_CAUSES, InternalError, Problem, ProblemsFound

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

    def causes_first(self) -> None:
        """Order the problems root causes first, keeping the order within each kind."""
        self.problems.sort(key=lambda p: p.code not in ROOT_CAUSES)

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

    def extend(self, other: Report) -> None:
        self.problems += other.problems
        self.checked += other.checked
        self.skipped += other.skipped

    def run_stages(
        self,
        pool: Executor | None,
        stages: Sequence[tuple[str, Callable[[Report], None]]],
        start_first: Callable[[str], int] | None = None,
        one_at_a_time: Collection[str] = (),
    ) -> None:
        """Run the stages, concurrently on `pool`, each into a report of its own, merged
        in their order: the report reads as if they had run one after the other.

        `start_first` ranks the stages by name for starting (lowest first), so that
        the longest start while the shortest fill in around them. The stages named in
        `one_at_a_time` run one after another on one worker, started first, the
        others beside them: two of them at once would hold both their temporaries."""

        def run(name: str, work: Callable[[Report], None]) -> Report:
            part = Report()
            with part.stage(name):
                work(part)
            return part

        if pool is None:
            for name, work in stages:
                self.extend(run(name, work))
            return
        lane = [i for i, (name, _) in enumerate(stages) if name in one_at_a_time]
        together = pool.submit(lambda: [run(*stages[i]) for i in lane]) if lane else None
        order = sorted(
            (i for i in range(len(stages)) if i not in lane),
            key=lambda i: start_first(stages[i][0]) if start_first else i,
        )
        futures = {i: pool.submit(run, *stages[i]) for i in order}
        done = dict(zip(lane, together.result(), strict=True)) if together is not None else {}
        for i in range(len(stages)):
            self.extend(done[i] if i in done else futures[i].result())

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
