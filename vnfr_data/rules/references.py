"""References: every id a record points at exists, in a foreign key or inside a list.

Foreign keys come from the Table Schemas; lists of ids (a statement's
co-speakers) from the table registry, since a Table Schema's foreign key
cannot reach inside a list cell.
"""

from __future__ import annotations

import functools

import numpy as np
import pyarrow.compute as pc

from ..arrow_values import bools, mask, numbers, string
from ..errors import ForeignKeyError, Problem, UnknownReference
from ..schema import EVIDENCED, RESOURCES, TABLES, spec, table_schema
from .declare import Inputs, rule
from .locate import MAX_REPORTED, indices, ints, located


def did_you_mean(value: str | None, known: list[str], what: str) -> str:
    """What was expected, with the closest known ids (a typo is the usual cause)."""
    import difflib  # only when a reference is unknown: not at every start-up

    close = difflib.get_close_matches(value or "", known, n=3, cutoff=0.6) if value else []
    return what + (f"; did you mean {' or '.join(close)}?" if close else "")


def _foreign_key_problem(
    file: str,
    column: str,
    target: str,
    target_field: str,
    known: list[str],
    row: int,
    value: str | None,
) -> Problem:
    return ForeignKeyError(
        f"no {target} record has this {target_field}",
        file=file,
        row=row,
        field=column,
        value=value,
        expected=did_you_mean(value, known, f"a {target_field} of {target}"),
    )


@rule("foreign keys", tables=RESOURCES, emits=(ForeignKeyError,))
def check_foreign_keys(data: Inputs) -> list[Problem]:
    """Each foreign key value exists in the table it references (tables not read are skipped)."""
    problems: list[Problem] = []
    where = data.where
    for name, table in data.tables.items():
        for fk in table_schema(name).foreign_keys:
            (column,) = fk["fields"]
            target = fk["reference"]["resource"]
            (target_field,) = fk["reference"]["fields"]
            if target not in data.tables:
                continue
            col = table[column]
            known = data.tables[target][target_field]
            dangling = pc.and_(pc.is_valid(col), pc.invert(pc.is_in(col, value_set=known)))
            if not mask(dangling).any():
                continue
            make = functools.partial(
                _foreign_key_problem,
                where.file(name),
                column,
                target,
                target_field,
                sorted(str(k) for k in pc.unique(known).to_pylist() if k is not None),
            )
            problems += located(where, name, table, column, dangling, make)
    return problems


_LISTS = [(t.name, column, target) for t in TABLES for column, target in t.list_references.items()]


@rule(
    "ids in lists",
    tables=sorted({n for name, _, target in _LISTS for n in (name, target)}),
    emits=(UnknownReference,),
)
def check_list_references(data: Inputs) -> list[Problem]:
    """Ids inside list cells (a statement's co-speakers) name existing records."""
    problems: list[Problem] = []
    for name, column, target in _LISTS:
        if name not in data.tables or target not in data.tables:
            continue
        key = spec(target).key
        lists = data.tables[name][column].combine_chunks()
        items = pc.list_flatten(lists)
        parents = pc.list_parent_indices(lists)
        unknown = pc.invert(pc.is_in(items, value_set=data.tables[target][key]))
        hits = indices(unknown)
        head = hits[:MAX_REPORTED]
        rows = data.where.csv_rows(name, numbers(parents)[head])
        values = items.take(ints(head)).to_pylist()
        known = sorted(str(k) for k in data.tables[target][key].to_pylist()) if values else []
        problems += [
            UnknownReference(
                f"{column} names no {target} record",
                file=data.where.file(name),
                row=int(r),
                field=column,
                value=v,
                expected=did_you_mean(v, known, f"a {key} of {target}"),
            )
            for r, v in zip(rows, values, strict=True)
        ]
    return problems


def _claimed_keys() -> list[tuple[str, str, str, str]]:
    """(table, column, target table, target field) of every foreign key a claim can give."""
    out = []
    for name in EVIDENCED:
        for fk in table_schema(name).foreign_keys:
            (column,) = fk["fields"]
            (target_field,) = fk["reference"]["fields"]
            out.append((name, column, fk["reference"]["resource"], target_field))
    return out


_CLAIMED = _claimed_keys()


def _claimed_problem(
    file: str, message: str, known: list[str], what: str, row: int, value: str | None
) -> Problem:
    return ForeignKeyError(
        message,
        file=file,
        row=row,
        field="value",
        value=value,
        expected=did_you_mean(value, known, what),
    )


@rule(
    "ids in claims",
    tables=sorted({"claims", *(target for _, _, target, _ in _CLAIMED)}),
    emits=(ForeignKeyError,),
)
def check_claimed_references(data: Inputs) -> list[Problem]:
    """Every id a source claims exists, also where the row shows another source's claim.

    The foreign keys of the tables check the value a row shows (its preferred
    claims). A claim the row does not show (two sources disagree on an event's
    `part_of` and nothing decides) is still what its source says, and a misspelt
    id there is a contributor's typo: reported at the claim's line, with "did
    you mean", instead of passing as a dispute.
    """
    if "claims" not in data.tables:
        return []
    claims = data.tables["claims"]
    problems: list[Problem] = []
    value = claims["value"]
    for name, column, target, target_field in _CLAIMED:
        if target not in data.tables:
            continue
        # The claims this key could be wrong in, first: the lookup then runs on them only,
        # not on a set of every id of the target (usually there are none).
        maybe = indices(
            pc.and_(
                pc.and_(
                    pc.equal(claims["record_table"], string(name)),
                    pc.equal(claims["field"], string(column)),
                ),
                pc.and_(
                    pc.not_equal(
                        claims["rank"], string("preferred")
                    ),  # the row shows it: checked there
                    pc.is_valid(value),
                ),
            )
        )
        if not len(maybe):
            continue
        known = data.tables[target][target_field]
        unknown = maybe[~mask(pc.is_in(value.take(ints(maybe)), value_set=known))]
        if not len(unknown):
            continue
        dangling = np.zeros(claims.num_rows, dtype=bool)
        dangling[unknown] = True
        make = functools.partial(
            _claimed_problem,
            data.where.file("claims"),
            f"a source's {name}.{column} claim names no {target} record",
            sorted(str(k) for k in pc.unique(known).to_pylist() if k is not None),
            f"a {target_field} of {target}",
        )
        problems += located(data.where, "claims", claims, "value", bools(dangling), make)
    return problems
