"""Child processes that run beside the in-process checks: frictionless and the fresh build.

Both are pure-Python work of a second or so; in a child each gets a core of its
own while this process checks the columns, and a crash or a hang in them (a
hostile annotation file can nest YAML a million levels deep) becomes a reported
problem instead of killing `vnfr-data validate`. A child writes its answer to a
temporary file, never a pipe, so that it never waits for this process to read.

A child is started with pandas made unimportable: pyarrow imports pandas the
first time it meets a Python list, which costs a child 0.3 s and a build none
of whose steps needs it.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from ..paths import DESCRIPTOR

#: Frictionless is stopped after this long (on the shipped package it takes ~1 s).
FRICTIONLESS_SECONDS = 3600
#: The fresh build of the annotations is stopped after this long (it takes ~1 s).
FRESH_BUILD_SECONDS = 300

#: Makes pandas unimportable, then runs `main(argv) -> int` of the module named first on
#: the rest of the arguments, and ends once its answer is flushed: the parent waits for the
#: exit, and the interpreter's teardown (frictionless's modules freed one by one) would
#: clean up nothing (an exception still ends the usual way, with its traceback).
_BOOT = """
import importlib, os, sys

class NoPandas:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] == "pandas":
            raise ModuleNotFoundError("pandas is not needed here", name=name)

sys.meta_path.insert(0, NoPandas())
status = importlib.import_module(sys.argv[1]).main(sys.argv[2:])
sys.stdout.flush()
sys.stderr.flush()
os._exit(status)
"""


@dataclass
class Finished:
    #: None when the child ran over its time and was stopped.
    returncode: int | None
    stdout: bytes
    stderr: bytes


@dataclass
class Child:
    process: subprocess.Popen[bytes]
    stdout: IO[bytes]
    stderr: IO[bytes]
    deadline: float
    #: The arguments of the child's `main`: what it works on.
    args: list[str] = field(default_factory=list)

    def wait(self) -> Finished:
        """The child's answer, once it exits or its time is up (then it is killed)."""
        try:
            code: int | None = self.process.wait(max(self.deadline - time.monotonic(), 0.0))
        except subprocess.TimeoutExpired:
            self.stop()
            code = None
        self.stdout.seek(0)
        self.stderr.seek(0)
        done = Finished(code, self.stdout.read(), self.stderr.read())
        self.stdout.close()
        self.stderr.close()
        return done

    def stop(self) -> None:
        """Kill the child if it still runs."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def discard(self) -> None:
        """Stop the child and drop its answer (no longer wanted)."""
        self.stop()
        self.stdout.close()
        self.stderr.close()


def start(module: str, args: list[str], seconds: float) -> Child:
    """Run `module.main(args)` in a new interpreter, for at most `seconds`."""
    stdout = tempfile.TemporaryFile()  # noqa: SIM115 - closed by Child.wait
    stderr = tempfile.TemporaryFile()  # noqa: SIM115 - closed by Child.wait
    process = subprocess.Popen(
        [sys.executable, "-c", _BOOT, module, *args],
        stdin=subprocess.DEVNULL,
        stdout=stdout,
        stderr=stderr,
    )
    return Child(process, stdout, stderr, time.monotonic() + seconds, list(args))


def start_frictionless_on(descriptor: Path) -> Child:
    """Frictionless on the package of `descriptor`, in a child (`frictionless_child`)."""
    return start("vnfr_data.validate.frictionless_child", [str(descriptor)], FRICTIONLESS_SECONDS)


def start_fresh_build_of(root: Path) -> Child:
    """A build from the annotations of the package at `root`, compared with it, in a
    child (`fresh_build.main`)."""
    return start("vnfr_data.validate.fresh_build", [str(root)], FRESH_BUILD_SECONDS)


def start_early(path: Path, run_frictionless: bool, check_build: bool) -> dict[str, Child]:
    """The children a validation of `path` will need, started before this process imports
    its checks (pyarrow, numpy, the rules: a quarter of a second in which a second core
    would wait): the command line's wait is then the children's, not the imports' plus
    theirs. The package is located as `read.descriptor.read_index` locates it; a child
    that turns out to work on another file than the opened package's is stopped and
    started again (`run.validate`)."""
    root, name = (path, DESCRIPTOR) if path.is_dir() else (path.parent, path.name)
    children: dict[str, Child] = {}
    if run_frictionless:
        children["frictionless"] = start_frictionless_on(root / name)
    if check_build and (root / "annotations").is_dir():
        children["build"] = start_fresh_build_of(root)
    return children
