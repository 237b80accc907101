"""The Table Schemas' types and constraints, checked on whole columns.

Frictionless checks types, constraints and keys cell by cell in Python; here the
same checks run as Arrow compute kernels over whole columns, so a million rows
take seconds. On top come what this dataset asks of every text cell: no control
characters, no cell a spreadsheet could not hold, and for free text NFC and no
formula lead. A bad cell is reported and then set to null, so that one bad cell
does not hide the problems of the others.

Reading follows frictionless where it is lenient (booleans accept its default
true/false values; an empty non-text cell is missing, as `missingValues: [""]`
says) and is stricter where the dataset's canonical form is the only sensible
one (decimals with at most 6 places, no exponent; integers without a sign).
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..arrow_values import FALSE, TRUE, integer, mask, null, numbers, string, strings
from ..errors import (
    CellTooLarge,
    CellTypeError,
    ConstraintError,
    ControlCharacter,
    Problem,
    TextNotNfc,
    UnsafeCell,
)
from ..publish.writers import LIST_DELIMITER
from ..rules.locate import Mask, Where, bools, located
from ..schema import Field, TableSchema
from .cells import typed_from_text
from .keys import duplicates
from .text_proofs import (
    all_digits,
    all_iso_dates,
    all_nfc,
    byte_length_range,
    few_distinct,
    longest_cell_bytes,
    no_cell_starting_with,
    no_empty_item,
)

#: Excel and LibreOffice cells hold at most this many characters; a longer cell is cut
#: when the CSV is opened, and no quote or title of this dataset comes near it.
MAX_CELL_CHARS = 32_767
#: C0 controls but tab and line feed, and DEL. NUL among them: it ends strings in C tools.
CONTROL = r"[\x00-\x08\x0b-\x1f\x7f]"
#: A cell starting with one of these runs as a formula in a spreadsheet (OWASP CSV injection).
FORMULA_LEAD = r"^[=+\-@\t\r]"
#: The same characters as bytes (all ASCII, so each is a cell's first byte when it leads).
FORMULA_BYTES = b"=+-@\t\r"
#: ... except a plain negative number ("-36.1", a claimed value): a spreadsheet reads it as
#: the number it is, and nothing can follow it.
PLAIN_NEGATIVE = r"^-[0-9]+(\.[0-9]+)?$"
#: Constraints and formats this module checks; a schema using another fails a test.
SUPPORTED_CONSTRAINTS = frozenset(
    {"required", "enum", "pattern", "minLength", "maxLength", "minimum", "maximum", "unique"}
)
SUPPORTED_FORMATS = frozenset({"default", "uri"})
TRUE_VALUES = ("true", "True", "TRUE", "1")
FALSE_VALUES = ("false", "False", "FALSE", "0")

_TYPE_RULES: dict[str, tuple[str, str]] = {
    "integer": (r"^-?[0-9]{1,18}$", "an integer such as 42"),
    "number": (r"^-?[0-9]{1,32}(\.[0-9]{1,6}0*)?$", "a decimal with at most 6 places, e.g. 6.9"),
    "date": (r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "an ISO date YYYY-MM-DD that exists"),
    "boolean": (
        "^(" + "|".join(TRUE_VALUES + FALSE_VALUES) + ")$",
        "true or false",
    ),
}
_URI = r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s\x00-\x1f\x7f]+$"
#: The most digits `_TYPE_RULES["integer"]` allows.
_INTEGER_DIGITS = 18


def _pattern_holds(col: pa.ChunkedArray, pattern: str) -> bool:
    """True when every distinct value of a column of few distinct values matches (False:
    check cell by cell). Null cells are not checked, as cell by cell."""
    if not few_distinct(col):
        return False
    values = pc.unique(col).drop_null()
    return bool(pc.all(pc.match_substring_regex(values, pattern)).as_py() is not False)


def is_free_text(field: Field) -> bool:
    """Text a person wrote (no enum, no pattern): NFC and formula checks apply."""
    return (
        field.type in ("string", "list")
        and field.enum is None
        and field.item_enum is None
        and field.pattern is None
    )


def _outside_vocabulary(col: pa.ChunkedArray, vocabulary: tuple[str, ...]) -> pa.Array:
    """Rows of a list column (as CSV text) with an item outside `vocabulary`."""
    empty = string("")
    items = pc.split_pattern(pc.fill_null(col, empty), LIST_DELIMITER).combine_chunks()
    flat = pc.list_flatten(items)
    parents = numbers(pc.list_parent_indices(items))
    unknown = pc.and_(
        pc.not_equal(flat, empty), pc.invert(pc.is_in(flat, value_set=strings(vocabulary)))
    )
    bad = np.zeros(len(col), dtype=bool)
    bad[parents[mask(unknown)]] = True
    return bools(bad)


def check_cells(
    text: pa.Table,
    schema: TableSchema,
    where: Where,
    unreadable: dict[str, pa.Array] | None = None,
    *,
    no_controls: bool = False,
) -> tuple[pa.Table, list[Problem]]:
    """Check every cell of a text table; returns the typed table (bad cells null) and problems.

    `unreadable` marks cells already reported and set to null (bytes that are not
    UTF-8): they are not reported again as missing. `no_controls` says the file
    was proven free of control characters (`text_proofs.no_control_bytes`).
    """
    problems: list[Problem] = []
    columns: dict[str, pa.ChunkedArray] = {}
    for field in schema.fields:
        check = _FieldCheck(schema.name, field, text, where)
        if unreadable and field.name in unreadable:
            check.reported = pc.or_(check.reported, unreadable[field.name])
        problems += check.text(no_controls)
        column = check.typed_text()
        problems += check.problems
        problems += check.constraints(column)
        columns[field.name] = column
    typed = typed_from_text(pa.table(columns), schema)
    for field in schema.fields:
        problems += _FieldCheck(schema.name, field, typed, where).ranges()
    return typed, problems


def not_nfc(col: pa.ChunkedArray) -> pa.ChunkedArray | pa.Array:
    """True where text is not NFC.

    Usually proven in one pass (`text_proofs.all_nfc`); otherwise ASCII is
    always NFC, so only the rest is normalised and compared.
    """
    if all_nfc(col):
        return bools(np.zeros(len(col), dtype=bool))
    ascii_ = pc.fill_null(pc.string_is_ascii(col), TRUE)
    others = pc.indices_nonzero(pc.invert(ascii_))
    subset = pc.take(col, others)
    changed = pc.indices_nonzero(pc.not_equal(pc.utf8_normalize(subset, "NFC"), subset))
    mask = np.zeros(len(col), dtype=bool)
    mask[numbers(pc.take(others, changed))] = True
    return bools(mask)


def _real_dates(col: pa.ChunkedArray) -> pa.ChunkedArray:
    """True where a YYYY-MM-DD string is a date of the proleptic calendar, year 1 or later.

    Arrow's cast refuses 2023-02-29 and month 13 but fails the whole column; when it
    does, the slower parse-and-print round trip says which cells are wrong.
    """
    try:
        parsed = pc.cast(col, pa.date32())
        same: pa.ChunkedArray | None = None
    except pa.ArrowInvalid:
        parsed = pc.strptime(col, format="%Y-%m-%d", unit="s", error_is_null=True)
        same = pc.equal(pc.strftime(parsed, format="%Y-%m-%d"), col)
    ok = pc.greater_equal(
        pc.year(parsed), integer(1)
    )  # Python's dates, hence pydantic's, start at 1
    return ok if same is None else pc.and_(ok, same)


class _FieldCheck:
    """The checks of one column; `make` builds a problem located at a row of it."""

    def __init__(self, name: str, field: Field, table: pa.Table, where: Where) -> None:
        self.name, self.field, self.table, self.where = name, field, table, where
        self.col: pa.ChunkedArray = table[field.name]
        self.problems: list[Problem] = []
        #: Cells already reported (wrong type, not UTF-8) and set to null.
        self.reported: pa.Array | pa.ChunkedArray = bools(np.zeros(table.num_rows, dtype=bool))

    def found(
        self,
        kind: type[Problem],
        mask: Mask,
        message: str,
        expected: str | None = None,
        column: pa.ChunkedArray | None = None,
    ) -> list[Problem]:
        table = self.table if column is None else pa.table({self.field.name: column})

        def make(row: int, value: str | None) -> Problem:
            return kind(
                message,
                file=self.where.file(self.name),
                row=row,
                field=self.field.name,
                value=value,
                expected=expected,
            )

        return located(self.where, self.name, table, self.field.name, mask, make)

    def text(self, no_controls: bool = False) -> list[Problem]:
        col, out = self.col, []
        if not no_controls:
            out += self.found(
                ControlCharacter,
                pc.match_substring_regex(col, CONTROL),
                "cell contains a control character (NUL, CR, escape ...)",
                "printable text; only tab and line feed among controls",
            )
        longest = longest_cell_bytes(col)
        if longest is None or longest > MAX_CELL_CHARS:  # bytes >= characters
            out += self.found(
                CellTooLarge,
                pc.greater(pc.utf8_length(col), integer(MAX_CELL_CHARS)),
                f"cell longer than {MAX_CELL_CHARS} characters",
                f"at most {MAX_CELL_CHARS} characters (a spreadsheet cell's limit)",
            )
        if is_free_text(self.field):
            out += self.found(
                TextNotNfc,
                not_nfc(col),
                "text is not NFC (decomposed characters, e.g. Vietnamese diacritics typed as "
                "combining marks)",
                "NFC-normalised text",
            )
            if not no_cell_starting_with(col, FORMULA_BYTES):
                out += self.found(
                    UnsafeCell,
                    pc.and_(
                        pc.match_substring_regex(col, FORMULA_LEAD),
                        pc.invert(pc.match_substring_regex(col, PLAIN_NEGATIVE)),
                    ),
                    "text starts with a formula character (=, +, -, @, tab, CR)",
                    "text starting with a letter, digit or punctuation other than = + - @",
                )
        return out

    def typed_text(self) -> pa.ChunkedArray:
        """The column with cells that do not fit the type set to null (reported)."""
        col, kind = self.col, self.field.type
        if kind in ("string", "list"):
            return col
        none = null(pa.string())
        # Proven on the bytes, when it can be: every non-empty cell has the type's form.
        proven = (kind == "integer" and all_digits(col, _INTEGER_DIGITS)) or (
            kind == "date" and all_iso_dates(col)
        )
        col = pc.if_else(pc.equal(col, string("")), none, col)
        pattern, expected = _TYPE_RULES[kind]
        fits = pc.is_valid(col) if proven else pc.match_substring_regex(col, pattern)
        if kind == "date":
            fits = pc.and_(fits, _real_dates(pc.if_else(fits, col, none)))
        bad = pc.and_(pc.is_valid(col), pc.invert(pc.fill_null(fits, FALSE)))
        self.problems += self.found(
            CellTypeError, bad, f"not a valid {kind}", expected, column=self.col
        )
        self.reported = pc.or_(self.reported, bad)
        col = pc.if_else(bad, none, col)
        if kind == "boolean":
            col = pc.if_else(
                pc.is_in(col, value_set=strings(TRUE_VALUES)),
                string("true"),
                pc.if_else(pc.is_valid(col), string("false"), none),
            )
        return col

    def constraints(self, col: pa.ChunkedArray) -> list[Problem]:
        f, out = self.field, []
        if f.required:
            missing = pc.and_(pc.is_null(col), pc.invert(self.reported))
            out += self.found(ConstraintError, missing, 'constraint "required": cell is empty')
        if f.type == "list" and not no_empty_item(col, LIST_DELIMITER.encode()):
            item_empty = pc.and_(
                pc.not_equal(col, string("")),
                pc.match_substring_regex(col, f"(^|{LIST_DELIMITER})({LIST_DELIMITER}|$)"),
            )
            out += self.found(
                ConstraintError,
                item_empty,
                "list has an empty item",
                f"items separated by '{LIST_DELIMITER}', none empty",
            )
        if f.type == "list" and f.item_enum is not None:
            out += self.found(
                ConstraintError,
                _outside_vocabulary(col, f.item_enum),
                'constraint "itemConstraints.enum": an item is not in the vocabulary',
                f"items of the {f.name} vocabulary (itemConstraints.enum in the Table Schema)",
            )
        if f.type != "string":
            return out
        if f.enum is not None:
            allowed = strings(list(f.enum))
            out += self.found(
                ConstraintError,
                pc.and_(pc.is_valid(col), pc.invert(pc.is_in(col, value_set=allowed))),
                'constraint "enum": value not in the vocabulary',
                "one of " + ", ".join(f.enum),
            )
        if f.pattern is not None and not _pattern_holds(col, f"^(?:{f.pattern})$"):
            out += self.found(
                ConstraintError,
                pc.invert(pc.match_substring_regex(col, f"^(?:{f.pattern})$")),
                'constraint "pattern": value does not match',
                f"a match of {f.pattern}",
            )
        shortest, longest = byte_length_range(col)
        # A character is 1 to 4 bytes: byte lengths alone often settle both constraints.
        check_min = (
            f.min_length is not None and shortest is not None and -(-shortest // 4) < f.min_length
        )
        check_max = f.max_length is not None and longest is not None and longest > f.max_length
        length = pc.utf8_length(col) if check_min or check_max else None
        if check_min and length is not None and f.min_length is not None:
            out += self.found(
                ConstraintError,
                pc.less(length, integer(f.min_length, length.type)),
                'constraint "minLength": text too short',
                f"at least {f.min_length} character(s)",
            )
        if check_max and length is not None and f.max_length is not None:
            out += self.found(
                ConstraintError,
                pc.greater(length, integer(f.max_length, length.type)),
                'constraint "maxLength": text too long',
                f"at most {f.max_length} character(s)",
            )
        if f.format == "uri":
            out += self.found(
                CellTypeError,
                pc.invert(pc.match_substring_regex(col, _URI)),
                "not a valid uri",
                "an absolute URI such as https://example.org/page",
            )
        return out

    def ranges(self) -> list[Problem]:
        """Constraints on typed values: minimum, maximum, unique."""
        col, f, out = self.col, self.field, []
        if f.type in ("integer", "number"):
            for key, limit, compare, word in (
                ("minimum", f.minimum, pc.less, "below"),
                ("maximum", f.maximum, pc.greater, "above"),
            ):
                if limit is not None:
                    value = limit
                    bound = (
                        integer(value, col.type)
                        if isinstance(value, int)
                        else pa.scalar(value).cast(col.type)
                    )
                    out += self.found(
                        ConstraintError,
                        compare(col, bound),
                        f'constraint "{key}": value {word} {limit}',
                        f"{'>=' if key == 'minimum' else '<='} {limit}",
                    )
        if f.unique:
            out += duplicates(
                self.table,
                [self.field.name],
                self.where,
                self.name,
                lambda row, first, value: ConstraintError(
                    f'constraint "unique": the same as in row {first}',
                    file=self.where.file(self.name),
                    row=row,
                    field=self.field.name,
                    value=value,
                ),
            )
        return out
