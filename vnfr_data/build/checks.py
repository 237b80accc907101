"""The type gate of the build: each merged row against its generated model.

A row must fit its model (types, vocabularies, patterns, required fields)
before it can become Arrow; a problem is reported at the annotation line of
the claim that gave the field, and the bad cell is emptied so that the
dataset rules can still run on the rest (as `validate` empties a bad cell).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from ..errors import AnnotationSchemaError, IncompleteRecord, Problem
from ..schema import spec
from ..schema.models import MODELS
from .collect import Claim
from .places import claim_place


def did_you_mean(name: str, known: Iterable[Any], what: str) -> str:
    """What was expected, with the closest known ids when there are any."""
    close = difflib.get_close_matches(name, sorted(str(k) for k in known), n=3, cutoff=0.6)
    return what + (f"; did you mean {' or '.join(close)}?" if close else "")


def check_rows(
    rows: dict[str, list[dict[str, Any]]],
    claims: dict[str, dict[str, list[Claim]]],
    unresolved: frozenset[tuple[str, str, str | None]] = frozenset(),
) -> list[Problem]:
    """Validate each merged row against its generated model; bad cells are emptied.

    A required field left empty because sources dispute it (`unresolved`) is reported
    by the merge already, with every claim; it is not reported again here.
    """
    problems: list[Problem] = []
    for name, model in MODELS.items():
        table = spec(name)
        lists = set(table.list_fields)
        for row in rows[name]:
            try:
                model.model_validate(row)
            except ValidationError as exc:
                record_id = table.record_key(row)
                for err in exc.errors():
                    fname = str(err["loc"][0]) if err["loc"] else None
                    if (name, str(record_id), fname) in unresolved:
                        continue
                    file, line = claim_place(claims, name, record_id, fname)
                    kind = IncompleteRecord if err["type"] == "missing" else AnnotationSchemaError
                    value = err.get("input")
                    problems.append(
                        kind(
                            f"{name} {record_id}: {err['msg']}",
                            file=file,
                            row=line,
                            field=fname,
                            value=None if isinstance(value, (dict, list, tuple)) else str(value),
                        )
                    )
                    if fname in row:
                        row[fname] = () if fname in lists else None
    return problems
