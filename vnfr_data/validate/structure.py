"""Byte-level facts about a CSV file that a CSV parser hides: BOM, line ends, quoting.

CSV parsers are lenient: Arrow and Python's csv module both skip a BOM, accept
CRLF, and read a stray quote as text, so the damage they hide only shows up
later, misplaced. This module looks at the bytes first, without a per-byte
Python loop: the parity of the number of quotes before a byte says whether it
lies inside a quoted field (an escaped `""` flips parity twice), which splits
records exactly for a well-formed RFC 4180 file. Every quote is then checked
to sit where RFC 4180 allows one, so a malformed file is reported at its first
bad quote instead of being silently misread.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from ..errors import ByteOrderMark, CsvSyntax, EncodingError, LineEnding, Problem

BOM = b"\xef\xbb\xbf"
_QUOTE, _COMMA, _LF, _CR = ord('"'), ord(","), ord("\n"), ord("\r")
#: A header longer than this is not a header (and would make csv.reader refuse it).
MAX_HEADER_BYTES = 64 * 1024
#: Bytes scanned for quotes at a time.
_SCAN_BYTES = 1 << 20
#: Bytes that may stand before an opening quote or after a closing one.
_DELIMITS = np.zeros(256, dtype=bool)
_DELIMITS[[_COMMA, _LF, _CR, _QUOTE]] = True


@dataclass
class Structure:
    """What the bytes say: where the data starts, the header, and what is wrong."""

    body_offset: int = 0
    labels: list[str] | None = None
    problems: list[Problem] = field(default_factory=list)
    #: False when quoting is malformed: any parse would misplace rows, so none is tried.
    parseable: bool = True


def scan(data: bytes, file: str) -> Structure:
    """Check the BOM, line ends and quoting of `data`, and read its header."""
    out = Structure()
    if data.startswith(BOM):
        out.problems.append(
            ByteOrderMark(
                "file starts with a UTF-8 byte order mark (BOM); Excel adds one when saving "
                "'CSV UTF-8'",
                file=file,
                row=1,
                expected="UTF-8 without BOM",
            )
        )
        out.body_offset = len(BOM)
    buf = np.frombuffer(data, dtype=np.uint8)[out.body_offset :]
    found: list[np.ndarray] = []
    ends: list[np.ndarray] = []

    def quotes() -> np.ndarray:
        """Every quote's offset: only when a problem is to be located."""
        if not found:
            found.append(np.flatnonzero(buf == _QUOTE))
        return found[0]

    def row_of(offset: int) -> int:
        """The CSV row of a byte: 1 + the record ends before it (found only when asked)."""
        if not ends:
            newlines = np.flatnonzero(buf == _LF)
            # A newline ends a record when an even number of quotes precede it.
            ends.append(newlines[np.searchsorted(quotes(), newlines) % 2 == 0])
        return int(np.searchsorted(ends[0], offset)) + 1

    syntax = None if _well_quoted(buf) else _quoting_problem(buf, quotes(), row_of, file)
    if syntax is not None:
        out.problems.append(syntax)
        out.parseable = False
        return out
    if b"\r" in data:
        crs = np.flatnonzero(buf == _CR)
        bare = crs[np.searchsorted(quotes(), crs) % 2 == 0]
        if len(bare):
            first = int(bare[0])
            crlf = first + 1 < len(buf) and buf[first + 1] == _LF
            out.problems.append(
                LineEnding(
                    "line ends are CRLF (\\r\\n), as Windows tools write them"
                    if crlf
                    else "line ends are bare CR (\\r)",
                    file=file,
                    row=row_of(first),
                    expected="LF (\\n) line ends",
                )
            )
            if not crlf:  # old Mac line ends: records cannot be told apart from the bytes
                out.parseable = False
                return out
    head = buf[: MAX_HEADER_BYTES + 2]
    end = _header_end(buf, np.flatnonzero(head == _QUOTE))
    out.labels = _header(bytes(buf[: min(end, MAX_HEADER_BYTES + 1)]), file, out)
    if out.labels is None:
        out.parseable = False
    else:
        out.body_offset += min(end + 1, len(buf))
    return out


def _well_quoted(buf: np.ndarray) -> bool:
    """True when every quote stands where RFC 4180 allows one and the last is closed.

    The same test as `_quoting_problem`, which says where and why, but in pieces
    of `_SCAN_BYTES`: the quote offsets of a whole file would take 8 bytes per quote
    (and a piece's stay in the CPU's cache). An opening quote at the first byte and a
    closing one at the last have no neighbour to check: they are left out by position,
    not by a mask over every quote.
    """
    n, odd = len(buf), False  # odd: an odd number of quotes before the piece
    for start in range(0, n, _SCAN_BYTES):
        q = np.flatnonzero(buf[start : start + _SCAN_BYTES] == _QUOTE)
        if not len(q):
            continue
        q += start
        openers, closers = (q[1::2], q[0::2]) if odd else (q[0::2], q[1::2])
        if len(openers) and openers[0] == 0:
            openers = openers[1:]
        if len(closers) and closers[-1] == n - 1:
            closers = closers[:-1]
        if not (_DELIMITS[buf[openers - 1]].all() and _DELIMITS[buf[closers + 1]].all()):
            return False
        odd ^= bool(len(q) % 2)
    return not odd


def _header_end(buf: np.ndarray, quotes: np.ndarray) -> int:
    """Offset of the line feed ending the first record (the header), or the end of data."""
    head = bytes(buf[: MAX_HEADER_BYTES + 2])
    at = head.find(b"\n")
    while at != -1 and int(np.searchsorted(quotes, at)) % 2:
        at = head.find(b"\n", at + 1)
    return at if at != -1 else min(len(buf), MAX_HEADER_BYTES + 1)


def _quoting_problem(
    buf: np.ndarray, quotes: np.ndarray, row_of: Callable[[int], int], file: str
) -> Problem | None:
    """The first quote RFC 4180 does not allow where it is, or an unclosed quote."""
    n = len(buf)
    openers, closers = quotes[0::2], quotes[1::2]
    # An opening quote starts a field (or is the second half of an escaped "").
    prev = buf[np.maximum(openers - 1, 0)]
    bad_open = (openers > 0) & ~_any_of(prev, (_COMMA, _LF, _CR, _QUOTE))
    # A closing quote ends a field (or is the first half of an escaped "").
    nxt = buf[np.minimum(closers + 1, n - 1)]
    bad_close = (closers < n - 1) & ~_any_of(nxt, (_COMMA, _LF, _CR, _QUOTE))
    first_open = int(openers[bad_open][0]) if bad_open.any() else n
    first_close = int(closers[bad_close][0]) if bad_close.any() else n
    if first_open < first_close:
        return CsvSyntax(
            "a quote inside an unquoted field",
            file=file,
            row=row_of(first_open),
            value=_around(buf, first_open),
            expected='the whole field quoted, with inner quotes doubled ("")',
        )
    if first_close < n and buf[first_close - 1] in (_COMMA, _LF):
        # The "closing" quote opens a field: the quote before it was never closed.
        opened = int(quotes[np.searchsorted(quotes, first_close) - 1])
        return CsvSyntax(
            "a quoted field is never closed (the next field's quote closes it)",
            file=file,
            row=row_of(opened),
            value=_around(buf, opened),
            expected="a closing quote",
        )
    if first_close < n:
        return CsvSyntax(
            "text after the closing quote of a field",
            file=file,
            row=row_of(first_close),
            value=_around(buf, first_close),
            expected='a comma or line end after the closing quote; inner quotes doubled ("")',
        )
    if len(quotes) % 2:
        opened = int(quotes[-1])
        return CsvSyntax(
            "a quoted field is never closed",
            file=file,
            row=row_of(opened),
            value=_around(buf, opened),
            expected="a closing quote",
        )
    return None


def _any_of(values: np.ndarray, allowed: tuple[int, ...]) -> np.ndarray:
    out: np.ndarray = values == allowed[0]
    for value in allowed[1:]:
        out |= values == value
    return out


def _around(buf: np.ndarray, offset: int) -> str:
    return bytes(buf[max(offset - 20, 0) : offset + 20]).decode("utf-8", "backslashreplace")


def _header(raw: bytes, file: str, out: Structure) -> list[str] | None:
    if len(raw) > MAX_HEADER_BYTES:
        out.problems.append(
            CsvSyntax("header row too long", file=file, row=1, expected=f"<= {MAX_HEADER_BYTES}")
        )
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        out.problems.append(
            EncodingError(
                f"header is not UTF-8 (byte {exc.start})",
                file=file,
                row=1,
                value=raw[max(exc.start - 20, 0) : exc.start + 20].decode(
                    "utf-8", "backslashreplace"
                ),
                expected="UTF-8 text",
            )
        )
        return None
    try:
        return next(csv.reader(io.StringIO(text.rstrip("\r"), newline="")), [])
    except csv.Error as exc:  # pragma: no cover - the quote scan catches these first
        out.problems.append(CsvSyntax(f"header cannot be read: {exc}", file=file, row=1))
        return None
