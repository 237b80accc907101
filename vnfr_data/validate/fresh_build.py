"""Child process of `validate`: build from the annotations and compare with the package.

The build parses annotation files a contributor wrote, with libyaml: a hostile
file (say, nesting a million levels deep) can crash the interpreter outright or
run for long. Running it here, in a child process with a time limit, turns a
crash or a hang into a reported problem instead of killing `vnfr-data validate`.
Prints the problems as a JSON list on stdout.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .errors import Problem, ProblemsFound, StaleBuild, UncoveredSentence, UnusableInput


def compare(root: Path) -> list[Problem]:
    from .build import build_tables
    from .publish import render
    from .review import coverage_of_build

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
        if not path.is_file() or path.read_bytes() != data:
            problems.append(
                StaleBuild(
                    "differs from a fresh build of the annotations (run `vnfr-data build`)",
                    file=str(path),
                )
            )
    return problems


def main() -> int:
    try:
        problems = compare(Path(sys.argv[1]))
    except ImportError as exc:  # installed without the build extra
        problems = [
            UnusableInput(
                f"comparing with a fresh build needs the build extra ({exc}): "
                "pip install 'vnfr-data[build]', or pass --no-build-check"
            )
        ]
    json.dump([p.to_dict() for p in problems], sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
