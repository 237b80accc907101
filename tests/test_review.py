"""Review tools: an article beside its records, and the coverage of its body."""

from __future__ import annotations

import pytest

from vnfr_data import Dataset
from vnfr_data.cli import main
from vnfr_data.review.coverage import coverage, sentences


def test_show_prints_each_record_with_its_quote(
    ds: Dataset, capsys: pytest.CaptureFixture[str]
) -> None:
    source = next(iter(ds.sources))
    assert main(["show", source.source_id, "--path", str(ds.root)]) == 0
    out = capsys.readouterr().out
    spans = ds.evidence.where(source_id=source.source_id)
    assert spans
    for span in spans[:20]:
        assert f"“{span.quote}”" in out
        assert f"{span.record_table} {span.record_id}" in out


def test_show_unknown_source_is_a_usage_error(
    ds: Dataset, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", "0000000000000000", "--path", str(ds.root)]) == 2
    assert "no source" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("marker", "inside"),
    [
        ("See also", False),  # related-article teasers after article 001
        ("See more", False),  # teasers after article 003
        ("Leave a comment", False),  # comment prompt after article 004
        ("(Photo: VNA)", False),  # captions before article 003's body
    ],
)
def test_bodies_exclude_page_furniture(ds: Dataset, marker: str, inside: bool) -> None:
    seen = False
    for source in ds.sources:
        text = ds.source_text(source.source_id)
        at = text.find(marker)
        if at == -1:
            continue
        seen = True
        assert (source.body_start <= at < source.body_end) is inside, (source.source_id, marker)
    assert seen, marker


def test_sentences_split_on_sentence_ends_and_lines() -> None:
    text = "Intro.\nHe said it. Then “Quoted.” Next one?  Yes.\n\nEnd"
    spans = sentences(text, 0, len(text))
    assert [text[a:b] for a, b in spans] == [
        "Intro.",
        "He said it.",
        "Then “Quoted.”",
        "Next one?",
        "Yes.",
        "End",
    ]


def test_coverage_classifies_sentences() -> None:
    text = "One fact here. A heading\nNothing at all."
    result = coverage(text, (0, len(text)), spans=[(4, 8)], marks=[(15, 24, "section heading")])
    assert [(s.text, s.status, s.reason) for s in result] == [
        ("One fact here.", "covered", None),
        ("A heading", "no_fact", "section heading"),
        ("Nothing at all.", "uncovered", None),
    ]


def test_sentences_keep_abbreviations_and_initials_whole() -> None:
    """The coverage rule and the draft extractor share one splitter: "Mr.", "U.S." and
    initials do not end a sentence, a line break always does."""
    text = "Mr. J. Smith met U.S. officials on Jan. 5. They agreed./. Next\nLine two"
    assert [text[a:b] for a, b in sentences(text, 0, len(text))] == [
        "Mr. J. Smith met U.S. officials on Jan. 5.",
        "They agreed./.",
        "Next",
        "Line two",
    ]
