"""Agreement types and mentions in passing (issue 9): the codebook's `cooperation_documents`
(one or more cooperation documents: a memorandum of understanding, a cooperation agreement, a
set signed together) and the mechanisms, programmes and plans that news prose names in passing.
Each rule on sentences written for the test (none copied from anywhere)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from vnfr_data.draft import Draft, extract
from vnfr_data.draft.agreement_documents import document_type


def _draft(tmp_path: Path, text: str) -> Draft:
    article = tmp_path / "001_00000000000000ab.txt"
    article.write_text(text, encoding="utf-8")
    return extract(article, published=dt.date(2026, 3, 20))


@pytest.mark.parametrize(
    ("what", "kind"),
    [
        ("memorandum of understanding", "cooperation_documents"),
        ("MoU", "cooperation_documents"),
        ("three-year cooperation agreement", "cooperation_documents"),
        ("cooperation programme", "partnership_programme"),
        ("loan agreement", "other"),
        ("contract", "other"),
        ("letter of intent", "other"),
        ("agreement", "other"),
    ],
)
def test_one_memorandum_or_cooperation_agreement_is_a_cooperation_document(
    what: str, kind: str
) -> None:
    assert document_type(what) == kind


def test_a_signed_memorandum_is_typed_as_cooperation_documents(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Provinces sign memorandum\n"
        "HUE - Thua Thien Hue and the Brittany region on Tuesday signed a memorandum of "
        "understanding on heritage conservation.\n"
        "The two sides also signed a loan agreement for a water plant.\n",
    )
    kinds = {a.name: a.type for a in d.agreements}
    assert kinds.get("Memorandum of understanding on heritage conservation") == (
        "cooperation_documents"
    ), kinds
    assert [t for n, t in kinds.items() if n.startswith("Loan agreement")] == ["other"], kinds
