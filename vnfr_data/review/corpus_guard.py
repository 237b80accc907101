"""Articles are added, never edited: compare the corpus with what a base revision holds.

The build already refuses an article whose bytes differ from the SHA-256 its
annotation pins. What it cannot see is a change that edits the article *and*
its pin together: both sides agree again. Against the base branch of a pull
request (or the commit before a push) that shows: an article the base holds
must keep its bytes, and its annotation must keep its pin. New articles, new
annotations and pins added where the base had none are all fine.

Reads the base through `git` (`git ls-tree`, `git cat-file`), so it needs only a
checkout with the base revision fetched; the CI workflow runs it through
`scripts/check_corpus_unchanged.py`.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..annotations.safe_yaml import parse_yaml
from ..errors import CorpusEdited, Problem, ProblemsFound

ARTICLES = "data/articles"
ANNOTATIONS = "data/annotations"


class GitError(Exception):
    """git failed (unknown revision, not a repository): no verdict can be given."""


def _git(repo: Path, *args: str) -> bytes:
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, check=False)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise GitError(f"git {' '.join(args)}: {message[0]}")
    return done.stdout


def _files_at(repo: Path, base: str, folder: str) -> list[str]:
    out = _git(repo, "ls-tree", "-r", "-z", "--name-only", base, "--", folder)
    return sorted(name for name in out.decode("utf-8").split("\0") if name)


def _pin(raw: bytes, name: str) -> str | None:
    """The `source.sha256` pin of an annotation file, if it has one (and parses safely:
    a file that does not is the build's to report)."""
    try:
        doc, _lines = parse_yaml(raw, name)
    except ProblemsFound:
        return None
    source = doc.get("source") if isinstance(doc, dict) else None
    pin = source.get("sha256") if isinstance(source, dict) else None
    return pin if isinstance(pin, str) else None


def corpus_changes(repo: Path, base: str) -> list[Problem]:
    """Articles of `base` whose bytes changed or vanished, and pins of `base` that changed."""
    problems: list[Problem] = []
    for name in _files_at(repo, base, ARTICLES):
        if not name.endswith(".txt"):
            continue
        path = repo / name
        if not path.is_file():
            problems.append(
                CorpusEdited(
                    f"the article is in {base} but not here: articles are added, never removed "
                    "(a takedown is a maintainers' decision, made on the base branch)",
                    file=name,
                    expected=f"restore it: git checkout {base} -- {name}",
                )
            )
        elif path.read_bytes() != _git(repo, "cat-file", "blob", f"{base}:{name}"):
            problems.append(
                CorpusEdited(
                    f"the article's bytes differ from {base}: articles are added, never edited, "
                    "not even their page furniture (a corrected article is a new source)",
                    file=name,
                    expected=f"the bytes {base} holds: git checkout {base} -- {name}",
                )
            )
    for name in _files_at(repo, base, ANNOTATIONS):
        if not name.endswith(".yaml") or name.count("/") != ANNOTATIONS.count("/") + 1:
            continue
        before = _pin(_git(repo, "cat-file", "blob", f"{base}:{name}"), name)
        path = repo / name
        if before is None or not path.is_file():
            continue
        after = _pin(path.read_bytes(), name)
        if after != before:
            problems.append(
                CorpusEdited(
                    f"the pinned SHA-256 of an article {base} holds was changed: the pin moves "
                    "only with the article's bytes, and those are never edited",
                    file=name,
                    field="source.sha256",
                    value=after,
                    expected=before,
                )
            )
    return problems
