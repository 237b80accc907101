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
from dataclasses import dataclass
from typing import IO

#: Makes pandas unimportable, then runs `main(argv) -> int` of the module named first on
#: the rest of the arguments.
_BOOT = """
import importlib, sys

class NoPandas:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] == "pandas":
            raise ModuleNotFoundError("pandas is not needed here", name=name)

sys.meta_path.insert(0, NoPandas())
raise SystemExit(importlib.import_module(sys.argv[1]).main(sys.argv[2:]))
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
    return Child(process, stdout, stderr, time.monotonic() + seconds)
