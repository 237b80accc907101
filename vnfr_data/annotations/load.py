"""Load annotation files into their models, each problem at its file and YAML line.

All problems of a file are collected before anything is raised, so a
contributor fixes them in one pass.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import AnnotationSchemaError, DraftMarker, DuplicateId, Problem, ProblemsFound
from ..paths import shown
from .format import ActorAnn
from .safe_yaml import line_of, read_yaml
from .source_file import SourceFile, SourceFileBase

#: What a value should look like, by pydantic error type: the "expected" of a typo.
_EXPECTED = {
    "date_from_datetime_inexact": "a date as YYYY-MM-DD, without a time",
    "date_from_datetime_parsing": "a real calendar date as YYYY-MM-DD (years 0001 to 9999)",
    "date_parsing": "a real calendar date as YYYY-MM-DD (years 0001 to 9999)",
    "date_type": "a date as YYYY-MM-DD",
    "decimal_max_digits": "a number of at most 38 digits, 6 of them after the point",
    "decimal_max_places": "a number with at most 6 digits after the point",
    "decimal_whole_digits": "a number of at most 32 digits before the point",
    "decimal_parsing": "a number such as 1200 or 6.9",
    "decimal_type": "a number such as 1200 or 6.9",
    "finite_number": "a finite number",
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list (`- item` lines or [a, b])",
    "dict_type": "a mapping (`key: value` lines)",
    "model_type": "a mapping (`key: value` lines)",
    "missing": "this key, with a value",
    "extra_forbidden": "only the keys of the format (see docs/annotations.md)",
    "too_short": "at least one item",
}


def _expected(err: Any) -> str | None:
    ctx = err.get("ctx") or {}
    if err["type"] == "literal_error" and "expected" in ctx:
        return f"one of {ctx['expected']}"
    if err["type"] == "string_pattern_mismatch" and "pattern" in ctx:
        return f"text matching {ctx['pattern']}"
    if err["type"] == "string_too_short":
        return "non-empty text"
    return _EXPECTED.get(err["type"])


def _validation_problems(
    exc: ValidationError, name: str, lines: dict[tuple[Any, ...], int], prefix: tuple[Any, ...]
) -> list[Problem]:
    problems: list[Problem] = []
    for err in exc.errors():
        loc = (*prefix, *err["loc"])
        field = ".".join(str(x) for x in loc) or None
        value = err.get("input")
        problems.append(
            AnnotationSchemaError(
                err["msg"],
                file=name,
                row=line_of(lines, loc),
                field=field,
                value=None if isinstance(value, (dict, list)) else str(value),
                expected=_expected(err),
            )
        )
    return problems


#: A `# DRAFT` comment, as `vnfr-data extract` writes above every record it drafts.
DRAFT_MARKER = re.compile(r"(?:^|\s)#\s*DRAFT\b")


def draft_markers(path: Path) -> list[Problem]:
    """Every line of a file that still carries a draft marker: the review is not done.

    Drafts are machine output; a reviewer checks each record against the article and
    deletes its marker. A marker left in means a record nobody approved (or records
    still commented out below it), so the build refuses the file and says where.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []  # read_yaml reports it
    return [
        DraftMarker(
            "draft marker left in: review the record below it against the article, "
            "fix or delete it, then delete the marker",
            file=shown(path),
            row=n,
            value=line.strip()[:120],
            expected="no `# DRAFT` comment in a reviewed annotation",
        )
        for n, line in enumerate(text.splitlines(), 1)
        if DRAFT_MARKER.search(line)
    ]


def load_source_file(
    path: Path, root: Path | None = None
) -> tuple[SourceFileBase, dict[tuple[Any, ...], int]]:
    """One source's annotation file; `root` is the data directory it must lie in."""
    data, lines = read_yaml(path, root)
    markers = draft_markers(path)
    try:
        doc = SourceFile.model_validate(data)
    except ValidationError as exc:
        raise ProblemsFound(markers + _validation_problems(exc, shown(path), lines, ())) from None
    if markers:
        raise ProblemsFound(markers)
    return doc, lines


def load_actors(path: Path, root: Path | None = None) -> list[ActorAnn]:
    data, lines = read_yaml(path, root)
    if not isinstance(data, list):
        raise ProblemsFound([AnnotationSchemaError("expected a list of actors", file=shown(path))])
    actors: list[ActorAnn] = []
    problems: list[Problem] = draft_markers(path)
    seen: dict[str, int | None] = {}
    for i, item in enumerate(data):
        try:
            actor = ActorAnn.model_validate(item)
        except ValidationError as exc:
            problems += _validation_problems(exc, shown(path), lines, (i,))
            continue
        if actor.id in seen:
            problems.append(
                DuplicateId(
                    f"actor defined twice (first at line {seen[actor.id]})",
                    file=shown(path),
                    row=lines.get((i,)),
                    value=actor.id,
                    expected="one entry per actor: merge the two (aliases hold other spellings)",
                )
            )
        seen.setdefault(actor.id, lines.get((i,)))
        actors.append(actor)
    if problems:
        raise ProblemsFound(problems)
    return actors


def annotation_files(annotations_dir: Path) -> tuple[Path, list[Path]]:
    """The actors file and the per-source files, in a fixed order."""
    actors = annotations_dir / "actors.yaml"
    sources = sorted(p for p in annotations_dir.glob("*.yaml") if p.name != "actors.yaml")
    return actors, sources
