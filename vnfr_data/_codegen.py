"""Render `models.py` (pydantic) from the Table Schemas.

The models are generated rather than written by hand so that the Frictionless
schemas stay the single source of truth while users still get static types an
IDE and mypy understand. `tests/test_schema_agreement.py` fails when the
committed `models.py` differs from what this renders.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .schema import DECIMAL_SCALE, RESOURCES, Field, table_schema

#: Class name of each resource's record model.
MODEL_NAMES: dict[str, str] = {
    "sources": "Source",
    "actors": "Actor",
    "events": "Event",
    "event_participants": "EventParticipant",
    "statements": "Statement",
    "agreements": "Agreement",
    "agreement_parties": "AgreementParty",
    "agreement_events": "AgreementEvent",
    "figures": "Figure",
    "evidence": "Evidence",
    "conflicts": "Conflict",
    "crosswalk": "CrosswalkEntry",
}

_PY_TYPES = {
    "string": "str",
    "integer": "int",
    "number": "Decimal",
    "date": "datetime.date",
    "boolean": "bool",
    "list": "tuple[str, ...]",
}


def _annotation(f: Field) -> str:
    base = _PY_TYPES[f.type]
    if f.enum is not None:
        base = "Literal[" + ", ".join(repr(v) for v in f.enum) + "]"
    args: list[str] = []
    if f.pattern is not None:
        args.append(f"pattern={f.pattern!r}")
    if f.min_length is not None and f.enum is None:
        args.append(f"min_length={f.min_length}")
    if f.minimum is not None:
        args.append(f"ge={f.minimum}")
    if f.type == "number":
        args.append(f"max_digits=38, decimal_places={DECIMAL_SCALE}")
    if args:
        base = f"Annotated[{base}, Field({', '.join(args)})]"
    if f.type == "list":
        return f"{base} = ()"
    if not f.required:
        return f"{base} | None = None"
    return base


def render_models() -> str:
    lines = [
        '"""Typed records, one frozen pydantic model per resource.',
        "",
        "GENERATED from schemas/*.json by scripts/gen_models.py: do not edit by hand.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "import datetime",
        "from decimal import Decimal",
        "from typing import Annotated, Literal",
        "",
        "from pydantic import BaseModel, ConfigDict, Field",
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
        title = schema.descriptor.get("description", "")
        lines += ["", f"class {MODEL_NAMES[name]}(Record):", f'    """{title}"""', ""]
        for f in schema.fields:
            lines.append(f"    {f.name}: {_annotation(f)}")
        lines.append("")
    lines += [
        "",
        "MODELS: dict[str, type[Record]] = {",
        *[f"    {name!r}: {MODEL_NAMES[name]}," for name in RESOURCES],
        "}",
        "",
    ]
    return "\n".join(lines)


def render_formatted(repo: Path) -> str:
    """`render_models()` as ruff formats it with the project's settings (needs ruff)."""
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--stdin-filename", "vnfr_data/models.py", "-"],
        input=render_models(),
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout
