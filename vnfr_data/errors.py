"""Problems found in input, shaped like frictionless errors.

Every problem is a small class with a stable `code` and a `title`, and carries
its location (file, row, field) plus the offending value and what was expected,
so that our rule reports and Frictionless reports read alike and a contributor
can act on either without reading code.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, ClassVar

#: Longest value a problem carries: an excerpt to recognise, never a whole file.
MAX_VALUE_CHARS = 200
#: Longest message, expectation or location text (they quote exceptions and paths).
MAX_TEXT_CHARS = 1000


def excerpt(text: str, limit: int = MAX_VALUE_CHARS) -> str:
    """`text` cut to `limit` characters, every character that is not printable escaped.

    Control characters, bidirectional overrides and undecodable bytes (lone
    surrogates from file names) would garble a terminal or break a strict UTF-8
    stdout; escaped as `\\n`, `\\x1b`, `\\u202e`, `\\udcff`, they print anywhere
    and still say what was there.
    """
    if not text.isprintable():
        text = "".join(
            ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
            for ch in text[: limit * 2]
        )
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
    #: A fatal problem means no verdict could be reached (exit 2), not that the data is wrong.
    fatal: ClassVar[bool] = False
    #: Where it is found (a key of `STAGES`).
    stage: ClassVar[str] = "package"

    def __post_init__(self) -> None:
        # One place makes every report safe to print and short: however a check built
        # its problem, a value is an escaped excerpt and no text breaks the output.
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, str):
                limit = MAX_VALUE_CHARS if f.name == "value" else MAX_TEXT_CHARS
                object.__setattr__(self, f.name, excerpt(value, limit))

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


#: Where each kind of problem is found, in the order the catalogue lists them.
STAGES: dict[str, str] = {
    "verdict": "No verdict (exit 2)",
    "annotations": "Annotation files (`vnfr-data build`)",
    "package": "Tables and the package",
    "files": "Files: existence, size, bytes",
    "rows": "CSV header and rows",
    "cells": "Cells and keys",
}


def _problem(
    code: str, title: str, *, stage: str, fatal: bool = False, name: str | None = None
) -> type[Problem]:
    attrs = {"code": code, "title": title, "stage": stage, "fatal": fatal, "__module__": __name__}
    return type(
        name or "".join(part.capitalize() for part in code.split("-")) + "Error", (Problem,), attrs
    )


# Input that cannot be used at all (exit 2).
UnusableInput = _problem("unusable-input", "Unusable input", fatal=True, stage="verdict")
#: A check failed unexpectedly: reported instead of a traceback, and no verdict is given.
InternalError = _problem(
    "internal-error", "A check failed unexpectedly (please report it)", fatal=True, stage="verdict"
)
# Annotation files.
YamlError = _problem("yaml-error", "Annotation file is not safe, valid YAML", stage="annotations")
AnnotationSchemaError = _problem(
    "annotation-schema", "Annotation does not follow the format", stage="annotations"
)
QuoteNotFound = _problem(
    "quote-not-found", "Evidence quote not found in the article body", stage="annotations"
)
QuoteAmbiguous = _problem(
    "quote-ambiguous", "Evidence quote occurs more than once", stage="annotations"
)
UnknownReference = _problem(
    "unknown-reference", "Reference to a record that does not exist", stage="annotations"
)
DuplicateId = _problem("duplicate-id", "Two records share an id", stage="annotations")
IncompleteRecord = _problem(
    "incomplete-record", "Record misses a required field", stage="annotations"
)
DraftMarker = _problem(
    "draft-marker", "Annotation still carries a draft marker (unreviewed)", stage="annotations"
)
IdentityClash = _problem(
    "identity-clash", "Two sources disagree on what a record is", stage="annotations"
)
BadChoice = _problem(
    "bad-choice", "A reviewer's choice names no claim it can prefer", stage="annotations"
)
UnresolvedClaims = _problem(
    "unresolved-claims", "Sources disagree on a required field", stage="annotations"
)
CorpusEdited = _problem(
    "corpus-edited", "An article the base revision holds was changed", stage="annotations"
)
# Tables and the package.
FrictionlessError = _problem("frictionless", "Frictionless check failed", stage="package")
QuoteMismatch = _problem(
    "quote-mismatch", "Evidence quote differs from its source slice", stage="package"
)
EvidenceOutsideBody = _problem(
    "evidence-outside-body", "Evidence lies outside the article body", stage="package"
)
HashMismatch = _problem("hash-mismatch", "Checksum differs from the file", stage="package")
ClaimMismatch = _problem("claim-mismatch", "A row disagrees with its claims", stage="package")
MissingEvidence = _problem("missing-evidence", "Record cites no evidence", stage="package")
OrphanEvidence = _problem("orphan-evidence", "Evidence points at no record", stage="package")
WithdrawnIdInUse = _problem(
    "withdrawn-id-in-use",
    "A withdrawn id names a live record",
    stage="package",
    name="WithdrawnIdInUse",
)
DateOrder = _problem(
    "date-order", "Dates out of order or inconsistent with their precision", stage="package"
)
DuplicateFact = _problem("duplicate-fact", "The same fact recorded twice", stage="package")
TwinMismatch = _problem("twin-mismatch", "CSV and Parquet copies differ", stage="package")
StatementNotEvidence = _problem(
    "statement-text-not-evidence",
    "Statement text is not what its evidence spans build",
    stage="package",
)
StatementCutShort = _problem(
    "statement-cut-short",
    "Statement stops before the end of its sentence, with no split_note",
    stage="package",
)
StatementDate = _problem(
    "statement-date", "Statement date disagrees with its event's", stage="package"
)
UncoveredSentence = _problem(
    "uncovered-sentence",
    "Body sentence neither covered by evidence nor marked no_fact",
    stage="package",
)
StaleBuild = _problem("stale-build", "Committed tables differ from a fresh build", stage="package")
UnsafeCell = _problem(
    "unsafe-cell", "Text cell would run as a spreadsheet formula", stage="package"
)
TextNotNfc = _problem("text-not-nfc", "Text is not in Unicode NFC", stage="package")
ControlCharacter = _problem(
    "control-character", "Text contains a control character", stage="package"
)
CellTooLarge = _problem(
    "cell-too-large", "Cell longer than a spreadsheet cell can hold", stage="package"
)
SchemaMismatch = _problem(
    "schema-mismatch", "Descriptor schema differs from the Table Schema", stage="package"
)
SourceMismatch = _problem("source-mismatch", "Source row disagrees with its text", stage="package")
# Files: existence, size, bytes. Where frictionless has the same check, the code is its
# error type, so that both reports read alike (and duplicates can be dropped).
MissingFile = _problem("missing-file", "A file named by the package does not exist", stage="files")
EmptyFile = _problem("empty-file", "File is empty", stage="files")
FileTooLarge = _problem("file-too-large", "File too large to validate", stage="files")
ParquetError = _problem("parquet-error", "Parquet file cannot be read", stage="files")
UnsafeFileError = _problem(
    "unsafe-file",
    "File is a link, a special file or too large: not read",
    name="UnsafeFileError",
    stage="files",
)
DescriptorMismatch = _problem(
    "descriptor-mismatch",
    "Descriptor differs from what the build writes for these files",
    stage="files",
)
DescriptorError = _problem(
    "descriptor-error",
    "Descriptor breaks the Data Package profile or this package's format",
    stage="files",
)
ByteOrderMark = _problem("byte-order-mark", "CSV starts with a byte order mark", stage="files")
LineEnding = _problem("line-ending", "CSV line ends are not LF", stage="files")
CsvSyntax = _problem("csv-syntax", "CSV quoting is malformed", stage="files")
EncodingError = _problem("encoding-error", "Bytes are not UTF-8", stage="files")
# Header and rows, as frictionless names them.
BlankLabel = _problem("blank-label", "Header has a blank label", stage="rows")
DuplicateLabel = _problem("duplicate-label", "Header names a column twice", stage="rows")
ExtraLabel = _problem("extra-label", "Header has a column the schema does not", stage="rows")
MissingLabel = _problem("missing-label", "Header lacks a column of the schema", stage="rows")
IncorrectLabel = _problem(
    "incorrect-label", "Header column out of the schema's order", stage="rows"
)
BlankRow = _problem("blank-row", "Row is blank", stage="rows")
ExtraCell = _problem("extra-cell", "Row has more cells than the header", stage="rows")
MissingCell = _problem("missing-cell", "Row has fewer cells than the header", stage="rows")
RowCount = _problem("row-count", "Row count differs from the descriptor", stage="rows")
# Cells and keys, as frictionless names them.
CellTypeError = _problem(
    "type-error", "Cell does not fit the field's type", name="CellTypeError", stage="cells"
)
ConstraintError = _problem(
    "constraint-error", "Cell breaks a constraint of its field", stage="cells"
)
PrimaryKeyError = _problem("primary-key", "Two rows share a primary key", stage="cells")
ForeignKeyError = _problem("foreign-key", "Value not found in the referenced table", stage="cells")


#: Problems that cause others: reported first, so a reader starts with the cause (an edited
#: article) rather than its cascade (lengths, quotes and a stale build that follow from it).
ROOT_CAUSES = ("unusable-input", "hash-mismatch", "corpus-edited", "draft-marker", "yaml-error")


class ProblemsFound(Exception):
    """Raised with every problem found, so one run reports them all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class PackageError(ProblemsFound):
    """`vnfr_data.load()` refuses a package: the descriptor breaks the format, a file
    differs from its sha256, or the data was built for another version. The message
    names each file; `.problems` holds them with their codes, and
    `vnfr-data validate PATH` gives the whole report."""

    def __init__(self, root: object, problems: list[Problem]) -> None:
        self.root = root
        super().__init__(problems)
        shown = "\n".join(f"  {p}" for p in problems[:10])
        more = f"\n  ... and {len(problems) - 10} more" if len(problems) > 10 else ""
        self.args = (
            f"cannot load the data package at {root}:\n{shown}{more}\n"
            f"(`vnfr-data validate {root}` reports everything; reinstall or rebuild the package)",
        )

    def __str__(self) -> str:
        return str(self.args[0])


def catalogue() -> list[type[Problem]]:
    """Every kind of problem, in the order this module declares them (docs/problems.md)."""
    return [
        value
        for value in globals().values()
        if isinstance(value, type) and issubclass(value, Problem) and value is not Problem
    ]


def problem_class(code: str) -> type[Problem]:
    """The problem class of a code, to rebuild problems from their JSON form."""
    return next((p for p in catalogue() if p.code == code), Problem)


def problem_from_dict(data: dict[str, Any]) -> Problem:
    """The inverse of `Problem.to_dict` (unknown codes give a plain Problem)."""
    row = data.get("row")
    return problem_class(str(data.get("code")))(
        str(data.get("message", "")),
        file=data.get("file"),
        row=row if isinstance(row, int) else None,
        field=data.get("field"),
        value=data.get("value"),
        expected=data.get("expected"),
    )
