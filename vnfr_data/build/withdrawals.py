"""Tombstones: records withdrawn from the dataset keep their id, with the reason and version.

Ids are cited by users, so they are never reused and never silently vanish.
To withdraw a record, an annotator deletes it (and its quotes) from the source
files and adds a row to `annotations/withdrawals.csv`: the table, the id, the
version that withdraws it (the next release) and why. The build publishes
these rows as the `withdrawals` table and refuses a withdrawn id that a live
record still (or again) uses (the rule `vnfr_data.rules.tombstones`, placed at
the line of withdrawals.csv); `vnfr-data diff` reports the record as
withdrawn rather than removed, and the Python API's KeyError says so.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import AnnotationSchemaError, EncodingError, Problem, UnsafeFileError
from ..paths import shown
from ..safe_files import UnsafeFile, read_inside
from ..schema.models import Withdrawal

FILE = "withdrawals.csv"
#: Where the tombstones are curated, relative to the data directory.
WITHDRAWALS_FILE = f"annotations/{FILE}"
#: A tombstone list is a few kB; a larger file is refused unread.
MAX_BYTES = 16 * 1024 * 1024


def read_withdrawals(data_dir: Path) -> tuple[list[dict[str, Any]], list[Problem]]:
    """The tombstone rows of `annotations/withdrawals.csv` (none when there is no file).

    Read as safely as the crosswalk: a regular file inside the data directory (no
    link), UTF-8, at most MAX_BYTES.
    """
    rel = WITHDRAWALS_FILE
    file = shown(data_dir / rel)
    try:
        text = read_inside(data_dir, rel, MAX_BYTES).decode("utf-8")
        table = list(csv.DictReader(io.StringIO(text, newline="")))
    except UnsafeFile as exc:
        if exc.kind == "missing":
            return [], []
        return [], [UnsafeFileError(str(exc), file=file)]
    except (UnicodeDecodeError, csv.Error) as exc:
        return [], [EncodingError(f"cannot read the withdrawals: {exc}", file=file)]
    rows: list[dict[str, Any]] = []
    problems: list[Problem] = []
    for line, row in enumerate(table, start=2):
        cleaned = {str(k): (v or None) for k, v in row.items()}
        try:
            Withdrawal.model_validate(cleaned)
        except ValidationError as exc:
            for err in exc.errors():
                problems.append(
                    AnnotationSchemaError(
                        f"withdrawal: {err['msg']}",
                        file=file,
                        row=line,
                        field=str(err["loc"][0]) if err["loc"] else None,
                    )
                )
            continue
        cleaned["_row"] = line
        rows.append(cleaned)
    return rows, problems
