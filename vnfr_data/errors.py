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


def _problem(
    code: str, title: str, *, fatal: bool = False, name: str | None = None
) -> type[Problem]:
    return type(
        name or "".join(part.capitalize() for part in code.split("-")) + "Error",
        (Problem,),
        {"code": code, "title": title, "fatal": fatal, "__module__": __name__},
    )


# Input that cannot be used at all (exit 2).
UnusableInput = _problem("unusable-input", "Unusable input", fatal=True)
#: A check failed unexpectedly: reported instead of a traceback, and no verdict is given.
InternalError = _problem(
    "internal-error", "A check failed unexpectedly (please report it)", fatal=True
)
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
UncoveredSentence = _problem(
    "uncovered-sentence", "Body sentence neither covered by evidence nor marked no_fact"
)
StaleBuild = _problem("stale-build", "Committed tables differ from a fresh build")
UnsafeCell = _problem("unsafe-cell", "Text cell would run as a spreadsheet formula")
TextNotNfc = _problem("text-not-nfc", "Text is not in Unicode NFC")
ControlCharacter = _problem("control-character", "Text contains a control character")
CellTooLarge = _problem("cell-too-large", "Cell longer than a spreadsheet cell can hold")
SchemaMismatch = _problem("schema-mismatch", "Descriptor schema differs from the Table Schema")
SourceMismatch = _problem("source-mismatch", "Source row disagrees with its text")
# Files: existence, size, bytes. Where frictionless has the same check, the code is its
# error type, so that both reports read alike (and duplicates can be dropped).
MissingFile = _problem("missing-file", "A file named by the package does not exist")
EmptyFile = _problem("empty-file", "File is empty")
FileTooLarge = _problem("file-too-large", "File too large to validate")
ParquetError = _problem("parquet-error", "Parquet file cannot be read")
UnsafeFileError = _problem(
    "unsafe-file", "File is a link, a special file or too large: not read", name="UnsafeFileError"
)
DescriptorMismatch = _problem(
    "descriptor-mismatch", "Descriptor differs from what the build writes for these files"
)
DescriptorError = _problem(
    "descriptor-error", "Descriptor breaks the Data Package profile or this package's format"
)
ByteOrderMark = _problem("byte-order-mark", "CSV starts with a byte order mark")
LineEnding = _problem("line-ending", "CSV line ends are not LF")
CsvSyntax = _problem("csv-syntax", "CSV quoting is malformed")
EncodingError = _problem("encoding-error", "Bytes are not UTF-8")
# Header and rows, as frictionless names them.
BlankLabel = _problem("blank-label", "Header has a blank label")
DuplicateLabel = _problem("duplicate-label", "Header names a column twice")
ExtraLabel = _problem("extra-label", "Header has a column the schema does not")
MissingLabel = _problem("missing-label", "Header lacks a column of the schema")
IncorrectLabel = _problem("incorrect-label", "Header column out of the schema's order")
BlankRow = _problem("blank-row", "Row is blank")
ExtraCell = _problem("extra-cell", "Row has more cells than the header")
MissingCell = _problem("missing-cell", "Row has fewer cells than the header")
RowCount = _problem("row-count", "Row count differs from the descriptor")
# Cells and keys, as frictionless names them.
CellTypeError = _problem("type-error", "Cell does not fit the field's type", name="CellTypeError")
ConstraintError = _problem("constraint-error", "Cell breaks a constraint of its field")
PrimaryKeyError = _problem("primary-key", "Two rows share a primary key")
ForeignKeyError = _problem("foreign-key", "Value not found in the referenced table")


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


def problem_class(code: str) -> type[Problem]:
    """The problem class of a code, to rebuild problems from their JSON form."""
    for value in globals().values():
        if isinstance(value, type) and issubclass(value, Problem) and value.code == code:
            return value
    return Problem


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
