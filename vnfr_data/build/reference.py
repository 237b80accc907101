"""Reference tables curated as CSV files (the crosswalk, the withdrawals), read as claims.

The registry names each one's file. A row becomes a claim like any annotation,
so the model gate and the dataset rules place their problems at the file's
line, and a record given twice is an error, not a silent merge. Files are read
as safely as annotations: regular files inside the data directory (no link),
UTF-8, bounded.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import DuplicateId, EncodingError, UnsafeFileError
from ..paths import shown
from ..safe_files import UnsafeFile, read_inside
from ..schema import TABLES, TableSpec
from .collect import Claim, Collected

#: A reference file is a few kB; a larger one is refused unread.
MAX_BYTES = 16 * 1024 * 1024


def collect_references(data_dir: Path, out: Collected) -> None:
    """A claim per row of every curated reference file; problems are gathered."""
    for table in TABLES:
        if table.file is not None:
            _collect(data_dir, table, table.file, out)


def _collect(data_dir: Path, table: TableSpec, rel: str, out: Collected) -> None:
    file = shown(data_dir / rel)
    try:
        text = read_inside(data_dir, rel, MAX_BYTES).decode("utf-8")
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
    except UnsafeFile as exc:
        if not (exc.kind == "missing" and table.file_optional):
            out.problems.append(UnsafeFileError(str(exc), file=file))
        return
    except (UnicodeDecodeError, csv.Error) as exc:
        out.problems.append(
            EncodingError(f"cannot read {rel}: {exc}", file=file, expected="UTF-8 CSV")
        )
        return
    for line, row in enumerate(rows, start=2):
        values = {str(k): v for k, v in row.items() if v}
        key = table.record_key(values)
        if key in out.claims[table.name]:
            out.problems.append(
                DuplicateId(f"{table.name} lists {key} twice", file=file, row=line, value=key)
            )
            continue
        out.claim(table.name, key, Claim(None, "", None, file, line, values))
