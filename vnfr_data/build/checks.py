"""Checks of the merged rows, reported at the annotation file and line that caused them.

The same facts are checked again on the published CSV by `validate`; here the
point is to tell a contributor where they typed the problem.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ..errors import AnnotationSchemaError, IncompleteRecord, Problem, UnknownReference
from ..schema import RESOURCES, table_schema
from ..schema.models import MODELS
from .collect import Claim


def _where(
    claims: dict[str, dict[str, list[Claim]]], table: str, record_id: Any, name: str | None
) -> tuple[str | None, int | None]:
    found = claims.get(table, {}).get(str(record_id), [])
    for c in found:
        if name is None or name in c.values:
            return c.file, c.row
    # Nobody gave the field: point at the record's first (most specific) place.
    return (found[-1].file, found[-1].row) if found else (None, None)


def check_rows(
    rows: dict[str, list[dict[str, Any]]], claims: dict[str, dict[str, list[Claim]]]
) -> list[Problem]:
    """Validate each merged row against its generated model (types, vocabularies, patterns)."""
    problems: list[Problem] = []
    for name, model in MODELS.items():
        key = table_schema(name).primary_key[0]
        for row in rows[name]:
            try:
                model.model_validate(row)
            except ValidationError as exc:
                for err in exc.errors():
                    fname = str(err["loc"][0]) if err["loc"] else None
                    file, line = _where(claims, name, row.get(key), fname)
                    kind = IncompleteRecord if err["type"] == "missing" else AnnotationSchemaError
                    value = err.get("input")
                    problems.append(
                        kind(
                            f"{name} {row.get(key)}: {err['msg']}",
                            file=file,
                            row=line,
                            field=fname,
                            value=None if isinstance(value, (dict, list, tuple)) else str(value),
                        )
                    )
    return problems


def check_references(
    rows: dict[str, list[dict[str, Any]]], claims: dict[str, dict[str, list[Claim]]]
) -> list[Problem]:
    """Every id a record points at must exist: caught here with the annotation line."""
    problems: list[Problem] = []
    for name in RESOURCES:
        schema = table_schema(name)
        key = schema.primary_key[0]
        for fk in schema.foreign_keys:
            (column,) = fk["fields"]
            target = fk["reference"]["resource"]
            (target_key,) = fk["reference"]["fields"]
            known = {r[target_key] for r in rows[target]}
            for row in rows[name]:
                value = row.get(column)
                if value is not None and value not in known:
                    file, line = _where(claims, name, row.get(key), column)
                    problems.append(
                        UnknownReference(
                            f"{name} {row.get(key)} points at a missing {target} record",
                            file=file,
                            row=line,
                            field=column,
                            value=str(value),
                        )
                    )
    known_actors = {r["actor_id"] for r in rows["actors"]}
    for row in rows["statements"]:
        for other in row.get("co_speaker_ids", ()):
            if other not in known_actors:
                file, line = _where(claims, "statements", row["statement_id"], "co_speaker_ids")
                problems.append(
                    UnknownReference(
                        "co-speaker is not an actor",
                        file=file,
                        row=line,
                        field="co_speaker_ids",
                        value=other,
                    )
                )
    return problems
