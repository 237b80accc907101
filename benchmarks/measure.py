"""Side-by-side timing for the benchmarks: fresh processes, interleaved, medians.

The development machine has 2 cores shared with other jobs, so a lone timing
says little. Every benchmark here runs each contender in a fresh interpreter,
one after the other in rounds (A B C, A B C, ...), and reports medians: a
burst of load then hits all contenders alike, and the ratios hold where the
absolute numbers do not. Peak memory is the child's own (`wait4`).
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

#: The environment of every child. An installed package has its bytecode (pip compiles
#: a wheel's modules when it installs them), so a child must not compile vnfr_data from
#: source on every start: a machine with PYTHONDONTWRITEBYTECODE set (this one) made
#: each `import vnfr_data` recompile 19 modules, about 36 ms of CPU a run that no user
#: pays. Children keep their bytecode in a cache of their own, outside the repository.
CHILD_ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPYCACHEPREFIX": str(Path(tempfile.gettempdir()) / f"vnfr-bench-pycache-{os.getuid()}"),
}


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    peak_mb: float
    returncode: int
    stdout: str


def run(cmd: Sequence[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """One command in a fresh process (`CHILD_ENV` unless `env`): wall seconds, CPU
    seconds, peak RSS, output."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(cmd),
        cwd=cwd,
        env=CHILD_ENV if env is None else env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stdout.close()
    return Run(
        wall,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss / 1024,
        proc.returncode,
        out.decode("utf-8", "replace"),
    )


@dataclass
class Contender:
    label: str
    cmd: Sequence[str]
    #: Rounds it takes part in (the slow ones may sit out some).
    rounds: int | None = None
    runs: list[Run] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(r.peak_mb for r in self.runs)


def interleave(
    contenders: Sequence[Contender],
    rounds: int,
    cwd: Path | None = None,
    check: Callable[[Contender, Run], None] | None = None,
    progress: bool = True,
    warmup: bool = False,
) -> None:
    """Run every contender once per round, in turn, `rounds` times (medians then).

    `warmup` first runs each once, untimed: its bytecode is then cached (see
    `CHILD_ENV`) and its files in the page cache, as for a user's second start."""
    if warmup:
        for c in contenders:
            run(c.cmd, cwd=cwd)
    for i in range(rounds):
        for c in contenders:
            if c.rounds is not None and i >= c.rounds:
                continue
            result = run(c.cmd, cwd=cwd)
            if check is not None:
                check(c, result)
            c.runs.append(result)
        if progress:
            print(f"  round {i + 1}/{rounds} done", file=sys.stderr, flush=True)


def machine() -> str:
    """The machine and toolchain the numbers come from, and how busy it was."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
        ram = f"{memory:.0f} GiB RAM"
    except (ValueError, OSError):
        ram = "RAM unknown"
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{cpu}; {os.cpu_count()} cores; {ram}; Python {platform.python_version()}, "
        f"pyarrow {pa.__version__}; load average {load}"
    )


def ratio_line(label: str, value: float, target: str, ok: bool) -> str:
    return f"  {label:<58} {value:6.2f}x   target {target:<8} {'met' if ok else 'NOT MET'}"
