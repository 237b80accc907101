"""Seeded random damage to a data package, and the verdict it must get.

A fuzzer for the package's readers: one mutation at a time (a byte flipped,
set, inserted or deleted; a line deleted, doubled, swapped or the file cut; a
cell edited) of a CSV, a Parquet file or the descriptor, on a copy of the
package. Each mutation that changes data or metadata must be reported by
`validate` (exit code 1 or 2, never an internal error, within a time limit),
and `load()` must either refuse it (PackageError) or return exactly the
original tables. The test suite runs a small seeded batch; the script
`scripts/fuzz_package.py` runs thousands.
"""

from __future__ import annotations

import csv
import io
import json
import random
import shutil
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..read.descriptor import DESCRIPTOR, csv_path, parquet_path
from ..schema import RESOURCES

#: Mutations of each target, by kind.
CSV_KINDS = (
    "flip",
    "set",
    "insert",
    "delete",
    "line-delete",
    "line-double",
    "line-swap",
    "cut",
    "cell",
)
PARQUET_KINDS = ("flip", "set", "insert", "delete", "cut", "cell")
DESCRIPTOR_KINDS = (
    "flip",
    "set",
    "insert",
    "delete",
    "line-delete",
    "line-double",
    "line-swap",
    "cut",
    "value",
)


@dataclass(frozen=True)
class Mutation:
    file: str
    kind: str
    detail: str


@dataclass
class Outcome:
    mutation: Mutation
    changed: bool
    reported: bool
    exit_code: int | None
    crash: str | None
    hang: bool
    load: str
    seconds: float

    @property
    def missed(self) -> bool:
        return self.changed and not self.reported


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, what: str) -> int:
        return sum(1 for o in self.outcomes if getattr(o, what))

    def line(self) -> str:
        changed = self.count("changed")
        return (
            f"{len(self.outcomes)} mutations ({changed} changing data or metadata): "
            f"{self.count('missed')} missed, {self.count('crash')} tracebacks or internal "
            f"errors, {self.count('hang')} hangs, "
            f"{sum(1 for o in self.outcomes if o.load == 'wrong')} wrong loads"
        )


def _byte_mutation(data: bytes, kind: str, rng: random.Random) -> tuple[bytes, str]:
    if not data:
        return b"x", "empty file given a byte"
    at = rng.randrange(len(data))
    if kind == "flip":
        bit = rng.randrange(8)
        return data[:at] + bytes([data[at] ^ (1 << bit)]) + data[
            at + 1 :
        ], f"bit {bit} of byte {at}"
    if kind == "set":
        value = rng.randrange(256)
        return data[:at] + bytes([value]) + data[at + 1 :], f"byte {at} := {value}"
    if kind == "insert":
        value = rng.randrange(256)
        return data[:at] + bytes([value]) + data[at:], f"byte {value} inserted at {at}"
    if kind == "delete":
        return data[:at] + data[at + 1 :], f"byte {at} deleted"
    if kind == "cut":
        return data[:at], f"cut at byte {at}"
    raise ValueError(kind)


def _line_mutation(data: bytes, kind: str, rng: random.Random) -> tuple[bytes, str]:
    lines = data.split(b"\n")
    i = rng.randrange(len(lines))
    if kind == "line-delete":
        del lines[i]
        return b"\n".join(lines), f"line {i + 1} deleted"
    if kind == "line-double":
        lines.insert(i, lines[i])
        return b"\n".join(lines), f"line {i + 1} doubled"
    j = rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines), f"lines {i + 1} and {j + 1} swapped"


def _new_text(old: str, rng: random.Random) -> str:
    choice = rng.randrange(5)
    if choice == 0:
        return ""
    if choice == 1 and old:
        k = rng.randrange(len(old))
        return old[:k] + rng.choice("xZ9é ;,\"'-=") + old[k + 1 :]
    if choice == 2:
        return old + rng.choice(["0", " ", "x", "\u00a0", "\t"])
    if choice == 3:
        return str(rng.randrange(-10, 10**6))
    return rng.choice(["true", "2025-02-30", "NaN", "=1+1", "to-lam", "ev-x", "1e400", "null"])


def _csv_cell(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    text = data.decode("utf-8", "surrogateescape")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if len(rows) < 2:
        return data + b"\n", "row added to a table without rows"
    r = rng.randrange(1, len(rows))
    c = rng.randrange(len(rows[r]))
    rows[r][c] = _new_text(rows[r][c], rng)
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8", "surrogateescape"), f"cell row {r + 1} column {c + 1}"


def _parquet_cell(data: bytes, name: str, rng: random.Random) -> tuple[bytes, str]:
    """A valid Parquet file as the build writes it, one cell (or one row) changed."""
    import pyarrow.parquet as pq

    from ..publish.descriptor import parquet_metadata
    from ..publish.writers import parquet_bytes

    table = pq.read_table(pa.BufferReader(data)).replace_schema_metadata(None)
    if table.num_rows == 0:
        return data + b"\0", "byte appended to an empty table"
    r = rng.randrange(table.num_rows)
    if rng.random() < 0.2:
        keep = pa.array([i != r for i in range(table.num_rows)])
        return parquet_bytes(table.filter(keep), parquet_metadata(name)), f"row {r} removed"
    column = rng.choice(table.column_names)
    values = table[column].to_pylist()
    kind = table.schema.field(column).type
    old = values[r]
    if pa.types.is_string(kind):
        new: Any = _new_text(old or "", rng) or None
    elif pa.types.is_integer(kind):
        new = (old or 0) + rng.choice([-1, 1, 1000])
    elif pa.types.is_list(kind):
        new = [*(old or []), "x"]
    elif pa.types.is_boolean(kind):
        new = not old
    else:
        new = None if old is not None else values[(r + 1) % len(values)]
    if new == old:
        new = None if old is not None else (values[(r + 1) % len(values)])
    values[r] = new
    where = f"cell row {r} column {column}"
    try:
        array = pa.array(values, kind)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
        return data[:-1], f"{where} unrepresentable: last byte cut instead"
    changed = table.set_column(table.schema.get_field_index(column), pa.field(column, kind), array)
    try:
        return parquet_bytes(changed, parquet_metadata(name)), where
    except (pa.ArrowInvalid, ValueError):  # a null in a required column: write it anyway
        sink = io.BytesIO()
        meta = {k.encode(): v.encode() for k, v in parquet_metadata(name).items()}
        pq.write_table(changed.replace_schema_metadata(meta), sink)
        return sink.getvalue(), f"{where} (null in a required column)"


def _json_value(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    try:
        doc = json.loads(data)
    except ValueError:
        return data[:-1], "unparseable: last byte cut"
    paths: list[tuple[Any, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                paths.append((node, key))
                walk(value)
        elif isinstance(node, list):
            for i, value in enumerate(node):
                paths.append((node, i))
                walk(value)

    walk(doc)
    parent, key = rng.choice(paths)
    old = parent[key]
    choice = rng.randrange(4)
    if choice == 0 and isinstance(parent, dict):
        del parent[key]
        what = f"key {key!r} deleted"
    elif choice == 1:
        parent[key] = rng.choice([None, True, 0, -1, 1.5, "", "x", [], {}, "sha256:" + "0" * 64])
        what = f"{key!r} retyped"
    elif isinstance(old, str):
        parent[key] = _new_text(old, rng)
        what = f"{key!r} edited"
    elif isinstance(old, bool):
        parent[key] = not old
        what = f"{key!r} negated"
    elif isinstance(old, int):
        parent[key] = old + rng.choice([-1, 1])
        what = f"{key!r} off by one"
    elif isinstance(parent, dict):
        parent[f"x-{key}"] = old
        what = f"key {key!r} copied under another name"
    else:
        parent.append(old)
        what = "item doubled"
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8"), what


TARGETS = ("csv", "parquet", "descriptor")


def mutate(
    root: Path, rng: random.Random, targets: tuple[str, ...] = TARGETS
) -> tuple[Mutation, bytes]:
    """Damage one file of the package at `root`; returns the mutation and the original bytes."""
    weights = {"csv": 4, "parquet": 3, "descriptor": 3}
    target = rng.choices(targets, weights=[weights[t] for t in targets])[0]
    name = rng.choice(RESOURCES)
    rel = {"csv": csv_path(name), "parquet": parquet_path(name), "descriptor": DESCRIPTOR}[target]
    kinds = {"csv": CSV_KINDS, "parquet": PARQUET_KINDS, "descriptor": DESCRIPTOR_KINDS}[target]
    kind = rng.choice(kinds)
    path = root / rel
    original = path.read_bytes()
    if kind.startswith("line"):
        data, detail = _line_mutation(original, kind, rng)
    elif kind == "cell":
        data, detail = (
            _csv_cell(original, rng) if target == "csv" else _parquet_cell(original, name, rng)
        )
    elif kind == "value":
        data, detail = _json_value(original, rng)
    else:
        data, detail = _byte_mutation(original, kind, rng)
    path.write_bytes(data)
    return Mutation(rel, kind, detail), original


def _strict_json(data: bytes) -> Any:
    """JSON as a careful reader takes it: a repeated key is an error (parsers disagree on
    which value wins, so a doubled line changes what the descriptor says)."""

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        if len({k for k, _ in items}) != len(items):
            raise ValueError("repeated key")
        return dict(items)

    return json.loads(data, object_pairs_hook=pairs)


def changes_something(rel: str, before: bytes, after: bytes) -> bool:
    """Whether a mutation changed data or metadata (a descriptor's whitespace or key
    order does not)."""
    if before == after:
        return False
    if rel != DESCRIPTOR:
        return True
    try:
        return bool(_strict_json(before) != _strict_json(after))
    except ValueError:
        return True


class Hang(Exception):
    pass


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Raise Hang after `seconds` (POSIX main thread; elsewhere no limit)."""
    if not hasattr(signal, "SIGALRM"):  # pragma: no cover
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise Hang

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def original_tables(root: Path) -> dict[str, pa.Table]:
    from .. import load

    return {name: table.arrow for name, table in load(root).tables.items()}


def _load_verdict(root: Path, tables: dict[str, pa.Table]) -> str:
    """'refused', 'same' (exactly the original tables) or 'wrong'."""
    from .. import PackageError, load

    try:
        got = {name: table.arrow for name, table in load(root).tables.items()}
    except PackageError:
        return "refused"
    return "same" if all(got[n].equals(tables[n]) for n in tables) else "wrong"


def check_one(
    root: Path,
    rng: random.Random,
    tables: dict[str, pa.Table],
    *,
    with_annotations: bool,
    frictionless: bool = False,
    limit: int = 600,
    targets: tuple[str, ...] = TARGETS,
) -> Outcome:
    """Apply one mutation to `root`, judge both readers, and undo it."""
    from ..validate import validate

    mutation, original = mutate(root, rng, targets)
    after = (root / mutation.file).read_bytes()
    changed = changes_something(mutation.file, original, after)
    start = time.perf_counter()
    crash: str | None = None
    hang = False
    exit_code: int | None = None
    load = "not run"
    try:
        with time_limit(limit):
            report = validate(root, run_frictionless=frictionless, check_build=with_annotations)
            exit_code = report.exit_code
            internal = [p for p in report.problems if p.code == "internal-error"]
            if internal:
                crash = str(internal[0])
            load = _load_verdict(root, tables)
    except Hang:
        hang = True
    except Exception as exc:  # noqa: BLE001 - what the fuzzer looks for
        crash = f"{type(exc).__name__}: {exc}"[:300]
    finally:
        (root / mutation.file).write_bytes(original)
    reported = exit_code is not None and exit_code != 0
    if load == "wrong" or (not reported and load == "refused" and changed):
        crash = crash or f"load() {load} while validate said {exit_code}"
    return Outcome(
        mutation, changed, reported, exit_code, crash, hang, load, time.perf_counter() - start
    )


def prepare(source: Path, workdir: Path, *, with_annotations: bool) -> Path:
    """A copy of the package to damage (without annotations: as a downloader has it)."""
    root = workdir / ("with-annotations" if with_annotations else "downloaded")
    if root.exists():
        shutil.rmtree(root)
    skip = ["*.lock", ".staging"] + ([] if with_annotations else ["annotations"])
    shutil.copytree(source, root, ignore=shutil.ignore_patterns(*skip))
    return root


def run(
    source: Path,
    workdir: Path,
    *,
    seed: int,
    count: int,
    with_annotations: bool,
    frictionless: bool = False,
    targets: tuple[str, ...] = TARGETS,
) -> Summary:
    """`count` seeded mutations of a copy of the package at `source`, one at a time."""
    root = prepare(source, workdir, with_annotations=with_annotations)
    tables = original_tables(root)
    rng = random.Random(seed)
    summary = Summary()
    for _ in range(count):
        summary.outcomes.append(
            check_one(
                root,
                rng,
                tables,
                with_annotations=with_annotations,
                frictionless=frictionless,
                targets=targets,
            )
        )
    return summary
