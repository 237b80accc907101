"""Field definitions shared by several tables, written once and copied into each schema.

`schemas/*.json` stay standalone Table Schemas (frictionless and users read
them as they are), so what several of them share is defined here and written
into them by `scripts/gen_models.py`; `tests/test_registry.py` fails when a
schema file drifts from what `render_schema` makes of it. Shared are:

- the precision, basis and note of every date group the registry declares
  (type, constraints and the definition of each value; the description stays
  the table's, as it says what the date is);
- the `record_table` vocabulary: the tables whose records cite evidence;
- id patterns: a foreign key column matches the key it references, and a link's
  id is the two ids it ties, joined by "/".

To change one of them, edit it here and run `python scripts/gen_models.py`.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from .registry import EVIDENCED, spec

Fragment = dict[str, Any]

PRECISION: Fragment = {
    "type": "string",
    "constraints": {"required": True, "enum": ["day", "month", "year", "unknown"]},
    "categories": [
        {"value": "day", "label": "Known to the day: start and end are the days themselves."},
        {
            "value": "month",
            "label": "Known only to the month: start and end are the first and last day "
            "of the month(s).",
        },
        {
            "value": "year",
            "label": "Known only to the year: start and end are 1 January and 31 December.",
        },
        {"value": "unknown", "label": "Not known: the dates are empty."},
    ],
}
BASIS: Fragment = {
    "type": "string",
    "constraints": {"required": True, "enum": ["stated", "inferred", "unknown"]},
    "categories": [
        {"value": "stated", "label": "The source states the date."},
        {
            "value": "inferred",
            "label": "Inferred from other statements of the source; the note says from what.",
        },
        {"value": "unknown", "label": "No date can be obtained from the source."},
    ],
}
NOTE: Fragment = {"type": "string", "constraints": {"minLength": 1}}
#: A column of this name holds the table of a record that cites evidence.
RECORD_TABLE = "record_table"


def record_table() -> Fragment:
    return {
        "type": "string",
        "constraints": {"required": True, "enum": list(EVIDENCED)},
        "categories": [{"value": t, "label": f"A record of the {t} table."} for t in EVIDENCED],
    }


def fragments(name: str) -> dict[str, Fragment]:
    """The shared definition of each column of table `name` that has one."""
    out: dict[str, Fragment] = {}
    for group in spec(name).groups:
        for column, fragment in ((group.precision, PRECISION), (group.basis, BASIS)):
            if column is not None:
                out[column] = fragment
        if group.note is not None:
            out[group.note] = NOTE
    return out


def _bare(pattern: str) -> str:
    return pattern.removeprefix("^").removesuffix("$")


def _patterns(descriptor: dict[str, Any], name: str) -> dict[str, str]:
    """Id patterns taken from elsewhere: a foreign key's target, a link's two ids."""
    out: dict[str, str] = {}
    for fk in descriptor.get("foreignKeys", []):
        (column,) = fk["fields"]
        target = fk["reference"]["resource"]
        (key,) = fk["reference"]["fields"]
        source = descriptor if target == name else render_schema(target)
        pattern = _constraints(source, key).get("pattern")
        if pattern is not None:
            out[column] = pattern
    table = spec(name)
    if table.kind == "link":
        first, second = (out[c] for c in table.identity)
        out[table.key] = f"^{_bare(first)}/{_bare(second)}$"
    return out


def _constraints(descriptor: dict[str, Any], column: str) -> dict[str, Any]:
    field = next(f for f in descriptor["fields"] if f["name"] == column)
    constraints: dict[str, Any] = field.get("constraints", {})
    return constraints


def _with_fragment(field: dict[str, Any], fragment: Fragment) -> dict[str, Any]:
    """`field` with the fragment's type, constraints and categories; name and description kept."""
    head = {"name": field["name"], "type": fragment["type"]}
    if "description" in field:
        head["description"] = field["description"]
    rest = {k: v for k, v in field.items() if k not in head and k not in fragment}
    return {**head, **copy.deepcopy({k: v for k, v in fragment.items() if k != "type"}), **rest}


def render_schema(name: str) -> dict[str, Any]:
    """Table `name`'s schema as committed, with every shared definition written into it."""
    from .tables import read_schema

    descriptor = read_schema(name)
    shared = fragments(name)
    fields = []
    for field in descriptor["fields"]:
        if field["name"] in shared:
            field = _with_fragment(field, shared[field["name"]])
        elif field["name"] == RECORD_TABLE:
            field = _with_fragment(field, record_table())
        fields.append(field)
    descriptor["fields"] = fields
    for column, pattern in _patterns(descriptor, name).items():
        field = next(f for f in fields if f["name"] == column)
        field.setdefault("constraints", {})["pattern"] = pattern
    return descriptor


def render_schema_text(name: str) -> str:
    return json.dumps(render_schema(name), indent=2, ensure_ascii=False) + "\n"
