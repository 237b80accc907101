"""Child process of `validate`: frictionless on the package, its findings as JSON.

Runs in a fresh interpreter beside the in-process checks (`children`), and
imports nothing of vnfr_data but this module: frictionless needs neither
pyarrow nor pydantic's models. Prints one JSON object on stdout: the findings
per task (file), the package-level ones, or why frictionless could not run.
"""

from __future__ import annotations

import json
import sys
from typing import Any


def _error(err: Any) -> dict[str, Any]:
    cell = getattr(err, "cell", None)
    return {
        "type": err.type,
        "text": err.note or err.title,
        "row": getattr(err, "row_number", None),
        "field": getattr(err, "field_name", None) or None,
        "cell": None if cell is None else str(cell)[:200],
        "reference": getattr(err, "reference_name", None),
    }


def run(descriptor: str) -> dict[str, Any]:
    try:
        from frictionless import Package, system
    except ImportError:
        return {"missing": True}
    try:
        with system.use_context(trusted=False):
            result = Package(descriptor).validate()
    except Exception as exc:  # noqa: BLE001 - frictionless refusing the package is a finding
        return {"refused": str(exc)[:300]}
    return {
        "tasks": [
            {"place": task.place, "errors": [_error(e) for e in task.errors]}
            for task in result.tasks
        ],
        "errors": [{"type": e.type, "text": e.note or e.title} for e in result.errors],
    }


def main(argv: list[str]) -> int:
    sys.stdout.buffer.write(json.dumps(run(argv[0])).encode("utf-8"))
    return 0
