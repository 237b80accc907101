"""The validation report: problems found, what was checked and skipped, and the verdict.

Every stage runs inside `Report.stage`, so an unexpected exception becomes a
problem of its own and no traceback reaches the user.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ..errors import ROOT_CAUSES, InternalError, Problem, ProblemsFound

VALID, INVALID, UNUSABLE = 0, 1, 2


@dataclass(frozen=True)
class Stage:
    """One stage of validation: its name, its work (into a report of its own), the
    stages it needs done first, whether it is heavy (holds temporaries the size of
    the largest table) and its rank among the ready ones (lowest starts first)."""

    name: str
    work: Callable[[Report], None]
    needs: tuple[str, ...] = ()
    heavy: bool = False
    rank: int = 0


def _run_stage(stage: Stage) -> Report:
    part = Report()
    with part.stage(stage.name):
        stage.work(part)
    return part


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
        stages: Sequence[Stage],
        workers: int = 1,
    ) -> None:
        """Run the stages, each into a report of its own, merged in their order: the
        report reads as if they had run one after the other, whatever ran beside what.

        On `pool` (of `workers` threads) a stage starts once every stage it `needs` is
        done, as soon as a worker is free: of the stages ready, a heavy one first
        (the chain of heavy stages is the longest path), then by `rank` (lowest
        first), then in order. Heavy stages run one at a time: two of them at once
        would hold both their temporaries. Without a pool they run in order (which
        must respect `needs`)."""
        if pool is None:
            for stage in stages:
                self.extend(_run_stage(stage))
            return
        index = {stage.name: i for i, stage in enumerate(stages)}
        waiting = {
            i: {index[n] for n in stage.needs if n in index} for i, stage in enumerate(stages)
        }
        done: dict[int, Report] = {}
        running: dict[Future[Report], int] = {}
        heavy_running = False
        while waiting or running:
            ready = [i for i, needs in waiting.items() if not needs]
            ready.sort(key=lambda i: (not stages[i].heavy, stages[i].rank, i))
            for i in ready:
                if len(running) >= max(workers, 1):
                    break
                if stages[i].heavy and heavy_running:
                    continue
                heavy_running |= stages[i].heavy
                del waiting[i]
                running[pool.submit(_run_stage, stages[i])] = i
            if not running:  # a need that never ends: cannot happen with the stages' names
                raise RuntimeError(
                    "stages wait for each other: " + ", ".join(stages[i].name for i in waiting)
                )
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                i = running.pop(future)
                done[i] = future.result()
                heavy_running &= not stages[i].heavy
                for needs in waiting.values():
                    needs.discard(i)
        for i in range(len(stages)):
            self.extend(done[i])

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
