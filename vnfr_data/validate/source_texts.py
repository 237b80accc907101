"""The source texts: present, unedited (sha256), UTF-8, and of the length the table says."""

from __future__ import annotations

import hashlib

import numpy as np

from ..errors import EncodingError, HashMismatch, MissingFile, ProblemsFound, SourceMismatch
from ..read.verified import read_bytes
from ..safe_files import canonical_parts
from .report import Report
from .state import PackageState

#: A source text larger than this is refused (the corpus's articles are ~10 kB).
MAX_SOURCE_BYTES = 64 * 1024 * 1024


def check_sources(state: PackageState, report: Report) -> dict[str, bytes]:
    """Each source text exists, matches its sha256 and length, and is UTF-8."""
    texts: dict[str, bytes] = {}
    if "sources" not in state.tables:
        return texts
    src = state.tables["sources"]
    file = state.files["sources"]
    csv_rows = state.where.csv_rows("sources", np.arange(src.num_rows, dtype=np.int64))
    columns = ["source_id", "path", "sha256", "char_count", "body_start", "body_end"]
    for row, rec in zip(csv_rows, src.select(columns).to_pylist(), strict=True):
        row = int(row)
        rel = rec["path"]
        if canonical_parts(rel) is None:
            report.problems.append(
                MissingFile(
                    "source text path leaves the package or is not a plain relative path",
                    file=file,
                    row=row,
                    field="path",
                    value=str(rel),
                )
            )
            continue
        shown = str(state.pkg.root / rel)
        try:
            raw = read_bytes(state.pkg.root, rel, shown, MAX_SOURCE_BYTES)
        except ProblemsFound as exc:
            # Located at the sources row that names the file.
            report.problems += [
                type(p)(
                    f"source text: {p.message}",
                    file=file,
                    row=row,
                    field="path",
                    value=str(rel),
                    expected=p.expected,
                )
                for p in exc.problems
            ]
            continue
        if hashlib.sha256(raw).hexdigest() != rec["sha256"]:
            report.problems.append(
                HashMismatch(
                    "sha256 differs from the source text (article files are never edited)",
                    file=file,
                    row=row,
                    field="sha256",
                    value=rec["sha256"],
                    expected=hashlib.sha256(raw).hexdigest(),
                )
            )
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            report.problems.append(
                EncodingError(
                    f"source text is not UTF-8 (byte {exc.start})",
                    file=shown,
                    expected="UTF-8 text",
                )
            )
            continue
        texts[rec["source_id"]] = raw
        for column, ok, expected in (
            ("char_count", rec["char_count"] == len(text), str(len(text))),
            (
                "body_end",
                rec["body_start"] is None
                or rec["body_end"] is None
                or rec["body_start"] <= rec["body_end"] <= len(text),
                f"body_start <= body_end <= {len(text)}",
            ),
        ):
            if not ok:
                report.problems.append(
                    SourceMismatch(
                        f"{column} disagrees with the source text",
                        file=file,
                        row=row,
                        field=column,
                        value=str(rec[column]),
                        expected=expected,
                    )
                )
    return texts
