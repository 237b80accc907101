"""The inverse of the build: the annotation files a package's tables were built from.

Properties such as "annotations -> build -> the same tables" need annotations
for generated tables; this writes them in the curated format.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..schema import TableSpec, spec
from ..schema.registry import children, sections

if TYPE_CHECKING:
    from .package import Package


def body_marks(full: str, start: int, end: int) -> dict[str, str] | None:
    """The shortest first and last words of the body that occur once in the article."""
    from ..sources.quotes import find_all

    body = full[start:end]
    first = next(
        (
            body[:n]
            for n in range(1, len(body) + 1)
            if len(find_all(full, body[:n], 0, len(full))) == 1
        ),
        None,
    )
    last = next(
        (
            body[-n:]
            for n in range(1, len(body) + 1)
            if len(find_all(full, body[-n:], 0, len(full))) == 1
        ),
        None,
    )
    return None if first is None or last is None else {"start": first, "end": last}


def actor_entry(row: dict[str, Any]) -> dict[str, Any]:
    """One entry of `actors.yaml`."""
    return _given(annotation_of(spec("actors"), row))


def annotation_of(table: TableSpec, row: dict[str, Any]) -> dict[str, Any]:
    """A row as an annotator writes it: each column under its annotation key.

    Left out are the columns the build computes: a source's text measures, and a
    link's id and parent id (it is written inside its parent, its id is made of
    the two ids it ties).
    """
    derived = set(table.built)
    if table.parent is not None:
        derived |= {table.key, spec(table.parent).key}
    return {table.annotation_key(c): row[c] for c in table.schema.field_names if c not in derived}


def _given(values: dict[str, Any]) -> dict[str, Any]:
    """What an annotator writes: no nulls, no empty lists, decimals as text."""
    return {
        k: str(v) if isinstance(v, Decimal) else list(v) if isinstance(v, tuple) else v
        for k, v in values.items()
        if v is not None and v != [] and v != ()
    }


def source_file(
    pkg: Package,
    src: dict[str, Any],
    body: dict[str, str],
    quotes: dict[tuple[str, str, str], list[Any]],
    sid: str,
) -> dict[str, Any]:
    """One `<source_id>.yaml`: the source's metadata and every fact it grounds."""

    def cited(table: str, rid: str) -> list[Any]:
        return quotes.get((table, rid, sid), [])

    def record(table: TableSpec, row: dict[str, Any]) -> dict[str, Any]:
        out = _given(annotation_of(table, row))
        for child in children(table.name):
            out[str(child.section)] = [
                record(child, r)
                for r in pkg._rows(child.name)
                if r[table.key] == row[table.key] and cited(child.name, r[child.key])
            ]
        out["evidence"] = cited(table.name, row[table.key])
        return out

    # The pin is written by the annotator (as `vnfr-data extract` proposes it): the build
    # computes the column from the bytes and refuses the article when the two differ.
    meta = annotation_of(spec("sources"), src) | {
        "file": pkg.articles[sid][0],
        "sha256": src["sha256"],
        "body": body,
    }
    doc: dict[str, Any] = {
        "source": _given(meta),
        "mentions": {
            r["actor_id"]: cited("actors", r["actor_id"])
            for r in pkg._rows("actors")
            if cited("actors", r["actor_id"])
        },
    }
    for table in sections():
        doc[str(table.section)] = [
            record(table, r) for r in pkg._rows(table.name) if cited(table.name, r[table.key])
        ]
    return doc
