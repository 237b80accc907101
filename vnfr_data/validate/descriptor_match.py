"""The descriptor against the one the build writes for the files that are there.

Everything in `datapackage.json` follows from the files, the sources table and
the release (version, licenses, schemas): so with no annotations to rebuild
from, a downloaded package's descriptor can still be checked key by key. A
title, license or source entry changed by hand is reported at its JSON path.
Sizes, hashes, row counts, schemas and fingerprints are left to the checks
that compare them with the files, so that one change is reported once.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import DescriptorMismatch, Problem
from ..read.descriptor import TWIN, csv_path, parquet_path
from ..schema import RESOURCES
from .report import Report
from .state import PackageState

#: Keys whose values other checks compare with the files themselves.
_CHECKED_ELSEWHERE = frozenset({"bytes", "hash", "rows", "schema", "schema_fingerprint"})
#: At most this many differences are listed (a wholly different descriptor says enough).
MAX_LISTED = 50


def check_descriptor_matches(state: PackageState, report: Report) -> None:
    from ..publish.descriptor import document, resource_entry, sources_of_table

    missing = [
        n
        for n in RESOURCES
        if n not in state.tables
        or csv_path(n) not in state.digests
        or parquet_path(n) not in state.digests
    ]
    if missing:
        report.skipped.append(
            f"descriptor against the build's: {', '.join(missing)} could not be read"
        )
        return
    resources = [
        resource_entry(
            name,
            state.tables[name].num_rows,
            state.digests[csv_path(name)],
            state.digests[parquet_path(name)],
        )
        for name in RESOURCES
    ]
    expected = document(resources, sources_of_table(state.tables["sources"]))
    found: list[Problem] = []
    _diff(state.pkg.descriptor, expected, "", str(state.pkg.descriptor_path), found)
    # A key the profile check reported already (missing, retyped) is not reported again.
    known = {p.field for p in state.pkg.index.problems if p.field}
    found = [p for p in found if not _under(p.field, known)]
    report.problems += found[:MAX_LISTED]
    if len(found) > MAX_LISTED:
        report.problems.append(
            DescriptorMismatch(
                f"... and {len(found) - MAX_LISTED} more differences",
                file=str(state.pkg.descriptor_path),
            )
        )


def _under(field: str | None, known: set[str]) -> bool:
    return field is not None and any(
        field == k or field.startswith((f"{k}.", f"{k}[")) for k in known
    )


def _shown(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)[:200]


def _diff(found: Any, want: Any, path: str, file: str, out: list[Problem]) -> None:
    if isinstance(found, dict) and isinstance(want, dict):
        for key in want:
            where = f"{path}.{key}" if path else key
            if key in _CHECKED_ELSEWHERE and key in found:
                continue
            if key not in found:
                out.append(
                    DescriptorMismatch(
                        f"key {key!r} is missing",
                        file=file,
                        field=where,
                        expected=_shown(want[key]),
                    )
                )
            else:
                _diff(found[key], want[key], where, file, out)
        for key in found:
            if key not in want:
                where = f"{path}.{key}" if path else key
                out.append(
                    DescriptorMismatch(
                        f"key {key!r} is not one the build writes (the twin is {TWIN!r})",
                        file=file,
                        field=where,
                        value=_shown(found[key]),
                    )
                )
        return
    if isinstance(found, list) and isinstance(want, list) and len(found) == len(want):
        for i, (a, b) in enumerate(zip(found, want, strict=True)):
            _diff(a, b, f"{path}[{i}]", file, out)
        return
    if type(found) is not type(want) or found != want:
        out.append(
            DescriptorMismatch(
                "differs from what the build writes for these files",
                file=file,
                field=path or None,
                value=_shown(found),
                expected=_shown(want),
            )
        )
