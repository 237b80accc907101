"""How a dataset rule is declared: the tables it reads and the problems it may report.

A rule is written once, on whole Arrow columns, and runs twice: in the build
(on the freshly assembled tables, its problems then placed at the annotation
file and YAML line of the record) and in `validate` (on the tables read from
the CSV files, at their rows). The declaration is enforced: a rule sees only
the tables it declares, and a problem of a code it does not declare is an
internal error, so the problem catalogue generated from the declarations
(docs/problems.md) cannot drift from what the rules do.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

import pyarrow as pa

from ..errors import Problem
from .locate import Where

Tables = dict[str, pa.Table]


T = TypeVar("T")


class Shared:
    """What several rules derive from the same tables (the evidence's record ids numbered,
    say), computed by the first rule that asks and then reused: rules run side by side,
    so the first computes it under a lock while a second waits for it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: dict[Hashable, Any] = {}
        self._asked: dict[Hashable, int] = {}

    def get(self, key: Hashable, compute: Callable[[], T], users: int | None = None) -> T:
        """The value of `key`, computed on the first call; forgotten after the `users`-th
        (the rules that use it have all had it: its memory goes back)."""
        with self._lock:
            if key not in self._values:
                self._values[key] = compute()
            value: T = self._values[key]
            self._asked[key] = self._asked.get(key, 0) + 1
            if users is not None and self._asked[key] >= users:
                del self._values[key]
            return value


@dataclass(frozen=True)
class Inputs:
    """What a rule reads: typed tables (those that could be read), places, source texts."""

    tables: Mapping[str, pa.Table]
    where: Where = field(default_factory=Where)
    #: Raw UTF-8 bytes of each source's text, by source_id (those that could be read).
    texts: Mapping[str, bytes] = field(default_factory=dict)
    #: What rules derive from the same tables, computed once for all of them.
    shared: Shared = field(default_factory=Shared)


Check = Callable[[Inputs], list[Problem]]


@dataclass(frozen=True)
class Rule:
    """One dataset rule and its declaration."""

    #: Short name, shown as the stage that runs it.
    name: str
    #: Tables the rule reads; it is given those that could be read, and only those.
    tables: tuple[str, ...]
    #: Problem classes it may report.
    emits: tuple[type[Problem], ...]
    check: Check
    #: Holds temporaries the size of the evidence table (its keys, the texts' character
    #: index): `validate` runs such rules one after another, never two at once.
    heavy: bool = False

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(p.code for p in self.emits)

    @property
    def summary(self) -> str:
        """The first line of the check's docstring: what the rule asks of the data."""
        return (self.check.__doc__ or self.name).strip().splitlines()[0]

    def run(self, data: Inputs) -> list[Problem]:
        """Run on the declared tables only; an undeclared problem code is a bug of the rule."""
        visible = {n: t for n, t in data.tables.items() if n in self.tables}
        found = self.check(Inputs(visible, data.where, data.texts, data.shared))
        wrong = sorted({p.code for p in found} - set(self.codes))
        if wrong:
            raise RuntimeError(f"rule {self.name} reported undeclared codes {', '.join(wrong)}")
        return found

    def __call__(self, data: Inputs) -> list[Problem]:
        return self.run(data)


def rule(
    name: str,
    *,
    tables: Collection[str],
    emits: tuple[type[Problem], ...],
    heavy: bool = False,
) -> Callable[[Check], Rule]:
    """Declare `check` as a dataset rule; list it in `vnfr_data.rules.RULES` to run it."""

    def declare(check: Check) -> Rule:
        return Rule(name, tuple(tables), emits, check, heavy)

    return declare


@dataclass(frozen=True)
class Selection:
    """Which problem codes a run reports (`--select`, `--ignore`); empty means all."""

    select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()

    def wants(self, code: str) -> bool:
        return (not self.select or code in self.select) and code not in self.ignore

    def keeps(self, problem: Problem) -> bool:
        # A problem that leaves no verdict (unusable input, a failed check) is never hidden.
        return problem.fatal or self.wants(problem.code)
