"""Child process of `validate`: build from the annotations and compare with the package.

The build parses annotation files a contributor wrote, with libyaml: a hostile
file (say, nesting a million levels deep) can crash the interpreter outright or
run for long. Running it here, in a child process with a time limit, turns a
crash or a hang into a reported problem instead of killing `vnfr-data validate`.
The child starts with the validation (`start_fresh_build`) and runs beside it;
it prints the problems as a JSON list on stdout.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import (
    Problem,
    ProblemsFound,
    StaleBuild,
    UncoveredSentence,
    UnusableInput,
    YamlError,
    problem_from_dict,
)
from ..safe_files import holds

if TYPE_CHECKING:  # the parent's side only: the child (`main`) needs none of them
    from .children import Child
    from .package import PackageDir
    from .report import Report


def start_fresh_build(pkg: PackageDir) -> Child:
    """Start rebuilding from the annotations in a child process (see `main`)."""
    from .children import start_fresh_build_of

    return start_fresh_build_of(pkg.root)


def check_fresh_build(pkg: PackageDir, report: Report, child: Child | None = None) -> None:
    """The fresh build's findings (the child started by `start_fresh_build`, or a new one)."""
    from .children import FRESH_BUILD_SECONDS

    annotations = str(pkg.root / "annotations")
    done = (child or start_fresh_build(pkg)).wait()
    if done.returncode is None:
        report.problems.append(
            YamlError(
                f"the build from the annotations ran over {FRESH_BUILD_SECONDS} s and was "
                "stopped (a hostile or huge annotation file?)",
                file=annotations,
            )
        )
        return
    if done.returncode != 0:
        cause = (
            f"was killed by signal {-done.returncode}"
            if done.returncode < 0
            else f"exited with {done.returncode}"
        )
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        report.problems.append(
            YamlError(
                f"the build from the annotations {cause} (nesting too deep or another hostile "
                f"annotation file?) {tail[0][:200]}",
                file=annotations,
            )
        )
        return
    try:
        found = json.loads(done.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RuntimeError(f"unreadable answer from the build: {exc}") from None
    report.problems += [problem_from_dict(item) for item in found]


def compare(root: Path) -> list[Problem]:
    from ..build import build_tables
    from ..publish import render
    from ..review.coverage import coverage_of_build

    try:
        result = build_tables(root)
    except ProblemsFound as exc:
        return list(exc.problems)
    files = render(result)
    problems: list[Problem] = [
        UncoveredSentence(
            f"sentence at {s.start}:{s.end} of source {sid} has no evidence and no no_fact mark",
            file=result.articles[sid].file,
            value=s.text,
            expected="an evidence quote inside it, or a source.no_fact entry with a reason",
        )
        for sid, sentences in coverage_of_build(result).items()
        for s in sentences
        if s.status == "uncovered"
    ]
    for name, data in sorted(files.items()):
        path = root / name
        if not holds(root, name, data):
            problems.append(
                StaleBuild(
                    "differs from a fresh build of the annotations (run `vnfr-data build`)",
                    file=str(path),
                )
            )
    return problems


def main(argv: list[str]) -> int:
    try:
        problems = compare(Path(argv[0]))
    except ImportError as exc:  # installed without the build extra
        problems = [
            UnusableInput(
                f"comparing with a fresh build needs the build extra ({exc}): "
                "pip install 'vnfr-data[build]', or pass --no-build-check"
            )
        ]
    sys.stdout.buffer.write(json.dumps([p.to_dict() for p in problems]).encode("utf-8"))
    return 0
