"""Fail when a change edits or removes an article that the base revision already holds.

Usage: python scripts/check_corpus_unchanged.py BASE   (a branch, tag or commit)

The contributor workflow runs it on pull requests against their base branch:
articles are added, never edited, and neither are the SHA-256 pins of their
annotations. Exit 0 when the corpus of BASE is intact here, 1 when it is not,
2 when git cannot answer (BASE not fetched, not a repository).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vnfr_data.review.corpus_guard import GitError, corpus_changes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("base", help="the revision to compare with, e.g. origin/main")
    parser.add_argument("--repo", default=str(Path(__file__).resolve().parent.parent))
    args = parser.parse_args(argv)
    try:
        problems = corpus_changes(Path(args.repo), args.base)
    except GitError as exc:
        print(f"error: cannot compare with {args.base}: {exc}", file=sys.stderr)
        return 2
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"{len(problems)} article(s) or pin(s) of {args.base} changed", file=sys.stderr)
        return 1
    print(f"the articles of {args.base} and their pins are unchanged")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
