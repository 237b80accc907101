"""Load annotation files into their models, each problem at its file and YAML line.

All problems of a file are collected before anything is raised, so a
contributor fixes them in one pass.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import AnnotationSchemaError, DuplicateId, Problem, ProblemsFound
from ..paths import shown
from .format import ActorAnn, SourceFile, SourceFileBase
from .safe_yaml import line_of, read_yaml


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
            )
        )
    return problems


def load_source_file(path: Path) -> tuple[SourceFileBase, dict[tuple[Any, ...], int]]:
    data, lines = read_yaml(path)
    try:
        return SourceFile.model_validate(data), lines
    except ValidationError as exc:
        raise ProblemsFound(_validation_problems(exc, shown(path), lines, ())) from None


def load_actors(path: Path) -> list[ActorAnn]:
    data, lines = read_yaml(path)
    if not isinstance(data, list):
        raise ProblemsFound([AnnotationSchemaError("expected a list of actors", file=shown(path))])
    actors: list[ActorAnn] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for i, item in enumerate(data):
        try:
            actor = ActorAnn.model_validate(item)
        except ValidationError as exc:
            problems += _validation_problems(exc, shown(path), lines, (i,))
            continue
        if actor.id in seen:
            problems.append(
                DuplicateId(
                    "actor defined twice", file=shown(path), row=lines.get((i,)), value=actor.id
                )
            )
        seen.add(actor.id)
        actors.append(actor)
    if problems:
        raise ProblemsFound(problems)
    return actors


def annotation_files(annotations_dir: Path) -> tuple[Path, list[Path]]:
    """The actors file and the per-source files, in a fixed order."""
    actors = annotations_dir / "actors.yaml"
    sources = sorted(p for p in annotations_dir.glob("*.yaml") if p.name != "actors.yaml")
    return actors, sources
