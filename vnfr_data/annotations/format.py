"""Read the curated annotation files: safe YAML, a strict format, located errors.

This is the human-edited layer, so everything here is about telling a person
exactly where a file is wrong: problems carry the file and the YAML line, and
all of them are collected before anything is raised.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from .errors import AnnotationSchemaError, DuplicateId, Problem, ProblemsFound, YamlError

#: Largest annotation file we read; a bigger one is refused, not parsed.
MAX_FILE_BYTES = 8 * 1024 * 1024


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class QuoteRef(_Strict):
    quote: str = Field(min_length=1)
    occurrence: int = Field(default=1, ge=1)


def _quote(value: Any) -> Any:
    return {"quote": value} if isinstance(value, str) else value


Quote = Annotated[QuoteRef, BeforeValidator(_quote)]
Evidence = Annotated[list[Quote], Field(min_length=1)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9.-]*$")]


def _decimal(value: Any) -> Any:
    # Through str so that a YAML float like 6.9 becomes Decimal("6.9"), not its binary cousin.
    if isinstance(value, bool):
        raise ValueError("a number, not a boolean")
    return Decimal(str(value)) if isinstance(value, (int, float)) else value


class Body(_Strict):
    start: str = Field(min_length=1)
    end: str = Field(min_length=1)


class NoFact(_Strict):
    quote: str = Field(min_length=1)
    reason: str = Field(min_length=1)


class SourceMeta(_Strict):
    id: str = Field(pattern=r"^[0-9a-f]{16}$")
    file: str = Field(pattern=r"^[A-Za-z0-9_.-]+\.txt$")
    title: str = Field(min_length=1)
    publisher: str | None = None
    published_date: datetime.date | None = None
    published_date_precision: Literal["day", "month", "year", "unknown"] = "unknown"
    published_date_basis: Literal["stated", "inferred", "unknown"] = "unknown"
    published_date_note: str | None = None
    url: str | None = None
    language: str = "en"
    body: Body
    no_fact: list[NoFact] = []


class Participant(_Strict):
    actor: Slug
    role: str | None = None
    participation: str = "participant"
    evidence: Evidence


class EventAnn(_Strict):
    id: str
    type: str | None = None
    title: str | None = None
    date_start: datetime.date | None = None
    date_end: datetime.date | None = None
    date_precision: str | None = None
    date_basis: str | None = None
    date_note: str | None = None
    status: str | None = None
    location: str | None = None
    country: str | None = None
    part_of: str | None = None
    participants: list[Participant] = []
    evidence: Evidence


class StatementAnn(_Strict):
    id: str
    speaker: str | None = None
    co_speakers: list[str] = []
    addressee: str | None = None
    event: str | None = None
    date: datetime.date | None = None
    date_precision: str | None = None
    date_basis: str | None = None
    date_note: str | None = None
    type: str | None = None
    quote_kind: str | None = None
    topics: list[str] = []
    text: str | None = None
    evidence: Evidence


class PartyAnn(_Strict):
    actor: Slug
    role: str = "party"
    evidence: Evidence


class AgreementEventAnn(_Strict):
    event: str
    relation: str
    evidence: Evidence


class AgreementAnn(_Strict):
    id: str
    name: str | None = None
    short_name: str | None = None
    type: str | None = None
    status: str | None = None
    parties: list[PartyAnn] = []
    events: list[AgreementEventAnn] = []
    evidence: Evidence


class FigureAnn(_Strict):
    id: str
    metric: str | None = None
    value: Annotated[Decimal | None, BeforeValidator(_decimal)] = None
    unit: str | None = None
    qualifier: str | None = None
    as_reported: str | None = None
    subject: str | None = None
    period_start: datetime.date | None = None
    period_end: datetime.date | None = None
    comparison_base: str | None = None
    statement: str | None = None
    event: str | None = None
    evidence: Evidence


class SourceFile(_Strict):
    source: SourceMeta
    mentions: dict[str, Evidence] = {}
    events: list[EventAnn] = []
    statements: list[StatementAnn] = []
    agreements: list[AgreementAnn] = []
    figures: list[FigureAnn] = []

    @field_validator("mentions", "events", "statements", "agreements", "figures", mode="before")
    @classmethod
    def _empty_section(cls, value: Any, info: ValidationInfo) -> Any:
        # `statements:` with every item still commented out is an empty section, not an error.
        if value is None:
            return {} if info.field_name == "mentions" else []
        return value


class ActorAnn(_Strict):
    id: Slug
    name: str = Field(min_length=1)
    type: str
    country: str | None = None
    aliases: list[str] = []


#: libyaml's safe loader when present (pure-Python parsing dominates build time otherwise).
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


#: Deepest nesting an annotation file may have; real files stay below 10.
MAX_DEPTH = 100


class _TooDeep(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


def _check_depth(text: str) -> None:
    """Refuse deep nesting before composing: libyaml's composer recurses and can crash
    the interpreter on a hostile file. Parsing events is iterative, so this scan is safe."""
    depth = 0
    for event in yaml.parse(text, Loader=_SafeLoader):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                raise _TooDeep(mark.line + 1 if mark is not None else 1)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1


class _AliasFound(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


def _line_index(root: yaml.Node) -> dict[tuple[Any, ...], int]:
    """Map each path in the document to its line, refusing any node reached twice.

    A node reached twice is an alias: refusing them keeps an alias bomb from
    expanding in anything that walks the data. The walk is iterative, so deep
    nesting cannot overflow the stack.
    """
    out: dict[tuple[Any, ...], int] = {}
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, tuple[Any, ...]]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        if id(node) in seen:
            raise _AliasFound(node.start_mark.line + 1)
        seen.add(id(node))
        out[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if id(key) in seen:
                    raise _AliasFound(key.start_mark.line + 1)
                seen.add(id(key))
                stack.append((value, (*path, key.value)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*path, i)) for i, item in enumerate(node.value))
    return out


def _line_of(lines: dict[tuple[Any, ...], int], loc: tuple[Any, ...]) -> int | None:
    for cut in range(len(loc), -1, -1):
        if loc[:cut] in lines:
            return lines[loc[:cut]]
    return None


def shown(path: Path) -> str:
    """A path as a person should see it in a report: relative to where they stand."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_yaml(path: Path) -> tuple[Any, dict[tuple[Any, ...], int]]:
    """Parse one annotation file; returns the data and a path -> line index."""
    name = shown(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ProblemsFound([YamlError(f"cannot read file: {exc.strerror}", file=name)]) from None
    if len(raw) > MAX_FILE_BYTES:
        raise ProblemsFound(
            [YamlError("file too large", file=name, expected=f"at most {MAX_FILE_BYTES} bytes")]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProblemsFound(
            [YamlError(f"not UTF-8 at byte {exc.start}", file=name, expected="UTF-8 text")]
        ) from None
    try:
        _check_depth(text)
    except _TooDeep as exc:
        raise ProblemsFound(
            [
                YamlError(
                    "nesting too deep",
                    file=name,
                    row=exc.line,
                    expected=f"at most {MAX_DEPTH} levels",
                )
            ]
        ) from None
    except yaml.YAMLError:
        pass  # reported with its location by the parse below
    loader = _SafeLoader(text)
    try:
        node = loader.get_single_node()
        lines = _line_index(node) if node is not None else {}
        data = loader.construct_document(node) if node is not None else None
    except _AliasFound as exc:
        raise ProblemsFound(
            [
                YamlError(
                    "YAML anchors and aliases are not allowed (anchor at this row)",
                    file=name,
                    row=exc.line,
                )
            ]
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        row = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise ProblemsFound([YamlError(str(problem), file=name, row=row)]) from None
    except RecursionError:
        raise ProblemsFound([YamlError("nesting too deep", file=name)]) from None
    finally:
        loader.dispose()
    return data, lines


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
                row=_line_of(lines, loc),
                field=field,
                value=None if isinstance(value, (dict, list)) else str(value),
            )
        )
    return problems


def load_source_file(path: Path) -> tuple[SourceFile, dict[tuple[Any, ...], int]]:
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
