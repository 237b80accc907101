"""The byte-level fast paths of validation only ever skip a check that would find nothing."""

from __future__ import annotations

import unicodedata
from unittest.mock import patch

import numpy as np
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from vnfr_data.arrow_values import strings
from vnfr_data.validate import text_proofs
from vnfr_data.validate.constraints import FORMULA_BYTES, not_nfc
from vnfr_data.validate.text_proofs import (
    CONTROL_BYTES,
    all_digits,
    all_iso_dates,
    all_nfc,
    longest_cell_bytes,
    no_cell_starting_with,
    no_control_bytes,
    no_empty_item,
)

#: Characters that make normalisation interesting: bases, precomposed letters, combining
#: marks of several classes (in and out of canonical order), Hangul jamo and syllables,
#: singletons and composition exclusions, and the CSV separators.
_TRICKY = (
    'aeoAOUn<=>,"\n\t '
    "\u00e0\u00e9\u1ea1\u1ec7\u01b0\u0111"  # à é ạ ệ ư đ
    "\u0300\u0301\u0302\u0303\u0309\u0323\u0327\u031b\u0338\u0345\u05b0"  # combining marks
    "\u1100\u1161\u11a8\uac00\uac01"  # Hangul L, V, T, LV, LVT
    "\u212b\u2126\u0344\u0958\u0f73"  # singletons, exclusions, non-starter decompositions
)
cells = st.lists(st.text(alphabet=_TRICKY, max_size=8) | st.none(), max_size=12)


@settings(deadline=None)
@given(cells)
def test_a_proof_of_nfc_holds_for_every_cell(values: list[str | None]) -> None:
    column = strings(values)
    if all_nfc(column):
        assert all(v is None or unicodedata.is_normalized("NFC", v) for v in values)
    expected = [v is not None and unicodedata.normalize("NFC", v) != v for v in values]
    assert [bool(x) for x in not_nfc(pa.chunked_array([column])).to_pylist()] == expected


@settings(deadline=None)
@given(cells)
def test_nfc_holds_for_every_piece_when_cut_small(values: list[str | None]) -> None:
    import vnfr_data.validate.text_proofs as proofs

    before = proofs.NFC_PIECE_BYTES
    proofs.NFC_PIECE_BYTES = 3
    try:
        proven = all_nfc(pa.chunked_array([strings(values[:6]), strings(values[6:])]))
    finally:
        proofs.NFC_PIECE_BYTES = before
    if proven:
        assert all(v is None or unicodedata.is_normalized("NFC", v) for v in values)


@settings(deadline=None)
@given(cells)
def test_a_proof_of_nfc_by_character_kinds_holds_for_every_cell(values: list[str | None]) -> None:
    import vnfr_data.validate.text_proofs as proofs

    before = proofs.BYTE_PROOF_BYTES
    proofs.BYTE_PROOF_BYTES = 0  # every column proven by its characters' kinds first
    try:
        proven = all_nfc(pa.chunked_array([strings(values[:6]), strings(values[6:])]))
    finally:
        proofs.BYTE_PROOF_BYTES = before
    if proven:
        assert all(v is None or unicodedata.is_normalized("NFC", v) for v in values)


def test_the_character_kinds_proof_knows_every_pair() -> None:
    """Every character that ends a canonical pair anywhere in Unicode and lies in the
    Basic Multilingual Plane is among those the proof scans for; none is ASCII."""
    from vnfr_data.validate.text_proofs import _second_halves

    ends = set()
    for cp in range(0x110000):
        parts = unicodedata.decomposition(chr(cp)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            ends.add(int(parts[1], 16))
    assert {cp for cp in ends if cp < 0x10000} <= _second_halves()
    assert not any(cp < 0x80 for cp in _second_halves())


def test_large_columns_are_proven_by_their_characters() -> None:
    import vnfr_data.validate.text_proofs as proofs

    text = "Việt Nam và Pháp hợp tác, đối tác chiến lược; Hà Nội " * 40_000
    assert len(text.encode()) >= proofs.BYTE_PROOF_BYTES
    assert proofs._inert_characters(np.frombuffer(text.encode(), dtype=np.uint8))
    assert all_nfc(strings([text, "ASCII"]))
    decomposed = unicodedata.normalize("NFD", "Hợp tác")
    assert not proofs._inert_characters(np.frombuffer(decomposed.encode(), dtype=np.uint8))
    assert not all_nfc(strings([text, decomposed]))
    # A character outside the kinds proven (a four-byte one) leaves it to the decoder.
    assert not proofs._inert_characters(np.frombuffer("🙂".encode(), dtype=np.uint8))
    assert all_nfc(strings([text, "🙂"]))


def test_a_large_column_of_small_chunks_is_proven_by_its_characters() -> None:
    """The CSV's blocks make a large column of chunks each below the threshold: the
    kinds are counted over the whole column, and no cell's text is decoded."""
    import vnfr_data.validate.text_proofs as proofs

    cell = "Việt Nam và Pháp hợp tác, đối tác chiến lược; Hà Nội "
    chunk = strings([cell] * 5_000)
    assert chunk.nbytes < proofs.BYTE_PROOF_BYTES
    column = pa.chunked_array([chunk] * 8)
    assert sum(c.nbytes for c in column.chunks) >= proofs.BYTE_PROOF_BYTES
    decoded: list[int] = []
    real = unicodedata.is_normalized

    def spy(form: str, text: str) -> bool:
        decoded.append(len(text))
        return real(form, text)

    with patch.object(proofs.unicodedata, "is_normalized", spy):
        assert all_nfc(column)
    assert all(n == 1 for n in decoded)  # characters looked up, never a cell's text
    # A decomposed cell in the last chunk only: not proven, and the decoder finds it.
    nfd = strings([unicodedata.normalize("NFD", "Hợp tác")])
    assert not all_nfc(pa.chunked_array([*column.chunks, nfd]))


def test_decomposed_text_is_not_proven() -> None:
    assert all_nfc(strings(["Hợp tác", None, "ASCII"]))
    assert not all_nfc(strings(["Hợp tác", unicodedata.normalize("NFD", "Hợp tác")]))
    # Each cell NFC, their concatenation not: the proof is refused, never wrong.
    assert not all_nfc(strings(["e", "\u0301"]))


@settings(deadline=None)
@given(st.binary(max_size=64))
def test_no_control_bytes_is_exact(data: bytes) -> None:
    assert no_control_bytes(data) == (not any(b in CONTROL_BYTES for b in data))
    text = data.decode("utf-8", "replace")
    if no_control_bytes(data):
        # C0 controls and DEL (C1 controls such as U+0080 are not what the check looks for).
        c0 = (c for c in text if ord(c) < 0x80)
        assert not any(unicodedata.category(c) == "Cc" and c not in "\t\n" for c in c0)


@settings(deadline=None)
@given(st.binary(max_size=64))
def test_no_control_bytes_is_exact_across_pieces(data: bytes) -> None:
    """Counted piece by piece: a control byte in any piece, first or last, is found."""
    with patch.object(text_proofs, "_COUNT_BYTES", 3):
        assert no_control_bytes(data) == (not any(b in CONTROL_BYTES for b in data))


@settings(deadline=None)
@given(st.lists(st.text(max_size=6) | st.none(), max_size=10))
def test_leading_bytes_and_lengths(values: list[str | None]) -> None:
    column = pa.chunked_array([strings(values)])
    leads = any(v and v[0] in "=+-@\t\r" for v in values)
    assert no_cell_starting_with(column, FORMULA_BYTES) == (not leads)
    longest = max((len(v.encode()) for v in values if v is not None), default=0)
    assert longest_cell_bytes(column) == longest


def test_sliced_columns_are_read_at_their_offset() -> None:
    column = strings(["=x", "ok", "fine", "@y"]).slice(1, 2)
    assert no_cell_starting_with(column, FORMULA_BYTES)
    assert longest_cell_bytes(column) == 4
    assert not no_cell_starting_with(strings(["ok", "@y"]).slice(1), FORMULA_BYTES)


digit_cells = st.lists(st.text(alphabet="0123456789-+ a", max_size=20) | st.none(), max_size=12)


@settings(deadline=None)
@given(digit_cells)
def test_a_proof_of_integers_holds_for_every_cell(values: list[str | None]) -> None:
    import re

    if all_digits(strings(values), 18):
        assert all(v is None or v == "" or re.fullmatch(r"-?[0-9]{1,18}", v) for v in values)


date_cells = st.lists(
    st.sampled_from(["2024-01-31", "2024-1-31", "20240-1-31", "2024/01/31", "", "x"]) | st.none(),
    max_size=8,
)


@settings(deadline=None)
@given(date_cells)
def test_a_proof_of_dates_holds_for_every_cell(values: list[str | None]) -> None:
    import re

    column = pa.chunked_array([strings(values[:3]), strings(values[3:])])
    if all_iso_dates(column):
        assert all(
            v is None or v == "" or re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", v) for v in values
        )


list_cells = st.lists(st.text(alphabet="a;b", max_size=6) | st.none(), max_size=10)


@settings(deadline=None)
@given(list_cells)
def test_a_proof_of_no_empty_item_holds_for_every_cell(values: list[str | None]) -> None:
    column = strings(values).slice(1)  # a sliced array: offsets that do not start at 0
    if no_empty_item(column, b";"):
        assert all(v is None or v == "" or "" not in v.split(";") for v in values[1:])


def test_the_proofs_can_fail() -> None:
    assert all_digits(strings(["12", None, ""]), 18)
    assert not all_digits(strings(["12", "-3"]), 18)
    assert not all_digits(strings(["1" * 19]), 18)
    assert all_iso_dates(strings(["2024-01-31", None, ""]))
    assert not all_iso_dates(strings(["2024-01-31", "2024-1-310"]))
    assert no_empty_item(strings(["a;b", "", None, "c"]), b";")
    assert not no_empty_item(strings(["a;;b"]), b";")
    assert not no_empty_item(strings(["a;"]), b";")
    assert not no_empty_item(strings([";a"]), b";")


def test_quote_scan_agrees_with_the_located_check_in_any_piece_size() -> None:
    """`_well_quoted` (the fast yes/no, in pieces) says no exactly when `_quoting_problem`
    finds a problem, for every short text of quotes, separators and letters, and
    whatever the piece size (a quote at a piece's edge, the first or the last byte)."""
    from itertools import product

    from vnfr_data.validate import structure

    alphabet = [b'"', b",", b"\n", b"a", b"\r"]
    for size in (1, 2, 3, 1 << 20):
        with patch.object(structure, "_SCAN_BYTES", size):
            for length in range(1, 7):
                for parts in product(alphabet, repeat=length):
                    buf = np.frombuffer(b"".join(parts), dtype=np.uint8)
                    quotes = np.flatnonzero(buf == ord('"'))
                    found = structure._quoting_problem(buf, quotes, lambda _offset: 1, "f")
                    assert structure._well_quoted(buf) == (found is None), parts
