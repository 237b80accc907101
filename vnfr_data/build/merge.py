"""One row per record from the claims its sources make, and one claims row per claim.

Kept apart from collection and assembly because this is where a reader's trust
is won or lost. Identity fields (what the record is) must agree across
sources, or the build stops; list fields are the union of every source's
items; every other field is a claim, ranked by the one rule of `rank`, and
the row shows the preferred claim, or nothing when no rule decides. A date
travels as one claim with its precision, basis and note, so a row never pairs
one source's date with another's account of how it was obtained.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from ..errors import BadChoice, IdentityClash, Problem, UnresolvedClaims
from ..schema import spec, table_schema
from ..schema.registry import DateGroup
from .collect import Claim
from .compare import LIFECYCLES, Value, as_text, period_end
from .rank import Candidate, Outcome, rank


@dataclass(frozen=True)
class Unit:
    """What one claim is about: a field, or a date with its precision, basis and note."""

    name: str
    #: The fields whose values the claim consists of, in column order.
    fields: tuple[str, ...]
    kind: str = "field"  # field | date | period
    basis: str | None = None
    note: str | None = None
    #: The date fields among `fields` (first and last day, or one date).
    dates: tuple[str, ...] = ()


def _group_unit(group: DateGroup) -> Unit:
    if group.precision is None:  # a figure's period: two dates, compared as one value
        return Unit(group.dates[0], group.dates, "period", dates=group.dates)
    fields = (*group.dates, group.precision, *((group.basis,) if group.basis else ()))
    return Unit(group.dates[0], fields, "date", group.basis, group.note, group.dates)


@cache
def units(table: str) -> tuple[Unit, ...]:
    """Every claim unit of a table: its dates, then each other field a source may claim.

    Not claims: the key, the identity fields (what the record is), list fields (their
    items are pooled) and the columns the build fills itself.
    """
    declared = spec(table)
    schema = table_schema(table)
    fixed = {*schema.primary_key, *declared.identity, *declared.list_fields, *declared.built}
    if declared.quoted is not None:  # a statement's text: built from its evidence
        fixed.add(declared.quoted)
    groups = tuple(_group_unit(g) for g in declared.groups)
    grouped = {f for g in declared.groups for f in g.fields}
    singles = tuple(Unit(f.name, (f.name,)) for f in schema.fields if f.name not in fixed | grouped)
    return (*groups, *singles)


def unit_of(table: str, name: str) -> Unit | None:
    """The unit a field belongs to (a choice on any field of a date chooses the date)."""
    for u in units(table):
        if name in u.fields or name == u.note:
            return u
    return None


@dataclass
class Merged:
    row: dict[str, Any]
    claims: list[dict[str, Any]]
    problems: list[Problem]


def _free_text(table: str, name: str) -> bool:
    """Text a person wrote (no vocabulary, no pattern): compared in its normal form."""
    return table_schema(table).field(name).free_text


def _where(claim: Claim, name: str) -> str:
    line = claim.lines.get(name, claim.row)
    return f"{claim.file} line {line}" if line is not None else claim.file


def _identity(
    table: str, record_id: str, claims: list[Claim], row: dict[str, Any]
) -> list[Problem]:
    """Identity fields must agree: a different value is another record, not a claim."""
    problems: list[Problem] = []
    names = (*table_schema(table).primary_key, *spec(table).identity)
    for name in names:
        first: Claim | None = None
        for c in claims:
            if name not in c.values:
                continue
            if first is None:
                first = c
                row[name] = c.values[name]
            elif c.values[name] != first.values[name]:
                problems.append(
                    IdentityClash(
                        f"{table} {record_id}: {name} is {as_text(c.values[name])!r} here but "
                        f"{as_text(first.values[name])!r} in {_where(first, name)}; the same id "
                        "must name the same record (identity is not a claim)",
                        file=c.file,
                        row=c.lines.get(name, c.row),
                        field=name,
                        value=as_text(c.values[name]),
                        expected=f"{as_text(first.values[name])!r}, or mint a new id for a "
                        f"different record (not {record_id})",
                    )
                )
                break
    return problems


def _value(table: str, unit: Unit, claim: Claim) -> Value | None:
    """The claim's value for a unit, or None when the claim does not speak to it."""
    v = claim.values
    if unit.kind == "date":
        start = v.get(unit.fields[0])
        if start is None:
            return None
        precision = v.get(unit.fields[len(unit.dates)], "day")
        # An event's last day (its first when not given); a single date's period.
        one_day = period_end(start, precision)
        end = v.get(unit.dates[-1], start) if len(unit.dates) > 1 else one_day
        return Value("date", (start, end, precision))
    if unit.kind == "period":
        if not any(f in v for f in unit.fields):
            return None
        return Value("exact", "/".join(as_text(v.get(f, "")) for f in unit.fields))
    name = unit.fields[0]
    if name not in v:
        return None
    stages = LIFECYCLES.get((table, name))
    if stages is not None:
        return Value("status", (v[name], stages), as_of=claim.as_of)
    return Value("text" if _free_text(table, name) else "exact", v[name])


def _choices(
    table: str, record_id: str, claims: list[Claim], problems: list[Problem]
) -> dict[str, tuple[Claim, str, int | None]]:
    """Unit name -> (the claim a reviewer preferred, the reason, its line), checked."""
    out: dict[str, tuple[Claim, str, int | None]] = {}
    claimable = {f for u in units(table) for f in (*u.fields, u.note) if f}
    for c in claims:
        for name, (reason, line) in sorted(c.preferred.items()):
            unit = unit_of(table, name) if name in claimable else None
            if unit is None:
                problems.append(
                    BadChoice(
                        f"{name!r} is not a field whose claims can be ranked in {table}",
                        file=c.file,
                        row=line,
                        field=f"preferred.{name}",
                        value=name,
                        expected=", ".join(sorted(claimable)),
                    )
                )
                continue
            if _value(table, unit, c) is None:
                problems.append(
                    BadChoice(
                        f"this source gives no {unit.name} for {record_id}: there is no claim "
                        "of its to prefer",
                        file=c.file,
                        row=line,
                        field=f"preferred.{name}",
                        expected=f"{unit.name} given in this record, or no choice",
                    )
                )
                continue
            others = [o for o in claims if o is not c and _value(table, unit, o) is not None]
            if not others:
                problems.append(
                    BadChoice(
                        f"no other source gives {unit.name} for {record_id}: nothing to choose",
                        file=c.file,
                        row=line,
                        field=f"preferred.{name}",
                        expected="a choice only where sources give different claims",
                    )
                )
                continue
            if unit.name in out:
                first, _reason, first_line = out[unit.name]
                problems.append(
                    BadChoice(
                        f"two sources are preferred for {unit.name} of {record_id} "
                        f"(also {first.file} line {first_line})",
                        file=c.file,
                        row=line,
                        field=f"preferred.{name}",
                        expected="one preferred claim per field",
                    )
                )
                continue
            out[unit.name] = (c, reason, line)
    return out


def _claim_rows(
    table: str, record_id: str, unit: Unit, claim: Claim, ranked: Any, disputed: bool
) -> list[dict[str, Any]]:
    note = claim.values.get(unit.note) if unit.note else None
    rows = []
    for name in unit.fields:
        if name not in claim.values:
            continue
        rows.append(
            {
                "record_table": table,
                "record_id": record_id,
                "field": name,
                "source_id": claim.source,
                "value": as_text(claim.values[name]),
                "note": note,
                "rank": ranked.rank,
                "reason": ranked.reason,
                "reason_note": ranked.reason_note,
                "disputed": disputed,
            }
        )
    return rows


def _spelling(winners: list[Claim], name: str) -> Any:
    """The form of a value the row shows when the preferred claims say the same thing
    in different spellings (a dash, a quote mark, case, spaces): the form the most
    independent sources write, on a tie the first in code-point order. Never the
    first source by id or by date, so a new source cannot flip it by its id."""
    support: dict[str, set[str]] = {}
    forms: dict[str, Any] = {}
    for w in winners:
        if name in w.values:
            text = as_text(w.values[name])
            support.setdefault(text, set()).add(w.independence)
            forms[text] = w.values[name]
    if not support:
        return _NOTHING
    return forms[min(support, key=lambda text: (-len(support[text]), text))]


_NOTHING = object()


def _show(row: dict[str, Any], unit: Unit, winners: list[Claim]) -> None:
    """Fill the row with the preferred claim of a unit (all winners say the same thing)."""
    for name in unit.fields:
        if unit.basis == name:
            bases = {w.values.get(name) for w in winners}
            basis = "stated" if "stated" in bases else ("inferred" if "inferred" in bases else None)
            if basis is not None:
                row[name] = basis
        elif (value := _spelling(winners, name)) is not _NOTHING:
            row[name] = value
    if unit.note:
        notes = sorted({w.values[unit.note] for w in winners if w.values.get(unit.note)})
        if notes:
            row[unit.note] = "; ".join(notes)


def merge(table: str, record_id: str, claims: list[Claim]) -> Merged:
    """The row of one record and the claims rows behind it."""
    claims = sorted(claims, key=lambda c: (c.source or "", c.file, c.row or 0))
    declared = spec(table)
    row: dict[str, Any] = {}
    if not declared.evidenced:  # a source's own row, from its one annotation
        for c in claims:
            row.update({k: v for k, v in c.values.items() if k not in row})
        return Merged(row, [], [])
    problems = _identity(table, record_id, claims, row)
    for name in declared.list_fields:
        items = [v for c in claims for v in c.values.get(name, ())]
        if items:
            row[name] = tuple(dict.fromkeys(items))
    sourced = [c for c in claims if c.source is not None]
    if "source_ids" in declared.provenance:
        row["source_ids"] = tuple(sorted({c.source for c in sourced if c.source}))
    chosen = _choices(table, record_id, sourced, problems)
    claim_rows: list[dict[str, Any]] = []
    disputed: list[str] = []
    required = {f.name for f in table_schema(table).fields if f.required}
    for c in claims:
        if c.source is None:  # actors.yaml: a definition, not a source's claim
            row.update({k: v for k, v in c.values.items() if k not in row})
    for unit in units(table):
        given = [(c, v) for c in sourced if (v := _value(table, unit, c)) is not None]
        if not given:
            if unit.note:  # no source dates it: say why, if they do
                notes = sorted({c.values[unit.note] for c in sourced if c.values.get(unit.note)})
                if notes:
                    row[unit.note] = "; ".join(notes)
            continue
        choice = chosen.get(unit.name)
        cands = [
            Candidate(
                source=str(c.source),
                independence=c.independence,
                value=v,
                basis=c.values.get(unit.basis) if unit.basis else None,
                choice=choice[1] if choice is not None and choice[0] is c else None,
            )
            for c, v in given
        ]
        outcome: Outcome = rank(cands)
        for (c, _v), ranked in zip(given, outcome.ranks, strict=True):
            claim_rows += _claim_rows(table, record_id, unit, c, ranked, outcome.disputed)
        if outcome.disputed:
            disputed += [f for f in unit.fields if any(f in c.values for c, _ in given)]
        if outcome.shown:
            _show(row, unit, [given[i][0] for i in outcome.shown])
        elif set(unit.fields) & required and unit.kind == "field":
            where = "; ".join(
                f"{as_text(c.values[unit.name])!r} in {_where(c, unit.name)}" for c, _ in given
            )
            problems.append(
                UnresolvedClaims(
                    f"{table} {record_id}: sources disagree on {unit.name} ({where}) and no "
                    "rule decides; the field is required",
                    file=given[-1][0].file,
                    row=given[-1][0].lines.get(unit.name, given[-1][0].row),
                    field=unit.name,
                    expected="a reviewer's choice: `preferred: {"
                    + unit.name
                    + ": <reason>}` in the record of the source to show (docs/annotations.md)",
                )
            )
    if "disputed_fields" in table_schema(table).field_names:
        row["disputed_fields"] = tuple(disputed)
    return Merged(row, claim_rows, problems)
