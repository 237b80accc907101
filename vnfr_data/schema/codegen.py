"""Render `models.py` (pydantic) from the Table Schemas.

The models are generated rather than written by hand so that the Frictionless
schemas stay the single source of truth while users still get static types an
IDE and mypy understand. `tests/test_schema_agreement.py` fails when the
committed `models.py` differs from what this renders.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from .registry import MODEL_NAMES, RESOURCES
from .tables import DECIMAL_SCALE, Field, TableSchema, table_schema

_PY_TYPES = {
    "string": "str",
    "integer": "int",
    "number": "Decimal",
    "date": "datetime.date",
    "boolean": "bool",
    "list": "tuple[str, ...]",
}


def _annotation(f: Field) -> str:
    """`type = Field(...)`: the constraints and the description on the field (so that the
    description is in `model_fields` even when the type is optional)."""
    base = _PY_TYPES[f.type]
    if f.enum is not None:
        base = "Literal[" + ", ".join(repr(v) for v in f.enum) + "]"
    if f.item_enum is not None:
        base = "tuple[Literal[" + ", ".join(repr(v) for v in f.item_enum) + "], ...]"
    args: list[str] = []
    if f.pattern is not None:
        args.append(f"pattern={f.pattern!r}")
    if f.min_length is not None and f.enum is None:
        args.append(f"min_length={f.min_length}")
    if f.minimum is not None:
        args.append(f"ge={f.minimum}")
    if f.type == "number":
        args.append(f"max_digits=38, decimal_places={DECIMAL_SCALE}")
    # One Field per attribute, constraints beside the description: pydantic applies them to
    # the value inside an optional type, and one FieldInfo (not an Annotated one merged into
    # another) halves the cost of creating the classes, which every typed load pays.
    described = ", ".join([*args, f"description={f.description!r}"])
    if f.type == "list":
        return f"{base} = Field(default=(), {described})"
    if not f.required:
        return f"{base} | None = Field(default=None, {described})"
    return f"{base} = Field({described})"


def _docstring(schema: TableSchema) -> list[str]:
    """The class docstring: the table's description, then each field's, so `help()` shows them."""
    indent = " " * 4
    text = [f"{schema.descriptor.get('description', '')}"]
    text += ["", "Attributes:"]
    for f in schema.fields:
        text += textwrap.wrap(
            f"{f.name}: {f.description}",
            width=88,
            initial_indent=indent,
            subsequent_indent=indent * 2,
            break_on_hyphens=False,
        )
    body = [(indent + line if line else "").replace("\\", "\\\\") for line in text]
    body[0] = indent + '"""' + body[0].lstrip()
    return [*body, indent + '"""']


def render_models() -> str:
    lines = [
        '"""Typed records, one frozen pydantic model per resource.',
        "",
        "GENERATED from schemas/*.json by scripts/gen_models.py: do not edit by hand.",
        "",
        "No `from __future__ import annotations`: pydantic then reads each field's type",
        "as the class body made it instead of evaluating its text: the classes take a third",
        "less time to create (every typed load pays it).",
        '"""',
        "",
        "import datetime",
        "from decimal import Decimal",
        "from typing import TYPE_CHECKING, Literal",
        "",
        "from pydantic import BaseModel, ConfigDict, Field",
        "",
        "if TYPE_CHECKING:",
        "    from ..read.table import Table",
        "",
        "",
        "class Record(BaseModel):",
        '    """Base of every record: immutable, no field the schema does not declare; validators are built on first use so that importing stays fast."""',
        "",
        '    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)',
        "",
    ]
    for name in RESOURCES:
        schema = table_schema(name)
        lines += ["", f"class {MODEL_NAMES[name]}(Record):", *_docstring(schema), ""]
        for f in schema.fields:
            lines.append(f"    {f.name}: {_annotation(f)}")
        lines.append("")
    lines += [
        "",
        "MODELS: dict[str, type[Record]] = {",
        *[f"    {name!r}: {MODEL_NAMES[name]}," for name in RESOURCES],
        "}",
        "",
        "",
        "class Tables:",
        '    """The tables of a `vnfr_data.Dataset`, one typed attribute per resource."""',
        "",
        # Quoted: `Table` is imported for type checkers only (it imports this module).
        *[f'    {name}: "Table[{MODEL_NAMES[name]}]"' for name in RESOURCES],
        "",
    ]
    return "\n".join(lines)


def render_formatted(repo: Path) -> str:
    """`render_models()` as ruff formats it with the project's settings (needs ruff)."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "format",
            "--stdin-filename",
            "vnfr_data/schema/models.py",
            "-",
        ],
        input=render_models(),
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def vocabulary_fields() -> tuple[tuple[str, str], ...]:
    """The vocabularies annotators type, in the order of the format: every enum field (or list
    of enum items) of a curated table; a vocabulary shared by several tables (date precision,
    basis) once."""
    from .registry import TABLES
    from .shared import fragments

    seen: list[object] = []
    out: list[tuple[str, str]] = []
    for table in TABLES:
        if table.annotation is None:
            continue
        shared = fragments(table.name)
        for f in table_schema(table.name).fields:
            if f.enum is None and f.item_enum is None:
                continue
            fragment = shared.get(f.name)
            if fragment is not None:
                if any(fragment is s for s in seen):
                    continue
                seen.append(fragment)
            out.append((table.name, f.name))
    return tuple(out)


#: Where each vocabulary is used, in the order the annotation format introduces them.
VOCABULARY_FIELDS: tuple[tuple[str, str], ...] = vocabulary_fields()
VOCAB_START = "<!-- vocabularies: generated by scripts/gen_models.py from schemas/*.json -->"
VOCAB_END = "<!-- end of vocabularies -->"


def category_labels(schema: TableSchema, column: str) -> dict[str, str]:
    """Each vocabulary value's definition, from the field's Table Schema v2 `categories`."""
    return dict(schema.field(column).categories)


def render_vocabularies(crosswalk: dict[tuple[str, str], str]) -> str:
    """The vocabulary section of docs/annotations.md, from the schemas' enum constraints.

    `crosswalk` maps (vocabulary, code) to the code's definition, for the two
    vocabularies that have one (event_type, statement_type); the others are
    defined by the `categories` of their field in the schema (a list's
    vocabulary, topics, is its `itemConstraints.enum`).
    """
    lines = [VOCAB_START, ""]
    for table, column in VOCABULARY_FIELDS:
        field = table_schema(table).field(column)
        lines.append(f"**{table}.{column}**: {field.description}")
        lines.append("")
        defined = category_labels(table_schema(table), column)
        for code in field.enum or field.item_enum or ():
            meaning = crosswalk.get((column, code)) or defined.get(code)
            lines.append(f"- `{code}`" + (f": {meaning}" if meaning else ""))
        lines.append("")
    lines.append(VOCAB_END)
    return "\n".join(lines)
