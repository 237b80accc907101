"""Problems found in input, shaped like frictionless errors.

Every problem is a small class with a stable `code` and a `title`, and carries
its location (file, row, field) plus the offending value and what was expected,
so that our rule reports and Frictionless reports read alike and a contributor
can act on either without reading code.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, ClassVar


@dataclass(frozen=True)
class Problem:
    message: str
    file: str | None = None
    row: int | None = None
    field: str | None = None
    value: str | None = None
    expected: str | None = None

    code: ClassVar[str] = "problem"
    title: ClassVar[str] = "Problem"

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "title": self.title, **asdict(self)}

    def location(self) -> str:
        parts = [self.file or "<input>"]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.field is not None:
            parts.append(f"field {self.field!r}")
        return ", ".join(parts)

    def __str__(self) -> str:
        text = f"{self.location()}: [{self.code}] {self.message}"
        if self.value is not None:
            shown = self.value if len(self.value) <= 120 else self.value[:117] + "..."
            text += f" (value: {shown!r})"
        if self.expected is not None:
            text += f" (expected: {self.expected})"
        return text


def _problem(code: str, title: str) -> type[Problem]:
    return type(
        "".join(part.capitalize() for part in code.split("-")) + "Error",
        (Problem,),
        {"code": code, "title": title, "__module__": __name__},
    )


# Input that cannot be used at all (exit 2).
UnusableInput = _problem("unusable-input", "Unusable input")
# Annotation files.
YamlError = _problem("yaml-error", "Annotation file is not safe, valid YAML")
AnnotationSchemaError = _problem("annotation-schema", "Annotation does not follow the format")
QuoteNotFound = _problem("quote-not-found", "Evidence quote not found in the article body")
QuoteAmbiguous = _problem("quote-ambiguous", "Evidence quote occurs more than once")
UnknownReference = _problem("unknown-reference", "Reference to a record that does not exist")
DuplicateId = _problem("duplicate-id", "Two records share an id")
IncompleteRecord = _problem("incomplete-record", "Record misses a required field")
# Tables and the package.
FrictionlessError = _problem("frictionless", "Frictionless check failed")
QuoteMismatch = _problem("quote-mismatch", "Evidence quote differs from its source slice")
EvidenceOutsideBody = _problem("evidence-outside-body", "Evidence lies outside the article body")
HashMismatch = _problem("hash-mismatch", "Checksum differs from the file")
MissingEvidence = _problem("missing-evidence", "Record cites no evidence")
OrphanEvidence = _problem("orphan-evidence", "Evidence points at no record")
DateOrder = _problem("date-order", "Dates out of order or inconsistent with their precision")
DuplicateFact = _problem("duplicate-fact", "The same fact recorded twice")
TwinMismatch = _problem("twin-mismatch", "CSV and Parquet copies differ")
StaleBuild = _problem("stale-build", "Committed tables differ from a fresh build")
UnsafeCell = _problem("unsafe-cell", "Text cell would run as a spreadsheet formula")
TextNotNfc = _problem("text-not-nfc", "Text is not in Unicode NFC")


class ProblemsFound(Exception):
    """Raised with every problem found, so one run reports them all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
